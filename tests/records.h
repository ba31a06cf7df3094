/*
 * records.h: reading labelled corpus files for the test programs.
 *
 * A corpus file is a list of records
 *
 *	=== ID
 *	present: IDS          (indicator ids, or "-" for none)
 *	---
 *	the answer's text, up to the next "=== " line
 *
 * (other header lines, such as "area:", are ignored).  records_read
 * calls back once per record with the text and what is present.
 *
 * Ownership: the id and text handed to the callback are valid during
 * the call only.
 */
#ifndef DHCOACH_RECORDS_H
#define DHCOACH_RECORDS_H

#include <stddef.h>

typedef void (*records_fn)(void *ctx, const char *id, const char *text,
    size_t len, const int *want);

/* Read every record of file; 0, or -1 (with a message) on a bad file. */
int records_read(const char *file, records_fn fn, void *ctx);

#endif

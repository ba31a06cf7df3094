/*
 * json.h: writing JSON strings.
 *
 * Text from candidates may hold any bytes; json_put_string always writes a
 * valid JSON string, replacing invalid UTF-8 with U+FFFD.  Nothing here
 * allocates.
 */
#ifndef DHCOACH_JSON_H
#define DHCOACH_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Write s[0..len) as a quoted JSON string. */
void json_put_string(FILE *, const char *s, size_t len);
/* Write a NUL-terminated string as a quoted JSON string. */
void json_put_str(FILE *, const char *s);

#endif

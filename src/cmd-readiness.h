/*
 * cmd-readiness.h: the readiness summary, for the sittings that end
 * with it (the conversation, when asked, and the questionnaire).
 *
 * Ownership: nothing is kept; the prompts and database are borrowed.
 */
#ifndef DHCOACH_CMD_READINESS_H
#define DHCOACH_CMD_READINESS_H

#include "db.h"
#include "err.h"
#include "prompts.h"

/*
 * Read the running picture from db, judge it by the [readiness] rule
 * and print the summary as text on standard output, after a blank line.
 * Returns 0, or -1 with *e set when the picture cannot be read.
 */
int cmd_readiness_print(const struct prompts *, struct db *, struct err *e);

#endif

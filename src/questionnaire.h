/*
 * questionnaire.h: the skills self-report questionnaire: the ten
 * self-ratings in one pass, the way the application asks for them.
 *
 * For each area, its short definition and the 1-5 scale of [scale]; the
 * rating read by text_rating ("3", "about 3", "three"); /skip leaves an
 * area unrated, /back returns to the one before; after each rating an
 * optional one-line example (Enter skips it), kept as an answer so that
 * its evidence counts.  An example typed instead of a rating is kept
 * too, whether or not a rating follows.  An example the database refuses
 * waits in the recovery folder (keep.h), as the conversation's answers
 * do, and is saved with the next one or at the end.  A rating the
 * database refuses is asked again on a terminal; from a pipe it ends the
 * questionnaire with the database's error.  The ratings are a sitting of
 * their own, kind "questionnaire", so progress, report and the
 * conversation see them.  From a pipe, each line is a rating in area
 * order (then no example is asked); a line that is not a rating is
 * counted as unused.
 *
 * Ownership: borrows everything for the length of the call.
 */
#ifndef DHCOACH_QUESTIONNAIRE_H
#define DHCOACH_QUESTIONNAIRE_H

#include <stdio.h>

#include "db.h"
#include "err.h"
#include "prompts.h"
#include "source.h"

/*
 * Run the questionnaire, keeping refused examples in recover_dir (NULL:
 * in memory only).  Returns 0 with *rated the number of areas rated and
 * *unused the lines that could not be used, or -1 with *e (ERR_UNSAVED
 * when examples are still waiting at the end).
 */
int questionnaire_run(const struct prompts *, struct db *, struct source *,
    FILE *out, int width, const char *recover_dir, int *rated, int *unused,
    struct err *e);

#endif

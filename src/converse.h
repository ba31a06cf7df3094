/*
 * converse.h: the coaching conversation, independent of the terminal.
 *
 * The conversation works on the running picture (picture.h): whatever
 * the candidate showed in any sitting counts.  Coming back, it carries
 * on at the first unfinished area with a one-line recap of last time,
 * and never asks again a main question or probe answered before.  For
 * each area: its definition, the self-rating (kept from last time
 * unless changed), a main question, then replies and probes until the
 * area is covered, two probes were asked, or the candidate moves on.
 * After Insightfulness, an offer to write the action plan, starting from
 * the next step the candidate just wrote.  At the end of the walk, the
 * areas not finished are offered rather than the sitting ending; after
 * a full walk, the readiness summary.
 *
 * Slash commands are one table (converse_commands): the same rows
 * dispatch them, print /help and feed completion.  A command, valid or
 * not, never discards what the candidate entered, and the question is
 * asked again after it.  Every rating and answer is committed to the
 * store the moment it is given; when the store refuses one (locked,
 * disk full), it is written to the recovery folder (recover.h) at once,
 * the conversation goes on without consuming any input, and it is
 * saved as soon as the store takes answers again.
 *
 * Lines come from a struct source: readline (repl.c), a pipe, or a
 * test's list.  From a pipe every line is an answer or a command: no
 * yes/no question is asked, and a line that cannot be used is counted.
 *
 * Ownership: the conversation borrows the prompts, database, source and
 * stream for the length of converse_run.
 */
#ifndef DHCOACH_CONVERSE_H
#define DHCOACH_CONVERSE_H

#include <stdio.h>

#include "db.h"
#include "err.h"
#include "prompts.h"
#include "source.h"

struct converse;

/* What a slash command's argument is, for completion and checking. */
enum converse_arg {
	CONVERSE_ARG_NONE,
	CONVERSE_ARG_AREA,	/* an area: id, number or prefix */
	CONVERSE_ARG_OPTIONAL	/* free text, may be empty */
};

/*
 * A slash command: its name (without the slash), its arguments and
 * summary for /help, and its handler.  The handler returns what the
 * conversation does next (enum converse_next of converse-int.h), or -1
 * with the conversation's error set.
 */
struct converse_command {
	const char		*name;
	const char		*args;
	const char		*summary;
	enum converse_arg	 arg;
	int			(*fn)(struct converse *, const char *arg);
};

/* Every slash command, ending with a NULL name. */
extern const struct converse_command converse_commands[];

struct converse_options {
	int		 start;		/* an area to begin at, or -1 */
	int		 fresh;		/* --new: from the first area, no recap */
	const char	*db_path;	/* shown to the candidate */
	const char	*recover_dir;	/* NULL: no recovery folder */
	int		 width;
	int		 colour;
};

/* What the caller should do once the conversation is over. */
struct converse_outcome {
	int	show_readiness;	/* the candidate asked for the summary */
	int	unused_lines;	/* lines of piped input that were not used */
	int	unsaved;	/* answers left in the recovery folder */
};

/*
 * Run a sitting.  Returns 0 (*res says what is left to do), or -1 with
 * *e set: the store failed in a way the recovery folder could not
 * catch, or answers are still unsaved (ERR_UNSAVED, the message saying
 * where they are), or lines could not be used (ERR_LINES).
 */
int converse_run(const struct prompts *, struct db *, struct source *,
    FILE *out, const struct converse_options *, struct converse_outcome *res,
    struct err *e);

#endif

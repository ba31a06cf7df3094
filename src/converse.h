/*
 * converse.h: the coaching conversation, independent of the terminal.
 *
 * The conversation walks the ten skill areas in framework order: for each,
 * its definition, a 1-5 self-rating, one main reflective prompt, then
 * replies and probes until the area is covered, two probes were asked, or
 * the candidate moves on; after Insightfulness, an offer to write the
 * action plan (plan-guide.h); at the end, a summary of every area.  Slash
 * commands (/help, /goto, /rate, ...) work at any question; an unknown
 * one gets a hint and the question is asked again, losing nothing.  Every
 * rating and answer is committed to the store the moment it is given.
 *
 * Lines come from an injected source, so the conversation runs under
 * readline (repl.c), from a pipe, or from a test's list of lines.
 *
 * Ownership: struct converse borrows the prompts, the store, the source
 * and the output stream; it owns only its per-area state
 * (converse_free).
 */
#ifndef DHCOACH_CONVERSE_H
#define DHCOACH_CONVERSE_H

#include <stdint.h>
#include <stdio.h>

#include "coach.h"
#include "framework.h"
#include "prompts.h"
#include "store.h"

/* Where lines come from. */
struct converse_source {
	/*
	 * Read one line, without its newline, showing prompt where the
	 * source shows prompts.  Returns a new string, or NULL at the end of
	 * input.
	 */
	char	*(*read)(struct converse_source *, const char *prompt);
	/* Compose a long answer in an editor: a new string, or NULL. */
	char	*(*edit)(struct converse_source *, char **cause);
	void	 *ctx;
};

/* A slash command of the conversation. */
struct converse_command {
	const char	*name;		/* without the slash */
	const char	*args;		/* shown in /help, or "" */
	const char	*summary;
	int		 takes_area;	/* completes area ids after it */
};

extern const struct converse_command converse_commands[];

struct converse {
	const struct prompts	*prompts;
	struct store		*store;
	const char		*db_path;	/* for messages */
	struct converse_source	*source;
	FILE			*out;
	int			 width;
	int			 colour;
	int64_t			 session;
	int			 current;	/* area index */
	int			 target;	/* set by /goto */
	int			 visited[FRAMEWORK_NAREAS];
	int			 finished[FRAMEWORK_NAREAS];
	struct coach_area	 areas[FRAMEWORK_NAREAS];
};

/*
 * Set up a conversation.  Nothing is written or read until converse_run.
 */
void converse_init(struct converse *, const struct prompts *, struct store *,
    const char *db_path, struct converse_source *, FILE *out, int width,
    int colour);
void converse_free(struct converse *);

/*
 * Run the conversation, from area start (an index, or -1 to offer to
 * carry on from the last session, else begin at the first area).
 * Returns 0 when the candidate finished, quit or ended the input, or -1
 * with *cause set when the store failed (what was entered before is
 * kept).
 */
int converse_run(struct converse *, int start, char **cause);

#endif

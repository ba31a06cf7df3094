/*
 * converse-int.h: the conversation's own state, shared by the three
 * files that make it (converse.c the flow, converse-read.c reading what
 * the candidate types, converse-cmd.c the slash commands) and by nothing
 * else: callers use converse.h.
 *
 * Ownership: struct converse borrows what converse_run was given; the
 * strings it points to (edited, edit_path, gist, step, unused_first,
 * leftover, line) are its own, freed when the sitting ends.
 */
#ifndef DHCOACH_CONVERSE_INT_H
#define DHCOACH_CONVERSE_INT_H

#include <stdint.h>
#include <stdio.h>

#include "coach.h"
#include "converse.h"
#include "date.h"
#include "framework.h"
#include "keep.h"
#include "picture.h"

/* What happens next, after a line or a command. */
enum converse_next {
	CONVERSE_AGAIN,		/* ask the same question again */
	CONVERSE_LINE,		/* a line to use */
	CONVERSE_RATED,		/* a rating was given */
	CONVERSE_SKIP,		/* no rating for now */
	CONVERSE_DEFER,		/* an answer came first: rate after it */
	CONVERSE_NEXT,
	CONVERSE_BACK,
	CONVERSE_GOTO,
	CONVERSE_QUIT,
	CONVERSE_EOF,
	CONVERSE_ERROR = -1
};

/* What the question being asked wants. */
enum converse_ask {
	CONVERSE_ASK_ANSWER,
	CONVERSE_ASK_RATING,	/* no rating yet */
	CONVERSE_ASK_KEEP,	/* a rating, or Enter to keep the one there is */
	CONVERSE_ASK_REPLY	/* yes/no or a name: Enter is an answer */
};

struct converse {
	const struct prompts		*p;
	struct db			*db;
	struct source			*src;
	FILE				*out;
	const struct converse_options	*opt;
	struct converse_outcome		*res;
	struct err			*e;
	struct coach			 coach;
	struct picture			 pic;
	char				 today[DATE_LEN];
	struct keep			 keep;		/* answers kept safe */
	int64_t				 session;
	int				 current;
	int				 target;	/* of /goto */
	enum converse_ask		 ask;
	char				*edited;	/* an answer from /edit */
	char				*edit_path;	/* its recovery file */
	int				 probed[FRAMEWORK_NAREAS]
					    [FRAMEWORK_NINDICATORS];
	int				 nprobes[FRAMEWORK_NAREAS];
	int				 answered[FRAMEWORK_NAREAS];
	int				 rating_due[FRAMEWORK_NAREAS];
	char				*gist[FRAMEWORK_NAREAS];
	char				*step;	/* a next step from Insightfulness */
	char				*unused_first;
	size_t				 unused_line;
	char				*leftover;	/* input after the end */
	size_t				 leftover_line;
	char				*line;	/* the line being handled */
};

/* The area where the action plan belongs. */
#define CONVERSE_INSIGHT	9

/* converse.c */

/* Print text wrapped to the width, paragraph by paragraph. */
void converse_say(struct converse *, const char *text);
/* Print a formatted message, wrapped. */
void converse_sayf(struct converse *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print a heading, bold on a colour terminal. */
void converse_heading(struct converse *, const char *text);
/* Say that the store failed to do what, clear *e, and go on. */
void converse_warn(struct converse *, const char *what, struct err *e);
/* Read the picture again from the store, with the queued answers on top. */
int converse_refresh(struct converse *);
/* Record area a's rating; a failure is told and the conversation goes on. */
void converse_rate(struct converse *, int a, int rating);

/* converse-read.c */

/*
 * Read a line for the question being asked, running slash commands:
 * CONVERSE_LINE with *line (the caller's) or what a command decided.
 */
int converse_read(struct converse *, enum converse_ask, char **line);
/*
 * Read a yes/no reply: *yes 1 for yes or Enter, 0 for no; text that is
 * clearly an answer is left in *answer (the caller's).
 */
int converse_read_yesno(struct converse *, char **answer, int *yes);
/* Count the piped line being handled as not used. */
void converse_read_unused(struct converse *);

/* converse-cmd.c */

/* Run the slash command line s (starting with '/'); s is changed. */
int converse_cmd_run(struct converse *, char *s);
/* /summary: every area, over every sitting. */
int converse_cmd_summary(struct converse *, const char *arg);
/* The guided plan questions in area, starting from action (or NULL). */
int converse_cmd_plan_at(struct converse *, int area, const char *action);
/* Keep "Name, role" as the name and role the mentor's report shows. */
int converse_cmd_me_set(struct converse *, const char *text);

#endif

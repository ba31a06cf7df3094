/*
 * plan-flow.h: writing actions of the plan with the candidate, from the
 * draft to the store: the guided questions (plan-guide.h) plus what
 * surrounds them.
 *
 * A draft left from earlier (Ctrl-D, Ctrl-C or /cancel part-way) is
 * offered first on a terminal, and carried on with from a pipe.  An
 * action the plan already holds is flagged rather than added twice.
 * Whatever ends the questions, what was typed is kept as the draft.
 * The conversation's /plan and "dhcoach plan add" both run it.
 *
 * Ownership: struct plan_flow borrows everything it points at.
 */
#ifndef DHCOACH_PLAN_FLOW_H
#define DHCOACH_PLAN_FLOW_H

#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "prompts.h"
#include "source.h"

struct plan_flow {
	const struct prompts	*prompts;
	struct db		*db;
	struct source		*source;
	FILE			*out;
	int			 width;
	char			 today[DATE_LEN];
	int			 saved;	/* actions stored so far */
};

void plan_flow_init(struct plan_flow *, const struct prompts *, struct db *,
    struct source *, FILE *out, int width);

/* How writing actions ended. */
enum plan_flow_result {
	PLAN_FLOW_DONE,		/* the candidate has no more (or stopped) */
	PLAN_FLOW_EOF		/* the input ended: the draft is kept */
};

/*
 * Write actions: the first starting in area with action offered (NULL:
 * none), then, on a terminal and with more set, more until the
 * candidate has no more.
 */
enum plan_flow_result plan_flow_run(struct plan_flow *, int area,
    const char *action, int more);

/* The plan as a list for the terminal: 0, or -1 with *e. */
int plan_flow_list(struct plan_flow *, struct err *e);

#endif

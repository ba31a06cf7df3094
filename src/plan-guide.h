/*
 * plan-guide.h: the guided SMART questions of the action plan, one at a
 * time, over any line source.
 *
 * The same questions serve "dhcoach plan add" and "plan edit" (on a
 * terminal, or from a pipe) and the conversation's /plan: what will you
 * do; how will you know it worked; by when; who or what will support
 * you; which skill area it develops.  Fields already in the draft are
 * offered, not asked afresh (Enter keeps them): the action the
 * candidate just wrote as their next step, the area of the reflection.
 * Their wording, and the nudge for a vague action, come from the [plan]
 * section of the prompt files.  A vague action is nudged once; the
 * candidate has the last word.  A due date is read by date.h: one that
 * has passed is explained; one with no year whose day has passed this
 * year is checked with the candidate ("Did you mean 5 December 2027?").
 * At the end the draft is shown and the candidate saves it, changes one
 * field (by its number) or discards it.
 *
 * The guide writes nothing to the database: the caller stores the
 * action when the guide returns PLAN_GUIDE_SAVE, and keeps the draft
 * (store_plan_draft_set) when the input ended or the candidate stopped
 * part-way, so that nothing typed is lost.
 *
 * Ownership: struct plan_guide borrows the prompts, the source and the
 * stream, which must outlive it; the draft's strings are the caller's.
 */
#ifndef DHCOACH_PLAN_GUIDE_H
#define DHCOACH_PLAN_GUIDE_H

#include <stdio.h>

#include "date.h"
#include "plan.h"
#include "prompts.h"
#include "source.h"

/* How the questions for one action ended. */
enum plan_guide_result {
	PLAN_GUIDE_SAVE,	/* confirmed: store the draft */
	PLAN_GUIDE_DISCARD,	/* the candidate chose to throw it away */
	PLAN_GUIDE_STOP,	/* /cancel part-way: keep the draft */
	PLAN_GUIDE_EOF		/* the input ended (Ctrl-D): keep the draft */
};

struct plan_guide {
	const struct prompts	*prompts;
	struct source		*source;
	FILE			*out;
	int			 width;
	int			 edit;	/* set by plan_guide_run */
	char			 today[DATE_LEN];
};

/* Set up a guide; today comes from date_today. */
void plan_guide_init(struct plan_guide *, const struct prompts *,
    struct source *, FILE *out, int width);

/*
 * Ask for the fields of *draft still missing (all of them for a new
 * action, showing what is there for an edit when edit is set), then
 * confirm.  A field already in the draft is offered and kept with
 * Enter.  *draft holds every answer given, however it ended.
 */
enum plan_guide_result plan_guide_run(struct plan_guide *,
    struct plan_action *draft, int edit);

/*
 * Ask a yes-or-no question through the guide's source (text_yesno):
 * 1 yes, 0 no (Enter gives dflt), -1 at the end of input.  A reply that
 * is neither is asked again.
 */
int plan_guide_yesno(struct plan_guide *, const char *question, int dflt);

/*
 * Whether action (what the candidate will do) matches a vague pattern
 * of [plan]: 1 yes, 0 no.  A pattern over its match limit counts as no.
 */
int plan_guide_vague(const struct prompts *, const char *action);

#endif

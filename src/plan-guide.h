/*
 * plan-guide.h: the guided SMART questions of the action plan, one at a
 * time, over any line source.
 *
 * The same questions serve "dhcoach plan add" and "plan edit" (on a
 * terminal, or from a pipe) and the conversation's /plan: what will you
 * do; how will you know it worked; by when; who or what will support
 * you; which skill area it develops (with a default offered).  Their
 * wording, and the nudge for a vague action, come from the [plan]
 * section of the prompt files.  A vague action is nudged once; the
 * candidate has the last word.  An unreadable date is explained and
 * asked again.  Each action is committed to the store as soon as the
 * candidate confirms it; /cancel drops the one being written, and
 * nothing half-written is ever stored.
 *
 * Ownership: struct plan_guide borrows the prompts, the store, the
 * source and the stream, which must outlive it; it owns nothing.
 */
#ifndef DHCOACH_PLAN_GUIDE_H
#define DHCOACH_PLAN_GUIDE_H

#include <stdint.h>
#include <stdio.h>

#include "plan.h"

struct converse_source;
struct prompts;
struct store;

/* How a guided action ended. */
enum plan_guide_result {
	PLAN_GUIDE_SAVED,	/* confirmed and committed */
	PLAN_GUIDE_DROPPED,	/* not confirmed, or /cancel: nothing stored */
	PLAN_GUIDE_EOF,		/* the input ended: nothing stored */
	PLAN_GUIDE_ERROR	/* the store failed: *cause set */
};

struct plan_guide {
	const struct prompts	*prompts;
	struct store		*store;
	struct converse_source	*source;
	FILE			*out;
	int			 width;
	int			 default_area;	/* index offered, or -1 */
	char			 today[PLAN_DATE_LEN];
};

/* Set up a guide; today comes from plan_today. */
void plan_guide_init(struct plan_guide *, const struct prompts *,
    struct store *, struct converse_source *, FILE *out, int width,
    int default_area);

/* Ask for one new action and store it when confirmed (*id: its id). */
enum plan_guide_result plan_guide_add(struct plan_guide *, int64_t *id,
    char **cause);
/*
 * Ask each question again for action a, showing what it holds (Enter
 * keeps it, "-" clears an optional answer), and store the changes when
 * confirmed.
 */
enum plan_guide_result plan_guide_edit(struct plan_guide *,
    const struct plan_action *a, char **cause);
/*
 * The [plan] introduction, then actions until the candidate has no
 * more.  *nsaved counts those stored.  Returns PLAN_GUIDE_SAVED or
 * _DROPPED when the candidate stopped, or _EOF or _ERROR.
 */
enum plan_guide_result plan_guide_run(struct plan_guide *, int *nsaved,
    char **cause);

#endif

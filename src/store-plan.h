/*
 * store-plan.h: the action plan's rows, and the draft of an action
 * being written.
 *
 * Ids are kept for good: AUTOINCREMENT never gives a removed action's
 * id to another.  The store does not judge actions (plan_check is the
 * caller's, before anything is written); it checks only what the schema
 * needs, and reads every column defensively (db.h).  Listing streams:
 * memory stays flat however long the plan is.
 *
 * The draft is one action half-written in the guided questions when the
 * candidate pressed Ctrl-D or Ctrl-C; /plan offers to carry on with it.
 *
 * Ownership: actions filled in are the caller's (plan_action_clear);
 * actions handed to a callback are valid during the call only.
 */
#ifndef DHCOACH_STORE_PLAN_H
#define DHCOACH_STORE_PLAN_H

#include <stdint.h>

#include "db.h"
#include "err.h"
#include "plan.h"

/*
 * Add an action (its id, created, updated and done_at are ignored),
 * stamped with date_now.  Returns the new id, or -1 with *e.
 */
int64_t store_plan_add(struct db *, const struct plan_action *, struct err *e);
/* Read action id into *out: 1, 0 when there is none, -1 with *e. */
int store_plan_get(struct db *, int64_t id, struct plan_action *out,
    struct err *e);
/*
 * Change action a->id's area, action, measure, due date and support,
 * and its updated time: 1, 0 when there is no such action, -1 with *e.
 */
int store_plan_update(struct db *, const struct plan_action *a,
    struct err *e);
/*
 * Mark action id done (stamping the time) or open again: 1 when
 * changed, 2 when it already was, 0 when there is none, -1 with *e.
 */
int store_plan_set_done(struct db *, int64_t id, int done, struct err *e);
/* Remove action id: 1, 0 when there is none, -1 with *e. */
int store_plan_remove(struct db *, int64_t id, struct err *e);
/*
 * The id of an action that says the same as a (plan_same), other than
 * a->id; 0 when there is none, -1 with *e.
 */
int64_t store_plan_find_same(struct db *, const struct plan_action *a,
    struct err *e);

/* Which actions to list. */
struct store_plan_filter {
	int		 area;		/* -1: every area */
	int		 open;		/* only open ones */
	int		 done;		/* only done ones (both: all) */
	const char	*overdue;	/* only open ones due before this date */
};

typedef int (*store_plan_fn)(void *ctx, const struct plan_action *,
    struct err *e);

/* Call fn for each action the filter selects, by due date then id. */
int store_plan_each(struct db *, const struct store_plan_filter *,
    store_plan_fn fn, void *ctx, struct err *e);
/* How many actions: all, open, and open past today. */
int store_plan_counts(struct db *, const char *today, int64_t *all,
    int64_t *open, int64_t *overdue, struct err *e);

/* The draft: 1 with *out filled (fields not yet given empty), 0 if none. */
int store_plan_draft_get(struct db *, struct plan_action *out, struct err *e);
/* Keep a as the draft (replacing any). */
int store_plan_draft_set(struct db *, const struct plan_action *a,
    struct err *e);
/* Forget the draft. */
int store_plan_draft_clear(struct db *, struct err *e);

#endif

/*
 * plan.h: an action of the plan, and the plan's rules.
 *
 * An action is SMART when it says what the candidate will do (specific),
 * how they will know it worked (measurable), by when (a due date), who or
 * what will support them, and which skill area it develops.  This module
 * checks an action before anything is stored and answers questions about
 * one (overdue? the same as another?).  It knows nothing of the database,
 * the terminal or the prompt files; rendering is in render-plan.h, the
 * calendar in date.h.
 *
 * Ownership: a struct plan_action owns its strings (plan_action_clear).
 */
#ifndef DHCOACH_PLAN_H
#define DHCOACH_PLAN_H

#include <stdint.h>

#include "date.h"
#include "err.h"

/* The longest action, measure or support kept, in bytes. */
#define PLAN_MAX_TEXT	2000

/* One action of the plan. */
struct plan_action {
	int64_t	 id;		/* 0 until stored */
	char	*area;		/* an area id of framework.h */
	char	*action;	/* what the candidate will do */
	char	*measure;	/* how they will know it worked; "" if not given */
	char	*due;		/* YYYY-MM-DD */
	char	*support;	/* who or what will help; "" if not given */
	int	 done;		/* 0: open, 1: done */
	char	*created;	/* UTC times set by the store; NULL before */
	char	*updated;
	char	*done_at;	/* NULL while open */
};

/* Free an action's strings and zero it. */
void plan_action_clear(struct plan_action *);
/* Copy an action's strings into dst (which is overwritten, not freed). */
void plan_action_copy(struct plan_action *dst, const struct plan_action *src);

/*
 * Check an action before it is stored: the action is text
 * (text_check) and not blank, the measure and support are text, the
 * due date valid, the area known.  Returns 0, or -1 with *e set: status
 * ERR_ACTION for a text, ERR_DATE for the date, ERR_USAGE for the area.
 */
int plan_check(const struct plan_action *, struct err *e);

/* Whether an open action's due date is before today. */
int plan_overdue(const struct plan_action *, const char *today);
/* "open" or "done". */
const char *plan_status(const struct plan_action *);
/*
 * Whether two actions say the same: the same area, and the same action
 * text once case and white space are ignored.
 */
int plan_same(const struct plan_action *, const struct plan_action *);

#endif

/*
 * store-plan.c: the action plan's rows, and the draft of an action
 * being written (see store-plan.h).
 *
 * Invariants: every write is one statement, committed before the
 * function returns.  The store does not judge an action (plan_check is
 * the caller's); it refuses only what the schema or a later read could
 * not hold (an unknown area, a blank action, a due date that is not a
 * date), as a fault of the caller's with nothing written.  Every column
 * is read defensively (db.h): a row that breaks the schema's rules fails
 * the call as a damaged database, and its half-read action is never
 * handed on.  Actions handed to callbacks are copies freed after the
 * call, so the memory held stays one action however long the plan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "framework.h"
#include "plan.h"
#include "store-plan.h"
#include "util.h"

/* The columns an action is read from, in store_plan_read's order. */
#define STORE_PLAN_COLUMNS \
	"id, area, action, measure, due, support, status, created, " \
	"updated, done"

static const char *const store_plan_statuses[] = { "open", "done", NULL };

/* Refuse an action the schema could not hold; returns -1. */
static int
store_plan_fits(const struct plan_action *a, struct err *e)
{
	if (a->area == NULL || framework_area_find(a->area) == -1)
		return err_set(e, ERR_INTERNAL, "there is no area '%s' (a "
		    "fault in dhcoach: nothing was written)",
		    a->area != NULL ? a->area : "");
	if (a->action == NULL || util_is_blank(a->action, strlen(a->action)))
		return err_set(e, ERR_INTERNAL, "the action is empty (a fault "
		    "in dhcoach: nothing was written)");
	if (a->due == NULL || !date_valid(a->due))
		return err_set(e, ERR_INTERNAL, "'%s' is not a date (a fault "
		    "in dhcoach: nothing was written)",
		    a->due != NULL ? a->due : "");
	return 0;
}

/* Text to write for an optional field. */
static const char *
store_plan_text(const char *s)
{
	return s != NULL ? s : "";
}

/*
 * Read an action from a row of STORE_PLAN_COLUMNS into *a (new strings).
 * Returns 0, or -1 with nothing kept when the row is damaged.
 */
static int
store_plan_read(struct db_row *row, struct plan_action *a)
{
	const char	*f[9], *done_at;
	const char	*area_ids[FRAMEWORK_NAREAS + 1];
	int64_t		 id;
	int		 i, area, done;

	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		area_ids[i] = framework_areas[i].id;
	area_ids[i] = NULL;
	id = db_row_int(row, 0, 1, INT64_MAX);
	area = db_row_choice(row, 1, area_ids);
	f[2] = db_row_text(row, 2);
	f[3] = db_row_text(row, 3);
	f[4] = db_row_date(row, 4, 0);
	f[5] = db_row_text(row, 5);
	done = db_row_choice(row, 6, store_plan_statuses);
	f[7] = db_row_date(row, 7, 1);
	f[8] = db_row_date(row, 8, 1);
	if ((done_at = db_row_text_null(row, 9)) != NULL)
		done_at = db_row_date(row, 9, 1);
	if (db_row_damaged(row))
		return -1;
	memset(a, 0, sizeof *a);
	a->id = id;
	a->area = xstrdup(framework_areas[area].id);
	a->action = xstrdup(f[2]);
	a->measure = xstrdup(f[3]);
	a->due = xstrdup(f[4]);
	a->support = xstrdup(f[5]);
	a->done = done;
	a->created = xstrdup(f[7]);
	a->updated = xstrdup(f[8]);
	a->done_at = done_at != NULL ? xstrdup(done_at) : NULL;
	return 0;
}

/* Add an action, stamped now. */
int64_t
store_plan_add(struct db *db, const struct plan_action *a, struct err *e)
{
	char	now[DATE_TIME_LEN];

	if (store_plan_fits(a, e) != 0)
		return -1;
	date_now(now);
	if (db_exec(db, e, "could not keep your action", "INSERT INTO plan "
	    "(area, action, measure, due, support, created, updated) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", "tttttt", a->area,
	    a->action, store_plan_text(a->measure), a->due,
	    store_plan_text(a->support), now) == -1)
		return -1;
	return db_last_id(db);
}

/* Read the one action of a query into ctx. */
static int
store_plan_one_row(void *ctx, struct db_row *row, struct err *e)
{
	struct plan_action	*a = ctx;

	(void)e;
	if (store_plan_read(row, a) != 0)
		return 0;
	return 1;
}

/* Read action id. */
int
store_plan_get(struct db *db, int64_t id, struct plan_action *out,
    struct err *e)
{
	struct plan_action	a;

	memset(&a, 0, sizeof a);
	if (db_query(db, e, "could not read your plan", store_plan_one_row,
	    &a, "SELECT " STORE_PLAN_COLUMNS " FROM plan WHERE id = ?1", "i",
	    id) != 0) {
		plan_action_clear(&a);
		return -1;
	}
	if (a.id == 0)
		return 0;
	*out = a;
	return 1;
}

/* Change an action's fields. */
int
store_plan_update(struct db *db, const struct plan_action *a, struct err *e)
{
	char	now[DATE_TIME_LEN];
	int	n;

	if (store_plan_fits(a, e) != 0)
		return -1;
	date_now(now);
	n = db_exec(db, e, "could not change your action", "UPDATE plan SET "
	    "area = ?2, action = ?3, measure = ?4, due = ?5, support = ?6, "
	    "updated = ?7 WHERE id = ?1", "itttttt", a->id,
	    a->area, a->action, store_plan_text(a->measure), a->due,
	    store_plan_text(a->support), now);
	return n == -1 ? -1 : n > 0;
}

/* Mark action id done or open again. */
int
store_plan_set_done(struct db *db, int64_t id, int done, struct err *e)
{
	const char		*what = "could not change your action";
	struct plan_action	 a;
	char			 now[DATE_TIME_LEN];
	int			 changed, rc;

	date_now(now);
	if (done)
		changed = db_exec(db, e, what, "UPDATE plan SET status = "
		    "'done', done = ?2, updated = ?2 WHERE id = ?1 AND "
		    "status = 'open'", "it", id, now);
	else
		changed = db_exec(db, e, what, "UPDATE plan SET status = "
		    "'open', done = NULL, updated = ?2 WHERE id = ?1 AND "
		    "status = 'done'", "it", id, now);
	if (changed != 0)
		return changed == -1 ? -1 : 1;
	/* Nothing changed: already so, no such action, or a damaged row. */
	memset(&a, 0, sizeof a);
	rc = store_plan_get(db, id, &a, e);
	plan_action_clear(&a);
	return rc == 1 ? 2 : rc;
}

/* Remove action id. */
int
store_plan_remove(struct db *db, int64_t id, struct err *e)
{
	int	n;

	n = db_exec(db, e, "could not remove your action", "DELETE FROM plan "
	    "WHERE id = ?1", "i", id);
	return n == -1 ? -1 : n > 0;
}

/* What store_plan_find_same looks for, and what it found. */
struct store_plan_same {
	const struct plan_action	*a;
	int64_t				 found;
};

/* Whether this action of the same area says the same. */
static int
store_plan_same_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_plan_same	*s = ctx;
	struct plan_action	 b;
	int64_t			 id;

	(void)e;
	memset(&b, 0, sizeof b);
	id = db_row_int(row, 0, 1, INT64_MAX);
	b.area = (char *)s->a->area;
	b.action = (char *)db_row_text(row, 1);
	if (db_row_damaged(row) || !plan_same(s->a, &b))
		return 0;
	s->found = id;
	return 1;
}

/* The id of another action that says the same as a. */
int64_t
store_plan_find_same(struct db *db, const struct plan_action *a,
    struct err *e)
{
	struct store_plan_same	s = { a, 0 };

	if (a->area == NULL || a->action == NULL)
		return 0;
	if (db_query(db, e, "could not read your plan", store_plan_same_row,
	    &s, "SELECT id, action FROM plan WHERE area = ?1 AND id != ?2",
	    "ti", a->area, a->id) != 0)
		return -1;
	return s.found;
}

/* The callback store_plan_each hands each action to. */
struct store_plan_each_ctx {
	store_plan_fn	 fn;
	void		*ctx;
};

/* Hand one action on, as a copy freed after the call. */
static int
store_plan_each_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_plan_each_ctx	*c = ctx;
	struct plan_action		 a;
	int				 rc;

	if (store_plan_read(row, &a) != 0)
		return 0;
	rc = c->fn(c->ctx, &a, e);
	plan_action_clear(&a);
	return rc == -1 ? -1 : 0;
}

/* Call fn for each action the filter selects, by due date then id. */
int
store_plan_each(struct db *db, const struct store_plan_filter *f,
    store_plan_fn fn, void *ctx, struct err *e)
{
	struct store_plan_each_ctx	 c = { fn, ctx };
	const char			*status = NULL;

	if (f->area != -1 && (f->area < 0 || f->area >= FRAMEWORK_NAREAS))
		return err_set(e, ERR_INTERNAL, "there is no area %d (a fault "
		    "in dhcoach)", f->area);
	if (f->open && !f->done)
		status = "open";
	else if (f->done && !f->open)
		status = "done";
	return db_query(db, e, "could not read your plan", store_plan_each_row,
	    &c, "SELECT " STORE_PLAN_COLUMNS " FROM plan "
	    "WHERE (?1 IS NULL OR area = ?1) AND (?2 IS NULL OR status = ?2) "
	    "AND (?3 IS NULL OR (status = 'open' AND due < ?3)) "
	    "ORDER BY due, id", "ttt", f->area == -1 ? NULL :
	    framework_areas[f->area].id, status, f->overdue);
}

/* The three counts of store_plan_counts. */
struct store_plan_counts {
	int64_t	all;
	int64_t	open;
	int64_t	overdue;
};

/* Read the counts. */
static int
store_plan_counts_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_plan_counts	*c = ctx;

	(void)e;
	c->all = db_row_int(row, 0, 0, INT64_MAX);
	c->open = db_row_int(row, 1, 0, INT64_MAX);
	c->overdue = db_row_int(row, 2, 0, INT64_MAX);
	return 0;
}

/* How many actions: all, open, and open past today. */
int
store_plan_counts(struct db *db, const char *today, int64_t *all,
    int64_t *open, int64_t *overdue, struct err *e)
{
	struct store_plan_counts	c = { 0, 0, 0 };

	if (db_query(db, e, "could not read your plan", store_plan_counts_row,
	    &c, "SELECT count(*), count(*) FILTER (WHERE status = 'open'), "
	    "count(*) FILTER (WHERE status = 'open' AND due < ?1) FROM plan",
	    "t", today) != 0)
		return -1;
	*all = c.all;
	*open = c.open;
	*overdue = c.overdue;
	return 0;
}

/* Read the draft's row into ctx, fields not given empty. */
static int
store_plan_draft_row(void *ctx, struct db_row *row, struct err *e)
{
	struct plan_action	*a = ctx;
	const char		*area_ids[FRAMEWORK_NAREAS + 1];
	const char		*f[5];
	int			 i, area = -1;

	(void)e;
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		area_ids[i] = framework_areas[i].id;
	area_ids[i] = NULL;
	if (db_row_text_null(row, 0) != NULL)
		area = db_row_choice(row, 0, area_ids);
	f[1] = db_row_text(row, 1);
	f[2] = db_row_text(row, 2);
	if ((f[3] = db_row_text_null(row, 3)) != NULL)
		f[3] = db_row_date(row, 3, 0);
	f[4] = db_row_text(row, 4);
	if (db_row_damaged(row))
		return 0;
	memset(a, 0, sizeof *a);
	a->area = xstrdup(area != -1 ? framework_areas[area].id : "");
	a->action = xstrdup(f[1]);
	a->measure = xstrdup(f[2]);
	a->due = xstrdup(f[3] != NULL ? f[3] : "");
	a->support = xstrdup(f[4]);
	return 1;
}

/* The draft, if there is one. */
int
store_plan_draft_get(struct db *db, struct plan_action *out, struct err *e)
{
	struct plan_action	a;

	memset(&a, 0, sizeof a);
	if (db_query(db, e, "could not read the action you were writing",
	    store_plan_draft_row, &a, "SELECT area, action, measure, due, "
	    "support FROM plan_draft WHERE id = 1", "") != 0) {
		plan_action_clear(&a);
		return -1;
	}
	if (a.action == NULL)
		return 0;
	*out = a;
	return 1;
}

/* An optional field of the draft: NULL when not given. */
static const char *
store_plan_given(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* Keep a as the draft, replacing any. */
int
store_plan_draft_set(struct db *db, const struct plan_action *a,
    struct err *e)
{
	const char	*area, *due;
	char		 now[DATE_TIME_LEN];

	area = store_plan_given(a->area);
	due = store_plan_given(a->due);
	if ((area != NULL && framework_area_find(area) == -1) ||
	    (due != NULL && !date_valid(due)))
		return err_set(e, ERR_INTERNAL, "a draft with area '%s' and "
		    "due date '%s' (a fault in dhcoach: nothing was written)",
		    area != NULL ? area : "", due != NULL ? due : "");
	date_now(now);
	if (db_exec(db, e, "could not keep the action you were writing",
	    "INSERT OR REPLACE INTO plan_draft (id, area, action, measure, "
	    "due, support, updated) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
	    "tttttt", area, store_plan_text(a->action),
	    store_plan_text(a->measure), due, store_plan_text(a->support),
	    now) == -1)
		return -1;
	return 0;
}

/* Forget the draft. */
int
store_plan_draft_clear(struct db *db, struct err *e)
{
	if (db_exec(db, e, "could not forget the action you were writing",
	    "DELETE FROM plan_draft", "") == -1)
		return -1;
	return 0;
}

/*
 * test_store_plan.c: the action plan's rows: add, read, list with
 * filters, change, mark done, remove (ids never reused), counts, the
 * same action twice, the draft; actions the schema could not hold are
 * refused; a damaged row (plan.status NULL, which once crashed dhcoach)
 * fails as damaged.
 *
 * DHCOACH_TODAY is fixed, so times stamped are noon of that day.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db-open.h"
#include "db.h"
#include "err.h"
#include "fixture.h"
#include "migrations.h"
#include "plan.h"
#include "store-plan.h"
#include "util.h"

/* A new database in memory. */
static struct db *
mem_ok(void)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };

	if (db_open(DB_MEMORY, DB_WRITE, &db, &e) != 0)
		fail_msg("db_open: %s", e.msg);
	return db;
}

/* An action (strings borrowed). */
static struct plan_action
action_of(const char *area, const char *text, const char *due)
{
	struct plan_action	a;

	memset(&a, 0, sizeof a);
	a.area = (char *)area;
	a.action = (char *)text;
	a.measure = (char *)"";
	a.due = (char *)due;
	a.support = (char *)"my mentor, Sam";
	return a;
}

/* The ids, and done flags, of a listing: "3 2o 1d". */
static int
list_fn(void *ctx, const struct plan_action *a, struct err *e)
{
	struct buf	*b = ctx;

	(void)e;
	if (b->len > 0)
		buf_addc(b, ' ');
	buf_printf(b, "%lld%s", (long long)a->id, a->done ? "d" : "");
	return 0;
}

/* The listing for a filter, as list_fn writes it (a new string). */
static char *
list_ok(struct db *db, int area, int open, int done, const char *overdue)
{
	struct store_plan_filter	f;
	struct buf			b = { 0 };
	struct err			e = { 0, NULL };

	f.area = area;
	f.open = open;
	f.done = done;
	f.overdue = overdue;
	if (store_plan_each(db, &f, list_fn, &b, &e) != 0)
		fail_msg("store_plan_each: %s", e.msg);
	return buf_take(&b);
}

/* Whether list_ok gives want. */
static void
list_is(struct db *db, int area, int open, int done, const char *overdue,
    const char *want)
{
	char	*got;

	got = list_ok(db, area, open, done, overdue);
	assert_string_equal(got, want);
	free(got);
}

/* Add, read, filter, change, mark, remove; ids are never reused. */
static void
test_round_trip(void **state)
{
	struct plan_action	 a, got;
	struct db		*db;
	struct err		 e = { 0, NULL };
	int64_t			 id1, id2, id3, id4, all, open, overdue;

	(void)state;
	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	db = mem_ok();
	a = action_of("integrity", "Tell the team, then \"own\" it",
	    "2027-01-31");
	assert_int_equal(id1 = store_plan_add(db, &a, &e), 1);
	a = action_of("insightfulness", "Ask for 360\nfeedback", "2026-12-01");
	a.measure = NULL;
	a.support = NULL;
	assert_int_equal(id2 = store_plan_add(db, &a, &e), 2);
	a = action_of("integrity", "Third", "2026-11-20");
	assert_int_equal(id3 = store_plan_add(db, &a, &e), 3);

	/* Read back, with the times stamped from DHCOACH_TODAY. */
	memset(&got, 0, sizeof got);
	assert_int_equal(store_plan_get(db, id1, &got, &e), 1);
	assert_int_equal(got.id, id1);
	assert_string_equal(got.area, "integrity");
	assert_string_equal(got.action, "Tell the team, then \"own\" it");
	assert_string_equal(got.measure, "");
	assert_string_equal(got.due, "2027-01-31");
	assert_string_equal(got.support, "my mentor, Sam");
	assert_string_equal(got.created, "2026-11-26T12:00:00Z");
	assert_string_equal(got.updated, "2026-11-26T12:00:00Z");
	assert_int_equal(got.done, 0);
	assert_null(got.done_at);
	plan_action_clear(&got);
	assert_int_equal(store_plan_get(db, id2, &got, &e), 1);
	assert_string_equal(got.support, "");
	plan_action_clear(&got);
	assert_int_equal(store_plan_get(db, 99, &got, &e), 0);

	/* By due date; filtered by area, status and overdue. */
	list_is(db, -1, 0, 0, NULL, "3 2 1");
	list_is(db, 8, 0, 0, NULL, "3 1");
	list_is(db, -1, 0, 0, "2026-11-26", "3");
	assert_int_equal(store_plan_counts(db, "2026-11-26", &all, &open,
	    &overdue, &e), 0);
	assert_int_equal(all, 3);
	assert_int_equal(open, 3);
	assert_int_equal(overdue, 1);

	/* Done, done again, open again; no such action. */
	assert_int_equal(store_plan_set_done(db, id3, 1, &e), 1);
	assert_int_equal(store_plan_set_done(db, id3, 1, &e), 2);
	assert_int_equal(store_plan_set_done(db, 99, 1, &e), 0);
	/* A done action is never overdue. */
	list_is(db, -1, 0, 0, "2026-11-26", "");
	list_is(db, -1, 0, 1, NULL, "3d");
	list_is(db, -1, 1, 0, NULL, "2 1");
	list_is(db, -1, 1, 1, NULL, "3d 2 1");
	assert_int_equal(store_plan_get(db, id3, &got, &e), 1);
	assert_string_equal(got.done_at, "2026-11-26T12:00:00Z");
	assert_string_equal(plan_status(&got), "done");
	plan_action_clear(&got);
	assert_int_equal(store_plan_counts(db, "2026-11-26", &all, &open,
	    &overdue, &e), 0);
	assert_int_equal(all, 3);
	assert_int_equal(open, 2);
	assert_int_equal(overdue, 0);
	assert_int_equal(store_plan_set_done(db, id3, 0, &e), 1);
	assert_int_equal(store_plan_set_done(db, id3, 0, &e), 2);
	assert_int_equal(store_plan_get(db, id3, &got, &e), 1);
	assert_null(got.done_at);
	plan_action_clear(&got);

	/* A change, stamped later. */
	setenv("DHCOACH_TODAY", "2026-12-03", 1);
	a = action_of("growth-mindset", "Changed,\nnow", "2027-06-30");
	a.id = id2;
	assert_int_equal(store_plan_update(db, &a, &e), 1);
	a.id = 99;
	assert_int_equal(store_plan_update(db, &a, &e), 0);
	assert_int_equal(store_plan_get(db, id2, &got, &e), 1);
	assert_string_equal(got.area, "growth-mindset");
	assert_string_equal(got.action, "Changed,\nnow");
	assert_string_equal(got.created, "2026-11-26T12:00:00Z");
	assert_string_equal(got.updated, "2026-12-03T12:00:00Z");
	plan_action_clear(&got);

	/* Removing the newest never gives its id to the next one. */
	assert_int_equal(store_plan_remove(db, id3, &e), 1);
	assert_int_equal(store_plan_remove(db, id3, &e), 0);
	a = action_of("integrity", "Fourth", "2027-01-01");
	assert_int_equal(id4 = store_plan_add(db, &a, &e), 4);
	list_is(db, -1, 0, 0, NULL, "4 1 2");
	(void)id4;
	db_close(db);
	setenv("DHCOACH_TODAY", "2026-11-26", 1);
}

/* Actions the schema could not hold are refused, with nothing written. */
static void
test_bad_writes(void **state)
{
	static const char	*bad_dates[] = { "2027-02-30", "31/03/2027",
	    "", "2027-3-31" };
	struct plan_action	 a;
	struct db		*db;
	struct err		 e = { 0, NULL };
	size_t			 i;

	(void)state;
	db = mem_ok();
	a = action_of("integrity", "  ", "2027-01-31");
	assert_int_equal(store_plan_add(db, &a, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_string_equal(e.msg, "the action is empty (a fault in dhcoach: "
	    "nothing was written)");
	err_clear(&e);
	a = action_of("nowhere", "Run a pilot", "2027-01-31");
	assert_int_equal(store_plan_add(db, &a, &e), -1);
	assert_string_equal(e.msg, "there is no area 'nowhere' (a fault in "
	    "dhcoach: nothing was written)");
	err_clear(&e);
	a = action_of(NULL, "Run a pilot", "2027-01-31");
	assert_int_equal(store_plan_add(db, &a, &e), -1);
	err_clear(&e);
	for (i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
		a = action_of("integrity", "Run a pilot", bad_dates[i]);
		assert_int_equal(store_plan_add(db, &a, &e), -1);
		assert_int_equal(e.status, ERR_INTERNAL);
		err_clear(&e);
	}
	a = action_of("integrity", "Run a pilot", "2027-01-31");
	a.id = 1;
	assert_int_equal(store_plan_update(db, &a, &e), 0);	/* none */
	a.due = (char *)"tomorrow";
	assert_int_equal(store_plan_update(db, &a, &e), -1);
	err_clear(&e);
	list_is(db, -1, 0, 0, NULL, "");
	assert_int_equal(store_plan_set_done(db, 1, 1, &e), 0);
	assert_int_equal(store_plan_remove(db, 1, &e), 0);
	db_close(db);
}

/* The same action twice: same area, case and spaces aside. */
static void
test_find_same(void **state)
{
	struct plan_action	 a;
	struct db		*db;
	struct err		 e = { 0, NULL };

	(void)state;
	db = mem_ok();
	a = action_of("integrity", "Tell the team", "2027-01-31");
	assert_int_equal(store_plan_find_same(db, &a, &e), 0);
	assert_int_equal(store_plan_add(db, &a, &e), 1);
	a = action_of("integrity", "Something else", "2027-01-31");
	assert_int_equal(store_plan_add(db, &a, &e), 2);

	a = action_of("integrity", "  tell THE\tteam ", "2027-05-01");
	assert_int_equal(store_plan_find_same(db, &a, &e), 1);
	a.id = 1;	/* itself does not count */
	assert_int_equal(store_plan_find_same(db, &a, &e), 0);
	a = action_of("insightfulness", "Tell the team", "2027-01-31");
	assert_int_equal(store_plan_find_same(db, &a, &e), 0);
	a = action_of("integrity", "Tell the teams", "2027-01-31");
	assert_int_equal(store_plan_find_same(db, &a, &e), 0);
	db_close(db);
}

/* The draft: none, kept, replaced, read with fields not given empty. */
static void
test_draft(void **state)
{
	struct plan_action	 a, got;
	struct db		*db;
	struct err		 e = { 0, NULL };

	(void)state;
	db = mem_ok();
	memset(&got, 0, sizeof got);
	assert_int_equal(store_plan_draft_get(db, &got, &e), 0);
	memset(&a, 0, sizeof a);
	a.action = (char *)"Shadow the night team";
	assert_int_equal(store_plan_draft_set(db, &a, &e), 0);
	assert_int_equal(store_plan_draft_get(db, &got, &e), 1);
	assert_string_equal(got.area, "");
	assert_string_equal(got.action, "Shadow the night team");
	assert_string_equal(got.measure, "");
	assert_string_equal(got.due, "");
	assert_string_equal(got.support, "");
	assert_int_equal(got.id, 0);
	plan_action_clear(&got);

	a = action_of("team-development", "Shadow them", "2027-03-31");
	a.measure = (char *)"Two shifts";
	assert_int_equal(store_plan_draft_set(db, &a, &e), 0);
	assert_int_equal(store_plan_draft_get(db, &got, &e), 1);
	assert_string_equal(got.area, "team-development");
	assert_string_equal(got.action, "Shadow them");
	assert_string_equal(got.measure, "Two shifts");
	assert_string_equal(got.due, "2027-03-31");
	assert_string_equal(got.support, "my mentor, Sam");
	plan_action_clear(&got);

	a.due = (char *)"next week";
	assert_int_equal(store_plan_draft_set(db, &a, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	err_clear(&e);
	a.due = NULL;
	a.area = (char *)"nowhere";
	assert_int_equal(store_plan_draft_set(db, &a, &e), -1);
	err_clear(&e);

	assert_int_equal(store_plan_draft_clear(db, &e), 0);
	assert_int_equal(store_plan_draft_get(db, &got, &e), 0);
	assert_int_equal(store_plan_draft_clear(db, &e), 0);
	db_close(db);
}

/* Stop at the first action; fail at the second. */
static int
stop_fn(void *ctx, const struct plan_action *a, struct err *e)
{
	int	*n = ctx;

	(void)a;
	if (++*n == 2)
		return err_set(e, ERR_OUTPUT, "cannot write the plan");
	return 0;
}

/* A callback's failure stops the listing with its own error. */
static void
test_each_fails(void **state)
{
	struct store_plan_filter	 f = { -1, 0, 0, NULL };
	struct plan_action		 a;
	struct db			*db;
	struct err			 e = { 0, NULL };
	int				 n = 0, k;

	(void)state;
	db = mem_ok();
	a = action_of("integrity", "Act", "2027-01-31");
	for (k = 0; k < 3; k++)
		assert_int_equal(store_plan_add(db, &a, &e), k + 1);
	assert_int_equal(store_plan_each(db, &f, stop_fn, &n, &e), -1);
	assert_int_equal(n, 2);
	assert_int_equal(e.status, ERR_OUTPUT);
	assert_string_equal(e.msg, "cannot write the plan");
	err_clear(&e);
	f.area = 10;
	assert_int_equal(store_plan_each(db, &f, stop_fn, &n, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	err_clear(&e);
	db_close(db);
}

/* Make a plan table with no NOT NULL, as a damaged file might have. */
static void
make_loose(const char *path)
{
	struct buf	 b = { 0 };
	sqlite3		*raw;
	char		*sql, *p;
	size_t		 i, j;

	for (i = 0; i < migrations_count; i++) {
		for (j = 0; migrations_table[i].lines[j] != NULL; j++)
			buf_adds(&b, migrations_table[i].lines[j]);
	}
	buf_printf(&b, "PRAGMA application_id = %d; PRAGMA user_version = %zu;",
	    0x44484331, migrations_count);
	sql = buf_take(&b);
	for (p = sql; (p = strstr(p, "NOT NULL")) != NULL; p += 8) {
		if (p - sql < 3 || strncmp(p - 3, "IS ", 3) != 0)
			memset(p, ' ', 8);
	}
	if (sqlite3_open(path, &raw) != SQLITE_OK ||
	    sqlite3_exec(raw, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(raw, "INSERT INTO plan (area, action, measure, due, "
	    "support, status, created, updated) VALUES ('integrity', 'Act', "
	    "'', '2027-01-31', '', NULL, '2026-11-26T12:00:00Z', "
	    "'2026-11-26T12:00:00Z')", NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("make_loose: %s", sqlite3_errmsg(raw));
	sqlite3_close(raw);
	free(sql);
}

/*
 * plan.status NULL (which crashed dhcoach once): every reader of the
 * plan fails as damaged, naming the table and column.
 */
static void
test_status_null(void **state)
{
	struct store_plan_filter	 f = { -1, 0, 0, NULL };
	struct plan_action		 a, got;
	struct db			*db;
	struct err			 e = { 0, NULL };
	char				*dir, *path, *want;
	int64_t				 all, open, overdue;
	int				 n = 0;

	(void)state;
	dir = xstrdup("/tmp/dhcoach-plan-XXXXXX");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	path = xasprintf("%s/dhcoach.db", dir);
	make_loose(path);
	if (db_open(path, DB_READ, &db, &e) != 0)
		fail_msg("db_open: %s", e.msg);
	want = xasprintf("could not read your plan: %s is damaged: a value is "
	    "missing in table plan (column status): restore it from a backup, "
	    "or move it aside to start afresh; it has not been changed", path);

	assert_int_equal(store_plan_each(db, &f, stop_fn, &n, &e), -1);
	assert_int_equal(n, 0);		/* nothing half-read handed on */
	assert_int_equal(e.status, ERR_DB_DAMAGED);
	assert_string_equal(e.msg, want);
	err_clear(&e);
	memset(&got, 0, sizeof got);
	assert_int_equal(store_plan_get(db, 1, &got, &e), -1);
	assert_null(got.action);
	assert_string_equal(e.msg, want);
	err_clear(&e);
	/* Reads only id and action: the status is not its business. */
	a = action_of("integrity", "Act", "2027-01-31");
	assert_int_equal(store_plan_find_same(db, &a, &e), 1);
	/* Counts do not read the status as text: NULL counts as not open. */
	assert_int_equal(store_plan_counts(db, "2027-06-01", &all, &open,
	    &overdue, &e), 0);
	assert_int_equal(all, 1);
	assert_int_equal(open, 0);
	db_close(db);
	free(want);
	unlink(path);
	free(path);
	fixture_rm(dir);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_bad_writes),
		cmocka_unit_test(test_find_same),
		cmocka_unit_test(test_draft),
		cmocka_unit_test(test_each_fails),
		cmocka_unit_test(test_status_null),
	};

	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	return cmocka_run_group_tests_name("store-plan", tests, NULL, NULL);
}

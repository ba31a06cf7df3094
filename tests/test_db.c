/*
 * test_db.c: the one statement helper (binds, changes, stopping early,
 * a statement run again from inside its own callback, transactions),
 * the defensive column readers with each kind of damage and its
 * message, and the full integrity check.  Every test works on a new
 * database in memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "db-open.h"
#include "db.h"
#include "err.h"
#include "util.h"

/* A new database in memory, failing the test on error. */
static struct db *
mem_open(void)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };

	if (db_open(DB_MEMORY, DB_WRITE, &db, &e) != 0)
		fail_msg("db_open: %s", e.msg);
	return db;
}

/* What count_row reads: column 0 of the last row, or of the first. */
struct count {
	int64_t	v;
	int	stop;	/* stop after the first row */
};

/* Read column 0 into the struct count at ctx. */
static int
count_row(void *ctx, struct db_row *row, struct err *e)
{
	struct count	*n = ctx;

	(void)e;
	n->v = db_row_int(row, 0, INT64_MIN, INT64_MAX);
	return n->stop;
}

/* Collect the lines of db_check. */
static void
check_line(void *ctx, const char *line)
{
	buf_adds(ctx, line);
	buf_addc(ctx, '\n');
}

/* The full check reports "ok" for a sound database. */
static void
test_check(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	struct buf	 b = { 0 };
	char		*out;

	(void)state;
	db = mem_open();
	assert_int_equal(db_exec(db, &e, "test", "INSERT INTO sessions "
	    "(started) VALUES ('2026-11-26T10:00:00Z')", ""), 1);
	assert_int_equal(db_check(db, check_line, &b, &e), 0);
	out = buf_take(&b);
	assert_string_equal(out, "ok\n");
	free(out);
	db_close(db);
}

/* What read_row found in a row of table t. */
struct got {
	int64_t		 i, inull;
	const char	*text, *tnull;
	int		 choice;
	const char	*date, *time;
	int		 damaged;
	int		 rows;
};

static const char *const colours[] = { "red", "green", NULL };

/* Read every column of t with its reader. */
static int
read_row(void *ctx, struct db_row *row, struct err *e)
{
	struct got	*g = ctx;

	(void)e;
	g->i = db_row_int(row, 0, 1, 10);
	g->inull = db_row_int_null(row, 1, 1, 10, -7);
	g->text = db_row_text(row, 2);
	g->tnull = db_row_text_null(row, 3);
	g->choice = db_row_choice(row, 4, colours);
	g->date = db_row_date(row, 5, 0);
	g->time = db_row_date(row, 6, 1);
	g->damaged = db_row_damaged(row);
	g->rows++;
	return 0;
}

/* Insert a row of t with the helper's binds. */
static void
put_row(struct db *db, int64_t i, int inull, const char *text,
    const char *choice, const char *date, const char *time)
{
	struct err	e = { 0, NULL };

	if (db_exec(db, &e, "test", "DELETE FROM t", "") == -1 ||
	    db_exec(db, &e, "test", "INSERT INTO t VALUES (?1, nullif(?2, 0), "
	    "?3, NULL, ?4, ?5, ?6)", "idtttt", i, inull, text, choice, date,
	    time) != 1)
		fail_msg("put_row: %s", e.msg);
}

/* The message of reading t when its row is damaged. */
static char *
read_fails(struct db *db)
{
	struct got	 g;
	struct err	 e = { 0, NULL };

	memset(&g, 0, sizeof g);
	assert_int_equal(db_query(db, &e, "could not read t", read_row, &g,
	    "SELECT i, inull, text, tnull, choice, date, time FROM t", ""), -1);
	assert_int_equal(g.rows, 1);
	assert_int_equal(g.damaged, 1);
	assert_int_equal(e.status, ERR_DB_DAMAGED);
	return e.msg;
}

/* The column readers: good values, and each kind of damage. */
static void
test_readers(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	struct got	 g;
	struct count	 n = { 0, 0 };
	char		*msg;

	(void)state;
	db = mem_open();
	assert_int_equal(db_exec(db, &e, "test", "CREATE TABLE t (i, inull, "
	    "text, tnull, choice, date, time)", ""), 0);

	put_row(db, 10, 0, "caf\xc3\xa9", "green", "2027-02-28",
	    "2026-11-26T10:37:00Z");
	memset(&g, 0, sizeof g);
	assert_int_equal(db_query(db, &e, "test", read_row, &g, "SELECT i, "
	    "inull, text, tnull, choice, date, time FROM t", ""), 0);
	assert_int_equal(g.rows, 1);
	assert_int_equal(g.damaged, 0);
	assert_int_equal(g.i, 10);
	assert_int_equal(g.inull, -7);
	assert_null(g.tnull);
	assert_int_equal(g.choice, 1);

	put_row(db, 11, 0, "x", "red", "2027-02-28", "2026-11-26T10:37:00Z");
	msg = read_fails(db);
	assert_string_equal(msg, "could not read t: :memory: is damaged: a "
	    "value is not valid in table t (column i): restore it from a "
	    "backup, or move it aside to start afresh; it has not been "
	    "changed");
	free(msg);
	put_row(db, 1, 0, NULL, "red", "2027-02-28", "2026-11-26T10:37:00Z");
	msg = read_fails(db);
	assert_non_null(strstr(msg, "a value is missing in table t (column "
	    "text)"));
	free(msg);
	put_row(db, 1, 0, "x", "blue", "2027-02-28", "2026-11-26T10:37:00Z");
	msg = read_fails(db);
	assert_non_null(strstr(msg, "not valid in table t (column choice)"));
	free(msg);
	put_row(db, 1, 0, "x", "red", "2027-02-29", "2026-11-26T10:37:00Z");
	msg = read_fails(db);
	assert_non_null(strstr(msg, "not valid in table t (column date)"));
	free(msg);
	put_row(db, 1, 0, "x", "red", "2027-02-28", "2026-11-26 10:37");
	msg = read_fails(db);
	assert_non_null(strstr(msg, "not valid in table t (column time)"));
	free(msg);
	put_row(db, 1, 0, "x", NULL, "2027-02-28", "2026-11-26T10:37:00Z");
	msg = read_fails(db);
	assert_non_null(strstr(msg, "missing in table t (column choice)"));
	free(msg);

	/* Text in an integer's place; a computed column names no table. */
	assert_int_equal(db_exec(db, &e, "test", "UPDATE t SET i = 'five', "
	    "choice = 'red'", ""), 1);
	msg = read_fails(db);
	assert_non_null(strstr(msg, "not valid in table t (column i)"));
	free(msg);
	assert_int_equal(db_query(db, &e, "test", count_row, &n,
	    "SELECT max(i) + NULL AS total FROM t", ""), -1);
	assert_non_null(strstr(e.msg, "a value is missing in a result "
	    "(column total)"));
	err_clear(&e);
	db_close(db);
}

/* Count rows, and run the same statement again from inside its callback. */
static int
nested_row(void *ctx, struct db_row *row, struct err *e)
{
	struct db	*db = ((void **)ctx)[0];
	int		*depth = ((void **)ctx)[1];
	int64_t		 v;

	v = db_row_int(row, 0, 0, 100);
	if (*depth > 0 || v != 1)
		return 0;
	(*depth)++;
	if (db_query(db, e, "nested", nested_row, ctx, "SELECT x FROM n "
	    "WHERE x >= ?1 ORDER BY x", "i", v) != 0)
		return -1;
	(*depth)--;
	return 0;
}

/* Binds, changes, stopping early, nested statements, last id, rollback. */
static void
test_helper(void **state)
{
	static const char	 sel[] = "SELECT x FROM n WHERE x >= ?1 "
	    "ORDER BY x";
	struct db		*db;
	struct err		 e = { 0, NULL };
	struct count		 n = { 0, 0 };
	int			 depth = 0, k;
	void			*ctx[2];

	(void)state;
	db = mem_open();
	assert_int_equal(db_exec(db, &e, "test", "CREATE TABLE n (x INTEGER "
	    "PRIMARY KEY, t TEXT)", ""), 0);
	for (k = 1; k <= 5; k++)
		assert_int_equal(db_exec(db, &e, "test", "INSERT INTO n VALUES "
		    "(?1, ?2)", "dt", k, k == 3 ? NULL : "x"), 1);
	assert_int_equal(db_last_id(db), 5);
	assert_int_equal(db_exec(db, &e, "test", "UPDATE n SET t = 'y' "
	    "WHERE x > ?1", "i", (int64_t)2), 3);
	assert_int_equal(db_query(db, &e, "test", count_row, &n, "SELECT "
	    "count(*) FROM n WHERE t IS NULL", ""), 0);
	assert_int_equal(n.v, 0);

	/* A callback returning 1 stops at the first row. */
	n.stop = 1;
	assert_int_equal(db_query(db, &e, "test", count_row, &n, sel, "i",
	    (int64_t)4), 0);
	assert_int_equal(n.v, 4);
	n.stop = 0;
	assert_int_equal(db_query(db, &e, "test", count_row, &n, sel, "i",
	    (int64_t)4), 0);
	assert_int_equal(n.v, 5);

	ctx[0] = db;
	ctx[1] = &depth;
	assert_int_equal(db_query(db, &e, "test", nested_row, ctx, sel, "i",
	    (int64_t)0), 0);
	assert_int_equal(depth, 0);

	assert_int_equal(db_begin(db, &e, "test"), 0);
	assert_int_equal(db_exec(db, &e, "test", "DELETE FROM n", ""), 5);
	db_rollback(db);
	assert_int_equal(db_query(db, &e, "test", count_row, &n, "SELECT "
	    "count(*) FROM n", ""), 0);
	assert_int_equal(n.v, 5);
	db_rollback(db);	/* none open: nothing happens */

	/* A statement SQLite refuses is an error, not a crash. */
	assert_int_equal(db_exec(db, &e, "could not", "INSERT INTO n VALUES "
	    "(1, 'again')", ""), -1);
	assert_int_equal(e.status, ERR_DB);
	assert_non_null(strstr(e.msg, "could not: something went wrong with "
	    ":memory: (UNIQUE constraint failed: n.x)"));
	err_clear(&e);
	db_close(db);
	db_close(NULL);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_readers),
		cmocka_unit_test(test_helper),
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}

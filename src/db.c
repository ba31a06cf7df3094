/*
 * db.c: the one statement helper every query goes through, and the
 * defensive readers of a row's columns (see db.h).
 *
 * Invariants:
 * - Statements are prepared once per connection (SQLITE_PREPARE_PERSISTENT)
 *   and kept in the connection's table (db-conn.h), keyed by the address
 *   of their SQL; they are reset, with their bindings cleared, before
 *   the helper returns, so no lock outlives a call and text is bound
 *   without a copy.  A statement run again from inside its own row
 *   callback gets a second prepared copy, never the busy one.
 * - Every SQLite failure becomes a struct err with the status of its
 *   class (db_conn_fail); CORRUPT or NOTADB met anywhere is
 *   ERR_DB_DAMAGED, and so is a column that breaks the schema's rules.
 * - A row's first damaged column is kept; once its callback returns,
 *   the query fails with a message naming the table and column.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "db-conn.h"
#include "db.h"
#include "util.h"

/* The row a query's callback reads, and the first damage found in it. */
struct db_row {
	sqlite3_stmt	*st;
	int		 bad;		/* first damaged column, or -1 */
	int		 missing;	/* it was NULL (else out of range) */
};

/* Close and free; NULL is allowed. */
void
db_close(struct db *db)
{
	db_conn_free(db);
}

/* The path it was opened with. */
const char *
db_path(const struct db *db)
{
	return db->path;
}

/* The cached statement for sql, prepared now if new; NULL with *e set. */
static struct db_stmt *
db_prepare(struct db *db, const char *sql, const char *what, struct err *e)
{
	struct db_stmt	*s, **bucket;
	sqlite3_stmt	*st = NULL;
	const char	*tail = NULL;
	int		 rc;

	bucket = &db->cache[((uintptr_t)sql >> 3) % DB_CONN_BUCKETS];
	for (s = *bucket; s != NULL; s = s->next) {
		if (s->sql == sql && !s->busy)
			return s;
	}
	/* New, or the same statement again from inside its own callback. */
	rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, &tail);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		db_conn_fail(db, e, rc, what);
		return NULL;
	}
	if (st == NULL || tail[strspn(tail, " \t\n;")] != '\0')
		fatalx("db: not one statement: %s", sql);
	s = xcalloc(1, sizeof *s);
	s->sql = sql;
	s->st = st;
	s->next = *bucket;
	*bucket = s;
	return s;
}

/* Bind the parameters binds names from ap. */
static int
db_bind(sqlite3_stmt *st, const char *binds, va_list ap)
{
	const char	*t;
	int		 i, rc = SQLITE_OK;

	if ((int)strlen(binds) != sqlite3_bind_parameter_count(st))
		fatalx("db: %zu binds for %d parameters: %s", strlen(binds),
		    sqlite3_bind_parameter_count(st), sqlite3_sql(st));
	for (i = 0; binds[i] != '\0' && rc == SQLITE_OK; i++) {
		switch (binds[i]) {
		case 'i':
			rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
			break;
		case 'd':
			rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int));
			break;
		case 't':
			if ((t = va_arg(ap, const char *)) == NULL)
				rc = sqlite3_bind_null(st, i + 1);
			else
				rc = sqlite3_bind_text(st, i + 1, t, -1,
				    SQLITE_STATIC);
			break;
		default:
			fatalx("db: bind type '%c'", binds[i]);
		}
	}
	return rc;
}

/* Reset a statement after use, dropping its bindings and its lock. */
static void
db_release(struct db_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	s->busy = 0;
}

/* Prepare sql and bind its parameters: the statement, or NULL with *e. */
static struct db_stmt *
db_start(struct db *db, struct err *e, const char *what, const char *sql,
    const char *binds, va_list ap)
{
	struct db_stmt	*s;
	int		 rc;

	if ((s = db_prepare(db, sql, what, e)) == NULL)
		return NULL;
	s->busy = 1;
	if ((rc = db_bind(s->st, binds, ap)) != SQLITE_OK) {
		db_conn_fail(db, e, rc, what);
		db_release(s);
		return NULL;
	}
	return s;
}

/* Run a statement that gives no rows: the rows it changed, or -1. */
int
db_exec(struct db *db, struct err *e, const char *what, const char *sql,
    const char *binds, ...)
{
	struct db_stmt	*s;
	va_list		 ap;
	int		 rc;

	va_start(ap, binds);
	s = db_start(db, e, what, sql, binds, ap);
	va_end(ap);
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s->st)) == SQLITE_ROW)
		continue;
	if (rc != SQLITE_DONE) {
		db_conn_fail(db, e, rc, what);
		db_release(s);
		return -1;
	}
	db_release(s);
	return sqlite3_changes(db->sql);
}

/* Set *e for the damage row found, while doing what. */
static int
db_damaged(struct db *db, struct db_row *row, const char *what,
    struct err *e)
{
	const char	*table, *column;

	table = sqlite3_column_table_name(row->st, row->bad);
	column = sqlite3_column_origin_name(row->st, row->bad);
	if (column == NULL)
		column = sqlite3_column_name(row->st, row->bad);
	db->rc = SQLITE_CORRUPT;
	return err_set(e, ERR_DB_DAMAGED, "%s: %s is damaged: a value is %s "
	    "in %s%s (column %s): restore it from a backup, or move it aside "
	    "to start afresh; it has not been changed", what, db->path,
	    row->missing ? "missing" : "not valid", table != NULL ?
	    "table " : "a result", table != NULL ? table : "",
	    column != NULL ? column : "?");
}

/* Step through the rows of s, calling fn for each. */
static int
db_rows(struct db *db, struct db_stmt *s, struct err *e, const char *what,
    db_row_fn fn, void *ctx)
{
	struct db_row	row;
	int		rc, r;

	while ((rc = sqlite3_step(s->st)) == SQLITE_ROW) {
		row.st = s->st;
		row.bad = -1;
		row.missing = 0;
		r = fn(ctx, &row, e);
		if (r == -1)
			return -1;
		if (row.bad != -1)
			return db_damaged(db, &row, what, e);
		if (r == 1)
			return 0;
	}
	if (rc != SQLITE_DONE)
		return db_conn_fail(db, e, rc, what);
	return 0;
}

/* Run a query, calling fn for each row; see db.h. */
int
db_query(struct db *db, struct err *e, const char *what, db_row_fn fn,
    void *ctx, const char *sql, const char *binds, ...)
{
	struct db_stmt	*s;
	va_list		 ap;
	int		 rc;

	va_start(ap, binds);
	s = db_start(db, e, what, sql, binds, ap);
	va_end(ap);
	if (s == NULL)
		return -1;
	rc = db_rows(db, s, e, what, fn, ctx);
	db_release(s);
	return rc;
}

/* The id of the row the last INSERT made. */
int64_t
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->sql);
}

/* Begin a write transaction, waiting for other programs' locks. */
int
db_begin(struct db *db, struct err *e, const char *what)
{
	return db_exec(db, e, what, "BEGIN IMMEDIATE", "") == -1 ? -1 : 0;
}

/* Commit the transaction. */
int
db_commit(struct db *db, struct err *e, const char *what)
{
	return db_exec(db, e, what, "COMMIT", "") == -1 ? -1 : 0;
}

/* Roll back the transaction, if one is open. */
void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* Record damage in column col of row (the first only). */
static void
db_row_bad(struct db_row *row, int col, int missing)
{
	if (row->bad == -1) {
		row->bad = col;
		row->missing = missing;
	}
}

/* An integer in [min, max]; see db.h. */
int64_t
db_row_int(struct db_row *row, int col, int64_t min, int64_t max)
{
	int64_t	v;
	int	type;

	type = sqlite3_column_type(row->st, col);
	if (type != SQLITE_INTEGER) {
		db_row_bad(row, col, type == SQLITE_NULL);
		return min;
	}
	v = sqlite3_column_int64(row->st, col);
	if (v < min || v > max) {
		db_row_bad(row, col, 0);
		return min;
	}
	return v;
}

/* An integer in [min, max], or dflt when NULL. */
int64_t
db_row_int_null(struct db_row *row, int col, int64_t min, int64_t max,
    int64_t dflt)
{
	if (sqlite3_column_type(row->st, col) == SQLITE_NULL)
		return dflt;
	return db_row_int(row, col, min, max);
}

/* Text, or NULL when the column is NULL. */
const char *
db_row_text_null(struct db_row *row, int col)
{
	const unsigned char	*t;

	if (sqlite3_column_type(row->st, col) == SQLITE_NULL)
		return NULL;
	if ((t = sqlite3_column_text(row->st, col)) == NULL)
		fatalx("out of memory");
	return (const char *)t;
}

/* Text; NULL marks the row damaged. */
const char *
db_row_text(struct db_row *row, int col)
{
	const char	*t;

	if ((t = db_row_text_null(row, col)) == NULL) {
		db_row_bad(row, col, 1);
		return "";
	}
	return t;
}

/* Text that must be one of choices: its index. */
int
db_row_choice(struct db_row *row, int col, const char *const *choices)
{
	const char	*t;
	int		 i;

	if ((t = db_row_text_null(row, col)) == NULL) {
		db_row_bad(row, col, 1);
		return 0;
	}
	for (i = 0; choices[i] != NULL; i++) {
		if (strcmp(t, choices[i]) == 0)
			return i;
	}
	db_row_bad(row, col, 0);
	return 0;
}

/* A valid date or UTC time; a valid stand-in when damaged. */
const char *
db_row_date(struct db_row *row, int col, int time)
{
	const char	*t;

	if ((t = db_row_text_null(row, col)) == NULL)
		db_row_bad(row, col, 1);
	else if (time ? date_time_valid(t) : date_valid(t))
		return t;
	else
		db_row_bad(row, col, 0);
	return time ? "1970-01-01T00:00:00Z" : "1970-01-01";
}

/* Whether a column read from row so far was damaged. */
int
db_row_damaged(const struct db_row *row)
{
	return row->bad != -1;
}

/* What db_check's rows are handed to. */
struct db_check_ctx {
	void	(*fn)(void *, const char *);
	void	*ctx;
};

/* Hand one line of the integrity check on. */
static int
db_check_row(void *ctx, struct db_row *row, struct err *e)
{
	struct db_check_ctx	*c = ctx;

	(void)e;
	c->fn(c->ctx, db_row_text(row, 0));
	return 0;
}

/* The full check (PRAGMA integrity_check); see db.h. */
int
db_check(struct db *db, void (*fn)(void *ctx, const char *line), void *ctx,
    struct err *e)
{
	struct db_check_ctx	c = { fn, ctx };

	return db_query(db, e, "could not check the database", db_check_row,
	    &c, "PRAGMA integrity_check", "");
}

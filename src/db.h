/*
 * db.h: the database as the store uses it: the one helper every
 * statement goes through, the defensive readers of a row's columns,
 * transactions, and the full integrity check.
 *
 * A struct db is had from db_open (db-open.h), which creates and
 * migrates it.  Statements are prepared once and kept; every statement
 * binds its parameters (text is never spliced into SQL) and every
 * column is read defensively: a NULL where the schema forbids one, or a
 * number out of its range, is reported as a damaged database
 * (ERR_DB_DAMAGED), never a crash.  There is no whole-file check at
 * open: SQLite reports damage where it meets it, and db_check runs the
 * full integrity check on request.
 *
 * Failures are struct err with the status of their class: ERR_DB,
 * ERR_DB_DAMAGED, ERR_DB_READONLY, ERR_DB_LOCKED or ERR_DISK_FULL, and
 * a message naming the file and what to do.
 *
 * Ownership: struct db is opaque, owned by the caller of db_open
 * (db_close).  Text read from a row is valid until the row callback
 * returns.
 */
#ifndef DHCOACH_DB_H
#define DHCOACH_DB_H

#include <stdint.h>

#include "err.h"

struct db;
struct db_row;

/* Close and free; NULL is allowed. */
void db_close(struct db *);
/* The path it was opened with. */
const char *db_path(const struct db *);

/*
 * The one statement helper.  sql is a string constant (statements are
 * cached by its address).  binds names the types of the parameters that
 * follow, one letter each: 'i' int64_t, 'd' int, 't' const char * (NULL
 * binds NULL).  what says what was being done, for the message
 * ("could not keep your answer").
 */

/* Run a statement that gives no rows: the rows it changed, or -1. */
int db_exec(struct db *, struct err *e, const char *what, const char *sql,
    const char *binds, ...);

/*
 * A row callback: return 0 to go on, 1 to stop early, or -1 with *e set
 * (its own failure).
 */
typedef int (*db_row_fn)(void *ctx, struct db_row *row, struct err *e);

/*
 * Run a query and call fn for each row, in order, streaming: nothing is
 * held between rows.  Returns 0, or -1 with *e set (a damaged column
 * among the causes).
 */
int db_query(struct db *, struct err *e, const char *what, db_row_fn fn,
    void *ctx, const char *sql, const char *binds, ...);

/* The id of the row the last INSERT made. */
int64_t db_last_id(struct db *);

/* Transactions: BEGIN IMMEDIATE, COMMIT (0 or -1 with *e), ROLLBACK. */
int db_begin(struct db *, struct err *e, const char *what);
int db_commit(struct db *, struct err *e, const char *what);
void db_rollback(struct db *);

/* Reading a column of the current row. */

/* An integer in [min, max]; NULL or out of range marks the row damaged. */
int64_t db_row_int(struct db_row *, int col, int64_t min, int64_t max);
/* An integer in [min, max], or dflt when NULL. */
int64_t db_row_int_null(struct db_row *, int col, int64_t min, int64_t max,
    int64_t dflt);
/* Text; NULL marks the row damaged (then "" is returned). */
const char *db_row_text(struct db_row *, int col);
/* Text, or NULL when the column is NULL. */
const char *db_row_text_null(struct db_row *, int col);
/*
 * Text that must be one of choices (a NULL-terminated list): its index;
 * anything else marks the row damaged (then 0 is returned).
 */
int db_row_choice(struct db_row *, int col, const char *const *choices);
/*
 * Text that must be a valid date (or, with time, a UTC time); anything
 * else marks the row damaged (then a valid stand-in is returned).
 */
const char *db_row_date(struct db_row *, int col, int time);
/*
 * Whether a column read from row so far was damaged: the query will
 * fail once the callback returns, so it should hand nothing on.
 */
int db_row_damaged(const struct db_row *);

/*
 * The full check (PRAGMA integrity_check): calls fn with each problem
 * SQLite reports ("ok" alone when there is none).  Returns 0, or -1.
 */
int db_check(struct db *, void (*fn)(void *ctx, const char *line),
    void *ctx, struct err *e);

#endif

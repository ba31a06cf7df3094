/*
 * db-conn.h: the SQLite connection the db modules share: the handle,
 * the statements kept on it, and every SQLite failure turned into a
 * struct err of its class.
 *
 * Only the db modules include this: db-open.c (opening, creating,
 * migrating) and db.c (the statement helper and row readers).  Everyone
 * else sees struct db as opaque (db.h).  A failure's class is read from
 * SQLite's result code (and, for an I/O error, the system's errno): a
 * full disk is ERR_DISK_FULL, BUSY or LOCKED ERR_DB_LOCKED, READONLY
 * ERR_DB_READONLY, CORRUPT or NOTADB ERR_DB_DAMAGED, anything else
 * ERR_DB; the message names the file and what to do.  Running out of
 * memory is fatal.
 *
 * Ownership: a struct db belongs to whoever made it (db_conn_new) and
 * is freed with db_conn_free, which finalizes the statements it keeps
 * and closes the connection.
 */
#ifndef DHCOACH_DB_CONN_H
#define DHCOACH_DB_CONN_H

#include <stdint.h>

#include <sqlite3.h>

#include "err.h"

/* Buckets of the statement cache. */
#define DB_CONN_BUCKETS		64

/* A statement prepared once and kept, found by the address of its SQL. */
struct db_stmt {
	const char	*sql;
	sqlite3_stmt	*st;
	int		 busy;		/* in use by a call not yet returned */
	struct db_stmt	*next;
};

struct db {
	sqlite3		*sql;		/* NULL until connected */
	char		*path;		/* as given, for messages */
	int		 rc;		/* the last SQLite failure */
	struct db_stmt	*cache[DB_CONN_BUCKETS];
};

/* A new struct db for path (shown in messages), not yet connected. */
struct db *db_conn_new(const char *path);
/* Finalize the statements kept, close and free; NULL is allowed. */
void db_conn_free(struct db *);

/*
 * Connect db to file (a name or URI for SQLite) with SQLite's open
 * flags, never following a symbolic link, and set the connection up:
 * foreign keys first (they are ignored inside a transaction), then the
 * busy timeout.  Returns 0, or -1 with *e set.
 */
int db_conn_open(struct db *, const char *file, int flags, struct err *e);
/* Run SQL without parameters or rows, outside the statement cache. */
int db_conn_run(struct db *, struct err *e, const char *what,
    const char *sql);
/* Read the integer of the first row of sql into *v (0 when no row). */
int db_conn_int(struct db *, struct err *e, const char *sql, int64_t *v);

/*
 * Set *e from SQLite failure rc (a success code counts as a failure
 * with no code), while doing what (NULL: nothing said), and remember rc
 * in db->rc.  Returns -1.
 */
int db_conn_fail(struct db *, struct err *e, int rc, const char *what);

#endif

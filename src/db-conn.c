/*
 * db-conn.c: the SQLite connection the db modules share (see
 * db-conn.h).
 *
 * Invariants: a connection made here has foreign keys on (set first:
 * it is ignored inside a transaction) and a busy timeout, and never
 * follows a symbolic link.  Every SQLite failure met by the db modules
 * goes through db_conn_fail, so its class is decided in one place, and
 * db->rc keeps the last one for the caller that must tell them apart.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db-conn.h"
#include "util.h"

/* How long a statement waits for another program's lock. */
#define DB_CONN_BUSY_MS		2000

/* The status of the class of an SQLite result code. */
static int
db_conn_status(struct db *db, int rc)
{
	int	sys;

	switch (rc & 0xff) {
	case SQLITE_FULL:
		return ERR_DISK_FULL;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ERR_DB_LOCKED;
	case SQLITE_READONLY:
		return ERR_DB_READONLY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return ERR_DB_DAMAGED;
	case SQLITE_NOMEM:
		fatalx("out of memory");
	case SQLITE_IOERR:
		/* A write or a -shm that could not grow: the disk is full. */
		sys = db != NULL ? sqlite3_system_errno(db->sql) : 0;
		if (sys == ENOSPC || sys == EDQUOT)
			return ERR_DISK_FULL;
		break;
	}
	return ERR_DB;
}

/* Why a failure of status with SQLite message msg happened (a new string). */
static char *
db_conn_why(const char *path, int status, int rc, const char *msg)
{
	switch (status) {
	case ERR_DISK_FULL:
		return xasprintf("cannot write to %s: the disk is full: free "
		    "some space and try again", path);
	case ERR_DB_LOCKED:
		return xasprintf("%s is in use by another program, perhaps "
		    "dhcoach in another window: close it and try again", path);
	case ERR_DB_READONLY:
		return xasprintf("cannot write to %s: it or its folder is "
		    "read-only: make them writable, or use --db for another "
		    "file", path);
	case ERR_DB_DAMAGED:
		return xasprintf("%s is damaged or is not a dhcoach database: "
		    "restore it from a backup, or move it aside to start "
		    "afresh; it has not been changed", path);
	}
	if (rc == SQLITE_CANTOPEN_SYMLINK)
		return xasprintf("%s is a symbolic link, and dhcoach does not "
		    "follow links to its database: give the real file with "
		    "--db", path);
	if ((rc & 0xff) == SQLITE_CANTOPEN && access(path, R_OK) != 0 &&
	    errno == EACCES)
		return xasprintf("cannot open %s: you do not have permission to "
		    "read it: ask its owner to share it, or use --db for another "
		    "file", path);
	if ((rc & 0xff) == SQLITE_CANTOPEN)
		return xasprintf("cannot open %s: %s: check the path, or use "
		    "--db for another file", path, msg);
	if ((rc & 0xff) == SQLITE_IOERR)
		return xasprintf("cannot read or write %s: %s: check the disk, "
		    "then try again", path, msg);
	return xasprintf("something went wrong with %s (%s): try again, and "
	    "report it if it happens again", path, msg);
}

/* Set *e from SQLite failure rc, while doing what (NULL: nothing said). */
int
db_conn_fail(struct db *db, struct err *e, int rc, const char *what)
{
	char	*msg, *why;
	int	 status;

	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = SQLITE_ERROR;	/* a failure with no code */
	db->rc = rc;
	msg = xstrdup(db->sql != NULL ? sqlite3_errmsg(db->sql) :
	    sqlite3_errstr(rc));
	status = db_conn_status(db, rc);
	why = db_conn_why(db->path, status, rc, msg);
	if (what != NULL)
		err_set(e, status, "%s: %s", what, why);
	else
		err_set(e, status, "%s", why);
	free(why);
	free(msg);
	return -1;
}

/* A new struct db for path, not yet connected. */
struct db *
db_conn_new(const char *path)
{
	struct db	*db;

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	return db;
}

/* Finalize the statements kept, close and free; NULL is allowed. */
void
db_conn_free(struct db *db)
{
	struct db_stmt	*s, *next;
	size_t		 i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_CONN_BUCKETS; i++) {
		for (s = db->cache[i]; s != NULL; s = next) {
			next = s->next;
			sqlite3_finalize(s->st);
			free(s);
		}
	}
	if (sqlite3_close(db->sql) != SQLITE_OK)
		fatalx("cannot close %s: %s", db->path,
		    sqlite3_errmsg(db->sql));
	free(db->path);
	free(db);
}

/*
 * Connect db to file (a name or URI for SQLite) with flags, and set the
 * connection up: foreign keys first, then the busy timeout.
 */
int
db_conn_open(struct db *db, const char *file, int flags, struct err *e)
{
	int	rc;

	rc = sqlite3_open_v2(file, &db->sql, flags | SQLITE_OPEN_NOFOLLOW |
	    SQLITE_OPEN_EXRESCODE, NULL);
	if (db->sql == NULL)
		fatalx("out of memory");
	if (rc != SQLITE_OK)
		return db_conn_fail(db, e, rc, NULL);
	sqlite3_busy_timeout(db->sql, DB_CONN_BUSY_MS);
	return db_conn_run(db, e, NULL, "PRAGMA foreign_keys = ON");
}

/* Run SQL without parameters or rows, outside the statement cache. */
int
db_conn_run(struct db *db, struct err *e, const char *what, const char *sql)
{
	int	rc;

	if ((rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL)) != SQLITE_OK)
		return db_conn_fail(db, e, rc, what);
	return 0;
}

/* Read the integer of the first row of sql (0 when no row). */
int
db_conn_int(struct db *db, struct err *e, const char *sql, int64_t *v)
{
	sqlite3_stmt	*st = NULL;
	int		 rc;

	*v = 0;
	if ((rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL)) ==
	    SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	if (rc != SQLITE_DONE) {
		db_conn_fail(db, e, rc, NULL);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

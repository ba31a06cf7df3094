/*
 * db.c: the SQLite connection under the store: opening, creating,
 * migrating, and the one statement helper (see db.h).
 *
 * Invariants:
 * - A struct db holds one connection with foreign keys on (set first:
 *   it is ignored inside a transaction) and a busy timeout, whose main
 *   database carries our application_id, the latest schema version and
 *   the tables of that version; a file connection of DB_WRITE is in WAL
 *   mode with synchronous=FULL.
 * - Nothing is written to a file before it is known to be ours (or
 *   empty) and not newer than this program: a refused file keeps every
 *   byte it had.
 * - A new database is built whole in a temporary file beside the path
 *   (mkostemp, 0600), migrated and in WAL mode, closed, and only then
 *   linked to the path: link() never replaces a file, so when two
 *   programs create the database at once one wins and the other uses
 *   the winner's.  A build that fails removes its temporary files.
 * - DB_READ never creates the file, and its connection is query_only:
 *   SQLite refuses any change to the database.  It is opened read-write
 *   all the same, so that SQLite removes the -wal and -shm files it
 *   makes when the last connection closes; a read-only connection would
 *   leave them behind, with the file's mode of the moment.  SQLite
 *   needs the -shm file beside a WAL database even to read; when it
 *   cannot be made (a full disk, a read-only folder) or the file is
 *   read-only to us, and no -wal file holds changes, the file is opened
 *   with the URI parameter immutable=1, which reads it with no -shm and
 *   no locks (safe because nothing waits in a -wal, and nobody writes a
 *   file we cannot).  A database of an older schema is copied into
 *   memory and migrated there, so that the reader sees today's tables
 *   and the file stays as it is.
 * - Statements are prepared once per connection (SQLITE_PREPARE_PERSISTENT)
 *   and kept in a table keyed by the address of their SQL; they are
 *   reset, with their bindings cleared, before the helper returns, so
 *   no lock outlives a call and text is bound without a copy.
 * - Every SQLite failure becomes a struct err with the status of its
 *   class; CORRUPT or NOTADB met anywhere is ERR_DB_DAMAGED.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sqlite3.h>

#include "date.h"
#include "db.h"
#include "migrations.h"
#include "util.h"

/* PRAGMA application_id: "DHC1", so that file(1) can tell our files. */
#define DB_APPLICATION_ID	0x44484331
/* How long a statement waits for another program's lock. */
#define DB_BUSY_MS		2000
/* No SQLite database file is shorter than one page of the smallest size. */
#define DB_MIN_SIZE		512
/* Buckets of the statement cache. */
#define DB_BUCKETS		64

/* A statement prepared once and kept, found by the address of its SQL. */
struct db_stmt {
	const char	*sql;
	sqlite3_stmt	*st;
	int		 busy;		/* in use by a call not yet returned */
	struct db_stmt	*next;
};

struct db {
	sqlite3		*sql;
	char		*path;		/* as given, for messages */
	int		 rc;		/* the last SQLite failure */
	struct db_stmt	*cache[DB_BUCKETS];
};

/* The row a query's callback reads, and the first damage found in it. */
struct db_row {
	sqlite3_stmt	*st;
	int		 bad;		/* first damaged column, or -1 */
	int		 missing;	/* it was NULL (else out of range) */
};

/*
 * The tables each schema version must have (db/NNN-*.sql): a migration
 * that makes a table adds it here, so that a file claiming a version
 * without its tables is known for damaged, never migrated.
 */
static const struct {
	const char	*name;
	int		 version;
} db_tables[] = {
	{ "sessions", 1 }, { "ratings", 1 }, { "answers", 1 }, { "found", 1 },
	{ "answers_fts", 1 },
	{ "plan", 2 },
	{ "finished", 3 }, { "covered", 3 }, { "shown", 3 }, { "profile", 3 },
	{ "plan_draft", 3 },
};

static int	db_run(struct db *, struct err *, const char *, const char *);
static int	db_int(struct db *, struct err *, const char *, int64_t *);

/* The status of the class of an SQLite result code. */
static int
db_status(struct db *db, int rc)
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
db_why(const char *path, int status, int rc, const char *msg)
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
static int
db_fail(struct db *db, struct err *e, int rc, const char *what)
{
	char	*msg, *why;
	int	 status;

	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = SQLITE_ERROR;	/* a failure with no code */
	db->rc = rc;
	msg = xstrdup(db->sql != NULL ? sqlite3_errmsg(db->sql) :
	    sqlite3_errstr(rc));
	status = db_status(db, rc);
	why = db_why(db->path, status, rc, msg);
	if (what != NULL)
		err_set(e, status, "%s: %s", what, why);
	else
		err_set(e, status, "%s", why);
	free(why);
	free(msg);
	return -1;
}

/* A new struct db for path, not yet connected. */
static struct db *
db_new(const char *path)
{
	struct db	*db;

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	return db;
}

/* Close and free; NULL is allowed. */
void
db_close(struct db *db)
{
	struct db_stmt	*s, *next;
	size_t		 i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_BUCKETS; i++) {
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

/* The path it was opened with. */
const char *
db_path(const struct db *db)
{
	return db->path;
}

/*
 * Connect db to file (a name or URI for SQLite) with flags, and set the
 * connection up: foreign keys first, then the busy timeout.
 */
static int
db_connect(struct db *db, const char *file, int flags, struct err *e)
{
	int	rc;

	rc = sqlite3_open_v2(file, &db->sql, flags | SQLITE_OPEN_NOFOLLOW |
	    SQLITE_OPEN_EXRESCODE, NULL);
	if (db->sql == NULL)
		fatalx("out of memory");
	if (rc != SQLITE_OK)
		return db_fail(db, e, rc, NULL);
	sqlite3_busy_timeout(db->sql, DB_BUSY_MS);
	return db_run(db, e, NULL, "PRAGMA foreign_keys = ON");
}

/* Run SQL without parameters or rows, outside the statement cache. */
static int
db_run(struct db *db, struct err *e, const char *what, const char *sql)
{
	int	rc;

	if ((rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL)) != SQLITE_OK)
		return db_fail(db, e, rc, what);
	return 0;
}

/* Read the integer of the first row of sql (0 when no row). */
static int
db_int(struct db *db, struct err *e, const char *sql, int64_t *v)
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
		db_fail(db, e, rc, NULL);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Whether the tables of schema version have all been made. */
static int
db_has_tables(struct db *db, int64_t version, int *ok, struct err *e)
{
	static const char	 sql[] = "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'table' AND name = ?1";
	sqlite3_stmt		*st = NULL;
	size_t			 i;
	int			 rc = SQLITE_OK;

	*ok = 1;
	if ((rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL)) !=
	    SQLITE_OK)
		return db_fail(db, e, rc, NULL);
	for (i = 0; i < sizeof db_tables / sizeof db_tables[0]; i++) {
		if (db_tables[i].version > version)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, db_tables[i].name, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		if (sqlite3_column_int(st, 0) != 1)
			*ok = 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return db_fail(db, e, rc, NULL);
	return 0;
}

/*
 * Read the file's header and schema, without writing: it must be empty
 * (*version 0), or ours at a version this program knows, with the
 * tables of that version.
 */
static int
db_inspect(struct db *db, int64_t *version, struct err *e)
{
	int64_t	app, uv, nobjects;
	int	ok;

	if (db_int(db, e, "PRAGMA application_id", &app) != 0 ||
	    db_int(db, e, "PRAGMA user_version", &uv) != 0 ||
	    db_int(db, e, "SELECT count(*) FROM sqlite_schema", &nobjects) != 0)
		return -1;
	if (app == DB_APPLICATION_ID && uv > (int64_t)migrations_count)
		return err_set(e, ERR_DB_NEWER, "%s was made by a newer "
		    "dhcoach (schema %lld; this one knows %zu): upgrade "
		    "dhcoach, or use --db for another file", db->path,
		    (long long)uv, migrations_count);
	if (uv == 0 && nobjects == 0 &&
	    (app == 0 || app == DB_APPLICATION_ID)) {
		*version = 0;
		return 0;
	}
	if (uv < 1 || app != DB_APPLICATION_ID)
		return db_fail(db, e, SQLITE_NOTADB, NULL);
	if (db_has_tables(db, uv, &ok, e) != 0)
		return -1;
	if (!ok)
		return db_fail(db, e, SQLITE_CORRUPT, NULL);
	*version = uv;
	return 0;
}

/* Apply migration m. */
static int
db_apply(struct db *db, const struct migrations_entry *m, struct err *e)
{
	struct buf	 b = { 0 };
	char		*sql, *what;
	size_t		 i;
	int		 rc;

	for (i = 0; m->lines[i] != NULL; i++)
		buf_adds(&b, m->lines[i]);
	sql = buf_take(&b);
	rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	free(sql);
	if (rc == SQLITE_OK)
		return 0;
	what = xasprintf("could not bring %s up to date (%s)", db->path,
	    m->name);
	db_fail(db, e, rc, what);
	free(what);
	return -1;
}

/* Bring the schema up to date, in one BEGIN IMMEDIATE transaction. */
static int
db_migrate(struct db *db, struct err *e)
{
	int64_t	uv;
	size_t	i;
	char	*sql;

	if (db_run(db, e, NULL, "BEGIN IMMEDIATE") != 0)
		return -1;
	/* Another program may have done it while we waited. */
	if (db_inspect(db, &uv, e) != 0)
		goto fail;
	for (i = (size_t)uv; i < migrations_count; i++) {
		if (db_apply(db, &migrations_table[i], e) != 0)
			goto fail;
	}
	sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %zu",
	    DB_APPLICATION_ID, migrations_count);
	if (uv < (int64_t)migrations_count && db_run(db, e, NULL, sql) != 0) {
		free(sql);
		goto fail;
	}
	free(sql);
	if (db_run(db, e, NULL, "COMMIT") != 0)
		goto fail;
	return 0;

fail:
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Put the connection in WAL mode with synchronous=FULL. */
static int
db_wal(struct db *db, struct err *e)
{
	sqlite3_stmt	*st = NULL;
	int		 rc, wal = 0;

	rc = sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode = WAL", -1, &st,
	    NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		wal = strcasecmp((const char *)sqlite3_column_text(st, 0),
		    "wal") == 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return db_fail(db, e, rc, NULL);
	if (!wal)
		return err_set(e, ERR_DB, "cannot use %s: SQLite cannot keep "
		    "it in WAL mode, which dhcoach needs: use --db for a file "
		    "on a local disk", db->path);
	return db_run(db, e, NULL, "PRAGMA synchronous = FULL");
}

/* Set up a connection to write: check, WAL, migrate. */
static int
db_setup_write(struct db *db, int memory, struct err *e)
{
	int64_t	uv;

	if (db_inspect(db, &uv, e) != 0)
		return -1;
	if (!memory && db_wal(db, e) != 0)
		return -1;
	if (uv < (int64_t)migrations_count)
		return db_migrate(db, e);
	return 0;
}

/* Open a new database in memory. */
static int
db_open_memory(struct db **out, struct err *e)
{
	struct db	*db;

	db = db_new(DB_MEMORY);
	if (db_connect(db, DB_MEMORY, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, e) != 0 || db_setup_write(db, 1, e) != 0) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* Where path is: its folder (a new string) and its last component. */
static char *
db_dir(const char *path, const char **base)
{
	const char	*slash;

	if ((slash = strrchr(path, '/')) == NULL) {
		*base = path;
		return xstrdup(".");
	}
	*base = slash + 1;
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * The path with its folder's symbolic links resolved (a new string), or
 * NULL with *e set.  SQLite's NOFOLLOW refuses a link anywhere in the
 * path, but only a link at the file itself is one dhcoach refuses.
 */
static char *
db_real(const char *path, struct err *e)
{
	const char	*base;
	char		*dir, *canon, *real;

	dir = db_dir(path, &base);
	if ((canon = realpath(dir, NULL)) == NULL) {
		err_set(e, ERR_DB, "cannot open %s: %s: check the path, or use "
		    "--db for another file", path, strerror(errno));
		free(dir);
		return NULL;
	}
	real = xasprintf("%s/%s", strcmp(canon, "/") == 0 ? "" : canon, base);
	free(canon);
	free(dir);
	return real;
}

/*
 * What is at path: 0 a file (*size set), 1 nothing; -1 with *e for a
 * link, something not a file, or a file too short to be a database.
 */
static int
db_stat(const char *path, off_t *size, struct err *e)
{
	struct stat	sb;

	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return 1;
		if (errno == ENOTDIR)
			return err_set(e, ERR_DB, "cannot use %s: part of its "
			    "folder is not a folder: check the path, or use "
			    "--db for another file", path);
		return err_set(e, ERR_DB, "cannot open %s: %s: check the path, "
		    "or use --db for another file", path, strerror(errno));
	}
	if (S_ISLNK(sb.st_mode))
		return err_set(e, ERR_DB, "%s is a symbolic link, and dhcoach "
		    "does not follow links to its database: give the real "
		    "file with --db", path);
	if (!S_ISREG(sb.st_mode))
		return err_set(e, ERR_DB, "%s is not a file: give a database "
		    "file with --db", path);
	/* SQLite would take a 1-byte file for an empty database. */
	if (sb.st_size > 0 && sb.st_size < DB_MIN_SIZE)
		return err_set(e, ERR_DB_DAMAGED, "%s is damaged or is not a "
		    "dhcoach database: restore it from a backup, or move it "
		    "aside to start afresh; it has not been changed", path);
	*size = sb.st_size;
	return 0;
}

/* The status of a failed system call with errno err on a file. */
static int
db_errno_status(int err)
{
	switch (err) {
	case EACCES:
	case EPERM:
	case EROFS:
		return ERR_DB_READONLY;
	case ENOSPC:
	case EDQUOT:
		return ERR_DISK_FULL;
	}
	return ERR_DB;
}

/* Set *e for a system call failing with errno err while making path. */
static int
db_create_fail(const char *path, int err, struct err *e)
{
	switch (db_errno_status(err)) {
	case ERR_DB_READONLY:
		return err_set(e, ERR_DB_READONLY, "cannot create %s: %s: make "
		    "its folder writable, or use --db for another file", path,
		    strerror(err));
	case ERR_DISK_FULL:
		return err_set(e, ERR_DISK_FULL, "cannot create %s: the disk "
		    "is full: free some space and try again", path);
	}
	return err_set(e, ERR_DB, "cannot create %s: %s: check the path, or "
	    "use --db for another file", path, strerror(err));
}

/* Remove a database file that was never linked, and its companions. */
static void
db_unlink_all(const char *file)
{
	static const char *const	 suffixes[] = {
		"", "-wal", "-shm", "-journal"
	};
	char				*p;
	size_t				 i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		p = xasprintf("%s%s", file, suffixes[i]);
		unlink(p);
		free(p);
	}
}

/*
 * Build a complete new database in the file tmp (shown as path): its
 * WAL checkpointed into the file, so that the file alone is all of it.
 */
static int
db_build(const char *tmp, const char *path, struct err *e)
{
	struct db	*db;
	int64_t		 busy;
	int		 rc = -1;

	db = db_new(path);
	if (db_connect(db, tmp, SQLITE_OPEN_READWRITE, e) == 0 &&
	    db_setup_write(db, 0, e) == 0 &&
	    db_int(db, e, "PRAGMA wal_checkpoint(TRUNCATE)", &busy) == 0) {
		if (busy != 0)
			db_fail(db, e, SQLITE_BUSY, NULL);
		else
			rc = 0;
	}
	db_close(db);
	return rc;
}

/*
 * Put tmp in place at real without ever replacing a file: 0 when it is
 * there, 1 when another program's database was there first, or -1 with
 * errno set.  link() is the way; a file system without hard links gets
 * renameat2(RENAME_NOREPLACE).
 */
static int
db_place(const char *tmp, const char *real)
{
	if (link(tmp, real) == 0)
		return 0;
	if (errno == EEXIST)
		return 1;
#ifdef RENAME_NOREPLACE
	if (errno == EPERM || errno == ENOSYS || errno == EOPNOTSUPP) {
		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, real,
		    RENAME_NOREPLACE) == 0)
			return 0;
		if (errno == EEXIST)
			return 1;
	}
#endif
	return -1;
}

/* Make the new name in real's folder last through a power cut. */
static void
db_sync_dir(const char *real)
{
	const char	*base;
	char		*dir;
	int		 fd;

	dir = db_dir(real, &base);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/*
 * Create the database at real (shown as path): build it in a temporary
 * file beside it, then link it into place.  Returns 0 when a database
 * is there (ours or another program's that won the race), or -1.
 */
static int
db_create(const char *real, const char *path, struct err *e)
{
	const char	*base;
	char		*dir, *tmp;
	int		 fd, rc, saved;

	dir = db_dir(real, &base);
	tmp = xasprintf("%s/.%s.new-XXXXXX", dir, base);
	free(dir);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		rc = db_create_fail(path, errno, e);
		free(tmp);
		return rc;
	}
	close(fd);
	if (db_build(tmp, path, e) != 0) {
		db_unlink_all(tmp);
		free(tmp);
		return -1;
	}
	rc = db_place(tmp, real);
	saved = errno;
	db_unlink_all(tmp);
	free(tmp);
	if (rc == -1)
		return db_create_fail(path, saved, e);
	db_sync_dir(real);
	return 0;
}

/* Make sure path's folder exists (0700 for the ones made). */
static int
db_mkdir(const char *path, struct err *e)
{
	const char	*base;
	char		*dir;
	int		 rc = 0, saved;

	dir = db_dir(path, &base);
	if (util_mkdirs(dir, 0700) != 0) {
		saved = errno;
		if (saved == ENOTDIR || saved == EEXIST)
			rc = err_set(e, ERR_DB, "cannot use the folder %s: it "
			    "is not a folder: check the path, or use --db for "
			    "another file", dir);
		else if (db_errno_status(saved) != ERR_DB)
			rc = err_set(e, db_errno_status(saved), "cannot create "
			    "the folder %s: %s: make its parent writable, or "
			    "use --db for another file", dir, strerror(saved));
		else
			rc = err_set(e, ERR_DB, "cannot create the folder %s: "
			    "%s: check the path, or use --db for another file",
			    dir, strerror(saved));
	}
	free(dir);
	return rc;
}

/* Whether this process may write the file at path and beside it. */
static int
db_writable(const char *path, struct err *e)
{
	const char	*base;
	char		*dir;
	int		 ok;

	if (access(path, W_OK) != 0)
		return err_set(e, ERR_DB_READONLY, "%s is read-only: make it "
		    "writable, or use --db for another file", path);
	dir = db_dir(path, &base);
	ok = access(dir, W_OK | X_OK) == 0;
	free(dir);
	if (!ok)
		return err_set(e, ERR_DB_READONLY, "the folder of %s is "
		    "read-only, and dhcoach keeps a journal beside the file: "
		    "make the folder writable, or use --db for another file",
		    path);
	return 0;
}

/* Open (creating it when missing) the database at path to write. */
static int
db_open_write(const char *path, struct db **out, struct err *e)
{
	struct db	*db;
	char		*real;
	off_t		 size;
	int		 rc;

	if (db_mkdir(path, e) != 0 || (rc = db_stat(path, &size, e)) == -1)
		return -1;
	if ((real = db_real(path, e)) == NULL)
		return -1;
	if (rc == 1 && db_create(real, path, e) != 0) {
		free(real);
		return -1;
	}
	if (db_writable(path, e) != 0) {
		free(real);
		return -1;
	}
	db = db_new(path);
	rc = db_connect(db, real, SQLITE_OPEN_READWRITE, e);
	free(real);
	if (rc == 0 && sqlite3_db_readonly(db->sql, "main") == 1)
		rc = db_fail(db, e, SQLITE_READONLY, NULL);
	if (rc != 0 || db_setup_write(db, 0, e) != 0) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* Copy db's database into memory and migrate it there. */
static int
db_to_memory(struct db *db, struct err *e)
{
	sqlite3_backup	*b;
	sqlite3		*file = db->sql;
	int		 rc;

	db->sql = NULL;
	if (db_connect(db, DB_MEMORY, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, e) != 0) {
		sqlite3_close(file);
		return -1;
	}
	if ((b = sqlite3_backup_init(db->sql, "main", file, "main")) == NULL)
		rc = sqlite3_errcode(db->sql);
	else {
		rc = sqlite3_backup_step(b, -1);
		rc = sqlite3_backup_finish(b);
	}
	sqlite3_close(file);
	if (rc != SQLITE_OK)
		return db_fail(db, e, rc, NULL);
	return db_migrate(db, e);
}

/* Whether a -wal file beside real holds anything. */
static int
db_wal_pending(const char *real)
{
	struct stat	 sb;
	char		*wal;
	int		 pending;

	wal = xasprintf("%s-wal", real);
	pending = stat(wal, &sb) != 0 ? errno != ENOENT : sb.st_size > 0;
	free(wal);
	return pending;
}

/* The URI that opens real immutable (no -shm, no locks). */
static char *
db_immutable_uri(const char *real)
{
	struct buf	 b = { 0 };
	const char	*p;

	buf_adds(&b, "file:");
	for (p = real; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	}
	buf_adds(&b, "?immutable=1");
	return buf_take(&b);
}

/*
 * Connect a reader to real and check the file: immutable straight away
 * when the file is read-only to us and no -wal holds changes (a
 * read-only connection would make a -wal and -shm it could not remove),
 * else normally, falling back to immutable when SQLite cannot make the
 * -shm file it needs.
 */
static int
db_read_connect(struct db *db, const char *real, int64_t *uv, struct err *e)
{
	char	*uri;
	int	 rc, code;

	if (access(real, W_OK) == 0 || db_wal_pending(real)) {
		rc = db_connect(db, real, SQLITE_OPEN_READWRITE, e);
		if (rc == 0 && db_inspect(db, uv, e) == 0)
			return 0;
		code = db->rc & 0xff;
		if ((code != SQLITE_CANTOPEN && code != SQLITE_IOERR &&
		    code != SQLITE_FULL && code != SQLITE_READONLY) ||
		    db->rc == SQLITE_CANTOPEN_SYMLINK || db_wal_pending(real))
			return -1;
		sqlite3_close(db->sql);
		db->sql = NULL;
		err_clear(e);
	}
	uri = db_immutable_uri(real);
	rc = db_connect(db, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, e);
	free(uri);
	if (rc != 0)
		return -1;
	return db_inspect(db, uv, e);
}

/* Open the database at path to read; *out NULL when there is none. */
static int
db_open_read(const char *path, struct db **out, struct err *e)
{
	struct db	*db;
	char		*real;
	off_t		 size;
	int64_t		 uv;
	int		 rc;

	if ((rc = db_stat(path, &size, e)) != 0)
		return rc == 1 ? 0 : -1;
	if (size == 0)
		return 0;
	if ((real = db_real(path, e)) == NULL)
		return -1;
	db = db_new(path);
	rc = db_read_connect(db, real, &uv, e);
	free(real);
	if (rc == 0 && uv == 0) {
		db_close(db);
		return 0;
	}
	if (rc == 0 && uv < (int64_t)migrations_count)
		rc = db_to_memory(db, e);
	if (rc == 0)
		rc = db_run(db, e, NULL, "PRAGMA query_only = ON");
	if (rc != 0) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* Open the database at path; see db.h. */
int
db_open(const char *path, enum db_mode mode, struct db **out, struct err *e)
{
	*out = NULL;
	if (path == NULL || *path == '\0')
		return err_set(e, ERR_USAGE, "no database file given: name "
		    "one with --db");
	if (strcmp(path, DB_MEMORY) == 0)
		return db_open_memory(out, e);
	if (mode == DB_READ)
		return db_open_read(path, out, e);
	return db_open_write(path, out, e);
}

/* The cached statement for sql, prepared now if new; NULL with *e set. */
static struct db_stmt *
db_prepare(struct db *db, const char *sql, const char *what, struct err *e)
{
	struct db_stmt	*s, **bucket;
	sqlite3_stmt	*st = NULL;
	const char	*tail = NULL;
	int		 rc;

	bucket = &db->cache[((uintptr_t)sql >> 3) % DB_BUCKETS];
	for (s = *bucket; s != NULL; s = s->next) {
		if (s->sql == sql && !s->busy)
			return s;
	}
	/* New, or the same statement again from inside its own callback. */
	rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, &tail);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		db_fail(db, e, rc, what);
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
		db_fail(db, e, rc, what);
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
		db_fail(db, e, rc, what);
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
		return db_fail(db, e, rc, what);
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

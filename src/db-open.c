/*
 * db-open.c: opening, creating and migrating the database (see
 * db-open.h).
 *
 * Invariants:
 * - A struct db handed out holds one connection (db-conn.h) whose main
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
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db-conn.h"
#include "db-open.h"
#include "migrations.h"
#include "util.h"

/* PRAGMA application_id: "DHC1", so that file(1) can tell our files. */
#define DB_APPLICATION_ID	0x44484331
/* No SQLite database file is shorter than one page of the smallest size. */
#define DB_MIN_SIZE		512

/*
 * The tables each schema version must have (db/NNN-*.sql): a migration
 * that makes a table adds it here, so that a file claiming a version
 * without its tables is known for damaged, never migrated.
 */
static const struct {
	const char	*name;
	int		 version;
} db_open_tables[] = {
	{ "sessions", 1 }, { "ratings", 1 }, { "answers", 1 }, { "found", 1 },
	{ "answers_fts", 1 },
	{ "plan", 2 },
	{ "finished", 3 }, { "covered", 3 }, { "shown", 3 }, { "profile", 3 },
	{ "plan_draft", 3 },
};

/* Whether the tables of schema version have all been made. */
static int
db_open_has_tables(struct db *db, int64_t version, int *ok, struct err *e)
{
	static const char	 sql[] = "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'table' AND name = ?1";
	sqlite3_stmt		*st = NULL;
	size_t			 i;
	int			 rc = SQLITE_OK;

	*ok = 1;
	if ((rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL)) !=
	    SQLITE_OK)
		return db_conn_fail(db, e, rc, NULL);
	for (i = 0; i < sizeof db_open_tables / sizeof db_open_tables[0]; i++) {
		if (db_open_tables[i].version > version)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, db_open_tables[i].name, -1,
		    SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		if (sqlite3_column_int(st, 0) != 1)
			*ok = 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return db_conn_fail(db, e, rc, NULL);
	return 0;
}

/*
 * Read the file's header and schema, without writing: it must be empty
 * (*version 0), or ours at a version this program knows, with the
 * tables of that version.
 */
static int
db_open_inspect(struct db *db, int64_t *version, struct err *e)
{
	int64_t	app, uv, nobjects;
	int	ok;

	if (db_conn_int(db, e, "PRAGMA application_id", &app) != 0 ||
	    db_conn_int(db, e, "PRAGMA user_version", &uv) != 0 ||
	    db_conn_int(db, e, "SELECT count(*) FROM sqlite_schema",
	    &nobjects) != 0)
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
		return db_conn_fail(db, e, SQLITE_NOTADB, NULL);
	if (db_open_has_tables(db, uv, &ok, e) != 0)
		return -1;
	if (!ok)
		return db_conn_fail(db, e, SQLITE_CORRUPT, NULL);
	*version = uv;
	return 0;
}

/* Apply migration m. */
static int
db_open_apply(struct db *db, const struct migrations_entry *m, struct err *e)
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
	db_conn_fail(db, e, rc, what);
	free(what);
	return -1;
}

/* Bring the schema up to date, in one BEGIN IMMEDIATE transaction. */
static int
db_open_migrate(struct db *db, struct err *e)
{
	int64_t	uv;
	size_t	i;
	char	*sql;

	if (db_conn_run(db, e, NULL, "BEGIN IMMEDIATE") != 0)
		return -1;
	/* Another program may have done it while we waited. */
	if (db_open_inspect(db, &uv, e) != 0)
		goto fail;
	for (i = (size_t)uv; i < migrations_count; i++) {
		if (db_open_apply(db, &migrations_table[i], e) != 0)
			goto fail;
	}
	sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %zu",
	    DB_APPLICATION_ID, migrations_count);
	if (uv < (int64_t)migrations_count &&
	    db_conn_run(db, e, NULL, sql) != 0) {
		free(sql);
		goto fail;
	}
	free(sql);
	if (db_conn_run(db, e, NULL, "COMMIT") != 0)
		goto fail;
	return 0;

fail:
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Put the connection in WAL mode with synchronous=FULL. */
static int
db_open_wal(struct db *db, struct err *e)
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
		return db_conn_fail(db, e, rc, NULL);
	if (!wal)
		return err_set(e, ERR_DB, "cannot use %s: SQLite cannot keep "
		    "it in WAL mode, which dhcoach needs: use --db for a file "
		    "on a local disk", db->path);
	return db_conn_run(db, e, NULL, "PRAGMA synchronous = FULL");
}

/* Set up a connection to write: check, WAL, migrate. */
static int
db_open_setup_write(struct db *db, int memory, struct err *e)
{
	int64_t	uv;

	if (db_open_inspect(db, &uv, e) != 0)
		return -1;
	if (!memory && db_open_wal(db, e) != 0)
		return -1;
	if (uv < (int64_t)migrations_count)
		return db_open_migrate(db, e);
	return 0;
}

/* Open a new database in memory. */
static int
db_open_memory(struct db **out, struct err *e)
{
	struct db	*db;

	db = db_conn_new(DB_MEMORY);
	if (db_conn_open(db, DB_MEMORY, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, e) != 0 || db_open_setup_write(db, 1, e) != 0) {
		db_conn_free(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* Where path is: its folder (a new string) and its last component. */
static char *
db_open_dir(const char *path, const char **base)
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
db_open_real(const char *path, struct err *e)
{
	const char	*base;
	char		*dir, *canon, *real;

	dir = db_open_dir(path, &base);
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
db_open_stat(const char *path, off_t *size, struct err *e)
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
db_open_errno_status(int err)
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
db_open_create_fail(const char *path, int err, struct err *e)
{
	switch (db_open_errno_status(err)) {
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
db_open_unlink_all(const char *file)
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
db_open_build(const char *tmp, const char *path, struct err *e)
{
	struct db	*db;
	int64_t		 busy;
	int		 rc = -1;

	db = db_conn_new(path);
	if (db_conn_open(db, tmp, SQLITE_OPEN_READWRITE, e) == 0 &&
	    db_open_setup_write(db, 0, e) == 0 &&
	    db_conn_int(db, e, "PRAGMA wal_checkpoint(TRUNCATE)", &busy) == 0) {
		if (busy != 0)
			db_conn_fail(db, e, SQLITE_BUSY, NULL);
		else
			rc = 0;
	}
	db_conn_free(db);
	return rc;
}

/*
 * Put tmp in place at real without ever replacing a file: 0 when it is
 * there, 1 when another program's database was there first, or -1 with
 * errno set.  link() is the way; a file system without hard links gets
 * renameat2(RENAME_NOREPLACE).
 */
static int
db_open_place(const char *tmp, const char *real)
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
db_open_sync_dir(const char *real)
{
	const char	*base;
	char		*dir;
	int		 fd;

	dir = db_open_dir(real, &base);
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
db_open_create(const char *real, const char *path, struct err *e)
{
	const char	*base;
	char		*dir, *tmp;
	int		 fd, rc, saved;

	dir = db_open_dir(real, &base);
	tmp = xasprintf("%s/.%s.new-XXXXXX", dir, base);
	free(dir);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		rc = db_open_create_fail(path, errno, e);
		free(tmp);
		return rc;
	}
	close(fd);
	if (db_open_build(tmp, path, e) != 0) {
		db_open_unlink_all(tmp);
		free(tmp);
		return -1;
	}
	rc = db_open_place(tmp, real);
	saved = errno;
	db_open_unlink_all(tmp);
	free(tmp);
	if (rc == -1)
		return db_open_create_fail(path, saved, e);
	db_open_sync_dir(real);
	return 0;
}

/* Make sure path's folder exists (0700 for the ones made). */
static int
db_open_mkdir(const char *path, struct err *e)
{
	const char	*base;
	char		*dir;
	int		 rc = 0, saved;

	dir = db_open_dir(path, &base);
	if (util_mkdirs(dir, 0700) != 0) {
		saved = errno;
		if (saved == ENOTDIR || saved == EEXIST)
			rc = err_set(e, ERR_DB, "cannot use the folder %s: it "
			    "is not a folder: check the path, or use --db for "
			    "another file", dir);
		else if (db_open_errno_status(saved) != ERR_DB)
			rc = err_set(e, db_open_errno_status(saved),
			    "cannot create the folder %s: %s: make its parent "
			    "writable, or use --db for another file", dir,
			    strerror(saved));
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
db_open_writable(const char *path, struct err *e)
{
	const char	*base;
	char		*dir;
	int		 ok;

	if (access(path, W_OK) != 0)
		return err_set(e, ERR_DB_READONLY, "%s is read-only: make it "
		    "writable, or use --db for another file", path);
	dir = db_open_dir(path, &base);
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

	if (db_open_mkdir(path, e) != 0 ||
	    (rc = db_open_stat(path, &size, e)) == -1)
		return -1;
	if ((real = db_open_real(path, e)) == NULL)
		return -1;
	if (rc == 1 && db_open_create(real, path, e) != 0) {
		free(real);
		return -1;
	}
	if (db_open_writable(path, e) != 0) {
		free(real);
		return -1;
	}
	db = db_conn_new(path);
	rc = db_conn_open(db, real, SQLITE_OPEN_READWRITE, e);
	free(real);
	if (rc == 0 && sqlite3_db_readonly(db->sql, "main") == 1)
		rc = db_conn_fail(db, e, SQLITE_READONLY, NULL);
	if (rc != 0 || db_open_setup_write(db, 0, e) != 0) {
		db_conn_free(db);
		return -1;
	}
	*out = db;
	return 0;
}

/* Copy db's database into memory and migrate it there. */
static int
db_open_to_memory(struct db *db, struct err *e)
{
	sqlite3_backup	*b;
	sqlite3		*file = db->sql;
	int		 rc;

	db->sql = NULL;
	if (db_conn_open(db, DB_MEMORY, SQLITE_OPEN_READWRITE |
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
		return db_conn_fail(db, e, rc, NULL);
	return db_open_migrate(db, e);
}

/* Whether a -wal file beside real holds anything. */
static int
db_open_wal_pending(const char *real)
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
db_open_immutable_uri(const char *real)
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
db_open_read_connect(struct db *db, const char *real, int64_t *uv,
    struct err *e)
{
	char	*uri;
	int	 rc, code;

	if (access(real, W_OK) == 0 || db_open_wal_pending(real)) {
		rc = db_conn_open(db, real, SQLITE_OPEN_READWRITE, e);
		if (rc == 0 && db_open_inspect(db, uv, e) == 0)
			return 0;
		code = db->rc & 0xff;
		if ((code != SQLITE_CANTOPEN && code != SQLITE_IOERR &&
		    code != SQLITE_FULL && code != SQLITE_READONLY) ||
		    db->rc == SQLITE_CANTOPEN_SYMLINK ||
		    db_open_wal_pending(real))
			return -1;
		sqlite3_close(db->sql);
		db->sql = NULL;
		err_clear(e);
	}
	uri = db_open_immutable_uri(real);
	rc = db_conn_open(db, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, e);
	free(uri);
	if (rc != 0)
		return -1;
	return db_open_inspect(db, uv, e);
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

	if ((rc = db_open_stat(path, &size, e)) != 0)
		return rc == 1 ? 0 : -1;
	if (size == 0)
		return 0;
	if ((real = db_open_real(path, e)) == NULL)
		return -1;
	db = db_conn_new(path);
	rc = db_open_read_connect(db, real, &uv, e);
	free(real);
	if (rc == 0 && uv == 0) {
		db_conn_free(db);
		return 0;
	}
	if (rc == 0 && uv < (int64_t)migrations_count)
		rc = db_open_to_memory(db, e);
	if (rc == 0)
		rc = db_conn_run(db, e, NULL, "PRAGMA query_only = ON");
	if (rc != 0) {
		db_conn_free(db);
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

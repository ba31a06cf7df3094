/*
 * test_db_open.c: opening the database: creating (atomic, racing, on a
 * full disk), opening files that must be refused and left alone (newer,
 * damaged, foreign, read-only, locked, symbolic link), reading without
 * writing, and migrating.  The statement helper and its column readers
 * are test_db.c's.
 *
 * A test VFS wraps SQLite's default one, so that a full disk (xWrite
 * and the -shm growing fail) and a read-only file can be injected even
 * when the tests run as root.  Each test that touches files gets a new
 * temporary folder (state); raw_open plays "another program".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db-open.h"
#include "db.h"
#include "err.h"
#include "fixture.h"
#include "migrations.h"
#include "util.h"

#define DHC1	0x44484331

/* The test VFS: SQLite's default, with failures switched on by tests. */
static sqlite3_vfs	 tv_vfs;
static sqlite3_vfs	*tv_real;
static sqlite3_io_methods tv_io;
static int		 tv_full;	/* writes fail: the disk is full */
static int		 tv_readonly;	/* the main file opens read-only */

struct tv_file {
	sqlite3_file	 base;
	sqlite3_file	*real;
};

#define TV_REAL(f)	(((struct tv_file *)(f))->real)

/* Close the real file. */
static int
tv_close(sqlite3_file *f)
{
	return TV_REAL(f)->pMethods->xClose(TV_REAL(f));
}

/* Read through. */
static int
tv_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
	return TV_REAL(f)->pMethods->xRead(TV_REAL(f), p, n, off);
}

/* Write through, unless the disk is "full". */
static int
tv_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
	if (tv_full)
		return SQLITE_FULL;
	return TV_REAL(f)->pMethods->xWrite(TV_REAL(f), p, n, off);
}

/* Truncate through. */
static int
tv_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return TV_REAL(f)->pMethods->xTruncate(TV_REAL(f), size);
}

/* Sync through. */
static int
tv_sync(sqlite3_file *f, int flags)
{
	return TV_REAL(f)->pMethods->xSync(TV_REAL(f), flags);
}

/* The real size. */
static int
tv_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return TV_REAL(f)->pMethods->xFileSize(TV_REAL(f), size);
}

/* Lock through. */
static int
tv_lock(sqlite3_file *f, int lock)
{
	return TV_REAL(f)->pMethods->xLock(TV_REAL(f), lock);
}

/* Unlock through. */
static int
tv_unlock(sqlite3_file *f, int lock)
{
	return TV_REAL(f)->pMethods->xUnlock(TV_REAL(f), lock);
}

/* Check the real lock. */
static int
tv_check_reserved(sqlite3_file *f, int *out)
{
	return TV_REAL(f)->pMethods->xCheckReservedLock(TV_REAL(f), out);
}

/* File controls through. */
static int
tv_file_control(sqlite3_file *f, int op, void *arg)
{
	return TV_REAL(f)->pMethods->xFileControl(TV_REAL(f), op, arg);
}

/* The real sector size. */
static int
tv_sector_size(sqlite3_file *f)
{
	return TV_REAL(f)->pMethods->xSectorSize(TV_REAL(f));
}

/* The real device characteristics. */
static int
tv_device(sqlite3_file *f)
{
	return TV_REAL(f)->pMethods->xDeviceCharacteristics(TV_REAL(f));
}

/* Map the -shm, which cannot grow on a "full" disk. */
static int
tv_shm_map(sqlite3_file *f, int page, int size, int extend,
    void volatile **p)
{
	/* A -shm file cannot grow on a full disk. */
	if (tv_full)
		return SQLITE_IOERR_SHMSIZE;
	return TV_REAL(f)->pMethods->xShmMap(TV_REAL(f), page, size, extend,
	    p);
}

/* Lock the -shm through. */
static int
tv_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return TV_REAL(f)->pMethods->xShmLock(TV_REAL(f), offset, n, flags);
}

/* A memory barrier through. */
static void
tv_shm_barrier(sqlite3_file *f)
{
	TV_REAL(f)->pMethods->xShmBarrier(TV_REAL(f));
}

/* Unmap the -shm through. */
static int
tv_shm_unmap(sqlite3_file *f, int del)
{
	return TV_REAL(f)->pMethods->xShmUnmap(TV_REAL(f), del);
}

/* Memory-mapped reads through. */
static int
tv_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **p)
{
	return TV_REAL(f)->pMethods->xFetch(TV_REAL(f), off, n, p);
}

/* Release a memory-mapped read through. */
static int
tv_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return TV_REAL(f)->pMethods->xUnfetch(TV_REAL(f), off, p);
}

/* Open a file, the main one read-only when asked. */
static int
tv_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
    int *out)
{
	struct tv_file	*f = (struct tv_file *)file;
	int		 rc;

	(void)vfs;
	f->real = (sqlite3_file *)(f + 1);
	if (tv_readonly && (flags & SQLITE_OPEN_MAIN_DB)) {
		flags &= ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
		flags |= SQLITE_OPEN_READONLY;
	}
	rc = tv_real->xOpen(tv_real, name, f->real, flags, out);
	f->base.pMethods = rc == SQLITE_OK ? &tv_io : NULL;
	return rc;
}

/* The last system error: ENOSPC while the disk is "full". */
static int
tv_last_error(sqlite3_vfs *vfs, int n, char *buf)
{
	(void)vfs;
	if (tv_full)
		return ENOSPC;
	return tv_real->xGetLastError(tv_real, n, buf);
}

/* Make the test VFS the default one. */
static void
tv_register(void)
{
	tv_real = sqlite3_vfs_find(NULL);
	tv_vfs = *tv_real;
	tv_vfs.zName = "test";
	tv_vfs.szOsFile = (int)sizeof(struct tv_file) + tv_real->szOsFile;
	tv_vfs.xOpen = tv_open;
	tv_vfs.xGetLastError = tv_last_error;
	tv_vfs.pNext = NULL;
	tv_io.iVersion = 3;
	tv_io.xClose = tv_close;
	tv_io.xRead = tv_read;
	tv_io.xWrite = tv_write;
	tv_io.xTruncate = tv_truncate;
	tv_io.xSync = tv_sync;
	tv_io.xFileSize = tv_file_size;
	tv_io.xLock = tv_lock;
	tv_io.xUnlock = tv_unlock;
	tv_io.xCheckReservedLock = tv_check_reserved;
	tv_io.xFileControl = tv_file_control;
	tv_io.xSectorSize = tv_sector_size;
	tv_io.xDeviceCharacteristics = tv_device;
	tv_io.xShmMap = tv_shm_map;
	tv_io.xShmLock = tv_shm_lock;
	tv_io.xShmBarrier = tv_shm_barrier;
	tv_io.xShmUnmap = tv_shm_unmap;
	tv_io.xFetch = tv_fetch;
	tv_io.xUnfetch = tv_unfetch;
	if (sqlite3_vfs_register(&tv_vfs, 1) != SQLITE_OK)
		fatalx("sqlite3_vfs_register");
}

/* A new temporary folder for the test. */
static int
dir_setup(void **state)
{
	char	*dir;

	dir = xstrdup("/tmp/dhcoach-db-XXXXXX");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	umask(022);
	tv_full = tv_readonly = 0;
	*state = dir;
	return 0;
}

/* Remove the test's folder, making it writable again first. */
static int
dir_teardown(void **state)
{
	char	*dir = *state, *cmd;

	tv_full = tv_readonly = 0;
	cmd = xasprintf("chmod -R u+rwx '%s'", dir);
	if (system(cmd) != 0)
		fatalx("%s", cmd);
	free(cmd);
	fixture_rm(dir);
	return 0;
}

/* dir/name, a new string. */
static char *
path_in(void **state, const char *name)
{
	return xasprintf("%s/%s", (char *)*state, name);
}

/* The permission bits of path, or -1 when it does not exist. */
static int
mode_of(const char *path)
{
	struct stat	sb;

	if (lstat(path, &sb) != 0)
		return -1;
	return (int)(sb.st_mode & 07777);
}

/* The size of path, or -1 when it does not exist. */
static long long
size_of(const char *path)
{
	struct stat	sb;

	if (lstat(path, &sb) != 0)
		return -1;
	return (long long)sb.st_size;
}

/* The names in folder dir, sorted and joined by spaces (a new string). */
static char *
listing(const char *dir)
{
	struct dirent	**names;
	struct buf	  b = { 0 };
	int		  n, i;

	if ((n = scandir(dir, &names, NULL, alphasort)) == -1)
		fatal("%s", dir);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, names[i]->d_name);
		}
		free(names[i]);
	}
	free(names);
	return buf_take(&b);
}

/* The whole of a file (a new string of *len bytes). */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*s;

	if ((f = fopen(path, "r")) == NULL)
		fatal("%s", path);
	if (util_read_stream(f, 64 << 20, &s, len) != 0)
		fatal("%s", path);
	fclose(f);
	return s;
}

/* Open path, failing the test on error. */
static struct db *
open_ok(const char *path, enum db_mode mode)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };

	if (db_open(path, mode, &db, &e) != 0)
		fail_msg("db_open %s: %s", path, e.msg);
	assert_non_null(db);
	assert_int_equal(e.status, ERR_OK);
	return db;
}

/*
 * db_open must fail with status want, leaving the file's bytes as they
 * were; returns the message (the caller's).
 */
static char *
open_fails(const char *path, enum db_mode mode, int want)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };
	struct stat	 sb;
	char		*before = NULL, *after;
	size_t		 blen = 0, alen;
	int		 exists;

	if ((exists = lstat(path, &sb) == 0 && S_ISREG(sb.st_mode)))
		before = slurp(path, &blen);
	assert_int_equal(db_open(path, mode, &db, &e), -1);
	assert_null(db);
	assert_int_equal(e.status, want);
	assert_non_null(e.msg);
	if (exists) {
		after = slurp(path, &alen);
		assert_int_equal(alen, blen);
		assert_memory_equal(after, before, blen);
		free(after);
	}
	free(before);
	return e.msg;
}

/* Another connection, as another program would make. */
static sqlite3 *
raw_open(const char *path)
{
	sqlite3	*db = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		fail_msg("sqlite3_open %s: %s", path, sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, 5000);
	return db;
}

/* Run SQL on a raw connection, failing the test on error. */
static void
raw_exec(sqlite3 *db, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* The integer in the first row of sql (-1 when NULL or no row). */
static long long
raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	long long	 v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The SQL of migrations 1 to n, joined (a new string). */
static char *
migrations_sql(size_t n)
{
	struct buf	b = { 0 };
	size_t		i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; migrations_table[i].lines[j] != NULL; j++)
			buf_adds(&b, migrations_table[i].lines[j]);
	}
	return buf_take(&b);
}

/*
 * Make a database of schema version n at path, as an older dhcoach
 * would (a newer one: today's tables with version n).
 */
static void
make_version(const char *path, size_t n)
{
	sqlite3	*raw;
	char	*sql;

	raw = raw_open(path);
	sql = migrations_sql(n < migrations_count ? n : migrations_count);
	raw_exec(raw, "PRAGMA journal_mode = WAL");
	raw_exec(raw, sql);
	free(sql);
	sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %zu",
	    DHC1, n);
	raw_exec(raw, sql);
	free(sql);
	sqlite3_close(raw);
}

/* Read column 0 as an integer into *(int64_t *)ctx. */
static int
int_row(void *ctx, struct db_row *row, struct err *e)
{
	(void)e;
	*(int64_t *)ctx = db_row_int(row, 0, INT64_MIN, INT64_MAX);
	return 0;
}

/* The integer in the first row of sql through the helper. */
static int64_t
db_int(struct db *db, const char *sql)
{
	struct err	e = { 0, NULL };
	int64_t		v = -1;

	if (db_query(db, &e, "test", int_row, &v, sql, "") != 0)
		fail_msg("%s: %s", sql, e.msg);
	return v;
}

/* Add a sitting through the helper, failing the test on error. */
static void
add_session(struct db *db)
{
	struct err	e = { 0, NULL };

	if (db_exec(db, &e, "test", "INSERT INTO sessions (started) VALUES "
	    "('2026-11-26T10:00:00Z')", "") != 1)
		fail_msg("insert: %s", e.msg);
}

/* An empty path is a clear usage error. */
static void
test_empty_path(void **state)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };

	(void)state;
	assert_int_equal(db_open("", DB_WRITE, &db, &e), -1);
	assert_null(db);
	assert_int_equal(e.status, ERR_USAGE);
	assert_string_equal(e.msg, "no database file given: name one with "
	    "--db");
	err_clear(&e);
	assert_int_equal(db_open("", DB_READ, &db, &e), -1);
	assert_int_equal(e.status, ERR_USAGE);
	err_clear(&e);
}

/* A new database: folders 0700, file, -wal and -shm 0600, nothing else. */
static void
test_create(void **state)
{
	struct db	*db;
	char		*path, *sub, *d1, *d2, *names;

	path = path_in(state, "new/sub/dhcoach.db");
	d1 = path_in(state, "new");
	d2 = path_in(state, "new/sub");
	db = open_ok(path, DB_WRITE);
	assert_string_equal(db_path(db), path);
	add_session(db);
	assert_int_equal(mode_of(d1), 0700);
	assert_int_equal(mode_of(d2), 0700);
	assert_int_equal(mode_of(path), 0600);
	names = listing(d2);
	assert_string_equal(names, "dhcoach.db dhcoach.db-shm dhcoach.db-wal");
	free(names);
	sub = xasprintf("%s-wal", path);
	assert_int_equal(mode_of(sub), 0600);
	free(sub);
	assert_int_equal(db_int(db, "PRAGMA user_version"),
	    (int64_t)migrations_count);
	assert_int_equal(db_int(db, "PRAGMA application_id"), DHC1);
	assert_int_equal(db_int(db, "SELECT journal_mode = 'wal' FROM "
	    "pragma_journal_mode"), 1);
	assert_int_equal(db_int(db, "PRAGMA synchronous"), 2);
	assert_int_equal(db_int(db, "PRAGMA foreign_keys"), 1);
	db_close(db);
	names = listing(d2);
	assert_string_equal(names, "dhcoach.db");
	free(names);
	free(path);
	free(d1);
	free(d2);
}

/* An existing folder keeps its mode; a path with no folder works too. */
static void
test_existing_folder(void **state)
{
	char	*path, *cwd;

	assert_int_equal(chmod(*state, 0755), 0);
	path = path_in(state, "dhcoach.db");
	db_close(open_ok(path, DB_WRITE));
	assert_int_equal(mode_of(*state), 0755);
	free(path);

	cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(*state), 0);
	db_close(open_ok("plain.db", DB_WRITE));
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	path = path_in(state, "plain.db");
	assert_int_equal(mode_of(path), 0600);
	free(path);
}

/* An empty file (from an older dhcoach, or touch) becomes a database. */
static void
test_empty_file(void **state)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };
	char		*path;

	path = path_in(state, "dhcoach.db");
	fixture_write(*state, "dhcoach.db", "");
	assert_int_equal(db_open(path, DB_READ, &db, &e), 0);
	assert_null(db);
	db = open_ok(path, DB_WRITE);
	add_session(db);
	assert_int_equal(db_int(db, "PRAGMA user_version"),
	    (int64_t)migrations_count);
	db_close(db);
	free(path);
}

/* The embedded migrations are numbered 1, 2, ... and not empty. */
static void
test_migrations_table(void **state)
{
	size_t	i;

	(void)state;
	assert_int_equal(migrations_count, 3);
	for (i = 0; i < migrations_count; i++) {
		assert_int_equal(migrations_table[i].version, (int)i + 1);
		assert_non_null(migrations_table[i].lines[0]);
	}
	assert_string_equal(migrations_table[0].name, "001-initial.sql");
	assert_string_equal(migrations_table[2].name, "003-picture.sql");
}

/* A reader never creates anything: no file, no folder. */
static void
test_read_missing(void **state)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };
	char		*path, *names;

	path = path_in(state, "sub/dhcoach.db");
	assert_int_equal(db_open(path, DB_READ, &db, &e), 0);
	assert_null(db);
	assert_int_equal(e.status, ERR_OK);
	names = listing(*state);
	assert_string_equal(names, "");
	free(names);
	free(path);
}

/* A reader changes no byte of the file, and leaves nothing behind. */
static void
test_read_unchanged(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	char		*path, *before, *after, *names;
	size_t		 blen, alen;

	path = path_in(state, "dhcoach.db");
	db = open_ok(path, DB_WRITE);
	add_session(db);
	db_close(db);
	before = slurp(path, &blen);
	db = open_ok(path, DB_READ);
	assert_int_equal(db_int(db, "SELECT count(*) FROM sessions"), 1);
	db_close(db);
	after = slurp(path, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(after);
	names = listing(*state);
	assert_string_equal(names, "dhcoach.db");
	free(names);

	/* It cannot write, even by mistake. */
	db = open_ok(path, DB_READ);
	assert_int_equal(db_exec(db, &e, "test", "DELETE FROM sessions", ""),
	    -1);
	assert_int_equal(e.status, ERR_DB_READONLY);
	err_clear(&e);
	db_close(db);
	after = slurp(path, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(after);
	free(before);
	free(path);
}

/*
 * An older schema: a reader sees today's tables (migrated in memory)
 * and leaves the file as it was; a writer migrates it in place, keeping
 * its rows and filling the new tables from them.
 */
static void
test_migrate_older(void **state)
{
	struct db	*db;
	sqlite3		*raw;
	char		*path, *before, *after;
	size_t		 blen, alen;

	path = path_in(state, "dhcoach.db");
	make_version(path, 1);
	raw = raw_open(path);
	raw_exec(raw, "INSERT INTO sessions (id) VALUES (1); "
	    "INSERT INTO answers (session, area, kind, prompt, answer) "
	    "VALUES (1, 'integrity', 'prompt', 'Q?', 'I told them.'); "
	    "INSERT INTO found VALUES (1, 'in.honesty', 'I told them.')");
	sqlite3_close(raw);
	before = slurp(path, &blen);

	db = open_ok(path, DB_READ);
	assert_int_equal(db_int(db, "PRAGMA user_version"),
	    (int64_t)migrations_count);
	assert_int_equal(db_int(db, "SELECT count(*) FROM shown"), 1);
	assert_int_equal(db_int(db, "SELECT count(*) FROM finished"), 0);
	db_close(db);
	after = slurp(path, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(after);
	free(before);

	db = open_ok(path, DB_WRITE);
	db_close(db);
	raw = raw_open(path);
	assert_int_equal(raw_int(raw, "PRAGMA user_version"),
	    (long long)migrations_count);
	assert_int_equal(raw_int(raw, "SELECT count(*) FROM answers"), 1);
	assert_int_equal(raw_int(raw, "SELECT count(*) FROM shown WHERE "
	    "area = 'integrity' AND indicator = 'in.honesty'"), 1);
	assert_int_equal(raw_int(raw, "SELECT count(*) FROM sessions WHERE "
	    "kind = 'conversation'"), 1);
	sqlite3_close(raw);
	free(path);
}

/* A file from a newer dhcoach is refused and not touched. */
static void
test_newer(void **state)
{
	char	*path, *msg, *want;

	path = path_in(state, "dhcoach.db");
	make_version(path, migrations_count + 6);
	msg = open_fails(path, DB_WRITE, ERR_DB_NEWER);
	want = xasprintf("%s was made by a newer dhcoach (schema %zu; this "
	    "one knows %zu): upgrade dhcoach, or use --db for another file",
	    path, migrations_count + 6, migrations_count);
	assert_string_equal(msg, want);
	free(msg);
	msg = open_fails(path, DB_READ, ERR_DB_NEWER);
	assert_string_equal(msg, want);
	free(msg);
	free(want);
	free(path);
}

/* A file that is not a database is refused and not touched. */
static void
test_garbage(void **state)
{
	char	*path, *msg, *text, *want;
	size_t	 i;

	path = path_in(state, "dhcoach.db");
	text = xmalloc(8192);
	for (i = 0; i < 8192; i++)
		text[i] = "Not a database, just notes.\n"[i % 28];
	text[8191] = '\0';
	fixture_write(*state, "dhcoach.db", text);
	free(text);

	want = xasprintf("%s is damaged or is not a dhcoach database: restore "
	    "it from a backup, or move it aside to start afresh; it has not "
	    "been changed", path);
	msg = open_fails(path, DB_WRITE, ERR_DB_DAMAGED);
	assert_string_equal(msg, want);
	free(msg);
	msg = open_fails(path, DB_READ, ERR_DB_DAMAGED);
	assert_string_equal(msg, want);
	free(msg);
	text = listing(*state);
	assert_string_equal(text, "dhcoach.db");
	free(text);

	/* Short files, which SQLite might take for an empty database. */
	fixture_write(*state, "dhcoach.db", "x");
	msg = open_fails(path, DB_WRITE, ERR_DB_DAMAGED);
	assert_string_equal(msg, want);
	free(msg);
	fixture_write(*state, "dhcoach.db", "SQLite format 3");
	free(open_fails(path, DB_READ, ERR_DB_DAMAGED));
	free(want);
	free(path);
}

/*
 * Another program's database is refused; so is one with our id and a
 * version but not our tables, which is never migrated.
 */
static void
test_foreign(void **state)
{
	sqlite3	*raw;
	char	*path, *sql;

	path = path_in(state, "other.db");
	raw = raw_open(path);
	raw_exec(raw, "CREATE TABLE bookmarks (url TEXT)");
	sqlite3_close(raw);
	free(open_fails(path, DB_WRITE, ERR_DB_DAMAGED));
	free(open_fails(path, DB_READ, ERR_DB_DAMAGED));

	raw = raw_open(path);
	sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = 1",
	    DHC1);
	raw_exec(raw, sql);
	free(sql);
	raw_exec(raw, "INSERT INTO bookmarks VALUES ('https://nhs.uk')");
	sqlite3_close(raw);
	free(open_fails(path, DB_WRITE, ERR_DB_DAMAGED));
	free(open_fails(path, DB_READ, ERR_DB_DAMAGED));
	raw = raw_open(path);
	assert_int_equal(raw_int(raw, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(raw, "SELECT count(*) FROM sqlite_schema"), 1);
	sqlite3_close(raw);

	/* Ours at version 3 with a table of version 3 missing. */
	free(path);
	path = path_in(state, "half.db");
	make_version(path, migrations_count);
	raw = raw_open(path);
	raw_exec(raw, "DROP TABLE covered");
	sqlite3_close(raw);
	free(open_fails(path, DB_WRITE, ERR_DB_DAMAGED));
	free(path);
}

/* A read-only file or folder (permission bits do not stop root). */
static void
test_readonly(void **state)
{
	struct db	*db;
	char		*path, *msg, *want, *names;

	if (geteuid() == 0)
		skip();
	path = path_in(state, "dhcoach.db");
	db_close(open_ok(path, DB_WRITE));

	assert_int_equal(chmod(path, 0400), 0);
	msg = open_fails(path, DB_WRITE, ERR_DB_READONLY);
	want = xasprintf("%s is read-only: make it writable, or use --db for "
	    "another file", path);
	assert_string_equal(msg, want);
	free(want);
	free(msg);
	db = open_ok(path, DB_READ);
	assert_int_equal(db_int(db, "SELECT count(*) FROM sessions"), 0);
	db_close(db);
	names = listing(*state);
	assert_string_equal(names, "dhcoach.db");
	free(names);

	/* A read-only folder: no -shm can be made, yet it still reads. */
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(chmod(*state, 0500), 0);
	msg = open_fails(path, DB_WRITE, ERR_DB_READONLY);
	assert_non_null(strstr(msg, "make the folder writable"));
	free(msg);
	db = open_ok(path, DB_READ);
	assert_int_equal(db_int(db, "SELECT count(*) FROM sessions"), 0);
	db_close(db);
	free(path);
	path = path_in(state, "new.db");
	msg = open_fails(path, DB_WRITE, ERR_DB_READONLY);
	assert_non_null(strstr(msg, "make its folder writable"));
	free(msg);
	free(path);
}

/* A file SQLite can open only read-only, even as root (the test VFS). */
static void
test_readonly_vfs(void **state)
{
	char	*path, *msg, *want;

	path = path_in(state, "dhcoach.db");
	db_close(open_ok(path, DB_WRITE));
	tv_readonly = 1;
	msg = open_fails(path, DB_WRITE, ERR_DB_READONLY);
	want = xasprintf("cannot write to %s: it or its folder is read-only: "
	    "make them writable, or use --db for another file", path);
	assert_string_equal(msg, want);
	free(want);
	free(msg);
	tv_readonly = 0;
	free(path);
}

/* The time now in milliseconds. */
static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Another program holding the write lock: reading works (WAL), a write
 * waits for the busy timeout then fails as locked, and works once the
 * lock is gone.
 */
static void
test_busy(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	sqlite3		*raw;
	char		*path, *want;
	long long	 t;

	path = path_in(state, "dhcoach.db");
	db_close(open_ok(path, DB_WRITE));
	raw = raw_open(path);
	raw_exec(raw, "BEGIN IMMEDIATE; INSERT INTO sessions (started) "
	    "VALUES ('2026-11-26T10:00:00Z')");

	db = open_ok(path, DB_WRITE);
	assert_int_equal(db_int(db, "SELECT count(*) FROM sessions"), 0);
	t = now_ms();
	assert_int_equal(db_exec(db, &e, "could not start a sitting",
	    "INSERT INTO sessions (started) VALUES (?1)", "t",
	    "2026-11-26T10:00:00Z"), -1);
	assert_true(now_ms() - t >= 1500);
	assert_int_equal(e.status, ERR_DB_LOCKED);
	want = xasprintf("could not start a sitting: %s is in use by another "
	    "program, perhaps dhcoach in another window: close it and try "
	    "again", path);
	assert_string_equal(e.msg, want);
	free(want);
	err_clear(&e);

	raw_exec(raw, "ROLLBACK");
	sqlite3_close(raw);
	add_session(db);
	db_close(db);
	free(path);
}

/* An empty file locked by another program: setting it up fails as locked. */
static void
test_busy_setup(void **state)
{
	sqlite3	*raw;
	char	*path, *msg;

	path = path_in(state, "dhcoach.db");
	fixture_write(*state, "dhcoach.db", "");
	raw = raw_open(path);
	raw_exec(raw, "BEGIN EXCLUSIVE");
	msg = open_fails(path, DB_WRITE, ERR_DB_LOCKED);
	assert_non_null(strstr(msg, "is in use by another program"));
	free(msg);
	raw_exec(raw, "ROLLBACK");
	sqlite3_close(raw);
	db_close(open_ok(path, DB_WRITE));
	free(path);
}

/* A symbolic link at the path is refused, whether or not it leads anywhere. */
static void
test_symlink(void **state)
{
	char	*real, *link, *nowhere, *msg, *want;

	real = path_in(state, "real.db");
	link = path_in(state, "link.db");
	nowhere = path_in(state, "nowhere.db");
	db_close(open_ok(real, DB_WRITE));
	assert_int_equal(symlink(real, link), 0);
	want = xasprintf("%s is a symbolic link, and dhcoach does not follow "
	    "links to its database: give the real file with --db", link);
	msg = open_fails(link, DB_WRITE, ERR_DB);
	assert_string_equal(msg, want);
	free(msg);
	msg = open_fails(link, DB_READ, ERR_DB);
	assert_string_equal(msg, want);
	free(msg);

	assert_int_equal(unlink(link), 0);
	assert_int_equal(symlink(nowhere, link), 0);
	msg = open_fails(link, DB_WRITE, ERR_DB);
	assert_string_equal(msg, want);
	assert_int_equal(mode_of(nowhere), -1);
	free(msg);
	free(want);
	free(real);
	free(link);
	free(nowhere);
}

/* Links in the folders above the file are followed. */
static void
test_symlinked_folder(void **state)
{
	struct db	*db;
	char		*real, *link, *path, *inside;

	real = path_in(state, "real");
	link = path_in(state, "link");
	path = path_in(state, "link/sub/dhcoach.db");
	inside = path_in(state, "real/sub/dhcoach.db");
	assert_int_equal(mkdir(real, 0700), 0);
	assert_int_equal(symlink("real", link), 0);
	db = open_ok(path, DB_WRITE);
	add_session(db);
	db_close(db);
	assert_int_equal(mode_of(inside), 0600);
	db = open_ok(path, DB_READ);
	assert_int_equal(db_int(db, "SELECT count(*) FROM sessions"), 1);
	db_close(db);
	free(real);
	free(link);
	free(path);
	free(inside);
}

/* A folder at the path, or a file where a folder should be, is refused. */
static void
test_not_a_file(void **state)
{
	char	*path, *msg, *want;

	path = path_in(state, "dir.db");
	assert_int_equal(mkdir(path, 0700), 0);
	msg = open_fails(path, DB_WRITE, ERR_DB);
	want = xasprintf("%s is not a file: give a database file with --db",
	    path);
	assert_string_equal(msg, want);
	free(want);
	free(msg);
	free(open_fails(path, DB_READ, ERR_DB));
	free(path);

	fixture_write(*state, "file", "x");
	path = path_in(state, "file/dhcoach.db");
	msg = open_fails(path, DB_WRITE, ERR_DB);
	assert_non_null(strstr(msg, "is not a folder"));
	free(msg);
	free(open_fails(path, DB_READ, ERR_DB));
	free(path);
}

/* One child of the race: n opens and writes; exits 0, or 1 after a message. */
static void
race_child(const char *path, int n)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	int		 k;

	for (k = 0; k < n; k++) {
		if (db_open(path, DB_WRITE, &db, &e) != 0 ||
		    db_exec(db, &e, "race", "INSERT INTO sessions (started) "
		    "VALUES ('2026-11-26T10:00:00Z')", "") != 1) {
			fprintf(stderr, "race %d: %s\n", (int)getpid(), e.msg);
			_exit(1);
		}
		db_close(db);
	}
	_exit(0);
}

/*
 * Ten programs creating the same new database at once, sixteen times
 * each: every open and write succeeds, and nothing but the database is
 * left in the folder.
 */
static void
test_race(void **state)
{
	struct db	*db;
	pid_t		 pids[10];
	char		*path, *dir, *names;
	int		 i, status, failed = 0;

	path = path_in(state, "race/dhcoach.db");
	for (i = 0; i < 10; i++) {
		if ((pids[i] = fork()) == -1)
			fatal("fork");
		if (pids[i] == 0)
			race_child(path, 16);
	}
	for (i = 0; i < 10; i++) {
		if (waitpid(pids[i], &status, 0) == -1)
			fatal("waitpid");
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed++;
	}
	assert_int_equal(failed, 0);
	dir = path_in(state, "race");
	names = listing(dir);
	assert_string_equal(names, "dhcoach.db");
	free(names);
	free(dir);
	db = open_ok(path, DB_READ);
	assert_int_equal(db_int(db, "SELECT count(*) FROM sessions"), 160);
	db_close(db);
	free(path);
}

/* Creating on a full disk fails as such and leaves nothing behind. */
static void
test_full_create(void **state)
{
	char	*path, *msg, *want, *names;

	path = path_in(state, "dhcoach.db");
	tv_full = 1;
	msg = open_fails(path, DB_WRITE, ERR_DISK_FULL);
	want = xasprintf("cannot write to %s: the disk is full: free some "
	    "space and try again", path);
	assert_string_equal(msg, want);
	free(want);
	free(msg);
	names = listing(*state);
	assert_string_equal(names, "");
	free(names);
	tv_full = 0;
	db_close(open_ok(path, DB_WRITE));
	free(path);
}

/*
 * A full disk with a database already there: writes fail as such, and
 * the database still reads (without its -shm file).
 */
static void
test_full_write_read(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	char		*path, *names, *wal;

	path = path_in(state, "dhcoach.db");
	db = open_ok(path, DB_WRITE);
	add_session(db);
	tv_full = 1;
	assert_int_equal(db_exec(db, &e, "could not start a sitting",
	    "INSERT INTO sessions (started) VALUES (?1)", "t",
	    "2026-11-26T10:00:00Z"), -1);
	assert_int_equal(e.status, ERR_DISK_FULL);
	assert_non_null(strstr(e.msg, "could not start a sitting: cannot "
	    "write to "));
	assert_non_null(strstr(e.msg, "the disk is full"));
	err_clear(&e);
	tv_full = 0;
	db_close(db);

	tv_full = 1;
	free(open_fails(path, DB_WRITE, ERR_DISK_FULL));
	db = open_ok(path, DB_READ);
	assert_int_equal(db_int(db, "SELECT count(*) FROM sessions"), 1);
	db_close(db);
	tv_full = 0;
	/* The refused writer's -wal, empty: nothing waiting in it was lost. */
	names = listing(*state);
	assert_string_equal(names, "dhcoach.db dhcoach.db-wal");
	free(names);
	wal = xasprintf("%s-wal", path);
	assert_int_equal(size_of(wal), 0);
	free(wal);
	free(path);
}

/* Damage met by a query, anywhere in the file, is reported as damage. */
static void
test_corrupt_pages(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	sqlite3		*raw;
	FILE		*f;
	char		*path, junk[4096];

	path = path_in(state, "dhcoach.db");
	db_close(open_ok(path, DB_WRITE));
	raw = raw_open(path);
	raw_exec(raw, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
	    "FROM n WHERE i < 2000) INSERT INTO sessions (started, area) "
	    "SELECT '2026-11-26T10:00:00Z', printf('%0200d', i) FROM n");
	sqlite3_close(raw);

	/* Page 40 onwards, well inside the sessions table. */
	memset(junk, 0xa5, sizeof junk);
	if ((f = fopen(path, "r+")) == NULL)
		fatal("%s", path);
	fseek(f, 40 * 4096, SEEK_SET);
	fwrite(junk, 1, sizeof junk, f);
	fwrite(junk, 1, sizeof junk, f);
	fclose(f);

	db = open_ok(path, DB_WRITE);	/* no whole-file check at open */
	assert_int_equal(db_query(db, &e, "could not read your sittings",
	    int_row, &(int64_t){ 0 }, "SELECT length(area) FROM sessions", ""),
	    -1);
	assert_int_equal(e.status, ERR_DB_DAMAGED);
	assert_non_null(strstr(e.msg, "could not read your sittings: "));
	assert_non_null(strstr(e.msg, "is damaged or is not a dhcoach "
	    "database"));
	err_clear(&e);
	db_close(db);
	free(path);
}

/* Register the test VFS once. */
static int
group_setup(void **state)
{
	(void)state;
	tv_register();
	return 0;
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_path),
		cmocka_unit_test_setup_teardown(test_create, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_existing_folder, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_empty_file, dir_setup,
		    dir_teardown),
		cmocka_unit_test(test_migrations_table),
		cmocka_unit_test_setup_teardown(test_read_missing, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_read_unchanged, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_older, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_newer, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_garbage, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_foreign, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_readonly, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_readonly_vfs, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_busy, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_busy_setup, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_symlink, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_symlinked_folder,
		    dir_setup, dir_teardown),
		cmocka_unit_test_setup_teardown(test_not_a_file, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_race, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_full_create, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_full_write_read, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_pages, dir_setup,
		    dir_teardown),
	};

	return cmocka_run_group_tests_name("db-open", tests, group_setup,
	    NULL);
}

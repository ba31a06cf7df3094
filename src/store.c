/*
 * store.c: the SQLite database of sessions, ratings and answers (see
 * store.h).
 *
 * Invariants: a struct store holds one connection, opened read-write
 * with foreign keys on, a busy timeout, WAL and synchronous=FULL, whose
 * file carries our application_id and the latest schema version.  Before
 * anything is written, the file is checked to be ours (or empty) and not
 * newer than this program; a file that fails is left exactly as it was.
 * Every write commits before its function returns; a multi-statement
 * write runs in BEGIN IMMEDIATE ... COMMIT and is rolled back on failure.
 * Only prepared statements are used, with text bound SQLITE_TRANSIENT;
 * the only SQL built with printf holds integers (PRAGMAs cannot take
 * parameters).
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "framework.h"
#include "migrations.h"
#include "store.h"
#include "util.h"

/* PRAGMA application_id: "DHC1", so that file(1) can tell our files. */
#define STORE_APPLICATION_ID	0x44484331
/* How long a statement waits for another process's lock. */
#define STORE_BUSY_MS		2000
/* No SQLite database file is shorter than one page of the smallest size. */
#define STORE_MIN_SIZE		512
/* The path that opens a database in memory. */
#define STORE_MEMORY		":memory:"

struct store {
	sqlite3			*db;
	char			*path;
	int64_t			 first_session;	/* first begun here, or 0 */
	enum store_error	 last;
};

/* Which class of failure an SQLite (extended) result code is. */
static enum store_error
store_classify(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
		return STORE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_ERR_BUSY;
	case SQLITE_READONLY:
		return STORE_ERR_READONLY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return STORE_ERR_DAMAGED;
	case SQLITE_CANTOPEN:
		return STORE_ERR_OPEN;
	case SQLITE_NOMEM:
		fatalx("out of memory");
	}
	return STORE_ERR_OTHER;
}

/* The one-line cause of a failure of class e on path (a new string). */
static char *
store_why(const char *path, enum store_error e, int rc, const char *msg)
{
	switch (e) {
	case STORE_ERR_BUSY:
		return xasprintf("%s is in use by another dhcoach: close it "
		    "and try again", path);
	case STORE_ERR_READONLY:
		return xasprintf("cannot write to %s: it or its folder is "
		    "read-only: make them writable, or use --db for another "
		    "file", path);
	case STORE_ERR_DAMAGED:
		return xasprintf("%s is damaged or is not a dhcoach database: "
		    "restore it from a backup or move it aside; it has not "
		    "been changed", path);
	case STORE_ERR_OPEN:
		if (rc == SQLITE_CANTOPEN_SYMLINK)
			return xasprintf("%s is a symbolic link, and dhcoach "
			    "does not follow links to its database: give the "
			    "real file with --db", path);
		return xasprintf("cannot open %s: %s: check the path, or use "
		    "--db for another file", path, msg);
	default:
		break;
	}
	if ((rc & 0xff) == SQLITE_FULL)
		return xasprintf("cannot write to %s: the disk is full: free "
		    "some space and try again", path);
	if ((rc & 0xff) == SQLITE_IOERR)
		return xasprintf("cannot read or write %s: %s: check the disk, "
		    "then try again", path, msg);
	return xasprintf("%s: %s", path, msg);
}

/*
 * Record a failure with SQLite result rc: set s->last and *cause (what
 * was being done, when not NULL, then why).  Returns the class.
 */
static enum store_error
store_fail(struct store *s, int rc, const char *what, char **cause)
{
	enum store_error	 e;
	char			*why;

	e = store_classify(rc);
	if (e == STORE_OK)
		e = STORE_ERR_OTHER;	/* no failure code: not expected */
	why = store_why(s->path, e, rc, sqlite3_errmsg(s->db));
	s->last = e;
	if (what != NULL) {
		*cause = xasprintf("%s: %s", what, why);
		free(why);
	} else
		*cause = why;
	return e;
}

/* Record the caller's mistake (not SQLite's) as *cause; returns -1. */
static int __attribute__((format(printf, 3, 4)))
store_misuse(struct store *s, char **cause, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	s->last = STORE_ERR_OTHER;
	return -1;
}

/* The database path chosen by the environment; see store.h. */
char *
store_default_path(void)
{
	const char	*e, *home;
	struct passwd	*pw;

	if ((e = getenv("DHCOACH_DB")) != NULL && *e != '\0')
		return xstrdup(e);
	if ((e = getenv("XDG_DATA_HOME")) != NULL && *e == '/')
		return xasprintf("%s/dhcoach/dhcoach.db", e);
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		pw = getpwuid(getuid());
		home = pw != NULL ? pw->pw_dir : NULL;
	}
	if (home == NULL || *home == '\0')
		return xstrdup("dhcoach.db");
	return xasprintf("%s/.local/share/dhcoach/dhcoach.db", home);
}

/* Create the folder dir and its missing parents, each 0700. */
static int
store_mkdirs(const char *dir, char **cause)
{
	struct stat	 sb;
	char		*p, *slash;
	int		 rc = 0, last;

	p = xstrdup(dir);
	slash = p;
	for (;;) {
		slash += strspn(slash, "/");
		slash += strcspn(slash, "/");
		last = *slash == '\0';
		*slash = '\0';
		if (stat(p, &sb) != 0) {
			if (errno != ENOENT || mkdir(p, 0700) != 0) {
				*cause = xasprintf("cannot create the folder %s: "
				    "%s: check the path, or use --db for "
				    "another file", p, strerror(errno));
				rc = -1;
				break;
			}
		} else if (!S_ISDIR(sb.st_mode)) {
			*cause = xasprintf("cannot use the folder %s: it is "
			    "not a folder: check the path, or use --db for "
			    "another file", p);
			rc = -1;
			break;
		}
		if (last)
			break;
		*slash = '/';
	}
	free(p);
	return rc;
}

/*
 * Make sure path is a regular file, created 0600 (with its folders 0700)
 * when missing, that this process may write beside and into.  Never
 * changes an existing file.  Sets *real to the path with the folder's
 * symbolic links resolved (a new string): SQLite's NOFOLLOW refuses a
 * link anywhere in the path, but only a link at the file itself is one
 * dhcoach should refuse.
 */
static enum store_error
store_prepare_file(const char *path, char **real, char **cause)
{
	struct stat	 sb;
	char		*dir, *slash, *canon;
	int		 fd, rc;

	*real = NULL;

	/* The folder, created when missing. */
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (store_mkdirs(dir, cause) != 0) {
		free(dir);
		return STORE_ERR_OPEN;
	}

	/* The file: created 0600 here, so that SQLite never makes it wider. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd != -1)
		close(fd);
	else if (errno == EACCES || errno == EPERM || errno == EROFS) {
		*cause = xasprintf("cannot create %s: %s: make its folder "
		    "writable, or use --db for another file", path,
		    strerror(errno));
		free(dir);
		return STORE_ERR_READONLY;
	} else if (errno != EEXIST) {
		*cause = xasprintf("cannot create %s: %s: check the path, or "
		    "use --db for another file", path, strerror(errno));
		free(dir);
		return STORE_ERR_OPEN;
	}

	/* What is there now must be a writable file in a writable folder. */
	rc = STORE_OK;
	if (lstat(path, &sb) != 0) {
		*cause = xasprintf("cannot open %s: %s: check the path, or use "
		    "--db for another file", path, strerror(errno));
		rc = STORE_ERR_OPEN;
	} else if (S_ISLNK(sb.st_mode)) {
		*cause = xasprintf("%s is a symbolic link, and dhcoach does not "
		    "follow links to its database: give the real file with "
		    "--db", path);
		rc = STORE_ERR_OPEN;
	} else if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s is not a file: give a database file "
		    "with --db", path);
		rc = STORE_ERR_OPEN;
	} else if (sb.st_size > 0 && sb.st_size < STORE_MIN_SIZE) {
		/* SQLite would take a 1-byte file for an empty database. */
		*cause = store_why(path, STORE_ERR_DAMAGED, SQLITE_NOTADB, "");
		rc = STORE_ERR_DAMAGED;
	} else if (access(path, W_OK) != 0) {
		*cause = xasprintf("%s is read-only: make it writable, or use "
		    "--db for another file", path);
		rc = STORE_ERR_READONLY;
	} else if (access(dir, W_OK | X_OK) != 0) {
		*cause = xasprintf("the folder of %s is read-only, and dhcoach "
		    "keeps a journal beside the file: make the folder "
		    "writable, or use --db for another file", path);
		rc = STORE_ERR_READONLY;
	} else if ((canon = realpath(dir, NULL)) == NULL) {
		*cause = xasprintf("cannot open %s: %s: check the path, or use "
		    "--db for another file", path, strerror(errno));
		rc = STORE_ERR_OPEN;
	} else {
		slash = strrchr(path, '/');
		*real = xasprintf("%s/%s", strcmp(canon, "/") == 0 ? "" : canon,
		    slash != NULL ? slash + 1 : path);
		free(canon);
	}
	free(dir);
	return rc;
}

/* Run SQL that takes no parameters and gives no rows. */
static int
store_exec(struct store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

/* Read the integer of the first row of sql (0 when no row). */
static int
store_int(struct store *s, const char *sql, int64_t *v)
{
	sqlite3_stmt	*st = NULL;
	int		 rc;

	*v = 0;
	if ((rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

/* Read the text of the first row of sql (a new string; "" when no row). */
static int
store_text(struct store *s, const char *sql, char **v)
{
	sqlite3_stmt		*st = NULL;
	const unsigned char	*t;
	int			 rc;

	*v = NULL;
	if ((rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = sqlite3_column_text(st, 0);
		*v = xstrdup(t != NULL ? (const char *)t : "");
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*v = xstrdup("");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Read the file's header and schema, without writing: it must be empty,
 * or ours at a version this program knows.  Sets *version.
 */
static enum store_error
store_check(struct store *s, int64_t *version, char **cause)
{
	int64_t	app, uv, nobjects;
	int	rc;

	if ((rc = store_int(s, "PRAGMA application_id", &app)) != SQLITE_OK ||
	    (rc = store_int(s, "PRAGMA user_version", &uv)) != SQLITE_OK ||
	    (rc = store_int(s, "SELECT count(*) FROM sqlite_schema",
	    &nobjects)) != SQLITE_OK)
		return store_fail(s, rc, NULL, cause);

	if (app == STORE_APPLICATION_ID && uv > (int64_t)migrations_count) {
		*cause = xasprintf("%s was made by a newer dhcoach (schema %lld, "
		    "this one knows %zu): upgrade dhcoach, or use --db for "
		    "another file", s->path, (long long)uv, migrations_count);
		return s->last = STORE_ERR_NEWER;
	}
	if (!(uv == 0 && nobjects == 0 && (app == 0 ||
	    app == STORE_APPLICATION_ID)) &&
	    !(uv >= 1 && app == STORE_APPLICATION_ID))
		return store_fail(s, SQLITE_NOTADB, NULL, cause);
	*version = uv;
	return STORE_OK;
}

/* Check an existing database's pages and indexes (PRAGMA quick_check). */
static enum store_error
store_quick_check(struct store *s, char **cause)
{
	char	*result;
	int	 rc, ok;

	if ((rc = store_text(s, "PRAGMA quick_check(1)", &result)) != SQLITE_OK)
		return store_fail(s, rc, NULL, cause);
	ok = strcmp(result, "ok") == 0;
	free(result);
	if (!ok)
		return store_fail(s, SQLITE_CORRUPT, NULL, cause);
	return STORE_OK;
}

/* Apply the migrations after the file's version, in one transaction. */
static enum store_error
store_migrate(struct store *s, char **cause)
{
	const struct migrations_entry	*m;
	struct buf			 b = { 0 };
	enum store_error		 e;
	int64_t				 uv;
	size_t				 i, j;
	char				*sql, *what;
	int				 rc;

	if ((rc = store_exec(s, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return store_fail(s, rc, NULL, cause);

	/* Another dhcoach may have migrated it while we waited. */
	if ((e = store_check(s, &uv, cause)) != STORE_OK)
		goto rollback;
	for (i = (size_t)uv; i < migrations_count; i++) {
		m = &migrations_table[i];
		for (j = 0; m->lines[j] != NULL; j++)
			buf_adds(&b, m->lines[j]);
		sql = buf_take(&b);
		rc = store_exec(s, sql);
		free(sql);
		if (rc != SQLITE_OK) {
			what = xasprintf("cannot bring %s up to date (%s)",
			    s->path, m->name);
			e = store_fail(s, rc, what, cause);
			free(what);
			goto rollback;
		}
	}
	sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %zu",
	    STORE_APPLICATION_ID, migrations_count);
	rc = store_exec(s, sql);
	free(sql);
	if (rc == SQLITE_OK)
		rc = store_exec(s, "COMMIT");
	if (rc != SQLITE_OK) {
		e = store_fail(s, rc, NULL, cause);
		goto rollback;
	}
	return STORE_OK;

rollback:
	store_exec(s, "ROLLBACK");
	return e;
}

/* Set the connection up and bring the schema up to date. */
static enum store_error
store_setup(struct store *s, int memory, char **cause)
{
	enum store_error	 e;
	int64_t			 uv;
	char			*mode;
	int			 rc;

	/* Foreign keys: silently ignored inside a transaction, so first. */
	if ((rc = store_exec(s, "PRAGMA foreign_keys = ON")) != SQLITE_OK)
		return store_fail(s, rc, NULL, cause);
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);

	/* Read only, until the file is known to be ours and not newer. */
	if ((e = store_check(s, &uv, cause)) != STORE_OK)
		return e;
	if (uv >= 1 && (e = store_quick_check(s, cause)) != STORE_OK)
		return e;

	if (!memory) {
		rc = store_text(s, "PRAGMA journal_mode = WAL", &mode);
		if (rc != SQLITE_OK)
			return store_fail(s, rc, NULL, cause);
		if (strcmp(mode, "wal") != 0) {
			*cause = xasprintf("cannot use %s: SQLite cannot keep "
			    "it in WAL mode (it stays in %s mode), which "
			    "dhcoach needs: use --db for a file on a local "
			    "disk", s->path, mode);
			free(mode);
			return s->last = STORE_ERR_OPEN;
		}
		free(mode);
	}
	if ((rc = store_exec(s, "PRAGMA synchronous = FULL")) != SQLITE_OK)
		return store_fail(s, rc, NULL, cause);

	if (uv < (int64_t)migrations_count)
		return store_migrate(s, cause);
	return STORE_OK;
}

/* Open, check and migrate the database at path; see store.h. */
enum store_error
store_open(const char *path, struct store **out, char **cause)
{
	struct store		*s;
	enum store_error	 e;
	char			*real;
	int			 rc, memory;

	*out = NULL;
	if (*path == '\0') {
		*cause = xstrdup("no database file given: name one with --db");
		return STORE_ERR_OPEN;
	}
	memory = strcmp(path, STORE_MEMORY) == 0;
	if (memory)
		real = xstrdup(path);
	else if ((e = store_prepare_file(path, &real, cause)) != STORE_OK)
		return e;

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	rc = sqlite3_open_v2(real, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
	    NULL);
	free(real);
	if (s->db == NULL)
		fatalx("out of memory");
	if (rc != SQLITE_OK)
		e = store_fail(s, rc, NULL, cause);
	else if (sqlite3_db_readonly(s->db, "main") == 1)
		e = store_fail(s, SQLITE_READONLY, NULL, cause);
	else
		e = store_setup(s, memory, cause);
	if (e != STORE_OK) {
		store_close(s);
		return e;
	}
	s->last = STORE_OK;
	*out = s;
	return STORE_OK;
}

/* Close the connection and free the store. */
void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	if (sqlite3_close(s->db) != SQLITE_OK)
		fatalx("cannot close %s: %s", s->path, sqlite3_errmsg(s->db));
	free(s->path);
	free(s);
}

/* The class of the last failure. */
enum store_error
store_last_error(const struct store *s)
{
	return s->last;
}

/* Prepare a statement, recording a failure as what. */
static int
store_prepare(struct store *s, const char *sql, sqlite3_stmt **st,
    const char *what, char **cause)
{
	int	rc;

	if ((rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL)) != SQLITE_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
		store_fail(s, rc, what, cause);
		return -1;
	}
	return 0;
}

/* Bind text, or NULL when s is NULL. */
static void
store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* A new copy of a text column ("" for NULL). */
static char *
store_column_text(sqlite3_stmt *st, int i)
{
	const unsigned char	*t;

	t = sqlite3_column_text(st, i);
	return xstrdup(t != NULL ? (const char *)t : "");
}

/* Run a one-statement write of a session: sql's ?1 is its id, ?2 text. */
static int
store_session_update(struct store *s, int64_t session, const char *sql,
    const char *text, const char *what, char **cause)
{
	sqlite3_stmt	*st = NULL;
	int		 rc;

	if (store_prepare(s, sql, &st, what, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, session);
	if (sqlite3_bind_parameter_count(st) >= 2)
		store_bind_text(st, 2, text);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		return -1;
	}
	if (sqlite3_changes(s->db) == 0)
		return store_misuse(s, cause, "%s: there is no session %lld in "
		    "%s", what, (long long)session, s->path);
	s->last = STORE_OK;
	return 0;
}

/* Start a session. */
int64_t
store_session_begin(struct store *s, char **cause)
{
	const char	*what = "could not start a session";
	sqlite3_stmt	*st = NULL;
	int64_t		 id;
	int		 rc;

	if (store_prepare(s, "INSERT INTO sessions DEFAULT VALUES", &st, what,
	    cause) != 0)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		return -1;
	}
	id = sqlite3_last_insert_rowid(s->db);
	if (s->first_session == 0)
		s->first_session = id;
	s->last = STORE_OK;
	return id;
}

/* Record the area a session is in (NULL: none). */
int
store_session_area(struct store *s, int64_t session, const char *area,
    char **cause)
{
	if (area != NULL && framework_area_find(area) == -1)
		return store_misuse(s, cause, "unknown area '%s'", area);
	return store_session_update(s, session,
	    "UPDATE sessions SET area = ?2 WHERE id = ?1", area,
	    "could not record where you are", cause);
}

/* Mark a session ended now. */
int
store_session_end(struct store *s, int64_t session, char **cause)
{
	return store_session_update(s, session,
	    "UPDATE sessions SET ended = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
	    "WHERE id = ?1", NULL,
	    "could not close the session", cause);
}

/* Find the latest session before those begun through s. */
int
store_last_session(struct store *s, int64_t *session, char **area,
    char **cause)
{
	const char	*what = "could not look up your last session";
	sqlite3_stmt	*st = NULL;
	int		 rc;

	*session = 0;
	*area = NULL;
	if (store_prepare(s, "SELECT id, area FROM sessions "
	    "WHERE ?1 = 0 OR id < ?1 ORDER BY id DESC LIMIT 1", &st, what,
	    cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, s->first_session);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*session = sqlite3_column_int64(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			*area = store_column_text(st, 1);
		rc = 1;
	} else if (rc == SQLITE_DONE)
		rc = 0;
	else {
		store_fail(s, rc, what, cause);
		rc = -1;
	}
	sqlite3_finalize(st);
	if (rc != -1)
		s->last = STORE_OK;
	return rc;
}

/* Set or clear (0: skipped) a session's rating of an area. */
int
store_rating_set(struct store *s, int64_t session, const char *area,
    int rating, char **cause)
{
	const char	*what = "could not keep your rating";
	sqlite3_stmt	*st = NULL;
	int		 rc;

	if (framework_area_find(area) == -1)
		return store_misuse(s, cause, "unknown area '%s'", area);
	if (rating < 0 || rating > 5)
		return store_misuse(s, cause, "a rating is 1 to 5, not %d",
		    rating);
	if (store_prepare(s, "INSERT INTO ratings (session, area, rating) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (session, area) DO UPDATE "
	    "SET rating = excluded.rating, at = excluded.at", &st, what,
	    cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, session);
	store_bind_text(st, 2, area);
	if (rating == 0)
		sqlite3_bind_null(st, 3);
	else
		sqlite3_bind_int(st, 3, rating);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		return -1;
	}
	s->last = STORE_OK;
	return 0;
}

/* Check an answer's arguments before anything is written. */
static int
store_answer_valid(struct store *s, const char *area, const char *kind,
    const char *prompt, const char *answer, const struct store_found *found,
    size_t nfound, char **cause)
{
	size_t	i;

	if (framework_area_find(area) == -1)
		return store_misuse(s, cause, "unknown area '%s'", area);
	if (strcmp(kind, "prompt") != 0 && strcmp(kind, "probe") != 0)
		return store_misuse(s, cause, "unknown kind of question '%s'",
		    kind);
	if (prompt == NULL || answer == NULL)
		return store_misuse(s, cause, "an answer needs its question "
		    "and its text");
	for (i = 0; i < nfound; i++) {
		if (framework_indicator_find(found[i].indicator) == -1)
			return store_misuse(s, cause, "unknown indicator '%s'",
			    found[i].indicator);
	}
	return 0;
}

/* Keep an answer and its indicators in one transaction. */
int64_t
store_answer_add(struct store *s, int64_t session, const char *area,
    const char *kind, const char *prompt, const char *answer,
    const struct store_found *found, size_t nfound, char **cause)
{
	const char	*what = "could not keep your answer";
	sqlite3_stmt	*st = NULL;
	int64_t		 id = -1;
	size_t		 i;
	int		 rc;

	if (store_answer_valid(s, area, kind, prompt, answer, found, nfound,
	    cause) != 0)
		return -1;
	if ((rc = store_exec(s, "BEGIN IMMEDIATE")) != SQLITE_OK) {
		store_fail(s, rc, what, cause);
		return -1;
	}

	/* The answer. */
	if (store_prepare(s, "INSERT INTO answers (session, area, kind, "
	    "prompt, answer) VALUES (?1, ?2, ?3, ?4, ?5)", &st, what,
	    cause) != 0)
		goto rollback;
	sqlite3_bind_int64(st, 1, session);
	store_bind_text(st, 2, area);
	store_bind_text(st, 3, kind);
	store_bind_text(st, 4, prompt);
	store_bind_text(st, 5, answer);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE)
		goto fail;
	id = sqlite3_last_insert_rowid(s->db);
	sqlite3_finalize(st);
	st = NULL;

	/* Its indicators, the first quote of each. */
	if (store_prepare(s, "INSERT INTO found (answer, indicator, quote) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", &st, what,
	    cause) != 0)
		goto rollback;
	for (i = 0; i < nfound; i++) {
		sqlite3_bind_int64(st, 1, id);
		store_bind_text(st, 2, found[i].indicator);
		store_bind_text(st, 3, found[i].quote);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			goto fail;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	st = NULL;

	if ((rc = store_exec(s, "COMMIT")) != SQLITE_OK)
		goto fail;
	s->last = STORE_OK;
	return id;

fail:
	store_fail(s, rc, what, cause);
rollback:
	sqlite3_finalize(st);
	store_exec(s, "ROLLBACK");
	return -1;
}

/*
 * Turn the user's search into FTS5 syntax: each word a quoted string
 * (with " doubled), a final * kept as a prefix search.  NULL when there
 * are no words.
 */
static char *
store_fts_query(const char *text)
{
	static const char	 space[] = " \t\r\n\v\f";
	struct buf		 b = { 0 };
	const char		*w;
	size_t			 len, i;
	int			 prefix;

	for (;;) {
		text += strspn(text, space);
		if (*text == '\0')
			break;
		w = text;
		len = strcspn(text, space);
		text += len;
		if ((prefix = len > 1 && w[len - 1] == '*'))
			len--;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_addc(&b, '"');
		for (i = 0; i < len; i++) {
			if (w[i] == '"')
				buf_addc(&b, '"');
			buf_addc(&b, w[i]);
		}
		buf_addc(&b, '"');
		if (prefix)
			buf_addc(&b, '*');
	}
	return b.len == 0 ? NULL : buf_take(&b);
}

/* Order indicator ids as the framework lists them (unknown ones last). */
static int
store_indicator_cmp(const void *a, const void *b)
{
	const char	*x = *(const char *const *)a;
	const char	*y = *(const char *const *)b;
	int		 i, j;

	if ((i = framework_indicator_find(x)) == -1)
		i = FRAMEWORK_NINDICATORS;
	if ((j = framework_indicator_find(y)) == -1)
		j = FRAMEWORK_NINDICATORS;
	if (i != j)
		return i < j ? -1 : 1;
	return strcmp(x, y);
}

/* Read the indicators of answer a with the prepared statement st. */
static int
store_answer_indicators(sqlite3_stmt *st, struct store_answer *a)
{
	int	rc;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a->indicators = xreallocarray(a->indicators,
		    a->nindicators + 1, sizeof *a->indicators);
		a->indicators[a->nindicators++] = store_column_text(st, 0);
	}
	if (rc != SQLITE_DONE)
		return rc;
	if (a->nindicators > 1)
		qsort(a->indicators, a->nindicators, sizeof *a->indicators,
		    store_indicator_cmp);
	return SQLITE_OK;
}

/* List answers; see store.h. */
int
store_history(struct store *s, const char *area, const char *search,
    struct store_answers *out, char **cause)
{
	static const char	 all[] = "SELECT id, session, area, kind, "
	    "prompt, answer, at FROM answers WHERE ?1 IS NULL OR area = ?1 "
	    "ORDER BY session DESC, id";
	static const char	 matching[] = "SELECT id, session, area, kind, "
	    "prompt, answer, at FROM answers WHERE (?1 IS NULL OR area = ?1) "
	    "AND id IN (SELECT rowid FROM answers_fts WHERE answers_fts "
	    "MATCH ?2) ORDER BY session DESC, id";
	const char		*what = "could not read your answers";
	sqlite3_stmt		*st = NULL, *ind = NULL;
	struct store_answer	*a;
	char			*query = NULL;
	int			 rc;

	out->v = NULL;
	out->n = 0;
	if (search != NULL)
		query = store_fts_query(search);
	if (store_prepare(s, query != NULL ? matching : all, &st, what,
	    cause) != 0 || store_prepare(s, "SELECT indicator FROM found "
	    "WHERE answer = ?1", &ind, what, cause) != 0) {
		sqlite3_finalize(st);
		free(query);
		return -1;
	}
	store_bind_text(st, 1, area);
	if (query != NULL)
		store_bind_text(st, 2, query);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		a = &out->v[out->n++];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(st, 0);
		a->session = sqlite3_column_int64(st, 1);
		a->area = store_column_text(st, 2);
		a->kind = store_column_text(st, 3);
		a->prompt = store_column_text(st, 4);
		a->answer = store_column_text(st, 5);
		a->at = store_column_text(st, 6);
		if ((rc = store_answer_indicators(ind, a)) != SQLITE_OK)
			break;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	else
		store_fail(s, rc, what, cause);
	sqlite3_finalize(st);
	sqlite3_finalize(ind);
	free(query);
	if (rc != SQLITE_OK) {
		store_answers_free(out);
		return -1;
	}
	s->last = STORE_OK;
	return 0;
}

/* Free a list of answers and empty it. */
void
store_answers_free(struct store_answers *list)
{
	struct store_answer	*a;
	size_t			 i;

	for (i = 0; i < list->n; i++) {
		a = &list->v[i];
		free(a->area);
		free(a->kind);
		free(a->prompt);
		free(a->answer);
		free(a->at);
		store_strings_free(a->indicators, a->nindicators);
	}
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

/* The main prompts of an area answered so far, in first-answered order. */
int
store_answered_prompts(struct store *s, const char *area, char ***out,
    size_t *n, char **cause)
{
	const char	*what = "could not read your answers";
	sqlite3_stmt	*st = NULL;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(s, "SELECT prompt FROM answers "
	    "WHERE area = ?1 AND kind = 'prompt' "
	    "GROUP BY prompt ORDER BY min(id)", &st, what, cause) != 0)
		return -1;
	store_bind_text(st, 1, area);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = store_column_text(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		store_strings_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	s->last = STORE_OK;
	return 0;
}

/* Free n strings and the array holding them. */
void
store_strings_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Check an action for writing; a problem is the caller's mistake. */
static int
store_plan_valid(struct store *s, const struct plan_action *a, char **cause)
{
	char	*why = NULL;

	if (plan_check(a, &why) != PLAN_OK) {
		store_misuse(s, cause, "%s", why);
		free(why);
		return -1;
	}
	return 0;
}

/* Add an action to the plan. */
int64_t
store_plan_add(struct store *s, const struct plan_action *a, char **cause)
{
	const char	*what = "could not keep your action";
	sqlite3_stmt	*st = NULL;
	char		 now[PLAN_TIME_LEN];
	int64_t		 id;
	int		 rc;

	if (store_plan_valid(s, a, cause) != 0)
		return -1;
	if (store_prepare(s, "INSERT INTO plan (area, action, measure, due, "
	    "support, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
	    &st, what, cause) != 0)
		return -1;
	plan_now(now);
	store_bind_text(st, 1, a->area);
	store_bind_text(st, 2, a->action);
	store_bind_text(st, 3, a->measure != NULL ? a->measure : "");
	store_bind_text(st, 4, a->due);
	store_bind_text(st, 5, a->support != NULL ? a->support : "");
	store_bind_text(st, 6, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		return -1;
	}
	id = sqlite3_last_insert_rowid(s->db);
	s->last = STORE_OK;
	return id;
}

/* The columns an action is read from, in store_plan_row's order. */
#define STORE_PLAN_COLUMNS \
	"id, area, action, measure, due, support, status, created, " \
	"updated, done"

/* Read an action from a row of STORE_PLAN_COLUMNS. */
static void
store_plan_row(sqlite3_stmt *st, struct plan_action *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->area = store_column_text(st, 1);
	a->action = store_column_text(st, 2);
	a->measure = store_column_text(st, 3);
	a->due = store_column_text(st, 4);
	a->support = store_column_text(st, 5);
	a->done = strcmp((const char *)sqlite3_column_text(st, 6), "done") == 0;
	a->created = store_column_text(st, 7);
	a->updated = store_column_text(st, 8);
	if (sqlite3_column_type(st, 9) != SQLITE_NULL)
		a->done_at = store_column_text(st, 9);
}

/* Read one action. */
int
store_plan_get(struct store *s, int64_t id, struct plan_action *out,
    char **cause)
{
	const char	*what = "could not read your plan";
	sqlite3_stmt	*st = NULL;
	int		 rc;

	if (store_prepare(s, "SELECT " STORE_PLAN_COLUMNS " FROM plan "
	    "WHERE id = ?1", &st, what, cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_plan_row(st, out);
		rc = 1;
	} else if (rc == SQLITE_DONE)
		rc = 0;
	else {
		store_fail(s, rc, what, cause);
		rc = -1;
	}
	sqlite3_finalize(st);
	if (rc != -1)
		s->last = STORE_OK;
	return rc;
}

/* List the actions, filtered, by due date. */
int
store_plan_list(struct store *s, const struct store_plan_filter *f,
    struct plan_list *out, char **cause)
{
	const char	*what = "could not read your plan";
	sqlite3_stmt	*st = NULL;
	const char	*status = NULL;
	int		 rc;

	out->v = NULL;
	out->n = 0;
	if (f->open && !f->done)
		status = "open";
	else if (f->done && !f->open)
		status = "done";
	if (store_prepare(s, "SELECT " STORE_PLAN_COLUMNS " FROM plan "
	    "WHERE (?1 IS NULL OR area = ?1) AND (?2 IS NULL OR status = ?2) "
	    "AND (?3 IS NULL OR (status = 'open' AND due < ?3)) "
	    "ORDER BY due, id", &st, what, cause) != 0)
		return -1;
	store_bind_text(st, 1, f->area);
	store_bind_text(st, 2, status);
	store_bind_text(st, 3, f->overdue);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		store_plan_row(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		plan_list_free(out);
		return -1;
	}
	s->last = STORE_OK;
	return 0;
}

/* Run a one-statement write of action id: 1 when a row changed, 0 if none. */
static int
store_plan_write(struct store *s, sqlite3_stmt *st, const char *what,
    char **cause)
{
	int	rc;

	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		return -1;
	}
	s->last = STORE_OK;
	return sqlite3_changes(s->db) > 0;
}

/* Change an action's fields. */
int
store_plan_update(struct store *s, const struct plan_action *a, char **cause)
{
	const char	*what = "could not change your action";
	sqlite3_stmt	*st = NULL;
	char		 now[PLAN_TIME_LEN];

	if (store_plan_valid(s, a, cause) != 0)
		return -1;
	if (store_prepare(s, "UPDATE plan SET area = ?2, action = ?3, "
	    "measure = ?4, due = ?5, support = ?6, updated = ?7 WHERE id = ?1",
	    &st, what, cause) != 0)
		return -1;
	plan_now(now);
	sqlite3_bind_int64(st, 1, a->id);
	store_bind_text(st, 2, a->area);
	store_bind_text(st, 3, a->action);
	store_bind_text(st, 4, a->measure != NULL ? a->measure : "");
	store_bind_text(st, 5, a->due);
	store_bind_text(st, 6, a->support != NULL ? a->support : "");
	store_bind_text(st, 7, now);
	return store_plan_write(s, st, what, cause);
}

/* Mark an action done or open again. */
int
store_plan_set_done(struct store *s, int64_t id, int done, char **cause)
{
	const char	*what = "could not change your action";
	struct plan_action a;
	sqlite3_stmt	*st = NULL;
	char		 now[PLAN_TIME_LEN];
	int		 rc;

	if (store_prepare(s, done ? "UPDATE plan SET status = 'done', "
	    "done = ?2, updated = ?2 WHERE id = ?1 AND status = 'open'" :
	    "UPDATE plan SET status = 'open', done = NULL, updated = ?2 "
	    "WHERE id = ?1 AND status = 'done'", &st, what, cause) != 0)
		return -1;
	plan_now(now);
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, now);
	if ((rc = store_plan_write(s, st, what, cause)) != 0)
		return rc;

	/* Nothing changed: already so, or no such action. */
	if ((rc = store_plan_get(s, id, &a, cause)) != 1)
		return rc;
	plan_action_clear(&a);
	return 2;
}

/* Remove an action. */
int
store_plan_remove(struct store *s, int64_t id, char **cause)
{
	const char	*what = "could not remove your action";
	sqlite3_stmt	*st = NULL;

	if (store_prepare(s, "DELETE FROM plan WHERE id = ?1", &st, what,
	    cause) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return store_plan_write(s, st, what, cause);
}

/* The plan as a JSON array, built by SQLite. */
int
store_plan_json(struct store *s, char **out, char **cause)
{
	const char	*what = "could not read your plan";
	sqlite3_stmt	*st = NULL;
	int		 rc;

	*out = NULL;
	if (store_prepare(s, "SELECT json_group_array(json_object('id', id, "
	    "'area', area, 'action', action, 'measure', measure, 'due', due, "
	    "'support', support, 'status', status, 'created', created, "
	    "'updated', updated, 'done', done)) FROM (SELECT * FROM plan "
	    "ORDER BY due, id)", &st, what, cause) != 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = store_column_text(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		store_fail(s, rc, what, cause);
		return -1;
	}
	s->last = STORE_OK;
	return 0;
}

/* Find the visit of (session, area) in a list, or NULL. */
static struct store_visit *
store_visit_find(struct store_visit *v, size_t n, int64_t session, int area)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (v[i].session == session && v[i].area == area)
			return &v[i];
	}
	return NULL;
}

/* Every (session, area) visited, with its rating and indicators shown. */
int
store_visits(struct store *s, struct store_visit **out, size_t *n,
    char **cause)
{
	const char		*what = "could not read your sessions";
	sqlite3_stmt		*st = NULL;
	struct store_visit	*v = NULL, *p;
	size_t			 nv = 0;
	char			*area, *ind;
	int			 rc, a, i;

	*out = NULL;
	*n = 0;

	/* The visits and their ratings. */
	if (store_prepare(s, "SELECT v.session, v.area, (SELECT rating FROM "
	    "ratings r WHERE r.session = v.session AND r.area = v.area), "
	    "(SELECT count(*) FROM answers x WHERE x.session = v.session AND "
	    "x.area = v.area) FROM (SELECT session, area FROM ratings UNION "
	    "SELECT session, area FROM answers) v ORDER BY v.session", &st,
	    what, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		area = store_column_text(st, 1);
		a = framework_area_find(area);
		free(area);
		if (a == -1)
			continue;
		v = xreallocarray(v, nv + 1, sizeof *v);
		p = &v[nv++];
		memset(p, 0, sizeof *p);
		p->session = sqlite3_column_int64(st, 0);
		p->area = a;
		p->rating = sqlite3_column_int(st, 2);
		p->nanswers = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE)
		goto fail;

	/* What their answers showed. */
	if (store_prepare(s, "SELECT a.session, a.area, f.indicator FROM "
	    "found f JOIN answers a ON a.id = f.answer", &st, what,
	    cause) != 0) {
		free(v);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		area = store_column_text(st, 1);
		ind = store_column_text(st, 2);
		a = framework_area_find(area);
		i = framework_indicator_find(ind);
		free(area);
		free(ind);
		if (a != -1 && i != -1 && (p = store_visit_find(v, nv,
		    sqlite3_column_int64(st, 0), a)) != NULL)
			p->shown[i] = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;

	/* Within a session, framework order. */
	for (i = 1; i < (int)nv; i++) {
		struct store_visit	t = v[i];
		int			j = i;

		while (j > 0 && v[j - 1].session == t.session &&
		    v[j - 1].area > t.area) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
	*out = v;
	*n = nv;
	s->last = STORE_OK;
	return 0;

fail:
	store_fail(s, rc, what, cause);
	free(v);
	return -1;
}

/* The latest quote of each indicator shown in an area's answers. */
int
store_quotes(struct store *s, int area, char *quotes[FRAMEWORK_NINDICATORS],
    char **cause)
{
	const char	*what = "could not read your answers";
	sqlite3_stmt	*st = NULL;
	char		*ind;
	int		 rc, i;

	memset(quotes, 0, FRAMEWORK_NINDICATORS * sizeof *quotes);
	if (area < -1 || area >= FRAMEWORK_NAREAS)
		return store_misuse(s, cause, "no area %d", area);
	if (store_prepare(s, "SELECT f.indicator, f.quote FROM found f JOIN "
	    "answers a ON a.id = f.answer WHERE (?1 IS NULL OR a.area = ?1) "
	    "AND f.quote IS NOT NULL ORDER BY a.id", &st, what, cause) != 0)
		return -1;
	store_bind_text(st, 1, area == -1 ? NULL : framework_areas[area].id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ind = store_column_text(st, 0);
		if ((i = framework_indicator_find(ind)) != -1) {
			free(quotes[i]);
			quotes[i] = store_column_text(st, 1);
		}
		free(ind);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, rc, what, cause);
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			free(quotes[i]);
			quotes[i] = NULL;
		}
		return -1;
	}
	s->last = STORE_OK;
	return 0;
}

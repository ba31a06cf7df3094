/*
 * test_store.c: the database: creation and modes, migrations, files that
 * must be refused and left alone (newer, damaged, foreign, read-only,
 * locked, symbolic link), and the round trip of sessions, ratings and
 * answers through history and search.
 *
 * Each test gets a new temporary folder (state); a second connection
 * opened with raw_open plays "another program".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fixture.h"
#include "framework.h"
#include "migrations.h"
#include "plan.h"
#include "store.h"
#include "util.h"

#define DHC1	0x44484331

/* A new temporary folder for the test. */
static int
dir_setup(void **state)
{
	char	*dir;

	dir = xstrdup("/tmp/dhcoach-store-XXXXXX");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	umask(022);
	*state = dir;
	return 0;
}

/* Remove the test's folder, making it writable again first. */
static int
dir_teardown(void **state)
{
	char	*dir = *state, *cmd;

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

/* Open path with store_open, failing the test on error. */
static struct store *
open_ok(const char *path)
{
	struct store	*s = NULL;
	char		*cause = NULL;

	if (store_open(path, &s, &cause) != STORE_OK)
		fail_msg("store_open %s: %s", path, cause);
	assert_non_null(s);
	return s;
}

/* store_open must fail with want, leaving the file's bytes as they were. */
static char *
open_fails(const char *path, enum store_error want)
{
	struct store	*s = NULL;
	struct stat	 sb;
	char		*cause = NULL, *before = NULL, *after;
	size_t		 blen = 0, alen;
	int		 exists;

	if ((exists = lstat(path, &sb) == 0 && S_ISREG(sb.st_mode)))
		before = slurp(path, &blen);
	assert_int_equal(store_open(path, &s, &cause), want);
	assert_null(s);
	assert_non_null(cause);
	if (exists) {
		after = slurp(path, &alen);
		assert_int_equal(alen, blen);
		assert_memory_equal(after, before, blen);
		free(after);
	}
	free(before);
	return cause;
}

/* Another connection, as another program would make. */
static sqlite3 *
raw_open(const char *path)
{
	sqlite3	*db = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		fail_msg("sqlite3_open %s: %s", path, sqlite3_errmsg(db));
	return db;
}

/* Run SQL on a raw connection, failing the test on error. */
static void
raw_exec(sqlite3 *db, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
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

/* Begin a session, failing the test on error. */
static int64_t
begin_ok(struct store *s)
{
	char	*cause = NULL;
	int64_t	 id;

	if ((id = store_session_begin(s, &cause)) == -1)
		fail_msg("store_session_begin: %s", cause);
	return id;
}

/* Keep an answer, failing the test on error. */
static int64_t
answer_ok(struct store *s, int64_t session, const char *area,
    const char *kind, const char *prompt, const char *answer,
    const struct store_found *found, size_t nfound)
{
	char	*cause = NULL;
	int64_t	 id;

	id = store_answer_add(s, session, area, kind, prompt, answer, found,
	    nfound, &cause);
	if (id == -1)
		fail_msg("store_answer_add: %s", cause);
	return id;
}

/* The history, failing the test on error. */
static void
history_ok(struct store *s, const char *area, const char *search,
    struct store_answers *out)
{
	char	*cause = NULL;

	if (store_history(s, area, search, out, &cause) != 0)
		fail_msg("store_history(%s, %s): %s", area ? area : "all",
		    search ? search : "-", cause);
}

/* An empty file is taken as a new database. */
static void
test_empty_file(void **state)
{
	struct store	*s;
	char		*path;

	path = path_in(state, "dhcoach.db");
	fixture_write(*state, "dhcoach.db", "");
	s = open_ok(path);
	begin_ok(s);
	store_close(s);
	free(path);
}

/* A new database and its folders get 0700 and 0600, and so do -wal and -shm. */
static void
test_create_modes(void **state)
{
	struct store	*s;
	char		*path, *wal, *shm, *d1, *d2;

	path = path_in(state, "new/sub/dhcoach.db");
	d1 = path_in(state, "new");
	d2 = path_in(state, "new/sub");
	wal = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	s = open_ok(path);
	begin_ok(s);
	assert_int_equal(mode_of(d1), 0700);
	assert_int_equal(mode_of(d2), 0700);
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(mode_of(wal), 0600);
	assert_int_equal(mode_of(shm), 0600);
	assert_int_equal(store_last_error(s), STORE_OK);
	store_close(s);
	assert_int_equal(mode_of(path), 0600);
	free(path);
	free(wal);
	free(shm);
	free(d1);
	free(d2);
}

/* An existing folder keeps its mode; a path with no folder works too. */
static void
test_existing_folder(void **state)
{
	struct store	*s;
	char		*path, *cwd;

	assert_int_equal(chmod(*state, 0755), 0);
	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	store_close(s);
	assert_int_equal(mode_of(*state), 0755);
	free(path);

	cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(*state), 0);
	s = open_ok("plain.db");
	store_close(s);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	path = path_in(state, "plain.db");
	assert_int_equal(mode_of(path), 0600);
	free(path);
}

/* Opening twice migrates once; the header says whose file it is. */
static void
test_migrations_idempotent(void **state)
{
	struct store	*s;
	sqlite3		*db;
	char		*path, *area = NULL, *cause = NULL;
	int64_t		 id, last;

	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	id = begin_ok(s);
	store_close(s);
	s = open_ok(path);
	assert_int_equal(store_last_session(s, &last, &area, &cause), 1);
	assert_int_equal(last, id);
	assert_null(area);
	store_close(s);

	db = raw_open(path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"),
	    (long long)migrations_count);
	assert_int_equal(raw_int(db, "PRAGMA application_id"), DHC1);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name = 'answers_fts'"), 1);
	assert_int_equal(raw_int(db, "SELECT journal_mode = 'wal' FROM "
	    "pragma_journal_mode"), 1);
	sqlite3_close(db);
	free(path);
}

/* The embedded migrations are numbered 1, 2, ... and not empty. */
static void
test_migrations_table(void **state)
{
	size_t	i;

	(void)state;
	assert_true(migrations_count >= 1);
	for (i = 0; i < migrations_count; i++) {
		assert_int_equal(migrations_table[i].version, (int)i + 1);
		assert_non_null(migrations_table[i].lines[0]);
	}
	assert_string_equal(migrations_table[0].name, "001-initial.sql");
}

/* A file from a newer dhcoach is refused and not touched. */
static void
test_newer(void **state)
{
	struct store	*s;
	sqlite3		*db;
	char		*path, *sql, *cause, *want;

	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	store_close(s);
	db = raw_open(path);
	sql = xasprintf("PRAGMA user_version = %zu", migrations_count + 6);
	raw_exec(db, sql);
	free(sql);
	sqlite3_close(db);

	cause = open_fails(path, STORE_ERR_NEWER);
	want = xasprintf("%s was made by a newer dhcoach (schema %zu, this "
	    "one knows %zu): upgrade dhcoach", path, migrations_count + 6,
	    migrations_count);
	assert_non_null(strstr(cause, want));
	free(want);
	free(cause);
	free(path);
}

/* A file that is not a database is refused and not touched. */
static void
test_garbage(void **state)
{
	char	*path, *wal, *cause, *text;
	size_t	 i;

	path = path_in(state, "dhcoach.db");
	wal = xasprintf("%s-wal", path);
	text = xmalloc(8192);
	for (i = 0; i < 8192; i++)
		text[i] = "Not a database, just notes.\n"[i % 28];
	text[8191] = '\0';
	fixture_write(*state, "dhcoach.db", text);
	free(text);

	cause = open_fails(path, STORE_ERR_DAMAGED);
	assert_non_null(strstr(cause, "is damaged or is not a dhcoach "
	    "database"));
	assert_non_null(strstr(cause, path));
	assert_non_null(strstr(cause, "it has not been changed"));
	assert_int_equal(mode_of(wal), -1);
	free(cause);

	/* Short files, which SQLite might take for an empty database. */
	fixture_write(*state, "dhcoach.db", "x");
	cause = open_fails(path, STORE_ERR_DAMAGED);
	free(cause);
	fixture_write(*state, "dhcoach.db", "SQLite format 3");
	cause = open_fails(path, STORE_ERR_DAMAGED);
	free(cause);
	free(path);
	free(wal);
}

/* Another program's SQLite database is refused, and so is a foreign id. */
static void
test_foreign(void **state)
{
	sqlite3	*db;
	char	*path, *cause;

	path = path_in(state, "other.db");
	db = raw_open(path);
	raw_exec(db, "CREATE TABLE bookmarks (url TEXT)");
	sqlite3_close(db);
	cause = open_fails(path, STORE_ERR_DAMAGED);
	free(cause);

	db = raw_open(path);
	raw_exec(db, "DROP TABLE bookmarks; PRAGMA application_id = 7");
	sqlite3_close(db);
	cause = open_fails(path, STORE_ERR_DAMAGED);
	free(cause);
	free(path);
}

/* A read-only file or folder is refused (permission bits do not stop root). */
static void
test_readonly(void **state)
{
	struct store	*s;
	char		*path, *cause;

	if (geteuid() == 0)
		skip();
	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	store_close(s);

	assert_int_equal(chmod(path, 0400), 0);
	cause = open_fails(path, STORE_ERR_READONLY);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);

	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(chmod(*state, 0500), 0);
	cause = open_fails(path, STORE_ERR_READONLY);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	free(path);
}

/*
 * Another connection holding the write lock: the store opens (WAL lets
 * it read), but a write gives up after the busy timeout with a clear
 * cause, and works once the lock is gone.
 */
static void
test_busy_write(void **state)
{
	struct store	*s;
	sqlite3		*db;
	char		*path, *cause = NULL;

	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	store_close(s);
	db = raw_open(path);
	raw_exec(db, "BEGIN IMMEDIATE; INSERT INTO sessions DEFAULT VALUES");

	s = open_ok(path);
	assert_int_equal(store_session_begin(s, &cause), -1);
	assert_non_null(strstr(cause, "is in use by another dhcoach: close it "
	    "and try again"));
	assert_int_equal(store_last_error(s), STORE_ERR_BUSY);
	free(cause);
	cause = NULL;
	assert_int_equal(store_answer_add(s, 1, "integrity", "prompt", "Q?",
	    "A.", NULL, 0, &cause), -1);
	assert_int_equal(store_last_error(s), STORE_ERR_BUSY);
	free(cause);

	raw_exec(db, "ROLLBACK");
	sqlite3_close(db);
	assert_int_equal(begin_ok(s), 1);
	assert_int_equal(store_last_error(s), STORE_OK);
	store_close(s);
	free(path);
}

/* A new file locked by another program: opening needs to write, so fails. */
static void
test_busy_open(void **state)
{
	sqlite3	*db;
	char	*path, *cause;

	path = path_in(state, "dhcoach.db");
	db = raw_open(path);
	raw_exec(db, "BEGIN EXCLUSIVE");
	cause = open_fails(path, STORE_ERR_BUSY);
	assert_non_null(strstr(cause, "in use by another dhcoach"));
	free(cause);
	raw_exec(db, "ROLLBACK");
	sqlite3_close(db);
	store_close(open_ok(path));
	free(path);
}

/* A symbolic link at the path is refused, whether or not it leads anywhere. */
static void
test_symlink(void **state)
{
	struct store	*s;
	char		*real, *link, *nowhere, *cause;

	real = path_in(state, "real.db");
	link = path_in(state, "link.db");
	nowhere = path_in(state, "nowhere.db");
	s = open_ok(real);
	store_close(s);
	assert_int_equal(symlink(real, link), 0);
	cause = open_fails(link, STORE_ERR_OPEN);
	assert_non_null(strstr(cause, "symbolic link"));
	free(cause);

	assert_int_equal(unlink(link), 0);
	assert_int_equal(symlink(nowhere, link), 0);
	cause = open_fails(link, STORE_ERR_OPEN);
	assert_non_null(strstr(cause, "symbolic link"));
	assert_int_equal(mode_of(nowhere), -1);
	free(cause);
	free(real);
	free(link);
	free(nowhere);
}

/* Links in the folders above the file are followed. */
static void
test_symlinked_folder(void **state)
{
	struct store	*s;
	char		*real, *link, *path, *inside;

	real = path_in(state, "real");
	link = path_in(state, "link");
	path = path_in(state, "link/sub/dhcoach.db");
	inside = path_in(state, "real/sub/dhcoach.db");
	assert_int_equal(mkdir(real, 0700), 0);
	assert_int_equal(symlink("real", link), 0);
	s = open_ok(path);
	begin_ok(s);
	store_close(s);
	assert_int_equal(mode_of(inside), 0600);
	free(real);
	free(link);
	free(path);
	free(inside);
}

/* A folder at the path, or a file where a folder should be, is refused. */
static void
test_not_a_file(void **state)
{
	char	*path, *cause;

	path = path_in(state, "dir.db");
	assert_int_equal(mkdir(path, 0700), 0);
	cause = open_fails(path, STORE_ERR_OPEN);
	assert_non_null(strstr(cause, "is not a file"));
	free(cause);
	free(path);

	fixture_write(*state, "file", "x");
	path = path_in(state, "file/dhcoach.db");
	cause = open_fails(path, STORE_ERR_OPEN);
	assert_non_null(strstr(cause, "not a folder"));
	free(cause);
	free(path);
	cause = open_fails("", STORE_ERR_OPEN);
	free(cause);
}

/* Sessions, ratings and answers come back through history. */
static void
test_round_trip(void **state)
{
	static const struct store_found	 f1[] = {
		{ "ev.example", "for example" },
		{ "sv.vision", "a three-year plan" },
		{ "ev.example", "a second quote, ignored" },
	};
	static const struct store_found	 f2[] = {
		{ "in.honesty", "I told them" },
	};
	struct store_answers	 h;
	struct store		*s;
	sqlite3			*db;
	char			*path, *cause = NULL;
	int64_t			 s1, s2, a1, a2, a3;

	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	s1 = begin_ok(s);
	assert_int_equal(store_session_area(s, s1, "strategic-vision", &cause),
	    0);
	assert_int_equal(store_rating_set(s, s1, "strategic-vision", 4, &cause),
	    0);
	assert_int_equal(store_rating_set(s, s1, "integrity", 2, &cause), 0);
	assert_int_equal(store_rating_set(s, s1, "integrity", 0, &cause), 0);
	a1 = answer_ok(s, s1, "strategic-vision", "prompt", "Where is your "
	    "service going?", "We agreed a three-year plan with the "
	    "clinicians, for example at the board.", f1, 3);
	a2 = answer_ok(s, s1, "strategic-vision", "probe", "Who did you ask?",
	    "Nurses and \"porters\"; café staff too.", NULL, 0);
	assert_int_equal(store_session_end(s, s1, &cause), 0);
	s2 = begin_ok(s);
	a3 = answer_ok(s, s2, "integrity", "prompt", "When did you own a "
	    "mistake?", "I told them the meeting notes were wrong.", f2, 1);
	assert_true(s2 > s1);

	/* All of it: newest session first, then in answer order. */
	history_ok(s, NULL, NULL, &h);
	assert_int_equal(h.n, 3);
	assert_int_equal(h.v[0].id, a3);
	assert_int_equal(h.v[0].session, s2);
	assert_int_equal(h.v[1].id, a1);
	assert_int_equal(h.v[2].id, a2);
	assert_string_equal(h.v[1].area, "strategic-vision");
	assert_string_equal(h.v[1].kind, "prompt");
	assert_string_equal(h.v[2].kind, "probe");
	assert_string_equal(h.v[1].prompt, "Where is your service going?");
	assert_string_equal(h.v[2].answer,
	    "Nurses and \"porters\"; café staff too.");
	assert_int_equal(strlen(h.v[1].at), 20);
	assert_true(h.v[1].at[4] == '-' && h.v[1].at[10] == 'T' &&
	    h.v[1].at[19] == 'Z');
	/* Indicators in framework order, each once. */
	assert_int_equal(h.v[1].nindicators, 2);
	assert_string_equal(h.v[1].indicators[0], "sv.vision");
	assert_string_equal(h.v[1].indicators[1], "ev.example");
	assert_int_equal(h.v[2].nindicators, 0);
	store_answers_free(&h);
	assert_int_equal(h.n, 0);

	/* One area. */
	history_ok(s, "integrity", NULL, &h);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].id, a3);
	store_answers_free(&h);
	history_ok(s, "team-development", NULL, &h);
	assert_int_equal(h.n, 0);
	store_answers_free(&h);

	/* Searches: words, other forms of them, prefixes, accents. */
	history_ok(s, NULL, "CLINICIANS board", &h);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].id, a1);
	store_answers_free(&h);
	history_ok(s, NULL, "meetings", &h);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].id, a3);
	store_answers_free(&h);
	history_ok(s, NULL, "clin*", &h);
	assert_int_equal(h.n, 1);
	store_answers_free(&h);
	history_ok(s, NULL, "cafe porters", &h);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].id, a2);
	store_answers_free(&h);
	history_ok(s, "integrity", "plan", &h);
	assert_int_equal(h.n, 0);
	store_answers_free(&h);
	history_ok(s, NULL, "   ", &h);
	assert_int_equal(h.n, 3);
	store_answers_free(&h);
	store_close(s);

	/* The ratings, seen by another program: a skip is NULL. */
	db = raw_open(path);
	assert_int_equal(raw_int(db, "SELECT rating FROM ratings WHERE "
	    "area = 'strategic-vision'"), 4);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM ratings WHERE "
	    "area = 'integrity' AND rating IS NULL"), 1);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sessions WHERE "
	    "ended IS NOT NULL"), 1);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM found"), 3);
	sqlite3_close(db);
	free(path);
}

/* Search text is words, never FTS5 syntax: nothing a person types errors. */
static void
test_search_hostile(void **state)
{
	static const char	*hostile[] = {
		"foo\" OR (", "\"", "\"\"", "*", "**", "(", ")", "NEAR(a b)",
		"a AND", "OR", "NOT x", "-x", "answer:plan", "^plan", "{a b}",
		"plan*\"", "'; DROP TABLE answers; --", "\xff\xfe", "a + b",
		":", "\\", "%_",
	};
	struct store_answers	 h;
	struct store		*s;
	size_t			 i;

	(void)state;
	s = open_ok(":memory:");
	answer_ok(s, begin_ok(s), "integrity", "prompt", "Q?",
	    "The plan: we said \"NOT now\" (NEAR the end) AND OR.", NULL, 0);
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		history_ok(s, NULL, hostile[i], &h);
		store_answers_free(&h);
	}
	history_ok(s, NULL, "\"NOT now\"", &h);
	assert_int_equal(h.n, 1);
	store_answers_free(&h);
	history_ok(s, NULL, "NEAR(the", &h);
	assert_int_equal(h.n, 1);
	store_answers_free(&h);
	history_ok(s, NULL, "plan OR elephant", &h);
	assert_int_equal(h.n, 0);
	store_answers_free(&h);
	history_ok(s, NULL, NULL, &h);
	assert_int_equal(h.n, 1);
	store_answers_free(&h);
	store_close(s);
}

/* Bad arguments are refused with nothing written. */
static void
test_bad_writes(void **state)
{
	static const struct store_found	 bad[] = {
		{ "sv.vision", "x" }, { "sv.nonsense", "y" },
	};
	struct store_answers	 h;
	struct store		*s;
	char			*cause = NULL;
	int64_t			 id;

	(void)state;
	s = open_ok(":memory:");
	id = begin_ok(s);
	assert_int_equal(store_answer_add(s, id, "integrity", "prompt", "Q?",
	    "A.", bad, 2, &cause), -1);
	assert_non_null(strstr(cause, "sv.nonsense"));
	free(cause);
	assert_int_equal(store_answer_add(s, id, "nowhere", "prompt", "Q?",
	    "A.", NULL, 0, &cause), -1);
	free(cause);
	assert_int_equal(store_answer_add(s, id, "integrity", "aside", "Q?",
	    "A.", NULL, 0, &cause), -1);
	free(cause);
	/* A session that does not exist: the foreign key stops it. */
	assert_int_equal(store_answer_add(s, id + 9, "integrity", "prompt",
	    "Q?", "A lost answer.", NULL, 0, &cause), -1);
	free(cause);
	assert_int_equal(store_rating_set(s, id, "integrity", 6, &cause), -1);
	free(cause);
	assert_int_equal(store_rating_set(s, id, "nowhere", 3, &cause), -1);
	free(cause);
	assert_int_equal(store_rating_set(s, id + 9, "integrity", 3, &cause),
	    -1);
	free(cause);
	assert_int_equal(store_session_area(s, id, "nowhere", &cause), -1);
	free(cause);
	assert_int_equal(store_session_area(s, id + 9, "integrity", &cause),
	    -1);
	assert_non_null(strstr(cause, "no session"));
	free(cause);
	assert_int_equal(store_session_end(s, id + 9, &cause), -1);
	free(cause);

	history_ok(s, NULL, NULL, &h);
	assert_int_equal(h.n, 0);
	store_answers_free(&h);
	history_ok(s, NULL, "lost", &h);
	assert_int_equal(h.n, 0);
	store_answers_free(&h);
	store_close(s);
}

/* The main prompts answered in an area, each once, first answered first. */
static void
test_answered_prompts(void **state)
{
	struct store	*s;
	char		**v, *cause = NULL;
	size_t		 n;
	int64_t		 s1, s2;

	(void)state;
	s = open_ok(":memory:");
	assert_int_equal(store_answered_prompts(s, "integrity", &v, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	assert_null(v);
	s1 = begin_ok(s);
	answer_ok(s, s1, "integrity", "prompt", "Two?", "b", NULL, 0);
	answer_ok(s, s1, "integrity", "probe", "Why?", "c", NULL, 0);
	answer_ok(s, s1, "growth-mindset", "prompt", "Other?", "d", NULL, 0);
	s2 = begin_ok(s);
	answer_ok(s, s2, "integrity", "prompt", "One?", "e", NULL, 0);
	answer_ok(s, s2, "integrity", "prompt", "Two?", "f", NULL, 0);
	assert_int_equal(store_answered_prompts(s, "integrity", &v, &n,
	    &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "Two?");
	assert_string_equal(v[1], "One?");
	store_strings_free(v, n);
	store_close(s);
}

/* The last session is the latest one before this store's own. */
static void
test_last_session(void **state)
{
	struct store	*s;
	char		*path, *area = NULL, *cause = NULL;
	int64_t		 id, first, second, last;

	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	assert_int_equal(store_last_session(s, &last, &area, &cause), 0);
	assert_null(area);
	first = begin_ok(s);
	assert_int_equal(store_last_session(s, &last, &area, &cause), 0);
	assert_int_equal(store_session_area(s, first, "growth-mindset",
	    &cause), 0);
	store_close(s);

	s = open_ok(path);
	assert_int_equal(store_last_session(s, &last, &area, &cause), 1);
	assert_int_equal(last, first);
	assert_string_equal(area, "growth-mindset");
	free(area);
	second = begin_ok(s);
	assert_int_equal(store_last_session(s, &last, &area, &cause), 1);
	assert_int_equal(last, first);
	free(area);
	store_close(s);

	s = open_ok(path);
	assert_int_equal(store_last_session(s, &id, &area, &cause), 1);
	assert_int_equal(id, second);
	assert_null(area);
	store_close(s);
	free(path);
}

/* Deleting a session takes its answers, indicators and index entries. */
static void
test_cascade_and_index(void **state)
{
	static const struct store_found	 f[] = { { "gm.curiosity", "why" } };
	struct store_answers	 h;
	struct store		*s;
	sqlite3			*db;
	char			*path;
	int64_t			 s1;

	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	s1 = begin_ok(s);
	answer_ok(s, s1, "growth-mindset", "prompt", "Q?", "I asked why "
	    "the referrals fell.", f, 1);
	answer_ok(s, begin_ok(s), "growth-mindset", "prompt", "Q?",
	    "Referrals rose again.", NULL, 0);
	store_close(s);

	db = raw_open(path);
	raw_exec(db, "PRAGMA foreign_keys = ON; DELETE FROM sessions WHERE "
	    "id = 1; UPDATE answers SET answer = 'Admissions rose.'");
	raw_exec(db, "INSERT INTO answers_fts (answers_fts) "
	    "VALUES ('integrity-check')");
	assert_int_equal(raw_int(db, "SELECT count(*) FROM found"), 0);
	sqlite3_close(db);

	s = open_ok(path);
	history_ok(s, NULL, "referrals", &h);
	assert_int_equal(h.n, 0);
	store_answers_free(&h);
	history_ok(s, NULL, "admissions", &h);
	assert_int_equal(h.n, 1);
	store_answers_free(&h);
	store_close(s);
	free(path);
}

/* The default path follows DHCOACH_DB, then XDG_DATA_HOME, then HOME. */
static void
test_default_path(void **state)
{
	char	*p;

	(void)state;
	setenv("DHCOACH_DB", "/x/my.db", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	setenv("HOME", "/home/nurse", 1);
	p = store_default_path();
	assert_string_equal(p, "/x/my.db");
	free(p);
	setenv("DHCOACH_DB", "", 1);
	p = store_default_path();
	assert_string_equal(p, "/data/dhcoach/dhcoach.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative/data", 1);
	p = store_default_path();
	assert_string_equal(p, "/home/nurse/.local/share/dhcoach/dhcoach.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	unsetenv("DHCOACH_DB");
	p = store_default_path();
	assert_string_equal(p, "/home/nurse/.local/share/dhcoach/dhcoach.db");
	free(p);
}

/* An action for the plan tests (strings borrowed). */
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

/* The plan: add, read, filter, change, mark, remove; ids are never reused. */
static void
test_plan_round_trip(void **state)
{
	struct store_plan_filter f;
	struct plan_action	 a, got;
	struct plan_list	 l;
	struct store		*s;
	char			*cause = NULL, *json = NULL;
	int64_t			 id1, id2, id3, id4;

	(void)state;
	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	s = open_ok(":memory:");
	a = action_of("integrity", "Tell the team, then \"own\" it",
	    "2027-01-31");
	assert_true((id1 = store_plan_add(s, &a, &cause)) > 0);
	a = action_of("insightfulness", "Ask for 360\nfeedback", "2026-12-01");
	assert_true((id2 = store_plan_add(s, &a, &cause)) > id1);
	a = action_of("integrity", "Third", "2026-11-20");
	assert_true((id3 = store_plan_add(s, &a, &cause)) > id2);

	/* Read back, with the times stamped from DHCOACH_TODAY. */
	memset(&got, 0, sizeof got);
	assert_int_equal(store_plan_get(s, id1, &got, &cause), 1);
	assert_string_equal(got.action, "Tell the team, then \"own\" it");
	assert_string_equal(got.support, "my mentor, Sam");
	assert_string_equal(got.created, "2026-11-26T12:00:00Z");
	assert_int_equal(got.done, 0);
	assert_null(got.done_at);
	plan_action_clear(&got);
	assert_int_equal(store_plan_get(s, 99, &got, &cause), 0);

	/* By due date; filtered by area, status and overdue. */
	memset(&f, 0, sizeof f);
	assert_int_equal(store_plan_list(s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].id, id3);
	assert_int_equal(l.v[1].id, id2);
	assert_int_equal(l.v[2].id, id1);
	plan_list_free(&l);
	f.area = "integrity";
	assert_int_equal(store_plan_list(s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 2);
	plan_list_free(&l);
	f.area = NULL;
	f.overdue = "2026-11-26";
	assert_int_equal(store_plan_list(s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, id3);
	plan_list_free(&l);

	/* Done, done again, open again; no such action. */
	assert_int_equal(store_plan_set_done(s, id3, 1, &cause), 1);
	assert_int_equal(store_plan_set_done(s, id3, 1, &cause), 2);
	assert_int_equal(store_plan_set_done(s, 99, 1, &cause), 0);
	assert_int_equal(store_plan_list(s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 0);	/* done is never overdue */
	plan_list_free(&l);
	f.overdue = NULL;
	f.done = 1;
	assert_int_equal(store_plan_list(s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].done_at, "2026-11-26T12:00:00Z");
	plan_list_free(&l);
	f.open = 1;
	assert_int_equal(store_plan_list(s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 3);
	plan_list_free(&l);
	assert_int_equal(store_plan_set_done(s, id3, 0, &cause), 1);
	assert_int_equal(store_plan_set_done(s, id3, 0, &cause), 2);

	/* A change, stamped later. */
	setenv("DHCOACH_TODAY", "2026-12-03", 1);
	a = action_of("growth-mindset", "Changed,\nnow", "2027-06-30");
	a.id = id2;
	assert_int_equal(store_plan_update(s, &a, &cause), 1);
	a.id = 99;
	assert_int_equal(store_plan_update(s, &a, &cause), 0);
	memset(&got, 0, sizeof got);
	assert_int_equal(store_plan_get(s, id2, &got, &cause), 1);
	assert_string_equal(got.area, "growth-mindset");
	assert_string_equal(got.created, "2026-11-26T12:00:00Z");
	assert_string_equal(got.updated, "2026-12-03T12:00:00Z");
	plan_action_clear(&got);

	/* Removing the newest never gives its id to the next one. */
	assert_int_equal(store_plan_remove(s, id3, &cause), 1);
	assert_int_equal(store_plan_remove(s, id3, &cause), 0);
	a = action_of("integrity", "Fourth", "2027-01-01");
	assert_true((id4 = store_plan_add(s, &a, &cause)) > id3);
	memset(&got, 0, sizeof got);
	assert_int_equal(store_plan_get(s, id1, &got, &cause), 1);
	assert_string_equal(got.action, "Tell the team, then \"own\" it");
	plan_action_clear(&got);

	/* The JSON export, built by SQLite, by due date. */
	assert_int_equal(store_plan_json(s, &json, &cause), 0);
	assert_non_null(strstr(json, "[{\"id\":4,\"area\":\"integrity\","
	    "\"action\":\"Fourth\",\"measure\":\"\",\"due\":\"2027-01-01\","
	    "\"support\":\"my mentor, Sam\",\"status\":\"open\",\"created\":"
	    "\"2026-12-03T12:00:00Z\",\"updated\":\"2026-12-03T12:00:00Z\","
	    "\"done\":null},"));
	assert_non_null(strstr(json, "\"Tell the team, then \\\"own\\\" it\""));
	assert_non_null(strstr(json, "\"Changed,\\nnow\""));
	free(json);
	store_close(s);
	unsetenv("DHCOACH_TODAY");
}

/* A bad action is refused with nothing written; so is one another program's SQL would reject. */
static void
test_plan_bad_writes(void **state)
{
	static const char	*bad_dates[] = { "2027-02-30", "31/03/2027",
	    "", "2027-3-31" };
	struct store_plan_filter f;
	struct plan_action	 a;
	struct plan_list	 l;
	struct store		*s;
	sqlite3			*db;
	char			*path, *cause = NULL, *json = NULL;
	size_t			 i;

	path = path_in(state, "dhcoach.db");
	s = open_ok(path);
	a = action_of("integrity", "  ", "2027-01-31");
	assert_int_equal(store_plan_add(s, &a, &cause), -1);
	assert_non_null(strstr(cause, "the action is empty"));
	free(cause);
	a = action_of("nowhere", "Run a pilot", "2027-01-31");
	assert_int_equal(store_plan_add(s, &a, &cause), -1);
	assert_non_null(strstr(cause, "unknown area 'nowhere'"));
	free(cause);
	for (i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
		a = action_of("integrity", "Run a pilot", bad_dates[i]);
		assert_int_equal(store_plan_add(s, &a, &cause), -1);
		free(cause);
	}
	a = action_of("integrity", "Run a pilot", "2027-01-31");
	a.id = 1;
	assert_int_equal(store_plan_update(s, &a, &cause), 0);	/* no action 1 */
	memset(&f, 0, sizeof f);
	assert_int_equal(store_plan_list(s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 0);
	assert_null(l.v);
	plan_list_free(&l);
	assert_int_equal(store_plan_json(s, &json, &cause), 0);
	assert_string_equal(json, "[]");
	free(json);
	store_close(s);

	/* The schema's own checks, for writers other than dhcoach. */
	db = raw_open(path);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO plan (area, action, "
	    "due) VALUES ('integrity', 'x', '2027-02-30')", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO plan (area, action, "
	    "due) VALUES ('integrity', ' ', '2027-02-03')", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO plan (area, action, "
	    "due, status) VALUES ('integrity', 'x', '2027-02-03', 'done')",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM plan"), 0);
	sqlite3_close(db);
	free(path);
}

/* Visits: each (session, area) with its rating and what it showed; quotes: the latest words. */
static void
test_visits_quotes(void **state)
{
	static const struct store_found	 f1[] = {
		{ "in.honesty", "I told them" }, { "ev.example", "last May" },
	};
	static const struct store_found	 f2[] = {
		{ "in.honesty", "I owned the mistake" },
		{ "in.accountability", "my part" },
	};
	static const struct store_found	 f3[] = {
		{ "sv.vision", "a picture" }, { "ev.example", "in March" },
	};
	struct store_visit	*v;
	struct store		*s;
	char			*quotes[FRAMEWORK_NINDICATORS], *cause = NULL;
	size_t			 n;
	int64_t			 s1, s2;
	int			 hon, acc, ex, i;

	(void)state;
	hon = framework_indicator_find("in.honesty");
	acc = framework_indicator_find("in.accountability");
	ex = framework_indicator_find("ev.example");
	s = open_ok(":memory:");
	assert_int_equal(store_visits(s, &v, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_null(v);

	s1 = begin_ok(s);
	assert_int_equal(store_rating_set(s, s1, "integrity", 2, &cause), 0);
	assert_int_equal(store_rating_set(s, s1, "strategic-vision", 0,
	    &cause), 0);
	answer_ok(s, s1, "integrity", "prompt", "Q?", "a1", f1, 2);
	s2 = begin_ok(s);
	answer_ok(s, s2, "integrity", "prompt", "Q?", "a2", f2, 2);
	answer_ok(s, s2, "strategic-vision", "prompt", "Q?", "a3", f3, 2);

	assert_int_equal(store_visits(s, &v, &n, &cause), 0);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].session, s1);
	assert_int_equal(v[0].area, 0);		/* framework order */
	assert_int_equal(v[0].rating, 0);	/* skipped */
	assert_int_equal(v[0].nanswers, 0);
	assert_int_equal(v[1].area, 8);
	assert_int_equal(v[1].rating, 2);
	assert_int_equal(v[1].nanswers, 1);
	assert_true(v[1].shown[hon] && v[1].shown[ex] && !v[1].shown[acc]);
	assert_int_equal(v[2].session, s2);
	assert_int_equal(v[2].area, 0);
	assert_true(v[2].shown[ex]);
	assert_int_equal(v[3].area, 8);
	assert_int_equal(v[3].rating, 0);
	assert_true(v[3].shown[hon] && v[3].shown[acc] && !v[3].shown[ex]);
	free(v);

	assert_int_equal(store_quotes(s, 8, quotes, &cause), 0);
	assert_string_equal(quotes[hon], "I owned the mistake");
	assert_string_equal(quotes[acc], "my part");
	assert_string_equal(quotes[ex], "last May");
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		free(quotes[i]);
	assert_int_equal(store_quotes(s, -1, quotes, &cause), 0);
	assert_string_equal(quotes[ex], "in March");
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		free(quotes[i]);
	assert_int_equal(store_quotes(s, 10, quotes, &cause), -1);
	free(cause);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_modes, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_empty_file, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_existing_folder,
		    dir_setup, dir_teardown),
		cmocka_unit_test_setup_teardown(test_migrations_idempotent,
		    dir_setup, dir_teardown),
		cmocka_unit_test(test_migrations_table),
		cmocka_unit_test_setup_teardown(test_newer, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_garbage, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_foreign, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_readonly, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_busy_write, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_busy_open, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_symlink, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_symlinked_folder,
		    dir_setup, dir_teardown),
		cmocka_unit_test_setup_teardown(test_not_a_file, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, dir_setup,
		    dir_teardown),
		cmocka_unit_test(test_search_hostile),
		cmocka_unit_test(test_bad_writes),
		cmocka_unit_test(test_answered_prompts),
		cmocka_unit_test_setup_teardown(test_last_session, dir_setup,
		    dir_teardown),
		cmocka_unit_test_setup_teardown(test_cascade_and_index,
		    dir_setup, dir_teardown),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_plan_round_trip),
		cmocka_unit_test_setup_teardown(test_plan_bad_writes, dir_setup,
		    dir_teardown),
		cmocka_unit_test(test_visits_quotes),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}

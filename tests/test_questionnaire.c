/*
 * test_questionnaire.c: the self-report questionnaire over scripted
 * lines, with the real prompt files and a database in a temporary
 * folder: ten piped ratings stored; a rating the database refuses asked
 * again on a terminal, with the example typed before it kept; an example
 * the database refuses kept in the recovery folder and saved once it is
 * free, or, when it never is, left there with ERR_UNSAVED and saved by
 * the next conversation, or printed to be copied when there is no folder;
 * an example typed in an area left unrated kept all the same.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "converse.h"
#include "db-open.h"
#include "db.h"
#include "fixture.h"
#include "prompts-load.h"
#include "prompts.h"
#include "questionnaire.h"
#include "recover.h"
#include "source.h"
#include "util.h"

struct fx {
	struct prompts	*p;
	char		*dir;
	char		*db_path;
	char		*recover;
};

static const char *EXAMPLE = "I set up a weekly huddle where the ward "
    "team could raise problems with the new handhelds.";

static int
setup(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct fx		*f;

	f = xcalloc(1, sizeof *f);
	if ((f->p = prompts_load("prompts", &probs, 0)) == NULL)
		fatalx("cannot load prompts: %s", probs.n > 0 ? probs.msgs[0] :
		    "?");
	f->dir = xstrdup("/tmp/dhcoach-quest-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		fatal("mkdtemp");
	f->db_path = xasprintf("%s/answers.db", f->dir);
	f->recover = xasprintf("%s/unsaved", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*f = *state;
	char		*cmd;

	cmd = xasprintf("rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fatalx("cannot remove %s", f->dir);
	free(cmd);
	prompts_free(f->p);
	free(f->dir);
	free(f->db_path);
	free(f->recover);
	free(f);
	return 0;
}

/* What a sitting said and returned. */
struct run {
	char	*out;
	int	 rc, rated, unused;
};

/*
 * One questionnaire over lines, the database locked by another
 * connection from line lock_at to line release_at (fixture.h).
 */
static void
sitting(struct fx *f, const char *const *lines, size_t n, int interactive,
    size_t lock_at, size_t release_at, struct run *r, struct err *e)
{
	struct fixture_lock	 lc;
	struct source		 src;
	struct db		*db;
	size_t			 len = 0;
	FILE			*mem;

	if (db_open(f->db_path, DB_WRITE, &db, e) != 0)
		fatalx("db_open: %s", e->msg);
	fixture_lock_init(&src, &lc, f->db_path, lines, n, lock_at,
	    release_at);
	src.interactive = interactive;
	if ((mem = open_memstream(&r->out, &len)) == NULL)
		fatal("open_memstream");
	r->rc = questionnaire_run(f->p, db, &src, mem, 80, f->recover,
	    &r->rated, &r->unused, e);
	fclose(mem);
	fixture_lock_release(&lc);
	source_free(&src);
	db_close(db);
}

/* One number from the database, by a query. */
static int
number(struct fx *f, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 n = -1;

	if (sqlite3_open(f->db_path, &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fatalx("cannot read the test database: %s", sql);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* How many files wait in the recovery folder for this database. */
static size_t
waiting(struct fx *f)
{
	struct recover_item	*v = NULL;
	struct err		 e = { 0 };
	char			*key;
	size_t			 n = 0;

	if ((key = realpath(f->db_path, NULL)) == NULL)
		fatal("realpath");
	if (recover_list(f->recover, key, &v, &n, &e) != 0)
		n = 0;
	err_clear(&e);
	recover_items_free(v, n);
	free(key);
	return n;
}

/* Ten piped ratings: ten stored, in area order. */
static void
test_piped(void **state)
{
	struct fx	*f = *state;
	struct run	 r = { 0 };
	struct err	 e = { 0 };
	const char	*lines[] = { "3", "4", "2", "3", "5", "1", "3", "4",
	    "4", "2" };

	sitting(f, lines, 10, 0, 99, 99, &r, &e);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.rated, 10);
	assert_int_equal(r.unused, 0);
	assert_int_equal(number(f, "select count(*) from ratings"), 10);
	assert_int_equal(number(f, "select sum(rating) from ratings"), 31);
	free(r.out);
}

/*
 * On a terminal, a rating the database refuses is asked again, and the
 * example typed before it is saved with the rating given again.
 */
static void
test_locked_rating(void **state)
{
	struct fx	*f = *state;
	struct run	 r = { 0 };
	struct err	 e = { 0 };
	const char	*lines[] = { EXAMPLE, "4", "4", "/quit" };

	sitting(f, lines, 4, 1, 1, 2, &r, &e);
	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.out, "I couldn't save that rating just now"));
	assert_int_equal(r.rated, 1);
	assert_int_equal(number(f, "select rating from ratings"), 4);
	assert_int_equal(number(f, "select count(*) from answers"), 1);
	free(r.out);
}

/* An example the database refuses waits in a file, and is saved at the end. */
static void
test_locked_example(void **state)
{
	struct fx	*f = *state;
	struct run	 r = { 0 };
	struct err	 e = { 0 };
	const char	*lines[] = { "4", EXAMPLE, "/quit" };

	sitting(f, lines, 3, 1, 1, 2, &r, &e);
	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.out, "It is kept safe in"));
	assert_int_equal(number(f, "select count(*) from answers"), 1);
	assert_int_equal(waiting(f), 0);
	free(r.out);
}

/* Still refused at the end: left in the folder, and the status says so. */
static void
test_example_unsaved(void **state)
{
	struct fx	*f = *state;
	struct run	 r = { 0 };
	struct err	 e = { 0 };
	const char	*lines[] = { "4", EXAMPLE };

	sitting(f, lines, 2, 1, 1, 99, &r, &e);
	assert_int_equal(r.rc, -1);
	assert_int_equal(e.status, ERR_UNSAVED);
	assert_non_null(strstr(e.msg, "1 example could not be saved"));
	assert_int_equal(waiting(f), 1);
	assert_int_equal(number(f, "select count(*) from answers"), 0);
	err_clear(&e);
	free(r.out);
}

/*
 * With nowhere to keep it (no recovery folder) and the database still
 * refusing at the end, the example is printed to be copied, and the
 * status says so.
 */
static void
test_example_nowhere(void **state)
{
	struct fx	*f = *state;
	struct run	 r = { 0 };
	struct err	 e = { 0 };
	const char	*lines[] = { "4", EXAMPLE };

	free(f->recover);
	f->recover = NULL;
	sitting(f, lines, 2, 1, 1, 99, &r, &e);
	assert_int_equal(r.rc, -1);
	assert_int_equal(e.status, ERR_UNSAVED);
	assert_non_null(strstr(e.msg, "or kept in a file: it is printed "
	    "above"));
	assert_non_null(strstr(r.out, "please copy them somewhere safe"));
	assert_non_null(strstr(r.out, "\n[strategic-vision]\n"));
	assert_non_null(strstr(r.out, EXAMPLE));
	err_clear(&e);
	free(r.out);
}

/* What a questionnaire left in the folder, the next conversation saves. */
static void
test_unsaved_restored(void **state)
{
	struct fx		*f = *state;
	struct run		 r = { 0 };
	struct err		 e = { 0 };
	struct converse_options	 opt;
	struct converse_outcome	 res;
	struct source		 src;
	struct source_lines	 sl;
	struct db		*db;
	const char		*lines[] = { "4", EXAMPLE };
	const char		*quit[] = { "/quit" };
	char			*out = NULL;
	size_t			 len = 0;
	FILE			*mem;

	sitting(f, lines, 2, 1, 1, 99, &r, &e);
	assert_int_equal(r.rc, -1);
	err_clear(&e);
	free(r.out);
	assert_int_equal(waiting(f), 1);
	if (db_open(f->db_path, DB_WRITE, &db, &e) != 0)
		fatalx("db_open: %s", e.msg);
	source_lines_init(&src, &sl, quit, 1);
	memset(&opt, 0, sizeof opt);
	opt.start = -1;
	opt.db_path = f->db_path;
	opt.recover_dir = f->recover;
	opt.width = 80;
	if ((mem = open_memstream(&out, &len)) == NULL)
		fatal("open_memstream");
	assert_int_equal(converse_run(f->p, db, &src, mem, &opt, &res, &e), 0);
	fclose(mem);
	source_free(&src);
	db_close(db);
	assert_non_null(strstr(out, "from an earlier sitting could not be "
	    "saved then"));
	assert_int_equal(waiting(f), 0);
	assert_int_equal(number(f, "select count(*) from answers where prompt "
	    "like 'An example for the self-report%'"), 1);
	free(out);
}

/* An example typed instead of a rating, then /skip: kept all the same. */
static void
test_example_then_skip(void **state)
{
	struct fx	*f = *state;
	struct run	 r = { 0 };
	struct err	 e = { 0 };
	const char	*lines[] = { EXAMPLE, "/skip", "3", "", "/quit" };

	sitting(f, lines, 5, 1, 99, 99, &r, &e);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.rated, 1);
	assert_int_equal(number(f, "select count(*) from answers"), 1);
	/* In the area it was typed in, not the one rated next. */
	assert_int_equal(number(f, "select count(*) from answers where area "
	    "= 'strategic-vision'"), 1);
	free(r.out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_piped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locked_rating, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_locked_example, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_example_unsaved, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_example_then_skip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unsaved_restored, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_example_nowhere, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_converse.c: the conversation over scripted lines, with the real
 * prompt files and a database in a temporary folder.
 *
 * Each test runs one or more sittings through converse_run with a list
 * of lines (source_lines, not interactive unless a test says so) and
 * checks what was said and what the database holds afterwards: that a
 * second sitting carries on from the first, that a save refused by a
 * lock loses nothing and consumes no input, that /covered is recorded
 * and taken back, that text typed at the rating prompt is kept as the
 * answer, and that unusable piped lines are counted.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "converse.h"
#include "db-open.h"
#include "db.h"
#include "fixture.h"
#include "framework.h"
#include "prompts-load.h"
#include "prompts.h"
#include "recover.h"
#include "source.h"
#include "store-history.h"
#include "util.h"

struct fx {
	struct prompts	*p;
	char		*dir;
	char		*db_path;
	char		*recover;
};

static int
setup(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct fx		*f;

	f = xcalloc(1, sizeof *f);
	f->p = prompts_load("prompts", &probs, 0);
	if (f->p == NULL)
		fatalx("cannot load prompts: %s", probs.n > 0 ? probs.msgs[0] :
		    "?");
	f->dir = xstrdup("/tmp/dhcoach-conv-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		fatal("mkdtemp");
	f->db_path = xasprintf("%s/answers.db", f->dir);
	f->recover = xasprintf("%s/unsaved", f->dir);
	setenv("DHCOACH_TODAY", "2026-12-03", 1);
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

/* One sitting over lines: its output (a new string) and status. */
static char *
sitting(struct fx *f, const char *const *lines, size_t n, int start,
    int interactive, struct converse_outcome *res, int *rc, struct err *e)
{
	struct converse_options	 opt;
	struct source		 src;
	struct source_lines	 sl;
	struct db		*db;
	char			*out = NULL;
	size_t			 len = 0;
	FILE			*mem;

	if (db_open(f->db_path, DB_WRITE, &db, e) != 0)
		fatalx("db_open: %s", e->msg);
	source_lines_init(&src, &sl, lines, n);
	src.interactive = interactive;
	memset(&opt, 0, sizeof opt);
	opt.start = start;
	opt.db_path = f->db_path;
	opt.recover_dir = f->recover;
	opt.width = 80;
	if ((mem = open_memstream(&out, &len)) == NULL)
		fatal("open_memstream");
	*rc = converse_run(f->p, db, &src, mem, &opt, res, e);
	fclose(mem);
	source_free(&src);
	db_close(db);
	return out;
}

/* Count the answers kept, through history. */
static int
count_row(void *ctx, const struct store_answer *a, struct err *e)
{
	(void)a;
	(void)e;
	(*(int *)ctx)++;
	return 0;
}

static int
answers(struct fx *f)
{
	struct store_history_query	 q;
	struct db			*db;
	struct err			 e = { 0 };
	int				 n = 0;

	memset(&q, 0, sizeof q);
	q.area = -1;
	if (db_open(f->db_path, DB_READ, &db, &e) != 0 || db == NULL)
		return -1;
	if (store_history(db, &q, count_row, &n, &e) != 0)
		n = -1;
	db_close(db);
	return n;
}

static const char *ANSWER_SV = "In 2024 I pulled together our incident "
    "reports and the outpatient DNA figures, saw that most delays came from "
    "paper referrals, and wrote a short vision of a paperless referral that "
    "the board adopted as one of its four digital priorities.";

/* A second sitting carries on where the first stopped, asking nothing twice. */
static void
test_two_sittings(void **state)
{
	struct fx		*f = *state;
	struct converse_outcome	 res;
	struct err		 e = { 0 };
	const char		*one[] = { "4", ANSWER_SV, "/areas", "/quit" };
	const char		*two[] = { "/areas", "/summary", "/quit" };
	char			*out1, *out2, *shown1, *shown2, *end;
	int			 rc;

	out1 = sitting(f, one, 4, -1, 0, &res, &rc, &e);
	assert_int_equal(rc, 0);
	shown1 = strstr(out1, "Strategic vision (strategic-vision):");
	assert_non_null(shown1);
	out2 = sitting(f, two, 3, -1, 0, &res, &rc, &e);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out2, "Welcome back"));
	assert_non_null(strstr(out2, "Last time, on 3 December: rated 4"));
	/* /areas says the same of strategic vision as it did before. */
	shown2 = strstr(out2, "Strategic vision (strategic-vision):");
	assert_non_null(shown2);
	end = strchr(shown1, '\n');
	assert_non_null(end);
	assert_memory_equal(shown1 + strlen("Strategic vision "
	    "(strategic-vision): here now"), shown2 +
	    strlen("Strategic vision (strategic-vision): here now"),
	    (size_t)(end - shown1) - strlen("Strategic vision "
	    "(strategic-vision): here now"));
	/* The main question answered before is not asked again. */
	assert_null(strstr(out2, f->p->areas[0].prompts[0]));
	assert_int_equal(answers(f), 1);
	free(out1);
	free(out2);
}

/*
 * Another program holds the database: the answers given meanwhile go to
 * the recovery folder, no line is taken as "try again", and all are in
 * the database once the lock is gone.
 */
static void
test_locked_save_loses_nothing(void **state)
{
	struct fx		*f = *state;
	struct converse_options	 opt;
	struct converse_outcome	 res;
	struct fixture_lock	 lc;
	struct source		 src;
	struct err		 e = { 0 };
	struct db		*db;
	const char		*lines[] = { "4", ANSWER_SV,
	    "I then held weekly drop-ins with ward managers.",
	    "The board approved funding in March.",
	    "Paper referrals fell from 60% to 18% in a year.", "/quit" };
	char			*out = NULL;
	size_t			 len = 0;
	FILE			*mem;
	int			 rc;

	if (db_open(f->db_path, DB_WRITE, &db, &e) != 0)
		fatalx("%s", e.msg);
	fixture_lock_init(&src, &lc, f->db_path, lines, 6, 1, 3);
	memset(&opt, 0, sizeof opt);
	opt.start = 0;
	opt.db_path = f->db_path;
	opt.recover_dir = f->recover;
	opt.width = 80;
	mem = open_memstream(&out, &len);
	rc = converse_run(f->p, db, &src, mem, &opt, &res, &e);
	fclose(mem);
	fixture_lock_release(&lc);
	db_close(db);
	source_free(&src);
	assert_int_equal(rc, 0);
	assert_int_equal(res.unsaved, 0);
	assert_non_null(strstr(out, "kept safe in"));
	assert_int_equal(answers(f), 4);
	free(out);
}

/* /covered records a claim on the last answer, lists it, and takes it back. */
static void
test_covered(void **state)
{
	struct fx		*f = *state;
	struct converse_outcome	 res;
	struct err		 e = { 0 };
	const char		*lines[] = { "3", "The super-user group for the "
	    "new handhelds met every fortnight.", "/covered", "/covered "
	    "td.develop-leaders", "/gaps", "/covered undo", "/gaps", "/quit" };
	char			*out;
	int			 rc;

	out = sitting(f, lines, 8, 6, 0, &res, &rc, &e);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "Noted: you say your last answer covers"));
	assert_non_null(strstr(out, "you say you covered it; the coach did not "
	    "find it."));
	assert_non_null(strstr(out, "is open again."));
	free(out);
}

/* A sentence typed at the rating prompt is the answer; the rating is asked after. */
static void
test_answer_at_rating(void **state)
{
	struct fx		*f = *state;
	struct converse_outcome	 res;
	struct err		 e = { 0 };
	const char		*lines[] = { ANSWER_SV, "4", "/quit" };
	char			*out;
	int			 rc;

	out = sitting(f, lines, 3, 0, 0, &res, &rc, &e);
	assert_int_equal(rc, 0);
	assert_null(strstr(out, "Please type a number"));
	assert_non_null(strstr(out, "Before we go on: how would you rate"));
	assert_int_equal(answers(f), 1);
	free(out);
}

/* From a pipe, a line that cannot be used is counted, and the status says so. */
static void
test_unused_lines(void **state)
{
	struct fx		*f = *state;
	struct converse_outcome	 res;
	struct err		 e = { 0 };
	const char		*lines[] = { "/gotoo 3", "/quit" };
	char			*out;
	int			 rc;

	out = sitting(f, lines, 2, 0, 0, &res, &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.status, ERR_LINES);
	assert_non_null(strstr(out, "Did you mean /goto?"));
	assert_int_equal(res.unused_lines, 1);
	err_clear(&e);
	free(out);
}

/*
 * From a pipe, an answer where a rating is asked after an answer (the
 * area's rating was deferred) leaves the rating for later and is kept
 * as the next answer: no line is dropped.
 */
static void
test_answer_at_later_rating(void **state)
{
	struct fx		*f = *state;
	struct converse_outcome	 res;
	struct err		 e = { 0 };
	char			*lines[7];
	char			*out;
	int			 rc, i;

	lines[0] = xstrdup("3");
	for (i = 1; i < 7; i++)
		lines[i] = xasprintf("On ward %d I listened to the staff and "
		    "changed the rota because of what they told me.", i);
	out = sitting(f, (const char *const *)lines, 7, 0, 0, &res, &rc, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(res.unused_lines, 0);
	assert_int_equal(answers(f), 6);
	for (i = 0; i < 7; i++)
		free(lines[i]);
	free(out);
}

/*
 * From a pipe, input that goes on after the last area is not dropped
 * in silence: the status says so and names the first line left, and
 * every line before it was kept.
 */
static void
test_input_after_end(void **state)
{
	struct fx		*f = *state;
	struct converse_outcome	 res;
	struct err		 e = { 0 };
	char			*lines[80];
	const char		*from;
	char			*out;
	int			 rc, i;

	for (i = 0; i < 80; i++)
		lines[i] = xasprintf("Answer %d: I led the team and we changed "
		    "the process on ward %d.", i + 1, i + 1);
	out = sitting(f, (const char *const *)lines, 80, 0, 0, &res, &rc,
	    &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.status, ERR_LINES);
	assert_non_null(strstr(out, "You have now looked at all ten areas."));
	assert_non_null(from = strstr(e.msg, "went on after the conversation "
	    "ended: lines from "));
	from += strlen("went on after the conversation ended: lines from ");
	assert_true(atoi(from) > 20);
	assert_int_equal(answers(f), atoi(from) - 1);
	err_clear(&e);
	for (i = 0; i < 80; i++)
		free(lines[i]);
	free(out);
}

/* /goto 10 then /next with nothing answered: the unfinished areas come next. */
static void
test_no_dead_end(void **state)
{
	struct fx		*f = *state;
	struct converse_outcome	 res;
	struct err		 e = { 0 };
	const char		*lines[] = { "/goto 10", "/next", "/quit" };
	char			*out;
	int			 rc;

	out = sitting(f, lines, 3, -1, 0, &res, &rc, &e);
	assert_int_equal(rc, 0);
	assert_null(strstr(out, f->p->plan.offer));
	assert_non_null(strstr(out, "still to finish"));
	assert_non_null(strstr(out, "[1/10] Competency-based"));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_sittings, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_locked_save_loses_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_covered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_at_rating, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unused_lines, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_dead_end, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_answer_at_later_rating,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_input_after_end, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("converse", tests, NULL, NULL);
}

/*
 * test_converse.c: the conversation's flow with the line source injected:
 * no terminal, a store in memory, the fixture's prompts.
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
#include "fixture.h"
#include "plan.h"
#include "prompts.h"
#include "store.h"
#include "util.h"

struct fx {
	void		(*hook)(struct fx *, size_t);	/* before line n */
	sqlite3		*other;	/* another process's connection */
	char		*dir;
	struct prompts	*p;
	struct store	*s;
	const char	**lines;	/* the script, NULL-terminated */
	size_t		 next;
	char		*out;
	size_t		 outlen;
};

static char *
script_read(struct converse_source *src, const char *prompt)
{
	struct fx	*fx = src->ctx;

	(void)prompt;
	if (fx->hook != NULL)
		fx->hook(fx, fx->next);
	if (fx->lines[fx->next] == NULL)
		return NULL;
	return xstrdup(fx->lines[fx->next++]);
}

static char *
script_edit(struct converse_source *src, char **cause)
{
	(void)src;
	*cause = xstrdup("no editor in tests");
	return NULL;
}

static int
setup(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct fx		*fx;
	char			*cause = NULL;

	fx = xcalloc(1, sizeof *fx);
	fx->dir = fixture_dir();
	fx->p = prompts_load(fx->dir, &probs, 0);
	assert_non_null(fx->p);
	assert_int_equal(store_open(":memory:", &fx->s, &cause), STORE_OK);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	store_close(fx->s);
	prompts_free(fx->p);
	fixture_rm(fx->dir);
	free(fx->out);
	free(fx);
	return 0;
}

/* Run a conversation over the script from start; returns its result. */
static int
run(struct fx *fx, int start, const char **lines)
{
	struct converse_source	 src = { script_read, script_edit, fx };
	struct converse		 c;
	FILE			*out;
	char			*cause = NULL;
	int			 rc;

	fx->lines = lines;
	fx->next = 0;
	free(fx->out);
	fx->out = NULL;
	out = open_memstream(&fx->out, &fx->outlen);
	converse_init(&c, fx->p, fx->s, "test.db", &src, out, 80, 0);
	rc = converse_run(&c, start, &cause);
	if (rc != 0)
		print_error("converse_run: %s\n", cause);
	free(cause);
	converse_free(&c);
	fclose(out);
	return rc;
}

/* Keep the output where a person can read it after a failure. */
static void
dump(const struct fx *fx)
{
	FILE	*f;

	if ((f = fopen("tests/out/test_converse.out", "w")) != NULL) {
		fputs(fx->out, f);
		fclose(f);
	}
}

/* The text must appear in the output. */
#define assert_said(fx, text) do {					\
	if (strstr((fx)->out, (text)) == NULL) {			\
		dump(fx);						\
		fail_msg("not said: \"%s\" (the output is in "		\
		    "tests/out/test_converse.out)", (text));		\
	}								\
} while (0)

/* One area: rating, answer, reply, probe, answer, summing-up. */
static void
test_one_area(void **state)
{
	struct fx		*fx = *state;
	struct store_answers	 h = { 0 };
	char			*cause = NULL;
	const char		*lines[] = { "3", "I did svbigpicture here.",
	    "And svanalysis too.", NULL };

	assert_int_equal(run(fx, 0, lines), 0);
	assert_said(fx, "[1/10] Competency-based: Area strategic-vision\n"
	    "About strategic-vision.\n");
	assert_said(fx, "How would you rate yourself here?\n  1 one\n");
	assert_said(fx, "\nOne?\n");
	assert_said(fx, "That shows title of sv.big-picture (\"I did "
	    "svbigpicture here\").");
	assert_said(fx, "Still missing: Say more about sv.analysis.\n\n"
	    "What about sv.analysis?\n");
	assert_said(fx, "Still missing: Say more about sv.vision.");
	assert_said(fx, "Your summary\n 1 Area strategic-vision");
	assert_said(fx, "rated 3  [#####-----] 2 of 4");

	/* Both answers were kept, with what they showed. */
	assert_int_equal(store_history(fx->s, NULL, NULL, &h, &cause), 0);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.v[0].kind, "prompt");
	assert_string_equal(h.v[0].prompt, "One?");
	assert_string_equal(h.v[1].kind, "probe");
	assert_string_equal(h.v[1].prompt, "What about sv.analysis?");
	assert_int_equal(h.v[1].nindicators, 1);
	assert_string_equal(h.v[1].indicators[0], "sv.analysis");
	store_answers_free(&h);
}

/* Two probes, then the area is summed up and the next one begins. */
static void
test_probes_then_next(void **state)
{
	struct fx	*fx = *state;
	const char	*lines[] = { "5", "nothing", "still nothing",
	    "nothing again", NULL };

	assert_int_equal(run(fx, 0, lines), 0);
	assert_said(fx, "I couldn't find clear evidence");
	assert_said(fx, "That doesn't add new evidence yet");
	assert_said(fx, "Area strategic-vision: 0 of 4 shown. You rated "
	    "yourself 5 here, but your answers");
	assert_said(fx, "[2/10] Competency-based");
}

/* Bad input never loses state: unknown commands, bad ratings, /skip. */
static void
test_bad_input(void **state)
{
	struct fx		*fx = *state;
	struct store_answers	 h = { 0 };
	char			*cause = NULL;
	const char		*lines[] = { "seven", "/frob", "/skip",
	    "/rate", "/goto nowhere", "/skip", "   ", "I did svvision.",
	    NULL };

	assert_int_equal(run(fx, 0, lines), 0);
	assert_said(fx, "Please type a number from 1 to 5, or /skip");
	assert_said(fx, "There is no /frob command: /help lists them. Nothing "
	    "you typed before is lost.");
	assert_said(fx, "Give a rating from 1 to 5, e.g. /rate 3.");
	assert_said(fx, "Which area? Give its id or number");
	assert_said(fx, "There is no rating to skip here");
	assert_said(fx, "title of sv.vision");
	assert_int_equal(store_history(fx->s, NULL, NULL, &h, &cause), 0);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].answer, "I did svvision.");
	store_answers_free(&h);
}

/* /goto, /back, /rate, /areas, /gaps, /help and /quit. */
static void
test_commands(void **state)
{
	struct fx	*fx = *state;
	const char	*lines[] = { "/goto 9", "/back", "/rate 2", "/areas",
	    "/gaps", "/help", "/quit", NULL };

	assert_int_equal(run(fx, 0, lines), 0);
	assert_said(fx, "[9/10] Person-centred: Area integrity");
	assert_said(fx, "[8/10] Person-centred: Area growth-mindset");
	assert_said(fx, "Your rating for Area growth-mindset is now 2.");
	assert_said(fx, "> 8 growth-mindset             here now");
	assert_said(fx, "- Title of gm.curiosity: Say more about gm.curiosity.");
	assert_said(fx, "/goto AREA");
	assert_said(fx, " 9 Area integrity                    unrated  "
	    "[----------] 0 of 3");
	assert_said(fx, "10 Area insightfulness               not started");
}

/* A returning candidate is offered to carry on where they left off. */
static void
test_resume(void **state)
{
	struct fx	*fx = *state;
	const char	*first[] = { "/goto 4", "2", NULL };
	const char	*second[] = { "y", NULL };
	const char	*third[] = { "n", NULL };
	char		*path, *cause = NULL;

	/* A database file, opened afresh for each session as in real use. */
	path = xasprintf("%s/resume.db", fx->dir);
	store_close(fx->s);
	assert_int_equal(store_open(path, &fx->s, &cause), STORE_OK);
	assert_int_equal(run(fx, 0, first), 0);
	store_close(fx->s);
	assert_int_equal(store_open(path, &fx->s, &cause), STORE_OK);
	assert_int_equal(run(fx, -1, second), 0);
	assert_said(fx, "Last time you got as far as [4/10] Area "
	    "outcomes-orientated. Carry on from there? (Y/n)");
	assert_said(fx, "[4/10] Competency-based");
	store_close(fx->s);
	assert_int_equal(store_open(path, &fx->s, &cause), STORE_OK);
	assert_int_equal(run(fx, -1, third), 0);
	assert_said(fx, "[1/10] Competency-based");
	free(path);
}

/* A later session asks a main prompt not answered before. */
static void
test_new_prompt(void **state)
{
	struct fx	*fx = *state;
	const char	*first[] = { "1", "an answer", NULL };
	const char	*second[] = { "1", NULL };

	assert_int_equal(run(fx, 0, first), 0);
	assert_said(fx, "\nOne?\n");
	assert_int_equal(run(fx, 0, second), 0);
	assert_said(fx, "\nTwo?\n");
}

/* /plan: the guided questions, each action kept once confirmed; /plan list. */
static void
test_plan(void **state)
{
	struct fx		*fx = *state;
	struct store_plan_filter f = { 0 };
	struct plan_list	 l;
	char			*cause = NULL;
	const char		*lines[] = { "/plan list", "/plan", "do better",
	    "Run a huddle on ward 7", "Five nurses come", "31/02/2027",
	    "2027-03-31", "", "", "y", "n", "/plan list", "/plan sideways",
	    "3", "/quit", NULL };

	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	assert_int_equal(run(fx, 0, lines), 0);
	assert_said(fx, "Your plan is empty: /plan starts it.\n");
	assert_said(fx, "\nPlan intro.\n\nWhat will you do?\n");
	assert_said(fx, "Make it specific.\n");
	assert_said(fx, "There is no 31 February 2027");
	/* The default area: the only one visited this session. */
	assert_said(fx, "Press Enter for strategic-vision (Area "
	    "strategic-vision)");
	assert_said(fx, "Saved as action 1.");
	assert_said(fx, "Back to where we were: carry on with the question "
	    "above");
	assert_said(fx, "  1  open    2027-03-31          strategic-vision\n"
	    "       Run a huddle on ward 7\n");
	assert_said(fx, "/plan adds to your action plan; /plan list shows it.");
	assert_said(fx, "\nOne?\n");

	/* Committed: the store has it. */
	assert_int_equal(store_plan_list(fx->s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].action, "Run a huddle on ward 7");
	assert_string_equal(l.v[0].measure, "Five nurses come");
	plan_list_free(&l);
	unsetenv("DHCOACH_TODAY");
}

/* After Insightfulness is summed up, the coach offers to build the plan. */
static void
test_plan_offer(void **state)
{
	struct fx		*fx = *state;
	struct store_plan_filter f = { 0 };
	struct plan_list	 l;
	char			*cause = NULL;
	const char		*yes[] = { "4", "I did isselfappraisal "
	    "isadaptation isstyleimpact isactionplan.", "maybe", "y",
	    "Ask two peers for feedback", "", "in 3 months", "", "", "",
	    "", NULL };
	const char		*no[] = { "4", "nothing", "nothing", "nothing",
	    "n", NULL };
	const char		*quit[] = { "4", "nothing", "nothing",
	    "nothing", "/quit", NULL };

	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	assert_int_equal(run(fx, 9, yes), 0);
	assert_said(fx, "Area insightfulness: 4 of 4 shown.");
	assert_said(fx, "Shall we plan?\n(y/n)\nPlease answer y or n.\n");
	assert_said(fx, "Press Enter for insightfulness");
	assert_said(fx, "Saved as action 1.");
	assert_said(fx, "Your summary");
	assert_int_equal(store_plan_list(fx->s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].due, "2027-02-26");
	assert_string_equal(l.v[0].area, "insightfulness");
	plan_list_free(&l);

	assert_int_equal(run(fx, 9, no), 0);
	assert_said(fx, "That's fine: /plan, or 'dhcoach plan add', starts it");
	assert_said(fx, "Your summary");
	assert_int_equal(run(fx, 9, quit), 0);
	assert_said(fx, "Your summary");
	unsetenv("DHCOACH_TODAY");
}

/* Another connection takes the write lock before line 1, frees it at 2. */
static void
lock_hook(struct fx *fx, size_t n)
{
	if (n == 1)
		assert_int_equal(sqlite3_exec(fx->other, "BEGIN EXCLUSIVE",
		    NULL, NULL, NULL), SQLITE_OK);
	if (n == 2)
		assert_int_equal(sqlite3_exec(fx->other, "COMMIT", NULL, NULL,
		    NULL), SQLITE_OK);
}

/* An answer that cannot be saved is kept and saved on a retry. */
static void
test_locked_retry(void **state)
{
	struct fx		*fx = *state;
	struct store_answers	 h = { 0 };
	char			*path, *cause = NULL;
	const char		*lines[] = { "3", "I did svvision.", "", NULL };

	path = xasprintf("%s/locked.db", fx->dir);
	store_close(fx->s);
	assert_int_equal(store_open(path, &fx->s, &cause), STORE_OK);
	assert_int_equal(sqlite3_open(path, &fx->other), SQLITE_OK);
	fx->hook = lock_hook;
	assert_int_equal(run(fx, 0, lines), 0);
	assert_said(fx, "I couldn't save that answer: ");
	assert_said(fx, "Press Enter to try again");
	assert_said(fx, "title of sv.vision");
	assert_int_equal(store_history(fx->s, NULL, NULL, &h, &cause), 0);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].answer, "I did svvision.");
	store_answers_free(&h);
	sqlite3_close(fx->other);
	free(path);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_one_area),
		T(test_probes_then_next),
		T(test_bad_input),
		T(test_commands),
		T(test_resume),
		T(test_new_prompt),
		T(test_locked_retry),
		T(test_plan),
		T(test_plan_offer),
	};
#undef T

	return cmocka_run_group_tests_name("converse", tests, NULL, NULL);
}

/*
 * test_analyse.c: analysing a text: every indicator judged within
 * sentences, whole sentences quoted in the candidate's own words, the
 * gist, warnings, and JIT taken only for long texts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "fixture.h"
#include "framework.h"
#include "prompts-load.h"
#include "prompts.h"
#include "util.h"

struct fx {
	char		*dir;
	struct prompts	*p;
};

/* Load the fixture, after adding extra to strategic-vision.prompts
 * (whose last section is sv.influence's). */
static struct fx *
fx_load(const char *extra)
{
	struct prompts_problems	 probs = { 0 };
	struct fx		*fx;

	fx = xcalloc(1, sizeof *fx);
	fx->dir = fixture_dir();
	fixture_append(fx->dir, "strategic-vision.prompts", extra);
	fx->p = prompts_load(fx->dir, &probs, 0);
	assert_non_null(fx->p);
	return fx;
}

static int
setup(void **state)
{
	*state = fx_load("pattern = \\bzz\\W+yy\\b\n");
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	prompts_free(fx->p);
	fixture_rm(fx->dir);
	free(fx);
	return 0;
}

static const char text[] =
    "Last year I did svbigpicture with the board.\n"
    "I did not svvision, sadly.  We ran evexample and evmeasure.";

/* Each indicator is judged; a negated one is a gap; counts add up. */
static void
test_run(void **state)
{
	struct fx	*fx = *state;
	struct analysis	 a;
	char		*q;
	int		 total, big, vision, ex;

	analyse_run(fx->p, text, strlen(text), &a);
	big = framework_indicator_find("sv.big-picture");
	vision = framework_indicator_find("sv.vision");
	ex = framework_indicator_find("ev.example");
	assert_int_equal(a.sents.n, 3);
	assert_true(analyse_shown(&a, big));
	assert_false(analyse_shown(&a, vision));
	assert_int_equal(a.items[vision].status, MATCH_GUARDED);
	assert_int_equal(a.items[big].sentence, 0);
	assert_int_equal(a.items[ex].sentence, 2);
	assert_int_equal(analyse_count(&a, 0, &total), 1);
	assert_int_equal(total, 4);
	assert_int_equal(analyse_count(&a, FRAMEWORK_EVIDENCE, &total), 2);
	assert_int_equal(total, 5);

	/* The whole sentence that showed it; nothing for a gap. */
	q = analyse_quote(&a, big);
	assert_string_equal(q, "Last year I did svbigpicture with the board.");
	free(q);
	q = analyse_quote(&a, ex);
	assert_string_equal(q, "We ran evexample and evmeasure.");
	free(q);
	q = analyse_quote(&a, vision);
	assert_string_equal(q, "");
	free(q);
	assert_int_equal(a.nwarnings, 0);
	analyse_free(&a);
}

/* Quotes are the candidate's bytes: curly quotes, dashes, contractions. */
static void
test_quote_original(void **state)
{
	struct fx	*fx = *state;
	struct analysis	 a;
	const char	 t[] = "We didn’t stop.  Then “I did evexample” — "
	    "honestly,\n  it’s true!";
	char		*q;

	analyse_run(fx->p, t, strlen(t), &a);
	q = analyse_quote(&a, framework_indicator_find("ev.example"));
	assert_string_equal(q, "Then “I did evexample” — honestly, it’s "
	    "true!");
	free(q);
	analyse_free(&a);
}

/* A match counts only within one sentence. */
static void
test_within_sentence(void **state)
{
	struct fx	*fx = *state;
	struct analysis	 a;
	int		 inf = framework_indicator_find("sv.influence");
	char		*q;

	analyse_run(fx->p, "It was zz. Yy came after.", 25, &a);
	assert_int_equal(a.items[inf].status, MATCH_NONE);
	analyse_free(&a);
	analyse_run(fx->p, "It was zz. Yy came. Then zz, yy.", 32, &a);
	assert_true(analyse_shown(&a, inf));
	assert_int_equal(a.items[inf].sentence, 2);
	q = analyse_quote(&a, inf);
	assert_string_equal(q, "Then zz, yy.");
	free(q);
	analyse_free(&a);
}

/* The gist: the longest of the first three sentences. */
static void
test_gist(void **state)
{
	struct fx	*fx = *state;
	struct analysis	 a;
	const char	 t[] = "Short one. This one is the longest of the "
	    "first three. Mid one here. A far longer fourth sentence never "
	    "counts, however long it goes on.";
	char		*g;

	analyse_run(fx->p, t, strlen(t), &a);
	g = analyse_gist(&a);
	assert_string_equal(g, "This one is the longest of the first three.");
	free(g);
	analyse_free(&a);
	analyse_run(fx->p, " \n ", 3, &a);
	g = analyse_gist(&a);
	assert_string_equal(g, "");
	free(g);
	analyse_free(&a);
}

/* Patterns are JIT-compiled only for a text of ANALYSE_JIT_MIN bytes. */
static void
test_jit(void **state)
{
	struct fx	*fx = *state;
	struct analysis	 a;
	char		*t;

	t = xmalloc(ANALYSE_JIT_MIN + 1);
	memset(t, 'x', ANALYSE_JIT_MIN);
	t[ANALYSE_JIT_MIN] = '\0';
	analyse_run(fx->p, t, ANALYSE_JIT_MIN - 1, &a);
	analyse_free(&a);
	assert_int_equal(fx->p->jit, 0);
	memcpy(t, "I did svvision. ", 16);
	analyse_run(fx->p, t, ANALYSE_JIT_MIN, &a);
	assert_int_equal(fx->p->jit, 1);
	assert_true(analyse_shown(&a, framework_indicator_find("sv.vision")));
	analyse_free(&a);
	free(t);
}

/* A pattern that hits its limit is a warning naming it, and a gap. */
static void
test_warning(void **state)
{
	struct fx	*fx;
	struct analysis	 a;
	char		 t[200];

	(void)state;
	fx = fx_load("pattern = (a|aa)+$\n");
	memset(t, 'a', sizeof t - 2);
	t[sizeof t - 2] = '!';
	t[sizeof t - 1] = '\0';
	match_set_limits(5000, 0);
	analyse_run(fx->p, t, strlen(t), &a);
	match_set_limits(0, 0);
	assert_int_equal(a.nwarnings, 1);
	assert_non_null(strstr(a.warnings[0], "/strategic-vision.prompts:46: "
	    "pattern too expensive"));
	assert_int_equal(a.items[framework_indicator_find("sv.influence")].
	    status, MATCH_NONE);
	analyse_free(&a);
	teardown((void **)&fx);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_run),
		T(test_quote_original),
		T(test_within_sentence),
		T(test_gist),
		T(test_jit),
		cmocka_unit_test(test_warning),
	};
#undef T

	return cmocka_run_group_tests_name("analyse", tests, NULL, NULL);
}

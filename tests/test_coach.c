/*
 * test_coach.c: the coach's replies: evidence accumulates across answers,
 * quotes the candidate, names one gap, probes, sums up and calibrates.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "coach.h"
#include "fixture.h"
#include "framework.h"
#include "prompts.h"
#include "util.h"

struct fx {
	char			*dir;
	struct prompts		*p;
	struct coach_area	 c;
};

/* Area 3 is outcomes-orientated: oo.user-centred, oo.outcomes, ... */
#define AREA 3

static int
setup(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct fx		*fx;

	fx = xcalloc(1, sizeof *fx);
	fx->dir = fixture_dir();
	fx->p = prompts_load(fx->dir, &probs, 0);
	assert_non_null(fx->p);
	coach_area_init(&fx->c, fx->p, AREA);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	coach_area_clear(&fx->c);
	prompts_free(fx->p);
	fixture_rm(fx->dir);
	free(fx);
	return 0;
}

/* Absorb an answer; returns the fresh count, filling fresh[]. */
static int
absorb(struct fx *fx, const char *text, int fresh[FRAMEWORK_NINDICATORS])
{
	struct analysis	a;
	int		n;

	analyse_run(fx->p, text, strlen(text), &a);
	n = coach_absorb(&fx->c, &a, fresh);
	analyse_free(&a);
	return n;
}

/* Evidence accumulates; other areas' indicators are not counted here. */
static void
test_absorb(void **state)
{
	struct fx	*fx = *state;
	int		 fresh[FRAMEWORK_NINDICATORS], total;

	assert_int_equal(absorb(fx, "I did oousercentred and svvision.",
	    fresh), 1);
	assert_true(fresh[framework_indicator_find("oo.user-centred")]);
	assert_false(fresh[framework_indicator_find("sv.vision")]);
	assert_int_equal(absorb(fx, "Again oousercentred, then oooutcomes "
	    "and evmeasure.", fresh), 2);
	assert_false(fresh[framework_indicator_find("oo.user-centred")]);
	assert_int_equal(coach_shown(&fx->c, &total), 2);
	assert_int_equal(total, 4);
	assert_int_equal(fx->c.nanswers, 2);
}

/* The reply quotes the words, names the first open gap, asks its probe. */
static void
test_reply_and_probe(void **state)
{
	struct fx	*fx = *state;
	struct buf	 b = { 0 };
	int		 fresh[FRAMEWORK_NINDICATORS], gap;
	const char	*probe;

	absorb(fx, "Last spring I did oousercentred with the panel.", fresh);
	gap = coach_reply(&b, &fx->c, fresh, 1);
	assert_int_equal(gap, framework_indicator_find("oo.outcomes"));
	assert_non_null(strstr(b.data, "That shows title of oo.user-centred "
	    "(\"spring I did oousercentred with the panel\")."));
	assert_non_null(strstr(b.data, "Still missing: Say more about "
	    "oo.outcomes."));
	buf_free(&b);
	probe = coach_probe(&fx->c, gap);
	assert_string_equal(probe, "What about oo.outcomes?");
	assert_int_equal(fx->c.nprobes, 1);

	/* A probed gap gives way to the next unprobed one. */
	absorb(fx, "nothing new", fresh);
	gap = coach_reply(&b, &fx->c, fresh, 1);
	assert_int_equal(gap, framework_indicator_find("oo.evidence"));
	assert_non_null(strstr(b.data, "doesn't add new evidence"));
	buf_free(&b);
	coach_probe(&fx->c, gap);
	assert_true(coach_done(&fx->c));
}

/* With every area indicator shown, evidence quality gaps come next. */
static void
test_gap_order(void **state)
{
	struct fx	*fx = *state;
	int		 fresh[FRAMEWORK_NINDICATORS];

	absorb(fx, "oousercentred oooutcomes ooevidence ooimprovement "
	    "evexample", fresh);
	assert_true(coach_done(&fx->c));
	assert_int_equal(coach_next_gap(&fx->c, 1),
	    framework_indicator_find("ev.own-action"));
}

/* Calibration: high rating, thin evidence; low rating, strong evidence. */
static void
test_calibration(void **state)
{
	struct fx	*fx = *state;
	struct buf	 b = { 0 };
	int		 fresh[FRAMEWORK_NINDICATORS];

	fx->c.rating = 5;
	absorb(fx, "oousercentred", fresh);
	coach_summary(&b, &fx->c);
	assert_true(strncmp(b.data, "Area outcomes-orientated: ", 26) == 0);
	assert_non_null(strstr(b.data, ": 1 of 4 shown. You rated yourself 5"));
	buf_free(&b);

	fx->c.rating = 3;
	coach_summary(&b, &fx->c);
	assert_non_null(strstr(b.data, "Your rating of 3 fits your evidence."));
	buf_free(&b);

	fx->c.rating = 2;
	absorb(fx, "oooutcomes ooevidence", fresh);
	assert_int_equal(coach_calibration(&b, &fx->c), 1);
	assert_non_null(strstr(b.data, "underselling"));
	buf_free(&b);

	fx->c.rating = 4;
	assert_int_equal(coach_calibration(&b, &fx->c), 0);
	buf_free(&b);
}

static void
test_bar(void **state)
{
	struct buf	b = { 0 };

	(void)state;
	coach_bar(&b, 2, 4, 10);
	assert_string_equal(b.data, "[#####-----]");
	buf_free(&b);
	coach_bar(&b, 0, 5, 10);
	assert_string_equal(b.data, "[----------]");
	buf_free(&b);
	coach_bar(&b, 3, 3, 4);
	assert_string_equal(b.data, "[####]");
	buf_free(&b);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_absorb),
		T(test_reply_and_probe),
		T(test_gap_order),
		T(test_calibration),
		cmocka_unit_test(test_bar),
	};
#undef T

	return cmocka_run_group_tests_name("coach", tests, NULL, NULL);
}

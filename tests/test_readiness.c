/*
 * test_readiness.c: the [readiness] rule over pictures built by hand:
 * not discussed, thin and experience to build on; the required ev.*
 * indicator; the strongest quote; the order of the next steps; the
 * status names.  Prompts come from render-fixture.h (rating 3, two
 * shown, ev.example required).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "framework.h"
#include "picture.h"
#include "prompts.h"
#include "readiness.h"
#include "render-fixture.h"

#define T1	"2026-11-02T10:00:00Z"
#define T2	"2026-11-19T10:00:00Z"
#define T3	"2026-11-26T10:00:00Z"

/* The prompts, made once. */
static struct prompts	*prompts;

/* Before the tests: the prompts. */
static int
setup(void **state)
{
	(void)state;
	prompts = render_fixture_prompts();
	return 0;
}

/* After the tests: free the prompts. */
static int
teardown(void **state)
{
	(void)state;
	render_fixture_free(prompts);
	return 0;
}

/* Area id's index. */
static int
area(const char *id)
{
	return framework_area_find(id);
}

/* Nothing discussed: every area "not yet discussed", no verdicts. */
static void
test_nothing(void **state)
{
	struct picture		pic;
	struct readiness	r;
	int			a;

	(void)state;
	picture_init(&pic);
	readiness_compute(prompts, &pic, &r);
	assert_int_equal(r.ndiscussed, 0);
	assert_int_equal(r.nstrengths, 0);
	assert_int_equal(r.nthin, 0);
	assert_int_equal(r.nnext, 0);
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		assert_int_equal(r.areas[a].status, READINESS_NOT_DISCUSSED);
		assert_null(r.areas[a].quote);
		assert_int_equal(r.areas[a].total, framework_area_total(a));
	}
	picture_free(&pic);
}

/* The rule: rating, own indicators shown and the required ev.example. */
static void
test_rule(void **state)
{
	struct picture		pic;
	struct readiness	r;

	(void)state;
	picture_init(&pic);
	/* Meets the rule. */
	render_fixture_rate(&pic, "strategic-vision", 3, 2);
	render_fixture_shown(&pic, "strategic-vision", "sv.vision",
	    "I set out a vision.", 1, T1);
	render_fixture_shown(&pic, "strategic-vision", "sv.analysis",
	    "I pulled the data together.", 1, T1);
	render_fixture_shown(&pic, "strategic-vision", "ev.example",
	    "In 2023 I led the move.", 1, T1);
	/* Rated too low. */
	render_fixture_rate(&pic, "learning-dissemination", 2, 1);
	render_fixture_shown(&pic, "learning-dissemination", "ld.needs",
	    "a", 1, T1);
	render_fixture_shown(&pic, "learning-dissemination", "ld.levels",
	    "b", 1, T1);
	render_fixture_shown(&pic, "learning-dissemination", "ev.example",
	    "c", 1, T1);
	/* Only one own indicator. */
	render_fixture_rate(&pic, "innovation-change", 5, 1);
	render_fixture_shown(&pic, "innovation-change", "ic.ideas", "d", 1, T1);
	render_fixture_shown(&pic, "innovation-change", "ev.example", "e", 1,
	    T1);
	/* No specific example. */
	render_fixture_rate(&pic, "outcomes-orientated", 4, 1);
	render_fixture_shown(&pic, "outcomes-orientated", "oo.outcomes", "f",
	    1, T1);
	render_fixture_shown(&pic, "outcomes-orientated", "oo.evidence", "g",
	    1, T1);
	/* The example was given in another area: it does not count here. */
	render_fixture_shown(&pic, "integrity", "ev.example", "h", 1, T1);
	/* Answers but no rating: discussed, so thin, never "not discussed". */
	render_fixture_rate(&pic, "integrity", 0, 1);

	readiness_compute(prompts, &pic, &r);
	assert_int_equal(r.ndiscussed, 5);
	assert_int_equal(r.areas[0].status, READINESS_BUILD_ON);
	assert_int_equal(r.areas[0].shown, 2);
	assert_int_equal(r.areas[0].total, 4);
	assert_int_equal(r.areas[1].status, READINESS_THIN);
	assert_int_equal(r.areas[2].status, READINESS_THIN);
	assert_int_equal(r.areas[3].status, READINESS_THIN);
	assert_int_equal(r.areas[area("integrity")].status, READINESS_THIN);
	assert_int_equal(r.areas[area("team-development")].status,
	    READINESS_NOT_DISCUSSED);
	assert_int_equal(r.nstrengths, 1);
	assert_int_equal(r.strengths[0], 0);
	assert_int_equal(r.nthin, 4);
	assert_int_equal(r.thin[0], 1);
	assert_int_equal(r.thin[1], 2);
	assert_int_equal(r.thin[2], 3);
	assert_int_equal(r.thin[3], area("integrity"));
	picture_free(&pic);
}

/* A required indicator of one area does not hold back the others. */
static void
test_require_own(void **state)
{
	struct picture		pic;
	struct readiness	r;
	int			v = framework_indicator_find("sv.vision");

	(void)state;
	picture_init(&pic);
	prompts->readiness.require[v] = 1;
	render_fixture_rate(&pic, "integrity", 4, 1);
	render_fixture_shown(&pic, "integrity", "in.honesty", "a", 1, T1);
	render_fixture_shown(&pic, "integrity", "in.accountability", "b", 1,
	    T1);
	render_fixture_shown(&pic, "integrity", "ev.example", "c", 1, T1);
	render_fixture_rate(&pic, "strategic-vision", 4, 1);
	render_fixture_shown(&pic, "strategic-vision", "sv.analysis", "d", 1,
	    T1);
	render_fixture_shown(&pic, "strategic-vision", "sv.influence", "e", 1,
	    T1);
	render_fixture_shown(&pic, "strategic-vision", "ev.example", "f", 1,
	    T1);
	readiness_compute(prompts, &pic, &r);
	prompts->readiness.require[v] = 0;
	assert_int_equal(r.areas[area("integrity")].status,
	    READINESS_BUILD_ON);
	assert_int_equal(r.areas[area("strategic-vision")].status,
	    READINESS_THIN);
	picture_free(&pic);
}

/*
 * The quote: the newest sentence of an own indicator, preferring one
 * that also showed an ev.* indicator; claims and calibration carried.
 */
static void
test_quote(void **state)
{
	struct picture		pic;
	struct readiness	r;
	int			g = area("growth-mindset");

	(void)state;
	picture_init(&pic);
	render_fixture_rate(&pic, "growth-mindset", 1, 3);
	render_fixture_shown(&pic, "growth-mindset", "gm.curiosity",
	    "I asked why.", 3, T3);
	render_fixture_shown(&pic, "growth-mindset", "gm.experiment",
	    "We cut late observations from 18% to 6%.", 2, T2);
	render_fixture_shown(&pic, "growth-mindset", "gm.experiment",
	    "We tried a pilot.", 1, T1);
	render_fixture_shown(&pic, "growth-mindset", "gm.challenge",
	    "I took the challenge.", 1, T1);
	render_fixture_shown(&pic, "growth-mindset", "ev.measure",
	    "We cut late observations from 18% to 6%.", 2, T2);
	picture_add_covered(&pic, g,
	    framework_indicator_find("gm.perseverance"), 7, "I kept going.");
	readiness_compute(prompts, &pic, &r);
	assert_string_equal(r.areas[g].quote,
	    "We cut late observations from 18% to 6%.");
	assert_int_equal(r.areas[g].covered, 1);
	assert_int_equal(r.areas[g].calibration, PICTURE_CAL_LOW);
	assert_int_equal(r.areas[g].rating, 1);
	picture_free(&pic);

	/* Without an ev.* sentence: the newest. */
	picture_init(&pic);
	render_fixture_rate(&pic, "growth-mindset", 3, 2);
	render_fixture_shown(&pic, "growth-mindset", "gm.experiment",
	    "We tried a pilot.", 1, T1);
	render_fixture_shown(&pic, "growth-mindset", "gm.challenge",
	    "I took the challenge.", 2, T2);
	render_fixture_shown(&pic, "growth-mindset", "ev.example",
	    "In 2023 we moved wards.", 2, T2);
	readiness_compute(prompts, &pic, &r);
	assert_string_equal(r.areas[g].quote, "I took the challenge.");
	picture_free(&pic);
}

/*
 * Next steps: the first gap of the areas rated highest; thin before
 * experience to build on on a tie; then framework order; at most two;
 * an area with nothing missing gives none.
 */
static void
test_next(void **state)
{
	static const char *const all[] = { "in.accountability",
	    "in.follow-through", "in.honesty", "ev.example", "ev.own-action",
	    "ev.result", "ev.measure", "ev.learning" };
	struct picture		pic;
	struct readiness	r;
	size_t			k;

	(void)state;
	picture_init(&pic);
	/* Rated 5 but nothing missing: no step from it. */
	render_fixture_rate(&pic, "integrity", 5, 4);
	for (k = 0; k < sizeof all / sizeof all[0]; k++)
		render_fixture_shown(&pic, "integrity", all[k], "x", 1, T1);
	/* Rated 4, experience to build on. */
	render_fixture_rate(&pic, "strategic-vision", 4, 2);
	render_fixture_shown(&pic, "strategic-vision", "sv.big-picture", "a",
	    1, T1);
	render_fixture_shown(&pic, "strategic-vision", "sv.analysis", "b", 1,
	    T1);
	render_fixture_shown(&pic, "strategic-vision", "ev.example", "c", 1,
	    T1);
	/* Rated 4, thin: comes first. */
	render_fixture_rate(&pic, "team-development", 4, 1);
	/* Rated 2: too low to be among the two. */
	render_fixture_rate(&pic, "learning-dissemination", 2, 1);
	readiness_compute(prompts, &pic, &r);
	assert_int_equal(r.areas[area("integrity")].status,
	    READINESS_BUILD_ON);
	assert_int_equal(r.nnext, 2);
	assert_int_equal(r.next[0].area, area("team-development"));
	assert_int_equal(r.next[0].indicator,
	    framework_indicator_find("td.mdt"));
	assert_int_equal(r.next[1].area, area("strategic-vision"));
	assert_int_equal(r.next[1].indicator,
	    framework_indicator_find("sv.vision"));
	picture_free(&pic);
}

/* A claimed indicator is no gap to suggest. */
static void
test_next_claimed(void **state)
{
	struct picture		pic;
	struct readiness	r;

	(void)state;
	picture_init(&pic);
	render_fixture_rate(&pic, "team-development", 3, 1);
	picture_add_covered(&pic, area("team-development"),
	    framework_indicator_find("td.mdt"), 3, "We had a mixed team.");
	readiness_compute(prompts, &pic, &r);
	assert_int_equal(r.nnext, 1);
	assert_int_equal(r.next[0].indicator,
	    framework_indicator_find("td.resourcing"));
	assert_int_equal(r.areas[area("team-development")].covered, 1);
	assert_int_equal(r.areas[area("team-development")].shown, 0);
	picture_free(&pic);
}

/* The names of the statuses: warm, never a verdict. */
static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(readiness_status_name(READINESS_BUILD_ON),
	    "experience to build on");
	assert_string_equal(readiness_status_name(READINESS_THIN), "thin");
	assert_string_equal(readiness_status_name(READINESS_NOT_DISCUSSED),
	    "not yet discussed");
}

/* Run the tests; the status is the number that failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_rule),
		cmocka_unit_test(test_require_own),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_next_claimed),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests_name("readiness", tests, setup,
	    teardown);
}

/*
 * test_picture.c: the running picture as plain data: filling it (quotes
 * newest first, at most three; the first claim kept), and every question
 * about an area: shown, covered, settled, state, asked, the next gap,
 * the next unfinished area, calibration, evidence overall.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "framework.h"
#include "picture.h"

#define IND(id)	framework_indicator_find(id)

/* Integrity's index and its own indicators. */
#define INTEGRITY	8

/* An empty picture has nothing started and no last area. */
static void
test_empty(void **state)
{
	struct picture	p;
	int		a, total;

	(void)state;
	picture_init(&p);
	assert_int_equal(p.last_area, -1);
	assert_int_equal(p.nsessions, 0);
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		assert_int_equal(picture_state(&p, a), PICTURE_NOT_STARTED);
		assert_int_equal(picture_shown(&p, a, &total), 0);
		assert_int_equal(total, framework_area_total(a));
		assert_int_equal(picture_calibration(&p, a), PICTURE_CAL_NONE);
	}
	assert_int_equal(picture_next_unfinished(&p, 3), 3);
	assert_int_equal(picture_next_gap(&p, INTEGRITY, NULL),
	    IND("in.accountability"));
	picture_free(&p);
	picture_free(&p);	/* twice is harmless */
}

/* Quotes: newest first, three at most; the newest gives session and time. */
static void
test_shown(void **state)
{
	struct picture	p;
	int		hon;

	(void)state;
	hon = IND("in.honesty");
	picture_init(&p);
	picture_add_shown(&p, INTEGRITY, hon, "Newest.", 9,
	    "2026-11-26T12:00:00Z");
	picture_add_shown(&p, INTEGRITY, hon, NULL, 8, "2026-11-25T12:00:00Z");
	picture_add_shown(&p, INTEGRITY, hon, "Older.", 7,
	    "2026-11-24T12:00:00Z");
	picture_add_shown(&p, INTEGRITY, hon, "Oldest.", 6,
	    "2026-11-23T12:00:00Z");
	picture_add_shown(&p, INTEGRITY, hon, "Too old.", 5,
	    "2026-11-22T12:00:00Z");
	assert_int_equal(p.areas[INTEGRITY].ev[hon].shown, 1);
	assert_int_equal(p.areas[INTEGRITY].ev[hon].nquotes, 3);
	assert_string_equal(p.areas[INTEGRITY].ev[hon].quotes[0], "Newest.");
	assert_string_equal(p.areas[INTEGRITY].ev[hon].quotes[1], "Older.");
	assert_string_equal(p.areas[INTEGRITY].ev[hon].quotes[2], "Oldest.");
	assert_int_equal(p.areas[INTEGRITY].ev[hon].session, 9);
	assert_string_equal(p.areas[INTEGRITY].ev[hon].at,
	    "2026-11-26T12:00:00Z");
	assert_int_equal(picture_shown(&p, INTEGRITY, NULL), 1);
	assert_int_equal(picture_shown(&p, 0, NULL), 0);
	picture_free(&p);
	assert_int_equal(p.areas[INTEGRITY].ev[hon].shown, 0);
}

/* Claims count apart from what was found, and only where not found. */
static void
test_covered(void **state)
{
	struct picture	p;
	int		hon, acc, fol;

	(void)state;
	hon = IND("in.honesty");
	acc = IND("in.accountability");
	fol = IND("in.follow-through");
	picture_init(&p);
	picture_add_shown(&p, INTEGRITY, hon, "I told them.", 1,
	    "2026-11-26T12:00:00Z");
	picture_add_covered(&p, INTEGRITY, acc, 12, "I owned it.");
	picture_add_covered(&p, INTEGRITY, acc, 10, "Older claim.");
	picture_add_covered(&p, INTEGRITY, hon, 11, NULL);
	picture_add_covered(&p, INTEGRITY, IND("ev.result"), 11, "x");
	assert_int_equal(picture_shown(&p, INTEGRITY, NULL), 1);
	assert_int_equal(picture_covered(&p, INTEGRITY), 1);
	assert_int_equal(p.areas[INTEGRITY].ev[acc].covered_answer, 12);
	assert_string_equal(p.areas[INTEGRITY].ev[acc].covered_quote,
	    "I owned it.");
	assert_string_equal(p.areas[INTEGRITY].ev[hon].covered_quote, "");
	assert_true(picture_settled(&p, INTEGRITY, hon));
	assert_true(picture_settled(&p, INTEGRITY, acc));
	assert_false(picture_settled(&p, INTEGRITY, fol));
	/* Claims never make an area finished. */
	assert_int_equal(picture_state(&p, INTEGRITY), PICTURE_NOT_STARTED);
	picture_free(&p);
}

/* State: not started, started, finished (summed up, or all shown). */
static void
test_state(void **state)
{
	struct picture	p;
	int		i;

	(void)state;
	picture_init(&p);
	p.areas[0].rating = 3;
	assert_int_equal(picture_state(&p, 0), PICTURE_STARTED);
	p.areas[1].nanswers = 1;
	assert_int_equal(picture_state(&p, 1), PICTURE_STARTED);
	p.areas[2].finished = 1;
	assert_int_equal(picture_state(&p, 2), PICTURE_FINISHED);
	p.areas[INTEGRITY].nanswers = 3;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != INTEGRITY)
			continue;
		assert_int_equal(picture_state(&p, INTEGRITY),
		    PICTURE_STARTED);
		picture_add_shown(&p, INTEGRITY, i, "q", 1,
		    "2026-11-26T12:00:00Z");
	}
	assert_int_equal(picture_state(&p, INTEGRITY), PICTURE_FINISHED);
	assert_int_equal(picture_next_gap(&p, INTEGRITY, NULL),
	    IND("ev.example"));

	/* The next unfinished area, wrapping round. */
	assert_int_equal(picture_next_unfinished(&p, 2), 3);
	assert_int_equal(picture_next_unfinished(&p, 8), 9);
	assert_int_equal(picture_next_unfinished(&p, -1), 0);
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		p.areas[i].finished = i != 1;
	assert_int_equal(picture_next_unfinished(&p, 5), 1);
	p.areas[1].finished = 1;
	assert_int_equal(picture_next_unfinished(&p, 5), -1);
	picture_free(&p);
}

/* Questions answered before. */
static void
test_asked(void **state)
{
	struct picture	p;

	(void)state;
	picture_init(&p);
	picture_add_asked(&p, 3, "What outcome mattered?");
	picture_add_asked(&p, 3, "Who benefited?");
	assert_true(picture_asked(&p, 3, "Who benefited?"));
	assert_false(picture_asked(&p, 3, "who benefited?"));
	assert_false(picture_asked(&p, 4, "Who benefited?"));
	assert_int_equal(p.areas[3].nasked, 2);
	picture_free(&p);
	assert_int_equal(p.areas[3].nasked, 0);
}

/* The next gap: own first, then ev.*, unprobed preferred. */
static void
test_next_gap(void **state)
{
	struct picture	p;
	int		probed[FRAMEWORK_NINDICATORS];
	int		acc, fol, hon, ex;

	(void)state;
	acc = IND("in.accountability");
	fol = IND("in.follow-through");
	hon = IND("in.honesty");
	ex = IND("ev.example");
	memset(probed, 0, sizeof probed);
	picture_init(&p);
	assert_int_equal(picture_next_gap(&p, INTEGRITY, probed), acc);
	picture_add_shown(&p, INTEGRITY, acc, "q", 1, "2026-11-26T12:00:00Z");
	assert_int_equal(picture_next_gap(&p, INTEGRITY, probed), fol);
	picture_add_covered(&p, INTEGRITY, fol, 1, "q");
	assert_int_equal(picture_next_gap(&p, INTEGRITY, probed), hon);
	probed[hon] = 1;
	assert_int_equal(picture_next_gap(&p, INTEGRITY, probed), ex);
	probed[ex] = 2;
	assert_int_equal(picture_next_gap(&p, INTEGRITY, probed),
	    IND("ev.own-action"));
	probed[IND("ev.own-action")] = probed[IND("ev.result")] =
	    probed[IND("ev.measure")] = probed[IND("ev.learning")] = 1;
	/* Everything asked about once: back to the first gap. */
	assert_int_equal(picture_next_gap(&p, INTEGRITY, probed), hon);
	assert_int_equal(picture_next_gap(&p, INTEGRITY, NULL), hon);
	picture_add_shown(&p, INTEGRITY, hon, "q", 1, "2026-11-26T12:00:00Z");
	picture_add_shown(&p, 0, ex, "q", 1, "2026-11-26T12:00:00Z");
	assert_int_equal(picture_next_gap(&p, INTEGRITY, NULL), ex);
	picture_add_shown(&p, INTEGRITY, ex, "q", 1, "2026-11-26T12:00:00Z");
	picture_add_shown(&p, INTEGRITY, IND("ev.own-action"), "q", 1, "t");
	picture_add_shown(&p, INTEGRITY, IND("ev.result"), "q", 1, "t");
	picture_add_shown(&p, INTEGRITY, IND("ev.measure"), "q", 1, "t");
	picture_add_shown(&p, INTEGRITY, IND("ev.learning"), "q", 1, "t");
	assert_int_equal(picture_next_gap(&p, INTEGRITY, NULL), -1);
	picture_free(&p);
}

/* Calibration: a rating against the share of own indicators shown. */
static void
test_calibration(void **state)
{
	struct picture	p;
	int		sv[4], k;

	(void)state;
	for (k = 0; k < 4; k++)
		sv[k] = k;	/* strategic-vision has four */
	assert_int_equal(framework_area_total(0), 4);
	picture_init(&p);
	p.areas[0].rating = 5;
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_NONE);
	p.areas[0].nanswers = 2;
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_HIGH);
	picture_add_shown(&p, 0, sv[0], "q", 1, "t");
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_HIGH);
	picture_add_shown(&p, 0, sv[1], "q", 1, "t");
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_FITS);
	p.areas[0].rating = 4;
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_FITS);
	p.areas[0].rating = 2;
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_FITS);
	picture_add_shown(&p, 0, sv[2], "q", 1, "t");
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_LOW);
	p.areas[0].rating = 1;
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_LOW);
	p.areas[0].rating = 3;
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_FITS);
	p.areas[0].rating = 0;
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_NONE);

	/* Integrity has three: one shown is under half, two over. */
	p.areas[INTEGRITY].rating = 4;
	p.areas[INTEGRITY].nanswers = 1;
	picture_add_shown(&p, INTEGRITY, IND("in.honesty"), "q", 1, "t");
	assert_int_equal(picture_calibration(&p, INTEGRITY), PICTURE_CAL_HIGH);
	picture_add_shown(&p, INTEGRITY, IND("in.accountability"), "q", 1, "t");
	assert_int_equal(picture_calibration(&p, INTEGRITY), PICTURE_CAL_FITS);
	/* ev.* never count as own. */
	p.areas[INTEGRITY].rating = 1;
	picture_free(&p);
	picture_init(&p);
	p.areas[INTEGRITY].rating = 1;
	p.areas[INTEGRITY].nanswers = 1;
	picture_add_shown(&p, INTEGRITY, IND("ev.example"), "q", 1, "t");
	picture_add_shown(&p, INTEGRITY, IND("ev.result"), "q", 1, "t");
	assert_int_equal(picture_calibration(&p, INTEGRITY), PICTURE_CAL_FITS);
	picture_free(&p);
}

/* The quality of evidence overall: an ev.* shown in any area. */
static void
test_evidence_all(void **state)
{
	struct picture	p;

	(void)state;
	picture_init(&p);
	assert_false(picture_evidence_all(&p, IND("ev.measure")));
	picture_add_shown(&p, 6, IND("ev.measure"), "q", 1, "t");
	assert_true(picture_evidence_all(&p, IND("ev.measure")));
	assert_false(picture_evidence_all(&p, IND("ev.result")));
	picture_free(&p);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_covered),
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_asked),
		cmocka_unit_test(test_next_gap),
		cmocka_unit_test(test_calibration),
		cmocka_unit_test(test_evidence_all),
	};

	return cmocka_run_group_tests_name("picture", tests, NULL, NULL);
}

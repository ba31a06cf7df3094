/*
 * test_framework.c: the framework's ids and the one area parser: the
 * tables' sizes and order, which indicators count in an area, each
 * area's own total, and every form a person may name an area in, with
 * the suggestion for a near miss.  Needs framework.o and util.o.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "framework.h"

/* The tables: ids in framework order, unique, found exactly. */
static void
test_tables(void **state)
{
	int	i, j;

	(void)state;
	assert_string_equal(framework_areas[0].id, "strategic-vision");
	assert_string_equal(framework_areas[8].id, "integrity");
	assert_string_equal(framework_areas[9].id, "insightfulness");
	assert_int_equal(framework_areas[4].dimension, FRAMEWORK_COMPETENCY);
	assert_int_equal(framework_areas[5].dimension,
	    FRAMEWORK_PERSON_CENTRED);
	assert_string_equal(framework_dimension_name(FRAMEWORK_COMPETENCY),
	    "competency");
	assert_string_equal(framework_dimension_name(FRAMEWORK_PERSON_CENTRED),
	    "person-centred");
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		assert_int_equal(framework_area_find(framework_areas[i].id), i);
		for (j = 0; j < i; j++)
			assert_string_not_equal(framework_areas[i].id,
			    framework_areas[j].id);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		assert_int_equal(framework_indicator_find(
		    framework_indicators[i].id), i);
	assert_int_equal(framework_area_find("Integrity"), -1);
	assert_int_equal(framework_area_find("integ"), -1);
	assert_int_equal(framework_indicator_find("in.honesty"), 33);
	assert_int_equal(framework_indicator_find("ev.result"), 40);
	assert_int_equal(framework_indicators[40].area, FRAMEWORK_EVIDENCE);
	assert_int_equal(framework_indicator_find("in.honest"), -1);
}

/* Each area's own indicators, and the ev.* ones that count everywhere. */
static void
test_counts(void **state)
{
	static const int	total[FRAMEWORK_NAREAS] = { 4, 4, 3, 4, 4, 5,
	    3, 4, 3, 4 };
	int			a, i, n, sum = 0;

	(void)state;
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		assert_int_equal(framework_area_total(a), total[a]);
		sum += total[a];
		n = 0;
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
			n += framework_counts(i, a);
		assert_int_equal(n, total[a] + 5);
	}
	assert_int_equal(sum, FRAMEWORK_NINDICATORS - 5);
	assert_int_equal(framework_area_total(FRAMEWORK_EVIDENCE), 5);
	assert_true(framework_counts(framework_indicator_find("in.honesty"),
	    8));
	assert_false(framework_counts(framework_indicator_find("in.honesty"),
	    9));
	assert_true(framework_counts(framework_indicator_find("ev.example"),
	    3));
	assert_false(framework_counts(-1, 0));
	assert_false(framework_counts(FRAMEWORK_NINDICATORS, 0));
}

/* s must name area want (an id), or none when want is NULL, suggesting sugg. */
static void
parses(const char *s, const char *want, const char *sugg)
{
	int	a, suggest = 99;

	a = framework_area_parse(s, &suggest);
	if (want == NULL && a != -1)
		fail_msg("'%s' read as %s", s, framework_areas[a].id);
	if (want != NULL && (a < 0 || strcmp(framework_areas[a].id, want) != 0))
		fail_msg("'%s' read as %d, not %s", s, a, want);
	if (sugg == NULL && suggest != -1)
		fail_msg("'%s' suggests %s", s, suggest >= 0 ?
		    framework_areas[suggest].id : "?");
	if (sugg != NULL && (suggest < 0 ||
	    strcmp(framework_areas[suggest].id, sugg) != 0))
		fail_msg("'%s' suggests %d, not %s", s, suggest, sugg);
}

/* Ids, numbers and unique starts, in any case, with space around. */
static void
test_parse(void **state)
{
	(void)state;
	parses("integrity", "integrity", NULL);
	parses(" Integ ", "integrity", NULL);
	parses("INSIGHT", "insightfulness", NULL);
	parses("strategic", "strategic-vision", NULL);
	parses("team", "team-development", NULL);
	parses("cu", "culture-development", NULL);
	parses("1", "strategic-vision", NULL);
	parses(" 9\n", "integrity", NULL);
	parses("10", "insightfulness", NULL);
	parses("growth-mindset", "growth-mindset", NULL);
	assert_int_equal(framework_area_parse("learning", NULL), 1);
}

/* Not areas: no number 0 or 11, ambiguous starts, nonsense. */
static void
test_parse_none(void **state)
{
	(void)state;
	parses("", NULL, NULL);
	parses("   ", NULL, NULL);
	parses("0", NULL, NULL);
	parses("11", NULL, NULL);
	parses("010", NULL, NULL);
	parses("3x", NULL, NULL);
	parses("c", NULL, NULL);	/* communication, culture */
	parses("in", NULL, NULL);	/* innovation, integrity, insight */
	parses("dev", NULL, NULL);	/* culture and team development */
	parses("nowhere", NULL, NULL);
	parses("x", NULL, NULL);
	parses("integrity-plus", NULL, NULL);
	assert_int_equal(framework_area_parse("integraty", NULL), -1);
}

/* A near miss of an id, of a start of one, or a later part, is suggested. */
static void
test_parse_suggest(void **state)
{
	(void)state;
	parses("integraty", NULL, "integrity");
	parses("Integraty ", NULL, "integrity");
	parses("strategy", NULL, "strategic-vision");
	parses("stratgic", NULL, "strategic-vision");
	parses("strategic vision", NULL, "strategic-vision");
	parses("team development", NULL, "team-development");
	parses("comms", NULL, "communication-influence");
	parses("influnce", NULL, "communication-influence");
	parses("vision", NULL, "strategic-vision");
	parses("mindset", NULL, "growth-mindset");
	parses("outcomes-oriented", NULL, "outcomes-orientated");
	parses("innovaton", NULL, "innovation-change");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_none),
		cmocka_unit_test(test_parse_suggest),
	};

	return cmocka_run_group_tests_name("framework", tests, NULL, NULL);
}

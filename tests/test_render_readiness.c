/*
 * test_render_readiness.c: the readiness summary as text, Markdown and
 * JSON, written to memory and compared whole, over a picture built by
 * hand: an area with experience to build on, a thin one with a high
 * rating and a claim, a thin one without a rating, seven not yet
 * discussed; the next steps; wrapping at 60 columns between words; the
 * words when nothing is discussed; control characters in a quote kept
 * from the terminal and escaped in Markdown and JSON; no verdicts.
 * Prompts and [readiness] words come from render-fixture.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach.h"
#include "framework.h"
#include "picture.h"
#include "readiness.h"
#include "render-fixture.h"
#include "render-readiness.h"

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

/* The picture of these tests; integrity's sentence is honesty. */
static void
picture(struct picture *pic, const char *honesty)
{
	picture_init(pic);
	render_fixture_rate(pic, "strategic-vision", 4, 2);
	render_fixture_shown(pic, "strategic-vision", "sv.big-picture",
	    "I tied the project to the trust's digital strategy.", 2, T2);
	render_fixture_shown(pic, "strategic-vision", "sv.vision",
	    "I described a ward with no paper.", 1, T1);
	render_fixture_shown(pic, "strategic-vision", "ev.example",
	    "In 2023 I led the move to e-obs.", 1, T1);
	render_fixture_rate(pic, "growth-mindset", 0, 1);
	render_fixture_rate(pic, "integrity", 5, 1);
	render_fixture_shown(pic, "integrity", "in.honesty", honesty, 3, T3);
	picture_add_covered(pic, framework_area_find("integrity"),
	    framework_indicator_find("in.follow-through"), 9,
	    "I kept my promise.");
}

/* Render the summary of pic in format at width; the text is the caller's. */
static char *
render(const struct picture *pic, enum render_readiness_format format,
    int width)
{
	struct render_fixture_out	o;
	struct readiness		r;
	struct coach			c;

	coach_init(&c, prompts);
	readiness_compute(prompts, pic, &r);
	render_readiness(render_fixture_begin(&o), format, prompts, pic, &r,
	    &c, width);
	return render_fixture_end(&o);
}

/* Whether the text gives a verdict. */
static int
verdict(const char *s)
{
	return strstr(s, " pass") != NULL || strstr(s, "fail") != NULL ||
	    strstr(s, "not ready") != NULL || strstr(s, "Pass") != NULL;
}

/* Text for the terminal, at 80 columns. */
static void
test_text(void **state)
{
	struct picture	 pic;
	char		*got;

	(void)state;
	picture(&pic, "I told the ward I had got the rota wrong.");
	got = render(&pic, RENDER_READINESS_TEXT, 80);
	assert_true(render_fixture_same(got,
	    "Intro.\n"
	    "\n"
	    "Strategic vision: experience to build on\n"
	    "  Your rating 4 of 5; evidence 2 of 4 shown [#####-----]\n"
	    "  In your words: \"I tied the project to the trust's digital "
	    "strategy.\"\n"
	    "  Fits: 4, 2 of 4.\n"
	    "\n"
	    "Learning dissemination: not yet discussed\n"
	    "Innovation and change management: not yet discussed\n"
	    "Outcomes orientated: not yet discussed\n"
	    "Communication and influence: not yet discussed\n"
	    "Culture development: not yet discussed\n"
	    "Team development: not yet discussed\n"
	    "\n"
	    "Growth mindset: thin\n"
	    "  No rating yet; evidence 0 of 4 shown [----------]\n"
	    "\n"
	    "Integrity: thin\n"
	    "  Your rating 5 of 5; evidence 1 of 3 shown [###-------]\n"
	    "  In your words: \"I told the ward I had got the rota wrong.\"\n"
	    "  You say you also covered: Doing what you said.\n"
	    "  High: 5, 1 of 3.\n"
	    "\n"
	    "Insightfulness: not yet discussed\n"
	    "\n"
	    "Strengths:\n"
	    "  Strategic vision.\n"
	    "\n"
	    "Thin:\n"
	    "  Growth mindset, Integrity.\n"
	    "\n"
	    "Next:\n"
	    "  1. Integrity, Taking responsibility: Gap of in.accountability.\n"
	    "  2. Strategic vision, Making sense of information: Gap of "
	    "sv.analysis.\n"));
	assert_false(verdict(got));
	free(got);
	picture_free(&pic);
}

/* Text at 60 columns: every line fits, no word is broken. */
static void
test_text_narrow(void **state)
{
	struct picture	 pic;
	char		*got, *line, *save = NULL;

	(void)state;
	picture(&pic, "I told the ward I had got the rota wrong, and then I "
	    "changed how I check it every single week.");
	got = render(&pic, RENDER_READINESS_TEXT, 60);
	assert_non_null(strstr(got,
	    "Integrity: thin\n"
	    "  Your rating 5 of 5; evidence 1 of 3 shown [###-------]\n"
	    "  In your words: \"I told the ward I had got the rota wrong,\n"
	    "    and then I changed how I check it every single week.\"\n"
	    "  You say you also covered: Doing what you said.\n"));
	assert_non_null(strstr(got,
	    "Next:\n"
	    "  1. Integrity, Taking responsibility: Gap of\n"
	    "     in.accountability.\n"
	    "  2. Strategic vision, Making sense of information: Gap of\n"
	    "     sv.analysis.\n"));
	for (line = strtok_r(got, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		assert_true(strlen(line) <= 60);
	free(got);
	picture_free(&pic);
}

/* Markdown for a mentor's first meeting. */
static void
test_md(void **state)
{
	struct picture	 pic;
	char		*got;

	(void)state;
	picture(&pic, "I told the ward I had got the rota *wrong*.");
	got = render(&pic, RENDER_READINESS_MD, 80);
	assert_true(render_fixture_same(got,
	    "# Applying to the programme: where you stand\n"
	    "\n"
	    "Intro.\n"
	    "\n"
	    "## Strategic vision: experience to build on\n"
	    "\n"
	    "- Self-rating: 4 of 5\n"
	    "- Evidence: 2 of 4 shown [#####-----]\n"
	    "- In your words: \"I tied the project to the trust's digital "
	    "strategy.\"\n"
	    "- Calibration: Fits: 4, 2 of 4.\n"
	    "\n"
	    "## Growth mindset: thin\n"
	    "\n"
	    "- Self-rating: not given yet\n"
	    "- Evidence: 0 of 4 shown [----------]\n"
	    "\n"
	    "## Integrity: thin\n"
	    "\n"
	    "- Self-rating: 5 of 5\n"
	    "- Evidence: 1 of 3 shown [###-------]\n"
	    "- In your words: \"I told the ward I had got the rota "
	    "\\*wrong\\*.\"\n"
	    "- You say you also covered: Doing what you said\n"
	    "- Calibration: High: 5, 1 of 3.\n"
	    "\n"
	    "## Not yet discussed\n"
	    "\n"
	    "Learning dissemination, Innovation and change management, "
	    "Outcomes orientated,\n"
	    "Communication and influence, Culture development, Team "
	    "development,\n"
	    "Insightfulness.\n"
	    "\n"
	    "## In short\n"
	    "\n"
	    "Strengths:\n"
	    "\n"
	    "- Strategic vision\n"
	    "\n"
	    "Thin:\n"
	    "\n"
	    "- Growth mindset\n"
	    "- Integrity\n"
	    "\n"
	    "Next:\n"
	    "\n"
	    "1. Integrity, Taking responsibility: Gap of in.accountability.\n"
	    "2. Strategic vision, Making sense of information: Gap of "
	    "sv.analysis.\n"));
	assert_false(verdict(got));
	free(got);
	picture_free(&pic);
}

/* JSON: every area, the lists by id, the next steps. */
static void
test_json(void **state)
{
	struct picture	 pic;
	char		*got;

	(void)state;
	picture(&pic, "I told the ward \033[1mI\033[0m had got it wrong.");
	got = render(&pic, RENDER_READINESS_JSON, 80);
	assert_true(render_fixture_same(got,
	    "{\"areas\":[\n"
	    "{\"id\":\"strategic-vision\",\"title\":\"Strategic vision\","
	    "\"rating\":4,\"shown\":2,\"total\":4,\"covered\":0,\"quote\":"
	    "\"I tied the project to the trust's digital strategy.\","
	    "\"calibration\":\"Fits: 4, 2 of 4.\",\"status\":"
	    "\"experience to build on\"},\n"
	    "{\"id\":\"learning-dissemination\",\"title\":"
	    "\"Learning dissemination\",\"rating\":null,\"shown\":0,"
	    "\"total\":4,"
	    "\"covered\":0,\"quote\":null,\"calibration\":null,\"status\":"
	    "\"not yet discussed\"},\n"
	    "{\"id\":\"innovation-change\",\"title\":"
	    "\"Innovation and change management\",\"rating\":null,\"shown\":0,"
	    "\"total\":3,\"covered\":0,\"quote\":null,\"calibration\":null,"
	    "\"status\":\"not yet discussed\"},\n"
	    "{\"id\":\"outcomes-orientated\",\"title\":\"Outcomes orientated\","
	    "\"rating\":null,\"shown\":0,\"total\":4,\"covered\":0,\"quote\":"
	    "null,\"calibration\":null,\"status\":\"not yet discussed\"},\n"
	    "{\"id\":\"communication-influence\",\"title\":"
	    "\"Communication and influence\",\"rating\":null,\"shown\":0,"
	    "\"total\":4,\"covered\":0,\"quote\":null,\"calibration\":null,"
	    "\"status\":\"not yet discussed\"},\n"
	    "{\"id\":\"culture-development\",\"title\":\"Culture development\","
	    "\"rating\":null,\"shown\":0,\"total\":5,\"covered\":0,\"quote\":"
	    "null,\"calibration\":null,\"status\":\"not yet discussed\"},\n"
	    "{\"id\":\"team-development\",\"title\":\"Team development\","
	    "\"rating\":null,\"shown\":0,\"total\":3,\"covered\":0,\"quote\":"
	    "null,\"calibration\":null,\"status\":\"not yet discussed\"},\n"
	    "{\"id\":\"growth-mindset\",\"title\":\"Growth mindset\","
	    "\"rating\":null,\"shown\":0,\"total\":4,\"covered\":0,\"quote\":"
	    "null,\"calibration\":null,\"status\":\"thin\"},\n"
	    "{\"id\":\"integrity\",\"title\":\"Integrity\",\"rating\":5,"
	    "\"shown\":1,\"total\":3,\"covered\":1,\"quote\":\"I told the ward "
	    "\\u001b[1mI\\u001b[0m had got it wrong.\",\"calibration\":"
	    "\"High: 5, 1 of 3.\",\"status\":\"thin\"},\n"
	    "{\"id\":\"insightfulness\",\"title\":\"Insightfulness\","
	    "\"rating\":null,\"shown\":0,\"total\":4,\"covered\":0,\"quote\":"
	    "null,\"calibration\":null,\"status\":\"not yet discussed\"}\n"
	    "],\"strengths\":[\"strategic-vision\"],\"thin\":"
	    "[\"growth-mindset\","
	    "\"integrity\"],\"next\":[{\"area\":\"integrity\",\"indicator\":"
	    "\"in.accountability\",\"title\":\"Taking responsibility\","
	    "\"suggestion\":\"Gap of in.accountability.\"},{\"area\":"
	    "\"strategic-vision\",\"indicator\":\"sv.analysis\",\"title\":"
	    "\"Making sense of information\",\"suggestion\":"
	    "\"Gap of sv.analysis.\"}]}\n"));
	free(got);
	picture_free(&pic);
}

/* Control characters in a quote never reach the terminal. */
static void
test_text_printable(void **state)
{
	struct picture	 pic;
	char		*got;

	(void)state;
	picture(&pic, "I told the ward \033]0;x\007 it was wrong.");
	got = render(&pic, RENDER_READINESS_TEXT, 80);
	assert_null(strchr(got, '\033'));
	assert_null(strchr(got, '\007'));
	assert_non_null(strstr(got, "  In your words: \"I told the ward "
	    "\xef\xbf\xbd]0;x\xef\xbf\xbd it was wrong.\"\n"));
	free(got);
	picture_free(&pic);
}

/* Nothing discussed yet: the prompts' words, and JSON with no verdicts. */
static void
test_none(void **state)
{
	struct picture	 pic;
	char		*got;

	(void)state;
	picture_init(&pic);
	got = render(&pic, RENDER_READINESS_TEXT, 80);
	assert_string_equal(got, "None yet.\n");
	free(got);
	got = render(&pic, RENDER_READINESS_MD, 80);
	assert_string_equal(got,
	    "# Applying to the programme: where you stand\n\nNone yet.\n");
	free(got);
	got = render(&pic, RENDER_READINESS_JSON, 80);
	assert_non_null(strstr(got, "\n],\"strengths\":[],\"thin\":[],"
	    "\"next\":[]}\n"));
	assert_non_null(strstr(got, "{\"id\":\"insightfulness\",\"title\":"
	    "\"Insightfulness\",\"rating\":null,\"shown\":0,\"total\":4,"
	    "\"covered\":0,\"quote\":null,\"calibration\":null,\"status\":"
	    "\"not yet discussed\"}\n"));
	free(got);
	picture_free(&pic);
}

/* The format names. */
static void
test_format_parse(void **state)
{
	enum render_readiness_format	f = RENDER_READINESS_JSON;

	(void)state;
	assert_int_equal(render_readiness_format_parse("text", &f), 0);
	assert_int_equal(f, RENDER_READINESS_TEXT);
	assert_int_equal(render_readiness_format_parse("md", &f), 0);
	assert_int_equal(f, RENDER_READINESS_MD);
	f = RENDER_READINESS_TEXT;
	assert_int_equal(render_readiness_format_parse("markdown", &f), 0);
	assert_int_equal(f, RENDER_READINESS_MD);
	assert_int_equal(render_readiness_format_parse("json", &f), 0);
	assert_int_equal(f, RENDER_READINESS_JSON);
	assert_int_equal(render_readiness_format_parse("csv", &f), -1);
	assert_int_equal(f, RENDER_READINESS_JSON);
}

/* Run the tests; the status is the number that failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_narrow),
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_text_printable),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_format_parse),
	};

	return cmocka_run_group_tests_name("render-readiness", tests, setup,
	    teardown);
}

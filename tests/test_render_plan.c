/*
 * test_render_plan.c: the action plan's renderings, written to memory
 * and compared whole: the terminal list (and an empty one), wrapped at
 * 80 and 60 columns; Markdown with escaping (and "No actions yet.");
 * CSV with commas, quotes, CR and LF; JSON one action a line, control
 * characters escaped; one action in full with its dates in words; the
 * format names.  Actions are plain structs, today a fixed Thursday and
 * the time zone UTC.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plan.h"
#include "render-fixture.h"
#include "render-plan.h"

/* A Thursday. */
#define TODAY	"2026-11-26"
#define NOON	"2026-11-26T12:00:00Z"

static struct plan_action actions[] = {
	{ 1, "integrity", "Tell the ward team about the rota mistake, and "
	    "what I changed", "", "2026-11-01", "", 0, "2026-10-01T12:00:00Z",
	    "2026-10-01T12:00:00Z", NULL },
	{ 4, "innovation-change", "Run a pilot of the new handover screen on "
	    "ward 7", "", "2026-12-10", "", 1, NOON, NOON, NOON },
	{ 5, "learning-dissemination", "Write up the pilot: what worked, what "
	    "did not, and \"why\" (*all* of it)", "Two pages, sent to the "
	    "board;\nthe matron signs it off", "2027-01-15", "Priya, the "
	    "ward's matron", 0, NOON, NOON, NULL },
	{ 2, "communication-influence", "Present the e-obs audit results to "
	    "the nursing board, and ask for two more wards", "The board agrees "
	    "to fund two wards", "2027-03-31", "My mentor, Sam, who has "
	    "presented there", 0, NOON, NOON, NULL },
};

/* Before the tests: the time zone UTC, so times read the same everywhere. */
static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

/* Render actions (the indexes in which[], -1 ending) and return the text. */
static char *
render(enum render_plan_format format, int width, const int *which)
{
	struct render_fixture_out	o;
	struct render_plan		r;

	render_plan_begin(&r, render_fixture_begin(&o), format, width, TODAY);
	for (; *which != -1; which++)
		render_plan_row(&r, &actions[*which]);
	render_plan_end(&r);
	return render_fixture_end(&o);
}

/* Render and compare with want. */
static void
render_is(enum render_plan_format format, int width, const int *which,
    const char *want)
{
	char	*got;

	got = render(format, width, which);
	assert_true(render_fixture_same(got, want));
	free(got);
}

/* The terminal list: heading with the first row, overdue marked, wrapped. */
static void
test_list(void **state)
{
	static const int	which[] = { 0, 1, 3, -1 }, none[] = { -1 };

	(void)state;
	render_is(RENDER_PLAN_LIST, 80, which,
	    " ID  Status  Due                 Area\n"
	    "  1  open    2026-11-01 overdue  integrity\n"
	    "       Tell the ward team about the rota mistake, and what I "
	    "changed\n"
	    "  4  done    2026-12-10          innovation-change\n"
	    "       Run a pilot of the new handover screen on ward 7\n"
	    "  2  open    2027-03-31          communication-influence\n"
	    "       Present the e-obs audit results to the nursing board, and "
	    "ask for two\n"
	    "       more wards\n");
	render_is(RENDER_PLAN_LIST, 60, which,
	    " ID  Status  Due                 Area\n"
	    "  1  open    2026-11-01 overdue  integrity\n"
	    "       Tell the ward team about the rota mistake, and what I\n"
	    "       changed\n"
	    "  4  done    2026-12-10          innovation-change\n"
	    "       Run a pilot of the new handover screen on ward 7\n"
	    "  2  open    2027-03-31          communication-influence\n"
	    "       Present the e-obs audit results to the nursing board,\n"
	    "       and ask for two more wards\n");
	render_is(RENDER_PLAN_LIST, 80, none, "");
}

/* What a candidate typed reaches the terminal without its escapes. */
static void
test_list_printable(void **state)
{
	struct render_fixture_out	o;
	struct render_plan		r;
	struct plan_action		a = actions[0];
	char				*got;

	(void)state;
	a.action = "Fix \033]0;owned\007 the \033[2J rota";
	render_plan_begin(&r, render_fixture_begin(&o), RENDER_PLAN_LIST, 80,
	    TODAY);
	render_plan_row(&r, &a);
	render_plan_end(&r);
	got = render_fixture_end(&o);
	assert_null(strchr(got, '\033'));
	assert_null(strchr(got, '\007'));
	assert_string_equal(got,
	    " ID  Status  Due                 Area\n"
	    "  1  open    2026-11-01 overdue  integrity\n"
	    "       Fix \xef\xbf\xbd]0;owned\xef\xbf\xbd the "
	    "\xef\xbf\xbd[2J rota\n");
	free(got);
}

/* Markdown: a heading and fields per action, specials escaped. */
static void
test_md(void **state)
{
	static const int	which[] = { 0, 1, 2, -1 }, none[] = { -1 };

	(void)state;
	render_is(RENDER_PLAN_MD, 80, which,
	    "### 1. Tell the ward team about the rota mistake, and what I "
	    "changed\n"
	    "\n"
	    "- Status: open, overdue\n"
	    "- Due: Sunday 1 November 2026 (2026-11-01)\n"
	    "- Area: integrity\n"
	    "- How I will know it worked: (not given)\n"
	    "- Support: (not given)\n"
	    "\n"
	    "### 4. Run a pilot of the new handover screen on ward 7\n"
	    "\n"
	    "- Status: done\n"
	    "- Due: Thursday 10 December 2026 (2026-12-10)\n"
	    "- Area: innovation-change\n"
	    "- How I will know it worked: (not given)\n"
	    "- Support: (not given)\n"
	    "- Done: 2026-11-26\n"
	    "\n"
	    "### 5. Write up the pilot: what worked, what did not, and \"why\" "
	    "(\\*all\\* of it)\n"
	    "\n"
	    "- Status: open\n"
	    "- Due: Friday 15 January 2027 (2027-01-15)\n"
	    "- Area: learning-dissemination\n"
	    "- How I will know it worked: Two pages, sent to the board; the "
	    "matron signs it\n"
	    "  off\n"
	    "- Support: Priya, the ward's matron\n");
	render_is(RENDER_PLAN_MD, 80, none, "No actions yet.\n");
}

/* CSV: RFC 4180, CRLF, fields quoted only when they must be. */
static void
test_csv(void **state)
{
	static const int	which[] = { 0, 1, 2, -1 }, none[] = { -1 };
	struct render_fixture_out	o;
	struct render_plan		r;
	struct plan_action		a = actions[0];
	char				*got;

	(void)state;
	render_is(RENDER_PLAN_CSV, 80, which,
	    "id,area,action,measure,due,support,status,created,updated,done\r\n"
	    "1,integrity,\"Tell the ward team about the rota mistake, and what "
	    "I changed\",,2026-11-01,,open,2026-10-01T12:00:00Z,"
	    "2026-10-01T12:00:00Z,\r\n"
	    "4,innovation-change,Run a pilot of the new handover screen on "
	    "ward 7,,2026-12-10,,done," NOON "," NOON "," NOON "\r\n"
	    "5,learning-dissemination,\"Write up the pilot: what worked, what "
	    "did not, and \"\"why\"\" (*all* of it)\",\"Two pages, sent to the "
	    "board;\nthe matron signs it off\",2027-01-15,\"Priya, the ward's "
	    "matron\",open," NOON "," NOON ",\r\n");
	render_is(RENDER_PLAN_CSV, 80, none,
	    "id,area,action,measure,due,support,status,created,updated,"
	    "done\r\n");

	/* A lone CR is quoted too. */
	a.action = "Line one\rline two";
	render_plan_begin(&r, render_fixture_begin(&o), RENDER_PLAN_CSV, 80,
	    TODAY);
	render_plan_row(&r, &a);
	render_plan_end(&r);
	got = render_fixture_end(&o);
	assert_non_null(strstr(got, "\r\n1,integrity,\"Line one\rline two\","
	    ",2026-11-01,"));
	free(got);
}

/* JSON: one action a line, done null while open, strings escaped. */
static void
test_json(void **state)
{
	static const int	which[] = { 0, 1, 2, -1 }, none[] = { -1 };
	struct render_fixture_out	o;
	struct render_plan		r;
	struct plan_action		a = actions[3];
	char				*got;

	(void)state;
	render_is(RENDER_PLAN_JSON, 80, which,
	    "[\n"
	    "{\"id\":1,\"area\":\"integrity\",\"action\":\"Tell the ward team "
	    "about the rota mistake, and what I changed\",\"measure\":\"\","
	    "\"due\":\"2026-11-01\",\"support\":\"\",\"status\":\"open\","
	    "\"created\":\"2026-10-01T12:00:00Z\",\"updated\":"
	    "\"2026-10-01T12:00:00Z\",\"done\":null},\n"
	    "{\"id\":4,\"area\":\"innovation-change\",\"action\":\"Run a pilot "
	    "of the new handover screen on ward 7\",\"measure\":\"\",\"due\":"
	    "\"2026-12-10\",\"support\":\"\",\"status\":\"done\",\"created\":\""
	    NOON "\",\"updated\":\"" NOON "\",\"done\":\"" NOON "\"},\n"
	    "{\"id\":5,\"area\":\"learning-dissemination\",\"action\":\"Write "
	    "up the pilot: what worked, what did not, and \\\"why\\\" "
	    "(*all* of it)\",\"measure\":\"Two pages, sent to the "
	    "board;\\nthe matron signs it off\",\"due\":\"2027-01-15\",\"support\":\"Priya, the "
	    "ward's matron\",\"status\":\"open\",\"created\":\"" NOON "\","
	    "\"updated\":\"" NOON "\",\"done\":null}\n"
	    "]\n");
	render_is(RENDER_PLAN_JSON, 80, none, "[]\n");

	a.support = "Sam\033[31m\t\x01";
	render_plan_begin(&r, render_fixture_begin(&o), RENDER_PLAN_JSON, 80,
	    TODAY);
	render_plan_row(&r, &a);
	render_plan_end(&r);
	got = render_fixture_end(&o);
	assert_non_null(strstr(got,
	    "\"support\":\"Sam\\u001b[31m\\t\\u0001\""));
	free(got);
}

/* One action in full: dates in words, how the due date stands. */
static void
test_show(void **state)
{
	struct render_fixture_out	o;
	struct plan_action		a = actions[0];
	FILE				*f;
	char				*got;

	(void)state;
	f = render_fixture_begin(&o);
	render_plan_show(f, &actions[3], TODAY, 80);
	render_plan_show(f, &actions[0], TODAY, 80);
	render_plan_show(f, &actions[1], TODAY, 80);
	a.due = "2026-11-25";
	a.measure = "The team can say what changed";
	render_plan_show(f, &a, TODAY, 60);
	got = render_fixture_end(&o);
	assert_true(render_fixture_same(got,
	    "Action 2 (open)\n"
	    "  What:            Present the e-obs audit results to the nursing "
	    "board, and ask\n"
	    "                   for two more wards\n"
	    "  How you'll know: The board agrees to fund two wards\n"
	    "  Due:             Wednesday 31 March 2027 (in 125 days)\n"
	    "  Support:         My mentor, Sam, who has presented there\n"
	    "  Area:            communication-influence\n"
	    "  Added:           Thursday 26 November 2026, 12:00\n"
	    "  Last changed:    Thursday 26 November 2026, 12:00\n"
	    "Action 1 (open)\n"
	    "  What:            Tell the ward team about the rota mistake, and "
	    "what I changed\n"
	    "  How you'll know: (not given)\n"
	    "  Due:             Sunday 1 November 2026 (passed 25 days ago)\n"
	    "  Support:         (not given)\n"
	    "  Area:            integrity\n"
	    "  Added:           Thursday 1 October 2026, 12:00\n"
	    "  Last changed:    Thursday 1 October 2026, 12:00\n"
	    "Action 4 (done)\n"
	    "  What:            Run a pilot of the new handover screen on ward "
	    "7\n"
	    "  How you'll know: (not given)\n"
	    "  Due:             Thursday 10 December 2026\n"
	    "  Support:         (not given)\n"
	    "  Area:            innovation-change\n"
	    "  Added:           Thursday 26 November 2026, 12:00\n"
	    "  Last changed:    Thursday 26 November 2026, 12:00\n"
	    "  Done:            Thursday 26 November 2026, 12:00\n"
	    "Action 1 (open)\n"
	    "  What:            Tell the ward team about the rota\n"
	    "                   mistake, and what I changed\n"
	    "  How you'll know: The team can say what changed\n"
	    "  Due:             Wednesday 25 November 2026 (yesterday has\n"
	    "                   passed)\n"
	    "  Support:         (not given)\n"
	    "  Area:            integrity\n"
	    "  Added:           Thursday 1 October 2026, 12:00\n"
	    "  Last changed:    Thursday 1 October 2026, 12:00\n"));
	free(got);
}

/* The export formats by name. */
static void
test_format_parse(void **state)
{
	enum render_plan_format	f = RENDER_PLAN_LIST;

	(void)state;
	assert_int_equal(render_plan_format_parse("md", &f), 0);
	assert_int_equal(f, RENDER_PLAN_MD);
	f = RENDER_PLAN_LIST;
	assert_int_equal(render_plan_format_parse("markdown", &f), 0);
	assert_int_equal(f, RENDER_PLAN_MD);
	assert_int_equal(render_plan_format_parse("csv", &f), 0);
	assert_int_equal(f, RENDER_PLAN_CSV);
	assert_int_equal(render_plan_format_parse("json", &f), 0);
	assert_int_equal(f, RENDER_PLAN_JSON);
	assert_int_equal(render_plan_format_parse("xml", &f), -1);
	assert_int_equal(render_plan_format_parse("", &f), -1);
	assert_int_equal(f, RENDER_PLAN_JSON);
}

/* Run the tests; the status is the number that failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_list_printable),
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_format_parse),
	};

	return cmocka_run_group_tests_name("render-plan", tests, setup, NULL);
}

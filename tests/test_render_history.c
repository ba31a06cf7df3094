/*
 * test_render_history.c: the answers kept, as text and JSON, written to
 * memory and compared whole: grouped by sitting with the date in words,
 * main and follow-up questions, the evidence found ("none found"), the
 * candidate's covered claims, wrapping at 80 and 60 columns, control
 * characters kept from the terminal; JSON one answer a line, and "[]"
 * when empty.  Rows are plain structs; the time zone is UTC.
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

#include "framework.h"
#include "render-fixture.h"
#include "render-history.h"
#include "store-history.h"

/* Before the tests: the time zone UTC, so times read the same everywhere. */
static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

/* Three answers over two sittings. */
static void
answers(struct store_answer v[3])
{
	memset(v, 0, 3 * sizeof v[0]);
	v[0].id = 7;
	v[0].session = 3;
	v[0].area = framework_area_find("integrity");
	v[0].kind = "prompt";
	v[0].question = "Tell me about a time you owned a mistake.";
	v[0].answer = "I told the ward I had got the rota wrong, and I "
	    "changed how I check it every week.";
	v[0].at = "2026-11-26T10:37:00Z";
	v[0].found[framework_indicator_find("in.honesty")] = 1;
	v[0].found[framework_indicator_find("ev.own-action")] = 1;
	v[0].covered[framework_indicator_find("in.accountability")] = 1;
	v[1] = v[0];
	v[1].id = 8;
	v[1].kind = "probe";
	v[1].question = "What did you promise?";
	v[1].answer = "Nothing much.";
	v[1].at = "2026-11-26T10:41:00Z";
	memset(v[1].found, 0, sizeof v[1].found);
	memset(v[1].covered, 0, sizeof v[1].covered);
	v[2] = v[1];
	v[2].id = 2;
	v[2].session = 1;
	v[2].area = framework_area_find("strategic-vision");
	v[2].kind = "prompt";
	v[2].question = "Where did the vision come from?";
	v[2].answer = "From \033]52;c;evil\007 the board.";
	v[2].at = "2026-11-02T09:05:00Z";
}

/* Render the three answers and return the text. */
static char *
render(enum render_history_format format, int width, int n)
{
	struct render_fixture_out	o;
	struct render_history		r;
	struct store_answer		v[3];
	int				k;

	answers(v);
	render_history_begin(&r, render_fixture_begin(&o), format, width);
	for (k = 0; k < n; k++)
		render_history_row(&r, &v[k]);
	render_history_end(&r);
	assert_int_equal(r.n, n);
	return render_fixture_end(&o);
}

/* Text: grouped by sitting, evidence and claims, terminal-safe. */
static void
test_text(void **state)
{
	char	*got;

	(void)state;
	got = render(RENDER_HISTORY_TEXT, 80, 3);
	assert_true(render_fixture_same(got,
	    "Session 3, Thursday 26 November 2026\n"
	    "\n"
	    "  10:37  integrity, main question\n"
	    "    Q: Tell me about a time you owned a mistake.\n"
	    "    A: I told the ward I had got the rota wrong, and I changed "
	    "how I check it\n"
	    "       every week.\n"
	    "    Evidence: in.honesty, ev.own-action\n"
	    "    You say covered: in.accountability\n"
	    "\n"
	    "  10:41  integrity, follow-up question\n"
	    "    Q: What did you promise?\n"
	    "    A: Nothing much.\n"
	    "    Evidence: none found\n"
	    "\n"
	    "Session 1, Monday 2 November 2026\n"
	    "\n"
	    "  09:05  strategic-vision, main question\n"
	    "    Q: Where did the vision come from?\n"
	    "    A: From \xef\xbf\xbd]52;c;evil\xef\xbf\xbd the board.\n"
	    "    Evidence: none found\n"));
	assert_null(strchr(got, '\033'));
	free(got);
}

/* Text at 60 columns: wrapped between words, never inside one. */
static void
test_text_narrow(void **state)
{
	char	*got;

	(void)state;
	got = render(RENDER_HISTORY_TEXT, 60, 1);
	assert_true(render_fixture_same(got,
	    "Session 3, Thursday 26 November 2026\n"
	    "\n"
	    "  10:37  integrity, main question\n"
	    "    Q: Tell me about a time you owned a mistake.\n"
	    "    A: I told the ward I had got the rota wrong, and I\n"
	    "       changed how I check it every week.\n"
	    "    Evidence: in.honesty, ev.own-action\n"
	    "    You say covered: in.accountability\n"));
	free(got);
}

/* Nothing kept: the text says nothing (its caller says why). */
static void
test_text_empty(void **state)
{
	char	*got;

	(void)state;
	got = render(RENDER_HISTORY_TEXT, 80, 0);
	assert_string_equal(got, "");
	free(got);
}

/* JSON: one object a line, found and claimed indicators apart. */
static void
test_json(void **state)
{
	char	*got;

	(void)state;
	got = render(RENDER_HISTORY_JSON, 80, 3);
	assert_true(render_fixture_same(got,
	    "[\n"
	    "{\"id\":7,\"session\":3,\"area\":\"integrity\",\"kind\":"
	    "\"prompt\","
	    "\"prompt\":\"Tell me about a time you owned a mistake.\","
	    "\"answer\":\"I told the ward I had got the rota wrong, and I "
	    "changed how I check it every week.\",\"at\":"
	    "\"2026-11-26T10:37:00Z\",\"indicators\":[\"in.honesty\","
	    "\"ev.own-action\"],\"covered\":[\"in.accountability\"]},\n"
	    "{\"id\":8,\"session\":3,\"area\":\"integrity\",\"kind\":\"probe\","
	    "\"prompt\":\"What did you promise?\",\"answer\":\"Nothing much.\","
	    "\"at\":\"2026-11-26T10:41:00Z\",\"indicators\":[],"
	    "\"covered\":[]},\n"
	    "{\"id\":2,\"session\":1,\"area\":\"strategic-vision\",\"kind\":"
	    "\"prompt\",\"prompt\":\"Where did the vision come from?\","
	    "\"answer\":\"From \\u001b]52;c;evil\\u0007 the board.\",\"at\":"
	    "\"2026-11-02T09:05:00Z\",\"indicators\":[],\"covered\":[]}\n"
	    "]\n"));
	free(got);
	got = render(RENDER_HISTORY_JSON, 80, 0);
	assert_string_equal(got, "[]\n");
	free(got);
}

/* Run the tests; the status is the number that failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_narrow),
		cmocka_unit_test(test_text_empty),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests_name("render-history", tests, setup,
	    NULL);
}

/*
 * test_render_analysis.c: an analysis as text, tsv and json, written to
 * memory and compared whole.  The analysis is built by hand from its
 * documented parts (the text split into sentences, each indicator's
 * status and sentence), so the test needs no patterns: shown indicators
 * are quoted with their whole sentence, gaps with their suggestion, the
 * ev.* indicators come last, once; text is wrapped at 80 and 60 columns
 * and never lets an escape sequence of the file through; tsv turns
 * control characters to spaces; json escapes them.  Prompts come from
 * render-fixture.h.
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
#include "framework.h"
#include "match.h"
#include "render-analysis.h"
#include "render-fixture.h"
#include "sentence.h"

/* The analysed text: three sentences, one with an escape sequence. */
static const char text[] =
    "In 2023 I led the move from paper to e-obs on ward 7. Late "
    "observations fell from 18% to 6% within three months.\tI learned "
    "that I should have \033]0;x\007involved the night staff sooner.";

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

/* Mark indicator id found at the words at of the normalised text. */
static void
found(struct analysis *a, const char *id, const char *at)
{
	struct analysis_item	*it;
	const char		*p;

	p = strstr(a->sents.norm, at);
	assert_non_null(p);
	it = &a->items[framework_indicator_find(id)];
	it->status = MATCH_FOUND;
	it->start = (size_t)(p - a->sents.norm);
	it->end = it->start + strlen(at);
	it->sentence = sentence_at(&a->sents, it->start);
}

/* The analysis of text, by hand. */
static void
analysis(struct analysis *a)
{
	memset(a, 0, sizeof *a);
	a->prompts = prompts;
	a->text = text;
	a->len = strlen(text);
	sentence_split(text, a->len, &a->sents);
	found(a, "sv.big-picture", "the move from paper");
	found(a, "in.honesty", "I learned");
	found(a, "ev.example", "In 2023");
	found(a, "ev.measure", "from 18% to 6%");
	found(a, "ev.learning", "I learned");
}

/* Render the analysis of area (-1: all) in format at width. */
static char *
render(enum render_analysis_format format, int area, int width)
{
	struct render_fixture_out	o;
	struct analysis			a;

	analysis(&a);
	render_analysis(render_fixture_begin(&o), format, &a, area, width);
	analyse_free(&a);
	return render_fixture_end(&o);
}

/* The quality of evidence, as text at 80 columns. */
#define TEXT_EVIDENCE \
	"Quality of evidence: 3 of 5 shown\n" \
	"  shown  A specific example (ev.example)\n" \
	"         \"In 2023 I led the move from paper to e-obs on ward 7.\"\n" \
	"  gap    What you did yourself (ev.own-action)\n" \
	"         Gap of ev.own-action.\n" \
	"  gap    What happened as a result (ev.result)\n" \
	"         Gap of ev.result.\n" \
	"  shown  A number that shows the result (ev.measure)\n" \
	"         \"Late observations fell from 18% to 6% within three " \
	"months.\"\n" \
	"  shown  What you learned (ev.learning)\n" \
	"         \"I learned that I should have \xef\xbf\xbd]0;x\xef\xbf\xbd" \
	"involved the night staff sooner.\"\n"

/* Text of one area: whole sentences, gaps, nothing raw from the file. */
static void
test_text_area(void **state)
{
	char	*got;

	(void)state;
	got = render(RENDER_ANALYSIS_TEXT, framework_area_find("integrity"),
	    80);
	assert_true(render_fixture_same(got,
	    "Integrity: 1 of 3 shown\n"
	    "  gap    Taking responsibility (in.accountability)\n"
	    "         Gap of in.accountability.\n"
	    "  gap    Doing what you said (in.follow-through)\n"
	    "         Gap of in.follow-through.\n"
	    "  shown  Honest about mistakes (in.honesty)\n"
	    "         \"I learned that I should have \xef\xbf\xbd]0;x"
	    "\xef\xbf\xbdinvolved the night staff sooner.\"\n"
	    "\n"
	    TEXT_EVIDENCE));
	assert_null(strchr(got, '\033'));
	assert_null(strchr(got, '\007'));
	free(got);
}

/* Text of every area: each in order, the overall figure last. */
static void
test_text_all(void **state)
{
	static const char	*head =
	    "Strategic vision: 1 of 4 shown\n"
	    "  shown  Seeing the bigger picture (sv.big-picture)\n"
	    "         \"In 2023 I led the move from paper to e-obs on ward "
	    "7.\"\n"
	    "  gap    Making sense of information (sv.analysis)\n"
	    "         Gap of sv.analysis.\n";
	char			*got;

	(void)state;
	got = render(RENDER_ANALYSIS_TEXT, -1, 80);
	assert_true(strncmp(got, head, strlen(head)) == 0);
	assert_non_null(strstr(got, "\n\nInsightfulness: 0 of 4 shown\n"));
	assert_non_null(strstr(got, "\n\n" TEXT_EVIDENCE
	    "\nOverall: 2 of 38 skill-area indicators shown.\n"));
	assert_null(strstr(got, "Overall: 2 of 38 skill-area indicators "
	    "shown.\n\n"));
	free(got);
}

/* Text at 60 columns: wrapped between words. */
static void
test_text_narrow(void **state)
{
	char	*got, *line, *save = NULL;

	(void)state;
	got = render(RENDER_ANALYSIS_TEXT, framework_area_find("integrity"),
	    60);
	assert_non_null(strstr(got,
	    "  shown  A number that shows the result (ev.measure)\n"
	    "         \"Late observations fell from 18% to 6% within three\n"
	    "          months.\"\n"));
	for (line = strtok_r(got, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		assert_true(util_columns(line, strlen(line)) <= 60);
	free(got);
}

/* tsv: four fields, control characters made spaces, ev.* last. */
static void
test_tsv(void **state)
{
	char	*got;

	(void)state;
	got = render(RENDER_ANALYSIS_TSV, framework_area_find("integrity"), 80);
	assert_true(render_fixture_same(got,
	    "integrity\tin.accountability\tgap\tGap of in.accountability.\n"
	    "integrity\tin.follow-through\tgap\tGap of in.follow-through.\n"
	    "integrity\tin.honesty\tpresent\tI learned that I should have  "
	    "]0;x involved the night staff sooner.\n"
	    "evidence\tev.example\tpresent\tIn 2023 I led the move from paper "
	    "to e-obs on ward 7.\n"
	    "evidence\tev.own-action\tgap\tGap of ev.own-action.\n"
	    "evidence\tev.result\tgap\tGap of ev.result.\n"
	    "evidence\tev.measure\tpresent\tLate observations fell from 18% "
	    "to 6% within three months.\n"
	    "evidence\tev.learning\tpresent\tI learned that I should have  "
	    "]0;x involved the night staff sooner.\n"));
	free(got);
}

/* json: one document, control characters escaped. */
static void
test_json(void **state)
{
	char	*got;

	(void)state;
	got = render(RENDER_ANALYSIS_JSON, framework_area_find("integrity"),
	    80);
	assert_true(render_fixture_same(got,
	    "{\"areas\":[{\"id\":\"integrity\",\"title\":\"Integrity\","
	    "\"dimension\":\"person-centred\",\"shown\":1,\"total\":3,"
	    "\"indicators\":[{\"id\":\"in.accountability\",\"title\":"
	    "\"Taking responsibility\",\"status\":\"gap\",\"detail\":"
	    "\"Gap of in.accountability.\"},{\"id\":\"in.follow-through\","
	    "\"title\":\"Doing what you said\",\"status\":\"gap\",\"detail\":"
	    "\"Gap of in.follow-through.\"},{\"id\":\"in.honesty\",\"title\":"
	    "\"Honest about mistakes\",\"status\":\"present\",\"detail\":"
	    "\"I learned that I should have \\u001b]0;x\\u0007involved the "
	    "night staff sooner.\"}]}],\"evidence\":{\"shown\":3,\"total\":5,"
	    "\"indicators\":[{\"id\":\"ev.example\",\"title\":"
	    "\"A specific example\",\"status\":\"present\",\"detail\":"
	    "\"In 2023 I led the move from paper to e-obs on ward 7.\"},"
	    "{\"id\":\"ev.own-action\",\"title\":\"What you did yourself\","
	    "\"status\":\"gap\",\"detail\":\"Gap of ev.own-action.\"},"
	    "{\"id\":\"ev.result\",\"title\":\"What happened as a result\","
	    "\"status\":\"gap\",\"detail\":\"Gap of ev.result.\"},"
	    "{\"id\":\"ev.measure\",\"title\":\"A number that shows the "
	    "result\",\"status\":\"present\",\"detail\":\"Late observations "
	    "fell from 18% to 6% within three months.\"},{\"id\":"
	    "\"ev.learning\",\"title\":\"What you learned\",\"status\":"
	    "\"present\",\"detail\":\"I learned that I should have "
	    "\\u001b]0;x\\u0007involved the night staff sooner.\"}]}}\n"));
	free(got);
}

/* The format names. */
static void
test_format_parse(void **state)
{
	enum render_analysis_format	f = RENDER_ANALYSIS_JSON;

	(void)state;
	assert_int_equal(render_analysis_format_parse("text", &f), 0);
	assert_int_equal(f, RENDER_ANALYSIS_TEXT);
	assert_int_equal(render_analysis_format_parse("tsv", &f), 0);
	assert_int_equal(f, RENDER_ANALYSIS_TSV);
	assert_int_equal(render_analysis_format_parse("json", &f), 0);
	assert_int_equal(f, RENDER_ANALYSIS_JSON);
	assert_int_equal(render_analysis_format_parse("md", &f), -1);
	assert_int_equal(f, RENDER_ANALYSIS_JSON);
}

/* Run the tests; the status is the number that failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_area),
		cmocka_unit_test(test_text_all),
		cmocka_unit_test(test_text_narrow),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_format_parse),
	};

	return cmocka_run_group_tests_name("render-analysis", tests, setup,
	    teardown);
}

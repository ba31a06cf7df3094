/*
 * test_analyse.c: analysing a text and printing it as text, tsv and json.
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
#include "prompts.h"
#include "report.h"
#include "util.h"

struct fx {
	char		*dir;
	struct prompts	*p;
};

static int
setup(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct fx		*fx;

	fx = xcalloc(1, sizeof *fx);
	fx->dir = fixture_dir();
	fx->p = prompts_load(fx->dir, &probs, 0);
	assert_non_null(fx->p);
	*state = fx;
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
	int		 total, big, vision;

	analyse_run(fx->p, text, strlen(text), &a);
	big = framework_indicator_find("sv.big-picture");
	vision = framework_indicator_find("sv.vision");
	assert_true(analyse_shown(&a, big));
	assert_false(analyse_shown(&a, vision));
	assert_int_equal(a.items[vision].status, MATCH_GUARDED);
	assert_int_equal(analyse_count(&a, 0, &total), 1);
	assert_int_equal(total, 4);
	assert_int_equal(analyse_count(&a, FRAMEWORK_EVIDENCE, &total), 2);
	assert_int_equal(total, 5);
	q = analyse_quote(&a, big);
	/* The words that matched, with up to three words either side. */
	assert_string_equal(q, "year I did svbigpicture with the board");
	free(q);
	assert_int_equal(a.nwarnings, 0);
	analyse_free(&a);
}

/* Render into a string. */
static char *
render(struct fx *fx, enum report_format fmt, int area, const char *t)
{
	struct analysis	 a;
	char		*out = NULL;
	size_t		 len = 0;
	FILE		*f;

	f = open_memstream(&out, &len);
	assert_non_null(f);
	analyse_run(fx->p, t, strlen(t), &a);
	report_analysis(f, fmt, &a, area, 80);
	fclose(f);
	analyse_free(&a);
	return out;
}

/* Count lines, checking each has exactly four tab-separated fields. */
static int
tsv_lines(const char *out)
{
	const char	*s, *nl;
	int		 lines = 0, tabs;

	for (s = out; *s != '\0'; s = nl + 1) {
		nl = strchr(s, '\n');
		assert_non_null(nl);
		for (tabs = 0; s < nl; s++)
			tabs += *s == '\t';
		assert_int_equal(tabs, 3);
		lines++;
	}
	return lines;
}

/* tsv: one four-field line per indicator; ev.* once, as "evidence". */
static void
test_tsv(void **state)
{
	struct fx	*fx = *state;
	char		*out;
	int		 i;

	out = render(fx, REPORT_TSV, -1, text);
	assert_int_equal(tsv_lines(out), FRAMEWORK_NINDICATORS);
	assert_non_null(strstr(out, "strategic-vision\tsv.big-picture\t"
	    "present\tyear I did svbigpicture with the board\n"));
	assert_non_null(strstr(out, "strategic-vision\tsv.vision\tgap\t"
	    "Say more about sv.vision.\n"));
	assert_non_null(strstr(out, "evidence\tev.measure\tpresent\t"
	    "ran evexample and evmeasure\n"));
	free(out);

	out = render(fx, REPORT_TSV, 9, text);
	assert_int_equal(tsv_lines(out), 4 + 5);
	assert_non_null(strstr(out, "insightfulness\tis.action-plan\tgap\t"));
	free(out);

	/* Tabs and line breaks in a detail become spaces. */
	i = framework_indicator_find("is.action-plan");
	free(fx->p->indicators[i].gap);
	fx->p->indicators[i].gap = xstrdup("Write\tone\nstep.");
	out = render(fx, REPORT_TSV, 9, "x");
	assert_int_equal(tsv_lines(out), 9);
	assert_non_null(strstr(out, "\tgap\tWrite one step.\n"));
	free(out);
}

/* json: the same content; the answer's bad bytes never break it. */
static void
test_json(void **state)
{
	struct fx	*fx = *state;
	char		*out;

	out = render(fx, REPORT_JSON, 0, "I did svanalysis \"quoted\"\xff.");
	assert_true(strncmp(out, "{\"areas\":[{\"id\":\"strategic-vision\"",
	    33) == 0);
	assert_non_null(strstr(out, "\"shown\":1,\"total\":4"));
	assert_non_null(strstr(out, "{\"id\":\"sv.analysis\",\"title\":"
	    "\"Title of sv.analysis\",\"status\":\"present\",\"detail\":"
	    "\"I did svanalysis\"}"));
	assert_non_null(strstr(out, "\"evidence\":{\"shown\":0,\"total\":5,"));
	assert_null(strstr(out, "learning-dissemination"));
	assert_string_equal(out + strlen(out) - 3, "}}\n");
	free(out);
}

/* text: a coverage line per area and an overall figure. */
static void
test_text(void **state)
{
	struct fx	*fx = *state;
	char		*out;

	out = render(fx, REPORT_TEXT, -1, text);
	assert_non_null(strstr(out, "Area strategic-vision: 1 of 4 shown\n"));
	assert_non_null(strstr(out, "  shown  Title of sv.big-picture "
	    "(sv.big-picture)\n         \"year I did svbigpicture with the "
	    "board\"\n"));
	assert_non_null(strstr(out, "  gap    Title of sv.vision (sv.vision)\n"
	    "         Say more about sv.vision.\n"));
	assert_non_null(strstr(out, "Quality of evidence: 2 of 5 shown\n"));
	assert_non_null(strstr(out, "Overall: 1 of 38 skill-area indicators "
	    "shown.\n"));
	free(out);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_run),
		T(test_tsv),
		T(test_json),
		T(test_text),
	};
#undef T

	return cmocka_run_group_tests_name("analyse", tests, NULL, NULL);
}

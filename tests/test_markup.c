/*
 * test_markup.c: what every renderer shares: Markdown escaping (every
 * special character, '|' of tables among them, on one line), wrapped
 * Markdown paragraphs, CSV fields (quoted for a comma, a quote, a CR or
 * an LF, and parsed back as they were), bars and trends.  Needs markup.o
 * and util.o.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markup.h"
#include "util.h"

/* text escaped for Markdown must be exactly want. */
static void
md_is(const char *text, const char *want)
{
	struct buf	b = { 0 };

	buf_adds(&b, "");
	markup_md_escape(&b, text);
	if (strcmp(b.data, want) != 0)
		fail_msg("'%s' escaped as '%s', not '%s'", text, b.data, want);
	buf_free(&b);
}

/* Every character Markdown takes as markup is escaped; text is one line. */
static void
test_md_escape(void **state)
{
	(void)state;
	md_is("plain words", "plain words");
	md_is("a | b", "a \\| b");
	md_is("\\", "\\\\");
	md_is("`code`", "\\`code\\`");
	md_is("*bold* _it_", "\\*bold\\* \\_it\\_");
	md_is("[link](x)", "\\[link\\](x)");
	md_is("<b>", "\\<b\\>");
	md_is("# heading", "\\# heading");
	md_is("  two\n\nlines\t here ", "two lines here");
	md_is("caf\xc3\xa9 \xe2\x82\xac", "caf\xc3\xa9 \xe2\x82\xac");
	md_is("", "");
}

/* Lead, escaped text and tail, wrapped at 80 columns, later lines indented. */
static void
test_md_wrap(void **state)
{
	char	*out = NULL;
	size_t	 len;
	FILE	*f;

	(void)state;
	f = open_memstream(&out, &len);
	markup_md_wrap(f, "- Quote: \"", "We ran a *pilot* on ward 7 | and the "
	    "nurses told us, week by week, what worked and what did not for "
	    "them", "\"", 2);
	markup_md_wrap(f, "- ", "", NULL, 2);
	fclose(f);
	assert_string_equal(out, "- Quote: \"We ran a \\*pilot\\* on ward 7 "
	    "\\| and the nurses told us, week by week,\n  what worked and what "
	    "did not for them\"\n-\n");
	free(out);
}

/* Parse one CSV field at *s (RFC 4180) into a new string; *s moves past it. */
static char *
csv_parse_field(const char **s)
{
	struct buf	 b = { 0 };
	const char	*p = *s;

	if (*p == '"') {
		for (p++;; p++) {
			assert_true(*p != '\0');
			if (*p == '"' && p[1] == '"')
				buf_addc(&b, *p++);
			else if (*p == '"')
				break;
			else
				buf_addc(&b, *p);
		}
		p++;
	} else {
		for (; *p != ',' && *p != '\0'; p++) {
			assert_true(*p != '"' && *p != '\n' && *p != '\r');
			buf_addc(&b, *p);
		}
	}
	*s = p;
	return buf_take(&b);
}

/* field written as CSV must be exactly want, and parse back as field. */
static void
csv_is(const char *field, const char *want)
{
	const char	*p;
	char		*out = NULL, *back;
	size_t		 len;
	FILE		*f;

	f = open_memstream(&out, &len);
	markup_csv_field(f, field);
	fputc(',', f);
	markup_csv_field(f, "next");
	fclose(f);
	p = out;
	back = csv_parse_field(&p);
	if (strncmp(out, want, strlen(want)) != 0 || out[strlen(want)] != ',')
		fail_msg("'%s' written as '%s', not '%s'", field, out, want);
	assert_string_equal(back, field != NULL ? field : "");
	free(back);
	assert_int_equal(*p, ',');
	p++;
	back = csv_parse_field(&p);
	assert_string_equal(back, "next");
	assert_int_equal(*p, '\0');
	free(back);
	free(out);
}

/* Quoted for a comma, a quote, a CR or an LF, quotes doubled; else as it is. */
static void
test_csv_field(void **state)
{
	(void)state;
	csv_is("plain", "plain");
	csv_is("", "");
	csv_is(NULL, "");
	csv_is("sp ace|pipe;semi", "sp ace|pipe;semi");
	csv_is("a,b", "\"a,b\"");
	csv_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_is("\"", "\"\"\"\"");
	csv_is("line\nbreak", "\"line\nbreak\"");
	csv_is("carriage\rreturn", "\"carriage\rreturn\"");
	csv_is("both\r\n", "\"both\r\n\"");
}

/* A bar of shown against total. */
static void
bar_is(int shown, int total, int width, const char *want)
{
	struct buf	b = { 0 };

	markup_bar(&b, shown, total, width);
	if (strcmp(b.data, want) != 0)
		fail_msg("%d of %d: '%s', not '%s'", shown, total, b.data,
		    want);
	buf_free(&b);
}

/* Bars fill in proportion, rounded, within their width. */
static void
test_bar(void **state)
{
	(void)state;
	bar_is(0, 4, MARKUP_BAR, "[----------]");
	bar_is(2, 4, MARKUP_BAR, "[#####-----]");
	bar_is(4, 4, MARKUP_BAR, "[##########]");
	bar_is(1, 3, MARKUP_BAR, "[###-------]");
	bar_is(2, 3, MARKUP_BAR, "[#######---]");
	bar_is(1, 5, 5, "[#----]");
	bar_is(0, 0, 4, "[----]");
	bar_is(7, 4, 4, "[####]");
	bar_is(-1, 4, 4, "[----]");
}

/* A trend of values. */
static void
trend_is(const int *v, size_t n, const char *want)
{
	struct buf	b = { 0 };

	buf_adds(&b, "");
	markup_trend(&b, v, n);
	if (strcmp(b.data, want) != 0)
		fail_msg("trend '%s', not '%s'", b.data, want);
	buf_free(&b);
}

/* Trends: "-" for none; a long one keeps the first and the latest six. */
static void
test_trend(void **state)
{
	static const int	v[] = { 1, 2, 3, 4, 5, 4, 3, 2, 1, 5 };
	static const int	gaps[] = { 2, -1, 4 };

	(void)state;
	trend_is(v, 0, "");
	trend_is(v, 1, "1");
	trend_is(gaps, 3, "2 > - > 4");
	trend_is(v, 8, "1 > 2 > 3 > 4 > 5 > 4 > 3 > 2");
	trend_is(v, 9, "1 > ... > 4 > 5 > 4 > 3 > 2 > 1");
	trend_is(v, 10, "1 > ... > 5 > 4 > 3 > 2 > 1 > 5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_escape),
		cmocka_unit_test(test_md_wrap),
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_trend),
	};

	return cmocka_run_group_tests_name("markup", tests, NULL, NULL);
}

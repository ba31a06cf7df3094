/*
 * test_plan.c: the action plan without a terminal: due dates in many
 * forms (and bad ones), relative to a fixed today; the checks of an
 * action; the SMART check against the fixture's [plan]; the default
 * area; the renderings, with CSV parsed back field by field; and the
 * guided questions over an injected list of lines, with a store in
 * memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "converse.h"
#include "fixture.h"
#include "framework.h"
#include "plan-guide.h"
#include "plan.h"
#include "prompts.h"
#include "store.h"
#include "util.h"

/* A Thursday. */
#define TODAY	"2026-11-26"

/* The date text must be read as want. */
static void
due_is(const char *text, const char *want)
{
	char	 out[PLAN_DATE_LEN], *cause = NULL;

	if (plan_parse_due(text, TODAY, out, &cause) != 0)
		fail_msg("'%s': %s", text, cause);
	if (strcmp(out, want) != 0)
		fail_msg("'%s' read as %s, not %s", text, out, want);
}

/* The date text must be refused with a cause containing want. */
static void
due_fails(const char *text, const char *want)
{
	char	 out[PLAN_DATE_LEN], *cause = NULL;

	if (plan_parse_due(text, TODAY, out, &cause) == 0)
		fail_msg("'%s' was read as %s", text, out);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s': \"%s\" does not say \"%s\"", text, cause, want);
	free(cause);
}

/* Written dates: ISO, day first, with month names, in any case. */
static void
test_due_absolute(void **state)
{
	(void)state;
	due_is("2027-03-31", "2027-03-31");
	due_is("2027-3-1", "2027-03-01");
	due_is("2027/03/31", "2027-03-31");
	due_is("31/03/2027", "2027-03-31");
	due_is("31/3/2027", "2027-03-31");
	due_is("1/4/27", "2027-04-01");
	due_is("31-03-2027", "2027-03-31");
	due_is("31.03.2027", "2027-03-31");
	due_is("29/02/2028", "2028-02-29");
	due_is("  by 31/03/2027 ", "2027-03-31");
	due_is("on 2027-01-05.", "2027-01-05");
	due_is("31 March 2027", "2027-03-31");
	due_is("31st March 2027", "2027-03-31");
	due_is("1st of April 2027", "2027-04-01");
	due_is("3 SEPT 2027", "2027-09-03");
	due_is("March 31, 2027", "2027-03-31");
	due_is("march 31st 2027", "2027-03-31");
	due_is("June 2027", "2027-06-30");
	due_is("today", TODAY);
	due_is("26/11/2026", TODAY);
}

/* Dates with no year: the next such day from today. */
static void
test_due_no_year(void **state)
{
	(void)state;
	due_is("31 March", "2027-03-31");
	due_is("1 December", "2026-12-01");
	due_is("26 November", TODAY);
	due_is("25 November", "2027-11-25");
	due_is("15/01", "2027-01-15");
	due_is("29 Feb", "2028-02-29");
}

/* Relative dates, from Thursday 26 November 2026. */
static void
test_due_relative(void **state)
{
	(void)state;
	due_is("tomorrow", "2026-11-27");
	due_is("in 3 months", "2027-02-26");
	due_is("In three months", "2027-02-26");
	due_is("in a month", "2026-12-26");
	due_is("in 2 weeks", "2026-12-10");
	due_is("two weeks", "2026-12-10");
	due_is("in a fortnight", "2026-12-10");
	due_is("in 10 days", "2026-12-06");
	due_is("in a year", "2027-11-26");
	due_is("in six months' time", "2027-05-26");
	due_is("end of June", "2027-06-30");
	due_is("by the end of June", "2027-06-30");
	due_is("end of November", "2026-11-30");
	due_is("end of October", "2027-10-31");
	due_is("end of February 2028", "2028-02-29");
	due_is("end of the month", "2026-11-30");
	due_is("end of next month", "2026-12-31");
	due_is("end of the year", "2026-12-31");
	due_is("end of next year", "2027-12-31");
	due_is("next Friday", "2026-11-27");
	due_is("friday", "2026-11-27");
	due_is("next Thursday", "2026-12-03");
	due_is("next mon", "2026-11-30");
}

/* Month arithmetic keeps the day, or the month's last when it has fewer. */
static void
test_due_month_ends(void **state)
{
	char	 out[PLAN_DATE_LEN], *cause = NULL;

	(void)state;
	assert_int_equal(plan_parse_due("in 1 month", "2027-01-31", out,
	    &cause), 0);
	assert_string_equal(out, "2027-02-28");
	assert_int_equal(plan_parse_due("in 1 month", "2028-01-31", out,
	    &cause), 0);
	assert_string_equal(out, "2028-02-29");
	assert_int_equal(plan_parse_due("in 12 months", "2028-02-29", out,
	    &cause), 0);
	assert_string_equal(out, "2029-02-28");
	assert_int_equal(plan_parse_due("next Friday", "2026-12-31", out,
	    &cause), 0);
	assert_string_equal(out, "2027-01-01");
}

/* Days that do not exist, and US order, say so. */
static void
test_due_no_such_day(void **state)
{
	(void)state;
	due_fails("31/02/2027", "there is no 31 February 2027");
	due_fails("29/02/2027", "there is no 29 February 2027");
	due_fails("2027-02-30", "there is no 30 February 2027");
	due_fails("31/04/2027", "there is no 31 April 2027");
	due_fails("31 June 2027", "there is no 31 June 2027");
	due_fails("30 February", "there is no 30 February");
	due_fails("03/31/2027", "there is no month 31: write the day first, "
	    "as in 31/03/2027");
	due_fails("2027-13-01", "there is no month 13");
	due_fails("0/3/2027", "is not a day of the calendar");
	due_fails("32/01/2027", "is not a day of the calendar");
}

/* Past and far dates, and nonsense, are refused with a reason. */
static void
test_due_bad(void **state)
{
	(void)state;
	due_fails("25/11/2026", "Wednesday 25 November 2026 has already "
	    "passed");
	due_fails("2020-01-01", "has already passed");
	due_fails("in 11 years", "more than 10 years away");
	due_fails("2040-01-01", "more than 10 years away");
	due_fails("soonish", "cannot read 'soonish' as a date: try "
	    "31/03/2027");
	due_fails("", "give a date");
	due_fails("   ", "give a date");
	due_fails("next week", "cannot read");
	due_fails("in 3 fortnights and a day", "cannot read");
	due_fails("31/03/2027/1", "cannot read");
	due_fails("2027-03", "cannot read");
	due_fails("March 32 2027", "cannot read");
	due_fails("end of Smarch", "cannot read");
	due_fails("in -3 months", "cannot read");
	due_fails("one two three four five six seven eight nine", "cannot "
	    "read");
	due_fails("12345/1/2027", "cannot read");
}

/* Date helpers: validity, days between, the long form. */
static void
test_dates(void **state)
{
	char	buf[64];

	(void)state;
	assert_true(plan_date_valid("2028-02-29"));
	assert_false(plan_date_valid("2027-02-29"));
	assert_false(plan_date_valid("2027-2-28"));
	assert_false(plan_date_valid("2027-02-28 "));
	assert_false(plan_date_valid(NULL));
	assert_int_equal(plan_days_between("2026-11-26", "2027-03-31"), 125);
	assert_int_equal(plan_days_between("2027-03-31", "2026-11-26"), -125);
	assert_int_equal(plan_days_between("1999-12-31", "2000-03-01"), 61);
	plan_date_long("2027-03-31", buf, sizeof buf);
	assert_string_equal(buf, "Wednesday 31 March 2027");
	plan_date_long("2000-01-01", buf, sizeof buf);
	assert_string_equal(buf, "Saturday 1 January 2000");
	plan_date_long("rubbish", buf, sizeof buf);
	assert_string_equal(buf, "rubbish");
}

/* DHCOACH_TODAY fixes today and the times written; a bad one is ignored. */
static void
test_today(void **state)
{
	char	today[PLAN_DATE_LEN], now[PLAN_TIME_LEN];

	(void)state;
	setenv("DHCOACH_TODAY", "2027-01-02", 1);
	assert_int_equal(plan_today(today), 0);
	assert_string_equal(today, "2027-01-02");
	plan_now(now);
	assert_string_equal(now, "2027-01-02T12:00:00Z");
	setenv("DHCOACH_TODAY", "2027-02-30", 1);
	assert_int_equal(plan_today(today), 1);
	assert_true(plan_date_valid(today));
	plan_now(now);
	assert_int_equal(strlen(now), 20);
	unsetenv("DHCOACH_TODAY");
	assert_int_equal(plan_today(today), 0);
	assert_true(plan_date_valid(today));
}

/* Areas by id, unique start, or number. */
static void
test_area_parse(void **state)
{
	(void)state;
	assert_int_equal(plan_area_parse("integrity"), 8);
	assert_int_equal(plan_area_parse(" Integ "), 8);
	assert_int_equal(plan_area_parse("1"), 0);
	assert_int_equal(plan_area_parse("10"), 9);
	assert_int_equal(plan_area_parse("11"), -1);
	assert_int_equal(plan_area_parse("0"), -1);
	assert_int_equal(plan_area_parse("3x"), -1);
	assert_int_equal(plan_area_parse("c"), -1);	/* communication, culture */
	assert_int_equal(plan_area_parse("cu"), 5);
	assert_int_equal(plan_area_parse(""), -1);
	assert_int_equal(plan_area_parse("nowhere"), -1);
}

/* An action that would pass, with one field changed by each check. */
static void
test_check(void **state)
{
	struct plan_action	 a;
	char			*cause = NULL, *big;

	(void)state;
	memset(&a, 0, sizeof a);
	a.action = "Run a pilot";
	a.measure = "";
	a.due = "2027-03-31";
	a.support = NULL;
	a.area = "integrity";
	assert_int_equal(plan_check(&a, &cause), PLAN_OK);

	a.action = " \t\n";
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_ACTION);
	assert_string_equal(cause, "the action is empty: say what you will do");
	free(cause);
	a.action = NULL;
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_ACTION);
	free(cause);
	a.action = "bad \xff byte";
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_ACTION);
	assert_non_null(strstr(cause, "not valid UTF-8"));
	free(cause);
	a.action = "bell \a";
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_ACTION);
	free(cause);
	big = xmalloc(PLAN_MAX_TEXT + 2);
	memset(big, 'x', PLAN_MAX_TEXT + 1);
	big[PLAN_MAX_TEXT + 1] = '\0';
	a.action = big;
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_ACTION);
	assert_non_null(strstr(cause, "too long"));
	free(cause);
	a.action = "Line one,\nline \"two\"\ttabbed";
	assert_int_equal(plan_check(&a, &cause), PLAN_OK);
	a.measure = big;
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_TEXT);
	free(cause);
	free(big);
	a.measure = "";
	a.due = "2027-02-30";
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_DATE);
	free(cause);
	a.due = NULL;
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_DATE);
	free(cause);
	a.due = "2027-03-31";
	a.area = "nowhere";
	assert_int_equal(plan_check(&a, &cause), PLAN_ERR_AREA);
	assert_non_null(strstr(cause, "unknown area 'nowhere'"));
	free(cause);
}

/* The default area: the largest gap among those visited. */
static void
test_default_area(void **state)
{
	int	visited[FRAMEWORK_NAREAS] = { 0 };
	int	shown[FRAMEWORK_NAREAS] = { 0 };
	int	total[FRAMEWORK_NAREAS] = { 4, 4, 3, 4, 4, 5, 3, 4, 3, 4 };

	(void)state;
	assert_int_equal(plan_default_area(visited, shown, total), -1);
	visited[8] = 1;
	assert_int_equal(plan_default_area(visited, shown, total), 8);
	visited[0] = 1;
	shown[0] = 1;	/* 3 missing of 4, against 3 of 3 */
	assert_int_equal(plan_default_area(visited, shown, total), 8);
	shown[8] = 1;	/* 2 missing of 3: strategic-vision has more */
	assert_int_equal(plan_default_area(visited, shown, total), 0);
	visited[5] = 1;
	shown[5] = 2;	/* 3 missing of 5: as many as sv, a higher share shown */
	assert_int_equal(plan_default_area(visited, shown, total), 0);
	shown[5] = 1;	/* 4 missing */
	assert_int_equal(plan_default_area(visited, shown, total), 5);
}

/* A list of actions to render. */
static void
sample_list(struct plan_list *l)
{
	static const struct plan_action	 v[] = {
		{ 1, "integrity", "Tell the team, then \"own\" it", "", "2026-11-01",
		  "", 0, "2026-10-01T09:00:00Z", "2026-10-01T09:00:00Z",
		  NULL },
		{ 4, "insightfulness", "Ask for *360* feedback, in\nwriting",
		  "Three people, say", "2027-03-31", "my mentor, Sam", 1,
		  "2026-10-02T09:00:00Z", "2026-11-20T09:00:00Z",
		  "2026-11-20T09:00:00Z" },
	};
	size_t	i;

	l->n = sizeof v / sizeof v[0];
	l->v = xcalloc(l->n, sizeof *l->v);
	for (i = 0; i < l->n; i++)
		plan_action_copy(&l->v[i], &v[i]);
}

/* Render into a new string. */
static char *
render(int kind, const struct plan_list *l)
{
	char	*out = NULL;
	size_t	 len;
	FILE	*f;

	f = open_memstream(&out, &len);
	if (kind == 0)
		plan_render_list(f, l, TODAY, 80);
	else if (kind == 1)
		plan_render_md(f, l, TODAY);
	else if (kind == 2)
		plan_render_csv(f, l);
	else
		plan_render_show(f, &l->v[0], TODAY, 80);
	fclose(f);
	return out;
}

/* The list and the full view: status, due date, overdue, area, action. */
static void
test_render_text(void **state)
{
	struct plan_list	 l;
	char			*s;

	(void)state;
	sample_list(&l);
	assert_true(plan_overdue(&l.v[0], TODAY));
	assert_false(plan_overdue(&l.v[1], "2028-01-01"));
	s = render(0, &l);
	assert_string_equal(s,
	    " ID  Status  Due                 Area\n"
	    "  1  open    2026-11-01 overdue  integrity\n"
	    "       Tell the team, then \"own\" it\n"
	    "  4  done    2027-03-31          insightfulness\n"
	    "       Ask for *360* feedback, in writing\n");
	free(s);
	s = render(3, &l);
	assert_non_null(strstr(s, "Action 1 (open)\n"));
	assert_non_null(strstr(s, "  Due:             Sunday 1 November 2026 "
	    "(overdue by 25 days)\n"));
	assert_non_null(strstr(s, "  How you'll know: (not given)\n"));
	free(s);
	plan_list_free(&l);
	assert_int_equal(l.n, 0);
}

/* Markdown: one section an action, text on one line, markup escaped. */
static void
test_render_md(void **state)
{
	struct plan_list	 l = { NULL, 0 };
	char			*s;

	(void)state;
	s = render(1, &l);
	assert_string_equal(s, "No actions yet.\n");
	free(s);
	sample_list(&l);
	s = render(1, &l);
	assert_non_null(strstr(s, "### 1. Tell the team, then \"own\" it\n\n"
	    "- Status: open, overdue\n- Due: Sunday 1 November 2026 "
	    "(2026-11-01)\n- Area: integrity\n- How I will know it worked: (not "
	    "given)\n- Support: (not given)\n\n### 4. Ask for \\*360\\* "
	    "feedback, in writing\n"));
	assert_non_null(strstr(s, "- Support: my mentor, Sam\n- Done: "
	    "2026-11-20\n"));
	free(s);
	plan_list_free(&l);
}

/*
 * Parse CSV text as RFC 4180 says: rows of fields, each plain or quoted
 * (with "" for a quote), rows ending CRLF.  Fails the test on anything
 * else.  Returns the number of rows; fields[row][col] are new strings.
 */
static size_t
csv_parse(const char *s, char *fields[][10], size_t maxrows)
{
	struct buf	 b = { 0 };
	size_t		 row = 0, col = 0;

	while (*s != '\0') {
		assert_true(row < maxrows);
		assert_true(col < 10);
		if (*s == '"') {
			for (s++;; s++) {
				assert_true(*s != '\0');
				if (*s == '"' && s[1] == '"')
					buf_addc(&b, *s++);
				else if (*s == '"')
					break;
				else
					buf_addc(&b, *s);
			}
			s++;
		} else {
			for (; *s != ',' && *s != '\r' && *s != '\0'; s++) {
				assert_true(*s != '"' && *s != '\n');
				buf_addc(&b, *s);
			}
		}
		fields[row][col++] = buf_take(&b);
		if (*s == ',') {
			s++;
			continue;
		}
		assert_true(s[0] == '\r' && s[1] == '\n');
		s += 2;
		assert_int_equal(col, 10);
		row++;
		col = 0;
	}
	assert_int_equal(col, 0);
	return row;
}

/* CSV: a header row, CRLF, and fields with commas, quotes and newlines that parse back as they were. */
static void
test_render_csv(void **state)
{
	static const char	*header[10] = { "id", "area", "action",
	    "measure", "due", "support", "status", "created", "updated",
	    "done" };
	struct plan_list	 l;
	char			*fields[4][10], *s;
	size_t			 n, r, c;

	(void)state;
	sample_list(&l);
	free(l.v[1].measure);
	l.v[1].measure = xstrdup("\"Three\", say,\r\nor four");
	s = render(2, &l);
	n = csv_parse(s, fields, 4);
	assert_int_equal(n, 3);
	for (c = 0; c < 10; c++)
		assert_string_equal(fields[0][c], header[c]);
	assert_string_equal(fields[1][0], "1");
	assert_string_equal(fields[1][2], "Tell the team, then \"own\" it");
	assert_string_equal(fields[1][6], "open");
	assert_string_equal(fields[1][9], "");
	assert_string_equal(fields[2][0], "4");
	assert_string_equal(fields[2][2], "Ask for *360* feedback, in\nwriting");
	assert_string_equal(fields[2][3], "\"Three\", say,\r\nor four");
	assert_string_equal(fields[2][5], "my mentor, Sam");
	assert_string_equal(fields[2][6], "done");
	assert_string_equal(fields[2][9], "2026-11-20T09:00:00Z");
	for (r = 0; r < n; r++)
		for (c = 0; c < 10; c++)
			free(fields[r][c]);
	free(s);
	plan_list_free(&l);
}

/* The fixture's prompts and a store in memory, for the SMART check and the guide. */
struct fx {
	char		*dir;
	struct prompts	*p;
	struct store	*s;
	const char	**lines;
	size_t		 next;
	char		*out;
	size_t		 outlen;
};

static int
fx_setup(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct fx		*fx;
	char			*cause = NULL;

	setenv("DHCOACH_TODAY", TODAY, 1);
	fx = xcalloc(1, sizeof *fx);
	fx->dir = fixture_dir();
	fx->p = prompts_load(fx->dir, &probs, 0);
	assert_non_null(fx->p);
	assert_int_equal(store_open(":memory:", &fx->s, &cause), STORE_OK);
	*state = fx;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	store_close(fx->s);
	prompts_free(fx->p);
	fixture_rm(fx->dir);
	free(fx->out);
	free(fx);
	unsetenv("DHCOACH_TODAY");
	return 0;
}

/* The SMART check: the fixture's "better" is vague. */
static void
test_vague(void **state)
{
	struct fx		*fx = *state;
	struct match_hit	 hit;
	char			*cause = NULL;

	assert_int_equal(plan_vague(fx->p, "Be better at communication", &hit,
	    &cause), 1);
	assert_int_equal(hit.start, 3);
	assert_int_equal(hit.end, 9);
	assert_int_equal(plan_vague(fx->p, "Run a pilot on ward 7 by March",
	    &hit, &cause), 0);
}

static char *
script_read(struct converse_source *src, const char *prompt)
{
	struct fx	*fx = src->ctx;

	(void)prompt;
	if (fx->lines[fx->next] == NULL)
		return NULL;
	return xstrdup(fx->lines[fx->next++]);
}

static char *
script_edit(struct converse_source *src, char **cause)
{
	(void)src;
	*cause = xstrdup("no editor");
	return NULL;
}

/* Run the guide over lines: 0 add actions (run), or edit action id. */
static enum plan_guide_result
guide(struct fx *fx, const char **lines, int64_t edit, int *nsaved)
{
	struct converse_source	 src = { script_read, script_edit, fx };
	struct plan_guide	 g;
	struct plan_action	 a;
	enum plan_guide_result	 r;
	char			*cause = NULL;
	FILE			*out;

	fx->lines = lines;
	fx->next = 0;
	free(fx->out);
	fx->out = NULL;
	out = open_memstream(&fx->out, &fx->outlen);
	plan_guide_init(&g, fx->p, fx->s, &src, out, 80, 8);
	if (edit == 0)
		r = plan_guide_run(&g, nsaved, &cause);
	else {
		assert_int_equal(store_plan_get(fx->s, edit, &a, &cause), 1);
		r = plan_guide_edit(&g, &a, &cause);
		plan_action_clear(&a);
	}
	fclose(out);
	if (r == PLAN_GUIDE_ERROR)
		fail_msg("guide: %s", cause);
	return r;
}

#define assert_said(fx, text) do {					\
	if (strstr((fx)->out, (text)) == NULL)				\
		fail_msg("not said: \"%s\"; the output:\n%s", (text),	\
		    (fx)->out);						\
} while (0)

/* The guided questions: nudge, a bad date asked again, default area, saved at once. */
static void
test_guide_add(void **state)
{
	struct fx		*fx = *state;
	struct store_plan_filter f = { 0 };
	struct plan_list	 l;
	char			*cause = NULL;
	int			 n;
	const char		*lines[] = { "be better at it", "",
	    "/frob", "", "31/02/2027", "in 2 weeks", "my mentor", "", "y",
	    "y", "Run a pilot on ward 7", "Ten nurses use it", "2027-03-31",
	    "-", "?", "nowhere", "strat", "n", "n", NULL };

	assert_int_equal(guide(fx, lines, 0, &n), PLAN_GUIDE_SAVED);
	assert_int_equal(n, 1);
	assert_said(fx, "Plan intro.\n\nWhat will you do?\n\nMake it specific.\n"
	    "Type a sharper version, or press Enter to keep yours as it is.\n");
	assert_said(fx, "While we write this action, answer the question");
	assert_said(fx, "There is no 31 February 2027: check the day and the "
	    "month. Try again, or /cancel\nto stop.\nThat is Thursday 10 "
	    "December 2026.\n");
	assert_said(fx, "Press Enter for integrity (Area integrity)");
	assert_said(fx, "  What:            be better at it\n");
	assert_said(fx, "Saved as action 1.");
	assert_said(fx, "Type the area's number or id:\n   1 strategic-vision");
	assert_said(fx, "There is no area 'nowhere': type its number or id, or "
	    "? to list them.\n");
	assert_said(fx, "  Area:            strategic-vision\nSave it to your "
	    "plan? (Y/n)\nNot saved.\n");
	assert_said(fx, "Your plan is saved: 1 new action.");

	assert_int_equal(store_plan_list(fx->s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].action, "be better at it");
	assert_string_equal(l.v[0].measure, "");
	assert_string_equal(l.v[0].due, "2026-12-10");
	assert_string_equal(l.v[0].support, "my mentor");
	assert_string_equal(l.v[0].area, "integrity");
	assert_string_equal(l.v[0].created, TODAY "T12:00:00Z");
	plan_list_free(&l);
}

/* The candidate may sharpen a vague action; /cancel and the end of input store nothing. */
static void
test_guide_sharpen_cancel(void **state)
{
	struct fx		*fx = *state;
	struct store_plan_filter f = { 0 };
	struct plan_list	 l;
	char			*cause = NULL;
	int			 n;
	const char		*sharpen[] = { "do better", "Run two huddles",
	    "", "tomorrow", "", "", "", NULL };
	const char		*cancel[] = { "Run a pilot", "/cancel", "", NULL };
	const char		*eof[] = { "Run a pilot", "x", NULL };

	assert_int_equal(guide(fx, sharpen, 0, &n), PLAN_GUIDE_EOF);
	assert_int_equal(n, 1);
	assert_int_equal(guide(fx, cancel, 0, &n), PLAN_GUIDE_DROPPED);
	assert_said(fx, "Stopped: that action was not saved.");
	assert_int_equal(guide(fx, eof, 0, &n), PLAN_GUIDE_EOF);
	assert_int_equal(store_plan_list(fx->s, &f, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].action, "Run two huddles");
	assert_string_equal(l.v[0].due, "2026-11-27");
	plan_list_free(&l);
}

/* Editing: Enter keeps, "-" clears, new answers replace; nothing changed saves nothing. */
static void
test_guide_edit(void **state)
{
	struct fx		*fx = *state;
	struct plan_action	 a;
	char			*cause = NULL;
	int64_t			 id;
	const char		*same[] = { "", "", "", "", "", NULL };
	const char		*change[] = { "", "Staff say so", "end of June",
	    "-", "9", "", NULL };

	memset(&a, 0, sizeof a);
	a.action = "Run a pilot";
	a.measure = "";
	a.due = "2027-01-31";
	a.support = "Sam";
	a.area = "integrity";
	id = store_plan_add(fx->s, &a, &cause);
	assert_true(id > 0);
	assert_int_equal(guide(fx, same, id, NULL), PLAN_GUIDE_DROPPED);
	assert_said(fx, "Now: Run a pilot\n");
	assert_said(fx, "Now: Sunday 31 January 2027\n");
	assert_said(fx, "Nothing has changed, so there is nothing to save.");
	assert_int_equal(guide(fx, change, id, NULL), PLAN_GUIDE_SAVED);
	memset(&a, 0, sizeof a);
	assert_int_equal(store_plan_get(fx->s, id, &a, &cause), 1);
	assert_string_equal(a.action, "Run a pilot");
	assert_string_equal(a.measure, "Staff say so");
	assert_string_equal(a.due, "2027-06-30");
	assert_string_equal(a.support, "");
	assert_string_equal(a.area, "integrity");
	plan_action_clear(&a);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_absolute),
		cmocka_unit_test(test_due_no_year),
		cmocka_unit_test(test_due_relative),
		cmocka_unit_test(test_due_month_ends),
		cmocka_unit_test(test_due_no_such_day),
		cmocka_unit_test(test_due_bad),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_area_parse),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_default_area),
		cmocka_unit_test(test_render_text),
		cmocka_unit_test(test_render_md),
		cmocka_unit_test(test_render_csv),
		T(test_vague),
		T(test_guide_add),
		T(test_guide_sharpen_cancel),
		T(test_guide_edit),
	};
#undef T

	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}

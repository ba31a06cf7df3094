/*
 * test_date_parse.c: due dates as people write them, relative to a
 * fixed today: written dates in many forms, dates with no year (and the
 * question when this year's has passed), relative dates, month ends,
 * days the calendar does not have, dates that have passed said in
 * words, far and nonsensical dates.  Needs date-parse.o, date.o and
 * util.o.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date-parse.h"
#include "date.h"

/* A Thursday. */
#define TODAY	"2026-11-26"

/* Parse text as a due date from today, which must give result and want. */
static void
due_from(const char *today, const char *text, enum date_parse_result result,
    const char *want)
{
	char			 out[DATE_LEN], *cause = NULL;
	enum date_parse_result	 r;

	r = date_parse_due(text, today, out, &cause);
	if (r == DATE_PARSE_ERROR)
		fail_msg("'%s': %s", text, cause);
	assert_null(cause);
	if (r != result)
		fail_msg("'%s': result %d, not %d", text, r, result);
	if (strcmp(out, want) != 0)
		fail_msg("'%s' read as %s, not %s", text, out, want);
}

/* The date text must be read from TODAY as want, with no question. */
static void
due_is(const char *text, const char *want)
{
	due_from(TODAY, text, DATE_PARSE_OK, want);
}

/* The date text has no year and this year's has passed: want is next year's. */
static void
due_next(const char *text, const char *want)
{
	due_from(TODAY, text, DATE_PARSE_NEXT_YEAR, want);
}

/* The date text must be refused from today with a cause containing want. */
static void
due_fails_from(const char *today, const char *text, const char *want)
{
	char	 out[DATE_LEN], *cause = NULL;

	if (date_parse_due(text, today, out, &cause) != DATE_PARSE_ERROR)
		fail_msg("'%s' was read as %s", text, out);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s': \"%s\" does not say \"%s\"", text, cause, want);
	assert_null(strchr(cause, '\n'));
	free(cause);
}

/* The date text must be refused from TODAY with a cause containing want. */
static void
due_fails(const char *text, const char *want)
{
	due_fails_from(TODAY, text, want);
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
	due_is("26 November 2026", TODAY);
}

/* No year: this year's when still to come; next year's is a question. */
static void
test_due_no_year(void **state)
{
	(void)state;
	due_is("1 December", "2026-12-01");
	due_is("26 November", TODAY);
	due_is("27/11", "2026-11-27");
	due_is("Dec 31", "2026-12-31");
	due_next("31 March", "2027-03-31");
	due_next("25 November", "2027-11-25");
	due_next("15/01", "2027-01-15");
	due_next("by 1st of Jan", "2027-01-01");
	due_next("29 Feb", "2028-02-29");

	/* "5 December" typed on 10 December. */
	due_from("2026-12-10", "5 December", DATE_PARSE_NEXT_YEAR, "2027-12-05");
	due_from("2026-12-10", "10 December", DATE_PARSE_OK, "2026-12-10");
	due_from("2026-12-10", "11 Dec", DATE_PARSE_OK, "2026-12-11");

	/* 29 February: this year's if to come, else the next leap year's. */
	due_from("2028-01-10", "29 February", DATE_PARSE_OK, "2028-02-29");
	due_from("2028-03-05", "29/02", DATE_PARSE_NEXT_YEAR, "2032-02-29");
	due_from("2027-01-10", "29 Feb", DATE_PARSE_NEXT_YEAR, "2028-02-29");
}

/* Relative dates, from Thursday 26 November 2026: never a question. */
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
	due_is("in 0 days", TODAY);
	due_is("in a year", "2027-11-26");
	due_is("in six months' time", "2027-05-26");
	due_is("in six months\xe2\x80\x99 time", "2027-05-26");
	due_is("end of June", "2027-06-30");
	due_is("by the end of June", "2027-06-30");
	due_is("end of November", "2026-11-30");
	due_is("end of October", "2027-10-31");
	due_is("end of February 2028", "2028-02-29");
	due_is("end of the month", "2026-11-30");
	due_is("end of this month", "2026-11-30");
	due_is("end of next month", "2026-12-31");
	due_is("end of the year", "2026-12-31");
	due_is("end of next year", "2027-12-31");
	due_is("next Friday", "2026-11-27");
	due_is("friday", "2026-11-27");
	due_is("this Saturday", "2026-11-28");
	due_is("next Thursday", "2026-12-03");
	due_is("thursday", "2026-12-03");
	due_is("next mon", "2026-11-30");
}

/* Month arithmetic keeps the day, or the month's last when it has fewer. */
static void
test_due_month_ends(void **state)
{
	(void)state;
	due_from("2027-01-31", "in 1 month", DATE_PARSE_OK, "2027-02-28");
	due_from("2028-01-31", "in 1 month", DATE_PARSE_OK, "2028-02-29");
	due_from("2028-02-29", "in 12 months", DATE_PARSE_OK, "2029-02-28");
	due_from("2026-12-31", "next Friday", DATE_PARSE_OK, "2027-01-01");
	due_from("2026-12-31", "end of next month", DATE_PARSE_OK, "2027-01-31");
	due_from("2026-12-31", "in a day", DATE_PARSE_OK, "2027-01-01");
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
	due_fails("30 February", "there is no 30 February: check the day "
	    "and the month");
	due_fails("31/04", "there is no 31 April: check the day and the month");
	due_fails("03/31/2027", "there is no month 31: write the day first, "
	    "as in 31/03/2027");
	due_fails("12/25", "there is no month 25: write the day first, as in "
	    "25/12");
	due_fails("2027-13-01", "there is no month 13");
	due_fails("0/3/2027", "is not a day of the calendar");
	due_fails("32/01/2027", "is not a day of the calendar");
}

/* Dates that have passed are refused, said in words. */
static void
test_due_passed(void **state)
{
	char	 out[DATE_LEN], *cause = NULL;

	(void)state;
	assert_int_equal(date_parse_due("25/11/2026", TODAY, out, &cause),
	    DATE_PARSE_ERROR);
	assert_string_equal(cause, "yesterday has passed: give a date from "
	    "today on");
	free(cause);
	due_fails("yesterday", "yesterday has passed");
	due_fails("2026-11-24", "Tuesday 24 November 2026 has passed: give a "
	    "date from today on");
	due_fails("2025-12-01", "Monday 1 December 2025 has passed");
	due_fails("1 December 2025", "Monday 1 December 2025 has passed");
	due_fails("2020-01-01", "Wednesday 1 January 2020 has passed");
	due_fails("end of October 2026", "Saturday 31 October 2026 has "
	    "passed");
	due_fails("June 2026", "Tuesday 30 June 2026 has passed");
}

/* Far dates, and text that is no date, are refused with a reason. */
static void
test_due_bad(void **state)
{
	(void)state;
	due_fails("in 11 years", "more than 10 years away");
	due_fails("2040-01-01", "Sunday 1 January 2040 is more than 10 years "
	    "away");
	due_fails("27/11/2036", "more than 10 years away");
	due_fails("soonish", "cannot read 'soonish' as a date: try "
	    "31/03/2027, 2027-03-31, in 3 months, end of June or next Friday");
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
	due_fails("by", "cannot read 'by'");
	due_fails("soon\x1b[2J", "cannot read 'soon\xef\xbf\xbd[2J'");
	due_fails("in   three\n\tweeks  or so", "cannot read 'in three weeks "
	    "or so'");
	due_fails("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "too long for a "
	    "date");
}

/* The last day within reach is ten years on; the next is not. */
static void
test_due_reach(void **state)
{
	(void)state;
	due_is("26/11/2036", "2036-11-26");
	due_is("in 10 years", "2036-11-26");
	due_fails("in 121 months", "more than 10 years away");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_absolute),
		cmocka_unit_test(test_due_no_year),
		cmocka_unit_test(test_due_relative),
		cmocka_unit_test(test_due_month_ends),
		cmocka_unit_test(test_due_no_such_day),
		cmocka_unit_test(test_due_passed),
		cmocka_unit_test(test_due_bad),
		cmocka_unit_test(test_due_reach),
	};

	return cmocka_run_group_tests_name("date-parse", tests, NULL, NULL);
}

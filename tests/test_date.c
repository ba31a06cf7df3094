/*
 * test_date.c: the calendar: validity of dates and times, days between,
 * the long and short forms, UTC times in local words and dates, due
 * dates in words, DHCOACH_TODAY, and the arithmetic on split dates and
 * day numbers that date-parse.c builds on.  Needs date.o and util.o.
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

#include "date.h"

/* A Thursday. */
#define TODAY	"2026-11-26"

/* Validity, days between, the long and short forms. */
static void
test_dates(void **state)
{
	char	buf[DATE_WORDS_LEN];

	(void)state;
	assert_true(date_valid("2028-02-29"));
	assert_false(date_valid("2027-02-29"));
	assert_false(date_valid("2027-2-28"));
	assert_false(date_valid("2027-02-28 "));
	assert_false(date_valid("0999-12-31"));
	assert_false(date_valid("2027-02"));
	assert_false(date_valid(""));
	assert_false(date_valid(NULL));
	assert_int_equal(date_days_between("2026-11-26", "2027-03-31"), 125);
	assert_int_equal(date_days_between("2027-03-31", "2026-11-26"), -125);
	assert_int_equal(date_days_between("1999-12-31", "2000-03-01"), 61);
	assert_int_equal(date_days_between("2100-02-28", "2100-03-01"), 1);
	date_long("2027-03-31", buf, sizeof buf);
	assert_string_equal(buf, "Wednesday 31 March 2027");
	date_long("2000-01-01", buf, sizeof buf);
	assert_string_equal(buf, "Saturday 1 January 2000");
	date_long("rubbish", buf, sizeof buf);
	assert_string_equal(buf, "rubbish");
	date_short("2026-12-03", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "3 December");
	date_short("2025-12-03", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "3 December 2025");
	date_short("2027-01-01", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "1 January 2027");
	date_short("2027-13-01", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "2027-13-01");
}

/* Times: exactly "YYYY-MM-DDTHH:MM:SSZ", a real day and time. */
static void
test_time_valid(void **state)
{
	(void)state;
	assert_true(date_time_valid("2026-11-26T10:37:00Z"));
	assert_true(date_time_valid("2028-02-29T23:59:59Z"));
	assert_false(date_time_valid("2027-02-29T10:00:00Z"));
	assert_false(date_time_valid("2026-11-26T24:00:00Z"));
	assert_false(date_time_valid("2026-11-26T10:60:00Z"));
	assert_false(date_time_valid("2026-11-26T10:37:00"));
	assert_false(date_time_valid("2026-11-26 10:37:00Z"));
	assert_false(date_time_valid("2026-11-26T10:37:00Z "));
	assert_false(date_time_valid("2026-11-26"));
	assert_false(date_time_valid(NULL));
}

/* Set the local time zone (POSIX rules, so no zone files are needed). */
static void
zone(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* UTC times in local words and dates, across clock changes and midnight. */
static void
test_time_local(void **state)
{
	char	buf[DATE_WORDS_LEN], day[DATE_LEN];

	(void)state;
	zone("UTC0");
	date_time_long("2026-11-26T10:37:59Z", buf, sizeof buf);
	assert_string_equal(buf, "Thursday 26 November 2026, 10:37");
	zone("GMT0BST,M3.5.0/1,M10.5.0");
	date_time_long("2026-11-26T10:37:00Z", buf, sizeof buf);
	assert_string_equal(buf, "Thursday 26 November 2026, 10:37");
	date_time_long("2026-07-01T09:05:00Z", buf, sizeof buf);
	assert_string_equal(buf, "Wednesday 1 July 2026, 10:05");
	date_time_long("2026-06-30T23:30:00Z", buf, sizeof buf);
	assert_string_equal(buf, "Wednesday 1 July 2026, 00:30");
	date_of_time("2026-06-30T23:30:00Z", day);
	assert_string_equal(day, "2026-07-01");
	date_of_time("2026-12-31T23:30:00Z", day);
	assert_string_equal(day, "2026-12-31");
	zone("JST-9");
	date_of_time("2026-12-31T20:00:00Z", day);
	assert_string_equal(day, "2027-01-01");
	date_time_long("not a time", buf, sizeof buf);
	assert_string_equal(buf, "not a time");
	date_of_time("2026-11-26 rubbish", day);
	assert_string_equal(day, "2026-11-26");
	zone("UTC0");
}

/* Due dates against today, in words. */
static void
test_due_words(void **state)
{
	char	buf[DATE_WORDS_LEN];

	(void)state;
	date_due_words(TODAY, TODAY, buf, sizeof buf);
	assert_string_equal(buf, "today");
	date_due_words("2026-11-27", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "tomorrow");
	date_due_words("2026-12-08", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "in 12 days");
	date_due_words("2026-11-28", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "in 2 days");
	date_due_words("2026-11-25", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "yesterday has passed");
	date_due_words("2026-11-23", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "passed 3 days ago");
	date_due_words("2025-11-26", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "passed 365 days ago");
	date_due_words("someday", TODAY, buf, sizeof buf);
	assert_string_equal(buf, "someday");
}

/* The date made by adding n months to y-m-d, as "YYYY-MM-DD". */
static void
months_are(int y, int m, int d, long n, const char *want)
{
	struct date_ymd	t = { y, m, d };
	char		out[DATE_LEN];

	date_format(date_add_months(t, n), out);
	if (strcmp(out, want) != 0)
		fail_msg("%04d-%02d-%02d plus %ld months: %s, not %s", y, m, d,
		    n, out, want);
}

/* Split dates, day numbers, weekdays, names and months added. */
static void
test_day_numbers(void **state)
{
	struct date_ymd	t = { 2027, 3, 31 };
	char		out[DATE_LEN];

	(void)state;
	assert_int_equal(date_split("2026-11-26", &t), 0);
	assert_int_equal(t.y, 2026);
	assert_int_equal(t.m, 11);
	assert_int_equal(t.d, 26);
	assert_int_equal(date_split("2026-02-30", &t), -1);
	assert_int_equal(date_split("2026-11-26 ", &t), -1);
	t.y = 1970;
	t.m = 1;
	t.d = 1;
	assert_int_equal(date_day_number(t), 0);
	assert_int_equal(date_weekday(0), 4);
	assert_string_equal(date_weekday_name(date_weekday(0)), "Thursday");
	t.y = 2000;
	t.m = 3;
	assert_int_equal(date_day_number(t), 11017);
	date_format(date_from_day_number(11017), out);
	assert_string_equal(out, "2000-03-01");
	date_format(date_from_day_number(-1), out);
	assert_string_equal(out, "1969-12-31");
	assert_int_equal(date_month_days(2100, 2), 28);
	assert_int_equal(date_month_days(2000, 2), 29);
	assert_int_equal(date_month_days(2027, 4), 30);
	assert_string_equal(date_month_name(1), "January");
	assert_string_equal(date_month_name(12), "December");
	t.y = 999;
	assert_false(date_ymd_ok(t));
	months_are(2027, 1, 31, 1, "2027-02-28");
	months_are(2028, 1, 31, 1, "2028-02-29");
	months_are(2026, 11, 30, 3, "2027-02-28");
	months_are(2027, 3, 31, -1, "2027-02-28");
	months_are(2026, 11, 26, 120, "2036-11-26");
}

/* DHCOACH_TODAY fixes today and the times written; a bad one is ignored. */
static void
test_today(void **state)
{
	char	today[DATE_LEN], now[DATE_TIME_LEN];

	(void)state;
	setenv("DHCOACH_TODAY", "2027-01-02", 1);
	assert_int_equal(date_today(today), 0);
	assert_string_equal(today, "2027-01-02");
	date_now(now);
	assert_string_equal(now, "2027-01-02T12:00:00Z");
	setenv("DHCOACH_TODAY", "2027-02-30", 1);
	assert_int_equal(date_today(today), 1);
	assert_true(date_valid(today));
	date_now(now);
	assert_int_equal(strlen(now), 20);
	assert_true(date_time_valid(now));
	setenv("DHCOACH_TODAY", "", 1);
	assert_int_equal(date_today(today), 0);
	unsetenv("DHCOACH_TODAY");
	assert_int_equal(date_today(today), 0);
	assert_true(date_valid(today));
	date_now(now);
	assert_true(date_time_valid(now));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_time_valid),
		cmocka_unit_test(test_time_local),
		cmocka_unit_test(test_due_words),
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_today),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}

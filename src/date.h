/*
 * date.h: the calendar, and due dates as people write them.
 *
 * Dates are strings "YYYY-MM-DD" in the proleptic Gregorian calendar;
 * times are "YYYY-MM-DDTHH:MM:SSZ" in UTC.  Arithmetic is done on day
 * numbers, never through the C library's time zones, so a due date never
 * moves with the clocks; month and weekday names are English and fixed,
 * whatever the locale.  Nothing here reads a file or a terminal;
 * date_today and date_now alone look at the clock (or at DHCOACH_TODAY,
 * for tests).
 *
 * Ownership: *cause strings are new and the caller's; everything else
 * is written into the caller's buffers.
 */
#ifndef DHCOACH_DATE_H
#define DHCOACH_DATE_H

#include <stddef.h>

/* Bytes of a date "YYYY-MM-DD" with its NUL, and of a UTC time. */
#define DATE_LEN	11
#define DATE_TIME_LEN	21
/* Room for a date or time in words ("Wednesday 30 September 2026, 10:37"). */
#define DATE_WORDS_LEN	64
/* How far ahead a due date may be, in years. */
#define DATE_MAX_YEARS	10

/*
 * Today's local date into out: $DHCOACH_TODAY when it holds a valid
 * date (for tests), else the clock.  Returns 1 when DHCOACH_TODAY was
 * set but not a date (the clock is used), else 0.
 */
int date_today(char out[DATE_LEN]);
/*
 * The time now in UTC into out; with a valid DHCOACH_TODAY, noon UTC of
 * that day, so that tests print the same times every run.
 */
void date_now(char out[DATE_TIME_LEN]);

/* Whether s is exactly a valid date "YYYY-MM-DD". */
int date_valid(const char *s);
/* Whether s is exactly a valid time "YYYY-MM-DDTHH:MM:SSZ". */
int date_time_valid(const char *s);
/* Days from date a to date b (b - a); both must be valid. */
long date_days_between(const char *a, const char *b);
/* A valid date as people read it: "Friday 31 March 2027" (into out). */
void date_long(const char *date, char *out, size_t len);
/* A date without the weekday or year when it is this year: "3 December". */
void date_short(const char *date, const char *today, char *out, size_t len);
/*
 * A UTC time as people read it, in local time: "Thursday 26 November
 * 2026, 10:37"; the text as it is when it is not a time.
 */
void date_time_long(const char *time, char *out, size_t len);
/* The local date of a UTC time into out (the time's own date if unreadable). */
void date_of_time(const char *time, char out[DATE_LEN]);
/*
 * How a due date stands against today, in words: "today", "tomorrow",
 * "in 12 days", "yesterday has passed", "passed 3 days ago".
 */
void date_due_words(const char *due, const char *today, char *out,
    size_t len);

/* What date_parse_due made of a text. */
enum date_result {
	DATE_ERROR = -1,	/* not usable: *cause says why */
	DATE_OK = 0,		/* out holds the date */
	DATE_NEXT_YEAR = 1	/* no year written and this year's has passed:
				 * out holds next year's (for 29 February, the
				 * next leap year's); ask before using it */
};

/*
 * Read a due date as a person writes it, relative to today (a valid
 * date): 2027-03-31; 31/03/2027, 31-3-27 or 31.03.2027 (day first, as in
 * the UK); 31 March 2027, 31st Mar, March 31 2027; today, tomorrow;
 * in 3 months, in two weeks, in a year; end of June (the last day of the
 * next June, this year's if not past), end of the month, end of next
 * month, end of the year; next Friday or Friday (the first after today).
 * A leading "by" or "on" is ignored, as are case and extra spaces.
 * Writes YYYY-MM-DD into out.  A date that has passed is an error whose
 * cause says so in words ("yesterday has passed", "Monday 1 December
 * 2025 has passed"); so is one more than DATE_MAX_YEARS ahead, a day the
 * calendar does not have, or text that is not a date (with examples).
 */
enum date_result date_parse_due(const char *text, const char *today,
    char out[DATE_LEN], char **cause);

#endif

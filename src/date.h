/*
 * date.h: the calendar: dates and times, their arithmetic, and how
 * people read them.
 *
 * Dates are strings "YYYY-MM-DD" in the proleptic Gregorian calendar;
 * times are "YYYY-MM-DDTHH:MM:SSZ" in UTC.  Arithmetic is done on day
 * numbers, never through the C library's time zones, so a due date never
 * moves with the clocks; month and weekday names are English and fixed,
 * whatever the locale.  Nothing here reads a file or a terminal;
 * date_today and date_now alone look at the clock (or at DHCOACH_TODAY,
 * for tests).  Reading a due date as a person writes it is
 * date-parse.h's, built on the day numbers below.
 *
 * Ownership: nothing here allocates; everything is written into the
 * caller's buffers.
 */
#ifndef DHCOACH_DATE_H
#define DHCOACH_DATE_H

#include <stddef.h>

/* Bytes of a date "YYYY-MM-DD" with its NUL, and of a UTC time. */
#define DATE_LEN	11
#define DATE_TIME_LEN	21
/* Room for a date or time in words ("Wednesday 30 September 2026, 10:37"). */
#define DATE_WORDS_LEN	64

/* A date split into its fields. */
struct date_ymd {
	int	y;
	int	m;	/* 1-12 */
	int	d;	/* 1-31 */
};

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

/* Dates split into fields, and day numbers: the arithmetic of date-parse.h. */

/* The number of days in month m (1-12) of year y. */
int date_month_days(int y, int m);
/* The English name of month m (1-12), and of weekday wd (0 Sunday-6). */
const char *date_month_name(int m);
const char *date_weekday_name(int wd);
/* Whether the fields make a real day in years 1000 to 9999. */
int date_ymd_ok(struct date_ymd t);
/* Split "YYYY-MM-DD" into *t; -1 unless it is exactly that and real. */
int date_split(const char *s, struct date_ymd *t);
/* Write a date as "YYYY-MM-DD". */
void date_format(struct date_ymd t, char out[DATE_LEN]);
/* The day number of a date: days since 1970-01-01. */
long date_day_number(struct date_ymd t);
/* The date of a day number. */
struct date_ymd date_from_day_number(long z);
/* The weekday of a day number: 0 Sunday to 6 Saturday. */
int date_weekday(long z);
/* Add n months to t, the day kept but no later than the month's last. */
struct date_ymd date_add_months(struct date_ymd t, long n);

#endif

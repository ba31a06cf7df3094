/*
 * date.c: the calendar (see date.h).
 *
 * Invariants: every date this module writes is a valid "YYYY-MM-DD";
 * date arithmetic is done on day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar), never through the C library's time
 * zone rules, so a due date never moves with the clocks; only a UTC time
 * shown or dated locally goes through localtime_r.  Month and weekday
 * names are English and fixed, whatever the locale.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "date.h"
#include "util.h"

/* The environment variable that fixes today's date, for tests. */
#define DATE_TODAY_ENV	"DHCOACH_TODAY"

static const char *const date_months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static const char *const date_weekdays[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};

/* A UTC time split into its fields. */
struct date_hms {
	struct date_ymd	day;
	int		h;
	int		mi;
	int		s;
};

/* Whether y is a leap year. */
static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The number of days in month m of year y. */
int
date_month_days(int y, int m)
{
	static const int	days[12] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };

	return m == 2 && date_leap(y) ? 29 : days[m - 1];
}

/* The day number of a date: days since 1970-01-01 (H. Hinnant's method). */
long
date_day_number(struct date_ymd t)
{
	long		y = t.y - (t.m <= 2);
	long		era = (y >= 0 ? y : y - 399) / 400;
	unsigned long	yoe = (unsigned long)(y - era * 400);
	unsigned long	doy = (153 * (unsigned long)(t.m + (t.m > 2 ? -3 : 9)) +
	    2) / 5 + (unsigned long)t.d - 1;
	unsigned long	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long)doe - 719468;
}

/* The date of a day number. */
struct date_ymd
date_from_day_number(long z)
{
	struct date_ymd	t;
	long		era;
	unsigned long	doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned long)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.y = (int)((long)yoe + era * 400 + (t.m <= 2));
	return t;
}

/* The weekday of a day number: 0 Sunday to 6 Saturday. */
int
date_weekday(long z)
{
	return (int)(((z % 7) + 7 + 4) % 7);
}

/* The English name of month m (1-12). */
const char *
date_month_name(int m)
{
	return date_months[m - 1];
}

/* The English name of weekday wd (0 Sunday to 6 Saturday). */
const char *
date_weekday_name(int wd)
{
	return date_weekdays[wd];
}

/* Whether the fields make a real day in years 1000 to 9999. */
int
date_ymd_ok(struct date_ymd t)
{
	return t.y >= 1000 && t.y <= 9999 && t.m >= 1 && t.m <= 12 &&
	    t.d >= 1 && t.d <= date_month_days(t.y, t.m);
}

/* Whether s[0..n) are all digits (and s holds that many bytes). */
static int
date_digits(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/* The number written by the n digits at s. */
static int
date_number(const char *s, size_t n)
{
	int	v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Split the "YYYY-MM-DD" that starts s into *t; -1 unless it is a real day. */
static int
date_split_start(const char *s, struct date_ymd *t)
{
	if (!date_digits(s, 4) || s[4] != '-' || !date_digits(s + 5, 2) ||
	    s[7] != '-' || !date_digits(s + 8, 2))
		return -1;
	t->y = date_number(s, 4);
	t->m = date_number(s + 5, 2);
	t->d = date_number(s + 8, 2);
	return date_ymd_ok(*t) ? 0 : -1;
}

/* Split "YYYY-MM-DD" into *t; -1 unless it is exactly that and real. */
int
date_split(const char *s, struct date_ymd *t)
{
	if (date_split_start(s, t) != 0 || s[10] != '\0')
		return -1;
	return 0;
}

/* Split "YYYY-MM-DDTHH:MM:SSZ" into *t; -1 unless it is exactly that. */
static int
date_time_split(const char *s, struct date_hms *t)
{
	if (date_split_start(s, &t->day) != 0 || s[10] != 'T' ||
	    !date_digits(s + 11, 2) || s[13] != ':' ||
	    !date_digits(s + 14, 2) || s[16] != ':' ||
	    !date_digits(s + 17, 2) || s[19] != 'Z' || s[20] != '\0')
		return -1;
	t->h = date_number(s + 11, 2);
	t->mi = date_number(s + 14, 2);
	t->s = date_number(s + 17, 2);
	return t->h <= 23 && t->mi <= 59 && t->s <= 59 ? 0 : -1;
}

/* Write a date as "YYYY-MM-DD". */
void
date_format(struct date_ymd t, char out[DATE_LEN])
{
	snprintf(out, DATE_LEN, "%04u-%02u-%02u", (unsigned)t.y % 10000,
	    (unsigned)t.m % 100, (unsigned)t.d % 100);
}

/* Whether s is a valid date. */
int
date_valid(const char *s)
{
	struct date_ymd	t;

	return s != NULL && date_split(s, &t) == 0;
}

/* Whether s is a valid UTC time. */
int
date_time_valid(const char *s)
{
	struct date_hms	t;

	return s != NULL && date_time_split(s, &t) == 0;
}

/* Days from a to b. */
long
date_days_between(const char *a, const char *b)
{
	struct date_ymd	ta, tb;

	if (date_split(a, &ta) != 0 || date_split(b, &tb) != 0)
		fatalx("date_days_between: not dates: '%s', '%s'", a, b);
	return date_day_number(tb) - date_day_number(ta);
}

/* A date in words, with its weekday and year. */
void
date_long(const char *date, char *out, size_t len)
{
	struct date_ymd	t;

	if (date_split(date, &t) != 0) {
		snprintf(out, len, "%s", date);
		return;
	}
	snprintf(out, len, "%s %d %s %d",
	    date_weekdays[date_weekday(date_day_number(t))], t.d,
	    date_months[t.m - 1], t.y);
}

/* A date in few words: its year only when it is not today's. */
void
date_short(const char *date, const char *today, char *out, size_t len)
{
	struct date_ymd	t, now;

	if (date_split(date, &t) != 0) {
		snprintf(out, len, "%s", date);
		return;
	}
	if (date_split(today, &now) == 0 && now.y == t.y)
		snprintf(out, len, "%d %s", t.d, date_months[t.m - 1]);
	else
		snprintf(out, len, "%d %s %d", t.d, date_months[t.m - 1], t.y);
}

/* The local time of a UTC time into *tm; -1 when it is not a time. */
static int
date_time_local(const char *time, struct tm *tm)
{
	struct date_hms	t;
	time_t		secs;

	if (date_time_split(time, &t) != 0)
		return -1;
	secs = (time_t)date_day_number(t.day) * 86400 + t.h * 3600 +
	    t.mi * 60 + t.s;
	if (localtime_r(&secs, tm) == NULL)
		return -1;
	return 0;
}

/* A UTC time in words, in local time. */
void
date_time_long(const char *time, char *out, size_t len)
{
	struct tm	tm;

	if (date_time_local(time, &tm) != 0 || tm.tm_wday < 0 ||
	    tm.tm_wday > 6 || tm.tm_mon < 0 || tm.tm_mon > 11) {
		snprintf(out, len, "%s", time);
		return;
	}
	snprintf(out, len, "%s %d %s %d, %02d:%02d", date_weekdays[tm.tm_wday],
	    tm.tm_mday, date_months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
	    tm.tm_min);
}

/* The local date of a UTC time; its first ten bytes when not a time. */
void
date_of_time(const char *time, char out[DATE_LEN])
{
	struct tm	tm;
	struct date_ymd	t;

	if (date_time_local(time, &tm) != 0) {
		snprintf(out, DATE_LEN, "%.10s", time);
		return;
	}
	t.y = tm.tm_year + 1900;
	t.m = tm.tm_mon + 1;
	t.d = tm.tm_mday;
	date_format(t, out);
}

/* How due stands against today, in words. */
void
date_due_words(const char *due, const char *today, char *out, size_t len)
{
	long	days;

	if (!date_valid(due) || !date_valid(today)) {
		snprintf(out, len, "%s", due);
		return;
	}
	days = date_days_between(today, due);
	if (days == 0)
		snprintf(out, len, "today");
	else if (days == 1)
		snprintf(out, len, "tomorrow");
	else if (days > 1)
		snprintf(out, len, "in %ld days", days);
	else if (days == -1)
		snprintf(out, len, "yesterday has passed");
	else
		snprintf(out, len, "passed %ld days ago", -days);
}

/* Today: DHCOACH_TODAY when valid, else the local date. */
int
date_today(char out[DATE_LEN])
{
	const char	*env = getenv(DATE_TODAY_ENV);
	struct tm	 tm;
	time_t		 now;

	if (env != NULL && *env != '\0' && date_valid(env)) {
		snprintf(out, DATE_LEN, "%s", env);
		return 0;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		fatal("localtime");
	if (strftime(out, DATE_LEN, "%Y-%m-%d", &tm) == 0)
		fatalx("today's date does not fit");
	return env != NULL && *env != '\0';
}

/* The time now, UTC; noon of DHCOACH_TODAY when that is set. */
void
date_now(char out[DATE_TIME_LEN])
{
	const char	*env = getenv(DATE_TODAY_ENV);
	struct tm	 tm;
	time_t		 now;

	if (env != NULL && date_valid(env)) {
		snprintf(out, DATE_TIME_LEN, "%sT12:00:00Z", env);
		return;
	}
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL)
		fatal("gmtime");
	if (strftime(out, DATE_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		fatalx("the time does not fit");
}

/* Add n months to t, the day kept but no later than the month's last. */
struct date_ymd
date_add_months(struct date_ymd t, long n)
{
	long	months = (long)t.y * 12 + (t.m - 1) + n;
	int	last;

	t.y = (int)(months / 12);
	t.m = (int)(months % 12) + 1;
	last = date_month_days(t.y, t.m);
	if (t.d > last)
		t.d = last;
	return t;
}

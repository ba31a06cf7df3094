/*
 * date.c: the calendar, and due dates as people write them (see date.h).
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
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"
#include "util.h"

/* The environment variable that fixes today's date, for tests. */
#define DATE_TODAY_ENV	"DHCOACH_TODAY"
/* The longest due date read, in bytes. */
#define DATE_MAX_DUE	100
/* The most words a due date has. */
#define DATE_MAX_WORDS	8
/* What to try, in the messages about text that is not a date. */
#define DATE_EXAMPLES	"31/03/2027, 2027-03-31, in 3 months, end of June " \
	"or next Friday"

static const char *const date_months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static const char *const date_weekdays[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};

/* A date split into its fields. */
struct date_ymd {
	int	y;
	int	m;	/* 1-12 */
	int	d;	/* 1-31 */
};

/* A UTC time split into its fields. */
struct date_hms {
	struct date_ymd	day;
	int		h;
	int		mi;
	int		s;
};

/* The words of a due date: lower case, split at spaces and commas. */
struct date_words {
	char	*buf;
	char	*w[DATE_MAX_WORDS];
	int	 n;	/* DATE_MAX_WORDS + 1 when there are more */
};

/* Whether y is a leap year. */
static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The number of days in month m (1-12) of year y. */
static int
date_month_days(int y, int m)
{
	static const int	days[12] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };

	return m == 2 && date_leap(y) ? 29 : days[m - 1];
}

/* The day number of a date: days since 1970-01-01 (H. Hinnant's method). */
static long
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
static struct date_ymd
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
static int
date_weekday(long z)
{
	return (int)(((z % 7) + 7 + 4) % 7);
}

/* Whether the fields make a real day in years 1000 to 9999. */
static int
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
static int
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
static void
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
static struct date_ymd
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

/* The month named by word (in full or three letters), 1-12, or 0. */
static int
date_month_word(const char *w)
{
	size_t	len = strlen(w);
	int	i;

	if (len == 4 && strcmp(w, "sept") == 0)
		return 9;
	for (i = 0; i < 12; i++) {
		if ((len == 3 || len == strlen(date_months[i])) &&
		    strncasecmp(w, date_months[i], len) == 0)
			return i + 1;
	}
	return 0;
}

/* The weekday named by word (full or three letters), 0-6, or -1. */
static int
date_weekday_word(const char *w)
{
	size_t	len = strlen(w);
	int	i;

	for (i = 0; i < 7; i++) {
		if ((len == 3 || len == strlen(date_weekdays[i])) &&
		    strncasecmp(w, date_weekdays[i], len) == 0)
			return i;
	}
	return -1;
}

/* A count written as digits or a word (a, an, one to twelve); -1 if none. */
static long
date_count_word(const char *w)
{
	static const char *const	words[] = { "zero", "one", "two",
	    "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	    "eleven", "twelve" };
	char				*end;
	long				 n;
	size_t				 i;

	if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0)
		return 1;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(w, words[i]) == 0)
			return (long)i;
	}
	if (!isdigit((unsigned char)*w) || strlen(w) > 4)
		return -1;
	n = strtol(w, &end, 10);
	return *end == '\0' ? n : -1;
}

/* A day of the month, 1-31 with an optional st, nd, rd or th; 0 if not. */
static int
date_day_word(const char *w)
{
	char	*end;
	long	 n;

	if (!isdigit((unsigned char)*w))
		return 0;
	n = strtol(w, &end, 10);
	if (*end != '\0' && strcmp(end, "st") != 0 && strcmp(end, "nd") != 0 &&
	    strcmp(end, "rd") != 0 && strcmp(end, "th") != 0)
		return 0;
	return n >= 1 && n <= 31 && end - w <= 2 ? (int)n : 0;
}

/* A year of four digits; 0 if not. */
static int
date_year_word(const char *w)
{
	if (strlen(w) != 4 || !date_digits(w, 4))
		return 0;
	return date_number(w, 4);
}

/*
 * Split text into lower-case words, without a leading "by" or "on" or
 * a final full stop; pw->n is DATE_MAX_WORDS + 1 when there are more.
 */
static void
date_words_split(struct date_words *pw, const char *text)
{
	char	*s, *w;
	int	 i;

	pw->buf = xstrdup(text);
	pw->n = 0;
	for (s = pw->buf; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
	for (s = strtok(pw->buf, " \t\r\n,"); s != NULL;
	    s = strtok(NULL, " \t\r\n,")) {
		if (pw->n == DATE_MAX_WORDS) {
			pw->n = DATE_MAX_WORDS + 1;
			return;
		}
		pw->w[pw->n++] = s;
	}
	if (pw->n > 1 && (strcmp(pw->w[0], "by") == 0 ||
	    strcmp(pw->w[0], "on") == 0)) {
		for (i = 1; i < pw->n; i++)
			pw->w[i - 1] = pw->w[i];
		pw->n--;
	}
	if (pw->n > 0) {
		w = pw->w[pw->n - 1];
		if (strlen(w) > 1 && w[strlen(w) - 1] == '.')
			w[strlen(w) - 1] = '\0';
	}
}

/* Split the digits of w at one kind of '/', '-' or '.'; the count, or 0. */
static int
date_numeric_fields(const char *w, long f[3], size_t len[3])
{
	const char	*s = w;
	char		*end, sep = 0;
	int		 n = 0;

	while (n < 3) {
		if (!isdigit((unsigned char)*s))
			return 0;
		f[n] = strtol(s, &end, 10);
		len[n] = (size_t)(end - s);
		if (len[n] > 4)
			return 0;
		n++;
		s = end;
		if (*s == '\0')
			break;
		if ((*s != '/' && *s != '-' && *s != '.') ||
		    (sep != 0 && *s != sep))
			return 0;
		sep = *s++;
	}
	return *s == '\0' && n >= 2 ? n : 0;
}

/*
 * Read numeric forms: YYYY-M-D, or D/M/Y with '/', '-' or '.' between
 * and a year of two or four digits (or none).  Returns 1 with *t set
 * (*noyear when no year was written), 0 when the text is not of that
 * form, -1 with *cause when it is but names no real day.
 */
static int
date_numeric(const char *w, struct date_ymd *t, int *noyear, char **cause)
{
	long	f[3];
	size_t	len[3];
	int	n, swapped;

	*noyear = 0;
	if ((n = date_numeric_fields(w, f, len)) == 0)
		return 0;
	if (len[0] == 4) {
		/* Year first: ISO 8601 (or with '/' or '.'). */
		if (n != 3 || len[1] > 2 || len[2] > 2)
			return 0;
		t->y = (int)f[0];
		t->m = (int)f[1];
		t->d = (int)f[2];
	} else {
		/* Day first, as in the UK. */
		if (len[0] > 2 || len[1] > 2 || (n == 3 && len[2] != 2 &&
		    len[2] != 4))
			return 0;
		t->d = (int)f[0];
		t->m = (int)f[1];
		if (n == 2) {
			*noyear = 1;
			t->y = 2000;
		} else
			t->y = (int)(len[2] == 2 ? 2000 + f[2] : f[2]);
	}
	if (t->m < 1 || t->m > 12) {
		swapped = len[0] != 4 && t->d >= 1 && t->d <= 12 &&
		    t->m <= 31;
		if (swapped && *noyear)
			*cause = xasprintf("there is no month %d: write the "
			    "day first, as in %02d/%02d", t->m, t->m, t->d);
		else if (swapped)
			*cause = xasprintf("there is no month %d: write the "
			    "day first, as in %02d/%02d/%d", t->m, t->m, t->d,
			    t->y);
		else
			*cause = xasprintf("there is no month %d in '%s'", t->m,
			    w);
		return -1;
	}
	if (t->d < 1 || t->d > date_month_days(*noyear ? 2000 : t->y, t->m) ||
	    t->y < 1000) {
		if (t->d >= 1 && t->d <= 31 && *noyear)
			*cause = xasprintf("there is no %d %s: check the day "
			    "and the month", t->d, date_months[t->m - 1]);
		else if (t->d >= 1 && t->d <= 31 && t->y >= 1000)
			*cause = xasprintf("there is no %d %s %d: check the "
			    "day and the month", t->d, date_months[t->m - 1],
			    t->y);
		else
			*cause = xasprintf("'%s' is not a day of the calendar",
			    w);
		return -1;
	}
	return 1;
}

/*
 * Read "D MONTH [YEAR]", "MONTH D [YEAR]", "D of MONTH [YEAR]" or "MONTH
 * YEAR" (the end of that month).  Returns 1 with *t set (*noyear when
 * no year was written), 0 when not of that form, -1 with *cause.
 */
static int
date_named(struct date_words *pw, struct date_ymd *t, int *noyear,
    char **cause)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, day = 0, month = 0, year = 0;

	*noyear = 0;
	if (n >= 2 && (day = date_day_word(w[0])) != 0) {
		i = 1;
		if (strcmp(w[i], "of") == 0)
			i++;
		if (i >= n || (month = date_month_word(w[i])) == 0)
			return 0;
		i++;
	} else if (n >= 2 && (month = date_month_word(w[0])) != 0) {
		if ((day = date_day_word(w[1])) != 0)
			i = 2;
		else if (n == 2 && (year = date_year_word(w[1])) != 0) {
			t->y = year;
			t->m = month;
			t->d = date_month_days(year, month);
			return 1;
		} else
			return 0;
	} else
		return 0;
	if (i < n && (year = date_year_word(w[i])) != 0)
		i++;
	if (i != n)
		return 0;
	*noyear = year == 0;
	t->y = year != 0 ? year : 2000;
	t->m = month;
	t->d = day;
	if (day > date_month_days(year != 0 ? year : 2000, month)) {
		if (year != 0)
			*cause = xasprintf("there is no %d %s %d: check the "
			    "day and the month", day, date_months[month - 1],
			    year);
		else
			*cause = xasprintf("there is no %d %s: check the day "
			    "and the month", day, date_months[month - 1]);
		return -1;
	}
	return 1;
}

/* Read today, tomorrow or yesterday.  Returns 1 with *t set, or 0. */
static int
date_rel_day(struct date_words *pw, struct date_ymd today,
    struct date_ymd *t)
{
	long	z = date_day_number(today);

	if (pw->n != 1)
		return 0;
	if (strcmp(pw->w[0], "today") == 0)
		*t = today;
	else if (strcmp(pw->w[0], "tomorrow") == 0)
		*t = date_from_day_number(z + 1);
	else if (strcmp(pw->w[0], "yesterday") == 0)
		*t = date_from_day_number(z - 1);	/* refused as passed */
	else
		return 0;
	return 1;
}

/*
 * The days a unit stands for (day, week, fortnight), or minus its months
 * (month -1, year -12), or 0 when it is no unit.
 */
static int
date_unit(const char *u)
{
	size_t	ul = strlen(u);

	/* "months' time", with either apostrophe, and plurals. */
	if (ul > 1 && u[ul - 1] == '\'')
		ul--;
	else if (ul > 3 && strncmp(u + ul - 3, "\xe2\x80\x99", 3) == 0)
		ul -= 3;
	if (ul > 1 && u[ul - 1] == 's')
		ul--;
	if (ul == 3 && strncmp(u, "day", 3) == 0)
		return 1;
	if (ul == 4 && strncmp(u, "week", 4) == 0)
		return 7;
	if (ul == 9 && strncmp(u, "fortnight", 9) == 0)
		return 14;
	if (ul == 5 && strncmp(u, "month", 5) == 0)
		return -1;
	if (ul == 4 && strncmp(u, "year", 4) == 0)
		return -12;
	return 0;
}

/* Read "in N units [time]" or "N units".  Returns 1 with *t set, or 0. */
static int
date_rel_in(struct date_words *pw, struct date_ymd today, struct date_ymd *t)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, unit;
	long	  count;

	if (n > 0 && strcmp(w[0], "in") == 0)
		i = 1;
	if (n - i != 2 && (n - i != 3 || strcmp(w[n - 1], "time") != 0))
		return 0;
	if ((count = date_count_word(w[i])) < 0 ||
	    (unit = date_unit(w[i + 1])) == 0)
		return 0;
	if (unit > 0)
		*t = date_from_day_number(date_day_number(today) +
		    unit * count);
	else
		*t = date_add_months(today, -unit * count);
	return 1;
}

/*
 * Read "[the] end of MONTH [YEAR]" (the next such month's end, this
 * year's if not past), "end of the|this|next month|year".  Returns 1
 * with *t set, or 0.
 */
static int
date_rel_end(struct date_words *pw, struct date_ymd today,
    struct date_ymd *t)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, month, year, next;

	if (n > 0 && strcmp(w[0], "the") == 0)
		i = 1;
	if (n - i < 3 || strcmp(w[i], "end") != 0 ||
	    strcmp(w[i + 1], "of") != 0)
		return 0;
	i += 2;
	if (n - i == 2 && (strcmp(w[i], "the") == 0 ||
	    strcmp(w[i], "this") == 0 || strcmp(w[i], "next") == 0)) {
		next = strcmp(w[i], "next") == 0;
		if (strcmp(w[i + 1], "month") == 0) {
			*t = date_add_months(today, next);
			t->d = date_month_days(t->y, t->m);
		} else if (strcmp(w[i + 1], "year") == 0) {
			t->y = today.y + next;
			t->m = 12;
			t->d = 31;
		} else
			return 0;
		return 1;
	}
	if ((month = date_month_word(w[i])) == 0)
		return 0;
	if (n - i == 2) {
		if ((year = date_year_word(w[i + 1])) == 0)
			return 0;
	} else if (n - i == 1)
		year = today.y + (month < today.m);
	else
		return 0;
	t->y = year;
	t->m = month;
	t->d = date_month_days(year, month);
	return 1;
}

/* Read "[next|this] WEEKDAY", the first after today: 1 with *t set, or 0. */
static int
date_rel_weekday(struct date_words *pw, struct date_ymd today,
    struct date_ymd *t)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, wd, ahead;
	long	  z = date_day_number(today);

	if (n == 2 && (strcmp(w[0], "next") == 0 || strcmp(w[0], "this") == 0))
		i = 1;
	if (n - i != 1 || (wd = date_weekday_word(w[i])) == -1)
		return 0;
	ahead = (wd - date_weekday(z) + 7) % 7;
	*t = date_from_day_number(z + (ahead == 0 ? 7 : ahead));
	return 1;
}

/* Read the forms relative to today.  Returns 1 with *t set, or 0. */
static int
date_relative(struct date_words *pw, struct date_ymd today,
    struct date_ymd *t)
{
	return date_rel_day(pw, today, t) || date_rel_in(pw, today, t) ||
	    date_rel_end(pw, today, t) || date_rel_weekday(pw, today, t);
}

/*
 * Give a date written without a year the year of its next coming: this
 * year's when it has not passed, else next year's (for 29 February, the
 * next leap year's).  Returns whether that is not this year.
 */
static int
date_next_coming(struct date_ymd *t, struct date_ymd today)
{
	t->y = today.y;
	if (t->m < today.m || (t->m == today.m && t->d < today.d))
		t->y++;
	while (t->d > date_month_days(t->y, t->m))
		t->y++;
	return t->y != today.y;
}

/*
 * Check that t is a real day from today on, within DATE_MAX_YEARS, and
 * write it into out.  Returns 0, or -1 with *cause saying why not.
 */
static int
date_in_reach(struct date_ymd t, struct date_ymd today, char out[DATE_LEN],
    char **cause)
{
	char	when[DATE_WORDS_LEN];
	long	days;

	if (!date_ymd_ok(t)) {
		*cause = xstrdup("that date is out of range: give one within "
		    "the next few years");
		return -1;
	}
	days = date_day_number(t) - date_day_number(today);
	date_format(t, out);
	date_long(out, when, sizeof when);
	if (days == -1) {
		*cause = xstrdup("yesterday has passed: give a date from today "
		    "on");
		return -1;
	}
	if (days < 0) {
		*cause = xasprintf("%s has passed: give a date from today on",
		    when);
		return -1;
	}
	if (t.y > today.y + DATE_MAX_YEARS ||
	    (t.y == today.y + DATE_MAX_YEARS && (t.m > today.m ||
	    (t.m == today.m && t.d > today.d)))) {
		*cause = xasprintf("%s is more than %d years away: choose a "
		    "date you can plan for", when, DATE_MAX_YEARS);
		return -1;
	}
	return 0;
}

/* Read a due date; see date.h. */
enum date_result
date_parse_due(const char *text, const char *today, char out[DATE_LEN],
    char **cause)
{
	struct date_words	 pw = { 0 };
	struct date_ymd		 now, t;
	char			*squeezed, *shown;
	int			 rc = 0, noyear = 0, moved = 0;

	*cause = NULL;
	if (date_split(today, &now) != 0)
		fatalx("date_parse_due: today is not a date: '%s'", today);
	if (util_is_blank(text, strlen(text))) {
		*cause = xstrdup("give a date, such as 31/03/2027, in 3 months "
		    "or end of June");
		return DATE_ERROR;
	}
	if (strlen(text) > DATE_MAX_DUE) {
		*cause = xstrdup("that is too long for a date: try 31/03/2027, "
		    "in 3 months or end of June");
		return DATE_ERROR;
	}

	/* Written dates, then those relative to today. */
	date_words_split(&pw, text);
	if (pw.n == 1)
		rc = date_numeric(pw.w[0], &t, &noyear, cause);
	if (rc == 0 && pw.n >= 1 && pw.n <= DATE_MAX_WORDS)
		rc = date_named(&pw, &t, &noyear, cause);
	if (rc == 1 && noyear)
		moved = date_next_coming(&t, now);
	if (rc == 0 && pw.n >= 1 && pw.n <= DATE_MAX_WORDS)
		rc = date_relative(&pw, now, &t);
	free(pw.buf);
	if (rc == -1)
		return DATE_ERROR;
	if (rc == 0) {
		squeezed = util_squeeze(text, strlen(text), 40);
		shown = util_printable(squeezed, strlen(squeezed));
		*cause = xasprintf("cannot read '%s' as a date: try %s", shown,
		    DATE_EXAMPLES);
		free(shown);
		free(squeezed);
		return DATE_ERROR;
	}
	if (date_in_reach(t, now, out, cause) != 0)
		return DATE_ERROR;
	return moved ? DATE_NEXT_YEAR : DATE_OK;
}

/*
 * plan.c: due dates, checks and renderings of the action plan (see
 * plan.h).
 *
 * Invariants: every date this module writes is a valid "YYYY-MM-DD";
 * date arithmetic is done on day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar), never through the C library's time
 * zone rules, so a due date never moves with the clocks; month names
 * and weekdays are English and fixed, whatever the locale.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "framework.h"
#include "plan.h"
#include "prompts.h"
#include "util.h"

/* The environment variable that fixes today's date, for tests. */
#define PLAN_TODAY_ENV	"DHCOACH_TODAY"
/* The longest due date read, in bytes. */
#define PLAN_MAX_DUE	100

static const char *const plan_months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static const char *const plan_weekdays[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};

/* A date split into its fields. */
struct plan_ymd {
	int	y;
	int	m;	/* 1-12 */
	int	d;	/* 1-31 */
};

/* Free an action's strings and zero it. */
void
plan_action_clear(struct plan_action *a)
{
	free(a->area);
	free(a->action);
	free(a->measure);
	free(a->due);
	free(a->support);
	free(a->created);
	free(a->updated);
	free(a->done_at);
	memset(a, 0, sizeof *a);
}

/* A copy of s, or NULL for NULL. */
static char *
plan_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Copy an action's fields into dst. */
void
plan_action_copy(struct plan_action *dst, const struct plan_action *src)
{
	dst->id = src->id;
	dst->area = plan_dup(src->area);
	dst->action = plan_dup(src->action);
	dst->measure = plan_dup(src->measure);
	dst->due = plan_dup(src->due);
	dst->support = plan_dup(src->support);
	dst->done = src->done;
	dst->created = plan_dup(src->created);
	dst->updated = plan_dup(src->updated);
	dst->done_at = plan_dup(src->done_at);
}

/* Free a list of actions and empty it. */
void
plan_list_free(struct plan_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		plan_action_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Whether y is a leap year. */
static int
plan_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The number of days in month m (1-12) of year y. */
static int
plan_month_days(int y, int m)
{
	static const int	days[12] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };

	return m == 2 && plan_leap(y) ? 29 : days[m - 1];
}

/* The day number of a date: days since 1970-01-01 (H. Hinnant's method). */
static long
plan_day_number(struct plan_ymd t)
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
static struct plan_ymd
plan_from_day_number(long z)
{
	struct plan_ymd	t;
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
plan_weekday(long z)
{
	return (int)(((z % 7) + 7 + 4) % 7);
}

/* Whether the fields make a real day in years 1000 to 9999. */
static int
plan_ymd_ok(struct plan_ymd t)
{
	return t.y >= 1000 && t.y <= 9999 && t.m >= 1 && t.m <= 12 &&
	    t.d >= 1 && t.d <= plan_month_days(t.y, t.m);
}

/* Split "YYYY-MM-DD" into *t; -1 unless it is exactly that and real. */
static int
plan_split(const char *s, struct plan_ymd *t)
{
	int	i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (!isdigit((unsigned char)s[i]))
			return -1;
	}
	if (s[10] != '\0')
		return -1;
	t->y = atoi(s);
	t->m = atoi(s + 5);
	t->d = atoi(s + 8);
	return plan_ymd_ok(*t) ? 0 : -1;
}

/* Write a date as "YYYY-MM-DD". */
static void
plan_format(struct plan_ymd t, char out[PLAN_DATE_LEN])
{
	snprintf(out, PLAN_DATE_LEN, "%04u-%02u-%02u", (unsigned)t.y % 10000,
	    (unsigned)t.m % 100, (unsigned)t.d % 100);
}

/* Whether s is a valid date. */
int
plan_date_valid(const char *s)
{
	struct plan_ymd	t;

	return s != NULL && plan_split(s, &t) == 0;
}

/* Days from a to b. */
long
plan_days_between(const char *a, const char *b)
{
	struct plan_ymd	ta, tb;

	if (plan_split(a, &ta) != 0 || plan_split(b, &tb) != 0)
		fatalx("plan_days_between: not dates: '%s', '%s'", a, b);
	return plan_day_number(tb) - plan_day_number(ta);
}

/* A date in words. */
void
plan_date_long(const char *date, char *out, size_t len)
{
	struct plan_ymd	t;

	if (plan_split(date, &t) != 0) {
		snprintf(out, len, "%s", date);
		return;
	}
	snprintf(out, len, "%s %d %s %d",
	    plan_weekdays[plan_weekday(plan_day_number(t))], t.d,
	    plan_months[t.m - 1], t.y);
}

/* Today: DHCOACH_TODAY when valid, else the local date. */
int
plan_today(char out[PLAN_DATE_LEN])
{
	const char	*env = getenv(PLAN_TODAY_ENV);
	struct tm	 tm;
	time_t		 now;

	if (env != NULL && *env != '\0' && plan_date_valid(env)) {
		snprintf(out, PLAN_DATE_LEN, "%s", env);
		return 0;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		fatal("localtime");
	if (strftime(out, PLAN_DATE_LEN, "%Y-%m-%d", &tm) == 0)
		fatalx("today's date does not fit");
	return env != NULL && *env != '\0';
}

/* The time now, UTC; noon of DHCOACH_TODAY when that is set. */
void
plan_now(char out[PLAN_TIME_LEN])
{
	const char	*env = getenv(PLAN_TODAY_ENV);
	struct tm	 tm;
	time_t		 now;

	if (env != NULL && plan_date_valid(env)) {
		snprintf(out, PLAN_TIME_LEN, "%sT12:00:00Z", env);
		return;
	}
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL)
		fatal("gmtime");
	strftime(out, PLAN_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Add n months to t, the day kept but no later than the month's last. */
static struct plan_ymd
plan_add_months(struct plan_ymd t, long n)
{
	long	months = (long)t.y * 12 + (t.m - 1) + n;
	int	last;

	t.y = (int)(months / 12);
	t.m = (int)(months % 12) + 1;
	last = plan_month_days(t.y, t.m);
	if (t.d > last)
		t.d = last;
	return t;
}

/* The month named by word (full name or its first three letters), 1-12, or 0. */
static int
plan_month_word(const char *w)
{
	size_t	len = strlen(w);
	int	i;

	if (len == 4 && strcmp(w, "sept") == 0)
		return 9;
	for (i = 0; i < 12; i++) {
		if ((len == 3 || len == strlen(plan_months[i])) &&
		    strncasecmp(w, plan_months[i], len) == 0)
			return i + 1;
	}
	return 0;
}

/* The weekday named by word (full or three letters), 0-6, or -1. */
static int
plan_weekday_word(const char *w)
{
	size_t	len = strlen(w);
	int	i;

	for (i = 0; i < 7; i++) {
		if ((len == 3 || len == strlen(plan_weekdays[i])) &&
		    strncasecmp(w, plan_weekdays[i], len) == 0)
			return i;
	}
	return -1;
}

/* A count written as digits or a word (a, an, one to twelve); -1 if none. */
static long
plan_count_word(const char *w)
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

/* A day of the month written 1-31 with an optional st, nd, rd or th; 0 if not. */
static int
plan_day_word(const char *w)
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
plan_year_word(const char *w)
{
	if (strlen(w) != 4 || !isdigit((unsigned char)w[0]) ||
	    !isdigit((unsigned char)w[1]) || !isdigit((unsigned char)w[2]) ||
	    !isdigit((unsigned char)w[3]))
		return 0;
	return atoi(w);
}

/* The words of the text: lower case, split at spaces and commas. */
struct plan_words {
	char	*buf;
	char	*w[8];
	int	 n;	/* more than 8 words: 9 */
};

/* Split text into words; returns the number (9 when too many). */
static int
plan_words_split(struct plan_words *pw, const char *text)
{
	char	*s;

	pw->buf = xstrdup(text);
	pw->n = 0;
	for (s = pw->buf; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
	for (s = strtok(pw->buf, " \t\r\n,"); s != NULL;
	    s = strtok(NULL, " \t\r\n,")) {
		if (pw->n == 8) {
			pw->n = 9;
			break;
		}
		pw->w[pw->n++] = s;
	}
	return pw->n;
}

/*
 * Read numeric forms: YYYY-M-D, or D/M/Y with '/', '-' or '.' between
 * and a year of two or four digits (or none).  Returns 1 with *t set
 * (*noyear when no year was written), 0 when the text is not of that
 * form, -1 with *cause when it is but names no real day.
 */
static int
plan_numeric(const char *w, struct plan_ymd *t, int *noyear, char **cause)
{
	long		 f[3];
	size_t		 len[3];
	const char	*s = w;
	char		*end, sep = 0;
	int		 n = 0;

	*noyear = 0;
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
	if (*s != '\0' || n < 2)
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
		if (len[0] != 4 && t->d >= 1 && t->d <= 12 && t->m <= 31)
			*cause = xasprintf("there is no month %d: write the day "
			    "first, as in %02d/%02d/%d", t->m, t->m, t->d,
			    *noyear ? 2027 : t->y);
		else
			*cause = xasprintf("there is no month %d in '%s'", t->m,
			    w);
		return -1;
	}
	if (t->d < 1 || t->d > plan_month_days(*noyear ? 2000 : t->y, t->m) ||
	    t->y < 1000) {
		if (t->d >= 1 && t->d <= 31 && t->y >= 1000)
			*cause = xasprintf("there is no %d %s %d: check the day "
			    "and the month", t->d, plan_months[t->m - 1],
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
plan_named(struct plan_words *pw, struct plan_ymd *t, int *noyear,
    char **cause)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, day = 0, month = 0, year = 0;

	*noyear = 0;
	if (n >= 2 && (day = plan_day_word(w[0])) != 0) {
		i = 1;
		if (strcmp(w[i], "of") == 0)
			i++;
		if (i >= n || (month = plan_month_word(w[i])) == 0)
			return 0;
		i++;
	} else if (n >= 2 && (month = plan_month_word(w[0])) != 0) {
		if ((day = plan_day_word(w[1])) != 0)
			i = 2;
		else if (n == 2 && (year = plan_year_word(w[1])) != 0) {
			t->y = year;
			t->m = month;
			t->d = plan_month_days(year, month);
			return 1;
		} else
			return 0;
	} else
		return 0;
	if (i < n && (year = plan_year_word(w[i])) != 0)
		i++;
	if (i != n)
		return 0;
	*noyear = year == 0;
	t->y = year != 0 ? year : 2000;
	t->m = month;
	t->d = day;
	if (day > plan_month_days(year != 0 ? year : 2000, month)) {
		if (year != 0)
			*cause = xasprintf("there is no %d %s %d: check the day "
			    "and the month", day, plan_months[month - 1],
			    year);
		else
			*cause = xasprintf("there is no %d %s: check the day "
			    "and the month", day, plan_months[month - 1]);
		return -1;
	}
	return 1;
}

/*
 * Read relative forms, from today: today, tomorrow, in N units, end of
 * ..., [next|this] WEEKDAY.  Returns 1 with *t set, 0 when not one.
 */
static int
plan_relative(struct plan_words *pw, struct plan_ymd today, struct plan_ymd *t)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, month, wd, year;
	long	  count, z = plan_day_number(today);

	if (n == 1 && strcmp(w[0], "today") == 0) {
		*t = today;
		return 1;
	}
	if (n == 1 && strcmp(w[0], "tomorrow") == 0) {
		*t = plan_from_day_number(z + 1);
		return 1;
	}

	/* in N days, weeks, fortnights, months or years (or "N weeks"). */
	if (strcmp(w[0], "in") == 0)
		i = 1;
	if (n - i == 2 || (n - i == 3 && strcmp(w[n - 1], "time") == 0)) {
		if ((count = plan_count_word(w[i])) >= 0) {
			const char	*u = w[i + 1];
			size_t		 ul = strlen(u);

			/* "months' time", with either apostrophe. */
			if (ul > 1 && u[ul - 1] == '\'')
				ul--;
			else if (ul > 3 && strcmp(u + ul - 3, "\xe2\x80\x99") == 0)
				ul -= 3;
			if (ul > 1 && u[ul - 1] == 's')
				ul--;
			if (ul == 3 && strncmp(u, "day", 3) == 0)
				*t = plan_from_day_number(z + count);
			else if (ul == 4 && strncmp(u, "week", 4) == 0)
				*t = plan_from_day_number(z + 7 * count);
			else if (ul == 9 && strncmp(u, "fortnight", 9) == 0)
				*t = plan_from_day_number(z + 14 * count);
			else if (ul == 5 && strncmp(u, "month", 5) == 0)
				*t = plan_add_months(today, count);
			else if (ul == 4 && strncmp(u, "year", 4) == 0)
				*t = plan_add_months(today, 12 * count);
			else
				return 0;
			return 1;
		}
	}
	if (i != 0)
		return 0;

	/* [the] end of MONTH [YEAR] | the month | next month | the year. */
	if (strcmp(w[0], "the") == 0)
		i = 1;
	if (n - i >= 3 && strcmp(w[i], "end") == 0 &&
	    strcmp(w[i + 1], "of") == 0) {
		i += 2;
		if (n - i == 2 && (strcmp(w[i], "the") == 0 ||
		    strcmp(w[i], "this") == 0 || strcmp(w[i], "next") == 0)) {
			count = strcmp(w[i], "next") == 0;
			if (strcmp(w[i + 1], "month") == 0) {
				*t = plan_add_months(today, count);
				t->d = plan_month_days(t->y, t->m);
				return 1;
			}
			if (strcmp(w[i + 1], "year") == 0) {
				t->y = today.y + (int)count;
				t->m = 12;
				t->d = 31;
				return 1;
			}
			return 0;
		}
		if ((month = plan_month_word(w[i])) == 0)
			return 0;
		if (n - i == 2) {
			if ((year = plan_year_word(w[i + 1])) == 0)
				return 0;
		} else if (n - i == 1)
			year = today.y + (month < today.m);
		else
			return 0;
		t->y = year;
		t->m = month;
		t->d = plan_month_days(year, month);
		return 1;
	}
	if (i != 0)
		return 0;

	/* [next|this] WEEKDAY: the first one after today. */
	if (n == 2 && (strcmp(w[0], "next") == 0 || strcmp(w[0], "this") == 0))
		i = 1;
	if (n - i == 1 && (wd = plan_weekday_word(w[i])) != -1) {
		count = (wd - plan_weekday(z) + 7) % 7;
		*t = plan_from_day_number(z + (count == 0 ? 7 : count));
		return 1;
	}
	return 0;
}

/* Read a due date; see plan.h. */
int
plan_parse_due(const char *text, const char *today, char out[PLAN_DATE_LEN],
    char **cause)
{
	struct plan_words	 pw = { 0 };
	struct plan_ymd		 now, t;
	char			*shown, *w;
	long			 days, zt;
	int			 rc = 0, noyear = 0, i;
	char			 when[64];

	*cause = NULL;
	if (plan_split(today, &now) != 0)
		fatalx("plan_parse_due: today is not a date: '%s'", today);
	if (util_is_blank(text, strlen(text))) {
		*cause = xstrdup("give a date, such as 31/03/2027, in 3 months "
		    "or end of June");
		return -1;
	}
	if (strlen(text) > PLAN_MAX_DUE) {
		*cause = xstrdup("that is too long for a date: try 31/03/2027, "
		    "in 3 months or end of June");
		return -1;
	}

	/* Words, without a leading "by" or "on" or a final full stop. */
	plan_words_split(&pw, text);
	if (pw.n > 1 && pw.n <= 8 && (strcmp(pw.w[0], "by") == 0 ||
	    strcmp(pw.w[0], "on") == 0)) {
		for (i = 1; i < pw.n; i++)
			pw.w[i - 1] = pw.w[i];
		pw.n--;
	}
	if (pw.n > 0 && pw.n <= 8) {
		w = pw.w[pw.n - 1];
		if (strlen(w) > 1 && w[strlen(w) - 1] == '.')
			w[strlen(w) - 1] = '\0';
	}

	if (pw.n == 1)
		rc = plan_numeric(pw.w[0], &t, &noyear, cause);
	if (rc == 0 && pw.n >= 1 && pw.n <= 8)
		rc = plan_named(&pw, &t, &noyear, cause);
	if (rc == 1 && noyear) {
		/* No year: the next such day from today. */
		t.y = now.y;
		if (t.m < now.m || (t.m == now.m && t.d < now.d))
			t.y++;
		while (t.d > plan_month_days(t.y, t.m))
			t.y++;	/* 29 February: the next leap year */
	}
	if (rc == 0 && pw.n >= 1 && pw.n <= 8)
		rc = plan_relative(&pw, now, &t);
	free(pw.buf);
	if (rc == -1)
		return -1;
	if (rc == 0) {
		shown = util_squeeze(text, strlen(text), 40);
		*cause = xasprintf("cannot read '%s' as a date: try 31/03/2027, "
		    "2027-03-31, in 3 months, end of June or next Friday",
		    shown);
		free(shown);
		return -1;
	}

	/* A real day, from today on, within reach. */
	if (!plan_ymd_ok(t)) {
		*cause = xstrdup("that date is out of range: give one within "
		    "the next few years");
		return -1;
	}
	zt = plan_day_number(t);
	days = zt - plan_day_number(now);
	plan_format(t, out);
	plan_date_long(out, when, sizeof when);
	if (days < 0) {
		*cause = xasprintf("%s has already passed: give a date from "
		    "today on", when);
		return -1;
	}
	if (t.y > now.y + PLAN_MAX_YEARS || (t.y == now.y + PLAN_MAX_YEARS &&
	    (t.m > now.m || (t.m == now.m && t.d > now.d)))) {
		*cause = xasprintf("%s is more than %d years away: choose a "
		    "date you can plan for", when, PLAN_MAX_YEARS);
		return -1;
	}
	return 0;
}

/* An area by id, unique start of an id, or number. */
int
plan_area_parse(const char *s)
{
	char	*end;
	long	 n;
	size_t	 len;
	int	 i, found = -1;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return -1;
	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		if ((size_t)(end - s) != len)
			return -1;
		return n >= 1 && n <= FRAMEWORK_NAREAS ? (int)n - 1 : -1;
	}
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (strncasecmp(framework_areas[i].id, s, len) != 0)
			continue;
		if (strlen(framework_areas[i].id) == len)
			return i;
		if (found != -1)
			found = -2;
		else if (found == -1)
			found = i;
	}
	return found >= 0 ? found : -1;
}

/* Check one text field; see plan.h. */
int
plan_check_text(const char *s, const char *what, int required, char **cause)
{
	size_t	i, n, len = strlen(s);

	if (required && util_is_blank(s, len)) {
		*cause = xasprintf("the %s is empty: say what you will do", what);
		return -1;
	}
	if (len > PLAN_MAX_TEXT) {
		*cause = xasprintf("the %s is too long (%zu bytes; at most %d): "
		    "say it in fewer words", what, len, PLAN_MAX_TEXT);
		return -1;
	}
	for (i = 0; i < len; i += n) {
		if ((n = util_utf8_len(s + i, len - i)) == 0) {
			*cause = xasprintf("the %s is not valid UTF-8 text",
			    what);
			return -1;
		}
		if (n == 1 && (((unsigned char)s[i] < 0x20 && s[i] != '\t' &&
		    s[i] != '\n' && s[i] != '\r') || s[i] == 0x7f)) {
			*cause = xasprintf("the %s holds a control character",
			    what);
			return -1;
		}
	}
	return 0;
}

/* Check an action before it is stored. */
enum plan_error
plan_check(const struct plan_action *a, char **cause)
{
	if (plan_check_text(a->action != NULL ? a->action : "", "action", 1,
	    cause) != 0)
		return PLAN_ERR_ACTION;
	if ((a->measure != NULL && plan_check_text(a->measure,
	    "measure of success", 0, cause) != 0) || (a->support != NULL &&
	    plan_check_text(a->support, "support", 0, cause) != 0))
		return PLAN_ERR_TEXT;
	if (a->due == NULL || !plan_date_valid(a->due)) {
		*cause = xasprintf("the due date '%s' is not a date "
		    "(YYYY-MM-DD)", a->due != NULL ? a->due : "");
		return PLAN_ERR_DATE;
	}
	if (a->area == NULL || framework_area_find(a->area) == -1) {
		*cause = xasprintf("unknown area '%s': use one of the ten area "
		    "ids (see 'dhcoach --help')", a->area != NULL ? a->area :
		    "");
		return PLAN_ERR_AREA;
	}
	return PLAN_OK;
}

/* Whether an action matches a vague pattern of [plan]. */
int
plan_vague(const struct prompts *p, const char *action,
    struct match_hit *hit, char **cause)
{
	int	rc;

	rc = match_set_find(&p->plan.vague, action, strlen(action), hit, cause);
	if (rc == -1)
		return -1;
	return rc == MATCH_FOUND;
}

/* The visited area with the largest evidence gap. */
int
plan_default_area(const int *visited, const int *shown, const int *total)
{
	int	i, best = -1, gap, bgap = 0;

	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (!visited[i])
			continue;
		gap = total[i] - shown[i];
		/* More missing; or as many, with a lower share shown. */
		if (best == -1 || gap > bgap || (gap == bgap &&
		    (long)shown[i] * total[best] < (long)shown[best] * total[i])) {
			best = i;
			bgap = gap;
		}
	}
	return best;
}

/* Whether an open action is past its due date. */
int
plan_overdue(const struct plan_action *a, const char *today)
{
	return !a->done && plan_date_valid(a->due) &&
	    strcmp(a->due, today) < 0;
}

/* The action's status word. */
const char *
plan_status(const struct plan_action *a)
{
	return a->done ? "done" : "open";
}

/* Print the plan as a list. */
void
plan_render_list(FILE *f, const struct plan_list *l, const char *today,
    int width)
{
	const struct plan_action	*a;
	size_t				 i;

	fprintf(f, " ID  Status  Due                 Area\n");
	for (i = 0; i < l->n; i++) {
		a = &l->v[i];
		fprintf(f, "%3lld  %-6s  %-10s %-7s  %s\n", (long long)a->id,
		    plan_status(a), a->due, plan_overdue(a, today) ?
		    "overdue" : "", a->area);
		fprintf(f, "%7s", "");
		util_wrap_at(f, a->action, 7, 7, width);
	}
}

/* Print one labelled field of plan_render_show. */
static void
plan_show_field(FILE *f, const char *label, const char *text, int width)
{
	fprintf(f, "  %-17s", label);
	if (text == NULL || *text == '\0')
		fputs("(not given)\n", f);
	else
		util_wrap_at(f, text, 19, 19, width);
}

/* Print the five answers of an action. */
void
plan_render_draft(FILE *f, const struct plan_action *a, int width)
{
	char	when[64];

	plan_show_field(f, "What:", a->action, width);
	plan_show_field(f, "How you'll know:", a->measure, width);
	plan_date_long(a->due, when, sizeof when);
	plan_show_field(f, "Due:", when, width);
	plan_show_field(f, "Support:", a->support, width);
	plan_show_field(f, "Area:", a->area, width);
}

/* Print one action in full. */
void
plan_render_show(FILE *f, const struct plan_action *a, const char *today,
    int width)
{
	char	 when[64], *due;
	long	 days;

	fprintf(f, "Action %lld (%s)\n", (long long)a->id, plan_status(a));
	plan_show_field(f, "What:", a->action, width);
	plan_show_field(f, "How you'll know:", a->measure, width);
	plan_date_long(a->due, when, sizeof when);
	days = plan_date_valid(a->due) ? plan_days_between(today, a->due) : 0;
	if (a->done)
		due = xstrdup(when);
	else if (days == 0)
		due = xasprintf("%s (today)", when);
	else if (days == 1)
		due = xasprintf("%s (tomorrow)", when);
	else if (days > 0)
		due = xasprintf("%s (in %ld days)", when, days);
	else
		due = xasprintf("%s (overdue by %ld day%s)", when, -days,
		    days == -1 ? "" : "s");
	plan_show_field(f, "Due:", due, width);
	free(due);
	plan_show_field(f, "Support:", a->support, width);
	plan_show_field(f, "Area:", a->area, width);
	plan_show_field(f, "Added:", a->created, width);
	plan_show_field(f, "Last changed:", a->updated, width);
	if (a->done)
		plan_show_field(f, "Done:", a->done_at, width);
}

/* Add text to b as one line of Markdown: white space folded, specials escaped. */
void
plan_md_escape(struct buf *b, const char *text)
{
	char	*s, *p;

	s = util_squeeze(text, strlen(text), strlen(text) + 1);
	for (p = s; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>#|", *p) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	free(s);
}

/* Write a Markdown list item "- label: text", text escaped, wrapped at 80. */
static void
plan_md_item(FILE *f, const char *label, const char *text)
{
	struct buf	b = { 0 };

	buf_printf(&b, "- %s: ", label);
	plan_md_escape(&b, text);
	util_wrap(f, b.data, 0, 2, 80);
	buf_free(&b);
}

/* Print the plan as Markdown. */
void
plan_render_md(FILE *f, const struct plan_list *l, const char *today)
{
	const struct plan_action	*a;
	struct buf			 b = { 0 };
	char				 when[64];
	size_t				 i;

	if (l->n == 0) {
		fputs("No actions yet.\n", f);
		return;
	}
	for (i = 0; i < l->n; i++) {
		a = &l->v[i];
		plan_date_long(a->due, when, sizeof when);
		buf_free(&b);
		plan_md_escape(&b, a->action);
		fprintf(f, "%s### %lld. %s\n\n- Status: %s%s\n- Due: %s (%s)\n"
		    "- Area: %s\n", i == 0 ? "" : "\n", (long long)a->id, b.data,
		    plan_status(a), plan_overdue(a, today) ? ", overdue" : "",
		    when, a->due, a->area);
		plan_md_item(f, "How I will know it worked",
		    *a->measure != '\0' ? a->measure : "(not given)");
		plan_md_item(f, "Support", *a->support != '\0' ? a->support :
		    "(not given)");
		if (a->done && a->done_at != NULL)
			fprintf(f, "- Done: %.10s\n", a->done_at);
	}
	buf_free(&b);
}

/* Write one CSV field. */
void
plan_csv_field(FILE *f, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Print the plan as CSV. */
void
plan_render_csv(FILE *f, const struct plan_list *l)
{
	const struct plan_action	*a;
	size_t				 i;

	fputs("id,area,action,measure,due,support,status,created,updated,"
	    "done\r\n", f);
	for (i = 0; i < l->n; i++) {
		a = &l->v[i];
		fprintf(f, "%lld,", (long long)a->id);
		plan_csv_field(f, a->area);
		fputc(',', f);
		plan_csv_field(f, a->action);
		fputc(',', f);
		plan_csv_field(f, a->measure);
		fputc(',', f);
		plan_csv_field(f, a->due);
		fputc(',', f);
		plan_csv_field(f, a->support);
		fputc(',', f);
		plan_csv_field(f, plan_status(a));
		fputc(',', f);
		plan_csv_field(f, a->created);
		fputc(',', f);
		plan_csv_field(f, a->updated);
		fputc(',', f);
		plan_csv_field(f, a->done_at);
		fputs("\r\n", f);
	}
}

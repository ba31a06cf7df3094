/*
 * date-parse.c: due dates as people write them (see date-parse.h).
 *
 * Invariants: a text is read as words (lower case, split at spaces and
 * commas, at most DATE_PARSE_MAX_WORDS of them) and each form is tried
 * in turn: numeric, then with a month's name, then relative to today;
 * the first that reads the words whole decides.  The date made is
 * checked last, once, against today and DATE_PARSE_MAX_YEARS, so every
 * date written into out is a valid "YYYY-MM-DD" from today on.  The
 * arithmetic is date.h's, on day numbers; month and weekday names are
 * English, whatever the locale.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date-parse.h"
#include "date.h"
#include "util.h"

/* The longest due date read, in bytes. */
#define DATE_PARSE_MAX_LEN	100
/* The most words a due date has. */
#define DATE_PARSE_MAX_WORDS	8
/* What to try, in the messages about text that is not a date. */
#define DATE_PARSE_EXAMPLES	"31/03/2027, 2027-03-31, in 3 months, " \
	"end of June or next Friday"

/* The words of a due date: lower case, split at spaces and commas. */
struct date_parse_words {
	char	*buf;
	char	*w[DATE_PARSE_MAX_WORDS];
	int	 n;	/* DATE_PARSE_MAX_WORDS + 1 when there are more */
};

/* The month named by word (in full or three letters), 1-12, or 0. */
static int
date_parse_month(const char *w)
{
	size_t	len = strlen(w);
	int	i;

	if (len == 4 && strcmp(w, "sept") == 0)
		return 9;
	for (i = 0; i < 12; i++) {
		if ((len == 3 || len == strlen(date_month_name(i + 1))) &&
		    strncasecmp(w, date_month_name(i + 1), len) == 0)
			return i + 1;
	}
	return 0;
}

/* The weekday named by word (full or three letters), 0-6, or -1. */
static int
date_parse_weekday(const char *w)
{
	size_t	len = strlen(w);
	int	i;

	for (i = 0; i < 7; i++) {
		if ((len == 3 || len == strlen(date_weekday_name(i))) &&
		    strncasecmp(w, date_weekday_name(i), len) == 0)
			return i;
	}
	return -1;
}

/* A count written as digits or a word (a, an, one to twelve); -1 if none. */
static long
date_parse_count(const char *w)
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
date_parse_day(const char *w)
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
date_parse_year(const char *w)
{
	if (strlen(w) != 4 || strspn(w, "0123456789") != 4)
		return 0;
	return atoi(w);
}

/*
 * Split text into lower-case words, without a leading "by" or "on" or
 * a final full stop; pw->n is DATE_PARSE_MAX_WORDS + 1 when there are more.
 */
static void
date_parse_split(struct date_parse_words *pw, const char *text)
{
	char	*s, *w;
	int	 i;

	pw->buf = xstrdup(text);
	pw->n = 0;
	for (s = pw->buf; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
	for (s = strtok(pw->buf, " \t\r\n,"); s != NULL;
	    s = strtok(NULL, " \t\r\n,")) {
		if (pw->n == DATE_PARSE_MAX_WORDS) {
			pw->n = DATE_PARSE_MAX_WORDS + 1;
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
date_parse_fields(const char *w, long f[3], size_t len[3])
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
date_parse_numeric(const char *w, struct date_ymd *t, int *noyear, char **cause)
{
	long	f[3];
	size_t	len[3];
	int	n, swapped;

	*noyear = 0;
	if ((n = date_parse_fields(w, f, len)) == 0)
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
			    "and the month", t->d, date_month_name(t->m));
		else if (t->d >= 1 && t->d <= 31 && t->y >= 1000)
			*cause = xasprintf("there is no %d %s %d: check the "
			    "day and the month", t->d, date_month_name(t->m),
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
date_parse_named(struct date_parse_words *pw, struct date_ymd *t, int *noyear,
    char **cause)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, day = 0, month = 0, year = 0;

	*noyear = 0;
	if (n >= 2 && (day = date_parse_day(w[0])) != 0) {
		i = 1;
		if (strcmp(w[i], "of") == 0)
			i++;
		if (i >= n || (month = date_parse_month(w[i])) == 0)
			return 0;
		i++;
	} else if (n >= 2 && (month = date_parse_month(w[0])) != 0) {
		if ((day = date_parse_day(w[1])) != 0)
			i = 2;
		else if (n == 2 && (year = date_parse_year(w[1])) != 0) {
			t->y = year;
			t->m = month;
			t->d = date_month_days(year, month);
			return 1;
		} else
			return 0;
	} else
		return 0;
	if (i < n && (year = date_parse_year(w[i])) != 0)
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
			    "day and the month", day, date_month_name(month),
			    year);
		else
			*cause = xasprintf("there is no %d %s: check the day "
			    "and the month", day, date_month_name(month));
		return -1;
	}
	return 1;
}

/* Read today, tomorrow or yesterday.  Returns 1 with *t set, or 0. */
static int
date_parse_rel_day(struct date_parse_words *pw, struct date_ymd today,
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
date_parse_unit(const char *u)
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
date_parse_rel_in(struct date_parse_words *pw, struct date_ymd today,
    struct date_ymd *t)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, unit;
	long	  count;

	if (n > 0 && strcmp(w[0], "in") == 0)
		i = 1;
	if (n - i != 2 && (n - i != 3 || strcmp(w[n - 1], "time") != 0))
		return 0;
	if ((count = date_parse_count(w[i])) < 0 ||
	    (unit = date_parse_unit(w[i + 1])) == 0)
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
date_parse_rel_end(struct date_parse_words *pw, struct date_ymd today,
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
	if ((month = date_parse_month(w[i])) == 0)
		return 0;
	if (n - i == 2) {
		if ((year = date_parse_year(w[i + 1])) == 0)
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
date_parse_rel_weekday(struct date_parse_words *pw, struct date_ymd today,
    struct date_ymd *t)
{
	char	**w = pw->w;
	int	  n = pw->n, i = 0, wd, ahead;
	long	  z = date_day_number(today);

	if (n == 2 && (strcmp(w[0], "next") == 0 || strcmp(w[0], "this") == 0))
		i = 1;
	if (n - i != 1 || (wd = date_parse_weekday(w[i])) == -1)
		return 0;
	ahead = (wd - date_weekday(z) + 7) % 7;
	*t = date_from_day_number(z + (ahead == 0 ? 7 : ahead));
	return 1;
}

/* Read the forms relative to today.  Returns 1 with *t set, or 0. */
static int
date_parse_relative(struct date_parse_words *pw, struct date_ymd today,
    struct date_ymd *t)
{
	return date_parse_rel_day(pw, today, t) ||
	    date_parse_rel_in(pw, today, t) ||
	    date_parse_rel_end(pw, today, t) ||
	    date_parse_rel_weekday(pw, today, t);
}

/*
 * Give a date written without a year the year of its next coming: this
 * year's when it has not passed, else next year's (for 29 February, the
 * next leap year's).  Returns whether that is not this year.
 */
static int
date_parse_next_coming(struct date_ymd *t, struct date_ymd today)
{
	t->y = today.y;
	if (t->m < today.m || (t->m == today.m && t->d < today.d))
		t->y++;
	while (t->d > date_month_days(t->y, t->m))
		t->y++;
	return t->y != today.y;
}

/*
 * Check that t is a real day from today on, within DATE_PARSE_MAX_YEARS, and
 * write it into out.  Returns 0, or -1 with *cause saying why not.
 */
static int
date_parse_in_reach(struct date_ymd t, struct date_ymd today,
    char out[DATE_LEN], char **cause)
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
	if (t.y > today.y + DATE_PARSE_MAX_YEARS ||
	    (t.y == today.y + DATE_PARSE_MAX_YEARS && (t.m > today.m ||
	    (t.m == today.m && t.d > today.d)))) {
		*cause = xasprintf("%s is more than %d years away: choose a "
		    "date you can plan for", when, DATE_PARSE_MAX_YEARS);
		return -1;
	}
	return 0;
}

/* Read a due date; see date.h. */
enum date_parse_result
date_parse_due(const char *text, const char *today, char out[DATE_LEN],
    char **cause)
{
	struct date_parse_words	 pw = { 0 };
	struct date_ymd		 now, t;
	char			*squeezed, *shown;
	int			 rc = 0, noyear = 0, moved = 0;

	*cause = NULL;
	if (date_split(today, &now) != 0)
		fatalx("date_parse_due: today is not a date: '%s'", today);
	if (util_is_blank(text, strlen(text))) {
		*cause = xstrdup("give a date, such as 31/03/2027, in 3 months "
		    "or end of June");
		return DATE_PARSE_ERROR;
	}
	if (strlen(text) > DATE_PARSE_MAX_LEN) {
		*cause = xstrdup("that is too long for a date: try 31/03/2027, "
		    "in 3 months or end of June");
		return DATE_PARSE_ERROR;
	}

	/* Written dates, then those relative to today. */
	date_parse_split(&pw, text);
	if (pw.n == 1)
		rc = date_parse_numeric(pw.w[0], &t, &noyear, cause);
	if (rc == 0 && pw.n >= 1 && pw.n <= DATE_PARSE_MAX_WORDS)
		rc = date_parse_named(&pw, &t, &noyear, cause);
	if (rc == 1 && noyear)
		moved = date_parse_next_coming(&t, now);
	if (rc == 0 && pw.n >= 1 && pw.n <= DATE_PARSE_MAX_WORDS)
		rc = date_parse_relative(&pw, now, &t);
	free(pw.buf);
	if (rc == -1)
		return DATE_PARSE_ERROR;
	if (rc == 0) {
		squeezed = util_squeeze(text, strlen(text), 40);
		shown = util_printable(squeezed, strlen(squeezed));
		*cause = xasprintf("cannot read '%s' as a date: try %s", shown,
		    DATE_PARSE_EXAMPLES);
		free(shown);
		free(squeezed);
		return DATE_PARSE_ERROR;
	}
	if (date_parse_in_reach(t, now, out, cause) != 0)
		return DATE_PARSE_ERROR;
	return moved ? DATE_PARSE_NEXT_YEAR : DATE_PARSE_OK;
}

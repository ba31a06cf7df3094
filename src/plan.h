/*
 * plan.h: the action plan: due dates, checks and renderings, no I/O.
 *
 * An action is SMART when it says what the candidate will do (specific),
 * how they will know it worked (measurable), by when (a due date), who or
 * what will support them, and which skill area it develops.  This module
 * reads due dates as people write them, relative to a given "today" so
 * that tests are deterministic; checks an action before anything is
 * stored; flags a vague action with the [plan] patterns of the prompt
 * files (the candidate has the last word); and renders a plan as a list,
 * Markdown or CSV (RFC 4180) onto a stream the caller owns.
 *
 * Dates are strings "YYYY-MM-DD" in the proleptic Gregorian calendar;
 * times are "YYYY-MM-DDTHH:MM:SSZ" in UTC.  Nothing here reads a file,
 * a terminal or the database; plan_today and plan_now alone look at the
 * clock (or at DHCOACH_TODAY, for tests).
 *
 * Ownership: a struct plan_action owns its strings (plan_action_clear);
 * a struct plan_list owns its actions (plan_list_free).  *cause strings
 * are the caller's.
 */
#ifndef DHCOACH_PLAN_H
#define DHCOACH_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "match.h"
#include "util.h"

struct prompts;

/* Bytes of a date "YYYY-MM-DD" with its NUL, and of a UTC time. */
#define PLAN_DATE_LEN	11
#define PLAN_TIME_LEN	21
/* The longest action, measure or support kept, in bytes. */
#define PLAN_MAX_TEXT	2000
/* How far ahead a due date may be, in years. */
#define PLAN_MAX_YEARS	10

/* One action of the plan. */
struct plan_action {
	int64_t	 id;		/* 0 until stored */
	char	*area;		/* an area id of framework.h */
	char	*action;	/* what the candidate will do */
	char	*measure;	/* how they will know it worked; "" if not given */
	char	*due;		/* YYYY-MM-DD */
	char	*support;	/* who or what will help; "" if not given */
	int	 done;		/* 0: open, 1: done */
	char	*created;	/* UTC times set by the store; NULL before */
	char	*updated;
	char	*done_at;	/* NULL while open */
};

struct plan_list {
	struct plan_action	*v;
	size_t			 n;
};

/* What is wrong with an action, so that commands can choose a status. */
enum plan_error {
	PLAN_OK = 0,
	PLAN_ERR_ACTION,	/* action empty, too long or not text */
	PLAN_ERR_TEXT,		/* measure or support too long or not text */
	PLAN_ERR_DATE,		/* due date missing or unreadable */
	PLAN_ERR_AREA		/* unknown skill area */
};

/* Free an action's strings and zero it. */
void plan_action_clear(struct plan_action *);
/* Copy an action's strings into dst (which is overwritten, not freed). */
void plan_action_copy(struct plan_action *dst, const struct plan_action *src);
/* Free a list's actions and empty it. */
void plan_list_free(struct plan_list *);

/*
 * Today's local date into out: $DHCOACH_TODAY when it holds a valid
 * date (for tests), else the clock.  Returns 1 when DHCOACH_TODAY was
 * set but not a date (the clock is used), else 0.
 */
int plan_today(char out[PLAN_DATE_LEN]);
/*
 * The time now in UTC into out; with a valid DHCOACH_TODAY, noon UTC of
 * that day, so that tests print the same times every run.
 */
void plan_now(char out[PLAN_TIME_LEN]);

/* Whether s is exactly a valid date "YYYY-MM-DD". */
int plan_date_valid(const char *s);
/* Days from date a to date b (b - a); both must be valid. */
long plan_days_between(const char *a, const char *b);
/* A valid date as people read it: "Friday 31 March 2027" (into out). */
void plan_date_long(const char *date, char *out, size_t len);

/*
 * Read a due date as a person writes it, relative to today (a valid
 * date): 2027-03-31; 31/03/2027, 31-3-27 or 31.03.2027 (day first, as in
 * the UK); 31 March 2027, 31st Mar, March 31 2027; today, tomorrow;
 * in 3 months, in two weeks, in a year; end of June (the last day of the
 * next June, this year's if not past), end of the month, end of next
 * month, end of the year; next Friday or Friday (the first after today).
 * A leading "by" or "on" is ignored, as are case and extra spaces.
 * Writes YYYY-MM-DD into out and returns 0; or returns -1 with *cause
 * saying why (no such day, in the past, more than PLAN_MAX_YEARS ahead,
 * or not a date at all, with examples).
 */
int plan_parse_due(const char *text, const char *today,
    char out[PLAN_DATE_LEN], char **cause);

/*
 * An area by id, unique start of an id ("integ"), or number 1 to 10.
 * Returns its index into framework_areas, or -1.
 */
int plan_area_parse(const char *s);

/*
 * Check one text field, named what in *cause: not blank when required,
 * valid UTF-8 with no control characters but tabs and line breaks, at
 * most PLAN_MAX_TEXT bytes.  Returns 0, or -1 with *cause set.
 */
int plan_check_text(const char *text, const char *what, int required,
    char **cause);

/*
 * Check an action before it is stored: the action is not blank, each
 * text is valid UTF-8 of at most PLAN_MAX_TEXT bytes, the due date is
 * valid, the area known.  Returns PLAN_OK, or the first problem with
 * *cause set.
 */
enum plan_error plan_check(const struct plan_action *, char **cause);

/*
 * The SMART check: whether action matches one of the [plan] section's
 * vague patterns.  Returns 1 with *hit set when it does, 0 when not, or
 * -1 with *cause set when a pattern hit its match limit.
 */
int plan_vague(const struct prompts *, const char *action,
    struct match_hit *hit, char **cause);

/*
 * The area to offer by default: of the areas visited (visited[i] set),
 * the one with the most indicators not yet shown (total[i] - shown[i]),
 * the lower share shown breaking ties, then framework order.  Returns its
 * index, or -1 when none was visited.
 */
int plan_default_area(const int *visited, const int *shown, const int *total);

/* Whether an open action's due date is before today. */
int plan_overdue(const struct plan_action *, const char *today);
/* "open" or "done". */
const char *plan_status(const struct plan_action *);

/*
 * The plan as a list for the terminal, in the order given: id, status,
 * due date (overdue marked) and area, then the action wrapped at width.
 */
void plan_render_list(FILE *, const struct plan_list *, const char *today,
    int width);
/* What, how you'll know, due, support and area of a draft action. */
void plan_render_draft(FILE *, const struct plan_action *, int width);
/* One action in full, with its due date in words and days to go. */
void plan_render_show(FILE *, const struct plan_action *, const char *today,
    int width);
/*
 * The plan as Markdown: one "###" section per action under the caller's
 * heading, each field on a line of its own, text folded to one line and
 * Markdown's special characters escaped.
 */
void plan_render_md(FILE *, const struct plan_list *, const char *today);
/*
 * Add text to b as one line of Markdown: white space folded to single
 * spaces, and the characters Markdown would take as markup
 * (\ ` * _ [ ] < > # |) escaped with a backslash.
 */
void plan_md_escape(struct buf *, const char *text);
/*
 * The plan as CSV (RFC 4180): a header row, then one row per action,
 * lines ending CRLF, fields quoted when they hold a comma, quote, CR or
 * LF, with quotes doubled.  Columns: id, area, action, measure, due,
 * support, status, created, updated, done.
 */
void plan_render_csv(FILE *, const struct plan_list *);
/* One CSV field, quoted when it needs to be. */
void plan_csv_field(FILE *, const char *);

#endif

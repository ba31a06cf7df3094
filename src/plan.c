/*
 * plan.c: an action of the plan, and the plan's rules (see plan.h).
 *
 * Invariants: nothing here reads a file, a terminal, the clock or the
 * database; a check either accepts an action whole or fails with one
 * message and the status of its class.  Dates are compared as strings,
 * which orders valid "YYYY-MM-DD" dates correctly.
 */
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "plan.h"
#include "text.h"
#include "util.h"

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

/* Check one text field of an action, named what; NULL counts as "". */
static int
plan_check_text(const char *s, const char *what, int required,
    struct err *e)
{
	if (s == NULL)
		s = "";
	return text_check(s, strlen(s), PLAN_MAX_TEXT, what, required,
	    ERR_ACTION, e);
}

/* Check an action before it is stored. */
int
plan_check(const struct plan_action *a, struct err *e)
{
	if (plan_check_text(a->action, "action", 1, e) != 0 ||
	    plan_check_text(a->measure, "measure of success", 0, e) != 0 ||
	    plan_check_text(a->support, "support", 0, e) != 0)
		return -1;
	if (a->due == NULL || !date_valid(a->due))
		return err_set(e, ERR_DATE, "the due date '%s' is not a date: "
		    "give one as YYYY-MM-DD, for example 2027-03-31",
		    a->due != NULL ? a->due : "");
	if (a->area == NULL || framework_area_find(a->area) == -1)
		return err_set(e, ERR_USAGE, "there is no area '%s': use one "
		    "of the ten areas, by name or number (see 'dhcoach "
		    "--help')", a->area != NULL ? a->area : "");
	return 0;
}

/* Whether an open action is past its due date. */
int
plan_overdue(const struct plan_action *a, const char *today)
{
	return !a->done && a->due != NULL && date_valid(a->due) &&
	    strcmp(a->due, today) < 0;
}

/* The action's status word. */
const char *
plan_status(const struct plan_action *a)
{
	return a->done ? "done" : "open";
}

/* Whether c is white space in the C locale. */
static int
plan_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

/* The byte of s at *i folded for comparing (ASCII case, runs of space). */
static int
plan_fold_next(const char *s, size_t *i)
{
	unsigned char	c;

	if (plan_space(s[*i])) {
		while (plan_space(s[*i]))
			(*i)++;
		/* Space at the end counts for nothing. */
		return s[*i] == '\0' ? '\0' : ' ';
	}
	c = (unsigned char)s[(*i)++];
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether two actions say the same in the same area. */
int
plan_same(const struct plan_action *a, const struct plan_action *b)
{
	const char	*x, *y;
	size_t		 i = 0, j = 0;
	int		 c, d;

	if (a->area == NULL || b->area == NULL || strcmp(a->area, b->area) != 0)
		return 0;
	x = a->action != NULL ? a->action : "";
	y = b->action != NULL ? b->action : "";
	while (plan_space(x[i]))
		i++;
	while (plan_space(y[j]))
		j++;
	do {
		c = plan_fold_next(x, &i);
		d = plan_fold_next(y, &j);
		if (c != d)
			return 0;
	} while (c != '\0');
	return 1;
}

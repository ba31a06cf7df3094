/*
 * plan-guide.c: the guided SMART questions (see plan-guide.h).
 *
 * Invariants: nothing reaches the store until the candidate confirms
 * the whole action; an answer is checked (plan_check_text,
 * plan_parse_due, plan_area_parse) before it is kept, and a bad one is
 * explained and asked for again, so the action confirmed always passes
 * plan_check; the end of input or /cancel drops the action being
 * written and nothing else.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "converse.h"
#include "framework.h"
#include "plan-guide.h"
#include "prompts.h"
#include "store.h"
#include "util.h"

/* What reading an answer gave. */
enum plan_guide_read {
	PLAN_GUIDE_LINE,	/* an answer, perhaps empty */
	PLAN_GUIDE_CANCEL,	/* /cancel */
	PLAN_GUIDE_END		/* the end of input */
};

/* Set up a guide. */
void
plan_guide_init(struct plan_guide *g, const struct prompts *p,
    struct store *s, struct converse_source *src, FILE *out, int width,
    int default_area)
{
	memset(g, 0, sizeof *g);
	g->prompts = p;
	g->store = s;
	g->source = src;
	g->out = out;
	g->width = width;
	g->default_area = default_area;
	plan_today(g->today);
}

/* Print text wrapped to the width. */
static void
plan_guide_say(struct plan_guide *g, const char *text)
{
	util_wrap(g->out, text, 0, 0, g->width);
}

/* Print a formatted message wrapped to the width. */
static void __attribute__((format(printf, 2, 3)))
plan_guide_sayf(struct plan_guide *g, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	plan_guide_say(g, s);
	free(s);
}

/* Print a cause from another module as a sentence: capital first, full stop. */
static void
plan_guide_cause(struct plan_guide *g, const char *cause, const char *then)
{
	char	*s;

	s = xasprintf("%c%s. %s", toupper((unsigned char)cause[0]), cause + 1,
	    then);
	plan_guide_say(g, s);
	free(s);
}

/* Read an answer, trimmed; /cancel and the end of input are reported. */
static enum plan_guide_read
plan_guide_read(struct plan_guide *g, char **line)
{
	char	*raw, *s;
	size_t	 len;

	*line = NULL;
	for (;;) {
		if ((raw = g->source->read(g->source, "> ")) == NULL)
			return PLAN_GUIDE_END;
		for (s = raw; isspace((unsigned char)*s); s++)
			;
		len = strlen(s);
		while (len > 0 && isspace((unsigned char)s[len - 1]))
			len--;
		if (len > 0 && *s == '/') {
			if (len == 7 && strncmp(s, "/cancel", 7) == 0) {
				free(raw);
				return PLAN_GUIDE_CANCEL;
			}
			plan_guide_say(g, "While we write this action, answer the "
			    "question, or type /cancel to stop without saving "
			    "it.");
			free(raw);
			continue;
		}
		*line = xstrndup(s, len);
		free(raw);
		return PLAN_GUIDE_LINE;
	}
}

/* Ask yes or no: 1 yes, 0 no (or Enter with dflt), -1 at the end, -2 on /cancel. */
static int
plan_guide_yesno(struct plan_guide *g, int dflt)
{
	enum plan_guide_read	 r;
	char			*line;
	int			 yes;

	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r == PLAN_GUIDE_END ? -1 : -2;
		if (*line == '\0')
			yes = dflt;
		else if (strcasecmp(line, "y") == 0 ||
		    strcasecmp(line, "yes") == 0)
			yes = 1;
		else if (strcasecmp(line, "n") == 0 ||
		    strcasecmp(line, "no") == 0)
			yes = 0;
		else
			yes = -3;
		free(line);
		if (yes >= 0)
			return yes;
		plan_guide_say(g, "Please answer y or n.");
	}
}

/* Show a question, and what the answer is now when editing. */
static void
plan_guide_ask(struct plan_guide *g, enum prompts_ask q, const char *now)
{
	fputc('\n', g->out);
	plan_guide_say(g, g->prompts->plan.ask[q]);
	if (now != NULL)
		plan_guide_sayf(g, "Now: %s", *now != '\0' ? now :
		    "(not given)");
}

/*
 * Ask for a text answer, named what.  cur is the answer now when
 * editing (Enter keeps it; "-" clears an optional one), NULL when
 * adding (Enter leaves an optional one empty).  *out: a new string.
 */
static enum plan_guide_read
plan_guide_text(struct plan_guide *g, enum prompts_ask q, const char *what,
    int required, const char *cur, char **out)
{
	enum plan_guide_read	 r;
	char			*line, *why = NULL;

	plan_guide_ask(g, q, cur);
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r;
		if (*line == '\0' && cur != NULL) {
			free(line);
			*out = xstrdup(cur);
			return PLAN_GUIDE_LINE;
		}
		if (!required && strcmp(line, "-") == 0)
			*line = '\0';
		if (plan_check_text(line, what, required, &why) == 0) {
			*out = line;
			return PLAN_GUIDE_LINE;
		}
		free(line);
		plan_guide_cause(g, why, "Try again, or /cancel to stop.");
		free(why);
		why = NULL;
	}
}

/*
 * The SMART check of a new or changed action: when vague, the nudge and
 * one chance to sharpen it (Enter keeps it as it is).
 */
static enum plan_guide_read
plan_guide_sharpen(struct plan_guide *g, char **action)
{
	enum plan_guide_read	 r;
	struct match_hit	 hit;
	char			*line, *why = NULL;

	if (plan_vague(g->prompts, *action, &hit, &why) != 1) {
		free(why);	/* a pattern over its limit: no nudge */
		return PLAN_GUIDE_LINE;
	}
	fputc('\n', g->out);
	plan_guide_say(g, g->prompts->plan.nudge);
	plan_guide_say(g, "Type a sharper version, or press Enter to keep "
	    "yours as it is.");
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r;
		if (*line == '\0') {
			free(line);
			return PLAN_GUIDE_LINE;
		}
		if (plan_check_text(line, "action", 1, &why) == 0) {
			free(*action);
			*action = line;
			return PLAN_GUIDE_LINE;
		}
		free(line);
		plan_guide_cause(g, why, "Try again, or press Enter to keep "
		    "yours.");
		free(why);
		why = NULL;
	}
}

/* Ask for the due date; cur is the date now when editing. */
static enum plan_guide_read
plan_guide_due(struct plan_guide *g, const char *cur, char **out)
{
	enum plan_guide_read	 r;
	char			*line, *why = NULL, date[PLAN_DATE_LEN];
	char			 when[64];

	if (cur != NULL)
		plan_date_long(cur, when, sizeof when);
	plan_guide_ask(g, PROMPTS_ASK_DUE, cur != NULL ? when : NULL);
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r;
		if (*line == '\0' && cur != NULL) {
			free(line);
			*out = xstrdup(cur);
			return PLAN_GUIDE_LINE;
		}
		if (plan_parse_due(line, g->today, date, &why) == 0) {
			free(line);
			plan_date_long(date, when, sizeof when);
			plan_guide_sayf(g, "That is %s.", when);
			*out = xstrdup(date);
			return PLAN_GUIDE_LINE;
		}
		free(line);
		plan_guide_cause(g, why, "Try again, or /cancel to stop.");
		free(why);
		why = NULL;
	}
}

/* List the ten areas with their numbers. */
static void
plan_guide_areas(struct plan_guide *g)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		fprintf(g->out, "  %2d %-24s %s\n", i + 1,
		    framework_areas[i].id, g->prompts->areas[i].title);
}

/* Ask for the skill area, offering dflt (an index, or -1). */
static enum plan_guide_read
plan_guide_area(struct plan_guide *g, int dflt, char **out)
{
	enum plan_guide_read	 r;
	char			*line;
	int			 i;

	plan_guide_ask(g, PROMPTS_ASK_AREA, NULL);
	if (dflt != -1)
		plan_guide_sayf(g, "Press Enter for %s (%s), or type another "
		    "area's id or number; ? lists them.",
		    framework_areas[dflt].id, g->prompts->areas[dflt].title);
	else
		plan_guide_areas(g);
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r;
		if (*line == '\0' && dflt != -1)
			i = dflt;
		else
			i = plan_area_parse(line);
		if (i != -1) {
			free(line);
			*out = xstrdup(framework_areas[i].id);
			return PLAN_GUIDE_LINE;
		}
		if (*line != '\0' && strcmp(line, "?") != 0)
			plan_guide_sayf(g, "There is no area '%s': type its "
			    "number or id, or ? to list them.", line);
		else {
			plan_guide_say(g, "Type the area's number or id:");
			plan_guide_areas(g);
		}
		free(line);
	}
}

/*
 * Ask every question for *a (cur: the action as it is when editing, or
 * NULL), filling *a.  Returns PLAN_GUIDE_LINE when all are answered.
 */
static enum plan_guide_read
plan_guide_questions(struct plan_guide *g, struct plan_action *a,
    const struct plan_action *cur)
{
	enum plan_guide_read	r;
	int			dflt;

	if ((r = plan_guide_text(g, PROMPTS_ASK_ACTION, "action", 1,
	    cur != NULL ? cur->action : NULL, &a->action)) != PLAN_GUIDE_LINE)
		return r;
	if ((cur == NULL || strcmp(cur->action, a->action) != 0) &&
	    (r = plan_guide_sharpen(g, &a->action)) != PLAN_GUIDE_LINE)
		return r;
	if ((r = plan_guide_text(g, PROMPTS_ASK_MEASURE, "measure of success",
	    0, cur != NULL ? cur->measure : NULL, &a->measure)) !=
	    PLAN_GUIDE_LINE)
		return r;
	if ((r = plan_guide_due(g, cur != NULL ? cur->due : NULL, &a->due)) !=
	    PLAN_GUIDE_LINE)
		return r;
	if ((r = plan_guide_text(g, PROMPTS_ASK_SUPPORT, "support", 0,
	    cur != NULL ? cur->support : NULL, &a->support)) !=
	    PLAN_GUIDE_LINE)
		return r;
	dflt = cur != NULL ? framework_area_find(cur->area) : g->default_area;
	return plan_guide_area(g, dflt, &a->area);
}

/* What a question's ending means for the action being written. */
static enum plan_guide_result
plan_guide_stopped(struct plan_guide *g, enum plan_guide_read r)
{
	if (r == PLAN_GUIDE_END)
		return PLAN_GUIDE_EOF;
	plan_guide_say(g, "Stopped: that action was not saved.");
	return PLAN_GUIDE_DROPPED;
}

/*
 * Show the draft under heading and ask question.  Returns 1 when the
 * candidate confirms; else 0 with *res set (dropped, cancelled or ended)
 * after saying dropped when they answered no.
 */
static int
plan_guide_confirm(struct plan_guide *g, const struct plan_action *a,
    const char *heading, const char *question, const char *dropped,
    enum plan_guide_result *res)
{
	int	yes;

	fprintf(g->out, "\n%s\n", heading);
	plan_render_draft(g->out, a, g->width);
	plan_guide_say(g, question);
	if ((yes = plan_guide_yesno(g, 1)) < 0) {
		*res = plan_guide_stopped(g, yes == -1 ? PLAN_GUIDE_END :
		    PLAN_GUIDE_CANCEL);
		return 0;
	}
	if (!yes) {
		plan_guide_say(g, dropped);
		*res = PLAN_GUIDE_DROPPED;
		return 0;
	}
	return 1;
}

/* Ask for one new action; see plan-guide.h. */
enum plan_guide_result
plan_guide_add(struct plan_guide *g, int64_t *id, char **cause)
{
	struct plan_action	 a;
	enum plan_guide_read	 r;
	enum plan_guide_result	 res;

	memset(&a, 0, sizeof a);
	*id = -1;
	if ((r = plan_guide_questions(g, &a, NULL)) != PLAN_GUIDE_LINE) {
		res = plan_guide_stopped(g, r);
		goto out;
	}
	if (!plan_guide_confirm(g, &a, "Your action:",
	    "Save it to your plan? (Y/n)", "Not saved.", &res))
		goto out;
	if ((*id = store_plan_add(g->store, &a, cause)) == -1) {
		res = PLAN_GUIDE_ERROR;
		goto out;
	}
	plan_guide_sayf(g, "Saved as action %lld.", (long long)*id);
	res = PLAN_GUIDE_SAVED;
out:
	plan_action_clear(&a);
	return res;
}

/* Whether two optional strings are equal. */
static int
plan_guide_same(const char *x, const char *y)
{
	return strcmp(x != NULL ? x : "", y != NULL ? y : "") == 0;
}

/* Ask again for each answer of an action; see plan-guide.h. */
enum plan_guide_result
plan_guide_edit(struct plan_guide *g, const struct plan_action *cur,
    char **cause)
{
	struct plan_action	 a;
	enum plan_guide_read	 r;
	enum plan_guide_result	 res;
	int			 rc;

	memset(&a, 0, sizeof a);
	a.id = cur->id;
	plan_guide_sayf(g, "Changing action %lld. Press Enter to keep an "
	    "answer as it is; type - to clear an optional one; /cancel stops "
	    "without saving.", (long long)cur->id);
	if ((r = plan_guide_questions(g, &a, cur)) != PLAN_GUIDE_LINE) {
		res = plan_guide_stopped(g, r);
		goto out;
	}
	if (plan_guide_same(a.action, cur->action) &&
	    plan_guide_same(a.measure, cur->measure) &&
	    plan_guide_same(a.due, cur->due) &&
	    plan_guide_same(a.support, cur->support) &&
	    plan_guide_same(a.area, cur->area)) {
		fputc('\n', g->out);
		plan_guide_say(g, "Nothing has changed, so there is nothing "
		    "to save.");
		res = PLAN_GUIDE_DROPPED;
		goto out;
	}
	if (!plan_guide_confirm(g, &a, "Your action now:",
	    "Save the changes? (Y/n)", "Not saved: the action is as it was.",
	    &res))
		goto out;
	if ((rc = store_plan_update(g->store, &a, cause)) == -1) {
		res = PLAN_GUIDE_ERROR;
		goto out;
	}
	if (rc == 0) {
		*cause = xasprintf("action %lld is no longer in your plan",
		    (long long)a.id);
		res = PLAN_GUIDE_ERROR;
		goto out;
	}
	plan_guide_sayf(g, "Saved the changes to action %lld.",
	    (long long)a.id);
	res = PLAN_GUIDE_SAVED;
out:
	plan_action_clear(&a);
	return res;
}

/* Write actions until the candidate has no more; see plan-guide.h. */
enum plan_guide_result
plan_guide_run(struct plan_guide *g, int *nsaved, char **cause)
{
	enum plan_guide_result	 res;
	int64_t			 id;
	int			 yes;

	*nsaved = 0;
	plan_guide_say(g, g->prompts->plan.intro);
	for (;;) {
		res = plan_guide_add(g, &id, cause);
		if (res == PLAN_GUIDE_SAVED)
			(*nsaved)++;
		else if (res != PLAN_GUIDE_DROPPED)
			return res;
		fputc('\n', g->out);
		plan_guide_say(g, "Would you like to add another action? "
		    "(y/N)");
		if ((yes = plan_guide_yesno(g, 0)) == -1)
			return PLAN_GUIDE_EOF;
		if (yes != 1)
			break;
	}
	if (*nsaved > 0)
		plan_guide_sayf(g, "Your plan is saved: %d new action%s. "
		    "'dhcoach plan' shows it at any time.", *nsaved,
		    *nsaved == 1 ? "" : "s");
	return *nsaved > 0 ? PLAN_GUIDE_SAVED : PLAN_GUIDE_DROPPED;
}

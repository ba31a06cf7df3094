/*
 * plan-guide.c: the guided SMART questions (see plan-guide.h).
 *
 * Invariants: every answer is checked (text_check, date_parse_due,
 * framework_area_parse) before it goes into the draft, and a bad one is
 * explained and asked for again, so a draft the candidate saves always
 * passes plan_check; whatever ends the questions (/cancel, Ctrl-C, the
 * end of input), the draft holds every answer given so far.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date-parse.h"
#include "framework.h"
#include "match.h"
#include "plan-guide.h"
#include "text.h"
#include "util.h"

/* What reading an answer gave. */
enum plan_guide_read {
	PLAN_GUIDE_LINE,	/* an answer, perhaps empty */
	PLAN_GUIDE_CANCEL,	/* /cancel or Ctrl-C */
	PLAN_GUIDE_END		/* the end of input */
};

/* The fields, numbered as the confirmation shows them. */
enum plan_guide_field {
	PLAN_GUIDE_ACTION = 1,
	PLAN_GUIDE_MEASURE,
	PLAN_GUIDE_DUE,
	PLAN_GUIDE_SUPPORT,
	PLAN_GUIDE_AREA
};

/* Set up a guide. */
void
plan_guide_init(struct plan_guide *g, const struct prompts *p,
    struct source *src, FILE *out, int width)
{
	memset(g, 0, sizeof *g);
	g->prompts = p;
	g->source = src;
	g->out = out;
	g->width = width;
	date_today(g->today);
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

/* Print a cause from another module as a sentence, then what to do. */
static void
plan_guide_cause(struct plan_guide *g, const char *cause, const char *then)
{
	char	*s;

	s = xasprintf("%c%s. %s", toupper((unsigned char)cause[0]), cause + 1,
	    then);
	plan_guide_say(g, s);
	free(s);
}

/* Read an answer, trimmed; /cancel, Ctrl-C and the end are reported. */
static enum plan_guide_read
plan_guide_read(struct plan_guide *g, char **line)
{
	char	*raw, *s;

	*line = NULL;
	for (;;) {
		if ((raw = source_read(g->source, "> ")) == NULL)
			return PLAN_GUIDE_END;
		if (strcmp(raw, SOURCE_INTERRUPT) == 0) {
			free(raw);
			return PLAN_GUIDE_CANCEL;
		}
		s = text_trim(raw);
		if (*s == '/') {
			if (strcmp(s, "/cancel") == 0) {
				free(raw);
				return PLAN_GUIDE_CANCEL;
			}
			plan_guide_say(g, "While we write this action, answer "
			    "the question, or type /cancel to stop; what you "
			    "have written so far is kept as a draft.");
			free(raw);
			continue;
		}
		*line = xstrdup(s);
		free(raw);
		return PLAN_GUIDE_LINE;
	}
}

/* Ask yes or no; see plan-guide.h. */
int
plan_guide_yesno(struct plan_guide *g, const char *question, int dflt)
{
	char	*line;
	int	 yes;

	if (question != NULL)
		plan_guide_say(g, question);
	for (;;) {
		if (plan_guide_read(g, &line) != PLAN_GUIDE_LINE)
			return -1;
		switch (text_yesno(line)) {
		case TEXT_YES:
			yes = 1;
			break;
		case TEXT_NO:
			yes = 0;
			break;
		case TEXT_EMPTY:
			yes = dflt;
			break;
		default:
			yes = -1;
			break;
		}
		free(line);
		if (yes >= 0)
			return yes;
		plan_guide_say(g, "Please answer yes or no.");
	}
}

/* Whether an action matches a vague pattern of [plan]. */
int
plan_guide_vague(const struct prompts *p, const char *action)
{
	struct match_hit	 hit;
	char			*cause = NULL;
	int			 rc;

	rc = match_set_find(&p->plan.vague, action, strlen(action), &hit,
	    &cause);
	free(cause);
	return rc == MATCH_FOUND;
}

/* Whether an optional draft field holds something. */
static int
plan_guide_has(const char *s)
{
	return s != NULL && *s != '\0';
}

/* Replace a draft field. */
static void
plan_guide_set(char **field, char *value)
{
	free(*field);
	*field = value;
}

/* Show a question, and the answer there is already (Enter keeps it). */
static void
plan_guide_ask(struct plan_guide *g, enum prompts_ask q, const char *now,
    int optional)
{
	fputc('\n', g->out);
	plan_guide_say(g, g->prompts->plan.ask[q]);
	if (now == NULL || *now == '\0')
		return;
	if (g->edit)
		plan_guide_sayf(g, "Now: %s", now);
	else
		plan_guide_sayf(g, "So far: %s (press Enter to keep it%s)", now,
		    optional ? ", or type - to clear it" : "");
}

/*
 * Ask for a text field, named what.  Enter keeps what *field holds;
 * "-" clears an optional one.
 */
static enum plan_guide_read
plan_guide_text(struct plan_guide *g, enum prompts_ask q, const char *what,
    int required, char **field)
{
	enum plan_guide_read	 r;
	struct err		 e = { 0 };
	char			*line;

	plan_guide_ask(g, q, *field, !required);
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r;
		if (*line == '\0' && (plan_guide_has(*field) || !required)) {
			free(line);
			return PLAN_GUIDE_LINE;
		}
		if (!required && strcmp(line, "-") == 0)
			*line = '\0';
		if (text_check(line, strlen(line), PLAN_MAX_TEXT, what,
		    required, ERR_ACTION, &e) == 0) {
			plan_guide_set(field, line);
			return PLAN_GUIDE_LINE;
		}
		free(line);
		plan_guide_cause(g, e.msg, "Try again, or /cancel to stop.");
		err_clear(&e);
	}
}

/* The SMART check of a new action: the nudge, once, and one chance to sharpen. */
static enum plan_guide_read
plan_guide_sharpen(struct plan_guide *g, char **action)
{
	enum plan_guide_read	 r;
	struct err		 e = { 0 };
	char			*line;

	if (!plan_guide_vague(g->prompts, *action))
		return PLAN_GUIDE_LINE;
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
		if (text_check(line, strlen(line), PLAN_MAX_TEXT, "action", 1,
		    ERR_ACTION, &e) == 0) {
			plan_guide_set(action, line);
			return PLAN_GUIDE_LINE;
		}
		free(line);
		plan_guide_cause(g, e.msg, "Try again, or press Enter to keep "
		    "yours.");
		err_clear(&e);
	}
}

/*
 * Make sense of one typed due date: 1 with out set, 0 to ask again
 * (having said why), -1 when the input ended.  A date next year is
 * checked with the candidate.
 */
static int
plan_guide_date(struct plan_guide *g, const char *line, char out[DATE_LEN])
{
	char	*why = NULL, *q, when[DATE_WORDS_LEN];
	int	 yes;

	switch (date_parse_due(line, g->today, out, &why)) {
	case DATE_PARSE_OK:
		return 1;
	case DATE_PARSE_NEXT_YEAR:
		date_long(out, when, sizeof when);
		if (!g->source->interactive) {
			plan_guide_sayf(g, "That day has passed this year: give "
			    "the year too, as in %s.", when);
			return 0;
		}
		q = xasprintf("That day has passed this year. Did you mean %s? "
		    "(Y/n)", when);
		yes = plan_guide_yesno(g, q, 1);
		free(q);
		if (yes == 0)
			plan_guide_say(g, "Then give the date with its year, as "
			    "in 31/03/2027.");
		return yes;
	default:
		plan_guide_cause(g, why, "Try again, or /cancel to stop.");
		free(why);
		return 0;
	}
}

/* Ask for the due date; Enter keeps the draft's. */
static enum plan_guide_read
plan_guide_due(struct plan_guide *g, char **due)
{
	enum plan_guide_read	 r;
	char			*line, date[DATE_LEN], when[DATE_WORDS_LEN];
	int			 ok;

	when[0] = '\0';
	if (plan_guide_has(*due) && date_valid(*due))
		date_long(*due, when, sizeof when);
	plan_guide_ask(g, PROMPTS_ASK_DUE, when, 0);
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r;
		if (*line == '\0' && *when != '\0') {
			free(line);
			return PLAN_GUIDE_LINE;
		}
		if ((ok = plan_guide_date(g, line, date)) == -1) {
			free(line);
			return PLAN_GUIDE_END;
		}
		if (ok) {
			free(line);
			date_long(date, when, sizeof when);
			plan_guide_sayf(g, "That is %s.", when);
			plan_guide_set(due, xstrdup(date));
			return PLAN_GUIDE_LINE;
		}
		free(line);
	}
}

/* List the ten areas with their numbers. */
static void
plan_guide_areas(struct plan_guide *g)
{
	char	*row;
	int	 i;

	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		row = xasprintf("%s (%s)", g->prompts->areas[i].title,
		    framework_areas[i].id);
		fprintf(g->out, "  %2d ", i + 1);
		util_wrap_at(g->out, row, 5, 5, g->width);
		free(row);
	}
}

/* Ask for the skill area, offering the draft's. */
static enum plan_guide_read
plan_guide_area(struct plan_guide *g, char **area)
{
	enum plan_guide_read	 r;
	char			*line;
	int			 i, dflt, near;

	dflt = plan_guide_has(*area) ? framework_area_find(*area) : -1;
	plan_guide_ask(g, PROMPTS_ASK_AREA, NULL, 0);
	if (dflt != -1)
		plan_guide_sayf(g, "Press Enter for %s, or type another area's "
		    "number or id; ? lists them.", g->prompts->areas[dflt].title);
	else
		plan_guide_areas(g);
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE)
			return r;
		i = *line == '\0' ? dflt : framework_area_parse(line, &near);
		if (i != -1) {
			free(line);
			plan_guide_set(area, xstrdup(framework_areas[i].id));
			return PLAN_GUIDE_LINE;
		}
		if (*line != '\0' && strcmp(line, "?") != 0 && near != -1)
			plan_guide_sayf(g, "There is no area '%s'. Did you mean "
			    "%s? Type its number or id.", line,
			    g->prompts->areas[near].title);
		else if (*line != '\0' && strcmp(line, "?") != 0)
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
 * Ask one field of the draft.  A vague action is nudged when it is new,
 * or when it was changed.
 */
static enum plan_guide_read
plan_guide_field(struct plan_guide *g, struct plan_action *d,
    enum plan_guide_field f, int edit)
{
	enum plan_guide_read	 r;
	char			*before;

	switch (f) {
	case PLAN_GUIDE_ACTION:
		before = plan_guide_has(d->action) ? xstrdup(d->action) : NULL;
		r = plan_guide_text(g, PROMPTS_ASK_ACTION, "action", 1,
		    &d->action);
		if (r == PLAN_GUIDE_LINE && (!edit || before == NULL ||
		    strcmp(before, d->action) != 0))
			r = plan_guide_sharpen(g, &d->action);
		free(before);
		return r;
	case PLAN_GUIDE_MEASURE:
		return plan_guide_text(g, PROMPTS_ASK_MEASURE,
		    "measure of success", 0, &d->measure);
	case PLAN_GUIDE_DUE:
		return plan_guide_due(g, &d->due);
	case PLAN_GUIDE_SUPPORT:
		return plan_guide_text(g, PROMPTS_ASK_SUPPORT, "support", 0,
		    &d->support);
	default:
		return plan_guide_area(g, &d->area);
	}
}

/* Print one numbered line of the draft. */
static void
plan_guide_show_field(struct plan_guide *g, int n, const char *label,
    const char *text)
{
	fprintf(g->out, "  %d %-17s", n, label);
	util_wrap_at(g->out, plan_guide_has(text) ? text : "(not given)", 21,
	    21, g->width);
}

/* Show the draft, its answers numbered so one can be changed. */
static void
plan_guide_show(struct plan_guide *g, const struct plan_action *d)
{
	char	when[DATE_WORDS_LEN], *area;
	int	i;

	fputc('\n', g->out);
	plan_guide_say(g, "Your action:");
	plan_guide_show_field(g, 1, "What:", d->action);
	plan_guide_show_field(g, 2, "How you'll know:", d->measure);
	when[0] = '\0';
	if (plan_guide_has(d->due) && date_valid(d->due))
		date_long(d->due, when, sizeof when);
	plan_guide_show_field(g, 3, "Due:", when);
	plan_guide_show_field(g, 4, "Support:", d->support);
	i = plan_guide_has(d->area) ? framework_area_find(d->area) : -1;
	area = i == -1 ? xstrdup("") : xasprintf("%s (%s)",
	    g->prompts->areas[i].title, framework_areas[i].id);
	plan_guide_show_field(g, 5, "Area:", area);
	free(area);
}

/*
 * The confirmation: save, change one answer, or discard.  Returns
 * PLAN_GUIDE_SAVE or _DISCARD, or with *field the answer to change.
 */
static int
plan_guide_confirm(struct plan_guide *g, const struct plan_action *d,
    enum plan_guide_field *field, enum plan_guide_result *res)
{
	enum plan_guide_read	 r;
	char			*line;
	int			 n, yes;

	plan_guide_show(g, d);
	plan_guide_say(g, "Save it (Enter), change one answer (type its "
	    "number, 1 to 5), or discard it (d)?");
	for (;;) {
		if ((r = plan_guide_read(g, &line)) != PLAN_GUIDE_LINE) {
			*res = r == PLAN_GUIDE_END ? PLAN_GUIDE_EOF :
			    PLAN_GUIDE_STOP;
			return 1;
		}
		n = strlen(line) == 1 && line[0] >= '1' && line[0] <= '5' ?
		    line[0] - '0' : 0;
		if (n != 0) {
			free(line);
			*field = (enum plan_guide_field)n;
			return 0;
		}
		if (*line == '\0' || strcasecmp(line, "s") == 0 ||
		    strcasecmp(line, "save") == 0 ||
		    text_yesno(line) == TEXT_YES) {
			free(line);
			*res = PLAN_GUIDE_SAVE;
			return 1;
		}
		if (strcasecmp(line, "d") == 0 ||
		    strcasecmp(line, "discard") == 0 ||
		    text_yesno(line) == TEXT_NO) {
			free(line);
			yes = g->source->interactive ? plan_guide_yesno(g,
			    "Throw this action away? (y/N)", 0) : 1;
			*res = yes == 1 ? PLAN_GUIDE_DISCARD : PLAN_GUIDE_EOF;
			if (yes != 0)
				return 1;
			plan_guide_say(g, "Kept. Save it (Enter), or change an "
			    "answer (1 to 5)?");
			continue;
		}
		free(line);
		plan_guide_say(g, "Press Enter to save, type a number from 1 to "
		    "5 to change that answer, or d to discard.");
	}
}

/* What a question's ending means for the action being written. */
static enum plan_guide_result
plan_guide_stopped(struct plan_guide *g, enum plan_guide_read r)
{
	if (r == PLAN_GUIDE_END)
		return PLAN_GUIDE_EOF;
	fputc('\n', g->out);
	plan_guide_say(g, "Stopped. What you wrote is kept as a draft: /plan "
	    "or 'dhcoach plan add' carries on with it.");
	return PLAN_GUIDE_STOP;
}

/* Ask the draft's questions, then confirm; see plan-guide.h. */
enum plan_guide_result
plan_guide_run(struct plan_guide *g, struct plan_action *d, int edit)
{
	enum plan_guide_result	 res;
	enum plan_guide_read	 r;
	enum plan_guide_field	 f;

	g->edit = edit;
	if (edit)
		plan_guide_sayf(g, "Changing action %lld. Press Enter to keep an "
		    "answer as it is; type - to clear an optional one; /cancel "
		    "stops without saving.", (long long)d->id);
	for (f = PLAN_GUIDE_ACTION; f <= PLAN_GUIDE_AREA; f++) {
		if (!edit && f != PLAN_GUIDE_ACTION && f != PLAN_GUIDE_AREA &&
		    plan_guide_has(f == PLAN_GUIDE_MEASURE ? d->measure :
		    f == PLAN_GUIDE_DUE ? d->due : d->support))
			continue;
		if ((r = plan_guide_field(g, d, f, edit)) != PLAN_GUIDE_LINE)
			return plan_guide_stopped(g, r);
	}
	for (;;) {
		if (plan_guide_confirm(g, d, &f, &res)) {
			if (res == PLAN_GUIDE_STOP || res == PLAN_GUIDE_EOF)
				return res == PLAN_GUIDE_EOF ? res :
				    plan_guide_stopped(g, PLAN_GUIDE_CANCEL);
			return res;
		}
		if ((r = plan_guide_field(g, d, f, 1)) != PLAN_GUIDE_LINE)
			return plan_guide_stopped(g, r);
	}
}

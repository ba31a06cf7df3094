/*
 * converse.c: the conversation's flow and its slash commands (see
 * converse.h).
 *
 * Invariants: every rating and answer reaches the store before the next
 * question is asked; a command, valid or not, never discards what the
 * candidate has entered, and the question is asked again after it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "coach.h"
#include "converse.h"
#include "plan-guide.h"
#include "plan.h"
#include "util.h"

/* What reading a line produced. */
enum converse_event {
	CONVERSE_LINE,		/* an answer */
	CONVERSE_RATED,		/* a rating was given (/rate N or a number) */
	CONVERSE_SKIP,
	CONVERSE_NEXT,
	CONVERSE_BACK,
	CONVERSE_GOTO,
	CONVERSE_QUIT,
	CONVERSE_EOF,
	CONVERSE_ERROR
};

/* What the question being asked wants. */
enum converse_ask {
	CONVERSE_ASK_ANSWER,
	CONVERSE_ASK_RATING,
	CONVERSE_ASK_YESNO
};

#define CONVERSE_BAR	10

const struct converse_command converse_commands[] = {
	{ "help", "", "show these commands", 0 },
	{ "areas", "", "list the ten areas and where you are in each", 0 },
	{ "goto", "AREA", "go to an area, by id or number (/goto integrity, "
	  "/goto 9)", 1 },
	{ "next", "", "sum up this area and move on to the next", 0 },
	{ "back", "", "go back to the previous area", 0 },
	{ "rate", "N", "rate yourself from 1 to 5 in this area", 0 },
	{ "skip", "", "leave the rating for now", 0 },
	{ "gaps", "", "what is still missing in this area", 0 },
	{ "edit", "", "write a long answer in your editor ($VISUAL or $EDITOR)",
	  0 },
	{ "summary", "", "show the summary of every area so far", 0 },
	{ "plan", "[list]", "add to your action plan, one question at a time; "
	  "/plan list shows it", 0 },
	{ "quit", "", "show the summary and leave (everything is already "
	  "saved)", 0 },
	{ NULL, NULL, NULL, 0 }
};

/* Set up a conversation. */
void
converse_init(struct converse *c, const struct prompts *p, struct store *s,
    const char *db_path, struct converse_source *src, FILE *out, int width,
    int colour)
{
	int	i;

	memset(c, 0, sizeof *c);
	c->prompts = p;
	c->store = s;
	c->db_path = db_path;
	c->source = src;
	c->out = out;
	c->width = width;
	c->colour = colour;
	c->session = -1;
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		coach_area_init(&c->areas[i], p, i);
}

/* Free the per-area state. */
void
converse_free(struct converse *c)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		coach_area_clear(&c->areas[i]);
}

/* Print text wrapped to the width, line by line, after indent spaces. */
static void
converse_say(struct converse *c, int indent, const char *text)
{
	const char	*s = text, *nl;
	char		*line;

	for (;;) {
		nl = strchr(s, '\n');
		line = xstrndup(s, nl != NULL ? (size_t)(nl - s) : strlen(s));
		if (*line == '\0')
			fputc('\n', c->out);
		else
			util_wrap(c->out, line, indent, indent, c->width);
		free(line);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

/* Print a heading, bold on a colour terminal. */
static void
converse_heading(struct converse *c, const char *text)
{
	if (c->colour)
		fprintf(c->out, "\033[1m%s\033[0m\n", text);
	else
		fprintf(c->out, "%s\n", text);
}

/* The dimension's name as shown to people. */
static const char *
converse_dimension(int area)
{
	return framework_areas[area].dimension == FRAMEWORK_COMPETENCY ?
	    "Competency-based" : "Person-centred";
}

/* Find an area by id, unique prefix of an id, or number 1-10; -1 if none. */
static int
converse_find_area(const char *arg)
{
	char	*end;
	long	 n;
	int	 i, found = -1;
	size_t	 len = strlen(arg);

	n = strtol(arg, &end, 10);
	if (*arg != '\0' && *end == '\0')
		return n >= 1 && n <= FRAMEWORK_NAREAS ? (int)n - 1 : -1;
	if ((i = framework_area_find(arg)) != -1)
		return i;
	for (i = 0; i < FRAMEWORK_NAREAS && len > 0; i++) {
		if (strncmp(framework_areas[i].id, arg, len) != 0)
			continue;
		if (found != -1)
			return -1;
		found = i;
	}
	return found;
}

/* Print /help. */
static void
converse_help(struct converse *c)
{
	const struct converse_command	*cmd;
	char				*name;

	fprintf(c->out, "Type your answers as you would say them. Commands:\n");
	for (cmd = converse_commands; cmd->name != NULL; cmd++) {
		name = xasprintf("/%s%s%s", cmd->name, *cmd->args ? " " : "",
		    cmd->args);
		fprintf(c->out, "  %-12s %s\n", name, cmd->summary);
		free(name);
	}
	fprintf(c->out, "Tab completes commands and area ids. Ctrl-C clears "
	    "the line; Ctrl-D saves and leaves.\n");
}

/* Print /areas: each area with its status. */
static void
converse_areas(struct converse *c)
{
	const struct coach_area	*a;
	int			 i, shown, total;
	const char		*status;

	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		a = &c->areas[i];
		shown = coach_shown(a, &total);
		if (c->finished[i])
			status = "done";
		else if (i == c->current && c->visited[i])
			status = "here now";
		else if (c->visited[i])
			status = "started";
		else
			status = "not started";
		fprintf(c->out, "%c%2d %-26s %-12s %d of %d shown", i ==
		    c->current ? '>' : ' ', i + 1, framework_areas[i].id,
		    status, shown, total);
		if (a->rating != 0)
			fprintf(c->out, ", rated %d", a->rating);
		fputc('\n', c->out);
	}
}

/* Print /gaps: what is still missing in the current area. */
static void
converse_gaps(struct converse *c)
{
	const struct coach_area	*a = &c->areas[c->current];
	const struct prompts	*p = c->prompts;
	char			*line;
	int			 i, n = 0, area;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		area = framework_indicators[i].area;
		if ((area != c->current && area != FRAMEWORK_EVIDENCE) ||
		    a->shown[i])
			continue;
		line = xasprintf("- %s: %s", p->indicators[i].title,
		    p->indicators[i].gap);
		util_wrap(c->out, line, 0, 2, c->width);
		free(line);
		n++;
	}
	if (n == 0)
		fprintf(c->out, "Nothing is missing in %s: well done.\n",
		    p->areas[c->current].title);
}

/* Print the summary of every area. */
static void
converse_summary(struct converse *c)
{
	const struct coach_area	*a;
	struct buf		 b = { 0 };
	char			*line;
	int			 i, shown, total, gap;

	converse_heading(c, "Your summary");
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		a = &c->areas[i];
		shown = coach_shown(a, &total);
		buf_printf(&b, "%2d %-33s ", i + 1, c->prompts->areas[i].title);
		if (!c->visited[i]) {
			buf_adds(&b, "not started");
			fprintf(c->out, "%s\n", b.data);
			buf_free(&b);
			continue;
		}
		if (a->rating != 0)
			buf_printf(&b, "rated %d  ", a->rating);
		else
			buf_adds(&b, "unrated  ");
		coach_bar(&b, shown, total, CONVERSE_BAR);
		buf_printf(&b, " %d of %d", shown, total);
		fprintf(c->out, "%s\n", b.data);
		buf_free(&b);
		if ((gap = coach_next_gap(a, 0)) != -1) {
			line = xasprintf("next: %s",
			    c->prompts->indicators[gap].title);
			util_wrap(c->out, line, 6, 8, c->width);
			free(line);
		}
	}
	fprintf(c->out, "Your answers are kept in %s.\n", c->db_path);
}

/* Record a rating for the current area. */
static int
converse_rate(struct converse *c, int rating, char **cause)
{
	if (store_rating_set(c->store, c->session,
	    framework_areas[c->current].id, rating, cause) != 0)
		return -1;
	c->areas[c->current].rating = rating;
	return 0;
}

/* Parse a rating 1-5; 0 when s is not one. */
static int
converse_parse_rating(const char *s)
{
	while (*s == ' ')
		s++;
	if (*s >= '1' && *s <= '5') {
		s++;
		while (*s == ' ')
			s++;
		if (*s == '\0')
			return s[-1] == ' ' ? 0 : *(s - 1) - '0';
	}
	return 0;
}

/* Say that a rating or answer could not be saved, and why. */
static void
converse_not_saved(struct converse *c, const char *what, char **cause)
{
	fprintf(c->out, "I couldn't save that %s: %s\n", what,
	    *cause != NULL ? *cause : "unknown error");
	free(*cause);
	*cause = NULL;
}

/*
 * Ask whether to try saving again: Enter retries, /quit (or the end of
 * input) gives up.  Returns 1 to retry.
 */
static int
converse_retry(struct converse *c)
{
	char	*raw;
	int	 again;

	fprintf(c->out, "Press Enter to try again, or type /quit to leave; "
	    "your earlier answers are safe.\n");
	if ((raw = c->source->read(c->source, "> ")) == NULL)
		return 0;
	again = strstr(raw, "/quit") == NULL;
	free(raw);
	return again;
}

/* Trim white space at both ends, in place. */
static char *
converse_trim(char *s)
{
	size_t	len;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	return s;
}

/* The area to offer for a new action: the largest evidence gap this session. */
static int
converse_plan_area(struct converse *c)
{
	int	shown[FRAMEWORK_NAREAS], total[FRAMEWORK_NAREAS], i;

	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		shown[i] = coach_shown(&c->areas[i], &total[i]);
	if ((i = plan_default_area(c->visited, shown, total)) == -1)
		i = c->current;
	return i;
}

/* Print /plan list: the plan by due date. */
static int
converse_plan_list(struct converse *c, char **cause)
{
	struct store_plan_filter	 f;
	struct plan_list		 l;
	char				 today[PLAN_DATE_LEN];

	memset(&f, 0, sizeof f);
	if (store_plan_list(c->store, &f, &l, cause) != 0)
		return -1;
	plan_today(today);
	if (l.n == 0)
		fprintf(c->out, "Your plan is empty: /plan starts it.\n");
	else
		plan_render_list(c->out, &l, today, c->width);
	plan_list_free(&l);
	return 0;
}

/*
 * /plan: the guided questions, each action committed once confirmed.
 * Returns CONVERSE_LINE to carry on, or CONVERSE_EOF or CONVERSE_ERROR.
 */
static enum converse_event
converse_plan(struct converse *c, char **cause)
{
	struct plan_guide	g;
	int			n;

	fputc('\n', c->out);
	plan_guide_init(&g, c->prompts, c->store, c->source, c->out, c->width,
	    converse_plan_area(c));
	switch (plan_guide_run(&g, &n, cause)) {
	case PLAN_GUIDE_EOF:
		return CONVERSE_EOF;
	case PLAN_GUIDE_ERROR:
		return CONVERSE_ERROR;
	default:
		return CONVERSE_LINE;
	}
}

/*
 * Read a line for a question, handling slash commands.  For
 * CONVERSE_LINE, *line is set to a new string.
 */
static enum converse_event
converse_read(struct converse *c, enum converse_ask ask, char **line,
    char **cause)
{
	const struct converse_command	*cmd;
	char				*raw, *s, *arg, *text;
	size_t				 len;
	int				 n;
	enum converse_event		 ev;

	for (;;) {
		if ((raw = c->source->read(c->source, "> ")) == NULL)
			return CONVERSE_EOF;
		s = converse_trim(raw);
		if (*s == '\0') {
			free(raw);
			continue;
		}
		if (*s != '/') {
			if (ask == CONVERSE_ASK_RATING) {
				if ((n = converse_parse_rating(s)) == 0) {
					fprintf(c->out, "Please type a number "
					    "from 1 to 5, or /skip to leave it "
					    "for now.\n");
					free(raw);
					continue;
				}
				free(raw);
				if (converse_rate(c, n, cause) == 0)
					return CONVERSE_RATED;
				converse_not_saved(c, "rating", cause);
				continue;
			}
			*line = xstrdup(s);
			free(raw);
			return CONVERSE_LINE;
		}

		/* A command: its name, then its argument. */
		s++;
		len = strcspn(s, " \t");
		arg = converse_trim(s + len);
		s[len] = '\0';
		for (cmd = converse_commands; cmd->name != NULL; cmd++) {
			if (strcmp(cmd->name, s) == 0)
				break;
		}
		ev = CONVERSE_LINE;
		if (cmd->name == NULL)
			fprintf(c->out, "There is no /%s command: /help lists "
			    "them. Nothing you typed before is lost.\n", s);
		else if (strcmp(cmd->name, "help") == 0)
			converse_help(c);
		else if (strcmp(cmd->name, "areas") == 0)
			converse_areas(c);
		else if (strcmp(cmd->name, "gaps") == 0)
			converse_gaps(c);
		else if (strcmp(cmd->name, "summary") == 0)
			converse_summary(c);
		else if (strcmp(cmd->name, "plan") == 0) {
			if (strcmp(arg, "list") == 0) {
				if (converse_plan_list(c, cause) != 0)
					ev = CONVERSE_ERROR;
			} else if (*arg != '\0')
				fprintf(c->out, "/plan adds to your action plan; "
				    "/plan list shows it.\n");
			else if ((ev = converse_plan(c, cause)) ==
			    CONVERSE_LINE)
				fprintf(c->out, "\nBack to where we were: carry "
				    "on with the question above, or /help for "
				    "commands.\n");
		}
		else if (strcmp(cmd->name, "next") == 0)
			ev = CONVERSE_NEXT;
		else if (strcmp(cmd->name, "back") == 0)
			ev = CONVERSE_BACK;
		else if (strcmp(cmd->name, "quit") == 0)
			ev = CONVERSE_QUIT;
		else if (strcmp(cmd->name, "goto") == 0) {
			if ((n = converse_find_area(arg)) == -1)
				fprintf(c->out, "Which area? Give its id or "
				    "number, e.g. /goto integrity or /goto 9; "
				    "/areas lists them.\n");
			else {
				c->target = n;
				ev = CONVERSE_GOTO;
			}
		} else if (strcmp(cmd->name, "rate") == 0) {
			if ((n = converse_parse_rating(arg)) == 0)
				fprintf(c->out, "Give a rating from 1 to 5, "
				    "e.g. /rate 3.\n");
			else if (converse_rate(c, n, cause) != 0)
				converse_not_saved(c, "rating", cause);
			else {
				fprintf(c->out, "Your rating for %s is now "
				    "%d.\n", c->prompts->areas[c->current].title,
				    n);
				if (ask == CONVERSE_ASK_RATING)
					ev = CONVERSE_RATED;
			}
		} else if (strcmp(cmd->name, "skip") == 0) {
			if (ask == CONVERSE_ASK_RATING)
				ev = CONVERSE_SKIP;
			else
				fprintf(c->out, "There is no rating to skip "
				    "here: /next moves on to the next area.\n");
		} else if (strcmp(cmd->name, "edit") == 0) {
			if (ask != CONVERSE_ASK_ANSWER)
				fprintf(c->out, "/edit is for answers: first "
				    "answer this question.\n");
			else if ((text = c->source->edit(c->source,
			    cause)) == NULL) {
				fprintf(c->out, "%s\n", *cause);
				free(*cause);
				*cause = NULL;
			} else if (util_is_blank(text, strlen(text))) {
				fprintf(c->out, "The editor gave back nothing, "
				    "so there is nothing to add.\n");
				free(text);
			} else {
				*line = text;
				free(raw);
				return CONVERSE_LINE;
			}
		}
		free(raw);
		if (ev != CONVERSE_LINE)
			return ev;
	}
}

/* Choose the main prompt of an area: one not answered before if any. */
static const char *
converse_choose_prompt(struct converse *c, int area, char **cause, int *err)
{
	const struct prompts_area	*pa = &c->prompts->areas[area];
	char				**done = NULL;
	size_t				  ndone = 0, i, j;
	const char			 *pick = NULL;

	*err = 0;
	if (store_answered_prompts(c->store, framework_areas[area].id, &done,
	    &ndone, cause) != 0) {
		*err = 1;
		return NULL;
	}
	for (i = 0; i < pa->nprompts && pick == NULL; i++) {
		for (j = 0; j < ndone; j++) {
			if (strcmp(done[j], pa->prompts[i]) == 0)
				break;
		}
		if (j == ndone)
			pick = pa->prompts[i];
	}
	if (pick == NULL)
		pick = pa->prompts[ndone % pa->nprompts];
	store_strings_free(done, ndone);
	return pick;
}

/* Keep an answer and its evidence, then reply. */
static int
converse_answer(struct converse *c, const char *kind, const char *question,
    const char *text, int fresh[FRAMEWORK_NINDICATORS], char **cause)
{
	struct coach_area	*a = &c->areas[c->current];
	struct store_found	 found[FRAMEWORK_NINDICATORS];
	struct analysis		 an;
	char			*quotes[FRAMEWORK_NINDICATORS];
	size_t			 nfound = 0, k;
	int			 i, rc = 0;

	analyse_run(c->prompts, text, strlen(text), &an);
	for (k = 0; k < an.nwarnings; k++)
		fprintf(stderr, "%s: %s\n", PROGNAME, an.warnings[k]);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!analyse_shown(&an, i))
			continue;
		quotes[nfound] = analyse_quote(&an, i);
		found[nfound].indicator = framework_indicators[i].id;
		found[nfound].quote = quotes[nfound];
		nfound++;
	}
	if (store_answer_add(c->store, c->session,
	    framework_areas[c->current].id, kind, question, text, found,
	    nfound, cause) == -1)
		rc = -1;
	else
		coach_absorb(a, &an, fresh);
	for (k = 0; k < nfound; k++)
		free(quotes[k]);
	analyse_free(&an);
	return rc;
}

/* Sum an area up and mark it finished. */
static void
converse_sum_up(struct converse *c, int area)
{
	struct buf	b = { 0 };

	coach_summary(&b, &c->areas[area]);
	fputc('\n', c->out);
	converse_say(c, 0, b.data);
	buf_free(&b);
	c->finished[area] = 1;
}

/* Run one area; returns how the candidate left it. */
static enum converse_event
converse_area(struct converse *c, int area, char **cause)
{
	struct coach_area	*a = &c->areas[area];
	struct buf		 b = { 0 };
	const char		*question, *kind = "prompt";
	char			*title, *text;
	int			 fresh[FRAMEWORK_NINDICATORS];
	int			 i, gap, err;
	enum converse_event	 ev;

	c->current = area;
	c->visited[area] = 1;
	if (store_session_area(c->store, c->session, framework_areas[area].id,
	    cause) != 0)
		return CONVERSE_ERROR;

	title = xasprintf("[%d/%d] %s: %s", area + 1, FRAMEWORK_NAREAS,
	    converse_dimension(area), c->prompts->areas[area].title);
	fputc('\n', c->out);
	converse_heading(c, title);
	free(title);
	converse_say(c, 0, c->prompts->areas[area].summary);

	/* The self-rating, once a session. */
	if (a->rating == 0 && a->nanswers == 0) {
		fprintf(c->out, "\nHow would you rate yourself here?\n");
		for (i = 0; i < PROMPTS_SCALE; i++) {
			text = xasprintf("%d  %s", i + 1,
			    c->prompts->scale[i]);
			util_wrap(c->out, text, 2, 5, c->width);
			free(text);
		}
		ev = converse_read(c, CONVERSE_ASK_RATING, NULL, cause);
		if (ev != CONVERSE_RATED && ev != CONVERSE_SKIP)
			return ev;
	} else if (a->rating != 0)
		fprintf(c->out, "Your rating here: %d (/rate to change it).\n",
		    a->rating);

	if ((question = converse_choose_prompt(c, area, cause, &err)) == NULL)
		return CONVERSE_ERROR;
	fputc('\n', c->out);
	converse_say(c, 0, question);
	for (;;) {
		text = NULL;
		ev = converse_read(c, CONVERSE_ASK_ANSWER, &text, cause);
		if (ev == CONVERSE_NEXT) {
			converse_sum_up(c, area);
			return CONVERSE_NEXT;
		}
		if (ev != CONVERSE_LINE)
			return ev;
		/* Until the answer is saved, offer to try again. */
		while (converse_answer(c, kind, question, text, fresh,
		    cause) != 0) {
			converse_not_saved(c, "answer", cause);
			if (!converse_retry(c)) {
				free(text);
				return CONVERSE_QUIT;
			}
		}
		free(text);

		fputc('\n', c->out);
		if (coach_done(a)) {
			gap = coach_reply(&b, a, fresh, 0);
			converse_say(c, 0, b.data);
			buf_free(&b);
			converse_sum_up(c, area);
			return CONVERSE_NEXT;
		}
		gap = coach_reply(&b, a, fresh, 1);
		converse_say(c, 0, b.data);
		buf_free(&b);
		if (gap == -1) {
			converse_sum_up(c, area);
			return CONVERSE_NEXT;
		}
		question = coach_probe(a, gap);
		kind = "probe";
		fputc('\n', c->out);
		converse_say(c, 0, question);
	}
}

/*
 * After Insightfulness: offer to turn the reflection into an action
 * plan.  Returns CONVERSE_NEXT to move on, or how the candidate left.
 */
static enum converse_event
converse_offer_plan(struct converse *c, char **cause)
{
	enum converse_event	 ev;
	char			*line = NULL;
	int			 yes;

	fputc('\n', c->out);
	converse_say(c, 0, c->prompts->plan.offer);
	fprintf(c->out, "(y/n)\n");
	for (;;) {
		ev = converse_read(c, CONVERSE_ASK_YESNO, &line, cause);
		if (ev != CONVERSE_LINE)
			return ev;
		yes = strchr("yY", line[0]) != NULL;
		if (yes || strchr("nN", line[0]) != NULL)
			break;
		free(line);
		fprintf(c->out, "Please answer y or n.\n");
	}
	free(line);
	if (!yes) {
		fprintf(c->out, "That's fine: /plan, or 'dhcoach plan add', "
		    "starts it whenever you are ready.\n");
		return CONVERSE_NEXT;
	}
	ev = converse_plan(c, cause);
	return ev == CONVERSE_LINE ? CONVERSE_NEXT : ev;
}

/* Offer to carry on from the last session's area; returns the start. */
static enum converse_event
converse_offer_resume(struct converse *c, int *start, char **cause)
{
	int64_t			 last;
	char			*area = NULL, *line = NULL, *s;
	int			 i, rc;
	enum converse_event	 ev = CONVERSE_LINE;

	*start = 0;
	if ((rc = store_last_session(c->store, &last, &area, cause)) == -1)
		return CONVERSE_ERROR;
	if (rc == 0 || area == NULL ||
	    (i = framework_area_find(area)) <= 0) {
		free(area);
		return CONVERSE_LINE;
	}
	free(area);
	fprintf(c->out, "\nLast time you got as far as [%d/%d] %s. Carry on "
	    "from there? (Y/n)\n", i + 1, FRAMEWORK_NAREAS,
	    c->prompts->areas[i].title);
	c->current = i;
	for (;;) {
		ev = converse_read(c, CONVERSE_ASK_YESNO, &line, cause);
		if (ev == CONVERSE_GOTO) {
			*start = c->target;
			return CONVERSE_LINE;
		}
		if (ev != CONVERSE_LINE)
			return ev;
		s = line;
		if (strchr("yY", s[0]) != NULL) {
			*start = i;
			break;
		}
		if (strchr("nN", s[0]) != NULL)
			break;
		free(line);
		fprintf(c->out, "Please answer y or n.\n");
	}
	free(line);
	return CONVERSE_LINE;
}

/* Run the conversation; see converse.h. */
int
converse_run(struct converse *c, int start, char **cause)
{
	enum converse_event	ev = CONVERSE_LINE;
	int			area, all = 0;

	fprintf(c->out, "%s %s: reflect on your digital leadership, one skill "
	    "area at a time.\n", PROGNAME, DHCOACH_VERSION);
	converse_say(c, 0, "Your answers are saved as you go, in your own "
	    "database file:");
	fprintf(c->out, "  %s\n", c->db_path);
	fprintf(c->out, "Type /help for commands. Ctrl-D saves and leaves at "
	    "any time.\n");

	if ((c->session = store_session_begin(c->store, cause)) == -1)
		return -1;
	area = start;
	if (start == -1)
		ev = converse_offer_resume(c, &area, cause);
	while (ev != CONVERSE_QUIT && ev != CONVERSE_EOF &&
	    ev != CONVERSE_ERROR) {
		if (area >= FRAMEWORK_NAREAS) {
			all = 1;
			break;
		}
		ev = converse_area(c, area, cause);
		if (ev == CONVERSE_NEXT &&
		    strcmp(framework_areas[area].id, "insightfulness") == 0)
			ev = converse_offer_plan(c, cause);
		if (ev == CONVERSE_NEXT)
			area++;
		else if (ev == CONVERSE_BACK)
			area = area > 0 ? area - 1 : 0;
		else if (ev == CONVERSE_GOTO)
			area = c->target;
	}
	if (ev == CONVERSE_ERROR)
		return -1;
	if (all && store_session_area(c->store, c->session, NULL, cause) != 0)
		return -1;
	fputc('\n', c->out);
	converse_summary(c);
	if (store_session_end(c->store, c->session, cause) != 0)
		return -1;
	return 0;
}

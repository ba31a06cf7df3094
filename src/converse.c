/*
 * converse.c: the conversation's flow and its slash commands (see
 * converse.h).
 *
 * Invariants: every rating and answer reaches the store, or the
 * recovery folder, before the next question is asked, and no line is
 * ever read to mean "try again": a failed save is queued and retried
 * before the next one, in order.  A command, valid or not, never
 * discards what the candidate has entered, and the question is asked
 * again after it.  Text typed where a rating or yes/no was expected is
 * pushed back and taken as the answer, never dropped.  The picture in
 * memory is the store's plus the answers still queued.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "coach.h"
#include "converse.h"
#include "date.h"
#include "framework.h"
#include "keep.h"
#include "picture.h"
#include "plan-flow.h"
#include "plan-guide.h"
#include "recover.h"
#include "render-picture.h"
#include "store-picture.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* What happens next, after a line or a command. */
enum converse_next {
	CONVERSE_AGAIN,		/* ask the same question again */
	CONVERSE_LINE,		/* a line to use */
	CONVERSE_RATED,		/* a rating was given */
	CONVERSE_SKIP,		/* no rating for now */
	CONVERSE_DEFER,		/* an answer came first: rate after it */
	CONVERSE_NEXT,
	CONVERSE_BACK,
	CONVERSE_GOTO,
	CONVERSE_QUIT,
	CONVERSE_EOF,
	CONVERSE_ERROR = -1
};

/* What the question being asked wants. */
enum converse_ask {
	CONVERSE_ASK_ANSWER,
	CONVERSE_ASK_RATING,	/* no rating yet */
	CONVERSE_ASK_KEEP,	/* a rating, or Enter to keep the one there is */
	CONVERSE_ASK_REPLY	/* yes/no or a name: Enter is an answer */
};

struct converse {
	const struct prompts		*p;
	struct db			*db;
	struct source			*src;
	FILE				*out;
	const struct converse_options	*opt;
	struct converse_outcome		*res;
	struct err			*e;
	struct coach			 coach;
	struct picture			 pic;
	char				 today[DATE_LEN];
	struct keep			 keep;		/* answers kept safe */
	int64_t				 session;
	int				 current;
	int				 target;	/* of /goto */
	enum converse_ask		 ask;
	char				*edited;	/* an answer from /edit */
	char				*edit_path;	/* its recovery file */
	int				 probed[FRAMEWORK_NAREAS]
					    [FRAMEWORK_NINDICATORS];
	int				 nprobes[FRAMEWORK_NAREAS];
	int				 answered[FRAMEWORK_NAREAS];
	int				 rating_due[FRAMEWORK_NAREAS];
	char				*gist[FRAMEWORK_NAREAS];
	char				*step;	/* a next step from Insightfulness */
	char				*unused_first;
	size_t				 unused_line;
	char				*leftover;	/* input after the end */
	size_t				 leftover_line;
	char				*line;	/* the line being handled */
};

/* The area where the action plan belongs. */
#define CONVERSE_INSIGHT	9

static int converse_cmd_help(struct converse *, const char *);
static int converse_cmd_areas(struct converse *, const char *);
static int converse_cmd_goto(struct converse *, const char *);
static int converse_cmd_next(struct converse *, const char *);
static int converse_cmd_back(struct converse *, const char *);
static int converse_cmd_rate(struct converse *, const char *);
static int converse_cmd_skip(struct converse *, const char *);
static int converse_cmd_gaps(struct converse *, const char *);
static int converse_cmd_covered(struct converse *, const char *);
static int converse_cmd_edit(struct converse *, const char *);
static int converse_cmd_summary(struct converse *, const char *);
static int converse_cmd_plan(struct converse *, const char *);
static int converse_cmd_me(struct converse *, const char *);
static int converse_cmd_quit(struct converse *, const char *);

const struct converse_command converse_commands[] = {
	{ "help", "", "show these commands", CONVERSE_ARG_NONE,
	  converse_cmd_help },
	{ "areas", "", "list the ten areas and where you are in each",
	  CONVERSE_ARG_NONE, converse_cmd_areas },
	{ "goto", "AREA", "go to an area, by id, number or the start of its "
	  "id (/goto integrity, /goto 9)", CONVERSE_ARG_AREA,
	  converse_cmd_goto },
	{ "next", "", "sum up this area and move on to the next",
	  CONVERSE_ARG_NONE, converse_cmd_next },
	{ "back", "", "go back to the previous area", CONVERSE_ARG_NONE,
	  converse_cmd_back },
	{ "rate", "N", "rate yourself from 1 to 5 in this area",
	  CONVERSE_ARG_OPTIONAL, converse_cmd_rate },
	{ "skip", "", "leave the rating for now", CONVERSE_ARG_NONE,
	  converse_cmd_skip },
	{ "gaps", "", "what is still missing in this area", CONVERSE_ARG_NONE,
	  converse_cmd_gaps },
	{ "covered", "[N|undo]", "say your last answer covers a gap the coach "
	  "did not find (/covered lists them; /covered undo takes it back)",
	  CONVERSE_ARG_OPTIONAL, converse_cmd_covered },
	{ "edit", "", "write a long answer in your editor ($VISUAL or "
	  "$EDITOR)", CONVERSE_ARG_NONE, converse_cmd_edit },
	{ "summary", "", "show the summary of every area so far",
	  CONVERSE_ARG_NONE, converse_cmd_summary },
	{ "plan", "[list]", "add to your action plan, one question at a time; "
	  "/plan list shows it", CONVERSE_ARG_OPTIONAL, converse_cmd_plan },
	{ "me", "[NAME, ROLE]", "the name and role your mentor's report shows",
	  CONVERSE_ARG_OPTIONAL, converse_cmd_me },
	{ "quit", "", "show the summary and leave (everything is already "
	  "saved)", CONVERSE_ARG_NONE, converse_cmd_quit },
	{ NULL, NULL, NULL, CONVERSE_ARG_NONE, NULL }
};

/* Print text wrapped to the width, paragraph by paragraph. */
static void
converse_say(struct converse *c, const char *text)
{
	const char	*s = text, *nl;
	char		*line;

	for (;;) {
		nl = strchr(s, '\n');
		line = xstrndup(s, nl != NULL ? (size_t)(nl - s) : strlen(s));
		if (*line == '\0')
			fputc('\n', c->out);
		else
			util_wrap(c->out, line, 0, 0, c->opt->width);
		free(line);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

/* Print a formatted message, wrapped. */
static void __attribute__((format(printf, 2, 3)))
converse_sayf(struct converse *c, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	converse_say(c, s);
	free(s);
}

/* Print a heading, bold on a colour terminal. */
static void
converse_heading(struct converse *c, const char *text)
{
	if (c->opt->colour)
		fprintf(c->out, "\033[1m");
	util_wrap(c->out, text, 0, 4, c->opt->width);
	if (c->opt->colour)
		fprintf(c->out, "\033[0m");
}

/* Count the piped line being handled as not used, remembering the first. */
static void
converse_unused(struct converse *c)
{
	const char	*line = c->line != NULL ? c->line : "";

	if (c->src->interactive)
		return;
	c->res->unused_lines++;
	if (c->unused_first == NULL) {
		c->unused_first = util_squeeze(line, strlen(line), 40);
		c->unused_line = c->src->nread;
	}
}

/* Note a store failure that the conversation survives, and go on. */
static void
converse_warn(struct converse *c, const char *what, struct err *e)
{
	converse_sayf(c, "I couldn't %s just now: %s.", what, e->msg);
	err_clear(e);
}

/* The title of area a in running text: "[3/10] Innovation and change". */
static char *
converse_area_name(struct converse *c, int a)
{
	return xasprintf("[%d/%d] %s", a + 1, FRAMEWORK_NAREAS,
	    c->p->areas[a].title);
}

/*
 * Keep an answer: stored at once, or queued in the recovery folder when
 * the store refuses it (keep.h), saying so.  Returns its id, 0 when
 * queued.
 */
static int64_t
converse_keep(struct converse *c, int a, const char *kind, const char *q,
    const char *text, const struct analysis *an)
{
	struct err	 why = { 0 }, nofile = { 0 };
	const char	*path;
	int64_t		 id = 0;

	switch (keep_answer(&c->keep, a, kind, q, text, an, c->edit_path, &id,
	    &path, &why, &nofile)) {
	case KEEP_SAVED:
		break;
	case KEEP_FILED:
		converse_sayf(c, "I couldn't save that answer just now (%s). It "
		    "is kept safe in %s, and I'll save it as soon as the "
		    "database lets me. Carry on.", why.msg, path);
		break;
	case KEEP_MEMORY:
		converse_sayf(c, "I couldn't save that answer just now (%s), "
		    "and I couldn't write it to a file either (%s). I'll keep "
		    "it and try again with your next answer.", why.msg,
		    nofile.msg);
		break;
	}
	err_clear(&why);
	err_clear(&nofile);
	free(c->edit_path);
	c->edit_path = NULL;
	return id;
}

/* Read the picture again from the store, with the queued answers on top. */
static int
converse_refresh(struct converse *c)
{
	int	last = c->pic.last_area;	/* where the last sitting stopped */

	picture_free(&c->pic);
	picture_init(&c->pic);
	if (store_picture(c->db, &c->pic, c->e) != 0)
		return -1;
	c->pic.last_area = last;
	keep_overlay(&c->keep, &c->pic);
	return 0;
}

/* Record a rating; a failure is told and the conversation goes on. */
static void
converse_rate(struct converse *c, int a, int rating)
{
	struct err	e = { 0 };
	char		now[DATE_TIME_LEN];

	if (store_rating_set(c->db, c->session, a, rating, &e) != 0) {
		converse_warn(c, "save your rating", &e);
		converse_say(c, "It counts for this sitting; /rate sets it again "
		    "later.");
	}
	c->pic.areas[a].rating = rating;
	date_now(now);
	snprintf(c->pic.areas[a].rated_at, sizeof c->pic.areas[a].rated_at,
	    "%s", now);
}

/* Run a slash command line (s, starting with '/'). */
static int
converse_command(struct converse *c, char *s)
{
	const struct converse_command	*cmd, *best = NULL;
	char				*arg;
	size_t				 len;
	int				 d, bestd = INT_MAX;

	s++;
	len = strcspn(s, " \t");
	arg = text_trim(s + len);
	s[len] = '\0';
	for (cmd = converse_commands; cmd->name != NULL; cmd++) {
		if (strcmp(cmd->name, s) == 0)
			return cmd->fn(c, arg);
		if ((d = util_distance(cmd->name, s, 2)) < bestd) {
			bestd = d;
			best = cmd;
		}
	}
	if (best != NULL && bestd <= 2)
		converse_sayf(c, "There is no /%s command. Did you mean /%s? "
		    "Nothing you typed before is lost.", s, best->name);
	else
		converse_sayf(c, "There is no /%s command: /help lists them. "
		    "Nothing you typed before is lost.", s);
	s[-1] = '/';
	converse_unused(c);
	return CONVERSE_AGAIN;
}

/*
 * A line that is not a command, read where a rating is wanted: the
 * rating, or (an answer typed first) pushed back to be the answer.
 */
static int
converse_rating_line(struct converse *c, const char *s)
{
	int	n;

	if ((n = text_rating(s)) > 0) {
		converse_rate(c, c->current, n);
		return CONVERSE_RATED;
	}
	if (!c->src->interactive || text_is_answer(s)) {
		source_unread(c->src, xstrdup(s));
		return CONVERSE_DEFER;
	}
	converse_say(c, "Please type a number from 1 to 5 (\"about 3\" is "
	    "fine), or /skip to leave it for now.");
	return CONVERSE_AGAIN;
}

/* A line over the size limit: kept in a file of its own, not as an answer. */
static int
converse_too_long(struct converse *c, const char *s)
{
	struct err	 e = { 0 };
	char		*path = NULL;

	free(c->line);
	c->line = util_squeeze(s, 40, 40);
	converse_unused(c);
	if (c->opt->recover_dir != NULL && recover_keep(c->opt->recover_dir,
	    s, &path, &e) == 0) {
		converse_sayf(c, "That answer is longer than 1 MiB, which is more "
		    "than I can take in one go. I have kept it in %s: please "
		    "give me its main points in a shorter answer.", path);
		free(path);
	} else {
		converse_sayf(c, "That answer is longer than 1 MiB, which is more "
		    "than I can take in one go, and I could not keep a copy (%s): "
		    "please give me its main points in a shorter answer.",
		    e.msg != NULL ? e.msg : "no home folder");
		err_clear(&e);
	}
	return CONVERSE_AGAIN;
}

/* Read a line for the question being asked, running slash commands. */
static int
converse_read(struct converse *c, enum converse_ask ask, char **line)
{
	char	*raw, *s;
	int	 r;

	*line = NULL;
	for (;;) {
		c->ask = ask;
		c->src->nul = 0;
		if ((raw = source_read(c->src, "> ")) == NULL)
			return CONVERSE_EOF;
		if (strcmp(raw, SOURCE_INTERRUPT) == 0 || c->src->nul) {
			if (c->src->nul) {
				converse_say(c, "That line held a NUL byte, "
				    "which I can't keep: please type it again.");
				free(c->line);
				c->line = util_squeeze(raw, strlen(raw), 40);
				converse_unused(c);
			}
			free(raw);
			continue;
		}
		s = text_trim(raw);
		free(c->line);
		c->line = xstrdup(s);
		if (*s == '\0' && ask != CONVERSE_ASK_KEEP &&
		    ask != CONVERSE_ASK_REPLY) {
			free(raw);
			continue;
		}
		if (*s == '/')
			r = converse_command(c, s);
		else if ((ask == CONVERSE_ASK_RATING ||
		    ask == CONVERSE_ASK_KEEP) && *s != '\0')
			r = converse_rating_line(c, s);
		else if (strlen(s) > ANALYSE_MAX_TEXT)
			r = converse_too_long(c, s);
		else {
			*line = xstrdup(s);
			r = CONVERSE_LINE;
		}
		free(raw);
		if (r == CONVERSE_LINE && c->edited != NULL) {
			free(*line);
			*line = c->edited;
			c->edited = NULL;
		}
		if (r == CONVERSE_AGAIN)
			continue;
		return r;
	}
}

/* /help */
static int
converse_cmd_help(struct converse *c, const char *arg)
{
	const struct converse_command	*cmd;
	char				*name;

	(void)arg;
	converse_say(c, "Type your answers as you would say them. Commands:");
	for (cmd = converse_commands; cmd->name != NULL; cmd++) {
		name = xasprintf("/%s", cmd->name);
		util_help_row(c->out, name, cmd->args, cmd->summary,
		    c->opt->width);
		free(name);
	}
	converse_say(c, "Tab completes commands and area ids. Ctrl-C clears "
	    "the line; Ctrl-D saves and leaves.");
	return CONVERSE_AGAIN;
}

/* /areas: each area with its state, evidence and rating. */
static int
converse_cmd_areas(struct converse *c, const char *arg)
{
	(void)arg;
	render_picture_areas(c->out, c->p, &c->pic, c->current, c->opt->width);
	return CONVERSE_AGAIN;
}

/* /goto AREA */
static int
converse_cmd_goto(struct converse *c, const char *arg)
{
	int	a, near;

	if ((a = framework_area_parse(arg, &near)) != -1) {
		c->target = a;
		return CONVERSE_GOTO;
	}
	if (*arg != '\0' && near != -1)
		converse_sayf(c, "There is no area '%s'. Did you mean %s? Type "
		    "/goto %s.", arg, c->p->areas[near].title,
		    framework_areas[near].id);
	else
		converse_say(c, "Which area? Give its id, its number or the "
		    "start of its id: /goto integrity, /goto 9, /goto integ. "
		    "/areas lists them.");
	converse_unused(c);
	return CONVERSE_AGAIN;
}

/* /next */
static int
converse_cmd_next(struct converse *c, const char *arg)
{
	(void)c;
	(void)arg;
	return CONVERSE_NEXT;
}

/* /back */
static int
converse_cmd_back(struct converse *c, const char *arg)
{
	(void)c;
	(void)arg;
	return CONVERSE_BACK;
}

/* /quit */
static int
converse_cmd_quit(struct converse *c, const char *arg)
{
	(void)c;
	(void)arg;
	return CONVERSE_QUIT;
}

/* /rate N */
static int
converse_cmd_rate(struct converse *c, const char *arg)
{
	int	n;

	if ((n = text_rating(arg)) == 0) {
		converse_say(c, "Give a rating from 1 to 5, for example /rate 3.");
		converse_unused(c);
		return CONVERSE_AGAIN;
	}
	converse_rate(c, c->current, n);
	converse_sayf(c, "Your rating for %s is now %d.",
	    c->p->areas[c->current].title, n);
	if (c->ask == CONVERSE_ASK_RATING || c->ask == CONVERSE_ASK_KEEP)
		return CONVERSE_RATED;
	return CONVERSE_AGAIN;
}

/* /skip */
static int
converse_cmd_skip(struct converse *c, const char *arg)
{
	(void)arg;
	if (c->ask == CONVERSE_ASK_RATING || c->ask == CONVERSE_ASK_KEEP)
		return CONVERSE_SKIP;
	converse_say(c, "There is no rating to skip here: /next moves on to the "
	    "next area.");
	converse_unused(c);
	return CONVERSE_AGAIN;
}

/* /gaps: what is still missing here, and what the candidate claims. */
static int
converse_cmd_gaps(struct converse *c, const char *arg)
{
	(void)arg;
	render_picture_gaps(c->out, c->p, &c->pic, c->current, c->opt->width);
	return CONVERSE_AGAIN;
}

/* /covered undo [N|ID] */
static int
converse_covered_undo(struct converse *c, const char *arg)
{
	int	i = -1, r;

	if (*arg != '\0' && (i = framework_indicator_find(arg)) == -1) {
		converse_say(c, "Give the indicator's id, as in /covered undo "
		    "td.develop-leaders, or nothing to take back the last one.");
		converse_unused(c);
		return CONVERSE_AGAIN;
	}
	if ((r = store_covered_undo(c->db, c->current, i, c->e)) == -1)
		return CONVERSE_ERROR;
	if (r == -2) {
		converse_say(c, "There is nothing you said you covered here to "
		    "take back.");
		return CONVERSE_AGAIN;
	}
	if (converse_refresh(c) != 0)
		return CONVERSE_ERROR;
	converse_sayf(c, "Taken back: %s is open again.",
	    c->p->indicators[r].title);
	return CONVERSE_AGAIN;
}

/* /covered with nothing: the open gaps, numbered. */
static int
converse_covered_list(struct converse *c, const int *gaps, int n)
{
	char	*line;
	int	 k;

	if (n == 0) {
		converse_sayf(c, "Nothing is missing in %s, so there is nothing "
		    "to claim.", c->p->areas[c->current].title);
		return CONVERSE_AGAIN;
	}
	converse_say(c, "Still open here:");
	for (k = 0; k < n; k++) {
		line = xasprintf("%s (%s)", c->p->indicators[gaps[k]].title,
		    framework_indicators[gaps[k]].id);
		fprintf(c->out, "  %2d ", k + 1);
		util_wrap_at(c->out, line, 5, 5, c->opt->width);
		free(line);
	}
	converse_say(c, "If your last answer covers one of these, type /covered "
	    "and its number. It will be shown as your own judgement, apart "
	    "from what I found; /covered undo takes it back.");
	return CONVERSE_AGAIN;
}

/* /covered [N|ID|undo ...] */
static int
converse_cmd_covered(struct converse *c, const char *arg)
{
	int	gaps[FRAMEWORK_NINDICATORS], n, k, i, a = c->current;
	int64_t	answer = c->pic.areas[a].last_answer;
	char	*end;

	if (strncmp(arg, "undo", 4) == 0 && (arg[4] == '\0' || arg[4] == ' '))
		return converse_covered_undo(c, text_trim((char *)arg + 4));
	n = render_picture_open(&c->pic, a, gaps);
	if (*arg == '\0')
		return converse_covered_list(c, gaps, n);
	k = (int)strtol(arg, &end, 10);
	i = *end == '\0' && k >= 1 && k <= n ? gaps[k - 1] :
	    framework_indicator_find(arg);
	if (i == -1 || !framework_counts(i, a) || picture_settled(&c->pic, a,
	    i)) {
		converse_say(c, "That is not one of the open gaps here: /covered "
		    "lists them by number.");
		converse_unused(c);
		return CONVERSE_AGAIN;
	}
	if (answer == 0) {
		converse_say(c, "Answer the question first: /covered marks what "
		    "your last saved answer in this area covers.");
		converse_unused(c);
		return CONVERSE_AGAIN;
	}
	if (store_covered_add(c->db, answer, i, c->e) == -1)
		return CONVERSE_ERROR;
	picture_add_covered(&c->pic, a, i, answer, c->gist[a]);
	converse_sayf(c, "Noted: you say your last answer covers %s. I'll show "
	    "it as your own judgement, apart from what I found.",
	    c->p->indicators[i].title);
	return CONVERSE_AGAIN;
}

/* /edit: an answer written in the editor, in a recovery file. */
static int
converse_cmd_edit(struct converse *c, const char *arg)
{
	struct recover_item	*it;
	struct err		 e = { 0 };
	char			*cause = NULL;
	char			 now[DATE_TIME_LEN];

	(void)arg;
	if (c->ask != CONVERSE_ASK_ANSWER) {
		converse_say(c, "/edit is for answers: first answer this "
		    "question.");
		return CONVERSE_AGAIN;
	}
	if (c->src->edit == NULL || c->opt->recover_dir == NULL) {
		converse_say(c, "/edit needs a terminal and a home folder: type "
		    "or paste your answer instead.");
		converse_unused(c);
		return CONVERSE_AGAIN;
	}
	date_now(now);
	it = xcalloc(1, sizeof *it);
	it->db = xstrdup(c->keep.dbkey);
	it->area = xstrdup(framework_areas[c->current].id);
	it->kind = xstrdup("prompt");
	it->question = xstrdup("");
	it->answer = xstrdup("");
	it->at = xstrdup(now);
	if (recover_save(c->opt->recover_dir, it, &e) != 0) {
		converse_warn(c, "make a file for your editor", &e);
		recover_item_clear(it);
		free(it);
		return CONVERSE_AGAIN;
	}
	if (c->src->edit(c->src, it->path, &cause) != 0) {
		converse_say(c, cause);
		free(cause);
		free(it->answer);
		it->answer = NULL;
		if (recover_read_text(it->path, &it->answer, &e) == 0 &&
		    !util_is_blank(it->answer, strlen(it->answer))) {
			recover_item_clear(it);	/* the file keeps the text */
			free(it);
			return CONVERSE_AGAIN;
		}
		err_clear(&e);
		if (recover_remove(it, &e) != 0)
			err_clear(&e);
		recover_item_clear(it);
		free(it);
		return CONVERSE_AGAIN;
	}
	free(it->answer);
	it->answer = NULL;
	if (recover_read_text(it->path, &it->answer, &e) != 0)
		converse_warn(c, "read back what you wrote", &e);
	else if (!util_is_blank(it->answer, strlen(it->answer))) {
		c->edited = xstrdup(it->answer);
		free(c->edit_path);
		c->edit_path = xstrdup(it->path);
		recover_item_clear(it);
		free(it);
		return CONVERSE_LINE;
	} else
		converse_say(c, "The editor gave back nothing, so there is "
		    "nothing to add.");
	if (recover_remove(it, &e) != 0)
		err_clear(&e);
	recover_item_clear(it);
	free(it);
	return CONVERSE_AGAIN;
}

/* /summary, and the end of a sitting: every area. */
static int
converse_cmd_summary(struct converse *c, const char *arg)
{
	(void)arg;
	converse_heading(c, "Your summary, over every sitting");
	render_picture_summary(c->out, c->p, &c->pic, c->opt->width);
	converse_sayf(c, "Your answers are kept in %s.", c->opt->db_path);
	return CONVERSE_AGAIN;
}

/* The guided plan questions, starting in area with action (or NULL). */
static int
converse_plan(struct converse *c, int area, const char *action)
{
	struct plan_flow	f;

	plan_flow_init(&f, c->p, c->db, c->src, c->out, c->opt->width);
	fputc('\n', c->out);
	if (plan_flow_run(&f, area, action, 1) == PLAN_FLOW_EOF)
		return CONVERSE_EOF;
	return CONVERSE_AGAIN;
}

/* /plan [list] */
static int
converse_cmd_plan(struct converse *c, const char *arg)
{
	struct plan_flow	f;
	int			r;

	if (strcmp(arg, "list") == 0) {
		plan_flow_init(&f, c->p, c->db, c->src, c->out, c->opt->width);
		return plan_flow_list(&f, c->e) == 0 ? CONVERSE_AGAIN :
		    CONVERSE_ERROR;
	}
	if (*arg != '\0') {
		converse_say(c, "/plan adds to your action plan; /plan list "
		    "shows it.");
		converse_unused(c);
		return CONVERSE_AGAIN;
	}
	r = converse_plan(c, c->current, NULL);
	if (r == CONVERSE_AGAIN)
		converse_say(c, "\nBack to where we were: carry on with the "
		    "question above, or /help for commands.");
	return r;
}

/* Split "Name, role" and keep it as the profile. */
static int
converse_profile_set(struct converse *c, const char *text)
{
	struct err	 e = { 0 };
	char		*name, *role, *comma;

	name = xstrdup(text);
	role = xstrdup("");
	if ((comma = strchr(name, ',')) != NULL) {
		*comma = '\0';
		free(role);
		role = xstrdup(text_trim(comma + 1));
	}
	text_trim(name);
	if (store_profile_set(c->db, text_trim(name), role, &e) != 0)
		converse_warn(c, "keep your name and role", &e);
	else if (*text != '\0')
		converse_sayf(c, "Thank you: your mentor's report will show "
		    "\"%s%s%s\".", text_trim(name), *role != '\0' ? ", " : "",
		    role);
	free(name);
	free(role);
	return CONVERSE_AGAIN;
}

/* /me [NAME, ROLE] */
static int
converse_cmd_me(struct converse *c, const char *arg)
{
	struct err	 e = { 0 };
	char		*name = NULL, *role = NULL;

	if (*arg != '\0')
		return converse_profile_set(c, arg);
	if (store_profile_get(c->db, &name, &role, &e) != 0)
		converse_warn(c, "read your name and role", &e);
	else if (*name == '\0' && *role == '\0')
		converse_say(c, "Your mentor's report shows no name or role. Type "
		    "/me followed by them, as in: /me Sam Patel, ward sister.");
	else
		converse_sayf(c, "Your mentor's report shows \"%s%s%s\". Type /me "
		    "followed by a name and role to change it.", name,
		    *role != '\0' ? ", " : "", role);
	free(name);
	free(role);
	return CONVERSE_AGAIN;
}

/* Sum up area a, marking it finished when anything was given. */
static void
converse_sum_up(struct converse *c, int a)
{
	struct buf	b = { 0 };
	struct err	e = { 0 };

	fputc('\n', c->out);
	if (c->pic.areas[a].nanswers == 0 && c->pic.areas[a].rating == 0) {
		converse_sayf(c, "We'll come back to %s another time.",
		    c->p->areas[a].title);
		return;
	}
	coach_summary(&c->coach, &b, &c->pic, a);
	converse_say(c, b.data);
	buf_free(&b);
	if (store_area_finished(c->db, c->session, a, &e) != 0)
		err_clear(&e);
	c->pic.areas[a].finished = 1;
}

/* Whether area a can be summed up: nothing of its own open, or probed enough. */
static int
converse_done(struct converse *c, int a)
{
	int	i;

	if (c->nprobes[a] >= COACH_MAX_PROBES)
		return 1;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area == a &&
		    !picture_settled(&c->pic, a, i))
			return 0;
	}
	return 1;
}

/* Mark as probed every gap of a whose probes were all answered before. */
static void
converse_exhaust(struct converse *c, int a)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_counts(i, a) && c->probed[a][i] == 0 &&
		    !picture_settled(&c->pic, a, i) &&
		    coach_probe(&c->coach, &c->pic, a, i, 0) == NULL)
			c->probed[a][i] = 1;
	}
}

/* The probe for gap g, counted; NULL when none is left to ask. */
static const char *
converse_probe(struct converse *c, int a, int g)
{
	const char	*q;

	if (g == -1)
		return NULL;
	q = coach_probe(&c->coach, &c->pic, a, g, c->probed[a][g]);
	c->probed[a][g]++;
	if (q != NULL)
		c->nprobes[a]++;
	return q;
}

/* Remember a next step the candidate wrote, for the plan offer. */
static void
converse_step(struct converse *c, const struct analysis *an, int a)
{
	int	i;

	if (a != CONVERSE_INSIGHT ||
	    (i = framework_indicator_find("is.action-plan")) == -1 ||
	    !analyse_shown(an, i))
		return;
	free(c->step);
	c->step = analyse_quote(an, i);
}

/*
 * Take an answer in area a: keep it, add its evidence to the picture
 * and reply.  Returns the gap the reply asked about, or -1.
 */
static int
converse_answer(struct converse *c, int a, const char *kind, const char *q,
    const char *text, int with_gap)
{
	struct coach_fresh	 f;
	struct analysis		 an;
	struct buf		 b = { 0 };
	char			*quotes[FRAMEWORK_NINDICATORS] = { 0 };
	char			 now[DATE_TIME_LEN];
	int64_t			 id;
	int			 i, gap;

	analyse_run(c->p, text, strlen(text), &an);
	for (i = 0; i < (int)an.nwarnings; i++)
		fprintf(stderr, "%s: %s\n", PROGNAME, an.warnings[i]);
	id = converse_keep(c, a, kind, q, text, &an);
	date_now(now);
	memset(&f, 0, sizeof f);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!analyse_shown(&an, i))
			continue;
		quotes[i] = analyse_quote(&an, i);
		f.fresh[i] = framework_counts(i, a) &&
		    !c->pic.areas[a].ev[i].shown;
		f.quotes[i] = quotes[i];
		picture_add_shown(&c->pic, a, i, quotes[i], c->session, now);
	}
	picture_add_asked(&c->pic, a, q);
	c->pic.areas[a].nanswers++;
	c->pic.areas[a].last_answer = id;
	snprintf(c->pic.areas[a].last_at, sizeof c->pic.areas[a].last_at,
	    "%s", now);
	free(c->gist[a]);
	c->gist[a] = analyse_gist(&an);
	f.gist = c->gist[a];
	c->answered[a]++;
	converse_step(c, &an, a);
	converse_exhaust(c, a);
	gap = coach_reply(&c->coach, &b, &c->pic, a, &f, c->probed[a],
	    with_gap && !converse_done(c, a));
	fputc('\n', c->out);
	converse_say(c, b.data);
	buf_free(&b);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		free(quotes[i]);
	analyse_free(&an);
	return gap;
}

/*
 * The self-rating of area a: asked when there is none, else offered to
 * keep.  Returns RATED, SKIP or DEFER to go on, or how the candidate
 * left.
 */
static int
converse_rating(struct converse *c, int a)
{
	const struct picture_area	*pa = &c->pic.areas[a];
	char				*line, *text, when[DATE_WORDS_LEN];
	char				 day[DATE_LEN];
	int				 i, r;

	if (pa->rating != 0) {
		date_of_time(pa->rated_at, day);
		date_short(day, c->today, when, sizeof when);
		converse_sayf(c, "Your rating here: %d (given %s). Type a new "
		    "one, or press Enter to keep it.", pa->rating, when);
		r = converse_read(c, CONVERSE_ASK_KEEP, &line);
		free(line);
		return r == CONVERSE_LINE ? CONVERSE_RATED : r;
	}
	fputc('\n', c->out);
	converse_say(c, "How would you rate yourself here?");
	for (i = 0; i < PROMPTS_SCALE; i++) {
		text = xasprintf("%d  %s", i + 1, c->p->scale[i]);
		util_wrap(c->out, text, 2, 5, c->opt->width);
		free(text);
	}
	return converse_read(c, CONVERSE_ASK_RATING, &line);
}

/* Ask the rating that waited for the first answer. */
static int
converse_rating_after(struct converse *c, int a)
{
	char	*line;
	int	 r;

	if (!c->rating_due[a] || c->pic.areas[a].rating != 0)
		return CONVERSE_RATED;
	c->rating_due[a] = 0;
	fputc('\n', c->out);
	converse_say(c, "Before we go on: how would you rate yourself here, "
	    "from 1 (not yet) to 5 (strong, repeated evidence)? /skip leaves "
	    "it for now.");
	r = converse_read(c, CONVERSE_ASK_RATING, &line);
	/* An answer instead of a rating: no rating for now, and the line
	 * (pushed back) answers the next question. */
	return r == CONVERSE_DEFER ? CONVERSE_SKIP : r;
}

/*
 * The first question of area a: a main one not answered before, else
 * a probe of a gap; NULL when there is nothing left to ask.
 */
static const char *
converse_first(struct converse *c, int a, const char **kind)
{
	const char	*q;

	*kind = "prompt";
	if ((q = coach_question(&c->coach, &c->pic, a)) != NULL)
		return q;
	*kind = "probe";
	converse_exhaust(c, a);
	return converse_probe(c, a, picture_next_gap(&c->pic, a,
	    c->probed[a]));
}

/* Show area a's heading and definition, and mark where the sitting is. */
static void
converse_area_open(struct converse *c, int a)
{
	struct err	 e = { 0 };
	char		*title;

	c->current = a;
	if (store_session_area(c->db, c->session, a, &e) != 0)
		err_clear(&e);
	title = xasprintf("[%d/%d] %s: %s", a + 1, FRAMEWORK_NAREAS,
	    framework_areas[a].dimension == FRAMEWORK_COMPETENCY ?
	    "Competency-based" : "Person-centred", c->p->areas[a].title);
	fputc('\n', c->out);
	converse_heading(c, title);
	free(title);
	converse_say(c, c->p->areas[a].summary);
}

/* The answers and probes of area a, from its first question. */
static int
converse_area_talk(struct converse *c, int a, const char *q, const char *kind)
{
	char	*text;
	int	 r, gap;

	for (;;) {
		fputc('\n', c->out);
		converse_say(c, q);
		if ((r = converse_read(c, CONVERSE_ASK_ANSWER, &text)) ==
		    CONVERSE_NEXT)
			break;
		if (r != CONVERSE_LINE)
			return r;
		gap = converse_answer(c, a, kind, q, text, 1);
		free(text);
		r = converse_rating_after(c, a);
		if (r != CONVERSE_RATED && r != CONVERSE_SKIP)
			return r;
		if (converse_done(c, a) || (q = converse_probe(c, a,
		    gap)) == NULL)
			break;
		kind = "probe";
	}
	converse_sum_up(c, a);
	return CONVERSE_NEXT;
}

/* Run one area; returns how the candidate left it. */
static int
converse_area(struct converse *c, int a)
{
	const char	*q, *kind;
	int		 r;

	converse_area_open(c, a);
	r = converse_rating(c, a);
	if (r == CONVERSE_DEFER)
		c->rating_due[a] = 1;
	else if (r != CONVERSE_RATED && r != CONVERSE_SKIP)
		return r;
	if ((q = converse_first(c, a, &kind)) == NULL) {
		fputc('\n', c->out);
		converse_sayf(c, "You have answered every question I have about "
		    "%s.", c->p->areas[a].title);
		converse_sum_up(c, a);
		return CONVERSE_NEXT;
	}
	return converse_area_talk(c, a, q, kind);
}

/*
 * Read a reply to a yes/no question: 1 yes (or Enter), 0 no; text that
 * is clearly an answer is left in *answer.  Commands run as anywhere.
 */
static int
converse_yesno(struct converse *c, char **answer, int *yes)
{
	char	*line;
	int	 r;

	*answer = NULL;
	for (;;) {
		if ((r = converse_read(c, CONVERSE_ASK_REPLY, &line)) !=
		    CONVERSE_LINE)
			return r;
		switch (text_yesno(line)) {
		case TEXT_YES:
		case TEXT_EMPTY:
			*yes = 1;
			break;
		case TEXT_NO:
			*yes = 0;
			break;
		default:
			if (text_is_answer(line)) {
				*answer = line;
				*yes = 1;
				return CONVERSE_LINE;
			}
			free(line);
			converse_say(c, "Please answer yes or no.");
			continue;
		}
		free(line);
		return CONVERSE_LINE;
	}
}

/* After Insightfulness: offer to start the plan from the next step written. */
static int
converse_offer_plan(struct converse *c)
{
	char	*answer;
	int	 r, yes;

	fputc('\n', c->out);
	if (!c->src->interactive) {
		converse_say(c, "When you are ready, /plan turns your reflection "
		    "into an action plan, one question at a time.");
		return CONVERSE_NEXT;
	}
	converse_sayf(c, "%s (Y/n)", c->p->plan.offer);
	if ((r = converse_yesno(c, &answer, &yes)) != CONVERSE_LINE)
		return r;
	if (!yes) {
		converse_say(c, "That's fine: /plan, or 'dhcoach plan add', starts "
		    "it whenever you are ready.");
		return CONVERSE_NEXT;
	}
	r = converse_plan(c, CONVERSE_INSIGHT, answer != NULL ? answer :
	    c->step);
	free(answer);
	return r == CONVERSE_AGAIN ? CONVERSE_NEXT : r;
}

/* The next area to visit after a: the next unfinished one (any with --new). */
static int
converse_after(struct converse *c, int a)
{
	int	k;

	for (k = a + 1; k < FRAMEWORK_NAREAS; k++) {
		if (c->opt->fresh || picture_state(&c->pic, k) !=
		    PICTURE_FINISHED)
			return k;
	}
	return -1;
}

/* Print the names of the unfinished areas, as one sentence. */
static void
converse_unfinished(struct converse *c)
{
	struct buf	b = { 0 };
	int		a, n = 0;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (picture_state(&c->pic, a) == PICTURE_FINISHED)
			continue;
		buf_printf(&b, "%s%s", n > 0 ? ", " : "", c->p->areas[a].title);
		n++;
	}
	converse_sayf(c, "%s still to finish: %s.", n == 1 ? "One area is" :
	    "These areas are", b.data);
	buf_free(&b);
}

/* The end of the walk: offer what is unfinished, or the readiness summary. */
static int
converse_walk_end(struct converse *c)
{
	char	*answer, *q, *name;
	int	 k, r, yes;

	fputc('\n', c->out);
	if ((k = picture_next_unfinished(&c->pic, 0)) == -1) {
		converse_say(c, "You have now looked at all ten areas.");
		if (!c->src->interactive)
			return CONVERSE_QUIT;
		converse_say(c, "Would you like to see your readiness summary: "
		    "where you have experience to build on, and what would most "
		    "strengthen an application? (Y/n)");
		if ((r = converse_yesno(c, &answer, &yes)) != CONVERSE_LINE)
			return r;
		free(answer);
		c->res->show_readiness = yes;
		return CONVERSE_QUIT;
	}
	converse_unfinished(c);
	c->target = k;
	if (!c->src->interactive)
		return CONVERSE_GOTO;
	name = converse_area_name(c, k);
	q = xasprintf("Shall we go on to %s? (Y/n)", name);
	converse_say(c, q);
	free(q);
	free(name);
	if ((r = converse_yesno(c, &answer, &yes)) != CONVERSE_LINE)
		return r;
	if (answer != NULL)
		source_unread(c->src, answer);
	return yes ? CONVERSE_GOTO : CONVERSE_QUIT;
}

/* Restore answers left in the recovery folder by an earlier sitting. */
static int
converse_restore(struct converse *c)
{
	struct err	e = { 0 };
	size_t		found, saved;

	if (keep_restore(&c->keep, &found, &saved, &e) != 0) {
		converse_sayf(c, "\nSome answers from an earlier sitting could "
		    "not be saved then, and still cannot be: %s. They stay in "
		    "%s until they can.", e.msg, c->opt->recover_dir);
		err_clear(&e);
	} else if (found > 0)
		converse_sayf(c, "\n%zu answer%s from an earlier sitting could "
		    "not be saved then and %s kept in %s: %s now in your "
		    "database.", found, found == 1 ? "" : "s", found == 1 ?
		    "was" : "were", c->opt->recover_dir, found == 1 ? "it is" :
		    "they are");
	return found > 0 || saved > 0 ? converse_refresh(c) : 0;
}

/* Ask once, on a terminal, for the name and role the report shows. */
static int
converse_profile(struct converse *c)
{
	struct err	 e = { 0 };
	char		*line;
	int		 asked = 1, r;

	if (!c->src->interactive || store_profile_asked(c->db, &asked,
	    &e) != 0 || asked) {
		err_clear(&e);
		return CONVERSE_AGAIN;
	}
	fputc('\n', c->out);
	converse_say(c, "Before we begin: what name and role should the report "
	    "for your mentor show? For example: Sam Patel, ward sister. Press "
	    "Enter to leave them out; /me changes them later.");
	if ((r = converse_read(c, CONVERSE_ASK_REPLY, &line)) != CONVERSE_LINE)
		return r;
	converse_profile_set(c, line);
	free(line);
	return CONVERSE_AGAIN;
}

/* The area with the most of its own indicators still open. */
static int
converse_widest(struct converse *c)
{
	int	a, best = 0, open, most = -1, shown, total;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		shown = picture_shown(&c->pic, a, &total);
		open = total - shown - picture_covered(&c->pic, a);
		if (open > most) {
			most = open;
			best = a;
		}
	}
	return best;
}

/* Welcome a candidate back: the recap, and where to carry on. */
static int
converse_welcome_back(struct converse *c, int *start)
{
	struct buf	 b = { 0 };
	char		*answer, *name;
	int		 next, r, yes;

	next = picture_next_unfinished(&c->pic, 0);
	fputc('\n', c->out);
	if (next == -1) {
		next = converse_widest(c);
		if (picture_next_gap(&c->pic, next, NULL) == -1)
			converse_say(c, "Welcome back. You have looked at all ten "
			    "areas and shown everything I look for: add to any "
			    "area you like (/goto), or see where you stand with "
			    "'dhcoach readiness'.");
		else
			converse_say(c, "Welcome back. You have looked at all ten "
			    "areas already; let's add to the one with the most "
			    "still open.");
	} else if (c->pic.last_area >= 0) {
		name = converse_area_name(c, c->pic.last_area);
		converse_sayf(c, "Welcome back. Last time you got as far as %s.",
		    name);
		free(name);
	} else
		converse_say(c, "Welcome back.");
	name = converse_area_name(c, next);
	coach_recap(&c->coach, &b, &c->pic, next, c->today);
	converse_sayf(c, "%s. %s", name, b.data);
	buf_free(&b);
	*start = next;
	if (!c->src->interactive) {
		free(name);
		return CONVERSE_LINE;
	}
	converse_sayf(c, "Carry on with %s? (Y/n)", name);
	free(name);
	if ((r = converse_yesno(c, &answer, &yes)) == CONVERSE_GOTO)
		*start = c->target;
	if (r != CONVERSE_LINE)
		return r == CONVERSE_GOTO ? CONVERSE_LINE : r;
	if (answer != NULL)
		source_unread(c->src, answer);
	if (!yes) {
		*start = 0;
		converse_say(c, "Then we'll start again from the first area; what "
		    "you showed before still counts.");
	}
	return CONVERSE_LINE;
}

/* Where the walk starts: --area, --new, carrying on, or the beginning. */
static int
converse_start(struct converse *c, int *start)
{
	*start = 0;
	if (c->opt->start >= 0) {
		*start = c->opt->start;
		return CONVERSE_LINE;
	}
	if (c->opt->fresh || c->pic.nsessions == 0)
		return CONVERSE_LINE;
	return converse_welcome_back(c, start);
}

/* Walk the areas from start until the candidate leaves. */
static int
converse_walk(struct converse *c, int a)
{
	int	r, k;

	for (;;) {
		r = converse_area(c, a);
		if (r == CONVERSE_NEXT && a == CONVERSE_INSIGHT &&
		    c->answered[a] > 0 && c->pic.areas[a].nanswers > 0)
			r = converse_offer_plan(c);
		switch (r) {
		case CONVERSE_NEXT:
			if ((k = converse_after(c, a)) != -1) {
				a = k;
				continue;
			}
			if ((r = converse_walk_end(c)) != CONVERSE_GOTO)
				return r;
			a = c->target;
			break;
		case CONVERSE_BACK:
			a = a > 0 ? a - 1 : 0;
			break;
		case CONVERSE_GOTO:
			a = c->target;
			break;
		default:
			return r;
		}
	}
}

/* Set up the conversation's state. */
static void
converse_init(struct converse *c, const struct prompts *p, struct db *db,
    struct source *src, FILE *out, const struct converse_options *opt,
    struct converse_outcome *res, struct err *e)
{
	memset(c, 0, sizeof *c);
	memset(res, 0, sizeof *res);
	c->p = p;
	c->db = db;
	c->src = src;
	c->out = out;
	c->opt = opt;
	c->res = res;
	c->e = e;
	c->session = -1;
	coach_init(&c->coach, p);
	picture_init(&c->pic);
	date_today(c->today);
	keep_init(&c->keep, p, db, -1, opt->recover_dir);
}

/* Free the conversation's state. */
static void
converse_free(struct converse *c)
{
	int	a;

	picture_free(&c->pic);
	keep_free(&c->keep);
	for (a = 0; a < FRAMEWORK_NAREAS; a++)
		free(c->gist[a]);
	free(c->edit_path);
	free(c->edited);
	free(c->step);
	free(c->unused_first);
	free(c->leftover);
	free(c->line);
}

/*
 * Piped input that goes on after the conversation has ended (every area
 * looked at, or /quit): the first line left is noted as not used.  Only
 * one non-blank line is looked for, so an endless stream cannot hang.
 */
static void
converse_leftover(struct converse *c)
{
	char	*raw;
	int	 blank;

	if (c->src->interactive)
		return;
	for (blank = 0; blank < 1000; blank++) {
		if ((raw = source_read(c->src, "")) == NULL)
			return;
		if (*text_trim(raw) != '\0')
			break;
		free(raw);
	}
	if (blank == 1000)
		return;
	c->leftover_line = c->src->nread;
	c->leftover = util_squeeze(text_trim(raw), strlen(text_trim(raw)), 40);
	free(raw);
	c->res->unused_lines++;
	converse_sayf(c, "The conversation has ended, but the input goes on "
	    "from line %zu: that line and any after it were not used.",
	    c->leftover_line);
}

/* The end of a sitting: the summary, and what could not be saved or used. */
static int
converse_finish(struct converse *c)
{
	struct err	e = { 0 };
	size_t		n;

	fputc('\n', c->out);
	converse_cmd_summary(c, "");
	if (keep_flush(&c->keep, &e) != 0) {
		n = c->keep.n;
		c->res->unsaved = (int)n;
		err_set(c->e, ERR_UNSAVED, "%zu answer%s could not be saved in "
		    "%s (%s); %s kept in %s, and dhcoach saves %s the next time "
		    "it starts", n, n == 1 ? "" : "s", c->opt->db_path, e.msg,
		    n == 1 ? "it is" : "they are", c->opt->recover_dir != NULL ?
		    c->opt->recover_dir : "memory only", n == 1 ? "it" : "them");
		err_clear(&e);
		return -1;
	}
	if (store_session_end(c->db, c->session, &e) != 0)
		err_clear(&e);
	n = (size_t)c->res->unused_lines - (c->leftover != NULL);
	if (n > 0 && c->leftover != NULL)
		return err_set(c->e, ERR_LINES, "%zu line%s of input could not "
		    "be used, the first being line %zu (\"%s\"), and the input "
		    "went on after the conversation ended, from line %zu (\"%s\")",
		    n, n == 1 ? "" : "s", c->unused_line, c->unused_first,
		    c->leftover_line, c->leftover);
	if (n > 0)
		return err_set(c->e, ERR_LINES, "%zu line%s of input could not "
		    "be used, the first being line %zu (\"%s\")",
		    n, n == 1 ? "" : "s", c->unused_line, c->unused_first);
	if (c->leftover != NULL)
		return err_set(c->e, ERR_LINES, "the input went on after the "
		    "conversation ended: lines from %zu (\"%s\") on were not "
		    "used", c->leftover_line, c->leftover);
	return 0;
}

/* Run the conversation; see converse.h. */
int
converse_run(const struct prompts *p, struct db *db, struct source *src,
    FILE *out, const struct converse_options *opt,
    struct converse_outcome *res, struct err *e)
{
	struct converse	c;
	int		rc = -1, r, start;

	converse_init(&c, p, db, src, out, opt, res, e);
	converse_sayf(&c, "%s %s: reflect on your digital leadership, one "
	    "skill area at a time.", PROGNAME, DHCOACH_VERSION);
	converse_say(&c, "Your answers are saved as you go, in your own "
	    "database file:");
	fprintf(out, "  %s\n", opt->db_path);
	converse_say(&c, "Type /help for commands. Ctrl-D saves and leaves at "
	    "any time.");
	if (store_picture(db, &c.pic, e) != 0 ||
	    (c.session = store_session_begin(db, "conversation", e)) == -1)
		goto out;
	c.keep.session = c.session;
	if (converse_restore(&c) != 0)
		goto out;
	if ((r = converse_profile(&c)) == CONVERSE_AGAIN)
		r = converse_start(&c, &start);
	if (r == CONVERSE_LINE)
		r = converse_walk(&c, start);
	if (r == CONVERSE_ERROR)
		goto out;
	if (r != CONVERSE_EOF)
		converse_leftover(&c);
	rc = converse_finish(&c);
out:
	converse_free(&c);
	return rc;
}

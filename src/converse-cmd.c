/*
 * converse-cmd.c: the conversation's slash commands, one table
 * (converse_commands) that dispatches them, prints /help and feeds
 * completion, and their handlers.  A handler returns what the
 * conversation does next (enum converse_next).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "converse-int.h"
#include "date.h"
#include "framework.h"
#include "plan-flow.h"
#include "recover.h"
#include "render-picture.h"
#include "store.h"
#include "text.h"
#include "util.h"

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

/* Run a slash command line (s, starting with '/'). */
int
converse_cmd_run(struct converse *c, char *s)
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
	converse_read_unused(c);
	return CONVERSE_AGAIN;
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
	converse_read_unused(c);
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
		converse_read_unused(c);
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
	converse_read_unused(c);
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
converse_cmd_covered_undo(struct converse *c, const char *arg)
{
	int	i = -1, r;

	if (*arg != '\0' && (i = framework_indicator_find(arg)) == -1) {
		converse_say(c, "Give the indicator's id, as in /covered undo "
		    "td.develop-leaders, or nothing to take back the last one.");
		converse_read_unused(c);
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
converse_cmd_covered_list(struct converse *c, const int *gaps, int n)
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
		return converse_cmd_covered_undo(c, text_trim((char *)arg + 4));
	n = render_picture_open(&c->pic, a, gaps);
	if (*arg == '\0')
		return converse_cmd_covered_list(c, gaps, n);
	k = (int)strtol(arg, &end, 10);
	i = *end == '\0' && k >= 1 && k <= n ? gaps[k - 1] :
	    framework_indicator_find(arg);
	if (i == -1 || !framework_counts(i, a) || picture_settled(&c->pic, a,
	    i)) {
		converse_say(c, "That is not one of the open gaps here: /covered "
		    "lists them by number.");
		converse_read_unused(c);
		return CONVERSE_AGAIN;
	}
	if (answer == 0) {
		converse_say(c, "Answer the question first: /covered marks what "
		    "your last saved answer in this area covers.");
		converse_read_unused(c);
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
		converse_read_unused(c);
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
int
converse_cmd_summary(struct converse *c, const char *arg)
{
	(void)arg;
	converse_heading(c, "Your summary, over every sitting");
	render_picture_summary(c->out, c->p, &c->pic, c->opt->width);
	converse_sayf(c, "Your answers are kept in %s.", c->opt->db_path);
	return CONVERSE_AGAIN;
}

/* The guided plan questions, starting in area with action (or NULL). */
int
converse_cmd_plan_at(struct converse *c, int area, const char *action)
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
		converse_read_unused(c);
		return CONVERSE_AGAIN;
	}
	r = converse_cmd_plan_at(c, c->current, NULL);
	if (r == CONVERSE_AGAIN)
		converse_say(c, "\nBack to where we were: carry on with the "
		    "question above, or /help for commands.");
	return r;
}

/* Split "Name, role" and keep it as the profile. */
int
converse_cmd_me_set(struct converse *c, const char *text)
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
		return converse_cmd_me_set(c, arg);
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

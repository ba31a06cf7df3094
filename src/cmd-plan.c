/*
 * cmd-plan.c: "dhcoach plan": list, add, show, edit, done, reopen, rm
 * and export the action plan, one entry per subcommand.
 *
 * Everything the user gave is checked (ids, dates, texts, areas) before
 * the database is opened, so a mistake changes nothing and, for a
 * database not made yet, does not create one.  Commands that only read
 * (list, show, export) treat a database that does not exist yet as an
 * empty plan.  add and edit ask the SMART questions one at a time when
 * no field is given as an option; a half-written action is kept as a
 * draft.  rm asks first on a terminal; without one it needs --yes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "date-parse.h"
#include "framework.h"
#include "picture.h"
#include "plan-flow.h"
#include "plan-guide.h"
#include "plan.h"
#include "render-plan.h"
#include "repl.h"
#include "store-picture.h"
#include "store-plan.h"
#include "text.h"
#include "util.h"

#define CMD_PLAN_OPEN		0x130
#define CMD_PLAN_DONE		0x131
#define CMD_PLAN_OVERDUE	0x132
#define CMD_PLAN_ACTION		0x133
#define CMD_PLAN_DUE		0x134
#define CMD_PLAN_MEASURE	0x135
#define CMD_PLAN_SUPPORT	0x136

static const struct cmd_option cmd_plan_list_options[] = {
	{ 'a', "area", "ID", "only actions of this skill area" },
	{ CMD_PLAN_OPEN, "open", NULL, "only open actions" },
	{ CMD_PLAN_DONE, "done", NULL, "only actions done" },
	{ CMD_PLAN_OVERDUE, "overdue", NULL, "only open actions past their "
	  "due date" },
	{ 0, NULL, NULL, NULL }
};

static const struct cmd_option cmd_plan_field_options[] = {
	{ CMD_PLAN_ACTION, "action", "TEXT", "what you will do" },
	{ CMD_PLAN_DUE, "due", "DATE", "by when: 31/03/2027, in 3 months, "
	  "end of June" },
	{ 'a', "area", "ID", "the skill area it develops" },
	{ CMD_PLAN_MEASURE, "measure", "TEXT", "how you will know it worked" },
	{ CMD_PLAN_SUPPORT, "support", "TEXT", "who or what will support "
	  "you" },
	{ 0, NULL, NULL, NULL }
};

static const struct cmd_option cmd_plan_rm_options[] = {
	{ 'y', "yes", NULL, "remove without asking (for scripts)" },
	{ 0, NULL, NULL, NULL }
};

static const struct cmd_option cmd_plan_export_options[] = {
	{ 'f', "format", "FMT", "md (the default), csv or json" },
	{ 'o', "output", "FILE", "write to FILE instead of standard output" },
	{ 0, NULL, NULL, NULL }
};

/* Whether any of the field options was given. */
static int
cmd_plan_any_field(const struct cmd_args *args)
{
	return cmd_has(args, CMD_PLAN_ACTION) || cmd_has(args, CMD_PLAN_DUE) ||
	    cmd_has(args, 'a') || cmd_has(args, CMD_PLAN_MEASURE) ||
	    cmd_has(args, CMD_PLAN_SUPPORT);
}

/* Replace a field with a copy of value. */
static void
cmd_plan_set(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* A due date given as an option: no question can be asked back. */
static int
cmd_plan_due(const char *text, const char *today, char **due, struct err *e)
{
	char	 date[DATE_LEN], when[DATE_WORDS_LEN], *why = NULL;

	switch (date_parse_due(text, today, date, &why)) {
	case DATE_PARSE_OK:
		cmd_plan_set(due, date);
		return 0;
	case DATE_PARSE_NEXT_YEAR:
		date_long(date, when, sizeof when);
		return err_set(e, ERR_DATE, "'%s' has passed this year: give "
		    "the year too (%s, say)", text, when);
	default:
		err_set(e, ERR_DATE, "%s", why);
		free(why);
		return -1;
	}
}

/* Put the field options given into *a, checking each. */
static int
cmd_plan_fields(const struct cmd_args *args, struct plan_action *a,
    const char *today, struct err *e)
{
	const char	*v;
	int		 area;

	if ((v = cmd_arg(args, 'a')) != NULL) {
		if (cmd_area(v, 0, &area, e) != 0)
			return -1;
		cmd_plan_set(&a->area, framework_areas[area].id);
	}
	if ((v = cmd_arg(args, CMD_PLAN_DUE)) != NULL &&
	    cmd_plan_due(v, today, &a->due, e) != 0)
		return -1;
	if ((v = cmd_arg(args, CMD_PLAN_ACTION)) != NULL)
		cmd_plan_set(&a->action, v);
	if ((v = cmd_arg(args, CMD_PLAN_MEASURE)) != NULL)
		cmd_plan_set(&a->measure, v);
	if ((v = cmd_arg(args, CMD_PLAN_SUPPORT)) != NULL)
		cmd_plan_set(&a->support, v);
	return plan_check(a, e);
}

/* The action a command names, read into *a: 0, or -1 with *e. */
static int
cmd_plan_get(struct db *db, const struct cmd_args *args,
    struct plan_action *a, struct err *e)
{
	int	rc;

	if (db == NULL || (rc = store_plan_get(db, args->id, a, e)) == 0)
		return err_set(e, ERR_NO_ACTION, "there is no action %lld in "
		    "your plan ('dhcoach plan' lists them)",
		    (long long)args->id);
	return rc == 1 ? 0 : -1;
}

/* A plan row for a renderer. */
static int
cmd_plan_row(void *ctx, const struct plan_action *a, struct err *e)
{
	(void)e;
	render_plan_row(ctx, a);
	return 0;
}

/* plan list [--area ID] [--open|--done|--overdue] */
static int
cmd_plan_list(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct store_plan_filter	 f = { -1, 0, 0, NULL };
	struct render_plan		 r;
	struct db			*db;
	const char			*v;
	char				 today[DATE_LEN];
	int				 rc = 0;

	date_today(today);
	if ((v = cmd_arg(args, 'a')) != NULL && cmd_area(v, 0, &f.area, e) != 0)
		return -1;
	f.open = cmd_has(args, CMD_PLAN_OPEN);
	f.done = cmd_has(args, CMD_PLAN_DONE);
	f.overdue = cmd_has(args, CMD_PLAN_OVERDUE) ? today : NULL;
	if (f.open + f.done + (f.overdue != NULL) > 1)
		return err_set(e, ERR_USAGE, "--open, --done and --overdue do "
		    "not go together: choose one");
	if (cmd_open_db(ctx, DB_READ, &db, e) != 0)
		return -1;
	render_plan_begin(&r, stdout, RENDER_PLAN_LIST, cmd_width(), today);
	if (db != NULL && store_plan_each(db, &f, cmd_plan_row, &r, e) != 0)
		rc = -1;
	render_plan_end(&r);
	db_close(db);
	if (rc != 0)
		return rc;
	if (r.n == 0 && (v != NULL || f.open || f.done || f.overdue != NULL))
		printf("No actions in your plan match that.\n");
	else if (r.n == 0)
		printf("Your plan is empty. Add an action with 'dhcoach plan "
		    "add', or with /plan in a coaching session.\n");
	return cmd_finish(e);
}

/* After an action is added from options: the nudge when it is vague. */
static void
cmd_plan_nudge(struct cmd_ctx *ctx, const char *action)
{
	struct prompts	*p;
	struct err	 e = { 0 };

	if (cmd_prompts(ctx, 0, &p, &e) != 0) {
		err_clear(&e);
		return;
	}
	if (plan_guide_vague(p, action)) {
		fputc('\n', stdout);
		util_wrap(stdout, p->plan.nudge, 0, 0, cmd_width());
		util_wrap(stdout, "'dhcoach plan edit' sharpens it whenever you "
		    "like.", 0, 0, cmd_width());
	}
	prompts_free(p);
}

/* plan add with every field given as an option. */
static int
cmd_plan_add_options(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct plan_action	 a;
	struct db		*db = NULL;
	char			 today[DATE_LEN];
	int64_t			 id;
	int			 rc = -1;

	memset(&a, 0, sizeof a);
	date_today(today);
	if (!cmd_has(args, CMD_PLAN_ACTION) || !cmd_has(args, CMD_PLAN_DUE) ||
	    !cmd_has(args, 'a'))
		return err_set(e, ERR_USAGE, "give --action, --due "
		    "and --area (and --measure and --support if you like), or "
		    "no options to be asked");
	if (cmd_plan_fields(args, &a, today, e) != 0 ||
	    cmd_open_db(ctx, DB_WRITE, &db, e) != 0)
		goto out;
	if ((id = store_plan_find_same(db, &a, e)) > 0)
		printf("Action %lld already says that, so nothing was added.\n",
		    (long long)id);
	else if (id == 0 && (id = store_plan_add(db, &a, e)) != -1) {
		printf("Added action %lld to your plan, due %s.\n",
		    (long long)id, a.due);
		cmd_plan_nudge(ctx, a.action);
	}
	if (id != -1)
		rc = cmd_finish(e);
out:
	plan_action_clear(&a);
	db_close(db);
	return rc;
}

/* The area offered by default: the started area with most still open. */
static int
cmd_plan_default_area(struct db *db)
{
	struct picture	pic;
	struct err	e = { 0 };
	int		a, best = -1, open, most = 0, shown, total;

	picture_init(&pic);
	if (store_picture(db, &pic, &e) != 0)
		err_clear(&e);
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (picture_state(&pic, a) == PICTURE_NOT_STARTED)
			continue;
		shown = picture_shown(&pic, a, &total);
		open = total - shown - picture_covered(&pic, a);
		if (best == -1 || open > most) {
			best = a;
			most = open;
		}
	}
	picture_free(&pic);
	return best;
}

/* plan add with the guided questions: one action, from any draft kept. */
static int
cmd_plan_add_guided(struct cmd_ctx *ctx, struct err *e)
{
	struct plan_flow	 f;
	struct source		 src;
	struct prompts		*p = NULL;
	struct db		*db = NULL;
	int			 rc = -1;

	if (cmd_prompts(ctx, 0, &p, e) != 0 ||
	    cmd_open_db(ctx, DB_WRITE, &db, e) != 0)
		goto out;
	repl_source_init(&src, NULL, 0);
	plan_flow_init(&f, p, db, &src, stdout, cmd_width());
	plan_flow_run(&f, cmd_plan_default_area(db), NULL, 0);
	repl_source_free(&src);
	rc = cmd_finish(e);
out:
	db_close(db);
	prompts_free(p);
	return rc;
}

/* plan edit with the guided questions, over the action as it is. */
static int
cmd_plan_edit_guided(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct plan_guide	 g;
	struct plan_action	 d;
	struct source		 src;
	struct prompts		*p = NULL;
	struct db		*db = NULL;
	int			 rc = -1;

	memset(&d, 0, sizeof d);
	if (cmd_prompts(ctx, 0, &p, e) != 0 ||
	    cmd_open_db(ctx, DB_READ, &db, e) != 0 ||
	    cmd_plan_get(db, args, &d, e) != 0)
		goto out;
	db_close(db);
	if (cmd_open_db(ctx, DB_WRITE, &db, e) != 0)
		goto out;
	repl_source_init(&src, NULL, 0);
	plan_guide_init(&g, p, &src, stdout, cmd_width());
	switch (plan_guide_run(&g, &d, 1)) {
	case PLAN_GUIDE_SAVE:
		if ((rc = store_plan_update(db, &d, e)) == 0)
			rc = err_set(e, ERR_NO_ACTION, "action %lld is no "
			    "longer in your plan", (long long)d.id);
		else if (rc == 1) {
			printf("Saved the changes to action %lld.\n",
			    (long long)d.id);
			rc = 0;
		}
		break;
	default:
		printf("\nNot saved: action %lld is as it was.\n",
		    (long long)d.id);
		rc = 0;
		break;
	}
	repl_source_free(&src);
	if (rc == 0)
		rc = cmd_finish(e);
out:
	plan_action_clear(&d);
	db_close(db);
	prompts_free(p);
	return rc;
}

/* plan add */
static int
cmd_plan_add(struct cmd_ctx *ctx, const struct cmd_args *args, struct err *e)
{
	if (cmd_plan_any_field(args))
		return cmd_plan_add_options(ctx, args, e);
	return cmd_plan_add_guided(ctx, e);
}

/* plan edit N with the options given: only those fields change. */
static int
cmd_plan_edit_options(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct plan_action	 a, check;
	struct db		*db = NULL;
	char			 today[DATE_LEN];
	int			 rc = -1;

	memset(&a, 0, sizeof a);
	memset(&check, 0, sizeof check);
	date_today(today);
	/* Check the options on a stand-in before anything is opened. */
	check.action = xstrdup("-");
	check.due = xstrdup(today);
	check.area = xstrdup(framework_areas[0].id);
	if (cmd_plan_fields(args, &check, today, e) != 0 ||
	    cmd_open_db(ctx, DB_READ, &db, e) != 0 ||
	    cmd_plan_get(db, args, &a, e) != 0)
		goto out;
	db_close(db);
	if (cmd_open_db(ctx, DB_WRITE, &db, e) != 0 ||
	    cmd_plan_fields(args, &a, today, e) != 0)
		goto out;
	if ((rc = store_plan_update(db, &a, e)) == 0)
		rc = err_set(e, ERR_NO_ACTION, "action %lld is no longer in "
		    "your plan", (long long)a.id);
	else if (rc == 1) {
		printf("Changed action %lld.\n", (long long)a.id);
		rc = cmd_finish(e);
	}
out:
	plan_action_clear(&a);
	plan_action_clear(&check);
	db_close(db);
	return rc;
}

/* plan edit N */
static int
cmd_plan_edit(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	if (cmd_plan_any_field(args))
		return cmd_plan_edit_options(ctx, args, e);
	return cmd_plan_edit_guided(ctx, args, e);
}

/* plan show N */
static int
cmd_plan_show(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct plan_action	 a;
	struct db		*db;
	char			 today[DATE_LEN];
	int			 rc;

	memset(&a, 0, sizeof a);
	date_today(today);
	if (cmd_open_db(ctx, DB_READ, &db, e) != 0)
		return -1;
	if ((rc = cmd_plan_get(db, args, &a, e)) == 0) {
		render_plan_show(stdout, &a, today, cmd_width());
		rc = cmd_finish(e);
	}
	plan_action_clear(&a);
	db_close(db);
	return rc;
}

/* plan done N and plan reopen N. */
static int
cmd_plan_mark(struct cmd_ctx *ctx, const struct cmd_args *args, int done,
    struct err *e)
{
	struct db	*db;
	long long	 id = args->id;
	int		 rc;

	if (cmd_open_db(ctx, DB_READ, &db, e) != 0)
		return -1;
	if (db == NULL)
		return err_set(e, ERR_NO_ACTION, "there is no action %lld in "
		    "your plan ('dhcoach plan' lists them)", id);
	db_close(db);
	if (cmd_open_db(ctx, DB_WRITE, &db, e) != 0)
		return -1;
	if ((rc = store_plan_set_done(db, args->id, done, e)) == 0)
		rc = err_set(e, ERR_NO_ACTION, "there is no action %lld in "
		    "your plan ('dhcoach plan' lists them)", id);
	else if (rc > 0) {
		if (rc == 2)
			printf("Action %lld was already %s, so nothing has "
			    "changed.\n", id, done ? "done" : "open");
		else if (done)
			printf("Action %lld is done. Well done!\n", id);
		else
			printf("Action %lld is open again.\n", id);
		rc = cmd_finish(e);
	}
	db_close(db);
	return rc;
}

/* plan done N */
static int
cmd_plan_done(struct cmd_ctx *ctx, const struct cmd_args *args, struct err *e)
{
	return cmd_plan_mark(ctx, args, 1, e);
}

/* plan reopen N */
static int
cmd_plan_reopen(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	return cmd_plan_mark(ctx, args, 0, e);
}

/* Ask on the terminal whether to remove action a: 1 yes, 0 no. */
static int
cmd_plan_confirm(const struct plan_action *a)
{
	struct source	 src;
	char		*line, *short_action;
	int		 yes;

	short_action = util_squeeze(a->action, strlen(a->action), 60);
	printf("Remove action %lld, \"%s\"? This cannot be undone. (y/N)\n",
	    (long long)a->id, short_action);
	free(short_action);
	repl_source_init(&src, NULL, 0);
	line = source_read(&src, "> ");
	yes = line != NULL && text_yesno(line) == TEXT_YES;
	free(line);
	repl_source_free(&src);
	return yes;
}

/* plan rm N: on a terminal after asking; otherwise only with --yes. */
static int
cmd_plan_rm(struct cmd_ctx *ctx, const struct cmd_args *args, struct err *e)
{
	struct plan_action	 a;
	struct db		*db = NULL;
	int			 rc = -1, yes = cmd_has(args, 'y');

	if (!yes && !isatty(STDIN_FILENO))
		return err_set(e, ERR_UNCONFIRMED, "not removing action "
		    "%lld without asking: there is no terminal to ask on, so add "
		    "--yes to remove it", (long long)args->id);
	memset(&a, 0, sizeof a);
	if (cmd_open_db(ctx, DB_WRITE, &db, e) != 0 ||
	    cmd_plan_get(db, args, &a, e) != 0)
		goto out;
	if (!yes && !cmd_plan_confirm(&a)) {
		printf("Kept action %lld.\n", (long long)a.id);
		rc = cmd_finish(e);
		goto out;
	}
	if ((rc = store_plan_remove(db, a.id, e)) == 0)
		rc = err_set(e, ERR_NO_ACTION, "there is no action %lld in your "
		    "plan", (long long)a.id);
	else if (rc == 1) {
		printf("Removed action %lld. The other actions keep their "
		    "numbers.\n", (long long)a.id);
		rc = cmd_finish(e);
	}
out:
	plan_action_clear(&a);
	db_close(db);
	return rc;
}

/* The Markdown export's title and counts. */
static int
cmd_plan_md_heading(struct db *db, FILE *f, const char *today, struct err *e)
{
	char	 when[DATE_WORDS_LEN];
	int64_t	 all = 0, open = 0, overdue = 0;

	if (db != NULL && store_plan_counts(db, today, &all, &open, &overdue,
	    e) != 0)
		return -1;
	date_long(today, when, sizeof when);
	fprintf(f, "# My action plan\n\nExported on %s: %lld action%s, %lld "
	    "open (%lld overdue), %lld done.\n\n", when, (long long)all,
	    all == 1 ? "" : "s", (long long)open, (long long)overdue,
	    (long long)(all - open));
	return 0;
}

/* plan export [--format md|csv|json] [-o FILE] */
static int
cmd_plan_export(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct store_plan_filter	 f = { -1, 0, 0, NULL };
	enum render_plan_format		 fmt = RENDER_PLAN_MD;
	struct render_plan		 r;
	struct cmd_output		 o;
	struct db			*db = NULL;
	const char			*v;
	char				 today[DATE_LEN];
	int				 ok;

	date_today(today);
	if ((v = cmd_arg(args, 'f')) != NULL &&
	    (render_plan_format_parse(v, &fmt) != 0 || fmt == RENDER_PLAN_LIST))
		return err_set(e, ERR_USAGE, "there is no format "
		    "'%s' (md, csv or json)", v);
	if (cmd_open_db(ctx, DB_READ, &db, e) != 0 ||
	    cmd_output_open(&o, cmd_arg(args, 'o'), e) != 0) {
		db_close(db);
		return -1;
	}
	if (fmt == RENDER_PLAN_MD && cmd_plan_md_heading(db, o.f, today,
	    e) != 0) {
		db_close(db);
		cmd_output_close(&o, 0, NULL);
		return -1;
	}
	render_plan_begin(&r, o.f, fmt, 80, today);
	ok = db == NULL || store_plan_each(db, &f, cmd_plan_row, &r, e) == 0;
	render_plan_end(&r);
	db_close(db);
	if (!ok) {
		cmd_output_close(&o, 0, NULL);
		return -1;
	}
	return cmd_output_close(&o, 1, e);
}

static const struct cmd_entry cmd_plan_list_entry = {
	"plan list", "[--area ID] [--open|--done|--overdue]",
	"your action plan, by due date (overdue ones marked)",
	cmd_plan_list_options, 0, 0, 0, cmd_plan_list, NULL
};
static const struct cmd_entry cmd_plan_add_entry = {
	"plan add", "[--action TEXT --due DATE --area ID [--measure TEXT] "
	"[--support TEXT]]",
	"add an action: the SMART questions one at a time, or all as options",
	cmd_plan_field_options, 0, 0, 0, cmd_plan_add, NULL
};
static const struct cmd_entry cmd_plan_show_entry = {
	"plan show", "N", "see one action in full",
	NULL, 0, 0, 1, cmd_plan_show, NULL
};
static const struct cmd_entry cmd_plan_edit_entry = {
	"plan edit", "N [--action TEXT] [--due DATE] [--area ID] "
	"[--measure TEXT] [--support TEXT]",
	"change an action: the questions again, or only the options given",
	cmd_plan_field_options, 0, 0, 1, cmd_plan_edit, NULL
};
static const struct cmd_entry cmd_plan_done_entry = {
	"plan done", "N", "mark an action done",
	NULL, 0, 0, 1, cmd_plan_done, NULL
};
static const struct cmd_entry cmd_plan_reopen_entry = {
	"plan reopen", "N", "open a done action again",
	NULL, 0, 0, 1, cmd_plan_reopen, NULL
};
static const struct cmd_entry cmd_plan_rm_entry = {
	"plan rm", "N [--yes]", "remove an action (asks first; --yes for "
	"scripts)", cmd_plan_rm_options, 0, 0, 1, cmd_plan_rm, NULL
};
static const struct cmd_entry cmd_plan_export_entry = {
	"plan export", "[--format md|csv|json] [-o FILE]",
	"the whole plan as Markdown, CSV or JSON",
	cmd_plan_export_options, 0, 0, 0, cmd_plan_export, NULL
};

/* The subcommands, the first being the default. */
static const struct cmd_entry *const cmd_plan_subs[] = {
	&cmd_plan_list_entry, &cmd_plan_add_entry, &cmd_plan_show_entry,
	&cmd_plan_edit_entry, &cmd_plan_done_entry, &cmd_plan_reopen_entry,
	&cmd_plan_rm_entry, &cmd_plan_export_entry, NULL
};

const struct cmd_entry cmd_plan_entry = {
	"plan", "[list|add|show|edit|done|reopen|rm|export] ...",
	"your action plan: list, add, change and export actions",
	NULL, 0, 0, 0, NULL, cmd_plan_subs
};

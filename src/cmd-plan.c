/*
 * cmd-plan.c: "dhcoach plan": list, add, show, edit, done, reopen, rm and
 * export the action plan.
 *
 * Everything the user gave is checked (ids, dates, texts, areas) before
 * the database is opened, so a mistake changes nothing and, for a
 * database not made yet, does not create one.  Commands that only read
 * (list, show, export) treat a database that does not exist yet as an
 * empty plan.  add and edit ask the SMART questions one at a time when
 * no field is given as an option: through readline on a terminal, as
 * plain lines from a pipe.  rm asks first on a terminal; without one it
 * needs --yes.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd.h"
#include "converse.h"
#include "framework.h"
#include "plan-guide.h"
#include "plan.h"
#include "prompts.h"
#include "repl.h"
#include "store.h"
#include "util.h"

/* The subcommands. */
enum cmd_plan_sub {
	CMD_PLAN_LIST,
	CMD_PLAN_ADD,
	CMD_PLAN_SHOW,
	CMD_PLAN_EDIT,
	CMD_PLAN_DONE,
	CMD_PLAN_REOPEN,
	CMD_PLAN_RM,
	CMD_PLAN_EXPORT
};

/* The options given, as bits, so each subcommand can refuse others'. */
#define CMD_PLAN_O_AREA		0x001
#define CMD_PLAN_O_OPEN		0x002
#define CMD_PLAN_O_DONE		0x004
#define CMD_PLAN_O_OVERDUE	0x008
#define CMD_PLAN_O_ACTION	0x010
#define CMD_PLAN_O_MEASURE	0x020
#define CMD_PLAN_O_DUE		0x040
#define CMD_PLAN_O_SUPPORT	0x080
#define CMD_PLAN_O_YES		0x100
#define CMD_PLAN_O_FORMAT	0x200
#define CMD_PLAN_O_OUTPUT	0x400
#define CMD_PLAN_O_FIELDS	(CMD_PLAN_O_AREA | CMD_PLAN_O_ACTION | \
	CMD_PLAN_O_MEASURE | CMD_PLAN_O_DUE | CMD_PLAN_O_SUPPORT)

static const struct {
	const char		*name;
	enum cmd_plan_sub	 sub;
	int			 takes_id;
	int			 options;	/* the CMD_PLAN_O_* it takes */
} cmd_plan_subs[] = {
	{ "list", CMD_PLAN_LIST, 0, CMD_PLAN_O_AREA | CMD_PLAN_O_OPEN |
	  CMD_PLAN_O_DONE | CMD_PLAN_O_OVERDUE },
	{ "add", CMD_PLAN_ADD, 0, CMD_PLAN_O_FIELDS },
	{ "show", CMD_PLAN_SHOW, 1, 0 },
	{ "edit", CMD_PLAN_EDIT, 1, CMD_PLAN_O_FIELDS },
	{ "done", CMD_PLAN_DONE, 1, 0 },
	{ "reopen", CMD_PLAN_REOPEN, 1, 0 },
	{ "rm", CMD_PLAN_RM, 1, CMD_PLAN_O_YES },
	{ "export", CMD_PLAN_EXPORT, 0, CMD_PLAN_O_FORMAT | CMD_PLAN_O_OUTPUT },
};

/* The export formats. */
enum cmd_plan_format {
	CMD_PLAN_MD,
	CMD_PLAN_CSV,
	CMD_PLAN_JSON
};

/* What the command line asked for. */
struct cmd_plan_args {
	enum cmd_plan_sub	 sub;
	const char		*name;	/* "plan add", for messages */
	int			 given;	/* CMD_PLAN_O_* */
	int64_t			 id;
	char			*area;	/* as given */
	char			*action;
	char			*measure;
	char			*due;	/* as given */
	char			*support;
	char			*output;
	enum cmd_plan_format	 format;
	char			 today[PLAN_DATE_LEN];
};

/* The guided questions read lines as the conversation does. */
static void
cmd_plan_source(struct converse_source *src)
{
	repl_source(src);
}

/* The database path chosen by ctx (a new string). */
static char *
cmd_plan_db_path(struct cmd_ctx *ctx)
{
	if (ctx->db_path != NULL)
		return xstrdup(ctx->db_path);
	return store_default_path();
}

/*
 * Open the database.  With create 0 and no database yet, returns
 * CMD_EXIT_OK with *s NULL: nothing is kept, and nothing is created.
 */
static int
cmd_plan_open(struct cmd_ctx *ctx, int create, struct store **s)
{
	struct stat	 sb;
	char		*path;
	int		 missing;

	*s = NULL;
	path = cmd_plan_db_path(ctx);
	missing = lstat(path, &sb) != 0 && errno == ENOENT;
	free(path);
	if (missing && !create)
		return CMD_EXIT_OK;
	return cmd_open_store(ctx, s);
}

/* Report a store failure of a subcommand; returns the exit status. */
static int
cmd_plan_store_failed(const struct cmd_plan_args *args, struct store *s,
    char *cause)
{
	cmd_warn("%s: %s", args->name, cause);
	free(cause);
	return cmd_store_status(store_last_error(s));
}

/* Report that there is no such action; returns CMD_EXIT_NO_ACTION. */
static int
cmd_plan_no_action(const struct cmd_plan_args *args)
{
	cmd_warn("%s: there is no action %lld in your plan ('dhcoach plan' "
	    "lists them)", args->name, (long long)args->id);
	return CMD_EXIT_NO_ACTION;
}

/* Read action args->id into *a: CMD_EXIT_OK, or the status to leave with. */
static int
cmd_plan_get(const struct cmd_plan_args *args, struct store *s,
    struct plan_action *a)
{
	char	*cause = NULL;
	int	 rc;

	if (s == NULL)
		return cmd_plan_no_action(args);
	if ((rc = store_plan_get(s, args->id, a, &cause)) == -1)
		return cmd_plan_store_failed(args, s, cause);
	if (rc == 0)
		return cmd_plan_no_action(args);
	return CMD_EXIT_OK;
}

/* The exit status for a problem plan_check found. */
static int
cmd_plan_check_status(enum plan_error e)
{
	switch (e) {
	case PLAN_OK:
		return CMD_EXIT_OK;
	case PLAN_ERR_DATE:
		return CMD_EXIT_DATE;
	case PLAN_ERR_AREA:
		return CMD_EXIT_USAGE;
	default:
		return CMD_EXIT_ACTION;
	}
}

/*
 * Turn the field options into *a's fields (only those given): the area
 * read by plan_area_parse, the due date by plan_parse_due.  Returns
 * CMD_EXIT_OK, or the status for the first problem, with a message.
 */
static int
cmd_plan_fields(const struct cmd_plan_args *args, struct plan_action *a)
{
	char	 date[PLAN_DATE_LEN], *cause = NULL;
	int	 i;

	if (args->given & CMD_PLAN_O_AREA) {
		if ((i = plan_area_parse(args->area)) == -1)
			return cmd_usage_error("%s: unknown area '%s': give an "
			    "area id or its number, 1 to %d (see 'dhcoach "
			    "--help')", args->name, args->area,
			    FRAMEWORK_NAREAS);
		free(a->area);
		a->area = xstrdup(framework_areas[i].id);
	}
	if (args->given & CMD_PLAN_O_DUE) {
		if (plan_parse_due(args->due, args->today, date, &cause) != 0) {
			cmd_warn("%s: %s", args->name, cause);
			free(cause);
			return CMD_EXIT_DATE;
		}
		free(a->due);
		a->due = xstrdup(date);
	}
	if (args->given & CMD_PLAN_O_ACTION) {
		free(a->action);
		a->action = xstrdup(args->action);
	}
	if (args->given & CMD_PLAN_O_MEASURE) {
		free(a->measure);
		a->measure = xstrdup(args->measure);
	}
	if (args->given & CMD_PLAN_O_SUPPORT) {
		free(a->support);
		a->support = xstrdup(args->support);
	}
	return CMD_EXIT_OK;
}

/* Check a whole action as the store will; CMD_EXIT_OK or the status, with a message. */
static int
cmd_plan_check(const struct cmd_plan_args *args, const struct plan_action *a)
{
	enum plan_error	 e;
	char		*cause = NULL;

	if ((e = plan_check(a, &cause)) == PLAN_OK)
		return CMD_EXIT_OK;
	cmd_warn("%s: %s", args->name, cause);
	free(cause);
	return cmd_plan_check_status(e);
}

/*
 * The area to offer in the guided questions: the one with the largest
 * evidence gap in the latest session, or -1.
 */
static int
cmd_plan_default_area(struct store *s)
{
	struct store_visit	*v = NULL;
	size_t			 n = 0, i;
	char			*cause = NULL;
	int			 visited[FRAMEWORK_NAREAS] = { 0 };
	int			 shown[FRAMEWORK_NAREAS] = { 0 };
	int			 total[FRAMEWORK_NAREAS] = { 0 };
	int			 j, a;

	if (store_visits(s, &v, &n, &cause) != 0) {
		free(cause);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (v[i].session != v[n - 1].session)
			continue;
		a = v[i].area;
		visited[a] = 1;
		for (j = 0; j < FRAMEWORK_NINDICATORS; j++) {
			if (framework_indicators[j].area != a)
				continue;
			total[a]++;
			shown[a] += v[i].shown[j];
		}
	}
	free(v);
	return plan_default_area(visited, shown, total);
}

/* plan list: the plan by due date, filtered. */
static int
cmd_plan_list(struct cmd_ctx *ctx, const struct cmd_plan_args *args)
{
	struct store_plan_filter	 f;
	struct plan_list		 l = { NULL, 0 };
	struct store			*s = NULL;
	char				*cause = NULL;
	int				 rc, i = -1;

	memset(&f, 0, sizeof f);
	if ((args->given & CMD_PLAN_O_AREA) &&
	    (i = plan_area_parse(args->area)) == -1)
		return cmd_usage_error("%s: unknown area '%s': give an area id "
		    "or its number, 1 to %d (see 'dhcoach --help')", args->name,
		    args->area, FRAMEWORK_NAREAS);
	f.area = i != -1 ? framework_areas[i].id : NULL;
	f.open = (args->given & CMD_PLAN_O_OPEN) != 0;
	f.done = (args->given & CMD_PLAN_O_DONE) != 0;
	f.overdue = (args->given & CMD_PLAN_O_OVERDUE) ? args->today : NULL;
	if ((rc = cmd_plan_open(ctx, 0, &s)) != CMD_EXIT_OK)
		return rc;
	if (s != NULL && store_plan_list(s, &f, &l, &cause) != 0) {
		rc = cmd_plan_store_failed(args, s, cause);
		store_close(s);
		return rc;
	}
	if (l.n > 0)
		plan_render_list(stdout, &l, args->today, cmd_width());
	else if (args->given & (CMD_PLAN_O_AREA | CMD_PLAN_O_OPEN |
	    CMD_PLAN_O_DONE | CMD_PLAN_O_OVERDUE))
		printf("No actions in your plan match that.\n");
	else
		printf("Your plan is empty. Add an action with 'dhcoach plan "
		    "add', or with /plan in a coaching session.\n");
	plan_list_free(&l);
	store_close(s);
	return cmd_finish_output();
}

/* plan add: the guided questions, or every field from the options. */
static int
cmd_plan_add(struct cmd_ctx *ctx, const struct cmd_plan_args *args)
{
	struct converse_source	 src;
	struct plan_guide	 g;
	struct plan_action	 a;
	struct prompts		*p;
	struct store		*s = NULL;
	char			*cause = NULL;
	int64_t			 id;
	int			 rc, nsaved;

	/* From the options: all that is needed, checked before opening. */
	if (args->given & CMD_PLAN_O_FIELDS) {
		memset(&a, 0, sizeof a);
		if (!(args->given & CMD_PLAN_O_ACTION) ||
		    !(args->given & CMD_PLAN_O_DUE) ||
		    !(args->given & CMD_PLAN_O_AREA))
			return cmd_usage_error("%s: give --action, --due and "
			    "--area (and --measure and --support if you like), "
			    "or no options to be asked", args->name);
		if ((rc = cmd_plan_fields(args, &a)) == CMD_EXIT_OK &&
		    (rc = cmd_plan_check(args, &a)) == CMD_EXIT_OK &&
		    (rc = cmd_plan_open(ctx, 1, &s)) == CMD_EXIT_OK) {
			if ((id = store_plan_add(s, &a, &cause)) == -1)
				rc = cmd_plan_store_failed(args, s, cause);
			else
				printf("Added action %lld to your plan, due %s."
				    "\n", (long long)id, a.due);
		}
		plan_action_clear(&a);
		store_close(s);
		return rc == CMD_EXIT_OK ? cmd_finish_output() : rc;
	}

	/* The guided questions. */
	if ((p = cmd_load_prompts(ctx, NULL)) == NULL)
		return CMD_EXIT_PROMPTS;
	if ((rc = cmd_plan_open(ctx, 1, &s)) != CMD_EXIT_OK) {
		prompts_free(p);
		return rc;
	}
	cmd_plan_source(&src);
	plan_guide_init(&g, p, s, &src, stdout, cmd_width(),
	    cmd_plan_default_area(s));
	switch (plan_guide_run(&g, &nsaved, &cause)) {
	case PLAN_GUIDE_ERROR:
		rc = cmd_plan_store_failed(args, s, cause);
		break;
	case PLAN_GUIDE_EOF:
		if (nsaved == 0)
			printf("\nNothing was added to your plan.\n");
		rc = cmd_finish_output();
		break;
	default:
		rc = cmd_finish_output();
		break;
	}
	store_close(s);
	prompts_free(p);
	return rc;
}

/* plan show N */
static int
cmd_plan_show(struct cmd_ctx *ctx, const struct cmd_plan_args *args)
{
	struct plan_action	 a;
	struct store		*s;
	int			 rc;

	memset(&a, 0, sizeof a);
	if ((rc = cmd_plan_open(ctx, 0, &s)) != CMD_EXIT_OK)
		return rc;
	if ((rc = cmd_plan_get(args, s, &a)) == CMD_EXIT_OK) {
		plan_render_show(stdout, &a, args->today, cmd_width());
		rc = cmd_finish_output();
	}
	plan_action_clear(&a);
	store_close(s);
	return rc;
}

/* plan edit N: the options given, or the guided questions again. */
static int
cmd_plan_edit(struct cmd_ctx *ctx, const struct cmd_plan_args *args)
{
	struct converse_source	 src;
	struct plan_guide	 g;
	struct plan_action	 a;
	struct prompts		*p = NULL;
	struct store		*s = NULL;
	char			*cause = NULL;
	int			 rc;

	memset(&a, 0, sizeof a);

	/* Check the options before anything is opened. */
	if (args->given & CMD_PLAN_O_FIELDS) {
		a.action = xstrdup("-");	/* placeholders, for the checks */
		a.due = xstrdup(args->today);
		a.area = xstrdup(framework_areas[0].id);
		rc = cmd_plan_fields(args, &a);
		if (rc == CMD_EXIT_OK)
			rc = cmd_plan_check(args, &a);
		plan_action_clear(&a);
		if (rc != CMD_EXIT_OK)
			return rc;
	} else if ((p = cmd_load_prompts(ctx, NULL)) == NULL)
		return CMD_EXIT_PROMPTS;

	if ((rc = cmd_plan_open(ctx, 0, &s)) != CMD_EXIT_OK ||
	    (rc = cmd_plan_get(args, s, &a)) != CMD_EXIT_OK)
		goto out;
	if (p == NULL) {
		/* The options given, over the action as it is. */
		if ((rc = cmd_plan_fields(args, &a)) != CMD_EXIT_OK ||
		    (rc = cmd_plan_check(args, &a)) != CMD_EXIT_OK)
			goto out;
		if ((rc = store_plan_update(s, &a, &cause)) == -1)
			rc = cmd_plan_store_failed(args, s, cause);
		else if (rc == 0)
			rc = cmd_plan_no_action(args);
		else {
			printf("Changed action %lld.\n", (long long)a.id);
			rc = cmd_finish_output();
		}
		goto out;
	}

	/* The guided questions, with the answers as they are. */
	cmd_plan_source(&src);
	plan_guide_init(&g, p, s, &src, stdout, cmd_width(), -1);
	if (plan_guide_edit(&g, &a, &cause) == PLAN_GUIDE_ERROR)
		rc = cmd_plan_store_failed(args, s, cause);
	else
		rc = cmd_finish_output();
out:
	plan_action_clear(&a);
	store_close(s);
	prompts_free(p);
	return rc;
}

/* plan done N, plan reopen N */
static int
cmd_plan_mark(struct cmd_ctx *ctx, const struct cmd_plan_args *args)
{
	struct store	*s;
	char		*cause = NULL;
	int		 rc, done = args->sub == CMD_PLAN_DONE;

	if ((rc = cmd_plan_open(ctx, 0, &s)) != CMD_EXIT_OK)
		return rc;
	if (s == NULL)
		return cmd_plan_no_action(args);
	rc = store_plan_set_done(s, args->id, done, &cause);
	if (rc == -1)
		rc = cmd_plan_store_failed(args, s, cause);
	else if (rc == 0)
		rc = cmd_plan_no_action(args);
	else {
		if (rc == 2)
			printf("Action %lld was already %s, so nothing has "
			    "changed.\n", (long long)args->id, done ? "done" :
			    "open");
		else if (done)
			printf("Action %lld is done. Well done!\n",
			    (long long)args->id);
		else
			printf("Action %lld is open again.\n",
			    (long long)args->id);
		rc = cmd_finish_output();
	}
	store_close(s);
	return rc;
}

/* Ask on the terminal whether to remove action a: 1 yes, 0 no. */
static int
cmd_plan_confirm(const struct plan_action *a)
{
	struct converse_source	 src;
	char			*line, *short_action;
	int			 yes;

	short_action = util_squeeze(a->action, strlen(a->action), 60);
	printf("Remove action %lld, \"%s\"? This cannot be undone. (y/N)\n",
	    (long long)a->id, short_action);
	free(short_action);
	cmd_plan_source(&src);
	if ((line = src.read(&src, "> ")) == NULL)
		return 0;
	yes = strcmp(line, "y") == 0 || strcmp(line, "Y") == 0 ||
	    strcasecmp(line, "yes") == 0;
	free(line);
	return yes;
}

/* plan rm N: on a terminal after asking; otherwise only with --yes. */
static int
cmd_plan_rm(struct cmd_ctx *ctx, const struct cmd_plan_args *args)
{
	struct plan_action	 a;
	struct store		*s;
	char			*cause = NULL;
	int			 rc, yes = (args->given & CMD_PLAN_O_YES) != 0;

	if (!yes && !isatty(STDIN_FILENO)) {
		cmd_warn("%s: not removing action %lld without asking: there "
		    "is no terminal to ask on, so add --yes to remove it",
		    args->name, (long long)args->id);
		return CMD_EXIT_UNCONFIRMED;
	}
	memset(&a, 0, sizeof a);
	if ((rc = cmd_plan_open(ctx, 0, &s)) != CMD_EXIT_OK ||
	    (rc = cmd_plan_get(args, s, &a)) != CMD_EXIT_OK)
		goto out;
	if (!yes && !cmd_plan_confirm(&a)) {
		printf("Kept action %lld.\n", (long long)a.id);
		rc = cmd_finish_output();
		goto out;
	}
	if ((rc = store_plan_remove(s, args->id, &cause)) == -1)
		rc = cmd_plan_store_failed(args, s, cause);
	else if (rc == 0)
		rc = cmd_plan_no_action(args);
	else {
		printf("Removed action %lld. The other actions keep their "
		    "numbers.\n", (long long)args->id);
		rc = cmd_finish_output();
	}
out:
	plan_action_clear(&a);
	store_close(s);
	return rc;
}

/* Print the Markdown export's heading and counts, then the actions. */
static void
cmd_plan_md(FILE *f, const struct plan_list *l, const char *today)
{
	char	when[64];
	size_t	i;
	int	open = 0, overdue = 0;

	for (i = 0; i < l->n; i++) {
		open += !l->v[i].done;
		overdue += plan_overdue(&l->v[i], today);
	}
	plan_date_long(today, when, sizeof when);
	fprintf(f, "# My action plan\n\nExported on %s: %zu action%s, %d "
	    "open (%d overdue), %zu done.\n\n", when, l->n, l->n == 1 ? "" :
	    "s", open, overdue, l->n - (size_t)open);
	plan_render_md(f, l, today);
}

/* plan export --format md|csv|json [-o FILE] */
static int
cmd_plan_export(struct cmd_ctx *ctx, const struct cmd_plan_args *args)
{
	struct store_plan_filter	 f;
	struct cmd_output		 o;
	struct plan_list		 l = { NULL, 0 };
	struct store			*s = NULL;
	char				*cause = NULL, *json = NULL;
	int				 rc;

	memset(&f, 0, sizeof f);
	if ((rc = cmd_plan_open(ctx, 0, &s)) != CMD_EXIT_OK)
		return rc;
	if (s != NULL && (args->format == CMD_PLAN_JSON ?
	    store_plan_json(s, &json, &cause) :
	    store_plan_list(s, &f, &l, &cause)) != 0) {
		rc = cmd_plan_store_failed(args, s, cause);
		store_close(s);
		return rc;
	}
	store_close(s);
	if ((rc = cmd_output_open(&o, args->name, args->output)) ==
	    CMD_EXIT_OK) {
		switch (args->format) {
		case CMD_PLAN_MD:
			cmd_plan_md(o.f, &l, args->today);
			break;
		case CMD_PLAN_CSV:
			plan_render_csv(o.f, &l);
			break;
		case CMD_PLAN_JSON:
			fprintf(o.f, "%s\n", json != NULL ? json : "[]");
			break;
		}
		rc = cmd_output_close(&o, args->name, 1);
	}
	free(json);
	plan_list_free(&l);
	return rc;
}

/* Read an action number: a whole number from 1. */
static int
cmd_plan_id(const char *s, int64_t *id)
{
	char		*end;
	long long	 n;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (*end != '\0' || errno != 0 || n < 1)
		return -1;
	*id = n;
	return 0;
}

/* Free what the parsed arguments hold. */
static void
cmd_plan_args_free(struct cmd_plan_args *args)
{
	free(args->area);
	free(args->action);
	free(args->measure);
	free(args->due);
	free(args->support);
	free(args->output);
}

/* Keep an option's text, replacing one given before. */
static void
cmd_plan_set(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* The long name of an option bit, for messages. */
static const char *
cmd_plan_option_name(int bit)
{
	switch (bit) {
	case CMD_PLAN_O_AREA:
		return "--area";
	case CMD_PLAN_O_OPEN:
		return "--open";
	case CMD_PLAN_O_DONE:
		return "--done";
	case CMD_PLAN_O_OVERDUE:
		return "--overdue";
	case CMD_PLAN_O_ACTION:
		return "--action";
	case CMD_PLAN_O_MEASURE:
		return "--measure";
	case CMD_PLAN_O_DUE:
		return "--due";
	case CMD_PLAN_O_SUPPORT:
		return "--support";
	case CMD_PLAN_O_YES:
		return "--yes";
	case CMD_PLAN_O_FORMAT:
		return "--format";
	default:
		return "--output";
	}
}

/* dhcoach plan [SUBCOMMAND] [N] [OPTION]... */
int
cmd_plan_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "open", no_argument, NULL, 'O' },
		{ "done", no_argument, NULL, 'd' },
		{ "overdue", no_argument, NULL, 'v' },
		{ "action", required_argument, NULL, 'A' },
		{ "measure", required_argument, NULL, 'm' },
		{ "due", required_argument, NULL, 'u' },
		{ "support", required_argument, NULL, 's' },
		{ "yes", no_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		CMD_COMMON_LONGOPTS
	};
	struct cmd_plan_args	 args;
	const char		*subname = "list";
	char			*name = NULL;
	size_t			 i, nsubs;
	int			 opt, rc = CMD_EXIT_OK, done, bit;
	int			 takes_id = 0, allowed = 0;

	memset(&args, 0, sizeof args);
	args.format = CMD_PLAN_MD;
	optind = 0;	/* glibc: 0 restarts the scan, with permutation */
	while ((opt = getopt_long(argc, argv, "a:yf:o:h", longopts,
	    NULL)) != -1) {
		if ((rc = cmd_common_option(ctx, opt, &done)) != -1) {
			if (done)
				goto out;
			continue;
		}
		switch (opt) {
		case 'a':
			args.given |= CMD_PLAN_O_AREA;
			cmd_plan_set(&args.area, optarg);
			break;
		case 'O':
			args.given |= CMD_PLAN_O_OPEN;
			break;
		case 'd':
			args.given |= CMD_PLAN_O_DONE;
			break;
		case 'v':
			args.given |= CMD_PLAN_O_OVERDUE;
			break;
		case 'A':
			args.given |= CMD_PLAN_O_ACTION;
			cmd_plan_set(&args.action, optarg);
			break;
		case 'm':
			args.given |= CMD_PLAN_O_MEASURE;
			cmd_plan_set(&args.measure, optarg);
			break;
		case 'u':
			args.given |= CMD_PLAN_O_DUE;
			cmd_plan_set(&args.due, optarg);
			break;
		case 's':
			args.given |= CMD_PLAN_O_SUPPORT;
			cmd_plan_set(&args.support, optarg);
			break;
		case 'y':
			args.given |= CMD_PLAN_O_YES;
			break;
		case 'f':
			args.given |= CMD_PLAN_O_FORMAT;
			if (strcmp(optarg, "md") == 0 ||
			    strcmp(optarg, "markdown") == 0)
				args.format = CMD_PLAN_MD;
			else if (strcmp(optarg, "csv") == 0)
				args.format = CMD_PLAN_CSV;
			else if (strcmp(optarg, "json") == 0)
				args.format = CMD_PLAN_JSON;
			else {
				rc = cmd_usage_error("plan export: unknown "
				    "format '%s' (md, csv or json)", optarg);
				goto out;
			}
			break;
		case 'o':
			args.given |= CMD_PLAN_O_OUTPUT;
			cmd_plan_set(&args.output, optarg);
			break;
		}
	}

	/* The subcommand, then its action number. */
	if (optind < argc)
		subname = argv[optind++];
	nsubs = sizeof cmd_plan_subs / sizeof cmd_plan_subs[0];
	for (i = 0; i < nsubs; i++) {
		if (strcmp(cmd_plan_subs[i].name, subname) == 0)
			break;
	}
	if (i == nsubs) {
		rc = cmd_usage_error("plan: unknown subcommand '%s' (list, add, "
		    "show, edit, done, reopen, rm or export)", subname);
		goto out;
	}
	args.sub = cmd_plan_subs[i].sub;
	takes_id = cmd_plan_subs[i].takes_id;
	allowed = cmd_plan_subs[i].options;
	name = xasprintf("plan %s", subname);
	args.name = name;
	if (takes_id) {
		if (optind >= argc) {
			rc = cmd_usage_error("%s: which action? Give its number, "
			    "as in 'dhcoach %s 3'", name, name);
			goto out;
		}
		if (cmd_plan_id(argv[optind], &args.id) != 0) {
			rc = cmd_usage_error("%s: '%s' is not an action number "
			    "('dhcoach plan' lists them)", name, argv[optind]);
			goto out;
		}
		optind++;
	}
	if (optind < argc) {
		rc = cmd_usage_error("%s: unexpected '%s'", name, argv[optind]);
		goto out;
	}
	for (bit = 1; bit <= CMD_PLAN_O_OUTPUT; bit <<= 1) {
		if ((args.given & bit) && !(allowed & bit)) {
			rc = cmd_usage_error("%s does not take %s", name,
			    cmd_plan_option_name(bit));
			goto out;
		}
	}
	if (plan_today(args.today) != 0)
		cmd_warn("DHCOACH_TODAY is not a date (YYYY-MM-DD): using "
		    "today's");

	switch (args.sub) {
	case CMD_PLAN_LIST:
		rc = cmd_plan_list(ctx, &args);
		break;
	case CMD_PLAN_ADD:
		rc = cmd_plan_add(ctx, &args);
		break;
	case CMD_PLAN_SHOW:
		rc = cmd_plan_show(ctx, &args);
		break;
	case CMD_PLAN_EDIT:
		rc = cmd_plan_edit(ctx, &args);
		break;
	case CMD_PLAN_DONE:
	case CMD_PLAN_REOPEN:
		rc = cmd_plan_mark(ctx, &args);
		break;
	case CMD_PLAN_RM:
		rc = cmd_plan_rm(ctx, &args);
		break;
	case CMD_PLAN_EXPORT:
		rc = cmd_plan_export(ctx, &args);
		break;
	}
out:
	cmd_plan_args_free(&args);
	free(name);
	return rc;
}

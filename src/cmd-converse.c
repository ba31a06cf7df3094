/*
 * cmd-converse.c: dhcoach with no command: the coaching conversation.
 *
 * Loads the prompt files, opens (or creates) the database and runs a
 * sitting on standard input: readline on a terminal, plain lines from a
 * pipe.  After a full walk the candidate may ask for the readiness
 * summary, which is printed here, once the conversation is over.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd-readiness.h"
#include "cmd.h"
#include "converse.h"
#include "framework.h"
#include "prompts.h"
#include "recover.h"
#include "repl.h"
#include "util.h"

#define CMD_CONVERSE_NEW	0x110
/* Patterns JIT-compiled per idle slice: about 3 ms of work. */
#define CMD_CONVERSE_JIT_SLICE	25

static const struct cmd_option cmd_converse_options[] = {
	{ 'a', "area", "ID", "start the conversation at this skill area" },
	{ CMD_CONVERSE_NEW, "new", NULL, "start afresh from the first area, "
	  "without carrying on from last time" },
	{ 'V', "version", NULL, "show the version and exit" },
	{ 0, NULL, NULL, NULL }
};

/* The words Tab completes: slash commands, and area ids after /goto. */
struct cmd_converse_words {
	const char		*commands[32];
	const char		*area_commands[8];
	const char		*areas[FRAMEWORK_NAREAS + 1];
	char			*names[32];
	struct repl_words	 words;
};

/* Build the completion words from the slash-command table. */
static void
cmd_converse_words(struct cmd_converse_words *w)
{
	const struct converse_command	*c;
	int				 n = 0, na = 0, i;

	memset(w, 0, sizeof *w);
	for (c = converse_commands; c->name != NULL && n < 31; c++) {
		w->names[n] = xasprintf("/%s", c->name);
		w->commands[n] = w->names[n];
		if (c->arg == CONVERSE_ARG_AREA && na < 7)
			w->area_commands[na++] = w->names[n];
		n++;
	}
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		w->areas[i] = framework_areas[i].id;
	w->words.commands = w->commands;
	w->words.area_commands = w->area_commands;
	w->words.areas = w->areas;
}

/* Free the completion words. */
static void
cmd_converse_words_free(struct cmd_converse_words *w)
{
	int	i;

	for (i = 0; i < 32; i++)
		free(w->names[i]);
}

/*
 * While the candidate reads and types, JIT-compile the patterns a slice
 * at a time, so that replies to their answers come faster.
 */
static int
cmd_converse_idle(void *arg)
{
	return prompts_jit_some(arg, CMD_CONVERSE_JIT_SLICE);
}

/* Run a sitting with the options given. */
static int
cmd_converse_run(struct cmd_ctx *ctx, struct prompts *p, int start,
    int fresh, struct err *e)
{
	struct cmd_converse_words	 w;
	struct converse_options		 opt;
	struct converse_outcome		 res;
	struct source			 src;
	struct db			*db = NULL;
	char				*path = NULL, *dir;
	int				 rc = -1;

	if ((path = cmd_db_path(ctx, e)) == NULL ||
	    db_open(path, DB_WRITE, &db, e) != 0) {
		free(path);
		return -1;
	}
	dir = recover_dir();
	memset(&opt, 0, sizeof opt);
	opt.start = start;
	opt.fresh = fresh;
	opt.db_path = path;
	opt.recover_dir = dir;
	opt.width = cmd_width();
	opt.colour = cmd_colour();
	cmd_converse_words(&w);
	repl_source_init(&src, &w.words, 1);
	src.idle = cmd_converse_idle;
	src.idle_arg = p;
	rc = converse_run(p, db, &src, stdout, &opt, &res, e);
	repl_source_free(&src);
	cmd_converse_words_free(&w);
	if (rc == 0 && res.show_readiness)
		rc = cmd_readiness_print(p, db, e);
	if (rc == 0)
		rc = cmd_finish(e);
	else if (e->status != ERR_UNSAVED && e->status != ERR_LINES &&
	    e->msg != NULL) {
		char	*why = e->msg;

		e->msg = NULL;
		err_set(e, e->status, "%s; everything you entered before this "
		    "is saved", why);
		free(why);
	}
	db_close(db);
	free(dir);
	free(path);
	return rc;
}

/* dhcoach [--area ID] [--new] */
static int
cmd_converse_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct prompts	*p;
	const char	*area;
	int		 start = -1, rc;

	if (cmd_has(args, 'V')) {
		cmd_version(stdout);
		return cmd_finish(e);
	}
	if ((area = cmd_arg(args, 'a')) != NULL &&
	    cmd_area(area, 0, &start, e) != 0)
		return -1;
	if (start != -1 && cmd_has(args, CMD_CONVERSE_NEW))
		return err_set(e, ERR_USAGE, "--area and --new do not go "
		    "together: --new starts at the first area");
	if (cmd_prompts(ctx, 0, &p, e) != 0)
		return -1;
	rc = cmd_converse_run(ctx, p, start, cmd_has(args, CMD_CONVERSE_NEW),
	    e);
	prompts_free(p);
	return rc;
}

const struct cmd_entry cmd_converse_entry = {
	"", "[--area ID] [--new]",
	"a coaching conversation that walks the ten skill areas",
	cmd_converse_options, 0, 0, 0, cmd_converse_exec, NULL
};

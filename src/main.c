/*
 * main.c: dhcoach's entry point: the one table of commands, --help and
 * --version, and leaving with the status of whatever failed.
 *
 * The options every command takes (--db, --prompts, --help) may come
 * before the command name too.  main leaves through one place, so that
 * stdout is always flushed and checked, and an error is printed once,
 * with the --help hint after a usage mistake.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "converse.h"
#include "err.h"
#include "framework.h"
#include "util.h"

/* Every command, in the order --help lists them. */
static const struct cmd_entry *const main_commands[] = {
	&cmd_analyse_entry,
	&cmd_history_entry,
	&cmd_plan_entry,
	&cmd_progress_entry,
	&cmd_report_entry,
	&cmd_questionnaire_entry,
	&cmd_readiness_entry,
	&cmd_check_entry,
	&cmd_check_prompts_entry,
	&cmd_help_entry,
	NULL
};

/* The commands of --help, with a command's subcommands each on a row. */
static void
main_usage_commands(FILE *f, int width)
{
	const struct cmd_entry	*e, *s;
	int			 i, j;

	for (i = 0; (e = main_commands[i]) != NULL; i++) {
		if (e->subs == NULL) {
			util_help_row(f, e->name, e->usage, e->summary, width);
			continue;
		}
		for (j = 0; (s = e->subs[j]) != NULL; j++)
			util_help_row(f, s->name, s->usage, s->summary, width);
	}
}

/* The whole --help text. */
static void
main_usage(FILE *f, int width)
{
	const struct converse_command	*c;
	const struct err_entry		*x;
	char				*name;
	int				 i;

	fprintf(f, "Usage: %s [OPTION]... [--area ID] [--new]\n"
	    "  or:  %s [OPTION]... COMMAND [ARG]...\n", PROGNAME, PROGNAME);
	util_wrap(f, "Reflect on your digital leadership against the Digital "
	    "Health Leadership Programme's skills framework, and see where "
	    "your evidence is strong or thin. With no command, start a "
	    "coaching conversation that walks the ten skill areas, carrying "
	    "on where you stopped last time.", 0, 0, width);
	fprintf(f, "\nCommands:\n");
	main_usage_commands(f, width);
	fprintf(f, "\nInside the conversation:\n");
	for (c = converse_commands; c->name != NULL; c++) {
		name = xasprintf("/%s", c->name);
		util_help_row(f, name, c->args, c->summary, width);
		free(name);
	}
	fprintf(f, "\nOptions (before or after the command):\n");
	util_help_row(f, "--area", "ID", "start the conversation at this "
	    "skill area (id, number 1-10 or the start of an id)", width);
	util_help_row(f, "--new", "", "start the conversation afresh from "
	    "the first area", width);
	util_help_row(f, "--db", "FILE", "keep answers in FILE", width);
	util_help_row(f, "--prompts", "DIR", "read the prompt files from DIR",
	    width);
	util_help_row(f, "-h, --help", "", "show this help and exit", width);
	util_help_row(f, "-V, --version", "", "show the version and exit",
	    width);
	fprintf(f, "\nSkill areas (IDs):\n");
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		fprintf(f, "  %2d %s\n", i + 1, framework_areas[i].id);
	util_wrap(f, "\nEnvironment: DHCOACH_DB names the database, "
	    "DHCOACH_PROMPTS the prompt folder; DHCOACH_TODAY=YYYY-MM-DD fixes "
	    "today's date (for tests); PAGER pages the history.", 0, 0, width);
	fprintf(f, "\nExit status:\n");
	for (x = err_table; x->meaning != NULL; x++)
		fprintf(f, "  %2d  %s\n", x->status, x->meaning);
	fprintf(f, "\nSee dhcoach(1) and dhcoach-prompts(5) for more.\n");
}

/* The index of the command's name in argv (1 when none), skipping options. */
static int
main_command_at(int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-')
			return i;
		if ((strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--prompts") == 0 ||
		    strcmp(argv[i], "--area") == 0 ||
		    strcmp(argv[i], "-a") == 0) && i + 1 < argc)
			i++;
		if (strcmp(argv[i], "--") == 0)
			return i + 1 < argc ? i + 1 : argc;
	}
	return argc;
}

/* Run the command named at argv[at], the options before it moved after it. */
static int
main_run(struct cmd_ctx *ctx, int argc, char **argv, int at, struct err *e)
{
	const struct cmd_entry	*c;
	const char		*near;
	char			**v;
	int			 i, n = 0, rc;

	if ((c = cmd_find(main_commands, argv[at], &near)) == NULL) {
		if (near != NULL)
			err_set(e, ERR_USAGE, "there is no command '%s'; did you "
			    "mean '%s'?", argv[at], near);
		else
			err_set(e, ERR_USAGE, "there is no command '%s'",
			    argv[at]);
		return ERR_USAGE;
	}
	v = xreallocarray(NULL, (size_t)argc + 1, sizeof *v);
	/* The command, its own words, then the options that came before it. */
	for (i = at; i < argc; i++)
		v[n++] = argv[i];
	for (i = 1; i < at; i++)
		v[n++] = argv[i];
	v[n] = NULL;
	rc = cmd_dispatch(c, ctx, n, v, e);
	free(v);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cmd_ctx	ctx = { 0 };
	struct err	e = { 0 };
	int		rc, at;

	setlocale(LC_ALL, "");
	ctx.table = main_commands;
	ctx.usage = main_usage;
	at = main_command_at(argc, argv);
	if (at == argc)
		rc = cmd_dispatch(&cmd_converse_entry, &ctx, argc, argv, &e);
	else
		rc = main_run(&ctx, argc, argv, at, &e);
	if (rc != 0) {
		fflush(stdout);
		err_print(stderr, &e);
		if (rc == ERR_USAGE)
			fprintf(stderr, "Try '%s --help' for more "
			    "information.\n", PROGNAME);
	}
	err_clear(&e);
	cmd_ctx_free(&ctx);
	return rc;
}

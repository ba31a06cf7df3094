/*
 * cmd.c: the command table, --help, and what all commands share.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "framework.h"
#include "prompts.h"
#include "util.h"

#define CMD_MIN_WIDTH	40
#define CMD_MAX_WIDTH	100

const struct cmd_entry cmd_table[] = {
	{ "analyse", "[--area ID|all] [--format text|tsv|json] [FILE|-]",
	  "show the evidence and the gaps in a written answer",
	  cmd_analyse_exec },
	{ "history", "[--area ID] [--search TEXT] [--format text|json]",
	  "list your past answers, newest session first",
	  cmd_history_exec },
	{ "check-prompts", "[DIR]",
	  "check the prompt files: every pattern and sample",
	  cmd_check_prompts_exec },
	{ NULL, NULL, NULL, NULL }
};

/* Find a command by name. */
const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry	*e;

	for (e = cmd_table; e->name != NULL; e++) {
		if (strcmp(e->name, name) == 0)
			return e;
	}
	return NULL;
}

/* Print the --help text. */
void
cmd_usage(FILE *f)
{
	const struct cmd_entry	*e;
	int			 i;

	fprintf(f,
	    "Usage: %s [OPTION]... [--area ID]\n"
	    "  or:  %s [OPTION]... COMMAND [ARG]...\n"
	    "Reflect on your digital leadership against the Digital Health "
	    "Leadership\nProgramme's skills framework, and see where your "
	    "evidence is strong or thin.\n\n"
	    "With no command, start a coaching conversation that walks the ten "
	    "skill areas\n(--area ID: begin at one); type /help inside it for "
	    "its commands.\n\nCommands:\n", PROGNAME, PROGNAME);
	for (e = cmd_table; e->name != NULL; e++) {
		fprintf(f, "  %s %s\n", e->name, e->args);
		fprintf(f, "      %s\n", e->summary);
	}
	fprintf(f,
	    "\nOptions (before or after the command):\n"
	    "      --area ID       start the conversation at this skill area\n"
	    "      --db FILE       keep answers in FILE\n"
	    "      --prompts DIR   read the prompt files from DIR\n"
	    "  -h, --help          show this help and exit\n"
	    "  -V, --version       show the version and exit\n"
	    "\nSkill areas (IDs):\n");
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		fprintf(f, "%s%-26s%s", i % 2 == 0 ? "  " : "",
		    framework_areas[i].id, i % 2 == 1 ? "\n" : "");
	fprintf(f,
	    "\nEnvironment: DHCOACH_DB names the database, DHCOACH_PROMPTS the "
	    "prompt folder.\n"
	    "\nExit status: 0 success; 1 output could not be written; 2 bad "
	    "usage;\n3 prompt files missing or invalid; 4 input unreadable, "
	    "empty or too long;\n5 database cannot be opened or written; 6 "
	    "database made by a newer dhcoach;\n7 database damaged; 8 database "
	    "read-only; 9 database locked by another process.\n"
	    "\nSee dhcoach(1) and dhcoach-prompts(5) for more.\n");
}

/* Print a message to stderr. */
static void __attribute__((format(printf, 1, 0)))
cmd_vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", PROGNAME);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* Print "dhcoach: message". */
void
cmd_warn(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cmd_vwarn(fmt, ap);
	va_end(ap);
}

/* Report a usage error with the --help hint. */
int
cmd_usage_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cmd_vwarn(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", PROGNAME);
	return CMD_EXIT_USAGE;
}

/* Handle the options every command takes. */
int
cmd_common_option(struct cmd_ctx *ctx, int opt, int *done)
{
	*done = 0;
	switch (opt) {
	case 'P':
		free(ctx->prompts_dir);
		ctx->prompts_dir = xstrdup(optarg);
		return CMD_EXIT_OK;
	case 'D':
		free(ctx->db_path);
		ctx->db_path = xstrdup(optarg);
		return CMD_EXIT_OK;
	case 'h':
		cmd_usage(stdout);
		*done = 1;
		return cmd_finish_output();
	case '?':
		*done = 1;
		fprintf(stderr, "Try '%s --help' for more information.\n",
		    PROGNAME);
		return CMD_EXIT_USAGE;
	}
	return -1;
}

/* The width to wrap text at. */
int
cmd_width(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		if (ws.ws_col < CMD_MIN_WIDTH)
			return CMD_MIN_WIDTH;
		return ws.ws_col > CMD_MAX_WIDTH ? CMD_MAX_WIDTH : ws.ws_col;
	}
	return 80;
}

/* Flush stdout and report a failed write. */
int
cmd_finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_warn("cannot write the output: %s", strerror(errno));
		return CMD_EXIT_FAILURE;
	}
	return CMD_EXIT_OK;
}

/* Free the context's strings. */
void
cmd_ctx_free(struct cmd_ctx *ctx)
{
	free(ctx->prompts_dir);
	free(ctx->db_path);
	ctx->prompts_dir = NULL;
	ctx->db_path = NULL;
}

/* Load the prompts, printing every problem on failure. */
struct prompts *
cmd_load_prompts(struct cmd_ctx *ctx, const char *dir)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	char			*path;
	size_t			 i;

	path = dir != NULL ? xstrdup(dir) : prompts_find_dir(ctx->prompts_dir);
	if ((p = prompts_load(path, &probs, 0)) == NULL) {
		fflush(stdout);
		for (i = 0; i < probs.n; i++)
			fprintf(stderr, "%s\n", probs.msgs[i]);
		cmd_warn("the prompt files in %s could not be loaded", path);
	}
	prompts_problems_free(&probs);
	free(path);
	return p;
}

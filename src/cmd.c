/*
 * cmd.c: the command table, --help, and what all commands share.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "converse.h"
#include "framework.h"
#include "prompts.h"
#include "util.h"

#define CMD_MIN_WIDTH	40
#define CMD_MAX_WIDTH	100

/*
 * A command with several forms (plan) has an entry per form, each with
 * the same exec, so that --help shows each on its own line; cmd_find
 * returns the first.
 */
const struct cmd_entry cmd_table[] = {
	{ "analyse", "[--area ID|all] [--format text|tsv|json] [FILE|-]",
	  "show the evidence and the gaps in a written answer",
	  cmd_analyse_exec },
	{ "history", "[--area ID] [--search TEXT] [--format text|json]",
	  "list your past answers, newest session first",
	  cmd_history_exec },
	{ "plan", "[list] [--area ID] [--open|--done|--overdue]",
	  "your action plan, by due date (overdue ones marked)",
	  cmd_plan_exec },
	{ "plan", "add [--action TEXT --due DATE --area ID [--measure TEXT] "
	  "[--support TEXT]]",
	  "add an action: the SMART questions one at a time, or all as "
	  "options",
	  cmd_plan_exec },
	{ "plan", "show N | done N | reopen N",
	  "see one action in full; mark it done, or open again",
	  cmd_plan_exec },
	{ "plan", "edit N [--action TEXT] [--due DATE] [--area ID] "
	  "[--measure TEXT] [--support TEXT]",
	  "change an action: the questions again, or only the options given",
	  cmd_plan_exec },
	{ "plan", "rm N [--yes]",
	  "remove an action (asks first; --yes for scripts)",
	  cmd_plan_exec },
	{ "plan", "export [--format md|csv|json] [-o FILE]",
	  "the whole plan as Markdown, CSV or JSON",
	  cmd_plan_exec },
	{ "progress", "[--area ID]",
	  "how your ratings and evidence have moved from session to session",
	  cmd_progress_exec },
	{ "report", "[--format md|json] [-o FILE]",
	  "the document for your mentor: evidence, gaps and your plan",
	  cmd_report_exec },
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
	const struct cmd_entry		*e;
	const struct converse_command	*c;
	char				*name;
	int				 i;

	fprintf(f,
	    "Usage: %s [OPTION]... [--area ID]\n"
	    "  or:  %s [OPTION]... COMMAND [ARG]...\n"
	    "Reflect on your digital leadership against the Digital Health "
	    "Leadership\nProgramme's skills framework, and see where your "
	    "evidence is strong or thin.\n\n"
	    "With no command, start a coaching conversation that walks the ten "
	    "skill areas\n(--area ID: begin at one).\n\nCommands:\n", PROGNAME, PROGNAME);
	for (e = cmd_table; e->name != NULL; e++) {
		fprintf(f, "  %s %s\n", e->name, e->args);
		fprintf(f, "      %s\n", e->summary);
	}
	fprintf(f, "\nInside the conversation:\n");
	for (c = converse_commands; c->name != NULL; c++) {
		name = xasprintf("/%s%s%s", c->name, *c->args ? " " : "",
		    c->args);
		fprintf(f, "  %-12s %s\n", name, c->summary);
		free(name);
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
	    "prompt folder;\nDHCOACH_TODAY=YYYY-MM-DD fixes today's date "
	    "(for tests).\n"
	    "\nExit status: 0 success; 1 output could not be written; 2 bad "
	    "usage or\nunknown area; 3 prompt files missing or invalid; 4 "
	    "input unreadable, empty\nor too long; 5 database cannot be opened "
	    "or written; 6 database made by a\nnewer dhcoach; 7 database "
	    "damaged; 8 database read-only; 9 database locked\nby another "
	    "process; 10 no action with that number; 11 a due date that\n"
	    "cannot be read; 12 an empty action; 13 plan rm not confirmed.\n"
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

/* Open a command's output; see cmd.h. */
int
cmd_output_open(struct cmd_output *o, const char *what, const char *path)
{
	struct stat	 sb;
	char		*dir, *slash;
	int		 fd;

	memset(o, 0, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return CMD_EXIT_OK;
	}
	if (*path == '\0') {
		cmd_warn("%s: -o needs a file name", what);
		return CMD_EXIT_FAILURE;
	}
	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode)) {
			cmd_warn("%s: %s is a symbolic link, and dhcoach does "
			    "not write through or over links: give another "
			    "file", what, path);
			return CMD_EXIT_FAILURE;
		}
		if (!S_ISREG(sb.st_mode)) {
			cmd_warn("%s: %s is not a regular file: give another "
			    "file", what, path);
			return CMD_EXIT_FAILURE;
		}
	} else if (errno != ENOENT) {
		cmd_warn("%s: cannot write %s: %s", what, path,
		    strerror(errno));
		return CMD_EXIT_FAILURE;
	}

	/* A new file beside it: mkostemp opens O_CREAT|O_EXCL, mode 0600. */
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL) {
		slash[1] = '\0';
		o->tmp = xasprintf("%s.%s.XXXXXX", dir, strrchr(path, '/') + 1);
	} else
		o->tmp = xasprintf(".%s.XXXXXX", path);
	free(dir);
	if ((fd = mkostemp(o->tmp, O_CLOEXEC)) == -1) {
		cmd_warn("%s: cannot write %s: %s", what, path,
		    strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return CMD_EXIT_FAILURE;
	}
	if ((o->f = fdopen(fd, "w")) == NULL)
		fatal("fdopen");
	o->path = xstrdup(path);
	return CMD_EXIT_OK;
}

/* Finish a command's output; see cmd.h. */
int
cmd_output_close(struct cmd_output *o, const char *what, int ok)
{
	int	rc = CMD_EXIT_OK, saved;

	if (o->f == NULL)
		return CMD_EXIT_OK;
	if (o->path == NULL) {
		o->f = NULL;
		return ok ? cmd_finish_output() : CMD_EXIT_FAILURE;
	}
	if (ok && (fflush(o->f) != 0 || ferror(o->f) ||
	    fsync(fileno(o->f)) != 0)) {
		saved = errno;
		cmd_warn("%s: cannot write %s: %s", what, o->path,
		    strerror(saved));
		ok = 0;
		rc = CMD_EXIT_FAILURE;
	}
	if (fclose(o->f) != 0 && ok) {
		cmd_warn("%s: cannot write %s: %s", what, o->path,
		    strerror(errno));
		ok = 0;
		rc = CMD_EXIT_FAILURE;
	}
	if (ok && rename(o->tmp, o->path) != 0) {
		cmd_warn("%s: cannot write %s: %s", what, o->path,
		    strerror(errno));
		ok = 0;
		rc = CMD_EXIT_FAILURE;
	}
	if (!ok) {
		unlink(o->tmp);
		if (rc == CMD_EXIT_OK)
			rc = CMD_EXIT_FAILURE;
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	return rc;
}

/*
 * cmd.h: the table of subcommands, the options every command accepts, and
 * the program's exit statuses.
 *
 * One table (cmd_table) drives dispatch, --help and the man page test.
 * Options common to all commands (--prompts, and --help on each command)
 * are accepted before or after the command name.
 *
 * Ownership: struct cmd_ctx owns its strings (cmd_ctx_free).
 */
#ifndef DHCOACH_CMD_H
#define DHCOACH_CMD_H

#include <getopt.h>
#include <stdio.h>

struct prompts;
struct store;


/* Exit statuses, documented in dhcoach(1) EXIT STATUS. */
enum cmd_exit {
	CMD_EXIT_OK = 0,	/* success */
	CMD_EXIT_FAILURE = 1,	/* output could not be written */
	CMD_EXIT_USAGE = 2,	/* bad option, argument or area id */
	CMD_EXIT_PROMPTS = 3,	/* prompt files missing or invalid */
	CMD_EXIT_INPUT = 4,	/* input unreadable, empty or too long */
	CMD_EXIT_DB = 5,	/* database cannot be opened, created or written */
	CMD_EXIT_DB_NEWER = 6,	/* database made by a newer dhcoach */
	CMD_EXIT_DB_DAMAGED = 7,	/* database damaged or not dhcoach's */
	CMD_EXIT_DB_READONLY = 8,	/* database read-only */
	CMD_EXIT_DB_LOCKED = 9,	/* database locked by another process */
	CMD_EXIT_NO_ACTION = 10,	/* no action with that id in the plan */
	CMD_EXIT_DATE = 11,	/* a due date that cannot be read */
	CMD_EXIT_ACTION = 12,	/* an action empty, too long or not text */
	CMD_EXIT_UNCONFIRMED = 13,	/* plan rm without a terminal or --yes */
	CMD_EXIT_INTERNAL = 70	/* out of memory or an impossible state */
};

/* What the options before and after the command name set. */
struct cmd_ctx {
	char	*prompts_dir;	/* --prompts, or NULL */
	char	*db_path;	/* --db, or NULL */
};

struct cmd_entry {
	const char	*name;
	const char	*args;		/* its synopsis after the name */
	const char	*summary;	/* one line for --help */
	int		(*exec)(struct cmd_ctx *, int, char **);
};

extern const struct cmd_entry cmd_table[];

/* The entry named name, or NULL. */
const struct cmd_entry *cmd_find(const char *name);

/* Print the full --help text to f. */
void cmd_usage(FILE *f);
/* Print "dhcoach: message" and the --help hint to stderr; returns CMD_EXIT_USAGE. */
int cmd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "dhcoach: message" to stderr. */
void cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Long options every command accepts; end a command's own table with them. */
#define CMD_COMMON_LONGOPTS \
	{ "prompts", required_argument, NULL, 'P' }, \
	{ "db", required_argument, NULL, 'D' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ NULL, 0, NULL, 0 }

/*
 * Handle a common option returned by getopt_long.  Returns -1 when it is
 * not one, else the exit status to leave with (or CMD_EXIT_OK with *done 0
 * to carry on).
 */
int cmd_common_option(struct cmd_ctx *, int opt, int *done);

/* Width for wrapped text: the terminal's when stdout is one, else 80. */
int cmd_width(void);

/* Flush and check stdout: CMD_EXIT_OK, or CMD_EXIT_FAILURE with a message. */
int cmd_finish_output(void);

/*
 * Load the prompt folder chosen by ctx (see prompts_find_dir), or dir when
 * not NULL.  On failure prints every problem and returns NULL.
 */
struct prompts *cmd_load_prompts(struct cmd_ctx *, const char *dir);

/*
 * Open the database chosen by ctx (--db, else store_default_path).  On
 * failure prints the one-line cause and returns the exit status to leave
 * with; on success returns CMD_EXIT_OK with *out set.
 */
int cmd_open_store(struct cmd_ctx *, struct store **out);
/* The exit status for a database failure (an enum store_error). */
int cmd_store_status(int);

/*
 * Where a command writes its document: standard output, or the file of
 * -o.  A file is written as a new temporary file beside it, created 0600
 * with O_CREAT|O_EXCL|O_NOFOLLOW (mkostemp), then renamed over the path
 * by cmd_output_close: so a symbolic link is never followed or replaced
 * (one at the path is refused), an existing regular file is replaced
 * whole or not at all, and nothing else at the path is touched.
 */
struct cmd_output {
	FILE	*f;
	char	*path;	/* NULL: standard output */
	char	*tmp;
};

/*
 * Open the output for path (NULL or "-": standard output).  Returns
 * CMD_EXIT_OK, or CMD_EXIT_FAILURE with a message printed.
 */
int cmd_output_open(struct cmd_output *, const char *what, const char *path);
/*
 * Finish the output: with ok, flush, sync and rename it into place;
 * without, remove the temporary file.  Returns CMD_EXIT_OK, or
 * CMD_EXIT_FAILURE with a message printed.
 */
int cmd_output_close(struct cmd_output *, const char *what, int ok);

void cmd_ctx_free(struct cmd_ctx *);

/* The commands (cmd-analyse.c, cmd-history.c, cmd-plan.c, cmd-report.c). */
int cmd_analyse_exec(struct cmd_ctx *, int, char **);
int cmd_check_prompts_exec(struct cmd_ctx *, int, char **);
int cmd_history_exec(struct cmd_ctx *, int, char **);
int cmd_plan_exec(struct cmd_ctx *, int, char **);
int cmd_progress_exec(struct cmd_ctx *, int, char **);
int cmd_report_exec(struct cmd_ctx *, int, char **);

#endif

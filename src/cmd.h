/*
 * cmd.h: what every command shares: the command entry and its one
 * generic option parser, the help printer, and opening the database,
 * the prompt files and the output.
 *
 * Each cmd-*.c exports one struct cmd_entry (as tmux's cmd-*.c do): its
 * name, usage, summary, option spec and exec.  A command with
 * subcommands (plan) lists them as entries of their own.  main.c holds
 * the one table of entries; cmd_dispatch parses a command line against
 * it (the options every command takes, --db, --prompts and --help,
 * before or after the command name), and the same rows print --help,
 * "dhcoach help COMMAND" and the nearest command for a mistyped one.
 *
 * The database path is worked out here, once (cmd_db_path), and the
 * database is opened here for every command (cmd_open_db).
 *
 * Ownership: struct cmd_ctx owns its strings (cmd_ctx_free); struct
 * cmd_args points into argv.
 */
#ifndef DHCOACH_CMD_H
#define DHCOACH_CMD_H

#include <stdint.h>
#include <stdio.h>

#include "db-open.h"
#include "db.h"
#include "err.h"
#include "prompts.h"

/* Keys of the options every command takes (long only). */
#define CMD_OPT_DB	0x101
#define CMD_OPT_PROMPTS	0x102
#define CMD_OPT_HELP	'h'

/* The most options one command has, common ones included. */
#define CMD_MAX_OPTIONS	16

/*
 * An option of a command: its key (a short letter, or a number above
 * 0xff for a long-only one), long name, argument name (NULL: it takes
 * none) and help.  A spec ends with a zero key.
 */
struct cmd_option {
	int		 key;
	const char	*name;
	const char	*arg;
	const char	*help;
};

/* What the command line gave a command. */
struct cmd_args {
	const struct cmd_entry	*entry;
	const char		*value[CMD_MAX_OPTIONS];	/* by spec index */
	int			 given[CMD_MAX_OPTIONS];
	char			**argv;		/* the operands */
	int			 argc;
	int64_t			 id;		/* with takes_id: the action number */
};

/* What the options every command takes set, and the table of commands. */
struct cmd_ctx {
	char				*prompts_dir;	/* --prompts, or NULL */
	char				*db_path;	/* --db, or NULL */
	const struct cmd_entry *const	*table;		/* main's, for help */
	/* The whole --help text (main's), for --help and "dhcoach help". */
	void				(*usage)(FILE *, int width);
};

struct cmd_entry {
	const char			*name;
	const char			*usage;		/* after the name */
	const char			*summary;	/* one line */
	const struct cmd_option		*options;	/* NULL: none */
	int				 min_args;	/* operands */
	int				 max_args;	/* -1: any number */
	int				 takes_id;	/* an action number first */
	int				(*exec)(struct cmd_ctx *,
					    const struct cmd_args *, struct err *);
	const struct cmd_entry *const	*subs;	/* NULL-terminated; the first
						 * is the default */
};

/*
 * Parse argv (argv[0] the command's name, or the program's for the
 * conversation) against e's options and the common ones, and run it:
 * with subcommands, the next word names one (its default when there is
 * none or an option comes first).  --help prints the command's help
 * (the whole --help text for the conversation, whose name is "").
 * Returns the exit status; on failure *err holds it and its message
 * (a usage mistake ending with the --help hint).
 */
int cmd_dispatch(const struct cmd_entry *e, struct cmd_ctx *,
    int argc, char **argv, struct err *err);

/* The value of option key, or NULL when not given. */
const char *cmd_arg(const struct cmd_args *, int key);
/* Whether option key was given. */
int cmd_has(const struct cmd_args *, int key);

/*
 * Find a command by name in table (NULL-terminated).  NULL when there
 * is none; then *suggest is the nearest name (or NULL).
 */
const struct cmd_entry *cmd_find(const struct cmd_entry *const *table,
    const char *name, const char **suggest);

/* The help of one command: usage, summary, its options. */
void cmd_help(FILE *, const struct cmd_entry *, int width);

/* An area option's value: its index, or -1 ("all" when all is allowed). */
int cmd_area(const char *value, int allow_all, int *area, struct err *e);

/*
 * The database path: --db, else $DHCOACH_DB, else
 * $XDG_DATA_HOME/dhcoach/dhcoach.db (an absolute XDG_DATA_HOME only),
 * else ~/.local/share/dhcoach/dhcoach.db.  A new string, or NULL with
 * *e set (an empty --db).
 */
char *cmd_db_path(const struct cmd_ctx *, struct err *e);
/* Open the database chosen by ctx (db_open with mode). */
int cmd_open_db(const struct cmd_ctx *, enum db_mode, struct db **,
    struct err *e);

/* Flags of cmd_prompts. */
#define CMD_PROMPTS_JIT	0x1	/* JIT-compile the patterns now */

/*
 * Load the prompt folder chosen by ctx (prompts_find_dir): 0 with *out,
 * or -1 with every problem printed to stderr and *e ERR_PROMPTS.
 */
int cmd_prompts(const struct cmd_ctx *, int flags, struct prompts **out,
    struct err *e);

/* Width for wrapped text: the terminal's when stdout is one, else 80. */
int cmd_width(void);
/* Whether stdout is a colour terminal (NO_COLOR unset, TERM not dumb). */
int cmd_colour(void);

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

/* Open the output for path (NULL or "-": standard output); 0 or -1 with *e. */
int cmd_output_open(struct cmd_output *, const char *path, struct err *e);
/*
 * Finish the output: with ok, flush, sync and rename it into place (and
 * say on stderr where it was written); without, remove the temporary
 * file.  0, or -1 with *e (ERR_OUTPUT).
 */
int cmd_output_close(struct cmd_output *, int ok, struct err *e);

/* Print --version: the name, version, copyright and licence. */
void cmd_version(FILE *);

/* Flush and check stdout: 0, or -1 with *e (ERR_OUTPUT). */
int cmd_finish(struct err *e);

void cmd_ctx_free(struct cmd_ctx *);

/* The commands: one entry per cmd-*.c, gathered in main.c's table. */
extern const struct cmd_entry cmd_converse_entry;	/* no command */
extern const struct cmd_entry cmd_analyse_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_check_prompts_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_progress_entry;
extern const struct cmd_entry cmd_questionnaire_entry;
extern const struct cmd_entry cmd_readiness_entry;
extern const struct cmd_entry cmd_report_entry;

#endif

/*
 * cmd.c: what every command shares (see cmd.h): the generic option
 * parser and dispatcher, the help of a command, the database path and
 * opener, the prompt files and the output.
 *
 * Invariants: a command's exec runs only once every option and operand
 * has been checked; a usage mistake never opens the database.  Every
 * failure leaves in *err with its status.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "framework.h"
#include "match-cache.h"
#include "prompts-load.h"
#include "util.h"

#define CMD_MIN_WIDTH	40
#define CMD_MAX_WIDTH	100

/* The options every command takes, after its own. */
static const struct cmd_option cmd_common[] = {
	{ CMD_OPT_DB, "db", "FILE", "keep answers in FILE" },
	{ CMD_OPT_PROMPTS, "prompts", "DIR", "read the prompt files from DIR" },
	{ CMD_OPT_HELP, "help", NULL, "show this help and exit" },
	{ 0, NULL, NULL, NULL }
};

/* The name a command goes by in messages: "plan add", or "dhcoach". */
static const char *
cmd_name(const struct cmd_entry *e)
{
	return *e->name != '\0' ? e->name : PROGNAME;
}

/* The number of rows of an option spec. */
static int
cmd_noptions(const struct cmd_option *o)
{
	int	n = 0;

	while (o != NULL && o[n].key != 0)
		n++;
	return n;
}

/* The spec row of option i: the command's own, then the common ones. */
static const struct cmd_option *
cmd_option_at(const struct cmd_entry *e, int i)
{
	int	own = cmd_noptions(e->options);

	return i < own ? &e->options[i] : &cmd_common[i - own];
}

/* Build getopt_long's tables for e. */
static void
cmd_getopt_tables(const struct cmd_entry *e, struct option *lo, char *so)
{
	const struct cmd_option	*o;
	int			 i, n, k = 0;

	n = cmd_noptions(e->options) + cmd_noptions(cmd_common);
	*so++ = ':';	/* report a missing argument as ':' */
	for (i = 0; i < n; i++) {
		o = cmd_option_at(e, i);
		lo[i].name = o->name;
		lo[i].has_arg = o->arg != NULL ? required_argument :
		    no_argument;
		lo[i].flag = NULL;
		lo[i].val = o->key;
		if (o->key < 0x100) {
			so[k++] = (char)o->key;
			if (o->arg != NULL)
				so[k++] = ':';
		}
	}
	so[k] = '\0';
	memset(&lo[n], 0, sizeof lo[n]);
}

/* A usage mistake of command name. */
static int __attribute__((format(printf, 3, 4)))
cmd_usage_err(struct err *err, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	if (strcmp(name, PROGNAME) == 0)
		err_set(err, ERR_USAGE, "%s", s);
	else
		err_set(err, ERR_USAGE, "%s: %s", name, s);
	free(s);
	return ERR_USAGE;
}

/* Record option key's value in args; handle the common ones. */
static int
cmd_take_option(const struct cmd_entry *e, struct cmd_ctx *ctx,
    struct cmd_args *args, int key, int *help)
{
	int	i, n;

	switch (key) {
	case CMD_OPT_DB:
		free(ctx->db_path);
		ctx->db_path = xstrdup(optarg);
		return 0;
	case CMD_OPT_PROMPTS:
		free(ctx->prompts_dir);
		ctx->prompts_dir = xstrdup(optarg);
		return 0;
	case CMD_OPT_HELP:
		*help = 1;
		return 0;
	}
	n = cmd_noptions(e->options);
	for (i = 0; i < n && i < CMD_MAX_OPTIONS; i++) {
		if (e->options[i].key == key) {
			args->value[i] = optarg;
			args->given[i] = 1;
			return 0;
		}
	}
	return -1;
}

/* The option named by argv[optind - 1], for messages. */
static const char *
cmd_bad_option(char **argv)
{
	const char	*s = argv[optind - 1];

	return s != NULL ? s : "?";
}

/* Parse e's options with getopt_long; 0, or the status with *err. */
static int
cmd_parse_options(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv, struct cmd_args *args, int *help, struct err *err)
{
	struct option	lo[CMD_MAX_OPTIONS + 4];
	char		so[2 * CMD_MAX_OPTIONS + 4];
	int		opt;

	cmd_getopt_tables(e, lo, so);
	optind = 0;	/* glibc: 0 restarts the scan, with permutation */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		if (opt == ':')
			return cmd_usage_err(err, cmd_name(e), "%s needs a "
			    "value", cmd_bad_option(argv));
		if (opt == '?' && *e->name == '\0')
			return cmd_usage_err(err, cmd_name(e), "there is no "
			    "option %s", cmd_bad_option(argv));
		if (opt == '?')
			return cmd_usage_err(err, cmd_name(e), "there is no "
			    "option %s (see 'dhcoach help %s')",
			    cmd_bad_option(argv), e->name);
		if (cmd_take_option(e, ctx, args, opt, help) != 0)
			return cmd_usage_err(err, cmd_name(e), "option %s is "
			    "not taken here", cmd_bad_option(argv));
	}
	return 0;
}

/* Read the action number a command takes first. */
static int
cmd_parse_id(const struct cmd_entry *e, struct cmd_args *args,
    struct err *err)
{
	const char	*s;
	char		*end;
	long long	 n;

	if (args->argc == 0)
		return cmd_usage_err(err, e->name, "which action? Give its "
		    "number, as in 'dhcoach %s 3'", e->name);
	s = args->argv[0];
	errno = 0;
	n = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || n < 1)
		return cmd_usage_err(err, e->name, "'%s' is not an action "
		    "number: they are whole numbers from 1 ('dhcoach plan' "
		    "lists them)", s);
	args->id = n;
	args->argv++;
	args->argc--;
	return 0;
}

/* An operand that looks like a negative number, which getopt would take. */
static const char *
cmd_negative(int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1] >= '0' && argv[i][1] <= '9')
			return argv[i];
	}
	return NULL;
}

/* Find a subcommand of e named by argv[1]; NULL (with *err) when none. */
static const struct cmd_entry *
cmd_sub(const struct cmd_entry *e, int *argc, char ***argv, struct err *err)
{
	const struct cmd_entry	*s;
	const char		*near = NULL;

	if (*argc < 2 || (*argv)[1][0] == '-')
		return e->subs[0];
	if ((s = cmd_find(e->subs, (*argv)[1], &near)) != NULL) {
		(*argc)--;
		(*argv)++;
		return s;
	}
	if (near != NULL)
		cmd_usage_err(err, e->name, "there is no '%s'; did you mean "
		    "'%s'?", (*argv)[1], near + strlen(e->name) + 1);
	else
		cmd_usage_err(err, e->name, "there is no '%s' (see 'dhcoach "
		    "help %s')", (*argv)[1], e->name);
	return NULL;
}

/* Parse and run a command; see cmd.h. */
int
cmd_dispatch(const struct cmd_entry *e, struct cmd_ctx *ctx, int argc,
    char **argv, struct err *err)
{
	struct cmd_args	 args;
	const char	*neg;
	int		 help = 0;

	if (e->subs != NULL && (e = cmd_sub(e, &argc, &argv, err)) == NULL)
		return ERR_USAGE;
	memset(&args, 0, sizeof args);
	args.entry = e;
	if (e->takes_id && (neg = cmd_negative(argc, argv)) != NULL)
		return cmd_usage_err(err, e->name, "'%s' is not an action "
		    "number: they are whole numbers from 1 ('dhcoach plan' "
		    "lists them)", neg);
	if (cmd_parse_options(e, ctx, argc, argv, &args, &help, err) != 0)
		return ERR_USAGE;
	if (help) {
		if (*e->name == '\0' && ctx->usage != NULL)
			ctx->usage(stdout, cmd_width());
		else
			cmd_help(stdout, e, cmd_width());
		return cmd_finish(err) == 0 ? 0 : err->status;
	}
	args.argv = argv + optind;
	args.argc = argc - optind;
	if (e->takes_id && cmd_parse_id(e, &args, err) != 0)
		return ERR_USAGE;
	if (args.argc < e->min_args)
		return cmd_usage_err(err, cmd_name(e), "%s needs more: %s %s",
		    cmd_name(e), cmd_name(e), e->usage);
	if (e->max_args >= 0 && args.argc > e->max_args)
		return cmd_usage_err(err, cmd_name(e), "unexpected '%s'",
		    args.argv[e->max_args]);
	if (e->exec(ctx, &args, err) != 0) {
		if (*e->name != '\0' && err->msg != NULL)
			err_prefix(err, "%s", e->name);
		return err->status != ERR_OK ? err->status : ERR_INTERNAL;
	}
	return 0;
}

/* The value of option key. */
const char *
cmd_arg(const struct cmd_args *args, int key)
{
	const struct cmd_option	*o = args->entry->options;
	int			 i;

	for (i = 0; o != NULL && o[i].key != 0 && i < CMD_MAX_OPTIONS; i++) {
		if (o[i].key == key)
			return args->given[i] ? args->value[i] : NULL;
	}
	return NULL;
}

/* Whether option key was given. */
int
cmd_has(const struct cmd_args *args, int key)
{
	const struct cmd_option	*o = args->entry->options;
	int			 i;

	for (i = 0; o != NULL && o[i].key != 0 && i < CMD_MAX_OPTIONS; i++) {
		if (o[i].key == key)
			return args->given[i];
	}
	return 0;
}

/* Find a command by name, or the nearest; see cmd.h. */
const struct cmd_entry *
cmd_find(const struct cmd_entry *const *table, const char *name,
    const char **suggest)
{
	const char	*short_name;
	int		 i, d, best = INT_MAX;

	*suggest = NULL;
	for (i = 0; table[i] != NULL; i++) {
		short_name = strrchr(table[i]->name, ' ');
		short_name = short_name != NULL ? short_name + 1 :
		    table[i]->name;
		if (*short_name != '\0' && strcmp(short_name, name) == 0)
			return table[i];
		if (*short_name != '\0' && (d = util_distance(short_name, name,
		    2)) < best) {
			best = d;
			*suggest = table[i]->name;
		}
	}
	if (best > 2)
		*suggest = NULL;
	return NULL;
}

/* Print one command's usage line, summary and options. */
void
cmd_help(FILE *f, const struct cmd_entry *e, int width)
{
	const struct cmd_option	*o;
	char			*name, *line;
	int			 i, n;

	if (e->subs != NULL) {
		fprintf(f, "Usage:\n");
		for (i = 0; e->subs[i] != NULL; i++) {
			name = xasprintf("dhcoach %s", e->subs[i]->name);
			util_help_row(f, name, e->subs[i]->usage,
			    e->subs[i]->summary, width);
			free(name);
		}
		fprintf(f, "\nSee 'dhcoach help %s' for each one's options.\n",
		    e->subs[0]->name);
		return;
	}
	line = xasprintf("Usage: dhcoach %s %s", e->name, e->usage);
	util_wrap(f, line, 0, 4, width);
	free(line);
	util_wrap(f, e->summary, 0, 0, width);
	n = cmd_noptions(e->options) + cmd_noptions(cmd_common);
	fprintf(f, "\nOptions:\n");
	for (i = 0; i < n; i++) {
		o = cmd_option_at(e, i);
		name = o->key < 0x100 ? xasprintf("-%c, --%s", o->key,
		    o->name) : xasprintf("    --%s", o->name);
		util_help_row(f, name, o->arg != NULL ? o->arg : "", o->help,
		    width);
		free(name);
	}
}

/* Read an area option's value; see cmd.h. */
int
cmd_area(const char *value, int allow_all, int *area, struct err *e)
{
	int	near;

	if (allow_all && strcmp(value, "all") == 0) {
		*area = -1;
		return 0;
	}
	if ((*area = framework_area_parse(value, &near)) != -1)
		return 0;
	if (near != -1)
		return err_set(e, ERR_USAGE, "there is no area '%s'; did you "
		    "mean '%s'? (areas are given by id, by number 1 to 10, or "
		    "by the start of an id)", value, framework_areas[near].id);
	return err_set(e, ERR_USAGE, "there is no area '%s': give an id, a "
	    "number 1 to 10, or the start of an id ('dhcoach --help' lists "
	    "them)", value);
}

/* The home folder: $HOME, else the password file's. */
static const char *
cmd_home(void)
{
	const char	*home;
	struct passwd	*pw;

	if ((home = getenv("HOME")) != NULL && *home != '\0')
		return home;
	pw = getpwuid(getuid());
	return pw != NULL && pw->pw_dir != NULL && *pw->pw_dir != '\0' ?
	    pw->pw_dir : NULL;
}

/* The database path; see cmd.h. */
char *
cmd_db_path(const struct cmd_ctx *ctx, struct err *e)
{
	const char	*env, *home;

	if (ctx->db_path != NULL) {
		if (*ctx->db_path == '\0') {
			err_set(e, ERR_USAGE, "--db needs a file name");
			return NULL;
		}
		return xstrdup(ctx->db_path);
	}
	if ((env = getenv("DHCOACH_DB")) != NULL && *env != '\0')
		return xstrdup(env);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return xasprintf("%s/dhcoach/dhcoach.db", env);
	if ((home = cmd_home()) == NULL)
		return xstrdup("dhcoach.db");
	return xasprintf("%s/.local/share/dhcoach/dhcoach.db", home);
}

/* Open the database; see cmd.h. */
int
cmd_open_db(const struct cmd_ctx *ctx, enum db_mode mode, struct db **db,
    struct err *e)
{
	char	*path;
	int	 rc;

	*db = NULL;
	if ((path = cmd_db_path(ctx, e)) == NULL)
		return -1;
	rc = db_open(path, mode, db, e);
	free(path);
	return rc;
}

/* Load the prompt files; see cmd.h. */
int
cmd_prompts(const struct cmd_ctx *ctx, int flags, struct prompts **out,
    struct err *e)
{
	struct prompts_problems	 probs = { 0 };
	char			*dir, *cache_dir, *cache = NULL;
	size_t			 i;

	dir = prompts_find_dir(ctx->prompts_dir);
	if ((cache_dir = util_cache_dir()) != NULL)
		cache = match_cache_path(cache_dir, dir);
	*out = prompts_load_cached(dir, &probs, 0, cache, NULL);
	free(cache);
	free(cache_dir);
	if (*out == NULL) {
		fflush(stdout);
		for (i = 0; i < probs.n; i++)
			fprintf(stderr, "%s\n", probs.msgs[i]);
		err_set(e, ERR_PROMPTS, "the prompt files in %s could not be "
		    "loaded", dir);
	} else if (flags & CMD_PROMPTS_JIT)
		prompts_jit(*out);
	prompts_file_problems_free(&probs);
	free(dir);
	return *out != NULL ? 0 : -1;
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

/* Whether to use colour: a terminal, NO_COLOR unset, TERM not dumb. */
int
cmd_colour(void)
{
	const char	*no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (no != NULL && *no != '\0')
		return 0;
	if (term == NULL || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}

/* Refuse an output path that is a link or not a regular file. */
static int
cmd_output_check(const char *path, struct err *e)
{
	struct stat	sb;

	if (*path == '\0')
		return err_set(e, ERR_USAGE, "-o needs a file name");
	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode))
			return err_set(e, ERR_OUTPUT, "%s is a symbolic link, "
			    "and dhcoach does not write through or over links: "
			    "give another file", path);
		if (!S_ISREG(sb.st_mode))
			return err_set(e, ERR_OUTPUT, "%s is not a regular "
			    "file: give another file", path);
	} else if (errno != ENOENT)
		return err_set(e, ERR_OUTPUT, "cannot write %s: %s", path,
		    strerror(errno));
	return 0;
}

/* Open a command's output; see cmd.h. */
int
cmd_output_open(struct cmd_output *o, const char *path, struct err *e)
{
	const char	*slash;
	int		 fd;

	memset(o, 0, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	if (cmd_output_check(path, e) != 0)
		return -1;
	/* A new file beside it: mkostemp opens O_CREAT|O_EXCL, mode 0600. */
	if ((slash = strrchr(path, '/')) != NULL)
		o->tmp = xasprintf("%.*s.%s.XXXXXX", (int)(slash - path + 1),
		    path, slash + 1);
	else
		o->tmp = xasprintf(".%s.XXXXXX", path);
	if ((fd = mkostemp(o->tmp, O_CLOEXEC)) == -1) {
		err_set(e, ERR_OUTPUT, "cannot write %s: %s", path,
		    strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	if ((o->f = fdopen(fd, "w")) == NULL)
		fatal("fdopen");
	o->path = xstrdup(path);
	return 0;
}

/* Write out and rename a file output; the errno of a failure, or 0. */
static int
cmd_output_commit(struct cmd_output *o)
{
	int	saved = 0;

	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0)
		saved = errno != 0 ? errno : EIO;
	if (fclose(o->f) != 0 && saved == 0)
		saved = errno;
	if (saved == 0 && rename(o->tmp, o->path) != 0)
		saved = errno;
	return saved;
}

/* Finish a command's output; see cmd.h. */
int
cmd_output_close(struct cmd_output *o, int ok, struct err *e)
{
	int	saved = 0, rc = 0;

	if (o->f == NULL)
		return 0;
	if (o->path == NULL) {
		o->f = NULL;
		return ok ? cmd_finish(e) : 0;
	}
	if (ok && (saved = cmd_output_commit(o)) == 0) {
		fflush(stdout);
		fprintf(stderr, "%s: wrote %s\n", PROGNAME, o->path);
	} else {
		if (!ok)
			fclose(o->f);
		unlink(o->tmp);
		if (ok)
			rc = err_set(e, saved == ENOSPC ? ERR_DISK_FULL :
			    ERR_OUTPUT, "cannot write %s: %s", o->path,
			    strerror(saved));
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	return rc;
}

/* Print --version. */
void
cmd_version(FILE *f)
{
	fprintf(f, "%s %s\n"
	    "Copyright (C) 2026 the dhcoach developers.\n"
	    "License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\nThere is NO WARRANTY, to the extent permitted by law.\n",
	    PROGNAME, DHCOACH_VERSION);
}

/* Flush stdout and report a failed write. */
int
cmd_finish(struct err *e)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return err_set(e, errno == ENOSPC ? ERR_DISK_FULL : ERR_OUTPUT,
		    "cannot write the output: %s", strerror(errno));
	return 0;
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

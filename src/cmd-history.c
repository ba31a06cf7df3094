/*
 * cmd-history.c: "dhcoach history": the answers kept, newest first.
 *
 * Rows stream from the store to the output, so memory stays flat however
 * many answers there are.  On a terminal, a screenful by default
 * (--limit changes it) through $PAGER (less -FRX when unset, as git
 * does).  It reads the database only, and a database that does not
 * exist yet is not created just to say that it is empty.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "render-history.h"
#include "store-history.h"
#include "util.h"

#define CMD_HISTORY_COVERED	0x120
/* Answers shown on a terminal unless --limit says otherwise. */
#define CMD_HISTORY_SCREEN	20

static const struct cmd_option cmd_history_options[] = {
	{ 'a', "area", "ID|all", "only the answers of this skill area" },
	{ 's', "search", "TEXT", "only answers with every word of TEXT" },
	{ CMD_HISTORY_COVERED, "covered", NULL, "only answers you said cover "
	  "something the coach did not find" },
	{ 'n', "limit", "N", "at most N answers (0: all; on a terminal the "
	  "default is 20)" },
	{ 'f', "format", "FMT", "text (the default) or json" },
	{ 0, NULL, NULL, NULL }
};

/* A row of history for the renderer. */
static int
cmd_history_row(void *ctx, const struct store_answer *a, struct err *e)
{
	(void)e;
	render_history_row(ctx, a);
	return 0;
}

/* Whether a program is on the PATH. */
static int
cmd_history_on_path(const char *name)
{
	const char	*path = getenv("PATH"), *s, *colon;
	char		*file;
	int		 found = 0;

	for (s = path != NULL ? path : ""; !found && *s != '\0'; s = colon) {
		colon = strchr(s, ':');
		if (colon == NULL)
			colon = s + strlen(s);
		file = xasprintf("%.*s/%s", (int)(colon - s), s, name);
		found = access(file, X_OK) == 0;
		free(file);
		if (*colon == ':')
			colon++;
	}
	return found;
}

/* The pager for a terminal, or NULL to write to stdout itself. */
static FILE *
cmd_history_pager(void)
{
	const char	*pager = getenv("PAGER");

	if (!isatty(STDOUT_FILENO))
		return NULL;
	if (pager == NULL) {
		if (!cmd_history_on_path("less"))
			return NULL;
		pager = "less -FRX";
	}
	if (*pager == '\0' || strcmp(pager, "cat") == 0)
		return NULL;
	fflush(stdout);
	signal(SIGPIPE, SIG_IGN);
	return popen(pager, "w");
}

/* Read the options into a query; 0, or -1 with *e. */
static int
cmd_history_query(const struct cmd_args *args,
    struct store_history_query *q, enum render_history_format *fmt,
    struct err *e)
{
	const char	*v;
	char		*end;

	memset(q, 0, sizeof *q);
	q->area = -1;
	*fmt = RENDER_HISTORY_TEXT;
	if ((v = cmd_arg(args, 'a')) != NULL && cmd_area(v, 1, &q->area,
	    e) != 0)
		return -1;
	if ((v = cmd_arg(args, 'f')) != NULL) {
		if (strcmp(v, "json") == 0)
			*fmt = RENDER_HISTORY_JSON;
		else if (strcmp(v, "text") != 0)
			return err_set(e, ERR_USAGE, "there is no "
			    "format '%s' (text or json)", v);
	}
	q->search = cmd_arg(args, 's');
	q->covered = cmd_has(args, CMD_HISTORY_COVERED);
	if ((v = cmd_arg(args, 'n')) != NULL) {
		errno = 0;
		q->limit = strtoll(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0 || q->limit < 0)
			return err_set(e, ERR_USAGE, "--limit takes a "
			    "number of answers, 0 or more, not '%s'", v);
	} else if (isatty(STDOUT_FILENO) && *fmt == RENDER_HISTORY_TEXT)
		q->limit = CMD_HISTORY_SCREEN;
	return 0;
}

/* Say there is nothing to show. */
static void
cmd_history_none(const char *path, const struct store_history_query *q)
{
	if (q->area != -1 || q->search != NULL || q->covered)
		printf("None of your answers in %s match that. Try fewer words, "
		    "or another area.\n", path);
	else
		printf("No answers kept yet in %s. Run dhcoach to start.\n",
		    path);
}

/* dhcoach history [--area ID] [--search TEXT] [--covered] [--limit N] ... */
static int
cmd_history_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct store_history_query	 q;
	enum render_history_format	 fmt;
	struct render_history		 r;
	struct db			*db = NULL;
	FILE				*pager = NULL;
	char				*path;
	int				 rc = 0;

	if (cmd_history_query(args, &q, &fmt, e) != 0 ||
	    (path = cmd_db_path(ctx, e)) == NULL)
		return -1;
	if (db_open(path, DB_READ, &db, e) != 0) {
		free(path);
		return -1;
	}
	if (fmt == RENDER_HISTORY_TEXT)
		pager = cmd_history_pager();
	render_history_begin(&r, pager != NULL ? pager : stdout, fmt,
	    cmd_width());
	if (db != NULL && store_history(db, &q, cmd_history_row, &r, e) != 0)
		rc = -1;
	render_history_end(&r);
	if (pager != NULL)
		pclose(pager);
	if (rc == 0 && r.n == 0 && fmt == RENDER_HISTORY_TEXT)
		cmd_history_none(path, &q);
	db_close(db);
	free(path);
	return rc == 0 ? cmd_finish(e) : rc;
}

const struct cmd_entry cmd_history_entry = {
	"history", "[--area ID] [--search TEXT] [--covered] [--limit N] "
	"[--format text|json]",
	"list your past answers, newest first",
	cmd_history_options, 0, 0, 0, cmd_history_exec, NULL
};

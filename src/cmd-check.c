/*
 * cmd-check.c: "dhcoach check": the full check of the database.
 *
 * Opening a database does not read the whole file (that made every
 * command slow on a large one); this command does, with SQLite's
 * integrity check, and says what it found.  It never changes the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "util.h"

/* What the check found. */
struct cmd_check {
	size_t	nproblems;
};

/* Print one line of the check's findings. */
static void
cmd_check_line(void *ctx, const char *line)
{
	struct cmd_check	*c = ctx;

	if (strcmp(line, "ok") == 0)
		return;
	if (c->nproblems++ == 0)
		printf("SQLite found these problems:\n");
	printf("  %s\n", line);
}

/* dhcoach check */
static int
cmd_check_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct cmd_check	 c = { 0 };
	struct db		*db;
	char			*path;
	int			 rc;

	(void)args;
	if ((path = cmd_db_path(ctx, e)) == NULL)
		return -1;
	if (db_open(path, DB_READ, &db, e) != 0) {
		free(path);
		return -1;
	}
	if (db == NULL) {
		printf("There is no database at %s yet: nothing to check.\n",
		    path);
		free(path);
		return cmd_finish(e);
	}
	rc = db_check(db, cmd_check_line, &c, e);
	db_close(db);
	if (rc == 0 && c.nproblems == 0)
		printf("%s is sound: SQLite's full check found no problem.\n",
		    path);
	else if (rc == 0)
		rc = err_set(e, ERR_DB_DAMAGED, "%s is damaged (%zu problem%s "
		    "above): restore it from a backup, or move it aside and "
		    "start a new one", path, c.nproblems,
		    c.nproblems == 1 ? "" : "s");
	free(path);
	return rc == 0 ? cmd_finish(e) : rc;
}

const struct cmd_entry cmd_check_entry = {
	"check", "",
	"check the whole database file for damage (it is never changed)",
	NULL, 0, 0, 0, cmd_check_exec, NULL
};

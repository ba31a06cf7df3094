/*
 * cmd-questionnaire.c: "dhcoach questionnaire": the ten self-ratings of
 * the skills self-report questionnaire, then the readiness summary.
 *
 * Works on a terminal (readline) and from a pipe (one rating a line).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd-readiness.h"
#include "cmd.h"
#include "questionnaire.h"
#include "recover.h"
#include "repl.h"
#include "util.h"

/* dhcoach questionnaire */
static int
cmd_questionnaire_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct prompts	*p = NULL;
	struct db	*db = NULL;
	struct source	 src;
	char		*dir;
	int		 rated = 0, unused = 0, rc = -1;

	(void)args;
	if (cmd_prompts(ctx, 0, &p, e) != 0 ||
	    cmd_open_db(ctx, DB_WRITE, &db, e) != 0)
		goto out;
	repl_source_init(&src, NULL, 0);
	dir = recover_dir();
	rc = questionnaire_run(p, db, &src, stdout, cmd_width(), dir, &rated,
	    &unused, e);
	free(dir);
	repl_source_free(&src);
	if (rc == 0) {
		printf("\nYou rated %d of the 10 areas%s.\n", rated,
		    rated < 10 ? "; the others are still open to rate" : "");
		rc = cmd_readiness_print(p, db, e);
	}
	if (rc == 0 && unused > 0)
		rc = err_set(e, ERR_LINES, "%d line%s of input "
		    "could not be used as a rating", unused, unused == 1 ? "" :
		    "s");
	if (rc == 0)
		rc = cmd_finish(e);
out:
	db_close(db);
	prompts_free(p);
	return rc;
}

const struct cmd_entry cmd_questionnaire_entry = {
	"questionnaire", "",
	"the skills self-report questionnaire: the ten self-ratings in one "
	"pass, then your readiness summary",
	NULL, 0, 0, 0, cmd_questionnaire_exec, NULL
};

/*
 * cmd-progress.c: "dhcoach progress": how ratings and evidence moved
 * from sitting to sitting, per area.
 *
 * The visits are gathered from the store's aggregates (linear in the
 * rows), then rendered by render-report.c.  It reads the database only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "render-report.h"
#include "store-progress.h"
#include "util.h"

static const struct cmd_option cmd_progress_options[] = {
	{ 'a', "area", "ID|all", "only this skill area" },
	{ 0, NULL, NULL, NULL }
};

/* Keep one visit. */
static int
cmd_progress_row(void *ctx, const struct store_visit *v, struct err *e)
{
	struct progress		*pr = ctx;
	struct progress_visit	*pv;

	(void)e;
	if (pr->n == 0 || pr->v[pr->n - 1].session != v->session)
		pr->nsessions++;
	pr->v = xreallocarray(pr->v, pr->n + 1, sizeof *pr->v);
	pv = &pr->v[pr->n++];
	pv->session = v->session;
	pv->area = v->area;
	pv->rating = v->rating;
	pv->nanswers = v->nanswers;
	pv->shown = v->shown;
	return 0;
}

/* dhcoach progress [--area ID] */
static int
cmd_progress_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct progress	 pr;
	struct prompts	*p = NULL;
	struct db	*db = NULL;
	const char	*v;
	int		 area = -1, rc = -1;

	memset(&pr, 0, sizeof pr);
	if ((v = cmd_arg(args, 'a')) != NULL && cmd_area(v, 1, &area, e) != 0)
		return -1;
	if (cmd_prompts(ctx, 0, &p, e) != 0 ||
	    cmd_open_db(ctx, DB_READ, &db, e) != 0)
		goto out;
	if (db != NULL && store_progress(db, -1, cmd_progress_row, &pr,
	    e) != 0) {
		goto out;
	}
	render_progress(stdout, p, &pr, area, cmd_width());
	rc = cmd_finish(e);
out:
	progress_free(&pr);
	db_close(db);
	prompts_free(p);
	return rc;
}

const struct cmd_entry cmd_progress_entry = {
	"progress", "[--area ID]",
	"how your ratings and evidence have moved from sitting to sitting",
	cmd_progress_options, 0, 0, 0, cmd_progress_exec, NULL
};

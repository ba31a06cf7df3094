/*
 * cmd-report.c: "dhcoach report": the document a candidate hands a
 * mentor.
 *
 * Everything is gathered from the store first (the running picture,
 * the name and role, the plan, and with --answers every answer), then
 * written by render-report.c, to standard output or atomically to the
 * file of -o, which is confirmed on standard error.  It reads the
 * database only; one that does not exist yet gives an empty report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "coach.h"
#include "render-report.h"
#include "store-history.h"
#include "store-picture.h"
#include "store-plan.h"
#include "store.h"
#include "util.h"

#define CMD_REPORT_ANSWERS	0x140

static const struct cmd_option cmd_report_options[] = {
	{ 'f', "format", "FMT", "md (the default) or json" },
	{ CMD_REPORT_ANSWERS, "answers", NULL, "add your answers, by area, as "
	  "an appendix" },
	{ 'o', "output", "FILE", "write to FILE instead of standard output" },
	{ 0, NULL, NULL, NULL }
};

/* Keep a plan row in the report. */
static int
cmd_report_plan_row(void *ctx, const struct plan_action *a, struct err *e)
{
	struct report	*r = ctx;

	(void)e;
	r->plan = xreallocarray(r->plan, r->nplan + 1, sizeof *r->plan);
	memset(&r->plan[r->nplan], 0, sizeof *r->plan);
	plan_action_copy(&r->plan[r->nplan++], a);
	return 0;
}

/* Keep an answer in the report's appendix. */
static int
cmd_report_answer_row(void *ctx, const struct store_answer *a,
    struct err *e)
{
	struct report		*r = ctx;
	struct report_answer	*ra;

	(void)e;
	r->answers = xreallocarray(r->answers, r->nanswers + 1,
	    sizeof *r->answers);
	ra = &r->answers[r->nanswers++];
	ra->area = a->area;
	ra->question = xstrdup(a->question);
	ra->answer = xstrdup(a->answer);
	ra->at = xstrdup(a->at);
	return 0;
}

/* Order the appendix by area, keeping time order within one. */
static int
cmd_report_answer_cmp(const void *x, const void *y)
{
	const struct report_answer	*a = x, *b = y;

	if (a->area != b->area)
		return a->area < b->area ? -1 : 1;
	return strcmp(a->at, b->at);
}

/* Gather the report from the store (db NULL: an empty one). */
static int
cmd_report_gather(struct db *db, struct report *r, struct err *e)
{
	struct store_plan_filter	 f = { -1, 0, 0, NULL };
	struct store_history_query	 q;

	if (db == NULL) {
		r->name = xstrdup("");
		r->role = xstrdup("");
		return 0;
	}
	memset(&q, 0, sizeof q);
	q.area = -1;
	q.oldest_first = 1;
	if (store_picture(db, (struct picture *)r->picture, e) != 0 ||
	    store_profile_get(db, &r->name, &r->role, e) != 0 ||
	    store_plan_each(db, &f, cmd_report_plan_row, r, e) != 0 ||
	    (r->with_answers && store_history(db, &q, cmd_report_answer_row, r,
	    e) != 0))
		return -1;
	if (r->nanswers > 1)
		qsort(r->answers, r->nanswers, sizeof *r->answers,
		    cmd_report_answer_cmp);
	return 0;
}

/* dhcoach report [--format md|json] [--answers] [-o FILE] */
static int
cmd_report_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct report		 r;
	struct picture		 pic;
	struct coach		 coach;
	struct cmd_output	 o;
	struct prompts		*p = NULL;
	struct db		*db = NULL;
	const char		*v;
	int			 json = 0, rc = -1;

	if ((v = cmd_arg(args, 'f')) != NULL) {
		if (strcmp(v, "json") == 0)
			json = 1;
		else if (strcmp(v, "md") != 0 && strcmp(v, "markdown") != 0)
			return err_set(e, ERR_USAGE, "there is no format "
			    "'%s' (md or json)", v);
	}
	memset(&r, 0, sizeof r);
	picture_init(&pic);
	r.picture = &pic;
	r.with_answers = cmd_has(args, CMD_REPORT_ANSWERS);
	date_today(r.today);
	if (cmd_prompts(ctx, 0, &p, e) != 0 ||
	    cmd_open_db(ctx, DB_READ, &db, e) != 0 ||
	    cmd_report_gather(db, &r, e) != 0 ||
	    cmd_output_open(&o, cmd_arg(args, 'o'), e) != 0)
		goto out;
	r.prompts = p;
	coach_init(&coach, p);
	if (json)
		render_report_json(o.f, &r, &coach);
	else
		render_report_md(o.f, &r, &coach);
	rc = cmd_output_close(&o, 1, e);
out:
	report_free(&r);
	picture_free(&pic);
	db_close(db);
	prompts_free(p);
	return rc;
}

const struct cmd_entry cmd_report_entry = {
	"report", "[--format md|json] [--answers] [-o FILE]",
	"the document for your mentor: evidence, gaps and your plan",
	cmd_report_options, 0, 0, 0, cmd_report_exec, NULL
};

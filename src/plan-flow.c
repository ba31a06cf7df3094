/*
 * plan-flow.c: writing actions with the candidate (see plan-flow.h).
 *
 * Invariants: the draft in the store is cleared only when its action
 * is stored or the candidate discards it; any other ending keeps what
 * was typed as the draft.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "plan-flow.h"
#include "plan-guide.h"
#include "plan.h"
#include "render-plan.h"
#include "store-plan.h"
#include "util.h"

/* Set up a flow. */
void
plan_flow_init(struct plan_flow *f, const struct prompts *p, struct db *db,
    struct source *src, FILE *out, int width)
{
	memset(f, 0, sizeof *f);
	f->prompts = p;
	f->db = db;
	f->source = src;
	f->out = out;
	f->width = width;
	date_today(f->today);
}

/* Print a formatted message, wrapped. */
static void __attribute__((format(printf, 2, 3)))
plan_flow_say(struct plan_flow *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	util_wrap(f->out, s, 0, 0, f->width);
	free(s);
}

/* Tell of a store failure the flow survives. */
static void
plan_flow_warn(struct plan_flow *f, const char *what, struct err *e)
{
	plan_flow_say(f, "I couldn't %s just now: %s.", what, e->msg);
	err_clear(e);
}

/* The draft to start from: one kept from earlier, or a new one. */
static void
plan_flow_draft(struct plan_flow *f, struct plan_guide *g,
    struct plan_action *d, int area, const char *action)
{
	struct err	e = { 0 };
	char		*q;
	int		 got;

	memset(d, 0, sizeof *d);
	if ((got = store_plan_draft_get(f->db, d, &e)) == -1)
		err_clear(&e);
	if (got == 1 && f->source->interactive) {
		q = xasprintf("You started an action earlier: \"%s\". Carry on "
		    "with it? (Y/n)", d->action != NULL && *d->action != '\0' ?
		    d->action : "(not written yet)");
		if (plan_guide_yesno(g, q, 1) == 0) {
			plan_action_clear(d);
			got = 0;
		}
		free(q);
	} else if (got == 1)
		plan_flow_say(f, "Carrying on with the action you started "
		    "earlier: press Enter to keep each answer you gave.");
	if (got == 1)
		return;
	plan_action_clear(d);
	if (area >= 0)
		d->area = xstrdup(framework_areas[area].id);
	d->action = action != NULL ? xstrdup(action) : NULL;
}

/* Keep the draft for later; a failure is told. */
static void
plan_flow_keep(struct plan_flow *f, const struct plan_action *d)
{
	struct err	e = { 0 };

	if (store_plan_draft_set(f->db, d, &e) != 0)
		plan_flow_warn(f, "keep your draft", &e);
}

/* Forget the draft; a failure is of no consequence. */
static void
plan_flow_forget(struct plan_flow *f)
{
	struct err	e = { 0 };

	if (store_plan_draft_clear(f->db, &e) != 0)
		err_clear(&e);
}

/* Whether to store an action the plan already holds (flagged, asked). */
static int
plan_flow_duplicate(struct plan_flow *f, struct plan_guide *g,
    const struct plan_action *d)
{
	struct err	 e = { 0 };
	int64_t		 same;
	char		*q;
	int		 yes = 0;

	if ((same = store_plan_find_same(f->db, d, &e)) <= 0) {
		err_clear(&e);
		return 1;
	}
	if (f->source->interactive) {
		q = xasprintf("That is the same as action %lld, already in your "
		    "plan. Save it again anyway? (y/N)", (long long)same);
		yes = plan_guide_yesno(g, q, 0) == 1;
		free(q);
	} else
		plan_flow_say(f, "That is the same as action %lld, already in "
		    "your plan, so I have not added it again.",
		    (long long)same);
	if (!yes)
		plan_flow_forget(f);
	return yes;
}

/* Store a confirmed action. */
static void
plan_flow_save(struct plan_flow *f, struct plan_guide *g,
    struct plan_action *d)
{
	struct err	e = { 0 };
	int64_t		id;

	if (!plan_flow_duplicate(f, g, d))
		return;
	if ((id = store_plan_add(f->db, d, &e)) == -1) {
		plan_flow_warn(f, "save that action", &e);
		plan_flow_keep(f, d);
		plan_flow_say(f, "It is kept as a draft: /plan, or 'dhcoach plan "
		    "add', carries on with it.");
		return;
	}
	f->saved++;
	plan_flow_say(f, "Saved as action %lld. 'dhcoach plan' shows your "
	    "plan.", (long long)id);
	plan_flow_forget(f);
}

/* Write actions; see plan-flow.h. */
enum plan_flow_result
plan_flow_run(struct plan_flow *f, int area, const char *action, int more)
{
	struct plan_guide	g;
	struct plan_action	d;

	plan_guide_init(&g, f->prompts, f->source, f->out, f->width);
	plan_flow_say(f, "%s", f->prompts->plan.intro);
	do {
		plan_flow_draft(f, &g, &d, area, action);
		action = NULL;
		switch (plan_guide_run(&g, &d, 0)) {
		case PLAN_GUIDE_SAVE:
			plan_flow_save(f, &g, &d);
			break;
		case PLAN_GUIDE_DISCARD:
			plan_flow_forget(f);
			plan_flow_say(f, "Not saved.");
			break;
		case PLAN_GUIDE_STOP:
			plan_flow_keep(f, &d);
			more = 0;
			break;
		case PLAN_GUIDE_EOF:
			plan_flow_keep(f, &d);
			fputc('\n', f->out);
			plan_flow_say(f, "What you wrote is kept as a draft: /plan, "
			    "or 'dhcoach plan add', carries on with it.");
			plan_action_clear(&d);
			return PLAN_FLOW_EOF;
		}
		plan_action_clear(&d);
		more = more && f->source->interactive && plan_guide_yesno(&g,
		    "Would you like to add another action? (y/N)", 0) == 1;
	} while (more);
	return PLAN_FLOW_DONE;
}

/* A plan-list row for the terminal. */
static int
plan_flow_row(void *ctx, const struct plan_action *a, struct err *e)
{
	(void)e;
	render_plan_row(ctx, a);
	return 0;
}

/* The plan as a list for the terminal; see plan-flow.h. */
int
plan_flow_list(struct plan_flow *f, struct err *e)
{
	struct store_plan_filter	filter = { -1, 0, 0, NULL };
	struct render_plan		r;

	render_plan_begin(&r, f->out, RENDER_PLAN_LIST, f->width, f->today);
	if (store_plan_each(f->db, &filter, plan_flow_row, &r, e) != 0)
		return -1;
	render_plan_end(&r);
	if (r.n == 0)
		plan_flow_say(f, "Your plan is empty: /plan starts it.");
	return 0;
}

/*
 * render-plan.h: the action plan for people and programs: a list for
 * the terminal, one action in full, and the exports (Markdown, CSV,
 * JSON).  (A draft being written is shown by plan-guide.c.)
 *
 * A plan is rendered a row at a time (begin, row, ..., end) so that a
 * long plan streams from the store to the output in flat memory.
 * Renderers only write: no store, no prompts, no terminal questions.
 * Dates are shown in words ("Friday 31 March 2027"), with how the due
 * date stands ("in 12 days", "yesterday has passed").
 *
 * Ownership: struct render_plan borrows its stream and strings.
 */
#ifndef DHCOACH_RENDER_PLAN_H
#define DHCOACH_RENDER_PLAN_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "json.h"
#include "plan.h"

enum render_plan_format {
	RENDER_PLAN_LIST,	/* the terminal list */
	RENDER_PLAN_MD,
	RENDER_PLAN_CSV,
	RENDER_PLAN_JSON
};

/* Parse "md" (or "markdown"), "csv" or "json": 0, or -1 when unknown. */
int render_plan_format_parse(const char *, enum render_plan_format *);

struct render_plan {
	FILE			*f;
	enum render_plan_format	 format;
	int			 width;
	char			 today[DATE_LEN];
	struct json		 json;
	size_t			 n;	/* rows written */
};

void render_plan_begin(struct render_plan *, FILE *,
    enum render_plan_format, int width, const char *today);
void render_plan_row(struct render_plan *, const struct plan_action *);
/*
 * Close the document: the JSON array; "No actions yet." in Markdown when
 * no row was written.  The list writes its heading with its first row
 * and nothing at all without one: its caller says why it is empty
 * (n == 0).  CSV always has its header line.
 */
void render_plan_end(struct render_plan *);
/*
 * One action as the JSON export writes it (id, area, action, measure,
 * due, support, status, created, updated, done), into a document of the
 * caller's: the mentor's report uses it for its plan.
 */
void render_plan_json_object(struct json *, const struct plan_action *);

/* One action in full, dates in words. */
void render_plan_show(FILE *, const struct plan_action *, const char *today,
    int width);

#endif

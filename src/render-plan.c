/*
 * render-plan.c: the action plan as a terminal list, one action in full,
 * and the Markdown, CSV and JSON exports (see render-plan.h).
 *
 * Invariants: a row is written whole or not at all, and holds nothing
 * over to the next but the count; what a candidate typed reaches the
 * terminal only through util_printable, Markdown only through
 * markup_md_escape, CSV only through markup_csv_field and JSON only
 * through the json writer.  Dates are in words for people, as stored
 * (YYYY-MM-DD, UTC times) for programs.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "json.h"
#include "markup.h"
#include "plan.h"
#include "render-plan.h"
#include "util.h"

/* The column where the text of a labelled field starts in show. */
#define RENDER_PLAN_LABEL	17

/* Parse an export format's name. */
int
render_plan_format_parse(const char *s, enum render_plan_format *out)
{
	if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
		*out = RENDER_PLAN_MD;
	else if (strcmp(s, "csv") == 0)
		*out = RENDER_PLAN_CSV;
	else if (strcmp(s, "json") == 0)
		*out = RENDER_PLAN_JSON;
	else
		return -1;
	return 0;
}

/* Start a document: the CSV header line, the JSON array's bracket. */
void
render_plan_begin(struct render_plan *r, FILE *f,
    enum render_plan_format format, int width, const char *today)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->format = format;
	r->width = width;
	snprintf(r->today, sizeof r->today, "%s", today != NULL ? today : "");
	json_init(&r->json, f);
	switch (format) {
	case RENDER_PLAN_CSV:
		fputs("id,area,action,measure,due,support,status,created,"
		    "updated,done\r\n", f);
		break;
	case RENDER_PLAN_JSON:
		json_array_begin(&r->json);
		break;
	case RENDER_PLAN_LIST:
	case RENDER_PLAN_MD:
		break;
	}
}

/* Write text wrapped from column col, made safe for a terminal. */
static void
render_plan_wrap_at(FILE *f, const char *text, int col, int indent,
    int width)
{
	char	*s;

	s = util_printable(text, strlen(text));
	util_wrap_at(f, s, col, indent, width);
	free(s);
}

/* One action of the terminal list, with the heading before the first. */
static void
render_plan_list_row(struct render_plan *r, const struct plan_action *a)
{
	if (r->n == 0)
		fputs(" ID  Status  Due                 Area\n", r->f);
	fprintf(r->f, "%3lld  %-6s  %-10s %-7s  %s\n", (long long)a->id,
	    plan_status(a), a->due != NULL ? a->due : "",
	    plan_overdue(a, r->today) ? "overdue" : "", a->area);
	fprintf(r->f, "%7s", "");
	render_plan_wrap_at(r->f, a->action, 7, 7, r->width);
}

/* A Markdown list item "- label: text", the text escaped, or "(not given)". */
static void
render_plan_md_item(FILE *f, const char *label, const char *text)
{
	char	*lead;

	lead = xasprintf("- %s: ", label);
	markup_md_wrap(f, lead, text != NULL && *text != '\0' ? text :
	    "(not given)", "", 2);
	free(lead);
}

/* One action as Markdown: a heading and its fields. */
static void
render_plan_md_row(struct render_plan *r, const struct plan_action *a)
{
	struct buf	b = { 0 };
	char		when[DATE_WORDS_LEN], day[DATE_LEN];

	markup_md_escape(&b, a->action);
	fprintf(r->f, "%s### %lld. %s\n\n", r->n == 0 ? "" : "\n",
	    (long long)a->id, b.len > 0 ? b.data : "");
	buf_free(&b);
	fprintf(r->f, "- Status: %s%s\n", plan_status(a),
	    plan_overdue(a, r->today) ? ", overdue" : "");
	if (a->due != NULL && date_valid(a->due)) {
		date_long(a->due, when, sizeof when);
		fprintf(r->f, "- Due: %s (%s)\n", when, a->due);
	} else
		render_plan_md_item(r->f, "Due", a->due);
	fprintf(r->f, "- Area: %s\n", a->area);
	render_plan_md_item(r->f, "How I will know it worked", a->measure);
	render_plan_md_item(r->f, "Support", a->support);
	if (a->done && a->done_at != NULL) {
		date_of_time(a->done_at, day);
		fprintf(r->f, "- Done: %s\n", day);
	}
}

/* One action as a CSV record (RFC 4180, CRLF). */
static void
render_plan_csv_row(struct render_plan *r, const struct plan_action *a)
{
	const char	*v[] = { a->area, a->action, a->measure, a->due,
			    a->support, plan_status(a), a->created, a->updated,
			    a->done_at };
	size_t		 i;

	fprintf(r->f, "%lld", (long long)a->id);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		fputc(',', r->f);
		markup_csv_field(r->f, v[i]);
	}
	fputs("\r\n", r->f);
}

/* One action as the JSON export writes it. */
void
render_plan_json_object(struct json *j, const struct plan_action *a)
{
	json_object_begin(j);
	json_key(j, "id");
	json_int(j, a->id);
	json_key(j, "area");
	json_string(j, a->area);
	json_key(j, "action");
	json_string(j, a->action);
	json_key(j, "measure");
	json_string(j, a->measure != NULL ? a->measure : "");
	json_key(j, "due");
	json_string(j, a->due);
	json_key(j, "support");
	json_string(j, a->support != NULL ? a->support : "");
	json_key(j, "status");
	json_string(j, plan_status(a));
	json_key(j, "created");
	json_string(j, a->created);
	json_key(j, "updated");
	json_string(j, a->updated);
	json_key(j, "done");
	json_string(j, a->done ? a->done_at : NULL);
	json_object_end(j);
}

/* Write one action in the document's format. */
void
render_plan_row(struct render_plan *r, const struct plan_action *a)
{
	switch (r->format) {
	case RENDER_PLAN_LIST:
		render_plan_list_row(r, a);
		break;
	case RENDER_PLAN_MD:
		render_plan_md_row(r, a);
		break;
	case RENDER_PLAN_CSV:
		render_plan_csv_row(r, a);
		break;
	case RENDER_PLAN_JSON:
		json_newline(&r->json);
		render_plan_json_object(&r->json, a);
		break;
	}
	r->n++;
}

/* Close the document. */
void
render_plan_end(struct render_plan *r)
{
	switch (r->format) {
	case RENDER_PLAN_MD:
		if (r->n == 0)
			fputs("No actions yet.\n", r->f);
		break;
	case RENDER_PLAN_JSON:
		if (r->n > 0)
			json_newline(&r->json);
		json_array_end(&r->json);
		json_end(&r->json);
		break;
	case RENDER_PLAN_LIST:
	case RENDER_PLAN_CSV:
		break;
	}
}

/* Print one labelled field of show, its text or "(not given)". */
static void
render_plan_field(FILE *f, const char *label, const char *text, int width)
{
	int	col;

	col = fprintf(f, "  %-*s", RENDER_PLAN_LABEL, label);
	if (text == NULL || *text == '\0')
		fputs("(not given)\n", f);
	else
		render_plan_wrap_at(f, text, col, col, width);
}

/* Print a UTC time of an action in words ("(not given)" when NULL). */
static void
render_plan_time_field(FILE *f, const char *label, const char *at,
    int width)
{
	char	when[DATE_WORDS_LEN];

	if (at == NULL || *at == '\0') {
		render_plan_field(f, label, NULL, width);
		return;
	}
	date_time_long(at, when, sizeof when);
	render_plan_field(f, label, when, width);
}

/* One action in full, dates in words. */
void
render_plan_show(FILE *f, const struct plan_action *a, const char *today,
    int width)
{
	char	when[DATE_WORDS_LEN], stand[DATE_WORDS_LEN], *due;

	fprintf(f, "Action %lld (%s)\n", (long long)a->id, plan_status(a));
	render_plan_field(f, "What:", a->action, width);
	render_plan_field(f, "How you'll know:", a->measure, width);
	if (a->due == NULL || !date_valid(a->due))
		due = xstrdup(a->due != NULL ? a->due : "");
	else {
		date_long(a->due, when, sizeof when);
		date_due_words(a->due, today, stand, sizeof stand);
		due = a->done ? xstrdup(when) :
		    xasprintf("%s (%s)", when, stand);
	}
	render_plan_field(f, "Due:", due, width);
	free(due);
	render_plan_field(f, "Support:", a->support, width);
	render_plan_field(f, "Area:", a->area, width);
	render_plan_time_field(f, "Added:", a->created, width);
	render_plan_time_field(f, "Last changed:", a->updated, width);
	if (a->done)
		render_plan_time_field(f, "Done:", a->done_at, width);
}

/*
 * render-history.c: the answers kept, as text grouped by sitting or as
 * one JSON array, a row at a time (see render-history.h).
 *
 * Invariants: a sitting's heading is written before its first row, so
 * rows must come grouped by sitting (store_history gives them so);
 * what a candidate typed reaches the terminal only through
 * util_printable, and JSON only through the json writer.  Indicators
 * are listed by id in framework order.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "framework.h"
#include "json.h"
#include "render-history.h"
#include "store-history.h"
#include "util.h"

/* Start a document (the JSON array's bracket). */
void
render_history_begin(struct render_history *r, FILE *f,
    enum render_history_format format, int width)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->format = format;
	r->width = width;
	json_init(&r->json, f);
	if (format == RENDER_HISTORY_JSON)
		json_array_begin(&r->json);
}

/*
 * Split a UTC time into its local date ("Thursday 26 November 2026") and
 * time ("10:37"); the text as it is, and no time, when it is not a time.
 */
static void
render_history_when(const char *at, char date[DATE_WORDS_LEN],
    char hm[DATE_WORDS_LEN])
{
	char	*comma;

	hm[0] = '\0';
	if (at == NULL || !date_time_valid(at)) {
		snprintf(date, DATE_WORDS_LEN, "%s", at != NULL ? at : "");
		return;
	}
	date_time_long(at, date, DATE_WORDS_LEN);
	if ((comma = strrchr(date, ',')) != NULL) {
		snprintf(hm, DATE_WORDS_LEN, "%s", comma + 2);
		*comma = '\0';
	}
}

/* Write "label id, id" of the indicators set in v, wrapped; nothing if none. */
static void
render_history_ids(struct render_history *r, const char *label,
    const int *v, int always)
{
	struct buf	 b = { 0 };
	int		 i, n = 0;

	buf_adds(&b, label);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!v[i])
			continue;
		buf_printf(&b, "%s %s", n > 0 ? "," : "",
		    framework_indicators[i].id);
		n++;
	}
	if (n == 0)
		buf_adds(&b, " none found");
	if (n > 0 || always)
		util_wrap(r->f, b.data, 4, 4 + (int)strlen(label) + 1,
		    r->width);
	buf_free(&b);
}

/* Write "lead text" wrapped, the text made safe for a terminal. */
static void
render_history_text(struct render_history *r, const char *lead,
    const char *text)
{
	char	*safe, *line;

	safe = util_printable(text, strlen(text));
	line = xasprintf("%s%s", lead, safe);
	util_wrap(r->f, line, 4, 7, r->width);
	free(line);
	free(safe);
}

/* One answer as text, after its sitting's heading when it starts one. */
static void
render_history_text_row(struct render_history *r,
    const struct store_answer *a)
{
	char	date[DATE_WORDS_LEN], hm[DATE_WORDS_LEN];

	render_history_when(a->at, date, hm);
	if (r->n == 0 || a->session != r->session)
		fprintf(r->f, "%sSession %lld, %s\n", r->n == 0 ? "" : "\n",
		    (long long)a->session, date);
	fputc('\n', r->f);
	fprintf(r->f, "  %s%s%s, %s\n", hm, *hm != '\0' ? "  " : "",
	    a->area >= 0 && a->area < FRAMEWORK_NAREAS ?
	    framework_areas[a->area].id : "?",
	    strcmp(a->kind, "probe") == 0 ? "follow-up question" :
	    "main question");
	render_history_text(r, "Q: ", a->question);
	render_history_text(r, "A: ", a->answer);
	render_history_ids(r, "Evidence:", a->found, 1);
	render_history_ids(r, "You say covered:", a->covered, 0);
}

/* A JSON array of the ids of the indicators set in v. */
static void
render_history_json_ids(struct json *j, const char *key, const int *v)
{
	int	i;

	json_key(j, key);
	json_array_begin(j);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (v[i])
			json_string(j, framework_indicators[i].id);
	}
	json_array_end(j);
}

/* One answer as a JSON object on its own line. */
static void
render_history_json_row(struct render_history *r,
    const struct store_answer *a)
{
	struct json	*j = &r->json;

	json_newline(j);
	json_object_begin(j);
	json_key(j, "id");
	json_int(j, a->id);
	json_key(j, "session");
	json_int(j, a->session);
	json_key(j, "area");
	json_string(j, a->area >= 0 && a->area < FRAMEWORK_NAREAS ?
	    framework_areas[a->area].id : NULL);
	json_key(j, "kind");
	json_string(j, a->kind);
	json_key(j, "prompt");
	json_string(j, a->question);
	json_key(j, "answer");
	json_string(j, a->answer);
	json_key(j, "at");
	json_string(j, a->at);
	render_history_json_ids(j, "indicators", a->found);
	render_history_json_ids(j, "covered", a->covered);
	json_object_end(j);
}

/* Write one answer. */
void
render_history_row(struct render_history *r, const struct store_answer *a)
{
	if (r->format == RENDER_HISTORY_JSON)
		render_history_json_row(r, a);
	else
		render_history_text_row(r, a);
	r->session = a->session;
	r->n++;
}

/* Close the document. */
void
render_history_end(struct render_history *r)
{
	if (r->format != RENDER_HISTORY_JSON)
		return;
	if (r->n > 0)
		json_newline(&r->json);
	json_array_end(&r->json);
	json_end(&r->json);
}

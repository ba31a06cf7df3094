/*
 * render-readiness.c: the readiness summary as text, Markdown or JSON
 * (see render-readiness.h).
 *
 * Invariants: every format says the same: each area's rating, evidence,
 * strongest quote, claims, calibration note and status, then the areas
 * with experience to build on, the thin ones and the next steps.  The
 * words around them are the prompts' [readiness] section's; the status
 * words are readiness_status_name's, so nothing here says pass, fail or
 * "not ready".  Text is wrapped at the width given and never broken
 * inside a word; Markdown is wrapped at 80.  What a candidate typed
 * reaches the terminal only through util_printable, Markdown only
 * through markup_md_escape and JSON only through the json writer.
 */
#include <stdlib.h>
#include <string.h>

#include "coach.h"
#include "framework.h"
#include "json.h"
#include "markup.h"
#include "picture.h"
#include "prompts.h"
#include "readiness.h"
#include "render-readiness.h"
#include "util.h"

/* The width of the Markdown document. */
#define RENDER_READINESS_WIDTH	80

/* What every writer needs. */
struct render_readiness_ctx {
	FILE				*f;
	const struct prompts		*p;
	const struct picture		*pic;
	const struct readiness		*r;
	struct coach			*c;
	int				 width;
};

/* Parse a format's name. */
int
render_readiness_format_parse(const char *s,
    enum render_readiness_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = RENDER_READINESS_TEXT;
	else if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
		*out = RENDER_READINESS_MD;
	else if (strcmp(s, "json") == 0)
		*out = RENDER_READINESS_JSON;
	else
		return -1;
	return 0;
}

/* Add the titles of area a's own indicators only claimed, "A, B"; 0 if none. */
static int
render_readiness_claims(struct buf *b, const struct render_readiness_ctx *x,
    int a)
{
	const struct picture_evidence	*ev;
	int				 i, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		ev = &x->pic->areas[a].ev[i];
		if (framework_indicators[i].area != a || ev->shown ||
		    !ev->covered)
			continue;
		buf_printf(b, "%s%s", n > 0 ? ", " : "",
		    x->p->indicators[i].title);
		n++;
	}
	return n;
}

/* Add "Your rating 4 of 5; evidence 3 of 4 shown [###...]" to b. */
static void
render_readiness_figures(struct buf *b, const struct readiness_area *ra)
{
	if (ra->rating != 0)
		buf_printf(b, "Your rating %d of 5; evidence ", ra->rating);
	else
		buf_adds(b, "No rating yet; evidence ");
	buf_printf(b, "%d of %d shown ", ra->shown, ra->total);
	markup_bar(b, ra->shown, ra->total, MARKUP_BAR);
}

/* Write text wrapped, made safe for a terminal. */
static void
render_readiness_wrap(const struct render_readiness_ctx *x, const char *s,
    int first, int indent)
{
	char	*safe;

	safe = util_printable(s, strlen(s));
	util_wrap(x->f, safe, first, indent, x->width);
	free(safe);
}

/* One area for the terminal. */
static void
render_readiness_text_area(const struct render_readiness_ctx *x, int a)
{
	const struct readiness_area	*ra = &x->r->areas[a];
	struct buf			 b = { 0 };

	buf_printf(&b, "%s: %s", x->p->areas[a].title,
	    readiness_status_name(ra->status));
	render_readiness_wrap(x, b.data, 0, 2);
	buf_free(&b);
	if (ra->status == READINESS_NOT_DISCUSSED)
		return;
	render_readiness_figures(&b, ra);
	render_readiness_wrap(x, b.data, 2, 4);
	buf_free(&b);
	if (ra->quote != NULL) {
		buf_printf(&b, "In your words: \"%s\"", ra->quote);
		render_readiness_wrap(x, b.data, 2, 4);
		buf_free(&b);
	}
	buf_adds(&b, "You say you also covered: ");
	if (render_readiness_claims(&b, x, a) > 0) {
		buf_addc(&b, '.');
		render_readiness_wrap(x, b.data, 2, 4);
	}
	buf_free(&b);
	if (coach_calibration(x->c, &b, x->pic, a))
		render_readiness_wrap(x, b.data, 2, 2);
	buf_free(&b);
}

/* A list of areas after its words, for the terminal: "  A, B." */
static void
render_readiness_text_areas(const struct render_readiness_ctx *x,
    const char *words, const int *v, int n)
{
	struct buf	b = { 0 };
	int		k;

	if (n == 0)
		return;
	fputc('\n', x->f);
	if (words != NULL)
		render_readiness_wrap(x, words, 0, 0);
	for (k = 0; k < n; k++)
		buf_printf(&b, "%s%s", k > 0 ? ", " : "",
		    x->p->areas[v[k]].title);
	buf_addc(&b, '.');
	render_readiness_wrap(x, b.data, 2, 2);
	buf_free(&b);
}

/* The next steps, numbered: "1. Area, gap: suggestion". */
static void
render_readiness_text_next(const struct render_readiness_ctx *x)
{
	const struct readiness_step	*s;
	struct buf			 b = { 0 };
	int				 k;

	if (x->r->nnext == 0)
		return;
	fputc('\n', x->f);
	if (x->p->readiness.next != NULL)
		render_readiness_wrap(x, x->p->readiness.next, 0, 0);
	for (k = 0; k < x->r->nnext; k++) {
		s = &x->r->next[k];
		buf_printf(&b, "%d. %s, %s: %s", k + 1,
		    x->p->areas[s->area].title,
		    x->p->indicators[s->indicator].title,
		    x->p->indicators[s->indicator].gap);
		render_readiness_wrap(x, b.data, 2, 5);
		buf_free(&b);
	}
}

/* The summary for the terminal. */
static void
render_readiness_text(const struct render_readiness_ctx *x)
{
	const struct prompts_readiness	*w = &x->p->readiness;
	int				 a, here, before = 0;

	if (x->r->ndiscussed == 0) {
		if (w->none != NULL)
			render_readiness_wrap(x, w->none, 0, 0);
		return;
	}
	if (w->intro != NULL) {
		render_readiness_wrap(x, w->intro, 0, 0);
		fputc('\n', x->f);
	}
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		here = x->r->areas[a].status != READINESS_NOT_DISCUSSED;
		if (a > 0 && (here || before))
			fputc('\n', x->f);
		render_readiness_text_area(x, a);
		before = here;
	}
	render_readiness_text_areas(x, w->strengths, x->r->strengths,
	    x->r->nstrengths);
	render_readiness_text_areas(x, w->thin, x->r->thin, x->r->nthin);
	render_readiness_text_next(x);
}

/* A Markdown list item "- lead text tail", the text escaped. */
static void
render_readiness_md_item(FILE *f, const char *lead, const char *text,
    const char *tail)
{
	markup_md_wrap(f, lead, text, tail, 2);
}

/* One area as a Markdown section. */
static void
render_readiness_md_area(const struct render_readiness_ctx *x, int a)
{
	const struct readiness_area	*ra = &x->r->areas[a];
	struct buf			 b = { 0 };

	fprintf(x->f, "\n## %s: %s\n\n", x->p->areas[a].title,
	    readiness_status_name(ra->status));
	if (ra->rating != 0)
		fprintf(x->f, "- Self-rating: %d of 5\n", ra->rating);
	else
		fputs("- Self-rating: not given yet\n", x->f);
	markup_bar(&b, ra->shown, ra->total, MARKUP_BAR);
	fprintf(x->f, "- Evidence: %d of %d shown %s\n", ra->shown, ra->total,
	    b.data);
	buf_free(&b);
	if (ra->quote != NULL)
		render_readiness_md_item(x->f, "- In your words: \"", ra->quote,
		    "\"");
	if (render_readiness_claims(&b, x, a) > 0)
		render_readiness_md_item(x->f, "- You say you also covered: ",
		    b.data, "");
	buf_free(&b);
	if (coach_calibration(x->c, &b, x->pic, a))
		render_readiness_md_item(x->f, "- Calibration: ", b.data, "");
	buf_free(&b);
}

/* The areas not yet discussed, in one paragraph. */
static void
render_readiness_md_undiscussed(const struct render_readiness_ctx *x)
{
	struct buf	b = { 0 };
	int		a;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (x->r->areas[a].status == READINESS_NOT_DISCUSSED)
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "",
			    x->p->areas[a].title);
	}
	if (b.len > 0) {
		buf_addc(&b, '.');
		fputs("\n## Not yet discussed\n\n", x->f);
		util_wrap(x->f, b.data, 0, 0, RENDER_READINESS_WIDTH);
	}
	buf_free(&b);
}

/* A list of areas after its words, as Markdown. */
static void
render_readiness_md_areas(const struct render_readiness_ctx *x,
    const char *words, const int *v, int n)
{
	int	k;

	if (n == 0)
		return;
	if (words != NULL) {
		fputc('\n', x->f);
		markup_md_wrap(x->f, "", words, "", 0);
	}
	fputc('\n', x->f);
	for (k = 0; k < n; k++)
		fprintf(x->f, "- %s\n", x->p->areas[v[k]].title);
}

/* The summary as Markdown, for a mentor's first meeting. */
static void
render_readiness_md(const struct render_readiness_ctx *x)
{
	const struct prompts_readiness	*w = &x->p->readiness;
	const struct readiness_step	*s;
	char				*lead;
	int				 a, k;

	fputs("# Applying to the programme: where you stand\n", x->f);
	if (x->r->ndiscussed == 0) {
		if (w->none != NULL) {
			fputc('\n', x->f);
			markup_md_wrap(x->f, "", w->none, "", 0);
		}
		return;
	}
	if (w->intro != NULL) {
		fputc('\n', x->f);
		markup_md_wrap(x->f, "", w->intro, "", 0);
	}
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (x->r->areas[a].status != READINESS_NOT_DISCUSSED)
			render_readiness_md_area(x, a);
	}
	render_readiness_md_undiscussed(x);
	fputs("\n## In short\n", x->f);
	render_readiness_md_areas(x, w->strengths, x->r->strengths,
	    x->r->nstrengths);
	render_readiness_md_areas(x, w->thin, x->r->thin, x->r->nthin);
	if (x->r->nnext == 0)
		return;
	if (w->next != NULL) {
		fputc('\n', x->f);
		markup_md_wrap(x->f, "", w->next, "", 0);
	}
	fputc('\n', x->f);
	for (k = 0; k < x->r->nnext; k++) {
		s = &x->r->next[k];
		lead = xasprintf("%d. %s, %s: ", k + 1,
		    x->p->areas[s->area].title,
		    x->p->indicators[s->indicator].title);
		markup_md_wrap(x->f, lead, x->p->indicators[s->indicator].gap,
		    "", 3);
		free(lead);
	}
}

/* One area's JSON object, on its own line. */
static void
render_readiness_json_area(const struct render_readiness_ctx *x,
    struct json *j, int a)
{
	const struct readiness_area	*ra = &x->r->areas[a];
	struct buf			 b = { 0 };

	json_newline(j);
	json_object_begin(j);
	json_key(j, "id");
	json_string(j, framework_areas[a].id);
	json_key(j, "title");
	json_string(j, x->p->areas[a].title);
	json_key(j, "rating");
	if (ra->rating != 0)
		json_int(j, ra->rating);
	else
		json_null(j);
	json_key(j, "shown");
	json_int(j, ra->shown);
	json_key(j, "total");
	json_int(j, ra->total);
	json_key(j, "covered");
	json_int(j, ra->covered);
	json_key(j, "quote");
	json_string(j, ra->quote);
	json_key(j, "calibration");
	if (ra->status != READINESS_NOT_DISCUSSED &&
	    coach_calibration(x->c, &b, x->pic, a))
		json_string(j, b.data);
	else
		json_null(j);
	buf_free(&b);
	json_key(j, "status");
	json_string(j, readiness_status_name(ra->status));
	json_object_end(j);
}

/* An array of area ids under key. */
static void
render_readiness_json_ids(struct json *j, const char *key, const int *v,
    int n)
{
	int	k;

	json_key(j, key);
	json_array_begin(j);
	for (k = 0; k < n; k++)
		json_string(j, framework_areas[v[k]].id);
	json_array_end(j);
}

/* The summary as one JSON document. */
static void
render_readiness_json(const struct render_readiness_ctx *x)
{
	const struct readiness_step	*s;
	struct json			 j;
	int				 a, k;

	json_init(&j, x->f);
	json_object_begin(&j);
	json_key(&j, "areas");
	json_array_begin(&j);
	for (a = 0; a < FRAMEWORK_NAREAS; a++)
		render_readiness_json_area(x, &j, a);
	json_newline(&j);
	json_array_end(&j);
	render_readiness_json_ids(&j, "strengths", x->r->strengths,
	    x->r->nstrengths);
	render_readiness_json_ids(&j, "thin", x->r->thin, x->r->nthin);
	json_key(&j, "next");
	json_array_begin(&j);
	for (k = 0; k < x->r->nnext; k++) {
		s = &x->r->next[k];
		json_object_begin(&j);
		json_key(&j, "area");
		json_string(&j, framework_areas[s->area].id);
		json_key(&j, "indicator");
		json_string(&j, framework_indicators[s->indicator].id);
		json_key(&j, "title");
		json_string(&j, x->p->indicators[s->indicator].title);
		json_key(&j, "suggestion");
		json_string(&j, x->p->indicators[s->indicator].gap);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_end(&j);
}

/* Write the readiness summary in the format asked for. */
void
render_readiness(FILE *f, enum render_readiness_format format,
    const struct prompts *p, const struct picture *pic,
    const struct readiness *r, struct coach *c, int width)
{
	struct render_readiness_ctx	x = { f, p, pic, r, c, width };

	switch (format) {
	case RENDER_READINESS_TEXT:
		render_readiness_text(&x);
		break;
	case RENDER_READINESS_MD:
		render_readiness_md(&x);
		break;
	case RENDER_READINESS_JSON:
		render_readiness_json(&x);
		break;
	}
}

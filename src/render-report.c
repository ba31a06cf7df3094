/*
 * render-report.c: the mentor's report as Markdown or JSON, and progress
 * over sittings for the terminal (see render-report.h).
 *
 * Invariants: Markdown and JSON say the same, because both are written
 * from the same lists (struct render_report_list): which indicators are
 * shown or only claimed, and which sentence each is quoted with.
 * Within one list no sentence is quoted twice: an indicator whose
 * newest sentence was used already takes its next one, and is "quoted
 * above" (JSON: null) only when none is left.  An indicator the
 * candidate claims but the coach did not find is never counted as
 * shown and never listed as a gap.  What a candidate typed reaches
 * Markdown only through markup_md_escape, JSON only through the json
 * writer and the terminal only through util_printable.
 */
#include <stdlib.h>
#include <string.h>

#include "coach.h"
#include "date.h"
#include "framework.h"
#include "json.h"
#include "markup.h"
#include "picture.h"
#include "plan.h"
#include "prompts.h"
#include "render-plan.h"
#include "render-report.h"
#include "util.h"

/* The width of the Markdown document. */
#define RENDER_REPORT_WIDTH	80
/* The most sentences an indicator can offer over every area. */
#define RENDER_REPORT_MAXQ	(FRAMEWORK_NAREAS * PICTURE_QUOTES)

/* The indicators of one list, each with the sentence it is quoted with. */
struct render_report_list {
	int		 n;
	int		 ind[FRAMEWORK_NINDICATORS];
	const char	*quote[FRAMEWORK_NINDICATORS];	/* NULL: none */
	const char	*first[FRAMEWORK_NINDICATORS];	/* the newest, or NULL */
	int		 above[FRAMEWORK_NINDICATORS];	/* all used */
};

/* Free what a report owns. */
void
report_free(struct report *r)
{
	size_t	i;

	free(r->name);
	free(r->role);
	for (i = 0; i < r->nplan; i++)
		plan_action_clear(&r->plan[i]);
	free(r->plan);
	for (i = 0; i < r->nanswers; i++) {
		free(r->answers[i].question);
		free(r->answers[i].answer);
		free(r->answers[i].at);
	}
	free(r->answers);
	memset(r, 0, sizeof *r);
}

/* Free what a progress owns. */
void
progress_free(struct progress *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* Whether indicator i is shown in area a (a -1: in any area). */
static int
render_report_shown(const struct picture *pic, int a, int i)
{
	if (a < 0)
		return picture_evidence_all(pic, i);
	return pic->areas[a].ev[i].shown;
}

/*
 * The sentences that showed indicator i in area a, newest first; for a
 * -1, those of every area, the area with the newest first.  Returns how
 * many were put in v.
 */
static int
render_report_sentences(const struct picture *pic, int a, int i,
    const char **v)
{
	const struct picture_evidence	*ev, *best;
	int				 done[FRAMEWORK_NAREAS] = { 0 };
	int				 n = 0, k, t, b, round;
	int				 lo = a < 0 ? 0 : a;
	int				 hi = a < 0 ? FRAMEWORK_NAREAS :
					     a + 1;

	for (round = 0; round < FRAMEWORK_NAREAS; round++) {
		best = NULL;
		b = -1;
		for (t = lo; t < hi; t++) {
			ev = &pic->areas[t].ev[i];
			if (done[t] || !ev->shown)
				continue;
			if (best == NULL || strcmp(ev->at, best->at) > 0) {
				best = ev;
				b = t;
			}
		}
		if (best == NULL)
			break;
		done[b] = 1;
		for (k = 0; k < best->nquotes && n < RENDER_REPORT_MAXQ; k++) {
			if (best->quotes[k] != NULL)
				v[n++] = best->quotes[k];
		}
	}
	return n;
}

/*
 * Whether the candidate claims indicator i in area a (a -1: in any
 * area) though the coach did not find it; *quote gets the sentence
 * they point to, or NULL.
 */
static int
render_report_claimed(const struct picture *pic, int a, int i,
    const char **quote)
{
	const struct picture_evidence	*ev;
	int				 t, lo = a < 0 ? 0 : a;
	int				 hi = a < 0 ? FRAMEWORK_NAREAS :
					     a + 1;

	*quote = NULL;
	if (render_report_shown(pic, a, i))
		return 0;
	for (t = lo; t < hi; t++) {
		ev = &pic->areas[t].ev[i];
		if (ev->covered) {
			if (ev->covered_quote != NULL &&
			    *ev->covered_quote != '\0')
				*quote = ev->covered_quote;
			return 1;
		}
	}
	return 0;
}

/* Add indicator i to l with the first of v[0..n) not quoted above in l. */
static void
render_report_add(struct render_report_list *l, int i, const char **v,
    int n)
{
	int	k, u, used;

	l->ind[l->n] = i;
	l->quote[l->n] = NULL;
	l->first[l->n] = n > 0 ? v[0] : NULL;
	l->above[l->n] = n > 0;
	for (k = 0; k < n; k++) {
		used = 0;
		for (u = 0; u < l->n && !used; u++)
			used = l->quote[u] != NULL &&
			    strcmp(l->quote[u], v[k]) == 0;
		if (!used) {
			l->quote[l->n] = v[k];
			l->above[l->n] = 0;
			break;
		}
	}
	l->n++;
}

/*
 * The list of area a's own indicators (a -1: the ev.* ones over every
 * area) that are shown, or with claims, those only claimed.
 */
static void
render_report_list(const struct picture *pic, int a, int claims,
    struct render_report_list *l)
{
	const char	*v[RENDER_REPORT_MAXQ], *q;
	int		 i, want = a < 0 ? FRAMEWORK_EVIDENCE : a;

	memset(l, 0, sizeof *l);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != want)
			continue;
		if (!claims && render_report_shown(pic, a, i))
			render_report_add(l, i, v,
			    render_report_sentences(pic, a, i, v));
		else if (claims && render_report_claimed(pic, a, i, &q)) {
			v[0] = q;
			render_report_add(l, i, v, q != NULL);
		}
	}
}

/* Whether indicator i is still a gap in area a (a -1: over every area). */
static int
render_report_gap(const struct picture *pic, int a, int i)
{
	const char	*q;

	return framework_indicators[i].area ==
	    (a < 0 ? FRAMEWORK_EVIDENCE : a) &&
	    !render_report_shown(pic, a, i) &&
	    !render_report_claimed(pic, a, i, &q);
}

/* How many of area a's indicators are shown (a -1: ev.* over all). */
static int
render_report_count(const struct picture *pic, int a, int *total)
{
	int	i, n = 0;

	if (a >= 0)
		return picture_shown(pic, a, total);
	*total = 0;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != FRAMEWORK_EVIDENCE)
			continue;
		(*total)++;
		n += picture_evidence_all(pic, i);
	}
	return n;
}

/* Whether any area was explored. */
static int
render_report_any(const struct picture *pic)
{
	int	a;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (picture_state(pic, a) != PICTURE_NOT_STARTED)
			return 1;
	}
	return 0;
}

/* A UTC time's local date in words into out ("" when none). */
static void
render_report_day(const char *at, char out[DATE_WORDS_LEN])
{
	char	day[DATE_LEN];

	out[0] = '\0';
	if (at == NULL || *at == '\0')
		return;
	date_of_time(at, day);
	if (date_valid(day))
		date_long(day, out, DATE_WORDS_LEN);
}

/* The sittings the report covers, in words, after "from". */
static void
render_report_sittings(struct buf *b, const struct picture *pic)
{
	char	first[DATE_WORDS_LEN], last[DATE_WORDS_LEN];

	render_report_day(pic->first, first);
	render_report_day(pic->last, last);
	if (pic->nsessions == 0) {
		buf_adds(b, "; no coaching sessions yet.");
		return;
	}
	buf_printf(b, ", from %d coaching session%s", pic->nsessions,
	    pic->nsessions == 1 ? "" : "s");
	if (*first == '\0')
		buf_addc(b, '.');
	else if (pic->nsessions == 1 || strcmp(first, last) == 0)
		buf_printf(b, " on %s.", first);
	else
		buf_printf(b, " between %s and %s.", first, last);
}

/* A name or role, "" when not given. */
static const char *
render_report_given(const char *s)
{
	return s != NULL ? s : "";
}

/* The title and opening paragraph: who, when, which sittings. */
static void
render_report_md_header(FILE *f, const struct report *r)
{
	struct buf	 b = { 0 };
	const char	*name = render_report_given(r->name);
	const char	*role = render_report_given(r->role);
	char		 when[DATE_WORDS_LEN];

	date_long(r->today, when, sizeof when);
	fputs("# Digital leadership: evidence and action plan\n\n", f);
	buf_adds(&b, "Prepared ");
	if (*name != '\0') {
		buf_adds(&b, "by ");
		markup_md_escape(&b, name);
		if (*role != '\0') {
			buf_adds(&b, ", ");
			markup_md_escape(&b, role);
			buf_addc(&b, ',');
		}
		buf_addc(&b, ' ');
	}
	buf_printf(&b, "with dhcoach on %s", when);
	if (*name == '\0' && *role != '\0') {
		buf_adds(&b, " (role: ");
		markup_md_escape(&b, role);
		buf_addc(&b, ')');
	}
	render_report_sittings(&b, r->picture);
	buf_adds(&b, " Ratings are your own, from 1 to 5; evidence is what "
	    "your answers showed, in your own words.");
	util_wrap(f, b.data, 0, 0, RENDER_REPORT_WIDTH);
	buf_free(&b);
}

/*
 * Print a list's items: "- lead Title: "sentence"", "(quoted above)"
 * when every sentence was used above; a claim (lead given) with no
 * sentence as its title alone.
 */
static void
render_report_md_list(FILE *f, const struct prompts *p,
    const struct render_report_list *l, const char *lead)
{
	char	*item;
	int	 k;

	for (k = 0; k < l->n; k++) {
		item = xasprintf("- %s%s: %s", lead,
		    p->indicators[l->ind[k]].title,
		    l->quote[k] != NULL ? "\"" : "");
		if (l->quote[k] != NULL)
			markup_md_wrap(f, item, l->quote[k], "\"", 2);
		else if (l->above[k])
			markup_md_wrap(f, item, "(quoted above)", "", 2);
		else if (*lead != '\0') {
			/* A claim with no sentence: its title alone. */
			item[strlen(item) - 2] = '\0';
			util_wrap(f, item, 0, 2, RENDER_REPORT_WIDTH);
		} else
			markup_md_wrap(f, item, "(no words kept)", "", 2);
		free(item);
	}
}

/*
 * Print what area a (a -1: the quality of evidence) shows, what the
 * candidate claims, and its gaps with their suggestions.
 */
static void
render_report_md_items(FILE *f, const struct prompts *p,
    const struct picture *pic, int a)
{
	struct render_report_list	 l;
	char				*lead;
	int				 i, first = 1;

	render_report_list(pic, a, 0, &l);
	if (l.n > 0) {
		fputs("\nShown, in your words:\n\n", f);
		render_report_md_list(f, p, &l, "");
	}
	render_report_list(pic, a, 1, &l);
	if (l.n > 0) {
		fputc('\n', f);
		render_report_md_list(f, p, &l,
		    "You say covered, the coach did not find it: ");
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!render_report_gap(pic, a, i))
			continue;
		if (first)
			fputs("\nStill to show:\n\n", f);
		first = 0;
		lead = xasprintf("- %s: ", p->indicators[i].title);
		markup_md_wrap(f, lead, p->indicators[i].gap, "", 2);
		free(lead);
	}
}

/* Print one explored area. */
static void
render_report_md_area(FILE *f, const struct report *r, struct coach *c,
    int a)
{
	const struct picture	*pic = r->picture;
	struct buf		 b = { 0 };
	int			 shown, total;

	fprintf(f, "\n## %s\n\n", r->prompts->areas[a].title);
	if (pic->areas[a].rating != 0)
		fprintf(f, "- Self-rating: %d of 5 (the latest you gave)\n",
		    pic->areas[a].rating);
	else
		fputs("- Self-rating: not given yet\n", f);
	shown = picture_shown(pic, a, &total);
	markup_bar(&b, shown, total, MARKUP_BAR);
	fprintf(f, "- Evidence: %d of %d shown %s\n", shown, total, b.data);
	buf_free(&b);
	render_report_md_items(f, r->prompts, pic, a);
	if (coach_calibration(c, &b, pic, a)) {
		fputc('\n', f);
		markup_md_wrap(f, "Calibration: ", b.data, "", 0);
	}
	buf_free(&b);
}

/* Print the quality of evidence over all answers, and the areas unexplored. */
static void
render_report_md_overall(FILE *f, const struct report *r)
{
	struct buf	b = { 0 };
	int		a, shown, total;

	if (render_report_any(r->picture)) {
		shown = render_report_count(r->picture, -1, &total);
		markup_bar(&b, shown, total, MARKUP_BAR);
		fprintf(f, "\n## Quality of evidence, over all your answers\n\n"
		    "- Shown: %d of %d %s\n", shown, total, b.data);
		buf_free(&b);
		render_report_md_items(f, r->prompts, r->picture, -1);
	}
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (picture_state(r->picture, a) == PICTURE_NOT_STARTED)
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "",
			    r->prompts->areas[a].title);
	}
	if (b.len > 0) {
		fputs("\n## Not explored yet\n\n", f);
		buf_addc(&b, '.');
		util_wrap(f, b.data, 0, 0, RENDER_REPORT_WIDTH);
	}
	buf_free(&b);
}

/* Print the whole action plan, with a count of where it stands. */
static void
render_report_md_plan(FILE *f, const struct report *r)
{
	struct render_plan	rp;
	size_t			i, open = 0, overdue = 0;

	for (i = 0; i < r->nplan; i++) {
		open += !r->plan[i].done;
		overdue += plan_overdue(&r->plan[i], r->today) != 0;
	}
	fputs("\n## Action plan\n\n", f);
	if (r->nplan > 0)
		fprintf(f, "%zu action%s: %zu open (%zu overdue), %zu "
		    "done.\n\n", r->nplan, r->nplan == 1 ? "" : "s", open,
		    overdue, r->nplan - open);
	render_plan_begin(&rp, f, RENDER_PLAN_MD, RENDER_REPORT_WIDTH,
	    r->today);
	for (i = 0; i < r->nplan; i++)
		render_plan_row(&rp, &r->plan[i]);
	render_plan_end(&rp);
}

/* Print the appendix: every answer, by area, oldest first. */
static void
render_report_md_answers(FILE *f, const struct report *r)
{
	const struct report_answer	*ans;
	char				 when[DATE_WORDS_LEN], *tail;
	size_t				 i;

	fputs("\n## Your answers, by area\n", f);
	for (i = 0; i < r->nanswers; i++) {
		ans = &r->answers[i];
		if (ans->area < 0 || ans->area >= FRAMEWORK_NAREAS)
			continue;
		if (i == 0 || ans->area != r->answers[i - 1].area)
			fprintf(f, "\n### %s\n",
			    r->prompts->areas[ans->area].title);
		date_time_long(ans->at, when, sizeof when);
		tail = xasprintf(" (%s)", when);
		fputc('\n', f);
		markup_md_wrap(f, "Q: ", ans->question, tail, 0);
		fputc('\n', f);
		markup_md_wrap(f, "A: ", ans->answer, "", 0);
		free(tail);
	}
	if (r->nanswers == 0)
		fputs("\nNo answers kept yet.\n", f);
}

/* The mentor's report as Markdown. */
void
render_report_md(FILE *f, const struct report *r, struct coach *c)
{
	int	a;

	render_report_md_header(f, r);
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (picture_state(r->picture, a) != PICTURE_NOT_STARTED)
			render_report_md_area(f, r, c, a);
	}
	render_report_md_overall(f, r);
	render_report_md_plan(f, r);
	if (r->with_answers)
		render_report_md_answers(f, r);
}

/* Write a list as an array of {id, title, quote} under key. */
static void
render_report_json_list(struct json *j, const struct prompts *p,
    const struct render_report_list *l, const char *key)
{
	int	k;

	json_key(j, key);
	json_array_begin(j);
	for (k = 0; k < l->n; k++) {
		json_object_begin(j);
		json_key(j, "id");
		json_string(j, framework_indicators[l->ind[k]].id);
		json_key(j, "title");
		json_string(j, p->indicators[l->ind[k]].title);
		/* A program gets a sentence for each: no list to keep tidy. */
		json_key(j, "quote");
		json_string(j, l->quote[k] != NULL ? l->quote[k] : l->first[k]);
		json_object_end(j);
	}
	json_array_end(j);
}

/*
 * Write shown, total, evidence, covered and gaps of area a (a -1: the
 * quality of evidence); lists empty when explored is 0.
 */
static void
render_report_json_items(struct json *j, const struct prompts *p,
    const struct picture *pic, int a, int explored)
{
	struct render_report_list	l;
	int				i, shown, total;

	shown = render_report_count(pic, a, &total);
	json_key(j, "shown");
	json_int(j, shown);
	json_key(j, "total");
	json_int(j, total);
	render_report_list(pic, a, 0, &l);
	l.n = explored ? l.n : 0;
	render_report_json_list(j, p, &l, "evidence");
	render_report_list(pic, a, 1, &l);
	l.n = explored ? l.n : 0;
	render_report_json_list(j, p, &l, "covered");
	json_key(j, "gaps");
	json_array_begin(j);
	for (i = 0; i < FRAMEWORK_NINDICATORS && explored; i++) {
		if (!render_report_gap(pic, a, i))
			continue;
		json_object_begin(j);
		json_key(j, "id");
		json_string(j, framework_indicators[i].id);
		json_key(j, "title");
		json_string(j, p->indicators[i].title);
		json_key(j, "suggestion");
		json_string(j, p->indicators[i].gap);
		json_object_end(j);
	}
	json_array_end(j);
}

/* Write one area's object. */
static void
render_report_json_area(struct json *j, const struct report *r,
    struct coach *c, int a)
{
	const struct picture	*pic = r->picture;
	struct buf		 b = { 0 };
	int			 explored;

	explored = picture_state(pic, a) != PICTURE_NOT_STARTED;
	json_newline(j);
	json_object_begin(j);
	json_key(j, "id");
	json_string(j, framework_areas[a].id);
	json_key(j, "title");
	json_string(j, r->prompts->areas[a].title);
	json_key(j, "dimension");
	json_string(j, framework_dimension_name(framework_areas[a].dimension));
	json_key(j, "explored");
	json_bool(j, explored);
	json_key(j, "rating");
	if (pic->areas[a].rating != 0)
		json_int(j, pic->areas[a].rating);
	else
		json_null(j);
	render_report_json_items(j, r->prompts, pic, a, explored);
	json_key(j, "calibration");
	if (explored && coach_calibration(c, &b, pic, a))
		json_string(j, b.data);
	else
		json_null(j);
	buf_free(&b);
	json_object_end(j);
}

/* Write the "prepared", "name", "role" and "sittings" members. */
static void
render_report_json_header(struct json *j, const struct report *r)
{
	char	day[DATE_LEN];

	json_key(j, "prepared");
	json_string(j, r->today);
	json_key(j, "name");
	json_string(j, *render_report_given(r->name) != '\0' ? r->name : NULL);
	json_key(j, "role");
	json_string(j, *render_report_given(r->role) != '\0' ? r->role : NULL);
	json_key(j, "sittings");
	json_object_begin(j);
	json_key(j, "count");
	json_int(j, r->picture->nsessions);
	json_key(j, "first");
	date_of_time(r->picture->first, day);
	json_string(j, *r->picture->first != '\0' ? day : NULL);
	json_key(j, "last");
	date_of_time(r->picture->last, day);
	json_string(j, *r->picture->last != '\0' ? day : NULL);
	json_object_end(j);
}

/* Write the plan, and with answers the appendix, one object a line. */
static void
render_report_json_tail(struct json *j, const struct report *r)
{
	const struct report_answer	*ans;
	size_t				 i;

	json_newline(j);
	json_key(j, "plan");
	json_array_begin(j);
	for (i = 0; i < r->nplan; i++) {
		json_newline(j);
		render_plan_json_object(j, &r->plan[i]);
	}
	if (r->nplan > 0)
		json_newline(j);
	json_array_end(j);
	if (!r->with_answers)
		return;
	json_newline(j);
	json_key(j, "answers");
	json_array_begin(j);
	for (i = 0; i < r->nanswers; i++) {
		ans = &r->answers[i];
		json_newline(j);
		json_object_begin(j);
		json_key(j, "area");
		json_string(j, ans->area >= 0 && ans->area < FRAMEWORK_NAREAS ?
		    framework_areas[ans->area].id : NULL);
		json_key(j, "question");
		json_string(j, ans->question);
		json_key(j, "answer");
		json_string(j, ans->answer);
		json_key(j, "at");
		json_string(j, ans->at);
		json_object_end(j);
	}
	if (r->nanswers > 0)
		json_newline(j);
	json_array_end(j);
}

/* The mentor's report as one JSON document. */
void
render_report_json(FILE *f, const struct report *r, struct coach *c)
{
	struct json	j;
	int		a;

	json_init(&j, f);
	json_object_begin(&j);
	render_report_json_header(&j, r);
	json_key(&j, "areas");
	json_array_begin(&j);
	for (a = 0; a < FRAMEWORK_NAREAS; a++)
		render_report_json_area(&j, r, c, a);
	json_newline(&j);
	json_array_end(&j);
	json_key(&j, "evidence_quality");
	json_object_begin(&j);
	render_report_json_items(&j, r->prompts, r->picture, -1,
	    render_report_any(r->picture));
	json_object_end(&j);
	render_report_json_tail(&j, r);
	json_object_end(&j);
	json_end(&j);
}

/*
 * Write one line of progress, "  label  text", text wrapped from column
 * 15; the bar, when given, after two spaces if it fits, else wrapped too.
 */
static void
render_progress_line(FILE *f, const char *label, const char *text,
    const char *bar, int width)
{
	char	*line;

	fprintf(f, "  %-11s  ", label);
	if (bar != NULL && 15 + util_columns(text, strlen(text)) + 2 +
	    util_columns(bar, strlen(bar)) <= width) {
		fprintf(f, "%s  %s\n", text, bar);
		return;
	}
	line = xasprintf("%s%s%s", text, bar != NULL ? " " : "",
	    bar != NULL ? bar : "");
	util_wrap_at(f, line, 15, 15, width);
	free(line);
}

/* Print one area's progress; returns 0 when it was never visited. */
static int
render_progress_area(FILE *f, const struct prompts *p,
    const struct progress *pr, int area, int width)
{
	const struct progress_visit	*v;
	struct buf			 b = { 0 }, bar = { 0 };
	int				*ratings, *shown;
	int				 last = -1, nrated = 0;
	int				 total = framework_area_total(area);
	size_t				 i, n = 0;

	ratings = xreallocarray(NULL, pr->n + 1, sizeof *ratings);
	shown = xreallocarray(NULL, pr->n + 1, sizeof *shown);
	for (i = 0; i < pr->n; i++) {
		v = &pr->v[i];
		if (v->area != area)
			continue;
		ratings[n] = v->rating != 0 ? v->rating : -1;
		nrated += v->rating != 0;
		shown[n] = v->nanswers > 0 ? v->shown : -1;
		if (shown[n] >= 0)
			last = shown[n];
		n++;
	}
	if (n > 0) {
		fprintf(f, "\n%s (%zu session%s)\n", p->areas[area].title, n,
		    n == 1 ? "" : "s");
		if (nrated == 0)
			buf_adds(&b, "not given yet");
		else
			markup_trend(&b, ratings, n);
		render_progress_line(f, "self-rating", b.data, NULL, width);
		buf_free(&b);
		if (last == -1)
			render_progress_line(f, "evidence", "no answers yet",
			    NULL, width);
		else {
			markup_trend(&b, shown, n);
			buf_printf(&b, " of %d", total);
			markup_bar(&bar, last, total, MARKUP_BAR);
			render_progress_line(f, "evidence", b.data, bar.data,
			    width);
			buf_free(&bar);
		}
		buf_free(&b);
	}
	free(ratings);
	free(shown);
	return n > 0;
}

/* Print the opening lines of progress, each wrapped at width. */
static void
render_progress_intro(FILE *f, const struct progress *pr, int width)
{
	char	*line;

	line = xasprintf("Your progress over %zu session%s, from the first to "
	    "the latest in each area.", pr->nsessions,
	    pr->nsessions == 1 ? "" : "s");
	util_wrap(f, line, 0, 0, width);
	free(line);
	util_wrap(f, "Evidence counts the area's indicators your answers "
	    "showed in each session;", 0, 0, width);
	util_wrap(f, "\"-\" marks a session without a rating or without an "
	    "answer.", 0, 0, width);
}

/* Progress for the terminal: every area explored, or only area a. */
void
render_progress(FILE *f, const struct prompts *p, const struct progress *pr,
    int a, int width)
{
	struct buf	b = { 0 };
	int		i, nshown = 0;

	if (pr->nsessions == 0) {
		util_wrap(f, "No sessions yet: run dhcoach to start your "
		    "first, and your progress will show here.", 0, 0, width);
		return;
	}
	render_progress_intro(f, pr, width);
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (a != -1 && i != a)
			continue;
		if (render_progress_area(f, p, pr, i, width)) {
			nshown++;
			continue;
		}
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "Not explored yet: ",
		    p->areas[i].title);
	}
	if (a != -1 && nshown == 0) {
		fputc('\n', f);
		buf_free(&b);
		buf_printf(&b, "You have not explored %s in a session yet: "
		    "'dhcoach --area %s' starts there.", p->areas[a].title,
		    framework_areas[a].id);
		util_wrap(f, b.data, 0, 0, width);
	} else if (b.len > 0) {
		fputc('\n', f);
		buf_addc(&b, '.');
		util_wrap(f, b.data, 0, 2, width);
	}
	buf_free(&b);
}

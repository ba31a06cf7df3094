/*
 * render-picture.c: the running picture for the terminal (see
 * render-picture.h).
 *
 * Invariants: numbers are the picture's own (picture_shown,
 * picture_covered), so every view agrees; the candidate's claims are
 * always named as theirs, never counted as shown.
 */
#include <stdlib.h>

#include "framework.h"
#include "markup.h"
#include "render-picture.h"
#include "util.h"

/* The state of area a in words. */
static const char *
render_picture_state(const struct picture *pic, int a, int current)
{
	switch (picture_state(pic, a)) {
	case PICTURE_FINISHED:
		return "finished";
	case PICTURE_STARTED:
		return a == current ? "here now" : "started";
	default:
		return a == current ? "here now" : "not started";
	}
}

/* Every area with its state, evidence and rating; see render-picture.h. */
void
render_picture_areas(FILE *f, const struct prompts *p,
    const struct picture *pic, int current, int width)
{
	struct buf	b = { 0 };
	int		a, shown, total, covered;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		shown = picture_shown(pic, a, &total);
		covered = picture_covered(pic, a);
		fprintf(f, "%c%2d ", a == current ? '>' : ' ', a + 1);
		buf_printf(&b, "%s (%s): %s; %d of %d shown",
		    p->areas[a].title, framework_areas[a].id,
		    render_picture_state(pic, a, current), shown, total);
		if (covered > 0)
			buf_printf(&b, ", %d more you say you covered", covered);
		if (pic->areas[a].rating != 0)
			buf_printf(&b, "; rated %d", pic->areas[a].rating);
		util_wrap_at(f, b.data, 4, 4, width);
		buf_free(&b);
	}
}

/* One area's lines of the summary. */
static void
render_picture_summary_area(FILE *f, const struct prompts *p,
    const struct picture *pic, int a, int width)
{
	struct buf	 b = { 0 };
	char		*line;
	int		 shown, total, covered, gap;

	fprintf(f, "%2d ", a + 1);
	util_wrap_at(f, p->areas[a].title, 3, 3, width);
	if (picture_state(pic, a) == PICTURE_NOT_STARTED) {
		util_wrap(f, "not started", 3, 3, width);
		return;
	}
	shown = picture_shown(pic, a, &total);
	covered = picture_covered(pic, a);
	if (pic->areas[a].rating != 0)
		buf_printf(&b, "rated %d  ", pic->areas[a].rating);
	else
		buf_adds(&b, "unrated  ");
	markup_bar(&b, shown, total, MARKUP_BAR);
	buf_printf(&b, " %d of %d shown", shown, total);
	if (covered > 0)
		buf_printf(&b, ", %d you say you covered", covered);
	util_wrap(f, b.data, 3, 5, width);
	buf_free(&b);
	if ((gap = picture_next_gap(pic, a, NULL)) != -1 &&
	    framework_indicators[gap].area == a) {
		line = xasprintf("next: %s", p->indicators[gap].title);
		util_wrap(f, line, 3, 5, width);
		free(line);
	}
}

/* Every area's summary lines; see render-picture.h. */
void
render_picture_summary(FILE *f, const struct prompts *p,
    const struct picture *pic, int width)
{
	int	a;

	for (a = 0; a < FRAMEWORK_NAREAS; a++)
		render_picture_summary_area(f, p, pic, a, width);
}

/* Area a's open gaps, as /covered numbers them; see render-picture.h. */
int
render_picture_open(const struct picture *pic, int a, int *gaps)
{
	int	i, n = 0, evidence;

	for (evidence = 0; evidence < 2; evidence++) {
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			if (framework_indicators[i].area != (evidence ?
			    FRAMEWORK_EVIDENCE : a) ||
			    picture_settled(pic, a, i))
				continue;
			gaps[n++] = i;
		}
	}
	return n;
}

/* Area a's gaps and the candidate's claims; see render-picture.h. */
void
render_picture_gaps(FILE *f, const struct prompts *p,
    const struct picture *pic, int a, int width)
{
	const struct picture_evidence	*ev;
	int				 gaps[FRAMEWORK_NINDICATORS];
	int				 i, n, k;
	char				*line;

	n = render_picture_open(pic, a, gaps);
	for (k = 0; k < n; k++) {
		line = xasprintf("- %s: %s", p->indicators[gaps[k]].title,
		    p->indicators[gaps[k]].gap);
		util_wrap(f, line, 0, 2, width);
		free(line);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		ev = &pic->areas[a].ev[i];
		if (!framework_counts(i, a) || ev->shown || !ev->covered)
			continue;
		line = xasprintf("- %s: you say you covered it; the coach did "
		    "not find it.", p->indicators[i].title);
		util_wrap(f, line, 0, 2, width);
		free(line);
	}
	if (n == 0) {
		line = xasprintf("Nothing is missing in %s: well done.",
		    p->areas[a].title);
		util_wrap(f, line, 0, 0, width);
		free(line);
	}
}

/*
 * coach.c: the coach's replies (see coach.h).
 *
 * Invariants: shown[i] is set only for indicators of this area or ev.*;
 * quotes[i] is non-NULL exactly when shown[i] is set.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "coach.h"

/* How many fresh indicators a reply names before "and N more". */
#define COACH_NAMED	3

/* Start an area. */
void
coach_area_init(struct coach_area *c, const struct prompts *p, int area)
{
	memset(c, 0, sizeof *c);
	c->prompts = p;
	c->area = area;
}

/* Free the quotes. */
void
coach_area_clear(struct coach_area *c)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		free(c->quotes[i]);
	memset(c->quotes, 0, sizeof c->quotes);
}

/* Whether indicator i counts in this area's conversation. */
static int
coach_counts(const struct coach_area *c, int i)
{
	int	a = framework_indicators[i].area;

	return a == c->area || a == FRAMEWORK_EVIDENCE;
}

/* Add an answer's evidence. */
int
coach_absorb(struct coach_area *c, const struct analysis *a,
    int fresh[FRAMEWORK_NINDICATORS])
{
	int	i, n = 0;

	c->nanswers++;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (fresh != NULL)
			fresh[i] = 0;
		if (!coach_counts(c, i) || c->shown[i] || !analyse_shown(a, i))
			continue;
		c->shown[i] = 1;
		c->quotes[i] = analyse_quote(a, i);
		if (fresh != NULL)
			fresh[i] = 1;
		n++;
	}
	return n;
}

/* Count the area's own indicators shown. */
int
coach_shown(const struct coach_area *c, int *total)
{
	int	i, shown = 0, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != c->area)
			continue;
		n++;
		shown += c->shown[i];
	}
	if (total != NULL)
		*total = n;
	return shown;
}

/* The next gap to raise; see coach.h. */
int
coach_next_gap(const struct coach_area *c, int fresh)
{
	int	i, pass, evidence;

	/* Own indicators, then evidence quality; unprobed ones first. */
	for (pass = fresh ? 0 : 1; pass < 2; pass++) {
		for (evidence = 0; evidence < 2; evidence++) {
			for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
				if (framework_indicators[i].area != (evidence ?
				    FRAMEWORK_EVIDENCE : c->area))
					continue;
				if (c->shown[i] || (pass == 0 && c->probed[i]))
					continue;
				return i;
			}
		}
	}
	return -1;
}

/* Whether the area can be summed up. */
int
coach_done(const struct coach_area *c)
{
	int	shown, total;

	shown = coach_shown(c, &total);
	return shown == total || c->nprobes >= COACH_MAX_PROBES;
}

/* Add a title in running text: lower-case its first letter unless an acronym. */
static void
coach_add_title(struct buf *b, const char *title)
{
	if (isupper((unsigned char)title[0]) &&
	    !isupper((unsigned char)title[1])) {
		buf_addc(b, (char)tolower((unsigned char)title[0]));
		buf_adds(b, title + 1);
	} else
		buf_adds(b, title);
}

/* Write the reply to an answer; see coach.h. */
int
coach_reply(struct buf *b, const struct coach_area *c,
    const int fresh[FRAMEWORK_NINDICATORS], int with_gap)
{
	const struct prompts	*p = c->prompts;
	int			 order[FRAMEWORK_NINDICATORS];
	int			 i, n = 0, named, gap, evidence;

	/* The fresh evidence, the area's own indicators first. */
	for (evidence = 0; evidence < 2; evidence++) {
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			if (fresh[i] && (framework_indicators[i].area ==
			    FRAMEWORK_EVIDENCE) == evidence)
				order[n++] = i;
		}
	}
	if (n == 0 && c->nanswers <= 1)
		buf_adds(b, "I couldn't find clear evidence for this area in "
		    "that yet, so let's draw it out.");
	else if (n == 0)
		buf_adds(b, "That doesn't add new evidence yet, and that's "
		    "fine: a concrete example usually does.");
	else {
		buf_adds(b, "That shows ");
		named = n > COACH_NAMED ? COACH_NAMED : n;
		for (i = 0; i < named; i++) {
			if (i > 0)
				buf_adds(b, i == named - 1 && named == n ?
				    " and " : ", ");
			coach_add_title(b, p->indicators[order[i]].title);
			buf_printf(b, " (\"%s\")", c->quotes[order[i]]);
		}
		if (n > named)
			buf_printf(b, ", and %d more", n - named);
		buf_adds(b, ".");
	}

	if (!with_gap)
		return -1;
	if ((gap = coach_next_gap(c, 1)) == -1) {
		buf_adds(b, "\n\nThat covers everything I look for here.");
		return -1;
	}
	buf_printf(b, "\n\nStill missing: %s", p->indicators[gap].gap);
	return gap;
}

/* The probe for gap g, counting it. */
const char *
coach_probe(struct coach_area *c, int g)
{
	const struct prompts_indicator	*ind = &c->prompts->indicators[g];
	const char			*q;

	/* A second probe of the same gap asks its next question. */
	q = ind->probes[c->probed[g] % ind->nprobes];
	c->probed[g]++;
	c->nprobes++;
	return q;
}

/* Write a calibration note when rating and evidence disagree. */
int
coach_calibration(struct buf *b, const struct coach_area *c)
{
	int	shown, total;

	shown = coach_shown(c, &total);
	if (c->rating >= 4 && shown * 2 < total) {
		buf_printf(b, "You rated yourself %d here, but your answers so "
		    "far show %d of %d. The rating may be right and the "
		    "evidence just not in your words yet: add an example for "
		    "each gap, or think again about the rating.", c->rating,
		    shown, total);
		return 1;
	}
	if (c->rating >= 1 && c->rating <= 2 && shown * 2 > total) {
		buf_printf(b, "You rated yourself %d here, yet your answers "
		    "show %d of %d. You may be underselling yourself: your "
		    "evidence suggests a higher rating.", c->rating, shown,
		    total);
		return 1;
	}
	return 0;
}

/* Write the area's one-line summing-up. */
void
coach_summary(struct buf *b, const struct coach_area *c)
{
	int	shown, total;

	shown = coach_shown(c, &total);
	buf_printf(b, "%s: %d of %d shown.",
	    c->prompts->areas[c->area].title, shown, total);
	if (c->rating == 0)
		return;
	buf_addc(b, ' ');
	if (!coach_calibration(b, c))
		buf_printf(b, "Your rating of %d fits your evidence.",
		    c->rating);
}

/* Write a plain-text bar. */
void
coach_bar(struct buf *b, int shown, int total, int width)
{
	int	i, full;

	full = total > 0 ? (shown * width + total / 2) / total : 0;
	buf_addc(b, '[');
	for (i = 0; i < width; i++)
		buf_addc(b, i < full ? '#' : '-');
	buf_addc(b, ']');
}

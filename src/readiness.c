/*
 * readiness.c: each area's standing against the [readiness] rule, and
 * the next steps that would most strengthen an application (see
 * readiness.h).
 *
 * Invariants: an area with no rating and no answer is never thin; a
 * required indicator counts only in the areas where it counts
 * (framework_counts: the area's own, and the ev.* ones everywhere);
 * at most one next step comes from one area.  The quote of an area is
 * the newest sentence of its own shown indicators, preferring one that
 * also showed an ev.* indicator (a sentence that is an example, a
 * result or a number as well), so that the strongest single line of
 * evidence is the one quoted.
 */
#include <string.h>

#include "framework.h"
#include "picture.h"
#include "prompts.h"
#include "readiness.h"

/* Whether area a meets the rule's required indicators. */
static int
readiness_required(const struct prompts_readiness *rule,
    const struct picture *pic, int a)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!rule->require[i] || !framework_counts(i, a))
			continue;
		if (!pic->areas[a].ev[i].shown)
			return 0;
	}
	return 1;
}

/* Whether sentence q of area a also showed one of its ev.* indicators. */
static int
readiness_carries_evidence(const struct picture_area *pa, const char *q)
{
	const struct picture_evidence	*ev;
	int				 i, k;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != FRAMEWORK_EVIDENCE)
			continue;
		ev = &pa->ev[i];
		for (k = 0; ev->shown && k < ev->nquotes; k++) {
			if (ev->quotes[k] != NULL &&
			    strcmp(ev->quotes[k], q) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * The strongest quote of area a: the newest sentence of an own shown
 * indicator that also carries an ev.* indicator, else the newest of an
 * own shown indicator; framework order on ties.  NULL when none.
 */
static const char *
readiness_quote(const struct picture *pic, int a)
{
	const struct picture_area	*pa = &pic->areas[a];
	const struct picture_evidence	*ev, *best = NULL;
	int				 i, carries, best_carries = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != a)
			continue;
		ev = &pa->ev[i];
		if (!ev->shown || ev->nquotes == 0 || ev->quotes[0] == NULL)
			continue;
		carries = readiness_carries_evidence(pa, ev->quotes[0]);
		if (best != NULL && (carries < best_carries ||
		    (carries == best_carries &&
		    strcmp(ev->at, best->at) <= 0)))
			continue;
		best = ev;
		best_carries = carries;
	}
	return best != NULL ? best->quotes[0] : NULL;
}

/* Whether area x comes before area y in the search for next steps. */
static int
readiness_before(const struct readiness *r, int x, int y)
{
	const struct readiness_area	*ax = &r->areas[x];
	const struct readiness_area	*ay = &r->areas[y];

	if (ax->rating != ay->rating)
		return ax->rating > ay->rating;
	if (ax->status != ay->status)
		return ax->status == READINESS_THIN;
	return x < y;
}

/*
 * The next steps: the first open gap of each discussed area, highest
 * rating first, thin before the others on a tie, then framework order.
 */
static void
readiness_next(const struct picture *pic, struct readiness *r)
{
	int	order[FRAMEWORK_NAREAS], n = 0, a, j, g, t;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (r->areas[a].status == READINESS_NOT_DISCUSSED)
			continue;
		for (j = n; j > 0 && readiness_before(r, a, order[j - 1]); j--)
			order[j] = order[j - 1];
		order[j] = a;
		n++;
	}
	for (j = 0; j < n && r->nnext < READINESS_NEXT; j++) {
		t = order[j];
		if ((g = picture_next_gap(pic, t, NULL)) < 0)
			continue;
		r->next[r->nnext].area = t;
		r->next[r->nnext].indicator = g;
		r->nnext++;
	}
}

/* Judge every area of the picture by the prompts' [readiness] rule. */
void
readiness_compute(const struct prompts *p, const struct picture *pic,
    struct readiness *r)
{
	const struct prompts_readiness	*rule = &p->readiness;
	struct readiness_area		*ra;
	int				 a;

	memset(r, 0, sizeof *r);
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		ra = &r->areas[a];
		ra->rating = pic->areas[a].rating;
		ra->shown = picture_shown(pic, a, &ra->total);
		ra->covered = picture_covered(pic, a);
		ra->quote = readiness_quote(pic, a);
		ra->calibration = picture_calibration(pic, a);
		if (picture_state(pic, a) == PICTURE_NOT_STARTED) {
			ra->status = READINESS_NOT_DISCUSSED;
			continue;
		}
		r->ndiscussed++;
		if (ra->rating >= rule->min_rating &&
		    ra->shown >= rule->min_shown &&
		    readiness_required(rule, pic, a)) {
			ra->status = READINESS_BUILD_ON;
			r->strengths[r->nstrengths++] = a;
		} else {
			ra->status = READINESS_THIN;
			r->thin[r->nthin++] = a;
		}
	}
	readiness_next(pic, r);
}

/* The status as JSON and tests name it. */
const char *
readiness_status_name(enum readiness_status s)
{
	switch (s) {
	case READINESS_BUILD_ON:
		return "experience to build on";
	case READINESS_THIN:
		return "thin";
	case READINESS_NOT_DISCUSSED:
		break;
	}
	return "not yet discussed";
}

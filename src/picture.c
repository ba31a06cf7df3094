/*
 * picture.c: the running picture of a candidate, and every question
 * about an area's state (see picture.h).
 *
 * Invariants: a picture holds plain data gathered by the store; every
 * rule (what counts as shown, finished, a gap, a rating that does not
 * fit) is answered here and nowhere else.  Indexes given to the add
 * functions are checked: a wrong one is a bug (fatalx), never a write
 * out of bounds.  An area's "own" indicators are those framework.h gives
 * it; the ev.* indicators count in every area but are never own.
 */
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "picture.h"
#include "util.h"

/* Make p empty: no ratings, answers or evidence, no last area. */
void
picture_init(struct picture *p)
{
	memset(p, 0, sizeof *p);
	p->last_area = -1;
}

/* Free everything p owns, leaving it empty. */
void
picture_free(struct picture *p)
{
	struct picture_area	*pa;
	struct picture_evidence	*ev;
	size_t			 k;
	int			 a, i, q;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		pa = &p->areas[a];
		for (k = 0; k < pa->nasked; k++)
			free(pa->asked[k]);
		free(pa->asked);
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			ev = &pa->ev[i];
			for (q = 0; q < ev->nquotes; q++)
				free(ev->quotes[q]);
			free(ev->covered_quote);
		}
	}
	picture_init(p);
}

/* The evidence of indicator i in area a, checking both. */
static struct picture_evidence *
picture_ev(struct picture *p, int a, int i)
{
	if (a < 0 || a >= FRAMEWORK_NAREAS || i < 0 ||
	    i >= FRAMEWORK_NINDICATORS)
		fatalx("picture: no indicator %d in area %d", i, a);
	return &p->areas[a].ev[i];
}

/* Copy a time into a fixed buffer ("" for NULL). */
static void
picture_time(char dst[DATE_TIME_LEN], const char *src)
{
	if (src == NULL)
		src = "";
	strncpy(dst, src, DATE_TIME_LEN - 1);
	dst[DATE_TIME_LEN - 1] = '\0';
}

/* Record indicator i shown in area a; calls come newest first. */
void
picture_add_shown(struct picture *p, int a, int i, const char *quote,
    int64_t session, const char *at)
{
	struct picture_evidence	*ev;

	ev = picture_ev(p, a, i);
	if (!ev->shown) {
		ev->shown = 1;
		ev->session = session;
		picture_time(ev->at, at);
	}
	if (quote != NULL && ev->nquotes < PICTURE_QUOTES)
		ev->quotes[ev->nquotes++] = xstrdup(quote);
}

/* Record the candidate's claim that answer covers i in a; newest first. */
void
picture_add_covered(struct picture *p, int a, int i, int64_t answer,
    const char *quote)
{
	struct picture_evidence	*ev;

	ev = picture_ev(p, a, i);
	if (ev->covered)
		return;
	ev->covered = 1;
	ev->covered_answer = answer;
	ev->covered_quote = xstrdup(quote != NULL ? quote : "");
}

/* Record a question answered in area a. */
void
picture_add_asked(struct picture *p, int a, const char *question)
{
	struct picture_area	*pa;

	if (a < 0 || a >= FRAMEWORK_NAREAS)
		fatalx("picture: no area %d", a);
	pa = &p->areas[a];
	pa->asked = xreallocarray(pa->asked, pa->nasked + 1,
	    sizeof *pa->asked);
	pa->asked[pa->nasked++] = xstrdup(question);
}

/* Whether i is one of area a's own indicators. */
static int
picture_own(int a, int i)
{
	return framework_indicators[i].area == a;
}

/* How many of a's own indicators were found; *total of how many. */
int
picture_shown(const struct picture *p, int a, int *total)
{
	int	i, n = 0, shown = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!picture_own(a, i))
			continue;
		n++;
		shown += p->areas[a].ev[i].shown != 0;
	}
	if (total != NULL)
		*total = n;
	return shown;
}

/* How many of a's own indicators only the candidate says are covered. */
int
picture_covered(const struct picture *p, int a)
{
	const struct picture_evidence	*ev;
	int				 i, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		ev = &p->areas[a].ev[i];
		if (picture_own(a, i) && ev->covered && !ev->shown)
			n++;
	}
	return n;
}

/* Whether i is found or claimed in a. */
int
picture_settled(const struct picture *p, int a, int i)
{
	return p->areas[a].ev[i].shown || p->areas[a].ev[i].covered;
}

/* Whether area a is not started, started, or finished. */
enum picture_state
picture_state(const struct picture *p, int a)
{
	const struct picture_area	*pa = &p->areas[a];
	int				 shown, total;

	if (pa->finished)
		return PICTURE_FINISHED;
	shown = picture_shown(p, a, &total);
	if (total > 0 && shown == total)
		return PICTURE_FINISHED;
	if (pa->rating != 0 || pa->nanswers != 0)
		return PICTURE_STARTED;
	return PICTURE_NOT_STARTED;
}

/* Whether question q was answered in area a before. */
int
picture_asked(const struct picture *p, int a, const char *q)
{
	const struct picture_area	*pa = &p->areas[a];
	size_t				 k;

	for (k = 0; k < pa->nasked; k++) {
		if (strcmp(pa->asked[k], q) == 0)
			return 1;
	}
	return 0;
}

/*
 * The first indicator not settled in a, own ones before ev.* ones, in
 * framework order; with fresh, only one not probed yet.  -1 if none.
 */
static int
picture_gap(const struct picture *p, int a, const int *probed, int fresh)
{
	int	i, evidence;

	for (evidence = 0; evidence < 2; evidence++) {
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			if (framework_indicators[i].area != (evidence ?
			    FRAMEWORK_EVIDENCE : a))
				continue;
			if (picture_settled(p, a, i))
				continue;
			if (fresh && probed != NULL && probed[i] != 0)
				continue;
			return i;
		}
	}
	return -1;
}

/* The gap to raise next in a: one not asked about yet if there is one. */
int
picture_next_gap(const struct picture *p, int a, const int *probed)
{
	int	i;

	if ((i = picture_gap(p, a, probed, 1)) != -1)
		return i;
	return picture_gap(p, a, probed, 0);
}

/* The first area not finished from area from on, wrapping round. */
int
picture_next_unfinished(const struct picture *p, int from)
{
	int	k, a;

	if (from < 0 || from >= FRAMEWORK_NAREAS)
		from = 0;
	for (k = 0; k < FRAMEWORK_NAREAS; k++) {
		a = (from + k) % FRAMEWORK_NAREAS;
		if (picture_state(p, a) != PICTURE_FINISHED)
			return a;
	}
	return -1;
}

/* How area a's latest self-rating compares with the evidence. */
enum picture_calibration
picture_calibration(const struct picture *p, int a)
{
	const struct picture_area	*pa = &p->areas[a];
	int				 shown, total;

	if (pa->rating == 0 || pa->nanswers == 0)
		return PICTURE_CAL_NONE;
	shown = picture_shown(p, a, &total);
	if (pa->rating >= 4 && shown * 2 < total)
		return PICTURE_CAL_HIGH;
	if (pa->rating <= 2 && shown * 2 > total)
		return PICTURE_CAL_LOW;
	return PICTURE_CAL_FITS;
}

/* Whether indicator i is shown in any area. */
int
picture_evidence_all(const struct picture *p, int i)
{
	int	a;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (p->areas[a].ev[i].shown)
			return 1;
	}
	return 0;
}

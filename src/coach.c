/*
 * coach.c: the coach's words (see coach.h).
 *
 * Invariants: every reply is built from a [replies] variant with its
 * placeholders filled; a variant is never used twice running for the
 * same key while the key has more than one; indicator titles run into
 * sentences with their first letter lowered (unless an acronym).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "coach.h"

/* Set up a coach. */
void
coach_init(struct coach *c, const struct prompts *p)
{
	int	k;

	c->prompts = p;
	for (k = 0; k < PROMPTS_NREPLY; k++)
		c->last[k] = -1;
}

/* The next variant of reply key: never the one used last. */
static const char *
coach_variant(struct coach *c, enum prompts_reply key)
{
	const struct prompts_replies	*r = &c->prompts->replies;
	int				 k;

	if (r->n[key] == 0)
		fatalx("no [replies] variant for reply %d", (int)key);
	k = (c->last[key] + 1) % (int)r->n[key];
	c->last[key] = k;
	return r->v[key][k];
}

/* Fill a reply's placeholders and add it to b. */
static void
coach_say(struct coach *c, struct buf *b, enum prompts_reply key,
    const char *const *names, const char *const *values, size_t n)
{
	char	*s;

	s = prompts_fill(coach_variant(c, key), names, values, n);
	if (b->len > 0 && b->data[b->len - 1] != '\n')
		buf_addc(b, ' ');
	buf_adds(b, s);
	free(s);
}

/* A title in running text: its first letter lowered unless an acronym. */
static char *
coach_lower(const char *title)
{
	char	*s = xstrdup(title);

	if (isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1]))
		s[0] = (char)tolower((unsigned char)s[0]);
	return s;
}

/* The fresh indicators, the area's own first, then the ev.* ones. */
static int
coach_order(const struct coach_fresh *f, int a, int *order)
{
	int	i, n = 0, evidence;

	for (evidence = 0; evidence < 2; evidence++) {
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			if (!f->fresh[i] || !framework_counts(i, a))
				continue;
			if ((framework_indicators[i].area ==
			    FRAMEWORK_EVIDENCE) == evidence)
				order[n++] = i;
		}
	}
	return n;
}

/*
 * The list of what an answer showed: each indicator's "shown" phrase,
 * those quoting the same sentence run together before it.
 */
static char *
coach_list(const struct coach *c, const struct coach_fresh *f,
    const int *order, int n)
{
	struct buf	 b = { 0 };
	const char	*q, *next;
	int		 k, named = n > COACH_NAMED ? COACH_NAMED : n;

	for (k = 0; k < named; k++) {
		if (k > 0)
			buf_adds(&b, k == named - 1 && named == n ? " and " :
			    ", ");
		buf_adds(&b, c->prompts->indicators[order[k]].shown);
		q = f->quotes[order[k]];
		next = k + 1 < named ? f->quotes[order[k + 1]] : NULL;
		if (q != NULL && *q != '\0' &&
		    (next == NULL || strcmp(q, next) != 0))
			buf_printf(&b, " (\"%s\")", q);
	}
	if (n > named)
		buf_printf(&b, ", and %d more", n - named);
	return buf_take(&b);
}

/* Say what the next gap is, or that nothing is missing. */
static int
coach_next(struct coach *c, struct buf *b, const struct picture *pic, int a,
    const int *probed)
{
	static const char *const	 names[] = { "gap", "suggestion",
	    "area" };
	const char			*values[3];
	char				*title;
	int				 gap;

	if ((gap = picture_next_gap(pic, a, probed)) == -1) {
		values[0] = values[1] = "";
		values[2] = c->prompts->areas[a].title;
		buf_adds(b, "\n\n");
		coach_say(c, b, PROMPTS_REPLY_COMPLETE, names, values, 3);
		return -1;
	}
	title = coach_lower(c->prompts->indicators[gap].title);
	values[0] = title;
	values[1] = c->prompts->indicators[gap].gap;
	values[2] = c->prompts->areas[a].title;
	buf_adds(b, "\n\n");
	coach_say(c, b, PROMPTS_REPLY_NEXT, names, values, 3);
	free(title);
	return gap;
}

/* Write the reply to an answer; see coach.h. */
int
coach_reply(struct coach *c, struct buf *b, const struct picture *pic, int a,
    const struct coach_fresh *f, const int *probed, int with_gap)
{
	static const char *const	 names[] = { "list", "quote", "gap",
	    "area" };
	const char			*values[4];
	int				 order[FRAMEWORK_NINDICATORS];
	int				 n, gap;
	size_t				 len;
	char				*list, *title = NULL, *gist;

	n = coach_order(f, a, order);
	values[3] = c->prompts->areas[a].title;
	if (n > 0) {
		list = coach_list(c, f, order, n);
		values[0] = list;
		values[1] = values[2] = "";
		coach_say(c, b, PROMPTS_REPLY_SHOWN, names, values, 4);
		free(list);
	} else {
		gap = picture_next_gap(pic, a, probed);
		if (gap != -1)
			title = coach_lower(c->prompts->indicators[gap].title);
		/* The reply closes the quote with its own full stop. */
		gist = xstrdup(f->gist != NULL ? f->gist : "");
		if ((len = strlen(gist)) > 0 && gist[len - 1] == '.')
			gist[len - 1] = '\0';
		values[0] = "";
		values[1] = gist;
		values[2] = title != NULL ? title : "";
		if (gap != -1)
			coach_say(c, b, PROMPTS_REPLY_NONE, names, values, 4);
		free(title);
		free(gist);
	}
	if (!with_gap)
		return -1;
	return coach_next(c, b, pic, a, probed);
}

/* The probe for gap g: the first from the nth not answered before, or NULL. */
const char *
coach_probe(const struct coach *c, const struct picture *pic, int a, int g,
    int nth)
{
	const struct prompts_indicator	*ind = &c->prompts->indicators[g];
	size_t				 k, j;

	for (k = 0; k < ind->nprobes; k++) {
		j = ((size_t)nth + k) % ind->nprobes;
		if (!picture_asked(pic, a, ind->probes[j]))
			return ind->probes[j];
	}
	return NULL;
}

/* The first main question of area a not answered before, or NULL. */
const char *
coach_question(const struct coach *c, const struct picture *pic, int a)
{
	const struct prompts_area	*pa = &c->prompts->areas[a];
	size_t				 k;

	for (k = 0; k < pa->nprompts; k++) {
		if (!picture_asked(pic, a, pa->prompts[k]))
			return pa->prompts[k];
	}
	return NULL;
}

/* Write the calibration note of area a, if any. */
int
coach_calibration(struct coach *c, struct buf *b, const struct picture *pic,
    int a)
{
	static const char *const	 names[] = { "rating", "shown", "total",
	    "area" };
	const char			*values[4];
	enum prompts_reply		 key;
	char				 rating[16], shown[16], total[16];
	int				 n, t;

	switch (picture_calibration(pic, a)) {
	case PICTURE_CAL_FITS:
		key = PROMPTS_REPLY_FITS;
		break;
	case PICTURE_CAL_HIGH:
		key = PROMPTS_REPLY_HIGH;
		break;
	case PICTURE_CAL_LOW:
		key = PROMPTS_REPLY_LOW;
		break;
	default:
		return 0;
	}
	n = picture_shown(pic, a, &t);
	snprintf(rating, sizeof rating, "%d", pic->areas[a].rating);
	snprintf(shown, sizeof shown, "%d", n);
	snprintf(total, sizeof total, "%d", t);
	values[0] = rating;
	values[1] = shown;
	values[2] = total;
	values[3] = c->prompts->areas[a].title;
	coach_say(c, b, key, names, values, 4);
	return 1;
}

/* Write the summing-up of area a. */
void
coach_summary(struct coach *c, struct buf *b, const struct picture *pic,
    int a)
{
	int	shown, total, covered;

	shown = picture_shown(pic, a, &total);
	covered = picture_covered(pic, a);
	buf_printf(b, "%s: %d of %d shown", c->prompts->areas[a].title,
	    shown, total);
	if (covered > 0)
		buf_printf(b, " (and %d more you say you covered)", covered);
	buf_addc(b, '.');
	coach_calibration(c, b, pic, a);
}

/* What coach_titles lists of an area's own indicators. */
enum coach_which {
	COACH_OPEN,	/* neither shown nor claimed */
	COACH_SHOWN,	/* found by the coach */
	COACH_CLAIMED	/* only claimed by the candidate */
};

/* Add the titles of a's own indicators of one kind; returns how many. */
static int
coach_titles(const struct coach *c, struct buf *b, const struct picture *pic,
    int a, enum coach_which which)
{
	const struct picture_evidence	*ev;
	enum coach_which		 w;
	char				*title;
	int				 i, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != a)
			continue;
		ev = &pic->areas[a].ev[i];
		w = ev->shown ? COACH_SHOWN : ev->covered ? COACH_CLAIMED :
		    COACH_OPEN;
		if (w != which)
			continue;
		title = coach_lower(c->prompts->indicators[i].title);
		buf_printf(b, "%s%s", n > 0 ? ", " : "", title);
		free(title);
		n++;
	}
	return n;
}

/* Write the recap of area a for a candidate coming back. */
void
coach_recap(const struct coach *c, struct buf *b, const struct picture *pic,
    int a, const char *today)
{
	const struct picture_area	*pa = &pic->areas[a];
	char				 day[DATE_LEN], when[DATE_WORDS_LEN];

	if (*pa->last_at != '\0') {
		date_of_time(pa->last_at, day);
		date_short(day, today, when, sizeof when);
		buf_printf(b, "Last time, on %s: ", when);
	} else
		buf_adds(b, "Last time: ");
	if (pa->rating != 0)
		buf_printf(b, "rated %d", pa->rating);
	else
		buf_adds(b, "not rated yet");
	buf_adds(b, "; shown: ");
	if (coach_titles(c, b, pic, a, COACH_SHOWN) == 0)
		buf_adds(b, "nothing yet");
	if (picture_covered(pic, a) > 0) {
		buf_adds(b, "; you say covered: ");
		coach_titles(c, b, pic, a, COACH_CLAIMED);
	}
	buf_adds(b, "; still open: ");
	if (coach_titles(c, b, pic, a, COACH_OPEN) == 0)
		buf_adds(b, "nothing");
	buf_addc(b, '.');
}

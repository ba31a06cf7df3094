/*
 * analyse.c: running every indicator over a text (see analyse.h).
 *
 * The text is normalised and split once; every indicator's match set
 * then runs over the normalised copy with the sentences' ends as
 * barriers, so that a match counts only within one sentence and a cue
 * reaches back no further than the sentence's start.  Offsets kept in
 * the items are offsets into the copy; quotes go back to the
 * candidate's own bytes through the copy's map.
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "match.h"
#include "util.h"

/* Keep a warning. */
static void
analyse_warn(struct analysis *a, char *msg)
{
	a->warnings = xreallocarray(a->warnings, a->nwarnings + 1,
	    sizeof *a->warnings);
	a->warnings[a->nwarnings++] = msg;
}

/* The sentence holding a match that starts at off and spans no end. */
static size_t
analyse_sentence(const struct sentences *s, size_t off)
{
	size_t	k = sentence_at(s, off);

	if (k + 1 < s->n && off >= s->v[k].end)
		k++;
	return k;
}

/* Analyse a text against every indicator. */
void
analyse_run(const struct prompts *p, const char *text, size_t len,
    struct analysis *a)
{
	struct match_hit	 hit;
	struct sentences	*s = &a->sents;
	size_t			*ends, nends;
	char			*cause;
	int			 i, rc;

	memset(a, 0, sizeof *a);
	a->prompts = p;
	a->text = text;
	a->len = len;
	sentence_split(text, len, s);

	/* JIT pays only on long texts.  It changes nothing the prompts
	 * say, only how fast they run, so the const is kept in spirit. */
	if (len >= ANALYSE_JIT_MIN && !p->jit)
		prompts_jit((struct prompts *)p);

	/* Matches may not cross where one sentence ends. */
	nends = s->n > 0 ? s->n - 1 : 0;
	ends = xcalloc(nends + 1, sizeof *ends);
	for (i = 0; (size_t)i < nends; i++)
		ends[i] = s->v[i].end;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		cause = NULL;
		rc = match_set_find_within(&p->indicators[i].set, s->norm,
		    s->len, ends, nends, &hit, &cause);
		if (rc == -1) {
			analyse_warn(a, cause);
			rc = MATCH_NONE;
		}
		a->items[i].status = rc;
		if (rc != MATCH_NONE) {
			a->items[i].start = hit.start;
			a->items[i].end = hit.end;
			a->items[i].sentence = analyse_sentence(s, hit.start);
		}
	}
	free(ends);
}

/* Free an analysis's sentences and warnings. */
void
analyse_free(struct analysis *a)
{
	size_t	i;

	for (i = 0; i < a->nwarnings; i++)
		free(a->warnings[i]);
	free(a->warnings);
	a->warnings = NULL;
	a->nwarnings = 0;
	sentence_free(&a->sents);
}

/* Whether indicator i was shown. */
int
analyse_shown(const struct analysis *a, int i)
{
	return a->items[i].status == MATCH_FOUND;
}

/* Count the shown indicators of an area. */
int
analyse_count(const struct analysis *a, int area, int *total)
{
	int	i, shown = 0, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		n++;
		shown += analyse_shown(a, i);
	}
	if (total != NULL)
		*total = n;
	return shown;
}

/* The sentence that showed indicator i, in the candidate's words. */
char *
analyse_quote(const struct analysis *a, int i)
{
	const struct analysis_item	*it = &a->items[i];

	if (it->status != MATCH_FOUND)
		return xstrdup("");
	return sentence_quote(&a->sents, a->text, it->sentence, it->start,
	    it->end);
}

/* The longest of the first three sentences, in the candidate's words. */
char *
analyse_gist(const struct analysis *a)
{
	const struct sentences	*s = &a->sents;
	size_t			 k, best = 0;

	if (s->n == 0)
		return xstrdup("");
	for (k = 1; k < s->n && k < 3; k++) {
		if (s->v[k].end - s->v[k].start >
		    s->v[best].end - s->v[best].start)
			best = k;
	}
	return sentence_quote(s, a->text, best, s->v[best].start,
	    s->v[best].start);
}

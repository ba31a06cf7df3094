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

/* Whether a [model] skip cue matches within sentence k. */
static int
analyse_skipped(const struct analysis *a, size_t k)
{
	const struct prompts	*p = a->prompts;
	const struct sentence	*st = &a->sents.v[k];
	size_t			 c, j, b, e;
	char			*cause = NULL;
	int			 rc;

	for (c = 0; c < p->nskip; c++) {
		for (j = 0; j < p->skip[c]->npats; j++) {
			rc = match_pattern_next(&p->skip[c]->pats[j],
			    a->sents.norm, st->end, st->start, &b, &e, &cause);
			free(cause);
			cause = NULL;
			if (rc == 1)
				return 1;
		}
	}
	return 0;
}

/* The features of each sentence (NULL where skipped), each finished. */
static struct feature_set *
analyse_sentence_features(const struct analysis *a)
{
	struct feature_set	*fs;
	size_t			 k;

	fs = xcalloc(a->sents.n + 1, sizeof *fs);
	for (k = 0; k < a->sents.n; k++) {
		if (analyse_skipped(a, k))
			continue;
		feature_add(&fs[k], a->sents.norm + a->sents.v[k].start,
		    a->sents.v[k].end - a->sents.v[k].start);
		feature_finish(&fs[k]);
	}
	return fs;
}

/* The features of all n sentences fs, in one finished set out. */
static void
analyse_document(const struct feature_set *fs, size_t n,
    struct feature_set *out)
{
	size_t	k, j;

	memset(out, 0, sizeof *out);
	for (k = 0; k < n; k++) {
		for (j = 0; j < fs[k].n; j++)
			feature_put(out, fs[k].v[j]);
	}
	feature_finish(out);
}

/* Free the n sentences' feature sets fs. */
static void
analyse_sentence_features_free(struct feature_set *fs, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		feature_set_free(&fs[k]);
	free(fs);
}

/* The features of the sentences the weights look at; see analyse.h. */
void
analyse_features(const struct analysis *a, struct feature_set *out)
{
	struct feature_set	*fs;

	fs = analyse_sentence_features(a);
	analyse_document(fs, a->sents.n, out);
	analyse_sentence_features_free(fs, a->sents.n);
}

/* The weight of feature f in w, 0 when it has none. */
static double
analyse_weight(const struct prompts_weights *w, const char *f)
{
	size_t	lo = 0, hi = w->n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(f, w->v[mid].feature)) == 0)
			return w->v[mid].w;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The sentence whose features weigh most in w. */
static size_t
analyse_heaviest(const struct analysis *a, const struct feature_set *fs,
    const struct prompts_weights *w)
{
	size_t	k, j, best = 0;
	double	sum, most = -1e9;

	for (k = 0; k < a->sents.n; k++) {
		if (fs[k].n == 0)
			continue;
		for (sum = 0, j = 0; j < fs[k].n; j++)
			sum += analyse_weight(w, fs[k].v[j]);
		if (sum > most) {
			most = sum;
			best = k;
		}
	}
	return best;
}

/* Score every indicator that has [weights]; see analyse.h. */
static void
analyse_weigh(struct analysis *a)
{
	const struct prompts_weights	*w;
	struct analysis_item		*it;
	struct feature_set		*fs, doc;
	size_t				 j;
	int				 i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (a->prompts->indicators[i].weights.file != NULL)
			break;
	}
	if (i == FRAMEWORK_NINDICATORS || a->sents.n == 0)
		return;
	fs = analyse_sentence_features(a);
	analyse_document(fs, a->sents.n, &doc);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		w = &a->prompts->indicators[i].weights;
		it = &a->items[i];
		if (w->file == NULL)
			continue;
		it->score = w->bias + (it->pattern ? w->pattern : 0);
		for (j = 0; j < doc.n; j++)
			it->score += analyse_weight(w, doc.v[j]);
		if (it->score > 0 && !it->pattern) {
			it->status = MATCH_FOUND;
			it->sentence = analyse_heaviest(a, fs, w);
			it->start = a->sents.v[it->sentence].start;
			it->end = a->sents.v[it->sentence].end;
		}
	}
	analyse_sentence_features_free(fs, a->sents.n);
	feature_set_free(&doc);
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
		a->items[i].pattern = rc == MATCH_FOUND;
		if (rc != MATCH_NONE) {
			a->items[i].start = hit.start;
			a->items[i].end = hit.end;
			a->items[i].sentence = analyse_sentence(s, hit.start);
		}
	}
	free(ends);
	if (!p->unweighted)
		analyse_weigh(a);
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

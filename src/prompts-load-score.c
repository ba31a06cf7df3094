/*
 * prompts-load-score.c: the sections of a prompt folder that score
 * rather than speak (see prompts-load.h): [readiness], the rule for "a
 * good level of experience to build on"; [weights ID], the learned
 * weights of one indicator; and [model], the cues whose sentences the
 * weights leave out.  Read by the loader of prompts-load.c, with its
 * problems reported the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "feature.h"
#include "framework.h"
#include "prompts-file.h"
#include "prompts-load-int.h"
#include "prompts.h"
#include "util.h"

/* Read a [readiness] require key: indicator ids, by spaces or commas. */
static void
prompts_load_score_require(struct prompts_loader *l,
    struct prompts_readiness *r, const struct prompts_entry *e)
{
	const char	*s = e->value;
	char		*id;
	size_t		 len;
	int		 i;

	for (;;) {
		s += strspn(s, " \t,");
		if (*s == '\0')
			break;
		len = strcspn(s, " \t,");
		id = xstrndup(s, len);
		if ((i = framework_indicator_find(id)) == -1)
			prompts_file_problem(l->probs, "%s:%d: require names "
			    "unknown indicator '%s'", l->file, e->line, id);
		else
			r->require[i] = 1;
		free(id);
		s += len;
	}
}

/* The fewest indicators an area has of its own. */
static int
prompts_load_score_smallest(void)
{
	int	a, n, least = FRAMEWORK_NINDICATORS;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if ((n = framework_area_total(a)) < least)
			least = n;
	}
	return least;
}

/* Read a [readiness] min-rating or min-shown key. */
static void
prompts_load_score_min(struct prompts_loader *l, int *field, int *seen,
    const struct prompts_entry *e)
{
	int	rating = strcmp(e->key, "min-rating") == 0;
	int	hi = rating ? PROMPTS_SCALE : prompts_load_score_smallest();
	int	n;

	if ((*seen)++) {
		prompts_file_problem(l->probs, "%s:%d: '%s' is given twice in "
		    "this section", l->file, e->line, e->key);
		return;
	}
	if ((n = prompts_file_int(e->value, rating ? 1 : 0, hi)) == -1) {
		prompts_file_problem(l->probs, "%s:%d: %s is a whole number "
		    "from %d to %d%s, not '%s'", l->file, e->line, e->key,
		    rating, hi, rating ? "" : " (the indicators of the "
		    "smallest area)", e->value);
		return;
	}
	*field = n;
}

/* The [readiness] wording keys, with where each is kept. */
static char **
prompts_load_score_text(struct prompts_readiness *r, const char *key)
{
	if (strcmp(key, "intro") == 0)
		return &r->intro;
	if (strcmp(key, "strengths") == 0)
		return &r->strengths;
	if (strcmp(key, "thin") == 0)
		return &r->thin;
	if (strcmp(key, "next") == 0)
		return &r->next;
	if (strcmp(key, "none") == 0)
		return &r->none;
	return NULL;
}

/* Check and keep the [readiness] section: the rule and its words. */
void
prompts_load_score_readiness(struct prompts_loader *l,
    const struct prompts_section *sec)
{
	struct prompts_readiness	*r = &l->p->readiness;
	const struct prompts_entry	*e;
	char				**text;
	size_t				 i;
	int				 nrating = 0, nshown = 0;

	if (r->file != NULL) {
		prompts_file_problem(l->probs, "%s:%d: [readiness] is already "
		    "defined at %s:%d", l->file, sec->line, r->file, r->line);
		return;
	}
	r->file = l->file;
	r->line = sec->line;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (strcmp(e->key, "min-rating") == 0)
			prompts_load_score_min(l, &r->min_rating, &nrating,
			    e);
		else if (strcmp(e->key, "min-shown") == 0)
			prompts_load_score_min(l, &r->min_shown, &nshown,
			    e);
		else if (strcmp(e->key, "require") == 0)
			prompts_load_score_require(l, r, e);
		else if ((text = prompts_load_score_text(r, e->key)) !=
		    NULL)
			prompts_file_set_once(l->pf, text, e);
		else
			prompts_file_unknown_key(l->pf, e, "[readiness]",
			    "min-rating, min-shown, require, intro, strengths, "
			    "thin, next, none");
	}
	prompts_file_require(l->pf, sec->line, "[readiness]", nrating, 1,
	    "min-rating");
	prompts_file_require(l->pf, sec->line, "[readiness]", nshown, 1,
	    "min-shown");
	prompts_file_require(l->pf, sec->line, "[readiness]", r->intro != NULL,
	    1, "intro");
	prompts_file_require(l->pf, sec->line, "[readiness]",
	    r->strengths != NULL, 1, "strengths");
	prompts_file_require(l->pf, sec->line, "[readiness]", r->thin != NULL,
	    1, "thin");
	prompts_file_require(l->pf, sec->line, "[readiness]", r->next != NULL,
	    1, "next");
	prompts_file_require(l->pf, sec->line, "[readiness]", r->none != NULL,
	    1, "none");
}

/* Compare weights by feature. */
static int
prompts_load_score_weight_cmp(const void *a, const void *b)
{
	return strcmp(((const struct prompts_weight *)a)->feature,
	    ((const struct prompts_weight *)b)->feature);
}

/* Read "feature = TEXT NUMBER" into w. */
static int
prompts_load_score_weight_entry(struct prompts_loader *l,
    const struct prompts_entry *e, struct prompts_weights *w)
{
	char	*sp, *text;

	if ((sp = strrchr(e->value, ' ')) == NULL || sp == e->value) {
		prompts_file_problem(l->probs, "%s:%d: a feature is its text "
		    "and a weight, as in 'feature = pilot 0.8'", l->file,
		    e->line);
		return -1;
	}
	if (w->n >= PROMPTS_MAX_WEIGHTS) {
		prompts_file_problem(l->probs, "%s:%d: more than %d features "
		    "for one indicator", l->file, e->line, PROMPTS_MAX_WEIGHTS);
		return -1;
	}
	text = xstrndup(e->value, (size_t)(sp - e->value));
	w->v = prompts_file_grow(w->v, w->n, sizeof *w->v);
	w->v[w->n].feature = text;
	if (strlen(text) >= FEATURE_MAX || prompts_file_real(sp + 1,
	    &w->v[w->n].w) != 0) {
		prompts_file_problem(l->probs, "%s:%d: '%s' is not a feature "
		    "and a weight (features are at most %d bytes)", l->file,
		    e->line, e->value, FEATURE_MAX - 1);
		free(text);
		return -1;
	}
	w->n++;
	return 0;
}

/* Check that no feature is given twice; the weights are sorted. */
static void
prompts_load_score_sorted(struct prompts_loader *l, struct prompts_weights *w)
{
	size_t	k;

	if (w->n > 1)
		qsort(w->v, w->n, sizeof *w->v, prompts_load_score_weight_cmp);
	for (k = 1; k < w->n; k++) {
		if (strcmp(w->v[k - 1].feature, w->v[k].feature) == 0)
			prompts_file_problem(l->probs, "%s:%d: feature '%s' is "
			    "given twice", l->file, w->line, w->v[k].feature);
	}
}

/* Keep a [weights ID] section. */
void
prompts_load_score_weights(struct prompts_loader *l,
    const struct prompts_section *sec)
{
	struct prompts_weights	*w;
	const struct prompts_entry *e;
	size_t			 k;
	int			 i, bias = 0;

	if ((i = framework_indicator_find(sec->name)) == -1) {
		prompts_file_problem(l->probs, "%s:%d: [weights %s]: no such "
		    "indicator", l->file, sec->line, sec->name);
		return;
	}
	w = &l->p->indicators[i].weights;
	if (w->file != NULL) {
		prompts_file_problem(l->probs, "%s:%d: [weights %s] is given "
		    "twice (also at %s:%d)", l->file, sec->line, sec->name,
		    w->file, w->line);
		return;
	}
	w->file = l->file;
	w->line = sec->line;
	for (k = 0; k < sec->nentries; k++) {
		e = &sec->entries[k];
		if (strcmp(e->key, "feature") == 0)
			prompts_load_score_weight_entry(l, e, w);
		else if (strcmp(e->key, "bias") == 0 || strcmp(e->key,
		    "pattern") == 0) {
			bias += strcmp(e->key, "bias") == 0;
			if (prompts_file_real(e->value, *e->key == 'b' ?
			    &w->bias : &w->pattern) != 0)
				prompts_file_problem(l->probs, "%s:%d: %s must "
				    "be a number", l->file, e->line, e->key);
		} else
			prompts_file_unknown_key(l->pf, e, "[weights]", "bias, "
			    "pattern, feature");
	}
	if (bias != 1)
		prompts_file_problem(l->probs, "%s:%d: [weights %s] needs one "
		    "bias", l->file, sec->line, sec->name);
	prompts_load_score_sorted(l, w);
}

/* Keep a [model] section: the cues whose sentences the weights leave out. */
void
prompts_load_score_model(struct prompts_loader *l,
    const struct prompts_section *sec)
{
	const struct prompts_entry	*e;
	size_t				 k;

	for (k = 0; k < sec->nentries; k++) {
		e = &sec->entries[k];
		if (strcmp(e->key, "skip") != 0) {
			prompts_file_unknown_key(l->pf, e, "[model]", "skip");
			continue;
		}
		l->skips = prompts_file_grow(l->skips, l->nskips,
		    sizeof *l->skips);
		l->skips[l->nskips].indicator = -1;
		l->skips[l->nskips].spec = xstrdup(e->value);
		l->skips[l->nskips].file = l->file;
		l->skips[l->nskips++].line = e->line;
	}
}

/*
 * prompts-check.c: the checks check-prompts runs on loaded prompts
 * (see prompts-check.h).
 *
 * Invariants: a sample is judged exactly as an answer is: normalised
 * and split into sentences (sentence.h), a match counting within one
 * sentence, with the indicator's guards; so a sample that passes here
 * behaves the same in a conversation.  Nothing loaded is changed.
 */
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "match.h"
#include "prompts-check.h"
#include "prompts-file.h"
#include "prompts.h"
#include "sentence.h"
#include "util.h"

/* Run the [plan] samples through the vague patterns; returns how many fail. */
static size_t
prompts_check_plan_samples(const struct prompts *p,
    struct prompts_problems *probs)
{
	const struct prompts_sample	*s;
	struct match_hit		 hit;
	char				*cause = NULL, *words;
	size_t				 j, bad = 0;
	int				 rc;

	for (j = 0; j < p->plan.nsamples; j++) {
		s = &p->plan.samples[j];
		rc = match_set_find(&p->plan.vague, s->text, strlen(s->text),
		    &hit, &cause);
		if (rc == -1) {
			prompts_file_problem(probs, "%s:%d: %s", s->file,
			    s->line, cause);
			free(cause);
			bad++;
		} else if (s->want && rc != MATCH_FOUND) {
			prompts_file_problem(probs, "%s:%d: this action should "
			    "be flagged as vague, but no vague pattern matches "
			    "it", s->file, s->line);
			bad++;
		} else if (!s->want && rc == MATCH_FOUND) {
			words = util_squeeze(s->text + hit.start,
			    hit.end - hit.start, 60);
			prompts_file_problem(probs, "%s:%d: this action should "
			    "not be flagged as vague, but the pattern at line "
			    "%d matches \"%s\"", s->file, s->line,
			    p->plan.vague.pats[hit.pattern].line, words);
			free(words);
			bad++;
		}
	}
	return bad;
}

/*
 * Judge one sample of indicator i as an answer is judged: normalised,
 * a match counting within one sentence.  Returns 1 when it comes out
 * wrong (a problem added), else 0.
 */
static int
prompts_check_sample(const struct prompts *p, int i,
    const struct prompts_sample *s, struct prompts_problems *probs)
{
	const struct prompts_indicator	*ind = &p->indicators[i];
	struct sentences		 sents;
	struct match_hit		 hit;
	char				*cause = NULL, *words;
	size_t				*ends, k;
	int				 rc, bad = 1;

	sentence_split(s->text, strlen(s->text), &sents);
	ends = xcalloc(sents.n + 1, sizeof *ends);
	for (k = 0; k + 1 < sents.n; k++)
		ends[k] = sents.v[k].end;
	rc = match_set_find_within(&ind->set, sents.norm, sents.len, ends,
	    k, &hit, &cause);
	if (rc == -1) {
		prompts_file_problem(probs, "%s:%d: %s", s->file, s->line,
		    cause);
		free(cause);
	} else if (s->want && rc != MATCH_FOUND)
		prompts_file_problem(probs, "%s:%d: this sample should show "
		    "%s, but %s", s->file, s->line, framework_indicators[i].id,
		    rc == MATCH_GUARDED ? "a guard cue cancels its match" :
		    "no pattern matches it");
	else if (!s->want && rc == MATCH_FOUND) {
		words = util_squeeze(s->text + sents.map[hit.start],
		    sents.map[hit.end] - sents.map[hit.start], 60);
		prompts_file_problem(probs, "%s:%d: this sample should not "
		    "show %s, but the pattern at line %d matches \"%s\"",
		    s->file, s->line, framework_indicators[i].id,
		    ind->set.pats[hit.pattern].line, words);
		free(words);
	} else
		bad = 0;
	free(ends);
	sentence_free(&sents);
	return bad;
}

/* Run every embedded sample; see prompts-check.h. */
size_t
prompts_check_samples(const struct prompts *p, struct prompts_problems *probs)
{
	const struct prompts_indicator	*ind;
	size_t				 j, bad = 0;
	int				 i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		ind = &p->indicators[i];
		if (ind->file == NULL)
			continue;
		for (j = 0; j < ind->nsamples; j++)
			bad += prompts_check_sample(p, i, &ind->samples[j],
			    probs);
	}
	return bad + prompts_check_plan_samples(p, probs);
}

/* Check pats[0..n) against hostile strings; returns how many fail. */
static size_t
prompts_check_hostile_pats(const struct match_pattern *pats, size_t n,
    struct prompts_problems *probs)
{
	size_t	i, bad = 0;

	for (i = 0; i < n; i++) {
		if (!match_pattern_hostile(&pats[i]))
			continue;
		prompts_file_problem(probs, "%s:%d: pattern can take "
		    "exponential time (a repeated group that can match the "
		    "same words in more than one way, such as (a+)+)",
		    pats[i].file, pats[i].line);
		bad++;
	}
	return bad;
}

/* Check every pattern for exponential time; see prompts-check.h. */
size_t
prompts_check_hostile(const struct prompts *p, struct prompts_problems *probs)
{
	const struct match_cue	*c;
	size_t			 i, bad = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		bad += prompts_check_hostile_pats(p->indicators[i].set.pats,
		    p->indicators[i].set.npats, probs);
	for (i = 0; i < p->ncues; i++) {
		c = p->cues[i];
		bad += prompts_check_hostile_pats(c->pats, c->npats, probs);
		bad += prompts_check_hostile_pats(c->stops, c->nstops, probs);
	}
	return bad + prompts_check_hostile_pats(p->plan.vague.pats,
	    p->plan.vague.npats, probs);
}

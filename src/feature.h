/*
 * feature.h: the words of a sentence as features of the weighted score.
 *
 * Besides its patterns, an indicator may carry weights learned from
 * labelled real writing (the [weights ID] sections of the prompt files):
 * one weight per feature, where a feature is a word's stem ("train"
 * for train, trained, training and trains), a number's kind ("<num>",
 * "<pct>" for a percentage, "<money>" for a sum of money), or two
 * neighbouring stems ("super user").  This module turns text into those
 * features, the same way when the weights are learned (tests/model-train)
 * and when they are used (analyse.c), so that the two never disagree.
 *
 * Text is expected normalised (sentence.h): British spellings, no
 * contractions, straight quotes.  Only ASCII letters and digits make
 * words; other bytes separate them.
 *
 * Ownership: a struct feature_set owns its strings (feature_set_free).
 */
#ifndef DHCOACH_FEATURE_H
#define DHCOACH_FEATURE_H

#include <stddef.h>

/* The longest feature kept, in bytes; longer words are cut. */
#define FEATURE_MAX	48

struct feature_set {
	char	**v;
	size_t	  n;
	size_t	  size;
};

/* Add the features of text[0..len) (a sentence) to the set. */
void feature_add(struct feature_set *, const char *text, size_t len);
/* Add one feature f to the set as it is. */
void feature_put(struct feature_set *, const char *f);
/* Sort the set and drop duplicates, so that each feature counts once. */
void feature_finish(struct feature_set *);
/* Empty the set, keeping nothing. */
void feature_set_free(struct feature_set *);

/* The stem of a lower-case word into out (FEATURE_MAX bytes): "piloted" -> "pilot". */
void feature_stem(const char *word, size_t len, char *out);

#endif

/*
 * analyse.h: judging one text against every indicator of the framework.
 *
 * The text is normalised and split into sentences once (sentence.h);
 * every indicator's match set then runs over the normalised copy, and a
 * match counts only within one sentence.  Per indicator the analysis
 * keeps whether it was shown and the sentence that showed it, so that
 * replies and reports quote what the candidate actually said, whole.
 * An indicator with learned [weights] is shown when a pattern matched,
 * or else when its score is above 0 (prompts.h): the weights find
 * evidence in the words of the sentences that no [model] skip cue
 * touches, and add to the patterns, never overrule them.  The sentence
 * quoted is the pattern's, else the one that weighs most.
 * No I/O: warnings (a pattern that hit its match limit, say) are
 * collected as "file:line: message" strings for the caller to print.
 *
 * Ownership: an analysis points at the text and the prompts it was run
 * with, which must outlive it; it owns its sentences and warnings
 * (analyse_free).
 */
#ifndef DHCOACH_ANALYSE_H
#define DHCOACH_ANALYSE_H

#include <stddef.h>

#include "feature.h"
#include "framework.h"
#include "prompts.h"
#include "sentence.h"

/* The longest text analysed, in bytes (an answer in the conversation too). */
#define ANALYSE_MAX_TEXT	(1024 * 1024)
/*
 * Texts at least this long are matched with JIT-compiled patterns.  JIT
 * compiling the shipped patterns takes about 0.1 s and makes matching
 * four or five times faster, so for one text it pays from about 4 KiB.
 */
#define ANALYSE_JIT_MIN		(4 * 1024)

struct analysis_item {
	int	status;		/* MATCH_NONE, MATCH_GUARDED or MATCH_FOUND */
	int	pattern;	/* a pattern matched (before any weights) */
	double	score;		/* the weighted score, when it has [weights] */
	size_t	start;		/* the match, as offsets into the normalised copy */
	size_t	end;
	size_t	sentence;	/* the sentence it is in */
};

struct analysis {
	const struct prompts	*prompts;
	const char		*text;
	size_t			 len;
	struct sentences	 sents;
	struct analysis_item	 items[FRAMEWORK_NINDICATORS];
	char			**warnings;
	size_t			 nwarnings;
};

/*
 * Analyse text[0..len) with the prompts, filling *a.  A text of at least
 * ANALYSE_JIT_MIN bytes first JIT-compiles the prompts' patterns
 * (prompts_jit, once): that changes how fast they run, never what they
 * find, so the prompts are taken as const.
 */
void analyse_run(const struct prompts *, const char *text, size_t len,
    struct analysis *a);
/*
 * The features of the sentences the weights look at (those no [model]
 * skip cue matches), each once, sorted, into *out (feature_set_free).
 * For learning the weights (tests/model-train).
 */
void analyse_features(const struct analysis *a, struct feature_set *out);
/* Free what an analysis owns. */
void analyse_free(struct analysis *a);

/* Whether indicator i was shown. */
int analyse_shown(const struct analysis *a, int i);
/*
 * How many indicators of an area (or FRAMEWORK_EVIDENCE) were shown;
 * *total gets how many it has.
 */
int analyse_count(const struct analysis *a, int area, int *total);
/*
 * The sentence that showed indicator i, in the candidate's own words
 * (sentence_quote); a new string ("" when not shown).
 */
char *analyse_quote(const struct analysis *a, int i);
/*
 * A sentence of the text worth quoting back when nothing was shown: the
 * longest of the first three, in the candidate's words; a new string.
 */
char *analyse_gist(const struct analysis *a);

#endif

/*
 * analyse.h: judging one text against every indicator of the framework.
 *
 * An analysis runs every indicator's match set over the whole text and
 * keeps, per indicator, whether it was shown and where (byte offsets into
 * the text), so that replies and reports can quote the candidate's own
 * words.  No I/O: warnings (a pattern that hit its match limit, say) are
 * collected as "file:line: message" strings for the caller to print.
 *
 * Ownership: an analysis points at the text and the prompts it was run
 * with, which must outlive it; it owns its warnings (analyse_free).
 */
#ifndef DHCOACH_ANALYSE_H
#define DHCOACH_ANALYSE_H

#include <stddef.h>

#include "framework.h"
#include "prompts.h"

/* The longest text analysed, in bytes. */
#define ANALYSE_MAX_TEXT	(1024 * 1024)
/* Words of context quoted on each side of the words that matched. */
#define ANALYSE_QUOTE_WORDS	3
/* The longest quote of the candidate's words, in bytes. */
#define ANALYSE_QUOTE_MAX	100

struct analysis_item {
	int	status;	/* MATCH_NONE, MATCH_GUARDED or MATCH_FOUND */
	size_t	start;	/* the words that showed it, as byte offsets */
	size_t	end;
};

struct analysis {
	const struct prompts	*prompts;
	const char		*text;
	size_t			 len;
	struct analysis_item	 items[FRAMEWORK_NINDICATORS];
	char			**warnings;
	size_t			 nwarnings;
};

/* Analyse text[0..len) with the prompts, filling *a. */
void analyse_run(const struct prompts *, const char *text, size_t len,
    struct analysis *a);
/* Free the warnings an analysis owns. */
void analyse_free(struct analysis *a);

/* Whether indicator i was shown. */
int analyse_shown(const struct analysis *a, int i);
/*
 * How many indicators of an area (or FRAMEWORK_EVIDENCE) were shown;
 * *total gets how many it has.
 */
int analyse_count(const struct analysis *a, int area, int *total);
/*
 * The words that showed indicator i with up to ANALYSE_QUOTE_WORDS words
 * either side within the phrase, squeezed to one line; a new string.
 */
char *analyse_quote(const struct analysis *a, int i);

#endif

/*
 * prompts-load-int.h: the loader's state, shared by the files that load
 * a prompt folder (prompts-load.c, prompts-load-score.c) and by nothing
 * else: callers use prompts-load.h.
 *
 * Ownership: the loader borrows the prompts it fills and the list of
 * problems; its guards and skips are its own until resolved.
 */
#ifndef DHCOACH_PROMPTS_LOAD_INT_H
#define DHCOACH_PROMPTS_LOAD_INT_H

#include <stddef.h>

#include "prompts-file.h"
#include "prompts-load.h"
#include "prompts-pattern.h"
#include "prompts.h"

/* An indicator's guard key, kept until every cue is known. */
struct prompts_guard {
	int		 indicator;
	char		*spec;	/* NULL: the default cues */
	const char	*file;
	int		 line;
};

struct prompts_loader {
	struct prompts			 *p;
	struct prompts_problems		 *probs;
	struct prompts_patterns		  pats;
	struct prompts_guard		 *guards;
	size_t				  nguards;
	const char			 *replies_file;	/* where [replies] is */
	int				  replies_line;
	const struct prompts_file	 *pf;	/* the file being read */
	const char			 *file;	/* its path */
	int				  file_area;	/* its [area], or -1 */
	struct prompts_guard		 *skips;	/* [model] skip, kept */
	size_t				  nskips;
};

/* prompts-load-score.c */

/* Check and keep the [readiness] section: the rule and its words. */
void prompts_load_score_readiness(struct prompts_loader *,
    const struct prompts_section *);
/* Check and keep a [weights ID] section, its entries sorted. */
void prompts_load_score_weights(struct prompts_loader *,
    const struct prompts_section *);
/* Keep a [model] section: the cues whose sentences the weights leave out. */
void prompts_load_score_model(struct prompts_loader *,
    const struct prompts_section *);

#endif

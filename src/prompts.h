/*
 * prompts.h: loading and validating the prompt files.
 *
 * All coaching content is data: a folder of *.prompts files, read in name
 * order, holding for each skill area its title, definition and reflective
 * prompts, and for each indicator its patterns, guards, gap suggestion,
 * probes and embedded samples; plus the cues (negation, hedging) that
 * guard matches; and, once, the [plan] section: the guided questions of
 * the action plan and the patterns that flag a vague action.  The format
 * is described in dhcoach-prompts(5).
 *
 * Loading is all or nothing: any problem (malformed line, unknown or
 * missing id, duplicate, pattern that does not compile) makes
 * prompts_load return NULL with every problem found listed as
 * "file:line: reason".  Nothing half-loaded is ever handed out.
 *
 * Ownership: a struct prompts owns everything reachable from it, including
 * the file names that patterns and messages point at; prompts_free frees
 * it all.  Problem lists belong to the caller (prompts_problems_free).
 */
#ifndef DHCOACH_PROMPTS_H
#define DHCOACH_PROMPTS_H

#include <stddef.h>

#include "framework.h"
#include "match.h"

/* The file-name suffix of prompt files. */
#define PROMPTS_SUFFIX	".prompts"
/* The largest prompt file read. */
#define PROMPTS_MAX_FILE	(1024 * 1024)

struct prompts_sample {
	char		*text;
	int		 want;	/* 1: must be shown; 0: must not */
	const char	*file;
	int		 line;
};

struct prompts_indicator {
	int			 index;	/* into framework_indicators */
	const char		*file;	/* where its section starts */
	int			 line;
	char			*title;
	char			*gap;
	char			**probes;
	size_t			 nprobes;
	struct match_set	 set;
	struct prompts_sample	*samples;
	size_t			 nsamples;
};

struct prompts_area {
	int		 index;	/* into framework_areas */
	const char	*file;
	int		 line;
	char		*title;
	char		*summary;
	char		**prompts;
	size_t		 nprompts;
};

/* The self-rating scale: labels of points 1 to 5 ([scale]). */
#define PROMPTS_SCALE	5

/* The guided questions of the action plan, in the order asked. */
enum prompts_ask {
	PROMPTS_ASK_ACTION,	/* what will you do */
	PROMPTS_ASK_MEASURE,	/* how will you know it worked */
	PROMPTS_ASK_DUE,	/* by when */
	PROMPTS_ASK_SUPPORT,	/* who or what will support you */
	PROMPTS_ASK_AREA,	/* which skill area it develops */
	PROMPTS_NASK
};

/*
 * The [plan] section: the words of the guided plan, and the SMART check.
 * An action matching any vague pattern gets the nudge.  Samples: match
 * must be flagged as vague, nomatch must not.
 */
struct prompts_plan {
	const char		 *file;	/* where [plan] is; NULL if nowhere */
	int			  line;
	char			 *intro;	/* before the first question */
	char			 *offer;	/* after Insightfulness: build it now? */
	char			 *nudge;	/* to a vague action */
	char			 *ask[PROMPTS_NASK];
	struct match_set	  vague;
	struct prompts_sample	 *samples;
	size_t			  nsamples;
};

struct prompts {
	char				 *dir;
	char				 *scale[PROMPTS_SCALE];
	const char			 *scale_file;
	char				**files;
	size_t				  nfiles;
	struct prompts_area		  areas[FRAMEWORK_NAREAS];
	struct prompts_indicator	  indicators[FRAMEWORK_NINDICATORS];
	struct match_cue		**cues;
	size_t				  ncues;
	struct prompts_plan		  plan;
};

/* Problems found while loading or checking, each "file:line: reason". */
struct prompts_problems {
	char	**msgs;
	size_t	  n;
};

/*
 * Load every *.prompts file in dir.  Returns the prompts, or NULL with the
 * problems added to *probs (at least one).  With partial set (for
 * check-prompts alone), returns what did load even when there were
 * problems, so that its samples can still be checked.
 */
struct prompts *prompts_load(const char *dir, struct prompts_problems *probs,
    int partial);

/*
 * Run every embedded sample through its indicator's patterns and guards,
 * and the [plan] samples through the vague patterns.  Adds a problem for
 * each sample that comes out wrong; returns how many.
 */
size_t prompts_check_samples(const struct prompts *,
    struct prompts_problems *probs);

/* Free the prompts and everything they own.  NULL is allowed. */
void prompts_free(struct prompts *);

/* Add a formatted problem to the list. */
void prompts_problem(struct prompts_problems *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
/* Free a problem list's messages (the struct is the caller's). */
void prompts_problems_free(struct prompts_problems *);

/*
 * The prompt folder to use: opt when given (--prompts), else
 * $DHCOACH_PROMPTS, else the source tree's prompts/ when the program runs
 * from there, else the installed folder.  Returns a new string.
 */
char *prompts_find_dir(const char *opt);

#endif

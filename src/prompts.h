/*
 * prompts.h: loading and validating the prompt files.
 *
 * All coaching content is data: a folder of *.prompts files, read in name
 * order, holding for each skill area its title, definition and reflective
 * prompts; for each indicator its title, the phrase that says it was
 * shown, its patterns, guards, gap suggestion, probes and embedded
 * samples; the cues (negation, hedging) that guard matches; the
 * [replies] the coach answers with, each in several variants; once, the
 * [plan] section (the guided questions of the action plan and the
 * patterns that flag a vague action); and once, the [readiness] rule
 * that says when an area shows a good level of experience to build on;
 * and, when given, each indicator's learned [weights] and the [model]
 * section saying which sentences the weights leave out.
 * The format is described in dhcoach-prompts(5).
 *
 * Loading is all or nothing: any problem (malformed line, unknown or
 * missing id, duplicate, pattern that does not compile, a file or
 * section past the documented limits) makes prompts_load return NULL
 * with every problem found listed as "file:line: reason".  Nothing
 * half-loaded is ever handed out.  Loading takes time linear in the
 * size of the files, whatever their shape.  Patterns are compiled at
 * load but not JIT-compiled: prompts_jit does that, for callers whose
 * texts are long enough to gain from it.
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
#define PROMPTS_SUFFIX		".prompts"
/* Limits, documented in dhcoach-prompts(5); past them loading fails. */
#define PROMPTS_MAX_FILE	(1024 * 1024)	/* bytes in one file */
#define PROMPTS_MAX_FILES	100		/* files in the folder */
#define PROMPTS_MAX_PATTERNS	5000		/* patterns in all files */
#define PROMPTS_MAX_DEFINES	2000		/* [define] names in all files */
#define PROMPTS_MAX_VARIANTS	20		/* variants of one reply */
#define PROMPTS_MAX_WEIGHTS	5000		/* weights of one indicator */
#define PROMPTS_MAX_EXPANDED	(64 * 1024)	/* the definitions one pattern calls */

struct prompts_sample {
	char		*text;
	int		 want;	/* 1: must be shown; 0: must not */
	const char	*file;
	int		 line;
};

/* A learned weight of a feature (feature.h). */
struct prompts_weight {
	char	*feature;
	double	 w;
};

/*
 * An indicator's weighted score ([weights ID]), learned from labelled
 * real writing: bias, plus pattern when one of its patterns matched,
 * plus the weight of each feature the answer's sentences hold (each
 * counted once); the indicator is shown when the score is above 0.
 * Without weights (file NULL), a pattern match alone decides.
 */
struct prompts_weights {
	const char		*file;	/* where its section is, or NULL */
	int			 line;
	double			 bias;
	double			 pattern;
	struct prompts_weight	*v;	/* sorted by feature */
	size_t			 n;
};

struct prompts_indicator {
	int			 index;	/* into framework_indicators */
	const char		*file;	/* where its section starts */
	int			 line;
	char			*title;	/* "Two-way conversation" */
	char			*shown;	/* "you listened and acted on what you heard" */
	char			*gap;
	char			**probes;
	size_t			 nprobes;
	struct match_set	 set;
	struct prompts_sample	*samples;
	size_t			 nsamples;
	struct prompts_weights	 weights;
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

/*
 * The coach's replies to an answer ([replies]), each key with one or
 * more variants; the coach does not use the same variant twice running.
 * Placeholders in braces are filled in: {list} the evidence just shown,
 * {quote} a sentence of the answer, {gap} the title of the gap asked
 * about next, {suggestion} its suggestion, {area} the area's title,
 * {rating}, {shown} and {total} for the calibration notes.  Keys:
 * shown, none, next, complete, fits, high, low.
 */
enum prompts_reply {
	PROMPTS_REPLY_SHOWN,	/* new evidence: "That shows {list}." */
	PROMPTS_REPLY_NONE,	/* nothing new: acknowledge {quote}, name {gap} */
	PROMPTS_REPLY_NEXT,	/* the gap to fill next: {suggestion} */
	PROMPTS_REPLY_COMPLETE,	/* nothing missing in {area} */
	PROMPTS_REPLY_FITS,	/* rating {rating} fits {shown} of {total} */
	PROMPTS_REPLY_HIGH,	/* rated {rating} high, only {shown} of {total} */
	PROMPTS_REPLY_LOW,	/* rated {rating} low, yet {shown} of {total} */
	PROMPTS_NREPLY
};

struct prompts_replies {
	char	**v[PROMPTS_NREPLY];
	size_t	  n[PROMPTS_NREPLY];
};

/*
 * The [readiness] rule: an area that was discussed shows "a good level
 * of experience to build upon" when its latest self-rating is at least
 * min_rating, at least min_shown of its own indicators are shown, and
 * every required indicator (an ev.* one, say) is shown in it; otherwise
 * it is thin.  An area with no rating and no answer is "not yet
 * discussed", never thin.  The words of the summary come with it.
 */
struct prompts_readiness {
	const char	*file;
	int		 line;
	int		 min_rating;
	int		 min_shown;
	int		 require[FRAMEWORK_NINDICATORS];	/* 1: required */
	char		*intro;		/* before the areas */
	char		*strengths;	/* before the areas with experience */
	char		*thin;		/* before the thin areas */
	char		*next;		/* before the one or two next steps */
	char		*none;		/* when nothing is discussed yet */
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
	struct prompts_replies		  replies;
	struct prompts_readiness	  readiness;
	struct match_cue		**skip;	/* [model]: sentences left out */
	size_t				  nskip;
	int				  unweighted;	/* ignore [weights] */
	int				  jit;	/* prompts_jit has run */
};

/* Problems found while loading or checking, each "file:line: reason". */
struct prompts_problems {
	char	**msgs;
	size_t	  n;
};

/* Flags of prompts_load. */
#define PROMPTS_PARTIAL	0x1	/* keep what loaded despite problems */

/*
 * Load every *.prompts file in dir.  Returns the prompts, or NULL with the
 * problems added to *probs (at least one).  With PROMPTS_PARTIAL (for
 * check-prompts alone), returns what did load even when there were
 * problems, so that its samples can still be checked.
 */
struct prompts *prompts_load(const char *dir, struct prompts_problems *probs,
    int flags);

/* JIT-compile every pattern and cue (once; silent where refused). */
void prompts_jit(struct prompts *);

/*
 * Run every embedded sample through its indicator's patterns and guards,
 * and the [plan] samples through the vague patterns.  Adds a problem for
 * each sample that comes out wrong; returns how many.
 */
size_t prompts_check_samples(const struct prompts *,
    struct prompts_problems *probs);
/*
 * Run every pattern, cue and stop pattern against hostile strings
 * (match_pattern_hostile); adds "file:line: pattern can take exponential
 * time" for each that hits the limit.  Returns how many.
 */
size_t prompts_check_hostile(const struct prompts *,
    struct prompts_problems *probs);

/*
 * Fill a reply's placeholders: names[i] ("list", "quote", ...) becomes
 * values[i]; an unknown placeholder is left as it is.  A new string.
 */
char *prompts_fill(const char *tmpl, const char *const *names,
    const char *const *values, size_t n);

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

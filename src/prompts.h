/*
 * prompts.h: the coaching content, as loaded from the prompt files.
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
 * This header is what every user of the content needs: its structs,
 * filling a reply's placeholders, JIT-compiling, freeing.  Loading a
 * folder, all or nothing, is prompts-load.h's; the checks that
 * check-prompts runs are prompts-check.h's; the file format itself is
 * prompts-file.h's.  Patterns are compiled at load but not
 * JIT-compiled: prompts_jit does that, for callers whose texts are long
 * enough to gain from it.
 *
 * Ownership: a struct prompts owns everything reachable from it, including
 * the file names that patterns and messages point at; prompts_free frees
 * it all.
 */
#ifndef DHCOACH_PROMPTS_H
#define DHCOACH_PROMPTS_H

#include <stddef.h>

#include "framework.h"
#include "match.h"

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
 * counted once); the indicator is shown when a pattern matched or the
 * score is above 0.  Without weights (file NULL), the patterns alone
 * decide.
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
	int				  jit;	/* every pattern JIT-compiled */
};

/* JIT-compile every pattern and cue (once; silent where refused). */
void prompts_jit(struct prompts *);
/*
 * JIT-compile up to n of the patterns not yet compiled, for spreading
 * the work over idle moments (a few milliseconds per 25 patterns).
 * Returns 1 while patterns are left, 0 once all are done.  What the
 * patterns find is the same whether some, all or none are compiled.
 */
int prompts_jit_some(struct prompts *, size_t n);

/*
 * Fill a reply's placeholders: names[i] ("list", "quote", ...) becomes
 * values[i]; an unknown placeholder is left as it is.  A new string.
 */
char *prompts_fill(const char *tmpl, const char *const *names,
    const char *const *values, size_t n);

/* Whether name[0..len) is a placeholder the coach fills in ({list}...). */
int prompts_placeholder(const char *name, size_t len);

/* Free the prompts and everything they own.  NULL is allowed. */
void prompts_free(struct prompts *);
/* Free what an indicator owns and zero it (the struct is the caller's). */
void prompts_indicator_clear(struct prompts_indicator *);

/*
 * The prompt folder to use: opt when given (--prompts), else
 * $DHCOACH_PROMPTS, else the source tree's prompts/ when the program runs
 * from there, else the installed folder.  Returns a new string.
 */
char *prompts_find_dir(const char *opt);

#endif

/*
 * match.h: compiling and running the indicator patterns with PCRE2.
 *
 * A pattern is compiled once, at load, with UTF, UCP and caseless
 * matching, and keeps its own match data for reuse.  JIT compilation is
 * a separate step (match_pattern_jit_compile), taken only when it pays:
 * it costs more than it saves on a short answer.  Where the machine
 * refuses JIT, the interpreter is used, silently.  Answers are matched with
 * PCRE2_MATCH_INVALID_UTF, so invalid bytes never stop an analysis, and
 * under a match and heap limit, so a catastrophic pattern against a long
 * hostile answer fails in milliseconds with an error naming its file and
 * line instead of hanging.
 *
 * A match set is an indicator's patterns plus the cues that guard them: a
 * match is cancelled when a guard cue (a negation such as "did not", say)
 * ends within the cue's window of words before it, in the same sentence,
 * with none of the cue's stop words ("but", say) between them.
 *
 * Ownership: a struct match_pattern owns its compiled code, match data
 * and words (match_pattern_free).  A match set owns its pattern array but
 * only points at its cues, which belong to whoever owns the set (the loaded
 * prompts).  Not thread-safe: match data and the module's one match
 * context (limits, JIT stack) are reused.
 */
#ifndef DHCOACH_MATCH_H
#define DHCOACH_MATCH_H

#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

/* Default limits on every match: see pcre2_set_match_limit(3). */
#define MATCH_LIMIT		200000
#define MATCH_HEAP_LIMIT_KIB	20480

struct match_pattern {
	pcre2_code		*code;
	pcre2_match_data	*data;
	char			*words;	/* its literal words, for hostile strings */
	int			 jit_tried;	/* match_pattern_jit_compile ran */
	const char	*file;	/* where it was written, for messages */
	int		 line;
};

struct match_cue {
	char			*name;
	struct match_pattern	*pats;
	size_t			 npats;
	struct match_pattern	*stops;	/* words that end the cue's reach */
	size_t			 nstops;
	int			 window;	/* words allowed between cue and match */
	int			 is_default;
	const char		*file;
	int			 line;
};

struct match_set {
	struct match_pattern	 *pats;
	size_t			  npats;
	struct match_cue	**guards;
	size_t			  nguards;
};

/* What match_set_find found. */
enum match_result {
	MATCH_NONE,	/* no pattern matched */
	MATCH_GUARDED,	/* only matches that a guard cue cancelled */
	MATCH_FOUND	/* an unguarded match */
};

struct match_hit {
	size_t	start;	/* byte offsets of the match in the text */
	size_t	end;
	size_t	pattern;	/* index of the pattern that matched */
};

/*
 * Set the limits used by every later match (0 keeps the default).  For
 * tests and benchmarks; the program uses the defaults.
 */
void match_set_limits(uint32_t match_limit, uint32_t heap_kib);

/* How every pattern is compiled (pcre2_compile options). */
#define MATCH_COMPILE_FLAGS \
	(PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF | \
	 PCRE2_NEVER_BACKSLASH_C)

/* Flags of match_pattern_compile. */
#define MATCH_ALLOW_EMPTY	0x1	/* for checking definitions only */

/*
 * Compile src into p, remembering file and line (not copied: they must
 * outlive p).  The first skip bytes of src are a prefix the author did
 * not write (shared definitions): error offsets are counted after it.
 * Returns 0, or -1 with *cause set to a new string such as "byte 4:
 * missing closing parenthesis" or "matches an empty answer".
 */
int match_pattern_compile(struct match_pattern *p, const char *src,
    size_t skip, int flags, const char *file, int line, char **cause);
/*
 * The same from code already compiled from src with MATCH_COMPILE_FLAGS
 * (match-cache.h), which p takes; on failure the code is freed.
 */
int match_pattern_adopt(struct match_pattern *p, pcre2_code *code,
    const char *src, size_t skip, int flags, const char *file, int line,
    char **cause);
/* JIT-compile p, once; a refusal is silent (the interpreter is used). */
void match_pattern_jit_compile(struct match_pattern *p);
/* Free what p owns; p itself is the caller's.  Safe on a zeroed p. */
void match_pattern_free(struct match_pattern *p);
/* Whether JIT compilation is in use for p. */
int match_pattern_jit(const struct match_pattern *p);

/*
 * Find the first match of p in text at or after offset.  Returns 1 with
 * *start and *end set, 0 for no match, or -1 with *cause set to a new
 * string naming p's file and line when a limit was hit.
 */
int match_pattern_next(const struct match_pattern *p, const char *text,
    size_t len, size_t offset, size_t *start, size_t *end, char **cause);

/*
 * Search text for set's patterns in order, honouring the guards.  Fills
 * *hit for the first unguarded match (MATCH_FOUND) or else the first
 * guarded one (MATCH_GUARDED).  Returns -1 with *cause set when a limit
 * was hit; the caller treats the indicator as not shown.
 */
int match_set_find(const struct match_set *set, const char *text,
    size_t len, struct match_hit *hit, char **cause);

/*
 * The same, counting only matches that lie within one sentence: a match
 * may not span any of the offsets ends[0..nends) (sorted: where each
 * sentence but the last ends), and a guard cue reaches back no further
 * than the last of them before the match.  A match that spans one is
 * passed over for the next match of the same pattern.
 */
int match_set_find_within(const struct match_set *set, const char *text,
    size_t len, const size_t *ends, size_t nends, struct match_hit *hit,
    char **cause);

/*
 * Whether p can take exponential time: run it against a set of hostile
 * strings (long runs of one letter, of word and space, of repeated
 * phrases, each followed by a character that forces backtracking) under
 * a small match limit.  Returns 1 when a limit was hit, else 0.
 */
int match_pattern_hostile(const struct match_pattern *p);

/* Free a cue's name and patterns; the struct itself is the caller's. */
void match_cue_free(struct match_cue *c);
/* Free a set's patterns and guard list; the cues are not freed. */
void match_set_free(struct match_set *s);

#endif

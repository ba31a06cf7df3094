/*
 * match.c: PCRE2 patterns, limits and negation guards (see match.h).
 *
 * Invariants: every pattern was compiled with PCRE2_UTF | PCRE2_UCP |
 * PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF and never matches the empty
 * string; every match runs under the module's match context, which holds
 * the match and heap limits and a JIT stack; the hostile check runs under
 * its own, much smaller limit, always in the interpreter.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "util.h"

#define MATCH_JIT_STACK_MIN	(32 * 1024)
#define MATCH_JIT_STACK_MAX	(1024 * 1024)
/* The most words a cue's own phrase spans ("if we had"). */
#define MATCH_CUE_WORDS		8
/* Bytes after a match's start that a cue's look-ahead may read. */
#define MATCH_LOOKAHEAD		64
/* The hostile check: its limit, and how long its strings are. */
#define MATCH_HOSTILE_LIMIT	20000
#define MATCH_HOSTILE_HEAP_KIB	4096
#define MATCH_HOSTILE_LEN	400
/* Literal words kept from a pattern for the hostile check. */
#define MATCH_WORDS_MAX		6
#define MATCH_WORDS_BYTES	60

static pcre2_match_context	*match_ctx;
static pcre2_match_context	*match_hostile_ctx;
static pcre2_jit_stack		*match_jit_stack;
static uint32_t			 match_limit = MATCH_LIMIT;
static uint32_t			 match_heap_kib = MATCH_HEAP_LIMIT_KIB;

/* The shared match context, made on first use. */
static pcre2_match_context *
match_context(void)
{
	if (match_ctx != NULL)
		return match_ctx;
	if ((match_ctx = pcre2_match_context_create(NULL)) == NULL)
		fatalx("out of memory");
	pcre2_set_match_limit(match_ctx, match_limit);
	pcre2_set_heap_limit(match_ctx, match_heap_kib);
	match_jit_stack = pcre2_jit_stack_create(MATCH_JIT_STACK_MIN,
	    MATCH_JIT_STACK_MAX, NULL);
	if (match_jit_stack != NULL)
		pcre2_jit_stack_assign(match_ctx, NULL, match_jit_stack);
	return match_ctx;
}

/* Set the limits for later matches. */
void
match_set_limits(uint32_t limit, uint32_t heap_kib)
{
	match_limit = limit != 0 ? limit : MATCH_LIMIT;
	match_heap_kib = heap_kib != 0 ? heap_kib : MATCH_HEAP_LIMIT_KIB;
	if (match_ctx != NULL) {
		pcre2_set_match_limit(match_ctx, match_limit);
		pcre2_set_heap_limit(match_ctx, match_heap_kib);
	}
}

/*
 * Skip the syntax at src[i] that is no literal text: an escape, a
 * character class, a group's opening, a quantifier.  Returns the offset
 * after it, or i when src[i] starts no such thing.
 */
static size_t
match_skip_syntax(const char *src, size_t i)
{
	const char	*close;

	if (src[i] == '\\') {
		if (src[i + 1] == '\0')
			return i + 1;
		if (strchr("xpPNgko", src[i + 1]) != NULL && src[i + 2] == '{' &&
		    (close = strchr(src + i, '}')) != NULL)
			return close - src + 1;
		return i + 2;
	}
	if (src[i] == '[') {
		i++;
		if (src[i] == '^')
			i++;
		if (src[i] == ']')
			i++;
		while (src[i] != '\0' && src[i] != ']')
			i += src[i] == '\\' && src[i + 1] != '\0' ? 2 : 1;
		return src[i] == ']' ? i + 1 : i;
	}
	if (src[i] == '{' && (close = strchr(src + i, '}')) != NULL)
		return close - src + 1;
	if (src[i] != '(' || src[i + 1] != '?')
		return i;

	/* (?:  (?=  (?<=  (?<name>  (?&name)  (?i)  (?(DEFINE) ... */
	i += 2;
	if (src[i] == '<' && (src[i + 1] == '=' || src[i + 1] == '!'))
		return i + 2;
	if (src[i] == '<' || src[i] == '&' || src[i] == 'P' ||
	    src[i] == '(') {
		while (src[i] != '\0' && src[i] != '>' && src[i] != ')')
			i++;
		return src[i] != '\0' ? i + 1 : i;
	}
	while (isalpha((unsigned char)src[i]) || src[i] == '-')
		i++;
	return src[i] != '\0' ? i + 1 : i;
}

/*
 * The literal words of a pattern's source ("involv the patients"), for
 * the hostile strings: runs of three or more letters outside escapes,
 * classes and group syntax.  A new string, or NULL when there are none.
 */
static char *
match_words(const char *src)
{
	struct buf	b = { 0 };
	size_t		i = 0, j, n;
	int		words = 0;

	while (src[i] != '\0' && words < MATCH_WORDS_MAX) {
		if ((j = match_skip_syntax(src, i)) != i) {
			i = j;
			continue;
		}
		for (n = 0; isalpha((unsigned char)src[i + n]); n++)
			;
		if (n >= 3 && b.len + n < MATCH_WORDS_BYTES) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_add(&b, src + i, n);
			words++;
		}
		i += n > 0 ? n : 1;
	}
	return b.len > 0 ? buf_take(&b) : NULL;
}

/* The rest of making p from its code: match data, checks, literal words. */
static int
match_pattern_finish(struct match_pattern *p, const char *src, size_t skip,
    int flags, char **cause)
{
	int	rc;

	p->data = pcre2_match_data_create_from_pattern(p->code, NULL);
	if (p->data == NULL)
		fatalx("out of memory");

	/* A pattern that matches nothing at all would be evidence in any text. */
	rc = pcre2_match(p->code, (PCRE2_SPTR)"", 0, 0, 0, p->data,
	    match_context());
	if (rc >= 0 && !(flags & MATCH_ALLOW_EMPTY)) {
		*cause = xstrdup("pattern matches an empty answer");
		match_pattern_free(p);
		return -1;
	}
	p->words = match_words(src + skip);
	return 0;
}

/* Compile one pattern; see match.h. */
int
match_pattern_compile(struct match_pattern *p, const char *src,
    size_t skip, int flags, const char *file, int line, char **cause)
{
	PCRE2_UCHAR	msg[256];
	PCRE2_SIZE	erroff;
	int		errcode;

	memset(p, 0, sizeof *p);
	p->file = file;
	p->line = line;
	p->code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
	    MATCH_COMPILE_FLAGS, &errcode, &erroff, NULL);
	if (p->code == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof msg);
		if (erroff < skip)
			*cause = xasprintf("pattern does not compile: in a "
			    "[define] it uses: %s", (char *)msg);
		else
			*cause = xasprintf("pattern does not compile: byte "
			    "%zu: %s", (size_t)erroff - skip, (char *)msg);
		return -1;
	}
	return match_pattern_finish(p, src, skip, flags, cause);
}

/* Make a pattern from code compiled before; see match.h. */
int
match_pattern_adopt(struct match_pattern *p, pcre2_code *code,
    const char *src, size_t skip, int flags, const char *file, int line,
    char **cause)
{
	memset(p, 0, sizeof *p);
	p->file = file;
	p->line = line;
	p->code = code;
	return match_pattern_finish(p, src, skip, flags, cause);
}

/* JIT-compile a pattern once; see match.h. */
void
match_pattern_jit_compile(struct match_pattern *p)
{
	if (p->jit_tried || p->code == NULL)
		return;
	p->jit_tried = 1;
	(void)pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
}

/* Free a pattern's code and match data. */
void
match_pattern_free(struct match_pattern *p)
{
	pcre2_match_data_free(p->data);
	pcre2_code_free(p->code);
	free(p->words);
	p->data = NULL;
	p->code = NULL;
	p->words = NULL;
	p->jit_tried = 0;
}

/* Whether the pattern runs JIT-compiled. */
int
match_pattern_jit(const struct match_pattern *p)
{
	size_t	size = 0;

	if (pcre2_pattern_info(p->code, PCRE2_INFO_JITSIZE, &size) != 0)
		return 0;
	return size != 0;
}

/* Find the next match at or after offset; see match.h. */
int
match_pattern_next(const struct match_pattern *p, const char *text,
    size_t len, size_t offset, size_t *start, size_t *end, char **cause)
{
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	*ov;
	int		 rc;

	if (offset > len)
		return 0;
	rc = pcre2_match(p->code, (PCRE2_SPTR)text, len, offset, 0, p->data,
	    match_context());
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		pcre2_get_error_message(rc, msg, sizeof msg);
		*cause = xasprintf("%s:%d: pattern too expensive for this "
		    "answer, so it was skipped (%s)", p->file, p->line,
		    (char *)msg);
		return -1;
	}
	ov = pcre2_get_ovector_pointer(p->data);
	*start = ov[0];
	*end = ov[1];
	return 1;
}

/* Whether byte c can be part of a word when counting a cue's window. */
static int
match_is_word_byte(unsigned char c)
{
	return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Count the words in text[from, to). */
static int
match_count_words(const char *text, size_t from, size_t to)
{
	size_t	i;
	int	words = 0, in = 0;

	for (i = from; i < to; i++) {
		if (match_is_word_byte((unsigned char)text[i])) {
			if (!in)
				words++;
			in = 1;
		} else if (!(in && (text[i] == '\'' || text[i] == '-')))
			in = 0;
	}
	return words;
}

/*
 * Where a cue ending before offset may begin: back over at most words
 * words, and never before the clause (after the last . ! ? ; or blank
 * line).  Bounded, so that a long answer without full stops costs no
 * more per match than a short one.
 */
static size_t
match_reach_back(const char *text, size_t offset, int words)
{
	int	in = 0;

	while (offset > 0) {
		if (strchr(".!?;", text[offset - 1]) != NULL &&
		    text[offset - 1] != '\0')
			break;
		/* A blank line ends a clause; a wrapped line does not. */
		if (offset >= 2 && text[offset - 1] == '\n' &&
		    text[offset - 2] == '\n')
			break;
		if (match_is_word_byte((unsigned char)text[offset - 1])) {
			if (!in && words-- == 0)
				break;
			in = 1;
		} else
			in = 0;
		offset--;
	}
	return offset;
}

/*
 * Whether one of the cue's stop words stands wholly in text[from, to): 1
 * yes, 0 no, -1 on a limit with *cause set.
 */
static int
match_stopped(const struct match_cue *c, const char *text, size_t from,
    size_t to, char **cause)
{
	size_t	i, s, e;
	int	rc;

	for (i = 0; i < c->nstops; i++) {
		rc = match_pattern_next(&c->stops[i], text, to, from, &s, &e,
		    cause);
		if (rc == -1)
			return -1;
		if (rc == 1 && e <= to)
			return 1;
	}
	return 0;
}

/*
 * Whether a cue cancels the match starting at start, reaching back no
 * further than floor: 1 yes, 0 no, -1 on a limit with *cause set.
 */
static int
match_cue_cancels(const struct match_cue *c, const char *text, size_t len,
    size_t start, size_t floor, char **cause)
{
	size_t	clause, end, off, s, e, i;
	int	rc;

	/* Only the few words before the match, and a little after for
	 * look-aheads: the cost per match stays bounded. */
	clause = match_reach_back(text, start, c->window + MATCH_CUE_WORDS);
	if (clause < floor)
		clause = floor;
	end = len - start > MATCH_LOOKAHEAD ? start + MATCH_LOOKAHEAD : len;
	for (i = 0; i < c->npats; i++) {
		off = clause;
		while ((rc = match_pattern_next(&c->pats[i], text, end, off, &s,
		    &e, cause)) == 1 && s < start) {
			if (e <= start &&
			    match_count_words(text, e, start) <= c->window) {
				/* A stop word spares the match from this cue
				 * only: a nearer one may still cancel it. */
				rc = match_stopped(c, text, e, start, cause);
				if (rc == -1)
					return -1;
				if (rc == 0)
					return 1;
			}
			off = e > s ? e : s + 1;
		}
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* The index of the first of ends[0..n) after off (n when none is). */
static size_t
match_end_after(const size_t *ends, size_t n, size_t off)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ends[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The offset of the character after the one at off. */
static size_t
match_next_char(const char *text, size_t len, size_t off)
{
	off++;
	while (off < len && ((unsigned char)text[off] & 0xc0) == 0x80)
		off++;
	return off;
}

/*
 * Whether any guard of set cancels the match at start: 1 yes, 0 no,
 * -1 on a limit.
 */
static int
match_guarded(const struct match_set *set, const char *text, size_t len,
    size_t start, size_t floor, char **cause)
{
	size_t	j;
	int	rc;

	for (j = 0; j < set->nguards; j++) {
		rc = match_cue_cancels(set->guards[j], text, len, start, floor,
		    cause);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Search text for the set's patterns; see match.h. */
int
match_set_find(const struct match_set *set, const char *text, size_t len,
    struct match_hit *hit, char **cause)
{
	return match_set_find_within(set, text, len, NULL, 0, hit, cause);
}

/* Search text for the set's patterns, within sentences; see match.h. */
int
match_set_find_within(const struct match_set *set, const char *text,
    size_t len, const size_t *ends, size_t nends, struct match_hit *hit,
    char **cause)
{
	size_t	i, k, off, s, e;
	int	rc, guarded = 0, cancelled;

	for (i = 0; i < set->npats; i++) {
		off = 0;
		while ((rc = match_pattern_next(&set->pats[i], text, len, off,
		    &s, &e, cause)) == 1) {
			/* Across the end of a sentence: try further on. */
			k = match_end_after(ends, nends, s);
			if (k < nends && e > ends[k]) {
				off = match_next_char(text, len, s);
				continue;
			}
			cancelled = match_guarded(set, text, len, s,
			    k > 0 ? ends[k - 1] : 0, cause);
			if (cancelled == -1)
				return -1;
			if (!cancelled || !guarded) {
				hit->start = s;
				hit->end = e;
				hit->pattern = i;
			}
			if (!cancelled)
				return MATCH_FOUND;
			guarded = 1;
			off = e > s ? e : s + 1;
		}
		if (rc == -1)
			return -1;
	}
	return guarded ? MATCH_GUARDED : MATCH_NONE;
}

/* The hostile check's match context, made on first use. */
static pcre2_match_context *
match_hostile_context(void)
{
	if (match_hostile_ctx != NULL)
		return match_hostile_ctx;
	if ((match_hostile_ctx = pcre2_match_context_create(NULL)) == NULL)
		fatalx("out of memory");
	pcre2_set_match_limit(match_hostile_ctx, MATCH_HOSTILE_LIMIT);
	pcre2_set_heap_limit(match_hostile_ctx, MATCH_HOSTILE_HEAP_KIB);
	return match_hostile_ctx;
}

/*
 * Whether p hits the hostile limit on unit repeated to about
 * MATCH_HOSTILE_LEN bytes then tail.
 */
static int
match_hostile_on(const struct match_pattern *p, const char *unit, char tail)
{
	struct buf	b = { 0 };
	int		rc;

	while (b.len < MATCH_HOSTILE_LEN)
		buf_adds(&b, unit);
	buf_addc(&b, tail);
	rc = pcre2_match(p->code, (PCRE2_SPTR)b.data, b.len, 0, PCRE2_NO_JIT,
	    p->data, match_hostile_context());
	buf_free(&b);
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
	    rc == PCRE2_ERROR_DEPTHLIMIT;
}

/* Whether p can take exponential time; see match.h. */
int
match_pattern_hostile(const struct match_pattern *p)
{
	char		*phrase;
	const char	*units[3];
	const char	 tails[] = "!\n";
	size_t		 i, j;
	int		 hit = 0;

	phrase = xasprintf("%s ", p->words != NULL ? p->words : "word");
	units[0] = "a";
	units[1] = "word ";
	units[2] = phrase;
	for (i = 0; i < 3 && !hit; i++) {
		for (j = 0; j < 2 && !hit; j++)
			hit = match_hostile_on(p, units[i], tails[j]);
	}
	free(phrase);
	return hit;
}

/* Free a cue's name and patterns. */
void
match_cue_free(struct match_cue *c)
{
	size_t	i;

	for (i = 0; i < c->npats; i++)
		match_pattern_free(&c->pats[i]);
	for (i = 0; i < c->nstops; i++)
		match_pattern_free(&c->stops[i]);
	free(c->pats);
	free(c->stops);
	free(c->name);
	memset(c, 0, sizeof *c);
}

/* Free a set's patterns and its list of guards. */
void
match_set_free(struct match_set *s)
{
	size_t	i;

	for (i = 0; i < s->npats; i++)
		match_pattern_free(&s->pats[i]);
	free(s->pats);
	free(s->guards);
	memset(s, 0, sizeof *s);
}

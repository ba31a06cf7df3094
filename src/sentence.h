/*
 * sentence.h: an answer as sentences, normalised for matching.
 *
 * The answer is normalised first (normalise.h: straight quotes,
 * contractions spelt out, British spellings), keeping a map back to the
 * candidate's own text; the copy is split into sentences (at . ! ? and
 * blank lines, not at "Dr." or "3.5" or "e.g."), each of which can be
 * quoted in the candidate's own characters, whole, or trimmed to the
 * clause around a match when it is very long.
 *
 * Ownership: struct sentences owns its copy, map and list
 * (sentence_free); it does not keep the original text.
 */
#ifndef DHCOACH_SENTENCE_H
#define DHCOACH_SENTENCE_H

#include <stddef.h>

/* A sentence quoted whole up to this many bytes, else trimmed to a clause. */
#define SENTENCE_QUOTE_MAX	240

/* One sentence: byte offsets into the normalised copy. */
struct sentence {
	size_t	start;
	size_t	end;
};

struct sentences {
	char		*norm;		/* the normalised copy, NUL-terminated */
	size_t		 len;
	size_t		*map;		/* norm offset -> original offset; len + 1 */
	struct sentence	*v;
	size_t		 n;
};

/* Normalise text[0..len) and split it into sentences. */
void sentence_split(const char *text, size_t len, struct sentences *out);
void sentence_free(struct sentences *);

/* The sentence holding normalised offset off (the last one past the end). */
size_t sentence_at(const struct sentences *, size_t off);

/*
 * The candidate's own words for sentence k of text (the original, which
 * s was made from), white space folded; when longer than
 * SENTENCE_QUOTE_MAX, the clause around the normalised span
 * [from, to) of a match, with "..." where it was cut.  A new string.
 */
char *sentence_quote(const struct sentences *s, const char *text,
    size_t k, size_t from, size_t to);

#endif

/*
 * normalise.c: the normalised copy of an answer, with its offset map
 * (see normalise.h).
 *
 * Normalisation is one pass over the candidate's text that writes the
 * copy and, for every byte of it, the offset in the original of the
 * character that produced it.  Characters are copied, replaced one for
 * one (a curly quote by a straight one) or by several bytes (an em dash
 * by " - "); a word is copied, or replaced whole ("didn't" by "did
 * not"), each byte of the replacement mapped into the word.  So the map
 * never decreases, map[len] is the original's length, and an original
 * range [map[a], map[b]) always starts and ends on a character the
 * candidate typed.  A line break inside a paragraph becomes a space; a
 * blank line, and a line break before a bullet, become "\n\n", which
 * ends a sentence (and a cue's reach).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalise.h"
#include "util.h"

/* The longest word looked up in the tables below. */
#define NORMALISE_WORD_MAX	32

/* The copy being written, with its map. */
struct normalise_out {
	struct buf	 b;
	size_t		*map;
	size_t		 mapsize;
};

/* A contraction and what it spells out. */
struct normalise_pair {
	const char	*from;
	const char	*to;
};

static const struct normalise_pair normalise_contractions[] = {
	{ "aren't", "are not" }, { "can't", "cannot" },
	{ "couldn't", "could not" }, { "could've", "could have" },
	{ "didn't", "did not" }, { "doesn't", "does not" },
	{ "don't", "do not" }, { "hadn't", "had not" },
	{ "hasn't", "has not" }, { "haven't", "have not" },
	{ "he'll", "he will" }, { "he's", "he is" }, { "here's", "here is" },
	{ "i'll", "i will" }, { "i'm", "i am" }, { "i've", "i have" },
	{ "isn't", "is not" }, { "it'll", "it will" }, { "it's", "it is" },
	{ "let's", "let us" }, { "mightn't", "might not" },
	{ "might've", "might have" }, { "mustn't", "must not" },
	{ "must've", "must have" }, { "needn't", "need not" },
	{ "shan't", "shall not" }, { "she'll", "she will" },
	{ "she's", "she is" }, { "shouldn't", "should not" },
	{ "should've", "should have" }, { "that'll", "that will" },
	{ "that's", "that is" }, { "there's", "there is" },
	{ "they'll", "they will" }, { "they're", "they are" },
	{ "they've", "they have" }, { "wasn't", "was not" },
	{ "we'll", "we will" }, { "we're", "we are" }, { "we've", "we have" },
	{ "weren't", "were not" }, { "what's", "what is" },
	{ "who's", "who is" }, { "won't", "will not" },
	{ "wouldn't", "would not" }, { "would've", "would have" },
	{ "you'll", "you will" }, { "you're", "you are" },
	{ "you've", "you have" }
};

/* Words whose American spelling is replaced whole. */
static const struct normalise_pair normalise_spellings[] = {
	{ "center", "centre" }, { "centered", "centred" },
	{ "centers", "centres" }, { "fiber", "fibre" },
	{ "fibers", "fibres" }, { "program", "programme" },
	{ "programs", "programmes" }, { "theater", "theatre" },
	{ "theaters", "theatres" }
};

/* Stems spelt -ize, -ization (and -yze) in American English. */
static const char *const normalise_ize_stems[] = {
	"anal", "apolog", "author", "capital", "catal", "categor",
	"central", "character", "commercial", "computer", "conceptual",
	"contextual", "critic", "custom", "decentral", "democrat", "digit",
	"digital", "emphas", "empath", "energ", "familiar", "final",
	"formal", "harmon", "hospital", "incentiv", "industrial",
	"institutional", "internal", "legitim", "local", "maxim",
	"memor", "minim", "mobil", "modern", "monet", "normal",
	"operational", "optim", "organ", "paral", "person", "priorit",
	"real", "recogn", "sanit", "sensit", "special", "stabil",
	"standard", "summar", "symbol", "synchron", "systemat", "theor",
	"util", "visual"
};

/* What may follow an -iz- or -yz- stem, each between bars. */
static const char normalise_ize_ends[] =
    "|e|es|ed|ing|er|ers|ation|ations|ational|";

/* Stems spelt -or where British English has -our, and their endings. */
static const struct normalise_pair normalise_or_words[] = {
	{ "behavi", "||s|al|ally|" }, { "col", "||s|ed|ful|ing|" },
	{ "endeav", "||s|ed|ing|" }, { "fav", "||s|ed|able|ite|ites|" },
	{ "harb", "||s|" }, { "hon", "||s|ed|able|" }, { "hum", "||s|" },
	{ "lab", "||s|ed|" }, { "neighb", "||s|hood|hoods|ing|" },
	{ "rum", "||s|" }
};

#define NORMALISE_NITEMS(a)	(sizeof (a) / sizeof (a)[0])

/* Add one byte to the copy, made from the original at offset from. */
static void
normalise_emit(struct normalise_out *o, char c, size_t from)
{
	if (o->b.len + 1 >= o->mapsize) {
		o->mapsize = o->mapsize == 0 ? 256 : o->mapsize * 2;
		o->map = xreallocarray(o->map, o->mapsize, sizeof *o->map);
	}
	o->map[o->b.len] = from;
	buf_addc(&o->b, c);
}

/* Take back trailing spaces and tabs of the copy. */
static void
normalise_unspace(struct normalise_out *o)
{
	while (o->b.len > 0 && (o->b.data[o->b.len - 1] == ' ' ||
	    o->b.data[o->b.len - 1] == '\t'))
		o->b.data[--o->b.len] = '\0';
}

/* The last byte of the copy, or '\0' at its start. */
static char
normalise_last(const struct normalise_out *o)
{
	return o->b.len > 0 ? o->b.data[o->b.len - 1] : '\0';
}

/* Whether t[i] is an ASCII letter. */
static int
normalise_is_alpha(const char *t, size_t len, size_t i)
{
	return i < len && isalpha((unsigned char)t[i]);
}

/*
 * Whether t[i] is a letter or digit, ASCII or not: any character but
 * the Latin-1 symbols (U+0080 to U+00BF) and general punctuation
 * (U+2000 to U+206F: dashes, curly quotes, spaces); i may be a
 * character's last byte.
 */
int
normalise_is_alnum(const char *t, size_t len, size_t i)
{
	const unsigned char	*u = (const unsigned char *)t;
	int			 back;

	if (i >= len)
		return 0;
	if (u[i] < 0x80)
		return isalnum(u[i]);
	for (back = 0; back < 3 && i > 0 && (u[i] & 0xc0) == 0x80; back++)
		i--;
	if (u[i] == 0xc2)
		return 0;
	return !(u[i] == 0xe2 && i + 1 < len && (u[i + 1] == 0x80 ||
	    u[i + 1] == 0x81));
}

/* The length of an apostrophe at t[i] (' or U+2019 or U+2018), or 0. */
static size_t
normalise_apostrophe(const char *t, size_t len, size_t i)
{
	if (i < len && t[i] == '\'')
		return 1;
	if (i + 2 < len && (unsigned char)t[i] == 0xe2 &&
	    (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x98 ||
	    (unsigned char)t[i + 2] == 0x99))
		return 3;
	return 0;
}

/* Skip spaces and tabs from i. */
static size_t
normalise_skip_blanks(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	return i;
}

/*
 * Whether a line starting at i (after its indent) starts with a bullet:
 * "-", "*", "+", a bullet character or a dash, or a number of up to
 * three digits with "." or ")", then a space.
 */
int
normalise_is_bullet(const char *t, size_t len, size_t i)
{
	size_t	n = 0;

	if (i < len && strchr("-*+", t[i]) != NULL && t[i] != '\0')
		n = 1;
	else if (i + 2 < len && (unsigned char)t[i] == 0xe2 &&
	    (unsigned char)t[i + 1] == 0x80 &&
	    strchr("\x93\x94\xa2\xa3", t[i + 2]) != NULL && t[i + 2] != '\0')
		n = 3;
	else if (i + 1 < len && (unsigned char)t[i] == 0xc2 &&
	    (unsigned char)t[i + 1] == 0xb7)
		n = 2;
	else {
		while (i + n < len && n < 4 && isdigit((unsigned char)t[i + n]))
			n++;
		if (n == 0 || n > 3 || i + n >= len ||
		    (t[i + n] != '.' && t[i + n] != ')'))
			return 0;
		n++;
	}
	return i + n < len && (t[i + n] == ' ' || t[i + n] == '\t');
}

/*
 * Copy a line break at i and the white space around it: a lone break
 * becomes a space, a blank line or a break before a bullet "\n\n".
 * Returns the offset after it.
 */
static size_t
normalise_newline(struct normalise_out *o, const char *t, size_t len, size_t i)
{
	size_t	j = i, breaks = 0;

	while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' ||
	    t[j] == '\n')) {
		if (t[j] == '\n' || (t[j] == '\r' && (j + 1 >= len ||
		    t[j + 1] != '\n')))
			breaks++;
		j++;
	}
	normalise_unspace(o);
	if (breaks >= 2 || (j < len && normalise_is_bullet(t, len, j))) {
		if (o->b.len > 0) {
			normalise_emit(o, '\n', i);
			normalise_emit(o, '\n', i);
		}
	} else if (o->b.len > 0 && j < len)
		normalise_emit(o, ' ', i);
	return j;
}

/*
 * Copy a dash at i of n bytes (an en or em dash, or "--"): between two
 * letters or digits with no space, an en dash is a hyphen ("2019–20");
 * at the start of a line it is a bullet; otherwise it becomes " - ",
 * taking in the spaces around it.  Returns the offset after it.
 */
static size_t
normalise_dash(struct normalise_out *o, const char *t, size_t len, size_t i,
    size_t n, int en)
{
	size_t	j;

	if (en && i > 0 && normalise_is_alnum(t, len, i - 1) &&
	    normalise_is_alnum(t, len, i + n) && normalise_last(o) != ' ') {
		normalise_emit(o, '-', i);
		return i + n;
	}
	if (normalise_last(o) == '\n' || o->b.len == 0) {
		normalise_emit(o, '-', i);
		return i + n;
	}
	normalise_unspace(o);
	j = normalise_skip_blanks(t, len, i + n);
	normalise_emit(o, ' ', i);
	normalise_emit(o, '-', i);
	if (j < len && t[j] != '\n' && t[j] != '\r')
		normalise_emit(o, ' ', i);
	return j;
}

/* Lower-case word w[0..n) into out (NUL-terminated), apostrophes straight. */
static int
normalise_fold_word(const char *w, size_t n, char *out)
{
	size_t	i, k = 0, a;

	for (i = 0; i < n; i += a) {
		if (k == NORMALISE_WORD_MAX)
			return -1;
		if ((a = normalise_apostrophe(w, n, i)) != 0) {
			out[k++] = '\'';
			continue;
		}
		a = 1;
		out[k++] = (char)tolower((unsigned char)w[i]);
	}
	out[k] = '\0';
	return 0;
}

/* Find a word in a table of pairs. */
static const char *
normalise_lookup(const struct normalise_pair *tab, size_t n, const char *w)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(tab[i].from, w) == 0)
			return tab[i].to;
	}
	return NULL;
}

/*
 * The British spelling of lower-case word w into out, or 0 when it has
 * none: -ize and -yze words, -or words, and the whole words of
 * normalise_spellings.
 */
static int
normalise_british(const char *w, char *out)
{
	const char	*to, *z, *end, *apostrophe;
	size_t		 i, n, len;
	char		 stem[NORMALISE_WORD_MAX + 1];
	char		 suffix[NORMALISE_WORD_MAX + 3];

	/* A possessive: the word before the apostrophe ("organization's"). */
	if ((apostrophe = strchr(w, '\'')) != NULL) {
		memcpy(stem, w, apostrophe - w);
		stem[apostrophe - w] = '\0';
		if (!normalise_british(stem, out))
			return 0;
		strcat(out, apostrophe);
		return 1;
	}
	len = strlen(w);

	if ((to = normalise_lookup(normalise_spellings,
	    NORMALISE_NITEMS(normalise_spellings), w)) != NULL) {
		strcpy(out, to);
		return 1;
	}
	if ((z = strchr(w, 'z')) != NULL && z > w && (z[-1] == 'i' ||
	    z[-1] == 'y')) {
		n = z - w - 1;
		snprintf(suffix, sizeof suffix, "|%s|", z + 1);
		for (i = 0; i < NORMALISE_NITEMS(normalise_ize_stems); i++) {
			if (strlen(normalise_ize_stems[i]) == n &&
			    strncmp(normalise_ize_stems[i], w, n) == 0 &&
			    strstr(normalise_ize_ends, suffix) != NULL) {
				strcpy(out, w);
				out[z - w] = 's';
				return 1;
			}
		}
	}
	for (i = 0; i < NORMALISE_NITEMS(normalise_or_words); i++) {
		n = strlen(normalise_or_words[i].from);
		if (len < n + 2 ||
		    strncmp(w, normalise_or_words[i].from, n) != 0 ||
		    strncmp(w + n, "or", 2) != 0)
			continue;
		end = w + n + 2;
		snprintf(suffix, sizeof suffix, "|%s|", end);
		if (strstr(normalise_or_words[i].to, suffix) == NULL)
			continue;
		memcpy(out, w, n + 1);
		out[n + 1] = 'u';
		strcpy(out + n + 2, w + n + 1);
		return 1;
	}
	return 0;
}

/* Whether the copy ends with "computer " or "software " (any case). */
static int
normalise_after_computer(const struct normalise_out *o)
{
	const char	*words[] = { "computer ", "software " };
	size_t		 i, n;

	for (i = 0; i < 2; i++) {
		n = strlen(words[i]);
		if (o->b.len >= n && strncasecmp(o->b.data + o->b.len - n,
		    words[i], n) == 0 && (o->b.len == n ||
		    !isalpha((unsigned char)o->b.data[o->b.len - n - 1])))
			return 1;
	}
	return 0;
}

/* Whether the word at t[i] is "been" or "got" (after spaces). */
static int
normalise_next_is_perfect(const char *t, size_t len, size_t i)
{
	i = normalise_skip_blanks(t, len, i);
	if (i + 4 <= len && strncasecmp(t + i, "been", 4) == 0 &&
	    !normalise_is_alpha(t, len, i + 4))
		return 1;
	return i + 3 <= len && strncasecmp(t + i, "got", 3) == 0 &&
	    !normalise_is_alpha(t, len, i + 3);
}

/*
 * Write replacement rep for the word w[0..n) at offset at, in the
 * word's case: all capitals, a capital first, or lower case.  Every
 * byte is mapped to the word's start, so that an offset inside the
 * replacement leads to the start of the whole word, never into it.
 */
static void
normalise_replace(struct normalise_out *o, const char *w, size_t n, size_t at,
    const char *rep)
{
	size_t	i, upper = 0, letters = 0;
	int	all, first;
	char	c;

	for (i = 0; i < n; i++) {
		if (isalpha((unsigned char)w[i])) {
			letters++;
			upper += isupper((unsigned char)w[i]) != 0;
		}
	}
	all = letters > 1 && upper == letters;
	first = isupper((unsigned char)w[0]);
	for (i = 0; rep[i] != '\0'; i++) {
		c = rep[i];
		if (all || (first && i == 0))
			c = (char)toupper((unsigned char)c);
		normalise_emit(o, c, at);
	}
}

/*
 * Copy the word at i (letters, with apostrophes inside), spelling out a
 * contraction or making an American spelling British.  Returns the
 * offset after the word.
 */
static size_t
normalise_word(struct normalise_out *o, const char *t, size_t len, size_t i)
{
	const char	*rep = NULL;
	char		 low[NORMALISE_WORD_MAX + 1];
	char		 brit[NORMALISE_WORD_MAX + 8];
	char		 has[NORMALISE_WORD_MAX + 8];
	size_t		 j = i, a, k, n;

	for (;;) {
		while (normalise_is_alpha(t, len, j))
			j++;
		if ((a = normalise_apostrophe(t, len, j)) == 0 ||
		    !normalise_is_alpha(t, len, j + a))
			break;
		j += a;
	}
	n = j - i;
	if (normalise_is_alnum(t, len, j) || normalise_fold_word(t + i, n,
	    low) != 0)
		goto copy;
	if (strchr(low, '\'') != NULL)
		rep = normalise_lookup(normalise_contractions,
		    NORMALISE_NITEMS(normalise_contractions), low);
	if (rep == NULL && normalise_british(low, brit) && (strncmp(low,
	    "program", 7) != 0 || !normalise_after_computer(o)))
		rep = brit;
	if (rep != NULL && (k = strlen(low)) > 2 &&
	    strcmp(low + k - 2, "'s") == 0 && normalise_next_is_perfect(t, len,
	    j)) {
		snprintf(has, sizeof has, "%.*s has", (int)(k - 2), low);
		rep = has;
	}
	if (rep != NULL) {
		normalise_replace(o, t + i, n, i, rep);
		return j;
	}
copy:
	for (k = i; k < j; k += a) {
		if ((a = normalise_apostrophe(t, len, k)) != 0)
			normalise_emit(o, '\'', k);
		else {
			a = 1;
			normalise_emit(o, t[k], k);
		}
	}
	return j;
}

/*
 * Copy the character at i, normalised.  Returns the offset after it.
 */
static size_t
normalise_char(struct normalise_out *o, const char *t, size_t len, size_t i)
{
	unsigned char	c = (unsigned char)t[i], c2, c3;
	size_t		n;

	if (c == '\n' || c == '\r')
		return normalise_newline(o, t, len, i);
	if (c == '-' && i + 1 < len && t[i + 1] == '-')
		return normalise_dash(o, t, len, i, 2, 0);
	/* A word starts after anything but a letter or digit copied. */
	if (isalpha(c) && !normalise_is_alnum(o->b.data, o->b.len,
	    o->b.len - 1))
		return normalise_word(o, t, len, i);
	if (c < 0x80 || (n = util_utf8_len(t + i, len - i)) < 2) {
		normalise_emit(o, (char)c, i);
		return i + 1;
	}
	c2 = (unsigned char)t[i + 1];
	c3 = n > 2 ? (unsigned char)t[i + 2] : 0;
	if (c == 0xc2 && c2 == 0xa0) {
		normalise_emit(o, ' ', i);
	} else if (c == 0xe2 && c2 == 0x80 && (c3 == 0x98 || c3 == 0x99)) {
		normalise_emit(o, '\'', i);
	} else if (c == 0xe2 && c2 == 0x80 && c3 >= 0x9c && c3 <= 0x9f) {
		normalise_emit(o, '"', i);
	} else if (c == 0xe2 && c2 == 0x80 && (c3 == 0x93 || c3 == 0x94 ||
	    c3 == 0x95)) {
		return normalise_dash(o, t, len, i, n, c3 == 0x93);
	} else if (c == 0xe2 && c2 == 0x80 && (c3 == 0x89 || c3 == 0xaf)) {
		normalise_emit(o, ' ', i);
	} else {
		for (c2 = 0; c2 < n; c2++)
			normalise_emit(o, t[i + c2], i);
	}
	return i + n;
}

/* Normalise text into a copy and its map; see normalise.h. */
void
normalise_text(const char *text, size_t len, char **norm, size_t *normlen,
    size_t **map)
{
	struct normalise_out	o = { 0 };
	size_t			i = 0;

	/* Leading white space is no part of any sentence; keep it out. */
	while (i < len && isspace((unsigned char)text[i]))
		i++;
	while (i < len)
		i = normalise_char(&o, text, len, i);
	normalise_unspace(&o);
	while (o.b.len > 0 && o.b.data[o.b.len - 1] == '\n')
		o.b.data[--o.b.len] = '\0';
	normalise_emit(&o, '\0', len);
	o.b.len--;
	*normlen = o.b.len;
	*norm = buf_take(&o.b);
	*map = o.map;
	(*map)[*normlen] = len;
}

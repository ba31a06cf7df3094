/*
 * sentence.c: normalising an answer and splitting it into sentences (see
 * sentence.h).
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
 *
 * Splitting then reads the copy once.  A sentence ends at . ! or ? (with
 * any closing quotes and brackets after them) followed by white space,
 * except after a known abbreviation, an initial, or inside a quotation
 * that goes on after the stop; and at a blank line.  Sentences hold no
 * white space at either end, and bullet markers are left out of them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"
#include "util.h"

/* How far ahead a quotation's closing mark is looked for. */
#define SENTENCE_QUOTE_SPAN	600
/* The longest word looked up in the tables below. */
#define SENTENCE_WORD_MAX	32

/* The copy being written, with its map. */
struct sentence_out {
	struct buf	 b;
	size_t		*map;
	size_t		 mapsize;
};

/* A contraction and what it spells out. */
struct sentence_pair {
	const char	*from;
	const char	*to;
};

static const struct sentence_pair sentence_contractions[] = {
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
static const struct sentence_pair sentence_spellings[] = {
	{ "center", "centre" }, { "centered", "centred" },
	{ "centers", "centres" }, { "fiber", "fibre" },
	{ "fibers", "fibres" }, { "program", "programme" },
	{ "programs", "programmes" }, { "theater", "theatre" },
	{ "theaters", "theatres" }
};

/* Stems spelt -ize, -ization (and -yze) in American English. */
static const char *const sentence_ize_stems[] = {
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

/* What may follow an -iz- or -yz- stem. */
static const char *const sentence_ize_ends[] = {
	"e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational"
};

/* Stems spelt -or where British English has -our, and their endings. */
static const struct sentence_pair sentence_or_words[] = {
	{ "behavi", "||s|al|ally|" }, { "col", "||s|ed|ful|ing|" },
	{ "endeav", "||s|ed|ing|" }, { "fav", "||s|ed|able|ite|ites|" },
	{ "harb", "||s|" }, { "hon", "||s|ed|able|" }, { "hum", "||s|" },
	{ "lab", "||s|ed|" }, { "neighb", "||s|hood|hoods|ing|" },
	{ "rum", "||s|" }
};

/* Abbreviations after which a full stop never ends a sentence. */
static const char *const sentence_abbrevs[] = {
	"approx", "ca", "cf", "dr", "e.g", "eg", "esp", "i.e", "ie", "incl",
	"jr", "mr", "mrs", "ms", "prof", "rev", "sr", "st", "viz", "vs"
};

/* Abbreviations that end a sentence only when a capital follows. */
static const char *const sentence_soft_abbrevs[] = {
	"a.m", "apr", "aug", "co", "dec", "dept", "est", "etc", "feb", "fri",
	"hrs", "inc", "jan", "jul", "jun", "ltd", "mar", "min", "mins",
	"mon", "nov", "oct", "p.m", "sat", "sep", "sept", "sun", "thu",
	"thur", "thurs", "tue", "tues", "wed", "wk", "wks", "yrs"
};

/* Abbreviations that do not end a sentence before a number ("no. 5"). */
static const char *const sentence_number_abbrevs[] = {
	"no", "nos", "p", "pp", "tel", "vol"
};

#define SENTENCE_NITEMS(a)	(sizeof (a) / sizeof (a)[0])

/* Add one byte to the copy, made from the original at offset from. */
static void
sentence_emit(struct sentence_out *o, char c, size_t from)
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
sentence_unspace(struct sentence_out *o)
{
	while (o->b.len > 0 && (o->b.data[o->b.len - 1] == ' ' ||
	    o->b.data[o->b.len - 1] == '\t'))
		o->b.data[--o->b.len] = '\0';
}

/* The last byte of the copy, or '\0' at its start. */
static char
sentence_last(const struct sentence_out *o)
{
	return o->b.len > 0 ? o->b.data[o->b.len - 1] : '\0';
}

/* Whether t[i] is an ASCII letter. */
static int
sentence_is_alpha(const char *t, size_t len, size_t i)
{
	return i < len && isalpha((unsigned char)t[i]);
}

/*
 * Whether t[i] is a letter or digit, ASCII or not: any character but
 * the Latin-1 symbols (U+0080 to U+00BF) and general punctuation
 * (U+2000 to U+206F: dashes, curly quotes, spaces); i may be a
 * character's last byte.
 */
static int
sentence_is_alnum(const char *t, size_t len, size_t i)
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
sentence_apostrophe(const char *t, size_t len, size_t i)
{
	if (i < len && t[i] == '\'')
		return 1;
	if (i + 2 < len && (unsigned char)t[i] == 0xe2 &&
	    (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x98 || (unsigned char)t[i + 2] == 0x99))
		return 3;
	return 0;
}

/* Skip spaces and tabs from i. */
static size_t
sentence_skip_blanks(const char *t, size_t len, size_t i)
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
static int
sentence_is_bullet(const char *t, size_t len, size_t i)
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
sentence_newline(struct sentence_out *o, const char *t, size_t len, size_t i)
{
	size_t	j = i, breaks = 0;

	while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' ||
	    t[j] == '\n')) {
		if (t[j] == '\n' || (t[j] == '\r' && (j + 1 >= len ||
		    t[j + 1] != '\n')))
			breaks++;
		j++;
	}
	sentence_unspace(o);
	if (breaks >= 2 || (j < len && sentence_is_bullet(t, len, j))) {
		if (o->b.len > 0) {
			sentence_emit(o, '\n', i);
			sentence_emit(o, '\n', i);
		}
	} else if (o->b.len > 0 && j < len)
		sentence_emit(o, ' ', i);
	return j;
}

/*
 * Copy a dash at i of n bytes (an en or em dash, or "--"): between two
 * letters or digits with no space, an en dash is a hyphen ("2019–20");
 * at the start of a line it is a bullet; otherwise it becomes " - ",
 * taking in the spaces around it.  Returns the offset after it.
 */
static size_t
sentence_dash(struct sentence_out *o, const char *t, size_t len, size_t i,
    size_t n, int en)
{
	size_t	j;

	if (en && i > 0 && sentence_is_alnum(t, len, i - 1) &&
	    sentence_is_alnum(t, len, i + n) && sentence_last(o) != ' ') {
		sentence_emit(o, '-', i);
		return i + n;
	}
	if (sentence_last(o) == '\n' || o->b.len == 0) {
		sentence_emit(o, '-', i);
		return i + n;
	}
	sentence_unspace(o);
	j = sentence_skip_blanks(t, len, i + n);
	sentence_emit(o, ' ', i);
	sentence_emit(o, '-', i);
	if (j < len && t[j] != '\n' && t[j] != '\r')
		sentence_emit(o, ' ', i);
	return j;
}

/* Lower-case word w[0..n) into out (NUL-terminated), apostrophes straight. */
static int
sentence_fold_word(const char *w, size_t n, char *out)
{
	size_t	i, k = 0, a;

	for (i = 0; i < n; i += a) {
		if (k == SENTENCE_WORD_MAX)
			return -1;
		if ((a = sentence_apostrophe(w, n, i)) != 0) {
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
sentence_lookup(const struct sentence_pair *tab, size_t n, const char *w)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(tab[i].from, w) == 0)
			return tab[i].to;
	}
	return NULL;
}

/* Whether w is one of the strings of list. */
static int
sentence_in(const char *const *list, size_t n, const char *w)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(list[i], w) == 0)
			return 1;
	}
	return 0;
}

/*
 * The British spelling of lower-case word w into out, or 0 when it has
 * none: -ize and -yze words, -or words, and the whole words of
 * sentence_spellings.
 */
static int
sentence_british(const char *w, char *out)
{
	const char	*to, *z, *end, *apostrophe;
	size_t		 i, n, len;
	char		 stem[SENTENCE_WORD_MAX + 1], suffix[SENTENCE_WORD_MAX + 3];

	/* A possessive: the word before the apostrophe ("organization's"). */
	if ((apostrophe = strchr(w, '\'')) != NULL) {
		memcpy(stem, w, apostrophe - w);
		stem[apostrophe - w] = '\0';
		if (!sentence_british(stem, out))
			return 0;
		strcat(out, apostrophe);
		return 1;
	}
	len = strlen(w);

	if ((to = sentence_lookup(sentence_spellings,
	    SENTENCE_NITEMS(sentence_spellings), w)) != NULL) {
		strcpy(out, to);
		return 1;
	}
	if ((z = strchr(w, 'z')) != NULL && z > w && (z[-1] == 'i' ||
	    z[-1] == 'y')) {
		n = z - w - 1;
		for (i = 0; i < SENTENCE_NITEMS(sentence_ize_stems); i++) {
			if (strlen(sentence_ize_stems[i]) == n &&
			    strncmp(sentence_ize_stems[i], w, n) == 0 &&
			    sentence_in(sentence_ize_ends,
			    SENTENCE_NITEMS(sentence_ize_ends), z + 1)) {
				strcpy(out, w);
				out[z - w] = 's';
				return 1;
			}
		}
	}
	for (i = 0; i < SENTENCE_NITEMS(sentence_or_words); i++) {
		n = strlen(sentence_or_words[i].from);
		if (len < n + 2 || strncmp(w, sentence_or_words[i].from, n) != 0 ||
		    strncmp(w + n, "or", 2) != 0)
			continue;
		end = w + n + 2;
		snprintf(suffix, sizeof suffix, "|%s|", end);
		if (strstr(sentence_or_words[i].to, suffix) == NULL)
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
sentence_after_computer(const struct sentence_out *o)
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
sentence_next_is_perfect(const char *t, size_t len, size_t i)
{
	i = sentence_skip_blanks(t, len, i);
	if (i + 4 <= len && strncasecmp(t + i, "been", 4) == 0 &&
	    !sentence_is_alpha(t, len, i + 4))
		return 1;
	return i + 3 <= len && strncasecmp(t + i, "got", 3) == 0 &&
	    !sentence_is_alpha(t, len, i + 3);
}

/*
 * Write replacement rep for the word w[0..n) at offset at, in the
 * word's case: all capitals, a capital first, or lower case.  Every
 * byte is mapped to the word's start, so that an offset inside the
 * replacement leads to the start of the whole word, never into it.
 */
static void
sentence_replace(struct sentence_out *o, const char *w, size_t n, size_t at,
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
		sentence_emit(o, c, at);
	}
}

/*
 * Copy the word at i (letters, with apostrophes inside), spelling out a
 * contraction or making an American spelling British.  Returns the
 * offset after the word.
 */
static size_t
sentence_word(struct sentence_out *o, const char *t, size_t len, size_t i)
{
	const char	*rep = NULL;
	char		 low[SENTENCE_WORD_MAX + 1], brit[SENTENCE_WORD_MAX + 8];
	char		 has[SENTENCE_WORD_MAX + 8];
	size_t		 j = i, a, k, n;

	for (;;) {
		while (sentence_is_alpha(t, len, j))
			j++;
		if ((a = sentence_apostrophe(t, len, j)) == 0 ||
		    !sentence_is_alpha(t, len, j + a))
			break;
		j += a;
	}
	n = j - i;
	if (sentence_is_alnum(t, len, j) || sentence_fold_word(t + i, n,
	    low) != 0)
		goto copy;
	if (strchr(low, '\'') != NULL)
		rep = sentence_lookup(sentence_contractions,
		    SENTENCE_NITEMS(sentence_contractions), low);
	if (rep == NULL && sentence_british(low, brit) && (strncmp(low,
	    "program", 7) != 0 || !sentence_after_computer(o)))
		rep = brit;
	if (rep != NULL && (k = strlen(low)) > 2 &&
	    strcmp(low + k - 2, "'s") == 0 && sentence_next_is_perfect(t, len,
	    j)) {
		snprintf(has, sizeof has, "%.*s has", (int)(k - 2), low);
		rep = has;
	}
	if (rep != NULL) {
		sentence_replace(o, t + i, n, i, rep);
		return j;
	}
copy:
	for (k = i; k < j; k += a) {
		if ((a = sentence_apostrophe(t, len, k)) != 0)
			sentence_emit(o, '\'', k);
		else {
			a = 1;
			sentence_emit(o, t[k], k);
		}
	}
	return j;
}

/*
 * Copy the character at i, normalised.  Returns the offset after it.
 */
static size_t
sentence_char(struct sentence_out *o, const char *t, size_t len, size_t i)
{
	unsigned char	c = (unsigned char)t[i], c2, c3;
	size_t		n;

	if (c == '\n' || c == '\r')
		return sentence_newline(o, t, len, i);
	if (c == '-' && i + 1 < len && t[i + 1] == '-')
		return sentence_dash(o, t, len, i, 2, 0);
	/* A word starts after anything but a letter or digit copied. */
	if (isalpha(c) && !sentence_is_alnum(o->b.data, o->b.len, o->b.len - 1))
		return sentence_word(o, t, len, i);
	if (c < 0x80 || (n = util_utf8_len(t + i, len - i)) < 2) {
		sentence_emit(o, (char)c, i);
		return i + 1;
	}
	c2 = (unsigned char)t[i + 1];
	c3 = n > 2 ? (unsigned char)t[i + 2] : 0;
	if (c == 0xc2 && c2 == 0xa0) {
		sentence_emit(o, ' ', i);
	} else if (c == 0xe2 && c2 == 0x80 && (c3 == 0x98 || c3 == 0x99)) {
		sentence_emit(o, '\'', i);
	} else if (c == 0xe2 && c2 == 0x80 && c3 >= 0x9c && c3 <= 0x9f) {
		sentence_emit(o, '"', i);
	} else if (c == 0xe2 && c2 == 0x80 && (c3 == 0x93 || c3 == 0x94 ||
	    c3 == 0x95)) {
		return sentence_dash(o, t, len, i, n, c3 == 0x93);
	} else if (c == 0xe2 && c2 == 0x80 && (c3 == 0x89 || c3 == 0xaf)) {
		sentence_emit(o, ' ', i);
	} else {
		for (c2 = 0; c2 < n; c2++)
			sentence_emit(o, t[i + c2], i);
	}
	return i + n;
}

/* Normalise text into the copy and its map. */
static void
sentence_normalise(const char *text, size_t len, struct sentences *s)
{
	struct sentence_out	o = { 0 };
	size_t			i = 0;

	/* Leading white space is no part of any sentence; keep it out. */
	while (i < len && isspace((unsigned char)text[i]))
		i++;
	while (i < len)
		i = sentence_char(&o, text, len, i);
	sentence_unspace(&o);
	while (o.b.len > 0 && o.b.data[o.b.len - 1] == '\n')
		o.b.data[--o.b.len] = '\0';
	sentence_emit(&o, '\0', len);
	o.b.len--;
	s->len = o.b.len;
	s->norm = buf_take(&o.b);
	s->map = o.map;
	s->map[s->len] = len;
}

/* Whether c is white space in the copy. */
static int
sentence_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Where the quotation opened by the quote mark at i closes: the offset
 * of its closing mark, or 0 when i opens none (an apostrophe, a stray
 * mark, or none closes within SENTENCE_QUOTE_SPAN in the paragraph).
 */
static size_t
sentence_quote_close(const char *n, size_t len, size_t i)
{
	size_t	j, end;
	char	q = n[i];

	if (i > 0 && !sentence_is_space(n[i - 1]) && n[i - 1] != '(' &&
	    n[i - 1] != '[')
		return 0;
	if (i + 1 >= len || sentence_is_space(n[i + 1]) ||
	    (q == '\'' && !sentence_is_alnum(n, len, i + 1)))
		return 0;
	end = len - i > SENTENCE_QUOTE_SPAN ? i + SENTENCE_QUOTE_SPAN : len;
	for (j = i + 1; j < end; j++) {
		if (n[j] == '\n' && j + 1 < len && n[j + 1] == '\n')
			return 0;
		if (n[j] == q && !sentence_is_space(n[j - 1]) &&
		    (q == '"' || !sentence_is_alnum(n, len, j + 1)))
			return j;
	}
	return 0;
}

/*
 * Whether the text after offset i starts a new sentence: a capital (or
 * with figures, a figure), after any opening marks; a paragraph; the end.
 */
static int
sentence_capital_after(const char *n, size_t len, size_t i, int figures)
{
	while (i < len && n[i] == ' ')
		i++;
	if (i >= len || n[i] == '\n')
		return 1;
	while (i < len && strchr("\"'([", n[i]) != NULL && n[i] != '\0')
		i++;
	return i >= len || isupper((unsigned char)n[i]) ||
	    (figures && isdigit((unsigned char)n[i])) ||
	    (unsigned char)n[i] >= 0x80;
}

/*
 * Whether a single full stop at i, after the sentence's start, ends it,
 * judged by the word before it: not after an abbreviation or an initial.
 */
static int
sentence_full_stop(const char *n, size_t len, size_t start, size_t i)
{
	char	w[16];
	size_t	j = i, k;

	while (j > start && (isalnum((unsigned char)n[j - 1]) ||
	    (n[j - 1] == '.' && j - 1 > start &&
	    isalnum((unsigned char)n[j - 2]))))
		j--;
	if (j == i || i - j >= sizeof w)
		return 1;
	for (k = 0; j + k < i; k++)
		w[k] = (char)tolower((unsigned char)n[j + k]);
	w[k] = '\0';
	if (k == 1 && isupper((unsigned char)n[j]) && n[j] != 'I')
		return 0;
	if (sentence_in(sentence_abbrevs, SENTENCE_NITEMS(sentence_abbrevs),
	    w))
		return 0;
	if (sentence_in(sentence_number_abbrevs,
	    SENTENCE_NITEMS(sentence_number_abbrevs), w) && i + 2 < len &&
	    isdigit((unsigned char)n[i + 2]))
		return 0;
	if (sentence_in(sentence_soft_abbrevs,
	    SENTENCE_NITEMS(sentence_soft_abbrevs), w) ||
	    strchr(w, '.') != NULL)
		return sentence_capital_after(n, len, i + 1, 0);
	return 1;
}

/*
 * Whether the stop (. ! or ?) at i ends the sentence begun at start,
 * within the quotation closing at qend (0: none).  Returns the offset
 * after the stop and any closing marks, or 0.
 */
static size_t
sentence_stop(const char *n, size_t len, size_t start, size_t i, size_t qend)
{
	size_t	j = i, k, dots = 0;
	int	closed = 0;

	while (j < len && n[j] != '\0' && strchr(".!?", n[j]) != NULL)
		dots += n[j++] == '.';
	for (k = j; k < len && n[k] != '\0' && strchr("\"')]", n[k]) != NULL;
	    k++)
		closed |= k == qend;
	if (k < len && !sentence_is_space(n[k]))
		return 0;
	if (qend != 0 && !closed)
		return 0;
	if (closed)
		return sentence_capital_after(n, len, k, 1) ? k : 0;
	if (dots < j - i)
		return k;
	if (dots > 1)
		return sentence_capital_after(n, len, k, 1) ? k : 0;
	return sentence_full_stop(n, len, start, i) ? k : 0;
}

/* Add sentence [start, end) to the list. */
static void
sentence_add(struct sentences *s, size_t start, size_t end)
{
	while (end > start && sentence_is_space(s->norm[end - 1]))
		end--;
	if (end == start)
		return;
	if ((s->n & (s->n - 1)) == 0)
		s->v = xreallocarray(s->v, s->n == 0 ? 1 : s->n * 2,
		    sizeof *s->v);
	s->v[s->n].start = start;
	s->v[s->n].end = end;
	s->n++;
}

/* Find where the sentence begun at start ends. */
static size_t
sentence_end(const struct sentences *s, size_t start)
{
	const char	*n = s->norm;
	size_t		 i, e, q, qend = 0;

	for (i = start; i < s->len; i++) {
		if (n[i] == '\n' && i + 1 < s->len && n[i + 1] == '\n')
			return i;
		if (qend != 0 && i == qend) {
			qend = 0;
			continue;
		}
		if ((n[i] == '"' || n[i] == '\'') && qend == 0 &&
		    (q = sentence_quote_close(n, s->len, i)) != 0) {
			qend = q;
			continue;
		}
		if (n[i] != '.' && n[i] != '!' && n[i] != '?')
			continue;
		if ((e = sentence_stop(n, s->len, start, i, qend)) != 0)
			return e;
		while (i + 1 < s->len && strchr(".!?", n[i + 1]) != NULL &&
		    n[i + 1] != '\0')
			i++;
	}
	return s->len;
}

/* Split the copy into sentences. */
static void
sentence_list(struct sentences *s)
{
	const char	*n = s->norm;
	size_t		 i = 0, end;
	int		 para;

	while (i < s->len) {
		para = i == 0;
		while (i < s->len && sentence_is_space(n[i])) {
			if (n[i] == '\n')
				para = 1;
			i++;
		}
		if (i >= s->len)
			break;
		if (para && sentence_is_bullet(n, s->len, i)) {
			while (i < s->len && !sentence_is_space(n[i]))
				i++;
			continue;
		}
		end = sentence_end(s, i);
		sentence_add(s, i, end);
		i = end;
	}
}

/* Normalise and split; see sentence.h. */
void
sentence_split(const char *text, size_t len, struct sentences *out)
{
	memset(out, 0, sizeof *out);
	sentence_normalise(text, len, out);
	sentence_list(out);
}

/* Free what the sentences own. */
void
sentence_free(struct sentences *s)
{
	free(s->norm);
	free(s->map);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* The sentence holding offset off; see sentence.h. */
size_t
sentence_at(const struct sentences *s, size_t off)
{
	size_t	lo = 0, hi = s->n, mid;

	/* The last sentence starting at or before off. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (s->v[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Add the original text[from, to) to b with white space folded and
 * trimmed (b may be NULL); returns how many bytes that is.
 */
static size_t
sentence_fold(struct buf *b, const char *text, size_t from, size_t to)
{
	size_t	i, n = 0;
	int	space = 0;

	for (i = from; i < to; i++) {
		if (isspace((unsigned char)text[i])) {
			space = n > 0;
			continue;
		}
		if (space) {
			if (b != NULL)
				buf_addc(b, ' ');
			n++;
		}
		space = 0;
		if (b != NULL)
			buf_addc(b, text[i]);
		n++;
	}
	return n;
}

/* Whether a clause boundary (", " "; " ": " or " - ") ends at norm[q]. */
static int
sentence_is_boundary(const struct sentences *s, size_t q)
{
	const char	*n = s->norm;
	char		 c = n[q];

	if (q + 1 >= s->len || n[q + 1] != ' ')
		return 0;
	return c == ',' || c == ';' || c == ':' || (c == '-' && q > 0 &&
	    n[q - 1] == ' ');
}

/* The start of the clause holding p, not before a. */
static size_t
sentence_clause_start(const struct sentences *s, size_t a, size_t p)
{
	while (p > a && !sentence_is_boundary(s, p - 1))
		p--;
	while (p < s->len && s->norm[p] == ' ')
		p++;
	return p;
}

/* The end of the clause holding p, not after b. */
static size_t
sentence_clause_end(const struct sentences *s, size_t b, size_t p)
{
	while (p < b && !sentence_is_boundary(s, p))
		p++;
	while (p > 0 && s->norm[p - 1] == ' ')
		p--;
	return p;
}

/* The candidate's words for the copy's [x, y), folded: its length. */
static size_t
sentence_span(const struct sentences *s, const char *text, size_t x, size_t y)
{
	return sentence_fold(NULL, text, s->map[x], s->map[y]);
}

/*
 * Widen [*x, *y) within [a, b) by whole clauses (words when step is
 * the word finder) while the candidate's words stay within max.
 */
static void
sentence_widen(const struct sentences *s, const char *text, size_t a,
    size_t b, size_t *x, size_t *y, int words)
{
	size_t	nx, ny, max = SENTENCE_QUOTE_MAX - 6;
	int	grew = 1;

	while (grew) {
		grew = 0;
		if (*x > a) {
			nx = *x;
			while (nx > a && s->norm[nx - 1] == ' ')
				nx--;
			if (words) {
				while (nx > a && s->norm[nx - 1] != ' ')
					nx--;
			} else {
				if (nx > a && sentence_is_boundary(s, nx - 1))
					nx--;
				while (nx > a && s->norm[nx - 1] == ' ')
					nx--;
				nx = sentence_clause_start(s, a, nx);
			}
			if (nx < *x && sentence_span(s, text, nx, *y) <= max) {
				*x = nx;
				grew = 1;
			}
		}
		if (*y < b) {
			ny = *y;
			while (ny < b && s->norm[ny] == ' ')
				ny++;
			if (words) {
				while (ny < b && s->norm[ny] != ' ')
					ny++;
			} else {
				if (ny < b && sentence_is_boundary(s, ny))
					ny++;
				while (ny < b && s->norm[ny] == ' ')
					ny++;
				ny = sentence_clause_end(s, b, ny);
			}
			if (ny > *y && sentence_span(s, text, *x, ny) <= max) {
				*y = ny;
				grew = 1;
			}
		}
	}
}

/* Quote sentence k whole, or the clauses around a match; see sentence.h. */
char *
sentence_quote(const struct sentences *s, const char *text, size_t k,
    size_t from, size_t to)
{
	struct buf	 b = { 0 };
	size_t		 a, e, x, y;
	char		*q;

	if (k >= s->n)
		return xstrdup("");
	a = s->v[k].start;
	e = s->v[k].end;
	if (sentence_span(s, text, a, e) <= SENTENCE_QUOTE_MAX) {
		sentence_fold(&b, text, s->map[a], s->map[e]);
		return buf_take(&b);
	}

	/* Too long: the clause around the match, then its neighbours. */
	from = from < a ? a : from > e ? e : from;
	to = to < from ? from : to > e ? e : to;
	x = sentence_clause_start(s, a, from);
	y = sentence_clause_end(s, e, to);
	if (x > from || y < to || sentence_span(s, text, x, y) >
	    SENTENCE_QUOTE_MAX - 6) {
		/* One clause is too long as it is: words around the match. */
		x = from;
		y = to;
		while (x > a && s->norm[x - 1] != ' ')
			x--;
		while (y < e && s->norm[y] != ' ')
			y++;
		if (sentence_span(s, text, x, y) > SENTENCE_QUOTE_MAX - 6) {
			/* The match's own words are too long: cut them. */
			if (from > a)
				buf_adds(&b, "...");
			q = util_squeeze(text + s->map[from], s->map[e] -
			    s->map[from], SENTENCE_QUOTE_MAX - 6);
			buf_adds(&b, q);
			free(q);
			return buf_take(&b);
		}
		sentence_widen(s, text, a, e, &x, &y, 1);
	} else
		sentence_widen(s, text, a, e, &x, &y, 0);
	if (x > a)
		buf_adds(&b, "...");
	if (y > x)
		sentence_fold(&b, text, s->map[x], s->map[y]);
	if (y < e)
		buf_adds(&b, "...");
	return buf_take(&b);
}

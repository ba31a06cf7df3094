/*
 * sentence.c: an answer split into sentences, and quoted (see
 * sentence.h).
 *
 * Splitting reads the normalised copy (normalise.h) once.  A sentence
 * ends at . ! or ? (with any closing quotes and brackets after them)
 * followed by white space, except after a known abbreviation, an
 * initial, or inside a quotation that goes on after the stop; and at a
 * blank line.  Sentences hold no white space at either end, and bullet
 * markers are left out of them.  Quoting leads back through the map to
 * the candidate's own characters.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalise.h"
#include "sentence.h"
#include "util.h"

/* How far ahead a quotation's closing mark is looked for. */
#define SENTENCE_QUOTE_SPAN	600

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
	    (q == '\'' && !normalise_is_alnum(n, len, i + 1)))
		return 0;
	end = len - i > SENTENCE_QUOTE_SPAN ? i + SENTENCE_QUOTE_SPAN : len;
	for (j = i + 1; j < end; j++) {
		if (n[j] == '\n' && j + 1 < len && n[j + 1] == '\n')
			return 0;
		if (n[j] == q && !sentence_is_space(n[j - 1]) &&
		    (q == '"' || !normalise_is_alnum(n, len, j + 1)))
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
		if (para && normalise_is_bullet(n, s->len, i)) {
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
	normalise_text(text, len, &out->norm, &out->len, &out->map);
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

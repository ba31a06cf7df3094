/*
 * feature.c: the features of a sentence (see feature.h).
 *
 * Invariants: every feature is lower case ASCII, at most FEATURE_MAX - 1
 * bytes; a word feature is a stem; a pair is two stems joined by one
 * space; number kinds are written in angle brackets, which no word has.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "feature.h"
#include "util.h"

/* Whether the stem s of length n ends in suffix. */
static int
feature_ends(const char *s, size_t n, const char *suffix)
{
	size_t	k = strlen(suffix);

	return n > k && memcmp(s + n - k, suffix, k) == 0;
}

/* Whether c is a vowel (y counts, as in "study"). */
static int
feature_vowel(char c)
{
	return strchr("aeiouy", c) != NULL;
}

/* Undo a doubled final consonant left by -ing or -ed: "runn" -> "run". */
static size_t
feature_undouble(const char *s, size_t n)
{
	if (n >= 3 && s[n - 1] == s[n - 2] && !feature_vowel(s[n - 1]) &&
	    strchr("lsz", s[n - 1]) == NULL)
		return n - 1;
	return n;
}

/* Stem a lower-case word; see feature.h. */
void
feature_stem(const char *word, size_t len, char *out)
{
	char	s[FEATURE_MAX];
	size_t	n = len < FEATURE_MAX - 1 ? len : FEATURE_MAX - 1;

	memcpy(s, word, n);
	s[n] = '\0';
	if (n > 4 && feature_ends(s, n, "ies"))
		n -= 2, s[n - 1] = 'y';
	else if (n > 5 && feature_ends(s, n, "ing"))
		n = feature_undouble(s, n - 3);
	else if (n > 4 && feature_ends(s, n, "ed") && !feature_ends(s, n,
	    "eed"))
		n = feature_undouble(s, n - 2);
	else if (n > 4 && (feature_ends(s, n, "sses") || feature_ends(s, n,
	    "xes") || feature_ends(s, n, "ches") || feature_ends(s, n,
	    "shes")))
		n -= 2;
	else if (n > 3 && s[n - 1] == 's' && strchr("sui", s[n - 2]) == NULL)
		n -= 1;
	else if (n > 5 && feature_ends(s, n, "ly"))
		n -= 2;
	if (n > 3 && s[n - 1] == 'e' && !feature_vowel(s[n - 2]))
		n -= 1;	/* "improve" and "improved" meet at "improv" */
	s[n] = '\0';
	memcpy(out, s, n + 1);
}

/* Add one feature as it is; see feature.h. */
void
feature_put(struct feature_set *fs, const char *f)
{
	if (fs->n == fs->size) {
		fs->size = fs->size == 0 ? 64 : fs->size * 2;
		fs->v = xreallocarray(fs->v, fs->size, sizeof *fs->v);
	}
	fs->v[fs->n++] = xstrdup(f);
}

/* The next token of text from *i: a stem or number kind in out, or 0 at the end. */
static int
feature_token(const char *t, size_t len, size_t *i, char *out)
{
	char	word[FEATURE_MAX];
	size_t	n = 0, digits = 0;

	while (*i < len && !isalnum((unsigned char)t[*i])) {
		if (t[*i] == '%' || t[*i] == '$' || (unsigned char)t[*i] ==
		    0xa3) {
			snprintf(out, FEATURE_MAX, "%s", t[(*i)++] == '%' ?
			    "<pct>" : "<money>");
			return 1;
		}
		(*i)++;
	}
	if (*i >= len)
		return 0;
	while (*i < len && (isalnum((unsigned char)t[*i]) ||
	    ((t[*i] == '.' || t[*i] == ',') && digits > 0 && *i + 1 < len &&
	    isdigit((unsigned char)t[*i + 1])))) {
		digits += isdigit((unsigned char)t[*i]) != 0;
		if (n < FEATURE_MAX - 1)
			word[n++] = (char)tolower((unsigned char)t[*i]);
		(*i)++;
	}
	word[n] = '\0';
	if (digits > 0 && isdigit((unsigned char)word[0]))
		snprintf(out, FEATURE_MAX, "<num>");
	else
		feature_stem(word, n, out);
	return 1;
}

/* Add the features of a sentence; see feature.h. */
void
feature_add(struct feature_set *fs, const char *text, size_t len)
{
	char	prev[FEATURE_MAX], cur[FEATURE_MAX];
	char	pair[2 * FEATURE_MAX];
	size_t	i = 0;
	int	have = 0;

	while (feature_token(text, len, &i, cur)) {
		feature_put(fs, cur);
		if (have) {
			snprintf(pair, sizeof pair, "%s %s", prev, cur);
			if (strlen(pair) < FEATURE_MAX)
				feature_put(fs, pair);
		}
		memcpy(prev, cur, sizeof prev);
		have = 1;
	}
}

/* Compare two features for qsort and bsearch. */
static int
feature_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop duplicates; see feature.h. */
void
feature_finish(struct feature_set *fs)
{
	size_t	i, k = 0;

	if (fs->n == 0)
		return;
	qsort(fs->v, fs->n, sizeof *fs->v, feature_cmp);
	for (i = 1; i < fs->n; i++) {
		if (strcmp(fs->v[i], fs->v[k]) == 0)
			free(fs->v[i]);
		else
			fs->v[++k] = fs->v[i];
	}
	fs->n = k + 1;
}

/* Free the set's strings and empty it. */
void
feature_set_free(struct feature_set *fs)
{
	size_t	i;

	for (i = 0; i < fs->n; i++)
		free(fs->v[i]);
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

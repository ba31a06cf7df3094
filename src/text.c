/*
 * text.c: reading what people type: trimming, yes or no, a rating, a
 * count of words, and checking that a text is text (see text.h).
 *
 * Invariants: every reader ignores case and the white space around what
 * was typed, and none changes its argument but text_trim; a reply is
 * yes, no or a rating only when the whole of it is one, so "yellow" is
 * not yes and "3 or 4" is not a rating (a range: the person has not yet
 * chosen, and should be asked again rather than have one picked).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "text.h"
#include "util.h"

/* Room for the short replies compared here (yes, no, ratings). */
#define TEXT_REPLY_SIZE	64

/* Trim white space at both ends of s, in place. */
char *
text_trim(char *s)
{
	size_t	len;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	s[len] = '\0';
	return s;
}

/*
 * Copy line into out as a short reply: lower case, runs of white space
 * folded to one space, trimmed, without one final '.' or '!'.  Returns
 * the length, or -1 when the line is too long to be a short reply.
 */
static int
text_reply(const char *line, char out[TEXT_REPLY_SIZE])
{
	size_t	len = 0;
	int	space = 0;

	for (; *line != '\0'; line++) {
		if (isspace((unsigned char)*line)) {
			space = len > 0;
			continue;
		}
		if (len + space + 1 >= TEXT_REPLY_SIZE)
			return -1;
		if (space)
			out[len++] = ' ';
		space = 0;
		out[len++] = (char)tolower((unsigned char)*line);
	}
	if (len > 0 && (out[len - 1] == '.' || out[len - 1] == '!')) {
		len--;
		while (len > 0 && out[len - 1] == ' ')
			len--;
	}
	out[len] = '\0';
	return (int)len;
}

/* Whether word is one of the NULL-terminated list. */
static int
text_among(const char *word, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (strcmp(word, *list) == 0)
			return 1;
	}
	return 0;
}

/* Read a reply to a yes-or-no question. */
enum text_yesno
text_yesno(const char *line)
{
	static const char *const	yes[] = { "yes", "y", "yeah", "yep",
	    "ok", "okay", "sure", NULL };
	static const char *const	no[] = { "no", "n", "nope", "not now",
	    NULL };
	char				r[TEXT_REPLY_SIZE];

	if (line == NULL || util_is_blank(line, strlen(line)))
		return TEXT_EMPTY;
	if (text_reply(line, r) <= 0)
		return TEXT_OTHER;
	if (text_among(r, yes))
		return TEXT_YES;
	if (text_among(r, no))
		return TEXT_NO;
	return TEXT_OTHER;
}

/* The text after word when s starts with it and a space or its end; or NULL. */
static const char *
text_skip(const char *s, const char *word)
{
	size_t	len = strlen(word);

	if (strncmp(s, word, len) != 0 || (s[len] != ' ' && s[len] != '\0'))
		return NULL;
	return s + len + (s[len] == ' ');
}

/* The number 1-9 s starts with, in digits or words, *end after it; or 0. */
static int
text_number(const char *s, const char **end)
{
	static const char *const	words[] = { "one", "two", "three",
	    "four", "five", "six", "seven", "eight", "nine", NULL };
	const char			*after;
	int				 i;

	if (s[0] >= '1' && s[0] <= '9' && !isalnum((unsigned char)s[1])) {
		*end = s + 1 + (s[1] == ' ');
		return s[0] - '0';
	}
	for (i = 0; words[i] != NULL; i++) {
		if ((after = text_skip(s, words[i])) != NULL) {
			*end = after;
			return i + 1;
		}
	}
	return 0;
}

/* Read a self-rating from 1 to 5; 0 when the line is not one. */
int
text_rating(const char *line)
{
	static const char *const	lead[] = { "i'd say",
	    "i\xe2\x80\x99" "d say", "i would say", "i think", "i guess",
	    "maybe", "probably", "about", "around", "roughly", "a", NULL };
	static const char *const	tail[] = { "", "/5", "/ 5", "out of 5",
	    "out of five", "of 5", "of five", NULL };
	char				 r[TEXT_REPLY_SIZE];
	const char			*s, *next;
	int				 i, n, again = 1;

	if (line == NULL || text_reply(line, r) <= 0)
		return 0;

	/* Words before the number: "I'd say about a 3". */
	for (s = r; again;) {
		again = 0;
		for (i = 0; lead[i] != NULL; i++) {
			if ((next = text_skip(s, lead[i])) != NULL) {
				s = next;
				again = 1;
				break;
			}
		}
	}

	/* The number, then nothing or its scale. */
	if ((n = text_number(s, &next)) < 1 || n > 5)
		return 0;
	return text_among(next, tail) ? n : 0;
}

/*
 * Whether the character of n bytes at s is part of a word: a letter,
 * digit or apostrophe (' or U+2019), or any character beyond ASCII but
 * the Latin-1 signs (U+00A0 to U+00BF) and general punctuation (U+2000
 * to U+206F, dashes and quotes among them).
 */
static int
text_word_char(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (n == 1)
		return isalnum(u[0]) || u[0] == '\'';
	if (n == 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x99)
		return 1;
	if (n == 2 && u[0] == 0xc2)
		return 0;
	if (n == 3 && u[0] == 0xe2 && (u[1] == 0x80 || u[1] == 0x81))
		return 0;
	return n > 1;
}

/* The number of words in s. */
int
text_words(const char *s)
{
	size_t	i, n, len = strlen(s);
	int	words = 0, inword = 0, real = 0;

	for (i = 0; i <= len; i += n) {
		n = i < len ? util_utf8_len(s + i, len - i) : 1;
		if (n == 0)
			n = 1;
		if (i < len && text_word_char(s + i, n)) {
			inword = 1;
			real |= n > 1 || s[i] != '\'';
			continue;
		}
		if (inword && real)
			words++;
		inword = real = 0;
	}
	return words;
}

/* Whether a line typed for a rating or yes/no is more likely an answer. */
int
text_is_answer(const char *line)
{
	return line != NULL && text_words(line) >= 4 &&
	    text_rating(line) == 0 && text_yesno(line) == TEXT_OTHER;
}

/* max bytes in words: "1 MiB", "64 KiB" or "2000 bytes". */
static void
text_size(size_t max, char *out, size_t len)
{
	if (max >= 1024 * 1024 && max % (1024 * 1024) == 0)
		snprintf(out, len, "%zu MiB", max / (1024 * 1024));
	else if (max >= 1024 && max % 1024 == 0)
		snprintf(out, len, "%zu KiB", max / 1024);
	else
		snprintf(out, len, "%zu bytes", max);
}

/*
 * The first character of s[0..len) that is not text: the byte offset
 * of invalid UTF-8 (*bad set) or of a control character but tab, CR and
 * LF (*bad clear), with *nth its number as a character from 1; or -1.
 */
static long
text_find_bad(const char *s, size_t len, int *bad, size_t *nth)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, n;

	*nth = 0;
	for (i = 0; i < len; i += n) {
		(*nth)++;
		if ((n = util_utf8_len(s + i, len - i)) == 0) {
			*bad = 1;
			return (long)i;
		}
		*bad = 0;
		if (n == 1 && ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\r' &&
		    u[i] != '\n') || u[i] == 0x7f))
			return (long)i;
		if (n == 2 && u[i] == 0xc2 && u[i + 1] < 0xa0)
			return (long)i;
	}
	return -1;
}

/* Check that s[0..len) is text a person wrote; see text.h. */
int
text_check(const char *s, size_t len, size_t max, const char *what,
    int required, int status, struct err *e)
{
	char	size[32];
	size_t	nth;
	int	bad;

	if (len > max) {
		text_size(max, size, sizeof size);
		if (strchr(what, ' ') == NULL)
			return err_set(e, status, "the %s is longer than %s: "
			    "shorten it, or split it over two %ss", what, size,
			    what);
		return err_set(e, status, "the %s is longer than %s: shorten "
		    "it", what, size);
	}
	if (memchr(s, '\0', len) != NULL)
		return err_set(e, status, "the %s holds a NUL byte: save it "
		    "as plain text and try again", what);
	if (text_find_bad(s, len, &bad, &nth) != -1) {
		if (bad)
			return err_set(e, status, "the %s is not UTF-8 text "
			    "(at character %zu): save it as UTF-8 and try "
			    "again", what, nth);
		return err_set(e, status, "the %s holds a control character "
		    "(character %zu): take it out and try again", what, nth);
	}
	if (required && util_is_blank(s, len))
		return err_set(e, status, "the %s is empty: write it and try "
		    "again", what);
	return 0;
}

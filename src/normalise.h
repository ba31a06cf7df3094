/*
 * normalise.h: an answer's text normalised for matching, with a map
 * back to the candidate's own characters.
 *
 * Patterns and cues work on a normalised copy of the answer: curly
 * quotes and apostrophes made straight, dashes made " - ", line breaks
 * inside a paragraph made spaces (a blank line, or a break before a
 * bullet, made "\n\n"), common contractions spelt out ("didn't" becomes
 * "did not"), and American spellings made British ("organize",
 * "program" as a plan of work).  An offset map leads every byte of the
 * copy back to the candidate's text: it never decreases, and a range of
 * the copy leads to a range of the original that starts and ends on a
 * character they typed, so that what is quoted is always their own.
 *
 * Ownership: normalise_text hands the caller the copy and the map (both
 * freed with free()).
 */
#ifndef DHCOACH_NORMALISE_H
#define DHCOACH_NORMALISE_H

#include <stddef.h>

/*
 * Normalise text[0..len): *norm gets the copy (NUL-terminated, *normlen
 * bytes, no white space at either end) and *map its *normlen + 1
 * offsets into text, map[*normlen] being len.
 */
void normalise_text(const char *text, size_t len, char **norm,
    size_t *normlen, size_t **map);

/*
 * Whether t[i] is a letter or digit, ASCII or not (any character but
 * the Latin-1 symbols and general punctuation); i may be a character's
 * last byte.  0 past len.
 */
int normalise_is_alnum(const char *t, size_t len, size_t i);
/*
 * Whether a line starting at i (after its indent) starts with a bullet:
 * "-", "*", "+", a bullet character or a dash, or a number of up to
 * three digits with "." or ")", then a space.
 */
int normalise_is_bullet(const char *t, size_t len, size_t i);

#endif

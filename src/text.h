/*
 * text.h: reading what people type: trimming, yes or no, a rating, and
 * checking that a text is text.
 *
 * One reader of each kind, so that every question of the program takes
 * the same answers: "y", "yes", "yeah" and "ok" are yes wherever yes or
 * no is asked, and "yellow" is never yes.
 *
 * Ownership: nothing here allocates except as its comment says; *e is
 * the caller's.
 */
#ifndef DHCOACH_TEXT_H
#define DHCOACH_TEXT_H

#include <stddef.h>

#include "err.h"

/* Trim white space at both ends of s, in place; returns the start. */
char *text_trim(char *s);

/* What a reply to a yes-or-no question is. */
enum text_yesno {
	TEXT_NO = 0,
	TEXT_YES = 1,
	TEXT_EMPTY = 2,	/* just Enter: the question's default */
	TEXT_OTHER = 3	/* neither: perhaps an answer typed too soon */
};

/*
 * Read a reply to a yes-or-no question, ignoring case, surrounding
 * space and a final full stop or "!": yes, y, yeah, yep, ok, okay,
 * sure; no, n, nope, not now.  Anything else is TEXT_OTHER.
 */
enum text_yesno text_yesno(const char *line);

/*
 * Read a self-rating from 1 to 5: "3", "3/5", "3 out of 5", "about 3",
 * "around a 3", "a 3", "three", "I'd say 4", "4." .  Returns the rating,
 * or 0 when the line is not one: a number outside 1-5, or a range such
 * as "3 or 4" or "3-4" (the person has not chosen yet: ask again).
 */
int text_rating(const char *line);

/* The number of words in s (runs of letters, digits and '). */
int text_words(const char *s);

/*
 * Whether a line typed where a rating or a yes/no was expected is more
 * likely an answer to the question: at least four words, and not a
 * rating or yes/no itself.
 */
int text_is_answer(const char *line);

/*
 * Check that s[0..len) is text a person wrote, named what in messages
 * ("answer", "action"): no NUL byte, valid UTF-8, no control character
 * but tab and line breaks, at most max bytes, and (with required) not
 * blank.  Returns 0, or -1 with *e set to status (ERR_INPUT or
 * ERR_ACTION, as the caller chooses) and a message saying what to do.
 */
int text_check(const char *s, size_t len, size_t max, const char *what,
    int required, int status, struct err *e);

#endif

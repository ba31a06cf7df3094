/*
 * test_text.c: reading what people type: trimming, every yes and no
 * (and what is neither), ratings in the ways people give them (and the
 * lines that only look like one), counting words, telling an answer
 * typed too soon, and checking that a text is text, with each message.
 * Needs text.o, err.o and util.o.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "text.h"

/* Trimming white space at both ends, in place. */
static void
test_trim(void **state)
{
	char	a[] = "  two words \t\r\n", b[] = "", c[] = " \t ", d[] = "x";

	(void)state;
	assert_string_equal(text_trim(a), "two words");
	assert_string_equal(text_trim(b), "");
	assert_string_equal(text_trim(c), "");
	assert_string_equal(text_trim(d), "x");
}

/* Yes, no, Enter, and anything else. */
static void
test_yesno(void **state)
{
	static const char *const	yes[] = { "yes", "y", "Y", "YES",
	    "yeah", "Yep", "ok", "OK.", "okay", "Sure!", "  yes  ", "yes.",
	    NULL };
	static const char *const	no[] = { "no", "n", "N", "No.", "nope",
	    "not now", "Not  now!", " NO ", NULL };
	static const char *const	other[] = { "yellow", "yess", "nah",
	    "no way", "yes yes", "y n", ".", "!", "yes!!", "now",
	    "I think we should", "1", "oui", NULL };
	size_t				i;

	(void)state;
	for (i = 0; yes[i] != NULL; i++)
		if (text_yesno(yes[i]) != TEXT_YES)
			fail_msg("'%s' is not yes", yes[i]);
	for (i = 0; no[i] != NULL; i++)
		if (text_yesno(no[i]) != TEXT_NO)
			fail_msg("'%s' is not no", no[i]);
	for (i = 0; other[i] != NULL; i++)
		if (text_yesno(other[i]) != TEXT_OTHER)
			fail_msg("'%s' is not other", other[i]);
	assert_int_equal(text_yesno(""), TEXT_EMPTY);
	assert_int_equal(text_yesno("   \t"), TEXT_EMPTY);
	assert_int_equal(text_yesno(NULL), TEXT_EMPTY);
}

/* The rating line must read as want (0: not a rating). */
static void
rating_is(const char *line, int want)
{
	int	r;

	if ((r = text_rating(line)) != want)
		fail_msg("'%s' read as %d, not %d", line != NULL ? line :
		    "(null)", r, want);
}

/* Ratings as people give them. */
static void
test_rating(void **state)
{
	(void)state;
	rating_is("3", 3);
	rating_is(" 1 ", 1);
	rating_is("5", 5);
	rating_is("3/5", 3);
	rating_is("3 / 5", 3);
	rating_is("4 /5", 4);
	rating_is("3 out of 5", 3);
	rating_is("2 of five", 2);
	rating_is("about 3", 3);
	rating_is("around a 3", 3);
	rating_is("Around a 3.", 3);
	rating_is("a 3", 3);
	rating_is("three", 3);
	rating_is("Five", 5);
	rating_is("I'd say 4", 4);
	rating_is("I\xe2\x80\x99" "d say four", 4);
	rating_is("i would say about a 2", 2);
	rating_is("maybe 2", 2);
	rating_is("4.", 4);
	rating_is("4!", 4);
}

/* Lines that are not ratings: out of range, ranges, fractions, words. */
static void
test_rating_not(void **state)
{
	(void)state;
	rating_is("0", 0);
	rating_is("6", 0);
	rating_is("six", 0);
	rating_is("35", 0);
	rating_is("10", 0);
	rating_is("-3", 0);
	rating_is("3 or 4", 0);
	rating_is("3-4", 0);
	rating_is("3.5", 0);
	rating_is("3/10", 0);
	rating_is("3 out of 10", 0);
	rating_is("3x", 0);
	rating_is("threes", 0);
	rating_is("about", 0);
	rating_is("a", 0);
	rating_is("", 0);
	rating_is(NULL, 0);
	rating_is("3 people came to the meeting", 0);
	rating_is("I led 3 projects", 0);
}

/* Words: runs of letters, digits and apostrophes. */
static void
test_words(void **state)
{
	(void)state;
	assert_int_equal(text_words(""), 0);
	assert_int_equal(text_words("   "), 0);
	assert_int_equal(text_words("one"), 1);
	assert_int_equal(text_words("I'd say four"), 3);
	assert_int_equal(text_words("it\xe2\x80\x99s fine"), 2);
	assert_int_equal(text_words("hello,world...again!"), 3);
	assert_int_equal(text_words("caf\xc3\xa9 au lait"), 3);
	assert_int_equal(text_words("yes \xe2\x80\x94 no"), 2);
	assert_int_equal(text_words("' '' ?!"), 0);
	assert_int_equal(text_words("3/5"), 2);
	assert_int_equal(text_words("\xff\xfe"), 0);
}

/* An answer typed where a rating or yes/no was asked. */
static void
test_is_answer(void **state)
{
	(void)state;
	assert_true(text_is_answer("I led the pilot on ward seven"));
	assert_true(text_is_answer("we met every week"));
	assert_false(text_is_answer("we met weekly"));
	assert_false(text_is_answer("yes"));
	assert_false(text_is_answer("I would say about 4"));
	assert_false(text_is_answer("3 out of 5"));
	assert_false(text_is_answer(""));
	assert_false(text_is_answer(NULL));
}

/* s[0..len) must fail the check with status and exactly msg. */
static void
check_fails(const char *s, size_t len, size_t max, const char *what,
    int required, int status, const char *msg)
{
	struct err	e = { 0 };

	assert_int_equal(text_check(s, len, max, what, required, status, &e),
	    -1);
	assert_int_equal(e.status, status);
	assert_string_equal(e.msg, msg);
	err_clear(&e);
}

/* s[0..len) must pass the check. */
static void
check_passes(const char *s, size_t len, size_t max, int required)
{
	struct err	e = { 0 };

	if (text_check(s, len, max, "answer", required, ERR_INPUT, &e) != 0)
		fail_msg("'%s': %s", s, e.msg);
	assert_int_equal(e.status, ERR_OK);
	assert_null(e.msg);
}

/* Text passes: tabs and line breaks, any UTF-8, up to max bytes. */
static void
test_check_good(void **state)
{
	(void)state;
	check_passes("Line one,\r\nline \"two\"\ttabbed", 28, 100, 1);
	check_passes("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, 100, 1);
	check_passes("12345", 5, 5, 1);
	check_passes("", 0, 5, 0);
	check_passes("  \n", 3, 5, 0);
}

/* Each way text can fail, with its message and the caller's status. */
static void
test_check_bad(void **state)
{
	char	*big;

	(void)state;
	big = calloc(1, (1 << 20) + 2);
	assert_non_null(big);
	memset(big, 'x', (1 << 20) + 1);
	check_fails(big, (1 << 20) + 1, 1 << 20, "answer", 1, ERR_INPUT,
	    "the answer is longer than 1 MiB: shorten it, or split it over "
	    "two answers");
	check_passes(big, 1 << 20, 1 << 20, 1);
	check_fails(big, 2000 + 1, 2000, "measure of success", 0, ERR_ACTION,
	    "the measure of success is longer than 2000 bytes: shorten it");
	free(big);
	check_fails("123456", 6, 5, "action", 1, ERR_ACTION, "the action is "
	    "longer than 5 bytes: shorten it, or split it over two actions");
	check_fails("ab\0cd", 5, 100, "action", 1, ERR_ACTION, "the action "
	    "holds a NUL byte: save it as plain text and try again");
	check_fails("", 1, 100, "answer", 0, ERR_INPUT, "the answer holds a "
	    "NUL byte: save it as plain text and try again");
	check_fails("bad \xff byte", 10, 100, "answer", 1, ERR_INPUT, "the "
	    "answer is not UTF-8 text (at character 5): save it as UTF-8 "
	    "and try again");
	check_fails("\xc0\xaf", 2, 100, "answer", 1, ERR_INPUT, "the answer is "
	    "not UTF-8 text (at character 1): save it as UTF-8 and try again");
	check_fails("\xed\xa0\x80", 3, 100, "answer", 1, ERR_INPUT, "the "
	    "answer is not UTF-8 text (at character 1): save it as UTF-8 and "
	    "try again");
	check_fails("\xc3\xa9t\xc3\xa9\a", 6, 100, "action", 1, ERR_ACTION,
	    "the action holds a control character (character 4): take it out "
	    "and try again");
	check_fails("esc\x1b[2J", 7, 100, "answer", 1, ERR_INPUT, "the answer "
	    "holds a control character (character 4): take it out and try "
	    "again");
	check_fails("del\x7f", 4, 100, "answer", 1, ERR_INPUT, "the answer "
	    "holds a control character (character 4): take it out and try "
	    "again");
	check_fails("c1\xc2\x85", 4, 100, "answer", 1, ERR_INPUT, "the answer "
	    "holds a control character (character 3): take it out and try "
	    "again");
	check_fails(" \t\n", 3, 100, "action", 1, ERR_ACTION, "the action is "
	    "empty: write it and try again");
	check_fails("", 0, 100, "answer", 1, ERR_INPUT, "the answer is empty: "
	    "write it and try again");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_yesno),
		cmocka_unit_test(test_rating),
		cmocka_unit_test(test_rating_not),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_is_answer),
		cmocka_unit_test(test_check_good),
		cmocka_unit_test(test_check_bad),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}

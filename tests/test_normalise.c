/*
 * test_normalise.c: the normalised copy of an answer: quotes, dashes,
 * line breaks, contractions and spellings; the offset map back to the
 * candidate's own characters; bullets and letters as the splitting of
 * sentences sees them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalise.h"
#include "util.h"

/* The normalised copy of text. */
static char *
norm(const char *text)
{
	char	*n;
	size_t	 len, *map;

	normalise_text(text, strlen(text), &n, &len, &map);
	assert_int_equal(strlen(n), len);
	free(map);
	return n;
}

#define ASSERT_NORM(text, want) do {			\
	char *got_ = norm(text);			\
	assert_string_equal(got_, want);		\
	free(got_);					\
} while (0)

/* The copy: quotes, dashes, spaces, contractions, spellings. */
static void
test_normalise(void **state)
{
	(void)state;
	ASSERT_NORM("“Yes,” she said — it’s fine – really", "\"Yes,\" she "
	    "said - it is fine - really");
	ASSERT_NORM("We didn’t, couldn't and won't; I can’t, I'm sure, "
	    "we’ve seen, they're here, I'll go.", "We did not, could not and "
	    "will not; I cannot, I am sure, we have seen, they are here, I "
	    "will go.");
	ASSERT_NORM("It's been hard. That’s got to change. I'd agreed.",
	    "It has been hard. That has got to change. I'd agreed.");
	ASSERT_NORM("DIDN'T Didn't didn't", "DID NOT Did not did not");
	ASSERT_NORM("We organized and prioritized, then analyzed the "
	    "organization's behavior and colors.", "We organised and "
	    "prioritised, then analysed the organisation's behaviour and "
	    "colours.");
	ASSERT_NORM("The Program center, the computer program, a software "
	    "Program, two programs.", "The Programme centre, the computer "
	    "program, a software Program, two programmes.");
	ASSERT_NORM("The 2019–20 plan -- and the size, prize, citizens.",
	    "The 2019-20 plan - and the size, prize, citizens.");
	ASSERT_NORM("a\u00a0b line\nbreak", "a b line break");
}

/* Every -ize ending there is, and none that is not one. */
static void
test_ize_endings(void **state)
{
	(void)state;
	ASSERT_NORM("organize organizes organized organizing organizer "
	    "organizers organization organizations organizational",
	    "organise organises organised organising organiser organisers "
	    "organisation organisations organisational");
	ASSERT_NORM("analyze Prioritize STANDARDIZED", "analyse Prioritise "
	    "STANDARDISED");
	ASSERT_NORM("organizationally organizable organiz prize sizes",
	    "organizationally organizable organiz prize sizes");
}

/* The map: never decreasing, on the start of a character, the length last. */
static void
test_map(void **state)
{
	const char	 text[] = "  \xe2\x80\x9cWe didn\xe2\x80\x99t \xe2\x80\x94 "
	    "honestly.\xe2\x80\x9d\n\nI\xe2\x80\x99m done. Caf\xc3\xa9\xff ok  ";
	char		*n;
	size_t		 i, len = strlen(text), nlen, *map;

	(void)state;
	normalise_text(text, len, &n, &nlen, &map);
	assert_string_equal(n, "\"We did not - honestly.\"\n\nI am done. "
	    "Caf\xc3\xa9\xff ok");
	assert_int_equal(map[nlen], len);
	assert_int_equal(map[0], 2);
	for (i = 0; i < nlen; i++) {
		assert_true(map[i] <= map[i + 1]);
		assert_true(((unsigned char)text[map[i]] & 0xc0) != 0x80);
	}
	free(n);
	free(map);
}

/* Bullets start a line; letters and digits are any script's. */
static void
test_bullets_and_letters(void **state)
{
	const char	*t;

	(void)state;
	assert_true(normalise_is_bullet("- a", 3, 0));
	assert_true(normalise_is_bullet("* a", 3, 0));
	assert_true(normalise_is_bullet("12) a", 5, 0));
	assert_true(normalise_is_bullet("3. a", 4, 0));
	assert_true(normalise_is_bullet("\xe2\x80\xa2 a", 5, 0));
	assert_false(normalise_is_bullet("1234. a", 7, 0));
	assert_false(normalise_is_bullet("-a", 2, 0));
	assert_false(normalise_is_bullet("-", 1, 0));
	t = "a\xc3\xa9-\xe2\x80\x94";
	assert_true(normalise_is_alnum(t, strlen(t), 0));
	assert_true(normalise_is_alnum(t, strlen(t), 2));
	assert_false(normalise_is_alnum(t, strlen(t), 3));
	assert_false(normalise_is_alnum(t, strlen(t), 6));
	assert_false(normalise_is_alnum(t, strlen(t), 7));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_ize_endings),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_bullets_and_letters),
	};

	return cmocka_run_group_tests_name("normalise", tests, NULL, NULL);
}

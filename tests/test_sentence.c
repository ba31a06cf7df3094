/*
 * test_sentence.c: an answer split into sentences, and the candidate's
 * own words quoted back through the offset map (the normalised copy
 * itself is test_normalise.c's).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"
#include "util.h"

/* The sentences of text, joined by " | ", from the normalised copy. */
static char *
split(const char *text)
{
	struct sentences	 s;
	struct buf		 b = { 0 };
	size_t			 i;

	sentence_split(text, strlen(text), &s);
	for (i = 0; i < s.n; i++) {
		if (i > 0)
			buf_adds(&b, " | ");
		buf_add(&b, s.norm + s.v[i].start, s.v[i].end - s.v[i].start);
	}
	sentence_free(&s);
	return buf_take(&b);
}

/* Sentence k of text quoted whole (or around its start). */
static char *
quote(const char *text, size_t k)
{
	struct sentences	 s;
	char			*q;

	sentence_split(text, strlen(text), &s);
	q = sentence_quote(&s, text, k, k < s.n ? s.v[k].start : 0,
	    k < s.n ? s.v[k].start : 0);
	sentence_free(&s);
	return q;
}

#define ASSERT_SPLIT(text, want) do {			\
	char *got_ = split(text);			\
	assert_string_equal(got_, want);		\
	free(got_);					\
} while (0)

#define ASSERT_QUOTE(text, k, want) do {		\
	char *got_ = quote(text, k);			\
	assert_string_equal(got_, want);		\
	free(got_);					\
} while (0)

/* Full stops, question and exclamation marks end sentences. */
static void
test_split_stops(void **state)
{
	(void)state;
	ASSERT_SPLIT("We did it. Then we stopped! Why? Because it worked.",
	    "We did it. | Then we stopped! | Why? | Because it worked.");
	ASSERT_SPLIT("No stop at the end", "No stop at the end");
	ASSERT_SPLIT("Really?! Yes... and no. ok then.",
	    "Really?! | Yes... and no. | ok then.");
	ASSERT_SPLIT("", "");
	ASSERT_SPLIT("  \n\n \t ", "");
}

/* Abbreviations, initials and decimals do not end a sentence. */
static void
test_split_abbreviations(void **state)
{
	(void)state;
	ASSERT_SPLIT("Dr. Patel and Mrs. Jones met Mr. Khan at St. Anne's. "
	    "It went well.", "Dr. Patel and Mrs. Jones met Mr. Khan at St. "
	    "Anne's. | It went well.");
	ASSERT_SPLIT("We cut waits, e.g. in clinic, i.e. for everyone, vs. "
	    "last year, by approx. 30 minutes. Good.", "We cut waits, e.g. in "
	    "clinic, i.e. for everyone, vs. last year, by approx. 30 minutes. "
	    "| Good.");
	ASSERT_SPLIT("Ward no. 5 went first. No. It did not.",
	    "Ward no. 5 went first. | No. | It did not.");
	ASSERT_SPLIT("We went live on Jan. 5 and in Feb. we grew. Forms, "
	    "leaflets etc. Then training.", "We went live on Jan. 5 and in "
	    "Feb. we grew. | Forms, leaflets etc. | Then training.");
	ASSERT_SPLIT("It fell from 3.5 to 2.25 days. J. R. Hartley agreed. "
	    "So did I.", "It fell from 3.5 to 2.25 days. | J. R. Hartley "
	    "agreed. | So did I.");
	ASSERT_SPLIT("We moved to the U.K. Then we started.",
	    "We moved to the U.K. | Then we started.");
	ASSERT_SPLIT("See nhs.uk for more. Done.",
	    "See nhs.uk for more. | Done.");
}

/* A stop inside a quotation that goes on does not end the sentence. */
static void
test_split_quotations(void **state)
{
	(void)state;
	ASSERT_SPLIT("She said \"I can't. Not today.\" and left. We waited.",
	    "She said \"I cannot. Not today.\" and left. | We waited.");
	ASSERT_SPLIT("He asked \"Is it safe?\" She nodded.",
	    "He asked \"Is it safe?\" | She nodded.");
	ASSERT_SPLIT("We called it “the hub.” Then it grew.",
	    "We called it \"the hub.\" | Then it grew.");
	ASSERT_SPLIT("The motto was ‘ask first. act second’ and it stuck.",
	    "The motto was 'ask first. act second' and it stuck.");
	/* A quotation that never closes changes nothing. */
	ASSERT_SPLIT("He said \"wait. Then go.", "He said \"wait. | Then go.");
}

/* Blank lines and bullet lines start sentences; a wrapped line does not. */
static void
test_split_lines(void **state)
{
	(void)state;
	ASSERT_SPLIT("First point\n\nSecond point\nwrapped here\n- one\n"
	    "* two\n• three\n1. four\n2) five\ncontinued",
	    "First point | Second point wrapped here | one | two | three | "
	    "four | five continued");
	ASSERT_SPLIT("Heading:\r\n\r\nBody text.\r\nMore.",
	    "Heading: | Body text. | More.");
}

/* Whether every offset of the map leads to the start of a character. */
static void
test_map(void **state)
{
	const char		 text[] = "  “We didn’t — honestly.”\n\nI’m done. "
	    "Café\xff ok";
	struct sentences	 s;
	size_t			 i, len = strlen(text);

	(void)state;
	sentence_split(text, len, &s);
	assert_int_equal(s.map[s.len], len);
	for (i = 0; i < s.len; i++) {
		assert_true(s.map[i] <= s.map[i + 1]);
		assert_true(((unsigned char)text[s.map[i]] & 0xc0) != 0x80);
	}
	assert_int_equal(s.n, 3);
	assert_int_equal(sentence_at(&s, 0), 0);
	assert_int_equal(sentence_at(&s, s.v[1].start), 1);
	assert_int_equal(sentence_at(&s, s.v[1].start - 1), 0);
	assert_int_equal(sentence_at(&s, s.len + 10), 2);
	sentence_free(&s);
}

/* Quotes are the candidate's own bytes, white space folded. */
static void
test_quote_original(void **state)
{
	const char	text[] = "I didn’t organize the “program” — we "
	    "couldn’t.\n\n  It’s   been\n\tfine!  Dr. Who’s there.";

	(void)state;
	ASSERT_QUOTE(text, 0, "I didn’t organize the “program” — we "
	    "couldn’t.");
	ASSERT_QUOTE(text, 1, "It’s been fine!");
	ASSERT_QUOTE(text, 2, "Dr. Who’s there.");
	ASSERT_QUOTE(text, 3, "");
}

/* A long sentence is trimmed to the clauses around the match. */
static void
test_quote_long(void **state)
{
	struct sentences	 s;
	struct buf		 b = { 0 };
	const char		*m;
	char			*text, *q;
	int			 i;

	(void)state;
	for (i = 0; i < 8; i++)
		buf_printf(&b, "we talked about clause number %d at length, ",
		    i);
	buf_adds(&b, "and then we piloted the new form on ward 7, ");
	for (i = 0; i < 8; i++)
		buf_printf(&b, "after which came part %d of the story, ", i);
	buf_adds(&b, "the end.");
	text = buf_take(&b);
	sentence_split(text, strlen(text), &s);
	assert_int_equal(s.n, 1);
	m = strstr(s.norm, "piloted");
	q = sentence_quote(&s, text, 0, m - s.norm, m - s.norm + 7);
	assert_string_equal(q, "...we talked about clause number 6 at "
	    "length, we talked about clause number 7 at length, and then we "
	    "piloted the new form on ward 7, after which came part 0 of the "
	    "story, after which came part 1 of the story...");
	assert_true(strlen(q) <= SENTENCE_QUOTE_MAX);
	free(q);

	/* One clause too long on its own: words around the match. */
	free(text);
	sentence_free(&s);
	for (i = 0; i < 40; i++)
		buf_printf(&b, "word%d ", i);
	buf_adds(&b, "piloted ");
	for (i = 0; i < 40; i++)
		buf_printf(&b, "more%d ", i);
	text = buf_take(&b);
	sentence_split(text, strlen(text), &s);
	m = strstr(s.norm, "piloted");
	q = sentence_quote(&s, text, 0, m - s.norm, m - s.norm + 7);
	assert_non_null(strstr(q, "word39 piloted more0"));
	assert_true(strncmp(q, "...", 3) == 0);
	assert_string_equal(q + strlen(q) - 3, "...");
	assert_true(strlen(q) <= SENTENCE_QUOTE_MAX);
	free(q);
	free(text);
	sentence_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_stops),
		cmocka_unit_test(test_split_abbreviations),
		cmocka_unit_test(test_split_quotations),
		cmocka_unit_test(test_split_lines),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_quote_original),
		cmocka_unit_test(test_quote_long),
	};

	return cmocka_run_group_tests_name("sentence", tests, NULL, NULL);
}

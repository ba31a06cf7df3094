/*
 * test_source.c: reading lines through a struct source: a fixed list
 * read in order as copies, lines pushed back read first (the last
 * pushed first) and not counted as read again, the prompt passed to the
 * input, and pushed-back lines freed by source_free.  Needs source.o and
 * util.o.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"
#include "util.h"

/* Read a line, which must be want (NULL: the end of input). */
static void
reads(struct source *src, const char *want)
{
	char	*line;

	line = source_read(src, "> ");
	if (want == NULL) {
		assert_null(line);
		return;
	}
	assert_non_null(line);
	assert_string_equal(line, want);
	free(line);
}

/* A list is read in order, each line a copy, then the end of input. */
static void
test_lines(void **state)
{
	static const char *const	lines[] = { "one", "", "three" };
	struct source_lines		sl;
	struct source			src;
	char				*line;

	(void)state;
	source_lines_init(&src, &sl, lines, 3);
	assert_false(src.interactive);
	assert_null(src.edit);
	line = source_read(&src, "> ");
	assert_string_equal(line, "one");
	assert_ptr_not_equal(line, lines[0]);
	free(line);
	reads(&src, "");
	reads(&src, "three");
	reads(&src, NULL);
	reads(&src, NULL);
	assert_int_equal(src.nread, 3);
	source_free(&src);
}

/* A NULL among the lines ends the input too. */
static void
test_lines_null(void **state)
{
	static const char *const	lines[] = { "one", NULL, "never" };
	struct source_lines		sl;
	struct source			src;

	(void)state;
	source_lines_init(&src, &sl, lines, 3);
	reads(&src, "one");
	reads(&src, NULL);
	assert_int_equal(src.nread, 1);
	source_free(&src);
}

/* Pushed back, the last first, before the input; not counted again. */
static void
test_unread(void **state)
{
	static const char *const	lines[] = { "a", "b" };
	struct source_lines		sl;
	struct source			src;
	char				*line;

	(void)state;
	source_lines_init(&src, &sl, lines, 2);
	line = source_read(&src, "> ");
	assert_string_equal(line, "a");
	source_unread(&src, line);
	source_unread(&src, xstrdup("typed too soon"));
	assert_int_equal(src.npending, 2);
	reads(&src, "typed too soon");
	reads(&src, "a");
	assert_int_equal(src.nread, 1);
	reads(&src, "b");
	assert_int_equal(src.nread, 2);
	source_unread(&src, xstrdup("after the end"));
	reads(&src, "after the end");
	reads(&src, NULL);
	source_unread(&src, NULL);
	assert_int_equal(src.npending, 0);
	source_free(&src);
}

/* Lines pushed back and never read are freed with the source. */
static void
test_free_pending(void **state)
{
	static const char *const	lines[] = { "a" };
	struct source_lines		sl;
	struct source			src;

	(void)state;
	source_lines_init(&src, &sl, lines, 1);
	source_unread(&src, xstrdup("kept"));
	source_unread(&src, xstrdup("kept too"));
	source_free(&src);
	assert_int_equal(src.npending, 0);
	assert_null(src.pending);
	reads(&src, "a");
	source_free(&src);
}

/* An input that records its prompts. */
struct prompted {
	char	last[32];
	int	n;
};

static char *
prompted_read(struct source *src, const char *prompt)
{
	struct prompted	*p = src->ctx;

	snprintf(p->last, sizeof p->last, "%s", prompt);
	if (p->n == 2)
		return NULL;
	return xasprintf("line %d", ++p->n);
}

/* The prompt reaches the input; a pushed-back line is read without it. */
static void
test_prompt(void **state)
{
	struct prompted	 p = { "", 0 };
	struct source	 src = { 0 };

	(void)state;
	src.read = prompted_read;
	src.ctx = &p;
	reads(&src, "line 1");
	assert_string_equal(p.last, "> ");
	source_unread(&src, xstrdup("again"));
	p.last[0] = '\0';
	reads(&src, "again");
	assert_string_equal(p.last, "");
	reads(&src, "line 2");
	reads(&src, NULL);
	assert_int_equal(src.nread, 2);
	source_free(&src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_lines_null),
		cmocka_unit_test(test_unread),
		cmocka_unit_test(test_free_pending),
		cmocka_unit_test(test_prompt),
	};

	return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}

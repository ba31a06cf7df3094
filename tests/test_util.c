/*
 * test_util.c: the bottom layer's helpers: growable strings, reading a
 * stream with NUL bytes in it, UTF-8 validity (overlong forms,
 * surrogates and truncated sequences refused), columns, squeezing,
 * making text safe for a terminal, wrapping that never splits a word,
 * help rows, edit distance, making folders and the state folder.
 * Needs util.o alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* U+FFFD, the replacement character. */
#define RC	"\xef\xbf\xbd"

/* What a call wrote to a stream, as a new string. */
struct capture {
	char	*text;
	size_t	 len;
	FILE	*f;
};

static FILE *
capture_begin(struct capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
	return c->f;
}

static char *
capture_end(struct capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	return c->text;
}

/* Growable strings: adding, formatting, taking, an empty one. */
static void
test_buf(void **state)
{
	struct buf	 b = { 0 };
	char		*s;

	(void)state;
	s = buf_take(&b);
	assert_string_equal(s, "");
	free(s);
	buf_adds(&b, "one");
	buf_addc(&b, ' ');
	buf_add(&b, "two three", 3);
	buf_printf(&b, " %d%s", 3, "!");
	assert_string_equal(b.data, "one two 3!");
	assert_int_equal(b.len, 10);
	s = buf_take(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_string_equal(s, "one two 3!");
	free(s);
	buf_add(&b, "x", 1);
	buf_free(&b);
	assert_null(b.data);
	s = xasprintf("%s-%03d", "a", 7);
	assert_string_equal(s, "a-007");
	free(s);
	s = xstrndup("abcdef", 2);
	assert_string_equal(s, "ab");
	free(s);
}

/* A stream is read whole, NUL bytes and all, but not past max. */
static void
test_read_stream(void **state)
{
	static const char	 data[] = "ab\0cd";
	char			*out = NULL;
	size_t			 len = 0;
	FILE			*f;

	(void)state;
	f = fmemopen((void *)data, 5, "r");
	assert_int_equal(util_read_stream(f, 5, &out, &len), 0);
	assert_int_equal(len, 5);
	assert_memory_equal(out, data, 5);
	assert_int_equal(out[5], '\0');
	free(out);
	fclose(f);
	f = fmemopen((void *)data, 5, "r");
	errno = 0;
	assert_int_equal(util_read_stream(f, 4, &out, &len), -1);
	assert_int_equal(errno, EFBIG);
	fclose(f);
}

/* Blank is white space only; a NUL byte is not white space. */
static void
test_is_blank(void **state)
{
	(void)state;
	assert_true(util_is_blank("", 0));
	assert_true(util_is_blank(" \t\r\n\v\f", 6));
	assert_false(util_is_blank(" x ", 3));
	assert_false(util_is_blank(" \0 ", 3));
}

/* The length of s's first character, with s's whole length available. */
static size_t
u8(const char *s)
{
	return util_utf8_len(s, strlen(s));
}

/* Valid UTF-8 of every length, at the edges of each range. */
static void
test_utf8_valid(void **state)
{
	(void)state;
	assert_int_equal(u8("a"), 1);
	assert_int_equal(u8("\x7f"), 1);
	assert_int_equal(u8("\xc2\x80"), 2);		/* U+0080 */
	assert_int_equal(u8("\xdf\xbf"), 2);		/* U+07FF */
	assert_int_equal(u8("\xe0\xa0\x80"), 3);	/* U+0800 */
	assert_int_equal(u8("\xed\x9f\xbf"), 3);	/* U+D7FF */
	assert_int_equal(u8("\xee\x80\x80"), 3);	/* U+E000 */
	assert_int_equal(u8("\xef\xbf\xbf"), 3);	/* U+FFFF */
	assert_int_equal(u8("\xf0\x90\x80\x80"), 4);	/* U+10000 */
	assert_int_equal(u8("\xf4\x8f\xbf\xbf"), 4);	/* U+10FFFF */
	assert_int_equal(util_utf8_len("\0", 1), 1);
	assert_int_equal(util_utf8_len("a", 0), 0);
}

/* Overlong forms, surrogates, too high, stray and cut-short bytes: refused. */
static void
test_utf8_invalid(void **state)
{
	(void)state;
	/* Overlong forms of '/', NUL and the top of each shorter range. */
	assert_int_equal(u8("\xc0\xaf"), 0);
	assert_int_equal(u8("\xc1\xbf"), 0);
	assert_int_equal(util_utf8_len("\xc0\x80", 2), 0);
	assert_int_equal(u8("\xe0\x80\xaf"), 0);
	assert_int_equal(u8("\xe0\x9f\xbf"), 0);
	assert_int_equal(u8("\xf0\x80\x80\xaf"), 0);
	assert_int_equal(u8("\xf0\x8f\xbf\xbf"), 0);
	/* UTF-16 surrogates. */
	assert_int_equal(u8("\xed\xa0\x80"), 0);
	assert_int_equal(u8("\xed\xbf\xbf"), 0);
	/* Beyond U+10FFFF, and bytes that never start a character. */
	assert_int_equal(u8("\xf4\x90\x80\x80"), 0);
	assert_int_equal(u8("\xf5\x80\x80\x80"), 0);
	assert_int_equal(u8("\xff"), 0);
	assert_int_equal(u8("\x80"), 0);
	assert_int_equal(u8("\xbf"), 0);
	/* A lead byte without its continuation bytes. */
	assert_int_equal(u8("\xe2\x28\xa1"), 0);
	assert_int_equal(u8("\xc3"), 0);
	assert_int_equal(util_utf8_len("\xe2\x82\xac", 2), 0);
	assert_int_equal(util_utf8_len("\xf0\x9f\x98\x80", 3), 0);
}

/* Columns count characters; a byte of invalid UTF-8 counts one. */
static void
test_columns(void **state)
{
	(void)state;
	assert_int_equal(util_columns("", 0), 0);
	assert_int_equal(util_columns("abc", 3), 3);
	assert_int_equal(util_columns("caf\xc3\xa9", 5), 4);
	assert_int_equal(util_columns("\xe2\x82\xac" "5", 4), 2);
	assert_int_equal(util_columns("\xff\xfe", 2), 2);
}

/* Squeezing folds white space, trims, and cuts on a character boundary. */
static void
test_squeeze(void **state)
{
	char	*s;

	(void)state;
	s = util_squeeze("  one\t\ttwo\n three  ", 19, 100);
	assert_string_equal(s, "one two three");
	free(s);
	s = util_squeeze("abcdef", 6, 4);
	assert_string_equal(s, "abcd...");
	free(s);
	s = util_squeeze("ab\xc3\xa9" "cd", 6, 3);
	assert_string_equal(s, "ab...");
	free(s);
	s = util_squeeze("", 0, 10);
	assert_string_equal(s, "");
	free(s);
}

/* The printable copy of a literal. */
static void
printable_is(const char *in, size_t len, const char *want)
{
	char	*s;

	s = util_printable(in, len);
	if (strcmp(s, want) != 0)
		fail_msg("printable: \"%s\", not \"%s\"", s, want);
	free(s);
}

/* Controls but tab and line break, and invalid UTF-8, become U+FFFD. */
static void
test_printable(void **state)
{
	char	in[2], want[8];
	int	c;

	(void)state;
	printable_is("plain caf\xc3\xa9 \xe2\x82\xac", 15, "plain caf\xc3\xa9 "
	    "\xe2\x82\xac");
	printable_is("tab\there\nnext", 13, "tab\there\nnext");
	printable_is("a\x1b[31mred", 9, "a" RC "[31mred");
	printable_is("\x1b]0;title\x07", 10, RC "]0;title" RC);
	printable_is("crlf\r\nlone\rcr", 13, "crlf\nlone" RC "cr");
	printable_is("del\x7f", 4, "del" RC);
	printable_is("csi\xc2\x9b" "2J", 7, "csi" RC "2J");
	printable_is("nbsp\xc2\xa0.", 7, "nbsp\xc2\xa0.");
	printable_is("bad\xff\xc0\xaf", 6, "bad" RC RC RC);
	printable_is("nul\0end", 7, "nul" RC "end");
	printable_is("", 0, "");
	for (c = 0; c < 0x20; c++) {
		if (c == '\t' || c == '\n')
			continue;
		in[0] = (char)c;
		in[1] = '\0';
		snprintf(want, sizeof want, "%s", RC);
		printable_is(in, 1, want);
	}
}

/* Wrapping breaks only between words, and a long word stands alone. */
static void
test_wrap(void **state)
{
	struct capture	 c;
	char		*s;

	(void)state;
	util_wrap(capture_begin(&c), "one two three four five six", 2, 4, 14);
	s = capture_end(&c);
	assert_string_equal(s, "  one two\n    three four\n    five six\n");
	free(s);

	/* A word longer than the line is never split. */
	util_wrap(capture_begin(&c), "a supercalifragilistic word here", 0, 2,
	    11);
	s = capture_end(&c);
	assert_string_equal(s, "a\n  supercalifragilistic\n  word here\n");
	free(s);
	util_wrap(capture_begin(&c), "abcdefghijklmnop", 4, 4, 8);
	s = capture_end(&c);
	assert_string_equal(s, "    abcdefghijklmnop\n");
	free(s);

	/* Columns are characters, not bytes; white space is folded. */
	util_wrap(capture_begin(&c), "caf\xc3\xa9 caf\xc3\xa9\n\n  caf\xc3\xa9",
	    0, 0, 9);
	s = capture_end(&c);
	assert_string_equal(s, "caf\xc3\xa9 caf\xc3\xa9\ncaf\xc3\xa9\n");
	free(s);

	/* Exactly the width fits; nothing at all is a bare line break. */
	util_wrap(capture_begin(&c), "abcd efgh", 0, 0, 9);
	s = capture_end(&c);
	assert_string_equal(s, "abcd efgh\n");
	free(s);
	util_wrap(capture_begin(&c), " \n ", 4, 4, 20);
	s = capture_end(&c);
	assert_string_equal(s, "\n");
	free(s);
}

/* Wrapping from a column reached writes nothing before the first word. */
static void
test_wrap_at(void **state)
{
	struct capture	 c;
	FILE		*f;
	char		*s;

	(void)state;
	f = capture_begin(&c);
	fputs("Label: ", f);
	util_wrap_at(f, "the first words then more", 7, 7, 20);
	s = capture_end(&c);
	assert_string_equal(s, "Label: the first\n       words then\n"
	    "       more\n");
	free(s);
	f = capture_begin(&c);
	fputs("0123456789", f);
	util_wrap_at(f, "overlong next", 10, 2, 12);
	s = capture_end(&c);
	assert_string_equal(s, "0123456789overlong\n  next\n");
	free(s);
}

/* Help rows: the name and arguments, then the summary below, indented. */
static void
test_help_row(void **state)
{
	struct capture	 c;
	char		*s;

	(void)state;
	util_help_row(capture_begin(&c), "plan rm", "N [--yes]",
	    "remove an action (asks first; --yes for scripts)", 40);
	s = capture_end(&c);
	assert_string_equal(s, "  plan rm N [--yes]\n      remove an action "
	    "(asks first;\n      --yes for scripts)\n");
	free(s);
	util_help_row(capture_begin(&c), "/help", "", "show these commands",
	    80);
	s = capture_end(&c);
	assert_string_equal(s, "  /help\n      show these commands\n");
	free(s);

	/* Long arguments wrap between bracketed groups, never inside one. */
	util_help_row(capture_begin(&c), "plan edit", "N [--action TEXT] "
	    "[--due DATE] [--area ID]", NULL, 36);
	s = capture_end(&c);
	assert_string_equal(s, "  plan edit N [--action TEXT]\n"
	    "            [--due DATE] [--area ID]\n");
	free(s);
}

/* Edit distance, ignoring case, stopping past max. */
static void
test_distance(void **state)
{
	(void)state;
	assert_int_equal(util_distance("kitten", "sitting", 5), 3);
	assert_int_equal(util_distance("integraty", "integrity", 2), 1);
	assert_int_equal(util_distance("INTEGRITY", "integrity", 2), 0);
	assert_int_equal(util_distance("", "abc", 5), 3);
	assert_int_equal(util_distance("abc", "", 5), 3);
	assert_int_equal(util_distance("", "", 0), 0);
	assert_int_equal(util_distance("abc", "acb", 5), 2);
	assert_int_equal(util_distance("abcdef", "ab", 2), 3);
	assert_int_equal(util_distance("abcdef", "uvwxyz", 2), 3);
	assert_int_equal(util_distance("kitten", "sitting", 3), 3);
	assert_int_equal(util_distance("kitten", "sitting", 2), 3);
	assert_int_equal(util_distance("strategy", "strategi", 1), 1);
}

/* A scratch folder for the folder tests; freed by the caller. */
static char *
scratch(void)
{
	char	*dir;

	dir = xstrdup("/tmp/test_util.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

/* Folders and their missing parents are made, each with the mode. */
static void
test_mkdirs(void **state)
{
	struct stat	 sb;
	char		*dir, *p, *cmd;
	FILE		*f;
	mode_t		 old;

	(void)state;
	old = umask(022);
	dir = scratch();
	p = xasprintf("%s/a/b//c/", dir);
	assert_int_equal(util_mkdirs(p, 0700), 0);
	free(p);
	p = xasprintf("%s/a/b/c", dir);
	assert_int_equal(stat(p, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(util_mkdirs(p, 0700), 0);	/* already there */
	free(p);
	p = xasprintf("%s/a", dir);
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	free(p);

	/* A file in the way, and an empty path. */
	p = xasprintf("%s/file", dir);
	f = fopen(p, "w");
	assert_non_null(f);
	fclose(f);
	free(p);
	p = xasprintf("%s/file/sub", dir);
	errno = 0;
	assert_int_equal(util_mkdirs(p, 0700), -1);
	assert_int_equal(errno, ENOTDIR);
	free(p);
	errno = 0;
	assert_int_equal(util_mkdirs("", 0700), -1);
	assert_int_equal(errno, ENOENT);
	umask(old);

	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

/* The state folder: an absolute XDG_STATE_HOME, else under HOME. */
static void
test_state_dir(void **state)
{
	char	*s;

	(void)state;
	setenv("HOME", "/home/sam", 1);
	setenv("XDG_STATE_HOME", "/var/state/", 1);
	s = util_state_dir();
	assert_string_equal(s, "/var/state/dhcoach");
	free(s);
	setenv("XDG_STATE_HOME", "relative/state", 1);
	s = util_state_dir();
	assert_string_equal(s, "/home/sam/.local/state/dhcoach");
	free(s);
	unsetenv("XDG_STATE_HOME");
	s = util_state_dir();
	assert_string_equal(s, "/home/sam/.local/state/dhcoach");
	free(s);
	setenv("XDG_STATE_HOME", "", 1);
	s = util_state_dir();
	assert_string_equal(s, "/home/sam/.local/state/dhcoach");
	free(s);
	unsetenv("XDG_STATE_HOME");
}

/* The cache folder follows XDG_CACHE_HOME the same way. */
static void
test_cache_dir(void **state)
{
	char	*s;

	(void)state;
	setenv("HOME", "/home/sam", 1);
	setenv("XDG_CACHE_HOME", "/var/cache//", 1);
	s = util_cache_dir();
	assert_string_equal(s, "/var/cache/dhcoach");
	free(s);
	setenv("XDG_CACHE_HOME", "cache", 1);
	s = util_cache_dir();
	assert_string_equal(s, "/home/sam/.cache/dhcoach");
	free(s);
	unsetenv("XDG_CACHE_HOME");
	s = util_cache_dir();
	assert_string_equal(s, "/home/sam/.cache/dhcoach");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_read_stream),
		cmocka_unit_test(test_is_blank),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_squeeze),
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_at),
		cmocka_unit_test(test_help_row),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_mkdirs),
		cmocka_unit_test(test_state_dir),
		cmocka_unit_test(test_cache_dir),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}

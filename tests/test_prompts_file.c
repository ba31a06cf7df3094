/*
 * test_prompts_file.c: one prompt file read into sections and entries
 * (continuation lines, comments, blank lines, carriage returns), each
 * malformed line reported at its line and passed over, a folder's
 * prompt files listed in order, and the value readers.  The meaning of
 * each section is test_prompts.c's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "prompts-file.h"
#include "util.h"

/* A new empty folder for the test. */
static int
setup(void **state)
{
	char	*dir;

	dir = xstrdup("/tmp/dhcoach-test-XXXXXX");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	*state = dir;
	return 0;
}

/* Remove the test's folder. */
static int
teardown(void **state)
{
	fixture_rm(*state);
	return 0;
}

/* Write text as dir/name and read it; the path is the caller's. */
static char *
read_text(const char *dir, const char *name, const char *text,
    struct prompts_file *pf, struct prompts_problems *probs)
{
	char	*path;

	fixture_write(dir, name, text);
	path = xasprintf("%s/%s", dir, name);
	prompts_file_read(pf, path, probs);
	return path;
}

/* The problems, one a line, without the folder's path (a new string). */
static char *
problems(const char *dir, const struct prompts_problems *probs)
{
	struct buf	 b = { 0 };
	size_t		 i, n = strlen(dir) + 1;

	for (i = 0; i < probs->n; i++) {
		buf_adds(&b, strncmp(probs->msgs[i], dir, n - 1) == 0 &&
		    probs->msgs[i][n - 1] == '/' ? probs->msgs[i] + n :
		    probs->msgs[i]);
		buf_addc(&b, '\n');
	}
	return buf_take(&b);
}

/* Sections and entries, continuation lines joined, comments left out. */
static void
test_sections(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts_file	 pf;
	const struct prompts_section *s;
	char			*path;

	path = read_text(*state, "a.prompts", "# a comment\n"
	    "[area]\nid = integrity\ntitle =  Integrity  \r\n"
	    "summary = one\n  two\n\tthree\n\nprompt = after a blank\n"
	    "  # a comment, though indented\n"
	    "[ indicator  int.candour ]\ngap=x=y\n", &pf, &probs);
	assert_int_equal(probs.n, 0);
	assert_ptr_equal(pf.path, path);
	assert_int_equal(pf.nsecs, 2);
	s = &pf.secs[0];
	assert_int_equal(s->kind, PROMPTS_AREA);
	assert_string_equal(s->name, "");
	assert_int_equal(s->line, 2);
	assert_int_equal(s->nentries, 4);
	assert_string_equal(s->entries[0].key, "id");
	assert_string_equal(s->entries[0].value, "integrity");
	assert_int_equal(s->entries[0].line, 3);
	assert_string_equal(s->entries[1].value, "Integrity");
	assert_string_equal(s->entries[2].key, "summary");
	assert_string_equal(s->entries[2].value, "one two three");
	assert_int_equal(s->entries[2].line, 5);
	assert_string_equal(s->entries[3].value, "after a blank");
	s = &pf.secs[1];
	assert_int_equal(s->kind, PROMPTS_INDICATOR);
	assert_string_equal(s->name, "int.candour");
	assert_int_equal(s->line, 11);
	assert_string_equal(s->entries[0].key, "gap");
	assert_string_equal(s->entries[0].value, "x=y");
	prompts_file_free(&pf);
	assert_int_equal(pf.nsecs, 0);
	free(path);
}

/* Each malformed line is reported at its line; reading goes on. */
static void
test_malformed(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts_file	 pf;
	char			*path, *got;

	path = read_text(*state, "b.prompts", "early = value\n[cue negation\n"
	    "[cue negation]\nno equals sign\n = no key\nbad = \xff\n"
	    "[area extra]\n[define]\nok = fine\n", &pf, &probs);
	got = problems(*state, &probs);
	assert_string_equal(got,
	    "b.prompts:1: 'early ' comes before any section\n"
	    "b.prompts:2: a section header must end with ']'\n"
	    "b.prompts:4: expected 'key = value'\n"
	    "b.prompts:5: a key is missing before '='\n"
	    "b.prompts:6: not valid UTF-8 text\n"
	    "b.prompts:7: unknown section '[area extra]' (use [area], "
	    "[indicator ID], [cue NAME], [scale], [plan], [replies], "
	    "[readiness], [weights ID], [model] or [define])\n");
	free(got);
	assert_int_equal(pf.nsecs, 4);
	assert_int_equal(pf.secs[0].kind, PROMPTS_BAD);
	assert_null(pf.secs[0].name);
	assert_int_equal(pf.secs[1].kind, PROMPTS_CUE);
	assert_int_equal(pf.secs[1].nentries, 0);
	assert_int_equal(pf.secs[2].kind, PROMPTS_BAD);
	assert_int_equal(pf.secs[3].kind, PROMPTS_DEFINE);
	assert_string_equal(pf.secs[3].entries[0].value, "fine");
	prompts_file_free(&pf);
	prompts_file_problems_free(&probs);
	assert_int_equal(probs.n, 0);
	free(path);

	/* A file that is not there. */
	path = xasprintf("%s/none.prompts", (char *)*state);
	prompts_file_read(&pf, path, &probs);
	assert_int_equal(pf.nsecs, 0);
	got = problems(*state, &probs);
	assert_string_equal(got, "none.prompts: cannot open: No such file or "
	    "directory\n");
	free(got);
	prompts_file_problems_free(&probs);
	free(path);
}

/* The checks sections share: given once, required, unknown keys. */
static void
test_entry_checks(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts_file	 pf;
	char			*path, *got, *title = NULL;

	path = read_text(*state, "c.prompts", "[scale]\ntitle = One\n"
	    "title = Two\nodd = 1\n", &pf, &probs);
	prompts_file_set_once(&pf, &title, &pf.secs[0].entries[0]);
	prompts_file_set_once(&pf, &title, &pf.secs[0].entries[1]);
	assert_string_equal(title, "One");
	prompts_file_unknown_key(&pf, &pf.secs[0].entries[2], "[scale]",
	    "1, 2");
	prompts_file_require(&pf, 1, "[scale]", 0, 1, "label");
	prompts_file_require(&pf, 1, "[scale]", 2, 3, "label");
	prompts_file_require(&pf, 1, "[scale]", 3, 3, "label");
	got = problems(*state, &probs);
	assert_string_equal(got,
	    "c.prompts:3: 'title' is given twice in this section\n"
	    "c.prompts:4: unknown key 'odd' in [scale] (expected 1, 2)\n"
	    "c.prompts:1: [scale] has no 'label'\n"
	    "c.prompts:1: [scale] needs at least 3 'label' lines, not 2\n");
	free(got);
	free(title);
	prompts_file_free(&pf);
	prompts_file_problems_free(&probs);
	free(path);
}

/* A folder's prompt files, sorted; none is a problem. */
static void
test_list(void **state)
{
	struct prompts_problems	 probs = { 0 };
	char			**files = NULL, *want;
	size_t			  n = 0;

	assert_int_equal(prompts_file_list(*state, &files, &n, &probs), -1);
	assert_int_equal(probs.n, 1);
	want = xasprintf("%s: no *.prompts files in the prompt folder",
	    (char *)*state);
	assert_string_equal(probs.msgs[0], want);
	free(want);
	prompts_file_problems_free(&probs);
	fixture_write(*state, "b.prompts", "");
	fixture_write(*state, "a.prompts", "");
	fixture_write(*state, ".c.prompts", "");
	fixture_write(*state, "d.prompts~", "");
	fixture_write(*state, ".prompts", "");
	assert_int_equal(prompts_file_list(*state, &files, &n, &probs), 0);
	assert_int_equal(probs.n, 0);
	assert_int_equal(n, 2);
	assert_string_equal(files[0] + strlen(*state), "/a.prompts");
	assert_string_equal(files[1] + strlen(*state), "/b.prompts");
	prompts_file_free_strings(files, n);
}

/* Whole numbers in a range, and real numbers within a million. */
static void
test_values(void **state)
{
	double	d = 0;

	(void)state;
	assert_int_equal(prompts_file_int("3", 0, 5), 3);
	assert_int_equal(prompts_file_int("0", 0, 5), 0);
	assert_int_equal(prompts_file_int("6", 0, 5), -1);
	assert_int_equal(prompts_file_int("", 0, 5), -1);
	assert_int_equal(prompts_file_int("2x", 0, 5), -1);
	assert_int_equal(prompts_file_int("99999999999999999999", 0, 5), -1);
	assert_int_equal(prompts_file_real("-0.25", &d), 0);
	assert_true(d == -0.25);
	assert_int_equal(prompts_file_real("1e7", &d), -1);
	assert_int_equal(prompts_file_real("", &d), -1);
	assert_int_equal(prompts_file_real("0.5 ", &d), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sections, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_entry_checks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test(test_values),
	};

	return cmocka_run_group_tests_name("prompts-file", tests, NULL, NULL);
}

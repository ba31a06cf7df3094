/*
 * test_prompts.c: the prompt-file loader: a valid folder loads; each kind
 * of broken file stops loading with "file:line: reason".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "framework.h"
#include "prompts.h"
#include "util.h"

static int
setup(void **state)
{
	*state = fixture_dir();
	return 0;
}

static int
teardown(void **state)
{
	fixture_rm(*state);
	return 0;
}

/* Load dir, expecting failure with a problem containing each of want[]. */
static void
expect_problem(const char *dir, const char *want1, const char *want2)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	size_t			 i;
	int			 found = 0;

	p = prompts_load(dir, &probs, 0);
	assert_null(p);
	assert_true(probs.n > 0);
	for (i = 0; i < probs.n; i++) {
		if (strstr(probs.msgs[i], want1) != NULL &&
		    (want2 == NULL || strstr(probs.msgs[i], want2) != NULL))
			found = 1;
	}
	if (!found) {
		for (i = 0; i < probs.n; i++)
			print_message("got: %s\n", probs.msgs[i]);
		fail_msg("no problem with '%s' and '%s'", want1,
		    want2 != NULL ? want2 : "");
	}
	prompts_problems_free(&probs);
}

/* The fixture loads, with every area, indicator and cue in place. */
static void
test_valid(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	int			 i;

	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	assert_int_equal(probs.n, 0);
	assert_int_equal(p->nfiles, 13);
	assert_string_equal(p->plan.ask[PROMPTS_ASK_DUE], "By when?");
	assert_int_equal(p->plan.vague.npats, 1);
	assert_string_equal(p->scale[0], "one");
	assert_string_equal(p->scale[4], "five");
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		assert_non_null(p->areas[i].title);
		assert_int_equal(p->areas[i].nprompts, 3);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		assert_int_equal(p->indicators[i].set.npats, 1);
		/* Only the default cue guards an indicator with no guard key. */
		assert_int_equal(p->indicators[i].set.nguards, 1);
		assert_string_equal(p->indicators[i].set.guards[0]->name,
		    "negation");
	}
	assert_int_equal(prompts_check_samples(p, &probs), 0);
	prompts_free(p);
}

/* A sample that comes out wrong is reported at its line. */
static void
test_sample_fails(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	/* The file's last section is is.action-plan's. */
	fixture_append(*state, "insightfulness.prompts",
	    "match = nothing to see\nnomatch = I did isactionplan\n");
	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	assert_int_equal(prompts_check_samples(p, &probs), 2);
	assert_non_null(strstr(probs.msgs[0], "insightfulness.prompts:"));
	assert_non_null(strstr(probs.msgs[0], "should show is.action-plan"));
	assert_non_null(strstr(probs.msgs[1], "should not show is.action-plan"));
	assert_non_null(strstr(probs.msgs[1], "\"isactionplan\""));
	prompts_problems_free(&probs);
	prompts_free(p);
}

static void
test_bad_pattern(void **state)
{
	fixture_append(*state, "integrity.prompts", "pattern = (unclosed\n");
	expect_problem(*state, "integrity.prompts:", "does not compile: byte 9");
}

static void
test_unknown_indicator(void **state)
{
	fixture_append(*state, "integrity.prompts",
	    "\n[indicator in.bravery]\ntitle = x\n");
	expect_problem(*state, "integrity.prompts:", "unknown indicator id "
	    "'in.bravery'");
}

static void
test_duplicate_indicator(void **state)
{
	fixture_append(*state, "integrity.prompts", "\n[indicator in.honesty]\n"
	    "title = t\npattern = x\ngap = g\nprobe = p\nmatch = x\n"
	    "nomatch = y\n");
	expect_problem(*state, "integrity.prompts:", "already defined at");
}

static void
test_missing_indicator(void **state)
{
	fixture_write(*state, "integrity.prompts", "[area]\nid = integrity\n"
	    "title = I\ndimension = person-centred\nsummary = s\n"
	    "prompt = a\nprompt = b\nprompt = c\n");
	expect_problem(*state, "integrity.prompts: no [indicator "
	    "in.accountability]", NULL);
}

static void
test_wrong_file(void **state)
{
	fixture_append(*state, "integrity.prompts",
	    "\n[indicator sv.vision]\ntitle = t\n");
	expect_problem(*state, "integrity.prompts:", "belongs to area "
	    "strategic-vision");
}

static void
test_malformed_line(void **state)
{
	fixture_append(*state, "growth-mindset.prompts", "just some words\n");
	expect_problem(*state, "growth-mindset.prompts:", "expected 'key = "
	    "value'");
}

static void
test_unknown_key(void **state)
{
	fixture_append(*state, "growth-mindset.prompts", "colour = blue\n");
	expect_problem(*state, "growth-mindset.prompts:", "unknown key "
	    "'colour'");
}

static void
test_wrong_dimension(void **state)
{
	fixture_write(*state, "integrity.prompts", "[area]\nid = integrity\n"
	    "title = I\ndimension = competency\nsummary = s\nprompt = a\n"
	    "prompt = b\nprompt = c\n");
	expect_problem(*state, "integrity.prompts:1:", "dimension");
}

static void
test_too_few_prompts(void **state)
{
	fixture_write(*state, "integrity.prompts", "[area]\nid = integrity\n"
	    "title = I\ndimension = person-centred\nsummary = s\n"
	    "prompt = a\n");
	expect_problem(*state, "integrity.prompts:1:", "at least 3 'prompt'");
}

static void
test_unknown_guard(void **state)
{
	fixture_append(*state, "insightfulness.prompts", "guard = sarcasm\n");
	expect_problem(*state, "insightfulness.prompts:", "unknown cue "
	    "'sarcasm'");
}

static void
test_unknown_section(void **state)
{
	fixture_append(*state, "cues.prompts", "[settings]\n");
	expect_problem(*state, "cues.prompts:", "unknown section");
}

static void
test_scale(void **state)
{
	fixture_append(*state, "cues.prompts", "6 = six\n");
	expect_problem(*state, "cues.prompts:", "[scale] takes the keys 1 to 5");
}

static void
test_scale_incomplete(void **state)
{
	fixture_write(*state, "cues.prompts", "[scale]\n1 = one\n");
	expect_problem(*state, "cues.prompts:1:", "no label for 2");
}

/* [define]: named sub-patterns that patterns call as (?&name). */
static void
test_define(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	fixture_append(*state, "cues.prompts", "\n[define]\n"
	    "gap = (?:\\W+\\w+){0,3}\\W+\nwhowhat = (?&who)(?&gap)said\n"
	    "who = (?:staff|patients)\n");
	fixture_append(*state, "insightfulness.prompts",
	    "pattern = \\b(?&whowhat)\\b\nmatch = The patients on ward 7 said so\n"
	    "nomatch = The patients on the big busy ward 7 said so\n");
	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	assert_int_equal(prompts_check_samples(p, &probs), 0);
	prompts_free(p);
}

static void
test_define_errors(void **state)
{
	fixture_append(*state, "cues.prompts", "\n[define]\nbad = (unclosed\n");
	expect_problem(*state, "cues.prompts:", "bad: pattern does not compile");
	fixture_rm(*state);
	*state = fixture_dir();
	fixture_append(*state, "cues.prompts", "\n[define]\nx = a\nx = b\n");
	expect_problem(*state, "cues.prompts:", "'x' is already defined at");
	fixture_rm(*state);
	*state = fixture_dir();
	fixture_append(*state, "integrity.prompts", "pattern = (?&nowhere)x\n");
	expect_problem(*state, "integrity.prompts:", "does not compile");
	fixture_rm(*state);
	*state = fixture_dir();
	fixture_append(*state, "integrity.prompts", "\n[define]\n9lives = x\n");
	expect_problem(*state, "integrity.prompts:", "not '9lives'");
}

/* [plan]: the SMART samples are checked; each key is required once. */
static void
test_plan(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	fixture_append(*state, "plan.prompts", "match = nothing vague\n"
	    "nomatch = do better\n");
	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	assert_int_equal(prompts_check_samples(p, &probs), 2);
	assert_non_null(strstr(probs.msgs[0], "plan.prompts:13: this action "
	    "should be flagged as vague"));
	assert_non_null(strstr(probs.msgs[1], "plan.prompts:14: this action "
	    "should not be flagged as vague, but the pattern at line 10 "
	    "matches \"better\""));
	prompts_problems_free(&probs);
	prompts_free(p);
}

static void
test_plan_errors(void **state)
{
	fixture_write(*state, "plan.prompts", "# nothing\n");
	expect_problem(*state, "no [plan] section in any file", NULL);
	fixture_write(*state, "plan.prompts", "[plan]\nintro = x\n");
	expect_problem(*state, "plan.prompts:1:", "[plan] has no 'ask-due'");
	expect_problem(*state, "plan.prompts:1:", "[plan] has no 'vague'");
	fixture_rm(*state);
	*state = fixture_dir();
	fixture_append(*state, "cues.prompts", "\n[plan]\nintro = again\n");
	expect_problem(*state, "cues.prompts:", "[plan] is already defined at");
	fixture_rm(*state);
	*state = fixture_dir();
	fixture_append(*state, "plan.prompts", "vague = (unclosed\n"
	    "colour = blue\nnudge = twice\n");
	expect_problem(*state, "plan.prompts:13:", "does not compile");
	expect_problem(*state, "plan.prompts:14:", "unknown key 'colour' in "
	    "[plan]");
	expect_problem(*state, "plan.prompts:15:", "'nudge' is given twice");
}

static void
test_invalid_utf8(void **state)
{
	fixture_append(*state, "cues.prompts", "# caf\xe9\n");
	expect_problem(*state, "cues.prompts:", "not valid UTF-8");
}

static void
test_no_files(void **state)
{
	char	*cmd;

	cmd = xasprintf("rm -f %s/*.prompts", (char *)*state);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	expect_problem(*state, "no *.prompts files", NULL);
}

/* Continuation lines join a long value; guard = none removes the cues. */
static void
test_continuation_and_guard(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	int			 i;

	fixture_append(*state, "insightfulness.prompts",
	    "guard = none\n");
	fixture_append(*state, "integrity.prompts", "\n# replaces nothing\n");
	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	i = framework_indicator_find("is.action-plan");
	assert_int_equal(p->indicators[i].set.nguards, 0);
	prompts_free(p);

	fixture_rm(*state);
	*state = fixture_dir();
	fixture_write(*state, "integrity.prompts", "[area]\nid = integrity\n"
	    "title = I\ndimension = person-centred\nsummary = one\n"
	    "    two\n\tthree\nprompt = a\nprompt = b\nprompt = c\n");
	fixture_append(*state, "integrity.prompts", "");
	p = prompts_load(*state, &probs, 1);
	assert_non_null(p);
	i = framework_area_find("integrity");
	assert_string_equal(p->areas[i].summary, "one two three");
	prompts_problems_free(&probs);
	prompts_free(p);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_valid),
		T(test_sample_fails),
		T(test_bad_pattern),
		T(test_unknown_indicator),
		T(test_duplicate_indicator),
		T(test_missing_indicator),
		T(test_wrong_file),
		T(test_malformed_line),
		T(test_unknown_key),
		T(test_wrong_dimension),
		T(test_too_few_prompts),
		T(test_unknown_guard),
		T(test_unknown_section),
		T(test_scale),
		T(test_scale_incomplete),
		T(test_define),
		T(test_define_errors),
		T(test_plan),
		T(test_plan_errors),
		T(test_invalid_utf8),
		T(test_no_files),
		T(test_continuation_and_guard),
	};
#undef T

	return cmocka_run_group_tests_name("prompts", tests, NULL, NULL);
}

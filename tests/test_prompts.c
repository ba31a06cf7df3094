/*
 * test_prompts.c: the prompt-file loader: a valid folder loads; each kind
 * of broken file stops loading with "file:line: reason"; the limits;
 * loading in linear time; [replies] and [readiness]; filling a reply;
 * JIT and the hostile check.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "framework.h"
#include "prompts-check.h"
#include "prompts-load.h"
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
	prompts_file_problems_free(&probs);
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
	assert_int_equal(p->nfiles, 15);
	assert_string_equal(p->plan.ask[PROMPTS_ASK_DUE], "By when?");
	assert_int_equal(p->plan.vague.npats, 1);
	assert_string_equal(p->scale[0], "one");
	assert_string_equal(p->scale[4], "five");
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		assert_non_null(p->areas[i].title);
		assert_int_equal(p->areas[i].nprompts, 3);
	}
	assert_int_equal(p->replies.n[PROMPTS_REPLY_SHOWN], 2);
	assert_string_equal(p->replies.v[PROMPTS_REPLY_SHOWN][1],
	    "Also, that shows {list}.");
	for (i = 0; i < PROMPTS_NREPLY; i++)
		assert_true(p->replies.n[i] >= 1);
	assert_int_equal(p->readiness.min_rating, 3);
	assert_int_equal(p->readiness.min_shown, 2);
	assert_string_equal(p->readiness.none, "Nothing discussed yet.");
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		assert_int_equal(p->readiness.require[i],
		    strcmp(framework_indicators[i].id, "ev.example") == 0);
		assert_string_equal(p->indicators[i].shown + 11,
		    framework_indicators[i].id);
		assert_int_equal(p->indicators[i].set.npats, 1);
		/* Only the default cue guards an indicator with no guard key. */
		assert_int_equal(p->indicators[i].set.nguards, 1);
		assert_string_equal(p->indicators[i].set.guards[0]->name,
		    "negation");
	}
	assert_int_equal(prompts_check_samples(p, &probs), 0);
	assert_int_equal(prompts_check_hostile(p, &probs), 0);
	assert_int_equal(p->jit, 0);
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
	prompts_file_problems_free(&probs);
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
	prompts_file_problems_free(&probs);
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
	p = prompts_load(*state, &probs, PROMPTS_PARTIAL);
	assert_non_null(p);
	i = framework_area_find("integrity");
	assert_string_equal(p->areas[i].summary, "one two three");
	prompts_file_problems_free(&probs);
	prompts_free(p);
}


/* Seconds since t0. */
static double
elapsed(const struct timespec *t0)
{
	struct timespec	t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The integrity area with its three indicators; with_shown 0 leaves
 * in.accountability's shown out (its section starts at line 9). */
static void
write_integrity(const char *dir, int with_shown)
{
	struct buf	 b = { 0 };
	const char	*ids[] = { "in.accountability", "in.follow-through",
	    "in.honesty" };
	char		*text;
	int		 i;

	buf_adds(&b, "[area]\nid = integrity\ntitle = I\ndimension = "
	    "person-centred\nsummary = s\nprompt = a\nprompt = b\n"
	    "prompt = c\n");
	for (i = 0; i < 3; i++) {
		buf_printf(&b, "[indicator %s]\ntitle = t\n", ids[i]);
		if (i > 0 || with_shown)
			buf_adds(&b, "shown = you did it\n");
		buf_printf(&b, "pattern = \\b%s\\b\ngap = g\nprobe = p\n"
		    "match = I did %s\nnomatch = no\n", fixture_word(ids[i]),
		    fixture_word(ids[i]));
	}
	text = buf_take(&b);
	fixture_write(dir, "integrity.prompts", text);
	free(text);
}

/* Every indicator needs the phrase that says it was shown. */
static void
test_shown(void **state)
{
	write_integrity(*state, 0);
	expect_problem(*state, "integrity.prompts:9: in.accountability has "
	    "no 'shown'", NULL);
	write_integrity(*state, 1);
	fixture_append(*state, "integrity.prompts", "shown = again\n");
	expect_problem(*state, "integrity.prompts:", "'shown' is given twice");
}

/* [replies]: placeholders are checked, every key is needed, variants
 * are limited, and the section comes once. */
static void
test_replies(void **state)
{
	struct buf	 b = { 0 };
	char		*text, *path;
	int		 i;

	fixture_append(*state, "replies.prompts", "none = Hi {name}, "
	    "{quote} {gap}\n");
	expect_problem(*state, "replies.prompts:10: unknown placeholder "
	    "'{name}'", NULL);
	fixture_write(*state, "replies.prompts", "[replies]\nshown = x\n"
	    "colour = blue\n");
	expect_problem(*state, "replies.prompts:1: [replies] has no 'none'",
	    NULL);
	expect_problem(*state, "replies.prompts:1: [replies] has no 'low'",
	    NULL);
	expect_problem(*state, "replies.prompts:3: unknown key 'colour' in "
	    "[replies]", NULL);
	fixture_rm(*state);
	*state = fixture_dir();
	for (i = 0; i < PROMPTS_MAX_VARIANTS; i++)
		buf_printf(&b, "next = Variant %d: {suggestion}\n", i);
	text = buf_take(&b);
	fixture_append(*state, "replies.prompts", text);
	free(text);
	expect_problem(*state, "replies.prompts:29: more than 20 variants of "
	    "'next'", NULL);
	fixture_rm(*state);
	*state = fixture_dir();
	fixture_append(*state, "cues.prompts", "\n[replies]\n");
	expect_problem(*state, "replies.prompts:1: [replies] is already "
	    "defined at ", "/cues.prompts:17");
	fixture_rm(*state);
	*state = fixture_dir();
	path = xasprintf("%s/replies.prompts", (char *)*state);
	assert_int_equal(unlink(path), 0);
	free(path);
	expect_problem(*state, "no [replies] section in any file", NULL);
}

/* [readiness]: the rule's numbers and ids are checked. */
static void
test_readiness(void **state)
{
	fixture_write(*state, "readiness.prompts", "[readiness]\n"
	    "min-rating = 0\nmin-shown = 4\nrequire = ev.example, xx.bad\n"
	    "intro = i\nstrengths = s\nthin = t\nnext = n\ntone = warm\n");
	expect_problem(*state, "readiness.prompts:2: min-rating is a whole "
	    "number from 1 to 5, not '0'", NULL);
	expect_problem(*state, "readiness.prompts:3: min-shown is a whole "
	    "number from 0 to 3", NULL);
	expect_problem(*state, "readiness.prompts:4: require names unknown "
	    "indicator 'xx.bad'", NULL);
	expect_problem(*state, "readiness.prompts:9: unknown key 'tone'",
	    NULL);
	expect_problem(*state, "readiness.prompts:1: [readiness] has no "
	    "'none'", NULL);
	fixture_write(*state, "readiness.prompts", "[readiness]\n"
	    "min-rating = 3\nintro = i\nstrengths = s\nthin = t\nnext = n\n"
	    "none = n\nnone = again\n");
	expect_problem(*state, "readiness.prompts:1: [readiness] has no "
	    "'min-shown'", NULL);
	expect_problem(*state, "readiness.prompts:8: 'none' is given twice",
	    NULL);
}

/* aaa.prompts (read first): a cue of n patterns, or n definitions. */
static void
write_many(const char *dir, int defines, int n)
{
	struct buf	 b = { 0 };
	char		*text;
	int		 i;

	buf_adds(&b, defines ? "[define]\n" : "[cue many]\n");
	for (i = 0; i < n; i++) {
		if (defines)
			buf_printf(&b, "d%d = x%d\n", i, i);
		else
			buf_printf(&b, "pattern = \\bword%d\\b\n", i);
	}
	text = buf_take(&b);
	fixture_write(dir, "aaa.prompts", text);
	free(text);
}

/* Past each documented limit, loading fails with file:line. */
static void
test_limits(void **state)
{
	struct buf	 b = { 0 };
	char		*text, *name;
	size_t		 i, line = 1;
	int		 k;

	/* aaa.prompts is read first: its patterns are the first counted. */
	write_many(*state, 0, PROMPTS_MAX_PATTERNS + 1);
	expect_problem(*state, "aaa.prompts:5002: more than 5000 patterns in "
	    "the prompt folder", NULL);
	write_many(*state, 1, PROMPTS_MAX_DEFINES + 1);
	expect_problem(*state, "aaa.prompts:2002: more than 2000 definitions",
	    NULL);

	/* A file past 1 MiB: the line where the limit falls. */
	while (b.len <= PROMPTS_MAX_FILE)
		buf_adds(&b, "# a comment line of some length, to fill the "
		    "file up past its limit.\n");
	for (i = 0; i < PROMPTS_MAX_FILE; i++)
		line += b.data[i] == '\n';
	text = buf_take(&b);
	fixture_write(*state, "aaa.prompts", text);
	free(text);
	text = xasprintf("aaa.prompts:%zu: the file goes past 1024 KiB here",
	    line);
	expect_problem(*state, text, NULL);
	free(text);
	fixture_write(*state, "aaa.prompts", "# nothing\n");

	/* 15 files, and 86 more. */
	for (k = 0; k < PROMPTS_MAX_FILES - 14; k++) {
		name = xasprintf("zz%03d.prompts", k);
		fixture_write(*state, name, "# nothing\n");
		free(name);
	}
	expect_problem(*state, "more than 100 *.prompts files", NULL);
}

/* A value continued over a megabyte of lines loads at once. */
static void
test_continuation_fast(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	struct timespec		 t0;
	struct buf		 b = { 0 };
	char			*text;
	size_t			 n = 0;
	int			 i;

	buf_adds(&b, "[area]\nid = integrity\ntitle = I\ndimension = "
	    "person-centred\nprompt = a\nprompt = b\nprompt = c\n"
	    "summary = one\n");
	while (b.len < PROMPTS_MAX_FILE - 16 * 1024) {
		buf_adds(&b, "    more\n");
		n++;
	}
	text = buf_take(&b);
	fixture_write(*state, "integrity.prompts", text);
	free(text);
	write_integrity(*state, 1);
	fixture_append(*state, "integrity.prompts", "");
	text = NULL;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	p = prompts_load(*state, &probs, 0);
	/* Generous: the old loader took minutes on this; now milliseconds. */
	assert_true(elapsed(&t0) < 5.0);
	assert_non_null(p);
	i = framework_area_find("integrity");
	assert_string_equal(p->areas[i].summary, "s");
	prompts_free(p);

	/* The same continuation in the area that is kept. */
	buf_adds(&b, "[area]\nid = integrity\ntitle = I\ndimension = "
	    "person-centred\nprompt = a\nprompt = b\nprompt = c\n"
	    "summary = one\n");
	for (n = 0; b.len < PROMPTS_MAX_FILE - 16 * 1024; n++)
		buf_adds(&b, "\tmore\n");
	text = buf_take(&b);
	fixture_write(*state, "integrity.prompts", text);
	free(text);
	fixture_append(*state, "integrity.prompts", "[indicator "
	    "in.accountability]\ntitle = t\nshown = s\npattern = x\ngap = g\n"
	    "probe = p\nmatch = x\nnomatch = y\n[indicator in.follow-through]\n"
	    "title = t\nshown = s\npattern = x\ngap = g\nprobe = p\n"
	    "match = x\nnomatch = y\n[indicator in.honesty]\ntitle = t\n"
	    "shown = s\npattern = x\ngap = g\nprobe = p\nmatch = x\n"
	    "nomatch = y\n");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	p = prompts_load(*state, &probs, 0);
	assert_true(elapsed(&t0) < 5.0);
	assert_non_null(p);
	assert_int_equal(strlen(p->areas[i].summary), 3 + n * 5);
	assert_string_equal(p->areas[i].summary + 3 + (n - 1) * 5, " more");
	prompts_free(p);
}

/* Two thousand definitions, each calling the one before, load at once. */
static void
test_defines_fast(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	struct timespec		 t0;
	struct buf		 b = { 0 };
	char			*text;
	int			 i;

	buf_adds(&b, "[define]\nd0 = w0\n");
	for (i = 1; i < PROMPTS_MAX_DEFINES; i++)
		buf_printf(&b, "d%d = (?:w%d|(?&d%d))\n", i, i, i - 1);
	text = buf_take(&b);
	fixture_write(*state, "aaa.prompts", text);
	free(text);
	for (i = 0; i < 4; i++)
		buf_printf(&b, "pattern = \\bqq%d\\s(?&d%d)\\b\n", i,
		    PROMPTS_MAX_DEFINES - 1 - i);
	buf_adds(&b, "match = I say qq3 w1996\nnomatch = I say qq3\n");
	text = buf_take(&b);
	fixture_append(*state, "insightfulness.prompts", text);
	free(text);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	p = prompts_load(*state, &probs, 0);
	/* Generous: the old loader took 14 s on 2,000 short definitions. */
	assert_true(elapsed(&t0) < 5.0);
	assert_non_null(p);
	prompts_check_samples(p, &probs);
	for (i = 0; (size_t)i < probs.n; i++)
		print_message("%s\n", probs.msgs[i]);
	assert_int_equal(probs.n, 0);
	prompts_free(p);

	/* Definitions a pattern calls may come to 64 KiB at most. */
	buf_adds(&b, "[define]\nd0 = w0\n");
	for (i = 1; i < PROMPTS_MAX_DEFINES; i++)
		buf_printf(&b, "d%d = (?:w%d|some longer words here|(?&d%d))\n",
		    i, i, i - 1);
	text = buf_take(&b);
	fixture_write(*state, "aaa.prompts", text);
	free(text);
	fixture_append(*state, "insightfulness.prompts", "pattern = x(?&d0)\n"
	    "pattern = \\b(?&d1999)\\b\n");
	expect_problem(*state, "insightfulness.prompts:53: the definitions "
	    "this pattern calls come to more than 64 KiB", NULL);
}

/* check-prompts finds a pattern that can take exponential time. */
static void
test_hostile(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	fixture_append(*state, "insightfulness.prompts", "pattern = (a+)+$\n");
	fixture_append(*state, "cues.prompts", "\n[cue extra]\n"
	    "pattern = \\bzzz\\b\nstop = (?:\\w+\\s?)+$\n");
	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	assert_int_equal(prompts_check_hostile(p, &probs), 2);
	assert_int_equal(probs.n, 2);
	assert_non_null(strstr(probs.msgs[0], "/insightfulness.prompts:46: "
	    "pattern can take exponential time"));
	assert_non_null(strstr(probs.msgs[1], "/cues.prompts:19: pattern "
	    "can take exponential time"));
	prompts_file_problems_free(&probs);
	prompts_free(p);
}

/* Samples are judged as answers are: normalised, within one sentence. */
static void
test_samples_normalised(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	fixture_append(*state, "insightfulness.prompts",
	    "pattern = \\bzz\\W+yy\\b\n"
	    "nomatch = I didn’t isactionplan\n"
	    "nomatch = It was zz. Yy was next.\n"
	    "match = It was zz, yy was next.\n");
	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	assert_int_equal(prompts_check_samples(p, &probs), 0);
	prompts_free(p);
}

/* Filling a reply: known names replaced once, others left alone. */
static void
test_fill(void **state)
{
	const char	*names[] = { "list", "quote" };
	const char	*values[] = { "you did {quote}", "\"ok\"" };
	char		*s;

	(void)state;
	s = prompts_fill("That shows {list}; {quote} {gap} {} {LIST} {", names,
	    values, 2);
	assert_string_equal(s, "That shows you did {quote}; \"ok\" {gap} {} "
	    "{LIST} {");
	free(s);
	s = prompts_fill("", names, values, 2);
	assert_string_equal(s, "");
	free(s);
}

/* prompts_jit compiles every pattern once. */
static void
test_jit(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	uint32_t		 jit = 0;
	int			 i;

	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	(void)pcre2_config(PCRE2_CONFIG_JIT, &jit);
	prompts_jit(p);
	assert_int_equal(p->jit, 1);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		assert_int_equal(match_pattern_jit(
		    &p->indicators[i].set.pats[0]), jit != 0);
	assert_int_equal(match_pattern_jit(&p->cues[0]->pats[0]), jit != 0);
	assert_int_equal(match_pattern_jit(&p->plan.vague.pats[0]), jit != 0);
	prompts_jit(p);
	assert_int_equal(prompts_check_samples(p, &probs), 0);
	prompts_free(p);
}

/* prompts_jit_some compiles n at a time, in order, until none are left. */
static void
test_jit_some(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	uint32_t		 jit = 0;
	size_t			 total = 0, calls = 0;
	int			 i;

	p = prompts_load(*state, &probs, 0);
	assert_non_null(p);
	(void)pcre2_config(PCRE2_CONFIG_JIT, &jit);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		total += p->indicators[i].set.npats;
	for (i = 0; i < (int)p->ncues; i++)
		total += p->cues[i]->npats + p->cues[i]->nstops;
	total += p->plan.vague.npats;
	/* The fixture has one pattern per indicator: one slice of one
	 * reaches only the first indicator. */
	assert_int_equal(prompts_jit_some(p, 1), 1);
	calls++;
	assert_int_equal(p->indicators[0].set.pats[0].jit_tried, 1);
	assert_int_equal(p->indicators[1].set.pats[0].jit_tried, 0);
	assert_int_equal(p->jit, 0);
	while (prompts_jit_some(p, 2) == 1)
		calls++;
	/* Then two at a time: about half as many calls as patterns. */
	assert_true(calls >= total / 2 - 1 && calls <= total / 2 + 1);
	assert_int_equal(p->jit, 1);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		assert_int_equal(match_pattern_jit(
		    &p->indicators[i].set.pats[0]), jit != 0);
	assert_int_equal(match_pattern_jit(&p->plan.vague.pats[0]), jit != 0);
	assert_int_equal(prompts_jit_some(p, 2), 0);
	assert_int_equal(prompts_check_samples(p, &probs), 0);
	prompts_free(p);
}

/* With PROMPTS_PARTIAL, what loaded is kept despite problems. */
static void
test_partial(void **state)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	fixture_append(*state, "integrity.prompts", "colour = blue\n");
	p = prompts_load(*state, &probs, PROMPTS_PARTIAL);
	assert_non_null(p);
	assert_int_equal(probs.n, 1);
	assert_non_null(strstr(probs.msgs[0], "unknown key 'colour'"));
	assert_non_null(p->indicators[0].title);
	prompts_file_problems_free(&probs);
	prompts_free(p);
	p = prompts_load(*state, &probs, 0);
	assert_null(p);
	prompts_file_problems_free(&probs);
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
		T(test_shown),
		T(test_replies),
		T(test_readiness),
		T(test_limits),
		T(test_continuation_fast),
		T(test_defines_fast),
		T(test_hostile),
		T(test_samples_normalised),
		T(test_fill),
		T(test_jit),
		T(test_jit_some),
		T(test_partial),
	};
#undef T

	return cmocka_run_group_tests_name("prompts", tests, NULL, NULL);
}

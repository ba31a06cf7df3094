/*
 * test_match.c: the PCRE2 matcher: flags, guards (negation), limits,
 * matches within sentences, JIT on demand and the hostile check.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "match.h"
#include "util.h"

static void
compile_ok(struct match_pattern *p, const char *src)
{
	char	*cause = NULL;

	if (match_pattern_compile(p, src, 0, 0, "t.prompts", 7, &cause) != 0)
		fail_msg("%s: %s", src, cause);
}

static int
find(const struct match_pattern *p, const char *text, size_t *s, size_t *e)
{
	char	*cause = NULL;
	int	 rc;

	rc = match_pattern_next(p, text, strlen(text), 0, s, e, &cause);
	free(cause);
	return rc;
}

/* A broken pattern is reported with its byte offset and PCRE2's reason. */
static void
test_compile_error(void **state)
{
	struct match_pattern	 p;
	char			*cause = NULL;

	(void)state;
	assert_int_equal(match_pattern_compile(&p, "(foo", 0, 0, "f", 1, &cause), -1);
	assert_non_null(strstr(cause, "byte 4"));
	assert_non_null(strstr(cause, "missing closing parenthesis"));
	free(cause);
}

/* A pattern that matches the empty string would make every text evidence. */
static void
test_empty_match_rejected(void **state)
{
	struct match_pattern	 p;
	char			*cause = NULL;

	(void)state;
	assert_int_equal(match_pattern_compile(&p, "x*", 0, 0, "f", 1, &cause), -1);
	assert_non_null(strstr(cause, "empty"));
	free(cause);
}

/* Caseless, Unicode-aware, \b at accented letters. */
static void
test_flags(void **state)
{
	struct match_pattern	p;
	size_t			s, e;

	(void)state;
	compile_ok(&p, "\\bco-?design(?:ed|ing)?\\b");
	assert_int_equal(find(&p, "We CO-DESIGNED it", &s, &e), 1);
	assert_int_equal(s, 3);
	assert_int_equal(e, 14);
	assert_int_equal(find(&p, "redesigned", &s, &e), 0);
	match_pattern_free(&p);

	compile_ok(&p, "\\bcafé\\b");
	assert_int_equal(find(&p, "the CAFÉ team", &s, &e), 1);
	assert_int_equal(find(&p, "cafés", &s, &e), 0);
	match_pattern_free(&p);
}

/* Invalid UTF-8 in an answer never stops the match. */
static void
test_invalid_utf8_answer(void **state)
{
	struct match_pattern	p;
	size_t			s, e;
	const char		text[] = "bad \xff\xfe bytes then we piloted it";

	(void)state;
	compile_ok(&p, "\\bpilot(?:ed|ing)?\\b");
	assert_int_equal(find(&p, text, &s, &e), 1);
	assert_string_equal(text + s, "piloted it");
	match_pattern_free(&p);
}

/* The set: one pattern and the negation cue. */
struct guarded {
	struct match_pattern	 pat;
	struct match_cue	 cue;
	struct match_cue	*guards[1];
	struct match_set	 set;
};

static int
guarded_setup(void **state)
{
	struct guarded	*g;

	g = xcalloc(1, sizeof *g);
	compile_ok(&g->pat, "\\binvolv\\w*\\W+(?:the\\W+)?patients?\\b");
	g->cue.name = xstrdup("negation");
	g->cue.pats = xcalloc(1, sizeof *g->cue.pats);
	compile_ok(&g->cue.pats[0], "\\b(?:not|never|no|didn['’]t)\\b");
	g->cue.npats = 1;
	g->cue.stops = xcalloc(1, sizeof *g->cue.stops);
	compile_ok(&g->cue.stops[0], "\\bbut\\b");
	g->cue.nstops = 1;
	g->cue.window = 3;
	g->guards[0] = &g->cue;
	g->set.pats = &g->pat;
	g->set.npats = 1;
	g->set.guards = g->guards;
	g->set.nguards = 1;
	*state = g;
	return 0;
}

static int
guarded_teardown(void **state)
{
	struct guarded	*g = *state;

	match_pattern_free(&g->pat);
	match_cue_free(&g->cue);
	free(g);
	return 0;
}

static int
set_find(struct guarded *g, const char *text, struct match_hit *hit)
{
	char	*cause = NULL;
	int	 rc;

	rc = match_set_find(&g->set, text, strlen(text), hit, &cause);
	free(cause);
	return rc;
}

/* "did not involve patients" is not evidence; later, unguarded words are. */
static void
test_negation(void **state)
{
	struct guarded		*g = *state;
	struct match_hit	 hit;

	assert_int_equal(set_find(g, "We involved patients early.", &hit),
	    MATCH_FOUND);
	assert_int_equal(set_find(g, "We did not involve patients.", &hit),
	    MATCH_GUARDED);
	assert_int_equal(set_find(g, "We didn’t involve patients.", &hit),
	    MATCH_GUARDED);
	assert_int_equal(set_find(g, "We never really properly involved the "
	    "patients.", &hit), MATCH_GUARDED);
	/* Beyond the window of three words the cue no longer reaches. */
	assert_int_equal(set_find(g, "Not once did the whole team fail; we "
	    "involved patients", &hit), MATCH_FOUND);
	assert_int_equal(set_find(g, "No budget at all, but then I involved "
	    "patients", &hit), MATCH_FOUND);
	/* A stop word ends the cue's reach, however near. */
	assert_int_equal(set_find(g, "Not easy, but involving patients helped.",
	    &hit), MATCH_FOUND);
	assert_int_equal(set_find(g, "Not easy, involving patients.", &hit),
	    MATCH_GUARDED);
	/* ...but a nearer cue after the stop word still cancels it. */
	assert_int_equal(set_find(g, "Not easy, but we did not involve "
	    "patients.", &hit), MATCH_GUARDED);
	/* A wrapped line does not end the cue's reach; a blank line does. */
	assert_int_equal(set_find(g, "We did not\ninvolve patients.", &hit),
	    MATCH_GUARDED);
	assert_int_equal(set_find(g, "It is not\n\ninvolving patients.", &hit),
	    MATCH_FOUND);
	/* A full stop ends the cue's reach. */
	assert_int_equal(set_find(g, "It was not easy. Involving patients "
	    "helped.", &hit), MATCH_FOUND);
	/* A guarded match is skipped for a later unguarded one. */
	assert_int_equal(set_find(g, "At first we did not involve patients; "
	    "later we involved patients fully.", &hit), MATCH_FOUND);
	assert_true(hit.start > 30);
}

/* A catastrophic pattern on a hostile answer fails fast, naming file:line. */
static void
test_match_limit(void **state)
{
	struct match_pattern	 p;
	struct timespec		 t0, t1;
	char			*text, *cause = NULL;
	size_t			 s, e, n = 5000;
	double			 secs;
	int			 rc;

	(void)state;
	compile_ok(&p, "^(a+)+$");
	text = xmalloc(n + 2);
	memset(text, 'a', n);
	text[n] = '!';
	text[n + 1] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = match_pattern_next(&p, text, n + 1, 0, &s, &e, &cause);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(cause, "t.prompts:7:"));
	assert_non_null(strstr(cause, "too expensive"));
	/* A generous bound: a hang would take minutes, the limit milliseconds. */
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_true(secs < 5.0);
	free(cause);
	free(text);
	match_pattern_free(&p);
}

/* The interpreter honours the limits too (JIT may be unavailable). */
static void
test_limits_settable(void **state)
{
	struct match_pattern	 p;
	char			*cause = NULL;
	size_t			 s, e;
	const char		*text = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";

	(void)state;
	match_set_limits(1000, 0);
	compile_ok(&p, "(a|aa)+$");
	assert_int_equal(match_pattern_next(&p, text, strlen(text), 0, &s, &e,
	    &cause), -1);
	free(cause);
	match_set_limits(0, 0);
	match_pattern_free(&p);
}


/* Compiling does not JIT; match_pattern_jit_compile does, once. */
static void
test_jit_on_demand(void **state)
{
	struct match_pattern	p;
	size_t			s, e;
	uint32_t		jit = 0;

	(void)state;
	compile_ok(&p, "\\bpilot(?:ed|ing)?\\b");
	assert_int_equal(match_pattern_jit(&p), 0);
	assert_int_equal(p.jit_tried, 0);
	match_pattern_jit_compile(&p);
	assert_int_equal(p.jit_tried, 1);
	(void)pcre2_config(PCRE2_CONFIG_JIT, &jit);
	assert_int_equal(match_pattern_jit(&p), jit != 0);
	match_pattern_jit_compile(&p);
	assert_int_equal(find(&p, "We piloted it", &s, &e), 1);
	assert_int_equal(s, 3);
	assert_int_equal(e, 10);
	match_pattern_free(&p);
	assert_null(p.code);
	assert_int_equal(p.jit_tried, 0);
}

/* A pattern keeps its own literal words, not a prefix's or syntax. */
static void
test_words(void **state)
{
	struct match_pattern	 p;
	char			*cause = NULL;

	(void)state;
	compile_ok(&p, "\\binvolv\\w*\\W+(?:the\\W+)?patients?\\b");
	assert_string_equal(p.words, "involv the patients");
	match_pattern_free(&p);
	compile_ok(&p, "[a-z]{2,5}\\s(?i:x)(?<name>\\d)");
	assert_null(p.words);
	match_pattern_free(&p);
	if (match_pattern_compile(&p, "(?(DEFINE)(?<who>staff|nurses))"
	    "(?&who)\\s+listened", 31, 0, "t", 1, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(p.words, "listened");
	match_pattern_free(&p);
}

/* Exponential patterns are caught; ordinary ones are not. */
static void
test_hostile(void **state)
{
	const char	*bad[] = { "^(a+)+$", "(\\w+\\s?)+$", "(a|aa)+$",
	    "^(?:(?:patients|patient|s)\\s*)+$" };
	const char	*good[] = { "\\bpilot(?:ed|ing)?\\b",
	    "\\binvolv\\w*\\W+(?:the\\W+)?patients?\\b",
	    "(?:[^\\w.!?;]+[\\w'-]+){0,8}[^\\w.!?;]+staff",
	    "\\b(?:\\w+\\s+){2,50}done\\b", "(?:word\\s*)+x" };
	struct match_pattern	p;
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		compile_ok(&p, bad[i]);
		if (!match_pattern_hostile(&p))
			fail_msg("%s is not reported", bad[i]);
		match_pattern_free(&p);
	}
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		compile_ok(&p, good[i]);
		if (match_pattern_hostile(&p))
			fail_msg("%s is reported", good[i]);
		match_pattern_free(&p);
	}
}

/* A match across the end of a sentence is passed over for the next. */
static void
test_within(void **state)
{
	struct guarded		*g = *state;
	struct match_hit	 hit;
	const char		*text = "We involved. Patients came. We "
	    "involved patients.";
	size_t			 ends[] = { 12, 27 };
	char			*cause = NULL;

	assert_int_equal(match_set_find(&g->set, text, strlen(text), &hit,
	    &cause), MATCH_FOUND);
	assert_int_equal(hit.start, 3);
	assert_int_equal(match_set_find_within(&g->set, text, strlen(text),
	    ends, 2, &hit, &cause), MATCH_FOUND);
	assert_int_equal(hit.start, 31);
	assert_int_equal(hit.end, 48);
	assert_int_equal(match_set_find_within(&g->set, text, 27, ends, 1,
	    &hit, &cause), MATCH_NONE);

	/* A cue reaches back no further than the sentence's start. */
	text = "We did not involve patients";
	ends[0] = 10;
	assert_int_equal(match_set_find(&g->set, text, strlen(text), &hit,
	    &cause), MATCH_GUARDED);
	assert_int_equal(match_set_find_within(&g->set, text, strlen(text),
	    ends, 1, &hit, &cause), MATCH_FOUND);
	assert_null(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compile_error),
		cmocka_unit_test(test_empty_match_rejected),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_invalid_utf8_answer),
		cmocka_unit_test_setup_teardown(test_negation, guarded_setup,
		    guarded_teardown),
		cmocka_unit_test(test_match_limit),
		cmocka_unit_test(test_limits_settable),
		cmocka_unit_test(test_jit_on_demand),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test_setup_teardown(test_within, guarded_setup,
		    guarded_teardown),
	};

	return cmocka_run_group_tests_name("match", tests, NULL, NULL);
}

/*
 * test_match_cache.c: compiled patterns kept between runs
 * (match-cache.c, through prompts_load_cached).
 *
 * The prompts loaded through the cache must find exactly what the
 * prompts compiled afresh find, on every sample of the real prompt
 * folder; a cache file that is damaged in any way is ignored whole and
 * written afresh; a changed pattern is compiled afresh alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "fixture.h"
#include "framework.h"
#include "match-cache.h"
#include "prompts-load.h"
#include "prompts.h"
#include "util.h"

struct fx {
	char	*tmp;	/* a folder for cache files */
	char	*cache;
};

static int
setup(void **state)
{
	struct fx	*f = xcalloc(1, sizeof *f);
	char		 tmpl[] = "/tmp/dhcoach-cache-XXXXXX";

	if (mkdtemp(tmpl) == NULL)
		return -1;
	f->tmp = xstrdup(tmpl);
	f->cache = xasprintf("%s/sub/patterns.bin", f->tmp);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*f = *state;
	char		*cmd;

	cmd = xasprintf("rm -rf '%s'", f->tmp);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	free(f->tmp);
	free(f->cache);
	free(f);
	return 0;
}

/* Load dir through the cache at path, which must succeed. */
static struct prompts *
load(const char *dir, const char *path, struct match_cache_stats *st)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	memset(st, 0, sizeof *st);
	p = prompts_load_cached(dir, &probs, 0, path, st);
	if (p == NULL)
		fail_msg("%s: %s", dir, probs.n > 0 ? probs.msgs[0] : "?");
	prompts_file_problems_free(&probs);
	return p;
}

/* Whether a and b find the same in text, indicator by indicator. */
static void
assert_same(const struct prompts *a, const struct prompts *b,
    const char *text)
{
	struct analysis	x, y;
	int		i;

	analyse_run(a, text, strlen(text), &x);
	analyse_run(b, text, strlen(text), &y);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (x.items[i].status != y.items[i].status ||
		    x.items[i].start != y.items[i].start ||
		    x.items[i].end != y.items[i].end ||
		    x.items[i].score != y.items[i].score)
			fail_msg("%s differs on \"%s\"",
			    framework_indicators[i].id, text);
	}
	analyse_free(&x);
	analyse_free(&y);
}

/* Every compiled pattern of a is the same size as b's. */
static size_t
assert_same_sizes(const struct prompts *a, const struct prompts *b)
{
	const struct match_set	*x, *y;
	size_t			 i, k, sa, sb, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		x = &a->indicators[i].set;
		y = &b->indicators[i].set;
		assert_int_equal(x->npats, y->npats);
		for (k = 0; k < x->npats; k++) {
			assert_int_equal(pcre2_pattern_info(x->pats[k].code,
			    PCRE2_INFO_SIZE, &sa), 0);
			assert_int_equal(pcre2_pattern_info(y->pats[k].code,
			    PCRE2_INFO_SIZE, &sb), 0);
			assert_int_equal(sa, sb);
			n++;
		}
	}
	return n;
}

/* The first sample of every indicator, analysed by both. */
static size_t
assert_same_samples(const struct prompts *a, const struct prompts *b)
{
	size_t	i, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (a->indicators[i].nsamples > 0) {
			assert_same(a, b, a->indicators[i].samples[0].text);
			n++;
		}
	}
	return n;
}

static void
flip_byte(const char *path, long at)
{
	FILE	*fp;
	int	 c;

	assert_non_null(fp = fopen(path, "r+b"));
	assert_int_equal(fseek(fp, at, SEEK_SET), 0);
	c = fgetc(fp);
	assert_int_equal(fseek(fp, at, SEEK_SET), 0);
	fputc(c ^ 0x20, fp);
	fclose(fp);
}

/* Cold, then warm: the same findings, and the second compiles nothing. */
static void
test_same_findings(void **state)
{
	struct fx		*f = *state;
	struct prompts_problems	 probs = { 0 };
	struct match_cache_stats st;
	struct prompts		*fresh, *cold, *warm;

	fresh = prompts_load("prompts", &probs, 0);
	assert_non_null(fresh);
	cold = load("prompts", f->cache, &st);
	assert_int_equal(st.read, 0);
	assert_int_equal(st.taken, 0);
	assert_true(st.missed > 900);
	assert_int_equal(st.written, 1);
	warm = load("prompts", f->cache, &st);
	assert_true(st.read > 900);
	assert_int_equal(st.missed, 0);
	assert_true(st.taken >= st.read);
	assert_int_equal(st.written, 0);
	assert_true(assert_same_sizes(fresh, warm) > 900);
	/* JIT changes how fast, never what (the fuzz harness checks it). */
	prompts_jit(fresh);
	prompts_jit(cold);
	prompts_jit(warm);
	assert_true(assert_same_samples(fresh, warm) >= 40);
	assert_true(assert_same_samples(fresh, cold) >= 40);
	prompts_free(fresh);
	prompts_free(cold);
	prompts_free(warm);
}

/*
 * A damaged file, anywhere in it, is ignored whole and written afresh
 * (on the small fixture folder: the real one is checked above).
 */
static void
test_damaged(void **state)
{
	struct fx		*f = *state;
	struct match_cache_stats st;
	struct stat		 sb;
	struct prompts		*p;
	const long		 at[] = { 0, 9, 13, 17, 25, 33, 40, 400, -1 };
	size_t			 i, n;
	char			*dir;

	dir = fixture_dir();
	p = load(dir, f->cache, &st);
	n = st.missed;
	assert_true(n > 40);
	prompts_free(p);
	assert_int_equal(stat(f->cache, &sb), 0);
	for (i = 0; i < sizeof at / sizeof at[0]; i++) {
		flip_byte(f->cache, at[i] >= 0 ? at[i] : sb.st_size - 1);
		p = load(dir, f->cache, &st);
		assert_int_equal(st.read, 0);
		assert_int_equal(st.missed, n);
		assert_int_equal(st.written, 1);
		prompts_free(p);
		p = load(dir, f->cache, &st);
		assert_int_equal(st.missed, 0);
		prompts_free(p);
	}
	/* Cut short, and the last bytes of the code cut off. */
	assert_int_equal(truncate(f->cache, sb.st_size - 1), 0);
	p = load(dir, f->cache, &st);
	assert_int_equal(st.read, 0);
	assert_int_equal(st.written, 1);
	prompts_free(p);
	assert_int_equal(truncate(f->cache, 20), 0);
	p = load(dir, f->cache, &st);
	assert_int_equal(st.read, 0);
	prompts_free(p);
	/* Writable by others: not trusted. */
	assert_int_equal(chmod(f->cache, 0666), 0);
	p = load(dir, f->cache, &st);
	assert_int_equal(st.read, 0);
	prompts_free(p);
	fixture_rm(dir);
}

/* Replace every from by to in dir/file (from and to of one length). */
static void
replace_word(const char *dir, const char *file, const char *from,
    const char *to)
{
	char	*path, *text, *at;
	FILE	*fp;
	long	 len;

	assert_int_equal(strlen(from), strlen(to));
	path = xasprintf("%s/%s", dir, file);
	assert_non_null(fp = fopen(path, "rb"));
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	text = xcalloc(1, (size_t)len + 1);
	assert_int_equal(fread(text, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	for (at = text; (at = strstr(at, from)) != NULL; at += strlen(to))
		memcpy(at, to, strlen(to));
	fixture_write(dir, file, text);
	free(text);
	free(path);
}

/* A changed pattern compiles afresh alone, and finds what it now says. */
static void
test_changed_pattern(void **state)
{
	struct fx		*f = *state;
	struct match_cache_stats st;
	struct prompts		*p;
	struct analysis		 a;
	char			*dir, *text;
	int			 i;

	dir = fixture_dir();
	p = load(dir, f->cache, &st);
	assert_int_equal(st.written, 1);
	prompts_free(p);
	replace_word(dir, "strategic-vision.prompts",
	    fixture_word("sv.big-picture"), "wordnewwords");
	p = load(dir, f->cache, &st);
	assert_true(st.taken > 0);
	assert_int_equal(st.missed, 1);
	assert_int_equal(st.written, 1);
	text = xstrdup("A wordnewwords here.");
	analyse_run(p, text, strlen(text), &a);
	i = framework_indicator_find("sv.big-picture");
	assert_int_equal(a.items[i].status, MATCH_FOUND);
	analyse_free(&a);
	free(text);
	prompts_free(p);
	p = load(dir, f->cache, &st);
	assert_int_equal(st.missed, 0);
	prompts_free(p);
	fixture_rm(dir);
}

/* Nowhere to write the cache: the prompts load all the same. */
static void
test_unwritable(void **state)
{
	struct fx		*f = *state;
	struct match_cache_stats st;
	struct prompts		*p;
	char			*file, *path, *dir;

	file = xasprintf("%s/a-file", f->tmp);
	fixture_write(f->tmp, "a-file", "not a folder\n");
	path = xasprintf("%s/x/patterns.bin", file);
	dir = fixture_dir();
	p = load(dir, path, &st);
	assert_int_equal(st.written, 0);
	assert_true(st.missed > 40);
	prompts_free(p);
	fixture_rm(dir);
	free(path);
	free(file);
}

/* One file per prompt folder, named after its real path. */
static void
test_path(void **state)
{
	char	*a, *b, *c;

	(void)state;
	a = match_cache_path("/c", "prompts");
	b = match_cache_path("/c", "./prompts/");
	c = match_cache_path("/c", "tests");
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strncmp(a, "/c/patterns-", 12), 0);
	free(a);
	free(b);
	free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_findings, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_damaged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_pattern, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unwritable, setup,
		    teardown),
		cmocka_unit_test(test_path),
	};

	return cmocka_run_group_tests_name("match-cache", tests, NULL, NULL);
}

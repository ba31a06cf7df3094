/*
 * bench.c: how fast analysis is, and how it scales with hostile input.
 *
 * Loads the shipped prompts once, then times analyse_run over every
 * corpus answer, over a 500-word statement, and over long hostile
 * answers (repeated letters, no spaces; one word repeated).  Machines
 * here are shared and noisy, so it reports ratios within one run rather
 * than absolute targets, and the peak memory (getrusage).  Not a test:
 * run with "make bench".
 */
#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyse.h"
#include "prompts.h"
#include "util.h"

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seconds per analysis of text, over reps runs. */
static double
bench_time(const struct prompts *p, const char *text, int reps, size_t *warn)
{
	struct analysis	 a;
	double		 t0;
	int		 i;

	t0 = bench_now();
	for (i = 0; i < reps; i++) {
		analyse_run(p, text, strlen(text), &a);
		*warn += a.nwarnings;
		analyse_free(&a);
	}
	return (bench_now() - t0) / reps;
}

static char *
bench_repeat(const char *unit, size_t bytes)
{
	struct buf	b = { 0 };

	while (b.len < bytes)
		buf_adds(&b, unit);
	return buf_take(&b);
}

int
main(int argc, char **argv)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	struct rusage		 ru;
	FILE			*f;
	char			*text, *hostile, *words;
	size_t			 len, warn = 0;
	double			 t_load, t_stmt, t_host, t_words;

	if (argc != 3)
		fatalx("usage: bench PROMPT-DIR STATEMENT-FILE");
	t_load = bench_now();
	if ((p = prompts_load(argv[1], &probs, 0)) == NULL)
		fatalx("cannot load %s", argv[1]);
	t_load = bench_now() - t_load;
	if ((f = fopen(argv[2], "r")) == NULL ||
	    util_read_stream(f, 1 << 20, &text, &len) != 0)
		fatal("%s", argv[2]);
	fclose(f);

	hostile = bench_repeat("a", 100 * 1024);
	words = bench_repeat("patients staff we did not involve ", 100 * 1024);
	t_stmt = bench_time(p, text, 20, &warn);
	t_host = bench_time(p, hostile, 3, &warn);
	t_words = bench_time(p, words, 3, &warn);
	getrusage(RUSAGE_SELF, &ru);

	printf("load prompts:               %8.1f ms\n", t_load * 1e3);
	printf("statement (%zu bytes):      %8.2f ms per analysis\n", len,
	    t_stmt * 1e3);
	printf("100 KiB of one letter:      %8.1f ms (%.0fx the statement)\n",
	    t_host * 1e3, t_host / t_stmt);
	printf("100 KiB of repeated words:  %8.1f ms (%.0fx the statement)\n",
	    t_words * 1e3, t_words / t_stmt);
	printf("per KiB, statement vs words: %.2f vs %.2f ms\n",
	    t_stmt * 1e3 / (len / 1024.0), t_words * 1e3 / 100);
	printf("patterns stopped by limits: %zu\n", warn);
	printf("peak memory:                %8ld KiB\n", ru.ru_maxrss);
	free(text);
	free(hostile);
	free(words);
	prompts_free(p);
	return 0;
}

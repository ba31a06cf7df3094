/*
 * analyse.c: fuzzing analyse_run with the shipped prompts.
 *
 * The input is the text analysed, as `dhcoach analyse` would take it
 * (inputs past ANALYSE_MAX_TEXT are cut there, as the command refuses
 * them).  The prompts are loaded once, from $DHCOACH_PROMPTS or
 * prompts/, twice over: one copy JIT-compiled at the start, one never.
 * A text of at most FUZZ_SAME_MAX bytes is analysed with both and the
 * two must agree; a longer one only with the JIT copy (the interpreter
 * is slow, and past ANALYSE_JIT_MIN analyse_run would JIT-compile the
 * other copy, and the harness keeps no state between inputs).
 * Then every quote and the gist are taken, and the analysis is printed
 * in text, tsv and json.
 *
 * What must hold: every match lies inside the text and ends inside its
 * sentence, starting no earlier than the white space before it; the
 * offset map never leads past the text; counts do not exceed totals;
 * text output carries no control character but the line break; tsv has
 * one line of four fields per indicator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "framework.h"
#include "fuzz.h"
#include "match.h"
#include "prompts-load.h"
#include "prompts.h"
#include "render-analysis.h"
#include "util.h"

/* Texts up to this long are analysed with and without JIT (< JIT_MIN). */
#define FUZZ_SAME_MAX	512

static struct prompts	*fuzz_plain;	/* never JIT-compiled */
static struct prompts	*fuzz_jit;	/* JIT-compiled at the start */

/* Load the shipped prompts, or die naming every problem. */
static struct prompts *
fuzz_load(const char *dir)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	size_t			 i;

	if ((p = prompts_load(dir, &probs, 0)) == NULL) {
		for (i = 0; i < probs.n; i++)
			fprintf(stderr, "%s\n", probs.msgs[i]);
		fatalx("the fuzz harness cannot load the prompts in %s", dir);
	}
	return p;
}

/* Free the prompts at exit. */
static void
fuzz_cleanup(void)
{
	prompts_free(fuzz_plain);
	prompts_free(fuzz_jit);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*dir;

	(void)argc;
	(void)argv;
	if ((dir = getenv("DHCOACH_PROMPTS")) == NULL || *dir == '\0')
		dir = "prompts";
	fuzz_plain = fuzz_load(dir);
	fuzz_jit = fuzz_load(dir);
	prompts_jit(fuzz_jit);
	atexit(fuzz_cleanup);
	return 0;
}

/* What must hold of one analysis of text[0..len). */
static void
fuzz_check_analysis(const struct analysis *a, size_t len)
{
	const struct sentences		*s = &a->sents;
	const struct analysis_item	*it;
	size_t				 k;
	char				*q;
	int				 i, shown, total, sum = 0;

	/* The normalised copy and its way back to the text. */
	FUZZ_CHECK(s->norm != NULL && s->norm[s->len] == '\0');
	for (k = 0; k <= s->len; k++) {
		FUZZ_CHECK(s->map[k] <= len);
		FUZZ_CHECK(k == 0 || s->map[k] >= s->map[k - 1]);
	}
	for (k = 0; k < s->n; k++) {
		FUZZ_CHECK(s->v[k].start <= s->v[k].end);
		FUZZ_CHECK(s->v[k].end <= s->len);
		FUZZ_CHECK(k == 0 || s->v[k].start >= s->v[k - 1].end);
	}

	/* Each match, inside its sentence, and its quote. */
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		it = &a->items[i];
		FUZZ_CHECK(it->status == MATCH_NONE ||
		    it->status == MATCH_GUARDED || it->status == MATCH_FOUND);
		if (it->status != MATCH_NONE) {
			FUZZ_CHECK(it->start <= it->end && it->end <= s->len);
			FUZZ_CHECK(it->sentence < s->n);
			/* (It may start in the white space before it.) */
			FUZZ_CHECK(it->sentence == 0 || it->start >=
			    s->v[it->sentence - 1].end);
			FUZZ_CHECK(it->end <= s->v[it->sentence].end);
		}
		q = analyse_quote(a, i);
		FUZZ_CHECK(it->status == MATCH_FOUND || *q == '\0');
		free(q);
	}
	free(analyse_gist(a));

	/* Counts per area and for the evidence. */
	for (i = -1; i < FRAMEWORK_NAREAS; i++) {
		shown = analyse_count(a, i, &total);
		FUZZ_CHECK(shown >= 0 && shown <= total);
		sum += total;
	}
	FUZZ_CHECK(sum == FRAMEWORK_NINDICATORS);
}

/* Two analyses of one text found the same (when neither hit a limit). */
static void
fuzz_check_same(const struct analysis *a, const struct analysis *b)
{
	int	i;

	if (a->nwarnings > 0 || b->nwarnings > 0)
		return;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		FUZZ_CHECK(a->items[i].status == b->items[i].status);
		if (a->items[i].status == MATCH_NONE)
			continue;
		FUZZ_CHECK(a->items[i].start == b->items[i].start);
		FUZZ_CHECK(a->items[i].end == b->items[i].end);
	}
}

/* Print the analysis in one format into a new string. */
static char *
fuzz_render(const struct analysis *a, enum render_analysis_format fmt,
    int area, size_t *len)
{
	char	*out = NULL;
	FILE	*f;

	if ((f = open_memstream(&out, len)) == NULL)
		fatal("open_memstream");
	render_analysis(f, fmt, a, area, 80);
	if (fclose(f) != 0)
		fatal("open_memstream");
	return out;
}

/* What must hold of the three renderings. */
static void
fuzz_check_render(const struct analysis *a, int area)
{
	char	*out, *line, *next;
	size_t	 len, k, lines = 0, tabs;

	out = fuzz_render(a, RENDER_ANALYSIS_TEXT, area, &len);
	FUZZ_CHECK(strlen(out) == len);
	for (k = 0; k < len; k++)
		FUZZ_CHECK(out[k] == '\n' || ((unsigned char)out[k] >= 0x20 &&
		    out[k] != 0x7f));
	free(out);

	out = fuzz_render(a, RENDER_ANALYSIS_TSV, area, &len);
	FUZZ_CHECK(strlen(out) == len);
	for (line = out; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			FUZZ_CHECK(!"the tsv ends without a line break");
		for (tabs = 0; line < next; line++) {
			tabs += *line == '\t';
			FUZZ_CHECK(*line == '\t' ||
			    (unsigned char)*line >= 0x20);
		}
		FUZZ_CHECK(tabs == 3);
		lines++;
		next++;
	}
	if (area == -1)
		FUZZ_CHECK(lines == FRAMEWORK_NINDICATORS);
	free(out);

	out = fuzz_render(a, RENDER_ANALYSIS_JSON, area, &len);
	FUZZ_CHECK(strlen(out) == len);
	for (k = 0; k < len; k++)
		FUZZ_CHECK(out[k] == '\n' || (unsigned char)out[k] >= 0x20);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct analysis	 a, b;
	char		*text;
	int		 area;

	if (size > ANALYSE_MAX_TEXT)
		size = ANALYSE_MAX_TEXT;
	/* An exact-size copy: reading past the text is caught. */
	text = xmalloc(size > 0 ? size : 1);
	memcpy(text, data, size);

	analyse_run(fuzz_jit, text, size, &a);
	fuzz_check_analysis(&a, size);
	if (size <= FUZZ_SAME_MAX) {
		analyse_run(fuzz_plain, text, size, &b);
		fuzz_check_analysis(&b, size);
		fuzz_check_same(&a, &b);
		analyse_free(&b);
	}

	/* All areas, and one picked by the text. */
	fuzz_check_render(&a, -1);
	area = size > 0 ? data[0] % FRAMEWORK_NAREAS : 0;
	fuzz_check_render(&a, area);
	analyse_free(&a);
	free(text);
	return 0;
}

/*
 * corpus.c: precision and recall of the matching on labelled answers.
 *
 * Loads a prompt folder once, then reads corpus files of records
 *
 *	=== ID
 *	present: IDS          (indicator ids, or "-" for none)
 *	---
 *	the answer's text, up to the next "=== " line
 *
 * (other header lines, such as "area:", are ignored), analyses every
 * answer as dhcoach analyse does, and prints, for all the files together,
 *
 *	corpus NAME: N answers, M indicator judgements: precision P,
 *	recall R, F1 F (tp TP, fp FP, fn FN)
 *
 * on one line, as tests/corpus-eval printed it when it ran the program
 * once per answer.  With -v, every disagreement and then the false
 * positives and negatives of each indicator.  Exits 1 when a threshold
 * given with -t (precision and recall), -f (F1) or -m (answers) is not
 * reached, 2 on bad usage, an unreadable file or a bad record.  With
 * -i N, also how many of the indicators with at least N positives have
 * F1 below 0.5 (a count, naming none).  Always, how many of the answers
 * labelled as showing nothing (generic self-descriptions, hopes) the
 * matching credits with anything: a count, naming none.
 *
 *	corpus [-v] [-p DIR] [-n NAME] [-t MIN] [-f MIN] [-m N] [-i N] FILE...
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "framework.h"
#include "prompts-load.h"
#include "prompts.h"
#include "records.h"
#include "util.h"

struct corpus {
	const struct prompts	*prompts;
	int			 verbose;
	int			 answers;
	int			 tp, fp, fn;
	int			 tpi[FRAMEWORK_NINDICATORS];
	int			 fpi[FRAMEWORK_NINDICATORS];
	int			 fni[FRAMEWORK_NINDICATORS];
	int			 empty;		/* answers with no evidence */
	int			 empty_credited;	/* ... that got some */
};

/* Judge one answer against what its record says is present. */
static void
corpus_judge(void *ctx, const char *id, const char *text, size_t len,
    const int *want)
{
	struct corpus	*c = ctx;
	struct analysis	a;
	size_t		w;
	int		i, got, wanted = 0, credited = 0;

	analyse_run(c->prompts, text, len, &a);
	for (w = 0; w < a.nwarnings; w++)
		fprintf(stderr, "corpus: %s: %s\n", id, a.warnings[w]);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		got = analyse_shown(&a, i);
		wanted += want[i] != 0;
		credited += got != 0;
		if (want[i] && got) {
			c->tp++;
			c->tpi[i]++;
		}
		else if (got) {
			c->fp++;
			c->fpi[i]++;
			if (c->verbose)
				printf("  false + %s %s\n", id,
				    framework_indicators[i].id);
		} else if (want[i]) {
			c->fn++;
			c->fni[i]++;
			if (c->verbose)
				printf("  false - %s %s\n", id,
				    framework_indicators[i].id);
		}
	}
	if (wanted == 0) {
		c->empty++;
		c->empty_credited += credited > 0;
	}
	c->answers++;
	analyse_free(&a);
}

/*
 * How many indicators with at least min_pos positives have F1 below
 * 0.5: a count, naming none (blind sets show pooled figures only).
 */
static void
corpus_weak(const struct corpus *c, const char *name, int min_pos)
{
	double	p, r, f;
	int	i, pos, n = 0, weak = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if ((pos = c->tpi[i] + c->fni[i]) < min_pos)
			continue;
		n++;
		p = c->tpi[i] + c->fpi[i] > 0 ?
		    (double)c->tpi[i] / (c->tpi[i] + c->fpi[i]) : 0;
		r = (double)c->tpi[i] / pos;
		f = p + r > 0 ? 2 * p * r / (p + r) : 0;
		weak += f < 0.5;
	}
	printf("corpus %s: %d of the %d indicators with at least %d "
	    "positives have F1 below 0.50\n", name, weak, n, min_pos);
}

/* Print the figures; returns 1 when a threshold is not reached. */
static int
corpus_report(const struct corpus *c, const char *name, double min_pr,
    double min_f1, int min_answers, int min_pos)
{
	double	p, r, f;
	int	i, below;

	p = c->tp + c->fp > 0 ? (double)c->tp / (c->tp + c->fp) : 0;
	r = c->tp + c->fn > 0 ? (double)c->tp / (c->tp + c->fn) : 0;
	f = p + r > 0 ? 2 * p * r / (p + r) : 0;
	printf("corpus %s: %d answers, %d indicator judgements: precision "
	    "%.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d)\n", name,
	    c->answers, c->answers * FRAMEWORK_NINDICATORS, p, r, f, c->tp,
	    c->fp, c->fn);
	for (i = 0; c->verbose && i < FRAMEWORK_NINDICATORS; i++) {
		if (c->fpi[i] > 0)
			printf("  fp %-22s %d\n", framework_indicators[i].id,
			    c->fpi[i]);
	}
	for (i = 0; c->verbose && i < FRAMEWORK_NINDICATORS; i++) {
		if (c->fni[i] > 0)
			printf("  fn %-22s %d\n", framework_indicators[i].id,
			    c->fni[i]);
	}
	if (min_pos > 0)
		corpus_weak(c, name, min_pos);
	if (c->empty > 0)
		printf("corpus %s: %d of the %d answers that show no evidence "
		    "(generic, hopes) are credited with some\n", name,
		    c->empty_credited, c->empty);
	below = p < min_pr || r < min_pr || f < min_f1 ||
	    c->answers < min_answers;
	if (below)
		printf("corpus %s: below the threshold (precision and recall "
		    "%.2f, F1 %.2f, %d answers)\n", name, min_pr, min_f1,
		    min_answers);
	return below;
}

/* Say how to run the program, and leave with status 2. */
static void
corpus_usage(void)
{
	fprintf(stderr, "usage: corpus [-v] [-p DIR] [-n NAME] [-t MIN] "
	    "[-f MIN] [-m N] [-i N] FILE...\n");
	exit(2);
}

/* Load the prompts once, judge every file's answers, print the figures. */
int
main(int argc, char **argv)
{
	struct corpus		 c = { 0 };
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	const char		*dir = getenv("DHCOACH_PROMPTS"), *name = "given";
	double			 min_pr = 0, min_f1 = 0;
	int			 ch, i, min_answers = 0, min_pos = 0, rc = 0;
	size_t			 k;

	while ((ch = getopt(argc, argv, "f:i:m:n:p:t:v")) != -1) {
		switch (ch) {
		case 'f':
			min_f1 = atof(optarg);
			break;
		case 'i':
			min_pos = atoi(optarg);
			break;
		case 'm':
			min_answers = atoi(optarg);
			break;
		case 'n':
			name = optarg;
			break;
		case 'p':
			dir = optarg;
			break;
		case 't':
			min_pr = atof(optarg);
			break;
		case 'v':
			c.verbose = 1;
			break;
		default:
			corpus_usage();
		}
	}
	if (optind == argc)
		corpus_usage();
	if ((p = prompts_load(dir != NULL && *dir != '\0' ? dir : "prompts",
	    &probs, 0)) == NULL) {
		for (k = 0; k < probs.n; k++)
			fprintf(stderr, "corpus: %s\n", probs.msgs[k]);
		prompts_file_problems_free(&probs);
		return 2;
	}
	/* Many answers in one run: JIT pays at once. */
	prompts_jit(p);
	c.prompts = p;
	for (i = optind; i < argc && rc == 0; i++) {
		if (records_read(argv[i], corpus_judge, &c) != 0)
			rc = 2;
	}
	if (rc == 0)
		rc = corpus_report(&c, name, min_pr, min_f1, min_answers,
		    min_pos);
	prompts_free(p);
	return rc;
}

/*
 * model-train.c: learn the [weights] of prompts/weights.prompts from
 * labelled corpora.
 *
 *	model-train -p DIR -o FILE [-k FOLDS] [-n MAX] FILE...
 *
 * Every answer of the corpus files (tests/records.h) is analysed with
 * the prompts of DIR as they are, weights left out: what counts is
 * whether each indicator's patterns matched, and the features (feature.h)
 * of the answer's sentences that no [model] skip cue touches, exactly
 * as analyse.c computes them.  For each indicator, a logistic regression
 * (L2-regularised, full-batch gradient descent) learns a weight for the
 * pattern match and for every feature seen in at least MINDF answers.
 * The cut-off is chosen by cross-validation: the answers are split into
 * FOLDS parts, each scored by a model learned on the others, and the
 * threshold that gives the best F1 over every indicator of every
 * held-out answer is kept (folded into the bias, so that "shown" is a
 * score above 0).  As analyse.c uses them, the weights only add to the
 * patterns: an indicator is shown when a pattern matched or the score
 * is above 0, and the threshold is chosen for that.  That is also done for each choice of skip cues
 * (none; generic; generic and hedge), and the best is written.  Only
 * the MAX largest weights of each indicator are kept, so that a person
 * can read them.  The cross-validated figures are printed: they are the
 * honest estimate on the tuning data, not on blind writing.
 *
 * Only tuning corpora may be given: never a blind set.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "feature.h"
#include "framework.h"
#include "prompts-load.h"
#include "prompts.h"
#include "records.h"
#include "util.h"

#define TRAIN_MINDF	3	/* answers a feature must be seen in */
#define TRAIN_EPOCHS	800
#define TRAIN_L2	0.01
#define TRAIN_RATE	0.5

static int	train_epochs = TRAIN_EPOCHS;
static double	train_l2 = TRAIN_L2;
static int	train_mindf = TRAIN_MINDF;
static int	train_real;	/* choose the threshold on real writing */
#define TRAIN_SEED	20261203u

/* One answer: its labels, pattern matches and feature indexes. */
struct train_doc {
	char			*id;
	char			*text;
	size_t			 len;
	int			 want[FRAMEWORK_NINDICATORS];
	int			 pat[FRAMEWORK_NINDICATORS];
	struct feature_set	 fs;	/* the features, as strings */
	int			*x;	/* their vocabulary indexes */
	size_t			 nx;
	int			 fold;
	int			 real;	/* real writing (a numeric id) */
};

struct train {
	struct prompts		*p;
	struct train_doc	*docs;
	size_t			 ndocs;
	char			**vocab;	/* sorted */
	size_t			 nvocab;
	int			 folds;
};

/* Keep one record. */
static void
train_record(void *ctx, const char *id, const char *text, size_t len,
    const int *want)
{
	struct train		*t = ctx;
	struct train_doc	*d;

	t->docs = xreallocarray(t->docs, t->ndocs + 1, sizeof *t->docs);
	d = &t->docs[t->ndocs++];
	memset(d, 0, sizeof *d);
	d->id = xstrdup(id);
	d->text = xstrndup(text, len);
	d->len = len;
	d->real = id[0] >= '0' && id[0] <= '9';
	memcpy(d->want, want, sizeof d->want);
}

/* Analyse every answer with the current skip cues: patterns and features. */
static void
train_analyse(struct train *t)
{
	struct analysis	a;
	size_t		k;
	int		i;

	for (k = 0; k < t->ndocs; k++) {
		analyse_run(t->p, t->docs[k].text, t->docs[k].len, &a);
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
			t->docs[k].pat[i] = a.items[i].pattern;
		feature_set_free(&t->docs[k].fs);
		analyse_features(&a, &t->docs[k].fs);
		analyse_free(&a);
	}
}

/* Compare strings for qsort and bsearch. */
static int
train_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The vocabulary: features seen in at least TRAIN_MINDF answers. */
static void
train_vocab(struct train *t)
{
	struct feature_set	 all = { 0 };
	size_t			 k, j, run;
	char			*f;
	const char		**hit;

	for (k = 0; k < t->nvocab; k++)
		free(t->vocab[k]);
	free(t->vocab);
	t->vocab = NULL;
	t->nvocab = 0;
	for (k = 0; k < t->ndocs; k++) {
		for (j = 0; j < t->docs[k].fs.n; j++)
			feature_put(&all, t->docs[k].fs.v[j]);
	}
	if (all.n > 1)
		qsort(all.v, all.n, sizeof *all.v, train_cmp);
	for (k = 0; k < all.n; k += run) {
		for (run = 1; k + run < all.n && strcmp(all.v[k],
		    all.v[k + run]) == 0; run++)
			;
		if ((int)run >= train_mindf) {
			t->vocab = xreallocarray(t->vocab, t->nvocab + 1,
			    sizeof *t->vocab);
			t->vocab[t->nvocab++] = xstrdup(all.v[k]);
		}
	}
	feature_set_free(&all);
	for (k = 0; k < t->ndocs; k++) {
		free(t->docs[k].x);
		t->docs[k].x = xcalloc(t->docs[k].fs.n + 1, sizeof (int));
		t->docs[k].nx = 0;
		for (j = 0; j < t->docs[k].fs.n; j++) {
			f = t->docs[k].fs.v[j];
			hit = bsearch(&f, t->vocab, t->nvocab, sizeof *t->vocab,
			    train_cmp);
			if (hit != NULL)
				t->docs[k].x[t->docs[k].nx++] =
				    (int)((char **)hit - t->vocab);
		}
	}
}

/* The score of answer d under weights w (w[nvocab] is the pattern's, then the bias). */
static double
train_score(const struct train *t, const struct train_doc *d, int i,
    const double *w)
{
	double	s = w[t->nvocab + 1];
	size_t	j;

	if (d->pat[i])
		s += w[t->nvocab];
	for (j = 0; j < d->nx; j++)
		s += w[d->x[j]];
	return s;
}

/*
 * Learn indicator i's weights from the answers not in fold skip (-1:
 * all): full-batch gradient descent with Adagrad step sizes, the L2
 * pull on every weight but the bias.
 */
static void
train_fit(const struct train *t, int i, int skip, double *w)
{
	const struct train_doc	*d;
	double			*g, *h, p, err;
	size_t			 k, j, n = t->nvocab + 2;
	int			 e, used = 0;

	memset(w, 0, n * sizeof *w);
	g = xcalloc(n, sizeof *g);
	h = xcalloc(n, sizeof *h);
	for (k = 0; k < t->ndocs; k++)
		used += t->docs[k].fold != skip;
	for (e = 0; e < train_epochs; e++) {
		memset(g, 0, n * sizeof *g);
		for (k = 0; k < t->ndocs; k++) {
			d = &t->docs[k];
			if (d->fold == skip)
				continue;
			p = 1 / (1 + exp(-train_score(t, d, i, w)));
			err = p - d->want[i];
			for (j = 0; j < d->nx; j++)
				g[d->x[j]] += err;
			if (d->pat[i])
				g[t->nvocab] += err;
			g[t->nvocab + 1] += err;
		}
		for (j = 0; j < n; j++) {
			g[j] /= used;
			if (j != n - 1)
				g[j] += train_l2 * w[j];
			h[j] += g[j] * g[j];
			if (h[j] > 0)
				w[j] -= TRAIN_RATE * g[j] / sqrt(h[j]);
		}
	}
	free(g);
	free(h);
}

/* Scores of every answer, each from a model that did not learn from it. */
static double *
train_cross(const struct train *t)
{
	double	*oof, *w;
	size_t	 k;
	int	 i, f;

	oof = xcalloc(t->ndocs * FRAMEWORK_NINDICATORS, sizeof *oof);
	w = xcalloc(t->nvocab + 2, sizeof *w);
	for (f = 0; f < t->folds; f++) {
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			train_fit(t, i, f, w);
			for (k = 0; k < t->ndocs; k++) {
				if (t->docs[k].fold == f)
					oof[k * FRAMEWORK_NINDICATORS + i] =
					    train_score(t, &t->docs[k], i, w);
			}
		}
	}
	free(w);
	return oof;
}

/* F1 of scores over threshold th, on all answers or the real ones. */
static double
train_f1(const struct train *t, const double *oof, double th, int real,
    double *pp, double *rr)
{
	size_t	k;
	int	i, tp = 0, fp = 0, fn = 0, got;
	double	p, r;

	for (k = 0; k < t->ndocs; k++) {
		if (real && !t->docs[k].real)
			continue;
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			/* A pattern match always counts (analyse.c). */
			got = t->docs[k].pat[i] ||
			    oof[k * FRAMEWORK_NINDICATORS + i] > th;
			tp += got && t->docs[k].want[i];
			fp += got && !t->docs[k].want[i];
			fn += !got && t->docs[k].want[i];
		}
	}
	p = tp + fp > 0 ? (double)tp / (tp + fp) : 0;
	r = tp + fn > 0 ? (double)tp / (tp + fn) : 0;
	if (pp != NULL)
		*pp = p;
	if (rr != NULL)
		*rr = r;
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* The threshold with the best cross-validated F1 over all answers. */
static double
train_threshold(const struct train *t, const double *oof, double *best)
{
	double	th, f, bestth = 0;

	*best = -1;
	for (th = -3; th <= 3; th += 0.05) {
		if ((f = train_f1(t, oof, th, train_real, NULL, NULL)) > *best) {
			*best = f;
			bestth = th;
		}
	}
	return bestth;
}

/* Order weights by size, largest first. */
static int
train_weight_cmp(const void *a, const void *b)
{
	double	x = fabs(((const struct prompts_weight *)a)->w);
	double	y = fabs(((const struct prompts_weight *)b)->w);

	return x < y ? 1 : x > y ? -1 : strcmp(
	    ((const struct prompts_weight *)a)->feature,
	    ((const struct prompts_weight *)b)->feature);
}

/* Write indicator i's section from weights w, at most max features. */
static void
train_write_one(FILE *f, const struct train *t, int i, const double *w,
    double th, size_t max)
{
	struct prompts_weight	*v;
	size_t			 k, n = 0;

	v = xcalloc(t->nvocab + 1, sizeof *v);
	for (k = 0; k < t->nvocab; k++) {
		if (fabs(w[k]) < 0.01)
			continue;
		v[n].feature = t->vocab[k];
		v[n++].w = w[k];
	}
	qsort(v, n, sizeof *v, train_weight_cmp);
	fprintf(f, "\n[weights %s]\nbias = %.3f\npattern = %.3f\n",
	    framework_indicators[i].id, w[t->nvocab + 1] - th, w[t->nvocab]);
	for (k = 0; k < n && k < max; k++)
		fprintf(f, "feature = %s %.3f\n", v[k].feature, v[k].w);
	free(v);
}

/* Write the whole weights file. */
static int
train_write(const char *path, const struct train *t, double th,
    const char *const *skips, size_t max)
{
	double	*w;
	FILE	*f;
	int	 i;

	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		return -1;
	}
	fprintf(f, "# dhcoach prompt file: the learned weights of every "
	    "indicator.\n#\n# Made by 'make model' (tests/model-train.c) "
	    "from the tuning corpora only;\n# see dhcoach-prompts(5) for "
	    "what each line means.  Edit by hand if you\n# like, but 'make "
	    "model' writes the file afresh.\n\n[model]\n");
	for (i = 0; skips[i] != NULL; i++)
		fprintf(f, "skip = %s\n", skips[i]);
	w = xcalloc(t->nvocab + 2, sizeof *w);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		train_fit(t, i, -1, w);
		train_write_one(f, t, i, w, th, max);
	}
	free(w);
	return fclose(f) == 0 ? 0 : -1;
}

/* Set the prompts' skip cues to the names given (NULL-terminated). */
static void
train_skips(struct train *t, const char *const *names)
{
	size_t	i, n = 0;
	int	k;

	free(t->p->skip);
	t->p->skip = NULL;
	for (k = 0; names[k] != NULL; k++) {
		for (i = 0; i < t->p->ncues; i++) {
			if (strcmp(t->p->cues[i]->name, names[k]) != 0)
				continue;
			t->p->skip = xreallocarray(t->p->skip, n + 1,
			    sizeof *t->p->skip);
			t->p->skip[n++] = t->p->cues[i];
		}
	}
	t->p->nskip = n;
}

/* Shuffle the answers into folds, the same every run. */
static void
train_folds(struct train *t)
{
	unsigned	s = TRAIN_SEED;
	size_t		k, j, *order;
	int		f;

	order = xcalloc(t->ndocs, sizeof *order);
	for (k = 0; k < t->ndocs; k++)
		order[k] = k;
	for (k = t->ndocs; k > 1; k--) {
		s = s * 1103515245u + 12345u;
		j = (s >> 8) % k;
		f = (int)order[k - 1];
		order[k - 1] = order[j];
		order[j] = (size_t)f;
	}
	for (k = 0; k < t->ndocs; k++)
		t->docs[order[k]].fold = (int)(k % (size_t)t->folds);
	free(order);
}

/* Try each choice of skip cues; the best choice's threshold and F1. */
static int
train_choose(struct train *t, const char *const *const *choices,
    double *bestth)
{
	double	*oof, th, f, best = -1, p, r, fr;
	int	 c, bestc = 0;

	for (c = 0; choices[c] != NULL; c++) {
		train_skips(t, choices[c]);
		train_analyse(t);
		train_vocab(t);
		oof = train_cross(t);
		th = train_threshold(t, oof, &f);
		fr = train_f1(t, oof, th, 1, &p, &r);
		printf("skip %s%s: %zu features; cross-validated F1 %.3f (all), "
		    "real writing P %.3f R %.3f F1 %.3f\n", choices[c][0] ?
		    choices[c][0] : "none", choices[c][0] && choices[c][1] ?
		    " and more" : "", t->nvocab, f, p, r, fr);
		if (f > best) {
			best = f;
			bestc = c;
			*bestth = th;
		}
		free(oof);
	}
	return bestc;
}

int
main(int argc, char **argv)
{
	static const char *const	 none[] = { NULL };
	static const char *const	 generic[] = { "generic", NULL };
	static const char *const	 hedged[] = { "generic", "hedge", NULL };
	static const char *const *const	 choices[] = { none, generic, hedged,
	    NULL };
	struct prompts_problems		 probs = { 0 };
	struct train			 t = { 0 };
	const char			*dir = "prompts", *out = NULL;
	double				 th = 0;
	size_t				 max = 400;
	int				 opt, c, k, only = -1;

	t.folds = 5;
	while ((opt = getopt(argc, argv, "p:o:k:n:e:l:d:s:R")) != -1) {
		switch (opt) {
		case 'p': dir = optarg; break;
		case 'o': out = optarg; break;
		case 'k': t.folds = atoi(optarg); break;
		case 'n': max = (size_t)atoi(optarg); break;
		case 'e': train_epochs = atoi(optarg); break;
		case 'l': train_l2 = atof(optarg); break;
		case 'd': train_mindf = atoi(optarg); break;
		case 's': only = atoi(optarg); break;
		case 'R': train_real = 1; break;
		default:
			fprintf(stderr, "usage: model-train -p DIR -o FILE [-k "
			    "FOLDS] [-n MAX] FILE...\n");
			return 2;
		}
	}
	if (out == NULL || optind == argc || t.folds < 2)
		return 2;
	if ((t.p = prompts_load(dir, &probs, 0)) == NULL) {
		fprintf(stderr, "model-train: %s: cannot load the prompts\n",
		    dir);
		return 2;
	}
	t.p->unweighted = 1;
	for (k = optind; k < argc; k++) {
		if (records_read(argv[k], train_record, &t) != 0)
			return 2;
	}
	train_folds(&t);
	printf("model-train: %zu answers\n", t.ndocs);
	if (only >= 0) {
		const char *const *const one[] = { choices[only], NULL };

		train_choose(&t, one, &th);
		c = only;
	} else
		c = train_choose(&t, choices, &th);
	train_skips(&t, choices[c]);
	train_analyse(&t);
	train_vocab(&t);
	if (train_write(out, &t, th, choices[c], max) != 0)
		return 1;
	printf("model-train: wrote %s (threshold %.2f)\n", out, th);
	prompts_free(t.p);
	return 0;
}

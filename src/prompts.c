/*
 * prompts.c: the loaded prompts: filling a reply's placeholders,
 * JIT-compiling the patterns, freeing, and where the folder is (see
 * prompts.h).  Loading is prompts-load.c's.
 *
 * Invariants: freeing follows the ownership of prompts.h exactly: a
 * struct prompts owns every string and pattern reachable from it, and
 * its cues once each (match sets only point at them).  JIT compilation
 * runs once per struct prompts, and only changes how fast patterns run.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "prompts-file.h"
#include "prompts.h"
#include "util.h"

#ifndef DHCOACH_DATADIR
#define DHCOACH_DATADIR "/usr/local/share/dhcoach"
#endif

/* The placeholders a reply may hold, in the order of prompts.h. */
static const char *const prompts_placeholders[] = {
	"list", "quote", "gap", "suggestion", "area", "rating", "shown",
	"total"
};

/* Whether name[0..len) is a placeholder the coach fills in. */
int
prompts_placeholder(const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < sizeof prompts_placeholders /
	    sizeof prompts_placeholders[0]; i++) {
		if (strlen(prompts_placeholders[i]) == len &&
		    strncmp(name, prompts_placeholders[i], len) == 0)
			return 1;
	}
	return 0;
}

/* Free what an indicator owns and zero it; see prompts.h. */
void
prompts_indicator_clear(struct prompts_indicator *ind)
{
	size_t	i;

	free(ind->title);
	free(ind->shown);
	free(ind->gap);
	prompts_file_free_strings(ind->probes, ind->nprobes);
	match_set_free(&ind->set);
	for (i = 0; i < ind->nsamples; i++)
		free(ind->samples[i].text);
	free(ind->samples);
	for (i = 0; i < ind->weights.n; i++)
		free(ind->weights.v[i].feature);
	free(ind->weights.v);
	memset(ind, 0, sizeof *ind);
}

/* Free what the [plan] section owns and zero it. */
static void
prompts_plan_clear(struct prompts_plan *pl)
{
	size_t	i;

	free(pl->intro);
	free(pl->offer);
	free(pl->nudge);
	for (i = 0; i < PROMPTS_NASK; i++)
		free(pl->ask[i]);
	match_set_free(&pl->vague);
	for (i = 0; i < pl->nsamples; i++)
		free(pl->samples[i].text);
	free(pl->samples);
	memset(pl, 0, sizeof *pl);
}

/*
 * JIT-compile up to *left of the patterns pats[0..n) not yet tried,
 * counting them off *left.
 */
static void
prompts_jit_pats(struct match_pattern *pats, size_t n, size_t *left)
{
	size_t	i;

	for (i = 0; i < n && *left > 0; i++) {
		if (pats[i].jit_tried)
			continue;
		match_pattern_jit_compile(&pats[i]);
		(*left)--;
	}
}

/* JIT-compile up to n patterns not yet tried; see prompts.h. */
int
prompts_jit_some(struct prompts *p, size_t n)
{
	size_t	i, left = n;

	if (p->jit)
		return 0;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		prompts_jit_pats(p->indicators[i].set.pats,
		    p->indicators[i].set.npats, &left);
	for (i = 0; i < p->ncues; i++) {
		prompts_jit_pats(p->cues[i]->pats, p->cues[i]->npats, &left);
		prompts_jit_pats(p->cues[i]->stops, p->cues[i]->nstops, &left);
	}
	prompts_jit_pats(p->plan.vague.pats, p->plan.vague.npats, &left);
	if (left > 0)
		p->jit = 1;
	return !p->jit;
}

/* JIT-compile every pattern once; see prompts.h. */
void
prompts_jit(struct prompts *p)
{
	(void)prompts_jit_some(p, SIZE_MAX);
}

/* Fill a reply's placeholders; see prompts.h. */
char *
prompts_fill(const char *tmpl, const char *const *names,
    const char *const *values, size_t n)
{
	struct buf	 b = { 0 };
	const char	*s, *open, *close;
	size_t		 i, len;

	for (s = tmpl; (open = strchr(s, '{')) != NULL; s = close) {
		buf_add(&b, s, open - s);
		close = open + 1;
		while (islower((unsigned char)*close))
			close++;
		len = close - open - 1;
		for (i = 0; *close == '}' && i < n; i++) {
			if (strlen(names[i]) == len &&
			    strncmp(open + 1, names[i], len) == 0)
				break;
		}
		if (*close == '}' && i < n) {
			buf_adds(&b, values[i]);
			close++;
		} else {
			buf_addc(&b, '{');
			close = open + 1;
		}
	}
	buf_adds(&b, s);
	return buf_take(&b);
}

/* Free everything the prompts own. */
void
prompts_free(struct prompts *p)
{
	struct prompts_readiness	*r;
	size_t				 i;

	if (p == NULL)
		return;
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		free(p->areas[i].title);
		free(p->areas[i].summary);
		prompts_file_free_strings(p->areas[i].prompts,
		    p->areas[i].nprompts);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		prompts_indicator_clear(&p->indicators[i]);
	for (i = 0; i < p->ncues; i++) {
		match_cue_free(p->cues[i]);
		free(p->cues[i]);
	}
	free(p->cues);
	free(p->skip);
	for (i = 0; i < PROMPTS_SCALE; i++)
		free(p->scale[i]);
	prompts_plan_clear(&p->plan);
	for (i = 0; i < PROMPTS_NREPLY; i++)
		prompts_file_free_strings(p->replies.v[i], p->replies.n[i]);
	r = &p->readiness;
	free(r->intro);
	free(r->strengths);
	free(r->thin);
	free(r->next);
	free(r->none);
	prompts_file_free_strings(p->files, p->nfiles);
	free(p->dir);
	free(p);
}

/* Whether path is a folder holding the shipped cues file. */
static int
prompts_is_folder(const char *path)
{
	struct stat	 st;
	char		*cues;
	int		 ok;

	cues = xasprintf("%s/cues%s", path, PROMPTS_SUFFIX);
	ok = stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	    access(cues, R_OK) == 0;
	free(cues);
	return ok;
}

/* Choose the prompt folder; see prompts.h. */
char *
prompts_find_dir(const char *opt)
{
	char		 exe[PATH_MAX], *slash, *tree;
	const char	*env;
	ssize_t		 n;

	if (opt != NULL)
		return xstrdup(opt);
	if ((env = getenv("DHCOACH_PROMPTS")) != NULL && *env != '\0')
		return xstrdup(env);

	/* Run from the source tree: the prompts beside the binary. */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			tree = xasprintf("%s/prompts", exe);
			if (prompts_is_folder(tree))
				return tree;
			free(tree);

			/* Installed: PREFIX/bin/dhcoach, PREFIX/share/dhcoach. */
			tree = xasprintf("%s/../share/dhcoach/prompts", exe);
			if (prompts_is_folder(tree))
				return tree;
			free(tree);
		}
	}
	return xstrdup(DHCOACH_DATADIR "/prompts");
}

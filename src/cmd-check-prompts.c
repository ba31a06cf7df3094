/*
 * cmd-check-prompts.c: "dhcoach check-prompts": check a prompt folder.
 *
 * Loads every file (keeping what loads despite problems, so that the
 * samples can still be run), runs every embedded sample through its
 * patterns, and every pattern against hostile strings, and lists every
 * problem as "file:line: reason".
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "prompts-check.h"
#include "prompts-load.h"
#include "prompts.h"
#include "util.h"

/* Print the problems and count the samples and patterns. */
static void
cmd_check_prompts_report(const struct prompts *p,
    const struct prompts_problems *probs, size_t *nsamples, size_t *npats)
{
	size_t	i;

	fflush(stdout);
	for (i = 0; i < probs->n; i++)
		fprintf(stderr, "%s\n", probs->msgs[i]);
	*nsamples = *npats = 0;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		*nsamples += p->indicators[i].nsamples;
		*npats += p->indicators[i].set.npats;
	}
}

/* dhcoach check-prompts [DIR] */
static int
cmd_check_prompts_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	size_t			 bad, nsamples, npats, i;
	char			*dir;
	int			 rc;

	dir = args->argc > 0 ? xstrdup(args->argv[0]) :
	    prompts_find_dir(ctx->prompts_dir);
	p = prompts_load(dir, &probs, PROMPTS_PARTIAL);
	if (p == NULL) {
		for (i = 0; i < probs.n; i++)
			fprintf(stderr, "%s\n", probs.msgs[i]);
		prompts_file_problems_free(&probs);
		rc = err_set(e, ERR_PROMPTS, "the prompt files in %s could not "
		    "be loaded", dir);
		free(dir);
		return rc;
	}
	free(dir);
	bad = probs.n + prompts_check_samples(p, &probs);
	bad += prompts_check_hostile(p, &probs);
	cmd_check_prompts_report(p, &probs, &nsamples, &npats);
	if (bad > 0)
		rc = err_set(e, ERR_PROMPTS, "%s: %zu problem%s (%zu samples "
		    "checked)", p->dir, bad, bad == 1 ? "" : "s", nsamples);
	else {
		printf("%s: %zu files, %zu patterns, %zu samples: all good\n",
		    p->dir, p->nfiles, npats, nsamples);
		rc = cmd_finish(e);
	}
	prompts_file_problems_free(&probs);
	prompts_free(p);
	return rc;
}

const struct cmd_entry cmd_check_prompts_entry = {
	"check-prompts", "[DIR]",
	"check the prompt files: every pattern and sample",
	NULL, 0, 1, 0, cmd_check_prompts_exec, NULL
};

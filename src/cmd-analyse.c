/*
 * cmd-analyse.c: "dhcoach analyse" and "dhcoach check-prompts".
 *
 * analyse reads one answer or a whole written statement and reports, for
 * each skill area, the evidence it shows and the gaps; check-prompts
 * loads a prompt folder and runs every embedded sample.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "cmd.h"
#include "framework.h"
#include "prompts.h"
#include "report.h"
#include "util.h"

/* Read the answer from path ("-" or NULL: standard input). */
static int
cmd_analyse_read(const char *path, char **text, size_t *len)
{
	FILE	*f = stdin;
	int	 rc;

	if (path != NULL && strcmp(path, "-") != 0) {
		if ((f = fopen(path, "r")) == NULL) {
			cmd_warn("analyse: cannot read '%s': %s", path,
			    strerror(errno));
			return CMD_EXIT_INPUT;
		}
	} else if (isatty(STDIN_FILENO))
		fprintf(stderr, "Type or paste your answer, then press Ctrl-D "
		    "on a new line.\n");
	rc = util_read_stream(f, ANALYSE_MAX_TEXT, text, len);
	if (rc != 0) {
		cmd_warn("analyse: cannot read '%s': %s",
		    f == stdin ? "standard input" : path,
		    errno == EFBIG ? "longer than 1 MiB" : strerror(errno));
	}
	if (f != stdin)
		fclose(f);
	if (rc != 0)
		return CMD_EXIT_INPUT;
	if (util_is_blank(*text, *len)) {
		cmd_warn("analyse: the answer is empty: write a few sentences "
		    "about what you did");
		free(*text);
		return CMD_EXIT_INPUT;
	}
	return CMD_EXIT_OK;
}

/* dhcoach analyse [--area ID|all] [--format text|tsv|json] [FILE|-] */
int
cmd_analyse_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		CMD_COMMON_LONGOPTS
	};
	struct analysis		 a;
	struct prompts		*p;
	enum report_format	 fmt = REPORT_TEXT;
	size_t			 i, len;
	char			*text;
	int			 opt, rc, done, area = -1;

	optind = 0;	/* glibc: 0 restarts the scan, with permutation */
	while ((opt = getopt_long(argc, argv, "a:f:h", longopts,
	    NULL)) != -1) {
		if ((rc = cmd_common_option(ctx, opt, &done)) != -1) {
			if (done)
				return rc;
			continue;
		}
		switch (opt) {
		case 'a':
			if (strcmp(optarg, "all") == 0)
				area = -1;
			else if ((area = framework_area_find(optarg)) == -1)
				return cmd_usage_error("analyse: unknown area "
				    "'%s' (see 'dhcoach --help')", optarg);
			break;
		case 'f':
			if (report_format_parse(optarg, &fmt) != 0)
				return cmd_usage_error("analyse: unknown format "
				    "'%s' (text, tsv or json)", optarg);
			break;
		}
	}
	if (argc - optind > 1)
		return cmd_usage_error("analyse: one answer file at a time");

	if ((p = cmd_load_prompts(ctx, NULL)) == NULL)
		return CMD_EXIT_PROMPTS;
	if ((rc = cmd_analyse_read(argv[optind], &text, &len)) != CMD_EXIT_OK) {
		prompts_free(p);
		return rc;
	}
	analyse_run(p, text, len, &a);
	for (i = 0; i < a.nwarnings; i++)
		cmd_warn("%s", a.warnings[i]);
	report_analysis(stdout, fmt, &a, area, cmd_width());
	rc = cmd_finish_output();
	analyse_free(&a);
	free(text);
	prompts_free(p);
	return rc;
}

/* dhcoach check-prompts [DIR] */
int
cmd_check_prompts_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = { CMD_COMMON_LONGOPTS };
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	size_t			 i, bad, loadbad, nsamples = 0, npats = 0;
	char			*dir;
	int			 opt, rc, done;

	optind = 0;	/* glibc: 0 restarts the scan, with permutation */
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if ((rc = cmd_common_option(ctx, opt, &done)) != -1 && done)
			return rc;
	}
	if (argc - optind > 1)
		return cmd_usage_error("check-prompts: one folder at a time");

	dir = argv[optind] != NULL ? xstrdup(argv[optind]) :
	    prompts_find_dir(ctx->prompts_dir);
	p = prompts_load(dir, &probs, 1);
	free(dir);
	if (p == NULL) {
		for (i = 0; i < probs.n; i++)
			fprintf(stderr, "%s\n", probs.msgs[i]);
		prompts_problems_free(&probs);
		return CMD_EXIT_PROMPTS;
	}
	loadbad = probs.n;
	bad = loadbad + prompts_check_samples(p, &probs);
	for (i = 0; i < probs.n; i++)
		fprintf(stderr, "%s\n", probs.msgs[i]);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		nsamples += p->indicators[i].nsamples;
		npats += p->indicators[i].set.npats;
	}
	if (bad > 0)
		cmd_warn("%s: %zu problems (%zu samples checked)", p->dir,
		    bad, nsamples);
	else
		printf("%s: %zu files, %zu patterns, %zu samples: all good\n",
		    p->dir, p->nfiles, npats, nsamples);
	prompts_problems_free(&probs);
	prompts_free(p);
	rc = cmd_finish_output();
	return bad > 0 ? CMD_EXIT_PROMPTS : rc;
}

/*
 * cmd-analyse.c: "dhcoach analyse": the evidence and gaps in a written
 * answer or statement.
 *
 * The text is read whole (at most ANALYSE_MAX_TEXT bytes), checked to
 * be text (no NUL byte, valid UTF-8 control characters aside), then
 * analysed against every indicator and rendered.  It never opens the
 * database.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "cmd.h"
#include "render-analysis.h"
#include "text.h"
#include "util.h"

static const struct cmd_option cmd_analyse_options[] = {
	{ 'a', "area", "ID|all", "only this skill area (every area: all)" },
	{ 'f', "format", "FMT", "text (the default), tsv or json" },
	{ 0, NULL, NULL, NULL }
};

/* Read the answer from path ("-" or NULL: standard input). */
static int
cmd_analyse_read(const char *path, char **text, size_t *len, struct err *e)
{
	const char	*name = path != NULL && strcmp(path, "-") != 0 ? path :
	    "standard input";
	FILE		*f = stdin;
	int		 rc;

	if (f == stdin && path != NULL && strcmp(path, "-") != 0 &&
	    (f = fopen(path, "r")) == NULL)
		return err_set(e, ERR_INPUT, "cannot read '%s': %s", path,
		    strerror(errno));
	if (f == stdin && isatty(STDIN_FILENO))
		fprintf(stderr, "Type or paste your answer, then press Ctrl-D "
		    "on a new line.\n");
	rc = util_read_stream(f, ANALYSE_MAX_TEXT, text, len);
	if (rc != 0)
		err_set(e, ERR_INPUT, "cannot read %s: %s", name,
		    errno == EFBIG ? "it is longer than 1 MiB" :
		    strerror(errno));
	if (f != stdin)
		fclose(f);
	if (rc != 0)
		return -1;
	if (text_check(*text, *len, ANALYSE_MAX_TEXT, "answer", 1, ERR_INPUT,
	    e) != 0) {
		free(*text);
		return err_prefix(e, "%s", name);
	}
	return 0;
}

/* dhcoach analyse [--area ID|all] [--format text|tsv|json] [FILE|-] */
static int
cmd_analyse_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	enum render_analysis_format	 fmt = RENDER_ANALYSIS_TEXT;
	struct analysis			 a;
	struct prompts			*p;
	const char			*v;
	char				*text;
	size_t				 i, len;
	int				 area = -1, rc;

	if ((v = cmd_arg(args, 'a')) != NULL && cmd_area(v, 1, &area, e) != 0)
		return -1;
	if ((v = cmd_arg(args, 'f')) != NULL &&
	    render_analysis_format_parse(v, &fmt) != 0)
		return err_set(e, ERR_USAGE, "there is no format '%s' "
		    "(text, tsv or json)", v);
	if (cmd_prompts(ctx, 0, &p, e) != 0)
		return -1;
	if (cmd_analyse_read(args->argc > 0 ? args->argv[0] : NULL, &text,
	    &len, e) != 0) {
		prompts_free(p);
		return -1;
	}
	analyse_run(p, text, len, &a);
	for (i = 0; i < a.nwarnings; i++)
		fprintf(stderr, "%s: %s\n", PROGNAME, a.warnings[i]);
	render_analysis(stdout, fmt, &a, area, cmd_width());
	rc = cmd_finish(e);
	analyse_free(&a);
	free(text);
	prompts_free(p);
	return rc;
}

const struct cmd_entry cmd_analyse_entry = {
	"analyse", "[--area ID|all] [--format text|tsv|json] [FILE|-]",
	"show the evidence and the gaps in a written answer",
	cmd_analyse_options, 0, 1, 0, cmd_analyse_exec, NULL
};

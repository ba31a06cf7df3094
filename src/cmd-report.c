/*
 * cmd-report.c: "dhcoach progress" and "dhcoach report".
 *
 * progress shows, per skill area, how the self-rating and the number of
 * the area's indicators that the answers showed moved from the first
 * session that visited the area to the latest: a trend such as
 * "2 > 3 > 4" and a bar of the latest.  Each session counts on its own
 * (a session is a fresh look), and "-" marks a session with no rating,
 * or with a rating but no answer.
 *
 * report writes the one document a candidate hands a mentor: per area
 * explored, the latest self-rating, the evidence shown over all
 * sessions (each indicator with the candidate's latest words for it),
 * the gaps that remain with their suggestions, and any calibration note
 * (coach_calibration); then the quality of evidence over all answers,
 * the areas not explored yet, and the whole action plan.  As Markdown
 * that reads as plain text, or as one JSON document with the same
 * content, the plan in it built by SQLite (store_plan_json).
 *
 * Both read the database only; one that does not exist yet is not
 * created just to say that it is empty.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "coach.h"
#include "framework.h"
#include "json.h"
#include "plan.h"
#include "prompts.h"
#include "store.h"
#include "util.h"

/* Cells of the bars. */
#define CMD_REPORT_BAR		10
/* The most sessions a trend shows: the first, "...", then the latest. */
#define CMD_REPORT_TREND	8

enum cmd_report_format {
	CMD_REPORT_MD,
	CMD_REPORT_JSON
};

/* What the database holds, gathered once. */
struct cmd_report_data {
	struct store_visit	*visits;
	size_t			 nvisits;
	size_t			 nsessions;
	struct plan_list	 plan;
	char			*plan_json;
	char			 today[PLAN_DATE_LEN];
};

/* One area's evidence over every session. */
struct cmd_report_area {
	int	 explored;
	int	 rating;	/* the latest given, or 0 */
	int	 shown[FRAMEWORK_NINDICATORS];
	char	*quotes[FRAMEWORK_NINDICATORS];
	int	 nshown;	/* of the area's own indicators */
	int	 total;
};

/* Open the database for reading: *s NULL (and OK) when there is none yet. */
static int
cmd_report_open(struct cmd_ctx *ctx, struct store **s)
{
	struct stat	 sb;
	char		*path;
	int		 missing;

	*s = NULL;
	path = ctx->db_path != NULL ? xstrdup(ctx->db_path) :
	    store_default_path();
	missing = lstat(path, &sb) != 0 && errno == ENOENT;
	free(path);
	if (missing)
		return CMD_EXIT_OK;
	return cmd_open_store(ctx, s);
}

/* Free what the gathered data holds. */
static void
cmd_report_data_free(struct cmd_report_data *d)
{
	free(d->visits);
	plan_list_free(&d->plan);
	free(d->plan_json);
}

/* Gather the visits (and, with plan, the plan); CMD_EXIT_OK or a status. */
static int
cmd_report_gather(const char *what, struct store *s,
    struct cmd_report_data *d, int plan, int json)
{
	struct store_plan_filter	 f;
	char				*cause = NULL;
	size_t				 i;
	int				 rc;

	memset(&f, 0, sizeof f);
	if (plan_today(d->today) != 0)
		cmd_warn("DHCOACH_TODAY is not a date (YYYY-MM-DD): using "
		    "today's");
	if (s == NULL)
		return CMD_EXIT_OK;
	if (store_visits(s, &d->visits, &d->nvisits, &cause) != 0 ||
	    (plan && store_plan_list(s, &f, &d->plan, &cause) != 0) ||
	    (plan && json && store_plan_json(s, &d->plan_json, &cause) != 0)) {
		cmd_warn("%s: %s", what, cause);
		free(cause);
		rc = cmd_store_status(store_last_error(s));
		return rc == CMD_EXIT_OK ? CMD_EXIT_DB : rc;
	}
	for (i = 0; i < d->nvisits; i++) {
		if (i == 0 || d->visits[i].session != d->visits[i - 1].session)
			d->nsessions++;
	}
	return CMD_EXIT_OK;
}

/* How many of area's own indicators a visit showed. */
static int
cmd_report_count(const struct store_visit *v, int *total)
{
	int	i, n = 0, t = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != v->area)
			continue;
		t++;
		n += v->shown[i];
	}
	if (total != NULL)
		*total = t;
	return n;
}

/* Add a trend of values ("-" for -1) to b, eliding the middle of a long one. */
static void
cmd_report_trend(struct buf *b, const int *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (n > CMD_REPORT_TREND && i > 0 &&
		    i < n - (CMD_REPORT_TREND - 2)) {
			if (i == 1)
				buf_adds(b, " > ...");
			continue;
		}
		if (i > 0)
			buf_adds(b, " > ");
		if (v[i] < 0)
			buf_addc(b, '-');
		else
			buf_printf(b, "%d", v[i]);
	}
}

/* Print one area's progress; returns 0 when it was never visited. */
static int
cmd_report_progress_area(const struct prompts *p,
    const struct cmd_report_data *d, int area)
{
	const struct store_visit	*v;
	struct buf			 b = { 0 };
	int				*ratings, *shown;
	size_t				 i, n = 0;
	int				 total = 0, last = -1, nrated = 0;

	ratings = xreallocarray(NULL, d->nvisits + 1, sizeof *ratings);
	shown = xreallocarray(NULL, d->nvisits + 1, sizeof *shown);
	for (i = 0; i < d->nvisits; i++) {
		v = &d->visits[i];
		if (v->area != area)
			continue;
		ratings[n] = v->rating != 0 ? v->rating : -1;
		nrated += v->rating != 0;
		shown[n] = v->nanswers > 0 ? cmd_report_count(v, &total) : -1;
		if (shown[n] >= 0)
			last = shown[n];
		cmd_report_count(v, &total);
		n++;
	}
	if (n > 0) {
		printf("\n%s (%zu session%s)\n", p->areas[area].title, n,
		    n == 1 ? "" : "s");
		buf_adds(&b, "  self-rating  ");
		if (nrated == 0)
			buf_adds(&b, "not given yet");
		else
			cmd_report_trend(&b, ratings, n);
		printf("%s\n", b.data);
		buf_free(&b);
		buf_adds(&b, "  evidence     ");
		if (last == -1)
			buf_adds(&b, "no answers yet");
		else {
			cmd_report_trend(&b, shown, n);
			buf_printf(&b, " of %d  ", total);
			coach_bar(&b, last, total, CMD_REPORT_BAR);
		}
		printf("%s\n", b.data);
		buf_free(&b);
	}
	free(ratings);
	free(shown);
	return n > 0;
}

/* dhcoach progress [--area ID] */
int
cmd_progress_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "area", required_argument, NULL, 'a' },
		CMD_COMMON_LONGOPTS
	};
	struct cmd_report_data	 d;
	struct prompts		*p = NULL;
	struct store		*s = NULL;
	struct buf		 b = { 0 };
	int			 opt, rc, done, area = -1, i, nshown = 0;

	memset(&d, 0, sizeof d);
	optind = 0;	/* glibc: 0 restarts the scan, with permutation */
	while ((opt = getopt_long(argc, argv, "a:h", longopts, NULL)) != -1) {
		if ((rc = cmd_common_option(ctx, opt, &done)) != -1) {
			if (done)
				return rc;
			continue;
		}
		if (opt == 'a' && strcmp(optarg, "all") != 0 &&
		    (area = plan_area_parse(optarg)) == -1)
			return cmd_usage_error("progress: unknown area '%s' "
			    "(see 'dhcoach --help')", optarg);
	}
	if (argc - optind > 0)
		return cmd_usage_error("progress: unexpected '%s'",
		    argv[optind]);

	if ((p = cmd_load_prompts(ctx, NULL)) == NULL)
		return CMD_EXIT_PROMPTS;
	if ((rc = cmd_report_open(ctx, &s)) != CMD_EXIT_OK ||
	    (rc = cmd_report_gather("progress", s, &d, 0, 0)) != CMD_EXIT_OK)
		goto out;

	if (d.nsessions == 0) {
		printf("No sessions yet: run dhcoach to start your first, and "
		    "your progress will show here.\n");
		rc = cmd_finish_output();
		goto out;
	}
	printf("Your progress over %zu session%s, from the first to the "
	    "latest in each area.\nEvidence counts the area's indicators your "
	    "answers showed in each session;\n\"-\" marks a session without a "
	    "rating or without an answer.\n", d.nsessions,
	    d.nsessions == 1 ? "" : "s");
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (area != -1 && i != area)
			continue;
		if (cmd_report_progress_area(p, &d, i)) {
			nshown++;
			continue;
		}
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "Not explored yet: ",
		    p->areas[i].title);
	}
	if (area != -1 && nshown == 0) {
		fputc('\n', stdout);
		buf_free(&b);
		buf_printf(&b, "You have not explored %s in a session yet: "
		    "'dhcoach --area %s' starts there.", p->areas[area].title,
		    framework_areas[area].id);
		util_wrap(stdout, b.data, 0, 0, cmd_width());
	} else if (b.len > 0) {
		fputc('\n', stdout);
		buf_printf(&b, ".");
		util_wrap(stdout, b.data, 0, 2, cmd_width());
	}
	buf_free(&b);
	rc = cmd_finish_output();
out:
	cmd_report_data_free(&d);
	store_close(s);
	prompts_free(p);
	return rc;
}

/* Gather an area's evidence over every session; the quotes come from the store. */
static int
cmd_report_area(struct store *s, const struct cmd_report_data *d, int area,
    struct cmd_report_area *ra, char **cause)
{
	const struct store_visit	*v;
	size_t				 i;
	int				 j;

	memset(ra, 0, sizeof *ra);
	for (i = 0; i < d->nvisits; i++) {
		v = &d->visits[i];
		if (area != -1 && v->area != area)
			continue;
		ra->explored = 1;
		if (v->rating != 0)
			ra->rating = v->rating;
		for (j = 0; j < FRAMEWORK_NINDICATORS; j++)
			ra->shown[j] |= v->shown[j];
	}
	for (j = 0; j < FRAMEWORK_NINDICATORS; j++) {
		if (framework_indicators[j].area != (area == -1 ?
		    FRAMEWORK_EVIDENCE : area)) {
			ra->shown[j] = 0;
			continue;
		}
		ra->total++;
		ra->nshown += ra->shown[j];
	}
	if (s == NULL || !ra->explored)
		return 0;
	return store_quotes(s, area, ra->quotes, cause);
}

/* Free an area's quotes. */
static void
cmd_report_area_free(struct cmd_report_area *ra)
{
	int	j;

	for (j = 0; j < FRAMEWORK_NINDICATORS; j++)
		free(ra->quotes[j]);
}

/* The calibration note of an area (a new string), or NULL. */
static char *
cmd_report_calibration(const struct prompts *p, int area,
    const struct cmd_report_area *ra)
{
	struct coach_area	c;
	struct buf		b = { 0 };
	int			j;

	coach_area_init(&c, p, area);
	c.rating = ra->rating;
	for (j = 0; j < FRAMEWORK_NINDICATORS; j++)
		c.shown[j] = ra->shown[j];
	if (!coach_calibration(&b, &c))
		return NULL;
	return buf_take(&b);
}

/* The indicator's quote, or a placeholder when none was kept. */
static const char *
cmd_report_quote(const struct cmd_report_area *ra, int j)
{
	return ra->quotes[j] != NULL ? ra->quotes[j] : "(no words kept)";
}

/* Print a Markdown list item or paragraph, wrapped at 80 columns. */
static void
cmd_report_md_wrap(FILE *f, const char *lead, const char *text,
    const char *tail, int indent)
{
	struct buf	b = { 0 };

	buf_adds(&b, lead);
	plan_md_escape(&b, text);
	buf_adds(&b, tail);
	util_wrap(f, b.data, 0, indent, 80);
	buf_free(&b);
}

/* Print an area's (or, for -1, the quality of evidence's) shown and gaps as Markdown. */
static void
cmd_report_md_items(FILE *f, const struct prompts *p, int area,
    const struct cmd_report_area *ra)
{
	char	*lead;
	int	 j, want = area == -1 ? FRAMEWORK_EVIDENCE : area;

	if (ra->nshown > 0) {
		fputs("\nShown, in your words:\n\n", f);
		for (j = 0; j < FRAMEWORK_NINDICATORS; j++) {
			if (framework_indicators[j].area != want ||
			    !ra->shown[j])
				continue;
			lead = xasprintf("- %s: \"", p->indicators[j].title);
			cmd_report_md_wrap(f, lead, cmd_report_quote(ra, j),
			    "\"", 2);
			free(lead);
		}
	}
	if (ra->nshown < ra->total) {
		fputs("\nStill to show:\n\n", f);
		for (j = 0; j < FRAMEWORK_NINDICATORS; j++) {
			if (framework_indicators[j].area != want ||
			    ra->shown[j])
				continue;
			lead = xasprintf("- %s: ", p->indicators[j].title);
			cmd_report_md_wrap(f, lead, p->indicators[j].gap, "",
			    2);
			free(lead);
		}
	}
}

/* Print the report as Markdown. */
static int
cmd_report_md(FILE *f, struct store *s, const struct prompts *p,
    const struct cmd_report_data *d)
{
	struct cmd_report_area	 ra;
	struct buf		 b = { 0 }, notyet = { 0 };
	char			*cause = NULL, *note, when[64];
	size_t			 i;
	int			 area, open = 0, overdue = 0;

	plan_date_long(d->today, when, sizeof when);
	fputs("# Digital leadership: evidence and action plan\n\n", f);
	buf_printf(&b, "Prepared with dhcoach on %s, from %zu coaching "
	    "session%s. Ratings are your own, from 1 to 5; evidence is what "
	    "your answers showed, in your own words.", when, d->nsessions,
	    d->nsessions == 1 ? "" : "s");
	util_wrap(f, b.data, 0, 0, 80);
	buf_free(&b);

	for (area = 0; area < FRAMEWORK_NAREAS; area++) {
		if (cmd_report_area(s, d, area, &ra, &cause) != 0)
			goto fail;
		if (!ra.explored) {
			buf_printf(&notyet, "%s%s", notyet.len > 0 ? ", " : "",
			    p->areas[area].title);
			continue;
		}
		fprintf(f, "\n## %s\n\n", p->areas[area].title);
		if (ra.rating != 0)
			fprintf(f, "- Self-rating: %d of 5 (the latest you "
			    "gave)\n", ra.rating);
		else
			fputs("- Self-rating: not given yet\n", f);
		coach_bar(&b, ra.nshown, ra.total, CMD_REPORT_BAR);
		fprintf(f, "- Evidence: %d of %d shown %s\n", ra.nshown,
		    ra.total, b.data);
		buf_free(&b);
		cmd_report_md_items(f, p, area, &ra);
		if ((note = cmd_report_calibration(p, area, &ra)) != NULL) {
			fputc('\n', f);
			cmd_report_md_wrap(f, "Calibration: ", note, "", 0);
			free(note);
		}
		cmd_report_area_free(&ra);
	}

	/* The quality of evidence, over every answer. */
	if (cmd_report_area(s, d, -1, &ra, &cause) != 0)
		goto fail;
	if (ra.explored) {
		coach_bar(&b, ra.nshown, ra.total, CMD_REPORT_BAR);
		fprintf(f, "\n## Quality of evidence, over all your answers\n\n"
		    "- Shown: %d of %d %s\n", ra.nshown, ra.total, b.data);
		buf_free(&b);
		cmd_report_md_items(f, p, -1, &ra);
	}
	cmd_report_area_free(&ra);
	if (notyet.len > 0) {
		fputs("\n## Not explored yet\n\n", f);
		buf_adds(&notyet, ".");
		util_wrap(f, notyet.data, 0, 0, 80);
	}
	buf_free(&notyet);

	/* The plan. */
	for (i = 0; i < d->plan.n; i++) {
		open += !d->plan.v[i].done;
		overdue += plan_overdue(&d->plan.v[i], d->today);
	}
	fputs("\n## Action plan\n\n", f);
	if (d->plan.n > 0)
		fprintf(f, "%zu action%s: %d open (%d overdue), %zu done.\n\n",
		    d->plan.n, d->plan.n == 1 ? "" : "s", open, overdue,
		    d->plan.n - (size_t)open);
	plan_render_md(f, &d->plan, d->today);
	return CMD_EXIT_OK;

fail:
	buf_free(&notyet);
	cmd_warn("report: %s", cause);
	free(cause);
	return cmd_store_status(store_last_error(s));
}

/* Print an area's (or the quality of evidence's) items as JSON members. */
static void
cmd_report_json_items(FILE *f, const struct prompts *p, int area,
    const struct cmd_report_area *ra)
{
	int	j, first = 1, want = area == -1 ? FRAMEWORK_EVIDENCE : area;

	fprintf(f, "\"shown\":%d,\"total\":%d,\"evidence\":[", ra->nshown,
	    ra->total);
	for (j = 0; j < FRAMEWORK_NINDICATORS; j++) {
		if (framework_indicators[j].area != want || !ra->shown[j])
			continue;
		fprintf(f, "%s{\"id\":", first ? "" : ",");
		json_put_str(f, framework_indicators[j].id);
		fputs(",\"title\":", f);
		json_put_str(f, p->indicators[j].title);
		fputs(",\"quote\":", f);
		if (ra->quotes[j] != NULL)
			json_put_str(f, ra->quotes[j]);
		else
			fputs("null", f);
		fputc('}', f);
		first = 0;
	}
	fputs("],\"gaps\":[", f);
	first = 1;
	for (j = 0; j < FRAMEWORK_NINDICATORS && ra->explored; j++) {
		if (framework_indicators[j].area != want || ra->shown[j])
			continue;
		fprintf(f, "%s{\"id\":", first ? "" : ",");
		json_put_str(f, framework_indicators[j].id);
		fputs(",\"title\":", f);
		json_put_str(f, p->indicators[j].title);
		fputs(",\"suggestion\":", f);
		json_put_str(f, p->indicators[j].gap);
		fputc('}', f);
		first = 0;
	}
	fputc(']', f);
}

/* Print the report as one JSON document. */
static int
cmd_report_json(FILE *f, struct store *s, const struct prompts *p,
    const struct cmd_report_data *d)
{
	struct cmd_report_area	 ra;
	char			*cause = NULL, *note;
	int			 area;

	fprintf(f, "{\"prepared\":\"%s\",\"sessions\":%zu,\"areas\":[",
	    d->today, d->nsessions);
	for (area = 0; area < FRAMEWORK_NAREAS; area++) {
		if (cmd_report_area(s, d, area, &ra, &cause) != 0)
			goto fail;
		fprintf(f, "%s\n{\"id\":", area == 0 ? "" : ",");
		json_put_str(f, framework_areas[area].id);
		fputs(",\"title\":", f);
		json_put_str(f, p->areas[area].title);
		fprintf(f, ",\"dimension\":\"%s\",\"explored\":%s,\"rating\":",
		    framework_dimension_name(framework_areas[area].dimension),
		    ra.explored ? "true" : "false");
		if (ra.rating != 0)
			fprintf(f, "%d,", ra.rating);
		else
			fputs("null,", f);
		cmd_report_json_items(f, p, area, &ra);
		fputs(",\"calibration\":", f);
		if ((note = cmd_report_calibration(p, area, &ra)) != NULL &&
		    ra.explored)
			json_put_str(f, note);
		else
			fputs("null", f);
		free(note);
		fputc('}', f);
		cmd_report_area_free(&ra);
	}
	if (cmd_report_area(s, d, -1, &ra, &cause) != 0)
		goto fail;
	fputs("\n],\"evidence_quality\":{", f);
	cmd_report_json_items(f, p, -1, &ra);
	cmd_report_area_free(&ra);
	fprintf(f, "},\n\"plan\":%s}\n", d->plan_json != NULL ? d->plan_json :
	    "[]");
	return CMD_EXIT_OK;

fail:
	cmd_warn("report: %s", cause);
	free(cause);
	return cmd_store_status(store_last_error(s));
}

/* dhcoach report [--format md|json] [-o FILE] */
int
cmd_report_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		CMD_COMMON_LONGOPTS
	};
	enum cmd_report_format	 fmt = CMD_REPORT_MD;
	struct cmd_report_data	 d;
	struct cmd_output	 o;
	struct prompts		*p = NULL;
	struct store		*s = NULL;
	char			*output = NULL;
	int			 opt, rc, done;

	memset(&d, 0, sizeof d);
	optind = 0;	/* glibc: 0 restarts the scan, with permutation */
	while ((opt = getopt_long(argc, argv, "f:o:h", longopts,
	    NULL)) != -1) {
		if ((rc = cmd_common_option(ctx, opt, &done)) != -1) {
			if (done)
				goto out;
			continue;
		}
		if (opt == 'f') {
			if (strcmp(optarg, "md") == 0 ||
			    strcmp(optarg, "markdown") == 0)
				fmt = CMD_REPORT_MD;
			else if (strcmp(optarg, "json") == 0)
				fmt = CMD_REPORT_JSON;
			else {
				rc = cmd_usage_error("report: unknown format "
				    "'%s' (md or json)", optarg);
				goto out;
			}
		} else if (opt == 'o') {
			free(output);
			output = xstrdup(optarg);
		}
	}
	if (argc - optind > 0) {
		rc = cmd_usage_error("report: unexpected '%s' (write to a file "
		    "with -o FILE)", argv[optind]);
		goto out;
	}

	if ((p = cmd_load_prompts(ctx, NULL)) == NULL) {
		rc = CMD_EXIT_PROMPTS;
		goto out;
	}
	if ((rc = cmd_report_open(ctx, &s)) != CMD_EXIT_OK ||
	    (rc = cmd_report_gather("report", s, &d, 1,
	    fmt == CMD_REPORT_JSON)) != CMD_EXIT_OK ||
	    (rc = cmd_output_open(&o, "report", output)) != CMD_EXIT_OK)
		goto out;
	if (fmt == CMD_REPORT_JSON)
		rc = cmd_report_json(o.f, s, p, &d);
	else
		rc = cmd_report_md(o.f, s, p, &d);
	if (rc == CMD_EXIT_OK)
		rc = cmd_output_close(&o, "report", 1);
	else
		cmd_output_close(&o, "report", 0);
out:
	cmd_report_data_free(&d);
	store_close(s);
	prompts_free(p);
	free(output);
	return rc;
}

/*
 * cmd-history.c: opening the database for a command, and "dhcoach
 * history".
 *
 * history lists the answers kept so far, newest session first, as text
 * for a person or as JSON.  It reads the database only: it never loads
 * the prompt files, and a database that does not exist yet is not
 * created just to say that it is empty.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "framework.h"
#include "json.h"
#include "store.h"
#include "util.h"

enum cmd_history_format {
	CMD_HISTORY_TEXT,
	CMD_HISTORY_JSON
};

/* The database path chosen by ctx (a new string). */
static char *
cmd_history_path(struct cmd_ctx *ctx)
{
	if (ctx->db_path != NULL)
		return xstrdup(ctx->db_path);
	return store_default_path();
}

/* The exit status for a database failure of class e. */
int
cmd_store_status(int e)
{
	switch (e) {
	case STORE_OK:
		return CMD_EXIT_OK;
	case STORE_ERR_NEWER:
		return CMD_EXIT_DB_NEWER;
	case STORE_ERR_DAMAGED:
		return CMD_EXIT_DB_DAMAGED;
	case STORE_ERR_READONLY:
		return CMD_EXIT_DB_READONLY;
	case STORE_ERR_BUSY:
		return CMD_EXIT_DB_LOCKED;
	default:
		return CMD_EXIT_DB;
	}
}

/* Open the database, mapping a failure to its exit status. */
int
cmd_open_store(struct cmd_ctx *ctx, struct store **out)
{
	enum store_error	 e;
	char			*path, *cause = NULL;

	path = cmd_history_path(ctx);
	e = store_open(path, out, &cause);
	free(path);
	if (e != STORE_OK) {
		cmd_warn("%s", cause);
		free(cause);
	}
	return cmd_store_status(e);
}

/*
 * Turn an ISO 8601 UTC time into the local date ("Thursday 26 November
 * 2026") and time ("10:37"); the text as it is when it does not parse.
 */
static void
cmd_history_when(const char *at, char *date, size_t datelen, char *hm,
    size_t hmlen)
{
	struct tm	 tm;
	const char	*end;
	char		 day[32], month[64];
	time_t		 t;

	memset(&tm, 0, sizeof tm);
	end = strptime(at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (end == NULL || *end != '\0' || (t = timegm(&tm)) == (time_t)-1 ||
	    localtime_r(&t, &tm) == NULL ||
	    strftime(day, sizeof day, "%A", &tm) == 0 ||
	    strftime(month, sizeof month, "%B %Y", &tm) == 0 ||
	    strftime(hm, hmlen, "%H:%M", &tm) == 0) {
		snprintf(date, datelen, "%s", at);
		if (hmlen > 0)
			hm[0] = '\0';
		return;
	}
	snprintf(date, datelen, "%s %d %s", day, tm.tm_mday, month);
}

/* Print one answer as text. */
static void
cmd_history_text_answer(const struct store_answer *a, const char *hm,
    int width)
{
	struct buf	 b = { 0 };
	char		*line;
	size_t		 i;

	printf("  %s%s%s, %s\n", hm, *hm != '\0' ? "  " : "", a->area,
	    strcmp(a->kind, "probe") == 0 ? "follow-up question" :
	    "main question");
	line = xasprintf("Q: %s", a->prompt);
	util_wrap(stdout, line, 4, 7, width);
	free(line);
	line = xasprintf("A: %s", a->answer);
	util_wrap(stdout, line, 4, 7, width);
	free(line);

	buf_adds(&b, "Evidence:");
	for (i = 0; i < a->nindicators; i++)
		buf_printf(&b, " %s%s", a->indicators[i],
		    i + 1 < a->nindicators ? "," : "");
	if (a->nindicators == 0)
		buf_adds(&b, " none found");
	line = buf_take(&b);
	util_wrap(stdout, line, 4, 14, width);
	free(line);
}

/* Print the answers as text, grouped by session. */
static void
cmd_history_text(const struct store_answers *list, const char *path,
    int filtered)
{
	const struct store_answer	*a;
	char				 date[128], hm[16];
	size_t				 i;
	int				 width;

	if (list->n == 0) {
		if (filtered)
			printf("None of your answers in %s match that. Try "
			    "fewer words, or another area.\n", path);
		else
			printf("No answers kept yet in %s. Run dhcoach to "
			    "start.\n", path);
		return;
	}
	width = cmd_width();
	for (i = 0; i < list->n; i++) {
		a = &list->v[i];
		cmd_history_when(a->at, date, sizeof date, hm, sizeof hm);
		if (i == 0 || a->session != list->v[i - 1].session)
			printf("%sSession %lld, %s\n", i == 0 ? "" : "\n",
			    (long long)a->session, date);
		putchar('\n');
		cmd_history_text_answer(a, hm, width);
	}
}

/* Print the answers as a JSON array, one object a line. */
static void
cmd_history_json(const struct store_answers *list)
{
	const struct store_answer	*a;
	size_t				 i, j;

	fputs("[", stdout);
	for (i = 0; i < list->n; i++) {
		a = &list->v[i];
		printf("%s\n{\"id\":%lld,\"session\":%lld,\"area\":",
		    i == 0 ? "" : ",", (long long)a->id,
		    (long long)a->session);
		json_put_str(stdout, a->area);
		fputs(",\"kind\":", stdout);
		json_put_str(stdout, a->kind);
		fputs(",\"prompt\":", stdout);
		json_put_str(stdout, a->prompt);
		fputs(",\"answer\":", stdout);
		json_put_str(stdout, a->answer);
		fputs(",\"at\":", stdout);
		json_put_str(stdout, a->at);
		fputs(",\"indicators\":[", stdout);
		for (j = 0; j < a->nindicators; j++) {
			if (j > 0)
				putchar(',');
			json_put_str(stdout, a->indicators[j]);
		}
		fputs("]}", stdout);
	}
	fputs(list->n > 0 ? "\n]\n" : "]\n", stdout);
}

/* dhcoach history [--area ID] [--search TEXT] [--format text|json] */
int
cmd_history_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "search", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		CMD_COMMON_LONGOPTS
	};
	enum cmd_history_format	 fmt = CMD_HISTORY_TEXT;
	struct store_answers	 list = { NULL, 0 };
	struct store		*s = NULL;
	struct stat		 sb;
	char			*area = NULL, *search = NULL, *path = NULL;
	char			*cause = NULL;
	int			 opt, rc, done;

	optind = 0;	/* glibc: 0 restarts the scan, with permutation */
	while ((opt = getopt_long(argc, argv, "a:s:f:h", longopts,
	    NULL)) != -1) {
		if ((rc = cmd_common_option(ctx, opt, &done)) != -1) {
			if (done)
				goto out;
			continue;
		}
		switch (opt) {
		case 'a':
			free(area);
			area = NULL;
			if (strcmp(optarg, "all") == 0)
				break;
			if (framework_area_find(optarg) == -1) {
				rc = cmd_usage_error("history: unknown area "
				    "'%s' (see 'dhcoach --help')", optarg);
				goto out;
			}
			area = xstrdup(optarg);
			break;
		case 's':
			free(search);
			search = xstrdup(optarg);
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				fmt = CMD_HISTORY_TEXT;
			else if (strcmp(optarg, "json") == 0)
				fmt = CMD_HISTORY_JSON;
			else {
				rc = cmd_usage_error("history: unknown format "
				    "'%s' (text or json)", optarg);
				goto out;
			}
			break;
		}
	}
	if (argc - optind > 0) {
		rc = cmd_usage_error("history: unexpected '%s' (search with "
		    "--search TEXT)", argv[optind]);
		goto out;
	}

	/* No database yet: nothing kept, and nothing to create. */
	path = cmd_history_path(ctx);
	if (lstat(path, &sb) != 0 && errno == ENOENT)
		rc = CMD_EXIT_OK;
	else if ((rc = cmd_open_store(ctx, &s)) != CMD_EXIT_OK)
		goto out;
	else if (store_history(s, area, search, &list, &cause) != 0) {
		cmd_warn("history: %s", cause);
		rc = cmd_store_status(store_last_error(s));
		goto out;
	}

	if (fmt == CMD_HISTORY_JSON)
		cmd_history_json(&list);
	else
		cmd_history_text(&list, path, area != NULL || search != NULL);
	rc = cmd_finish_output();
out:
	store_answers_free(&list);
	store_close(s);
	free(cause);
	free(path);
	free(search);
	free(area);
	return rc;
}

/*
 * records.c: reading labelled corpus files (see records.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "records.h"
#include "util.h"

/* The largest corpus file read. */
#define RECORDS_MAX_FILE	(64 * 1024 * 1024)

/* Read "present:" ids into want; returns -1 on an unknown id. */
static int
records_present(const char *file, const char *id, const char *line,
    size_t len, int *want)
{
	char	*ids, *w, *save = NULL;
	int	 i, rc = 0;

	ids = xstrndup(line, len);
	for (w = strtok_r(ids, " \t\r", &save); w != NULL;
	    w = strtok_r(NULL, " \t\r", &save)) {
		if (strcmp(w, "-") == 0)
			continue;
		if ((i = framework_indicator_find(w)) == -1) {
			fprintf(stderr, "records: %s: %s: unknown indicator "
			    "id %s\n", file, id, w);
			rc = -1;
			break;
		}
		want[i] = 1;
	}
	free(ids);
	return rc;
}

/* The end of the line starting at s (before its newline). */
static const char *
records_eol(const char *s, const char *end)
{
	const char	*nl = memchr(s, '\n', end - s);

	return nl != NULL ? nl : end;
}

/*
 * Read one record starting at *at (its "=== " line); moves *at to the
 * next record.  Returns -1 on a bad record.
 */
static int
records_record(records_fn fn, void *ctx, const char *file,
    const char **at, const char *end)
{
	const char	*s = *at, *eol, *text = NULL;
	char		*id;
	int		 want[FRAMEWORK_NINDICATORS] = { 0 }, rc = 0;

	eol = records_eol(s, end);
	id = xstrndup(s + 4, eol - s - 4);
	for (s = eol < end ? eol + 1 : end; s < end; s = eol + 1) {
		eol = records_eol(s, end);
		if (eol - s >= 4 && strncmp(s, "=== ", 4) == 0)
			break;
		if (text == NULL && strncmp(s, "present:", 8) == 0)
			rc = records_present(file, id, s + 8, eol - s - 8, want);
		else if (text == NULL && eol - s == 3 && strncmp(s, "---",
		    3) == 0)
			text = eol + 1 < end ? eol + 1 : end;
		if (eol == end) {
			s = end;
			break;
		}
	}
	if (text == NULL) {
		fprintf(stderr, "records: %s: %s: no '---' line before the "
		    "text\n", file, id);
		rc = -1;
	}
	if (rc == 0)
		fn(ctx, id, text, s > text ? (size_t)(s - text) : 0, want);
	free(id);
	*at = s;
	return rc;
}

/* Read every record of a file; see records.h. */
int
records_read(const char *file, records_fn fn, void *ctx)
{
	FILE		*f;
	char		*data;
	const char	*s, *end;
	size_t		 len;
	int		 rc = 0;

	if ((f = fopen(file, "r")) == NULL ||
	    util_read_stream(f, RECORDS_MAX_FILE, &data, &len) != 0) {
		fprintf(stderr, "records: %s: %s\n", file, strerror(errno));
		if (f != NULL)
			fclose(f);
		return -1;
	}
	fclose(f);
	end = data + len;
	for (s = data; s < end && rc == 0; ) {
		if (end - s >= 4 && strncmp(s, "=== ", 4) == 0)
			rc = records_record(fn, ctx, file, &s, end);
		else
			s = records_eol(s, end) + 1;
	}
	free(data);
	return rc;
}


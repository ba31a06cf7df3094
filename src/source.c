/*
 * source.c: reading lines through a struct source, with lines pushed
 * back read first, and a source over a fixed list for tests (see
 * source.h).
 *
 * Invariant: pending[0..npending) are lines the source owns, the last
 * pushed back at the end, so that it is read first; nread counts only
 * the lines that came from the input itself.
 */
#include <stdlib.h>
#include <string.h>

#include "source.h"
#include "util.h"

/* Read a line: the last one pushed back, else one from the input. */
char *
source_read(struct source *src, const char *prompt)
{
	char	*line;

	if (src->npending > 0)
		return src->pending[--src->npending];
	if ((line = src->read(src, prompt)) != NULL)
		src->nread++;
	return line;
}

/* Push line back to be read next; the source takes it. */
void
source_unread(struct source *src, char *line)
{
	if (line == NULL)
		return;
	src->pending = xreallocarray(src->pending, src->npending + 1,
	    sizeof *src->pending);
	src->pending[src->npending++] = line;
}

/* Free the lines pushed back and not read again. */
void
source_free(struct source *src)
{
	size_t	i;

	for (i = 0; i < src->npending; i++)
		free(src->pending[i]);
	free(src->pending);
	src->pending = NULL;
	src->npending = 0;
}

/* The next line of the list as a new string, or NULL after the last. */
static char *
source_lines_read(struct source *src, const char *prompt)
{
	struct source_lines	*sl = src->ctx;

	(void)prompt;
	if (sl->next >= sl->n || sl->lines[sl->next] == NULL)
		return NULL;
	return xstrdup(sl->lines[sl->next++]);
}

/* Set src up to read the fixed list lines[0..n). */
void
source_lines_init(struct source *src, struct source_lines *sl,
    const char *const *lines, size_t n)
{
	memset(src, 0, sizeof *src);
	sl->lines = lines;
	sl->n = n;
	sl->next = 0;
	src->read = source_lines_read;
	src->edit = NULL;
	src->ctx = sl;
	src->interactive = 0;
}

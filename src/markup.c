/*
 * markup.c: Markdown and CSV escaping, bars and trends, shared by every
 * renderer (see markup.h).
 *
 * Invariants: text escaped for Markdown is one line, with every
 * character Markdown could take as markup behind a backslash, so that a
 * candidate's words never become a heading, a link or a table cell; a
 * CSV field that holds a comma, a quote or a line break (CR or LF) is
 * always quoted, so that it parses back as it was.
 */
#include <stdlib.h>
#include <string.h>

#include "markup.h"
#include "util.h"

/* The most values a trend shows: the first, "...", then the latest. */
#define MARKUP_TREND	8

/* Add text to b as one line of Markdown, specials escaped. */
void
markup_md_escape(struct buf *b, const char *text)
{
	char	*s, *p;

	s = util_squeeze(text, strlen(text), strlen(text) + 1);
	for (p = s; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>#|", *p) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	free(s);
}

/* Print lead, text escaped and tail, wrapped at 80 columns. */
void
markup_md_wrap(FILE *f, const char *lead, const char *text,
    const char *tail, int indent)
{
	struct buf	b = { 0 };

	if (lead != NULL)
		buf_adds(&b, lead);
	markup_md_escape(&b, text);
	if (tail != NULL)
		buf_adds(&b, tail);
	util_wrap(f, b.data != NULL ? b.data : "", 0, indent, 80);
	buf_free(&b);
}

/* Write one CSV field, quoted when it needs to be. */
void
markup_csv_field(FILE *f, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Add a bar of width cells, filled in proportion to shown of total. */
void
markup_bar(struct buf *b, int shown, int total, int width)
{
	int	i, full = 0;

	if (total > 0 && shown > 0)
		full = shown >= total ? width :
		    (int)(((long)shown * width + total / 2) / total);
	buf_addc(b, '[');
	for (i = 0; i < width; i++)
		buf_addc(b, i < full ? '#' : '-');
	buf_addc(b, ']');
}

/* Add a trend of values ("-" for -1), the middle of a long one elided. */
void
markup_trend(struct buf *b, const int *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (n > MARKUP_TREND && i > 0 && i < n - (MARKUP_TREND - 2)) {
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

/*
 * markup.h: the small pieces every renderer shares: Markdown and CSV
 * escaping, bars and trends.
 *
 * Ownership: nothing here allocates but into the caller's struct buf.
 */
#ifndef DHCOACH_MARKUP_H
#define DHCOACH_MARKUP_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* Cells of the bars in summaries and reports. */
#define MARKUP_BAR	10

/*
 * Add text to b as one line of Markdown: white space folded to single
 * spaces, and the characters Markdown would take as markup
 * (\ ` * _ [ ] < > # |) escaped with a backslash.
 */
void markup_md_escape(struct buf *b, const char *text);
/*
 * Print lead, then text escaped (markup_md_escape), then tail, as a
 * paragraph or list item wrapped at 80 columns, later lines indented.
 */
void markup_md_wrap(FILE *f, const char *lead, const char *text,
    const char *tail, int indent);
/*
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or
 * LF, with quotes doubled; NULL writes nothing.
 */
void markup_csv_field(FILE *f, const char *s);
/* A bar of width cells for shown of total: "[####------]". */
void markup_bar(struct buf *b, int shown, int total, int width);
/*
 * A trend of values ("2 > 3 > 4"), -1 written "-", the middle of a long
 * one elided after the first as " > ..." (more than eight values: the
 * first and the latest six).
 */
void markup_trend(struct buf *b, const int *v, size_t n);

#endif

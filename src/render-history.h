/*
 * render-history.h: the answers kept, for people (text) and programs
 * (JSON), a row at a time.
 *
 * Text groups answers by sitting, with the date in words, the question
 * and the answer wrapped, the evidence found and any indicator the
 * candidate says they covered.  JSON is one array of objects: id,
 * session, area, kind, prompt, answer, at, indicators (found by the
 * coach) and covered (claimed by the candidate), so that a programme
 * team can improve the patterns from the covered ones.
 *
 * Ownership: struct render_history borrows its stream.
 */
#ifndef DHCOACH_RENDER_HISTORY_H
#define DHCOACH_RENDER_HISTORY_H

#include <stdio.h>

#include "json.h"
#include "store-history.h"

enum render_history_format {
	RENDER_HISTORY_TEXT,
	RENDER_HISTORY_JSON
};

struct render_history {
	FILE				*f;
	enum render_history_format	 format;
	int				 width;
	struct json			 json;
	int64_t				 session;	/* of the last row */
	size_t				 n;
};

void render_history_begin(struct render_history *, FILE *,
    enum render_history_format, int width);
void render_history_row(struct render_history *, const struct store_answer *);
/*
 * Close the document: the JSON array ("[]" when empty).  Text writes
 * nothing without a row: its caller says why it is empty (n == 0).
 */
void render_history_end(struct render_history *);

#endif

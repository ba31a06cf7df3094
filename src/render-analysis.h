/*
 * render-analysis.h: printing an analysis for people (text) and programs
 * (tsv, json).
 *
 * tsv: one line per indicator, four tab-separated fields: area id,
 * indicator id, "present" or "gap", and a detail (the candidate's
 * sentence for present, the suggestion for gap) with tabs, line breaks
 * and every other control character turned to spaces.  The ev.*
 * indicators come last, once, with area "evidence".  json: one document
 * with the same content.  text: per area, what was shown with the
 * sentence that showed it, the gaps with suggestions, and a one-line
 * coverage figure.  Text from the analysed
 * file reaches a terminal only with its control characters made
 * harmless (util_printable).
 *
 * Ownership: nothing returned is allocated; the caller owns the stream.
 */
#ifndef DHCOACH_RENDER_ANALYSIS_H
#define DHCOACH_RENDER_ANALYSIS_H

#include <stdio.h>

#include "analyse.h"

enum render_analysis_format {
	RENDER_ANALYSIS_TEXT,
	RENDER_ANALYSIS_TSV,
	RENDER_ANALYSIS_JSON
};

/* Parse "text", "tsv" or "json".  Returns 0, or -1 when unknown. */
int render_analysis_format_parse(const char *, enum render_analysis_format *);

/*
 * Print the analysis of one area (an index into framework_areas) or of
 * all areas (-1), followed by the ev.* indicators, wrapped at width
 * columns in text.
 */
void render_analysis(FILE *, enum render_analysis_format,
    const struct analysis *, int area, int width);

#endif

/*
 * report.h: printing an analysis for people (text) and programs (tsv, json).
 *
 * tsv: one line per indicator, four tab-separated fields: area id,
 * indicator id, "present" or "gap", and a detail (the candidate's words
 * for present, the suggestion for gap) with tabs and newlines turned to
 * spaces.  The ev.* indicators come last, once, with area "evidence".
 * json: one document with the same content.  text: per area, what was
 * shown with the words that showed it, the gaps with suggestions, and a
 * one-line coverage figure.
 *
 * Ownership: nothing returned is allocated; the caller owns the stream.
 */
#ifndef DHCOACH_REPORT_H
#define DHCOACH_REPORT_H

#include <stdio.h>

#include "analyse.h"

enum report_format {
	REPORT_TEXT,
	REPORT_TSV,
	REPORT_JSON
};

/* Parse "text", "tsv" or "json".  Returns 0, or -1 when unknown. */
int report_format_parse(const char *, enum report_format *);

/*
 * Print the analysis of one area (an index into framework_areas) or of
 * all areas (-1), followed by the ev.* indicators, wrapped at width
 * columns in text.
 */
void report_analysis(FILE *, enum report_format, const struct analysis *,
    int area, int width);

#endif

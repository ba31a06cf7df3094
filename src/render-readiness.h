/*
 * render-readiness.h: the readiness summary as text for the terminal,
 * Markdown for a mentor's first meeting, or JSON.
 *
 * For each area: the latest self-rating, the evidence shown so far (how
 * many indicators, with the strongest whole-sentence quote), any
 * calibration note, the candidate's own covered claims, and its status;
 * then the areas with experience to build on, the thin ones, and the
 * one or two things that would most strengthen an application.  Never
 * a pass or fail.  JSON: {"areas": [{id, title, rating, shown, total,
 * covered, quote, calibration, status}], "strengths": [ids], "thin":
 * [ids], "next": [{area, indicator, title, suggestion}]}.
 *
 * Ownership: nothing is allocated; the caller owns the stream.
 */
#ifndef DHCOACH_RENDER_READINESS_H
#define DHCOACH_RENDER_READINESS_H

#include <stdio.h>

#include "coach.h"
#include "picture.h"
#include "prompts.h"
#include "readiness.h"

enum render_readiness_format {
	RENDER_READINESS_TEXT,
	RENDER_READINESS_MD,
	RENDER_READINESS_JSON
};

/* Parse "text", "md" (or "markdown") or "json": 0, or -1 when unknown. */
int render_readiness_format_parse(const char *,
    enum render_readiness_format *);

void render_readiness(FILE *, enum render_readiness_format,
    const struct prompts *, const struct picture *, const struct readiness *,
    struct coach *, int width);

#endif

/*
 * render-picture.h: the running picture for the terminal, as the
 * conversation shows it: /areas (every area's state, evidence and
 * rating), the summary (a bar per area and what to add next) and /gaps
 * (what is still missing in one area, and what the candidate says they
 * covered, apart).  Lines wrap at the width between words.
 *
 * Ownership: nothing is allocated; the caller owns the stream.
 */
#ifndef DHCOACH_RENDER_PICTURE_H
#define DHCOACH_RENDER_PICTURE_H

#include <stdio.h>

#include "picture.h"
#include "prompts.h"

/* Every area: state, evidence and rating; current (or -1) marked ">". */
void render_picture_areas(FILE *, const struct prompts *,
    const struct picture *, int current, int width);
/* Every area: its rating, a bar of its evidence and what to add next. */
void render_picture_summary(FILE *, const struct prompts *,
    const struct picture *, int width);
/*
 * The indicators of area a (its own, then the quality of evidence)
 * neither shown nor claimed, into gaps (FRAMEWORK_NINDICATORS room), in
 * the order /covered numbers them.  Returns how many.
 */
int render_picture_open(const struct picture *, int a, int *gaps);
/* Area a's open gaps with their suggestions, then the candidate's claims. */
void render_picture_gaps(FILE *, const struct prompts *,
    const struct picture *, int a, int width);

#endif

/*
 * render-report.h: the mentor's report, and progress over sittings.
 *
 * The report is the one document a candidate hands a mentor: who they
 * are (name and role, when given) and the dates of the sittings it
 * covers; per area explored, the latest self-rating, the evidence shown
 * over all sittings (each indicator with a whole sentence of the
 * candidate's, never the same sentence for two indicators in one list),
 * what the candidate says they covered (marked as their claim, with the
 * sentence they point to), the gaps that remain with their suggestions,
 * any calibration note; the quality of evidence over all answers; the
 * areas not explored yet; the whole action plan; and, when asked, an
 * appendix of the answers by area.  As Markdown that reads as plain
 * text, or as one JSON document with the same content.
 *
 * Progress shows, per area, how the self-rating and the number of the
 * area's indicators shown moved from sitting to sitting.
 *
 * Everything is gathered first (struct report, struct progress), then
 * written: a renderer never meets the store, so it never leaves half a
 * document on a store error.
 *
 * Ownership: a struct report borrows the prompts and picture, and owns
 * its plan and answers (report_free); struct progress owns its visits.
 */
#ifndef DHCOACH_RENDER_REPORT_H
#define DHCOACH_RENDER_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "coach.h"
#include "date.h"
#include "picture.h"
#include "plan.h"
#include "prompts.h"

/* An answer in the report's appendix. */
struct report_answer {
	int	 area;
	char	*question;
	char	*answer;
	char	*at;
};

struct report {
	const struct prompts	*prompts;
	const struct picture	*picture;
	char			*name;		/* "" when not given */
	char			*role;
	char			 today[DATE_LEN];
	struct plan_action	*plan;
	size_t			 nplan;
	int			 with_answers;
	struct report_answer	*answers;	/* by area, oldest first */
	size_t			 nanswers;
};

void report_free(struct report *);

void render_report_md(FILE *, const struct report *, struct coach *);
void render_report_json(FILE *, const struct report *, struct coach *);

/* One area in one sitting, for progress. */
struct progress_visit {
	int64_t	session;
	int	area;
	int	rating;		/* 0: none */
	int	nanswers;
	int	shown;
};

struct progress {
	struct progress_visit	*v;	/* oldest sitting first */
	size_t			 n;
	size_t			 nsessions;
};

void progress_free(struct progress *);

/* Progress for the terminal: every area explored, or only area a. */
void render_progress(FILE *, const struct prompts *, const struct progress *,
    int a, int width);

#endif

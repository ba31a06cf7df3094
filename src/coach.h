/*
 * coach.h: turning analyses into the coach's side of the conversation.
 *
 * One struct coach_area gathers the evidence of every answer the
 * candidate gives in an area (an indicator, once shown, stays shown, with
 * the first words that showed it), remembers which gaps were already
 * probed, and writes the replies: the evidence seen, quoting the
 * candidate's own words; the most important gap with its suggestion; the
 * follow-up probe; the one-line summing-up; and a calibration note when
 * the self-rating and the evidence disagree.  No I/O, no readline, no
 * SQLite: replies are written into a struct buf.
 *
 * Ownership: a coach_area owns its quotes (coach_area_clear); it points
 * at the prompts, which must outlive it.
 */
#ifndef DHCOACH_COACH_H
#define DHCOACH_COACH_H

#include "analyse.h"
#include "framework.h"
#include "prompts.h"
#include "util.h"

/* An area is summed up after this many probes. */
#define COACH_MAX_PROBES	2

struct coach_area {
	const struct prompts	*prompts;
	int			 area;		/* index into framework_areas */
	int			 rating;	/* 1-5, or 0 when not given */
	int			 shown[FRAMEWORK_NINDICATORS];
	char			*quotes[FRAMEWORK_NINDICATORS];
	int			 probed[FRAMEWORK_NINDICATORS];
	int			 nprobes;	/* probes asked so far */
	int			 nanswers;
};

/* Start an area afresh. */
void coach_area_init(struct coach_area *, const struct prompts *, int area);
/* Free the quotes. */
void coach_area_clear(struct coach_area *);

/*
 * Add an answer's analysis; returns how many indicators it showed that
 * were not shown before (their ids are flagged in fresh[] when not NULL).
 */
int coach_absorb(struct coach_area *, const struct analysis *,
    int fresh[FRAMEWORK_NINDICATORS]);

/* How many of the area's own indicators are shown, and of how many. */
int coach_shown(const struct coach_area *, int *total);

/*
 * The most important gap still open: the area's own indicators first, in
 * framework order, then the quality of evidence; with fresh, preferring
 * one not yet probed.  Returns the indicator index, or -1 when nothing is
 * missing.
 */
int coach_next_gap(const struct coach_area *, int fresh);

/* Whether the area is done: everything shown, or enough probes asked. */
int coach_done(const struct coach_area *);

/*
 * The reply to an answer: what it showed (quoting the candidate) given
 * the fresh[] flags from coach_absorb, then, with with_gap, the main gap
 * and its suggestion.  Returns the gap chosen (to probe), or -1 when none
 * or without with_gap.
 */
int coach_reply(struct buf *, const struct coach_area *,
    const int fresh[FRAMEWORK_NINDICATORS], int with_gap);

/* The probe question for gap g; marks it probed and counts the probe. */
const char *coach_probe(struct coach_area *, int g);

/* The one-line summing-up of the area, with a calibration note if needed. */
void coach_summary(struct buf *, const struct coach_area *);

/*
 * A calibration note when rating and evidence disagree (rated 4-5 with
 * under half shown; rated 1-2 with most shown), else nothing.  Returns 1
 * when a note was written.
 */
int coach_calibration(struct buf *, const struct coach_area *);

/* A plain-text bar of width cells for shown of total: "[####------]". */
void coach_bar(struct buf *, int shown, int total, int width);

#endif

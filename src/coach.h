/*
 * coach.h: the coach's words: replies to an answer, probes, summaries,
 * recaps and calibration notes.
 *
 * Everything is composed from the running picture (picture.h) and the
 * wording of the prompt files: the [replies] variants, each indicator's
 * "shown" phrase, gap suggestion and probes.  A reply names what the
 * answer showed, quoting the candidate's own sentence; when it showed
 * nothing new it quotes a sentence back and asks about one named gap,
 * never hinting that the answer was not concrete.  The same variant of
 * a reply is not used twice running.
 *
 * No I/O, no readline, no SQLite: text is written into a struct buf.
 *
 * Ownership: struct coach borrows the prompts, which must outlive it.
 */
#ifndef DHCOACH_COACH_H
#define DHCOACH_COACH_H

#include "framework.h"
#include "picture.h"
#include "prompts.h"
#include "util.h"

/* An area is summed up after this many probes in a sitting. */
#define COACH_MAX_PROBES	2
/* How many fresh indicators a reply names before "and N more". */
#define COACH_NAMED		3

struct coach {
	const struct prompts	*prompts;
	int			 last[PROMPTS_NREPLY];	/* variant used last, or -1 */
};

void coach_init(struct coach *, const struct prompts *);

/* What one answer added to an area. */
struct coach_fresh {
	int		 fresh[FRAMEWORK_NINDICATORS];	/* newly shown */
	const char	*quotes[FRAMEWORK_NINDICATORS];	/* their sentences */
	const char	*gist;	/* a sentence to quote when nothing is new */
};

/*
 * The reply to an answer in area a, whose evidence is already in the
 * picture: what it showed (or, when nothing new, its gist quoted back),
 * then, with with_gap, the next gap (picture_next_gap with probed) and
 * its suggestion, or that nothing is missing.  Returns the gap chosen,
 * or -1 when none or without with_gap.
 */
int coach_reply(struct coach *, struct buf *, const struct picture *, int a,
    const struct coach_fresh *, const int *probed, int with_gap);

/*
 * The probe question for gap g in area a: the first of its probes,
 * from its nth on (wrapping), not answered before in any sitting; NULL
 * when every one of them was.
 */
const char *coach_probe(const struct coach *, const struct picture *, int a,
    int g, int nth);

/*
 * The main question for area a: the first of its prompts not answered
 * before in any sitting, or NULL when every one was.
 */
const char *coach_question(const struct coach *, const struct picture *,
    int a);

/*
 * The one-line summing-up of area a: "Integrity: 2 of 3 shown (1 more
 * you say you covered)." and the calibration note, if any.
 */
void coach_summary(struct coach *, struct buf *, const struct picture *,
    int a);

/*
 * The calibration note of area a ([replies] fits, high or low), or
 * nothing.  Returns 1 when something was written.
 */
int coach_calibration(struct coach *, struct buf *, const struct picture *,
    int a);

/*
 * A one-line recap of area a for a candidate coming back: "Last time,
 * on 3 December: rated 4; shown: A, B; still open: C."  today is for
 * writing the date briefly.
 */
void coach_recap(const struct coach *, struct buf *, const struct picture *,
    int a, const char *today);

#endif

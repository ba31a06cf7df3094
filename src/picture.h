/*
 * picture.h: the running picture of a candidate: every area's state,
 * over every sitting, computed in one place.
 *
 * Whatever a candidate has shown in any sitting counts.  The store
 * gathers the rows (store_picture); this module holds them and answers
 * every question about an area's state, so that /areas, /summary,
 * /gaps, the choice of what to ask next, the end summary, progress,
 * report and readiness all agree: how many of the area's indicators the
 * coach found, which the candidate says they covered (counted apart,
 * never as shown), the latest self-rating, whether the area was
 * started or finished, which questions were answered already, and
 * whether rating and evidence disagree.
 *
 * An indicator is "shown" in an area when an answer given in that area
 * showed it.  The ev.* indicators are kept per area too; over all areas
 * (picture_evidence_all) they describe the quality of evidence overall.
 *
 * No SQLite, no I/O, no wording: plain data.
 *
 * Ownership: a struct picture owns its strings (picture_free).
 */
#ifndef DHCOACH_PICTURE_H
#define DHCOACH_PICTURE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "framework.h"

/* Whole-sentence quotes kept per indicator, newest first. */
#define PICTURE_QUOTES	3

/* One indicator in one area. */
struct picture_evidence {
	int	 shown;		/* the coach found it in an answer */
	char	*quotes[PICTURE_QUOTES];	/* the sentences that showed it */
	int	 nquotes;
	int64_t	 session;	/* the sitting of the newest */
	char	 at[DATE_TIME_LEN];	/* when the newest was given */
	int	 covered;	/* the candidate says an answer covers it */
	int64_t	 covered_answer;	/* that answer's id */
	char	*covered_quote;	/* a sentence of that answer */
};

struct picture_area {
	int		 rating;	/* the latest self-rating, 0 if none */
	char		 rated_at[DATE_TIME_LEN];	/* "" if none */
	int		 nanswers;	/* over every sitting */
	int		 finished;	/* summed up in some sitting */
	int64_t		 last_answer;	/* the newest answer's id, 0 if none */
	char		 last_at[DATE_TIME_LEN];	/* newest rating or answer */
	char		**asked;	/* every question answered here */
	size_t		  nasked;
	struct picture_evidence ev[FRAMEWORK_NINDICATORS];
};

struct picture {
	struct picture_area	 areas[FRAMEWORK_NAREAS];
	int			 nsessions;	/* sittings with a rating or answer */
	char			 first[DATE_TIME_LEN];	/* the first sitting, "" */
	char			 last[DATE_TIME_LEN];	/* the latest sitting, "" */
	int			 last_area;	/* where the latest sitting stopped, -1 */
};

void picture_init(struct picture *);
void picture_free(struct picture *);

/* Filling it (the store's gathering). */

/*
 * Indicator i shown in area a, by an answer of session at time at
 * (quote NULL: none kept).  Calls for one (a, i) come newest first: the
 * first gives session and at, and up to PICTURE_QUOTES quotes are kept.
 */
void picture_add_shown(struct picture *, int a, int i, const char *quote,
    int64_t session, const char *at);
/*
 * The candidate says answer (whose sentence is quote) covers i in a.
 * Calls come newest first: the first claim for (a, i) is kept.
 */
void picture_add_covered(struct picture *, int a, int i, int64_t answer,
    const char *quote);
/* A question answered in area a. */
void picture_add_asked(struct picture *, int a, const char *question);

/* Questions about it: the one place each is answered. */

/* How many of area a's own indicators the coach found; *total of how many. */
int picture_shown(const struct picture *, int a, int *total);
/* How many of a's own indicators only the candidate says are covered. */
int picture_covered(const struct picture *, int a);
/* Whether indicator i is found or claimed in a (so not a gap to ask about). */
int picture_settled(const struct picture *, int a, int i);

enum picture_state {
	PICTURE_NOT_STARTED,	/* no rating, no answer */
	PICTURE_STARTED,
	PICTURE_FINISHED	/* summed up once, or nothing missing */
};
enum picture_state picture_state(const struct picture *, int a);

/* Whether question q was answered in area a before. */
int picture_asked(const struct picture *, int a, const char *q);

/*
 * The gap to raise next in area a: its own indicators first, in
 * framework order, then the quality of evidence, skipping indicators
 * shown or claimed; with probed (per indicator, how often asked this
 * sitting; NULL: none) preferring one not yet asked about.  Returns the
 * indicator, or -1 when nothing is missing.
 */
int picture_next_gap(const struct picture *, int a, const int *probed);

/*
 * The first area not finished, looking from area from onwards and then
 * round from the first; -1 when every area is finished.
 */
int picture_next_unfinished(const struct picture *, int from);

/* How a self-rating and the evidence compare. */
enum picture_calibration {
	PICTURE_CAL_NONE,	/* no rating, or no answers yet */
	PICTURE_CAL_FITS,
	PICTURE_CAL_HIGH,	/* rated 4-5 with under half shown */
	PICTURE_CAL_LOW		/* rated 1-2 with more than half shown */
};
enum picture_calibration picture_calibration(const struct picture *, int a);

/* Whether ev.* indicator i is shown in any area (the quality overall). */
int picture_evidence_all(const struct picture *, int i);

#endif

/*
 * readiness.h: "am I ready to apply?": each area's standing against the
 * [readiness] rule of the prompt files, and the one or two things that
 * would most strengthen an application.
 *
 * The programme does not expect substantial evidence in every area, but
 * a good level of experience to build upon.  An area with neither a
 * rating nor an answer is "not yet discussed", never thin; one that was
 * discussed has "experience to build on" when it meets the rule, and
 * is "thin" otherwise.  There is no overall verdict: the strengths are
 * the areas with experience to build on; the next steps are the largest
 * gaps in the areas the candidate rated highest (where evidence would
 * most change the picture), then in the thin areas.
 *
 * No I/O and no wording beyond the rule's: render-readiness.h writes it.
 *
 * Ownership: a struct readiness points into the picture it was computed
 * from, which must outlive it.
 */
#ifndef DHCOACH_READINESS_H
#define DHCOACH_READINESS_H

#include "framework.h"
#include "picture.h"
#include "prompts.h"

enum readiness_status {
	READINESS_NOT_DISCUSSED,
	READINESS_THIN,
	READINESS_BUILD_ON
};

/* At most this many next steps. */
#define READINESS_NEXT	2

struct readiness_area {
	enum readiness_status		 status;
	int				 rating;	/* 0: none */
	int				 shown;
	int				 total;
	int				 covered;	/* claimed by the candidate */
	const char			*quote;		/* the strongest, or NULL */
	enum picture_calibration	 calibration;
};

struct readiness_step {
	int	area;
	int	indicator;	/* the gap to fill */
};

struct readiness {
	struct readiness_area	areas[FRAMEWORK_NAREAS];
	int			strengths[FRAMEWORK_NAREAS];	/* areas, in order */
	int			nstrengths;
	int			thin[FRAMEWORK_NAREAS];
	int			nthin;
	struct readiness_step	next[READINESS_NEXT];
	int			nnext;
	int			ndiscussed;
};

/* Judge every area of the picture by the prompts' [readiness] rule. */
void readiness_compute(const struct prompts *, const struct picture *,
    struct readiness *);

/* The status as JSON and tests name it: "experience to build on", ... */
const char *readiness_status_name(enum readiness_status);

#endif

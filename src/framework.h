/*
 * framework.h: the fixed ids of the skills framework, and the one place
 * that reads an area as a person names it.
 *
 * The ten skill areas, in framework order, and the 43 evidence indicators
 * with the ids of indicators.md.  These ids are a contract shared with the
 * prompt files, the database and every output format; all wording shown to
 * people lives in the prompt files, never here.  The tables are static and
 * owned by this module.
 *
 * framework_area_parse is the only area parser: --area of every command,
 * /goto, plan --area, the guided plan's area question and the
 * questionnaire all use it, so they all accept the same forms.
 */
#ifndef DHCOACH_FRAMEWORK_H
#define DHCOACH_FRAMEWORK_H

#define FRAMEWORK_NAREAS	10
#define FRAMEWORK_NINDICATORS	43
/* The pseudo-area of the ev.* indicators, judged on the whole text. */
#define FRAMEWORK_EVIDENCE	(-1)
/* The area field printed for ev.* indicators. */
#define FRAMEWORK_EVIDENCE_ID	"evidence"

enum framework_dimension {
	FRAMEWORK_COMPETENCY,
	FRAMEWORK_PERSON_CENTRED
};

struct framework_area {
	const char			*id;
	enum framework_dimension	 dimension;
};

struct framework_indicator {
	const char	*id;
	int		 area;	/* index into framework_areas, or FRAMEWORK_EVIDENCE */
};

extern const struct framework_area framework_areas[FRAMEWORK_NAREAS];
extern const struct framework_indicator framework_indicators[FRAMEWORK_NINDICATORS];

/* Index of the area with exactly this id, or -1. */
int framework_area_find(const char *id);
/* Index of the indicator with exactly this id, or -1. */
int framework_indicator_find(const char *id);
/* The dimension's name in prompt files: "competency" or "person-centred". */
const char *framework_dimension_name(enum framework_dimension);
/* Whether indicator i counts in area a: its own, or an ev.* indicator. */
int framework_counts(int i, int a);
/* How many indicators area a has of its own (not counting ev.*). */
int framework_area_total(int a);

/*
 * An area as a person names it: its id, its number 1 to 10, or a unique
 * start of an id ("integ"), ignoring case and surrounding white space.
 * Returns the area's index, or -1; then *suggest (when not NULL) is the
 * area the text most likely meant ("integraty", "strategy", "vision"),
 * or -1 when none is close or several are as close.
 */
int framework_area_parse(const char *s, int *suggest);

#endif

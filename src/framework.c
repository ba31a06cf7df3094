/*
 * framework.c: the tables of area and indicator ids, and the one reader
 * of an area as a person names it (see framework.h).
 *
 * Invariants: the tables are in framework order and never change; an
 * indicator's area is an index into framework_areas or
 * FRAMEWORK_EVIDENCE.  Suggestions are only ever made for text that
 * names no area, so a suggestion never overrides what was typed.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "framework.h"
#include "util.h"

/* The longest text read as an area name; longer is no area. */
#define FRAMEWORK_MAX_TYPED	64
/* Room for any area id and its NUL. */
#define FRAMEWORK_ID_SIZE	32

const struct framework_area framework_areas[FRAMEWORK_NAREAS] = {
	{ "strategic-vision", FRAMEWORK_COMPETENCY },
	{ "learning-dissemination", FRAMEWORK_COMPETENCY },
	{ "innovation-change", FRAMEWORK_COMPETENCY },
	{ "outcomes-orientated", FRAMEWORK_COMPETENCY },
	{ "communication-influence", FRAMEWORK_COMPETENCY },
	{ "culture-development", FRAMEWORK_PERSON_CENTRED },
	{ "team-development", FRAMEWORK_PERSON_CENTRED },
	{ "growth-mindset", FRAMEWORK_PERSON_CENTRED },
	{ "integrity", FRAMEWORK_PERSON_CENTRED },
	{ "insightfulness", FRAMEWORK_PERSON_CENTRED },
};

const struct framework_indicator framework_indicators[FRAMEWORK_NINDICATORS] = {
	{ "sv.big-picture", 0 },
	{ "sv.analysis", 0 },
	{ "sv.vision", 0 },
	{ "sv.influence", 0 },
	{ "ld.needs", 1 },
	{ "ld.solutions", 1 },
	{ "ld.levels", 1 },
	{ "ld.maturity", 1 },
	{ "ic.ideas", 2 },
	{ "ic.experiment", 2 },
	{ "ic.support", 2 },
	{ "oo.user-centred", 3 },
	{ "oo.outcomes", 3 },
	{ "oo.evidence", 3 },
	{ "oo.improvement", 3 },
	{ "ci.narrative", 4 },
	{ "ci.value", 4 },
	{ "ci.rationale", 4 },
	{ "ci.two-way", 4 },
	{ "cd.openness", 5 },
	{ "cd.recognition", 5 },
	{ "cd.readiness", 5 },
	{ "cd.shared-values", 5 },
	{ "cd.expectations", 5 },
	{ "td.mdt", 6 },
	{ "td.resourcing", 6 },
	{ "td.develop-leaders", 6 },
	{ "gm.curiosity", 7 },
	{ "gm.experiment", 7 },
	{ "gm.challenge", 7 },
	{ "gm.perseverance", 7 },
	{ "in.accountability", 8 },
	{ "in.follow-through", 8 },
	{ "in.honesty", 8 },
	{ "is.self-appraisal", 9 },
	{ "is.adaptation", 9 },
	{ "is.style-impact", 9 },
	{ "is.action-plan", 9 },
	{ "ev.example", FRAMEWORK_EVIDENCE },
	{ "ev.own-action", FRAMEWORK_EVIDENCE },
	{ "ev.result", FRAMEWORK_EVIDENCE },
	{ "ev.measure", FRAMEWORK_EVIDENCE },
	{ "ev.learning", FRAMEWORK_EVIDENCE },
};

/* Index of the area with exactly this id, or -1. */
int
framework_area_find(const char *id)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (strcmp(framework_areas[i].id, id) == 0)
			return i;
	}
	return -1;
}

/* Index of the indicator with exactly this id, or -1. */
int
framework_indicator_find(const char *id)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (strcmp(framework_indicators[i].id, id) == 0)
			return i;
	}
	return -1;
}

/* The name a prompt file uses for a dimension. */
const char *
framework_dimension_name(enum framework_dimension d)
{
	return d == FRAMEWORK_COMPETENCY ? "competency" : "person-centred";
}

/* Whether indicator i counts in area a: its own, or an ev.* indicator. */
int
framework_counts(int i, int a)
{
	if (i < 0 || i >= FRAMEWORK_NINDICATORS)
		return 0;
	return framework_indicators[i].area == a ||
	    framework_indicators[i].area == FRAMEWORK_EVIDENCE;
}

/* How many indicators area a has of its own. */
int
framework_area_total(int a)
{
	int	i, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		n += framework_indicators[i].area == a;
	return n;
}

/* How many typing slips a text of len bytes may hold and still suggest. */
static int
framework_slips(size_t len)
{
	if (len <= 3)
		return 0;
	return len <= 6 ? 1 : 2;
}

/*
 * The fewest slips between text and a start of the string from, which
 * ends at the id's end; max + 1 when more than max.
 */
static int
framework_start_slips(const char *text, size_t len, const char *from,
    int max)
{
	char	start[FRAMEWORK_ID_SIZE];
	size_t	fromlen = strlen(from), k, lo, hi;
	int	d, best = max + 1;

	lo = len > (size_t)max ? len - (size_t)max : 1;
	hi = len + (size_t)max < fromlen ? len + (size_t)max : fromlen;
	for (k = lo; k <= hi && k < sizeof start; k++) {
		memcpy(start, from, k);
		start[k] = '\0';
		if ((d = util_distance(text, start, max)) < best)
			best = d;
	}
	return best;
}

/*
 * How far text is from naming area a: the fewest slips between it and
 * a start of the id, or (for three letters or more) a start of a later
 * part of it ("vision", "mindset"); max + 1 when more than max.
 */
static int
framework_area_slips(const char *text, size_t len, int a, int max)
{
	const char	*part = framework_areas[a].id;
	int		 d, best = max + 1;

	for (; part != NULL; part = strchr(part, '-')) {
		if (*part == '-')
			part++;
		if (part != framework_areas[a].id && len < 3)
			continue;
		if ((d = framework_start_slips(text, len, part, max)) < best)
			best = d;
	}
	return best;
}

/* The one area text most likely meant; -1 when none, or several as close. */
static int
framework_area_nearest(const char *text, size_t len)
{
	int	a, d, max = framework_slips(len), best = -1, bestd = max + 1;
	int	tie = 0;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		d = framework_area_slips(text, len, a, max);
		if (d < bestd) {
			best = a;
			bestd = d;
			tie = 0;
		} else if (d == bestd && d <= max)
			tie = 1;
	}
	return best != -1 && !tie ? best : -1;
}

/* An area as a person names it; see framework.h. */
int
framework_area_parse(const char *s, int *suggest)
{
	char	text[FRAMEWORK_MAX_TYPED + 1];
	size_t	len, i;
	int	a, found = -1;

	if (suggest != NULL)
		*suggest = -1;
	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len > FRAMEWORK_MAX_TYPED)
		return -1;
	memcpy(text, s, len);
	text[len] = '\0';

	/* A number from 1 to 10. */
	for (i = 0; i < len && isdigit((unsigned char)text[i]); i++)
		;
	if (i == len) {
		if (len > 2 || (a = (int)strtol(text, NULL, 10)) < 1 ||
		    a > FRAMEWORK_NAREAS)
			return -1;
		return a - 1;
	}

	/* The id, or a start of one id alone. */
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (strncasecmp(framework_areas[a].id, text, len) != 0)
			continue;
		if (strlen(framework_areas[a].id) == len)
			return a;
		found = found == -1 ? a : -2;
	}
	if (found >= 0)
		return found;
	if (found == -1 && suggest != NULL)
		*suggest = framework_area_nearest(text, len);
	return -1;
}

/*
 * framework.c: the tables of area and indicator ids (see framework.h).
 */
#include <string.h>

#include "framework.h"

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

/* Index of the area with this id, or -1. */
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

/* Index of the indicator with this id, or -1. */
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

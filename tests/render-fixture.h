/*
 * render-fixture.h: plain structs for the tests of the renderers and of
 * readiness: prompts built by hand (no prompt files, no patterns) and
 * helpers to fill a picture and capture a stream.
 *
 * The prompts have the real titles of the areas and indicators; each
 * indicator's gap suggestion is "Gap of ID.", its shown phrase "shown
 * ID"; the [replies] notes are "Fits: {rating}, {shown} of {total}.",
 * "High: ..." and "Low: ..." (one variant each); [readiness] asks for a
 * rating of 3, two own indicators shown and ev.example, with the words
 * "Intro.", "Strengths:", "Thin:", "Next:" and "None yet.".
 *
 * Header-only (static inline), so that each test binary needs nothing
 * but its own file and the objects under test.  Ownership:
 * render_fixture_prompts returns prompts the caller frees with
 * render_fixture_free; render_fixture_end returns the captured text,
 * the caller's.
 */
#ifndef DHCOACH_RENDER_FIXTURE_H
#define DHCOACH_RENDER_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "picture.h"
#include "prompts.h"
#include "util.h"

static const char *const render_fixture_area_titles[FRAMEWORK_NAREAS] = {
	"Strategic vision", "Learning dissemination",
	"Innovation and change management", "Outcomes orientated",
	"Communication and influence", "Culture development",
	"Team development", "Growth mindset", "Integrity", "Insightfulness"
};

static const char *const render_fixture_titles[FRAMEWORK_NINDICATORS] = {
	"Seeing the bigger picture", "Making sense of information",
	"Setting out a vision", "Bringing key people on board",
	"Spotting learning needs", "Putting learning in place",
	"Learning at the right level", "Skills that grow and last",
	"Fresh ideas and connections", "Trying new ways of working",
	"Supporting people through change",
	"Designing with users", "Better experience and outcomes",
	"Using data and evidence", "Improving as you go",
	"A clear story and key messages", "Benefits for each group",
	"Why, what and how of the change", "Two-way communication",
	"Safe to try something new", "Recognising people's contribution",
	"Readiness and support through uncertainty",
	"Shared values and cooperation",
	"Clear expectations and ways of working",
	"A team with a mix of skills", "The right people and resources",
	"Growing future leaders",
	"Curiosity and learning", "Trying things out", "Open to challenge",
	"Keeping going and adapting",
	"Taking responsibility", "Doing what you said",
	"Honest about mistakes",
	"Honest self-appraisal", "Adapting how you work",
	"Effect of your style on others", "Personal action plan",
	"A specific example", "What you did yourself",
	"What happened as a result", "A number that shows the result",
	"What you learned"
};

/* One reply with one variant. */
static inline void
render_fixture_reply(struct prompts *p, enum prompts_reply k, const char *s)
{
	p->replies.v[k] = xcalloc(1, sizeof *p->replies.v[k]);
	p->replies.v[k][0] = xstrdup(s);
	p->replies.n[k] = 1;
}

/* Prompts built by hand; see the top of this file. */
static inline struct prompts *
render_fixture_prompts(void)
{
	struct prompts	*p;
	int		 i;

	p = xcalloc(1, sizeof *p);
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		p->areas[i].index = i;
		p->areas[i].title = xstrdup(render_fixture_area_titles[i]);
		p->areas[i].summary = xstrdup("");
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		p->indicators[i].index = i;
		p->indicators[i].title = xstrdup(render_fixture_titles[i]);
		p->indicators[i].shown = xasprintf("shown %s",
		    framework_indicators[i].id);
		p->indicators[i].gap = xasprintf("Gap of %s.",
		    framework_indicators[i].id);
	}
	render_fixture_reply(p, PROMPTS_REPLY_FITS,
	    "Fits: {rating}, {shown} of {total}.");
	render_fixture_reply(p, PROMPTS_REPLY_HIGH,
	    "High: {rating}, {shown} of {total}.");
	render_fixture_reply(p, PROMPTS_REPLY_LOW,
	    "Low: {rating}, {shown} of {total}.");
	p->readiness.min_rating = 3;
	p->readiness.min_shown = 2;
	p->readiness.require[framework_indicator_find("ev.example")] = 1;
	p->readiness.intro = xstrdup("Intro.");
	p->readiness.strengths = xstrdup("Strengths:");
	p->readiness.thin = xstrdup("Thin:");
	p->readiness.next = xstrdup("Next:");
	p->readiness.none = xstrdup("None yet.");
	return p;
}

/* Free what render_fixture_prompts made. */
static inline void
render_fixture_free(struct prompts *p)
{
	size_t	i, k;

	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		free(p->areas[i].title);
		free(p->areas[i].summary);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		free(p->indicators[i].title);
		free(p->indicators[i].shown);
		free(p->indicators[i].gap);
	}
	for (k = 0; k < PROMPTS_NREPLY; k++) {
		for (i = 0; i < p->replies.n[k]; i++)
			free(p->replies.v[k][i]);
		free(p->replies.v[k]);
	}
	free(p->readiness.intro);
	free(p->readiness.strengths);
	free(p->readiness.thin);
	free(p->readiness.next);
	free(p->readiness.none);
	free(p);
}

/* Indicator id shown in area a (an area id) with quote, at a time. */
static inline void
render_fixture_shown(struct picture *pic, const char *area, const char *id,
    const char *quote, int64_t session, const char *at)
{
	picture_add_shown(pic, framework_area_find(area),
	    framework_indicator_find(id), quote, session, at);
}

/* Give area id a rating and a number of answers. */
static inline void
render_fixture_rate(struct picture *pic, const char *id, int rating,
    int nanswers)
{
	pic->areas[framework_area_find(id)].rating = rating;
	pic->areas[framework_area_find(id)].nanswers = nanswers;
}

/* A stream into memory. */
struct render_fixture_out {
	FILE	*f;
	char	*text;
	size_t	 len;
};

static inline FILE *
render_fixture_begin(struct render_fixture_out *o)
{
	o->text = NULL;
	o->len = 0;
	if ((o->f = open_memstream(&o->text, &o->len)) == NULL)
		fatal("open_memstream");
	return o->f;
}

/* Close the stream and hand back what was written (the caller's). */
static inline char *
render_fixture_end(struct render_fixture_out *o)
{
	fclose(o->f);
	return o->text;
}

/*
 * Whether got is want; when not, print both to stderr from the first
 * line that differs (cmocka cuts long messages short).
 */
static inline int
render_fixture_same(const char *got, const char *want)
{
	size_t	i, line = 0;

	if (strcmp(got, want) == 0)
		return 1;
	for (i = 0; got[i] == want[i]; i++) {
		if (got[i] == '\n')
			line = i + 1;
	}
	fprintf(stderr, "--- want, from the first difference:\n%s\n"
	    "--- got:\n%s\n--- end\n", want + line, got + line);
	return 0;
}

#endif

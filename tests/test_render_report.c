/*
 * test_render_report.c: the mentor's report (Markdown and JSON) and
 * progress, written to memory and compared whole, over plain structs:
 * name, role and the sittings in words; per area the rating, evidence
 * with whole sentences where no sentence is quoted twice in one list
 * (the next one is taken; "(quoted above)" when none is left), claims
 * marked as the candidate's, gaps, calibration notes; the quality of
 * evidence over every area; the areas not explored; the plan; the
 * answers appendix; progress with trends and bars, wrapped at 80 and 60
 * columns.  Prompts come from render-fixture.h; the time zone is UTC.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coach.h"
#include "framework.h"
#include "picture.h"
#include "plan.h"
#include "render-fixture.h"
#include "render-report.h"

#define TODAY	"2026-11-26"
#define T1	"2026-11-02T10:00:00Z"
#define T2	"2026-11-19T10:00:00Z"
#define T3	"2026-11-26T10:00:00Z"

/* The prompts, made once. */
static struct prompts	*prompts;

/* Before the tests: the prompts, and the time zone UTC. */
static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	prompts = render_fixture_prompts();
	return 0;
}

/* After the tests: free the prompts. */
static int
teardown(void **state)
{
	(void)state;
	render_fixture_free(prompts);
	return 0;
}

/*
 * Two areas explored over three sittings.  In strategic vision one
 * sentence showed three indicators: the first quotes it, the second has
 * nothing else ("quoted above"), the third takes its older sentence.
 * Over all areas, ev.result and ev.measure share their newest sentence.
 */
static void
picture(struct picture *pic)
{
	picture_init(pic);
	pic->nsessions = 3;
	snprintf(pic->first, sizeof pic->first, "%s", T1);
	snprintf(pic->last, sizeof pic->last, "%s", T3);
	render_fixture_rate(pic, "strategic-vision", 4, 3);
	render_fixture_shown(pic, "strategic-vision", "sv.big-picture",
	    "We linked it to the strategy.", 3, T3);
	render_fixture_shown(pic, "strategic-vision", "sv.big-picture",
	    "I tied it to the plan.", 1, T1);
	render_fixture_shown(pic, "strategic-vision", "sv.analysis",
	    "We linked it to the strategy.", 3, T3);
	render_fixture_shown(pic, "strategic-vision", "sv.vision",
	    "We linked it to the strategy.", 3, T3);
	render_fixture_shown(pic, "strategic-vision", "sv.vision",
	    "I described a ward with no paper.", 2, T2);
	picture_add_covered(pic, framework_area_find("strategic-vision"),
	    framework_indicator_find("sv.influence"), 5,
	    "The board backed it.");
	render_fixture_shown(pic, "strategic-vision", "ev.example",
	    "For example, on ward 7.", 1, T1);
	render_fixture_shown(pic, "strategic-vision", "ev.result",
	    "Late observations fell from 18% to 6%.", 3, T3);
	render_fixture_rate(pic, "integrity", 5, 1);
	render_fixture_shown(pic, "integrity", "in.honesty",
	    "I told the ward I had got the rota *wrong*.", 2, T2);
	render_fixture_shown(pic, "integrity", "ev.measure",
	    "Late observations fell from 18% to 6%.", 2, T2);
	render_fixture_shown(pic, "integrity", "ev.measure",
	    "We saved 3 hours a week.", 2, T2);
}

/* A report of pic with two actions; with answers, two of those. */
static void
report(struct report *r, const struct picture *pic, const char *name,
    const char *role, int with_answers)
{
	static const struct plan_action	a[2] = {
		{ 1, "integrity", "Tell the ward team about the rota mistake",
		    "", "2026-11-01", "", 0, T1, T1, NULL },
		{ 2, "strategic-vision", "Present the e-obs audit to the board",
		    "The board funds two wards", "2027-03-31", "Sam, my mentor",
		    0, T3, T3, NULL }
	};
	int	k;

	memset(r, 0, sizeof *r);
	r->prompts = prompts;
	r->picture = pic;
	r->name = xstrdup(name);
	r->role = xstrdup(role);
	snprintf(r->today, sizeof r->today, "%s", TODAY);
	r->plan = xcalloc(2, sizeof *r->plan);
	for (k = 0; k < 2; k++)
		plan_action_copy(&r->plan[k], &a[k]);
	r->nplan = 2;
	r->with_answers = with_answers;
	if (!with_answers)
		return;
	r->answers = xcalloc(2, sizeof *r->answers);
	r->answers[0].area = framework_area_find("strategic-vision");
	r->answers[0].question = xstrdup("Where did the vision come from?");
	r->answers[0].answer = xstrdup("We linked it to the strategy.");
	r->answers[0].at = xstrdup("2026-11-26T10:37:00Z");
	r->answers[1].area = framework_area_find("integrity");
	r->answers[1].question = xstrdup("Tell me about a mistake.");
	r->answers[1].answer = xstrdup("I told the ward I had got the rota "
	    "*wrong*.");
	r->answers[1].at = "2026-11-19T09:05:00Z";
	r->answers[1].at = xstrdup(r->answers[1].at);
	r->nanswers = 2;
}

/* Render r as Markdown (json 0) or JSON; the text is the caller's. */
static char *
render(const struct report *r, int json)
{
	struct render_fixture_out	o;
	struct coach			c;
	FILE				*f;

	coach_init(&c, prompts);
	f = render_fixture_begin(&o);
	if (json)
		render_report_json(f, r, &c);
	else
		render_report_md(f, r, &c);
	return render_fixture_end(&o);
}

/* The report's areas and quality of evidence, as both tests expect them. */
#define MD_AREAS \
	"## Strategic vision\n" \
	"\n" \
	"- Self-rating: 4 of 5 (the latest you gave)\n" \
	"- Evidence: 3 of 4 shown [########--]\n" \
	"\n" \
	"Shown, in your words:\n" \
	"\n" \
	"- Seeing the bigger picture: \"We linked it to the strategy.\"\n" \
	"- Making sense of information: (quoted above)\n" \
	"- Setting out a vision: \"I described a ward with no paper.\"\n" \
	"\n" \
	"- You say covered, the coach did not find it: Bringing key people " \
	"on board: \"The\n" \
	"  board backed it.\"\n" \
	"\n" \
	"Calibration: Fits: 4, 3 of 4.\n" \
	"\n" \
	"## Integrity\n" \
	"\n" \
	"- Self-rating: 5 of 5 (the latest you gave)\n" \
	"- Evidence: 1 of 3 shown [###-------]\n" \
	"\n" \
	"Shown, in your words:\n" \
	"\n" \
	"- Honest about mistakes: \"I told the ward I had got the rota " \
	"\\*wrong\\*.\"\n" \
	"\n" \
	"Still to show:\n" \
	"\n" \
	"- Taking responsibility: Gap of in.accountability.\n" \
	"- Doing what you said: Gap of in.follow-through.\n" \
	"\n" \
	"Calibration: High: 5, 1 of 3.\n" \
	"\n" \
	"## Quality of evidence, over all your answers\n" \
	"\n" \
	"- Shown: 3 of 5 [######----]\n" \
	"\n" \
	"Shown, in your words:\n" \
	"\n" \
	"- A specific example: \"For example, on ward 7.\"\n" \
	"- What happened as a result: \"Late observations fell from 18% to " \
	"6%.\"\n" \
	"- A number that shows the result: \"We saved 3 hours a week.\"\n" \
	"\n" \
	"Still to show:\n" \
	"\n" \
	"- What you did yourself: Gap of ev.own-action.\n" \
	"- What you learned: Gap of ev.learning.\n" \
	"\n" \
	"## Not explored yet\n" \
	"\n" \
	"Learning dissemination, Innovation and change management, Outcomes " \
	"orientated,\n" \
	"Communication and influence, Culture development, Team development, " \
	"Growth\n" \
	"mindset, Insightfulness.\n" \
	"\n" \
	"## Action plan\n" \
	"\n" \
	"2 actions: 2 open (1 overdue), 0 done.\n" \
	"\n" \
	"### 1. Tell the ward team about the rota mistake\n" \
	"\n" \
	"- Status: open, overdue\n" \
	"- Due: Sunday 1 November 2026 (2026-11-01)\n" \
	"- Area: integrity\n" \
	"- How I will know it worked: (not given)\n" \
	"- Support: (not given)\n" \
	"\n" \
	"### 2. Present the e-obs audit to the board\n" \
	"\n" \
	"- Status: open\n" \
	"- Due: Wednesday 31 March 2027 (2027-03-31)\n" \
	"- Area: strategic-vision\n" \
	"- How I will know it worked: The board funds two wards\n" \
	"- Support: Sam, my mentor\n"

/* Markdown: who, when, every part, no sentence twice in one list. */
static void
test_md(void **state)
{
	struct picture	 pic;
	struct report	 r;
	char		*got;

	(void)state;
	picture(&pic);
	report(&r, &pic, "Sam Patel", "ward sister", 0);
	got = render(&r, 0);
	assert_true(render_fixture_same(got,
	    "# Digital leadership: evidence and action plan\n"
	    "\n"
	    "Prepared by Sam Patel, ward sister, with dhcoach on Thursday 26 "
	    "November 2026,\n"
	    "from 3 coaching sessions between Monday 2 November 2026 and "
	    "Thursday 26 November\n"
	    "2026. Ratings are your own, from 1 to 5; evidence is what your "
	    "answers showed,\n"
	    "in your own words.\n"
	    "\n"
	    MD_AREAS));
	free(got);
	report_free(&r);
	picture_free(&pic);
}

/* The appendix of answers, by area; a name with Markdown in it escaped. */
static void
test_md_answers(void **state)
{
	struct picture	 pic;
	struct report	 r;
	char		*got;

	(void)state;
	picture(&pic);
	report(&r, &pic, "Sam *the* Patel", "", 1);
	got = render(&r, 0);
	assert_true(render_fixture_same(got,
	    "# Digital leadership: evidence and action plan\n"
	    "\n"
	    "Prepared by Sam \\*the\\* Patel with dhcoach on Thursday 26 "
	    "November 2026, from 3\n"
	    "coaching sessions between Monday 2 November 2026 and Thursday 26 "
	    "November 2026.\n"
	    "Ratings are your own, from 1 to 5; evidence is what your answers "
	    "showed, in your\n"
	    "own words.\n"
	    "\n"
	    MD_AREAS
	    "\n"
	    "## Your answers, by area\n"
	    "\n"
	    "### Strategic vision\n"
	    "\n"
	    "Q: Where did the vision come from? (Thursday 26 November 2026, "
	    "10:37)\n"
	    "\n"
	    "A: We linked it to the strategy.\n"
	    "\n"
	    "### Integrity\n"
	    "\n"
	    "Q: Tell me about a mistake. (Thursday 19 November 2026, 09:05)\n"
	    "\n"
	    "A: I told the ward I had got the rota \\*wrong\\*.\n"));
	free(got);
	report_free(&r);
	picture_free(&pic);
}

/* The opening paragraph for one sitting, a role alone, or none yet. */
static void
test_md_header(void **state)
{
	struct picture	 pic;
	struct report	 r;
	char		*got;

	(void)state;
	picture_init(&pic);
	report(&r, &pic, "", "", 0);
	r.nplan = 0;
	got = render(&r, 0);
	assert_true(render_fixture_same(got,
	    "# Digital leadership: evidence and action plan\n"
	    "\n"
	    "Prepared with dhcoach on Thursday 26 November 2026; no coaching "
	    "sessions yet.\n"
	    "Ratings are your own, from 1 to 5; evidence is what your answers "
	    "showed, in your\n"
	    "own words.\n"
	    "\n"
	    "## Not explored yet\n"
	    "\n"
	    "Strategic vision, Learning dissemination, Innovation and change "
	    "management,\n"
	    "Outcomes orientated, Communication and influence, Culture "
	    "development, Team\n"
	    "development, Growth mindset, Integrity, Insightfulness.\n"
	    "\n"
	    "## Action plan\n"
	    "\n"
	    "No actions yet.\n"));
	free(got);
	r.nplan = 2;
	report_free(&r);

	pic.nsessions = 1;
	snprintf(pic.first, sizeof pic.first, "%s", T2);
	snprintf(pic.last, sizeof pic.last, "%s", T2);
	report(&r, &pic, "", "ward sister", 0);
	got = render(&r, 0);
	assert_non_null(strstr(got, "\n\nPrepared with dhcoach on Thursday 26 "
	    "November 2026 (role: ward sister), from 1\ncoaching session on "
	    "Thursday 19 November 2026. Ratings are"));
	free(got);
	report_free(&r);
	picture_free(&pic);
}

#define JSON_AREAS \
	"{\"prepared\":\"2026-11-26\",\"name\":\"Sam Patel\",\"role\":" \
	"\"ward \\\"sister\\\"\",\"sittings\":{\"count\":3,\"first\":" \
	"\"2026-11-02\",\"last\":\"2026-11-26\"},\"areas\":[\n" \
	"{\"id\":\"strategic-vision\",\"title\":\"Strategic vision\"," \
	"\"dimension\":\"competency\",\"explored\":true,\"rating\":4," \
	"\"shown\":3,\"total\":4,\"evidence\":[{\"id\":\"sv.big-picture\"," \
	"\"title\":\"Seeing the bigger picture\",\"quote\":\"We linked it " \
	"to the strategy.\"},{\"id\":\"sv.analysis\",\"title\":\"Making " \
	"sense of information\",\"quote\":\"We linked it to the strategy.\"},{\"id\":\"sv.vision\"," \
	"\"title\":\"Setting out a vision\",\"quote\":\"I described a ward " \
	"with no paper.\"}],\"covered\":[{\"id\":\"sv.influence\",\"title\":" \
	"\"Bringing key people on board\",\"quote\":\"The board backed " \
	"it.\"}],\"gaps\":[],\"calibration\":\"Fits: 4, 3 of 4.\"},\n" \
	"{\"id\":\"learning-dissemination\",\"title\":\"Learning " \
	"dissemination\",\"dimension\":\"competency\",\"explored\":false," \
	"\"rating\":null,\"shown\":0,\"total\":4,\"evidence\":[]," \
	"\"covered\":[],\"gaps\":[],\"calibration\":null},\n" \
	"{\"id\":\"innovation-change\",\"title\":\"Innovation and change " \
	"management\",\"dimension\":\"competency\",\"explored\":false," \
	"\"rating\":null,\"shown\":0,\"total\":3,\"evidence\":[]," \
	"\"covered\":[],\"gaps\":[],\"calibration\":null},\n" \
	"{\"id\":\"outcomes-orientated\",\"title\":\"Outcomes orientated\"," \
	"\"dimension\":\"competency\",\"explored\":false,\"rating\":null," \
	"\"shown\":0,\"total\":4,\"evidence\":[],\"covered\":[],\"gaps\":[]," \
	"\"calibration\":null},\n" \
	"{\"id\":\"communication-influence\",\"title\":\"Communication and " \
	"influence\",\"dimension\":\"competency\",\"explored\":false," \
	"\"rating\":null,\"shown\":0,\"total\":4,\"evidence\":[]," \
	"\"covered\":[],\"gaps\":[],\"calibration\":null},\n" \
	"{\"id\":\"culture-development\",\"title\":\"Culture development\"," \
	"\"dimension\":\"person-centred\",\"explored\":false,\"rating\":" \
	"null,\"shown\":0,\"total\":5,\"evidence\":[],\"covered\":[]," \
	"\"gaps\":[],\"calibration\":null},\n" \
	"{\"id\":\"team-development\",\"title\":\"Team development\"," \
	"\"dimension\":\"person-centred\",\"explored\":false,\"rating\":" \
	"null,\"shown\":0,\"total\":3,\"evidence\":[],\"covered\":[]," \
	"\"gaps\":[],\"calibration\":null},\n" \
	"{\"id\":\"growth-mindset\",\"title\":\"Growth mindset\"," \
	"\"dimension\":\"person-centred\",\"explored\":false,\"rating\":" \
	"null,\"shown\":0,\"total\":4,\"evidence\":[],\"covered\":[]," \
	"\"gaps\":[],\"calibration\":null},\n" \
	"{\"id\":\"integrity\",\"title\":\"Integrity\",\"dimension\":" \
	"\"person-centred\",\"explored\":true,\"rating\":5,\"shown\":1," \
	"\"total\":3,\"evidence\":[{\"id\":\"in.honesty\",\"title\":" \
	"\"Honest about mistakes\",\"quote\":\"I told the ward I had got " \
	"the rota *wrong*.\"}],\"covered\":[],\"gaps\":[{\"id\":" \
	"\"in.accountability\",\"title\":\"Taking responsibility\"," \
	"\"suggestion\":\"Gap of in.accountability.\"},{\"id\":" \
	"\"in.follow-through\",\"title\":\"Doing what you said\"," \
	"\"suggestion\":\"Gap of in.follow-through.\"}],\"calibration\":" \
	"\"High: 5, 1 of 3.\"},\n" \
	"{\"id\":\"insightfulness\",\"title\":\"Insightfulness\"," \
	"\"dimension\":\"person-centred\",\"explored\":false,\"rating\":" \
	"null,\"shown\":0,\"total\":4,\"evidence\":[],\"covered\":[]," \
	"\"gaps\":[],\"calibration\":null}\n"

#define JSON_TAIL \
	"],\"evidence_quality\":{\"shown\":3,\"total\":5,\"evidence\":" \
	"[{\"id\":\"ev.example\",\"title\":\"A specific example\",\"quote\":" \
	"\"For example, on ward 7.\"},{\"id\":\"ev.result\",\"title\":" \
	"\"What happened as a result\",\"quote\":\"Late observations fell " \
	"from 18% to 6%.\"},{\"id\":\"ev.measure\",\"title\":\"A number " \
	"that shows the result\",\"quote\":\"We saved 3 hours a week.\"}]," \
	"\"covered\":[],\"gaps\":[{\"id\":\"ev.own-action\",\"title\":" \
	"\"What you did yourself\",\"suggestion\":\"Gap of " \
	"ev.own-action.\"},{\"id\":\"ev.learning\",\"title\":\"What you " \
	"learned\",\"suggestion\":\"Gap of ev.learning.\"}]},\n" \
	"\"plan\":[\n" \
	"{\"id\":1,\"area\":\"integrity\",\"action\":\"Tell the ward team " \
	"about the rota mistake\",\"measure\":\"\",\"due\":\"2026-11-01\"," \
	"\"support\":\"\",\"status\":\"open\",\"created\":\"" T1 "\"," \
	"\"updated\":\"" T1 "\",\"done\":null},\n" \
	"{\"id\":2,\"area\":\"strategic-vision\",\"action\":\"Present the " \
	"e-obs audit to the board\",\"measure\":\"The board funds two " \
	"wards\",\"due\":\"2027-03-31\",\"support\":\"Sam, my mentor\"," \
	"\"status\":\"open\",\"created\":\"" T3 "\",\"updated\":\"" T3 "\"," \
	"\"done\":null}\n" \
	"],\n" \
	"\"answers\":[\n" \
	"{\"area\":\"strategic-vision\",\"question\":\"Where did the vision " \
	"come from?\",\"answer\":\"We linked it to the strategy.\",\"at\":" \
	"\"2026-11-26T10:37:00Z\"},\n" \
	"{\"area\":\"integrity\",\"question\":\"Tell me about a mistake.\"," \
	"\"answer\":\"I told the ward I had got the rota *wrong*.\",\"at\":" \
	"\"2026-11-19T09:05:00Z\"}\n" \
	"]}\n"

/* A claim with no sentence kept: its title alone, quote null. */
static void
test_claim_alone(void **state)
{
	struct picture	 pic;
	struct report	 r;
	char		*got;

	(void)state;
	picture_init(&pic);
	render_fixture_rate(&pic, "integrity", 3, 1);
	picture_add_covered(&pic, framework_area_find("integrity"),
	    framework_indicator_find("in.honesty"), 4, NULL);
	report(&r, &pic, "", "", 0);
	got = render(&r, 0);
	assert_non_null(strstr(got, "\n\n- You say covered, the coach did "
	"not find it: Honest about mistakes\n\nStill to show:\n\n"
	"- Taking responsibility: Gap of in.accountability.\n"
	"- Doing what you said: Gap of in.follow-through.\n\n"
	"Calibration: Fits: 3, 0 of 3.\n"));
	free(got);
	got = render(&r, 1);
	assert_non_null(strstr(got, "\"covered\":[{\"id\":\"in.honesty\","
	"\"title\":\"Honest about mistakes\",\"quote\":null}],"));
	free(got);
	report_free(&r);
	picture_free(&pic);
}

/* JSON: the same content, one area a line, the plan as exported. */
static void
test_json(void **state)
{
	struct picture	 pic;
	struct report	 r;
	char		*got, *want;

	(void)state;
	picture(&pic);
	report(&r, &pic, "Sam Patel", "ward \"sister\"", 1);
	got = render(&r, 1);
	want = xasprintf("%s%s", JSON_AREAS, JSON_TAIL);
	assert_true(render_fixture_same(got, want));
	free(want);
	free(got);
	report_free(&r);
	picture_free(&pic);
}

/* JSON with nothing yet: nulls, no answers key without --answers. */
static void
test_json_empty(void **state)
{
	static const char	*head = "{\"prepared\":\"2026-11-26\","
	    "\"name\":null,\"role\":null,\"sittings\":{\"count\":0,"
	    "\"first\":null,\"last\":null},\"areas\":[\n";
	struct picture	 pic;
	struct report	 r;
	char		*got;

	(void)state;
	picture_init(&pic);
	report(&r, &pic, "", "", 0);
	r.nplan = 0;
	got = render(&r, 1);
	assert_true(strncmp(got, head, strlen(head)) == 0);
	assert_non_null(strstr(got, "\n],\"evidence_quality\":{\"shown\":0,"
	    "\"total\":5,\"evidence\":[],\"covered\":[],\"gaps\":[]},\n"
	    "\"plan\":[]}\n"));
	assert_null(strstr(got, "answers"));
	free(got);
	r.nplan = 2;
	report_free(&r);
	picture_free(&pic);
}

/* The visits of progress: four areas over three sittings. */
static void
visits(struct progress *pr)
{
	static const struct progress_visit	v[] = {
		{ 1, 0, 2, 1, 1 },	/* strategic-vision */
		{ 1, 8, 4, 1, 1 },	/* integrity */
		{ 2, 0, 3, 2, 2 },
		{ 2, 7, 1, 2, 3 },	/* growth-mindset */
		{ 3, 0, 4, 1, 3 },
		{ 3, 8, 5, 0, 0 },	/* a rating, no answer */
		{ 3, 9, 0, 1, 1 },	/* insightfulness, no rating */
	};

	pr->n = sizeof v / sizeof v[0];
	pr->v = xreallocarray(NULL, pr->n, sizeof *pr->v);
	memcpy(pr->v, v, sizeof v);
	pr->nsessions = 3;
}

/* Render progress of area a (-1: all) at width. */
static char *
render_progress_text(const struct progress *pr, int a, int width)
{
	struct render_fixture_out	o;

	render_progress(render_fixture_begin(&o), prompts, pr, a, width);
	return render_fixture_end(&o);
}

/* Progress: trends, bars, the areas not explored, as before. */
static void
test_progress(void **state)
{
	struct progress	 pr;
	char		*got;

	(void)state;
	visits(&pr);
	got = render_progress_text(&pr, -1, 80);
	assert_true(render_fixture_same(got,
	    "Your progress over 3 sessions, from the first to the latest in "
	    "each area.\n"
	    "Evidence counts the area's indicators your answers showed in each "
	    "session;\n"
	    "\"-\" marks a session without a rating or without an answer.\n"
	    "\n"
	    "Strategic vision (3 sessions)\n"
	    "  self-rating  2 > 3 > 4\n"
	    "  evidence     1 > 2 > 3 of 4  [########--]\n"
	    "\n"
	    "Growth mindset (1 session)\n"
	    "  self-rating  1\n"
	    "  evidence     3 of 4  [########--]\n"
	    "\n"
	    "Integrity (2 sessions)\n"
	    "  self-rating  4 > 5\n"
	    "  evidence     1 > - of 3  [###-------]\n"
	    "\n"
	    "Insightfulness (1 session)\n"
	    "  self-rating  not given yet\n"
	    "  evidence     1 of 4  [###-------]\n"
	    "\n"
	    "Not explored yet: Learning dissemination, Innovation and change "
	    "management,\n"
	    "  Outcomes orientated, Communication and influence, Culture "
	    "development, Team\n"
	    "  development.\n"));
	free(got);

	got = render_progress_text(&pr, 8, 80);
	assert_true(render_fixture_same(got,
	    "Your progress over 3 sessions, from the first to the latest in "
	    "each area.\n"
	    "Evidence counts the area's indicators your answers showed in each "
	    "session;\n"
	    "\"-\" marks a session without a rating or without an answer.\n"
	    "\n"
	    "Integrity (2 sessions)\n"
	    "  self-rating  4 > 5\n"
	    "  evidence     1 > - of 3  [###-------]\n"));
	free(got);

	got = render_progress_text(&pr, 6, 80);
	assert_non_null(strstr(got, "answer.\n\nYou have not explored Team "
	    "development in a session yet: 'dhcoach --area\nteam-development' "
	    "starts there.\n"));
	free(got);
	progress_free(&pr);

	got = render_progress_text(&pr, -1, 80);
	assert_string_equal(got, "No sessions yet: run dhcoach to start your "
	    "first, and your progress will show\nhere.\n");
	free(got);
}

/* Progress at 60 columns: wrapped between words; a long trend elided. */
static void
test_progress_narrow(void **state)
{
	struct progress	 pr;
	char		*got, *line, *save = NULL;
	size_t		 k;

	(void)state;
	pr.n = 12;
	pr.nsessions = 12;
	pr.v = xcalloc(pr.n, sizeof *pr.v);
	for (k = 0; k < pr.n; k++) {
		pr.v[k].session = (int64_t)k + 1;
		pr.v[k].area = 5;
		pr.v[k].rating = 1 + (int)k % 5;
		pr.v[k].nanswers = 1;
		pr.v[k].shown = (int)k % 6;
	}
	got = render_progress_text(&pr, -1, 60);
	assert_true(render_fixture_same(got,
	    "Your progress over 12 sessions, from the first to the latest\n"
	    "in each area.\n"
	    "Evidence counts the area's indicators your answers showed in\n"
	    "each session;\n"
	    "\"-\" marks a session without a rating or without an answer.\n"
	    "\n"
	    "Culture development (12 sessions)\n"
	    "  self-rating  1 > ... > 2 > 3 > 4 > 5 > 1 > 2\n"
	    "  evidence     0 > ... > 0 > 1 > 2 > 3 > 4 > 5 of 5\n"
	    "               [##########]\n"
	    "\n"
	    "Not explored yet: Strategic vision, Learning dissemination,\n"
	    "  Innovation and change management, Outcomes orientated,\n"
	    "  Communication and influence, Team development, Growth\n"
	    "  mindset, Integrity, Insightfulness.\n"));
	for (line = strtok_r(got, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		assert_true(strlen(line) <= 60);
	free(got);
	progress_free(&pr);
}

/* Run the tests; the status is the number that failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_md_answers),
		cmocka_unit_test(test_md_header),
		cmocka_unit_test(test_claim_alone),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_progress_narrow),
	};

	return cmocka_run_group_tests_name("render-report", tests, setup,
	    teardown);
}

/*
 * converse.c: the conversation's flow (see converse.h): the sitting from
 * its welcome to its summary, and each area from its definition and
 * rating through answers and probes to its summing-up.  What the
 * candidate types is read by converse-read.c, and slash commands run in
 * converse-cmd.c; the state they share is in converse-int.h.
 *
 * Invariants: every rating and answer reaches the store, or the
 * recovery folder, before the next question is asked, and no line is
 * ever read to mean "try again": a failed save is queued and retried
 * before the next one, in order.  The picture in memory is the store's
 * plus the answers still queued.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "converse-int.h"
#include "store-picture.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* Print text wrapped to the width, paragraph by paragraph. */
void
converse_say(struct converse *c, const char *text)
{
	const char	*s = text, *nl;
	char		*line;

	for (;;) {
		nl = strchr(s, '\n');
		line = xstrndup(s, nl != NULL ? (size_t)(nl - s) : strlen(s));
		if (*line == '\0')
			fputc('\n', c->out);
		else
			util_wrap(c->out, line, 0, 0, c->opt->width);
		free(line);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

/* Print a formatted message, wrapped. */
void
converse_sayf(struct converse *c, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	converse_say(c, s);
	free(s);
}

/* Print a heading, bold on a colour terminal. */
void
converse_heading(struct converse *c, const char *text)
{
	if (c->opt->colour)
		fprintf(c->out, "\033[1m");
	util_wrap(c->out, text, 0, 4, c->opt->width);
	if (c->opt->colour)
		fprintf(c->out, "\033[0m");
}

/* Note a store failure that the conversation survives, and go on. */
void
converse_warn(struct converse *c, const char *what, struct err *e)
{
	converse_sayf(c, "I couldn't %s just now: %s.", what, e->msg);
	err_clear(e);
}

/* The title of area a in running text: "[3/10] Innovation and change". */
static char *
converse_area_name(struct converse *c, int a)
{
	return xasprintf("[%d/%d] %s", a + 1, FRAMEWORK_NAREAS,
	    c->p->areas[a].title);
}

/*
 * Keep an answer: stored at once, or queued in the recovery folder when
 * the store refuses it (keep.h), saying so.  Returns its id, 0 when
 * queued.
 */
static int64_t
converse_keep(struct converse *c, int a, const char *kind, const char *q,
    const char *text, const struct analysis *an)
{
	struct err	 why = { 0 }, nofile = { 0 };
	const char	*path;
	int64_t		 id = 0;

	switch (keep_answer(&c->keep, a, kind, q, text, an, c->edit_path, &id,
	    &path, &why, &nofile)) {
	case KEEP_SAVED:
		break;
	case KEEP_FILED:
		converse_sayf(c, "I couldn't save that answer just now (%s). It "
		    "is kept safe in %s, and I'll save it as soon as the "
		    "database lets me. Carry on.", why.msg, path);
		break;
	case KEEP_MEMORY:
		converse_sayf(c, "I couldn't save that answer just now (%s), "
		    "and I couldn't write it to a file either (%s). I'll keep "
		    "it and try again with your next answer.", why.msg,
		    nofile.msg);
		break;
	}
	err_clear(&why);
	err_clear(&nofile);
	free(c->edit_path);
	c->edit_path = NULL;
	return id;
}

/* Read the picture again from the store, with the queued answers on top. */
int
converse_refresh(struct converse *c)
{
	int	last = c->pic.last_area;	/* where the last sitting stopped */

	picture_free(&c->pic);
	picture_init(&c->pic);
	if (store_picture(c->db, &c->pic, c->e) != 0)
		return -1;
	c->pic.last_area = last;
	keep_overlay(&c->keep, &c->pic);
	return 0;
}

/* Record a rating; a failure is told and the conversation goes on. */
void
converse_rate(struct converse *c, int a, int rating)
{
	struct err	e = { 0 };
	char		now[DATE_TIME_LEN];

	if (store_rating_set(c->db, c->session, a, rating, &e) != 0) {
		converse_warn(c, "save your rating", &e);
		converse_say(c, "It counts for this sitting; /rate sets it again "
		    "later.");
	}
	c->pic.areas[a].rating = rating;
	date_now(now);
	snprintf(c->pic.areas[a].rated_at, sizeof c->pic.areas[a].rated_at,
	    "%s", now);
}

/* Sum up area a, marking it finished when anything was given. */
static void
converse_sum_up(struct converse *c, int a)
{
	struct buf	b = { 0 };
	struct err	e = { 0 };

	fputc('\n', c->out);
	if (c->pic.areas[a].nanswers == 0 && c->pic.areas[a].rating == 0) {
		converse_sayf(c, "We'll come back to %s another time.",
		    c->p->areas[a].title);
		return;
	}
	coach_summary(&c->coach, &b, &c->pic, a);
	converse_say(c, b.data);
	buf_free(&b);
	if (store_area_finished(c->db, c->session, a, &e) != 0)
		err_clear(&e);
	c->pic.areas[a].finished = 1;
}

/* Whether area a is done: nothing of its own open, or probed enough. */
static int
converse_done(struct converse *c, int a)
{
	int	i;

	if (c->nprobes[a] >= COACH_MAX_PROBES)
		return 1;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area == a &&
		    !picture_settled(&c->pic, a, i))
			return 0;
	}
	return 1;
}

/* Mark as probed every gap of a whose probes were all answered before. */
static void
converse_exhaust(struct converse *c, int a)
{
	int	i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_counts(i, a) && c->probed[a][i] == 0 &&
		    !picture_settled(&c->pic, a, i) &&
		    coach_probe(&c->coach, &c->pic, a, i, 0) == NULL)
			c->probed[a][i] = 1;
	}
}

/* The probe for gap g, counted; NULL when none is left to ask. */
static const char *
converse_probe(struct converse *c, int a, int g)
{
	const char	*q;

	if (g == -1)
		return NULL;
	q = coach_probe(&c->coach, &c->pic, a, g, c->probed[a][g]);
	c->probed[a][g]++;
	if (q != NULL)
		c->nprobes[a]++;
	return q;
}

/* Remember a next step the candidate wrote, for the plan offer. */
static void
converse_step(struct converse *c, const struct analysis *an, int a)
{
	int	i;

	if (a != CONVERSE_INSIGHT ||
	    (i = framework_indicator_find("is.action-plan")) == -1 ||
	    !analyse_shown(an, i))
		return;
	free(c->step);
	c->step = analyse_quote(an, i);
}

/*
 * Take an answer in area a: keep it, add its evidence to the picture
 * and reply.  Returns the gap the reply asked about, or -1.
 */
static int
converse_answer(struct converse *c, int a, const char *kind, const char *q,
    const char *text, int with_gap)
{
	struct coach_fresh	 f;
	struct analysis		 an;
	struct buf		 b = { 0 };
	char			*quotes[FRAMEWORK_NINDICATORS] = { 0 };
	char			 now[DATE_TIME_LEN];
	int64_t			 id;
	int			 i, gap;

	analyse_run(c->p, text, strlen(text), &an);
	for (i = 0; i < (int)an.nwarnings; i++)
		fprintf(stderr, "%s: %s\n", PROGNAME, an.warnings[i]);
	id = converse_keep(c, a, kind, q, text, &an);
	date_now(now);
	memset(&f, 0, sizeof f);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!analyse_shown(&an, i))
			continue;
		quotes[i] = analyse_quote(&an, i);
		f.fresh[i] = framework_counts(i, a) &&
		    !c->pic.areas[a].ev[i].shown;
		f.quotes[i] = quotes[i];
		picture_add_shown(&c->pic, a, i, quotes[i], c->session, now);
	}
	picture_add_asked(&c->pic, a, q);
	c->pic.areas[a].nanswers++;
	c->pic.areas[a].last_answer = id;
	snprintf(c->pic.areas[a].last_at, sizeof c->pic.areas[a].last_at,
	    "%s", now);
	free(c->gist[a]);
	c->gist[a] = analyse_gist(&an);
	f.gist = c->gist[a];
	c->answered[a]++;
	converse_step(c, &an, a);
	converse_exhaust(c, a);
	gap = coach_reply(&c->coach, &b, &c->pic, a, &f, c->probed[a],
	    with_gap && !converse_done(c, a));
	fputc('\n', c->out);
	converse_say(c, b.data);
	buf_free(&b);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		free(quotes[i]);
	analyse_free(&an);
	return gap;
}

/*
 * The self-rating of area a: asked when there is none, else offered to
 * keep.  Returns RATED, SKIP or DEFER to go on, or how the candidate
 * left.
 */
static int
converse_rating(struct converse *c, int a)
{
	const struct picture_area	*pa = &c->pic.areas[a];
	char				*line, *text, when[DATE_WORDS_LEN];
	char				 day[DATE_LEN];
	int				 i, r;

	if (pa->rating != 0) {
		date_of_time(pa->rated_at, day);
		date_short(day, c->today, when, sizeof when);
		converse_sayf(c, "Your rating here: %d (given %s). Type a new "
		    "one, or press Enter to keep it.", pa->rating, when);
		r = converse_read(c, CONVERSE_ASK_KEEP, &line);
		free(line);
		return r == CONVERSE_LINE ? CONVERSE_RATED : r;
	}
	fputc('\n', c->out);
	converse_say(c, "How would you rate yourself here?");
	for (i = 0; i < PROMPTS_SCALE; i++) {
		text = xasprintf("%d  %s", i + 1, c->p->scale[i]);
		util_wrap(c->out, text, 2, 5, c->opt->width);
		free(text);
	}
	return converse_read(c, CONVERSE_ASK_RATING, &line);
}

/* Ask the rating that waited for the first answer. */
static int
converse_rating_after(struct converse *c, int a)
{
	char	*line;
	int	 r;

	if (!c->rating_due[a] || c->pic.areas[a].rating != 0)
		return CONVERSE_RATED;
	c->rating_due[a] = 0;
	fputc('\n', c->out);
	converse_say(c, "Before we go on: how would you rate yourself here, "
	    "from 1 (not yet) to 5 (strong, repeated evidence)? /skip leaves "
	    "it for now.");
	r = converse_read(c, CONVERSE_ASK_RATING, &line);
	/* An answer instead of a rating: no rating for now, and the line
	 * (pushed back) answers the next question. */
	return r == CONVERSE_DEFER ? CONVERSE_SKIP : r;
}

/*
 * The first question of area a: a main one not answered before, else
 * a probe of a gap; NULL when there is nothing left to ask.
 */
static const char *
converse_first(struct converse *c, int a, const char **kind)
{
	const char	*q;

	*kind = "prompt";
	if ((q = coach_question(&c->coach, &c->pic, a)) != NULL)
		return q;
	*kind = "probe";
	converse_exhaust(c, a);
	return converse_probe(c, a, picture_next_gap(&c->pic, a,
	    c->probed[a]));
}

/* Show area a's heading and definition, and mark where the sitting is. */
static void
converse_area_open(struct converse *c, int a)
{
	struct err	 e = { 0 };
	char		*title;

	c->current = a;
	if (store_session_area(c->db, c->session, a, &e) != 0)
		err_clear(&e);
	title = xasprintf("[%d/%d] %s: %s", a + 1, FRAMEWORK_NAREAS,
	    framework_areas[a].dimension == FRAMEWORK_COMPETENCY ?
	    "Competency-based" : "Person-centred", c->p->areas[a].title);
	fputc('\n', c->out);
	converse_heading(c, title);
	free(title);
	converse_say(c, c->p->areas[a].summary);
}

/* The answers and probes of area a, from its first question. */
static int
converse_area_talk(struct converse *c, int a, const char *q, const char *kind)
{
	char	*text;
	int	 r, gap;

	for (;;) {
		fputc('\n', c->out);
		converse_say(c, q);
		if ((r = converse_read(c, CONVERSE_ASK_ANSWER, &text)) ==
		    CONVERSE_NEXT)
			break;
		if (r != CONVERSE_LINE)
			return r;
		gap = converse_answer(c, a, kind, q, text, 1);
		free(text);
		r = converse_rating_after(c, a);
		if (r != CONVERSE_RATED && r != CONVERSE_SKIP)
			return r;
		if (converse_done(c, a) || (q = converse_probe(c, a,
		    gap)) == NULL)
			break;
		kind = "probe";
	}
	converse_sum_up(c, a);
	return CONVERSE_NEXT;
}

/* Run one area; returns how the candidate left it. */
static int
converse_area(struct converse *c, int a)
{
	const char	*q, *kind;
	int		 r;

	converse_area_open(c, a);
	r = converse_rating(c, a);
	if (r == CONVERSE_DEFER)
		c->rating_due[a] = 1;
	else if (r != CONVERSE_RATED && r != CONVERSE_SKIP)
		return r;
	if ((q = converse_first(c, a, &kind)) == NULL) {
		fputc('\n', c->out);
		converse_sayf(c, "You have answered every question I have about "
		    "%s.", c->p->areas[a].title);
		converse_sum_up(c, a);
		return CONVERSE_NEXT;
	}
	return converse_area_talk(c, a, q, kind);
}

/* After Insightfulness: offer to start the plan from the next step written. */
static int
converse_offer_plan(struct converse *c)
{
	char	*answer;
	int	 r, yes;

	fputc('\n', c->out);
	if (!c->src->interactive) {
		converse_say(c, "When you are ready, /plan turns your reflection "
		    "into an action plan, one question at a time.");
		return CONVERSE_NEXT;
	}
	converse_sayf(c, "%s (Y/n)", c->p->plan.offer);
	if ((r = converse_read_yesno(c, &answer, &yes)) != CONVERSE_LINE)
		return r;
	if (!yes) {
		converse_say(c, "That's fine: /plan, or 'dhcoach plan add', starts "
		    "it whenever you are ready.");
		return CONVERSE_NEXT;
	}
	r = converse_cmd_plan_at(c, CONVERSE_INSIGHT, answer != NULL ? answer :
	    c->step);
	free(answer);
	return r == CONVERSE_AGAIN ? CONVERSE_NEXT : r;
}

/* The next area to visit after a: the next unfinished one (any with --new). */
static int
converse_after(struct converse *c, int a)
{
	int	k;

	for (k = a + 1; k < FRAMEWORK_NAREAS; k++) {
		if (c->opt->fresh || picture_state(&c->pic, k) !=
		    PICTURE_FINISHED)
			return k;
	}
	return -1;
}

/* Print the names of the unfinished areas, as one sentence. */
static void
converse_unfinished(struct converse *c)
{
	struct buf	b = { 0 };
	int		a, n = 0;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (picture_state(&c->pic, a) == PICTURE_FINISHED)
			continue;
		buf_printf(&b, "%s%s", n > 0 ? ", " : "", c->p->areas[a].title);
		n++;
	}
	converse_sayf(c, "%s still to finish: %s.", n == 1 ? "One area is" :
	    "These areas are", b.data);
	buf_free(&b);
}

/* The end of the walk: offer what is unfinished, or the readiness summary. */
static int
converse_walk_end(struct converse *c)
{
	char	*answer, *q, *name;
	int	 k, r, yes;

	fputc('\n', c->out);
	if ((k = picture_next_unfinished(&c->pic, 0)) == -1) {
		converse_say(c, "You have now looked at all ten areas.");
		if (!c->src->interactive)
			return CONVERSE_QUIT;
		converse_say(c, "Would you like to see your readiness summary: "
		    "where you have experience to build on, and what would most "
		    "strengthen an application? (Y/n)");
		if ((r = converse_read_yesno(c, &answer, &yes)) != CONVERSE_LINE)
			return r;
		free(answer);
		c->res->show_readiness = yes;
		return CONVERSE_QUIT;
	}
	converse_unfinished(c);
	c->target = k;
	if (!c->src->interactive)
		return CONVERSE_GOTO;
	name = converse_area_name(c, k);
	q = xasprintf("Shall we go on to %s? (Y/n)", name);
	converse_say(c, q);
	free(q);
	free(name);
	if ((r = converse_read_yesno(c, &answer, &yes)) != CONVERSE_LINE)
		return r;
	if (answer != NULL)
		source_unread(c->src, answer);
	return yes ? CONVERSE_GOTO : CONVERSE_QUIT;
}

/* Restore answers left in the recovery folder by an earlier sitting. */
static int
converse_restore(struct converse *c)
{
	struct err	e = { 0 };
	size_t		found, saved;

	if (keep_restore(&c->keep, &found, &saved, &e) != 0) {
		converse_sayf(c, "\nSome answers from an earlier sitting could "
		    "not be saved then, and still cannot be: %s. They stay in "
		    "%s until they can.", e.msg, c->opt->recover_dir);
		err_clear(&e);
	} else if (found > 0)
		converse_sayf(c, "\n%zu answer%s from an earlier sitting could "
		    "not be saved then and %s kept in %s: %s now in your "
		    "database.", found, found == 1 ? "" : "s", found == 1 ?
		    "was" : "were", c->opt->recover_dir, found == 1 ? "it is" :
		    "they are");
	return found > 0 || saved > 0 ? converse_refresh(c) : 0;
}

/* Ask once, on a terminal, for the name and role the report shows. */
static int
converse_profile(struct converse *c)
{
	struct err	 e = { 0 };
	char		*line;
	int		 asked = 1, r;

	if (!c->src->interactive || store_profile_asked(c->db, &asked,
	    &e) != 0 || asked) {
		err_clear(&e);
		return CONVERSE_AGAIN;
	}
	fputc('\n', c->out);
	converse_say(c, "Before we begin: what name and role should the report "
	    "for your mentor show? For example: Sam Patel, ward sister. Press "
	    "Enter to leave them out; /me changes them later.");
	if ((r = converse_read(c, CONVERSE_ASK_REPLY, &line)) != CONVERSE_LINE)
		return r;
	converse_cmd_me_set(c, line);
	free(line);
	return CONVERSE_AGAIN;
}

/* The area with the most of its own indicators still open. */
static int
converse_widest(struct converse *c)
{
	int	a, best = 0, open, most = -1, shown, total;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		shown = picture_shown(&c->pic, a, &total);
		open = total - shown - picture_covered(&c->pic, a);
		if (open > most) {
			most = open;
			best = a;
		}
	}
	return best;
}

/* Welcome a candidate back: the recap, and where to carry on. */
static int
converse_welcome_back(struct converse *c, int *start)
{
	struct buf	 b = { 0 };
	char		*answer, *name;
	int		 next, r, yes;

	next = picture_next_unfinished(&c->pic, 0);
	fputc('\n', c->out);
	if (next == -1) {
		next = converse_widest(c);
		if (picture_next_gap(&c->pic, next, NULL) == -1)
			converse_say(c, "Welcome back. You have looked at all ten "
			    "areas and shown everything I look for: add to any "
			    "area you like (/goto), or see where you stand with "
			    "'dhcoach readiness'.");
		else
			converse_say(c, "Welcome back. You have looked at all ten "
			    "areas already; let's add to the one with the most "
			    "still open.");
	} else if (c->pic.last_area >= 0) {
		name = converse_area_name(c, c->pic.last_area);
		converse_sayf(c, "Welcome back. Last time you got as far as %s.",
		    name);
		free(name);
	} else
		converse_say(c, "Welcome back.");
	name = converse_area_name(c, next);
	coach_recap(&c->coach, &b, &c->pic, next, c->today);
	converse_sayf(c, "%s. %s", name, b.data);
	buf_free(&b);
	*start = next;
	if (!c->src->interactive) {
		free(name);
		return CONVERSE_LINE;
	}
	converse_sayf(c, "Carry on with %s? (Y/n)", name);
	free(name);
	if ((r = converse_read_yesno(c, &answer, &yes)) == CONVERSE_GOTO)
		*start = c->target;
	if (r != CONVERSE_LINE)
		return r == CONVERSE_GOTO ? CONVERSE_LINE : r;
	if (answer != NULL)
		source_unread(c->src, answer);
	if (!yes) {
		*start = 0;
		converse_say(c, "Then we'll start again from the first area; what "
		    "you showed before still counts.");
	}
	return CONVERSE_LINE;
}

/* Where the walk starts: --area, --new, carrying on, or the beginning. */
static int
converse_start(struct converse *c, int *start)
{
	*start = 0;
	if (c->opt->start >= 0) {
		*start = c->opt->start;
		return CONVERSE_LINE;
	}
	if (c->opt->fresh || c->pic.nsessions == 0)
		return CONVERSE_LINE;
	return converse_welcome_back(c, start);
}

/* Walk the areas from start until the candidate leaves. */
static int
converse_walk(struct converse *c, int a)
{
	int	r, k;

	for (;;) {
		r = converse_area(c, a);
		if (r == CONVERSE_NEXT && a == CONVERSE_INSIGHT &&
		    c->answered[a] > 0 && c->pic.areas[a].nanswers > 0)
			r = converse_offer_plan(c);
		switch (r) {
		case CONVERSE_NEXT:
			if ((k = converse_after(c, a)) != -1) {
				a = k;
				continue;
			}
			if ((r = converse_walk_end(c)) != CONVERSE_GOTO)
				return r;
			a = c->target;
			break;
		case CONVERSE_BACK:
			a = a > 0 ? a - 1 : 0;
			break;
		case CONVERSE_GOTO:
			a = c->target;
			break;
		default:
			return r;
		}
	}
}

/* Set up the conversation's state. */
static void
converse_init(struct converse *c, const struct prompts *p, struct db *db,
    struct source *src, FILE *out, const struct converse_options *opt,
    struct converse_outcome *res, struct err *e)
{
	memset(c, 0, sizeof *c);
	memset(res, 0, sizeof *res);
	c->p = p;
	c->db = db;
	c->src = src;
	c->out = out;
	c->opt = opt;
	c->res = res;
	c->e = e;
	c->session = -1;
	coach_init(&c->coach, p);
	picture_init(&c->pic);
	date_today(c->today);
	keep_init(&c->keep, p, db, -1, opt->recover_dir);
}

/* Free the conversation's state. */
static void
converse_free(struct converse *c)
{
	int	a;

	picture_free(&c->pic);
	keep_free(&c->keep);
	for (a = 0; a < FRAMEWORK_NAREAS; a++)
		free(c->gist[a]);
	free(c->edit_path);
	free(c->edited);
	free(c->step);
	free(c->unused_first);
	free(c->leftover);
	free(c->line);
}

/*
 * Piped input that goes on after the conversation has ended (every area
 * looked at, or /quit): the first line left is noted as not used.  Only
 * one non-blank line is looked for, so an endless stream cannot hang.
 */
static void
converse_leftover(struct converse *c)
{
	char	*raw;
	int	 blank;

	if (c->src->interactive)
		return;
	for (blank = 0; blank < 1000; blank++) {
		if ((raw = source_read(c->src, "")) == NULL)
			return;
		if (*text_trim(raw) != '\0')
			break;
		free(raw);
	}
	if (blank == 1000)
		return;
	c->leftover_line = c->src->nread;
	c->leftover = util_squeeze(text_trim(raw), strlen(text_trim(raw)), 40);
	free(raw);
	c->res->unused_lines++;
	converse_sayf(c, "The conversation has ended, but the input goes on "
	    "from line %zu: that line and any after it were not used.",
	    c->leftover_line);
}

/* The end of a sitting: the summary, and what could not be saved or used. */
static int
converse_finish(struct converse *c)
{
	struct err	e = { 0 };
	size_t		n;

	fputc('\n', c->out);
	converse_cmd_summary(c, "");
	if (keep_flush(&c->keep, &e) != 0) {
		c->res->unsaved = (int)c->keep.n;
		keep_unsaved(&c->keep, "answer", &e, c->out, c->e);
		err_clear(&e);
		return -1;
	}
	if (store_session_end(c->db, c->session, &e) != 0)
		err_clear(&e);
	n = (size_t)c->res->unused_lines - (c->leftover != NULL);
	if (n > 0 && c->leftover != NULL)
		return err_set(c->e, ERR_LINES, "%zu line%s of input could not "
		    "be used, the first being line %zu (\"%s\"), and the input "
		    "went on after the conversation ended, from line %zu (\"%s\")",
		    n, n == 1 ? "" : "s", c->unused_line, c->unused_first,
		    c->leftover_line, c->leftover);
	if (n > 0)
		return err_set(c->e, ERR_LINES, "%zu line%s of input could not "
		    "be used, the first being line %zu (\"%s\")",
		    n, n == 1 ? "" : "s", c->unused_line, c->unused_first);
	if (c->leftover != NULL)
		return err_set(c->e, ERR_LINES, "the input went on after the "
		    "conversation ended: lines from %zu (\"%s\") on were not "
		    "used", c->leftover_line, c->leftover);
	return 0;
}

/* Run the conversation; see converse.h. */
int
converse_run(const struct prompts *p, struct db *db, struct source *src,
    FILE *out, const struct converse_options *opt,
    struct converse_outcome *res, struct err *e)
{
	struct converse	c;
	int		rc = -1, r, start;

	converse_init(&c, p, db, src, out, opt, res, e);
	converse_sayf(&c, "%s %s: reflect on your digital leadership, one "
	    "skill area at a time.", PROGNAME, DHCOACH_VERSION);
	converse_say(&c, "Your answers are saved as you go, in your own "
	    "database file:");
	fprintf(out, "  %s\n", opt->db_path);
	converse_say(&c, "Type /help for commands. Ctrl-D saves and leaves at "
	    "any time.");
	if (store_picture(db, &c.pic, e) != 0 ||
	    (c.session = store_session_begin(db, "conversation", e)) == -1)
		goto out;
	c.keep.session = c.session;
	if (converse_restore(&c) != 0)
		goto out;
	if ((r = converse_profile(&c)) == CONVERSE_AGAIN)
		r = converse_start(&c, &start);
	if (r == CONVERSE_LINE)
		r = converse_walk(&c, start);
	if (r == CONVERSE_ERROR)
		goto out;
	if (r != CONVERSE_EOF)
		converse_leftover(&c);
	rc = converse_finish(&c);
out:
	converse_free(&c);
	return rc;
}

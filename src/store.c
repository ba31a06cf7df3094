/*
 * store.c: the candidate's sittings, ratings, answers and evidence, in
 * SQLite through db.h (see store.h).
 *
 * Invariants: every write is one statement, or one BEGIN IMMEDIATE
 * transaction rolled back on failure, committed before the function
 * returns.  Areas and indicators are indexes of framework.h, checked
 * before anything is written (a wrong one is the caller's bug, reported
 * as ERR_INTERNAL with nothing written); in the database they are the
 * framework's ids, and every id read back must be one of them, or the
 * row is damaged.  Times are stamped with date_now, so that tests that
 * fix DHCOACH_TODAY see the same times every run.
 *
 * Reading costs what it shows: store_picture reads the `shown` table
 * (at most three answers per area and indicator, kept by a trigger),
 * one count per area and one index seek per distinct question, never
 * every answer; history and progress stream one row at a time.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "framework.h"
#include "picture.h"
#include "sentence.h"
#include "store.h"
#include "util.h"

/* The framework's ids as NULL-terminated lists, for db_row_choice. */
static const char	*store_area_ids[FRAMEWORK_NAREAS + 1];
static const char	*store_indicator_ids[FRAMEWORK_NINDICATORS + 1];

static const char *const store_kinds[] = { "prompt", "probe", NULL };

/* Fill the lists of ids once. */
static void
store_ids(void)
{
	int	i;

	if (store_area_ids[0] != NULL)
		return;
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		store_area_ids[i] = framework_areas[i].id;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		store_indicator_ids[i] = framework_indicators[i].id;
}

/* An area read from column col (damaged unless one of the ten). */
static int
store_row_area(struct db_row *row, int col)
{
	store_ids();
	return db_row_choice(row, col, store_area_ids);
}

/* An indicator read from column col (damaged unless one of the 43). */
static int
store_row_indicator(struct db_row *row, int col)
{
	store_ids();
	return db_row_choice(row, col, store_indicator_ids);
}

/* Refuse a call the program should never make; returns -1. */
static int __attribute__((format(printf, 2, 3)))
store_bug(struct err *e, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	err_set(e, ERR_INTERNAL, "%s (a fault in dhcoach: nothing was "
	    "written)", msg);
	free(msg);
	return -1;
}

/* Whether a is an area index. */
static int
store_area_ok(int a)
{
	return a >= 0 && a < FRAMEWORK_NAREAS;
}

/* Whether i is an indicator index. */
static int
store_indicator_ok(int i)
{
	return i >= 0 && i < FRAMEWORK_NINDICATORS;
}

/* Start a sitting of a kind. */
int64_t
store_session_begin(struct db *db, const char *kind, struct err *e)
{
	char	now[DATE_TIME_LEN];

	if (kind == NULL || (strcmp(kind, "conversation") != 0 &&
	    strcmp(kind, "questionnaire") != 0))
		return store_bug(e, "no kind of sitting '%s'",
		    kind != NULL ? kind : "");
	date_now(now);
	if (db_exec(db, e, "could not start a sitting", "INSERT INTO "
	    "sessions (started, kind) VALUES (?1, ?2)", "tt", now, kind) == -1)
		return -1;
	return db_last_id(db);
}

/* Run a one-row update of sitting session; no such sitting is a bug. */
static int
store_session_update(struct db *db, int64_t session, const char *what,
    const char *sql, const char *text, struct err *e)
{
	int	n;

	if ((n = db_exec(db, e, what, sql, "it", session, text)) == -1)
		return -1;
	if (n == 0)
		return store_bug(e, "%s: there is no sitting %lld", what,
		    (long long)session);
	return 0;
}

/* Record which area a sitting is in (-1: none). */
int
store_session_area(struct db *db, int64_t session, int area, struct err *e)
{
	if (area != -1 && !store_area_ok(area))
		return store_bug(e, "no area %d", area);
	return store_session_update(db, session, "could not note where you "
	    "are", "UPDATE sessions SET area = ?2 WHERE id = ?1", area == -1 ?
	    NULL : framework_areas[area].id, e);
}

/* Mark a sitting ended now. */
int
store_session_end(struct db *db, int64_t session, struct err *e)
{
	char	now[DATE_TIME_LEN];

	date_now(now);
	return store_session_update(db, session, "could not close the "
	    "sitting", "UPDATE sessions SET ended = ?2 WHERE id = ?1", now, e);
}

/* Set or clear (0: skipped) a sitting's rating of area a. */
int
store_rating_set(struct db *db, int64_t session, int a, int rating,
    struct err *e)
{
	char	now[DATE_TIME_LEN];

	if (!store_area_ok(a))
		return store_bug(e, "no area %d", a);
	if (rating < 0 || rating > 5)
		return store_bug(e, "a rating is 1 to 5, not %d", rating);
	date_now(now);
	if (db_exec(db, e, "could not keep your rating", "INSERT INTO ratings "
	    "(session, area, rating, at) VALUES (?1, ?2, nullif(?3, 0), ?4) "
	    "ON CONFLICT (session, area) DO UPDATE SET rating = "
	    "excluded.rating, at = excluded.at", "itdt", session,
	    framework_areas[a].id, rating, now) == -1)
		return -1;
	return 0;
}

/* Check an answer's arguments before anything is written. */
static int
store_answer_check(int a, const char *kind, const char *question,
    const char *answer, const char *at, const struct store_found *found,
    size_t nfound, struct err *e)
{
	size_t	k;

	if (!store_area_ok(a))
		return store_bug(e, "no area %d", a);
	if (kind == NULL || (strcmp(kind, "prompt") != 0 &&
	    strcmp(kind, "probe") != 0))
		return store_bug(e, "no kind of question '%s'",
		    kind != NULL ? kind : "");
	if (question == NULL || answer == NULL)
		return store_bug(e, "an answer needs its question and its "
		    "text");
	if (at != NULL && !date_time_valid(at))
		return store_bug(e, "'%s' is not a UTC time", at);
	for (k = 0; k < nfound; k++) {
		if (!store_indicator_ok(found[k].indicator))
			return store_bug(e, "no indicator %d",
			    found[k].indicator);
	}
	return 0;
}

/* Keep an answer and the indicators found in it, in one transaction. */
int64_t
store_answer_add(struct db *db, int64_t session, int a, const char *kind,
    const char *question, const char *answer, const char *at,
    const struct store_found *found, size_t nfound, struct err *e)
{
	const char	*what = "could not keep your answer";
	char		 now[DATE_TIME_LEN];
	int64_t		 id;
	size_t		 k;

	if (store_answer_check(a, kind, question, answer, at, found, nfound,
	    e) != 0)
		return -1;
	if (at == NULL) {
		date_now(now);
		at = now;
	}
	if (db_begin(db, e, what) != 0)
		return -1;
	if (db_exec(db, e, what, "INSERT INTO answers (session, area, kind, "
	    "prompt, answer, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "ittttt",
	    session, framework_areas[a].id, kind, question, answer, at) == -1)
		goto fail;
	id = db_last_id(db);
	/* The first quote of an indicator found twice is kept. */
	for (k = 0; k < nfound; k++) {
		if (db_exec(db, e, what, "INSERT INTO found (answer, "
		    "indicator, quote) VALUES (?1, ?2, ?3) "
		    "ON CONFLICT DO NOTHING", "itt",
		    id, framework_indicators[found[k].indicator].id,
		    found[k].quote) == -1)
			goto fail;
	}
	if (db_commit(db, e, what) != 0)
		goto fail;
	return id;

fail:
	db_rollback(db);
	return -1;
}

/* Record that area a was summed up in a sitting. */
int
store_area_finished(struct db *db, int64_t session, int a, struct err *e)
{
	char	now[DATE_TIME_LEN];

	if (!store_area_ok(a))
		return store_bug(e, "no area %d", a);
	date_now(now);
	if (db_exec(db, e, "could not note the area as finished", "INSERT INTO "
	    "finished (session, area, at) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT DO NOTHING", "itt", session, framework_areas[a].id,
	    now) == -1)
		return -1;
	return 0;
}

/* Read a count from column 0 into *(int64_t *)ctx. */
static int
store_count_row(void *ctx, struct db_row *row, struct err *e)
{
	(void)e;
	*(int64_t *)ctx = db_row_int(row, 0, 0, INT64_MAX);
	return 0;
}

/* Record the candidate's word that answer covers indicator i. */
int
store_covered_add(struct db *db, int64_t answer, int i, struct err *e)
{
	const char	*what = "could not keep what you covered";
	char		 now[DATE_TIME_LEN];
	int64_t		 n = 0;
	int		 changed;

	if (!store_indicator_ok(i))
		return store_bug(e, "no indicator %d", i);
	if (db_query(db, e, what, store_count_row, &n, "SELECT count(*) FROM "
	    "answers WHERE id = ?1", "i", answer) != 0)
		return -1;
	if (n == 0)
		return store_bug(e, "there is no answer %lld",
		    (long long)answer);
	/* What the coach found in it needs no word of theirs. */
	date_now(now);
	changed = db_exec(db, e, what, "INSERT INTO covered (answer, "
	    "indicator, at) SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 "
	    "FROM found WHERE answer = ?1 AND indicator = ?2) "
	    "ON CONFLICT DO NOTHING",
	    "itt", answer, framework_indicators[i].id, now);
	return changed == -1 ? -1 : changed > 0;
}

/* The newest claim found by store_covered_undo. */
struct store_claim {
	int64_t	answer;
	int	indicator;
};

/* Read a claim (answer, indicator). */
static int
store_claim_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_claim	*c = ctx;

	(void)e;
	c->answer = db_row_int(row, 0, 1, INT64_MAX);
	c->indicator = store_row_indicator(row, 1);
	return 1;
}

/* Take back the newest claim for i (-1: any) in area a. */
int
store_covered_undo(struct db *db, int a, int i, struct err *e)
{
	const char		*what = "could not take back what you covered";
	struct store_claim	 c = { 0, -1 };

	if (!store_area_ok(a) || (i != -1 && !store_indicator_ok(i)))
		return store_bug(e, "no indicator %d in area %d", i, a);
	if (db_begin(db, e, what) != 0)
		return -1;
	if (db_query(db, e, what, store_claim_row, &c, "SELECT c.answer, "
	    "c.indicator FROM covered c JOIN answers a ON a.id = c.answer "
	    "WHERE a.area = ?1 AND (?2 IS NULL OR c.indicator = ?2) "
	    "ORDER BY c.at DESC, c.answer DESC LIMIT 1", "tt",
	    framework_areas[a].id, i == -1 ? NULL :
	    framework_indicators[i].id) != 0)
		goto fail;
	if (c.answer != 0 && db_exec(db, e, what, "DELETE FROM covered WHERE "
	    "answer = ?1 AND indicator = ?2", "it", c.answer,
	    framework_indicators[c.indicator].id) == -1)
		goto fail;
	if (db_commit(db, e, what) != 0)
		goto fail;
	return c.answer != 0 ? c.indicator : -2;

fail:
	db_rollback(db);
	return -1;
}

/* Copy a time into a picture's buffer. */
static void
store_copy_time(char dst[DATE_TIME_LEN], const char *src)
{
	size_t	len;

	len = strlen(src);
	if (len >= DATE_TIME_LEN)
		len = DATE_TIME_LEN - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* The latest rating of the area in *(struct picture_area *)ctx. */
static int
store_rating_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture_area	*pa = ctx;
	const char		*at;
	int			 rating;

	(void)e;
	rating = (int)db_row_int(row, 0, 1, 5);
	at = db_row_date(row, 1, 1);
	if (db_row_damaged(row))
		return 0;
	pa->rating = rating;
	store_copy_time(pa->rated_at, at);
	return 1;
}

/* The number and newest of an area's answers. */
static int
store_answers_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture_area	*pa = ctx;

	(void)e;
	pa->nanswers = (int)db_row_int(row, 0, 0, INT32_MAX);
	pa->last_answer = db_row_int_null(row, 1, 1, INT64_MAX, 0);
	return 0;
}

/* The time of the newest answer. */
static int
store_answer_at_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture_area	*pa = ctx;
	const char		*at;

	(void)e;
	at = db_row_date(row, 0, 1);
	if (!db_row_damaged(row) && strcmp(at, pa->last_at) > 0)
		store_copy_time(pa->last_at, at);
	return 0;
}

/* Area a's latest rating, answers and newest activity. */
static int
store_picture_area(struct db *db, struct picture_area *pa, int a,
    struct err *e)
{
	const char	*what = "could not read your answers";
	const char	*id = framework_areas[a].id;

	if (db_query(db, e, what, store_rating_row, pa, "SELECT rating, at "
	    "FROM ratings WHERE area = ?1 AND rating IS NOT NULL "
	    "ORDER BY session DESC LIMIT 1", "t", id) != 0)
		return -1;
	/* The newest answer: the last entry of each (area, kind). */
	if (db_query(db, e, what, store_answers_row, pa, "SELECT "
	    "(SELECT count(*) FROM answers WHERE area = ?1), "
	    "(SELECT max(x) FROM (SELECT max(id) AS x FROM answers "
	    "WHERE area = ?1 AND kind = 'prompt' UNION ALL "
	    "SELECT max(id) FROM answers WHERE area = ?1 AND kind = 'probe'))",
	    "t", id) != 0)
		return -1;
	store_copy_time(pa->last_at, pa->rated_at);
	if (pa->last_answer != 0 && db_query(db, e, what, store_answer_at_row,
	    pa, "SELECT at FROM answers WHERE id = ?1", "i",
	    pa->last_answer) != 0)
		return -1;
	return 0;
}

/* An area summed up. */
static int
store_finished_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	int		 a;

	(void)e;
	a = store_row_area(row, 0);
	if (!db_row_damaged(row))
		p->areas[a].finished = 1;
	return 0;
}

/* One of the newest answers that showed an indicator in an area. */
static int
store_shown_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	const char	*quote, *at;
	int64_t		 session;
	int		 a, i;

	(void)e;
	a = store_row_area(row, 0);
	i = store_row_indicator(row, 1);
	quote = db_row_text_null(row, 2);
	session = db_row_int(row, 3, 1, INT64_MAX);
	at = db_row_date(row, 4, 1);
	if (!db_row_damaged(row))
		picture_add_shown(p, a, i, quote, session, at);
	return 0;
}

/* The first sentence of an answer, as a quote (a new string). */
static char *
store_first_sentence(const char *text)
{
	struct sentences	 s;
	char			*q;

	sentence_split(text, strlen(text), &s);
	if (s.n == 0)
		q = xstrdup("");
	else
		q = sentence_quote(&s, text, 0, s.v[0].start, s.v[0].start);
	sentence_free(&s);
	return q;
}

/* A claim of the candidate's, with a sentence of its answer. */
static int
store_covered_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	const char	*answer;
	int64_t		 id;
	char		*quote;
	int		 a, i;

	(void)e;
	a = store_row_area(row, 0);
	i = store_row_indicator(row, 1);
	id = db_row_int(row, 2, 1, INT64_MAX);
	answer = db_row_text(row, 3);
	if (db_row_damaged(row) || p->areas[a].ev[i].covered)
		return 0;
	quote = store_first_sentence(answer);
	picture_add_covered(p, a, i, id, quote);
	free(quote);
	return 0;
}

/* The evidence: what the coach found, and what the candidate claims. */
static int
store_picture_evidence(struct db *db, struct picture *p, struct err *e)
{
	const char	*what = "could not read your answers";

	if (db_query(db, e, what, store_finished_row, p, "SELECT DISTINCT "
	    "area FROM finished", "") != 0)
		return -1;
	if (db_query(db, e, what, store_shown_row, p, "SELECT s.area, "
	    "s.indicator, f.quote, a.session, a.at FROM shown s "
	    "JOIN found f ON f.answer = s.answer AND f.indicator = s.indicator "
	    "JOIN answers a ON a.id = s.answer "
	    "ORDER BY s.area, s.indicator, s.answer DESC", "") != 0)
		return -1;
	return db_query(db, e, what, store_covered_row, p, "SELECT a.area, "
	    "c.indicator, c.answer, a.answer FROM covered c "
	    "JOIN answers a ON a.id = c.answer "
	    "ORDER BY c.at DESC, c.answer DESC", "");
}

/*
 * The walk of store_picture_asked: the last (area, question) found, and
 * the one a query found next (kept apart, as the last is bound to the
 * query while it runs).
 */
struct store_asked {
	struct picture	*p;
	char		*area;
	char		*prompt;
	char		*next_area;	/* NULL: the query found none */
	char		*next_prompt;
};

/* One distinct (area, question). */
static int
store_asked_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_asked	*q = ctx;
	const char		*prompt;
	int			 a;

	(void)e;
	a = store_row_area(row, 0);
	prompt = db_row_text(row, 1);
	if (db_row_damaged(row))
		return 0;
	picture_add_asked(q->p, a, prompt);
	q->next_area = xstrdup(framework_areas[a].id);
	q->next_prompt = xstrdup(prompt);
	return 1;
}

/* Make the question found the last one; whether there was one. */
static int
store_asked_next(struct store_asked *q)
{
	if (q->next_area == NULL)
		return 0;
	free(q->area);
	free(q->prompt);
	q->area = q->next_area;
	q->prompt = q->next_prompt;
	q->next_area = q->next_prompt = NULL;
	return 1;
}

/*
 * The questions answered in each area: one seek of the (area, prompt)
 * index per distinct question, skipping the answers in between (each
 * seek is strictly past the last key, so duplicates are never stepped
 * over): the next question of the area, else the first of the next.
 */
static int
store_picture_asked(struct db *db, struct picture *p, struct err *e)
{
	const char		*what = "could not read your answers";
	struct store_asked	 q = { p, NULL, NULL, NULL, NULL };
	int			 rc;

	rc = db_query(db, e, what, store_asked_row, &q, "SELECT area, prompt "
	    "FROM answers ORDER BY area, prompt LIMIT 1", "");
	while (rc == 0 && store_asked_next(&q)) {
		rc = db_query(db, e, what, store_asked_row, &q, "SELECT area, "
		    "prompt FROM answers WHERE area = ?1 AND prompt > ?2 "
		    "ORDER BY prompt LIMIT 1", "tt", q.area, q.prompt);
		if (rc != 0 || q.next_area != NULL)
			continue;
		rc = db_query(db, e, what, store_asked_row, &q, "SELECT area, "
		    "prompt FROM answers WHERE area > ?1 "
		    "ORDER BY area, prompt LIMIT 1", "t", q.area);
	}
	free(q.area);
	free(q.prompt);
	free(q.next_area);
	free(q.next_prompt);
	return rc;
}

/* How many sittings count, and the first and latest. */
static int
store_sittings_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	const char	*first, *last;

	(void)e;
	p->nsessions = (int)db_row_int(row, 0, 0, INT32_MAX);
	if (p->nsessions == 0)
		return 0;
	first = db_row_date(row, 1, 1);
	last = db_row_date(row, 2, 1);
	if (db_row_damaged(row))
		return 0;
	store_copy_time(p->first, first);
	store_copy_time(p->last, last);
	return 0;
}

/* The area the newest sitting was in. */
static int
store_last_area_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	int		 a;

	(void)e;
	if (db_row_text_null(row, 0) == NULL)
		return 0;
	a = store_row_area(row, 0);
	if (!db_row_damaged(row))
		p->last_area = a;
	return 0;
}

/* Gather the running picture over every sitting. */
int
store_picture(struct db *db, struct picture *p, struct err *e)
{
	const char	*what = "could not read your sittings";

	int		 a;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (store_picture_area(db, &p->areas[a], a, e) != 0)
			goto fail;
	}
	if (store_picture_evidence(db, p, e) != 0 ||
	    store_picture_asked(db, p, e) != 0)
		goto fail;
	if (db_query(db, e, what, store_sittings_row, p, "SELECT count(*), "
	    "min(started), max(started) FROM sessions s "
	    "WHERE EXISTS (SELECT 1 FROM answers WHERE session = s.id) "
	    "OR EXISTS (SELECT 1 FROM ratings WHERE session = s.id)",
	    "") != 0 || db_query(db, e, what, store_last_area_row, p,
	    "SELECT area FROM sessions ORDER BY id DESC LIMIT 1", "") != 0)
		goto fail;
	return 0;

fail:
	picture_free(p);
	return -1;
}

/* The profile's two texts. */
struct store_profile {
	char	*name;
	char	*role;
	int	 found;
};

/* Read the profile's row. */
static int
store_profile_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_profile	*pr = ctx;
	const char		*name, *role;

	(void)e;
	name = db_row_text(row, 0);
	role = db_row_text(row, 1);
	if (db_row_damaged(row))
		return 0;
	pr->name = xstrdup(name);
	pr->role = xstrdup(role);
	pr->found = 1;
	return 1;
}

/* The candidate's name and role ("" if not given). */
int
store_profile_get(struct db *db, char **name, char **role, struct err *e)
{
	struct store_profile	pr = { NULL, NULL, 0 };

	*name = *role = NULL;
	if (db_query(db, e, "could not read your name and role",
	    store_profile_row, &pr, "SELECT name, role FROM profile "
	    "WHERE id = 1", "") != 0) {
		free(pr.name);
		free(pr.role);
		return -1;
	}
	*name = pr.name != NULL ? pr.name : xstrdup("");
	*role = pr.role != NULL ? pr.role : xstrdup("");
	return 0;
}

/* Keep the candidate's name and role (asked keeps its first time). */
int
store_profile_set(struct db *db, const char *name, const char *role,
    struct err *e)
{
	char	now[DATE_TIME_LEN];

	date_now(now);
	if (db_exec(db, e, "could not keep your name and role", "INSERT INTO "
	    "profile (id, name, role, asked) VALUES (1, ?1, ?2, ?3) "
	    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
	    "role = excluded.role", "ttt", name != NULL ? name : "",
	    role != NULL ? role : "", now) == -1)
		return -1;
	return 0;
}

/* Whether the profile question was asked already. */
int
store_profile_asked(struct db *db, int *asked, struct err *e)
{
	int64_t	n = 0;

	if (db_query(db, e, "could not read your name and role",
	    store_count_row, &n, "SELECT count(*) FROM profile", "") != 0)
		return -1;
	*asked = n > 0;
	return 0;
}

/*
 * Turn the candidate's search into FTS5 syntax: each word a quoted
 * string (with " doubled), a final * kept as a prefix search.  NULL when
 * there are no words.
 */
static char *
store_fts_query(const char *text)
{
	static const char	 space[] = " \t\r\n\v\f";
	struct buf		 b = { 0 };
	const char		*w;
	size_t			 len, i;
	int			 prefix;

	for (;;) {
		text += strspn(text, space);
		if (*text == '\0')
			break;
		w = text;
		len = strcspn(text, space);
		text += len;
		if ((prefix = len > 1 && w[len - 1] == '*'))
			len--;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_addc(&b, '"');
		for (i = 0; i < len; i++) {
			if (w[i] == '"')
				buf_addc(&b, '"');
			buf_addc(&b, w[i]);
		}
		buf_addc(&b, '"');
		if (prefix)
			buf_addc(&b, '*');
	}
	return b.len == 0 ? NULL : buf_take(&b);
}

/* The answer being handed to a history callback. */
struct store_history_ctx {
	struct db		*db;
	store_answer_fn		 fn;
	void			*ctx;
	struct store_answer	 a;
};

/* Mark one indicator of an answer in the int[] ctx. */
static int
store_mark_row(void *ctx, struct db_row *row, struct err *e)
{
	int	*marks = ctx, i;

	(void)e;
	i = store_row_indicator(row, 0);
	if (!db_row_damaged(row))
		marks[i] = 1;
	return 0;
}

/* One answer of the history, with what was found and claimed in it. */
static int
store_history_row(void *ctx, struct db_row *row, struct err *e)
{
	const char			*what = "could not read your answers";
	struct store_history_ctx	*h = ctx;
	struct store_answer		*a = &h->a;

	memset(a, 0, sizeof *a);
	a->id = db_row_int(row, 0, 1, INT64_MAX);
	a->session = db_row_int(row, 1, 1, INT64_MAX);
	a->area = store_row_area(row, 2);
	a->kind = store_kinds[db_row_choice(row, 3, store_kinds)];
	a->question = db_row_text(row, 4);
	a->answer = db_row_text(row, 5);
	a->at = db_row_date(row, 6, 1);
	if (db_row_damaged(row))
		return 0;
	if (db_query(h->db, e, what, store_mark_row, a->found, "SELECT "
	    "indicator FROM found WHERE answer = ?1", "i", a->id) != 0 ||
	    db_query(h->db, e, what, store_mark_row, a->covered, "SELECT "
	    "indicator FROM covered WHERE answer = ?1", "i", a->id) != 0)
		return -1;
	return h->fn(h->ctx, a, e) == -1 ? -1 : 0;
}

/* Call fn for each answer the query selects, streaming. */
int
store_history(struct db *db, const struct store_history_query *q,
    store_answer_fn fn, void *ctx, struct err *e)
{
#define STORE_HISTORY_SELECT "SELECT id, session, area, kind, prompt, " \
	"answer, at FROM answers WHERE (?1 IS NULL OR area = ?1) " \
	"AND (?2 = 0 OR id IN (SELECT answer FROM covered)) "
#define STORE_HISTORY_MATCH "AND id IN (SELECT rowid FROM answers_fts " \
	"WHERE answers_fts MATCH ?4) "
	static const char *const	 sql[2][2] = {
		{ STORE_HISTORY_SELECT "AND ?4 IS NULL "
		    "ORDER BY id DESC LIMIT ?3",
		  STORE_HISTORY_SELECT STORE_HISTORY_MATCH
		    "ORDER BY id DESC LIMIT ?3" },
		{ STORE_HISTORY_SELECT "AND ?4 IS NULL "
		    "ORDER BY id LIMIT ?3",
		  STORE_HISTORY_SELECT STORE_HISTORY_MATCH
		    "ORDER BY id LIMIT ?3" },
	};
	struct store_history_ctx	 h;
	char				*search = NULL;
	int				 rc;

	if (q->area != -1 && !store_area_ok(q->area))
		return store_bug(e, "no area %d", q->area);
	if (q->search != NULL)
		search = store_fts_query(q->search);
	h.db = db;
	h.fn = fn;
	h.ctx = ctx;
	rc = db_query(db, e, "could not read your answers", store_history_row,
	    &h, sql[q->oldest_first != 0][search != NULL], "tdit",
	    q->area == -1 ? NULL : framework_areas[q->area].id, q->covered != 0,
	    q->limit > 0 ? q->limit : (int64_t)-1, search);
	free(search);
	return rc;
#undef STORE_HISTORY_SELECT
#undef STORE_HISTORY_MATCH
}

/* One sitting's areas, as progress gathers them. */
struct store_sitting {
	int		 seen[FRAMEWORK_NAREAS];
	int		 rating[FRAMEWORK_NAREAS];
	int		 nanswers[FRAMEWORK_NAREAS];
	int		 nshown[FRAMEWORK_NAREAS];
	unsigned char	 shown[FRAMEWORK_NAREAS][FRAMEWORK_NINDICATORS];
};

/* Progress being gathered: one sitting at a time. */
struct store_progress_ctx {
	struct db		*db;
	int			 area;		/* -1: all */
	store_visit_fn		 fn;
	void			*ctx;
	int64_t			 session;	/* 0 before the first */
	char			 started[DATE_TIME_LEN];
	int64_t			 answer;	/* the answer of the last row */
	struct store_sitting	 s;
	/* Shown in any sitting so far, and how many: the running picture. */
	char			 ever[FRAMEWORK_NAREAS][FRAMEWORK_NINDICATORS];
	int			 never[FRAMEWORK_NAREAS];
};

/* A rating of the sitting being gathered. */
static int
store_visit_rating_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_progress_ctx	*g = ctx;
	int				 a, rating;

	(void)e;
	a = store_row_area(row, 0);
	rating = (int)db_row_int_null(row, 1, 1, 5, 0);
	if (!db_row_damaged(row)) {
		g->s.seen[a] = 1;
		g->s.rating[a] = rating;
	}
	return 0;
}

/* Hand on the areas of the sitting gathered, in framework order. */
static int
store_progress_flush(struct store_progress_ctx *g, struct err *e)
{
	struct store_visit	v;
	int			a;

	if (g->session == 0)
		return 0;
	if (db_query(g->db, e, "could not read your ratings",
	    store_visit_rating_row, g, "SELECT area, rating FROM ratings "
	    "WHERE session = ?1", "i", g->session) != 0)
		return -1;
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (!g->s.seen[a] || (g->area != -1 && a != g->area))
			continue;
		v.session = g->session;
		v.started = g->started;
		v.area = a;
		v.rating = g->s.rating[a];
		v.nanswers = g->s.nanswers[a];
		v.shown = g->never[a];
		if (g->fn(g->ctx, &v, e) == -1)
			return -1;
	}
	return 0;
}

/* One row (sitting, answer, indicator found) of the progress query. */
static int
store_progress_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_progress_ctx	*g = ctx;
	const char			*started;
	int64_t				 session, answer;
	int				 a = 0, i = -1;

	session = db_row_int(row, 0, 1, INT64_MAX);
	started = db_row_date(row, 1, 1);
	answer = db_row_int_null(row, 3, 1, INT64_MAX, 0);
	if (answer != 0) {
		a = store_row_area(row, 2);
		if (db_row_text_null(row, 4) != NULL)
			i = store_row_indicator(row, 4);
	}
	if (db_row_damaged(row))
		return 0;
	if (session != g->session) {
		if (store_progress_flush(g, e) != 0)
			return -1;
		memset(&g->s, 0, sizeof g->s);
		g->session = session;
		store_copy_time(g->started, started);
	}
	if (answer != 0 && answer != g->answer) {
		g->s.seen[a] = 1;
		g->s.nanswers[a]++;
	}
	g->answer = answer;
	if (i != -1 && framework_indicators[i].area == a && !g->s.shown[a][i]) {
		g->s.shown[a][i] = 1;
		g->s.nshown[a]++;
	}
	if (i != -1 && framework_indicators[i].area == a && !g->ever[a][i]) {
		g->ever[a][i] = 1;
		g->never[a]++;
	}
	return 0;
}

/* Call fn for each (sitting, area) with a rating or an answer. */
int
store_progress(struct db *db, int a, store_visit_fn fn, void *ctx,
    struct err *e)
{
	struct store_progress_ctx	*g;
	int				 rc;

	if (a != -1 && !store_area_ok(a))
		return store_bug(e, "no area %d", a);
	g = xcalloc(1, sizeof *g);
	g->db = db;
	g->area = a;
	g->fn = fn;
	g->ctx = ctx;
	/* Sittings by id, each one's answers, each answer's indicators. */
	rc = db_query(db, e, "could not read your sittings", store_progress_row,
	    g, "SELECT s.id, s.started, a.area, a.id, f.indicator "
	    "FROM sessions s "
	    "LEFT JOIN answers a ON a.session = s.id "
	    "AND (?1 IS NULL OR a.area = ?1) "
	    "LEFT JOIN found f ON f.answer = a.id "
	    "ORDER BY s.id, a.id", "t", a == -1 ? NULL : framework_areas[a].id);
	if (rc == 0)
		rc = store_progress_flush(g, e);
	free(g);
	return rc;
}

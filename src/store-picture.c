/*
 * store-picture.c: the running picture read from the store (see
 * store-picture.h).
 *
 * Invariants: reading costs what the picture shows, never every
 * answer: the `shown` table (at most three answers per area and
 * indicator, kept by a trigger), one count per area, and one index seek
 * per distinct question.  A damaged row is left out of the picture and
 * fails the read (db.h); on any failure the picture is freed, never
 * handed on half-made.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "framework.h"
#include "picture.h"
#include "sentence.h"
#include "store-check.h"
#include "store-picture.h"
#include "util.h"

/* Copy a time into a picture's buffer. */
static void
store_picture_copy_time(char dst[DATE_TIME_LEN], const char *src)
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
store_picture_rating_row(void *ctx, struct db_row *row, struct err *e)
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
	store_picture_copy_time(pa->rated_at, at);
	return 1;
}

/* The number and newest of an area's answers. */
static int
store_picture_answers_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture_area	*pa = ctx;

	(void)e;
	pa->nanswers = (int)db_row_int(row, 0, 0, INT32_MAX);
	pa->last_answer = db_row_int_null(row, 1, 1, INT64_MAX, 0);
	return 0;
}

/* The time of the newest answer. */
static int
store_picture_answer_at_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture_area	*pa = ctx;
	const char		*at;

	(void)e;
	at = db_row_date(row, 0, 1);
	if (!db_row_damaged(row) && strcmp(at, pa->last_at) > 0)
		store_picture_copy_time(pa->last_at, at);
	return 0;
}

/* Area a's latest rating, answers and newest activity. */
static int
store_picture_area(struct db *db, struct picture_area *pa, int a,
    struct err *e)
{
	const char	*what = "could not read your answers";
	const char	*id = framework_areas[a].id;

	if (db_query(db, e, what, store_picture_rating_row, pa,
	    "SELECT rating, at FROM ratings WHERE area = ?1 AND rating IS NOT NULL "
	    "ORDER BY session DESC LIMIT 1", "t", id) != 0)
		return -1;
	/* The newest answer: the last entry of each (area, kind). */
	if (db_query(db, e, what, store_picture_answers_row, pa, "SELECT "
	    "(SELECT count(*) FROM answers WHERE area = ?1), "
	    "(SELECT max(x) FROM (SELECT max(id) AS x FROM answers "
	    "WHERE area = ?1 AND kind = 'prompt' UNION ALL "
	    "SELECT max(id) FROM answers WHERE area = ?1 AND kind = 'probe'))",
	    "t", id) != 0)
		return -1;
	store_picture_copy_time(pa->last_at, pa->rated_at);
	if (pa->last_answer != 0 && db_query(db, e, what,
	    store_picture_answer_at_row, pa, "SELECT at FROM answers WHERE id = ?1", "i",
	    pa->last_answer) != 0)
		return -1;
	return 0;
}

/* An area summed up. */
static int
store_picture_finished_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	int		 a;

	(void)e;
	a = db_row_choice(row, 0, store_check_area_ids());
	if (!db_row_damaged(row))
		p->areas[a].finished = 1;
	return 0;
}

/* One of the newest answers that showed an indicator in an area. */
static int
store_picture_shown_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	const char	*quote, *at;
	int64_t		 session;
	int		 a, i;

	(void)e;
	a = db_row_choice(row, 0, store_check_area_ids());
	i = db_row_choice(row, 1, store_check_indicator_ids());
	quote = db_row_text_null(row, 2);
	session = db_row_int(row, 3, 1, INT64_MAX);
	at = db_row_date(row, 4, 1);
	if (!db_row_damaged(row))
		picture_add_shown(p, a, i, quote, session, at);
	return 0;
}

/* The first sentence of an answer, as a quote (a new string). */
static char *
store_picture_first_sentence(const char *text)
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
store_picture_covered_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	const char	*answer;
	int64_t		 id;
	char		*quote;
	int		 a, i;

	(void)e;
	a = db_row_choice(row, 0, store_check_area_ids());
	i = db_row_choice(row, 1, store_check_indicator_ids());
	id = db_row_int(row, 2, 1, INT64_MAX);
	answer = db_row_text(row, 3);
	if (db_row_damaged(row) || p->areas[a].ev[i].covered)
		return 0;
	quote = store_picture_first_sentence(answer);
	picture_add_covered(p, a, i, id, quote);
	free(quote);
	return 0;
}

/* The evidence: what the coach found, and what the candidate claims. */
static int
store_picture_evidence(struct db *db, struct picture *p, struct err *e)
{
	const char	*what = "could not read your answers";

	if (db_query(db, e, what, store_picture_finished_row, p,
	    "SELECT DISTINCT area FROM finished", "") != 0)
		return -1;
	if (db_query(db, e, what, store_picture_shown_row, p, "SELECT s.area, "
	    "s.indicator, f.quote, a.session, a.at FROM shown s "
	    "JOIN found f ON f.answer = s.answer AND f.indicator = s.indicator "
	    "JOIN answers a ON a.id = s.answer "
	    "ORDER BY s.area, s.indicator, s.answer DESC", "") != 0)
		return -1;
	return db_query(db, e, what, store_picture_covered_row, p,
	    "SELECT a.area, c.indicator, c.answer, a.answer FROM covered c "
	    "JOIN answers a ON a.id = c.answer "
	    "ORDER BY c.at DESC, c.answer DESC", "");
}

/*
 * The walk of store_picture_asked: the last (area, question) found, and
 * the one a query found next (kept apart, as the last is bound to the
 * query while it runs).
 */
struct store_picture_walk {
	struct picture	*p;
	char		*area;
	char		*prompt;
	char		*next_area;	/* NULL: the query found none */
	char		*next_prompt;
};

/* One distinct (area, question). */
static int
store_picture_asked_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_picture_walk	*q = ctx;
	const char		*prompt;
	int			 a;

	(void)e;
	a = db_row_choice(row, 0, store_check_area_ids());
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
store_picture_asked_next(struct store_picture_walk *q)
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
	struct store_picture_walk	 q = { p, NULL, NULL, NULL, NULL };
	int			 rc;

	rc = db_query(db, e, what, store_picture_asked_row, &q,
	    "SELECT area, prompt FROM answers ORDER BY area, prompt LIMIT 1",
	    "");
	while (rc == 0 && store_picture_asked_next(&q)) {
		rc = db_query(db, e, what, store_picture_asked_row, &q,
		    "SELECT area, prompt FROM answers "
		    "WHERE area = ?1 AND prompt > ?2 "
		    "ORDER BY prompt LIMIT 1", "tt", q.area, q.prompt);
		if (rc != 0 || q.next_area != NULL)
			continue;
		rc = db_query(db, e, what, store_picture_asked_row, &q,
		    "SELECT area, prompt FROM answers WHERE area > ?1 "
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
store_picture_sittings_row(void *ctx, struct db_row *row, struct err *e)
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
	store_picture_copy_time(p->first, first);
	store_picture_copy_time(p->last, last);
	return 0;
}

/* The area the newest sitting was in. */
static int
store_picture_last_area_row(void *ctx, struct db_row *row, struct err *e)
{
	struct picture	*p = ctx;
	int		 a;

	(void)e;
	if (db_row_text_null(row, 0) == NULL)
		return 0;
	a = db_row_choice(row, 0, store_check_area_ids());
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
	if (db_query(db, e, what, store_picture_sittings_row, p,
	    "SELECT count(*), min(started), max(started) FROM sessions s "
	    "WHERE EXISTS (SELECT 1 FROM answers WHERE session = s.id) "
	    "OR EXISTS (SELECT 1 FROM ratings WHERE session = s.id)",
	    "") != 0 || db_query(db, e, what, store_picture_last_area_row, p,
	    "SELECT area FROM sessions ORDER BY id DESC LIMIT 1", "") != 0)
		goto fail;
	return 0;

fail:
	picture_free(p);
	return -1;
}

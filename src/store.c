/*
 * store.c: the candidate's sittings, ratings, answers, the evidence
 * they say they gave, and their profile, in SQLite through db.h (see
 * store.h).
 *
 * Invariants: every write is one statement, or one BEGIN IMMEDIATE
 * transaction rolled back on failure, committed before the function
 * returns.  Areas and indicators are indexes of framework.h, checked
 * before anything is written (store-check.h: a wrong one is the
 * caller's bug, reported as ERR_INTERNAL with nothing written); in the
 * database they are the framework's ids, and every id read back must be
 * one of them, or the row is damaged.  Times are stamped with date_now,
 * so that tests that fix DHCOACH_TODAY see the same times every run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "framework.h"
#include "store-check.h"
#include "store.h"
#include "util.h"

/* Start a sitting of a kind. */
int64_t
store_session_begin(struct db *db, const char *kind, struct err *e)
{
	char	now[DATE_TIME_LEN];

	if (kind == NULL || (strcmp(kind, "conversation") != 0 &&
	    strcmp(kind, "questionnaire") != 0))
		return store_check_fault(e, "no kind of sitting '%s'",
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
		return store_check_fault(e, "%s: there is no sitting %lld",
		    what, (long long)session);
	return 0;
}

/* Record which area a sitting is in (-1: none). */
int
store_session_area(struct db *db, int64_t session, int area, struct err *e)
{
	if (area != -1 && !store_check_area(area))
		return store_check_fault(e, "no area %d", area);
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

	if (!store_check_area(a))
		return store_check_fault(e, "no area %d", a);
	if (rating < 0 || rating > 5)
		return store_check_fault(e, "a rating is 1 to 5, not %d",
		    rating);
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

	if (!store_check_area(a))
		return store_check_fault(e, "no area %d", a);
	if (kind == NULL || (strcmp(kind, "prompt") != 0 &&
	    strcmp(kind, "probe") != 0))
		return store_check_fault(e, "no kind of question '%s'",
		    kind != NULL ? kind : "");
	if (question == NULL || answer == NULL)
		return store_check_fault(e, "an answer needs its question and "
		    "its text");
	if (at != NULL && !date_time_valid(at))
		return store_check_fault(e, "'%s' is not a UTC time", at);
	for (k = 0; k < nfound; k++) {
		if (!store_check_indicator(found[k].indicator))
			return store_check_fault(e, "no indicator %d",
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

	if (!store_check_area(a))
		return store_check_fault(e, "no area %d", a);
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

	if (!store_check_indicator(i))
		return store_check_fault(e, "no indicator %d", i);
	if (db_query(db, e, what, store_count_row, &n, "SELECT count(*) FROM "
	    "answers WHERE id = ?1", "i", answer) != 0)
		return -1;
	if (n == 0)
		return store_check_fault(e, "there is no answer %lld",
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
	c->indicator = db_row_choice(row, 1, store_check_indicator_ids());
	return 1;
}

/* Take back the newest claim for i (-1: any) in area a. */
int
store_covered_undo(struct db *db, int a, int i, struct err *e)
{
	const char		*what = "could not take back what you covered";
	struct store_claim	 c = { 0, -1 };

	if (!store_check_area(a) || (i != -1 && !store_check_indicator(i)))
		return store_check_fault(e, "no indicator %d in area %d", i, a);
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

/*
 * store-progress.c: each sitting's areas, as progress shows them (see
 * store-progress.h).
 *
 * Invariants: one query walks sittings, their answers and each answer's
 * indicators in order, and a sitting is handed on as soon as the next
 * begins, so the time taken is linear in the rows and the memory held
 * is one sitting's counts and the running totals.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "framework.h"
#include "store-check.h"
#include "store-progress.h"
#include "util.h"

/* One sitting's areas, as progress gathers them. */
struct store_progress_sitting {
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
	struct store_progress_sitting	 s;
	/* Shown in any sitting so far, and how many: the running picture. */
	char			 ever[FRAMEWORK_NAREAS][FRAMEWORK_NINDICATORS];
	int			 never[FRAMEWORK_NAREAS];
};

/* A rating of the sitting being gathered. */
static int
store_progress_rating_row(void *ctx, struct db_row *row, struct err *e)
{
	struct store_progress_ctx	*g = ctx;
	int				 a, rating;

	(void)e;
	a = db_row_choice(row, 0, store_check_area_ids());
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
	    store_progress_rating_row, g, "SELECT area, rating FROM ratings "
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
		a = db_row_choice(row, 2, store_check_area_ids());
		if (db_row_text_null(row, 4) != NULL)
			i = db_row_choice(row, 4, store_check_indicator_ids());
	}
	if (db_row_damaged(row))
		return 0;
	if (session != g->session) {
		if (store_progress_flush(g, e) != 0)
			return -1;
		memset(&g->s, 0, sizeof g->s);
		g->session = session;
		snprintf(g->started, sizeof g->started, "%s", started);
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

	if (a != -1 && !store_check_area(a))
		return store_check_fault(e, "no area %d", a);
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

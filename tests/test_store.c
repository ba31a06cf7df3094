/*
 * test_store.c: sittings, ratings, answers and the evidence in them:
 * the round trip through history and search, the candidate's covered
 * claims, the running picture, progress, the profile, refused writes,
 * and a database damaged in any column the store reads (every reader
 * fails as damaged, none crashes).
 *
 * DHCOACH_TODAY is fixed, so every time stamped is 2026-11-26T12:00:00Z.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db-open.h"
#include "db.h"
#include "err.h"
#include "fixture.h"
#include "framework.h"
#include "migrations.h"
#include "picture.h"
#include "plan.h"
#include "store-history.h"
#include "store-picture.h"
#include "store-plan.h"
#include "store-progress.h"
#include "store.h"
#include "util.h"

#define NOW	"2026-11-26T12:00:00Z"

/* Indicator and area indexes used below. */
#define IND(id)		framework_indicator_find(id)
#define AREA(id)	framework_area_find(id)

/* A new database in memory. */
static struct db *
mem_ok(void)
{
	struct db	*db = NULL;
	struct err	 e = { 0, NULL };

	if (db_open(DB_MEMORY, DB_WRITE, &db, &e) != 0)
		fail_msg("db_open: %s", e.msg);
	return db;
}

/* Begin a sitting, failing the test on error. */
static int64_t
begin_ok(struct db *db)
{
	struct err	e = { 0, NULL };
	int64_t		id;

	if ((id = store_session_begin(db, "conversation", &e)) == -1)
		fail_msg("store_session_begin: %s", e.msg);
	return id;
}

/* Keep an answer (now), failing the test on error. */
static int64_t
answer_ok(struct db *db, int64_t session, int a, const char *kind,
    const char *question, const char *answer, const struct store_found *f,
    size_t nf)
{
	struct err	e = { 0, NULL };
	int64_t		id;

	id = store_answer_add(db, session, a, kind, question, answer, NULL, f,
	    nf, &e);
	if (id == -1)
		fail_msg("store_answer_add: %s", e.msg);
	return id;
}

/* Read column 0 as an integer into ctx. */
static int
int_row(void *ctx, struct db_row *row, struct err *e)
{
	(void)e;
	*(int64_t *)ctx = db_row_int(row, 0, INT64_MIN, INT64_MAX);
	return 0;
}

/* The integer of the first row of sql (-1 if none). */
static int64_t
sql_int(struct db *db, const char *sql)
{
	struct err	e = { 0, NULL };
	int64_t		v = -1;

	if (db_query(db, &e, "test", int_row, &v, sql, "") != 0)
		fail_msg("%s: %s", sql, e.msg);
	return v;
}

/* Read column 0 as text into a buf. */
static int
text_row(void *ctx, struct db_row *row, struct err *e)
{
	const char	*t;

	(void)e;
	t = db_row_text_null(row, 0);
	buf_adds(ctx, t != NULL ? t : "NULL");
	buf_addc(ctx, '|');
	return 0;
}

/* The texts of column 0 of sql's rows, each followed by "|". */
static char *
sql_texts(struct db *db, const char *sql)
{
	struct err	e = { 0, NULL };
	struct buf	b = { 0 };

	if (db_query(db, &e, "test", text_row, &b, sql, "") != 0)
		fail_msg("%s: %s", sql, e.msg);
	return buf_take(&b);
}

/* One answer of the history, copied. */
struct hist {
	int64_t	 id, session;
	int	 area;
	char	*kind, *question, *answer, *at;
	int	 found[FRAMEWORK_NINDICATORS];
	int	 covered[FRAMEWORK_NINDICATORS];
};

struct hists {
	struct hist	v[400];
	size_t		n;
};

/* Copy an answer of the history. */
static int
hist_fn(void *ctx, const struct store_answer *a, struct err *e)
{
	struct hists	*h = ctx;
	struct hist	*c;

	(void)e;
	if (h->n == sizeof h->v / sizeof h->v[0])
		fail_msg("too many answers");
	c = &h->v[h->n++];
	c->id = a->id;
	c->session = a->session;
	c->area = a->area;
	c->kind = xstrdup(a->kind);
	c->question = xstrdup(a->question);
	c->answer = xstrdup(a->answer);
	c->at = xstrdup(a->at);
	memcpy(c->found, a->found, sizeof c->found);
	memcpy(c->covered, a->covered, sizeof c->covered);
	return 0;
}

/* Free the copies. */
static void
hists_free(struct hists *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].kind);
		free(h->v[i].question);
		free(h->v[i].answer);
		free(h->v[i].at);
	}
	h->n = 0;
}

/* The history for a query, failing the test on error (a new struct). */
static struct hists *
history_ok(struct db *db, int area, const char *search, int covered,
    int64_t limit, int oldest)
{
	struct store_history_query	 q;
	struct hists			*h;
	struct err			 e = { 0, NULL };

	q.area = area;
	q.search = search;
	q.covered = covered;
	q.limit = limit;
	q.oldest_first = oldest;
	h = xcalloc(1, sizeof *h);
	if (store_history(db, &q, hist_fn, h, &e) != 0)
		fail_msg("store_history(%s): %s", search ? search : "-", e.msg);
	return h;
}

/* How many answers the history gives. */
static size_t
history_n(struct db *db, int area, const char *search, int covered)
{
	struct hists	*h;
	size_t		 n;

	h = history_ok(db, area, search, covered, 0, 0);
	n = h->n;
	hists_free(h);
	free(h);
	return n;
}

/* The picture, failing the test on error. */
static void
picture_ok(struct db *db, struct picture *p)
{
	struct err	e = { 0, NULL };

	picture_init(p);
	if (store_picture(db, p, &e) != 0)
		fail_msg("store_picture: %s", e.msg);
}

/* Sittings: kinds, the area a sitting is in, ending; refused calls. */
static void
test_sessions(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	int64_t		 s1, s2;
	char		*t;

	(void)state;
	db = mem_ok();
	s1 = begin_ok(db);
	assert_int_equal(s2 = store_session_begin(db, "questionnaire", &e), 2);
	assert_int_equal(store_session_begin(db, "chat", &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_string_equal(e.msg, "no kind of sitting 'chat' (a fault in "
	    "dhcoach: nothing was written)");
	err_clear(&e);
	assert_int_equal(store_session_area(db, s1, AREA("integrity"), &e), 0);
	assert_int_equal(store_session_area(db, s2, 3, &e), 0);
	assert_int_equal(store_session_area(db, s2, -1, &e), 0);
	assert_int_equal(store_session_area(db, s2, 10, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	err_clear(&e);
	assert_int_equal(store_session_area(db, 99, 1, &e), -1);
	assert_string_equal(e.msg, "could not note where you are: there is no "
	    "sitting 99 (a fault in dhcoach: nothing was written)");
	err_clear(&e);
	assert_int_equal(store_session_end(db, s1, &e), 0);

	t = sql_texts(db, "SELECT id || ' ' || kind || ' ' || started || ' ' "
	    "|| coalesce(area, '-') || ' ' || coalesce(ended, '-') "
	    "FROM sessions ORDER BY id");
	assert_string_equal(t, "1 conversation " NOW " integrity " NOW "|"
	    "2 questionnaire " NOW " - -|");
	free(t);
	db_close(db);
}

/* Answers, ratings and indicators come back through history. */
static void
test_round_trip(void **state)
{
	static const struct store_found	 f1[] = {
		{ 38, "for example" }, { 2, "a three-year plan" },
		{ 38, "a second quote, ignored" },
	};
	struct store_found		 f2[] = { { 0, "I told them" } };
	struct hists			*h;
	struct db			*db;
	struct err			 e = { 0, NULL };
	int64_t				 s1, s2, a1, a2, a3, a4;
	char				*t;

	(void)state;
	assert_int_equal(IND("ev.example"), 38);
	assert_int_equal(IND("sv.vision"), 2);
	f2[0].indicator = IND("in.honesty");
	db = mem_ok();
	s1 = begin_ok(db);
	assert_int_equal(store_rating_set(db, s1, 0, 4, &e), 0);
	assert_int_equal(store_rating_set(db, s1, 8, 2, &e), 0);
	assert_int_equal(store_rating_set(db, s1, 8, 0, &e), 0);
	a1 = answer_ok(db, s1, 0, "prompt", "Where is your service going?",
	    "We agreed a three-year plan with the clinicians, for example at "
	    "the board.", f1, 3);
	a2 = answer_ok(db, s1, 0, "probe", "Who did you ask?",
	    "Nurses and \"porters\"; caf\xc3\xa9 staff too.", NULL, 0);
	s2 = begin_ok(db);
	a3 = answer_ok(db, s2, 8, "prompt", "When did you own a mistake?",
	    "I told them the meeting notes were wrong.", f2, 1);
	a4 = store_answer_add(db, s2, 8, "probe", "And then?", "Recovered.",
	    "2026-11-20T09:15:00Z", NULL, 0, &e);
	assert_true(a4 > a3);

	/* Newest first; what was found, each once. */
	h = history_ok(db, -1, NULL, 0, 0, 0);
	assert_int_equal(h->n, 4);
	assert_int_equal(h->v[0].id, a4);
	assert_string_equal(h->v[0].at, "2026-11-20T09:15:00Z");
	assert_int_equal(h->v[1].id, a3);
	assert_int_equal(h->v[1].session, s2);
	assert_int_equal(h->v[1].area, 8);
	assert_int_equal(h->v[1].found[IND("in.honesty")], 1);
	assert_int_equal(h->v[2].id, a2);
	assert_string_equal(h->v[2].kind, "probe");
	assert_string_equal(h->v[2].answer, "Nurses and \"porters\"; "
	    "caf\xc3\xa9 staff too.");
	assert_int_equal(h->v[3].id, a1);
	assert_string_equal(h->v[3].kind, "prompt");
	assert_string_equal(h->v[3].question, "Where is your service going?");
	assert_string_equal(h->v[3].at, NOW);
	assert_int_equal(h->v[3].found[38] + h->v[3].found[2], 2);
	assert_int_equal(h->v[3].found[IND("in.honesty")], 0);
	hists_free(h);
	free(h);

	/* Oldest first, at most two; one area. */
	h = history_ok(db, -1, NULL, 0, 2, 1);
	assert_int_equal(h->n, 2);
	assert_int_equal(h->v[0].id, a1);
	assert_int_equal(h->v[1].id, a2);
	hists_free(h);
	free(h);
	h = history_ok(db, -1, NULL, 0, 1, 0);
	assert_int_equal(h->n, 1);
	assert_int_equal(h->v[0].id, a4);
	hists_free(h);
	free(h);
	assert_int_equal(history_n(db, 8, NULL, 0), 2);
	assert_int_equal(history_n(db, 6, NULL, 0), 0);

	/* Searches: words, other forms, prefixes, accents, in one area. */
	assert_int_equal(history_n(db, -1, "CLINICIANS board", 0), 1);
	assert_int_equal(history_n(db, -1, "meetings", 0), 1);
	assert_int_equal(history_n(db, -1, "clin*", 0), 1);
	assert_int_equal(history_n(db, -1, "cafe porters", 0), 1);
	assert_int_equal(history_n(db, 8, "plan", 0), 0);
	assert_int_equal(history_n(db, 0, "plan", 0), 1);
	assert_int_equal(history_n(db, -1, "   ", 0), 4);
	h = history_ok(db, -1, "the", 0, 0, 1);
	assert_int_equal(h->n, 2);
	assert_int_equal(h->v[0].id, a1);
	assert_int_equal(h->v[1].id, a3);
	hists_free(h);
	free(h);

	/* The rows themselves: a skipped rating is NULL; one quote kept. */
	t = sql_texts(db, "SELECT area || '=' || coalesce(rating, 'skipped') "
	    "|| ' ' || at FROM ratings ORDER BY area");
	assert_string_equal(t, "integrity=skipped " NOW "|"
	    "strategic-vision=4 " NOW "|");
	free(t);
	t = sql_texts(db, "SELECT quote FROM found WHERE indicator = "
	    "'ev.example'");
	assert_string_equal(t, "for example|");
	free(t);
	db_close(db);
}

/* Search text is words, never FTS5 syntax: nothing a person types errors. */
static void
test_search_hostile(void **state)
{
	static const char	*hostile[] = {
		"foo\" OR (", "\"", "\"\"", "*", "**", "(", ")", "NEAR(a b)",
		"a AND", "OR", "NOT x", "-x", "answer:plan", "^plan", "{a b}",
		"plan*\"", "'; DROP TABLE answers; --", "\xff\xfe", "a + b",
		":", "\\", "%_",
	};
	struct db	*db;
	size_t		 i;

	(void)state;
	db = mem_ok();
	answer_ok(db, begin_ok(db), 8, "prompt", "Q?",
	    "The plan: we said \"NOT now\" (NEAR the end) AND OR.", NULL, 0);
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
		history_n(db, -1, hostile[i], 0);
	assert_int_equal(history_n(db, -1, "\"NOT now\"", 0), 1);
	assert_int_equal(history_n(db, -1, "NEAR(the", 0), 1);
	assert_int_equal(history_n(db, -1, "plan OR elephant", 0), 0);
	assert_int_equal(history_n(db, -1, NULL, 0), 1);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM answers"), 1);
	db_close(db);
}

/* Calls the program should never make are refused, with nothing written. */
static void
test_bad_writes(void **state)
{
	struct store_found	 bad[] = { { 2, "x" }, { 43, "y" } };
	struct db		*db;
	struct err		 e = { 0, NULL };
	int64_t			 s;

	(void)state;
	db = mem_ok();
	s = begin_ok(db);
	assert_int_equal(store_answer_add(db, s, 8, "prompt", "Q?", "A.", NULL,
	    bad, 2, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_string_equal(e.msg, "no indicator 43 (a fault in dhcoach: "
	    "nothing was written)");
	err_clear(&e);
	assert_int_equal(store_answer_add(db, s, 10, "prompt", "Q?", "A.",
	    NULL, NULL, 0, &e), -1);
	err_clear(&e);
	assert_int_equal(store_answer_add(db, s, -1, "prompt", "Q?", "A.",
	    NULL, NULL, 0, &e), -1);
	err_clear(&e);
	assert_int_equal(store_answer_add(db, s, 1, "question", "Q?", "A.",
	    NULL, NULL, 0, &e), -1);
	assert_string_equal(e.msg, "no kind of question 'question' (a fault "
	    "in dhcoach: nothing was written)");
	err_clear(&e);
	assert_int_equal(store_answer_add(db, s, 1, "prompt", NULL, "A.",
	    NULL, NULL, 0, &e), -1);
	err_clear(&e);
	assert_int_equal(store_answer_add(db, s, 1, "prompt", "Q?", "A.",
	    "2026-11-26 10:00", NULL, 0, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	err_clear(&e);
	assert_int_equal(store_rating_set(db, s, 1, 6, &e), -1);
	assert_string_equal(e.msg, "a rating is 1 to 5, not 6 (a fault in "
	    "dhcoach: nothing was written)");
	err_clear(&e);
	assert_int_equal(store_rating_set(db, s, 10, 3, &e), -1);
	err_clear(&e);
	assert_int_equal(store_area_finished(db, s, 10, &e), -1);
	err_clear(&e);
	assert_int_equal(store_covered_add(db, 1, 43, &e), -1);
	err_clear(&e);
	assert_int_equal(store_covered_undo(db, 10, -1, &e), -1);
	err_clear(&e);
	assert_int_equal(sql_int(db, "SELECT (SELECT count(*) FROM answers) + "
	    "(SELECT count(*) FROM found) + (SELECT count(*) FROM ratings) + "
	    "(SELECT count(*) FROM finished) + (SELECT count(*) FROM covered)"),
	    0);

	/* An answer for a sitting that does not exist: nothing kept. */
	assert_int_equal(store_answer_add(db, 42, 1, "prompt", "Q?", "A.",
	    NULL, bad, 1, &e), -1);
	assert_int_equal(e.status, ERR_DB);
	assert_non_null(strstr(e.msg, "could not keep your answer: "));
	err_clear(&e);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM answers"), 0);
	db_close(db);
}

/* The candidate's covered claims: kept apart, taken back newest first. */
static void
test_covered(void **state)
{
	struct store_found	 f[] = { { 0, "I told them" } };
	struct picture		 p;
	struct hists		*h;
	struct db		*db;
	struct err		 e = { 0, NULL };
	int64_t			 s, a1, a2, a3;
	int			 hon, acc, fol;

	(void)state;
	hon = IND("in.honesty");
	acc = IND("in.accountability");
	fol = IND("in.follow-through");
	f[0].indicator = hon;
	db = mem_ok();
	s = begin_ok(db);
	a1 = answer_ok(db, s, 8, "prompt", "Q1?", "I told the board the "
	    "figures were wrong. Then I fixed them myself.", f, 1);
	a2 = answer_ok(db, s, 8, "prompt", "Q2?", "  I owned it, and saw it "
	    "through to the end!  More words.", NULL, 0);
	a3 = answer_ok(db, s, 0, "prompt", "Q3?", "A plan.", NULL, 0);

	assert_int_equal(store_covered_add(db, a1, acc, &e), 1);
	assert_int_equal(store_covered_add(db, a1, acc, &e), 0);
	/* What the coach found needs no claim. */
	assert_int_equal(store_covered_add(db, a1, hon, &e), 0);
	assert_int_equal(store_covered_add(db, a2, fol, &e), 1);
	assert_int_equal(store_covered_add(db, a2, acc, &e), 1);
	assert_int_equal(store_covered_add(db, a3, IND("sv.vision"), &e), 1);
	assert_int_equal(store_covered_add(db, 99, acc, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_string_equal(e.msg, "there is no answer 99 (a fault in "
	    "dhcoach: nothing was written)");
	err_clear(&e);

	/* Only answers with a claim; the claims apart from what was found. */
	h = history_ok(db, 8, NULL, 1, 0, 1);
	assert_int_equal(h->n, 2);
	assert_int_equal(h->v[0].id, a1);
	assert_int_equal(h->v[0].covered[acc], 1);
	assert_int_equal(h->v[0].covered[hon], 0);
	assert_int_equal(h->v[0].found[hon], 1);
	assert_int_equal(h->v[0].found[acc], 0);
	assert_int_equal(h->v[1].covered[fol] + h->v[1].covered[acc], 2);
	hists_free(h);
	free(h);

	/* The picture: claims counted apart, with a sentence of the answer. */
	picture_ok(db, &p);
	assert_int_equal(picture_shown(&p, 8, NULL), 1);
	assert_int_equal(picture_covered(&p, 8), 2);
	assert_true(picture_settled(&p, 8, acc));
	assert_true(p.areas[8].ev[fol].covered);
	assert_int_equal(p.areas[8].ev[fol].covered_answer, a2);
	assert_string_equal(p.areas[8].ev[fol].covered_quote, "I owned it, and "
	    "saw it through to the end!");
	/* Two claims of acc: the answer named is one of them. */
	assert_true(p.areas[8].ev[acc].covered_answer == a1 ||
	    p.areas[8].ev[acc].covered_answer == a2);
	picture_free(&p);

	/* Undo: the given indicator, then any, then none left. */
	assert_int_equal(store_covered_undo(db, 8, fol, &e), fol);
	assert_int_equal(store_covered_undo(db, 8, fol, &e), -2);
	assert_int_equal(store_covered_undo(db, 8, -1, &e), acc);
	assert_int_equal(store_covered_undo(db, 8, -1, &e), acc);
	assert_int_equal(store_covered_undo(db, 8, -1, &e), -2);
	assert_int_equal(store_covered_undo(db, 0, -1, &e), IND("sv.vision"));
	assert_int_equal(sql_int(db, "SELECT count(*) FROM covered"), 0);
	assert_int_equal(history_n(db, -1, NULL, 1), 0);
	db_close(db);
}

/* The newest claim is taken back first. */
static void
test_covered_undo_order(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	int64_t		 s, a1, a2;

	(void)state;
	db = mem_ok();
	s = begin_ok(db);
	a1 = answer_ok(db, s, 8, "prompt", "Q1?", "One.", NULL, 0);
	a2 = answer_ok(db, s, 8, "prompt", "Q2?", "Two.", NULL, 0);
	setenv("DHCOACH_TODAY", "2026-11-27", 1);
	assert_int_equal(store_covered_add(db, a1, IND("in.honesty"), &e), 1);
	setenv("DHCOACH_TODAY", "2026-11-25", 1);
	assert_int_equal(store_covered_add(db, a2, IND("in.accountability"),
	    &e), 1);
	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	assert_int_equal(store_covered_undo(db, 8, -1, &e), IND("in.honesty"));
	assert_int_equal(store_covered_undo(db, 8, -1, &e),
	    IND("in.accountability"));
	db_close(db);
}

/* The running picture over every sitting. */
static void
test_picture(void **state)
{
	struct store_found	 f1[] = {
		{ 0, "I told them." }, { 0, "ignored" }, { 38, "Last May." }
	};
	struct store_found	 f2[] = { { 0, "I owned the mistake." },
		{ 0, "My part." } };
	struct store_found	 f3[] = { { 2, "A picture of it." } };
	struct picture		 p;
	struct db		*db;
	struct err		 e = { 0, NULL };
	int64_t			 s1, s2, s3, a2;
	int			 hon, acc;

	(void)state;
	hon = IND("in.honesty");
	acc = IND("in.accountability");
	f1[0].indicator = f1[1].indicator = hon;
	f2[0].indicator = hon;
	f2[1].indicator = acc;
	db = mem_ok();

	/* Nothing yet. */
	picture_ok(db, &p);
	assert_int_equal(p.nsessions, 0);
	assert_string_equal(p.first, "");
	assert_int_equal(p.last_area, -1);
	assert_int_equal(picture_state(&p, 8), PICTURE_NOT_STARTED);
	picture_free(&p);

	setenv("DHCOACH_TODAY", "2026-11-20", 1);
	s1 = begin_ok(db);
	assert_int_equal(store_rating_set(db, s1, 8, 2, &e), 0);
	answer_ok(db, s1, 8, "prompt", "Q1?", "a1", f1, 3);
	assert_int_equal(store_session_area(db, s1, 8, &e), 0);
	setenv("DHCOACH_TODAY", "2026-11-24", 1);
	s2 = begin_ok(db);
	assert_int_equal(store_rating_set(db, s2, 8, 0, &e), 0); /* skipped */
	assert_int_equal(store_rating_set(db, s2, 0, 5, &e), 0);
	a2 = answer_ok(db, s2, 8, "probe", "Q2?", "a2", f2, 2);
	answer_ok(db, s2, 0, "prompt", "Q3?", "a3", f3, 1);
	assert_int_equal(store_area_finished(db, s2, 0, &e), 0);
	assert_int_equal(store_area_finished(db, s2, 0, &e), 0);
	assert_int_equal(store_session_area(db, s2, 0, &e), 0);
	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	s3 = begin_ok(db);	/* nothing in it: not counted */
	assert_int_equal(store_session_area(db, s3, 4, &e), 0);

	picture_ok(db, &p);
	assert_int_equal(p.nsessions, 2);
	assert_string_equal(p.first, "2026-11-20T12:00:00Z");
	assert_string_equal(p.last, "2026-11-24T12:00:00Z");
	assert_int_equal(p.last_area, 4);

	/* Integrity: the latest rating given, not the skip. */
	assert_int_equal(p.areas[8].rating, 2);
	assert_string_equal(p.areas[8].rated_at, "2026-11-20T12:00:00Z");
	assert_int_equal(p.areas[8].nanswers, 2);
	assert_int_equal(p.areas[8].last_answer, a2);
	assert_string_equal(p.areas[8].last_at, "2026-11-24T12:00:00Z");
	assert_int_equal(p.areas[8].finished, 0);
	assert_int_equal(picture_shown(&p, 8, NULL), 2);
	assert_int_equal(picture_state(&p, 8), PICTURE_STARTED);
	assert_int_equal(picture_calibration(&p, 8), PICTURE_CAL_LOW);
	/* Quotes newest first, the first of an answer kept. */
	assert_int_equal(p.areas[8].ev[hon].nquotes, 2);
	assert_string_equal(p.areas[8].ev[hon].quotes[0],
	    "I owned the mistake.");
	assert_string_equal(p.areas[8].ev[hon].quotes[1], "I told them.");
	assert_int_equal(p.areas[8].ev[hon].session, s2);
	assert_string_equal(p.areas[8].ev[hon].at, "2026-11-24T12:00:00Z");
	assert_string_equal(p.areas[8].ev[38].quotes[0], "Last May.");
	assert_int_equal(p.areas[8].ev[38].session, s1);
	assert_int_equal(picture_evidence_all(&p, 38), 1);
	assert_int_equal(picture_evidence_all(&p, 39), 0);
	assert_true(picture_asked(&p, 8, "Q1?"));
	assert_true(picture_asked(&p, 8, "Q2?"));
	assert_false(picture_asked(&p, 8, "Q3?"));
	assert_int_equal(p.areas[8].nasked, 2);

	/* Strategic vision: summed up, so finished; rated high, few shown. */
	assert_int_equal(p.areas[0].finished, 1);
	assert_int_equal(picture_state(&p, 0), PICTURE_FINISHED);
	assert_int_equal(p.areas[0].rating, 5);
	assert_int_equal(picture_calibration(&p, 0), PICTURE_CAL_HIGH);
	assert_true(picture_asked(&p, 0, "Q3?"));
	assert_int_equal(picture_state(&p, 1), PICTURE_NOT_STARTED);
	assert_int_equal(picture_next_unfinished(&p, 0), 1);
	picture_free(&p);
	db_close(db);
}

/* At most three quotes per area and indicator, the newest, however many. */
static void
test_picture_quotes(void **state)
{
	struct store_found	 f = { 0, NULL };
	struct picture		 p;
	struct db		*db;
	char			 quote[32];
	int64_t			 s, last = 0;
	int			 k, hon;

	(void)state;
	hon = IND("in.honesty");
	db = mem_ok();
	s = begin_ok(db);
	for (k = 1; k <= 7; k++) {
		snprintf(quote, sizeof quote, "Quote %d.", k);
		f.indicator = hon;
		f.quote = k == 7 ? NULL : quote;
		last = answer_ok(db, s, 8, "prompt", "Q?", quote, &f, 1);
	}
	/* Shown in another area's answer: counted there, not here. */
	f.quote = "Elsewhere.";
	answer_ok(db, s, 9, "prompt", "Q?", "x", &f, 1);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM shown"), 4);
	picture_ok(db, &p);
	assert_int_equal(p.areas[8].ev[hon].shown, 1);
	assert_int_equal(p.areas[8].ev[hon].nquotes, 2);
	assert_string_equal(p.areas[8].ev[hon].quotes[0], "Quote 6.");
	assert_string_equal(p.areas[8].ev[hon].quotes[1], "Quote 5.");
	assert_int_equal(p.areas[8].nanswers, 7);
	assert_int_equal(p.areas[8].last_answer, last);
	assert_int_equal(p.areas[8].nasked, 1);
	assert_int_equal(p.areas[9].ev[hon].shown, 1);
	assert_int_equal(picture_shown(&p, 9, NULL), 0);
	picture_free(&p);
	db_close(db);
}

/* The visits progress handed on, copied. */
struct visits {
	struct store_visit	v[64];
	char			started[64][DATE_TIME_LEN];
	int			n;
};

/* Copy a visit (its start time too). */
static int
visit_fn(void *ctx, const struct store_visit *v, struct err *e)
{
	struct visits	*vs = ctx;

	(void)e;
	if (vs->n == 64)
		fail_msg("too many visits");
	vs->v[vs->n] = *v;
	snprintf(vs->started[vs->n], DATE_TIME_LEN, "%s", v->started);
	vs->v[vs->n].started = vs->started[vs->n];
	vs->n++;
	return 0;
}

/* Progress: ratings, answers and own indicators per sitting and area. */
static void
test_progress(void **state)
{
	struct store_found	 f1[] = { { 0, "x" }, { 38, "y" } };
	struct store_found	 f2[] = { { 0, "x" }, { 0, "x" }, { 0, "z" } };
	struct store_found	 f3[] = { { 2, "a" }, { 38, "b" } };
	struct visits		 vs;
	struct db		*db;
	struct err		 e = { 0, NULL };
	int64_t			 s1, s2;
	int			 hon, acc;

	(void)state;
	hon = IND("in.honesty");
	acc = IND("in.accountability");
	f1[0].indicator = hon;
	f2[0].indicator = hon;
	f2[1].indicator = acc;
	f2[2].indicator = IND("sv.vision");	/* not integrity's own */
	db = mem_ok();
	memset(&vs, 0, sizeof vs);
	assert_int_equal(store_progress(db, -1, visit_fn, &vs, &e), 0);
	assert_int_equal(vs.n, 0);

	setenv("DHCOACH_TODAY", "2026-11-20", 1);
	s1 = begin_ok(db);
	assert_int_equal(store_rating_set(db, s1, 8, 2, &e), 0);
	assert_int_equal(store_rating_set(db, s1, 0, 0, &e), 0);
	answer_ok(db, s1, 8, "prompt", "Q?", "a1", f1, 2);
	begin_ok(db);		/* a sitting with nothing in it */
	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	s2 = begin_ok(db);
	answer_ok(db, s2, 8, "prompt", "Q?", "a2", f2, 3);
	answer_ok(db, s2, 8, "probe", "Q?", "a3", f1, 2);
	answer_ok(db, s2, 0, "prompt", "Q?", "a4", f3, 2);

	assert_int_equal(store_progress(db, -1, visit_fn, &vs, &e), 0);
	assert_int_equal(vs.n, 4);
	assert_int_equal(vs.v[0].session, s1);
	assert_string_equal(vs.v[0].started, "2026-11-20T12:00:00Z");
	assert_int_equal(vs.v[0].area, 0);		/* framework order */
	assert_int_equal(vs.v[0].rating, 0);		/* skipped */
	assert_int_equal(vs.v[0].nanswers, 0);
	assert_int_equal(vs.v[0].shown, 0);
	assert_int_equal(vs.v[1].area, 8);
	assert_int_equal(vs.v[1].rating, 2);
	assert_int_equal(vs.v[1].nanswers, 1);
	assert_int_equal(vs.v[1].shown, 1);		/* ev.* not own */
	assert_int_equal(vs.v[2].session, s2);
	assert_string_equal(vs.v[2].started, "2026-11-26T12:00:00Z");
	assert_int_equal(vs.v[2].area, 0);
	assert_int_equal(vs.v[2].nanswers, 1);
	assert_int_equal(vs.v[2].shown, 1);
	assert_int_equal(vs.v[3].area, 8);
	assert_int_equal(vs.v[3].rating, 0);
	assert_int_equal(vs.v[3].nanswers, 2);
	assert_int_equal(vs.v[3].shown, 2);		/* hon once, acc */

	memset(&vs, 0, sizeof vs);
	assert_int_equal(store_progress(db, 8, visit_fn, &vs, &e), 0);
	assert_int_equal(vs.n, 2);
	assert_int_equal(vs.v[0].area, 8);
	assert_int_equal(vs.v[1].area, 8);
	assert_int_equal(vs.v[1].shown, 2);
	assert_int_equal(store_progress(db, 10, visit_fn, &vs, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	err_clear(&e);
	db_close(db);
}

/* A visit callback that fails at once. */
static int
failing_visit(void *ctx, const struct store_visit *v, struct err *e)
{
	(void)v;
	(*(int *)ctx)++;
	return err_set(e, ERR_OUTPUT, "cannot write");
}

/* An answer callback that fails at once. */
static int
failing_answer(void *ctx, const struct store_answer *a, struct err *e)
{
	(void)a;
	(*(int *)ctx)++;
	return err_set(e, ERR_OUTPUT, "cannot write");
}

/* A callback's own failure stops progress and history, with its error. */
static void
test_callback_fails(void **state)
{
	struct store_history_query	 q = { -1, NULL, 0, 0, 0 };
	struct db			*db;
	struct err			 e = { 0, NULL };
	int64_t				 s;
	int				 calls = 0;

	(void)state;
	db = mem_ok();
	s = begin_ok(db);
	answer_ok(db, s, 1, "prompt", "Q?", "A.", NULL, 0);
	answer_ok(db, s, 2, "prompt", "Q?", "A.", NULL, 0);
	assert_int_equal(store_progress(db, -1, failing_visit, &calls, &e), -1);
	assert_int_equal(calls, 1);
	assert_int_equal(e.status, ERR_OUTPUT);
	assert_string_equal(e.msg, "cannot write");
	err_clear(&e);
	calls = 0;
	assert_int_equal(store_history(db, &q, failing_answer, &calls, &e), -1);
	assert_int_equal(calls, 1);
	assert_string_equal(e.msg, "cannot write");
	err_clear(&e);
	db_close(db);
}

/* The candidate's name and role. */
static void
test_profile(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	char		*name, *role;
	int		 asked = -1;

	(void)state;
	db = mem_ok();
	assert_int_equal(store_profile_asked(db, &asked, &e), 0);
	assert_int_equal(asked, 0);
	assert_int_equal(store_profile_get(db, &name, &role, &e), 0);
	assert_string_equal(name, "");
	assert_string_equal(role, "");
	free(name);
	free(role);
	assert_int_equal(store_profile_set(db, "", "", &e), 0);	/* skipped */
	assert_int_equal(store_profile_asked(db, &asked, &e), 0);
	assert_int_equal(asked, 1);
	assert_int_equal(store_profile_set(db, "Sam O'Neill", "Ward manager",
	    &e), 0);
	assert_int_equal(store_profile_get(db, &name, &role, &e), 0);
	assert_string_equal(name, "Sam O'Neill");
	assert_string_equal(role, "Ward manager");
	free(name);
	free(role);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM profile"), 1);
	db_close(db);
}

/* Deleting a sitting takes its answers, indicators and index entries. */
static void
test_cascade_and_index(void **state)
{
	struct store_found	 f[] = { { 0, "why" } };
	struct db		*db;
	struct err		 e = { 0, NULL };
	int64_t			 s1;

	(void)state;
	f[0].indicator = IND("gm.curiosity");
	db = mem_ok();
	s1 = begin_ok(db);
	answer_ok(db, s1, 7, "prompt", "Q?", "I asked why the referrals fell.",
	    f, 1);
	assert_int_equal(store_covered_add(db, 1, IND("gm.challenge"), &e), 1);
	answer_ok(db, begin_ok(db), 7, "prompt", "Q?", "Referrals rose again.",
	    NULL, 0);
	assert_int_equal(db_exec(db, &e, "test", "DELETE FROM sessions WHERE "
	    "id = 1", ""), 1);
	assert_int_equal(db_exec(db, &e, "test", "UPDATE answers SET answer = "
	    "'Admissions rose.'", ""), 1);
	assert_int_equal(db_exec(db, &e, "test", "INSERT INTO answers_fts "
	    "(answers_fts) VALUES ('integrity-check')", ""), 1);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM found"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM shown"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM covered"), 0);
	assert_int_equal(history_n(db, -1, "referrals", 0), 0);
	assert_int_equal(history_n(db, -1, "admissions", 0), 1);
	db_close(db);
}

/* A few hundred answers: the picture, history and progress agree. */
static void
test_scale(void **state)
{
	struct store_found	 f[2];
	struct picture		 p;
	struct visits		 vs;
	struct hists		*h;
	struct db		*db;
	struct err		 e = { 0, NULL };
	char			 q[32], text[64];
	int64_t			 s = 0;
	int			 k, a, i;

	(void)state;
	db = mem_ok();
	for (k = 0; k < 300; k++) {
		if (k % 50 == 0)
			s = begin_ok(db);
		a = k % 10;
		/* The area's first own indicator, and an ev.* one. */
		f[0].indicator = -1;
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			if (framework_indicators[i].area == a &&
			    f[0].indicator == -1)
				f[0].indicator = i;
		}
		f[0].quote = "Own.";
		f[1].indicator = 38 + k % 5;
		f[1].quote = "Evidence.";
		snprintf(q, sizeof q, "Question %d?", k % 7);
		snprintf(text, sizeof text, "Answer number %d about rotas.", k);
		answer_ok(db, s, a, k % 3 ? "probe" : "prompt", q, text, f, 2);
		if (k % 50 == 0)
			assert_int_equal(store_rating_set(db, s, a, 3, &e), 0);
	}
	picture_ok(db, &p);
	assert_int_equal(p.nsessions, 6);
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		assert_int_equal(p.areas[a].nanswers, 30);
		assert_int_equal(picture_shown(&p, a, NULL), 1);
		assert_int_equal(p.areas[a].ev[38 + a % 5].nquotes, 3);
		/* Questions k % 7 for k = a, a + 10, ...: all seven. */
		assert_int_equal(p.areas[a].nasked, 7);
	}
	assert_int_equal(p.areas[0].rating, 3);
	assert_int_equal(p.areas[5].rating, 0);
	picture_free(&p);

	h = history_ok(db, -1, NULL, 0, 0, 0);
	assert_int_equal(h->n, 300);
	assert_string_equal(h->v[0].answer, "Answer number 299 about rotas.");
	assert_string_equal(h->v[299].answer, "Answer number 0 about rotas.");
	hists_free(h);
	free(h);
	assert_int_equal(history_n(db, 3, "rotas", 0), 30);
	assert_int_equal(history_n(db, -1, "299", 0), 1);

	memset(&vs, 0, sizeof vs);
	assert_int_equal(store_progress(db, -1, visit_fn, &vs, &e), 0);
	assert_int_equal(vs.n, 60);
	assert_int_equal(vs.v[0].nanswers, 5);
	assert_int_equal(vs.v[0].shown, 1);
	assert_int_equal(vs.v[0].rating, 3);
	assert_int_equal(vs.v[1].rating, 0);
	db_close(db);
}

/*
 * A database damaged in one column: made with the NOT NULL constraints
 * taken out of the schema and CHECKs ignored, filled through the store,
 * then one value broken by another connection.
 */
struct damage {
	const char	*sql;		/* the change that breaks a row */
	const char	*reader;	/* the reader that must fail; "" none */
};

static const struct damage damages[] = {
	{ "UPDATE sessions SET started = NULL WHERE id = 1", "progress" },
	{ "UPDATE sessions SET started = 'yesterday'", "picture" },
	{ "UPDATE sessions SET area = 'nowhere' WHERE id = 2", "picture" },
	{ "UPDATE sessions SET area = NULL, ended = NULL, kind = NULL", "" },
	{ "UPDATE ratings SET area = NULL", "progress" },
	{ "UPDATE ratings SET area = 'nowhere'", "progress" },
	{ "UPDATE ratings SET rating = 9", "picture" },
	{ "UPDATE ratings SET rating = 'four'", "progress" },
	{ "UPDATE ratings SET rating = NULL", "" },
	{ "UPDATE ratings SET at = NULL", "picture" },
	{ "UPDATE answers SET session = NULL", "history" },
	{ "UPDATE answers SET area = NULL", "history" },
	{ "UPDATE answers SET area = 'nowhere'", "picture" },
	{ "UPDATE answers SET kind = NULL", "history" },
	{ "UPDATE answers SET kind = 'other'", "history" },
	{ "UPDATE answers SET prompt = NULL", "picture" },
	{ "UPDATE answers SET answer = NULL", "history" },
	{ "UPDATE answers SET at = NULL", "picture" },
	{ "UPDATE answers SET at = '2026-13-01T00:00:00Z'", "history" },
	{ "UPDATE found SET quote = NULL", "" },
	{ "UPDATE found SET indicator = 'xx.nothing'", "progress" },
	{ "UPDATE covered SET indicator = 'xx.nothing'", "picture" },
	{ "UPDATE covered SET at = NULL", "" },
	{ "UPDATE finished SET area = 'nowhere'", "picture" },
	{ "UPDATE shown SET area = 'nowhere'", "picture" },
	{ "UPDATE profile SET name = NULL", "profile" },
	{ "UPDATE profile SET role = NULL", "profile" },
	{ "UPDATE profile SET asked = NULL", "" },
	{ "UPDATE plan SET area = NULL", "plan" },
	{ "UPDATE plan SET area = 'nowhere'", "plan" },
	{ "UPDATE plan SET action = NULL", "plan" },
	{ "UPDATE plan SET measure = NULL", "plan" },
	{ "UPDATE plan SET due = NULL", "plan" },
	{ "UPDATE plan SET due = '2027-02-30'", "plan" },
	{ "UPDATE plan SET support = NULL", "plan" },
	{ "UPDATE plan SET status = NULL", "plan" },
	{ "UPDATE plan SET status = 'maybe'", "plan" },
	{ "UPDATE plan SET created = NULL", "plan" },
	{ "UPDATE plan SET updated = 'soon'", "plan" },
	{ "UPDATE plan SET done = 'yes'", "plan" },
	{ "UPDATE plan SET done = NULL", "" },
	{ "UPDATE plan_draft SET action = NULL", "draft" },
	{ "UPDATE plan_draft SET area = 'nowhere'", "draft" },
	{ "UPDATE plan_draft SET due = 'soon'", "draft" },
	{ "UPDATE plan_draft SET area = NULL, due = NULL", "" },
};

/* Make a database at path with no NOT NULL in its schema. */
static void
make_loose(const char *path)
{
	struct buf	 b = { 0 };
	sqlite3		*raw;
	char		*sql, *p;
	size_t		 i, j;

	for (i = 0; i < migrations_count; i++) {
		for (j = 0; migrations_table[i].lines[j] != NULL; j++)
			buf_adds(&b, migrations_table[i].lines[j]);
	}
	buf_printf(&b, "PRAGMA application_id = %d; PRAGMA user_version = %zu;",
	    0x44484331, migrations_count);
	sql = buf_take(&b);
	for (p = sql; (p = strstr(p, "NOT NULL")) != NULL; p += 8) {
		if (p - sql < 3 || strncmp(p - 3, "IS ", 3) != 0)
			memset(p, ' ', 8);
	}
	if (sqlite3_open(path, &raw) != SQLITE_OK ||
	    sqlite3_exec(raw, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("make_loose: %s", sqlite3_errmsg(raw));
	sqlite3_close(raw);
	free(sql);
}

/* Fill a database with one of everything every reader reads. */
static void
fill(struct db *db)
{
	struct store_found	 f[] = { { 0, "I told them." } };
	struct plan_action	 a;
	struct err		 e = { 0, NULL };
	int64_t			 s, id;

	f[0].indicator = IND("in.honesty");
	s = begin_ok(db);
	assert_int_equal(store_rating_set(db, s, 8, 3, &e), 0);
	id = answer_ok(db, s, 8, "prompt", "Q?", "I told them. Then more.", f,
	    1);
	assert_int_equal(store_covered_add(db, id, IND("in.accountability"),
	    &e), 1);
	assert_int_equal(store_area_finished(db, s, 8, &e), 0);
	assert_int_equal(store_session_area(db, s, 8, &e), 0);
	assert_int_equal(store_session_end(db, s, &e), 0);
	assert_int_equal(store_session_area(db, begin_ok(db), 8, &e), 0);
	assert_int_equal(store_profile_set(db, "Sam", "Matron", &e), 0);
	memset(&a, 0, sizeof a);
	a.area = (char *)"integrity";
	a.action = (char *)"Tell the team";
	a.measure = (char *)"";
	a.due = (char *)"2027-01-31";
	a.support = (char *)"Mentor";
	assert_int_equal(store_plan_add(db, &a, &e), 1);
	assert_int_equal(store_plan_set_done(db, 1, 1, &e), 1);
	a.due = (char *)"2027-02-28";
	assert_int_equal(store_plan_draft_set(db, &a, &e), 0);
}

/* Take an answer and do nothing. */
static int
hist_nothing(void *ctx, const struct store_answer *a, struct err *e)
{
	(void)ctx;
	(void)a;
	(void)e;
	return 0;
}

/* Take a visit and do nothing. */
static int
visit_nothing(void *ctx, const struct store_visit *v, struct err *e)
{
	(void)ctx;
	(void)v;
	(void)e;
	return 0;
}

/* Take an action and do nothing. */
static int
plan_nothing(void *ctx, const struct plan_action *a, struct err *e)
{
	(void)ctx;
	(void)a;
	(void)e;
	return 0;
}

/*
 * Run every reader once; each succeeds or fails as damaged.  Returns
 * whether the named one failed.
 */
static int
run_readers(struct db *db, const char *want, const char *sql)
{
	static const char		*names[] = { "picture", "history",
	    "progress", "profile", "plan", "draft" };
	struct store_history_query	 q = { -1, NULL, 0, 0, 0 };
	struct store_plan_filter	 pf = { -1, 0, 0, NULL };
	struct plan_action		 a;
	struct picture			 p;
	struct err			 e = { 0, NULL };
	char				*name, *role;
	int64_t				 n1, n2, n3;
	int				 k, rc, failed = 0;

	for (k = 0; k < 6; k++) {
		memset(&a, 0, sizeof a);
		picture_init(&p);
		switch (k) {
		case 0:
			rc = store_picture(db, &p, &e);
			picture_free(&p);
			break;
		case 1:
			rc = store_history(db, &q, hist_nothing, NULL, &e);
			break;
		case 2:
			rc = store_progress(db, -1, visit_nothing, NULL, &e);
			break;
		case 3:
			rc = store_profile_get(db, &name, &role, &e);
			if (rc == 0) {
				free(name);
				free(role);
			}
			break;
		case 4:
			rc = store_plan_each(db, &pf, plan_nothing, NULL, &e);
			if (rc == 0 && store_plan_get(db, 1, &a, &e) == -1)
				rc = -1;
			plan_action_clear(&a);
			if (rc == 0)
				rc = store_plan_counts(db, "2027-06-01", &n1,
				    &n2, &n3, &e);
			break;
		default:
			rc = store_plan_draft_get(db, &a, &e) == -1 ? -1 : 0;
			plan_action_clear(&a);
			break;
		}
		if (rc == 0)
			continue;
		if (e.status != ERR_DB_DAMAGED)
			fail_msg("%s: %s: status %d: %s", sql, names[k],
			    e.status, e.msg);
		if (strstr(e.msg, " is damaged: a value is ") == NULL)
			fail_msg("%s: %s: %s", sql, names[k], e.msg);
		err_clear(&e);
		if (strcmp(names[k], want) == 0)
			failed = 1;
	}
	return failed;
}

/* Each damaged column fails its reader as damaged; nothing crashes. */
static void
test_damaged(void **state)
{
	struct db	*db;
	struct err	 e = { 0, NULL };
	sqlite3		*raw;
	char		*dir, *path;
	size_t		 i;

	(void)state;
	dir = xstrdup("/tmp/dhcoach-store-XXXXXX");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	path = xasprintf("%s/dhcoach.db", dir);
	for (i = 0; i < sizeof damages / sizeof damages[0]; i++) {
		unlink(path);
		make_loose(path);
		if (db_open(path, DB_WRITE, &db, &e) != 0)
			fail_msg("db_open: %s", e.msg);
		fill(db);
		assert_int_equal(run_readers(db, "", "none"), 0);
		if (sqlite3_open(path, &raw) != SQLITE_OK)
			fail_msg("sqlite3_open");
		if (sqlite3_exec(raw, "PRAGMA ignore_check_constraints = ON",
		    NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(raw, damages[i].sql, NULL, NULL, NULL) !=
		    SQLITE_OK || sqlite3_changes(raw) == 0)
			fail_msg("%s: %s", damages[i].sql, sqlite3_errmsg(raw));
		sqlite3_close(raw);
		if (run_readers(db, damages[i].reader, damages[i].sql) !=
		    (*damages[i].reader != '\0'))
			fail_msg("%s: %s did not fail", damages[i].sql,
			    damages[i].reader);
		db_close(db);
	}
	unlink(path);
	free(path);
	fixture_rm(dir);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_search_hostile),
		cmocka_unit_test(test_bad_writes),
		cmocka_unit_test(test_covered),
		cmocka_unit_test(test_covered_undo_order),
		cmocka_unit_test(test_picture),
		cmocka_unit_test(test_picture_quotes),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_callback_fails),
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_cascade_and_index),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_damaged),
	};

	setenv("DHCOACH_TODAY", "2026-11-26", 1);
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}

/*
 * store-history.c: the kept answers, as history and the report list
 * them (see store-history.h).
 *
 * Invariants: answers are streamed, one row at a time, each handed on
 * with what was found and claimed in it and then forgotten, so the
 * memory held stays one answer however long the history.  The
 * candidate's search is never spliced into SQL, nor read as FTS5
 * syntax: each of its words becomes a quoted FTS5 string, bound as a
 * parameter.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "framework.h"
#include "store-check.h"
#include "store-history.h"
#include "util.h"

static const char *const store_history_kinds[] = { "prompt", "probe", NULL };

/*
 * Turn the candidate's search into FTS5 syntax: each word a quoted
 * string (with " doubled), a final * kept as a prefix search.  NULL when
 * there are no words.
 */
static char *
store_history_fts(const char *text)
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
store_history_mark_row(void *ctx, struct db_row *row, struct err *e)
{
	int	*marks = ctx, i;

	(void)e;
	i = db_row_choice(row, 0, store_check_indicator_ids());
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
	a->area = db_row_choice(row, 2, store_check_area_ids());
	a->kind = store_history_kinds[db_row_choice(row, 3,
	    store_history_kinds)];
	a->question = db_row_text(row, 4);
	a->answer = db_row_text(row, 5);
	a->at = db_row_date(row, 6, 1);
	if (db_row_damaged(row))
		return 0;
	if (db_query(h->db, e, what, store_history_mark_row, a->found,
	    "SELECT indicator FROM found WHERE answer = ?1", "i", a->id) != 0 ||
	    db_query(h->db, e, what, store_history_mark_row, a->covered,
	    "SELECT indicator FROM covered WHERE answer = ?1", "i", a->id) != 0)
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

	if (q->area != -1 && !store_check_area(q->area))
		return store_check_fault(e, "no area %d", q->area);
	if (q->search != NULL)
		search = store_history_fts(q->search);
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

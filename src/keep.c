/*
 * keep.c: keeping answers safe (see keep.h).
 *
 * Invariants: the queue is in the order answers were given; an answer
 * is tried in the database only once every answer queued before it is
 * there, so the database's order is the candidate's; an item leaves the
 * queue only after the database has committed it, and its file is
 * removed only then.
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "date.h"
#include "framework.h"
#include "keep.h"
#include "store.h"
#include "util.h"

/* Set up a keeper. */
void
keep_init(struct keep *k, const struct prompts *p, struct db *db,
    int64_t session, const char *dir)
{
	char	*real;

	memset(k, 0, sizeof *k);
	k->prompts = p;
	k->db = db;
	k->session = session;
	k->dir = dir;
	real = realpath(db_path(db), NULL);
	k->dbkey = real != NULL ? real : xstrdup(db_path(db));
}

/* Free the queue (the files stay, to be restored next time). */
void
keep_free(struct keep *k)
{
	size_t	i;

	for (i = 0; i < k->n; i++)
		recover_item_clear(&k->v[i].item);
	free(k->v);
	free(k->dbkey);
	memset(k, 0, sizeof *k);
}

/*
 * Store one answer with the evidence its analysis given (NULL: made
 * here) shows: its id, or -1 with *e.
 */
static int64_t
keep_store(struct keep *k, int a, const char *kind, const char *q,
    const char *text, const char *at, const struct analysis *given,
    struct err *e)
{
	struct store_found	 found[FRAMEWORK_NINDICATORS];
	char			*quotes[FRAMEWORK_NINDICATORS];
	struct analysis		 mine;
	const struct analysis	*an = given;
	size_t			 n = 0, j;
	int64_t			 id;
	int			 i;

	if (an == NULL) {
		analyse_run(k->prompts, text, strlen(text), &mine);
		an = &mine;
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!analyse_shown(an, i))
			continue;
		quotes[n] = analyse_quote(an, i);
		found[n].indicator = i;
		found[n].quote = quotes[n];
		n++;
	}
	id = store_answer_add(k->db, k->session, a, kind, q, text, at, found,
	    n, e);
	for (j = 0; j < n; j++)
		free(quotes[j]);
	if (given == NULL)
		analyse_free(&mine);
	return id;
}

/* Store the queued answers in order; see keep.h. */
int
keep_flush(struct keep *k, struct err *e)
{
	struct keep_item	*w;
	struct err		 rm = { 0 };

	while (k->n > 0) {
		w = &k->v[0];
		if (keep_store(k, w->area, w->item.kind, w->item.question,
		    w->item.answer, w->item.at, NULL, e) == -1)
			return -1;
		if (recover_remove(&w->item, &rm) != 0)
			err_clear(&rm);
		recover_item_clear(&w->item);
		memmove(k->v, k->v + 1, (k->n - 1) * sizeof *k->v);
		k->n--;
	}
	return 0;
}

/* Remove the editor's file of an answer now safe elsewhere. */
static void
keep_drop_edit(const char *edit)
{
	struct recover_item	it;
	struct err		e = { 0 };

	if (edit == NULL)
		return;
	memset(&it, 0, sizeof it);
	it.path = (char *)edit;
	if (recover_remove(&it, &e) != 0)
		err_clear(&e);
}

/* Keep an answer; see keep.h. */
enum keep_result
keep_answer(struct keep *k, int a, const char *kind, const char *q,
    const char *text, const struct analysis *an, const char *edit,
    int64_t *id, const char **path, struct err *why, struct err *nofile)
{
	struct keep_item	*w;
	char			 now[DATE_TIME_LEN];

	*path = NULL;
	if (keep_flush(k, why) == 0 && (*id = keep_store(k, a, kind, q, text,
	    NULL, an, why)) != -1) {
		keep_drop_edit(edit);
		return KEEP_SAVED;
	}
	date_now(now);
	k->v = xreallocarray(k->v, k->n + 1, sizeof *k->v);
	w = &k->v[k->n++];
	memset(w, 0, sizeof *w);
	w->area = a;
	w->item.db = xstrdup(k->dbkey);
	w->item.area = xstrdup(framework_areas[a].id);
	w->item.kind = xstrdup(kind);
	w->item.question = xstrdup(q);
	w->item.answer = xstrdup(text);
	w->item.at = xstrdup(now);
	if (k->dir != NULL && recover_save(k->dir, &w->item, nofile) == 0) {
		keep_drop_edit(edit);
		*path = w->item.path;
		return KEEP_FILED;
	}
	if (k->dir == NULL)
		err_set(nofile, ERR_UNSAVED, "there is no home folder to keep "
		    "it in");
	if (edit != NULL) {
		/* The editor's file still holds it. */
		w->item.path = xstrdup(edit);
		*path = w->item.path;
	}
	return KEEP_MEMORY;
}

/* Save what an earlier sitting left in the folder; see keep.h. */
int
keep_restore(struct keep *k, size_t *found, size_t *saved, struct err *e)
{
	struct recover_item	*v = NULL;
	struct err		 rm = { 0 };
	size_t			 n = 0, i;
	int			 a, rc = 0;

	*found = *saved = 0;
	if (k->dir == NULL || recover_list(k->dir, k->dbkey, &v, &n, &rm) != 0) {
		err_clear(&rm);
		return 0;
	}
	for (i = 0; i < n && rc == 0; i++) {
		a = framework_area_find(v[i].area != NULL ? v[i].area : "");
		if (a == -1 || v[i].answer == NULL ||
		    util_is_blank(v[i].answer, strlen(v[i].answer))) {
			if (recover_remove(&v[i], &rm) != 0)
				err_clear(&rm);
			continue;
		}
		(*found)++;
		if (keep_store(k, a, v[i].kind != NULL ? v[i].kind : "prompt",
		    v[i].question != NULL ? v[i].question : "", v[i].answer,
		    v[i].at, NULL, e) == -1) {
			rc = -1;
			break;
		}
		(*saved)++;
		if (recover_remove(&v[i], &rm) != 0)
			err_clear(&rm);
	}
	recover_items_free(v, n);
	return rc;
}

/* Say what could not be saved, and show what is nowhere else; see keep.h. */
int
keep_unsaved(const struct keep *k, const char *noun, const struct err *why,
    FILE *out, struct err *e)
{
	size_t	i, n = k->n, lost = 0;

	for (i = 0; i < n; i++)
		lost += k->v[i].item.path == NULL;
	if (lost > 0) {
		fprintf(out, "\nThese could not be saved or kept in a file: "
		    "please copy them somewhere safe.\n");
		for (i = 0; i < n; i++) {
			if (k->v[i].item.path != NULL)
				continue;
			fprintf(out, "\n[%s]\n%s\n", k->v[i].item.area,
			    k->v[i].item.answer);
		}
	}
	if (lost == n)
		return err_set(e, ERR_UNSAVED, "%zu %s%s could not be saved in "
		    "%s (%s) or kept in a file: %s printed above", n, noun,
		    n == 1 ? "" : "s", db_path(k->db), why->msg, n == 1 ?
		    "it is" : "they are");
	return err_set(e, ERR_UNSAVED, "%zu %s%s could not be saved in %s "
	    "(%s); %zu %s kept in %s, and the conversation saves %s the next "
	    "time it starts%s", n, noun, n == 1 ? "" : "s", db_path(k->db),
	    why->msg, n - lost, n - lost == 1 ? "is" : "are", k->dir,
	    n - lost == 1 ? "it" : "them", lost > 0 ? "; the others are "
	    "printed above" : "");
}

/* Add the queued answers' evidence to the picture; see keep.h. */
void
keep_overlay(const struct keep *k, struct picture *pic)
{
	struct analysis	 an;
	const struct keep_item *w;
	size_t		 j;
	char		*q;
	int		 i;

	for (j = 0; j < k->n; j++) {
		w = &k->v[j];
		analyse_run(k->prompts, w->item.answer, strlen(w->item.answer),
		    &an);
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			if (!analyse_shown(&an, i))
				continue;
			q = analyse_quote(&an, i);
			picture_add_shown(pic, w->area, i, q, k->session,
			    w->item.at);
			free(q);
		}
		picture_add_asked(pic, w->area, w->item.question);
		pic->areas[w->area].nanswers++;
		analyse_free(&an);
	}
}

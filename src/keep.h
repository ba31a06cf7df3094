/*
 * keep.h: answers kept safe: in the database at once, or, when it
 * refuses one (another program holds it, the disk is full), in the
 * recovery folder (recover.h), queued and saved in order as soon as the
 * database takes answers again.  A queued answer is never dropped: when
 * not even its file can be written, it waits in memory for the end of
 * the sitting.  No input is read here, and nothing is printed but by
 * keep_unsaved, to the stream it is given: the caller says what
 * happened.
 *
 * Ownership: struct keep borrows the prompts, database and folder name,
 * and owns its queue and the database's key (keep_free).
 */
#ifndef DHCOACH_KEEP_H
#define DHCOACH_KEEP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "analyse.h"
#include "db.h"
#include "err.h"
#include "picture.h"
#include "prompts.h"
#include "recover.h"

/* An answer waiting for the database. */
struct keep_item {
	struct recover_item	item;	/* path NULL when only in memory */
	int			area;
};

struct keep {
	const struct prompts	*prompts;
	struct db		*db;
	int64_t			 session;
	const char		*dir;	/* the recovery folder, or NULL */
	char			*dbkey;	/* the database's absolute path */
	struct keep_item	*v;
	size_t			 n;
};

/* Set up a keeper for the sitting session of db. */
void keep_init(struct keep *, const struct prompts *, struct db *,
    int64_t session, const char *dir);
void keep_free(struct keep *);

/* What became of an answer given to keep_answer. */
enum keep_result {
	KEEP_SAVED,	/* in the database */
	KEEP_FILED,	/* queued, in its recovery file */
	KEEP_MEMORY	/* queued in memory only: no file could be written */
};

/*
 * Keep an answer in area a, whose analysis an (of text; NULL: made
 * here) says what it shows.  edit is the recovery file that held it
 * while it was written in the editor (NULL when typed): removed once the
 * answer is safe elsewhere.  Returns KEEP_SAVED with *id set, or how it
 * was queued, with *why the database's failure and, for KEEP_MEMORY,
 * *nofile why no file could be written.  *path (not freed by the
 * caller) names the file when KEEP_FILED.
 */
enum keep_result keep_answer(struct keep *, int a, const char *kind,
    const char *question, const char *text, const struct analysis *an,
    const char *edit, int64_t *id, const char **path, struct err *why,
    struct err *nofile);

/* Store the queued answers, in order, stopping at a failure: 0 or -1 with *e. */
int keep_flush(struct keep *, struct err *e);

/*
 * Save the answers an earlier sitting left in the folder for this
 * database (those with no text are removed).  *found and *saved count
 * them.  Returns 0, or -1 with *e when the database refused one.
 */
int keep_restore(struct keep *, size_t *found, size_t *saved, struct err *e);

/*
 * At the end of a sitting whose queue could not be flushed (why, from
 * keep_flush): set *e to ERR_UNSAVED, saying how many of what (noun, as
 * "answer") wait and where.  The text of any that has no file (no
 * folder, or it could not be written) is written to out, so that it can
 * be copied, since it is about to be gone.  Returns -1.
 */
int keep_unsaved(const struct keep *, const char *noun, const struct err *why,
    FILE *out, struct err *e);

/* Add the queued answers' evidence and questions to pic. */
void keep_overlay(const struct keep *, struct picture *pic);

#endif

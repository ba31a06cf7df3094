/*
 * recover.h: the recovery folder, where an answer waits until the
 * database has it.
 *
 * When an answer cannot be saved (another program holds the database,
 * the disk is full), it is written at once to a file of its own in
 * $XDG_STATE_HOME/dhcoach/unsaved/ (folder 0700, file 0600, never in
 * /tmp), and the conversation goes on; it is saved, and its file
 * removed, as soon as the database takes it again, and at the next
 * start otherwise.  The same files hold a long answer while the
 * candidate writes it in their editor (/edit), so that closing the
 * terminal with the editor open loses nothing.
 *
 * A file is plain text the candidate can read: a header of lines that
 * start with "# " (what it is, the database it belongs to, the area,
 * the kind of question and the question), then the answer as written.
 * Only that first block of "#" lines is the header; a later line that
 * starts with "#" is part of the answer.
 *
 * Ownership: the strings of a struct recover_item are its own
 * (recover_item_clear).
 */
#ifndef DHCOACH_RECOVER_H
#define DHCOACH_RECOVER_H

#include <stddef.h>

#include "err.h"

/* One answer waiting to be saved. */
struct recover_item {
	char	*path;		/* its file */
	char	*db;		/* the database it belongs to (absolute) */
	char	*area;		/* area id */
	char	*kind;		/* "prompt" or "probe" */
	char	*question;
	char	*answer;	/* "" while being written in the editor */
	char	*at;		/* when it was given, UTC */
};

/*
 * The recovery folder: $XDG_STATE_HOME/dhcoach/unsaved, or under
 * ~/.local/state.  A new string, or NULL when there is no home folder.
 */
char *recover_dir(void);

/*
 * Write item (all but path) to a new file in dir, creating dir 0700,
 * the file 0600 and synced.  Sets item->path.  Returns 0, or -1 with *e
 * (ERR_DISK_FULL or ERR_UNSAVED and the reason).
 */
int recover_save(const char *dir, struct recover_item *item, struct err *e);

/*
 * Read the file at path into *item (a header it does not have is left
 * NULL).  Returns 0, or -1 with *e when it is not a recovery file.
 */
int recover_read(const char *path, struct recover_item *item,
    struct err *e);

/*
 * The answer in the file at path after an editor had it: the text below
 * the header when the header is still there, else the whole file (the
 * editor, or the candidate, may have removed it), trailing white space
 * trimmed.  *text is a new string.  Returns 0, or -1 with *e.
 */
int recover_read_text(const char *path, char **text, struct err *e);

/*
 * Every recovery file in dir that belongs to database db (an absolute
 * path), oldest first.  A missing folder is an empty list.  Returns 0,
 * or -1 with *e.
 */
int recover_list(const char *dir, const char *db, struct recover_item **out,
    size_t *n, struct err *e);

/*
 * Keep text that cannot be saved as an answer at all (over the size
 * limit) in a new file "kept-*.txt" of dir, 0600, for the candidate to
 * take back: never restored as an answer.  Sets *path (a new string).
 * Returns 0, or -1 with *e.
 */
int recover_keep(const char *dir, const char *text, char **path,
    struct err *e);

/* Remove item's file (once its answer is saved).  0, or -1 with *e. */
int recover_remove(const struct recover_item *item, struct err *e);

void recover_item_clear(struct recover_item *);
void recover_items_free(struct recover_item *, size_t n);

#endif

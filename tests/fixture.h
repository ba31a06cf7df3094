/*
 * fixture.h: a small, valid prompt folder for unit tests.
 *
 * fixture_dir writes one file per area, evidence.prompts, cues.prompts
 * (with [scale]), plan.prompts, replies.prompts and readiness.prompts
 * into a new temporary folder.  In [plan], the questions are "What will
 * you do?", "How will you know?", "By when?", "Who will support you?"
 * and "Which area?"; the word "better" makes an action vague, with the
 * nudge "Make it specific.".  Indicator X.y is shown by the word "Xy"
 * without punctuation (sv.big-picture: "svbigpicture"), and its shown
 * phrase is "you showed X.y"; the negation cue is the word "not", window
 * 3.  [replies] has two variants of shown ("That shows {list}." and
 * "Also, that shows {list}.") and one of each other key, such as "You
 * said: \"{quote}\". Tell me about {gap}." and "Next: {suggestion}";
 * [readiness] is min-rating 3, min-shown 2, require ev.example.  Tests
 * then change one file to make one problem.  Ownership: the returned
 * path is the caller's; fixture_rm removes the folder and frees the path.
 */
#ifndef DHCOACH_FIXTURE_H
#define DHCOACH_FIXTURE_H

#include <stddef.h>

#include "source.h"

char *fixture_dir(void);
/* The word that shows indicator id (a static buffer). */
const char *fixture_word(const char *id);
void fixture_write(const char *dir, const char *file, const char *text);
void fixture_append(const char *dir, const char *file, const char *text);
void fixture_rm(char *dir);

/*
 * A line source over lines (not interactive) during which another
 * connection, as another program would, holds the write lock on the
 * database at path: taken before line lock_at is read, let go before
 * line release_at, or by fixture_lock_release (call it at the end in any
 * case).  The lines and path are borrowed.
 */
struct fixture_lock {
	struct source_lines	 sl;
	const char		*path;
	struct sqlite3		*other;
	size_t			 lock_at;
	size_t			 release_at;
};
void fixture_lock_init(struct source *, struct fixture_lock *,
    const char *path, const char *const *lines, size_t n, size_t lock_at,
    size_t release_at);
void fixture_lock_release(struct fixture_lock *);

#endif

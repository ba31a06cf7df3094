/*
 * store-progress.h: each sitting's areas, as progress shows them: the
 * rating given, the answers kept, and how many of the area's own
 * indicators were shown by the sitting's end, over every sitting so
 * far (the running picture's count).
 *
 * Ownership: the struct db is the caller's (db.h).  A visit handed to a
 * callback is valid during the call only.
 */
#ifndef DHCOACH_STORE_PROGRESS_H
#define DHCOACH_STORE_PROGRESS_H

#include <stdint.h>

#include "db.h"
#include "err.h"

/* An area in one sitting, as progress shows it. */
struct store_visit {
	int64_t		 session;
	const char	*started;	/* the sitting's start, UTC */
	int		 area;
	int		 rating;	/* 0: none */
	int		 nanswers;
	int		 shown;		/* own indicators shown by its end, over
					 * every sitting so far */
};

typedef int (*store_visit_fn)(void *ctx, const struct store_visit *,
    struct err *e);

/*
 * Call fn for each (sitting, area) with a rating or an answer, oldest
 * sitting first and in framework order within one; only area a unless
 * a is -1.  Computed by aggregates, in time linear in the rows.
 */
int store_progress(struct db *, int a, store_visit_fn fn, void *ctx,
    struct err *e);

#endif

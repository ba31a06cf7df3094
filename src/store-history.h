/*
 * store-history.h: the kept answers, as history and the mentor's
 * report list them.
 *
 * Answers are selected by area, by words they hold (SQLite FTS5, with
 * every word taken as a word, never as FTS5 syntax), and by whether the
 * candidate claimed evidence in them; newest or oldest first, at most
 * so many.  They are streamed, one callback a row, each with the
 * indicators the coach found in it and those the candidate says it
 * covers.
 *
 * Ownership: the struct db is the caller's (db.h).  An answer handed to
 * a callback, and every string in it, is valid during the call only.
 */
#ifndef DHCOACH_STORE_HISTORY_H
#define DHCOACH_STORE_HISTORY_H

#include <stdint.h>

#include "db.h"
#include "err.h"
#include "framework.h"

/* One kept answer, as history and the report's appendix list it. */
struct store_answer {
	int64_t		 id;
	int64_t		 session;
	int		 area;
	const char	*kind;		/* "prompt" or "probe" */
	const char	*question;
	const char	*answer;
	const char	*at;		/* UTC */
	int		 found[FRAMEWORK_NINDICATORS];	/* 1: the coach found it */
	int		 covered[FRAMEWORK_NINDICATORS];	/* 1: they say covered */
};

struct store_history_query {
	int		 area;		/* -1: every area */
	const char	*search;	/* NULL: all; else FTS5 words */
	int		 covered;	/* only answers with a covered claim */
	int64_t		 limit;		/* at most this many; 0: all */
	int		 oldest_first;	/* else newest first */
};

typedef int (*store_answer_fn)(void *ctx, const struct store_answer *,
    struct err *e);

/*
 * Call fn for each answer the query selects, streaming.  The search
 * takes every word as a word, not FTS5 syntax: every word must be in
 * the answer; other forms match (meeting, meetings), case and accents
 * are ignored, and a word ending in * matches as a prefix.  Returns 0,
 * or -1 with *e.
 */
int store_history(struct db *, const struct store_history_query *,
    store_answer_fn fn, void *ctx, struct err *e);

#endif

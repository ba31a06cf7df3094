/*
 * store.h: the candidate's sittings, ratings, answers, the evidence the
 * coach found in them and the evidence the candidate says they gave.
 *
 * Every write is its own transaction, committed before the call
 * returns, so that nothing the candidate has entered is lost when the
 * terminal dies.  The store knows SQL and rows, not the coach's rules:
 * areas and indicators are indexes of framework.h, checked before
 * anything is written.  Reads are aggregates or streams: the running
 * picture (store_picture) costs nearly the same however many answers
 * there are (it counts them by index but never reads them), and history
 * and progress call back once a row, holding nothing.
 *
 * Ownership: the struct db is the caller's (db.h).  Rows handed to a
 * callback are valid during the call only.
 */
#ifndef DHCOACH_STORE_H
#define DHCOACH_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "framework.h"
#include "picture.h"

/*
 * Start a sitting of kind "conversation" or "questionnaire"; returns its
 * id, or -1 with *e set.
 */
int64_t store_session_begin(struct db *, const char *kind, struct err *e);
/* Record which area a sitting is in (-1: none), for carrying on later. */
int store_session_area(struct db *, int64_t session, int area,
    struct err *e);
/* Mark a sitting ended. */
int store_session_end(struct db *, int64_t session, struct err *e);

/* Set (or with rating 0, clear as skipped) a sitting's rating of area a. */
int store_rating_set(struct db *, int64_t session, int a, int rating,
    struct err *e);

/* An indicator found in an answer, with the sentence that showed it. */
struct store_found {
	int		 indicator;
	const char	*quote;
};

/*
 * Keep an answer: the area, whether it answered a main "prompt" or a
 * "probe", the question, the answer, when it was given (NULL: now; a
 * recovered answer keeps its own time) and the indicators found, in one
 * transaction.  Returns the answer's id, or -1 with *e set.
 */
int64_t store_answer_add(struct db *, int64_t session, int a,
    const char *kind, const char *question, const char *answer,
    const char *at, const struct store_found *found, size_t nfound,
    struct err *e);

/* Record that area a was summed up in a sitting (it is finished). */
int store_area_finished(struct db *, int64_t session, int a, struct err *e);

/*
 * Record the candidate's word that answer covers indicator i (they
 * believe so; the coach did not find it).  Returns 1 when recorded, 0
 * when it already was (or the coach found i in that answer), -1 with *e.
 */
int store_covered_add(struct db *, int64_t answer, int i, struct err *e);
/*
 * Take back the newest such claim for indicator i in area a (i -1: the
 * newest claim in a of any indicator).  Returns the indicator whose
 * claim was removed, -2 when there was none, or -1 with *e.
 */
int store_covered_undo(struct db *, int a, int i, struct err *e);

/* Gather the running picture over every sitting into *p (picture_init'd). */
int store_picture(struct db *, struct picture *p, struct err *e);

/* The candidate's name and role for the mentor's report ("" if not given). */
int store_profile_get(struct db *, char **name, char **role, struct err *e);
int store_profile_set(struct db *, const char *name, const char *role,
    struct err *e);
/* Whether the profile question was asked already (answered or skipped). */
int store_profile_asked(struct db *, int *asked, struct err *e);

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

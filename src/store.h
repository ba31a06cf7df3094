/*
 * store.h: the candidate's sittings, ratings, answers, the evidence the
 * coach found in them, the evidence the candidate says they gave, and
 * their name and role.
 *
 * Every write is its own transaction, committed before the call
 * returns, so that nothing the candidate has entered is lost when the
 * terminal dies.  The store knows SQL and rows, not the coach's rules:
 * areas and indicators are indexes of framework.h, checked before
 * anything is written (store-check.h).  What is read back from these
 * rows has a file of its own: the running picture (store-picture.h),
 * the answers as history lists them (store-history.h) and each
 * sitting's areas (store-progress.h); the plan is store-plan.h's.
 *
 * Ownership: the struct db is the caller's (db.h).  Strings returned
 * are the caller's.
 */
#ifndef DHCOACH_STORE_H
#define DHCOACH_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "err.h"

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

/* The candidate's name and role for the mentor's report ("" if not given). */
int store_profile_get(struct db *, char **name, char **role, struct err *e);
int store_profile_set(struct db *, const char *name, const char *role,
    struct err *e);
/* Whether the profile question was asked already (answered or skipped). */
int store_profile_asked(struct db *, int *asked, struct err *e);

#endif

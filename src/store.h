/*
 * store.h: the candidate's answers, ratings and sessions, kept in SQLite.
 *
 * Every write is its own transaction, committed before the call returns,
 * so that nothing the candidate has entered is lost when the terminal
 * dies.  The schema lives in db/NNN-*.sql migrations, embedded in the
 * binary and applied at open inside one BEGIN IMMEDIATE transaction,
 * tracked by PRAGMA user_version; PRAGMA application_id marks the file.
 * The connection runs in WAL mode with synchronous=FULL, foreign keys on
 * and a busy timeout, and uses prepared statements only.
 *
 * A database that is newer than this program, damaged, read-only or
 * locked is never overwritten or repaired: store_open fails with a
 * one-line cause naming the file and what to do.
 *
 * The action plan (table plan) keeps ids for good: AUTOINCREMENT never
 * gives a removed action's id to another.  An action is checked with
 * plan_check before it is written, so a bad one changes nothing.
 *
 * Ownership: struct store is opaque and owned by the caller of
 * store_open (store_close).  Strings and lists returned are the caller's
 * (free, store_answers_free, plan_list_free, plan_action_clear).  *cause
 * strings are the caller's.
 */
#ifndef DHCOACH_STORE_H
#define DHCOACH_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "framework.h"
#include "plan.h"

struct store;

/* What went wrong, so that main can choose its exit status. */
enum store_error {
	STORE_OK = 0,
	STORE_ERR_OPEN,		/* cannot create or open the file or folder */
	STORE_ERR_NEWER,	/* made by a newer dhcoach */
	STORE_ERR_DAMAGED,	/* not a database, or corrupt, or not ours */
	STORE_ERR_READONLY,	/* no permission to write */
	STORE_ERR_BUSY,		/* locked by another process */
	STORE_ERR_OTHER		/* disk full, I/O error, ... */
};

/*
 * The database path: $DHCOACH_DB, else $XDG_DATA_HOME/dhcoach/dhcoach.db
 * (an absolute XDG_DATA_HOME only), else ~/.local/share/dhcoach/dhcoach.db
 * (the home folder from $HOME, else the password file; with neither,
 * dhcoach.db in the current folder).  A new string.
 */
char *store_default_path(void);

/*
 * Open (creating when missing, with its folder 0700 and the files 0600)
 * and migrate the database at path.  Returns STORE_OK with *out set, or
 * an error with *cause set.  A symbolic link at path is refused.  The
 * path ":memory:" opens a new database in memory, for tests.
 */
enum store_error store_open(const char *path, struct store **out,
    char **cause);
void store_close(struct store *);

/*
 * The class of the last failure of a call on this store (STORE_OK when
 * none yet), e.g. STORE_ERR_BUSY when a write timed out waiting for
 * another dhcoach.
 */
enum store_error store_last_error(const struct store *);

/*
 * Start a session; returns its id, or -1 with *cause set.  A write that
 * waits more than two seconds for another process fails (STORE_ERR_BUSY).
 */
int64_t store_session_begin(struct store *, char **cause);
/* Record which area a session is in, for carrying on later. */
int store_session_area(struct store *, int64_t session, const char *area,
    char **cause);
/* Mark a session ended.  Returns 0 or -1 with *cause set. */
int store_session_end(struct store *, int64_t session, char **cause);
/*
 * The latest earlier session and the area it was in (a new string, or
 * NULL when it had none): returns 1 when there is one, 0 when none, -1 on
 * error.  Sessions begun through this struct store are not "earlier".
 */
int store_last_session(struct store *, int64_t *session, char **area,
    char **cause);

/* Set (or with rating 0, clear as skipped) a session's self-rating of an area. */
int store_rating_set(struct store *, int64_t session, const char *area,
    int rating, char **cause);

/* An indicator found in an answer, with the candidate's words that showed it. */
struct store_found {
	const char	*indicator;
	const char	*quote;
};

/*
 * Keep an answer: the area, whether it answered a main "prompt" or a
 * "probe", the question's text, the answer, and the indicators found.
 * Returns the answer's id, or -1 with *cause set.
 */
int64_t store_answer_add(struct store *, int64_t session, const char *area,
    const char *kind, const char *prompt, const char *answer,
    const struct store_found *found, size_t nfound, char **cause);

/* One kept answer, as history lists it. */
struct store_answer {
	int64_t	  id;
	int64_t	  session;
	char	 *area;
	char	 *kind;
	char	 *prompt;
	char	 *answer;
	char	 *at;		/* ISO 8601, UTC: 2026-11-26T10:37:00Z */
	char	**indicators;	/* ids present, in framework order */
	size_t	  nindicators;
};

struct store_answers {
	struct store_answer	*v;
	size_t			 n;
};

/*
 * List answers, newest session first and in order within a session,
 * optionally only of one area (NULL: all) and only those matching an
 * FTS5 search of the answers (NULL: all; the text is searched as words,
 * not as FTS5 syntax).  Returns 0 or -1 with *cause set.
 *
 * Every word of the search must be in the answer; words match other
 * forms of themselves (meeting, meetings), case and accents ignored, and
 * a word ending in * matches as a prefix (clin*).  A search with no
 * words lists all.  out is filled even when empty (free it).
 */
int store_history(struct store *, const char *area, const char *search,
    struct store_answers *out, char **cause);
void store_answers_free(struct store_answers *);

/*
 * The texts of the main prompts of an area answered in any session, so
 * the conversation can ask one not answered yet: each once, in the order
 * first answered (*out NULL when none; free with store_strings_free).
 * Returns 0 or -1 with *cause set.
 */
int store_answered_prompts(struct store *, const char *area, char ***out,
    size_t *n, char **cause);
/* Free n strings and their array. */
void store_strings_free(char **, size_t n);

/*
 * Add an action to the plan (its id, created, updated and done_at are
 * ignored), stamped with plan_now.  Returns the new id, or -1 with
 * *cause set; an action that fails plan_check is refused unwritten.
 */
int64_t store_plan_add(struct store *, const struct plan_action *,
    char **cause);
/*
 * Read action id into *out (to free with plan_action_clear).  Returns 1,
 * 0 when there is no such action (*out untouched), or -1 with *cause.
 */
int store_plan_get(struct store *, int64_t id, struct plan_action *out,
    char **cause);

/* Which actions store_plan_list gives; zeroed, all of them. */
struct store_plan_filter {
	const char	*area;		/* only this area id, or NULL */
	int		 open;		/* open ones; with done, or neither: all */
	int		 done;		/* done ones */
	const char	*overdue;	/* only open ones due before this date */
};

/*
 * List the actions by due date, then id, filtered.  Returns 0 with *out
 * filled (even when empty; free it), or -1 with *cause set.
 */
int store_plan_list(struct store *, const struct store_plan_filter *,
    struct plan_list *out, char **cause);
/*
 * Change action a->id's area, action, measure, due date and support to
 * a's, and its updated time.  Returns 1, 0 when there is no such action,
 * or -1 with *cause (a failing plan_check among them, with nothing
 * written).
 */
int store_plan_update(struct store *, const struct plan_action *a,
    char **cause);
/*
 * Mark action id done (done 1, stamping the time) or open again (done
 * 0).  Returns 1 when changed, 2 when it already was, 0 when there is no
 * such action, or -1 with *cause.
 */
int store_plan_set_done(struct store *, int64_t id, int done, char **cause);
/* Remove action id: 1, 0 when there is no such action, -1 with *cause. */
int store_plan_remove(struct store *, int64_t id, char **cause);
/*
 * The whole plan as one JSON array, by due date then id, built by
 * SQLite's json_group_array and json_object: objects with id, area,
 * action, measure, due, support, status, created, updated and done (a
 * time or null).  *out is a new string.  Returns 0, or -1 with *cause.
 */
int store_plan_json(struct store *, char **out, char **cause);

/* An area in a session: its rating and the indicators its answers showed. */
struct store_visit {
	int64_t	session;
	int	area;		/* index into framework_areas */
	int	rating;		/* 1-5, or 0 when not rated or skipped */
	int	nanswers;
	int	shown[FRAMEWORK_NINDICATORS];	/* 1 when shown then */
};

/*
 * Every (session, area) with a rating or an answer, oldest session first
 * and in framework order within one.  *out is NULL when there are none
 * (free it).  Returns 0, or -1 with *cause set.
 */
int store_visits(struct store *, struct store_visit **out, size_t *n,
    char **cause);
/*
 * The latest words of the candidate that showed each indicator in
 * answers of an area (an index; -1: every area), over every session:
 * quotes[i] a new string, or NULL when indicator i was never shown
 * there.  Returns 0, or -1 with *cause (quotes all NULL).
 */
int store_quotes(struct store *, int area,
    char *quotes[FRAMEWORK_NINDICATORS], char **cause);

#endif

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
 * Ownership: struct store is opaque and owned by the caller of
 * store_open (store_close).  Strings and lists returned are the caller's
 * (free, store_answers_free).  *cause strings are the caller's.
 */
#ifndef DHCOACH_STORE_H
#define DHCOACH_STORE_H

#include <stddef.h>
#include <stdint.h>

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

#endif

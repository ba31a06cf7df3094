/*
 * err.h: the program's exit statuses, and the error value that carries
 * one up to main with its message.
 *
 * Every failure a person can cause or meet (a bad option, a locked
 * database, a full disk) is a struct err: its class, which is the exit
 * status main leaves with, and a one-line message saying what happened
 * and what to do.  It is set where the failure is met, may gain a
 * prefix on its way up ("plan add: ..."), and is printed once, by
 * whoever ends the command.  Nobody guesses a status from a message or
 * fetches it from elsewhere.
 *
 * The statuses are one table (err_table): --help prints it, dhcoach(1)
 * EXIT STATUS lists it and the man test compares the two.
 *
 * Bottom layer: err.c includes nothing of dhcoach's.
 *
 * Ownership: a struct err owns its message (err_clear frees it).
 */
#ifndef DHCOACH_ERR_H
#define DHCOACH_ERR_H

#include <stdio.h>

/* Exit statuses, documented in dhcoach(1) EXIT STATUS. */
enum err_status {
	ERR_OK = 0,		/* success */
	ERR_OUTPUT = 1,		/* output could not be written */
	ERR_USAGE = 2,		/* bad option, argument or area */
	ERR_PROMPTS = 3,	/* prompt files missing or invalid */
	ERR_INPUT = 4,		/* input unreadable, empty, too long or not text */
	ERR_DB = 5,		/* database cannot be opened, created or written */
	ERR_DB_NEWER = 6,	/* database made by a newer dhcoach */
	ERR_DB_DAMAGED = 7,	/* database damaged or not dhcoach's */
	ERR_DB_READONLY = 8,	/* database or its folder read-only */
	ERR_DB_LOCKED = 9,	/* database locked by another program */
	ERR_NO_ACTION = 10,	/* no action with that number in the plan */
	ERR_DATE = 11,		/* a due date that cannot be used */
	ERR_ACTION = 12,	/* an action empty, too long or not text */
	ERR_UNCONFIRMED = 13,	/* plan rm without a terminal or --yes */
	ERR_DISK_FULL = 14,	/* the disk is full */
	ERR_UNSAVED = 15,	/* answers kept in the recovery folder, not saved */
	ERR_LINES = 16,		/* lines of piped input that could not be used */
	ERR_INTERNAL = 70	/* out of memory or an impossible state */
};

/* One row of the table of exit statuses. */
struct err_entry {
	int		 status;
	const char	*meaning;	/* "the disk is full" */
};

/* Every status, in order, ending with a NULL meaning. */
extern const struct err_entry err_table[];

/* A failure: its status (ERR_OK when none) and message. */
struct err {
	int	 status;
	char	*msg;
};

/*
 * Set e (freeing any message it held) to status with a formatted
 * message.  Returns -1, so that "return err_set(...)" fails a call.
 */
int err_set(struct err *e, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Put "prefix: " before e's message (a formatted prefix).  Returns -1. */
int err_prefix(struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Move src into dst (freeing dst's message), leaving src clear. */
void err_move(struct err *dst, struct err *src);
/* Free the message and make e ERR_OK again. */
void err_clear(struct err *e);
/* Print "dhcoach: message" to f when e holds a failure. */
void err_print(FILE *f, const struct err *e);

#endif

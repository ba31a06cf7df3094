/*
 * err.c: the table of exit statuses, and the error value that carries
 * one up to main (see err.h).
 *
 * The bottom layer, beside util: it includes nothing of dhcoach's but
 * err.h, so it formats with the C library's vasprintf and handles running
 * out of memory itself, as util's fatalx would: a message and status 70.
 * Invariant: a struct err's msg is NULL or a string it owns.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

/* The program name, as util.h's PROGNAME (which err.c may not include). */
#define ERR_PROGNAME	"dhcoach"

const struct err_entry err_table[] = {
	{ ERR_OK, "success" },
	{ ERR_OUTPUT, "output could not be written" },
	{ ERR_USAGE, "bad option, argument or area" },
	{ ERR_PROMPTS, "prompt files missing or invalid" },
	{ ERR_INPUT, "input unreadable, empty, too long or not text" },
	{ ERR_DB, "database cannot be opened, created or written" },
	{ ERR_DB_NEWER, "database made by a newer dhcoach" },
	{ ERR_DB_DAMAGED, "database damaged or not dhcoach's" },
	{ ERR_DB_READONLY, "database or its folder read-only" },
	{ ERR_DB_LOCKED, "database locked by another program" },
	{ ERR_NO_ACTION, "no action with that number in the plan" },
	{ ERR_DATE, "a due date that cannot be used" },
	{ ERR_ACTION, "an action empty, too long or not text" },
	{ ERR_UNCONFIRMED, "plan rm without a terminal or --yes" },
	{ ERR_DISK_FULL, "the disk is full" },
	{ ERR_UNSAVED, "answers kept in the recovery folder, not saved" },
	{ ERR_LINES, "lines of piped input that could not be used" },
	{ ERR_INTERNAL, "out of memory or an impossible state" },
	{ 0, NULL }
};

/* Leave as util's fatalx does when memory has run out. */
static void __attribute__((noreturn))
err_nomem(void)
{
	fflush(stdout);
	fprintf(stderr, "%s: out of memory\n", ERR_PROGNAME);
	exit(ERR_INTERNAL);
}

/* Format into a new string, or leave when memory has run out. */
static char * __attribute__((format(printf, 1, 0)))
err_vformat(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) == -1)
		err_nomem();
	return s;
}

/* Set e to status with a formatted message; returns -1. */
int
err_set(struct err *e, int status, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = err_vformat(fmt, ap);
	va_end(ap);
	free(e->msg);
	e->status = status;
	e->msg = msg;
	return -1;
}

/* Put a formatted "prefix: " before e's message; returns -1. */
int
err_prefix(struct err *e, const char *fmt, ...)
{
	va_list	 ap;
	char	*prefix, *msg;

	va_start(ap, fmt);
	prefix = err_vformat(fmt, ap);
	va_end(ap);
	if (e->msg == NULL) {
		e->msg = prefix;
		return -1;
	}
	if (asprintf(&msg, "%s: %s", prefix, e->msg) == -1)
		err_nomem();
	free(prefix);
	free(e->msg);
	e->msg = msg;
	return -1;
}

/* Move src into dst, leaving src clear. */
void
err_move(struct err *dst, struct err *src)
{
	if (dst == src)
		return;
	free(dst->msg);
	*dst = *src;
	src->status = ERR_OK;
	src->msg = NULL;
}

/* Free e's message and make it ERR_OK. */
void
err_clear(struct err *e)
{
	free(e->msg);
	e->status = ERR_OK;
	e->msg = NULL;
}

/* The meaning of status in err_table, or NULL. */
static const char *
err_meaning(int status)
{
	const struct err_entry	*t;

	for (t = err_table; t->meaning != NULL; t++) {
		if (t->status == status)
			return t->meaning;
	}
	return NULL;
}

/* Print "dhcoach: message" when e holds a failure. */
void
err_print(FILE *f, const struct err *e)
{
	const char	*msg = e->msg;

	if (e->status == ERR_OK)
		return;
	if (msg == NULL && (msg = err_meaning(e->status)) == NULL)
		msg = "failed";
	if (f == stderr)
		fflush(stdout);
	fprintf(f, "%s: %s\n", ERR_PROGNAME, msg);
}

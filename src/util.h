/*
 * util.h: memory, fatal errors, growable strings, text layout and the
 * user's folders.  The bottom layer: it includes nothing of dhcoach's.
 *
 * Ownership: every function that returns a pointer returns memory the
 * caller owns and frees with free(), unless its comment says otherwise.
 * The x* allocators never return NULL: out of memory is fatal (exit 70).
 */
#ifndef DHCOACH_UTIL_H
#define DHCOACH_UTIL_H

#include <sys/types.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* The program name used in messages. */
#define PROGNAME "dhcoach"
/* The version, set by the Makefile. */
#ifndef DHCOACH_VERSION
#define DHCOACH_VERSION "0.0.0"
#endif

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
/* Format into a new string. */
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Print "dhcoach: message: strerror(errno)" and exit 70 (an internal error). */
void fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Print "dhcoach: message" and exit 70. */
void fatalx(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

/* A growable string; always NUL-terminated once anything is added. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 size;
};

void buf_add(struct buf *, const char *, size_t);
void buf_adds(struct buf *, const char *);
void buf_addc(struct buf *, char);
void buf_printf(struct buf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the string to the caller (never NULL) and empty the buf. */
char *buf_take(struct buf *);
void buf_free(struct buf *);

/*
 * Read all of a stream into a new NUL-terminated buffer of at most max
 * bytes.  Returns 0, or -1 with errno set (EFBIG when longer than max).
 * The text may hold NUL bytes: *outlen is its true length.
 */
int util_read_stream(FILE *, size_t max, char **out, size_t *outlen);

/* Whether s holds only white space. */
int util_is_blank(const char *s, size_t len);

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when invalid. */
size_t util_utf8_len(const char *s, size_t avail);

/* Display columns of s[0..len): one per character. */
int util_columns(const char *s, size_t len);

/*
 * Copy s[0..len) with runs of white space folded to one space, trimmed,
 * and cut at about max bytes (on a character boundary, with "..." added).
 */
char *util_squeeze(const char *s, size_t len, size_t max);

/*
 * Copy s[0..len) for a terminal: every control character (C0, DEL and
 * C1, so ESC and OSC sequences among them) but tab and line break shown
 * as U+FFFD, and invalid UTF-8 too.  A line break is LF, or CR LF (kept
 * as LF); a CR alone is a control.
 */
char *util_printable(const char *s, size_t len);

/*
 * Write text to f wrapped at width columns, breaking only between words:
 * the first line after first_indent spaces, later lines after indent
 * spaces.  Columns are counted in characters; a word longer than a line
 * stands alone on its line, never split.
 */
void util_wrap(FILE *f, const char *text, int first_indent, int indent,
    int width);
/*
 * The same, for text that starts at column col of a line already begun
 * (nothing is written before the first word).
 */
void util_wrap_at(FILE *f, const char *text, int col, int indent, int width);

/*
 * One row of a help table, as --help, "dhcoach help" and /help print
 * them: "  NAME ARGS" then the summary wrapped below it, indented.
 */
void util_help_row(FILE *f, const char *name, const char *args,
    const char *summary, int width);

/*
 * The edit distance (Levenshtein, ignoring ASCII case) between a and b,
 * stopping at max + 1: for "did you mean" suggestions.
 */
int util_distance(const char *a, const char *b, int max);

/* Create a folder and its missing parents, each with mode.  0 or -1 (errno). */
int util_mkdirs(const char *path, mode_t mode);

/*
 * dhcoach's state folder: $XDG_STATE_HOME/dhcoach (an absolute
 * XDG_STATE_HOME only), else ~/.local/state/dhcoach.  A new string, or
 * NULL when there is no home folder.  Not created here.
 */
char *util_state_dir(void);
/* The same for the cache folder: $XDG_CACHE_HOME/dhcoach, ~/.cache/dhcoach. */
char *util_cache_dir(void);

#endif

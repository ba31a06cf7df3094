/*
 * prompts-file.h: the prompt-file format: one file read into sections
 * of (key, value, line) entries, the checks every section's keys share,
 * and the list of problems found in prompt files.
 *
 * A file is lines of "key = value" under section headers "[kind]" or
 * "[kind name]"; a line that starts with white space continues the value
 * above it (joined with one space), a blank line ends it, and a line
 * starting with '#' is a comment.  What each kind of section means is
 * the loader's (prompts-load.h); here a section is only its kind, its
 * name and its entries, in the order written.  Every problem is a
 * message "file:line: reason" (or "file: reason"), added to a struct
 * prompts_problems; the format's limits, documented in
 * dhcoach-prompts(5), are here so that every part of loading checks the
 * same numbers.
 *
 * Ownership: a struct prompts_file owns its sections and entries
 * (prompts_file_free) but not its path, which is the caller's and must
 * outlive it (messages and patterns point at it).  A problem list owns
 * its messages (prompts_file_problems_free; the struct is the caller's).
 */
#ifndef DHCOACH_PROMPTS_FILE_H
#define DHCOACH_PROMPTS_FILE_H

#include <stddef.h>

/* The file-name suffix of prompt files. */
#define PROMPTS_SUFFIX		".prompts"
/* Limits, documented in dhcoach-prompts(5); past them loading fails. */
#define PROMPTS_MAX_FILE	(1024 * 1024)	/* bytes in one file */
#define PROMPTS_MAX_FILES	100		/* files in the folder */
#define PROMPTS_MAX_PATTERNS	5000		/* patterns in all files */
#define PROMPTS_MAX_DEFINES	2000		/* [define] names in all files */
#define PROMPTS_MAX_VARIANTS	20		/* variants of one reply */
#define PROMPTS_MAX_WEIGHTS	5000		/* weights of one indicator */
#define PROMPTS_MAX_EXPANDED	(64 * 1024)	/* the definitions one pattern calls */

/* Problems found while loading or checking, each "file:line: reason". */
struct prompts_problems {
	char	**msgs;
	size_t	  n;
};

/* The kinds of section, by the word in brackets. */
enum prompts_kind {
	PROMPTS_AREA,
	PROMPTS_INDICATOR,
	PROMPTS_CUE,
	PROMPTS_SCALE_SECTION,
	PROMPTS_PLAN_SECTION,
	PROMPTS_REPLIES_SECTION,
	PROMPTS_READINESS_SECTION,
	PROMPTS_WEIGHTS_SECTION,
	PROMPTS_MODEL_SECTION,
	PROMPTS_DEFINE,
	PROMPTS_BAD	/* a header already reported; its keys are ignored */
};

struct prompts_entry {
	char	*key;
	char	*value;		/* continuation lines joined */
	int	 line;
};

struct prompts_section {
	enum prompts_kind	 kind;
	char			*name;	/* id or name; "" if none, NULL if bad */
	int			 line;
	struct prompts_entry	*entries;
	size_t			 nentries;
};

/* One file, split into sections. */
struct prompts_file {
	const char		*path;	/* the caller's */
	struct prompts_problems	*probs;	/* where its problems go */
	struct prompts_section	*secs;
	size_t			 nsecs;
};

/* Add a formatted problem to the list (past 200, nothing more is kept). */
void prompts_file_problem(struct prompts_problems *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
/* Free a problem list's messages (the struct is the caller's). */
void prompts_file_problems_free(struct prompts_problems *);

/*
 * List dir's *.prompts files (not those starting with '.'), sorted as
 * strcmp sorts, into *files (new strings "dir/name", *nfiles of them).
 * Returns 0, or -1 with a problem added when the folder cannot be read,
 * holds none, or holds more than PROMPTS_MAX_FILES.
 */
int prompts_file_list(const char *dir, char ***files, size_t *nfiles,
    struct prompts_problems *probs);
/*
 * Read the file at path into *pf, split into sections; every problem
 * met (a file that cannot be read or is too large, a malformed line, an
 * unknown section) goes to probs, and reading goes on past it.
 */
void prompts_file_read(struct prompts_file *pf, const char *path,
    struct prompts_problems *probs);
/* Free what a file owns and empty it. */
void prompts_file_free(struct prompts_file *pf);

/* The checks every section's keys share, reported as pf's problems. */

/* Report an entry whose key this kind of section does not take. */
void prompts_file_unknown_key(const struct prompts_file *pf,
    const struct prompts_entry *e, const char *section, const char *keys);
/* Set *field to a copy of the value of a key that may appear once. */
void prompts_file_set_once(const struct prompts_file *pf, char **field,
    const struct prompts_entry *e);
/*
 * Report a key of the section at line (what names it) that is given
 * fewer than need times (have).
 */
void prompts_file_require(const struct prompts_file *pf, int line,
    const char *what, size_t have, size_t need, const char *key);

/* Values. */

/* A whole number from lo to hi; -1 when value is not one. */
int prompts_file_int(const char *value, int lo, int hi);
/* A number with an optional sign and fraction, within a million: 0, or -1. */
int prompts_file_real(const char *value, double *out);

/* Arrays that grow by one (the loader's, too). */

/*
 * Make room for element n of an array that only ever grows by one from
 * empty: its size is kept at the next power of two, so that adding n
 * elements costs time linear in n.  Returns the array, perhaps moved.
 */
void *prompts_file_grow(void *arr, size_t n, size_t size);
/* Append s (taken) to a counted array of strings. */
void prompts_file_push(char ***arr, size_t *n, char *s);
/* Free a counted array of strings. */
void prompts_file_free_strings(char **arr, size_t n);

#endif

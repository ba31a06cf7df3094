/*
 * prompts.c: fuzzing the prompt-file parser (prompts_load).
 *
 * Each input becomes one or more prompt files in a valid folder (the
 * unit tests' fixture, fixture.h).  The bytes before any cut line go to
 * a new file, fuzz.prompts, beside the fixture's files; a cut line
 * "---8<--- NAME" starts a file NAME that replaces the fixture's file of
 * that name or is added, and "---8<--- -NAME" removes one.  The folder
 * is loaded strictly, then as check-prompts loads it (PROMPTS_PARTIAL,
 * samples checked); afterwards every file is put back as it was.
 *
 * What must hold: a strict load returns the prompts exactly when it
 * found no problem; every problem is one line that names the folder or a
 * file in it; a partial load always returns something.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "fuzz.h"
#include "prompts-check.h"
#include "prompts-load.h"
#include "prompts.h"
#include "util.h"

#define FUZZ_CUT	"---8<--- "
#define FUZZ_MAX_NAME	40
#define FUZZ_MAX_FILES	120

/* A file of the fixture, kept to put back after each input. */
struct fuzz_file {
	char	*name;
	char	*text;
	size_t	 len;
};

static char		*fuzz_dir;	/* the folder each input is loaded from */
static struct fuzz_file	*fuzz_base;	/* its valid files */
static size_t		 fuzz_nbase;

/* Write len bytes to dir/name (dies on failure: the harness is broken). */
static void
fuzz_write(const char *name, const char *text, size_t len)
{
	char	*path;
	FILE	*f;

	path = xasprintf("%s/%s", fuzz_dir, name);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(text, 1, len, f) != len || fclose(f) != 0)
		fatal("%s", path);
	free(path);
}

/* Remove dir/name if it is there. */
static void
fuzz_unlink(const char *name)
{
	char	*path;

	path = xasprintf("%s/%s", fuzz_dir, name);
	if (unlink(path) != 0 && errno != ENOENT)
		fatal("%s", path);
	free(path);
}

/* The fixture file of that name, or NULL. */
static const struct fuzz_file *
fuzz_base_find(const char *name)
{
	size_t	i;

	for (i = 0; i < fuzz_nbase; i++) {
		if (strcmp(fuzz_base[i].name, name) == 0)
			return &fuzz_base[i];
	}
	return NULL;
}

/* Remove the folder at exit. */
static void
fuzz_cleanup(void)
{
	fixture_rm(fuzz_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	DIR		*d;
	struct dirent	*de;
	char		*path;
	FILE		*f;

	(void)argc;
	(void)argv;
	fuzz_dir = fixture_dir();
	if ((d = opendir(fuzz_dir)) == NULL)
		fatal("%s", fuzz_dir);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		fuzz_base = xreallocarray(fuzz_base, fuzz_nbase + 1,
		    sizeof *fuzz_base);
		fuzz_base[fuzz_nbase].name = xstrdup(de->d_name);
		path = xasprintf("%s/%s", fuzz_dir, de->d_name);
		if ((f = fopen(path, "rb")) == NULL ||
		    util_read_stream(f, 1 << 20, &fuzz_base[fuzz_nbase].text,
		    &fuzz_base[fuzz_nbase].len) != 0)
			fatal("%s", path);
		fclose(f);
		free(path);
		fuzz_nbase++;
	}
	closedir(d);
	atexit(fuzz_cleanup);
	return 0;
}

/*
 * The file name of a cut line (data[0..len), after the marker): letters,
 * digits, '.', '-' and '_' are kept, anything else becomes '_'; at most
 * FUZZ_MAX_NAME of them.  A new string; *del is set for a leading '-'.
 */
static char *
fuzz_name(const char *s, size_t len, int *del)
{
	char	*name;
	size_t	 i, n = 0;

	*del = len > 0 && s[0] == '-';
	if (*del) {
		s++;
		len--;
	}
	if (len > FUZZ_MAX_NAME)
		len = FUZZ_MAX_NAME;
	name = xmalloc(len + 2);
	for (i = 0; i < len; i++) {
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '.' || s[i] == '-' || s[i] == '_')
			name[n++] = s[i];
		else
			name[n++] = '_';
	}
	name[n] = '\0';
	if (n == 0 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
		name[n++] = '_';
		name[n] = '\0';
	}
	return name;
}

/* Where the next cut line starts at or after off (a line's start), or len. */
static size_t
fuzz_next_cut(const char *s, size_t len, size_t off)
{
	size_t	cl = strlen(FUZZ_CUT);

	for (; off < len; off++) {
		if ((off == 0 || s[off - 1] == '\n') && len - off >= cl &&
		    memcmp(s + off, FUZZ_CUT, cl) == 0)
			return off;
	}
	return len;
}

/* Check a problem list: at least one when wanted, each one line in dir. */
static void
fuzz_check_problems(const struct prompts_problems *probs)
{
	size_t	i, dl = strlen(fuzz_dir);

	for (i = 0; i < probs->n; i++) {
		FUZZ_CHECK(probs->msgs[i] != NULL);
		FUZZ_CHECK(strncmp(probs->msgs[i], fuzz_dir, dl) == 0);
		FUZZ_CHECK(strchr(probs->msgs[i], '\n') == NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*s = (const char *)data;
	const struct fuzz_file	*b;
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;
	char			**touched = NULL;
	size_t			 ntouched = 0, off, end, nl, i, cl;
	int			 del;

	/* The bytes before the first cut line: fuzz.prompts. */
	cl = strlen(FUZZ_CUT);
	end = fuzz_next_cut(s, size, 0);
	fuzz_write("fuzz.prompts", s, end);
	touched = xreallocarray(touched, ntouched + 1, sizeof *touched);
	touched[ntouched++] = xstrdup("fuzz.prompts");

	/* Each cut line: a file replaced, added or removed. */
	for (off = end; off < size && ntouched < FUZZ_MAX_FILES; off = end) {
		for (nl = off + cl; nl < size && s[nl] != '\n'; nl++)
			;
		touched = xreallocarray(touched, ntouched + 1,
		    sizeof *touched);
		touched[ntouched] = fuzz_name(s + off + cl, nl - off - cl,
		    &del);
		if (nl < size)
			nl++;
		end = fuzz_next_cut(s, size, nl);
		if (del)
			fuzz_unlink(touched[ntouched]);
		else
			fuzz_write(touched[ntouched], s + nl, end - nl);
		ntouched++;
	}

	/* Strict: the prompts exactly when nothing is wrong. */
	p = prompts_load(fuzz_dir, &probs, 0);
	FUZZ_CHECK((p == NULL) == (probs.n > 0));
	fuzz_check_problems(&probs);
	prompts_free(p);
	prompts_file_problems_free(&probs);

	/* As check-prompts does: what loaded, and its samples checked. */
	memset(&probs, 0, sizeof probs);
	p = prompts_load(fuzz_dir, &probs, PROMPTS_PARTIAL);
	if (p != NULL)
		prompts_check_samples(p, &probs);
	fuzz_check_problems(&probs);
	prompts_free(p);
	prompts_file_problems_free(&probs);

	/* Put the folder back as it was. */
	for (i = 0; i < ntouched; i++) {
		if ((b = fuzz_base_find(touched[i])) != NULL)
			fuzz_write(b->name, b->text, b->len);
		else
			fuzz_unlink(touched[i]);
		free(touched[i]);
	}
	free(touched);
	return 0;
}

/*
 * prompts-file.c: one prompt file read into sections of (key, value,
 * line) entries, and the problems found (see prompts-file.h).
 *
 * Invariants: a file is read in one pass, in time linear in its size: a
 * value continued over many lines is built in one growing buffer, and
 * arrays grow by doubling (prompts_file_grow).  A line that is not valid
 * UTF-8 text is reported and skipped, never half-read; a file past
 * PROMPTS_MAX_FILE is reported at the line where it goes past, and
 * nothing of it is read.  Past PROMPTS_FILE_MAX_PROBLEMS, problems are
 * no longer listed, so a hostile folder costs no more than a large one.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prompts-file.h"
#include "util.h"

/* Past this many problems, loading stops listing them. */
#define PROMPTS_FILE_MAX_PROBLEMS	200

#define PROMPTS_FILE_NITEMS(a)	(sizeof (a) / sizeof (a)[0])

/* Add a formatted problem. */
void
prompts_file_problem(struct prompts_problems *probs, const char *fmt, ...)
{
	va_list	ap;

	if (probs->n == PROMPTS_FILE_MAX_PROBLEMS)
		return;
	probs->msgs = xreallocarray(probs->msgs, probs->n + 1,
	    sizeof *probs->msgs);
	va_start(ap, fmt);
	probs->msgs[probs->n++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Free a problem list's messages. */
void
prompts_file_problems_free(struct prompts_problems *probs)
{
	size_t	i;

	for (i = 0; i < probs->n; i++)
		free(probs->msgs[i]);
	free(probs->msgs);
	probs->msgs = NULL;
	probs->n = 0;
}

/*
 * Make room for element n of an array that only ever grows by one from
 * empty: its size is kept at the next power of two, so that adding n
 * elements costs time linear in n.
 */
void *
prompts_file_grow(void *arr, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(arr, 1, size);
	if ((n & (n - 1)) == 0)
		return xreallocarray(arr, n * 2, size);
	return arr;
}

/* Append a string to a counted array of strings. */
void
prompts_file_push(char ***arr, size_t *n, char *s)
{
	*arr = prompts_file_grow(*arr, *n, sizeof **arr);
	(*arr)[(*n)++] = s;
}

/* Free a counted array of strings. */
void
prompts_file_free_strings(char **arr, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(arr[i]);
	free(arr);
}

/* Trim white space from both ends of s[0..*len), returning the new start. */
static char *
prompts_file_trim(char *s, size_t *len)
{
	while (*len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*len)--;
	}
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t' ||
	    s[*len - 1] == '\r'))
		(*len)--;
	return s;
}

/* Whether s[0..len) is valid UTF-8 with no control characters but tab. */
static int
prompts_file_text_ok(const char *s, size_t len)
{
	size_t	i, n;

	for (i = 0; i < len; i += n) {
		if ((n = util_utf8_len(s + i, len - i)) == 0)
			return 0;
		if (n == 1 && (unsigned char)s[i] < 0x20 && s[i] != '\t')
			return 0;
	}
	return 1;
}

/* The kinds of section: the word in brackets, and whether it takes a name. */
static const struct {
	const char		*word;
	int			 named;
	enum prompts_kind	 kind;
} prompts_file_kinds[] = {
	{ "area", 0, PROMPTS_AREA },
	{ "indicator", 1, PROMPTS_INDICATOR },
	{ "cue", 1, PROMPTS_CUE },
	{ "scale", 0, PROMPTS_SCALE_SECTION },
	{ "plan", 0, PROMPTS_PLAN_SECTION },
	{ "replies", 0, PROMPTS_REPLIES_SECTION },
	{ "readiness", 0, PROMPTS_READINESS_SECTION },
	{ "weights", 1, PROMPTS_WEIGHTS_SECTION },
	{ "model", 0, PROMPTS_MODEL_SECTION },
	{ "define", 0, PROMPTS_DEFINE }
};

/* Read a section header line ("[kind name]") into a new section. */
static void
prompts_file_header(struct prompts_file *pf, char *s, size_t len, int line,
    struct prompts_section *sec)
{
	char	*inner, *name;
	size_t	 ilen, klen, i;

	memset(sec, 0, sizeof *sec);
	sec->kind = PROMPTS_BAD;
	sec->line = line;
	if (len < 2 || s[len - 1] != ']') {
		prompts_file_problem(pf->probs, "%s:%d: a section header must "
		    "end with ']'", pf->path, line);
		return;
	}
	ilen = len - 2;
	inner = prompts_file_trim(s + 1, &ilen);
	for (klen = 0; klen < ilen && inner[klen] != ' ' && inner[klen] != '\t';
	    klen++)
		;
	ilen -= klen;
	name = prompts_file_trim(inner + klen, &ilen);
	for (i = 0; i < PROMPTS_FILE_NITEMS(prompts_file_kinds); i++) {
		if (strlen(prompts_file_kinds[i].word) == klen &&
		    strncmp(inner, prompts_file_kinds[i].word, klen) == 0 &&
		    prompts_file_kinds[i].named == (ilen != 0))
			break;
	}
	if (i == PROMPTS_FILE_NITEMS(prompts_file_kinds)) {
		prompts_file_problem(pf->probs, "%s:%d: unknown section '%.*s' "
		    "(use [area], [indicator ID], [cue NAME], [scale], [plan], "
		    "[replies], [readiness], [weights ID], [model] or "
		    "[define])", pf->path, line, (int)(len > 60 ? 60 : len), s);
		return;
	}
	sec->kind = prompts_file_kinds[i].kind;
	sec->name = xstrndup(name, ilen);
}

/* Add an entry to a section. */
static struct prompts_entry *
prompts_file_entry_add(struct prompts_section *sec, const char *key,
    size_t klen, const char *value, size_t vlen, int line)
{
	struct prompts_entry	*e;

	sec->entries = prompts_file_grow(sec->entries, sec->nentries,
	    sizeof *sec->entries);
	e = &sec->entries[sec->nentries++];
	e->key = xstrndup(key, klen);
	e->value = xstrndup(value, vlen);
	e->line = line;
	return e;
}

/*
 * Finish the value being continued, if any: the entry takes the buffer
 * its continuation lines were joined in.
 */
static void
prompts_file_continued(struct prompts_entry **last, struct buf *cont)
{
	if (*last != NULL && cont->data != NULL) {
		free((*last)->value);
		(*last)->value = buf_take(cont);
	}
	*last = NULL;
}

/*
 * Read one "key = value" line (or a section header) of a file into the
 * sections; returns the entry it added, if any.
 */
static struct prompts_entry *
prompts_file_line(struct prompts_file *pf, char *s, size_t llen, int lineno,
    struct prompts_section **secs, size_t *n)
{
	struct prompts_section	*cur = *n > 0 ? &(*secs)[*n - 1] : NULL;
	char			*eq, *v;
	size_t			 klen, vlen;

	if (*s == '[') {
		*secs = prompts_file_grow(*secs, *n, sizeof **secs);
		prompts_file_header(pf, s, llen, lineno, &(*secs)[(*n)++]);
		return NULL;
	}
	if ((eq = memchr(s, '=', llen)) == NULL) {
		prompts_file_problem(pf->probs, "%s:%d: expected 'key = value'",
		    pf->path, lineno);
		return NULL;
	}
	if (cur == NULL) {
		prompts_file_problem(pf->probs, "%s:%d: '%.*s' comes before "
		    "any section", pf->path, lineno,
		    (int)(eq - s > 40 ? 40 : eq - s), s);
		return NULL;
	}
	klen = eq - s;
	vlen = llen - klen - 1;
	v = prompts_file_trim(eq + 1, &vlen);
	while (klen > 0 && (s[klen - 1] == ' ' || s[klen - 1] == '\t'))
		klen--;
	if (klen == 0) {
		prompts_file_problem(pf->probs, "%s:%d: a key is missing "
		    "before '='", pf->path, lineno);
		return NULL;
	}
	return prompts_file_entry_add(cur, s, klen, v, vlen, lineno);
}

/* Split a file's text into sections; problems go to pf->probs. */
static struct prompts_section *
prompts_file_split(struct prompts_file *pf, char *text, size_t len,
    size_t *nsecs)
{
	struct prompts_section	*secs = NULL;
	struct prompts_entry	*last = NULL;
	struct buf		 cont = { 0 };
	char			*line, *nl, *s;
	size_t			 n = 0, llen;
	int			 lineno = 0, indented;

	for (line = text; line < text + len; line = nl + 1) {
		lineno++;
		if ((nl = memchr(line, '\n', text + len - line)) == NULL)
			nl = text + len;
		llen = nl - line;
		if (!prompts_file_text_ok(line, llen - (llen > 0 &&
		    line[llen - 1] == '\r'))) {
			prompts_file_problem(pf->probs, "%s:%d: not valid "
			    "UTF-8 text", pf->path, lineno);
			prompts_file_continued(&last, &cont);
			continue;
		}
		indented = llen > 0 && (line[0] == ' ' || line[0] == '\t');
		s = prompts_file_trim(line, &llen);

		/* Blank lines end a value; comments are ignored. */
		if (llen == 0 || *s == '#') {
			if (llen == 0)
				prompts_file_continued(&last, &cont);
			continue;
		}

		/* A continuation line extends the value in one buffer. */
		if (indented && last != NULL) {
			if (cont.data == NULL)
				buf_adds(&cont, last->value);
			if (cont.len > 0)
				buf_addc(&cont, ' ');
			buf_add(&cont, s, llen);
			continue;
		}
		prompts_file_continued(&last, &cont);
		last = prompts_file_line(pf, s, llen, lineno, &secs, &n);
	}
	prompts_file_continued(&last, &cont);
	*nsecs = n;
	return secs;
}

/* The line of f on which byte offset off falls. */
static int
prompts_file_line_at(FILE *f, size_t off)
{
	size_t	i;
	int	c, line = 1;

	rewind(f);
	for (i = 0; i < off && (c = getc(f)) != EOF; i++)
		line += c == '\n';
	return line;
}

/* Read one prompt file and split it into sections; see prompts-file.h. */
void
prompts_file_read(struct prompts_file *pf, const char *path,
    struct prompts_problems *probs)
{
	FILE	*f;
	char	*text;
	size_t	 len;

	memset(pf, 0, sizeof *pf);
	pf->path = path;
	pf->probs = probs;
	if ((f = fopen(path, "r")) == NULL) {
		prompts_file_problem(pf->probs, "%s: cannot open: %s", path,
		    strerror(errno));
		return;
	}
	if (util_read_stream(f, PROMPTS_MAX_FILE, &text, &len) != 0) {
		if (errno == EFBIG)
			prompts_file_problem(pf->probs, "%s:%d: the file goes "
			    "past %d KiB here, the most dhcoach-prompts(5) "
			    "allows in one file", path, prompts_file_line_at(f,
			    PROMPTS_MAX_FILE), PROMPTS_MAX_FILE / 1024);
		else
			prompts_file_problem(pf->probs, "%s: cannot read: %s",
			    path, strerror(errno));
		fclose(f);
		return;
	}
	fclose(f);
	pf->secs = prompts_file_split(pf, text, len, &pf->nsecs);
	free(text);
}

/* Order file names as strcmp does. */
static int
prompts_file_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List dir's prompt files, sorted; see prompts-file.h. */
int
prompts_file_list(const char *dir, char ***files, size_t *nfiles,
    struct prompts_problems *probs)
{
	DIR		*d;
	struct dirent	*de;
	size_t		 len, slen = strlen(PROMPTS_SUFFIX);

	if ((d = opendir(dir)) == NULL) {
		prompts_file_problem(probs, "%s: cannot open the prompt "
		    "folder: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL && *nfiles <= PROMPTS_MAX_FILES) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= slen ||
		    strcmp(de->d_name + len - slen, PROMPTS_SUFFIX) != 0)
			continue;
		prompts_file_push(files, nfiles,
		    xasprintf("%s/%s", dir, de->d_name));
	}
	closedir(d);
	if (*nfiles == 0) {
		prompts_file_problem(probs, "%s: no *%s files in the prompt "
		    "folder", dir, PROMPTS_SUFFIX);
		return -1;
	}
	if (*nfiles > PROMPTS_MAX_FILES) {
		prompts_file_problem(probs, "%s: more than %d *%s files in the "
		    "prompt folder, the most dhcoach-prompts(5) allows", dir,
		    PROMPTS_MAX_FILES, PROMPTS_SUFFIX);
		return -1;
	}
	qsort(*files, *nfiles, sizeof **files, prompts_file_cmp);
	return 0;
}

/* Report an entry whose key this kind of section does not take. */
void
prompts_file_unknown_key(const struct prompts_file *pf,
    const struct prompts_entry *e, const char *section, const char *keys)
{
	prompts_file_problem(pf->probs, "%s:%d: unknown key '%s' in %s "
	    "(expected %s)", pf->path, e->line, e->key, section, keys);
}

/* Set a key that may appear once; report a repeat. */
void
prompts_file_set_once(const struct prompts_file *pf, char **field,
    const struct prompts_entry *e)
{
	if (*field != NULL) {
		prompts_file_problem(pf->probs, "%s:%d: '%s' is given twice in "
		    "this section", pf->path, e->line, e->key);
		return;
	}
	*field = xstrdup(e->value);
}

/* Report a required key that is missing or too rare. */
void
prompts_file_require(const struct prompts_file *pf, int line, const char *what,
    size_t have, size_t need, const char *key)
{
	if (have >= need)
		return;
	if (need == 1)
		prompts_file_problem(pf->probs, "%s:%d: %s has no '%s'",
		    pf->path, line, what, key);
	else
		prompts_file_problem(pf->probs, "%s:%d: %s needs at least %zu "
		    "'%s' lines, not %zu", pf->path, line, what, need, key,
		    have);
}

/* Read a whole number from lo to hi; -1 when value is not one. */
int
prompts_file_int(const char *value, int lo, int hi)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (*value == '\0' || *end != '\0' || errno != 0 || n < lo || n > hi)
		return -1;
	return (int)n;
}

/* Read a number with an optional sign and fraction; 0, or -1 when not one. */
int
prompts_file_real(const char *s, double *out)
{
	char	*end;

	if (*s == '\0')
		return -1;
	*out = strtod(s, &end);
	return *end == '\0' && *out > -1e6 && *out < 1e6 ? 0 : -1;
}

/* Free a file's sections and entries; see prompts-file.h. */
void
prompts_file_free(struct prompts_file *pf)
{
	struct prompts_section	*secs = pf->secs;
	size_t			 i, j;

	for (i = 0; i < pf->nsecs; i++) {
		for (j = 0; j < secs[i].nentries; j++) {
			free(secs[i].entries[j].key);
			free(secs[i].entries[j].value);
		}
		free(secs[i].entries);
		free(secs[i].name);
	}
	free(secs);
	pf->secs = NULL;
	pf->nsecs = 0;
}

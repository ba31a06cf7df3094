/*
 * prompts.c: the prompt-file reader and validator (see prompts.h).
 *
 * The folder is read in three passes.  The first splits every file into
 * sections, each a list of (key, value, line) entries with continuation
 * lines joined; the second keeps the [define] sections, named sub-patterns
 * that any pattern may call as (?&name); the third checks every other
 * section against the framework's ids and the rules of its kind,
 * compiling patterns (each with the definitions it calls prepended as a
 * (?(DEFINE)...) group) as it goes.  Guards are resolved once every file is
 * read, since cues may come from any file; then every area and indicator
 * of the framework, the [scale], [plan], [replies] and [readiness] must
 * have been defined exactly once.
 *
 * Invariants: loading takes time linear in the size of the files.  A value
 * continued over many lines is built in one growing buffer; arrays grow
 * by doubling; definitions are found by binary search in a sorted index,
 * each one's calls are read once, and a pattern's prefix is built once,
 * by one walk over the definitions it reaches.  Past a documented limit
 * (prompts.h) nothing more of that kind is read, so a hostile folder
 * costs no more than a large one.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feature.h"
#include "prompts.h"
#include "sentence.h"
#include "util.h"

#ifndef DHCOACH_DATADIR
#define DHCOACH_DATADIR "/usr/local/share/dhcoach"
#endif

/* Past this many problems, loading stops listing them. */
#define PROMPTS_MAX_PROBLEMS	200
#define PROMPTS_DEFAULT_WINDOW	4
#define PROMPTS_MAX_WINDOW	20
/* The longest name of a definition. */
#define PROMPTS_MAX_NAME	32

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
	char	*value;
	int	 line;
};

struct prompts_section {
	enum prompts_kind	 kind;
	char			*name;	/* indicator id or cue name */
	int			 line;
	struct prompts_entry	*entries;
	size_t			 nentries;
};

/* An indicator's guard key, kept until every cue is known. */
struct prompts_guard {
	int		 indicator;
	char		*spec;	/* NULL: the default cues */
	const char	*file;
	int		 line;
};

/* A named sub-pattern from a [define] section. */
struct prompts_define {
	char		*name;
	char		*body;
	const char	*file;
	int		 line;
	size_t		*calls;	/* the definitions its body calls */
	size_t		 ncalls;
};

/* One file, split into sections, between the loader's passes. */
struct prompts_file {
	struct prompts_section	*secs;
	size_t			 nsecs;
};

struct prompts_loader {
	struct prompts		 *p;
	struct prompts_problems	 *probs;
	struct prompts_guard	 *guards;
	size_t			  nguards;
	struct prompts_define	 *defines;
	size_t			  ndefines;
	size_t			 *byname;	/* defines, sorted by name */
	size_t			  nbyname;
	unsigned		 *seen;	/* per define: the walk that reached it */
	unsigned		  walk;
	size_t			 *stack;
	size_t			  npatterns;	/* compiled or refused */
	const char		 *replies_file;	/* where [replies] is */
	int			  replies_line;
	const char		 *file;	/* the file being read */
	int			  file_area;	/* its [area], or -1 */
	struct prompts_guard	 *skips;	/* [model] skip, resolved last */
	size_t			  nskips;
};

/* The placeholders a reply may hold, in the order of prompts.h. */
static const char *const prompts_placeholders[] = {
	"list", "quote", "gap", "suggestion", "area", "rating", "shown",
	"total"
};

/* The [replies] keys, in enum prompts_reply order. */
static const char *const prompts_reply_keys[PROMPTS_NREPLY] = {
	"shown", "none", "next", "complete", "fits", "high", "low"
};

/* The [plan] keys of the guided questions, in enum prompts_ask order. */
static const char *const prompts_ask_keys[PROMPTS_NASK] = {
	"ask-action", "ask-measure", "ask-due", "ask-support", "ask-area"
};

#define PROMPTS_NITEMS(a)	(sizeof (a) / sizeof (a)[0])

/* Add a formatted problem. */
void
prompts_problem(struct prompts_problems *probs, const char *fmt, ...)
{
	va_list	ap;

	if (probs->n == PROMPTS_MAX_PROBLEMS)
		return;
	probs->msgs = xreallocarray(probs->msgs, probs->n + 1,
	    sizeof *probs->msgs);
	va_start(ap, fmt);
	probs->msgs[probs->n++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Free a problem list's messages. */
void
prompts_problems_free(struct prompts_problems *probs)
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
static void *
prompts_grow(void *arr, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(arr, 1, size);
	if ((n & (n - 1)) == 0)
		return xreallocarray(arr, n * 2, size);
	return arr;
}

/* Append a string to a counted array of strings. */
static void
prompts_push(char ***arr, size_t *n, char *s)
{
	*arr = prompts_grow(*arr, *n, sizeof **arr);
	(*arr)[(*n)++] = s;
}

/* Free a counted array of strings. */
static void
prompts_free_strings(char **arr, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(arr[i]);
	free(arr);
}

/* Trim white space from both ends of s[0..*len), returning the new start. */
static char *
prompts_trim(char *s, size_t *len)
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
prompts_text_ok(const char *s, size_t len)
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

/* Whether name is a cue name: a small letter, then letters, digits, '-'. */
static int
prompts_name_ok(const char *name)
{
	const char	*s;

	if (!islower((unsigned char)name[0]))
		return 0;
	for (s = name; *s != '\0'; s++) {
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    *s != '-')
			return 0;
	}
	return 1;
}

/* Free a list of parsed sections. */
static void
prompts_sections_free(struct prompts_section *secs, size_t n)
{
	size_t	i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < secs[i].nentries; j++) {
			free(secs[i].entries[j].key);
			free(secs[i].entries[j].value);
		}
		free(secs[i].entries);
		free(secs[i].name);
	}
	free(secs);
}

/* The kinds of section: the word in brackets, and whether it takes a name. */
static const struct {
	const char		*word;
	int			 named;
	enum prompts_kind	 kind;
} prompts_kinds[] = {
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
prompts_header(struct prompts_loader *l, char *s, size_t len, int line,
    struct prompts_section *sec)
{
	char	*inner, *name;
	size_t	 ilen, klen, i;

	memset(sec, 0, sizeof *sec);
	sec->kind = PROMPTS_BAD;
	sec->line = line;
	if (len < 2 || s[len - 1] != ']') {
		prompts_problem(l->probs, "%s:%d: a section header must end "
		    "with ']'", l->file, line);
		return;
	}
	ilen = len - 2;
	inner = prompts_trim(s + 1, &ilen);
	for (klen = 0; klen < ilen && inner[klen] != ' ' && inner[klen] != '\t';
	    klen++)
		;
	ilen -= klen;
	name = prompts_trim(inner + klen, &ilen);
	for (i = 0; i < PROMPTS_NITEMS(prompts_kinds); i++) {
		if (strlen(prompts_kinds[i].word) == klen &&
		    strncmp(inner, prompts_kinds[i].word, klen) == 0 &&
		    prompts_kinds[i].named == (ilen != 0))
			break;
	}
	if (i == PROMPTS_NITEMS(prompts_kinds)) {
		prompts_problem(l->probs, "%s:%d: unknown section '%.*s' (use "
		    "[area], [indicator ID], [cue NAME], [scale], [plan], "
		    "[replies], [readiness], [weights ID], [model] or [define])", l->file, line,
		    (int)(len > 60 ? 60 : len), s);
		return;
	}
	sec->kind = prompts_kinds[i].kind;
	sec->name = xstrndup(name, ilen);
}

/* Add an entry to a section. */
static struct prompts_entry *
prompts_entry_add(struct prompts_section *sec, const char *key, size_t klen,
    const char *value, size_t vlen, int line)
{
	struct prompts_entry	*e;

	sec->entries = prompts_grow(sec->entries, sec->nentries,
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
prompts_continued(struct prompts_entry **last, struct buf *cont)
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
prompts_line(struct prompts_loader *l, char *s, size_t llen, int lineno,
    struct prompts_section **secs, size_t *n)
{
	struct prompts_section	*cur = *n > 0 ? &(*secs)[*n - 1] : NULL;
	char			*eq, *v;
	size_t			 klen, vlen;

	if (*s == '[') {
		*secs = prompts_grow(*secs, *n, sizeof **secs);
		prompts_header(l, s, llen, lineno, &(*secs)[(*n)++]);
		return NULL;
	}
	if ((eq = memchr(s, '=', llen)) == NULL) {
		prompts_problem(l->probs, "%s:%d: expected 'key = value'",
		    l->file, lineno);
		return NULL;
	}
	if (cur == NULL) {
		prompts_problem(l->probs, "%s:%d: '%.*s' comes before any "
		    "section", l->file, lineno,
		    (int)(eq - s > 40 ? 40 : eq - s), s);
		return NULL;
	}
	klen = eq - s;
	vlen = llen - klen - 1;
	v = prompts_trim(eq + 1, &vlen);
	while (klen > 0 && (s[klen - 1] == ' ' || s[klen - 1] == '\t'))
		klen--;
	if (klen == 0) {
		prompts_problem(l->probs, "%s:%d: a key is missing before '='",
		    l->file, lineno);
		return NULL;
	}
	return prompts_entry_add(cur, s, klen, v, vlen, lineno);
}

/* Split a file's text into sections; problems go to the loader. */
static struct prompts_section *
prompts_split(struct prompts_loader *l, char *text, size_t len, size_t *nsecs)
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
		if (!prompts_text_ok(line, llen - (llen > 0 &&
		    line[llen - 1] == '\r'))) {
			prompts_problem(l->probs, "%s:%d: not valid UTF-8 text",
			    l->file, lineno);
			prompts_continued(&last, &cont);
			continue;
		}
		indented = llen > 0 && (line[0] == ' ' || line[0] == '\t');
		s = prompts_trim(line, &llen);

		/* Blank lines end a value; comments are ignored. */
		if (llen == 0 || *s == '#') {
			if (llen == 0)
				prompts_continued(&last, &cont);
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
		prompts_continued(&last, &cont);
		last = prompts_line(l, s, llen, lineno, &secs, &n);
	}
	prompts_continued(&last, &cont);
	*nsecs = n;
	return secs;
}

/* Report an entry whose key this kind of section does not take. */
static void
prompts_unknown_key(struct prompts_loader *l, const struct prompts_entry *e,
    const char *section, const char *keys)
{
	prompts_problem(l->probs, "%s:%d: unknown key '%s' in %s (expected "
	    "%s)", l->file, e->line, e->key, section, keys);
}

/* Set a key that may appear once; report a repeat. */
static void
prompts_set_once(struct prompts_loader *l, char **field,
    const struct prompts_entry *e)
{
	if (*field != NULL) {
		prompts_problem(l->probs, "%s:%d: '%s' is given twice in this "
		    "section", l->file, e->line, e->key);
		return;
	}
	*field = xstrdup(e->value);
}

/* Report a required key that is missing or too rare. */
static void
prompts_require(struct prompts_loader *l, int line, const char *what,
    size_t have, size_t need, const char *key)
{
	if (have >= need)
		return;
	if (need == 1)
		prompts_problem(l->probs, "%s:%d: %s has no '%s'", l->file,
		    line, what, key);
	else
		prompts_problem(l->probs, "%s:%d: %s needs at least %zu '%s' "
		    "lines, not %zu", l->file, line, what, need, key, have);
}

/* Whether name can name a definition: a letter, then letters, digits, '_'. */
static int
prompts_define_name_ok(const char *name)
{
	const char	*s;

	if (!isalpha((unsigned char)name[0]) || strlen(name) > PROMPTS_MAX_NAME)
		return 0;
	for (s = name; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	}
	return 1;
}

/* Keep a [define] section's named sub-patterns (duplicates are found later). */
static void
prompts_define(struct prompts_loader *l, const struct prompts_section *sec)
{
	const struct prompts_entry	*e;
	struct prompts_define		*d;
	size_t				 i;

	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (!prompts_define_name_ok(e->key)) {
			prompts_problem(l->probs, "%s:%d: a definition's name "
			    "is a letter then letters, digits or '_', not "
			    "'%s'", l->file, e->line, e->key);
			continue;
		}
		if (l->ndefines == PROMPTS_MAX_DEFINES) {
			prompts_problem(l->probs, "%s:%d: more than %d "
			    "definitions in the prompt folder, the most "
			    "dhcoach-prompts(5) allows", l->file, e->line,
			    PROMPTS_MAX_DEFINES);
			return;
		}
		l->defines = prompts_grow(l->defines, l->ndefines,
		    sizeof *l->defines);
		d = &l->defines[l->ndefines++];
		memset(d, 0, sizeof *d);
		d->name = xstrdup(e->key);
		d->body = xstrdup(e->value);
		d->file = l->file;
		d->line = e->line;
	}
}

/* The loader whose definitions are being sorted (qsort has no context). */
static const struct prompts_loader *prompts_sorting;

/* Order definitions by name, then by where they were written. */
static int
prompts_define_cmp(const void *a, const void *b)
{
	const struct prompts_define	*d = prompts_sorting->defines;
	size_t				 i = *(const size_t *)a;
	size_t				 j = *(const size_t *)b;
	int				 c;

	if ((c = strcmp(d[i].name, d[j].name)) != 0)
		return c;
	return i < j ? -1 : i > j;
}

/* The definition named name[0..len), or -1. */
static long
prompts_define_find(const struct prompts_loader *l, const char *name,
    size_t len)
{
	size_t		 lo = 0, hi = l->nbyname, mid;
	const char	*s;
	int		 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		s = l->defines[l->byname[mid]].name;
		if ((c = strncmp(s, name, len)) == 0)
			c = s[len] != '\0';
		if (c == 0)
			return (long)l->byname[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/*
 * The definitions that text calls as (?&name), by index, into *calls
 * (a new array); unknown names are left for PCRE2 to report.
 */
static size_t
prompts_calls(const struct prompts_loader *l, const char *text,
    size_t **calls)
{
	const char	*s, *end;
	size_t		 n = 0;
	long		 d;

	*calls = NULL;
	for (s = text; (s = strstr(s, "(?&")) != NULL; s = end) {
		s += 3;
		for (end = s; isalnum((unsigned char)*end) || *end == '_'; end++)
			;
		if (*end != ')' || (d = prompts_define_find(l, s,
		    end - s)) == -1)
			continue;
		*calls = prompts_grow(*calls, n, sizeof **calls);
		(*calls)[n++] = (size_t)d;
	}
	return n;
}

/*
 * Index the definitions by name, reporting (and leaving out) every
 * second definition of a name; then read once which ones each calls.
 */
static void
prompts_index_defines(struct prompts_loader *l)
{
	struct prompts_define	*d = l->defines, *first;
	size_t			 i, n = 0;

	l->byname = xcalloc(l->ndefines + 1, sizeof *l->byname);
	for (i = 0; i < l->ndefines; i++)
		l->byname[i] = i;
	prompts_sorting = l;
	qsort(l->byname, l->ndefines, sizeof *l->byname, prompts_define_cmp);
	prompts_sorting = NULL;
	for (i = 0; i < l->ndefines; i++) {
		first = n > 0 ? &d[l->byname[n - 1]] : NULL;
		if (first != NULL && strcmp(first->name,
		    d[l->byname[i]].name) == 0) {
			prompts_problem(l->probs, "%s:%d: '%s' is already "
			    "defined at %s:%d", d[l->byname[i]].file,
			    d[l->byname[i]].line, first->name, first->file,
			    first->line);
			continue;
		}
		l->byname[n++] = l->byname[i];
	}
	l->nbyname = n;
	for (i = 0; i < l->ndefines; i++)
		d[i].ncalls = prompts_calls(l, d[i].body, &d[i].calls);
	l->seen = xcalloc(l->ndefines + 1, sizeof *l->seen);
	l->stack = xcalloc(l->ndefines + 1, sizeof *l->stack);
}

/* Mark definition d as reached by this walk; 1 if it was not yet. */
static int
prompts_reach(struct prompts_loader *l, size_t d)
{
	if (l->seen[d] == l->walk)
		return 0;
	l->seen[d] = l->walk;
	return 1;
}

/*
 * Add to b, as named groups, the definitions in calls[0..n) and every
 * one they call in turn, each once: one walk, as long as what it adds,
 * stopping once past PROMPTS_MAX_EXPANDED.
 */
static void
prompts_add_reached(struct prompts_loader *l, const size_t *calls, size_t n,
    struct buf *b)
{
	const struct prompts_define	*d;
	size_t				 i, sp = 0;

	l->walk++;
	for (i = 0; i < n; i++) {
		if (prompts_reach(l, calls[i]))
			l->stack[sp++] = calls[i];
	}
	while (sp > 0 && b->len <= PROMPTS_MAX_EXPANDED) {
		d = &l->defines[l->stack[--sp]];
		buf_printf(b, "(?<%s>%s)", d->name, d->body);
		for (i = 0; i < d->ncalls; i++) {
			if (prompts_reach(l, d->calls[i]))
				l->stack[sp++] = d->calls[i];
		}
	}
}

/*
 * The pattern src with a (?(DEFINE)...) prefix holding the definitions it
 * calls, directly or through other definitions; *skip gets the prefix's
 * length.  A new string.
 */
static char *
prompts_with_defines(struct prompts_loader *l, const char *src, size_t *skip)
{
	struct buf	 b = { 0 };
	size_t		*calls, n;

	if ((n = prompts_calls(l, src, &calls)) > 0) {
		buf_adds(&b, "(?(DEFINE)");
		prompts_add_reached(l, calls, n, &b);
		buf_addc(&b, ')');
	}
	free(calls);
	*skip = b.len;
	buf_adds(&b, src);
	return buf_take(&b);
}

/*
 * Check that every definition compiles.  Each is compiled once, with
 * the definitions it calls directly standing in as one letter each: a
 * mistake in a definition is reported at its own line, and checking
 * costs time linear in the definitions' length, however deep they call.
 */
static void
prompts_check_defines(struct prompts_loader *l)
{
	struct match_pattern	 p;
	struct prompts_define	*d;
	struct buf		 b = { 0 };
	char			*cause = NULL;
	size_t			 i, j, skip;

	for (i = 0; i < l->nbyname; i++) {
		d = &l->defines[l->byname[i]];
		buf_printf(&b, "(?(DEFINE)(?<%s>", d->name);
		skip = b.len;
		buf_printf(&b, "%s)", d->body);
		l->walk++;
		(void)prompts_reach(l, l->byname[i]);
		for (j = 0; j < d->ncalls; j++) {
			if (prompts_reach(l, d->calls[j]))
				buf_printf(&b, "(?<%s>x)",
				    l->defines[d->calls[j]].name);
		}
		buf_printf(&b, ")(?&%s)", d->name);
		if (match_pattern_compile(&p, b.data, skip, MATCH_ALLOW_EMPTY,
		    d->file, d->line, &cause) != 0) {
			prompts_problem(l->probs, "%s:%d: %s: %s", d->file,
			    d->line, d->name, cause);
			free(cause);
		} else
			match_pattern_free(&p);
		buf_free(&b);
	}
}

/* Free the definitions. */
static void
prompts_defines_free(struct prompts_loader *l)
{
	size_t	i;

	for (i = 0; i < l->ndefines; i++) {
		free(l->defines[i].name);
		free(l->defines[i].body);
		free(l->defines[i].calls);
	}
	free(l->defines);
	free(l->byname);
	free(l->seen);
	free(l->stack);
}

/* Compile a pattern entry into a growing array of patterns. */
static void
prompts_add_pattern(struct prompts_loader *l, struct match_pattern **pats,
    size_t *npats, const struct prompts_entry *e)
{
	struct match_pattern	 p;
	char			*cause = NULL, *full;
	size_t			 skip;
	int			 rc;

	if (*e->value == '\0') {
		prompts_problem(l->probs, "%s:%d: the pattern is empty",
		    l->file, e->line);
		return;
	}
	if (l->npatterns++ == PROMPTS_MAX_PATTERNS) {
		prompts_problem(l->probs, "%s:%d: more than %d patterns in the "
		    "prompt folder, the most dhcoach-prompts(5) allows",
		    l->file, e->line, PROMPTS_MAX_PATTERNS);
		return;
	}
	if (l->npatterns > PROMPTS_MAX_PATTERNS)
		return;
	full = prompts_with_defines(l, e->value, &skip);
	if (skip > PROMPTS_MAX_EXPANDED) {
		prompts_problem(l->probs, "%s:%d: the definitions this pattern "
		    "calls come to more than %d KiB, the most "
		    "dhcoach-prompts(5) allows", l->file, e->line,
		    PROMPTS_MAX_EXPANDED / 1024);
		free(full);
		return;
	}
	rc = match_pattern_compile(&p, full, skip, 0, l->file, e->line,
	    &cause);
	free(full);
	if (rc != 0) {
		prompts_problem(l->probs, "%s:%d: %s", l->file, e->line, cause);
		free(cause);
		return;
	}
	*pats = prompts_grow(*pats, *npats, sizeof **pats);
	(*pats)[(*npats)++] = p;
}

/* Check and keep an [area] section. */
static void
prompts_area(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_area		 tmp = { 0 }, *a;
	const struct prompts_entry	*e;
	char				*id = NULL, *dimension = NULL;
	int				 idx = -1;
	size_t				 i;

	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (strcmp(e->key, "id") == 0)
			prompts_set_once(l, &id, e);
		else if (strcmp(e->key, "title") == 0)
			prompts_set_once(l, &tmp.title, e);
		else if (strcmp(e->key, "dimension") == 0)
			prompts_set_once(l, &dimension, e);
		else if (strcmp(e->key, "summary") == 0)
			prompts_set_once(l, &tmp.summary, e);
		else if (strcmp(e->key, "prompt") == 0)
			prompts_push(&tmp.prompts, &tmp.nprompts,
			    xstrdup(e->value));
		else
			prompts_unknown_key(l, e, "[area]",
			    "id, title, dimension, summary, prompt");
	}
	if (id == NULL)
		prompts_require(l, sec->line, "[area]", 0, 1, "id");
	else if ((idx = framework_area_find(id)) == -1)
		prompts_problem(l->probs, "%s:%d: unknown area id '%s'",
		    l->file, sec->line, id);
	prompts_require(l, sec->line, "[area]", tmp.title != NULL, 1, "title");
	prompts_require(l, sec->line, "[area]", tmp.summary != NULL, 1,
	    "summary");
	prompts_require(l, sec->line, "[area]", tmp.nprompts, 3, "prompt");
	if (dimension == NULL)
		prompts_require(l, sec->line, "[area]", 0, 1, "dimension");
	else if (idx != -1 && strcmp(dimension, framework_dimension_name(
	    framework_areas[idx].dimension)) != 0)
		prompts_problem(l->probs, "%s:%d: area %s has dimension '%s', "
		    "not '%s'", l->file, sec->line, id, framework_dimension_name(
		    framework_areas[idx].dimension), dimension);

	if (l->file_area != -1)
		prompts_problem(l->probs, "%s:%d: a file holds one [area] "
		    "section only", l->file, sec->line);
	else if (idx != -1 && l->p->areas[idx].file != NULL)
		prompts_problem(l->probs, "%s:%d: area %s is already defined "
		    "at %s:%d", l->file, sec->line, id,
		    l->p->areas[idx].file, l->p->areas[idx].line);
	else if (idx != -1) {
		l->file_area = idx;
		a = &l->p->areas[idx];
		*a = tmp;
		a->index = idx;
		a->file = l->file;
		a->line = sec->line;
		tmp.title = tmp.summary = NULL;
		tmp.prompts = NULL;
		tmp.nprompts = 0;
	}
	free(tmp.title);
	free(tmp.summary);
	prompts_free_strings(tmp.prompts, tmp.nprompts);
	free(id);
	free(dimension);
}

/* Free what an indicator owns (not the struct). */
static void
prompts_indicator_clear(struct prompts_indicator *ind)
{
	size_t	i;

	free(ind->title);
	free(ind->shown);
	free(ind->gap);
	prompts_free_strings(ind->probes, ind->nprobes);
	match_set_free(&ind->set);
	for (i = 0; i < ind->nsamples; i++)
		free(ind->samples[i].text);
	free(ind->samples);
	for (i = 0; i < ind->weights.n; i++)
		free(ind->weights.v[i].feature);
	free(ind->weights.v);
	memset(ind, 0, sizeof *ind);
}

/* Add a sample to a growing array of samples. */
static void
prompts_add_sample(struct prompts_loader *l, struct prompts_sample **arr,
    size_t *n, const struct prompts_entry *e, int want)
{
	struct prompts_sample	*s;

	*arr = prompts_grow(*arr, *n, sizeof **arr);
	s = &(*arr)[(*n)++];
	s->text = xstrdup(e->value);
	s->want = want;
	s->file = l->file;
	s->line = e->line;
}

/* Read one key of an [indicator] section into tmp. */
static void
prompts_indicator_key(struct prompts_loader *l, struct prompts_indicator *tmp,
    const struct prompts_entry *e, const struct prompts_entry **guard)
{
	if (strcmp(e->key, "title") == 0)
		prompts_set_once(l, &tmp->title, e);
	else if (strcmp(e->key, "shown") == 0)
		prompts_set_once(l, &tmp->shown, e);
	else if (strcmp(e->key, "gap") == 0)
		prompts_set_once(l, &tmp->gap, e);
	else if (strcmp(e->key, "probe") == 0)
		prompts_push(&tmp->probes, &tmp->nprobes, xstrdup(e->value));
	else if (strcmp(e->key, "pattern") == 0)
		prompts_add_pattern(l, &tmp->set.pats, &tmp->set.npats, e);
	else if (strcmp(e->key, "guard") == 0) {
		if (*guard != NULL)
			prompts_problem(l->probs, "%s:%d: 'guard' is given "
			    "twice in this section", l->file, e->line);
		*guard = e;
	} else if (strcmp(e->key, "match") == 0)
		prompts_add_sample(l, &tmp->samples, &tmp->nsamples, e, 1);
	else if (strcmp(e->key, "nomatch") == 0)
		prompts_add_sample(l, &tmp->samples, &tmp->nsamples, e, 0);
	else
		prompts_unknown_key(l, e, "[indicator]", "title, shown, "
		    "pattern, guard, gap, probe, match, nomatch");
}

/* Whether an indicator stands where it belongs; reports when not. */
static int
prompts_indicator_placed(struct prompts_loader *l,
    const struct prompts_section *sec, int idx)
{
	int	area = framework_indicators[idx].area;

	/* An area's indicators live in its file; ev.* in a file with no area. */
	if (area == FRAMEWORK_EVIDENCE && l->file_area != -1) {
		prompts_problem(l->probs, "%s:%d: %s judges every area, so it "
		    "belongs in a file with no [area] section", l->file,
		    sec->line, sec->name);
		return 0;
	}
	if (area != FRAMEWORK_EVIDENCE && area != l->file_area) {
		prompts_problem(l->probs, "%s:%d: %s belongs to area %s; put it "
		    "after that area's [area] section", l->file, sec->line,
		    sec->name, framework_areas[area].id);
		return 0;
	}
	if (l->p->indicators[idx].file != NULL) {
		prompts_problem(l->probs, "%s:%d: indicator %s is already "
		    "defined at %s:%d", l->file, sec->line, sec->name,
		    l->p->indicators[idx].file, l->p->indicators[idx].line);
		return 0;
	}
	return 1;
}

/* Check and keep an [indicator ID] section. */
static void
prompts_indicator(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_indicator	 tmp = { 0 };
	const struct prompts_entry	*guard = NULL;
	struct prompts_guard		*g;
	size_t				 i, nmatch = 0;
	int				 idx;

	if ((idx = framework_indicator_find(sec->name)) == -1) {
		prompts_problem(l->probs, "%s:%d: unknown indicator id '%s'",
		    l->file, sec->line, sec->name);
		return;
	}
	for (i = 0; i < sec->nentries; i++)
		prompts_indicator_key(l, &tmp, &sec->entries[i], &guard);
	for (i = 0; i < tmp.nsamples; i++)
		nmatch += tmp.samples[i].want;
	prompts_require(l, sec->line, sec->name, tmp.title != NULL, 1, "title");
	prompts_require(l, sec->line, sec->name, tmp.shown != NULL, 1, "shown");
	prompts_require(l, sec->line, sec->name, tmp.gap != NULL, 1, "gap");
	prompts_require(l, sec->line, sec->name, tmp.nprobes, 1, "probe");
	prompts_require(l, sec->line, sec->name, tmp.set.npats, 1, "pattern");
	prompts_require(l, sec->line, sec->name, nmatch, 1, "match");
	prompts_require(l, sec->line, sec->name, tmp.nsamples - nmatch, 1,
	    "nomatch");
	if (!prompts_indicator_placed(l, sec, idx)) {
		prompts_indicator_clear(&tmp);
		return;
	}
	tmp.index = idx;
	tmp.file = l->file;
	tmp.line = sec->line;
	tmp.weights = l->p->indicators[idx].weights;	/* read first, perhaps */
	l->p->indicators[idx] = tmp;

	l->guards = prompts_grow(l->guards, l->nguards, sizeof *l->guards);
	g = &l->guards[l->nguards++];
	g->indicator = idx;
	g->spec = guard != NULL ? xstrdup(guard->value) : NULL;
	g->file = l->file;
	g->line = guard != NULL ? guard->line : sec->line;
}

/* Read a cue's window or default key; report a bad one. */
static void
prompts_cue_setting(struct prompts_loader *l, struct match_cue *c,
    const struct prompts_entry *e, int *seen_window, int *seen_default)
{
	char	*end;
	long	 n;

	if (strcmp(e->key, "window") == 0) {
		errno = 0;
		n = strtol(e->value, &end, 10);
		if ((*seen_window)++ || *e->value == '\0' || *end != '\0' ||
		    n < 0 || n > PROMPTS_MAX_WINDOW)
			prompts_problem(l->probs, "%s:%d: window is a whole "
			    "number of words from 0 to %d, given once",
			    l->file, e->line, PROMPTS_MAX_WINDOW);
		else
			c->window = (int)n;
		return;
	}
	if ((*seen_default)++ || (strcmp(e->value, "yes") != 0 &&
	    strcmp(e->value, "no") != 0))
		prompts_problem(l->probs, "%s:%d: default is 'yes' or 'no', "
		    "given once", l->file, e->line);
	else
		c->is_default = strcmp(e->value, "yes") == 0;
}

/* Check and keep a [cue NAME] section. */
static void
prompts_cue(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct match_cue		*c;
	const struct prompts_entry	*e;
	size_t				 i;
	int				 seen_window = 0, seen_default = 0;

	if (!prompts_name_ok(sec->name)) {
		prompts_problem(l->probs, "%s:%d: a cue name is lower-case "
		    "letters, digits and '-', not '%s'", l->file, sec->line,
		    sec->name);
		return;
	}
	for (i = 0; i < l->p->ncues; i++) {
		if (strcmp(l->p->cues[i]->name, sec->name) == 0) {
			prompts_problem(l->probs, "%s:%d: cue %s is already "
			    "defined at %s:%d", l->file, sec->line, sec->name,
			    l->p->cues[i]->file, l->p->cues[i]->line);
			return;
		}
	}
	c = xcalloc(1, sizeof *c);
	c->name = xstrdup(sec->name);
	c->window = PROMPTS_DEFAULT_WINDOW;
	c->file = l->file;
	c->line = sec->line;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (strcmp(e->key, "pattern") == 0)
			prompts_add_pattern(l, &c->pats, &c->npats, e);
		else if (strcmp(e->key, "stop") == 0)
			prompts_add_pattern(l, &c->stops, &c->nstops, e);
		else if (strcmp(e->key, "window") == 0 ||
		    strcmp(e->key, "default") == 0)
			prompts_cue_setting(l, c, e, &seen_window,
			    &seen_default);
		else
			prompts_unknown_key(l, e, "[cue]",
			    "pattern, stop, window, default");
	}
	prompts_require(l, sec->line, "[cue]", c->npats, 1, "pattern");
	l->p->cues = prompts_grow(l->p->cues, l->p->ncues, sizeof *l->p->cues);
	l->p->cues[l->p->ncues++] = c;
}

/* Check and keep the [scale] section: the labels of points 1 to 5. */
static void
prompts_scale(struct prompts_loader *l, const struct prompts_section *sec)
{
	const struct prompts_entry	*e;
	size_t				 i;
	int				 n;

	if (l->p->scale_file != NULL) {
		prompts_problem(l->probs, "%s:%d: [scale] is already defined in "
		    "%s", l->file, sec->line, l->p->scale_file);
		return;
	}
	l->p->scale_file = l->file;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		n = e->key[0] - '0';
		if (e->key[1] != '\0' || n < 1 || n > PROMPTS_SCALE) {
			prompts_problem(l->probs, "%s:%d: [scale] takes the keys "
			    "1 to %d, not '%s'", l->file, e->line,
			    PROMPTS_SCALE, e->key);
			continue;
		}
		prompts_set_once(l, &l->p->scale[n - 1], e);
	}
	for (n = 0; n < PROMPTS_SCALE; n++) {
		if (l->p->scale[n] == NULL)
			prompts_problem(l->probs, "%s:%d: [scale] has no label "
			    "for %d", l->file, sec->line, n + 1);
	}
}

/* Free what the [plan] section owns and zero it. */
static void
prompts_plan_clear(struct prompts_plan *pl)
{
	size_t	i;

	free(pl->intro);
	free(pl->offer);
	free(pl->nudge);
	for (i = 0; i < PROMPTS_NASK; i++)
		free(pl->ask[i]);
	match_set_free(&pl->vague);
	for (i = 0; i < pl->nsamples; i++)
		free(pl->samples[i].text);
	free(pl->samples);
	memset(pl, 0, sizeof *pl);
}

/* Read one key of the [plan] section. */
static void
prompts_plan_key(struct prompts_loader *l, struct prompts_plan *pl,
    const struct prompts_entry *e)
{
	size_t	j;

	for (j = 0; j < PROMPTS_NASK; j++) {
		if (strcmp(e->key, prompts_ask_keys[j]) == 0) {
			prompts_set_once(l, &pl->ask[j], e);
			return;
		}
	}
	if (strcmp(e->key, "intro") == 0)
		prompts_set_once(l, &pl->intro, e);
	else if (strcmp(e->key, "offer") == 0)
		prompts_set_once(l, &pl->offer, e);
	else if (strcmp(e->key, "nudge") == 0)
		prompts_set_once(l, &pl->nudge, e);
	else if (strcmp(e->key, "vague") == 0)
		prompts_add_pattern(l, &pl->vague.pats, &pl->vague.npats, e);
	else if (strcmp(e->key, "match") == 0)
		prompts_add_sample(l, &pl->samples, &pl->nsamples, e, 1);
	else if (strcmp(e->key, "nomatch") == 0)
		prompts_add_sample(l, &pl->samples, &pl->nsamples, e, 0);
	else
		prompts_unknown_key(l, e, "[plan]", "intro, offer, nudge, "
		    "ask-action, ask-measure, ask-due, ask-support, ask-area, "
		    "vague, match, nomatch");
}

/* Check and keep the [plan] section: the plan's words and the SMART check. */
static void
prompts_plan(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_plan	*pl = &l->p->plan;
	size_t			 i, j, nmatch = 0;

	if (pl->file != NULL) {
		prompts_problem(l->probs, "%s:%d: [plan] is already defined at "
		    "%s:%d", l->file, sec->line, pl->file, pl->line);
		return;
	}
	pl->file = l->file;
	pl->line = sec->line;
	for (i = 0; i < sec->nentries; i++)
		prompts_plan_key(l, pl, &sec->entries[i]);
	for (i = 0; i < pl->nsamples; i++)
		nmatch += pl->samples[i].want;
	prompts_require(l, sec->line, "[plan]", pl->intro != NULL, 1, "intro");
	prompts_require(l, sec->line, "[plan]", pl->offer != NULL, 1, "offer");
	prompts_require(l, sec->line, "[plan]", pl->nudge != NULL, 1, "nudge");
	for (j = 0; j < PROMPTS_NASK; j++)
		prompts_require(l, sec->line, "[plan]", pl->ask[j] != NULL, 1,
		    prompts_ask_keys[j]);
	prompts_require(l, sec->line, "[plan]", pl->vague.npats, 1, "vague");
	prompts_require(l, sec->line, "[plan]", nmatch, 1, "match");
	prompts_require(l, sec->line, "[plan]", pl->nsamples - nmatch, 1,
	    "nomatch");
}

/*
 * Report every placeholder of a reply that is not one the coach fills
 * in: "{name}", where name is letters.
 */
static void
prompts_check_placeholders(struct prompts_loader *l,
    const struct prompts_entry *e)
{
	const char	*s, *end;
	size_t		 i;

	for (s = e->value; (s = strchr(s, '{')) != NULL; s = end) {
		for (end = s + 1; islower((unsigned char)*end); end++)
			;
		if (*end != '}' || end == s + 1)
			continue;
		for (i = 0; i < PROMPTS_NITEMS(prompts_placeholders); i++) {
			if (strlen(prompts_placeholders[i]) ==
			    (size_t)(end - s - 1) && strncmp(s + 1,
			    prompts_placeholders[i], end - s - 1) == 0)
				break;
		}
		if (i == PROMPTS_NITEMS(prompts_placeholders))
			prompts_problem(l->probs, "%s:%d: unknown placeholder "
			    "'%.*s' (use {list}, {quote}, {gap}, {suggestion}, "
			    "{area}, {rating}, {shown} or {total})", l->file,
			    e->line, (int)(end - s + 1), s);
	}
}

/* Check and keep the [replies] section: each reply's variants. */
static void
prompts_replies(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_replies		*r = &l->p->replies;
	const struct prompts_entry	*e;
	size_t				 i, k;

	if (l->replies_file != NULL) {
		prompts_problem(l->probs, "%s:%d: [replies] is already defined "
		    "at %s:%d", l->file, sec->line, l->replies_file,
		    l->replies_line);
		return;
	}
	l->replies_file = l->file;
	l->replies_line = sec->line;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		for (k = 0; k < PROMPTS_NREPLY; k++) {
			if (strcmp(e->key, prompts_reply_keys[k]) == 0)
				break;
		}
		if (k == PROMPTS_NREPLY) {
			prompts_unknown_key(l, e, "[replies]", "shown, none, "
			    "next, complete, fits, high, low");
			continue;
		}
		prompts_check_placeholders(l, e);
		if (r->n[k] == PROMPTS_MAX_VARIANTS) {
			prompts_problem(l->probs, "%s:%d: more than %d variants "
			    "of '%s', the most dhcoach-prompts(5) allows",
			    l->file, e->line, PROMPTS_MAX_VARIANTS, e->key);
			continue;
		}
		prompts_push(&r->v[k], &r->n[k], xstrdup(e->value));
	}
	for (k = 0; k < PROMPTS_NREPLY; k++)
		prompts_require(l, sec->line, "[replies]", r->n[k], 1,
		    prompts_reply_keys[k]);
}

/* Read a whole number from lo to hi; -1 when value is not one. */
static int
prompts_number(const char *value, int lo, int hi)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (*value == '\0' || *end != '\0' || errno != 0 || n < lo || n > hi)
		return -1;
	return (int)n;
}

/* Read a [readiness] require key: indicator ids, by spaces or commas. */
static void
prompts_readiness_require(struct prompts_loader *l,
    struct prompts_readiness *r, const struct prompts_entry *e)
{
	const char	*s = e->value;
	char		*id;
	size_t		 len;
	int		 i;

	for (;;) {
		s += strspn(s, " \t,");
		if (*s == '\0')
			break;
		len = strcspn(s, " \t,");
		id = xstrndup(s, len);
		if ((i = framework_indicator_find(id)) == -1)
			prompts_problem(l->probs, "%s:%d: require names unknown "
			    "indicator '%s'", l->file, e->line, id);
		else
			r->require[i] = 1;
		free(id);
		s += len;
	}
}

/* The fewest indicators an area has of its own. */
static int
prompts_smallest_area(void)
{
	int	a, n, least = FRAMEWORK_NINDICATORS;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if ((n = framework_area_total(a)) < least)
			least = n;
	}
	return least;
}

/* Read a [readiness] min-rating or min-shown key. */
static void
prompts_readiness_min(struct prompts_loader *l, int *field, int *seen,
    const struct prompts_entry *e)
{
	int	rating = strcmp(e->key, "min-rating") == 0;
	int	hi = rating ? PROMPTS_SCALE : prompts_smallest_area();
	int	n;

	if ((*seen)++) {
		prompts_problem(l->probs, "%s:%d: '%s' is given twice in this "
		    "section", l->file, e->line, e->key);
		return;
	}
	if ((n = prompts_number(e->value, rating ? 1 : 0, hi)) == -1) {
		prompts_problem(l->probs, "%s:%d: %s is a whole number from %d "
		    "to %d%s, not '%s'", l->file, e->line, e->key, rating,
		    hi, rating ? "" : " (the indicators of the smallest area)",
		    e->value);
		return;
	}
	*field = n;
}

/* The [readiness] wording keys, with where each is kept. */
static char **
prompts_readiness_text(struct prompts_readiness *r, const char *key)
{
	if (strcmp(key, "intro") == 0)
		return &r->intro;
	if (strcmp(key, "strengths") == 0)
		return &r->strengths;
	if (strcmp(key, "thin") == 0)
		return &r->thin;
	if (strcmp(key, "next") == 0)
		return &r->next;
	if (strcmp(key, "none") == 0)
		return &r->none;
	return NULL;
}

/* Check and keep the [readiness] section: the rule and its words. */
static void
prompts_readiness(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_readiness	*r = &l->p->readiness;
	const struct prompts_entry	*e;
	char				**text;
	size_t				 i;
	int				 nrating = 0, nshown = 0;

	if (r->file != NULL) {
		prompts_problem(l->probs, "%s:%d: [readiness] is already "
		    "defined at %s:%d", l->file, sec->line, r->file, r->line);
		return;
	}
	r->file = l->file;
	r->line = sec->line;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (strcmp(e->key, "min-rating") == 0)
			prompts_readiness_min(l, &r->min_rating, &nrating, e);
		else if (strcmp(e->key, "min-shown") == 0)
			prompts_readiness_min(l, &r->min_shown, &nshown, e);
		else if (strcmp(e->key, "require") == 0)
			prompts_readiness_require(l, r, e);
		else if ((text = prompts_readiness_text(r, e->key)) != NULL)
			prompts_set_once(l, text, e);
		else
			prompts_unknown_key(l, e, "[readiness]", "min-rating, "
			    "min-shown, require, intro, strengths, thin, next, "
			    "none");
	}
	prompts_require(l, sec->line, "[readiness]", nrating, 1, "min-rating");
	prompts_require(l, sec->line, "[readiness]", nshown, 1, "min-shown");
	prompts_require(l, sec->line, "[readiness]", r->intro != NULL, 1,
	    "intro");
	prompts_require(l, sec->line, "[readiness]", r->strengths != NULL, 1,
	    "strengths");
	prompts_require(l, sec->line, "[readiness]", r->thin != NULL, 1,
	    "thin");
	prompts_require(l, sec->line, "[readiness]", r->next != NULL, 1,
	    "next");
	prompts_require(l, sec->line, "[readiness]", r->none != NULL, 1,
	    "none");
}

/* The line of f on which byte offset off falls. */
static int
prompts_line_at(FILE *f, size_t off)
{
	size_t	i;
	int	c, line = 1;

	rewind(f);
	for (i = 0; i < off && (c = getc(f)) != EOF; i++)
		line += c == '\n';
	return line;
}

/* Read one prompt file and split it into sections (the first pass). */
static void
prompts_read_file(struct prompts_loader *l, const char *path,
    struct prompts_file *pf)
{
	FILE	*f;
	char	*text;
	size_t	 len;

	memset(pf, 0, sizeof *pf);
	l->file = path;
	if ((f = fopen(path, "r")) == NULL) {
		prompts_problem(l->probs, "%s: cannot open: %s", path,
		    strerror(errno));
		return;
	}
	if (util_read_stream(f, PROMPTS_MAX_FILE, &text, &len) != 0) {
		if (errno == EFBIG)
			prompts_problem(l->probs, "%s:%d: the file goes past "
			    "%d KiB here, the most dhcoach-prompts(5) allows "
			    "in one file", path, prompts_line_at(f,
			    PROMPTS_MAX_FILE), PROMPTS_MAX_FILE / 1024);
		else
			prompts_problem(l->probs, "%s: cannot read: %s", path,
			    strerror(errno));
		fclose(f);
		return;
	}
	fclose(f);
	pf->secs = prompts_split(l, text, len, &pf->nsecs);
	free(text);
}

/* Keep the [define] sections of a file (the second pass). */
static void
prompts_file_defines(struct prompts_loader *l, const char *path,
    const struct prompts_file *pf)
{
	size_t	i;

	l->file = path;
	for (i = 0; i < pf->nsecs; i++) {
		if (pf->secs[i].kind == PROMPTS_DEFINE)
			prompts_define(l, &pf->secs[i]);
	}
}

static struct match_cue *prompts_cue_find(const struct prompts *, const char *,
    size_t);

/* Read a number with an optional sign and fraction; 0, or -1 when not one. */
static int
prompts_real(const char *s, double *out)
{
	char	*end;

	if (*s == '\0')
		return -1;
	*out = strtod(s, &end);
	return *end == '\0' && *out > -1e6 && *out < 1e6 ? 0 : -1;
}

/* Compare weights by feature. */
static int
prompts_weight_cmp(const void *a, const void *b)
{
	return strcmp(((const struct prompts_weight *)a)->feature,
	    ((const struct prompts_weight *)b)->feature);
}

/* Read "feature = TEXT NUMBER" into w. */
static int
prompts_weight_entry(struct prompts_loader *l, const struct prompts_entry *e,
    struct prompts_weights *w)
{
	char	*sp, *text;

	if ((sp = strrchr(e->value, ' ')) == NULL || sp == e->value) {
		prompts_problem(l->probs, "%s:%d: a feature is its text and a "
		    "weight, as in 'feature = pilot 0.8'", l->file, e->line);
		return -1;
	}
	if (w->n >= PROMPTS_MAX_WEIGHTS) {
		prompts_problem(l->probs, "%s:%d: more than %d features for "
		    "one indicator", l->file, e->line, PROMPTS_MAX_WEIGHTS);
		return -1;
	}
	text = xstrndup(e->value, (size_t)(sp - e->value));
	w->v = prompts_grow(w->v, w->n, sizeof *w->v);
	w->v[w->n].feature = text;
	if (strlen(text) >= FEATURE_MAX || prompts_real(sp + 1,
	    &w->v[w->n].w) != 0) {
		prompts_problem(l->probs, "%s:%d: '%s' is not a feature and a "
		    "weight (features are at most %d bytes)", l->file, e->line,
		    e->value, FEATURE_MAX - 1);
		free(text);
		return -1;
	}
	w->n++;
	return 0;
}

/* Check that no feature is given twice; the weights are sorted. */
static void
prompts_weights_sorted(struct prompts_loader *l, struct prompts_weights *w)
{
	size_t	k;

	if (w->n > 1)
		qsort(w->v, w->n, sizeof *w->v, prompts_weight_cmp);
	for (k = 1; k < w->n; k++) {
		if (strcmp(w->v[k - 1].feature, w->v[k].feature) == 0)
			prompts_problem(l->probs, "%s:%d: feature '%s' is given "
			    "twice", l->file, w->line, w->v[k].feature);
	}
}

/* Keep a [weights ID] section. */
static void
prompts_weights(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_weights	*w;
	const struct prompts_entry *e;
	size_t			 k;
	int			 i, bias = 0;

	if ((i = framework_indicator_find(sec->name)) == -1) {
		prompts_problem(l->probs, "%s:%d: [weights %s]: no such "
		    "indicator", l->file, sec->line, sec->name);
		return;
	}
	w = &l->p->indicators[i].weights;
	if (w->file != NULL) {
		prompts_problem(l->probs, "%s:%d: [weights %s] is given twice "
		    "(also at %s:%d)", l->file, sec->line, sec->name, w->file,
		    w->line);
		return;
	}
	w->file = l->file;
	w->line = sec->line;
	for (k = 0; k < sec->nentries; k++) {
		e = &sec->entries[k];
		if (strcmp(e->key, "feature") == 0)
			prompts_weight_entry(l, e, w);
		else if (strcmp(e->key, "bias") == 0 || strcmp(e->key,
		    "pattern") == 0) {
			bias += strcmp(e->key, "bias") == 0;
			if (prompts_real(e->value, *e->key == 'b' ? &w->bias :
			    &w->pattern) != 0)
				prompts_problem(l->probs, "%s:%d: %s must be a "
				    "number", l->file, e->line, e->key);
		} else
			prompts_unknown_key(l, e, "[weights]", "bias, pattern, feature");
	}
	if (bias != 1)
		prompts_problem(l->probs, "%s:%d: [weights %s] needs one bias",
		    l->file, sec->line, sec->name);
	prompts_weights_sorted(l, w);
}

/* Keep a [model] section: the cues whose sentences the weights leave out. */
static void
prompts_model(struct prompts_loader *l, const struct prompts_section *sec)
{
	const struct prompts_entry	*e;
	size_t				 k;

	for (k = 0; k < sec->nentries; k++) {
		e = &sec->entries[k];
		if (strcmp(e->key, "skip") != 0) {
			prompts_unknown_key(l, e, "[model]", "skip");
			continue;
		}
		l->skips = prompts_grow(l->skips, l->nskips, sizeof *l->skips);
		l->skips[l->nskips].indicator = -1;
		l->skips[l->nskips].spec = xstrdup(e->value);
		l->skips[l->nskips].file = l->file;
		l->skips[l->nskips++].line = e->line;
	}
}

/* Resolve the [model] skip cues, once every cue is known. */
static void
prompts_resolve_skips(struct prompts_loader *l)
{
	struct match_cue	*c;
	size_t			 i;

	for (i = 0; i < l->nskips; i++) {
		c = prompts_cue_find(l->p, l->skips[i].spec,
		    strlen(l->skips[i].spec));
		if (c == NULL) {
			prompts_problem(l->probs, "%s:%d: skip names unknown cue "
			    "'%s'", l->skips[i].file, l->skips[i].line,
			    l->skips[i].spec);
			continue;
		}
		l->p->skip = prompts_grow(l->p->skip, l->p->nskip,
		    sizeof *l->p->skip);
		l->p->skip[l->p->nskip++] = c;
	}
	for (i = 0; i < l->nskips; i++)
		free(l->skips[i].spec);
	free(l->skips);
}

/* Check and keep the other sections of a file (the third pass). */
static void
prompts_file_sections(struct prompts_loader *l, const char *path,
    const struct prompts_file *pf)
{
	struct prompts_section	*secs = pf->secs;
	size_t			 i;

	l->file = path;
	l->file_area = -1;
	for (i = 0; i < pf->nsecs; i++) {
		switch (secs[i].kind) {
		case PROMPTS_AREA:
			prompts_area(l, &secs[i]);
			break;
		case PROMPTS_INDICATOR:
			prompts_indicator(l, &secs[i]);
			break;
		case PROMPTS_CUE:
			prompts_cue(l, &secs[i]);
			break;
		case PROMPTS_SCALE_SECTION:
			prompts_scale(l, &secs[i]);
			break;
		case PROMPTS_PLAN_SECTION:
			prompts_plan(l, &secs[i]);
			break;
		case PROMPTS_REPLIES_SECTION:
			prompts_replies(l, &secs[i]);
			break;
		case PROMPTS_READINESS_SECTION:
			prompts_readiness(l, &secs[i]);
			break;
		case PROMPTS_WEIGHTS_SECTION:
			prompts_weights(l, &secs[i]);
			break;
		case PROMPTS_MODEL_SECTION:
			prompts_model(l, &secs[i]);
			break;
		case PROMPTS_DEFINE:
		case PROMPTS_BAD:
			break;
		}
	}
}

/* Find a loaded cue by name, or NULL. */
static struct match_cue *
prompts_cue_find(const struct prompts *p, const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < p->ncues; i++) {
		if (strlen(p->cues[i]->name) == len &&
		    strncmp(p->cues[i]->name, name, len) == 0)
			return p->cues[i];
	}
	return NULL;
}

/* Add cue c to the guards of set. */
static void
prompts_guard_add(struct match_set *set, struct match_cue *c)
{
	set->guards = prompts_grow(set->guards, set->nguards,
	    sizeof *set->guards);
	set->guards[set->nguards++] = c;
}

/* Attach its guard cues to each indicator. */
static void
prompts_resolve_guards(struct prompts_loader *l)
{
	struct match_set	*set;
	struct match_cue	*c;
	const char		*s, *w;
	size_t			 i, j, len;

	for (i = 0; i < l->nguards; i++) {
		set = &l->p->indicators[l->guards[i].indicator].set;
		if ((s = l->guards[i].spec) == NULL) {
			for (j = 0; j < l->p->ncues; j++) {
				if (l->p->cues[j]->is_default)
					prompts_guard_add(set, l->p->cues[j]);
			}
			continue;
		}
		if (strcmp(s, "none") == 0)
			continue;
		for (;;) {
			s += strspn(s, " \t,");
			if (*s == '\0')
				break;
			len = strcspn(s, " \t,");
			w = s;
			s += len;
			if ((c = prompts_cue_find(l->p, w, len)) == NULL)
				prompts_problem(l->probs, "%s:%d: guard names "
				    "unknown cue '%.*s'", l->guards[i].file,
				    l->guards[i].line, (int)len, w);
			else
				prompts_guard_add(set, c);
		}
	}
}

/* Order file names as strcmp does. */
static int
prompts_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List dir's *.prompts files, sorted, into p->files.  Returns -1 on error. */
static int
prompts_list(struct prompts *p, const char *dir, struct prompts_problems *probs)
{
	DIR		*d;
	struct dirent	*de;
	size_t		 len, slen = strlen(PROMPTS_SUFFIX);

	if ((d = opendir(dir)) == NULL) {
		prompts_problem(probs, "%s: cannot open the prompt folder: %s",
		    dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL && p->nfiles <= PROMPTS_MAX_FILES) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= slen ||
		    strcmp(de->d_name + len - slen, PROMPTS_SUFFIX) != 0)
			continue;
		prompts_push(&p->files, &p->nfiles,
		    xasprintf("%s/%s", dir, de->d_name));
	}
	closedir(d);
	if (p->nfiles == 0) {
		prompts_problem(probs, "%s: no *%s files in the prompt folder",
		    dir, PROMPTS_SUFFIX);
		return -1;
	}
	if (p->nfiles > PROMPTS_MAX_FILES) {
		prompts_problem(probs, "%s: more than %d *%s files in the prompt "
		    "folder, the most dhcoach-prompts(5) allows", dir,
		    PROMPTS_MAX_FILES, PROMPTS_SUFFIX);
		return -1;
	}
	qsort(p->files, p->nfiles, sizeof *p->files, prompts_cmp);
	return 0;
}

/* Report each section of the folder that is missing. */
static void
prompts_missing(struct prompts_loader *l, const char *dir)
{
	struct prompts	*p = l->p;
	size_t		 i;
	int		 a;

	if (p->scale_file == NULL)
		prompts_problem(l->probs, "%s: no [scale] section in any file",
		    dir);
	if (p->plan.file == NULL)
		prompts_problem(l->probs, "%s: no [plan] section in any file "
		    "(expected in %s/plan%s)", dir, dir, PROMPTS_SUFFIX);
	if (l->replies_file == NULL)
		prompts_problem(l->probs, "%s: no [replies] section in any file "
		    "(expected in %s/replies%s)", dir, dir, PROMPTS_SUFFIX);
	if (p->readiness.file == NULL)
		prompts_problem(l->probs, "%s: no [readiness] section in any "
		    "file (expected in %s/readiness%s)", dir, dir,
		    PROMPTS_SUFFIX);
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (p->areas[i].file == NULL)
			prompts_problem(l->probs, "%s: no [area] with id = %s "
			    "(expected in %s/%s%s)", dir, framework_areas[i].id,
			    dir, framework_areas[i].id, PROMPTS_SUFFIX);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (p->indicators[i].file != NULL)
			continue;
		a = framework_indicators[i].area;
		if (a == FRAMEWORK_EVIDENCE)
			prompts_problem(l->probs, "%s: no [indicator %s] "
			    "section in any file", dir,
			    framework_indicators[i].id);
		else if (p->areas[a].file != NULL)
			prompts_problem(l->probs, "%s: no [indicator %s] "
			    "section", p->areas[a].file,
			    framework_indicators[i].id);
	}
}

/* Load a prompt folder; see prompts.h. */
struct prompts *
prompts_load(const char *dir, struct prompts_problems *probs, int flags)
{
	struct prompts_loader	 l = { 0 };
	struct prompts_file	*pf = NULL;
	struct prompts		*p;
	size_t			 i, before = probs->n;

	p = xcalloc(1, sizeof *p);
	p->dir = xstrdup(dir);
	l.p = p;
	l.probs = probs;
	if (prompts_list(p, dir, probs) != 0)
		goto out;

	/* Split every file; then definitions, which any pattern may call;
	 * then the rest. */
	pf = xcalloc(p->nfiles, sizeof *pf);
	for (i = 0; i < p->nfiles; i++)
		prompts_read_file(&l, p->files[i], &pf[i]);
	for (i = 0; i < p->nfiles; i++)
		prompts_file_defines(&l, p->files[i], &pf[i]);
	prompts_index_defines(&l);
	prompts_check_defines(&l);
	for (i = 0; i < p->nfiles; i++)
		prompts_file_sections(&l, p->files[i], &pf[i]);
	prompts_resolve_guards(&l);
	prompts_resolve_skips(&l);
	prompts_missing(&l, dir);
out:
	for (i = 0; pf != NULL && i < p->nfiles; i++)
		prompts_sections_free(pf[i].secs, pf[i].nsecs);
	free(pf);
	prompts_defines_free(&l);
	for (i = 0; i < l.nguards; i++)
		free(l.guards[i].spec);
	free(l.guards);
	if (probs->n != before && !(flags & PROMPTS_PARTIAL)) {
		prompts_free(p);
		return NULL;
	}
	return p;
}

/* Run the [plan] samples through the vague patterns; returns how many fail. */
static size_t
prompts_check_plan_samples(const struct prompts *p,
    struct prompts_problems *probs)
{
	const struct prompts_sample	*s;
	struct match_hit		 hit;
	char				*cause = NULL, *words;
	size_t				 j, bad = 0;
	int				 rc;

	for (j = 0; j < p->plan.nsamples; j++) {
		s = &p->plan.samples[j];
		rc = match_set_find(&p->plan.vague, s->text, strlen(s->text),
		    &hit, &cause);
		if (rc == -1) {
			prompts_problem(probs, "%s:%d: %s", s->file, s->line,
			    cause);
			free(cause);
			bad++;
		} else if (s->want && rc != MATCH_FOUND) {
			prompts_problem(probs, "%s:%d: this action should be "
			    "flagged as vague, but no vague pattern matches it",
			    s->file, s->line);
			bad++;
		} else if (!s->want && rc == MATCH_FOUND) {
			words = util_squeeze(s->text + hit.start,
			    hit.end - hit.start, 60);
			prompts_problem(probs, "%s:%d: this action should not "
			    "be flagged as vague, but the pattern at line %d "
			    "matches \"%s\"", s->file, s->line,
			    p->plan.vague.pats[hit.pattern].line, words);
			free(words);
			bad++;
		}
	}
	return bad;
}

/*
 * Judge one sample of indicator i as an answer is judged: normalised,
 * a match counting within one sentence.  Returns 1 when it comes out
 * wrong (a problem added), else 0.
 */
static int
prompts_check_sample(const struct prompts *p, int i,
    const struct prompts_sample *s, struct prompts_problems *probs)
{
	const struct prompts_indicator	*ind = &p->indicators[i];
	struct sentences		 sents;
	struct match_hit		 hit;
	char				*cause = NULL, *words;
	size_t				*ends, k;
	int				 rc, bad = 1;

	sentence_split(s->text, strlen(s->text), &sents);
	ends = xcalloc(sents.n + 1, sizeof *ends);
	for (k = 0; k + 1 < sents.n; k++)
		ends[k] = sents.v[k].end;
	rc = match_set_find_within(&ind->set, sents.norm, sents.len, ends,
	    k, &hit, &cause);
	if (rc == -1) {
		prompts_problem(probs, "%s:%d: %s", s->file, s->line, cause);
		free(cause);
	} else if (s->want && rc != MATCH_FOUND)
		prompts_problem(probs, "%s:%d: this sample should show %s, but "
		    "%s", s->file, s->line, framework_indicators[i].id,
		    rc == MATCH_GUARDED ? "a guard cue cancels its match" :
		    "no pattern matches it");
	else if (!s->want && rc == MATCH_FOUND) {
		words = util_squeeze(s->text + sents.map[hit.start],
		    sents.map[hit.end] - sents.map[hit.start], 60);
		prompts_problem(probs, "%s:%d: this sample should not show %s, "
		    "but the pattern at line %d matches \"%s\"", s->file,
		    s->line, framework_indicators[i].id,
		    ind->set.pats[hit.pattern].line, words);
		free(words);
	} else
		bad = 0;
	free(ends);
	sentence_free(&sents);
	return bad;
}

/* Run every embedded sample; see prompts.h. */
size_t
prompts_check_samples(const struct prompts *p, struct prompts_problems *probs)
{
	const struct prompts_indicator	*ind;
	size_t				 j, bad = 0;
	int				 i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		ind = &p->indicators[i];
		if (ind->file == NULL)
			continue;
		for (j = 0; j < ind->nsamples; j++)
			bad += prompts_check_sample(p, i, &ind->samples[j],
			    probs);
	}
	return bad + prompts_check_plan_samples(p, probs);
}

/* Check pats[0..n) against hostile strings; returns how many fail. */
static size_t
prompts_hostile_pats(const struct match_pattern *pats, size_t n,
    struct prompts_problems *probs)
{
	size_t	i, bad = 0;

	for (i = 0; i < n; i++) {
		if (!match_pattern_hostile(&pats[i]))
			continue;
		prompts_problem(probs, "%s:%d: pattern can take exponential "
		    "time (a repeated group that can match the same words in "
		    "more than one way, such as (a+)+)", pats[i].file,
		    pats[i].line);
		bad++;
	}
	return bad;
}

/* Check every pattern for exponential time; see prompts.h. */
size_t
prompts_check_hostile(const struct prompts *p, struct prompts_problems *probs)
{
	const struct match_cue	*c;
	size_t			 i, bad = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		bad += prompts_hostile_pats(p->indicators[i].set.pats,
		    p->indicators[i].set.npats, probs);
	for (i = 0; i < p->ncues; i++) {
		c = p->cues[i];
		bad += prompts_hostile_pats(c->pats, c->npats, probs);
		bad += prompts_hostile_pats(c->stops, c->nstops, probs);
	}
	return bad + prompts_hostile_pats(p->plan.vague.pats,
	    p->plan.vague.npats, probs);
}

/* JIT-compile the patterns pats[0..n). */
static void
prompts_jit_pats(struct match_pattern *pats, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		match_pattern_jit_compile(&pats[i]);
}

/* JIT-compile every pattern once; see prompts.h. */
void
prompts_jit(struct prompts *p)
{
	size_t	i;

	if (p->jit)
		return;
	p->jit = 1;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		prompts_jit_pats(p->indicators[i].set.pats,
		    p->indicators[i].set.npats);
	for (i = 0; i < p->ncues; i++) {
		prompts_jit_pats(p->cues[i]->pats, p->cues[i]->npats);
		prompts_jit_pats(p->cues[i]->stops, p->cues[i]->nstops);
	}
	prompts_jit_pats(p->plan.vague.pats, p->plan.vague.npats);
}

/* Fill a reply's placeholders; see prompts.h. */
char *
prompts_fill(const char *tmpl, const char *const *names,
    const char *const *values, size_t n)
{
	struct buf	 b = { 0 };
	const char	*s, *open, *close;
	size_t		 i, len;

	for (s = tmpl; (open = strchr(s, '{')) != NULL; s = close) {
		buf_add(&b, s, open - s);
		close = open + 1;
		while (islower((unsigned char)*close))
			close++;
		len = close - open - 1;
		for (i = 0; *close == '}' && i < n; i++) {
			if (strlen(names[i]) == len &&
			    strncmp(open + 1, names[i], len) == 0)
				break;
		}
		if (*close == '}' && i < n) {
			buf_adds(&b, values[i]);
			close++;
		} else {
			buf_addc(&b, '{');
			close = open + 1;
		}
	}
	buf_adds(&b, s);
	return buf_take(&b);
}

/* Free everything the prompts own. */
void
prompts_free(struct prompts *p)
{
	struct prompts_readiness	*r;
	size_t				 i;

	if (p == NULL)
		return;
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		free(p->areas[i].title);
		free(p->areas[i].summary);
		prompts_free_strings(p->areas[i].prompts, p->areas[i].nprompts);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		prompts_indicator_clear(&p->indicators[i]);
	for (i = 0; i < p->ncues; i++) {
		match_cue_free(p->cues[i]);
		free(p->cues[i]);
	}
	free(p->cues);
	free(p->skip);
	for (i = 0; i < PROMPTS_SCALE; i++)
		free(p->scale[i]);
	prompts_plan_clear(&p->plan);
	for (i = 0; i < PROMPTS_NREPLY; i++)
		prompts_free_strings(p->replies.v[i], p->replies.n[i]);
	r = &p->readiness;
	free(r->intro);
	free(r->strengths);
	free(r->thin);
	free(r->next);
	free(r->none);
	prompts_free_strings(p->files, p->nfiles);
	free(p->dir);
	free(p);
}

/* Whether path is a folder holding the shipped cues file. */
static int
prompts_is_folder(const char *path)
{
	struct stat	 st;
	char		*cues;
	int		 ok;

	cues = xasprintf("%s/cues%s", path, PROMPTS_SUFFIX);
	ok = stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	    access(cues, R_OK) == 0;
	free(cues);
	return ok;
}

/* Choose the prompt folder; see prompts.h. */
char *
prompts_find_dir(const char *opt)
{
	char		 exe[PATH_MAX], *slash, *tree;
	const char	*env;
	ssize_t		 n;

	if (opt != NULL)
		return xstrdup(opt);
	if ((env = getenv("DHCOACH_PROMPTS")) != NULL && *env != '\0')
		return xstrdup(env);

	/* Run from the source tree: the prompts beside the binary. */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			tree = xasprintf("%s/prompts", exe);
			if (prompts_is_folder(tree))
				return tree;
			free(tree);

			/* Installed: PREFIX/bin/dhcoach, PREFIX/share/dhcoach. */
			tree = xasprintf("%s/../share/dhcoach/prompts", exe);
			if (prompts_is_folder(tree))
				return tree;
			free(tree);
		}
	}
	return xstrdup(DHCOACH_DATADIR "/prompts");
}

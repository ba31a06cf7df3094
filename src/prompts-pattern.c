/*
 * prompts-pattern.c: the prompt files' patterns, compiled with the
 * [define] sub-patterns they call (see prompts-pattern.h).
 *
 * Invariants: compiling takes time linear in the size of the files,
 * whatever their shape.  Definitions are found by binary search in a
 * sorted index; each one's calls are read once, when indexed; a
 * pattern's prefix is built by one walk over the definitions it
 * reaches, each added once (a walk number marks those reached, so no
 * marks are ever cleared), stopping once past PROMPTS_MAX_EXPANDED; and
 * each definition is checked once, with the definitions it calls
 * standing in as one letter each.  Past PROMPTS_MAX_DEFINES or
 * PROMPTS_MAX_PATTERNS nothing more of that kind is kept.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "prompts-file.h"
#include "prompts-pattern.h"
#include "util.h"

/* The longest name of a definition. */
#define PROMPTS_PATTERN_MAX_NAME	32

/* A named sub-pattern from a [define] section. */
struct prompts_define {
	char		*name;
	char		*body;
	const char	*file;
	int		 line;
	size_t		*calls;	/* the definitions its body calls */
	size_t		 ncalls;
};

/* Whether name can name a definition: a letter, then letters, digits, '_'. */
static int
prompts_pattern_name_ok(const char *name)
{
	const char	*s;

	if (!isalpha((unsigned char)name[0]) ||
	    strlen(name) > PROMPTS_PATTERN_MAX_NAME)
		return 0;
	for (s = name; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	}
	return 1;
}

/* Keep a [define] section's named sub-patterns (duplicates are found later). */
static void
prompts_pattern_define(struct prompts_patterns *pp,
    const struct prompts_file *pf, const struct prompts_section *sec)
{
	const struct prompts_entry	*e;
	struct prompts_define		*d;
	size_t				 i;

	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (!prompts_pattern_name_ok(e->key)) {
			prompts_file_problem(pf->probs, "%s:%d: a definition's "
			    "name is a letter then letters, digits or '_', not "
			    "'%s'", pf->path, e->line, e->key);
			continue;
		}
		if (pp->ndefines == PROMPTS_MAX_DEFINES) {
			prompts_file_problem(pf->probs, "%s:%d: more than %d "
			    "definitions in the prompt folder, the most "
			    "dhcoach-prompts(5) allows", pf->path, e->line,
			    PROMPTS_MAX_DEFINES);
			return;
		}
		pp->defines = prompts_file_grow(pp->defines, pp->ndefines,
		    sizeof *pp->defines);
		d = &pp->defines[pp->ndefines++];
		memset(d, 0, sizeof *d);
		d->name = xstrdup(e->key);
		d->body = xstrdup(e->value);
		d->file = pf->path;
		d->line = e->line;
	}
}

/* Keep the [define] sections of a file; see prompts-pattern.h. */
void
prompts_pattern_defines(struct prompts_patterns *pp,
    const struct prompts_file *pf)
{
	size_t	i;

	for (i = 0; i < pf->nsecs; i++) {
		if (pf->secs[i].kind == PROMPTS_DEFINE)
			prompts_pattern_define(pp, pf, &pf->secs[i]);
	}
}

/* The definitions being sorted (qsort has no context). */
static const struct prompts_patterns *prompts_pattern_sorting;

/* Order definitions by name, then by where they were written. */
static int
prompts_pattern_cmp(const void *a, const void *b)
{
	const struct prompts_define	*d = prompts_pattern_sorting->defines;
	size_t				 i = *(const size_t *)a;
	size_t				 j = *(const size_t *)b;
	int				 c;

	if ((c = strcmp(d[i].name, d[j].name)) != 0)
		return c;
	return i < j ? -1 : i > j;
}

/* The definition named name[0..len), or -1. */
static long
prompts_pattern_find(const struct prompts_patterns *pp, const char *name,
    size_t len)
{
	size_t		 lo = 0, hi = pp->nbyname, mid;
	const char	*s;
	int		 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		s = pp->defines[pp->byname[mid]].name;
		if ((c = strncmp(s, name, len)) == 0)
			c = s[len] != '\0';
		if (c == 0)
			return (long)pp->byname[mid];
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
prompts_pattern_calls(const struct prompts_patterns *pp, const char *text,
    size_t **calls)
{
	const char	*s, *end;
	size_t		 n = 0;
	long		 d;

	*calls = NULL;
	for (s = text; (s = strstr(s, "(?&")) != NULL; s = end) {
		s += 3;
		for (end = s; isalnum((unsigned char)*end) || *end == '_';
		    end++)
			;
		if (*end != ')' || (d = prompts_pattern_find(pp, s,
		    end - s)) == -1)
			continue;
		*calls = prompts_file_grow(*calls, n, sizeof **calls);
		(*calls)[n++] = (size_t)d;
	}
	return n;
}

/*
 * Index the definitions by name, reporting (and leaving out) every
 * second definition of a name; then read once which ones each calls.
 */
static void
prompts_pattern_sort(struct prompts_patterns *pp,
    struct prompts_problems *probs)
{
	struct prompts_define	*d = pp->defines, *first;
	size_t			 i, n = 0;

	pp->byname = xcalloc(pp->ndefines + 1, sizeof *pp->byname);
	for (i = 0; i < pp->ndefines; i++)
		pp->byname[i] = i;
	prompts_pattern_sorting = pp;
	qsort(pp->byname, pp->ndefines, sizeof *pp->byname,
	    prompts_pattern_cmp);
	prompts_pattern_sorting = NULL;
	for (i = 0; i < pp->ndefines; i++) {
		first = n > 0 ? &d[pp->byname[n - 1]] : NULL;
		if (first != NULL && strcmp(first->name,
		    d[pp->byname[i]].name) == 0) {
			prompts_file_problem(probs, "%s:%d: '%s' is already "
			    "defined at %s:%d", d[pp->byname[i]].file,
			    d[pp->byname[i]].line, first->name, first->file,
			    first->line);
			continue;
		}
		pp->byname[n++] = pp->byname[i];
	}
	pp->nbyname = n;
	for (i = 0; i < pp->ndefines; i++)
		d[i].ncalls = prompts_pattern_calls(pp, d[i].body, &d[i].calls);
	pp->seen = xcalloc(pp->ndefines + 1, sizeof *pp->seen);
	pp->stack = xcalloc(pp->ndefines + 1, sizeof *pp->stack);
}

/* Mark definition d as reached by this walk; 1 if it was not yet. */
static int
prompts_pattern_reach(struct prompts_patterns *pp, size_t d)
{
	if (pp->seen[d] == pp->walk)
		return 0;
	pp->seen[d] = pp->walk;
	return 1;
}

/*
 * Add to b, as named groups, the definitions in calls[0..n) and every
 * one they call in turn, each once: one walk, as long as what it adds,
 * stopping once past PROMPTS_MAX_EXPANDED.
 */
static void
prompts_pattern_add_reached(struct prompts_patterns *pp, const size_t *calls,
    size_t n, struct buf *b)
{
	const struct prompts_define	*d;
	size_t				 i, sp = 0;

	pp->walk++;
	for (i = 0; i < n; i++) {
		if (prompts_pattern_reach(pp, calls[i]))
			pp->stack[sp++] = calls[i];
	}
	while (sp > 0 && b->len <= PROMPTS_MAX_EXPANDED) {
		d = &pp->defines[pp->stack[--sp]];
		buf_printf(b, "(?<%s>%s)", d->name, d->body);
		for (i = 0; i < d->ncalls; i++) {
			if (prompts_pattern_reach(pp, d->calls[i]))
				pp->stack[sp++] = d->calls[i];
		}
	}
}

/*
 * The pattern src with a (?(DEFINE)...) prefix holding the definitions it
 * calls, directly or through other definitions; *skip gets the prefix's
 * length.  A new string.
 */
static char *
prompts_pattern_expand(struct prompts_patterns *pp, const char *src,
    size_t *skip)
{
	struct buf	 b = { 0 };
	size_t		*calls, n;

	if ((n = prompts_pattern_calls(pp, src, &calls)) > 0) {
		buf_adds(&b, "(?(DEFINE)");
		prompts_pattern_add_reached(pp, calls, n, &b);
		buf_addc(&b, ')');
	}
	free(calls);
	*skip = b.len;
	buf_adds(&b, src);
	return buf_take(&b);
}

/* Compile src into p, from the cache when it holds src (match-cache.h). */
static int
prompts_pattern_compile(struct prompts_patterns *pp, struct match_pattern *p,
    const char *src, size_t skip, int flags, const char *file, int line,
    char **cause)
{
	pcre2_code	*code = NULL;
	int		 rc;

	if (pp->cache != NULL)
		code = match_cache_take(pp->cache, src);
	if (code != NULL)
		rc = match_pattern_adopt(p, code, src, skip, flags, file, line,
		    cause);
	else
		rc = match_pattern_compile(p, src, skip, flags, file, line,
		    cause);
	if (rc == 0 && pp->cache != NULL)
		match_cache_note(pp->cache, src);
	return rc;
}

/*
 * Check that every definition compiles.  Each is compiled once, with
 * the definitions it calls directly standing in as one letter each: a
 * mistake in a definition is reported at its own line, and checking
 * costs time linear in the definitions' length, however deep they call.
 */
static void
prompts_pattern_check(struct prompts_patterns *pp,
    struct prompts_problems *probs)
{
	struct match_pattern	 p;
	struct prompts_define	*d;
	struct buf		 b = { 0 };
	char			*cause = NULL;
	size_t			 i, j, skip;

	for (i = 0; i < pp->nbyname; i++) {
		d = &pp->defines[pp->byname[i]];
		buf_printf(&b, "(?(DEFINE)(?<%s>", d->name);
		skip = b.len;
		buf_printf(&b, "%s)", d->body);
		pp->walk++;
		(void)prompts_pattern_reach(pp, pp->byname[i]);
		for (j = 0; j < d->ncalls; j++) {
			if (prompts_pattern_reach(pp, d->calls[j]))
				buf_printf(&b, "(?<%s>x)",
				    pp->defines[d->calls[j]].name);
		}
		buf_printf(&b, ")(?&%s)", d->name);
		if (prompts_pattern_compile(pp, &p, b.data, skip,
		    MATCH_ALLOW_EMPTY, d->file, d->line, &cause) != 0) {
			prompts_file_problem(probs, "%s:%d: %s: %s", d->file,
			    d->line, d->name, cause);
			free(cause);
		} else
			match_pattern_free(&p);
		buf_free(&b);
	}
}

/* Free the definitions; see prompts-pattern.h. */
void
prompts_pattern_free(struct prompts_patterns *pp)
{
	size_t	i;

	for (i = 0; i < pp->ndefines; i++) {
		free(pp->defines[i].name);
		free(pp->defines[i].body);
		free(pp->defines[i].calls);
	}
	free(pp->defines);
	free(pp->byname);
	free(pp->seen);
	free(pp->stack);
}

/* Compile a pattern entry into a growing array; see prompts-pattern.h. */
void
prompts_pattern_add(struct prompts_patterns *pp, const struct prompts_file *pf,
    struct match_pattern **pats, size_t *npats, const struct prompts_entry *e)
{
	struct match_pattern	 p;
	char			*cause = NULL, *full;
	size_t			 skip;
	int			 rc;

	if (*e->value == '\0') {
		prompts_file_problem(pf->probs, "%s:%d: the pattern is empty",
		    pf->path, e->line);
		return;
	}
	if (pp->npatterns++ == PROMPTS_MAX_PATTERNS) {
		prompts_file_problem(pf->probs, "%s:%d: more than %d patterns "
		    "in the prompt folder, the most dhcoach-prompts(5) allows",
		    pf->path, e->line, PROMPTS_MAX_PATTERNS);
		return;
	}
	if (pp->npatterns > PROMPTS_MAX_PATTERNS)
		return;
	full = prompts_pattern_expand(pp, e->value, &skip);
	if (skip > PROMPTS_MAX_EXPANDED) {
		prompts_file_problem(pf->probs, "%s:%d: the definitions this "
		    "pattern calls come to more than %d KiB, the most "
		    "dhcoach-prompts(5) allows", pf->path, e->line,
		    PROMPTS_MAX_EXPANDED / 1024);
		free(full);
		return;
	}
	rc = prompts_pattern_compile(pp, &p, full, skip, 0, pf->path,
	    e->line, &cause);
	free(full);
	if (rc != 0) {
		prompts_file_problem(pf->probs, "%s:%d: %s", pf->path, e->line,
		    cause);
		free(cause);
		return;
	}
	*pats = prompts_file_grow(*pats, *npats, sizeof **pats);
	(*pats)[(*npats)++] = p;
}

/* Index the definitions and check each; see prompts-pattern.h. */
void
prompts_pattern_index(struct prompts_patterns *pp,
    struct prompts_problems *probs)
{
	prompts_pattern_sort(pp, probs);
	prompts_pattern_check(pp, probs);
}

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
 * of the framework, the [scale] and the [plan] must have been defined
 * exactly once.
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

#include "prompts.h"
#include "util.h"

#ifndef DHCOACH_DATADIR
#define DHCOACH_DATADIR "/usr/local/share/dhcoach"
#endif

/* Past this many problems, loading stops listing them. */
#define PROMPTS_MAX_PROBLEMS	200
#define PROMPTS_DEFAULT_WINDOW	4
#define PROMPTS_MAX_WINDOW	20

enum prompts_kind {
	PROMPTS_AREA,
	PROMPTS_INDICATOR,
	PROMPTS_CUE,
	PROMPTS_SCALE_SECTION,
	PROMPTS_PLAN_SECTION,
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
};

/* One file, split into sections, between the loader's passes. */
struct prompts_file {
	char			*text;
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
	const char		 *file;	/* the file being read */
	int			  file_area;	/* its [area], or -1 */
};

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

/* Append a string to a counted array of strings. */
static void
prompts_push(char ***arr, size_t *n, char *s)
{
	*arr = xreallocarray(*arr, *n + 1, sizeof **arr);
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

/* Whether name is a cue name: a lower-case letter, then letters, digits, '-'. */
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

/* Read a section header line ("[kind name]") into a new section. */
static void
prompts_header(struct prompts_loader *l, char *s, size_t len, int line,
    struct prompts_section *sec)
{
	char	*inner, *name;
	size_t	 ilen, klen;

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
	name = xstrndup(name, ilen);
	if (klen == 4 && strncmp(inner, "area", 4) == 0 && *name == '\0')
		sec->kind = PROMPTS_AREA;
	else if (klen == 9 && strncmp(inner, "indicator", 9) == 0 &&
	    *name != '\0')
		sec->kind = PROMPTS_INDICATOR;
	else if (klen == 3 && strncmp(inner, "cue", 3) == 0 && *name != '\0')
		sec->kind = PROMPTS_CUE;
	else if (klen == 5 && strncmp(inner, "scale", 5) == 0 && *name == '\0')
		sec->kind = PROMPTS_SCALE_SECTION;
	else if (klen == 6 && strncmp(inner, "define", 6) == 0 && *name == '\0')
		sec->kind = PROMPTS_DEFINE;
	else if (klen == 4 && strncmp(inner, "plan", 4) == 0 && *name == '\0')
		sec->kind = PROMPTS_PLAN_SECTION;
	else {
		prompts_problem(l->probs, "%s:%d: unknown section '%.*s' (use "
		    "[area], [indicator ID], [cue NAME], [scale], [plan] or "
		    "[define])", l->file, line, (int)(len > 60 ? 60 : len), s);
		free(name);
		return;
	}
	sec->name = name;
}

/* Split a file's text into sections; problems go to the loader. */
static struct prompts_section *
prompts_split(struct prompts_loader *l, char *text, size_t len, size_t *nsecs)
{
	struct prompts_section	*secs = NULL, *cur = NULL;
	struct prompts_entry	*last = NULL, *e;
	char			*line, *nl, *s, *eq, *v;
	size_t			 n = 0, llen, klen, vlen;
	int			 lineno = 0, cont;

	for (line = text; line < text + len; line = nl + 1) {
		lineno++;
		if ((nl = memchr(line, '\n', text + len - line)) == NULL)
			nl = text + len;
		llen = nl - line;
		if (!prompts_text_ok(line, llen - (llen > 0 &&
		    line[llen - 1] == '\r'))) {
			prompts_problem(l->probs, "%s:%d: not valid UTF-8 text",
			    l->file, lineno);
			last = NULL;
			continue;
		}
		cont = llen > 0 && (line[0] == ' ' || line[0] == '\t');
		s = prompts_trim(line, &llen);

		/* Blank lines and comments. */
		if (llen == 0 || *s == '#') {
			if (llen == 0)
				last = NULL;
			continue;
		}

		/* A continuation line extends the previous value. */
		if (cont && last != NULL) {
			v = xasprintf("%s %.*s", last->value, (int)llen, s);
			free(last->value);
			last->value = v;
			continue;
		}
		last = NULL;

		if (*s == '[') {
			secs = xreallocarray(secs, n + 1, sizeof *secs);
			cur = &secs[n++];
			prompts_header(l, s, llen, lineno, cur);
			continue;
		}
		if ((eq = memchr(s, '=', llen)) == NULL) {
			prompts_problem(l->probs, "%s:%d: expected 'key = value'",
			    l->file, lineno);
			continue;
		}
		if (cur == NULL) {
			prompts_problem(l->probs, "%s:%d: '%.*s' comes before "
			    "any section", l->file, lineno,
			    (int)(eq - s > 40 ? 40 : eq - s), s);
			continue;
		}
		klen = eq - s;
		vlen = llen - klen - 1;
		v = prompts_trim(eq + 1, &vlen);
		while (klen > 0 && (s[klen - 1] == ' ' || s[klen - 1] == '\t'))
			klen--;
		if (klen == 0) {
			prompts_problem(l->probs, "%s:%d: a key is missing "
			    "before '='", l->file, lineno);
			continue;
		}
		cur->entries = xreallocarray(cur->entries, cur->nentries + 1,
		    sizeof *cur->entries);
		e = &cur->entries[cur->nentries++];
		e->key = xstrndup(s, klen);
		e->value = xstrndup(v, vlen);
		e->line = lineno;
		last = e;
	}
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

/* Whether text calls the named definition as (?&name). */
static int
prompts_calls(const char *text, const char *name)
{
	const char	*s;
	size_t		 len = strlen(name);

	for (s = text; (s = strstr(s, "(?&")) != NULL; s += 3) {
		if (strncmp(s + 3, name, len) == 0 && s[3 + len] == ')')
			return 1;
	}
	return 0;
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
	char		*used;
	size_t		 i, j;
	int		 more = 1;

	used = xcalloc(l->ndefines + 1, 1);
	while (more) {
		more = 0;
		for (i = 0; i < l->ndefines; i++) {
			if (used[i])
				continue;
			used[i] = prompts_calls(src, l->defines[i].name);
			for (j = 0; j < l->ndefines && !used[i]; j++) {
				if (used[j])
					used[i] = prompts_calls(
					    l->defines[j].body,
					    l->defines[i].name);
			}
			more |= used[i];
		}
	}
	for (i = 0; i < l->ndefines; i++) {
		if (!used[i])
			continue;
		if (b.len == 0)
			buf_adds(&b, "(?(DEFINE)");
		buf_printf(&b, "(?<%s>%s)", l->defines[i].name,
		    l->defines[i].body);
	}
	if (b.len > 0)
		buf_addc(&b, ')');
	*skip = b.len;
	buf_adds(&b, src);
	free(used);
	return buf_take(&b);
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
	full = prompts_with_defines(l, e->value, &skip);
	rc = match_pattern_compile(&p, full, skip, 0, l->file, e->line,
	    &cause);
	free(full);
	if (rc != 0) {
		prompts_problem(l->probs, "%s:%d: %s", l->file, e->line, cause);
		free(cause);
		return;
	}
	*pats = xreallocarray(*pats, *npats + 1, sizeof **pats);
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
		free(id);
		free(dimension);
		return;
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
	free(ind->gap);
	prompts_free_strings(ind->probes, ind->nprobes);
	match_set_free(&ind->set);
	for (i = 0; i < ind->nsamples; i++)
		free(ind->samples[i].text);
	free(ind->samples);
	memset(ind, 0, sizeof *ind);
}

/* Add a sample of an indicator. */
static void
prompts_add_sample(struct prompts_loader *l, struct prompts_indicator *ind,
    const struct prompts_entry *e, int want)
{
	struct prompts_sample	*s;

	ind->samples = xreallocarray(ind->samples, ind->nsamples + 1,
	    sizeof *ind->samples);
	s = &ind->samples[ind->nsamples++];
	s->text = xstrdup(e->value);
	s->want = want;
	s->file = l->file;
	s->line = e->line;
}

/* Check and keep an [indicator ID] section. */
static void
prompts_indicator(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_indicator	 tmp = { 0 };
	const struct prompts_entry	*e, *guard = NULL;
	struct prompts_guard		*g;
	size_t				 i, nmatch = 0, nnomatch = 0;
	int				 idx, area, ok = 1;

	if ((idx = framework_indicator_find(sec->name)) == -1) {
		prompts_problem(l->probs, "%s:%d: unknown indicator id '%s'",
		    l->file, sec->line, sec->name);
		return;
	}
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (strcmp(e->key, "title") == 0)
			prompts_set_once(l, &tmp.title, e);
		else if (strcmp(e->key, "gap") == 0)
			prompts_set_once(l, &tmp.gap, e);
		else if (strcmp(e->key, "probe") == 0)
			prompts_push(&tmp.probes, &tmp.nprobes,
			    xstrdup(e->value));
		else if (strcmp(e->key, "pattern") == 0)
			prompts_add_pattern(l, &tmp.set.pats, &tmp.set.npats, e);
		else if (strcmp(e->key, "guard") == 0) {
			if (guard != NULL)
				prompts_problem(l->probs, "%s:%d: 'guard' is "
				    "given twice in this section", l->file,
				    e->line);
			guard = e;
		} else if (strcmp(e->key, "match") == 0) {
			prompts_add_sample(l, &tmp, e, 1);
			nmatch++;
		} else if (strcmp(e->key, "nomatch") == 0) {
			prompts_add_sample(l, &tmp, e, 0);
			nnomatch++;
		} else
			prompts_unknown_key(l, e, "[indicator]", "title, "
			    "pattern, guard, gap, probe, match, nomatch");
	}
	prompts_require(l, sec->line, sec->name, tmp.title != NULL, 1, "title");
	prompts_require(l, sec->line, sec->name, tmp.gap != NULL, 1, "gap");
	prompts_require(l, sec->line, sec->name, tmp.nprobes, 1, "probe");
	prompts_require(l, sec->line, sec->name, tmp.set.npats, 1, "pattern");
	prompts_require(l, sec->line, sec->name, nmatch, 1, "match");
	prompts_require(l, sec->line, sec->name, nnomatch, 1, "nomatch");

	/* An area's indicators live in its file; ev.* in a file with no area. */
	area = framework_indicators[idx].area;
	if (area == FRAMEWORK_EVIDENCE && l->file_area != -1) {
		prompts_problem(l->probs, "%s:%d: %s judges every area, so it "
		    "belongs in a file with no [area] section", l->file,
		    sec->line, sec->name);
		ok = 0;
	} else if (area != FRAMEWORK_EVIDENCE && area != l->file_area) {
		prompts_problem(l->probs, "%s:%d: %s belongs to area %s; put it "
		    "after that area's [area] section", l->file, sec->line,
		    sec->name, framework_areas[area].id);
		ok = 0;
	}
	if (l->p->indicators[idx].file != NULL) {
		prompts_problem(l->probs, "%s:%d: indicator %s is already "
		    "defined at %s:%d", l->file, sec->line, sec->name,
		    l->p->indicators[idx].file, l->p->indicators[idx].line);
		ok = 0;
	}
	if (!ok) {
		prompts_indicator_clear(&tmp);
		return;
	}
	tmp.index = idx;
	tmp.file = l->file;
	tmp.line = sec->line;
	l->p->indicators[idx] = tmp;

	l->guards = xreallocarray(l->guards, l->nguards + 1, sizeof *l->guards);
	g = &l->guards[l->nguards++];
	g->indicator = idx;
	g->spec = guard != NULL ? xstrdup(guard->value) : NULL;
	g->file = l->file;
	g->line = guard != NULL ? guard->line : sec->line;
}

/* Check and keep a [cue NAME] section. */
static void
prompts_cue(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct match_cue		*c;
	const struct prompts_entry	*e;
	char				*end;
	size_t				 i;
	long				 n;
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
		else if (strcmp(e->key, "window") == 0) {
			errno = 0;
			n = strtol(e->value, &end, 10);
			if (seen_window++ || *e->value == '\0' || *end != '\0' ||
			    n < 0 || n > PROMPTS_MAX_WINDOW)
				prompts_problem(l->probs, "%s:%d: window is a "
				    "whole number of words from 0 to %d, given "
				    "once", l->file, e->line,
				    PROMPTS_MAX_WINDOW);
			else
				c->window = (int)n;
		} else if (strcmp(e->key, "default") == 0) {
			if (seen_default++ || (strcmp(e->value, "yes") != 0 &&
			    strcmp(e->value, "no") != 0))
				prompts_problem(l->probs, "%s:%d: default is "
				    "'yes' or 'no', given once", l->file,
				    e->line);
			else
				c->is_default = strcmp(e->value, "yes") == 0;
		} else
			prompts_unknown_key(l, e, "[cue]",
			    "pattern, stop, window, default");
	}
	prompts_require(l, sec->line, "[cue]", c->npats, 1, "pattern");
	l->p->cues = xreallocarray(l->p->cues, l->p->ncues + 1,
	    sizeof *l->p->cues);
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

/* Whether name can name a definition: a letter, then letters, digits, '_'. */
static int
prompts_define_name_ok(const char *name)
{
	const char	*s;

	if (!isalpha((unsigned char)name[0]) || strlen(name) > 32)
		return 0;
	for (s = name; *s != '\0'; s++) {
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	}
	return 1;
}

/* Keep a [define] section's named sub-patterns. */
static void
prompts_define(struct prompts_loader *l, const struct prompts_section *sec)
{
	const struct prompts_entry	*e;
	struct prompts_define		*d;
	size_t				 i, j;

	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (!prompts_define_name_ok(e->key)) {
			prompts_problem(l->probs, "%s:%d: a definition's name "
			    "is a letter then letters, digits or '_', not "
			    "'%s'", l->file, e->line, e->key);
			continue;
		}
		for (j = 0; j < l->ndefines; j++) {
			if (strcmp(l->defines[j].name, e->key) == 0)
				break;
		}
		if (j < l->ndefines) {
			prompts_problem(l->probs, "%s:%d: '%s' is already "
			    "defined at %s:%d", l->file, e->line, e->key,
			    l->defines[j].file, l->defines[j].line);
			continue;
		}
		l->defines = xreallocarray(l->defines, l->ndefines + 1,
		    sizeof *l->defines);
		d = &l->defines[l->ndefines++];
		d->name = xstrdup(e->key);
		d->body = xstrdup(e->value);
		d->file = l->file;
		d->line = e->line;
	}
}

/* Check that every definition compiles, with those it calls. */
static void
prompts_check_defines(struct prompts_loader *l)
{
	struct match_pattern	 p;
	char			*call, *full, *cause = NULL;
	size_t			 i, skip;

	for (i = 0; i < l->ndefines; i++) {
		call = xasprintf("(?&%s)", l->defines[i].name);
		full = prompts_with_defines(l, call, &skip);
		if (match_pattern_compile(&p, full, 0, MATCH_ALLOW_EMPTY,
		    l->defines[i].file, l->defines[i].line, &cause) != 0) {
			prompts_problem(l->probs, "%s:%d: %s: %s",
			    l->defines[i].file, l->defines[i].line,
			    l->defines[i].name, cause);
			free(cause);
		} else
			match_pattern_free(&p);
		free(full);
		free(call);
	}
}

/* The [plan] keys of the guided questions, in enum prompts_ask order. */
static const char *const prompts_ask_keys[PROMPTS_NASK] = {
	"ask-action", "ask-measure", "ask-due", "ask-support", "ask-area"
};

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

/* Add a sample of the [plan] section: want 1 must be flagged vague. */
static void
prompts_plan_sample(struct prompts_loader *l, struct prompts_plan *pl,
    const struct prompts_entry *e, int want)
{
	struct prompts_sample	*s;

	pl->samples = xreallocarray(pl->samples, pl->nsamples + 1,
	    sizeof *pl->samples);
	s = &pl->samples[pl->nsamples++];
	s->text = xstrdup(e->value);
	s->want = want;
	s->file = l->file;
	s->line = e->line;
}

/* Check and keep the [plan] section: the guided plan's words and the SMART check. */
static void
prompts_plan(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_plan		*pl = &l->p->plan;
	const struct prompts_entry	*e;
	size_t				 i, j, nmatch = 0, nnomatch = 0;

	if (pl->file != NULL) {
		prompts_problem(l->probs, "%s:%d: [plan] is already defined at "
		    "%s:%d", l->file, sec->line, pl->file, pl->line);
		return;
	}
	pl->file = l->file;
	pl->line = sec->line;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		for (j = 0; j < PROMPTS_NASK; j++) {
			if (strcmp(e->key, prompts_ask_keys[j]) == 0)
				break;
		}
		if (j < PROMPTS_NASK)
			prompts_set_once(l, &pl->ask[j], e);
		else if (strcmp(e->key, "intro") == 0)
			prompts_set_once(l, &pl->intro, e);
		else if (strcmp(e->key, "offer") == 0)
			prompts_set_once(l, &pl->offer, e);
		else if (strcmp(e->key, "nudge") == 0)
			prompts_set_once(l, &pl->nudge, e);
		else if (strcmp(e->key, "vague") == 0)
			prompts_add_pattern(l, &pl->vague.pats,
			    &pl->vague.npats, e);
		else if (strcmp(e->key, "match") == 0) {
			prompts_plan_sample(l, pl, e, 1);
			nmatch++;
		} else if (strcmp(e->key, "nomatch") == 0) {
			prompts_plan_sample(l, pl, e, 0);
			nnomatch++;
		} else
			prompts_unknown_key(l, e, "[plan]", "intro, offer, "
			    "nudge, ask-action, ask-measure, ask-due, "
			    "ask-support, ask-area, vague, match, nomatch");
	}
	prompts_require(l, sec->line, "[plan]", pl->intro != NULL, 1, "intro");
	prompts_require(l, sec->line, "[plan]", pl->offer != NULL, 1, "offer");
	prompts_require(l, sec->line, "[plan]", pl->nudge != NULL, 1, "nudge");
	for (j = 0; j < PROMPTS_NASK; j++)
		prompts_require(l, sec->line, "[plan]", pl->ask[j] != NULL, 1,
		    prompts_ask_keys[j]);
	prompts_require(l, sec->line, "[plan]", pl->vague.npats, 1, "vague");
	prompts_require(l, sec->line, "[plan]", nmatch, 1, "match");
	prompts_require(l, sec->line, "[plan]", nnomatch, 1, "nomatch");
}

/* Read one prompt file and split it into sections (the first pass). */
static void
prompts_read_file(struct prompts_loader *l, const char *path,
    struct prompts_file *pf)
{
	FILE	*f;
	size_t	 len;

	memset(pf, 0, sizeof *pf);
	l->file = path;
	if ((f = fopen(path, "r")) == NULL) {
		prompts_problem(l->probs, "%s: cannot open: %s", path,
		    strerror(errno));
		return;
	}
	if (util_read_stream(f, PROMPTS_MAX_FILE, &pf->text, &len) != 0) {
		prompts_problem(l->probs, "%s: cannot read: %s", path,
		    errno == EFBIG ? "larger than 1 MiB" : strerror(errno));
		fclose(f);
		return;
	}
	fclose(f);
	pf->secs = prompts_split(l, pf->text, len, &pf->nsecs);
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
				if (!l->p->cues[j]->is_default)
					continue;
				set->guards = xreallocarray(set->guards,
				    set->nguards + 1, sizeof *set->guards);
				set->guards[set->nguards++] = l->p->cues[j];
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
			if ((c = prompts_cue_find(l->p, w, len)) == NULL) {
				prompts_problem(l->probs, "%s:%d: guard names "
				    "unknown cue '%.*s'", l->guards[i].file,
				    l->guards[i].line, (int)len, w);
				continue;
			}
			set->guards = xreallocarray(set->guards,
			    set->nguards + 1, sizeof *set->guards);
			set->guards[set->nguards++] = c;
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
	while ((de = readdir(d)) != NULL) {
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
	qsort(p->files, p->nfiles, sizeof *p->files, prompts_cmp);
	return 0;
}

/* Load a prompt folder; see prompts.h. */
struct prompts *
prompts_load(const char *dir, struct prompts_problems *probs, int partial)
{
	struct prompts_loader	 l = { 0 };
	struct prompts_file	*pf = NULL;
	struct prompts		*p;
	size_t			 i, before = probs->n;
	int			 a;

	p = xcalloc(1, sizeof *p);
	p->dir = xstrdup(dir);
	l.p = p;
	l.probs = probs;
	if (prompts_list(p, dir, probs) != 0)
		goto out;

	/* Split every file; then definitions, which any pattern may call; then the rest. */
	pf = xcalloc(p->nfiles, sizeof *pf);
	for (i = 0; i < p->nfiles; i++)
		prompts_read_file(&l, p->files[i], &pf[i]);
	for (i = 0; i < p->nfiles; i++)
		prompts_file_defines(&l, p->files[i], &pf[i]);
	prompts_check_defines(&l);
	for (i = 0; i < p->nfiles; i++)
		prompts_file_sections(&l, p->files[i], &pf[i]);
	prompts_resolve_guards(&l);

	/* The scale, every area and every indicator, exactly once. */
	if (p->scale_file == NULL)
		prompts_problem(probs, "%s: no [scale] section in any file", dir);
	if (p->plan.file == NULL)
		prompts_problem(probs, "%s: no [plan] section in any file "
		    "(expected in %s/plan%s)", dir, dir, PROMPTS_SUFFIX);
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (p->areas[i].file == NULL)
			prompts_problem(probs, "%s: no [area] with id = %s "
			    "(expected in %s/%s%s)", dir, framework_areas[i].id,
			    dir, framework_areas[i].id, PROMPTS_SUFFIX);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (p->indicators[i].file != NULL)
			continue;
		a = framework_indicators[i].area;
		if (a == FRAMEWORK_EVIDENCE)
			prompts_problem(probs, "%s: no [indicator %s] section "
			    "in any file", dir, framework_indicators[i].id);
		else if (p->areas[a].file != NULL)
			prompts_problem(probs, "%s: no [indicator %s] section",
			    p->areas[a].file, framework_indicators[i].id);
	}
out:
	for (i = 0; pf != NULL && i < p->nfiles; i++) {
		prompts_sections_free(pf[i].secs, pf[i].nsecs);
		free(pf[i].text);
	}
	free(pf);
	for (i = 0; i < l.ndefines; i++) {
		free(l.defines[i].name);
		free(l.defines[i].body);
	}
	free(l.defines);
	for (i = 0; i < l.nguards; i++)
		free(l.guards[i].spec);
	free(l.guards);
	if (probs->n != before && !partial) {
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

/* Run every embedded sample; see prompts.h. */
size_t
prompts_check_samples(const struct prompts *p, struct prompts_problems *probs)
{
	const struct prompts_indicator	*ind;
	const struct prompts_sample	*s;
	struct match_hit		 hit;
	char				*cause = NULL, *words;
	size_t				 i, j, bad = 0;
	int				 rc;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		ind = &p->indicators[i];
		if (ind->file == NULL)
			continue;
		for (j = 0; j < ind->nsamples; j++) {
			s = &ind->samples[j];
			rc = match_set_find(&ind->set, s->text, strlen(s->text),
			    &hit, &cause);
			if (rc == -1) {
				prompts_problem(probs, "%s:%d: %s", s->file,
				    s->line, cause);
				free(cause);
				bad++;
			} else if (s->want && rc != MATCH_FOUND) {
				prompts_problem(probs, "%s:%d: this sample "
				    "should show %s, but %s", s->file, s->line,
				    framework_indicators[i].id,
				    rc == MATCH_GUARDED ? "a guard cue cancels "
				    "its match" : "no pattern matches it");
				bad++;
			} else if (!s->want && rc == MATCH_FOUND) {
				words = util_squeeze(s->text + hit.start,
				    hit.end - hit.start, 60);
				prompts_problem(probs, "%s:%d: this sample "
				    "should not show %s, but the pattern at "
				    "line %d matches \"%s\"", s->file, s->line,
				    framework_indicators[i].id,
				    ind->set.pats[hit.pattern].line, words);
				free(words);
				bad++;
			}
		}
	}
	return bad + prompts_check_plan_samples(p, probs);
}

/* Free everything the prompts own. */
void
prompts_free(struct prompts *p)
{
	size_t	i;

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
	for (i = 0; i < PROMPTS_SCALE; i++)
		free(p->scale[i]);
	prompts_plan_clear(&p->plan);
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

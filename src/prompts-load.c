/*
 * prompts-load.c: loading a prompt folder, all or nothing (see
 * prompts-load.h).
 *
 * The folder is read in three passes.  The first splits every file into
 * sections of (key, value, line) entries (prompts-file.h); the second
 * keeps the [define] sections, named sub-patterns that any pattern may
 * call as (?&name) (prompts-pattern.h); the third checks every other
 * section against the framework's ids and the rules of its kind,
 * compiling patterns as it goes.  Guards and the [model]'s skip cues
 * are resolved once every file is read, since cues may come from any
 * file; then every area and indicator of the framework, the [scale],
 * [plan], [replies] and [readiness] must have been defined exactly once.
 * The sections that score rather than speak ([readiness], [weights ID]
 * and [model]) are read by prompts-load-score.c.
 *
 * Invariants: loading takes time linear in the size of the files.
 * Arrays grow by doubling; past a documented limit (prompts-file.h)
 * nothing more of that kind is read, so a hostile folder costs no more
 * than a large one.  A section is checked into a temporary struct and
 * kept only when it stands where it belongs; nothing half-loaded is
 * ever handed out.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "match.h"
#include "prompts-file.h"
#include "prompts-load-int.h"
#include "prompts-load.h"
#include "prompts-pattern.h"
#include "prompts.h"
#include "util.h"

#define PROMPTS_LOAD_DEFAULT_WINDOW	4
#define PROMPTS_LOAD_MAX_WINDOW		20

/* The [replies] keys, in enum prompts_reply order. */
static const char *const prompts_load_reply_keys[PROMPTS_NREPLY] = {
	"shown", "none", "next", "complete", "fits", "high", "low"
};

/* The [plan] keys of the guided questions, in enum prompts_ask order. */
static const char *const prompts_load_ask_keys[PROMPTS_NASK] = {
	"ask-action", "ask-measure", "ask-due", "ask-support", "ask-area"
};

/* Whether name is a cue name: a small letter, then letters, digits, '-'. */
static int
prompts_load_name_ok(const char *name)
{
	const char	*s;

	if (!islower((unsigned char)name[0]))
		return 0;
	for (s = name; *s != '\0'; s++) {
		if (!islower((unsigned char)*s) &&
		    !isdigit((unsigned char)*s) && *s != '-')
			return 0;
	}
	return 1;
}

/* Add a sample to a growing array of samples. */
static void
prompts_load_sample(struct prompts_loader *l, struct prompts_sample **arr,
    size_t *n, const struct prompts_entry *e, int want)
{
	struct prompts_sample	*s;

	*arr = prompts_file_grow(*arr, *n, sizeof **arr);
	s = &(*arr)[(*n)++];
	s->text = xstrdup(e->value);
	s->want = want;
	s->file = l->file;
	s->line = e->line;
}

/* Check and keep an [area] section. */
static void
prompts_load_area(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_area		 tmp = { 0 }, *a;
	const struct prompts_entry	*e;
	char				*id = NULL, *dimension = NULL;
	int				 idx = -1;
	size_t				 i;

	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (strcmp(e->key, "id") == 0)
			prompts_file_set_once(l->pf, &id, e);
		else if (strcmp(e->key, "title") == 0)
			prompts_file_set_once(l->pf, &tmp.title, e);
		else if (strcmp(e->key, "dimension") == 0)
			prompts_file_set_once(l->pf, &dimension, e);
		else if (strcmp(e->key, "summary") == 0)
			prompts_file_set_once(l->pf, &tmp.summary, e);
		else if (strcmp(e->key, "prompt") == 0)
			prompts_file_push(&tmp.prompts, &tmp.nprompts,
			    xstrdup(e->value));
		else
			prompts_file_unknown_key(l->pf, e, "[area]",
			    "id, title, dimension, summary, prompt");
	}
	if (id == NULL)
		prompts_file_require(l->pf, sec->line, "[area]", 0, 1, "id");
	else if ((idx = framework_area_find(id)) == -1)
		prompts_file_problem(l->probs, "%s:%d: unknown area id '%s'",
		    l->file, sec->line, id);
	prompts_file_require(l->pf, sec->line, "[area]", tmp.title != NULL, 1,
	    "title");
	prompts_file_require(l->pf, sec->line, "[area]", tmp.summary != NULL, 1,
	    "summary");
	prompts_file_require(l->pf, sec->line, "[area]", tmp.nprompts, 3,
	    "prompt");
	if (dimension == NULL)
		prompts_file_require(l->pf, sec->line, "[area]", 0, 1,
		    "dimension");
	else if (idx != -1 && strcmp(dimension, framework_dimension_name(
	    framework_areas[idx].dimension)) != 0)
		prompts_file_problem(l->probs, "%s:%d: area %s has dimension "
		    "'%s', not '%s'", l->file, sec->line, id,
		    framework_dimension_name( framework_areas[idx].dimension),
		    dimension);

	if (l->file_area != -1)
		prompts_file_problem(l->probs, "%s:%d: a file holds one [area] "
		    "section only", l->file, sec->line);
	else if (idx != -1 && l->p->areas[idx].file != NULL)
		prompts_file_problem(l->probs, "%s:%d: area %s is already "
		    "defined at %s:%d", l->file, sec->line, id,
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
	prompts_file_free_strings(tmp.prompts, tmp.nprompts);
	free(id);
	free(dimension);
}

/* Read one key of an [indicator] section into tmp. */
static void
prompts_load_indicator_key(struct prompts_loader *l,
    struct prompts_indicator *tmp, const struct prompts_entry *e,
    const struct prompts_entry **guard)
{
	if (strcmp(e->key, "title") == 0)
		prompts_file_set_once(l->pf, &tmp->title, e);
	else if (strcmp(e->key, "shown") == 0)
		prompts_file_set_once(l->pf, &tmp->shown, e);
	else if (strcmp(e->key, "gap") == 0)
		prompts_file_set_once(l->pf, &tmp->gap, e);
	else if (strcmp(e->key, "probe") == 0)
		prompts_file_push(&tmp->probes, &tmp->nprobes,
		    xstrdup(e->value));
	else if (strcmp(e->key, "pattern") == 0)
		prompts_pattern_add(&l->pats, l->pf, &tmp->set.pats,
		    &tmp->set.npats, e);
	else if (strcmp(e->key, "guard") == 0) {
		if (*guard != NULL)
			prompts_file_problem(l->probs, "%s:%d: 'guard' is "
			    "given twice in this section", l->file, e->line);
		*guard = e;
	} else if (strcmp(e->key, "match") == 0)
		prompts_load_sample(l, &tmp->samples, &tmp->nsamples, e, 1);
	else if (strcmp(e->key, "nomatch") == 0)
		prompts_load_sample(l, &tmp->samples, &tmp->nsamples, e, 0);
	else
		prompts_file_unknown_key(l->pf, e, "[indicator]", "title, "
		    "shown, pattern, guard, gap, probe, match, nomatch");
}

/* Whether an indicator stands where it belongs; reports when not. */
static int
prompts_load_indicator_placed(struct prompts_loader *l,
    const struct prompts_section *sec, int idx)
{
	int	area = framework_indicators[idx].area;

	/* An area's indicators live in its file; ev.* in one with no area. */
	if (area == FRAMEWORK_EVIDENCE && l->file_area != -1) {
		prompts_file_problem(l->probs, "%s:%d: %s judges every area, "
		    "so it belongs in a file with no [area] section", l->file,
		    sec->line, sec->name);
		return 0;
	}
	if (area != FRAMEWORK_EVIDENCE && area != l->file_area) {
		prompts_file_problem(l->probs, "%s:%d: %s belongs to area %s; "
		    "put it after that area's [area] section", l->file,
		    sec->line, sec->name, framework_areas[area].id);
		return 0;
	}
	if (l->p->indicators[idx].file != NULL) {
		prompts_file_problem(l->probs, "%s:%d: indicator %s is already "
		    "defined at %s:%d", l->file, sec->line, sec->name,
		    l->p->indicators[idx].file, l->p->indicators[idx].line);
		return 0;
	}
	return 1;
}

/* Check and keep an [indicator ID] section. */
static void
prompts_load_indicator(struct prompts_loader *l,
    const struct prompts_section *sec)
{
	struct prompts_indicator	 tmp = { 0 };
	const struct prompts_entry	*guard = NULL;
	struct prompts_guard		*g;
	size_t				 i, nmatch = 0;
	int				 idx;

	if ((idx = framework_indicator_find(sec->name)) == -1) {
		prompts_file_problem(l->probs, "%s:%d: unknown indicator id "
		    "'%s'", l->file, sec->line, sec->name);
		return;
	}
	for (i = 0; i < sec->nentries; i++)
		prompts_load_indicator_key(l, &tmp, &sec->entries[i], &guard);
	for (i = 0; i < tmp.nsamples; i++)
		nmatch += tmp.samples[i].want;
	prompts_file_require(l->pf, sec->line, sec->name, tmp.title != NULL, 1,
	    "title");
	prompts_file_require(l->pf, sec->line, sec->name, tmp.shown != NULL, 1,
	    "shown");
	prompts_file_require(l->pf, sec->line, sec->name, tmp.gap != NULL, 1,
	    "gap");
	prompts_file_require(l->pf, sec->line, sec->name, tmp.nprobes, 1,
	    "probe");
	prompts_file_require(l->pf, sec->line, sec->name, tmp.set.npats, 1,
	    "pattern");
	prompts_file_require(l->pf, sec->line, sec->name, nmatch, 1, "match");
	prompts_file_require(l->pf, sec->line, sec->name, tmp.nsamples - nmatch,
	    1, "nomatch");
	if (!prompts_load_indicator_placed(l, sec, idx)) {
		prompts_indicator_clear(&tmp);
		return;
	}
	tmp.index = idx;
	tmp.file = l->file;
	tmp.line = sec->line;
	/* Its [weights] may have been read first. */
	tmp.weights = l->p->indicators[idx].weights;
	l->p->indicators[idx] = tmp;

	l->guards = prompts_file_grow(l->guards, l->nguards, sizeof *l->guards);
	g = &l->guards[l->nguards++];
	g->indicator = idx;
	g->spec = guard != NULL ? xstrdup(guard->value) : NULL;
	g->file = l->file;
	g->line = guard != NULL ? guard->line : sec->line;
}

/* Read a cue's window or default key; report a bad one. */
static void
prompts_load_cue_setting(struct prompts_loader *l, struct match_cue *c,
    const struct prompts_entry *e, int *seen_window, int *seen_default)
{
	char	*end;
	long	 n;

	if (strcmp(e->key, "window") == 0) {
		errno = 0;
		n = strtol(e->value, &end, 10);
		if ((*seen_window)++ || *e->value == '\0' || *end != '\0' ||
		    n < 0 || n > PROMPTS_LOAD_MAX_WINDOW)
			prompts_file_problem(l->probs, "%s:%d: window is a "
			    "whole number of words from 0 to %d, given once",
			    l->file, e->line, PROMPTS_LOAD_MAX_WINDOW);
		else
			c->window = (int)n;
		return;
	}
	if ((*seen_default)++ || (strcmp(e->value, "yes") != 0 &&
	    strcmp(e->value, "no") != 0))
		prompts_file_problem(l->probs, "%s:%d: default is 'yes' or "
		    "'no', given once", l->file, e->line);
	else
		c->is_default = strcmp(e->value, "yes") == 0;
}

/* Check and keep a [cue NAME] section. */
static void
prompts_load_cue(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct match_cue		*c;
	const struct prompts_entry	*e;
	size_t				 i;
	int				 seen_window = 0, seen_default = 0;

	if (!prompts_load_name_ok(sec->name)) {
		prompts_file_problem(l->probs, "%s:%d: a cue name is "
		    "lower-case letters, digits and '-', not '%s'", l->file,
		    sec->line, sec->name);
		return;
	}
	for (i = 0; i < l->p->ncues; i++) {
		if (strcmp(l->p->cues[i]->name, sec->name) == 0) {
			prompts_file_problem(l->probs, "%s:%d: cue %s is "
			    "already defined at %s:%d", l->file, sec->line,
			    sec->name, l->p->cues[i]->file,
			    l->p->cues[i]->line);
			return;
		}
	}
	c = xcalloc(1, sizeof *c);
	c->name = xstrdup(sec->name);
	c->window = PROMPTS_LOAD_DEFAULT_WINDOW;
	c->file = l->file;
	c->line = sec->line;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		if (strcmp(e->key, "pattern") == 0)
			prompts_pattern_add(&l->pats, l->pf, &c->pats,
			    &c->npats, e);
		else if (strcmp(e->key, "stop") == 0)
			prompts_pattern_add(&l->pats, l->pf, &c->stops,
			    &c->nstops, e);
		else if (strcmp(e->key, "window") == 0 ||
		    strcmp(e->key, "default") == 0)
			prompts_load_cue_setting(l, c, e, &seen_window,
			    &seen_default);
		else
			prompts_file_unknown_key(l->pf, e, "[cue]",
			    "pattern, stop, window, default");
	}
	prompts_file_require(l->pf, sec->line, "[cue]", c->npats, 1, "pattern");
	l->p->cues = prompts_file_grow(l->p->cues, l->p->ncues,
	    sizeof *l->p->cues);
	l->p->cues[l->p->ncues++] = c;
}

/* Check and keep the [scale] section: the labels of points 1 to 5. */
static void
prompts_load_scale(struct prompts_loader *l, const struct prompts_section *sec)
{
	const struct prompts_entry	*e;
	size_t				 i;
	int				 n;

	if (l->p->scale_file != NULL) {
		prompts_file_problem(l->probs, "%s:%d: [scale] is already "
		    "defined in %s", l->file, sec->line, l->p->scale_file);
		return;
	}
	l->p->scale_file = l->file;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		n = e->key[0] - '0';
		if (e->key[1] != '\0' || n < 1 || n > PROMPTS_SCALE) {
			prompts_file_problem(l->probs, "%s:%d: [scale] takes "
			    "the keys 1 to %d, not '%s'", l->file, e->line,
			    PROMPTS_SCALE, e->key);
			continue;
		}
		prompts_file_set_once(l->pf, &l->p->scale[n - 1], e);
	}
	for (n = 0; n < PROMPTS_SCALE; n++) {
		if (l->p->scale[n] == NULL)
			prompts_file_problem(l->probs, "%s:%d: [scale] has no "
			    "label for %d", l->file, sec->line, n + 1);
	}
}

/* Read one key of the [plan] section. */
static void
prompts_load_plan_key(struct prompts_loader *l, struct prompts_plan *pl,
    const struct prompts_entry *e)
{
	size_t	j;

	for (j = 0; j < PROMPTS_NASK; j++) {
		if (strcmp(e->key, prompts_load_ask_keys[j]) == 0) {
			prompts_file_set_once(l->pf, &pl->ask[j], e);
			return;
		}
	}
	if (strcmp(e->key, "intro") == 0)
		prompts_file_set_once(l->pf, &pl->intro, e);
	else if (strcmp(e->key, "offer") == 0)
		prompts_file_set_once(l->pf, &pl->offer, e);
	else if (strcmp(e->key, "nudge") == 0)
		prompts_file_set_once(l->pf, &pl->nudge, e);
	else if (strcmp(e->key, "vague") == 0)
		prompts_pattern_add(&l->pats, l->pf, &pl->vague.pats,
		    &pl->vague.npats, e);
	else if (strcmp(e->key, "match") == 0)
		prompts_load_sample(l, &pl->samples, &pl->nsamples, e, 1);
	else if (strcmp(e->key, "nomatch") == 0)
		prompts_load_sample(l, &pl->samples, &pl->nsamples, e, 0);
	else
		prompts_file_unknown_key(l->pf, e, "[plan]", "intro, offer, "
		    "nudge, ask-action, ask-measure, ask-due, ask-support, "
		    "ask-area, vague, match, nomatch");
}

/* Check and keep the [plan] section: the plan's words and the SMART check. */
static void
prompts_load_plan(struct prompts_loader *l, const struct prompts_section *sec)
{
	struct prompts_plan	*pl = &l->p->plan;
	size_t			 i, j, nmatch = 0;

	if (pl->file != NULL) {
		prompts_file_problem(l->probs, "%s:%d: [plan] is already "
		    "defined at %s:%d", l->file, sec->line, pl->file, pl->line);
		return;
	}
	pl->file = l->file;
	pl->line = sec->line;
	for (i = 0; i < sec->nentries; i++)
		prompts_load_plan_key(l, pl, &sec->entries[i]);
	for (i = 0; i < pl->nsamples; i++)
		nmatch += pl->samples[i].want;
	prompts_file_require(l->pf, sec->line, "[plan]", pl->intro != NULL, 1,
	    "intro");
	prompts_file_require(l->pf, sec->line, "[plan]", pl->offer != NULL, 1,
	    "offer");
	prompts_file_require(l->pf, sec->line, "[plan]", pl->nudge != NULL, 1,
	    "nudge");
	for (j = 0; j < PROMPTS_NASK; j++)
		prompts_file_require(l->pf, sec->line, "[plan]",
		    pl->ask[j] != NULL, 1, prompts_load_ask_keys[j]);
	prompts_file_require(l->pf, sec->line, "[plan]", pl->vague.npats, 1,
	    "vague");
	prompts_file_require(l->pf, sec->line, "[plan]", nmatch, 1, "match");
	prompts_file_require(l->pf, sec->line, "[plan]", pl->nsamples - nmatch,
	    1, "nomatch");
}

/*
 * Report every placeholder of a reply that is not one the coach fills
 * in: "{name}", where name is letters.
 */
static void
prompts_load_placeholders(struct prompts_loader *l,
    const struct prompts_entry *e)
{
	const char	*s, *end;

	for (s = e->value; (s = strchr(s, '{')) != NULL; s = end) {
		for (end = s + 1; islower((unsigned char)*end); end++)
			;
		if (*end != '}' || end == s + 1)
			continue;
		if (!prompts_placeholder(s + 1, (size_t)(end - s - 1)))
			prompts_file_problem(l->probs, "%s:%d: unknown "
			    "placeholder '%.*s' (use {list}, {quote}, {gap}, "
			    "{suggestion}, {area}, {rating}, {shown} or "
			    "{total})", l->file, e->line, (int)(end - s + 1),
			    s);
	}
}

/* Check and keep the [replies] section: each reply's variants. */
static void
prompts_load_replies(struct prompts_loader *l,
    const struct prompts_section *sec)
{
	struct prompts_replies		*r = &l->p->replies;
	const struct prompts_entry	*e;
	size_t				 i, k;

	if (l->replies_file != NULL) {
		prompts_file_problem(l->probs, "%s:%d: [replies] is already "
		    "defined at %s:%d", l->file, sec->line, l->replies_file,
		    l->replies_line);
		return;
	}
	l->replies_file = l->file;
	l->replies_line = sec->line;
	for (i = 0; i < sec->nentries; i++) {
		e = &sec->entries[i];
		for (k = 0; k < PROMPTS_NREPLY; k++) {
			if (strcmp(e->key, prompts_load_reply_keys[k]) == 0)
				break;
		}
		if (k == PROMPTS_NREPLY) {
			prompts_file_unknown_key(l->pf, e, "[replies]",
			    "shown, none, next, complete, fits, high, low");
			continue;
		}
		prompts_load_placeholders(l, e);
		if (r->n[k] == PROMPTS_MAX_VARIANTS) {
			prompts_file_problem(l->probs, "%s:%d: more than %d "
			    "variants of '%s', the most dhcoach-prompts(5) "
			    "allows", l->file, e->line, PROMPTS_MAX_VARIANTS,
			    e->key);
			continue;
		}
		prompts_file_push(&r->v[k], &r->n[k], xstrdup(e->value));
	}
	for (k = 0; k < PROMPTS_NREPLY; k++)
		prompts_file_require(l->pf, sec->line, "[replies]", r->n[k], 1,
		    prompts_load_reply_keys[k]);
}

/* Find a loaded cue by name, or NULL. */
static struct match_cue *
prompts_load_cue_find(const struct prompts *p, const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < p->ncues; i++) {
		if (strlen(p->cues[i]->name) == len &&
		    strncmp(p->cues[i]->name, name, len) == 0)
			return p->cues[i];
	}
	return NULL;
}

/* Resolve the [model] skip cues, once every cue is known. */
static void
prompts_load_skips(struct prompts_loader *l)
{
	struct match_cue	*c;
	size_t			 i;

	for (i = 0; i < l->nskips; i++) {
		c = prompts_load_cue_find(l->p, l->skips[i].spec,
		    strlen(l->skips[i].spec));
		if (c == NULL) {
			prompts_file_problem(l->probs, "%s:%d: skip names "
			    "unknown cue '%s'", l->skips[i].file,
			    l->skips[i].line, l->skips[i].spec);
			continue;
		}
		l->p->skip = prompts_file_grow(l->p->skip, l->p->nskip,
		    sizeof *l->p->skip);
		l->p->skip[l->p->nskip++] = c;
	}
	for (i = 0; i < l->nskips; i++)
		free(l->skips[i].spec);
	free(l->skips);
}

/* Add cue c to the guards of set. */
static void
prompts_load_guard_add(struct match_set *set, struct match_cue *c)
{
	set->guards = prompts_file_grow(set->guards, set->nguards,
	    sizeof *set->guards);
	set->guards[set->nguards++] = c;
}

/* Attach its guard cues to each indicator. */
static void
prompts_load_guards(struct prompts_loader *l)
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
					prompts_load_guard_add(set,
					    l->p->cues[j]);
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
			if ((c = prompts_load_cue_find(l->p, w, len)) == NULL)
				prompts_file_problem(l->probs, "%s:%d: guard "
				    "names unknown cue '%.*s'",
				    l->guards[i].file, l->guards[i].line,
				    (int)len, w);
			else
				prompts_load_guard_add(set, c);
		}
	}
}

/* Check and keep the other sections of a file (the third pass). */
static void
prompts_load_sections(struct prompts_loader *l, const struct prompts_file *pf)
{
	struct prompts_section	*secs = pf->secs;
	size_t			 i;

	l->pf = pf;
	l->file = pf->path;
	l->file_area = -1;
	for (i = 0; i < pf->nsecs; i++) {
		switch (secs[i].kind) {
		case PROMPTS_AREA:
			prompts_load_area(l, &secs[i]);
			break;
		case PROMPTS_INDICATOR:
			prompts_load_indicator(l, &secs[i]);
			break;
		case PROMPTS_CUE:
			prompts_load_cue(l, &secs[i]);
			break;
		case PROMPTS_SCALE_SECTION:
			prompts_load_scale(l, &secs[i]);
			break;
		case PROMPTS_PLAN_SECTION:
			prompts_load_plan(l, &secs[i]);
			break;
		case PROMPTS_REPLIES_SECTION:
			prompts_load_replies(l, &secs[i]);
			break;
		case PROMPTS_READINESS_SECTION:
			prompts_load_score_readiness(l, &secs[i]);
			break;
		case PROMPTS_WEIGHTS_SECTION:
			prompts_load_score_weights(l, &secs[i]);
			break;
		case PROMPTS_MODEL_SECTION:
			prompts_load_score_model(l, &secs[i]);
			break;
		case PROMPTS_DEFINE:
		case PROMPTS_BAD:
			break;
		}
	}
}

/* Report each section of the folder that is missing. */
static void
prompts_load_missing(struct prompts_loader *l, const char *dir)
{
	struct prompts	*p = l->p;
	size_t		 i;
	int		 a;

	if (p->scale_file == NULL)
		prompts_file_problem(l->probs, "%s: no [scale] section in any "
		    "file", dir);
	if (p->plan.file == NULL)
		prompts_file_problem(l->probs, "%s: no [plan] section in any "
		    "file (expected in %s/plan%s)", dir, dir, PROMPTS_SUFFIX);
	if (l->replies_file == NULL)
		prompts_file_problem(l->probs, "%s: no [replies] section in "
		    "any file (expected in %s/replies%s)", dir, dir,
		    PROMPTS_SUFFIX);
	if (p->readiness.file == NULL)
		prompts_file_problem(l->probs, "%s: no [readiness] section in "
		    "any file (expected in %s/readiness%s)", dir, dir,
		    PROMPTS_SUFFIX);
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (p->areas[i].file == NULL)
			prompts_file_problem(l->probs, "%s: no [area] with id "
			    "= %s (expected in %s/%s%s)", dir,
			    framework_areas[i].id, dir, framework_areas[i].id,
			    PROMPTS_SUFFIX);
	}
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (p->indicators[i].file != NULL)
			continue;
		a = framework_indicators[i].area;
		if (a == FRAMEWORK_EVIDENCE)
			prompts_file_problem(l->probs, "%s: no [indicator %s] "
			    "section in any file", dir,
			    framework_indicators[i].id);
		else if (p->areas[a].file != NULL)
			prompts_file_problem(l->probs, "%s: no [indicator %s] "
			    "section", p->areas[a].file,
			    framework_indicators[i].id);
	}
}

/* Load a prompt folder; see prompts-load.h. */
struct prompts *
prompts_load(const char *dir, struct prompts_problems *probs, int flags)
{
	return prompts_load_cached(dir, probs, flags, NULL, NULL);
}

/* Load a prompt folder, compiled patterns cached; see prompts-load.h. */
struct prompts *
prompts_load_cached(const char *dir, struct prompts_problems *probs,
    int flags, const char *cache_path, struct match_cache_stats *stats)
{
	struct prompts_loader	 l = { 0 };
	struct prompts_file	*pf = NULL;
	struct prompts		*p;
	size_t			 i, before = probs->n;

	p = xcalloc(1, sizeof *p);
	p->dir = xstrdup(dir);
	l.p = p;
	l.probs = probs;
	if (cache_path != NULL)
		l.pats.cache = match_cache_open(cache_path,
		    MATCH_COMPILE_FLAGS);
	if (prompts_file_list(dir, &p->files, &p->nfiles, probs) != 0)
		goto out;

	/* Split every file; then definitions, which any pattern may call;
	 * then the rest. */
	pf = xcalloc(p->nfiles, sizeof *pf);
	for (i = 0; i < p->nfiles; i++)
		prompts_file_read(&pf[i], p->files[i], probs);
	for (i = 0; i < p->nfiles; i++)
		prompts_pattern_defines(&l.pats, &pf[i]);
	prompts_pattern_index(&l.pats, probs);
	for (i = 0; i < p->nfiles; i++)
		prompts_load_sections(&l, &pf[i]);
	prompts_load_guards(&l);
	prompts_load_skips(&l);
	prompts_load_missing(&l, dir);
out:
	for (i = 0; pf != NULL && i < p->nfiles; i++)
		prompts_file_free(&pf[i]);
	free(pf);
	prompts_pattern_free(&l.pats);
	if (l.pats.cache != NULL) {
		if (probs->n == before)
			(void)match_cache_save(l.pats.cache);
		if (stats != NULL)
			match_cache_stats(l.pats.cache, stats);
		match_cache_free(l.pats.cache);
	}
	for (i = 0; i < l.nguards; i++)
		free(l.guards[i].spec);
	free(l.guards);
	if (probs->n != before && !(flags & PROMPTS_PARTIAL)) {
		prompts_free(p);
		return NULL;
	}
	return p;
}

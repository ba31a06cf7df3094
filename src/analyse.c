/*
 * analyse.c: running every indicator over a text (see analyse.h).
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "match.h"
#include "util.h"

/* Analyse a text against every indicator. */
void
analyse_run(const struct prompts *p, const char *text, size_t len,
    struct analysis *a)
{
	struct match_hit	 hit;
	char			*cause;
	int			 i, rc;

	memset(a, 0, sizeof *a);
	a->prompts = p;
	a->text = text;
	a->len = len;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		cause = NULL;
		rc = match_set_find(&p->indicators[i].set, text, len, &hit,
		    &cause);
		if (rc == -1) {
			a->warnings = xreallocarray(a->warnings,
			    a->nwarnings + 1, sizeof *a->warnings);
			a->warnings[a->nwarnings++] = cause;
			rc = MATCH_NONE;
		}
		a->items[i].status = rc;
		if (rc != MATCH_NONE) {
			a->items[i].start = hit.start;
			a->items[i].end = hit.end;
		}
	}
}

/* Free an analysis's warnings. */
void
analyse_free(struct analysis *a)
{
	size_t	i;

	for (i = 0; i < a->nwarnings; i++)
		free(a->warnings[i]);
	free(a->warnings);
	a->warnings = NULL;
	a->nwarnings = 0;
}

/* Whether indicator i was shown. */
int
analyse_shown(const struct analysis *a, int i)
{
	return a->items[i].status == MATCH_FOUND;
}

/* Count the shown indicators of an area. */
int
analyse_count(const struct analysis *a, int area, int *total)
{
	int	i, shown = 0, n = 0;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		n++;
		shown += analyse_shown(a, i);
	}
	if (total != NULL)
		*total = n;
	return shown;
}

/* Whether byte c ends a phrase worth quoting. */
static int
analyse_is_stop(char c)
{
	return c != '\0' && strchr(".,;:!?()\"\n", c) != NULL;
}

/*
 * Move from offset across up to n words (backwards when dir is -1),
 * stopping at punctuation that ends a phrase.
 */
static size_t
analyse_widen(const char *t, size_t len, size_t off, int dir, int n)
{
	size_t	edge = off;

	while (n > 0) {
		if (dir < 0) {
			while (off > 0 && t[off - 1] == ' ')
				off--;
			if (off == 0 || analyse_is_stop(t[off - 1]))
				break;
			while (off > 0 && t[off - 1] != ' ' &&
			    !analyse_is_stop(t[off - 1]))
				off--;
		} else {
			while (off < len && t[off] == ' ')
				off++;
			if (off == len || analyse_is_stop(t[off]))
				break;
			while (off < len && t[off] != ' ' &&
			    !analyse_is_stop(t[off]))
				off++;
		}
		edge = off;
		n--;
	}
	return edge;
}

/* The candidate's words that showed indicator i, with a little context. */
char *
analyse_quote(const struct analysis *a, int i)
{
	const struct analysis_item	*it = &a->items[i];
	size_t				 s, e;

	if (it->status == MATCH_NONE)
		return xstrdup("");
	s = analyse_widen(a->text, a->len, it->start, -1, ANALYSE_QUOTE_WORDS);
	e = analyse_widen(a->text, a->len, it->end, 1, ANALYSE_QUOTE_WORDS);
	return util_squeeze(a->text + s, e - s, ANALYSE_QUOTE_MAX);
}

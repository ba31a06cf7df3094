/*
 * prompts-pattern.h: the prompt files' patterns, compiled with the
 * named sub-patterns of the [define] sections that they call.
 *
 * Any pattern may call a definition as (?&name), from any file: the
 * [define] sections of every file are kept first, then indexed (a name
 * defined twice is a problem, and the second is left out) and each
 * definition checked to compile on its own, so that a mistake is
 * reported at the definition's line.  Each pattern is then compiled
 * (match.h) with a (?(DEFINE)...) prefix holding the definitions it
 * calls, directly or through others, and nothing else.  Compiling all
 * of a folder takes time linear in its size, whatever its shape, and
 * stops at the limits of prompts-file.h (PROMPTS_MAX_DEFINES,
 * PROMPTS_MAX_PATTERNS, PROMPTS_MAX_EXPANDED).
 *
 * Patterns compiled before are taken from the cache, when one is set.
 *
 * Use: zero a struct prompts_patterns (and set its cache, if any);
 * prompts_pattern_defines for each file; prompts_pattern_index once;
 * then prompts_pattern_add for each pattern; prompts_pattern_free at
 * the end.
 *
 * Ownership: a struct prompts_patterns owns the definitions
 * (prompts_pattern_free) but not its cache; the patterns compiled
 * belong to the arrays they were added to.  Definitions point at their
 * file's path, which must outlive them.
 */
#ifndef DHCOACH_PROMPTS_PATTERN_H
#define DHCOACH_PROMPTS_PATTERN_H

#include <stddef.h>

#include "match-cache.h"
#include "match.h"
#include "prompts-file.h"

struct prompts_define;

/* The definitions of a folder, and the patterns compiled so far. */
struct prompts_patterns {
	struct prompts_define	*defines;
	size_t			 ndefines;
	size_t			*byname;	/* defines, sorted by name */
	size_t			 nbyname;
	unsigned		*seen;	/* per define: the walk that reached it */
	unsigned		 walk;
	size_t			*stack;
	size_t			 npatterns;	/* compiled or refused */
	struct match_cache	*cache;	/* compiled before, or NULL */
};

/* Keep the [define] sections of a file (problems go to pf->probs). */
void prompts_pattern_defines(struct prompts_patterns *,
    const struct prompts_file *pf);
/*
 * Index the definitions kept, once all are: report every name defined
 * twice, and every definition that does not compile.
 */
void prompts_pattern_index(struct prompts_patterns *,
    struct prompts_problems *probs);
/*
 * Compile pattern entry e of file pf, with the definitions it calls,
 * and append it to the growing array *pats of *npats; an empty pattern,
 * one past the limits or one that does not compile is a problem of pf's
 * and is left out.
 */
void prompts_pattern_add(struct prompts_patterns *,
    const struct prompts_file *pf, struct match_pattern **pats,
    size_t *npats, const struct prompts_entry *e);
/* Free the definitions (the struct is the caller's). */
void prompts_pattern_free(struct prompts_patterns *);

#endif

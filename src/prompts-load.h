/*
 * prompts-load.h: loading a prompt folder, all or nothing.
 *
 * Every *.prompts file of the folder is read, in name order, and every
 * section checked against the framework's ids and the rules of its
 * kind (dhcoach-prompts(5)).  Any problem (malformed line, unknown or
 * missing id, duplicate, pattern that does not compile, a file or
 * section past the documented limits of prompts-file.h) makes
 * prompts_load return NULL with every problem found listed as
 * "file:line: reason".  Nothing half-loaded is ever handed out.
 * Loading takes time linear in the size of the files, whatever their
 * shape.
 *
 * Ownership: the struct prompts returned is the caller's (prompts_free,
 * prompts.h).  Problem lists belong to the caller
 * (prompts_file_problems_free, prompts-file.h).
 */
#ifndef DHCOACH_PROMPTS_LOAD_H
#define DHCOACH_PROMPTS_LOAD_H

#include "match-cache.h"
#include "prompts-file.h"
#include "prompts.h"

/* Flags of prompts_load. */
#define PROMPTS_PARTIAL	0x1	/* keep what loaded despite problems */

/*
 * Load every *.prompts file in dir.  Returns the prompts, or NULL with the
 * problems added to *probs (at least one).  With PROMPTS_PARTIAL (for
 * check-prompts alone), returns what did load even when there were
 * problems, so that its samples can still be checked.
 */
struct prompts *prompts_load(const char *dir, struct prompts_problems *probs,
    int flags);
/*
 * The same, taking compiled patterns from the cache file at cache_path
 * (match-cache.h) and writing it afresh after a load with no problems
 * if it was out of date.  *stats (when not NULL) says what the cache
 * did.  The prompts loaded are the same with or without a cache.
 */
struct prompts *prompts_load_cached(const char *dir,
    struct prompts_problems *probs, int flags, const char *cache_path,
    struct match_cache_stats *stats);

#endif

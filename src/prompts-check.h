/*
 * prompts-check.h: the checks check-prompts runs on loaded prompts,
 * beyond what loading checks: that every embedded sample comes out as
 * it says, and that no pattern can take exponential time.
 *
 * Ownership: the prompts are only read; problems are added to the
 * caller's list (prompts-file.h).
 */
#ifndef DHCOACH_PROMPTS_CHECK_H
#define DHCOACH_PROMPTS_CHECK_H

#include <stddef.h>

#include "prompts-file.h"
#include "prompts.h"

/*
 * Run every embedded sample through its indicator's patterns and guards,
 * and the [plan] samples through the vague patterns.  Adds a problem for
 * each sample that comes out wrong; returns how many.
 */
size_t prompts_check_samples(const struct prompts *,
    struct prompts_problems *probs);
/*
 * Run every pattern, cue and stop pattern against hostile strings
 * (match_pattern_hostile); adds "file:line: pattern can take exponential
 * time" for each that hits the limit.  Returns how many.
 */
size_t prompts_check_hostile(const struct prompts *,
    struct prompts_problems *probs);

#endif

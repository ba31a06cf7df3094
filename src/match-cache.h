/*
 * match-cache.h: compiled patterns kept between runs.
 *
 * Compiling the prompt folder's thousand patterns is most of the time
 * dhcoach takes to start.  PCRE2 can write compiled code out and read it
 * back (pcre2_serialize(3)) in a small fraction of that, so the loader
 * keeps the folder's compiled patterns in a cache file and takes each
 * pattern from it when its full source is, byte for byte, the one
 * compiled before.  A changed prompt file compiles only what changed, and
 * the cache is written afresh for the next run.
 *
 * The cache is only ever a saving: a file that is missing, short, of
 * another PCRE2 or compile flags, not the user's own, writable by others,
 * or whose checksum does not match its bytes is ignored whole, and every
 * failure to write one is silent.  It is trusted as far as the user's
 * home folder is, no further.
 *
 * Use: match_cache_open; for each source match_cache_take (NULL: compile
 * it yourself) and match_cache_note; match_cache_save once the load is
 * known good; match_cache_free.
 *
 * Ownership: a struct match_cache owns the codes it read; a code taken
 * is a copy, the caller's; sources noted are copied.
 */
#ifndef DHCOACH_MATCH_CACHE_H
#define DHCOACH_MATCH_CACHE_H

#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

struct match_cache;

/* What a cache did, for tests and benchmarks. */
struct match_cache_stats {
	size_t	read;		/* codes read from the file */
	size_t	taken;		/* sources found in it (twins count twice) */
	size_t	missed;		/* sources compiled afresh */
	int	written;	/* the file was written by match_cache_save */
};

/*
 * The cache file in cache_dir for the prompt folder folder (a new
 * string): one file per folder, named after its real path.
 */
char *match_cache_path(const char *cache_dir, const char *folder);
/*
 * A cache over the file at path, for patterns compiled with flags
 * (pcre2_compile options); a file that cannot be used gives an empty
 * cache.  Never NULL.
 */
struct match_cache *match_cache_open(const char *path, uint32_t flags);
/* The compiled code for src (a new code, the caller's), or NULL. */
pcre2_code *match_cache_take(struct match_cache *, const char *src);
/* Note src as a source of this load, to be kept in the file. */
void match_cache_note(struct match_cache *, const char *src);
/*
 * Write the file afresh if this load's sources differ from the file's:
 * each noted source is compiled again (codes read from a file cannot be
 * written out again).  Returns 0, or -1 (and errno) when writing failed;
 * callers may ignore it.
 */
int match_cache_save(struct match_cache *);
/* What the cache did so far. */
void match_cache_stats(const struct match_cache *,
    struct match_cache_stats *);
void match_cache_free(struct match_cache *);

#endif

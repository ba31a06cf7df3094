/*
 * match-cache.c: compiled patterns kept between runs (see match-cache.h).
 *
 * The file, in the machine's own byte order:
 *
 *	header	"dhcpat1" NUL, u32 byte-order mark, u32 compile flags,
 *		u64 entries, u64 bytes after the header, u64 checksum of
 *		those bytes
 *	entries	per source, sorted by hash: u64 hash, u64 length
 *	sources	each source in entry order, NUL-terminated
 *	codes	pcre2_serialize_encode of the codes, in entry order
 *
 * Invariants: entries are sorted by hash, so a source is found by binary
 * search; each is unique; the cache keeps its codes and hands out copies.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "match-cache.h"
#include "util.h"

#define MATCH_CACHE_MAGIC	"dhcpat1"
#define MATCH_CACHE_ORDER	0x01020304u
#define MATCH_CACHE_HEADER	40
#define MATCH_CACHE_ENTRY	16
/* A cache file larger than this is not one of ours. */
#define MATCH_CACHE_MAX		(64L << 20)

struct match_cache_entry {
	uint64_t	 hash;
	const char	*src;
	size_t		 len;
	pcre2_code	*code;
	int		 used;	/* taken at least once */
};

struct match_cache {
	char				*path;
	uint32_t			 flags;
	char				*bytes;	/* the file as read */
	struct match_cache_entry	*v;
	size_t				 n;
	pcre2_code			**codes;	/* as decoded */
	char				**notes;	/* this load's sources */
	size_t				 nnotes;
	size_t				 used;	/* entries taken */
	int				 dirty;	/* a source not in the file */
	struct match_cache_stats	 stats;
};

/* FNV-1a over 64-bit words, then the tail bytes. */
static uint64_t
match_cache_hash(const void *p, size_t len)
{
	const unsigned char	*s = p;
	uint64_t		 h = 0xcbf29ce484222325ULL, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; len > 0; s++, len--)
		h = (h ^ *s) * 0x100000001b3ULL;
	return h;
}

static uint64_t
match_cache_u64(const char *p)
{
	uint64_t	v;

	memcpy(&v, p, sizeof v);
	return v;
}

static uint32_t
match_cache_u32(const char *p)
{
	uint32_t	v;

	memcpy(&v, p, sizeof v);
	return v;
}

/* Read the whole file, if it is the user's own and nobody else can write it. */
static char *
match_cache_slurp(const char *path, size_t *size)
{
	struct stat	 sb;
	char		*buf;
	ssize_t		 r;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_uid != geteuid() || (sb.st_mode & 022) != 0 ||
	    sb.st_size < MATCH_CACHE_HEADER || sb.st_size > MATCH_CACHE_MAX) {
		close(fd);
		return NULL;
	}
	*size = (size_t)sb.st_size;
	buf = xmalloc(*size);
	while (got < *size) {
		if ((r = read(fd, buf + got, *size - got)) <= 0) {
			if (r == -1 && errno == EINTR)
				continue;
			break;
		}
		got += (size_t)r;
	}
	close(fd);
	if (got != *size) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Check the file read and index it; 0 when every part of it holds. */
static int
match_cache_index(struct match_cache *c, size_t size)
{
	const char	*b = c->bytes, *rest = b + MATCH_CACHE_HEADER, *src;
	uint64_t	 n, restlen, len;
	size_t		 i, at;
	int32_t		 got;

	if (memcmp(b, MATCH_CACHE_MAGIC, 8) != 0 ||
	    match_cache_u32(b + 8) != MATCH_CACHE_ORDER ||
	    match_cache_u32(b + 12) != c->flags)
		return -1;
	n = match_cache_u64(b + 16);
	restlen = match_cache_u64(b + 24);
	if (restlen != size - MATCH_CACHE_HEADER || n == 0 ||
	    n > restlen / MATCH_CACHE_ENTRY ||
	    match_cache_hash(rest, restlen) != match_cache_u64(b + 32))
		return -1;
	c->v = xcalloc(n, sizeof *c->v);
	at = n * MATCH_CACHE_ENTRY;
	for (i = 0; i < n; i++) {
		c->v[i].hash = match_cache_u64(rest + i * MATCH_CACHE_ENTRY);
		len = match_cache_u64(rest + i * MATCH_CACHE_ENTRY + 8);
		if (len >= restlen - at || rest[at + len] != '\0' ||
		    (i > 0 && c->v[i].hash < c->v[i - 1].hash))
			return -1;
		src = rest + at;
		if (strlen(src) != len)
			return -1;
		c->v[i].src = src;
		c->v[i].len = len;
		at += len + 1;
	}
	if (at >= restlen || pcre2_serialize_get_number_of_codes(
	    (const uint8_t *)rest + at) != (int32_t)n)
		return -1;
	c->codes = xcalloc(n, sizeof *c->codes);
	got = pcre2_serialize_decode(c->codes, (int32_t)n,
	    (const uint8_t *)rest + at, NULL);
	if (got != (int32_t)n)
		return -1;
	for (i = 0; i < n; i++)
		c->v[i].code = c->codes[i];
	c->n = n;
	c->stats.read = n;
	return 0;
}

/* The cache file for a prompt folder; see match-cache.h. */
char *
match_cache_path(const char *cache_dir, const char *folder)
{
	char		*real;
	uint64_t	 h;

	if ((real = realpath(folder, NULL)) == NULL)
		real = xstrdup(folder);
	h = match_cache_hash(real, strlen(real));
	free(real);
	return xasprintf("%s/patterns-%016llx.bin", cache_dir,
	    (unsigned long long)h);
}

/* Open a cache; see match-cache.h. */
struct match_cache *
match_cache_open(const char *path, uint32_t flags)
{
	struct match_cache	*c;
	size_t			 size = 0;

	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->flags = flags;
	if ((c->bytes = match_cache_slurp(path, &size)) != NULL &&
	    match_cache_index(c, size) != 0) {
		free(c->v);
		free(c->codes);
		c->v = NULL;
		c->codes = NULL;
		c->n = 0;
	}
	return c;
}

/* The first entry whose hash is h, or c->n. */
static size_t
match_cache_find(const struct match_cache *c, uint64_t h)
{
	size_t	lo = 0, hi = c->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->v[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Take the code for src; see match-cache.h. */
pcre2_code *
match_cache_take(struct match_cache *c, const char *src)
{
	size_t		 len = strlen(src), i;
	uint64_t	 h = match_cache_hash(src, len);
	pcre2_code	*code;

	for (i = match_cache_find(c, h); i < c->n && c->v[i].hash == h; i++) {
		if (c->v[i].len != len || memcmp(c->v[i].src, src, len) != 0)
			continue;
		if ((code = pcre2_code_copy(c->v[i].code)) == NULL)
			fatalx("out of memory");
		if (!c->v[i].used) {
			c->v[i].used = 1;
			c->used++;
		}
		c->stats.taken++;
		return code;
	}
	c->dirty = 1;
	c->stats.missed++;
	return NULL;
}

/* Note a source of this load; see match-cache.h. */
void
match_cache_note(struct match_cache *c, const char *src)
{
	if ((c->nnotes & (c->nnotes - 1)) == 0)
		c->notes = xreallocarray(c->notes, c->nnotes == 0 ? 1 :
		    c->nnotes * 2, sizeof *c->notes);
	c->notes[c->nnotes++] = xstrdup(src);
}

/* Order notes by hash, then bytes, so that twins sit together. */
static int
match_cache_note_cmp(const void *a, const void *b)
{
	const char	*x = *(char *const *)a, *y = *(char *const *)b;
	uint64_t	 hx = match_cache_hash(x, strlen(x));
	uint64_t	 hy = match_cache_hash(y, strlen(y));

	if (hx != hy)
		return hx < hy ? -1 : 1;
	return strcmp(x, y);
}

/* Make the temporary file beside path that the cache is written to. */
static int
match_cache_tmp(const char *path, char **tmp)
{
	char	*dir, *slash;
	int	 fd, saved;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		if (util_mkdirs(dir, 0700) != 0) {
			saved = errno;
			free(dir);
			errno = saved;
			return -1;
		}
	}
	free(dir);
	*tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkstemp(*tmp)) == -1) {
		saved = errno;
		free(*tmp);
		*tmp = NULL;
		errno = saved;
	}
	return fd;
}

/* Write buf to fd, then rename tmp over path; tmp is removed on failure. */
static int
match_cache_write(int fd, const char *tmp, const char *path, const char *buf,
    size_t len)
{
	ssize_t	w;
	size_t	done = 0;
	int	saved;

	while (done < len) {
		if ((w = write(fd, buf + done, len - done)) <= 0) {
			if (w == -1 && errno == EINTR)
				continue;
			break;
		}
		done += (size_t)w;
	}
	saved = done == len ? 0 : (errno != 0 ? errno : EIO);
	if (close(fd) != 0 && saved == 0)
		saved = errno;
	if (saved == 0 && rename(tmp, path) != 0)
		saved = errno;
	if (saved != 0)
		(void)unlink(tmp);
	errno = saved;
	return saved == 0 ? 0 : -1;
}

/* Write the cache afresh when it changed; see match-cache.h. */
int
match_cache_save(struct match_cache *c)
{
	struct buf	  b = { 0 };
	pcre2_code	**codes;
	PCRE2_SIZE	  erroff, blobsize;
	uint8_t		 *blob = NULL;
	size_t		  i, k = 0, srcbytes = 0;
	uint64_t	  v64;
	uint32_t	  v32;
	int		  errcode, fd, rc = -1;
	char		**u, *tmp = NULL;

	if (c->nnotes == 0 || (!c->dirty && c->used == c->n))
		return 0;
	/* Nowhere to write: no time spent compiling for it. */
	if ((fd = match_cache_tmp(c->path, &tmp)) == -1)
		return -1;
	qsort(c->notes, c->nnotes, sizeof *c->notes, match_cache_note_cmp);
	u = xcalloc(c->nnotes, sizeof *u);
	codes = xcalloc(c->nnotes, sizeof *codes);
	for (i = 0; i < c->nnotes; i++) {
		if (k > 0 && strcmp(u[k - 1], c->notes[i]) == 0)
			continue;
		codes[k] = pcre2_compile((PCRE2_SPTR)c->notes[i],
		    PCRE2_ZERO_TERMINATED, c->flags, &errcode, &erroff, NULL);
		if (codes[k] == NULL)
			continue;
		u[k++] = c->notes[i];
	}
	if (k == 0 || pcre2_serialize_encode((const pcre2_code **)codes,
	    (int32_t)k, &blob, &blobsize, NULL) != (int32_t)k) {
		close(fd);
		(void)unlink(tmp);
		errno = EINVAL;
		goto out;
	}

	/* The header, with the checksum filled in last. */
	buf_add(&b, MATCH_CACHE_MAGIC, 8);
	v32 = MATCH_CACHE_ORDER;
	buf_add(&b, (const char *)&v32, 4);
	buf_add(&b, (const char *)&c->flags, 4);
	v64 = k;
	buf_add(&b, (const char *)&v64, 8);
	for (i = 0; i < k; i++)
		srcbytes += strlen(u[i]) + 1;
	v64 = k * MATCH_CACHE_ENTRY + srcbytes + blobsize;
	buf_add(&b, (const char *)&v64, 8);
	buf_add(&b, "\0\0\0\0\0\0\0\0", 8);
	for (i = 0; i < k; i++) {
		v64 = match_cache_hash(u[i], strlen(u[i]));
		buf_add(&b, (const char *)&v64, 8);
		v64 = strlen(u[i]);
		buf_add(&b, (const char *)&v64, 8);
	}
	for (i = 0; i < k; i++)
		buf_add(&b, u[i], strlen(u[i]) + 1);
	buf_add(&b, (const char *)blob, blobsize);
	v64 = match_cache_hash(b.data + MATCH_CACHE_HEADER,
	    b.len - MATCH_CACHE_HEADER);
	memcpy(b.data + 32, &v64, 8);
	if ((rc = match_cache_write(fd, tmp, c->path, b.data, b.len)) == 0)
		c->stats.written = 1;
out:
	free(tmp);
	pcre2_serialize_free(blob);
	for (i = 0; i < k; i++)
		pcre2_code_free(codes[i]);
	free(codes);
	free(u);
	buf_free(&b);
	return rc;
}

/* What the cache did; see match-cache.h. */
void
match_cache_stats(const struct match_cache *c, struct match_cache_stats *s)
{
	*s = c->stats;
}

/* Free a cache, and every code not taken. */
void
match_cache_free(struct match_cache *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		pcre2_code_free(c->v[i].code);
	for (i = 0; i < c->nnotes; i++)
		free(c->notes[i]);
	free(c->notes);
	free(c->codes);
	free(c->v);
	free(c->bytes);
	free(c->path);
	free(c);
}

/*
 * util.c: allocation that cannot fail, fatal errors, growable strings,
 * text layout and the user's folders (see util.h).
 *
 * Out of memory and impossible states end the program here (the first of
 * the three error tiers); everything else returns errors to its caller.
 * Invariants: a struct buf's data is NUL-terminated whenever it is not
 * NULL; text is measured in characters of UTF-8, a byte of invalid UTF-8
 * counting as one; the wrappers break lines only between words.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* Exit status for internal errors (out of memory, impossible states). */
#define UTIL_EXIT_INTERNAL 70

/* Allocate n bytes or die. */
void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		fatal("out of memory");
	return p;
}

/* Allocate a zeroed array or die. */
void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if ((p = calloc(nmemb == 0 ? 1 : nmemb, size == 0 ? 1 : size)) == NULL)
		fatal("out of memory");
	return p;
}

/* Resize an array, checking the multiplication for overflow, or die. */
void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		fatalx("allocation too large");
	if ((p = realloc(p, nmemb * size == 0 ? 1 : nmemb * size)) == NULL)
		fatal("out of memory");
	return p;
}

/* Duplicate a string or die. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Duplicate the first n bytes of s as a string, or die. */
char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Format into a new string, or die. */
char *
xvasprintf(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) == -1)
		fatal("out of memory");
	return s;
}

/* Format into a new string, or die. */
char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

/* Report an internal error with errno's text and exit. */
void
fatal(const char *fmt, ...)
{
	va_list	ap;
	int	saved = errno;

	fflush(stdout);
	fprintf(stderr, "%s: ", PROGNAME);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(saved));
	exit(UTIL_EXIT_INTERNAL);
}

/* Report an internal error and exit. */
void
fatalx(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", PROGNAME);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(UTIL_EXIT_INTERNAL);
}

/* Make room for n more bytes and the terminating NUL. */
static void
buf_grow(struct buf *b, size_t n)
{
	if (b->len + n + 1 <= b->size)
		return;
	if (n > SIZE_MAX / 2 - b->len)
		fatalx("string too long");
	while (b->len + n + 1 > b->size)
		b->size = b->size == 0 ? 64 : b->size * 2;
	b->data = xreallocarray(b->data, b->size, 1);
}

/* Append n bytes. */
void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append a string. */
void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Append one byte. */
void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

/* Append formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

/* Give the string to the caller; the buf is left empty. */
char *
buf_take(struct buf *b)
{
	char	*s;

	if (b->data == NULL)
		return xstrdup("");
	s = b->data;
	b->data = NULL;
	b->len = b->size = 0;
	return s;
}

/* Free the buf's memory. */
void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->size = 0;
}

/* Read a whole stream into memory, refusing more than max bytes. */
int
util_read_stream(FILE *f, size_t max, char **out, size_t *outlen)
{
	struct buf	b = { 0 };
	char		chunk[8192];
	size_t		n;

	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			buf_free(&b);
			errno = EFBIG;
			return -1;
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(f)) {
		int saved = errno;
		buf_free(&b);
		errno = saved != 0 ? saved : EIO;
		return -1;
	}
	*outlen = b.len;
	*out = buf_take(&b);
	return 0;
}

/* Whether c is ASCII white space (the C locale's isspace, without a locale). */
static int
util_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/* Whether the bytes are all white space (or there are none). */
int
util_is_blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (!util_space(s[i]))
			return 0;
	}
	return 1;
}

/* Length of the valid UTF-8 character at s, or 0 when it is not valid. */
size_t
util_utf8_len(const char *s, size_t avail)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n, i;
	uint32_t		 cp;

	if (avail == 0)
		return 0;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2;
		cp = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3;
		cp = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4;
		cp = u[0] & 0x07;
	} else
		return 0;
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (u[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* Fold white space, trim, and cut to about max bytes on a boundary. */
char *
util_squeeze(const char *s, size_t len, size_t max)
{
	struct buf	b = { 0 };
	size_t		i, n;
	int		space = 0;

	for (i = 0; i < len; i += n) {
		n = util_utf8_len(s + i, len - i);
		if (n == 0)
			n = 1;
		if (n == 1 && util_space(s[i])) {
			space = b.len > 0;
			continue;
		}
		if (b.len + (space ? 1 : 0) + n > max) {
			buf_adds(&b, "...");
			break;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		buf_add(&b, s + i, n);
	}
	return buf_take(&b);
}

/* Display columns of s[0..len): one per character; see util.h. */
int
util_columns(const char *s, size_t len)
{
	size_t	i, n;
	int	cols = 0;

	for (i = 0; i < len; i += n) {
		if ((unsigned char)s[i] < 0x80)
			n = 1;		/* ASCII, the common case */
		else if ((n = util_utf8_len(s + i, len - i)) == 0)
			n = 1;
		cols++;
	}
	return cols;
}

/*
 * Whether the n bytes of valid UTF-8 at s are a control character:
 * C0 (but tab and line feed), DEL, or C1 (U+0080 to U+009F).
 */
static int
util_is_control(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (n == 1)
		return (u[0] < 0x20 && u[0] != '\t' && u[0] != '\n') ||
		    u[0] == 0x7f;
	return n == 2 && u[0] == 0xc2 && u[1] < 0xa0;
}

/* Copy text for a terminal, controls and invalid UTF-8 as U+FFFD. */
char *
util_printable(const char *s, size_t len)
{
	struct buf	b = { 0 };
	size_t		i, n, run = 0;

	/* Bytes that pass are copied a run at a time. */
	buf_grow(&b, len);
	for (i = 0; i < len; i += n) {
		n = util_utf8_len(s + i, len - i);
		if (n == 1 && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') {
			/* CR LF is a line break: keep the LF */
			buf_add(&b, s + run, i - run);
			run = i + 1;
			continue;
		}
		if (n == 0 || util_is_control(s + i, n)) {
			buf_add(&b, s + run, i - run);
			buf_adds(&b, "\xef\xbf\xbd");
			if (n == 0)
				n = 1;
			run = i + n;
		}
	}
	buf_add(&b, s + run, len - run);
	return buf_take(&b);
}

/*
 * The length of the word at s, which ends at white space; with groups,
 * a space inside [brackets] does not end it, so that "[--area ID]" of a
 * usage line is kept whole.
 */
static size_t
util_word_len(const char *s, int groups)
{
	size_t	len;
	int	depth = 0;

	for (len = 0; s[len] != '\0'; len++) {
		if (util_space(s[len]) && s[len] != '\v' && s[len] != '\f' &&
		    (depth == 0 || s[len] != ' '))
			break;
		if (groups && s[len] == '[')
			depth++;
		else if (groups && s[len] == ']' && depth > 0)
			depth--;
	}
	return len;
}

/* Write n spaces to f, whose lock the caller holds. */
static void
util_spaces(FILE *f, int n)
{
	while (n-- > 0)
		putc_unlocked(' ', f);
}

/*
 * Write the words of text, lead spaces before the first, from column
 * col, breaking the line only between words when the next would pass
 * width; a line always takes at least one word, however long.
 */
static void
util_wrap_words(FILE *f, const char *text, int lead, int col, int indent,
    int width, int groups)
{
	const char	*s = text, *w;
	size_t		 wlen;
	int		 wcols, fresh = 1;

	/* One lock for the whole text, not one per word. */
	flockfile(f);
	for (;;) {
		s += strspn(s, " \t\r\n");
		if (*s == '\0')
			break;
		w = s;
		wlen = util_word_len(s, groups);
		s += wlen;
		wcols = util_columns(w, wlen);
		if (!fresh && col + 1 + wcols > width) {
			putc_unlocked('\n', f);
			util_spaces(f, indent);
			col = indent;
			fresh = 1;
		}
		if (lead > 0) {
			util_spaces(f, lead);
			lead = 0;
		} else if (!fresh) {
			putc_unlocked(' ', f);
			col++;
		}
		fwrite_unlocked(w, 1, wlen, f);
		col += wcols;
		fresh = 0;
	}
	putc_unlocked('\n', f);
	funlockfile(f);
}

/* Write text wrapped at width; see util.h. */
void
util_wrap(FILE *f, const char *text, int first_indent, int indent, int width)
{
	util_wrap_words(f, text, first_indent, first_indent, indent, width, 0);
}

/* Write text from column col, wrapped at width; see util.h. */
void
util_wrap_at(FILE *f, const char *text, int col, int indent, int width)
{
	util_wrap_words(f, text, 0, col, indent, width, 0);
}

/* Print one row of a help table; see util.h. */
void
util_help_row(FILE *f, const char *name, const char *args,
    const char *summary, int width)
{
	int	col;

	/* The name, then its arguments wrapped beneath their start. */
	fprintf(f, "  %s", name);
	col = 2 + util_columns(name, strlen(name));
	if (args != NULL && !util_is_blank(args, strlen(args))) {
		fputc(' ', f);
		col++;
		util_wrap_words(f, args, 0, col, col < width / 2 ? col : 6,
		    width, 1);
	} else
		fputc('\n', f);

	/* The summary below, indented. */
	if (summary != NULL && !util_is_blank(summary, strlen(summary)))
		util_wrap(f, summary, 6, 6, width);
}

/* ASCII c in lower case. */
static int
util_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * The edit distance between a and b, ignoring ASCII case, counted in
 * bytes, or max + 1 when it is more than max; see util.h.
 */
int
util_distance(const char *a, const char *b, int max)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j;
	int	*row, diag, up, d, best;

	if (max < 0)
		max = 0;
	if ((la > lb ? la - lb : lb - la) > (size_t)max)
		return max + 1;

	/* One row of the table, the cost of a[0..i) against b[0..j). */
	row = xreallocarray(NULL, lb + 1, sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = j <= (size_t)max ? (int)j : max + 1;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i <= (size_t)max ? (int)i : max + 1;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			up = row[j];
			d = diag + (util_lower((unsigned char)a[i - 1]) !=
			    util_lower((unsigned char)b[j - 1]));
			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d > max ? max + 1 : d;
			diag = up;
			if (row[j] < best)
				best = row[j];
		}
		if (best > max)
			break;	/* every path already costs too much */
	}
	d = i <= la ? max + 1 : row[lb];
	free(row);
	return d;
}

/* Create a folder and its missing parents; see util.h. */
int
util_mkdirs(const char *path, mode_t mode)
{
	struct stat	 sb;
	char		*p, *s;
	int		 rc = 0, last, saved;

	if (*path == '\0') {
		errno = ENOENT;
		return -1;
	}
	p = xstrdup(path);
	s = p;
	for (;;) {
		/* The next component: make it unless it is there. */
		s += strspn(s, "/");
		s += strcspn(s, "/");
		last = s[strspn(s, "/")] == '\0';
		*s = '\0';
		if (stat(p, &sb) != 0) {
			if (errno != ENOENT || (mkdir(p, mode) != 0 &&
			    (errno != EEXIST || stat(p, &sb) != 0 ||
			    !S_ISDIR(sb.st_mode)))) {
				rc = -1;
				break;
			}
		} else if (!S_ISDIR(sb.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
			break;
		}
		if (last)
			break;
		*s = '/';
	}
	saved = errno;
	free(p);
	errno = saved;
	return rc;
}

/* dhcoach's folder under $env (if absolute), else under ~/fallback. */
static char *
util_xdg_dir(const char *env, const char *fallback)
{
	const char	*base = getenv(env), *home;
	struct passwd	*pw;
	size_t		 len;

	if (base != NULL && base[0] == '/') {
		len = strlen(base);
		while (len > 1 && base[len - 1] == '/')
			len--;
		return xasprintf("%.*s/%s", (int)len, base, PROGNAME);
	}
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		pw = getpwuid(getuid());
		home = pw != NULL ? pw->pw_dir : NULL;
	}
	if (home == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/%s/%s", home, fallback, PROGNAME);
}

/* dhcoach's state folder; see util.h. */
char *
util_state_dir(void)
{
	return util_xdg_dir("XDG_STATE_HOME", ".local/state");
}

/* dhcoach's cache folder; see util.h. */
char *
util_cache_dir(void)
{
	return util_xdg_dir("XDG_CACHE_HOME", ".cache");
}

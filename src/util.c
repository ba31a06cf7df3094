/*
 * util.c: allocation that cannot fail, fatal errors, growable strings.
 *
 * Out of memory and impossible states end the program here (the first of
 * the three error tiers); everything else returns errors to its caller.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Whether the bytes are all white space (or there are none). */
int
util_is_blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (strchr(" \t\r\n\v\f", s[i]) == NULL || s[i] == '\0')
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
		if (n == 1 && strchr(" \t\r\n\v\f", s[i]) != NULL &&
		    s[i] != '\0') {
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

/* Display columns of s[0..len): one per character (bytes of invalid UTF-8 count one each). */
static int
util_columns(const char *s, size_t len)
{
	size_t	i, n;
	int	cols = 0;

	for (i = 0; i < len; i += n) {
		if ((n = util_utf8_len(s + i, len - i)) == 0)
			n = 1;
		cols++;
	}
	return cols;
}

/* Write text wrapped at width; see util.h. */
void
util_wrap(FILE *f, const char *text, int first_indent, int indent, int width)
{
	fprintf(f, "%*s", first_indent, "");
	util_wrap_at(f, text, first_indent, indent, width);
}

/* Write text from column col, wrapped at width; see util.h. */
void
util_wrap_at(FILE *f, const char *text, int col, int indent, int width)
{
	const char	*s = text, *w;
	size_t		 wlen;
	int		 wcols, fresh = 1;

	for (;;) {
		s += strspn(s, " \t\r\n");
		if (*s == '\0')
			break;
		w = s;
		wlen = strcspn(s, " \t\r\n");
		s += wlen;
		wcols = util_columns(w, wlen);
		if (!fresh && col + 1 + wcols > width) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
			fresh = 1;
		}
		if (!fresh) {
			fputc(' ', f);
			col++;
		}
		fwrite(w, 1, wlen, f);
		col += wcols;
		fresh = 0;
	}
	fputc('\n', f);
}

/*
 * json.c: the one JSON writer (see json.h).
 *
 * Invariants: j->count[d] is the number of values (or keys) written at
 * nesting level d, so a comma goes before every one but the first; a
 * key leaves j->key set until its value is written, so no comma comes
 * between them.  Strings are always valid UTF-8 JSON: every control
 * character (C0, DEL, C1) escaped, U+2028 and U+2029 too (for readers
 * that take JSON as JavaScript), and invalid UTF-8 replaced by U+FFFD.
 */
#include <inttypes.h>
#include <string.h>

#include "json.h"
#include "util.h"

/* Start writing to f. */
void
json_init(struct json *j, FILE *f)
{
	memset(j, 0, sizeof *j);
	j->f = f;
}

/* Write what comes before a value or key: a comma, a line break. */
static void
json_before(struct json *j)
{
	if (j->key) {
		j->key = 0;
		return;
	}
	if (j->depth > 0 && j->count[j->depth - 1]++ > 0)
		fputc(',', j->f);
	if (j->newline) {
		fputc('\n', j->f);
		j->newline = 0;
	}
}

/* Open an object or array with c. */
static void
json_begin(struct json *j, char c)
{
	if (j->depth >= JSON_MAX_DEPTH)
		fatalx("json: nested more than %d deep", JSON_MAX_DEPTH);
	json_before(j);
	fputc(c, j->f);
	j->count[j->depth++] = 0;
}

/* Close an object or array with c. */
static void
json_close(struct json *j, char c)
{
	if (j->depth == 0 || j->key)
		fatalx("json: '%c' with nothing open, or a key without a value",
		    c);
	j->depth--;
	if (j->newline) {
		fputc('\n', j->f);
		j->newline = 0;
	}
	fputc(c, j->f);
}

/* Begin an object. */
void
json_object_begin(struct json *j)
{
	json_begin(j, '{');
}

/* End an object. */
void
json_object_end(struct json *j)
{
	json_close(j, '}');
}

/* Begin an array. */
void
json_array_begin(struct json *j)
{
	json_begin(j, '[');
}

/* End an array. */
void
json_array_end(struct json *j)
{
	json_close(j, ']');
}

/* Write an object's key; its value comes next. */
void
json_key(struct json *j, const char *key)
{
	if (j->key)
		fatalx("json: key '%s' after a key", key);
	json_before(j);
	json_put_string(j->f, key, strlen(key));
	fputc(':', j->f);
	j->key = 1;
}

/* Write a string, or null for NULL. */
void
json_string(struct json *j, const char *s)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	json_string_len(j, s, strlen(s));
}

/* Write s[0..len) as a string. */
void
json_string_len(struct json *j, const char *s, size_t len)
{
	json_before(j);
	json_put_string(j->f, s, len);
}

/* Write an integer. */
void
json_int(struct json *j, int64_t v)
{
	json_before(j);
	fprintf(j->f, "%" PRId64, v);
}

/* Write true or false. */
void
json_bool(struct json *j, int v)
{
	json_before(j);
	fputs(v ? "true" : "false", j->f);
}

/* Write null. */
void
json_null(struct json *j)
{
	json_before(j);
	fputs("null", j->f);
}

/* Break the line before the next value or closing bracket. */
void
json_newline(struct json *j)
{
	j->newline = 1;
}

/* End the document with a line break. */
void
json_end(struct json *j)
{
	if (j->depth != 0 || j->key)
		fatalx("json: the document ended with %d left open", j->depth);
	fputc('\n', j->f);
}

/* Write the valid character of n bytes at s, escaped when it is a control. */
static void
json_put_char(FILE *f, const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (n == 2 && u[0] == 0xc2 && u[1] < 0xa0)
		fprintf(f, "\\u%04x", u[1]);	/* C1 controls */
	else if (n == 3 && u[0] == 0xe2 && u[1] == 0x80 &&
	    (u[2] == 0xa8 || u[2] == 0xa9))
		fprintf(f, "\\u%04x", 0x2000 + (u[2] & 0x3f));
	else if (n > 1)
		fwrite(s, 1, n, f);
	else if (u[0] == '"' || u[0] == '\\')
		fprintf(f, "\\%c", u[0]);
	else if (u[0] == '\n')
		fputs("\\n", f);
	else if (u[0] == '\t')
		fputs("\\t", f);
	else if (u[0] == '\r')
		fputs("\\r", f);
	else if (u[0] < 0x20 || u[0] == 0x7f)
		fprintf(f, "\\u%04x", u[0]);
	else
		fputc(u[0], f);
}

/* Write s[0..len) as a JSON string. */
void
json_put_string(FILE *f, const char *s, size_t len)
{
	size_t	i, n;

	fputc('"', f);
	for (i = 0; i < len; i += n) {
		if ((n = util_utf8_len(s + i, len - i)) == 0) {
			fputs("\xef\xbf\xbd", f);
			n = 1;
		} else
			json_put_char(f, s + i, n);
	}
	fputc('"', f);
}

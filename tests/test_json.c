/*
 * test_json.c: the one JSON writer: commas, colons and nesting placed
 * for every kind of value, line breaks where asked, and strings always
 * valid: every control character escaped (short forms for \n \t \r \"
 * and \\, \u00XX for the rest, DEL and C1 included), invalid UTF-8 -
 * overlong forms, surrogates, stray and truncated bytes - replaced by
 * U+FFFD.  A small strict JSON reader checks every document, and
 * random bytes.  Needs json.o and util.o.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

/* U+FFFD, the replacement character. */
#define RC	"\xef\xbf\xbd"

static const char *check_value(const char *);

/* Skip JSON white space. */
static const char *
check_ws(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/*
 * Read a string strictly: no raw byte below 0x20, only JSON's escapes,
 * valid UTF-8; and, stricter than JSON, no raw DEL or C1 control.
 * Returns the end, or NULL.
 */
static const char *
check_string(const char *s)
{
	size_t	n;
	int	i;

	if (*s++ != '"')
		return NULL;
	while (*s != '"') {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return NULL;
		if (*s == '\\') {
			s++;
			if (*s == 'u') {
				for (i = 1; i <= 4; i++)
					if (strchr("0123456789abcdefABCDEF",
					    s[i]) == NULL || s[i] == '\0')
						return NULL;
				s += 5;
			} else if (*s != '\0' &&
			    strchr("\"\\/bfnrt", *s) != NULL)
				s++;
			else
				return NULL;
			continue;
		}
		if ((n = util_utf8_len(s, strlen(s))) == 0)
			return NULL;
		if (n == 2 && (unsigned char)s[0] == 0xc2 &&
		    (unsigned char)s[1] < 0xa0)
			return NULL;
		s += n;
	}
	return s + 1;
}

/* Read the members of an object or the items of an array up to close. */
static const char *
check_members(const char *s, char close, int keys)
{
	s = check_ws(s);
	if (*s == close)
		return s + 1;
	for (;;) {
		if (keys) {
			if ((s = check_string(check_ws(s))) == NULL)
				return NULL;
			s = check_ws(s);
			if (*s++ != ':')
				return NULL;
		}
		if ((s = check_value(s)) == NULL)
			return NULL;
		s = check_ws(s);
		if (*s == close)
			return s + 1;
		if (*s++ != ',')
			return NULL;
	}
}

/* Read one value strictly; the end, or NULL. */
static const char *
check_value(const char *s)
{
	s = check_ws(s);
	if (*s == '{')
		return check_members(s + 1, '}', 1);
	if (*s == '[')
		return check_members(s + 1, ']', 0);
	if (*s == '"')
		return check_string(s);
	if (strncmp(s, "true", 4) == 0 || strncmp(s, "null", 4) == 0)
		return s + 4;
	if (strncmp(s, "false", 5) == 0)
		return s + 5;
	if (*s == '-')
		s++;
	if (*s < '0' || *s > '9' || (*s == '0' && s[1] >= '0' && s[1] <= '9'))
		return NULL;
	while (*s >= '0' && *s <= '9')
		s++;
	return s;
}

/* Whether doc is exactly one valid JSON value (and white space). */
static int
check_valid(const char *doc)
{
	const char	*end = check_value(doc);

	return end != NULL && *check_ws(end) == '\0';
}

/* A document being written into memory. */
struct doc {
	struct json	 j;
	char		*text;
	size_t		 len;
	FILE		*f;
};

static struct json *
doc_begin(struct doc *d)
{
	d->text = NULL;
	d->f = open_memstream(&d->text, &d->len);
	assert_non_null(d->f);
	json_init(&d->j, d->f);
	return &d->j;
}

/* Finish the document, which must be valid JSON and exactly want. */
static void
doc_is(struct doc *d, const char *want)
{
	fclose(d->f);
	if (!check_valid(d->text))
		fail_msg("not valid JSON: %s", d->text);
	assert_string_equal(d->text, want);
	free(d->text);
}

/* Commas between members and items, colons after keys, nesting. */
static void
test_writer(void **state)
{
	struct doc	 d;
	struct json	*j;

	(void)state;
	j = doc_begin(&d);
	json_object_begin(j);
	json_key(j, "id");
	json_int(j, 4);
	json_key(j, "area");
	json_string(j, "integrity");
	json_key(j, "done");
	json_bool(j, 1);
	json_key(j, "open");
	json_bool(j, 0);
	json_key(j, "due");
	json_string(j, NULL);
	json_key(j, "none");
	json_null(j);
	json_key(j, "tags");
	json_array_begin(j);
	json_string(j, "a");
	json_string_len(j, "bcd", 2);
	json_array_begin(j);
	json_array_end(j);
	json_object_begin(j);
	json_object_end(j);
	json_array_end(j);
	json_key(j, "big");
	json_int(j, INT64_MIN);
	json_key(j, "max");
	json_int(j, INT64_MAX);
	json_object_end(j);
	json_end(j);
	doc_is(&d, "{\"id\":4,\"area\":\"integrity\",\"done\":true,"
	    "\"open\":false,\"due\":null,\"none\":null,\"tags\":[\"a\",\"bc\","
	    "[],{}],\"big\":-9223372036854775808,"
	    "\"max\":9223372036854775807}\n");

	/* A value alone, and empty containers. */
	j = doc_begin(&d);
	json_string(j, "alone");
	json_end(j);
	doc_is(&d, "\"alone\"\n");
	j = doc_begin(&d);
	json_array_begin(j);
	json_array_end(j);
	json_end(j);
	doc_is(&d, "[]\n");
}

/* Line breaks before the values asked for, and before the closing bracket. */
static void
test_newline(void **state)
{
	struct doc	 d;
	struct json	*j;
	int		 i;

	(void)state;
	j = doc_begin(&d);
	json_object_begin(j);
	json_key(j, "items");
	json_array_begin(j);
	for (i = 1; i <= 3; i++) {
		json_newline(j);
		json_object_begin(j);
		json_key(j, "n");
		json_int(j, i);
		json_object_end(j);
	}
	json_newline(j);
	json_array_end(j);
	json_key(j, "count");
	json_int(j, 3);
	json_object_end(j);
	json_end(j);
	doc_is(&d, "{\"items\":[\n{\"n\":1},\n{\"n\":2},\n{\"n\":3}\n],"
	    "\"count\":3}\n");

	/* A break asked before a key goes before the key, after the comma. */
	j = doc_begin(&d);
	json_object_begin(j);
	json_key(j, "a");
	json_int(j, 1);
	json_newline(j);
	json_key(j, "b");
	json_int(j, 2);
	json_object_end(j);
	json_end(j);
	doc_is(&d, "{\"a\":1,\n\"b\":2}\n");
}

/* s[0..len) written as a JSON string must be exactly want. */
static void
string_is(const char *s, size_t len, const char *want)
{
	char	*out = NULL;
	size_t	 outlen;
	FILE	*f;

	f = open_memstream(&out, &outlen);
	json_put_string(f, s, len);
	fclose(f);
	if (strcmp(out, want) != 0)
		fail_msg("written %s, not %s", out, want);
	if (!check_valid(out))
		fail_msg("not valid JSON: %s", out);
	free(out);
}

/* Quotes, backslashes and the short escapes. */
static void
test_string_escapes(void **state)
{
	(void)state;
	string_is("plain / text", 12, "\"plain / text\"");
	string_is("say \"hi\" \\ bye", 14, "\"say \\\"hi\\\" \\\\ bye\"");
	string_is("a\nb\tc\rd", 7, "\"a\\nb\\tc\\rd\"");
	string_is("", 0, "\"\"");
	string_is("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14,
	    "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
}

/* Every control character is escaped: C0, DEL, C1, U+2028 and U+2029. */
static void
test_string_controls(void **state)
{
	char	in[2], want[16];
	int	c;

	(void)state;
	for (c = 0; c < 0x20; c++) {
		in[0] = (char)c;
		if (c == '\n')
			snprintf(want, sizeof want, "\"\\n\"");
		else if (c == '\t')
			snprintf(want, sizeof want, "\"\\t\"");
		else if (c == '\r')
			snprintf(want, sizeof want, "\"\\r\"");
		else
			snprintf(want, sizeof want, "\"\\u%04x\"", c);
		string_is(in, 1, want);
	}
	string_is("\x7f", 1, "\"\\u007f\"");
	string_is("\x1b[31m", 5, "\"\\u001b[31m\"");
	string_is("nul\0end", 7, "\"nul\\u0000end\"");
	string_is("\xc2\x85", 2, "\"\\u0085\"");
	string_is("\xc2\x9b" "2J", 4, "\"\\u009b2J\"");
	string_is("\xc2\xa0", 2, "\"\xc2\xa0\"");
	string_is("\xe2\x80\xa8|\xe2\x80\xa9", 7, "\"\\u2028|\\u2029\"");
}

/* Invalid UTF-8 of every kind becomes U+FFFD, a byte at a time. */
static void
test_string_invalid(void **state)
{
	(void)state;
	string_is("\xff", 1, "\"" RC "\"");
	string_is("a\x80z", 3, "\"a" RC "z\"");
	string_is("\xc0\xaf", 2, "\"" RC RC "\"");	/* overlong '/' */
	string_is("\xc0\x80", 2, "\"" RC RC "\"");	/* overlong NUL */
	string_is("\xe0\x80\xaf", 3, "\"" RC RC RC "\"");
	string_is("\xf0\x80\x80\xaf", 4, "\"" RC RC RC RC "\"");
	string_is("\xed\xa0\x80", 3, "\"" RC RC RC "\"");	/* surrogate */
	string_is("\xf4\x90\x80\x80", 4, "\"" RC RC RC RC "\"");
	string_is("end\xe2\x82", 5, "\"end" RC RC "\"");	/* truncated */
	string_is("\xe2\x28\xa1", 3, "\"" RC "(" RC "\"");
}

/* Random bytes, and every byte alone, always make a valid string. */
static void
test_string_random(void **state)
{
	unsigned char	 s[64];
	char		*out = NULL;
	size_t		 outlen, len, i, n;
	uint32_t	 x = 12345;
	FILE		*f;

	(void)state;
	for (n = 0; n < 20000; n++) {
		len = n < 256 ? 1 : n % sizeof s;
		for (i = 0; i < len; i++) {
			x = x * 1103515245 + 12345;
			s[i] = n < 256 ? (unsigned char)n :
			    (unsigned char)(x >> 16);
		}
		f = open_memstream(&out, &outlen);
		json_put_string(f, (char *)s, len);
		fclose(f);
		if (!check_valid(out))
			fail_msg("not valid JSON: %s", out);
		free(out);
		out = NULL;
	}
}

/* Keys are escaped as strings are. */
static void
test_key_escaped(void **state)
{
	struct doc	 d;
	struct json	*j;

	(void)state;
	j = doc_begin(&d);
	json_object_begin(j);
	json_key(j, "a\"b\n");
	json_string(j, "\x01");
	json_object_end(j);
	json_end(j);
	doc_is(&d, "{\"a\\\"b\\n\":\"\\u0001\"}\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_newline),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_string_controls),
		cmocka_unit_test(test_string_invalid),
		cmocka_unit_test(test_string_random),
		cmocka_unit_test(test_key_escaped),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}

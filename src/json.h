/*
 * json.h: the one JSON writer.
 *
 * Every JSON document dhcoach prints (analyse, history, plan export,
 * report, readiness) is written through a struct json, which places
 * the commas and colons, so that no renderer writes JSON punctuation by
 * hand and every document is valid.  Output is compact; json_newline
 * puts a line break before the next value, so that long arrays can show
 * one item a line.  Text from candidates may hold any bytes: strings are
 * always written as valid JSON, with every control character escaped
 * and invalid UTF-8 (overlong forms and surrogates included) replaced
 * by U+FFFD.
 *
 * Ownership: a struct json borrows its stream; nothing is allocated.
 */
#ifndef DHCOACH_JSON_H
#define DHCOACH_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* How deeply objects and arrays may nest. */
#define JSON_MAX_DEPTH	16

struct json {
	FILE	*f;
	int	 depth;
	int	 count[JSON_MAX_DEPTH];	/* values written at each level */
	int	 key;			/* a key was written, its value is due */
	int	 newline;		/* break the line before the next value */
};

void json_init(struct json *, FILE *);
void json_object_begin(struct json *);
void json_object_end(struct json *);
void json_array_begin(struct json *);
void json_array_end(struct json *);
/* An object's key; the next value written is its value. */
void json_key(struct json *, const char *);
void json_string(struct json *, const char *);		/* NULL: null */
void json_string_len(struct json *, const char *, size_t);
void json_int(struct json *, int64_t);
void json_bool(struct json *, int);
void json_null(struct json *);
/* Break the line before the next value (or the closing bracket). */
void json_newline(struct json *);
/* End the document with a line break. */
void json_end(struct json *);

/* Write s[0..len) as a quoted JSON string, on its own (no commas). */
void json_put_string(FILE *, const char *s, size_t len);

#endif

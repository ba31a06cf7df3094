/*
 * json.c: JSON string escaping (see json.h).
 */
#include <string.h>

#include "json.h"
#include "util.h"

/* Write s[0..len) as a JSON string. */
void
json_put_string(FILE *f, const char *s, size_t len)
{
	size_t	i, n;
	unsigned char c;

	fputc('"', f);
	for (i = 0; i < len; i += n) {
		c = (unsigned char)s[i];
		n = util_utf8_len(s + i, len - i);
		if (n == 0) {
			fputs("\xef\xbf\xbd", f);
			n = 1;
		} else if (n > 1)
			fwrite(s + i, 1, n, f);
		else if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* Write a string as a JSON string. */
void
json_put_str(FILE *f, const char *s)
{
	json_put_string(f, s, strlen(s));
}

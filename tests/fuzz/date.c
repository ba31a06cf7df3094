/*
 * date.c: fuzzing the due-date parser (date_parse_due).
 *
 * The input, up to its first NUL, is a due date as a person types it.
 * It is read against four fixed todays (an ordinary day, a leap day, the
 * last day of a year and the first of the next), never the clock.
 *
 * What must hold: an error has a cause, one line of printable text; a
 * date is valid, not before today (after it, for one moved to next
 * year) and at most DATE_PARSE_MAX_YEARS ahead; the date written as
 * YYYY-MM-DD reads back as itself; the words made from it are printable.
 */
#include <stdlib.h>
#include <string.h>

#include "date-parse.h"
#include "date.h"
#include "fuzz.h"
#include "util.h"

static const char *const fuzz_todays[] = {
	"2026-12-03", "2028-02-29", "2026-12-31", "2027-01-01"
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Whether s is one line of printable text (UTF-8 allowed). */
static int
fuzz_printable(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	}
	return 1;
}

/* Parse text against today and check what came out. */
static void
fuzz_parse(const char *text, const char *today)
{
	char			 out[DATE_LEN], again[DATE_LEN];
	char			 words[DATE_WORDS_LEN], *cause = NULL;
	enum date_parse_result	 rc, rc2;
	long			 days;

	memset(out, 0, sizeof out);
	rc = date_parse_due(text, today, out, &cause);
	if (rc == DATE_PARSE_ERROR) {
		FUZZ_CHECK(cause != NULL && *cause != '\0');
		FUZZ_CHECK(fuzz_printable(cause));
		free(cause);
		return;
	}
	FUZZ_CHECK(rc == DATE_PARSE_OK || rc == DATE_PARSE_NEXT_YEAR);
	FUZZ_CHECK(cause == NULL);
	FUZZ_CHECK(date_valid(out));
	days = date_days_between(today, out);
	FUZZ_CHECK(days >= (rc == DATE_PARSE_NEXT_YEAR ? 1 : 0));
	FUZZ_CHECK(days <= DATE_PARSE_MAX_YEARS * 366L);

	/* The date as YYYY-MM-DD reads back as itself. */
	rc2 = date_parse_due(out, today, again, &cause);
	FUZZ_CHECK(rc2 == DATE_PARSE_OK);
	FUZZ_CHECK(strcmp(out, again) == 0);

	/* Its words. */
	date_long(out, words, sizeof words);
	FUZZ_CHECK(*words != '\0' && fuzz_printable(words));
	date_short(out, today, words, sizeof words);
	FUZZ_CHECK(*words != '\0' && fuzz_printable(words));
	date_due_words(out, today, words, sizeof words);
	FUZZ_CHECK(*words != '\0' && fuzz_printable(words));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*text;
	size_t	 i;

	text = xstrndup((const char *)data, size);
	for (i = 0; i < sizeof fuzz_todays / sizeof *fuzz_todays; i++)
		fuzz_parse(text, fuzz_todays[i]);
	free(text);
	return 0;
}

/*
 * date-parse.h: due dates as people write them.
 *
 * One grammar, used wherever a person gives a due date (plan add and
 * edit, the guided plan): ISO dates, day-first numeric dates as in the
 * UK, dates with a month's name, and dates relative to today.  The date
 * read is checked against today: one that has passed, or is more than
 * DATE_PARSE_MAX_YEARS ahead, is refused with a cause that says so in
 * words.  The calendar itself is date.h's; nothing here looks at the
 * clock, a file or a terminal.
 *
 * Ownership: *cause strings are new and the caller's; dates are written
 * into the caller's buffers.
 */
#ifndef DHCOACH_DATE_PARSE_H
#define DHCOACH_DATE_PARSE_H

#include "date.h"

/* How far ahead a due date may be, in years. */
#define DATE_PARSE_MAX_YEARS	10

/* What date_parse_due made of a text. */
enum date_parse_result {
	DATE_PARSE_ERROR = -1,		/* not usable: *cause says why */
	DATE_PARSE_OK = 0,		/* out holds the date */
	DATE_PARSE_NEXT_YEAR = 1	/* no year written and this year's has
					 * passed: out holds next year's (for
					 * 29 February, the next leap year's);
					 * ask before using it */
};

/*
 * Read a due date as a person writes it, relative to today (a valid
 * date): 2027-03-31; 31/03/2027, 31-3-27 or 31.03.2027 (day first, as in
 * the UK); 31 March 2027, 31st Mar, March 31 2027; today, tomorrow;
 * in 3 months, in two weeks, in a year; end of June (the last day of the
 * next June, this year's if not past), end of the month, end of next
 * month, end of the year; next Friday or Friday (the first after today).
 * A leading "by" or "on" is ignored, as are case and extra spaces.
 * Writes YYYY-MM-DD into out.  A date that has passed is an error whose
 * cause says so in words ("yesterday has passed", "Monday 1 December
 * 2025 has passed"); so is one more than DATE_PARSE_MAX_YEARS ahead, a
 * day the calendar does not have, or text that is not a date (with
 * examples).
 */
enum date_parse_result date_parse_due(const char *text, const char *today,
    char out[DATE_LEN], char **cause);

#endif

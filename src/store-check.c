/*
 * store-check.c: what the store checks on the way in and on the way
 * out (see store-check.h).
 *
 * Invariants: the id lists are in framework order, so that the index
 * db_row_choice returns is the framework's own index; they are filled
 * on first use, from framework.h's tables, and never change after.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "framework.h"
#include "store-check.h"
#include "util.h"

/* The framework's ids as NULL-terminated lists, for db_row_choice. */
static const char	*store_check_areas[FRAMEWORK_NAREAS + 1];
static const char	*store_check_indicators[FRAMEWORK_NINDICATORS + 1];

/* Fill the lists of ids once. */
static void
store_check_ids(void)
{
	int	i;

	if (store_check_areas[0] != NULL)
		return;
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		store_check_areas[i] = framework_areas[i].id;
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		store_check_indicators[i] = framework_indicators[i].id;
}

/* The area ids, NULL-terminated. */
const char *const *
store_check_area_ids(void)
{
	store_check_ids();
	return store_check_areas;
}

/* The indicator ids, NULL-terminated. */
const char *const *
store_check_indicator_ids(void)
{
	store_check_ids();
	return store_check_indicators;
}

/* Refuse a call the program should never make; returns -1. */
int
store_check_fault(struct err *e, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	err_set(e, ERR_INTERNAL, "%s (a fault in dhcoach: nothing was "
	    "written)", msg);
	free(msg);
	return -1;
}

/* Whether a is an area index. */
int
store_check_area(int a)
{
	return a >= 0 && a < FRAMEWORK_NAREAS;
}

/* Whether i is an indicator index. */
int
store_check_indicator(int i)
{
	return i >= 0 && i < FRAMEWORK_NINDICATORS;
}

/*
 * store-check.h: what the store checks on the way in and on the way
 * out, shared by its files (store.c, store-picture.c, store-history.c,
 * store-progress.c).
 *
 * On the way in, every area and indicator is an index of framework.h,
 * checked before anything is written: a wrong one is a fault in the
 * program, never the candidate's, refused as ERR_INTERNAL with nothing
 * written.  On the way out, an area or indicator column may hold only
 * one of the framework's ids: the lists here are what db_row_choice
 * (db.h) reads such a column against, so that anything else marks the
 * row damaged.
 *
 * Ownership: the id lists are the module's, filled once and never
 * freed; callers only read them.
 */
#ifndef DHCOACH_STORE_CHECK_H
#define DHCOACH_STORE_CHECK_H

#include "err.h"

/* Whether a is an area index, and i an indicator index. */
int store_check_area(int a);
int store_check_indicator(int i);

/*
 * Refuse a call the program should never make: *e gets ERR_INTERNAL
 * with the message and "(a fault in dhcoach: nothing was written)".
 * Returns -1.
 */
int store_check_fault(struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The framework's area ids, and indicator ids, NULL-terminated. */
const char *const *store_check_area_ids(void);
const char *const *store_check_indicator_ids(void);

#endif

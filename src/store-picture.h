/*
 * store-picture.h: the running picture of a candidate (picture.h),
 * read from the store over every sitting.
 *
 * Reading costs nearly the same however many answers there are: it
 * counts them by area but never reads them, and takes the evidence from
 * the few newest answers that showed each indicator.
 *
 * Ownership: the struct db is the caller's (db.h); the picture filled
 * is the caller's (picture_free), and is freed here when the read
 * fails.
 */
#ifndef DHCOACH_STORE_PICTURE_H
#define DHCOACH_STORE_PICTURE_H

#include "db.h"
#include "err.h"
#include "picture.h"

/* Gather the running picture over every sitting into *p (picture_init'd). */
int store_picture(struct db *, struct picture *p, struct err *e);

#endif

/*
 * migrations.h: the database migrations of db/, embedded in the program.
 *
 * gen/migrations.c is generated from db/NNN-what.sql, in name order, by
 * scripts/embed-sql (see the Makefile); it is never edited by hand.
 * migrations_table[i] has version i + 1: applying it brings a database
 * to PRAGMA user_version i + 1.  A migration's SQL is its lines, each
 * ending in "\n", as a NULL-terminated array (ISO C compilers need only
 * accept string literals of 4095 bytes).  The tables are static.
 */
#ifndef DHCOACH_MIGRATIONS_H
#define DHCOACH_MIGRATIONS_H

#include <stddef.h>

struct migrations_entry {
	int			 version;
	const char		*name;	/* the file's name, e.g. "001-initial.sql" */
	const char *const	*lines;
};

extern const struct migrations_entry migrations_table[];
/* The number of migrations, which is also the latest schema version. */
extern const size_t migrations_count;

#endif

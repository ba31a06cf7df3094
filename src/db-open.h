/*
 * db-open.h: opening the database, creating it when missing and
 * bringing its schema up to date.
 *
 * The schema lives in db/NNN-*.sql migrations, embedded in the binary
 * and applied inside one BEGIN IMMEDIATE transaction, tracked by PRAGMA
 * user_version; PRAGMA application_id marks the file.  A new database is
 * built whole in a temporary file beside the path and linked into place,
 * so that two programs creating it at once both succeed, nobody ever
 * opens half a database, and a creation that fails (a full disk) leaves
 * nothing behind.  A file with dhcoach's id but not dhcoach's tables is
 * damaged, never migrated; a database newer than this program, damaged,
 * read-only or locked is never changed.  A reader (DB_READ) never
 * creates the database or changes it (its connection is query_only),
 * and still reads on a full disk or in a read-only folder.  A writer's
 * connection runs in WAL mode with synchronous=FULL; every connection
 * has foreign keys on and a busy timeout.
 *
 * Failures are struct err with the status of their class (db.h), and
 * ERR_DB_NEWER for a database made by a newer dhcoach.
 *
 * Ownership: the struct db made is the caller's, closed with db_close
 * (db.h).
 */
#ifndef DHCOACH_DB_OPEN_H
#define DHCOACH_DB_OPEN_H

#include "err.h"

struct db;

enum db_mode {
	DB_READ,	/* never create or change; missing: *out NULL */
	DB_WRITE	/* create when missing, migrate, write */
};

/* The path that opens a new database in memory, for tests. */
#define DB_MEMORY	":memory:"

/*
 * Open the database at path (the folder made 0700, the file 0600).
 * Returns 0 with *out set (NULL for DB_READ of a database that does not
 * exist yet), or -1 with *e set.  A symbolic link at path is refused.
 */
int db_open(const char *path, enum db_mode mode, struct db **out,
    struct err *e);

#endif

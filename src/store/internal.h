#ifndef IRY_STORE_INTERNAL_H
#define IRY_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store/store.h"

/* Shared by the files of the store module; not for other modules. */

struct store {
	sqlite3 *db;       /* the open connection */
	char *path;        /* as given to store_open(), for messages */
	char *real;        /* the file itself: every link resolved */
	char *lock_path;   /* <real>.lock, or NULL when no lock was taken */
	int lock_fd;       /* its descriptor, or -1 */
	bool lock_created; /* this process made the lock file */
	int found;         /* user_version before migration */
};

/* Maps a SQLite failure to a message for the user; returns -1. */
int store_db_error(struct store *st, int rc, struct err *e);

/* Runs sql (no results). Returns 0 or -1 with e set. */
int store_exec(struct store *st, const char *sql, struct err *e);

/* Reads one integer from a PRAGMA or SELECT into *out. 0 or -1 with e. */
int store_query_int(struct store *st, const char *sql, int *out,
		    struct err *e);

/* Binds v as text, or NULL when v is NULL or "". */
int store_bind_text(sqlite3_stmt *s, int i, const char *v);

/* Column i as a newly allocated string, or NULL when NULL or "". */
/*
 * The loaders that aggregate runs for every file select each column as
 * +column: an expression, not a column, so that compiling the statement
 * does not look up and copy every column's declared type, table and origin
 * (about a third of the cost of compiling it); the values are the same,
 * and no caller asks SQLite for a column's name or type.
 */
char *store_col_text(sqlite3_stmt *s, int i);
/* What sscanf(t, "%4d-%2d-%2d", y, m, d) returns and sets, without
 * sscanf when t starts as DDDD-DD-DD (every date iryosec writes): it runs
 * for every dated answer and connection of every file aggregate reads. */
int store_scan_date(const char *t, int *y, int *m, int *d);

/*
 * Steps a prepared write (rc is the prepare's result) to completion and
 * finalizes it. Returns 0 or -1 with e set.
 */
int store_step_done(struct store *st, sqlite3_stmt *s, int rc, struct err *e);

#endif

#ifndef IRY_STORE_H
#define IRY_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/answer.h"
#include "model/contact.h"
#include "model/facility.h"
#include "model/hoshu.h"
#include "model/remote.h"
#include "model/vendor.h"
#include "util/err.h"

/*
 * The data file: one SQLite database per clinic (WAL, synchronous=FULL,
 * schema version in user_version, application_id marks it as ours). The
 * only module that includes <sqlite3.h>. Every put is one transaction,
 * committed before it returns.
 */

#define STORE_SCHEMA 6 /* schema version this program writes */
/* Longest name of a data file, in bytes: its "-journal" must still fit. */
#define STORE_NAME_MAX 247

struct store;

enum store_flags {
	STORE_LOCK = 1,     /* hold <db>.lock for the whole session (wizard) */
	STORE_NO_MKDIR = 2, /* the folder must exist (a path given with --db) */
	STORE_CREATE = 4,   /* make the file when missing (wizard, import) */
	/* A reader (report, status, export, aggregate): one read-only
	 * connection that never writes, also on a copy that cannot be
	 * written; not with STORE_LOCK or STORE_CREATE. */
	STORE_READONLY = 8,
};

/*
 * Opens the data file at path. Links are resolved first: every name of a
 * file leads to one lock (<real file>.lock) and to the files SQLite keeps
 * beside it; a file with a second name (a hard link) is refused. With
 * STORE_CREATE a missing file is created (0600, its folder 0700) under the
 * lock, and *created (may be NULL) says so; without it a missing file is
 * an error. With STORE_NO_MKDIR a missing folder is refused too, as a
 * mistyped path. Before any connection that could write, the file is
 * checked by hand and through a read-only connection: not an iryosec file,
 * from a newer iryosec, with a schema that is not exactly ours (a trigger
 * or view added by hand), damaged, or with a journal or WAL that does not
 * belong to it — each is refused with e set and never modified. With
 * STORE_LOCK, a second wizard on the same file gets ERR_BUSY. With
 * STORE_READONLY the same checks are made on the file and its neighbours,
 * then through the one read-only connection that is kept (the pages are
 * checked only when a -wal is beside the file; a damaged page is
 * reported when it is read); writes through it fail. A file of an older
 * schema is opened and brought up to date as without the flag. A lock file
 * made for a refused file is removed again. Returns 0 with *out set (free
 * with store_close()), or -1 with e set.
 */
int store_open(struct store **out, const char *path, unsigned flags,
	       bool *created, struct err *e);

/* Closes the database and releases the lock. NULL is allowed. */
void store_close(struct store *st);

/* The path the store was opened with; valid until store_close(). */
const char *store_path(const struct store *st);

/*
 * Reads the facility into f (released and zeroed first). When 初回設定 was
 * never saved, f stays zeroed and 0 is returned. -1 with e on failure.
 */
int store_facility_load(struct store *st, struct facility *f, struct err *e);

/*
 * Saves f and records f->edition as the edition of f->year, in one
 * transaction. Returns 0 or -1 with e set (nothing written).
 */
int store_facility_save(struct store *st, const struct facility *f,
			struct err *e);

/*
 * Copies the edition recorded for year into out (CONTENT_ID_MAX + 1 bytes).
 * Returns 1 when found, 0 when the year has none, -1 with e set.
 */
int store_year_edition(struct store *st, int year, char *out, struct err *e);

/*
 * Loads every answer of year into s (released first). Rows whose item or
 * cell this program does not know are kept as they are. Returns 0 or -1.
 */
int store_answers_load(struct store *st, int year, struct answer_set *s,
		       struct err *e);

/*
 * Saves one answer (replacing the one for the same year, item and cell)
 * and commits. Returns 0, or -1 with e set, and then nothing was written.
 */
int store_answer_put(struct store *st, const struct answer *a, struct err *e);

/* Reads the vendor register into l (released first), oldest first. */
int store_vendors_load(struct store *st, struct vendor_list *l, struct err *e);

/*
 * Saves v: inserts it when v->id is 0 (and sets v->id), else updates it.
 * Returns 0 or -1 with e set (nothing written).
 */
int store_vendor_put(struct store *st, struct vendor *v, struct err *e);

/*
 * Deletes a vendor with its answers, in one transaction; checklist answers
 * that named it as the one asked fall back to in-house.
 */
int store_vendor_delete(struct store *st, long id, struct err *e);

/* Reads every vendor answer of year into s (released first). */
int store_vanswers_load(struct store *st, int year, struct vanswer_set *s,
			struct err *e);

/* Saves one vendor answer and commits. */
int store_vanswer_put(struct store *st, const struct vanswer *a, struct err *e);

/* Reads the contact chart into l (released first). */
int store_contacts_load(struct store *st, struct contact_list *l,
			struct err *e);

/* Saves one contact entry and commits. */
int store_contact_put(struct store *st, const struct contact *ct,
		      struct err *e);

/* Reads the remote-maintenance inventory into l (released first). */
int store_connections_load(struct store *st, struct connection_list *l,
			   struct err *e);

/* Saves c (inserts when c->id is 0 and sets it) and commits. */
int store_connection_put(struct store *st, struct connection *c, struct err *e);

/* Deletes one connection. */
int store_connection_delete(struct store *st, long id, struct err *e);

/* Reads the servers of 保守委託機関編 into l (released first). */
int store_servers_load(struct store *st, struct server_list *l, struct err *e);

/* Saves s (inserts when s->id is 0 and sets it) and commits. */
int store_server_put(struct store *st, struct server *s, struct err *e);

/* Deletes one server. */
int store_server_delete(struct store *st, long id, struct err *e);

/* A 点検年度 that has something in the file, and its edition. */
struct store_year {
	int year;                         /* 点検年度 */
	char edition[CONTENT_ID_MAX + 1]; /* "" when none was recorded */
};

/*
 * Lists every 点検年度 the file knows: those with a recorded edition and
 * those with answers or vendor answers, oldest first, into *out (n of
 * them; caller frees *out, NULL when none). Returns 0 or -1 with e set.
 */
int store_years_list(struct store *st, struct store_year **out, size_t *n,
		     struct err *e);

/*
 * Records edition as the edition of year (replacing the one recorded)
 * and commits. Returns 0 or -1 with e set (nothing written).
 */
int store_year_edition_put(struct store *st, int year, const char *edition,
			   struct err *e);

/*
 * Starts one transaction that takes the write lock at once (BEGIN
 * IMMEDIATE): every put until store_commit() is part of it, and
 * store_facility_save() nests inside it. Returns 0 or -1 with e set.
 */
int store_begin(struct store *st, struct err *e);

/* Commits the transaction of store_begin(). 0, or -1 with e set: then
 * call store_rollback(). */
int store_commit(struct store *st, struct err *e);

/* Undoes everything since store_begin(); harmless when none is open. */
void store_rollback(struct store *st);

/*
 * The schema version found in the file when it was opened (before any
 * migration), for tests and --debug.
 */
int store_schema_found(const struct store *st);

#endif

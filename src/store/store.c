#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/schema.h"
#include "util/cell.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/sys.h"
#include "util/xalloc.h"

#ifndef EDQUOT /* Windows' C runtime has no disk quota error */
#define EDQUOT ENOSPC
#endif

/*
 * Maps a SQLite failure to a message for the user; the library's own text
 * goes to detail. Returns -1.
 */
int
store_db_error(struct store *st, int rc, struct err *e)
{
	int prim = rc & 0xFF;
	const char *path = st->path;
	int sys = st->db != NULL ? sqlite3_system_errno(st->db) : 0;

	/* A full disk met while opening (the -shm or -wal file) is an I/O
	 * error to SQLite; the user should hear what it really is. */
	if (prim != SQLITE_FULL && (sys == ENOSPC || sys == EDQUOT)) {
		err_set(e, ERR_FULL,
			_("the disk is full, so the data file cannot be used; free some space and try again (nothing was changed)"));
		return err_detail(e, "sqlite %d: %s", rc,
				  sqlite3_errmsg(st->db));
	}
	switch (prim) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		err_set(e, ERR_BUSY,
			_("the data file is busy: another iryosec is writing to it; try again in a moment"));
		break;
	case SQLITE_NOTADB:
		err_set(e, ERR_NOTOURS,
			_("'%s' is not an iryosec data file; it was not changed"),
			path);
		break;
	case SQLITE_CORRUPT:
		err_set(e, ERR_CORRUPT,
			_("the data file '%s' is damaged; make a copy of it and ask for help before using it"),
			path);
		break;
	case SQLITE_FULL:
		err_set(e, ERR_FULL,
			_("the disk is full, so this was not saved; free some space and try again"));
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		err_set(e, ERR_READONLY,
			_("cannot write to the data file '%s' or its folder; check the permissions"),
			path);
		break;
	default:
		err_set(e, ERR_IO, _("cannot read or write the data file '%s'"),
			path);
		break;
	}
	return err_detail(e, "sqlite %d: %s", rc,
			  st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
}

/* Runs sql (no results). Returns 0 or -1 with e set. */
int
store_exec(struct store *st, const char *sql, struct err *e)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_db_error(st, rc, e);
}

/* Reads a single integer from a PRAGMA or SELECT. */
int
store_query_int(struct store *st, const char *sql, int *out, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : store_db_error(st, rc, e);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_schema_found(const struct store *st)
{
	return st->found;
}

/* Binds s as text, or NULL when s is NULL or "". */
int
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL || v[0] == '\0')
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static int
bind_date(sqlite3_stmt *s, int i, const struct date *d)
{
	char iso[11];

	date_iso(d, iso);
	return store_bind_text(s, i, iso);
}

/* Column i as a newly allocated string, or NULL when SQL NULL or "". */
char *
store_col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return (t != NULL && t[0] != '\0') ? xstrdup((const char *)t) : NULL;
}

int
store_scan_date(const char *t, int *y, int *m, int *d)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != '-')
			return sscanf(t, "%4d-%2d-%2d", y, m, d);
	*y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 +
	     (t[3] - '0');
	*m = (t[5] - '0') * 10 + (t[6] - '0');
	*d = (t[8] - '0') * 10 + (t[9] - '0');
	return 3;
}

/* Column i as a date; unset when NULL or not a valid ISO date. */
static struct date
col_date(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	struct date d = DATE_NONE;
	int y, m, dd;

	if (t != NULL &&
	    store_scan_date((const char *)t, &y, &m, &dd) == 3 &&
	    date_exists(y, m, dd)) {
		d.y = y;
		d.m = m;
		d.d = dd;
	}
	return d;
}

int
store_facility_load(struct store *st, struct facility *f, struct err *e)
{
	static const char sql[] =
		"SELECT +f.name, +f.type, +f.manager, +f.officer,"
		" +f.health_center, +f.year, +y.edition, +f.checker FROM facility f"
		" LEFT JOIN fiscal_year y ON y.year = f.year WHERE f.id = 1";
	sqlite3_stmt *s = NULL;
	int rc;

	facility_release(f);
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			const unsigned char *type = sqlite3_column_text(s, 1);
			const unsigned char *ed = sqlite3_column_text(s, 6);

			f->name = store_col_text(s, 0);
			if (type == NULL ||
			    facility_type_parse((const char *)type, &f->type) !=
				    0)
				f->type = FACILITY_NONE;
			f->manager = store_col_text(s, 2);
			f->officer = store_col_text(s, 3);
			f->health_center = store_col_text(s, 4);
			f->year = sqlite3_column_int(s, 5);
			/* A year edited by hand (INT_MAX, -1) would overflow
			 * the date rules: outside what a 点検年度 can be, it is
			 * treated as never entered, and 初回設定 asks again. */
			if (f->year < FACILITY_FIRST_YEAR ||
			    f->year > FACILITY_LAST_YEAR)
				f->year = 0;
			f->checker = store_col_text(s, 7);
			if (ed != NULL &&
			    strlen((const char *)ed) <= CONTENT_ID_MAX)
				strcpy(f->edition, (const char *)ed);
			rc = SQLITE_DONE;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

/* Steps a prepared write to completion and finalizes it. */
int
store_step_done(struct store *st, sqlite3_stmt *s, int rc, struct err *e)
{
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : store_db_error(st, rc, e);
}

int
store_facility_save(struct store *st, const struct facility *f, struct err *e)
{
	static const char fsql[] =
		"INSERT INTO facility (id, name, type, manager, officer,"
		" health_center, year, checker, updated)"
		" VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, datetime('now'))"
		" ON CONFLICT(id) DO UPDATE SET name = ?1, type = ?2,"
		" manager = ?3, officer = ?4, health_center = ?5, year = ?6,"
		" checker = ?7, updated = datetime('now')";
	static const char ysql[] =
		"INSERT INTO fiscal_year (year, edition, updated)"
		" VALUES (?1, ?2, datetime('now'))"
		" ON CONFLICT(year) DO UPDATE SET edition = ?2,"
		" updated = datetime('now')";
	sqlite3_stmt *s = NULL;
	/* inside store_begin()'s transaction: a savepoint of it */
	bool nested = !sqlite3_get_autocommit(st->db);
	int rc;

	if (store_exec(st, nested ? "SAVEPOINT facility" : "BEGIN IMMEDIATE",
		       e) != 0)
		return -1;
	rc = sqlite3_prepare_v2(st->db, fsql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		store_bind_text(s, 1, f->name);
		sqlite3_bind_text(s, 2, facility_type_key(f->type), -1,
				  SQLITE_STATIC);
		store_bind_text(s, 3, f->manager);
		store_bind_text(s, 4, f->officer);
		store_bind_text(s, 5, f->health_center);
		if (f->year != 0)
			sqlite3_bind_int(s, 6, f->year);
		store_bind_text(s, 7, f->checker);
	}
	if (store_step_done(st, s, rc, e) != 0)
		goto fail;
	if (f->year != 0 && f->edition[0] != '\0') {
		rc = sqlite3_prepare_v2(st->db, ysql, -1, &s, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int(s, 1, f->year);
			sqlite3_bind_text(s, 2, f->edition, -1, SQLITE_STATIC);
		}
		if (store_step_done(st, s, rc, e) != 0)
			goto fail;
	}
	if (store_exec(st, nested ? "RELEASE facility" : "COMMIT", e) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db,
		     nested ? "ROLLBACK TO facility; RELEASE facility"
			    : "ROLLBACK",
		     NULL, NULL, NULL);
	return -1;
}

int
store_begin(struct store *st, struct err *e)
{
	return store_exec(st, "BEGIN IMMEDIATE", e);
}

int
store_commit(struct store *st, struct err *e)
{
	return store_exec(st, "COMMIT", e);
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int
store_years_list(struct store *st, struct store_year **out, size_t *n,
		 struct err *e)
{
	static const char sql[] =
		"SELECT y, (SELECT edition FROM fiscal_year f WHERE f.year = y)"
		" FROM (SELECT year AS y FROM fiscal_year UNION"
		" SELECT year FROM answer UNION SELECT year FROM vendor_answer)"
		" ORDER BY y";
	sqlite3_stmt *s = NULL;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *ed = (const char *)sqlite3_column_text(s, 1);
		struct store_year *y;

		rc = SQLITE_OK;
		xgrow((void **)out, &alloc, *n + 1, sizeof(**out));
		y = &(*out)[(*n)++];
		y->year = sqlite3_column_int(s, 0);
		y->edition[0] = '\0';
		if (ed != NULL && strlen(ed) <= CONTENT_ID_MAX)
			strcpy(y->edition, ed);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return 0;
	free(*out);
	*out = NULL;
	*n = 0;
	return store_db_error(st, rc, e);
}

int
store_year_edition_put(struct store *st, int year, const char *edition,
		       struct err *e)
{
	static const char sql[] =
		"INSERT INTO fiscal_year (year, edition, updated)"
		" VALUES (?1, ?2, datetime('now'))"
		" ON CONFLICT(year) DO UPDATE SET edition = ?2,"
		" updated = datetime('now')";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_int(s, 1, year);
		sqlite3_bind_text(s, 2, edition, -1, SQLITE_TRANSIENT);
	}
	return store_step_done(st, s, rc, e);
}

int
store_year_edition(struct store *st, int year, char *out, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(
		st->db, "SELECT edition FROM fiscal_year WHERE year = ?1", -1,
		&s, NULL);
	int found = 0;

	out[0] = '\0';
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(s, 1, year);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(s, 0);

			if (t != NULL && strlen(t) <= CONTENT_ID_MAX) {
				strcpy(out, t);
				found = 1;
			}
			rc = SQLITE_DONE;
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? found : store_db_error(st, rc, e);
}

int
store_answers_load(struct store *st, int year, struct answer_set *set,
		   struct err *e)
{
	static const char sql[] =
		"SELECT +item_id, +cell, +value, +checked, +target, +owner,"
		" +memo, +ask_vendor FROM answer WHERE +year = ?1 ORDER BY rowid";
	sqlite3_stmt *s = NULL;
	int rc;

	answer_set_release(set);
	set->year = year;
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK)
		sqlite3_bind_int(s, 1, year);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		const char *cell = (const char *)sqlite3_column_text(s, 1);
		const char *val = (const char *)sqlite3_column_text(s, 2);
		struct answer a;

		rc = SQLITE_OK;
		memset(&a, 0, sizeof(a));
		if (id == NULL || strlen(id) > CONTENT_ID_MAX || cell == NULL ||
		    cell_parse(cell, &a.cell) != 0 || val == NULL ||
		    answer_value_parse(val, &a.value) != 0)
			continue; /* written by a newer iryosec: leave it */
		a.year = year;
		strcpy(a.item_id, id);
		a.checked = col_date(s, 3);
		a.target = col_date(s, 4);
		a.owner = store_col_text(s, 5);
		a.memo = store_col_text(s, 6);
		a.ask = (long)sqlite3_column_int64(s, 7);
		answer_set_put(set, &a);
		answer_release(&a);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

int
store_answer_put(struct store *st, const struct answer *a, struct err *e)
{
	static const char sql[] =
		"INSERT INTO answer (year, item_id, cell, value, checked,"
		" target, owner, memo, ask_vendor, updated)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, datetime('now'))"
		" ON CONFLICT(year, item_id, cell) DO UPDATE SET value = ?4,"
		" checked = ?5, target = ?6, owner = ?7, memo = ?8,"
		" ask_vendor = ?9, updated = datetime('now')";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_int(s, 1, a->year);
		sqlite3_bind_text(s, 2, a->item_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, cell_key(a->cell), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, answer_value_key(a->value), -1,
				  SQLITE_STATIC);
		bind_date(s, 5, &a->checked);
		bind_date(s, 6, &a->target);
		store_bind_text(s, 7, a->owner);
		store_bind_text(s, 8, a->memo);
		if (a->ask > 0)
			sqlite3_bind_int64(s, 9, a->ask);
	}
	/* One statement in autocommit mode: committed when step returns. */
	return store_step_done(st, s, rc, e);
}

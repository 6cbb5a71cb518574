/* The remote-maintenance inventory. */
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define COLS                                                                   \
	"system, vendor_id, purpose, line, always_on, approver, patcher,"      \
	" last_patch, factory_pw, pw_reused, two_factor, admin_exposed,"       \
	" patient_data, logs, maker, product, model, version, memo"

/* Copies column i into a fixed key field (n bytes), "" when too long. */
static void
col_key(sqlite3_stmt *s, int i, char *out, size_t n)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	out[0] = '\0';
	if (t != NULL && strlen(t) < n)
		strcpy(out, t);
}

int
store_connections_load(struct store *st, struct connection_list *l,
		       struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc;

	connection_list_release(l);
	rc = sqlite3_prepare_v2(
		st->db,
		"SELECT +id, +system, +vendor_id, +purpose, +line, +always_on,"
		" +approver, +patcher, +last_patch, +factory_pw, +pw_reused,"
		" +two_factor, +admin_exposed, +patient_data, +logs, +maker,"
		" +product, +model, +version, +memo FROM connection ORDER BY id",
		-1,
		&s, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct connection c;
		const char *d;
		int y, m, dd;

		rc = SQLITE_OK;
		memset(&c, 0, sizeof(c));
		c.id = (long)sqlite3_column_int64(s, 0);
		c.system = store_col_text(s, 1);
		c.vendor = (long)sqlite3_column_int64(s, 2);
		c.purpose = store_col_text(s, 3);
		col_key(s, 4, c.line, sizeof(c.line));
		col_key(s, 5, c.always_on, sizeof(c.always_on));
		c.approver = store_col_text(s, 6);
		col_key(s, 7, c.patcher, sizeof(c.patcher));
		d = (const char *)sqlite3_column_text(s, 8);
		if (d != NULL && store_scan_date(d, &y, &m, &dd) == 3 &&
		    date_exists(y, m, dd)) {
			c.last_patch.y = y;
			c.last_patch.m = m;
			c.last_patch.d = dd;
		}
		col_key(s, 9, c.factory_pw, sizeof(c.factory_pw));
		col_key(s, 10, c.pw_reused, sizeof(c.pw_reused));
		col_key(s, 11, c.two_factor, sizeof(c.two_factor));
		col_key(s, 12, c.admin_exposed, sizeof(c.admin_exposed));
		col_key(s, 13, c.patient_data, sizeof(c.patient_data));
		col_key(s, 14, c.logs, sizeof(c.logs));
		col_key(s, 15, c.maker, sizeof(c.maker));
		col_key(s, 16, c.product, sizeof(c.product));
		c.model = store_col_text(s, 17);
		c.version = store_col_text(s, 18);
		c.memo = store_col_text(s, 19);
		/* id is the table's key: appended, taking c's strings */
		xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
		l->v[l->n++] = c;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

int
store_connection_put(struct store *st, struct connection *c, struct err *e)
{
	static const char ins[] =
		"INSERT INTO connection (" COLS ", updated) VALUES (?1, ?2, ?3,"
		" ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		" ?18, ?19, datetime('now'))";
	static const char upd[] =
		"UPDATE connection SET system = ?1, vendor_id = ?2, purpose = ?3,"
		" line = ?4, always_on = ?5, approver = ?6, patcher = ?7,"
		" last_patch = ?8, factory_pw = ?9, pw_reused = ?10,"
		" two_factor = ?11, admin_exposed = ?12, patient_data = ?13,"
		" logs = ?14, maker = ?15, product = ?16, model = ?17,"
		" version = ?18, memo = ?19, updated = datetime('now')"
		" WHERE id = ?20";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, c->id ? upd : ins, -1, &s, NULL);
	char iso[11];

	if (rc == SQLITE_OK) {
		store_bind_text(s, 1, c->system);
		if (c->vendor > 0)
			sqlite3_bind_int64(s, 2, c->vendor);
		store_bind_text(s, 3, c->purpose);
		sqlite3_bind_text(s, 4, c->line, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 5, c->always_on, -1, SQLITE_TRANSIENT);
		store_bind_text(s, 6, c->approver);
		sqlite3_bind_text(s, 7, c->patcher, -1, SQLITE_TRANSIENT);
		date_iso(&c->last_patch, iso);
		store_bind_text(s, 8, iso);
		sqlite3_bind_text(s, 9, c->factory_pw, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 10, c->pw_reused, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 11, c->two_factor, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 12, c->admin_exposed, -1,
				  SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 13, c->patient_data, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 14, c->logs, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 15, c->maker, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 16, c->product, -1, SQLITE_TRANSIENT);
		store_bind_text(s, 17, c->model);
		store_bind_text(s, 18, c->version);
		store_bind_text(s, 19, c->memo);
		if (c->id)
			sqlite3_bind_int64(s, 20, c->id);
	}
	if (store_step_done(st, s, rc, e) != 0)
		return -1;
	if (c->id == 0)
		c->id = (long)sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_connection_delete(struct store *st, long id, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(
		st->db, "DELETE FROM connection WHERE id = ?1", -1, &s, NULL);

	if (rc == SQLITE_OK)
		sqlite3_bind_int64(s, 1, id);
	return store_step_done(st, s, rc, e);
}

int
store_servers_load(struct store *st, struct server_list *l, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc;

	server_list_release(l);
	rc = sqlite3_prepare_v2(
		st->db,
		"SELECT +id, +name, +kind, +patcher, +vendor_id FROM server"
		" ORDER BY id",
		-1, &s, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct server sv;

		rc = SQLITE_OK;
		memset(&sv, 0, sizeof(sv));
		sv.id = (long)sqlite3_column_int64(s, 0);
		sv.name = store_col_text(s, 1);
		col_key(s, 2, sv.kind, sizeof(sv.kind));
		col_key(s, 3, sv.patcher, sizeof(sv.patcher));
		sv.vendor = (long)sqlite3_column_int64(s, 4);
		if (sv.name == NULL)
			sv.name = xstrdup("?");
		server_list_put(l, &sv);
		server_release(&sv);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

int
store_server_put(struct store *st, struct server *sv, struct err *e)
{
	static const char ins[] =
		"INSERT INTO server (name, kind, patcher, vendor_id, updated)"
		" VALUES (?1, ?2, ?3, ?4, datetime('now'))";
	static const char upd[] =
		"UPDATE server SET name = ?1, kind = ?2, patcher = ?3,"
		" vendor_id = ?4, updated = datetime('now') WHERE id = ?5";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sv->id ? upd : ins, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, sv->name != NULL ? sv->name : "", -1,
				  SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, sv->kind, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, sv->patcher, -1, SQLITE_TRANSIENT);
		if (sv->vendor > 0)
			sqlite3_bind_int64(s, 4, sv->vendor);
		if (sv->id)
			sqlite3_bind_int64(s, 5, sv->id);
	}
	if (store_step_done(st, s, rc, e) != 0)
		return -1;
	if (sv->id == 0)
		sv->id = (long)sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_server_delete(struct store *st, long id, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "DELETE FROM server WHERE id = ?1",
				    -1, &s, NULL);

	if (rc == SQLITE_OK)
		sqlite3_bind_int64(s, 1, id);
	return store_step_done(st, s, rc, e);
}

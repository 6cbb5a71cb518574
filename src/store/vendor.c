/* The vendor register, the answers about vendors, the contact chart. */
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

int
store_vendors_load(struct store *st, struct vendor_list *l, struct err *e)
{
	static const char sql[] =
		"SELECT +id, +name, +contact, +phone, +email, +memo, +systems,"
		" +contract FROM vendor ORDER BY id";
	sqlite3_stmt *s = NULL;
	int rc;

	vendor_list_release(l);
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct vendor v;
		const char *k = (const char *)sqlite3_column_text(s, 7);

		rc = SQLITE_OK;
		memset(&v, 0, sizeof(v));
		v.id = (long)sqlite3_column_int64(s, 0);
		v.name = store_col_text(s, 1);
		v.contact = store_col_text(s, 2);
		v.phone = store_col_text(s, 3);
		v.email = store_col_text(s, 4);
		v.memo = store_col_text(s, 5);
		v.systems = store_col_text(s, 6);
		if (k != NULL && strlen(k) <= CONTENT_ID_MAX)
			strcpy(v.contract, k);
		if (v.name == NULL)
			v.name = xstrdup("?");
		/* appended, taking v's strings (vendor_list_add copies) */
		xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
		l->v[l->n++] = v;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

int
store_vendor_put(struct store *st, struct vendor *v, struct err *e)
{
	static const char ins[] =
		"INSERT INTO vendor (name, contact, phone, email, memo, systems,"
		" contract, updated)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, datetime('now'))";
	static const char upd[] =
		"UPDATE vendor SET name = ?1, contact = ?2, phone = ?3,"
		" email = ?4, memo = ?5, systems = ?6, contract = ?7,"
		" updated = datetime('now') WHERE id = ?8";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, v->id ? upd : ins, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, v->name != NULL ? v->name : "", -1,
				  SQLITE_TRANSIENT);
		store_bind_text(s, 2, v->contact);
		store_bind_text(s, 3, v->phone);
		store_bind_text(s, 4, v->email);
		store_bind_text(s, 5, v->memo);
		store_bind_text(s, 6, v->systems);
		sqlite3_bind_text(s, 7, v->contract, -1, SQLITE_TRANSIENT);
		if (v->id)
			sqlite3_bind_int64(s, 8, v->id);
	}
	if (store_step_done(st, s, rc, e) != 0)
		return -1;
	if (v->id == 0)
		v->id = (long)sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_vendor_delete(struct store *st, long id, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc;

	/* Foreign keys cascade to the vendor's answers and set the
	 * checklist's ask_vendor to NULL, all in this one statement. */
	rc = sqlite3_prepare_v2(st->db, "DELETE FROM vendor WHERE id = ?1", -1,
				&s, NULL);
	if (rc == SQLITE_OK)
		sqlite3_bind_int64(s, 1, id);
	return store_step_done(st, s, rc, e);
}

int
store_vanswers_load(struct store *st, int year, struct vanswer_set *set,
		    struct err *e)
{
	static const char sql[] =
		"SELECT +vendor_id, +item_id, +value, +memo FROM vendor_answer"
		" WHERE +year = ?1 ORDER BY rowid"; /* rowid order: no sort */
	sqlite3_stmt *s = NULL;
	int rc;

	vanswer_set_release(set);
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK)
		sqlite3_bind_int(s, 1, year);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 1);
		const char *val = (const char *)sqlite3_column_text(s, 2);
		struct vanswer a;

		rc = SQLITE_OK;
		memset(&a, 0, sizeof(a));
		if (id == NULL || strlen(id) > CONTENT_ID_MAX || val == NULL ||
		    answer_value_parse(val, &a.value) != 0)
			continue; /* written by a newer iryosec: leave it */
		a.year = year;
		a.vendor = (long)sqlite3_column_int64(s, 0);
		strcpy(a.item_id, id);
		a.memo = store_col_text(s, 3);
		/* (year, vendor_id, item_id) is the table's key: no row
		 * repeats one, so no search (a file of many vendors) */
		xgrow((void **)&set->v, &set->alloc, set->n + 1,
		      sizeof(*set->v));
		set->v[set->n++] = a; /* takes a.memo */
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

int
store_vanswer_put(struct store *st, const struct vanswer *a, struct err *e)
{
	static const char sql[] =
		"INSERT INTO vendor_answer (year, vendor_id, item_id, value,"
		" memo, updated) VALUES (?1, ?2, ?3, ?4, ?5, datetime('now'))"
		" ON CONFLICT(year, vendor_id, item_id) DO UPDATE SET"
		" value = ?4, memo = ?5, updated = datetime('now')";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_int(s, 1, a->year);
		sqlite3_bind_int64(s, 2, a->vendor);
		sqlite3_bind_text(s, 3, a->item_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, answer_value_key(a->value), -1,
				  SQLITE_STATIC);
		store_bind_text(s, 5, a->memo);
	}
	return store_step_done(st, s, rc, e);
}

int
store_contacts_load(struct store *st, struct contact_list *l, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc;

	contact_list_release(l);
	rc = sqlite3_prepare_v2(st->db,
				"SELECT role, name, phone, note FROM contact",
				-1, &s, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(s, 0);
		struct contact ct;

		rc = SQLITE_OK;
		if (role == NULL || strlen(role) > CONTENT_ID_MAX)
			continue;
		memset(&ct, 0, sizeof(ct));
		strcpy(ct.role, role);
		ct.name = store_col_text(s, 1);
		ct.phone = store_col_text(s, 2);
		ct.note = store_col_text(s, 3);
		contact_put(l, &ct);
		contact_release(&ct);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

int
store_contact_put(struct store *st, const struct contact *ct, struct err *e)
{
	static const char sql[] =
		"INSERT INTO contact (role, name, phone, note, updated)"
		" VALUES (?1, ?2, ?3, ?4, datetime('now'))"
		" ON CONFLICT(role) DO UPDATE SET name = ?2, phone = ?3,"
		" note = ?4, updated = datetime('now')";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s, 1, ct->role, -1, SQLITE_STATIC);
		store_bind_text(s, 2, ct->name);
		store_bind_text(s, 3, ct->phone);
		store_bind_text(s, 4, ct->note);
	}
	return store_step_done(st, s, rc, e);
}

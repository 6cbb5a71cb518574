/*
 * What an import does to a data file, and doing it. The plan matches the
 * records of the file with those of the data file, counts what is added,
 * changed and left as it is per part, and remembers which row each
 * register record becomes; xfer_apply writes exactly that, in one
 * transaction. Nothing is deleted: what only the data file has stays.
 */
#include "xfer/xfer.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

enum act { ACT_SAME = 0, ACT_ADD, ACT_CHANGE };

static bool
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL || a[0] == '\0') &&
		       (b == NULL || b[0] == '\0');
	return strcmp(a, b) == 0;
}

static bool
same_date(const struct date *a, const struct date *b)
{
	return date_cmp(a, b) == 0;
}

/* The data file's row id of the file's vendor ref (0: none or new). */
static long
vendor_row(const struct xfer_plan *p, const struct xfer_data *file, long ref)
{
	size_t i;

	for (i = 0; ref > 0 && i < file->vendors.n; i++)
		if (file->vendors.v[i].id == ref)
			return p->vendor_ids[i];
	return 0;
}

/* True when the file's vendor ref names the data file's vendor row. */
static bool
same_vendor(const struct xfer_plan *p, const struct xfer_data *file, long ref,
	    long row)
{
	if (ref == 0)
		return row == 0;
	return vendor_row(p, file, ref) == row && row != 0;
}

static void
count(struct xfer_plan *p, enum xfer_part part, enum act a)
{
	if (a == ACT_ADD)
		p->added[part]++;
	else if (a == ACT_CHANGE)
		p->changed[part]++;
	else
		p->same[part]++;
}

static bool
vendor_equal(const struct vendor *a, const struct vendor *b)
{
	return same_text(a->name, b->name) &&
	       same_text(a->contact, b->contact) &&
	       same_text(a->phone, b->phone) && same_text(a->email, b->email) &&
	       same_text(a->memo, b->memo) &&
	       same_text(a->systems, b->systems) &&
	       strcmp(a->contract, b->contract) == 0;
}

static bool
connection_equal(const struct xfer_plan *p, const struct xfer_data *file,
		 const struct connection *a, const struct connection *b)
{
	return same_text(a->system, b->system) &&
	       same_vendor(p, file, a->vendor, b->vendor) &&
	       same_text(a->purpose, b->purpose) &&
	       strcmp(a->line, b->line) == 0 &&
	       strcmp(a->always_on, b->always_on) == 0 &&
	       same_text(a->approver, b->approver) &&
	       strcmp(a->patcher, b->patcher) == 0 &&
	       same_date(&a->last_patch, &b->last_patch) &&
	       strcmp(a->factory_pw, b->factory_pw) == 0 &&
	       strcmp(a->pw_reused, b->pw_reused) == 0 &&
	       strcmp(a->two_factor, b->two_factor) == 0 &&
	       strcmp(a->admin_exposed, b->admin_exposed) == 0 &&
	       strcmp(a->patient_data, b->patient_data) == 0 &&
	       strcmp(a->logs, b->logs) == 0 &&
	       strcmp(a->maker, b->maker) == 0 &&
	       strcmp(a->product, b->product) == 0 &&
	       same_text(a->model, b->model) &&
	       same_text(a->version, b->version) && same_text(a->memo, b->memo);
}

static bool
server_equal(const struct xfer_plan *p, const struct xfer_data *file,
	     const struct server *a, const struct server *b)
{
	return same_text(a->name, b->name) && strcmp(a->kind, b->kind) == 0 &&
	       strcmp(a->patcher, b->patcher) == 0 &&
	       same_vendor(p, file, a->vendor, b->vendor);
}

/*
 * Matches the file's vendors with the data file's by name, the n-th of a
 * name with the n-th (so two vendors of one name stay two).
 */
static void
plan_vendors(struct xfer_plan *p, const struct xfer_data *file,
	     const struct xfer_data *db)
{
	bool *taken = xcalloc(db->vendors.n + 1, sizeof(*taken));
	size_t i, k;

	for (i = 0; i < file->vendors.n; i++) {
		const struct vendor *v = &file->vendors.v[i];
		enum act a = ACT_ADD;

		for (k = 0; k < db->vendors.n; k++) {
			if (taken[k] ||
			    !same_text(v->name, db->vendors.v[k].name))
				continue;
			taken[k] = true;
			p->vendor_ids[i] = db->vendors.v[k].id;
			a = vendor_equal(v, &db->vendors.v[k]) ? ACT_SAME
							       : ACT_CHANGE;
			break;
		}
		count(p, XFER_VENDORS, a);
	}
	free(taken);
}

/* The vendor row a connection or server of the file is matched by: its
 * vendor's, -1 for a vendor the import adds (no row matches it yet). */
static long
match_vendor(const struct xfer_plan *p, const struct xfer_data *file, long ref)
{
	long row = vendor_row(p, file, ref);

	return ref != 0 && row == 0 ? -1 : row;
}

/* Connections are matched by system and vendor, the n-th with the n-th. */
static void
plan_connections(struct xfer_plan *p, const struct xfer_data *file,
		 const struct xfer_data *db)
{
	bool *taken = xcalloc(db->connections.n + 1, sizeof(*taken));
	size_t i, k;

	for (i = 0; i < file->connections.n; i++) {
		const struct connection *c = &file->connections.v[i];
		long vrow = match_vendor(p, file, c->vendor);
		enum act a = ACT_ADD;

		for (k = 0; k < db->connections.n; k++) {
			const struct connection *o = &db->connections.v[k];

			if (taken[k] || !same_text(c->system, o->system) ||
			    vrow != o->vendor)
				continue;
			taken[k] = true;
			p->conn_ids[i] = o->id;
			a = connection_equal(p, file, c, o) ? ACT_SAME
							    : ACT_CHANGE;
			break;
		}
		count(p, XFER_CONNECTIONS, a);
	}
	free(taken);
}

/* Servers are matched by name, the n-th with the n-th. */
static void
plan_servers(struct xfer_plan *p, const struct xfer_data *file,
	     const struct xfer_data *db)
{
	bool *taken = xcalloc(db->servers.n + 1, sizeof(*taken));
	size_t i, k;

	for (i = 0; i < file->servers.n; i++) {
		const struct server *s = &file->servers.v[i];
		enum act a = ACT_ADD;

		for (k = 0; k < db->servers.n; k++) {
			if (taken[k] ||
			    !same_text(s->name, db->servers.v[k].name))
				continue;
			taken[k] = true;
			p->server_ids[i] = db->servers.v[k].id;
			a = server_equal(p, file, s, &db->servers.v[k])
				    ? ACT_SAME
				    : ACT_CHANGE;
			break;
		}
		count(p, XFER_SERVERS, a);
	}
	free(taken);
}

static const struct xfer_year *
year_find(const struct xfer_data *d, int year)
{
	size_t i;

	for (i = 0; i < d->nyears; i++)
		if (d->years[i].year == year)
			return &d->years[i];
	return NULL;
}

static enum act
facility_act(const struct xfer_data *file, const struct xfer_data *db)
{
	const struct facility *a = &file->facility, *b = &db->facility;

	if (!db->has_facility)
		return ACT_ADD;
	return same_text(a->name, b->name) && a->type == b->type &&
			       same_text(a->manager, b->manager) &&
			       same_text(a->officer, b->officer) &&
			       same_text(a->checker, b->checker) &&
			       same_text(a->health_center, b->health_center) &&
			       a->year == b->year
		       ? ACT_SAME
		       : ACT_CHANGE;
}

/* A year's edition: added when the data file has none recorded. */
static enum act
year_act(const struct xfer_year *y, const struct xfer_year *old)
{
	if (y->edition[0] == '\0')
		return ACT_SAME; /* nothing to record */
	if (old == NULL || old->edition[0] == '\0')
		return ACT_ADD;
	return strcmp(y->edition, old->edition) == 0 ? ACT_SAME : ACT_CHANGE;
}

static enum act
answer_act(const struct xfer_plan *p, const struct xfer_data *file,
	   const struct answer *a, const struct xfer_year *old)
{
	const struct answer *b =
		old != NULL
			? answer_set_find(&old->answers, a->item_id, a->cell)
			: NULL;

	if (b == NULL)
		return ACT_ADD;
	return a->value == b->value && same_date(&a->checked, &b->checked) &&
			       same_date(&a->target, &b->target) &&
			       same_vendor(p, file, a->ask, b->ask) &&
			       same_text(a->owner, b->owner) &&
			       same_text(a->memo, b->memo)
		       ? ACT_SAME
		       : ACT_CHANGE;
}

static enum act
vanswer_act(const struct xfer_plan *p, const struct xfer_data *file,
	    const struct vanswer *a, const struct xfer_year *old)
{
	long row = vendor_row(p, file, a->vendor);
	const struct vanswer *b =
		old != NULL && row != 0
			? vanswer_find(&old->vanswers, row, a->item_id)
			: NULL;

	if (b == NULL)
		return ACT_ADD;
	return a->value == b->value && same_text(a->memo, b->memo) ? ACT_SAME
								   : ACT_CHANGE;
}

static enum act
contact_act(const struct contact *ct, const struct xfer_data *db)
{
	const struct contact *o = contact_find(&db->contacts, ct->role);

	if (o == NULL)
		return ACT_ADD;
	return same_text(ct->name, o->name) && same_text(ct->phone, o->phone) &&
			       same_text(ct->note, o->note)
		       ? ACT_SAME
		       : ACT_CHANGE;
}

void
xfer_plan_make(struct xfer_plan *p, const struct xfer_data *file,
	       const struct xfer_data *db, const struct content *c)
{
	size_t i, k;

	xfer_plan_release(p);
	p->vendor_ids = xcalloc(file->vendors.n + 1, sizeof(long));
	p->conn_ids = xcalloc(file->connections.n + 1, sizeof(long));
	p->server_ids = xcalloc(file->servers.n + 1, sizeof(long));
	plan_vendors(p, file, db);
	plan_connections(p, file, db);
	plan_servers(p, file, db);
	if (file->has_facility)
		count(p, XFER_FACILITY, facility_act(file, db));
	if (file->has_facility && db->has_facility &&
	    file->facility.name != NULL && db->facility.name != NULL &&
	    db->facility.name[0] != '\0' &&
	    !same_text(file->facility.name, db->facility.name)) {
		p->db_name = xstrdup(db->facility.name);
		p->file_name = xstrdup(file->facility.name);
	}
	for (i = 0; i < file->nyears; i++) {
		const struct xfer_year *y = &file->years[i];
		const struct xfer_year *old = year_find(db, y->year);

		if (y->edition[0] != '\0')
			count(p, XFER_YEARS, year_act(y, old));
		for (k = 0; k < y->answers.n; k++)
			count(p, XFER_ANSWERS,
			      answer_act(p, file, &y->answers.v[k], old));
		for (k = 0; k < y->vanswers.n; k++)
			count(p, XFER_VANSWERS,
			      vanswer_act(p, file, &y->vanswers.v[k], old));
		if (y->edition[0] != '\0' &&
		    content_edition_find(c, y->edition) == NULL) {
			struct xfer_foreign *f;

			p->foreign = xrealloc(p->foreign,
					      (p->nforeign + 1) * sizeof(*f));
			f = &p->foreign[p->nforeign++];
			f->year = y->year;
			strcpy(f->edition, y->edition);
			f->answers = y->answers.n;
		}
	}
	for (i = 0; i < file->contacts.n; i++)
		count(p, XFER_CONTACTS, contact_act(&file->contacts.v[i], db));
}

bool
xfer_plan_changes(const struct xfer_plan *p)
{
	size_t i;

	for (i = 0; i < XFER__PARTS; i++)
		if (p->added[i] > 0 || p->changed[i] > 0)
			return true;
	return false;
}

void
xfer_plan_text(const struct xfer_plan *p, struct strbuf *out)
{
	static const char *const names[XFER__PARTS] = {
		[XFER_FACILITY] = N_("Facility details"),
		[XFER_YEARS] = N_("Fiscal years and their editions"),
		[XFER_ANSWERS] = N_("Checklist answers"),
		[XFER_VANSWERS] = N_("Answers about vendors"),
		[XFER_VENDORS] = N_("Vendors"),
		[XFER_CONNECTIONS] = N_("Remote-maintenance connections"),
		[XFER_SERVERS] = N_("Servers (maintenance contractors)"),
		[XFER_CONTACTS] = N_("Contact chart"),
	};
	struct strbuf fy = STRBUF_INIT;
	size_t i;

	for (i = 0; i < XFER__PARTS; i++)
		strbuf_addf(
			out, _("  %s: %zu added, %zu changed, %zu unchanged\n"),
			_(names[i]), p->added[i], p->changed[i], p->same[i]);
	for (i = 0; i < p->nforeign; i++) {
		strbuf_reset(&fy);
		date_add_fy_name(&fy, p->foreign[i].year);
		strbuf_addf(
			out,
			_("%s: the edition '%s' is not in this iryosec. Its %zu answer(s) are kept as they are, but the screens and the report use them only once iryosec has that edition.\n"),
			fy.buf, p->foreign[i].edition, p->foreign[i].answers);
	}
	if (p->db_name != NULL && p->file_name != NULL)
		strbuf_addf(
			out,
			_("Note: the data file is for %s, but the file to import is for %s. Make sure it is not another clinic's file: importing it replaces the facility details and every answer it holds for the same item.\n"),
			p->db_name, p->file_name);
	strbuf_release(&fy);
}

void
xfer_plan_release(struct xfer_plan *p)
{
	free(p->foreign);
	free(p->vendor_ids);
	free(p->conn_ids);
	free(p->server_ids);
	free(p->db_name);
	free(p->file_name);
	memset(p, 0, sizeof(*p));
}

/* Writes the vendors the plan adds or changes; sets rows[i] of the new. */
static int
apply_vendors(struct store *st, const struct xfer_data *file,
	      const struct xfer_data *db, long *rows, struct err *e)
{
	size_t i;

	for (i = 0; i < file->vendors.n; i++) {
		const struct vendor *old =
			rows[i] != 0 ? vendor_list_find(&db->vendors, rows[i])
				     : NULL;
		struct vendor v;
		int r;

		if (old != NULL && vendor_equal(&file->vendors.v[i], old))
			continue;
		vendor_copy(&v, &file->vendors.v[i]);
		v.id = rows[i];
		r = store_vendor_put(st, &v, e);
		rows[i] = v.id;
		vendor_release(&v);
		if (r != 0)
			return -1;
	}
	return 0;
}

static int
apply_registers(struct store *st, const struct xfer_plan *q,
		const struct xfer_data *file, const struct xfer_data *db,
		struct err *e)
{
	size_t i, k;

	for (i = 0; i < file->connections.n; i++) {
		struct connection c;
		int r = 0;

		for (k = 0; k < db->connections.n; k++)
			if (db->connections.v[k].id == q->conn_ids[i])
				break;
		if (q->conn_ids[i] != 0 && k < db->connections.n &&
		    connection_equal(q, file, &file->connections.v[i],
				     &db->connections.v[k]))
			continue;
		connection_copy(&c, &file->connections.v[i]);
		c.id = q->conn_ids[i];
		c.vendor = vendor_row(q, file, c.vendor);
		r = store_connection_put(st, &c, e);
		connection_release(&c);
		if (r != 0)
			return -1;
	}
	for (i = 0; i < file->servers.n; i++) {
		struct server s;
		int r;

		for (k = 0; k < db->servers.n; k++)
			if (db->servers.v[k].id == q->server_ids[i])
				break;
		if (q->server_ids[i] != 0 && k < db->servers.n &&
		    server_equal(q, file, &file->servers.v[i],
				 &db->servers.v[k]))
			continue;
		server_copy(&s, &file->servers.v[i]);
		s.id = q->server_ids[i];
		s.vendor = vendor_row(q, file, s.vendor);
		r = store_server_put(st, &s, e);
		server_release(&s);
		if (r != 0)
			return -1;
	}
	for (i = 0; i < file->contacts.n; i++)
		if (contact_act(&file->contacts.v[i], db) != ACT_SAME &&
		    store_contact_put(st, &file->contacts.v[i], e) != 0)
			return -1;
	return 0;
}

static int
apply_year(struct store *st, const struct xfer_plan *q,
	   const struct xfer_data *file, const struct xfer_year *y,
	   const struct xfer_year *old, struct err *e)
{
	size_t k;

	if (year_act(y, old) != ACT_SAME &&
	    store_year_edition_put(st, y->year, y->edition, e) != 0)
		return -1;
	for (k = 0; k < y->answers.n; k++) {
		struct answer a = y->answers.v[k];

		if (answer_act(q, file, &a, old) == ACT_SAME)
			continue;
		a.ask = vendor_row(q, file, a.ask);
		if (store_answer_put(st, &a, e) != 0)
			return -1;
	}
	for (k = 0; k < y->vanswers.n; k++) {
		struct vanswer a = y->vanswers.v[k];

		if (vanswer_act(q, file, &a, old) == ACT_SAME)
			continue;
		a.vendor = vendor_row(q, file, a.vendor);
		if (store_vanswer_put(st, &a, e) != 0)
			return -1;
	}
	return 0;
}

int
xfer_apply(struct store *st, const struct xfer_plan *p,
	   const struct xfer_data *file, const struct xfer_data *db,
	   struct err *e)
{
	struct xfer_plan q = *p; /* its vendor rows grow as vendors are added */
	size_t i;
	int r = -1;

	q.vendor_ids = xcalloc(file->vendors.n + 1, sizeof(long));
	if (file->vendors.n > 0)
		memcpy(q.vendor_ids, p->vendor_ids,
		       file->vendors.n * sizeof(long));
	if (store_begin(st, e) != 0)
		goto out;
	if (apply_vendors(st, file, db, q.vendor_ids, e) != 0)
		goto fail;
	if (file->has_facility && facility_act(file, db) != ACT_SAME &&
	    store_facility_save(st, &file->facility, e) != 0)
		goto fail;
	for (i = 0; i < file->nyears; i++)
		if (apply_year(st, &q, file, &file->years[i],
			       year_find(db, file->years[i].year), e) != 0)
			goto fail;
	if (apply_registers(st, &q, file, db, e) != 0 ||
	    store_commit(st, e) != 0)
		goto fail;
	r = 0;
	goto out;
fail:
	store_rollback(st);
out:
	free(q.vendor_ids);
	return r;
}

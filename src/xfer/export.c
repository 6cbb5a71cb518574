/*
 * The export's JSON (docs/export-schema.json), built with jansson. The
 * same data always gives the same bytes: object keys sorted, records in a
 * fixed order, no time of export, vendors numbered by their place in the
 * register rather than by row id.
 */
#include "xfer/xfer.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#ifndef IRY_VERSION
#define IRY_VERSION "0.1.0"
#endif

/* Makes a JSON string of s; invalid UTF-8 (a file edited by hand) has
 * its bad bytes replaced, as jansson takes only UTF-8. */
static json_t *
jstr(const char *s)
{
	size_t bad;
	json_t *j;
	char *p;

	if (utf8_check(s, strlen(s), &bad) == 0)
		return json_string(s);
	p = utf8_printable(s);
	j = json_string(p);
	free(p);
	return j;
}

/* Sets key to s unless s is NULL or empty (absent means empty). */
static void
put_str(json_t *o, const char *key, const char *s)
{
	if (s != NULL && s[0] != '\0')
		json_object_set_new(o, key, jstr(s));
}

static void
put_int(json_t *o, const char *key, long long v)
{
	json_object_set_new(o, key, json_integer(v));
}

static void
put_date(json_t *o, const char *key, const struct date *d)
{
	char iso[11];

	if (!date_is_set(d))
		return;
	date_iso(d, iso);
	json_object_set_new(o, key, json_string(iso));
}

/* The vendor's number in the export (1, 2, ...), or 0 when id is none. */
static long
vendor_ref(const struct xfer_data *d, long id)
{
	size_t i;

	for (i = 0; id > 0 && i < d->vendors.n; i++) {
		if (d->vendors.v[i].id == id)
			return (long)i + 1;
	}
	return 0;
}

static void
put_vendor(json_t *o, const char *key, const struct xfer_data *d, long id)
{
	long ref = vendor_ref(d, id);

	if (ref > 0)
		put_int(o, key, ref);
}

static json_t *
facility_json(const struct facility *f)
{
	json_t *o = json_object();

	put_str(o, "name", f->name);
	if (f->type != FACILITY_NONE)
		put_str(o, "type", facility_type_key(f->type));
	put_str(o, "manager", f->manager);
	put_str(o, "officer", f->officer);
	put_str(o, "checker", f->checker);
	put_str(o, "health_center", f->health_center);
	if (f->year != 0)
		put_int(o, "year", f->year);
	return o;
}

static int
answer_cmp(const void *pa, const void *pb)
{
	const struct answer *a = *(const struct answer *const *)pa;
	const struct answer *b = *(const struct answer *const *)pb;
	int r = strcmp(a->item_id, b->item_id);

	return r != 0 ? r : (int)a->cell - (int)b->cell;
}

static json_t *
answers_json(const struct xfer_data *d, const struct answer_set *s)
{
	const struct answer **v = xcalloc(s->n ? s->n : 1, sizeof(*v));
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < s->n; i++)
		v[i] = &s->v[i];
	qsort(v, s->n, sizeof(*v), answer_cmp);
	for (i = 0; i < s->n; i++) {
		const struct answer *a = v[i];
		json_t *o = json_object();

		json_object_set_new(o, "item", json_string(a->item_id));
		json_object_set_new(o, "cell", json_string(cell_key(a->cell)));
		if (a->value != ANSWER_NONE)
			put_str(o, "value", answer_value_key(a->value));
		put_date(o, "checked", &a->checked);
		put_date(o, "target", &a->target);
		put_vendor(o, "ask", d, a->ask);
		put_str(o, "owner", a->owner);
		put_str(o, "memo", a->memo);
		json_array_append_new(arr, o);
	}
	free(v);
	return arr;
}

/* Vendor answers sort by the vendor's number, then the item. */
struct vsort {
	long ref;
	const struct vanswer *a;
};

static int
vanswer_cmp(const void *pa, const void *pb)
{
	const struct vsort *a = pa, *b = pb;

	if (a->ref != b->ref)
		return a->ref < b->ref ? -1 : 1;
	return strcmp(a->a->item_id, b->a->item_id);
}

static json_t *
vanswers_json(const struct xfer_data *d, const struct vanswer_set *s)
{
	struct vsort *v = xcalloc(s->n ? s->n : 1, sizeof(*v));
	json_t *arr = json_array();
	size_t i, n = 0;

	for (i = 0; i < s->n; i++) {
		long ref = vendor_ref(d, s->v[i].vendor);

		if (ref == 0)
			continue; /* about a vendor no longer there */
		v[n].ref = ref;
		v[n++].a = &s->v[i];
	}
	qsort(v, n, sizeof(*v), vanswer_cmp);
	for (i = 0; i < n; i++) {
		json_t *o = json_object();

		put_int(o, "vendor", v[i].ref);
		json_object_set_new(o, "item", json_string(v[i].a->item_id));
		if (v[i].a->value != ANSWER_NONE)
			put_str(o, "value", answer_value_key(v[i].a->value));
		put_str(o, "memo", v[i].a->memo);
		json_array_append_new(arr, o);
	}
	free(v);
	return arr;
}

static json_t *
years_json(const struct xfer_data *d)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < d->nyears; i++) {
		const struct xfer_year *y = &d->years[i];
		json_t *o = json_object();

		put_int(o, "year", y->year);
		put_str(o, "edition", y->edition);
		json_object_set_new(o, "answers", answers_json(d, &y->answers));
		json_object_set_new(o, "vendor_answers",
				    vanswers_json(d, &y->vanswers));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* "emr,network" as ["emr", "network"]. */
static json_t *
systems_json(const char *list)
{
	json_t *arr = json_array();
	const char *p = list, *comma;

	while (p != NULL && *p != '\0') {
		comma = strchr(p, ',');
		if (comma == NULL)
			comma = p + strlen(p);
		if (comma > p) {
			char *one = xstrndup(p, (size_t)(comma - p));

			json_array_append_new(arr, jstr(one));
			free(one);
		}
		p = *comma != '\0' ? comma + 1 : comma;
	}
	return arr;
}

static json_t *
vendors_json(const struct xfer_data *d)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < d->vendors.n; i++) {
		const struct vendor *v = &d->vendors.v[i];
		json_t *o = json_object();

		put_int(o, "ref", (long long)i + 1);
		put_str(o, "name", v->name);
		put_str(o, "contact", v->contact);
		put_str(o, "phone", v->phone);
		put_str(o, "email", v->email);
		put_str(o, "memo", v->memo);
		if (v->systems != NULL && v->systems[0] != '\0')
			json_object_set_new(o, "systems",
					    systems_json(v->systems));
		put_str(o, "contract", v->contract);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
connections_json(const struct xfer_data *d)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < d->connections.n; i++) {
		const struct connection *c = &d->connections.v[i];
		json_t *o = json_object();

		put_str(o, "system", c->system);
		put_vendor(o, "vendor", d, c->vendor);
		put_str(o, "purpose", c->purpose);
		put_str(o, "line", c->line);
		put_str(o, "always_on", c->always_on);
		put_str(o, "approver", c->approver);
		put_str(o, "patcher", c->patcher);
		put_date(o, "last_patch", &c->last_patch);
		put_str(o, "factory_pw", c->factory_pw);
		put_str(o, "pw_reused", c->pw_reused);
		put_str(o, "two_factor", c->two_factor);
		put_str(o, "admin_exposed", c->admin_exposed);
		put_str(o, "patient_data", c->patient_data);
		put_str(o, "logs", c->logs);
		put_str(o, "maker", c->maker);
		put_str(o, "product", c->product);
		put_str(o, "model", c->model);
		put_str(o, "version", c->version);
		put_str(o, "memo", c->memo);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
servers_json(const struct xfer_data *d)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < d->servers.n; i++) {
		const struct server *s = &d->servers.v[i];
		json_t *o = json_object();

		put_str(o, "name", s->name);
		put_str(o, "kind", s->kind);
		put_str(o, "patcher", s->patcher);
		put_vendor(o, "vendor", d, s->vendor);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
contacts_json(const struct xfer_data *d)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < d->contacts.n; i++) {
		const struct contact *ct = &d->contacts.v[i];
		json_t *o = json_object();

		put_str(o, "role", ct->role);
		put_str(o, "name", ct->name);
		put_str(o, "phone", ct->phone);
		put_str(o, "note", ct->note);
		json_array_append_new(arr, o);
	}
	return arr;
}

static int
id_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The editions the years use, by id, described from content. */
static json_t *
editions_json(const struct xfer_data *d, const struct content *c)
{
	json_t *arr = json_array();
	const char **ids = xcalloc(d->nyears ? d->nyears : 1, sizeof(*ids));
	size_t i, k, n = 0;

	for (i = 0; i < d->nyears; i++) {
		const char *id = d->years[i].edition;

		for (k = 0; k < n && strcmp(ids[k], id) != 0; k++)
			;
		if (id[0] != '\0' && k == n)
			ids[n++] = id;
	}
	qsort(ids, n, sizeof(*ids), id_cmp);
	for (i = 0; i < n; i++) {
		const struct edition *ed = content_edition_find(c, ids[i]);
		json_t *o = json_object();

		put_str(o, "id", ids[i]);
		if (ed != NULL) {
			put_str(o, "name", ed->name);
			put_str(o, "title", ed->title);
			put_int(o, "first_year", ed->first_year);
			json_object_set_new(o, "verified",
					    json_boolean(ed->verified));
		}
		json_array_append_new(arr, o);
	}
	free(ids);
	return arr;
}

void
xfer_json_write(const struct xfer_data *d, const struct content *c,
		struct strbuf *out)
{
	json_t *root = json_object();
	char *text;

	json_object_set_new(root, "format", json_string(XFER_FORMAT_NAME));
	put_int(root, "version", XFER_FORMAT_VERSION);
	json_object_set_new(root, "generator",
			    json_string("iryosec " IRY_VERSION));
	if (d->has_facility)
		json_object_set_new(root, "facility",
				    facility_json(&d->facility));
	json_object_set_new(root, "editions", editions_json(d, c));
	json_object_set_new(root, "years", years_json(d));
	json_object_set_new(root, "vendors", vendors_json(d));
	json_object_set_new(root, "connections", connections_json(d));
	json_object_set_new(root, "servers", servers_json(d));
	json_object_set_new(root, "contacts", contacts_json(d));
	text = json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS);
	if (text == NULL)
		die("%s", _("out of memory"));
	strbuf_addstr(out, text);
	strbuf_addch(out, '\n');
	free(text);
	json_decref(root);
}

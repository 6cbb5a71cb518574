/*
 * The registers of an import file: vendors (read first: the other parts
 * name them by "ref"), remote-maintenance connections, the servers of
 * 保守委託機関編, the contact chart, and the "editions" it describes. Each
 * record is checked as its form screen checks it.
 */
#include "xfer/internal.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ["emr", "network"] as "emr,network" (owned; NULL when empty). */
static int
read_systems(struct xfer_reader *r, json_t *o, char **out)
{
	json_t *arr, *v;
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int rc;

	*out = NULL;
	arr = xfer_rd_get_array(r, o, "systems", &rc);
	if (arr == NULL)
		return rc;
	xfer_rd_push_key(r, "systems");
	json_array_foreach(arr, i, v)
	{
		xfer_rd_push_index(r, i);
		if (!json_is_string(v) ||
		    !xfer_rd_id_ok(json_string_value(v), CONTENT_ID_MAX)) {
			strbuf_release(&sb);
			return xfer_rd_bad(
				r, "%s",
				_("this must be the key of a system, e.g. \"emr\""));
		}
		strbuf_addf(&sb, "%s%s", sb.len ? "," : "",
			    json_string_value(v));
		xfer_rd_pop(r);
	}
	xfer_rd_pop(r);
	if (sb.len > 0)
		*out = strbuf_detach(&sb, NULL);
	return 0;
}

/* Runs vendor_check on v's name and one more field, blaming that field. */
static int
vendor_field(struct xfer_reader *r, const struct vendor *v, const char *key,
	     char *const *field)
{
	struct vendor t;
	struct err m = ERR_INIT;

	memset(&t, 0, sizeof(t));
	t.name = v->name;
	if (strcmp(key, "phone") == 0)
		t.phone = *field;
	else
		t.email = *field;
	if (vendor_check(&t, &m) == 0)
		return 0;
	xfer_rd_push_key(r, key);
	return xfer_rd_bad_model(r, &m);
}

int
xfer_rd_vendor(struct xfer_reader *r, json_t *o, struct xfer_year *unused,
	       const struct edition *unused_ed)
{
	static const char *const keys[] = {"ref",     "name",    "contact",
					   "phone",   "email",   "memo",
					   "systems", "contract"};
	struct vendor v;
	struct err m = ERR_INIT;
	long long ref;
	int rc = -1;

	(void)unused;
	(void)unused_ed;
	memset(&v, 0, sizeof(v));
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_int(r, o, "ref", true, 1, INT32_MAX, &ref) != 0 ||
	    xfer_rd_get_text(r, o, "name", true, VENDOR_TEXT_MAX, &v.name) ||
	    xfer_rd_get_text(r, o, "contact", false, VENDOR_TEXT_MAX,
			     &v.contact) ||
	    xfer_rd_get_text(r, o, "phone", false, VENDOR_TEXT_MAX, &v.phone) ||
	    xfer_rd_get_text(r, o, "email", false, VENDOR_TEXT_MAX, &v.email) ||
	    xfer_rd_get_text(r, o, "memo", false, VENDOR_MEMO_MAX, &v.memo) ||
	    read_systems(r, o, &v.systems) != 0 ||
	    xfer_rd_get_id(r, o, "contract", false, v.contract,
			   sizeof(v.contract)) != 0 ||
	    vendor_field(r, &v, "phone", &v.phone) != 0 ||
	    vendor_field(r, &v, "email", &v.email) != 0)
		goto out;
	if (vendor_list_find(&r->d->vendors, (long)ref) != NULL) {
		xfer_rd_push_key(r, "ref");
		xfer_rd_bad(r, _("the vendor number %lld is used twice"), ref);
		goto out;
	}
	v.id = (long)ref;
	if (vendor_check(&v, &m) != 0) {
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	vendor_list_add(&r->d->vendors, &v);
	rc = 0;
out:
	vendor_release(&v);
	return rc;
}

int
xfer_rd_connection(struct xfer_reader *r, json_t *o, struct xfer_year *unused,
		   const struct edition *unused_ed)
{
	static const char *const keys[] = {
		"system",       "vendor",    "purpose",    "line",
		"always_on",    "approver",  "patcher",    "last_patch",
		"factory_pw",   "pw_reused", "two_factor", "admin_exposed",
		"patient_data", "logs",      "maker",      "product",
		"model",        "version",   "memo"};
	/* the stored keys of the answers, each CONN_KEY_MAX at most */
	static const char *const small[] = {
		"always_on",  "patcher",       "factory_pw",   "pw_reused",
		"two_factor", "admin_exposed", "patient_data", "logs"};
	struct connection c;
	struct err m = ERR_INIT;
	char *dst[N(small)];
	size_t i;
	int rc = -1;

	(void)unused;
	(void)unused_ed;
	memset(&c, 0, sizeof(c));
	dst[0] = c.always_on;
	dst[1] = c.patcher;
	dst[2] = c.factory_pw;
	dst[3] = c.pw_reused;
	dst[4] = c.two_factor;
	dst[5] = c.admin_exposed;
	dst[6] = c.patient_data;
	dst[7] = c.logs;
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_text(r, o, "system", false, CONN_TEXT_MAX, &c.system) !=
		    0 ||
	    xfer_rd_get_vendor(r, o, "vendor", false, &c.vendor) != 0 ||
	    xfer_rd_get_text(r, o, "purpose", false, CONN_TEXT_MAX,
			     &c.purpose) != 0 ||
	    xfer_rd_get_id(r, o, "line", false, c.line, sizeof(c.line)) ||
	    xfer_rd_get_text(r, o, "approver", false, CONN_TEXT_MAX,
			     &c.approver) != 0 ||
	    xfer_rd_get_date(r, o, "last_patch", &c.last_patch) != 0 ||
	    xfer_rd_get_id(r, o, "maker", false, c.maker, sizeof(c.maker)) ||
	    xfer_rd_get_id(r, o, "product", false, c.product,
			   sizeof(c.product)) != 0 ||
	    xfer_rd_get_text(r, o, "model", false, CONN_TEXT_MAX, &c.model) ||
	    xfer_rd_get_text(r, o, "version", false, CONN_TEXT_MAX,
			     &c.version) != 0 ||
	    xfer_rd_get_text(r, o, "memo", false, ANSWER_MEMO_MAX, &c.memo))
		goto out;
	for (i = 0; i < N(small); i++)
		if (xfer_rd_get_id(r, o, small[i], false, dst[i],
				   CONN_KEY_MAX + 1) != 0)
			goto out;
	if (date_is_set(&c.last_patch) &&
	    date_cmp(&c.last_patch, r->today) > 0) {
		xfer_rd_push_key(r, "last_patch");
		xfer_rd_bad(
			r, "%s",
			_("the date of the last update cannot be in the future"));
		goto out;
	}
	if (connection_check(&c, r->today, &m) != 0) {
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	/* numbered by place, so that each is a record of its own */
	c.id = (long)r->d->connections.n + 1;
	connection_list_put(&r->d->connections, &c);
	rc = 0;
out:
	connection_release(&c);
	return rc;
}

int
xfer_rd_server(struct xfer_reader *r, json_t *o, struct xfer_year *unused,
	       const struct edition *unused_ed)
{
	static const char *const keys[] = {"name", "kind", "patcher", "vendor"};
	struct server s;
	struct err m = ERR_INIT;
	int rc = -1;

	(void)unused;
	(void)unused_ed;
	memset(&s, 0, sizeof(s));
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_text(r, o, "name", true, SERVER_TEXT_MAX, &s.name) ||
	    xfer_rd_get_id(r, o, "kind", false, s.kind, sizeof(s.kind)) ||
	    xfer_rd_get_id(r, o, "patcher", false, s.patcher,
			   sizeof(s.patcher)) != 0 ||
	    xfer_rd_get_vendor(r, o, "vendor", false, &s.vendor) != 0)
		goto out;
	/* the store's default, as a server saved without a kind gets */
	if (s.kind[0] == '\0')
		strcpy(s.kind, "server");
	if (server_check(&s, &m) != 0) {
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	s.id = (long)r->d->servers.n + 1;
	server_list_put(&r->d->servers, &s);
	rc = 0;
out:
	server_release(&s);
	return rc;
}

int
xfer_rd_contact(struct xfer_reader *r, json_t *o, struct xfer_year *unused,
		const struct edition *unused_ed)
{
	static const char *const keys[] = {"role", "name", "phone", "note"};
	struct contact ct;
	struct err m = ERR_INIT;
	int rc = -1;

	(void)unused;
	(void)unused_ed;
	memset(&ct, 0, sizeof(ct));
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_id(r, o, "role", true, ct.role, sizeof(ct.role)) ||
	    xfer_rd_get_text(r, o, "name", false, CONTACT_TEXT_MAX, &ct.name) !=
		    0 ||
	    xfer_rd_get_text(r, o, "phone", false, CONTACT_TEXT_MAX,
			     &ct.phone) != 0 ||
	    xfer_rd_get_text(r, o, "note", false, CONTACT_TEXT_MAX, &ct.note))
		goto out;
	if (contact_find(&r->d->contacts, ct.role) != NULL) {
		xfer_rd_push_key(r, "role");
		xfer_rd_bad(r, "%s",
			    _("this role is given twice in \"contacts\""));
		goto out;
	}
	if (contact_check(&ct, &m) != 0) {
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	contact_put(&r->d->contacts, &ct);
	rc = 0;
out:
	contact_release(&ct);
	return rc;
}

/* "editions" only describes the editions used: its form is checked. */
int
xfer_rd_edition(struct xfer_reader *r, json_t *o, struct xfer_year *unused,
		const struct edition *unused_ed)
{
	static const char *const keys[] = {"id", "name", "title", "first_year",
					   "verified"};
	char id[CONTENT_ID_MAX + 1], *name = NULL, *title = NULL;
	long long year;
	json_t *v;
	int rc;

	(void)unused;
	(void)unused_ed;
	rc = xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	     xfer_rd_get_id(r, o, "id", true, id, sizeof(id)) != 0 ||
	     xfer_rd_get_text(r, o, "name", false, 0, &name) != 0 ||
	     xfer_rd_get_text(r, o, "title", false, 0, &title) != 0 ||
	     xfer_rd_get_int(r, o, "first_year", false, 0, FACILITY_LAST_YEAR,
			     &year) != 0;
	free(name);
	free(title);
	if (rc != 0)
		return -1;
	v = json_object_get(o, "verified");
	if (v != NULL && !json_is_boolean(v)) {
		xfer_rd_push_key(r, "verified");
		return xfer_rd_bad(r, "%s", _("this must be true or false"));
	}
	return 0;
}

/*
 * Reading an export back (iryosec import): jansson parses (duplicate keys
 * refused), then every part is checked as the screens check what is typed
 * (the model's *_check functions against the content and today), before
 * anything reaches a data file. A refusal names the file, the line and
 * the field (reader.c). Answers for an edition this program lacks are
 * checked by the rules every edition shares and kept.
 */
#include "xfer/xfer.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "xfer/internal.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int
read_facility(struct xfer_reader *r, json_t *root)
{
	static const char *const keys[] = {
		"name",    "type",          "manager", "officer",
		"checker", "health_center", "year"};
	struct facility *f = &r->d->facility;
	char type[16];
	long long year;
	struct err m = ERR_INIT;
	json_t *o;
	int rc;

	o = xfer_rd_member(r, root, "facility", false, &rc);
	if (o == NULL)
		return rc;
	xfer_rd_push_key(r, "facility");
	if (!json_is_object(o))
		return xfer_rd_bad(r, "%s", _("this must be a record in { }"));
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_text(r, o, "name", false, FACILITY_TEXT_MAX,
			     &f->name) != 0 ||
	    xfer_rd_get_id(r, o, "type", false, type, sizeof(type)) != 0 ||
	    xfer_rd_get_text(r, o, "manager", false, FACILITY_TEXT_MAX,
			     &f->manager) != 0 ||
	    xfer_rd_get_text(r, o, "officer", false, FACILITY_TEXT_MAX,
			     &f->officer) != 0 ||
	    xfer_rd_get_text(r, o, "checker", false, FACILITY_TEXT_MAX,
			     &f->checker) != 0 ||
	    xfer_rd_get_text(r, o, "health_center", false, FACILITY_TEXT_MAX,
			     &f->health_center) != 0 ||
	    xfer_rd_get_int(r, o, "year", false, FACILITY_FIRST_YEAR,
			    FACILITY_LAST_YEAR, &year) != 0)
		return -1;
	if (type[0] != '\0' && (facility_type_parse(type, &f->type) != 0 ||
				f->type == FACILITY_NONE)) {
		xfer_rd_push_key(r, "type");
		return xfer_rd_bad(
			r, "%s",
			_("the type must be one of hospital, clinic-beds, clinic, dental, pharmacy"));
	}
	if (year != 0 &&
	    facility_check_year((int)year, date_fiscal_year(r->today), &m)) {
		xfer_rd_push_key(r, "year");
		return xfer_rd_bad_model(r, &m);
	}
	f->year = (int)year;
	r->d->has_facility = true;
	xfer_rd_pop(r);
	return 0;
}

/* Answers allowed by no edition's rules: the item is not known here.
 * Made in the caller's *any (aggregate reads exports on several threads). */
static const struct item *
any_item(struct item *any)
{
	static char na[] = ""; /* never written */

	memset(any, 0, sizeof(*any));
	any->na = na; /* 該当なし may be right for it */
	return any;
}

static int
read_answer(struct xfer_reader *r, json_t *o, struct xfer_year *y,
	    const struct edition *ed)
{
	static const char *const keys[] = {"item",   "cell", "value", "checked",
					   "target", "ask",  "owner", "memo"};
	const struct item *it;
	struct item unknown;
	struct answer a;
	struct err m = ERR_INIT;
	char cell[16];
	int rc = -1;

	memset(&a, 0, sizeof(a));
	a.year = y->year;
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_id(r, o, "item", true, a.item_id, sizeof(a.item_id)) !=
		    0 ||
	    xfer_rd_get_id(r, o, "cell", true, cell, sizeof(cell)) != 0)
		goto out;
	if (cell_parse(cell, &a.cell) != 0) {
		xfer_rd_push_key(r, "cell");
		xfer_rd_bad(
			r, "%s",
			_("the cell must be one of all, server, pc, network"));
		goto out;
	}
	if (xfer_rd_get_value(r, o, &a.value) != 0 ||
	    xfer_rd_get_date(r, o, "checked", &a.checked) != 0 ||
	    xfer_rd_get_date(r, o, "target", &a.target) != 0 ||
	    xfer_rd_get_vendor(r, o, "ask", false, &a.ask) != 0 ||
	    xfer_rd_get_text(r, o, "owner", false, ANSWER_OWNER_MAX,
			     &a.owner) != 0 ||
	    xfer_rd_get_text(r, o, "memo", false, ANSWER_MEMO_MAX, &a.memo))
		goto out;
	if (answer_set_find(&y->answers, a.item_id, a.cell) != NULL) {
		xfer_rd_bad(
			r, "%s",
			_("this item and cell are answered twice in this fiscal year"));
		goto out;
	}
	it = ed != NULL ? content_item_find(ed, a.item_id) : NULL;
	if (it == NULL)
		it = any_item(&unknown);
	if (date_is_set(&a.checked) &&
	    date_check_checked(&a.checked, a.year, r->today, &m) != 0) {
		xfer_rd_push_key(r, "checked");
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	if (date_is_set(&a.target) && answer_needs_target(it, a.value) &&
	    date_check_target(&a.target, &a.checked, a.year, &m) != 0) {
		xfer_rd_push_key(r, "target");
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	if (answer_check(&a, it, r->today, &m) != 0) {
		xfer_rd_push_key(
			r, date_is_set(&a.target) &&
					   !answer_needs_target(it, a.value)
				   ? "target"
				   : "value");
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	answer_set_put(&y->answers, &a);
	rc = 0;
out:
	answer_release(&a);
	return rc;
}

/* True when a vendor answer to item may be 該当なし: an MDS/SDS area,
 * or an item this program does not know (kept as it is). */
static bool
vanswer_na_ok(const struct content *c, const struct edition *ed,
	      const char *item)
{
	size_t i;

	for (i = 0; i < c->hoshu.nareas; i++)
		if (strcmp(c->hoshu.areas[i].id, item) == 0)
			return true;
	for (i = 0; i < c->nquestions; i++)
		if (strcmp(c->questions[i].id, item) == 0)
			return false;
	if (ed != NULL && content_vendor_item_find(ed, item) != NULL)
		return false;
	return true;
}

static int
read_vanswer(struct xfer_reader *r, json_t *o, struct xfer_year *y,
	     const struct edition *ed)
{
	static const char *const keys[] = {"vendor", "item", "value", "memo"};
	struct vanswer a;
	struct err m = ERR_INIT;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	a.year = y->year;
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_vendor(r, o, "vendor", true, &a.vendor) != 0 ||
	    xfer_rd_get_id(r, o, "item", true, a.item_id, sizeof(a.item_id)) !=
		    0 ||
	    xfer_rd_get_value(r, o, &a.value) != 0 ||
	    xfer_rd_get_text(r, o, "memo", false, VENDOR_MEMO_MAX, &a.memo))
		goto out;
	if (vanswer_find(&y->vanswers, a.vendor, a.item_id) != NULL) {
		xfer_rd_bad(
			r, "%s",
			_("this vendor and item are answered twice in this fiscal year"));
		goto out;
	}
	if (vanswer_check(&a, vanswer_na_ok(r->c, ed, a.item_id), &m) != 0) {
		xfer_rd_push_key(r, "value");
		xfer_rd_bad_model(r, &m);
		goto out;
	}
	vanswer_put(&y->vanswers, &a);
	rc = 0;
out:
	vanswer_release(&a);
	return rc;
}

static int
read_year(struct xfer_reader *r, json_t *o, struct xfer_year *unused,
	  const struct edition *unused_ed)
{
	static const char *const keys[] = {"year", "edition", "answers",
					   "vendor_answers"};
	struct xfer_data *d = r->d;
	struct xfer_year *y;
	struct err m = ERR_INIT;
	const struct edition *ed;
	char edition[CONTENT_ID_MAX + 1];
	long long year;
	size_t i, alloc = d->nyears;

	(void)unused;
	(void)unused_ed;
	if (xfer_rd_only_keys(r, o, keys, N(keys)) != 0 ||
	    xfer_rd_get_int(r, o, "year", true, FACILITY_FIRST_YEAR,
			    FACILITY_LAST_YEAR, &year) != 0 ||
	    xfer_rd_get_id(r, o, "edition", false, edition, sizeof(edition)) !=
		    0)
		return -1;
	xfer_rd_push_key(r, "year");
	if (facility_check_year((int)year, date_fiscal_year(r->today), &m))
		return xfer_rd_bad_model(r, &m);
	for (i = 0; i < d->nyears; i++)
		if (d->years[i].year == (int)year)
			return xfer_rd_bad(
				r, "%s",
				_("this fiscal year is given twice in \"years\""));
	xfer_rd_pop(r);
	xgrow((void **)&d->years, &alloc, d->nyears + 1, sizeof(*d->years));
	y = &d->years[d->nyears++];
	memset(y, 0, sizeof(*y));
	y->year = (int)year;
	y->answers.year = (int)year;
	strcpy(y->edition, edition);
	/* an edition not here: its answers are checked by the shared rules */
	ed = edition[0] != '\0' ? content_edition_find(r->c, edition)
				: content_edition_for_year(r->c, y->year);
	return xfer_rd_each(r, o, "answers", read_answer, y, ed) != 0 ||
			       xfer_rd_each(r, o, "vendor_answers",
					    read_vanswer, y, ed) != 0
		       ? -1
		       : 0;
}

static int
year_cmp(const void *a, const void *b)
{
	return ((const struct xfer_year *)a)->year -
	       ((const struct xfer_year *)b)->year;
}

static int
contact_cmp(const void *a, const void *b)
{
	return strcmp(((const struct contact *)a)->role,
		      ((const struct contact *)b)->role);
}

/* The header: an export of ours, in a format this program reads. */
static int
read_header(struct xfer_reader *r, json_t *root)
{
	static const char *const keys[] = {
		"format", "version", "generator",   "facility", "editions",
		"years",  "vendors", "connections", "servers",  "contacts"};
	json_t *v;
	char *gen = NULL;

	if (!json_is_object(root) ||
	    !json_is_string(v = json_object_get(root, "format")) ||
	    strcmp(json_string_value(v), XFER_FORMAT_NAME) != 0) {
		if (json_is_object(root))
			xfer_rd_push_key(r, "format");
		return xfer_rd_bad(
			r, "%s",
			_("this is not a file written by 'iryosec export'"));
	}
	v = json_object_get(root, "version");
	if (json_is_integer(v) && json_integer_value(v) > XFER_FORMAT_VERSION &&
	    r->reader)
		return err_set(
			r->e, ERR_NEWER,
			_("'%s' was written by a newer version of iryosec (format %lld; this iryosec reads format %d); update iryosec to read it"),
			r->name, (long long)json_integer_value(v),
			XFER_FORMAT_VERSION);
	if (json_is_integer(v) && json_integer_value(v) > XFER_FORMAT_VERSION)
		return err_set(
			r->e, ERR_NEWER,
			_("'%s' was written by a newer version of iryosec (format %lld; this iryosec reads format %d); update iryosec to import it (nothing was imported)"),
			r->name, (long long)json_integer_value(v),
			XFER_FORMAT_VERSION);
	if (v == NULL || !json_is_integer(v) || json_integer_value(v) < 1) {
		xfer_rd_push_key(r, "version");
		return xfer_rd_bad(
			r, "%s",
			_("this must be the format's version, a whole number such as 1"));
	}
	if (xfer_rd_only_keys(r, root, keys, N(keys)) != 0 ||
	    xfer_rd_get_text(r, root, "generator", false, 0, &gen) != 0)
		return -1;
	free(gen);
	return 0;
}

/* xfer_json_read and xfer_json_load; reader: no import tail. */
static int
json_read(struct xfer_data *d, const char *text, size_t len, const char *name,
	  const struct content *c, const struct date *today, bool reader,
	  struct err *e)
{
	struct xfer_reader r;
	json_error_t je;
	json_t *root;
	char *safe;
	size_t i;
	int rc = -1;

	xfer_data_release(d);
	memset(&r, 0, sizeof(r));
	r.text = text;
	r.len = len;
	r.name = name;
	r.c = c;
	r.today = today;
	r.d = d;
	r.e = e;
	r.reader = reader;
	/* a byte order mark (Windows Notepad writes one) is harmless */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL && reader) {
		err_set(e, ERR_INPUT,
			_("%s: line %d, column %d: this is not valid JSON (a comma, a quote or a bracket is missing or too many, or the file is cut short)"),
			name, je.line, je.column);
	} else if (root == NULL) {
		err_set(e, ERR_INPUT,
			_("%s: line %d, column %d: this is not valid JSON (a comma, a quote or a bracket is missing or too many, or the file is cut short); nothing was imported"),
			name, je.line, je.column);
	}
	if (root == NULL) {
		/* jansson quotes the bytes it stopped at: maybe not UTF-8 */
		safe = utf8_oneline(je.text);
		err_detail(e, "%s", safe);
		free(safe);
		return -1;
	}
	/* vendors first: the other parts name them by "ref" */
	if (read_header(&r, root) != 0 ||
	    xfer_rd_each(&r, root, "vendors", xfer_rd_vendor, NULL, NULL) !=
		    0 ||
	    read_facility(&r, root) != 0 ||
	    xfer_rd_each(&r, root, "years", read_year, NULL, NULL) != 0 ||
	    xfer_rd_each(&r, root, "connections", xfer_rd_connection, NULL,
			 NULL) != 0 ||
	    xfer_rd_each(&r, root, "servers", xfer_rd_server, NULL, NULL) !=
		    0 ||
	    xfer_rd_each(&r, root, "contacts", xfer_rd_contact, NULL, NULL) !=
		    0 ||
	    xfer_rd_each(&r, root, "editions", xfer_rd_edition, NULL, NULL) !=
		    0)
		goto out;
	if (d->nyears > 1)
		qsort(d->years, d->nyears, sizeof(*d->years), year_cmp);
	if (d->contacts.n > 1)
		qsort(d->contacts.v, d->contacts.n, sizeof(*d->contacts.v),
		      contact_cmp);
	/* the facility's edition is the one recorded for its year */
	for (i = 0; i < d->nyears; i++)
		if (d->years[i].year == d->facility.year)
			strcpy(d->facility.edition, d->years[i].edition);
	rc = 0;
out:
	json_decref(root);
	if (rc != 0)
		xfer_data_release(d);
	return rc;
}

int
xfer_json_read(struct xfer_data *d, const char *text, size_t len,
	       const char *name, const struct content *c,
	       const struct date *today, struct err *e)
{
	return json_read(d, text, len, name, c, today, false, e);
}

int
xfer_json_load(struct xfer_data *d, const char *text, size_t len,
	       const char *name, const struct content *c,
	       const struct date *today, struct err *e)
{
	return json_read(d, text, len, name, c, today, true, e);
}

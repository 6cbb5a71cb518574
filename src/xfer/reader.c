/*
 * The field readers of import.c: each takes one member of a JSON object,
 * checks its type and form, and on a refusal names the file, the line and
 * the field (the path pushed so far).
 */
#include "xfer/internal.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
xfer_rd_push_key(struct xfer_reader *r, const char *key)
{
	if (r->depth >= XFER_DEPTH_MAX)
		BUG("import path too deep");
	r->path[r->depth].key = key;
	r->path[r->depth++].index = 0;
}

void
xfer_rd_push_index(struct xfer_reader *r, size_t i)
{
	if (r->depth >= XFER_DEPTH_MAX)
		BUG("import path too deep");
	r->path[r->depth].key = NULL;
	r->path[r->depth++].index = i;
}

void
xfer_rd_pop(struct xfer_reader *r)
{
	r->depth--;
}

/*
 * Refuses the file: "FILE: line N, field PATH: reason" (ERR_INPUT), the
 * field being the path pushed so far. Returns -1.
 */
int
xfer_rd_bad(struct xfer_reader *r, const char *fmt, ...)
{
	struct strbuf why = STRBUF_INIT, field = STRBUF_INIT;
	va_list ap;
	size_t i;
	int line = xfer_locate(r->text, r->len, r->path, r->depth);

	va_start(ap, fmt);
	strbuf_vaddf(&why, fmt, ap);
	va_end(ap);
	for (i = 0; i < r->depth; i++) {
		if (r->path[i].key == NULL)
			strbuf_addf(&field, "[%zu]", r->path[i].index);
		else {
			/* a name from the file: shown on one line, clean */
			char *k = utf8_oneline(r->path[i].key);

			strbuf_addf(&field, "%s%s", i > 0 ? "." : "", k);
			free(k);
		}
	}
	if (field.len == 0)
		strbuf_addstr(&field, _("the whole file"));
	if (r->reader)
		err_set(r->e, ERR_INPUT, _("%s, line %d, field \"%s\": %s"),
			r->name, line, field.buf, why.buf);
	else
		err_set(r->e, ERR_INPUT,
			_("%s, line %d, field \"%s\": %s (nothing was imported)"),
			r->name, line, field.buf, why.buf);
	strbuf_release(&why);
	strbuf_release(&field);
	return -1;
}

/* A model check failed with m: the same refusal at the current field. */
int
xfer_rd_bad_model(struct xfer_reader *r, const struct err *m)
{
	return xfer_rd_bad(r, "%s", m->msg);
}

/* Refuses members of o not in keys (n of them), naming the first. */
int
xfer_rd_only_keys(struct xfer_reader *r, json_t *o, const char *const *keys,
		  size_t n)
{
	const char *k;
	json_t *v;
	size_t i;

	json_object_foreach(o, k, v)
	{
		for (i = 0; i < n && strcmp(keys[i], k) != 0; i++)
			;
		if (i == n) {
			xfer_rd_push_key(r, k);
			return xfer_rd_bad(
				r, "%s", _("iryosec does not know this field"));
		}
	}
	return 0;
}

/* The value of member key of o; NULL when absent (a refusal when need). */
json_t *
xfer_rd_member(struct xfer_reader *r, json_t *o, const char *key, bool need,
	       int *rc)
{
	json_t *v = json_object_get(o, key);

	*rc = 0;
	if (v == NULL && need) {
		xfer_rd_push_key(r, key);
		*rc = xfer_rd_bad(r, "%s", _("this field is missing"));
		xfer_rd_pop(r);
	}
	return v;
}

/* Text without control characters; what the line editor accepts. */
int
xfer_rd_check_text(struct xfer_reader *r, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n <= 0)
			return xfer_rd_bad(r, "%s",
					   _("the text is not valid UTF-8"));
		if (cp == 0 || utf8_is_control(cp))
			return xfer_rd_bad(
				r, "%s",
				_("the text holds a control character (a line break, a tab or an escape); these cannot be entered in iryosec"));
		i += (size_t)n;
	}
	return 0;
}

/*
 * Member key of o as text into *out (owned; NULL when absent or empty);
 * at most max characters (0: no limit here).
 */
int
xfer_rd_get_text(struct xfer_reader *r, json_t *o, const char *key, bool need,
		 int max, char **out)
{
	int rc;
	json_t *v = xfer_rd_member(r, o, key, need, &rc);
	const char *s;
	size_t len;

	*out = NULL;
	if (v == NULL)
		return rc;
	xfer_rd_push_key(r, key);
	if (!json_is_string(v))
		return xfer_rd_bad(r, "%s",
				   _("this must be text in double quotes"));
	s = json_string_value(v);
	len = json_string_length(v);
	if (xfer_rd_check_text(r, s, len) != 0)
		return -1;
	if (need && len == 0)
		return xfer_rd_bad(r, "%s", _("this must not be empty"));
	if (max > 0 && utf8_len(s) > (size_t)max)
		return xfer_rd_bad(r, _("at most %d characters"), max);
	if (len > 0)
		*out = xstrdup(s);
	xfer_rd_pop(r);
	return 0;
}

/* An id as content uses them: [a-z0-9-], 1 to max bytes. */
bool
xfer_rd_id_ok(const char *s, size_t max)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > max)
		return false;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	}
	return true;
}

/* Member key as an id into out (size bytes; "" when absent). */
int
xfer_rd_get_id(struct xfer_reader *r, json_t *o, const char *key, bool need,
	       char *out, size_t size)
{
	char *s = NULL;

	out[0] = '\0';
	if (xfer_rd_get_text(r, o, key, need, 0, &s) != 0)
		return -1;
	if (s == NULL)
		return 0;
	if (!xfer_rd_id_ok(s, size - 1)) {
		free(s);
		xfer_rd_push_key(r, key);
		return xfer_rd_bad(
			r,
			_("this must be a key of lower-case letters, digits and hyphens, at most %zu characters"),
			size - 1);
	}
	strcpy(out, s);
	free(s);
	return 0;
}

/* Member key as a whole number from lo to hi. */
int
xfer_rd_get_int(struct xfer_reader *r, json_t *o, const char *key, bool need,
		long long lo, long long hi, long long *out)
{
	int rc;
	json_t *v = xfer_rd_member(r, o, key, need, &rc);

	*out = 0;
	if (v == NULL)
		return rc;
	xfer_rd_push_key(r, key);
	if (!json_is_integer(v) || json_integer_value(v) < lo ||
	    json_integer_value(v) > hi)
		return xfer_rd_bad(
			r, _("this must be a whole number from %lld to %lld"),
			lo, hi);
	*out = json_integer_value(v);
	xfer_rd_pop(r);
	return 0;
}

/* Member key as a date "YYYY-MM-DD" (unset when absent). */
int
xfer_rd_get_date(struct xfer_reader *r, json_t *o, const char *key,
		 struct date *out)
{
	char *s = NULL;
	int ok = 0, i;

	*out = (struct date)DATE_NONE;
	if (xfer_rd_get_text(r, o, key, false, 0, &s) != 0)
		return -1;
	if (s == NULL)
		return 0;
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		ok = 1;
		for (i = 0; i < 10; i++)
			if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
				ok = 0;
	}
	if (ok) {
		out->y = atoi(s);
		out->m = atoi(s + 5);
		out->d = atoi(s + 8);
		ok = date_exists(out->y, out->m, out->d);
	}
	free(s);
	if (!ok) {
		*out = (struct date)DATE_NONE;
		xfer_rd_push_key(r, key);
		return xfer_rd_bad(
			r, "%s",
			_("this must be a date that exists, written as YYYY-MM-DD (e.g. 2026-12-01)"));
	}
	return 0;
}

/* Member key naming a vendor of the file by its "ref" (0 when absent). */
int
xfer_rd_get_vendor(struct xfer_reader *r, json_t *o, const char *key, bool need,
		   long *out)
{
	long long ref;

	*out = 0;
	if (xfer_rd_get_int(r, o, key, need, 1, INT32_MAX, &ref) != 0)
		return -1;
	if (ref == 0)
		return 0;
	if (vendor_list_find(&r->d->vendors, (long)ref) == NULL) {
		xfer_rd_push_key(r, key);
		return xfer_rd_bad(
			r,
			_("there is no vendor with \"ref\": %lld in \"vendors\""),
			ref);
	}
	*out = (long)ref;
	return 0;
}

/* Member key as an answer value; ANSWER_NONE when absent. */
int
xfer_rd_get_value(struct xfer_reader *r, json_t *o, enum answer_value *out)
{
	char *s = NULL;

	*out = ANSWER_NONE;
	if (xfer_rd_get_text(r, o, "value", false, 0, &s) != 0)
		return -1;
	if (s != NULL && answer_value_parse(s, out) != 0) {
		free(s);
		xfer_rd_push_key(r, "value");
		return xfer_rd_bad(
			r, "%s",
			_("the answer must be \"yes\", \"no\", \"unknown\" or \"na\""));
	}
	free(s);
	return 0;
}

/* Member key of root as an array (NULL when absent). */
json_t *
xfer_rd_get_array(struct xfer_reader *r, json_t *o, const char *key, int *rc)
{
	json_t *v = xfer_rd_member(r, o, key, false, rc);

	if (v != NULL && !json_is_array(v)) {
		xfer_rd_push_key(r, key);
		*rc = xfer_rd_bad(r, "%s", _("this must be a list in [ ]"));
		xfer_rd_pop(r);
		return NULL;
	}
	return v;
}

/* Element i of an array, which must be an object. */
json_t *
xfer_rd_element(struct xfer_reader *r, json_t *arr, size_t i, int *rc)
{
	json_t *o = json_array_get(arr, i);

	*rc = 0;
	xfer_rd_push_index(r, i);
	if (!json_is_object(o))
		*rc = xfer_rd_bad(r, "%s", _("this must be a record in { }"));
	return o;
}

/* Calls fn on each element of array key of o (a record each). */
int
xfer_rd_each(struct xfer_reader *r, json_t *o, const char *key, xfer_rd_fn fn,
	     struct xfer_year *y, const struct edition *ed)
{
	int rc;
	json_t *arr = xfer_rd_get_array(r, o, key, &rc);
	size_t i;

	if (arr == NULL)
		return rc;
	xfer_rd_push_key(r, key);
	for (i = 0; i < json_array_size(arr); i++) {
		json_t *el = xfer_rd_element(r, arr, i, &rc);

		if (rc != 0 || fn(r, el, y, ed) != 0)
			return -1;
		xfer_rd_pop(r);
	}
	xfer_rd_pop(r);
	return 0;
}

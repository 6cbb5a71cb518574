#include "model/vendor.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
vendor_release(struct vendor *v)
{
	free(v->name);
	free(v->contact);
	free(v->phone);
	free(v->email);
	free(v->memo);
	free(v->systems);
	memset(v, 0, sizeof(*v));
}

void
vendor_copy(struct vendor *dst, const struct vendor *src)
{
	*dst = *src;
	dst->name = dup_or_null(src->name);
	dst->contact = dup_or_null(src->contact);
	dst->phone = dup_or_null(src->phone);
	dst->email = dup_or_null(src->email);
	dst->memo = dup_or_null(src->memo);
	dst->systems = dup_or_null(src->systems);
}

void
vendor_list_release(struct vendor_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		vendor_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void
vendor_list_add(struct vendor_list *l, const struct vendor *v)
{
	xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	vendor_copy(&l->v[l->n++], v);
}

const struct vendor *
vendor_list_find(const struct vendor_list *l, long id)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].id == id)
			return &l->v[i];
	}
	return NULL;
}

void
vendor_set_text(char **field, const char *s)
{
	free(*field);
	*field = (s != NULL && s[0] != '\0') ? xstrdup(s) : NULL;
}

bool
vendor_has_system(const struct vendor *v, const char *sys)
{
	const char *p = v->systems;
	size_t n = strlen(sys);

	while (p != NULL && *p != '\0') {
		size_t len = strcspn(p, ",");

		if (len == n && strncmp(p, sys, n) == 0)
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

void
vendor_toggle_system(struct vendor *v, const char *sys)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = v->systems;
	bool had = false;
	size_t n = strlen(sys);

	while (p != NULL && *p != '\0') {
		size_t len = strcspn(p, ",");

		if (len == n && strncmp(p, sys, n) == 0) {
			had = true;
		} else if (len > 0) {
			if (sb.len)
				strbuf_addch(&sb, ',');
			strbuf_add(&sb, p, len);
		}
		p += len;
		if (*p == ',')
			p++;
	}
	if (!had) {
		if (sb.len)
			strbuf_addch(&sb, ',');
		strbuf_addstr(&sb, sys);
	}
	free(v->systems);
	v->systems = sb.len ? strbuf_detach(&sb, NULL) : NULL;
	strbuf_release(&sb);
}

static bool
too_long(const char *s, size_t max)
{
	return s != NULL && utf8_len(s) > max;
}

int
vendor_check(const struct vendor *v, struct err *e)
{
	const char *p;

	if (v->name == NULL)
		return err_set(e, ERR_INPUT, "%s",
			       _("enter the vendor's name"));
	if (too_long(v->name, VENDOR_TEXT_MAX) ||
	    too_long(v->contact, VENDOR_TEXT_MAX) ||
	    too_long(v->phone, VENDOR_TEXT_MAX) ||
	    too_long(v->email, VENDOR_TEXT_MAX))
		return err_set(e, ERR_INPUT, _("at most %d characters"),
			       VENDOR_TEXT_MAX);
	if (too_long(v->memo, VENDOR_MEMO_MAX))
		return err_set(e, ERR_INPUT,
			       _("the memo can be at most %d characters"),
			       VENDOR_MEMO_MAX);
	for (p = v->phone; p != NULL && *p != '\0'; p++) {
		if (strchr("0123456789-()+ ", *p) == NULL)
			return err_set(
				e, ERR_INPUT, "%s",
				_("write the phone number with digits and hyphens, e.g. 03-1234-5678"));
	}
	if (v->email != NULL) {
		const char *at = strchr(v->email, '@');

		if (at == NULL || at == v->email || at[1] == '\0' ||
		    strchr(at + 1, '@') != NULL ||
		    strchr(v->email, ' ') != NULL)
			return err_set(
				e, ERR_INPUT, "%s",
				_("the email address does not look right, e.g. support@example.co.jp"));
	}
	return 0;
}

bool
vendor_has_contract(const struct vendor *v)
{
	return v->contract[0] != '\0' && strcmp(v->contract, "none") != 0;
}

void
vanswer_release(struct vanswer *a)
{
	free(a->memo);
	memset(a, 0, sizeof(*a));
}

void
vanswer_set_release(struct vanswer_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		vanswer_release(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->alloc = 0;
}

const struct vanswer *
vanswer_find(const struct vanswer_set *s, long vendor, const char *item_id)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->v[i].vendor == vendor &&
		    strcmp(s->v[i].item_id, item_id) == 0)
			return &s->v[i];
	}
	return NULL;
}

void
vanswer_put(struct vanswer_set *s, const struct vanswer *a)
{
	struct vanswer *slot =
		(struct vanswer *)vanswer_find(s, a->vendor, a->item_id);

	if (slot == NULL) {
		xgrow((void **)&s->v, &s->alloc, s->n + 1, sizeof(*s->v));
		slot = &s->v[s->n++];
		memset(slot, 0, sizeof(*slot));
	}
	if (slot == a)
		return;
	vanswer_release(slot);
	*slot = *a;
	slot->memo = a->memo != NULL ? xstrdup(a->memo) : NULL;
}

void
vanswer_drop_vendor(struct vanswer_set *s, long vendor)
{
	size_t i = 0;

	while (i < s->n) {
		if (s->v[i].vendor == vendor) {
			vanswer_release(&s->v[i]);
			s->v[i] = s->v[--s->n];
		} else {
			i++;
		}
	}
}

size_t
vanswer_values(enum vanswer_kind k, enum answer_value *out)
{
	out[0] = ANSWER_YES;
	out[1] = ANSWER_NO;
	out[2] = ANSWER_UNKNOWN;
	if (k != VANSWER_SDS)
		return 3;
	out[3] = ANSWER_NA;
	return 4;
}

bool
vanswer_allows(enum vanswer_kind k, enum answer_value v)
{
	enum answer_value allowed[VANSWER_VALUES_MAX];
	size_t i, n = vanswer_values(k, allowed);

	for (i = 0; i < n; i++) {
		if (allowed[i] == v)
			return true;
	}
	return false;
}

int
vanswer_check(const struct vanswer *a, bool allow_na, struct err *e)
{
	if (a->value == ANSWER_NA && !allow_na)
		return err_set(
			e, ERR_INPUT, "%s",
			_("\"not applicable\" is not possible for this item"));
	if (too_long(a->memo, VENDOR_MEMO_MAX))
		return err_set(e, ERR_INPUT,
			       _("the memo can be at most %d characters"),
			       VENDOR_MEMO_MAX);
	return 0;
}

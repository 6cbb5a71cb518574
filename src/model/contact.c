#include "model/contact.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
contact_release(struct contact *ct)
{
	free(ct->name);
	free(ct->phone);
	free(ct->note);
	memset(ct, 0, sizeof(*ct));
}

void
contact_copy(struct contact *dst, const struct contact *src)
{
	*dst = *src;
	dst->name = src->name ? xstrdup(src->name) : NULL;
	dst->phone = src->phone ? xstrdup(src->phone) : NULL;
	dst->note = src->note ? xstrdup(src->note) : NULL;
}

void
contact_list_release(struct contact_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		contact_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

const struct contact *
contact_find(const struct contact_list *l, const char *role)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].role, role) == 0)
			return &l->v[i];
	}
	return NULL;
}

void
contact_put(struct contact_list *l, const struct contact *ct)
{
	struct contact *slot = (struct contact *)contact_find(l, ct->role);

	if (slot == NULL) {
		xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
		slot = &l->v[l->n++];
		memset(slot, 0, sizeof(*slot));
	}
	if (slot == ct)
		return;
	contact_release(slot);
	contact_copy(slot, ct);
}

void
contact_set_text(char **field, const char *s)
{
	free(*field);
	*field = (s != NULL && s[0] != '\0') ? xstrdup(s) : NULL;
}

int
contact_check(const struct contact *ct, struct err *e)
{
	const char *f[3] = {ct->name, ct->phone, ct->note};
	size_t i;

	for (i = 0; i < 3; i++) {
		if (f[i] != NULL && utf8_len(f[i]) > CONTACT_TEXT_MAX)
			return err_set(e, ERR_INPUT, _("at most %d characters"),
				       CONTACT_TEXT_MAX);
	}
	return 0;
}

bool
contact_filled(const struct contact *ct)
{
	return ct->name != NULL || ct->phone != NULL;
}

const char *
contact_setup_name(const struct facility *f, const char *role)
{
	const char *s = NULL;

	if (f == NULL)
		return NULL;
	if (strcmp(role, "administrator") == 0)
		s = f->manager;
	else if (strcmp(role, "safety-officer") == 0)
		s = f->officer;
	else if (strcmp(role, "health-center") == 0)
		s = f->health_center;
	return s != NULL && s[0] != '\0' ? s : NULL;
}

bool
contact_view(const struct contact_list *l, const struct facility *f,
	     const char *role, struct contact_view *v)
{
	const struct contact *ct = l != NULL ? contact_find(l, role) : NULL;

	memset(v, 0, sizeof(*v));
	if (ct != NULL) {
		v->name = ct->name;
		v->phone = ct->phone;
		v->note = ct->note;
	}
	if (v->name == NULL) {
		v->name = contact_setup_name(f, role);
		v->from_setup = v->name != NULL;
	}
	return v->name != NULL || v->phone != NULL;
}

void
contact_set_name(struct contact *ct, const char *s, const struct facility *f)
{
	const char *setup = contact_setup_name(f, ct->role);

	if (s != NULL && setup != NULL && strcmp(s, setup) == 0)
		s = NULL;
	contact_set_text(&ct->name, s);
}

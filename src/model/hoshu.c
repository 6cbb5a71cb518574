#include "model/hoshu.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

void
server_release(struct server *s)
{
	free(s->name);
	memset(s, 0, sizeof(*s));
}

void
server_copy(struct server *dst, const struct server *src)
{
	*dst = *src;
	dst->name = src->name != NULL ? xstrdup(src->name) : NULL;
}

void
server_list_release(struct server_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		server_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void
server_list_put(struct server_list *l, const struct server *s)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].id == s->id) {
			if (&l->v[i] != s) {
				server_release(&l->v[i]);
				server_copy(&l->v[i], s);
			}
			return;
		}
	}
	xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	server_copy(&l->v[l->n++], s);
}

void
server_list_remove(struct server_list *l, long id)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].id != id)
			continue;
		server_release(&l->v[i]);
		memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof(*l->v));
		l->n--;
		return;
	}
}

int
server_check(const struct server *s, struct err *e)
{
	if (s->name == NULL)
		return err_set(e, ERR_INPUT, "%s",
			       _("enter the name of the server or PC"));
	if (utf8_len(s->name) > SERVER_TEXT_MAX)
		return err_set(e, ERR_INPUT, _("at most %d characters"),
			       SERVER_TEXT_MAX);
	return 0;
}

bool
hoshu_vendor_updates(const struct server_list *servers, long vendor)
{
	size_t i;

	for (i = 0; i < servers->n; i++) {
		if (strcmp(servers->v[i].patcher, "vendor") == 0 &&
		    servers->v[i].vendor == vendor)
			return true;
	}
	return false;
}

bool
hoshu_clause_ok(const struct vanswer_set *va, long vendor)
{
	const struct vanswer *a = vanswer_find(va, vendor, HOSHU_CLAUSE_ID);

	return a != NULL && a->value == ANSWER_YES && a->memo != NULL;
}

static void
reason(struct hoshu_judgement *j, const char *tmpl, const char *const *args,
       size_t n, bool ok, long vendor)
{
	struct strbuf sb = STRBUF_INIT;
	struct hoshu_reason_line *r;

	strbuf_add_template(&sb, tmpl, args, n);
	xgrow((void **)&j->v, &j->alloc, j->n + 1, sizeof(*j->v));
	r = &j->v[j->n++];
	r->text = strbuf_detach(&sb, NULL);
	r->ok = ok;
	r->vendor = vendor;
}

void
hoshu_judge(const struct content *c, const struct answer *staff,
	    const struct server_list *servers,
	    const struct vendor_list *vendors, const struct vanswer_set *va,
	    struct hoshu_judgement *j)
{
	const struct hoshu *h = &c->hoshu;
	bool self = false, unknown = false, clause = false, incomplete = false;
	size_t i;

	hoshu_judgement_release(j);
	/* 1. dedicated system staff: the volume is not for that clinic */
	if (staff != NULL && staff->value == ANSWER_YES) {
		reason(j, h->reasons[HR_STAFF_YES], NULL, 0, false, 0);
		j->result = HOSHU_NOT_APPLIES;
		return;
	}
	if (staff == NULL || staff->value != ANSWER_NO) {
		reason(j, h->reasons[HR_STAFF_UNKNOWN], NULL, 0, false, 0);
		incomplete = true;
	}
	/* 2. the servers, and who updates each */
	if (servers->n == 0) {
		reason(j, h->reasons[HR_NO_SERVERS], NULL, 0, false, 0);
		incomplete = true;
	}
	for (i = 0; i < servers->n; i++) {
		const struct server *s = &servers->v[i];
		const struct vendor *v = vendor_list_find(vendors, s->vendor);
		const char *args[3];

		args[0] = s->name;
		if (strcmp(s->patcher, "clinic") == 0) {
			reason(j, h->reasons[HR_SERVER_SELF], args, 1, false,
			       0);
			self = true;
			continue;
		}
		if (strcmp(s->patcher, "vendor") != 0 || v == NULL) {
			reason(j, h->reasons[HR_SERVER_UNKNOWN], args, 1, false,
			       0);
			unknown = true;
			continue;
		}
		/* 3. the vendor's responsibility, written down */
		args[1] = v->name;
		if (hoshu_clause_ok(va, v->id)) {
			args[2] =
				vanswer_find(va, v->id, HOSHU_CLAUSE_ID)->memo;
			reason(j, h->reasons[HR_CLAUSE_OK], args, 3, true, 0);
		} else {
			reason(j, h->reasons[HR_CLAUSE_MISSING], args, 2, false,
			       v->id);
			clause = true;
		}
	}
	if (self)
		j->result = HOSHU_NOT_APPLIES;
	else if (incomplete)
		j->result = HOSHU_INCOMPLETE;
	else if (unknown || clause)
		j->result = HOSHU_NEEDS_CONTRACT;
	else
		j->result = HOSHU_APPLIES;
}

void
hoshu_judgement_release(struct hoshu_judgement *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		free(j->v[i].text);
	free(j->v);
	j->v = NULL;
	j->n = j->alloc = 0;
	j->result = HOSHU_INCOMPLETE;
}

const char *
hoshu_result_label(enum hoshu_result r)
{
	switch (r) {
	case HOSHU_APPLIES:
		return _("Applies: the clinic may follow this volume");
	case HOSHU_NOT_APPLIES:
		return _("Does not apply: follow the whole guideline");
	case HOSHU_NEEDS_CONTRACT:
		return _("Check the contracts first");
	case HOSHU_INCOMPLETE:
		break;
	}
	return _("Not judged yet: answer the questions");
}

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

size_t
hoshu_values(enum hoshu_ask q, enum answer_value *out)
{
	switch (q) {
	case HOSHU_ASK_STAFF:
		/* いいえ first: the answer of the clinics the volume is for */
		out[0] = ANSWER_NO;
		out[1] = ANSWER_YES;
		out[2] = ANSWER_UNKNOWN;
		return 3;
	case HOSHU_ASK_ITEM:
		out[0] = ANSWER_YES;
		out[1] = ANSWER_NO;
		out[2] = ANSWER_UNKNOWN;
		return 3;
	}
	BUG("bad hoshu question %d", (int)q);
}

int
hoshu_value_check(enum hoshu_ask q, enum answer_value v, struct err *e)
{
	enum answer_value allowed[HOSHU_VALUES_MAX];
	size_t i, n = hoshu_values(q, allowed);

	for (i = 0; i < n; i++) {
		if (allowed[i] == v)
			return 0;
	}
	return err_set(e, ERR_INPUT, "%s",
		       _("this question takes yes, no or don't know"));
}

const struct vquestion *
hoshu_clause_question(const struct content *c)
{
	size_t i;

	for (i = 0; i < c->nquestions; i++) {
		if (strcmp(c->questions[i].id,
			   c->hoshu.written.vendor_question) == 0)
			return &c->questions[i];
	}
	return NULL;
}

enum hoshu_clause
hoshu_clause(const struct content *c, const struct vanswer_set *va,
	     const struct vendor *v, const char **where)
{
	const struct vquestion *q = hoshu_clause_question(c);
	const struct vanswer *a;

	if (where != NULL)
		*where = NULL;
	if (strcmp(v->contract, "none") == 0) /* no contract to write in */
		return HOSHU_CLAUSE_NO_CONTRACT;
	a = q != NULL ? vanswer_find(va, v->id, q->id) : NULL;
	if (a == NULL)
		return HOSHU_CLAUSE_UNANSWERED;
	switch (a->value) {
	case ANSWER_YES:
		if (a->memo == NULL)
			return HOSHU_CLAUSE_NO_PLACE;
		if (where != NULL)
			*where = a->memo;
		return HOSHU_CLAUSE_WRITTEN;
	case ANSWER_NO:
		return HOSHU_CLAUSE_NOT_WRITTEN;
	case ANSWER_UNKNOWN:
		return HOSHU_CLAUSE_UNKNOWN;
	case ANSWER_NA: /* contract questions do not offer it */
	case ANSWER_NONE:
		break;
	}
	return HOSHU_CLAUSE_UNANSWERED;
}

const char *
hoshu_clause_label(enum hoshu_clause k)
{
	switch (k) {
	case HOSHU_CLAUSE_WRITTEN:
		return _("written");
	case HOSHU_CLAUSE_NO_PLACE:
		return _("written, but where is not entered");
	case HOSHU_CLAUSE_UNKNOWN:
		return _("don't know");
	case HOSHU_CLAUSE_NOT_WRITTEN:
		return _("not written");
	case HOSHU_CLAUSE_NO_CONTRACT:
		return _("no contract");
	case HOSHU_CLAUSE_UNANSWERED:
		break;
	}
	return _("not answered");
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

/* How one answer weighs: the judgement takes the heaviest. */
enum weight {
	W_OK = 0, /* speaks for みなし遵守 */
	W_CHECK,  /* check the contracts: HOSHU_NEEDS_CONTRACT */
	W_OPEN,   /* not answered yet: HOSHU_INCOMPLETE */
	W_FAILS,  /* HOSHU_NOT_APPLIES */
};

/* The reason and weight of a vendor-updated server's clause. */
static enum weight
clause_weight(enum hoshu_clause k, enum hoshu_reason *r)
{
	switch (k) {
	case HOSHU_CLAUSE_WRITTEN:
		*r = HR_CLAUSE_OK;
		return W_OK;
	case HOSHU_CLAUSE_NO_PLACE:
		*r = HR_CLAUSE_NO_PLACE;
		return W_CHECK;
	case HOSHU_CLAUSE_UNKNOWN:
		*r = HR_CLAUSE_UNKNOWN;
		return W_CHECK;
	case HOSHU_CLAUSE_NOT_WRITTEN:
		*r = HR_CLAUSE_NOT_WRITTEN;
		return W_FAILS;
	case HOSHU_CLAUSE_NO_CONTRACT:
		*r = HR_CLAUSE_NO_CONTRACT;
		return W_FAILS;
	case HOSHU_CLAUSE_UNANSWERED:
		break;
	}
	*r = HR_CLAUSE_UNANSWERED;
	return W_OPEN;
}

void
hoshu_judge(const struct content *c, const struct answer *staff,
	    const struct server_list *servers,
	    const struct vendor_list *vendors, const struct vanswer_set *va,
	    struct hoshu_judgement *j)
{
	static const enum hoshu_result result[] = {
		[W_OK] = HOSHU_APPLIES,
		[W_CHECK] = HOSHU_NEEDS_CONTRACT,
		[W_OPEN] = HOSHU_INCOMPLETE,
		[W_FAILS] = HOSHU_NOT_APPLIES,
	};
	const struct hoshu *h = &c->hoshu;
	enum answer_value sv = staff != NULL ? staff->value : ANSWER_NONE;
	enum weight worst = W_OK;
	size_t i;

	hoshu_judgement_release(j);
	/* 1. dedicated system staff: the volume is not for that clinic */
	if (sv == ANSWER_YES) {
		reason(j, h->reasons[HR_STAFF_YES], NULL, 0, false, 0);
		j->result = HOSHU_NOT_APPLIES;
		return;
	}
	if (sv == ANSWER_UNKNOWN) {
		reason(j, h->reasons[HR_STAFF_UNKNOWN], NULL, 0, false, 0);
		worst = W_OPEN;
	} else if (sv != ANSWER_NO) { /* none, or one it does not allow */
		reason(j, h->reasons[HR_STAFF_UNANSWERED], NULL, 0, false, 0);
		worst = W_OPEN;
	}
	/* 2. the servers, and who updates each */
	if (servers->n == 0) {
		reason(j, h->reasons[HR_NO_SERVERS], NULL, 0, false, 0);
		worst = W_OPEN;
	}
	for (i = 0; i < servers->n; i++) {
		const struct server *s = &servers->v[i];
		const struct vendor *v = vendor_list_find(vendors, s->vendor);
		const char *args[3];
		enum hoshu_reason hr;
		enum weight w;
		size_t nargs = 1;
		long who = 0;

		args[0] = s->name;
		if (strcmp(s->patcher, "clinic") == 0) {
			hr = HR_SERVER_SELF;
			w = W_FAILS;
		} else if (strcmp(s->patcher, "unknown") == 0) {
			hr = HR_SERVER_UNKNOWN;
			w = W_CHECK;
		} else if (strcmp(s->patcher, "vendor") != 0) {
			hr = HR_SERVER_UNANSWERED;
			w = W_OPEN;
		} else if (v == NULL) {
			hr = HR_SERVER_NO_VENDOR;
			w = W_OPEN;
		} else {
			/* 3. the vendor's duty, written down (図1 ※2) */
			w = clause_weight(hoshu_clause(c, va, v, &args[2]),
					  &hr);
			args[1] = v->name;
			nargs = hr == HR_CLAUSE_OK ? 3 : 2;
			who = w == W_OK ? 0 : v->id; /* it is asked */
		}
		reason(j, h->reasons[hr], args, nargs, w == W_OK, who);
		if (w > worst)
			worst = w;
	}
	j->result = result[worst];
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

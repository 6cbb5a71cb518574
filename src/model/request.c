#include "model/request.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static struct request *
add(struct request_list *l, enum request_kind kind, const char *ref,
    const char *title, char *text, const char *memo, bool verified)
{
	struct request *r;

	xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	r = &l->v[l->n++];
	r->owned_title = NULL;
	r->topic = "";
	r->also = NULL;
	r->kind = kind;
	r->ref = ref;
	r->title = title;
	r->text = text;
	r->memo = memo;
	r->verified = verified;
	return r;
}

/*
 * One vendor's answers by item: a sheet looks up each question and form
 * item, and aggregate builds thousands of sheets; finds what
 * vanswer_find() finds (the first answer of that vendor and item).
 */
struct vindex {
	const struct vanswer **slot; /* owned array; NULL: an empty slot */
	size_t mask;                 /* slots - 1 (a power of two) */
};

/* Hashes the length and the first and last 8 bytes of id, where ids
 * differ ("sds-attack", "sds-audit"), not every byte: a sheet hashes
 * every question it looks up. */
static size_t
vindex_hash(const char *id)
{
	size_t n = strlen(id);
	uint64_t a = 0, b = 0;

	memcpy(&a, id, n < 8 ? n : 8);
	if (n > 8)
		memcpy(&b, id + n - 8, 8);
	a = (a ^ (b * 0x9E3779B97F4A7C15u) ^ n) * 0xFF51AFD7ED558CCDu;
	return (size_t)(a ^ (a >> 32) ^ (a >> 47));
}

/* The slot of item id in x: its answer, or the empty slot to take. */
static const struct vanswer **
vindex_slot(const struct vindex *x, const char *id)
{
	size_t i = vindex_hash(id) & x->mask;

	while (x->slot[i] != NULL && strcmp(x->slot[i]->item_id, id) != 0)
		i = (i + 1) & x->mask;
	return &x->slot[i];
}

/* Indexes vendor's answers of va (borrowed: va must not change while x
 * is used); free with vindex_release(). */
static void
vindex_init(struct vindex *x, const struct vanswer_set *va, long vendor)
{
	size_t i, n = 0, slots = 16;

	for (i = 0; i < va->n; i++)
		n += va->v[i].vendor == vendor;
	while (slots < 2 * n)
		slots *= 2;
	x->slot = xcalloc(slots, sizeof(*x->slot));
	x->mask = slots - 1;
	for (i = 0; i < va->n; i++) {
		const struct vanswer **sl;

		if (va->v[i].vendor != vendor)
			continue;
		sl = vindex_slot(x, va->v[i].item_id);
		if (*sl == NULL) /* the first one, as vanswer_find */
			*sl = &va->v[i];
	}
}

static const struct vanswer *
vindex_find(const struct vindex *x, const char *id)
{
	return *vindex_slot(x, id);
}

static void
vindex_release(struct vindex *x)
{
	free(x->slot);
	x->slot = NULL;
}

/* The requests about the connections vendor v runs: the update of a
 * device with known exploited flaws (one request, naming each flaw), what
 * the answers show is wrong, and one request asking what is not known. */
static void
build_remote(const struct request_ctx *x, const struct vendor *v,
	     bool texts, struct request_list *out)
{
	const struct connection_list *l = x->connections;
	size_t i, k;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		const struct connection *c = &l->v[i];
		struct strbuf title = STRBUF_INIT, text = STRBUF_INIT;
		struct request *r;

		if (c->vendor != v->id)
			continue;
		if (texts)
			remote_label(c, NULL, &title);
		for (k = 0; x->findings != NULL && k < x->findings->n; k++) {
			const struct finding *f = &x->findings->v[k];

			if (f->conn != c)
				continue;
			strbuf_reset(&text);
			if (!texts && (f->kind == FINDING_DEVICE ||
				       (f->kind == FINDING_RULE &&
					f->owner != WHO_CLINIC))) {
				r = add(out, REQUEST_REMOTE, "", NULL, NULL,
					NULL, true);
				if (f->kind == FINDING_RULE)
					r->topic = f->rule->topic;
				continue;
			}
			if (f->kind == FINDING_DEVICE) {
				strbuf_addf(
					&text,
					_("The device used for this connection (%s, version %s) has flaws that attackers already use:"),
					c->model != NULL ? c->model
							 : f->maker->label,
					f->version);
				remote_vuln_lines(f, false, &text);
				strbuf_addch(&text, '\n');
				{
					struct strbuf feat = STRBUF_INIT;

					if (remote_feature_question(f, &feat) >
					    0)
						strbuf_addf(
							&text,
							_("Please tell us whether these features are on: %s.\n"),
							feat.buf);
					strbuf_release(&feat);
				}
				remote_update_text(f, &text);
				strbuf_addstr(
					&text,
					_("\nPlease do this as soon as possible, check the device for signs of an attack before and after, change its passwords afterwards, and tell us in writing what was done and when."));
			} else if (f->kind == FINDING_RULE &&
				   f->owner != WHO_CLINIC) {
				strbuf_addstr(&text, f->rule->request);
			} else {
				continue; /* asked below, or the clinic's */
			}
			r = add(out, REQUEST_REMOTE, "", NULL,
				strbuf_detach(&text, NULL), NULL, true);
			r->owned_title = xstrdup(title.buf);
			r->title = r->owned_title;
			if (f->kind == FINDING_RULE)
				r->topic = f->rule->topic;
		}
		strbuf_reset(&text);
		if (!texts) { /* counted: the same test, no text */
			if (remote_questions(x->content, c, NULL) > 0)
				add(out, REQUEST_REMOTE, "", NULL, NULL, NULL,
				    true);
		} else {
			strbuf_addstr(
				&text,
				_("Please tell us in writing about this connection:\n"));
			if (remote_questions(x->content, c, &text) > 0) {
				r = add(out, REQUEST_REMOTE, "", NULL,
					strbuf_detach(&text, NULL), NULL, true);
				r->owned_title = xstrdup(title.buf);
				r->title = r->owned_title;
			}
		}
		strbuf_release(&text);
		strbuf_release(&title);
	}
}

/* True when the answer to item id of this year is いいえ or わからない. */
static bool
answered_no(const struct answer_set *s, const char *id)
{
	const struct answer *a = answer_set_find(s, id, CELL_ALL);

	return a != NULL &&
	       (a->value == ANSWER_NO || a->value == ANSWER_UNKNOWN);
}

/* What 保守委託機関編 needs from a vendor that updates the clinic's servers. */
static void
build_hoshu(const struct request_ctx *x, const struct vendor *v,
	    const struct vindex *va, bool texts, struct request_list *out)
{
	const struct hoshu *h = &x->content->hoshu;
	struct strbuf names = STRBUF_INIT, sb = STRBUF_INIT;
	struct strbuf plain = STRBUF_INIT; /* the names, for a title */
	const char *ref = _("Maintenance-entrustment volume");
	size_t i;
	bool written;

	if (x->servers == NULL || !hoshu_vendor_updates(x->servers, v->id))
		return;
	written = hoshu_clause(x->content, x->vanswers, v, NULL) ==
		  HOSHU_CLAUSE_WRITTEN;
	if (!written && !texts) {
		add(out, REQUEST_HOSHU, ref, NULL, NULL, NULL, true)->topic =
			"update-duty";
	} else if (!written) {
		struct request *r;

		for (i = 0; i < x->servers->n; i++) {
			const struct server *s = &x->servers->v[i];

			if (strcmp(s->patcher, "vendor") != 0 ||
			    s->vendor != v->id)
				continue;
			if (names.len) {
				strbuf_addstr(&names, _(", "));
				strbuf_addstr(&plain, _(", "));
			}
			strbuf_addf(&names, _("\"%s\""), s->name);
			strbuf_addstr(&plain, s->name);
		}
		strbuf_addf(
			&sb,
			_("Please write in the contract, its terms or the SLA that your company applies the security updates of %s, and tell us where it is written (document and clause)."),
			names.buf);
		r = add(out, REQUEST_HOSHU, ref, NULL, strbuf_detach(&sb, NULL),
			NULL, true);
		r->topic = "update-duty";
		/* the title names the servers: merged into the contract
		 * question's request (same topic), only the title is left
		 * to say which */
		strbuf_reset(&sb);
		strbuf_addf(&sb,
			    _("Security updates of %s written in the contract"),
			    plain.buf);
		r->owned_title = strbuf_detach(&sb, NULL);
		r->title = r->owned_title;
	}
	for (i = 0; i < h->nareas; i++) {
		const struct vanswer *a = vindex_find(va, h->areas[i].id);

		if (a == NULL ||
		    (a->value != ANSWER_NO && a->value != ANSWER_UNKNOWN))
			continue;
		/* the volume's page says once what its wording rests on;
		 * a vendor's sheet carries no note for the clinic */
		add(out, REQUEST_HOSHU, ref, h->areas[i].area,
		    texts ? xstrdup(h->areas[i].request) : NULL, NULL, true);
	}
	/* the volume's items the clinic cannot yet answer はい, where the
	 * content says what to ask the vendor (two-factor login ...) */
	for (i = 0; i < h->nitems; i++) {
		if (h->items[i].request == NULL ||
		    !answered_no(x->answers, h->items[i].id))
			continue;
		add(out, REQUEST_HOSHU, ref, h->items[i].title,
		    texts ? xstrdup(h->items[i].request) : NULL, NULL, true)
			->topic = h->items[i].topic;
	}
	strbuf_release(&names);
	strbuf_release(&plain);
	strbuf_release(&sb);
}

void
request_add_ref(const struct request_ctx *x, const struct request *r,
		struct strbuf *sb)
{
	switch (r->kind) {
	case REQUEST_REMOTE:
		strbuf_addstr(sb, _("Remote maintenance"));
		break;
	case REQUEST_CONTRACT:
		strbuf_addf(sb, _("Contract %s"), r->ref);
		break;
	case REQUEST_FORM:
		strbuf_addf(sb, "%s %s", x->edition->vendor_form, r->ref);
		break;
	case REQUEST_CHECKLIST:
		strbuf_addf(sb, _("Checklist %s"), r->ref);
		break;
	case REQUEST_HOSHU:
		strbuf_addstr(sb, r->ref);
		break;
	}
	if (!r->verified)
		/* TRANSLATORS: the mark after an unverified number; ja: ※ */
		strbuf_addstr(sb, _("*"));
}

/* Which request of a topic is kept: the lower, the more general ask. */
static int
keep_rank(enum request_kind k)
{
	switch (k) {
	case REQUEST_CONTRACT:
		return 0;
	case REQUEST_FORM:
		return 1;
	case REQUEST_HOSHU:
		return 2;
	case REQUEST_CHECKLIST:
		return 3;
	case REQUEST_REMOTE:
		break;
	}
	return 4;
}

static void
free_request(struct request *r)
{
	free(r->text);
	free(r->owned_title);
	free(r->also);
}

/* One request per topic: see request_build(). */
static void
merge_topics(const struct request_ctx *x, bool texts, struct request_list *l)
{
	bool *drop = xcalloc(l->n ? l->n : 1, sizeof(*drop));
	bool *done = xcalloc(l->n ? l->n : 1, sizeof(*done));
	size_t i, j, k;

	for (i = 0; i < l->n; i++) {
		struct strbuf also = STRBUF_INIT;
		size_t keep = i;

		if (l->v[i].topic[0] == '\0' || done[i])
			continue;
		for (j = i; j < l->n; j++) {
			if (strcmp(l->v[j].topic, l->v[i].topic) != 0)
				continue;
			done[j] = true;
			if (keep_rank(l->v[j].kind) < keep_rank(l->v[keep].kind))
				keep = j;
		}
		for (j = i; j < l->n; j++) {
			if (j == keep ||
			    strcmp(l->v[j].topic, l->v[keep].topic) != 0)
				continue;
			drop[j] = true;
			if (!texts)
				continue; /* dropped either way */
			/* two asks of one part on one topic (9章④ and ⑤):
			 * both texts, in one request */
			if (l->v[j].kind == l->v[keep].kind &&
			    strcmp(l->v[j].text, l->v[keep].text) != 0) {
				struct strbuf t = STRBUF_INIT;

				strbuf_addf(&t, "%s\n%s", l->v[keep].text,
					    l->v[j].text);
				free(l->v[keep].text);
				l->v[keep].text = strbuf_detach(&t, NULL);
				continue;
			}
			if (also.len)
				strbuf_addstr(&also, _(", "));
			request_add_ref(x, &l->v[j], &also);
			if (l->v[j].title != NULL)
				strbuf_addf(&also, _(" \"%s\""), l->v[j].title);
		}
		if (also.len > 0)
			l->v[keep].also = strbuf_detach(&also, NULL);
		strbuf_release(&also);
	}
	for (j = k = 0; j < l->n; j++) {
		if (drop[j])
			free_request(&l->v[j]);
		else
			l->v[k++] = l->v[j];
	}
	l->n = k;
	free(drop);
	free(done);
}

/* request_build; without texts (request_count) every text, title and
 * note is left out, and the requests are the same. */
static void
build(const struct request_ctx *x, const struct vendor *v, bool texts,
      struct request_list *out)
{
	const struct content *c = x->content;
	const struct edition *ed = x->edition;
	const struct answer_set *s = x->answers;
	struct vindex va;
	size_t i, k;
	bool asked = false;

	for (i = 0; i < out->n; i++) /* reused list: free the old texts */
		free_request(&out->v[i]);
	out->n = 0;
	vindex_init(&va, x->vanswers, v->id);
	/* a vendor not saved yet (id 0, the new-vendor form) runs no
	 * connection or server and is asked nothing from the checklist:
	 * 0 there means none, and 院内 for わからない */
	if (v->id != 0) {
		build_remote(x, v, texts, out);
		build_hoshu(x, v, &va, texts, out);
	}
	for (i = 0; i < c->nquestions; i++) {
		const struct vquestion *q = &c->questions[i];
		const struct vanswer *a = vindex_find(&va, q->id);

		if (!content_question_applies(q, v->contract) || a == NULL ||
		    (a->value != ANSWER_NO && a->value != ANSWER_UNKNOWN))
			continue;
		add(out, REQUEST_CONTRACT, q->number, q->title,
		    texts ? xstrdup(q->request) : NULL, a->memo, true)
			->topic = q->topic;
	}
	if (vendor_has_contract(v)) {
		for (i = 0; i < ed->nvitems; i++) {
			const struct vendor_item *it = &ed->vitems[i];
			const struct vanswer *a = vindex_find(&va, it->id);

			if (a != NULL && a->value == ANSWER_YES)
				continue;
			/* it asks what its checklist item does */
			const struct item *ci =
				texts ? content_item_find(ed, it->clinic_item)
				      : NULL;

			add(out, REQUEST_FORM, it->number, it->title,
			    texts ? xstrdup(it->ask) : NULL,
			    a != NULL ? a->memo : NULL,
			    ci == NULL || !ci->inferred)
				->topic = it->clinic_item;
		}
	}
	/* the checklist's わからない asked of v, in the checklist's order;
	 * none of them in the answers (most vendors): nothing to look up */
	for (i = 0; v->id != 0 && i < s->n && !asked; i++)
		asked = s->v[i].value == ANSWER_UNKNOWN && s->v[i].ask == v->id;
	for (i = 0; asked && i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];

		for (k = 0; k < it->ncells; k++) {
			const struct answer *a =
				answer_set_find(s, it->id, it->cells[k]);
			struct strbuf sb = STRBUF_INIT;

			if (a == NULL || a->value != ANSWER_UNKNOWN ||
			    a->ask != v->id)
				continue;
			if (texts && it->labelled)
				strbuf_addf(
					&sb,
					_("About checklist item %s \"%s\" (%s): please tell us in writing how this stands for what your company supplies or maintains."),
					it->number, it->title,
					cell_label(it->cells[k]));
			else if (texts)
				strbuf_addf(
					&sb,
					_("About checklist item %s \"%s\": please tell us in writing how this stands for what your company supplies or maintains."),
					it->number, it->title);
			add(out, REQUEST_CHECKLIST, it->number, it->title,
			    texts ? strbuf_detach(&sb, NULL) : NULL, a->memo,
			    !it->inferred)
				->topic = it->id;
		}
	}
	vindex_release(&va);
	merge_topics(x, texts, out);
}

void
request_build(const struct request_ctx *x, const struct vendor *v,
	      struct request_list *out)
{
	build(x, v, true, out);
}

size_t
request_count(const struct request_ctx *x, const struct vendor *v,
	      struct request_list *scratch)
{
	build(x, v, false, scratch);
	return scratch->n;
}

void
request_list_release(struct request_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free_request(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void
request_progress(const struct request_ctx *x, const struct vendor *v,
		 struct vendor_progress *p)
{
	const struct content *c = x->content;
	const struct edition *ed = x->edition;
	const struct vanswer_set *va = x->vanswers;
	struct request_list l = REQUEST_LIST_INIT;
	size_t i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < c->nquestions; i++) {
		const struct vanswer *a;

		if (!content_question_applies(&c->questions[i], v->contract))
			continue;
		p->questions++;
		a = vanswer_find(va, v->id, c->questions[i].id);
		if (a != NULL && a->value != ANSWER_NONE)
			p->answered++;
	}
	if (vendor_has_contract(v)) {
		p->form = ed->nvitems;
		for (i = 0; i < ed->nvitems; i++) {
			const struct vanswer *a =
				vanswer_find(va, v->id, ed->vitems[i].id);

			if (a != NULL && a->value == ANSWER_YES)
				p->confirmed++;
		}
	}
	request_build(x, v, &l);
	p->requests = l.n;
	request_list_release(&l);
}

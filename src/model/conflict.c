#include "model/conflict.h"

#include <stdlib.h>
#include <string.h>

#include "model/hoshu.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static void
add(struct conflict_list *l, const struct conflict *x)
{
	xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = *x;
}

/* True when finding f is one that rule r names ("device" or a rule id). */
static bool
names(const struct conflict_rule *r, const struct finding *f)
{
	size_t i;

	for (i = 0; i < r->nremote; i++) {
		if (strcmp(r->remote[i], "device") == 0 &&
		    f->kind == FINDING_DEVICE)
			return true;
		if (f->kind == FINDING_RULE &&
		    strcmp(r->remote[i], f->rule->id) == 0)
			return true;
	}
	return false;
}

/* The answer key of a vendor to item id, "" when none. */
static const char *
vkey(const struct vanswer_set *va, long vendor, const char *id)
{
	const struct vanswer *a = vanswer_find(va, vendor, id);

	return a != NULL ? answer_value_key(a->value) : "";
}

void
conflict_find(const struct content *c, const struct edition *ed,
	      const struct answer_set *answers,
	      const struct finding_list *findings,
	      const struct vendor_list *vendors,
	      const struct vanswer_set *vanswers, struct conflict_list *out)
{
	size_t i, k, j;

	conflict_list_release(out);
	for (i = 0; i < c->nconflicts; i++) {
		const struct conflict_rule *r = &c->conflicts[i];
		struct conflict x;

		memset(&x, 0, sizeof(x));
		x.rule = r;
		if (r->item[0] != '\0') {
			const struct item *it = content_item_find(ed, r->item);
			bool said = false;

			for (k = 0; it != NULL && answers != NULL &&
				    k < it->ncells && !said;
			     k++) {
				const struct answer *a = answer_set_find(
					answers, it->id, it->cells[k]);

				said = a != NULL &&
				       strcmp(answer_value_key(a->value),
					      r->answer) == 0;
				if (said)
					x.value = a->value;
			}
			if (!said || findings == NULL)
				continue;
			x.item = it;
			/* one contradiction naming every connection */
			for (k = 0; k < findings->n; k++) {
				const struct finding *f = &findings->v[k];

				if (!names(r, f))
					continue;
				for (j = 0; j < x.nconns; j++)
					if (x.conns[j] == f->conn)
						break;
				if (j < x.nconns)
					continue;
				x.conns = xrealloc(x.conns, (x.nconns + 1) *
								    sizeof(*x.conns));
				x.conns[x.nconns++] = f->conn;
			}
			if (x.nconns > 0)
				add(out, &x);
			continue;
		}
		for (k = 0; vendors != NULL && vanswers != NULL &&
			    k < vendors->n;
		     k++) {
			const struct vendor *v = &vendors->v[k];

			if (strcmp(vkey(vanswers, v->id, r->vendor_item),
				   r->vendor_answer) != 0 ||
			    strcmp(vkey(vanswers, v->id, r->other_item),
				   r->other_answer) != 0)
				continue;
			x.vendor = v;
			add(out, &x);
		}
	}
}

void
conflict_list_release(struct conflict_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].conns);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void
conflict_text(const struct conflict *x, const struct vendor_list *vendors,
	      struct strbuf *sb)
{
	size_t start = sb->len;

	if (x->item != NULL) {
		size_t i;

		strbuf_addf(sb, _("To %s \"%s\" you answered %s, but "),
			    x->item->number, x->item->title,
			    answer_value_label(x->value));
		strbuf_addstr(sb, x->rule->text);
		while (sb->len > start && sb->buf[sb->len - 1] == '\n')
			strbuf_setlen(sb, sb->len - 1);
		strbuf_addstr(sb, _(" (remote maintenance: "));
		for (i = 0; i < x->nconns; i++) {
			const struct vendor *v =
				vendors != NULL ? vendor_list_find(
							  vendors, x->conns[i]->vendor)
						: NULL;

			if (i > 0)
				strbuf_addstr(sb, _(", "));
			remote_label(x->conns[i], v != NULL ? v->name : NULL,
				     sb);
		}
		strbuf_addstr(sb, _(")"));
		return;
	}
	strbuf_addf(sb, _("%s: "), x->vendor->name);
	strbuf_addstr(sb, x->rule->text);
	while (sb->len > start && sb->buf[sb->len - 1] == '\n')
		strbuf_setlen(sb, sb->len - 1);
}

size_t
conflict_count_item(const struct conflict_list *l, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += l->v[i].item != NULL && strcmp(l->v[i].item->id, id) == 0;
	return n;
}

#include "model/compare.h"

#include <stdlib.h>
#include <string.h>

#include "model/carry.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static bool
is_gap(const struct item *it, const struct answer *a)
{
	return a != NULL && answer_needs_target(it, a->value);
}

/* The gate row's answer of last year (matched) or this year: いいえ? */
static bool
gate_no(const struct edition *ed, const char *prev_edition,
	const struct answer_set *s, bool last)
{
	size_t i;

	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];
		const struct answer *a;

		if (!it->gate)
			continue;
		a = last ? carry_offer(ed, prev_edition, s, it, it->cells[0])
				    .answer
			 : answer_set_find(s, it->id, it->cells[0]);
		if (a != NULL && a->value == ANSWER_NO)
			return true;
	}
	return false;
}

/* True when it has no counterpart in last year's edition. */
static bool
is_new_item(const struct edition *ed, const char *prev_edition,
	    const struct item *it)
{
	const struct mapping *m;

	if (prev_edition == NULL || prev_edition[0] == '\0' ||
	    strcmp(prev_edition, ed->id) == 0 ||
	    strcmp(prev_edition, ed->from) != 0)
		return false;
	m = content_mapping_find(ed, it->id);
	return m == NULL || m->kind == MAP_NEW;
}

static void
add(struct compare *c, enum compare_kind k, const struct item *it,
    enum cell cell, const struct answer *last, const struct answer *now)
{
	struct compare_entry *e;

	xgrow((void **)&c->v, &c->alloc, c->n + 1, sizeof(*c->v));
	e = &c->v[c->n++];
	e->kind = k;
	e->item = it;
	e->cell = cell;
	e->last = last;
	e->now = now;
	c->count[k]++;
}

/* Adds the entries of kind k, in official order. */
static void
pass(struct compare *c, enum compare_kind k, const struct edition *ed,
     const struct answer_set *now, const char *prev_edition,
     const struct answer_set *prev, const struct date *today, bool last_no,
     bool now_no)
{
	size_t i, j;

	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];

		if (k == COMPARE_NEW_ITEM) {
			if (is_new_item(ed, prev_edition, it))
				add(c, k, it, it->cells[0], NULL, NULL);
			continue;
		}
		if (now_no && !it->gate)
			continue;
		for (j = 0; j < it->ncells; j++) {
			enum cell cell = it->cells[j];
			const struct answer *l =
				carry_offer(ed, prev_edition, prev, it, cell)
					.answer;
			const struct answer *a =
				answer_set_find(now, it->id, cell);
			bool was = is_gap(it, l) && !(last_no && !it->gate);
			bool yes;

			if (a != NULL && a->value == ANSWER_NONE)
				a = NULL;
			yes = a != NULL &&
			      (a->value == ANSWER_YES || a->value == ANSWER_NA);
			if (k == COMPARE_CLOSED && was && yes)
				add(c, k, it, cell, l, a);
			if (k == COMPARE_OPENED && !was && is_gap(it, a))
				add(c, k, it, cell, l, a);
			if (k == COMPARE_OVERDUE && was && !yes &&
			    date_is_set(&l->target) &&
			    date_cmp(&l->target, today) < 0)
				add(c, k, it, cell, l, a);
		}
	}
}

/* True when some cell of ed has a matched answer last year. */
static bool
has_match(const struct edition *ed, const char *prev_edition,
	  const struct answer_set *prev)
{
	size_t i, j;

	if (prev == NULL || prev->n == 0)
		return false;
	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];

		for (j = 0; j < it->ncells; j++) {
			if (carry_offer(ed, prev_edition, prev, it,
					it->cells[j])
				    .answer != NULL)
				return true;
		}
	}
	return false;
}

void
compare_years(const struct edition *ed, const struct answer_set *now,
	      const char *prev_edition, const struct answer_set *prev,
	      const struct date *today, struct compare *c)
{
	bool last_no, now_no;
	int k;

	c->has_prev = false;
	c->prev_year = 0;
	memset(c->count, 0, sizeof(c->count));
	c->n = 0;
	if (ed == NULL || !has_match(ed, prev_edition, prev))
		return;
	c->has_prev = true;
	c->prev_year = prev->v[0].year;
	last_no = gate_no(ed, prev_edition, prev, true);
	now_no = gate_no(ed, prev_edition, now, false);
	for (k = 0; k < COMPARE__COUNT; k++)
		pass(c, (enum compare_kind)k, ed, now, prev_edition, prev,
		     today, last_no, now_no);
}

void
compare_add_numbers(const struct compare *c, enum compare_kind k,
		    struct strbuf *sb)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++) {
		const struct compare_entry *e = &c->v[i];

		if (e->kind != k)
			continue;
		if (n++)
			strbuf_addstr(sb, _(", "));
		if (e->item->number[0])
			strbuf_addstr(sb, e->item->number);
		else
			strbuf_addf(sb, _("\"%s\""), e->item->title);
		if (e->item->labelled && k != COMPARE_NEW_ITEM)
			strbuf_addf(sb, _(" (%s)"), cell_label(e->cell));
	}
}

const char *
compare_kind_label(enum compare_kind k)
{
	switch (k) {
	case COMPARE_CLOSED:
		return _("Gaps closed");
	case COMPARE_OPENED:
		return _("New gaps");
	case COMPARE_OVERDUE:
		return _("Target date passed");
	case COMPARE_NEW_ITEM:
		return _("New items in this edition");
	case COMPARE__COUNT:
		break;
	}
	return "";
}

const char *
compare_kind_meaning(enum compare_kind k)
{
	switch (k) {
	case COMPARE_CLOSED:
		return _(
			"answered no or don't know last year, and yes or not applicable this year");
	case COMPARE_OPENED:
		return _(
			"answered no or don't know this year, but not last year");
	case COMPARE_OVERDUE:
		return _(
			"the target date set last year has passed, and the answer is not yes yet");
	case COMPARE_NEW_ITEM:
		return _("items that were not in last year's checklist");
	case COMPARE__COUNT:
		break;
	}
	return "";
}

const char *
compare_kind_text(enum compare_kind k, size_t n, struct strbuf *sb)
{
	strbuf_reset(sb);
	/* TRANSLATORS: a kind of change since last year, its count, and
	 * what it counts */
	strbuf_addf(sb, _("%s: %zu (%s)"), compare_kind_label(k), n,
		    compare_kind_meaning(k));
	return sb->buf;
}

void
compare_release(struct compare *c)
{
	free(c->v);
	memset(c, 0, sizeof(*c));
}

#include "model/gap.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

bool
gap_gate_no(const struct edition *ed, const struct answer_set *s)
{
	size_t i;

	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];
		const struct answer *a;

		if (!it->gate)
			continue;
		a = answer_set_find(s, it->id, it->cells[0]);
		if (a != NULL && a->value == ANSWER_NO)
			return true;
	}
	return false;
}

void
gap_compute(const struct edition *ed, const struct answer_set *s,
	    struct gap_list *g, struct progress *p)
{
	bool gate_no = gap_gate_no(ed, s);
	size_t i, c;

	memset(p, 0, sizeof(*p));
	p->gate_no = gate_no;
	g->n = 0;
	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];

		for (c = 0; c < it->ncells; c++) {
			const struct answer *a =
				answer_set_find(s, it->id, it->cells[c]);
			struct gap *gp;

			if (gate_no && !it->gate) {
				p->skipped++;
				continue;
			}
			p->total++;
			if (a == NULL || a->value == ANSWER_NONE)
				continue;
			p->answered++;
			if (a->value == ANSWER_YES)
				p->yes++;
			if (a->value == ANSWER_NA)
				p->na++;
			if (!answer_needs_target(it, a->value))
				continue;
			p->gaps++;
			xgrow((void **)&g->v, &g->alloc, g->n + 1,
			      sizeof(*g->v));
			gp = &g->v[g->n++];
			gp->item = it;
			gp->cell = it->cells[c];
			gp->answer = a;
			gp->no_target = !date_is_set(&a->target);
			if (gp->no_target)
				p->no_target++;
		}
	}
}

void
gap_list_release(struct gap_list *g)
{
	free(g->v);
	g->v = NULL;
	g->n = g->alloc = 0;
}

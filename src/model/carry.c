#include "model/carry.h"

#include <string.h>

/* last year's answer of item id for cell, else for its single cell. */
static const struct answer *
find(const struct answer_set *prev, const char *id, enum cell cell)
{
	const struct answer *a = answer_set_find(prev, id, cell);

	if (a == NULL && cell != CELL_ALL)
		a = answer_set_find(prev, id, CELL_ALL);
	if (a != NULL && a->value == ANSWER_NONE)
		a = NULL;
	return a;
}

struct carry
carry_offer(const struct edition *ed, const char *prev_edition,
	    const struct answer_set *prev, const struct item *it,
	    enum cell cell)
{
	struct carry r = {NULL, NULL};
	size_t i;

	if (prev == NULL || prev->n == 0)
		return r;
	if (prev_edition != NULL && strcmp(prev_edition, ed->id) != 0 &&
	    strcmp(prev_edition, ed->from) == 0) {
		r.map = content_mapping_find(ed, it->id);
		if (r.map == NULL || r.map->kind == MAP_NEW)
			return r;
		for (i = 0; i < r.map->nfrom && r.answer == NULL; i++)
			r.answer = find(prev, r.map->from[i], cell);
		return r;
	}
	r.answer = find(prev, it->id, cell);
	return r;
}

void
carry_take(struct answer *a, const struct answer *last)
{
	a->value = last->value;
	answer_set_text(&a->memo, last->memo);
}

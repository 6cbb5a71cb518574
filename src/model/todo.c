#include "model/todo.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void
add(struct todo_list *l, enum priority p, const struct gap *g,
    const struct finding *f)
{
	struct todo *t;

	xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	t = &l->v[l->n];
	t->priority = p;
	t->gap = g;
	t->finding = f;
	t->order = l->n++;
	l->count[p]++;
}

static const struct date *
target(const struct todo *t)
{
	static const struct date none = DATE_NONE;

	if (t->gap != NULL && !t->gap->no_target)
		return &t->gap->answer->target;
	return &none;
}

static int
cmp(const void *pa, const void *pb)
{
	const struct todo *a = pa, *b = pb;
	int d;

	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	d = date_cmp(target(a), target(b));
	if (d != 0)
		return d;
	return a->order < b->order ? -1 : a->order > b->order;
}

void
todo_build(const struct content *c, const struct gap_list *g,
	   const struct finding_list *f, struct todo_list *out)
{
	size_t i;

	out->n = 0;
	memset(out->count, 0, sizeof(out->count));
	for (i = 0; f != NULL && i < f->n; i++)
		add(out, f->v[i].priority, NULL, &f->v[i]);
	for (i = 0; g != NULL && i < g->n; i++)
		add(out, content_gap_priority(c, g->v[i].item->id), &g->v[i],
		    NULL);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp);
}

void
todo_list_release(struct todo_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

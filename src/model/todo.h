#ifndef IRY_TODO_H
#define IRY_TODO_H

#include <stddef.h>

#include "content/content.h"
#include "model/gap.h"
#include "model/remote.h"

/*
 * 優先して対応すること: every gap of the checklist and every finding of the
 * remote-maintenance inventory in one list, most urgent first: by the
 * levels of common/priority.yaml, then by 目標日 (none first), then in the
 * order they came.
 */

struct todo {
	enum priority priority;
	const struct gap *gap;         /* a checklist gap, or NULL */
	const struct finding *finding; /* a remote finding, or NULL */
	size_t order;                  /* position before sorting */
};

struct todo_list {
	struct todo *v;
	size_t n, alloc;
	size_t count[PRIORITY__COUNT]; /* how many at each level */
};

#define TODO_LIST_INIT                                                         \
	{                                                                      \
		NULL, 0, 0,                                                    \
		{                                                              \
			0                                                      \
		}                                                              \
	}

/* Builds the list from g and f (either may be NULL); borrows from both. */
void todo_build(const struct content *c, const struct gap_list *g,
		const struct finding_list *f, struct todo_list *out);

void todo_list_release(struct todo_list *l);

#endif

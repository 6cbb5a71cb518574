#ifndef IRY_GAP_H
#define IRY_GAP_H

#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"

/*
 * What is missing: every item cell answered いいえ or わからない, each a gap
 * with its 目標日 (a missing 目標日 is named). Pure: computed from the
 * content and the answers, for the screens and for the report.
 */

struct gap {
	const struct item *item; /* borrowed from the edition */
	enum cell cell;
	const struct answer *answer; /* borrowed from the answer set */
	bool no_target;              /* 目標日 not entered yet */
};

struct gap_list {
	struct gap *v; /* in official order */
	size_t n, alloc;
};

#define GAP_LIST_INIT                                                          \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

struct progress {
	size_t total;     /* cells to answer (gate-skipped ones excluded) */
	size_t answered;  /* cells with any answer */
	size_t yes;       /* はい */
	size_t na;        /* 該当なし */
	size_t gaps;      /* いいえ + わからない */
	size_t no_target; /* gaps still without 目標日 */
	size_t skipped;   /* cells not needed because the gate is いいえ */
	bool gate_no;     /* the gate row is answered いいえ */
};

/*
 * Computes gaps and progress of ed for the answers in s. The list borrows
 * from ed and s: keep both alive while using it. Frees nothing in g
 * beforehand; call gap_list_release() to reuse.
 */
void gap_compute(const struct edition *ed, const struct answer_set *s,
		 struct gap_list *g, struct progress *p);

void gap_list_release(struct gap_list *g);

/* True when the gate row of ed is answered いいえ in s. */
bool gap_gate_no(const struct edition *ed, const struct answer_set *s);

#endif

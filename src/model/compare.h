#ifndef IRY_COMPARE_H
#define IRY_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "model/date.h"
#include "util/strbuf.h"

/*
 * This year against last year (issue 21): what the home screen, `status`
 * and the PDF's 点検の概要 show. Pure: computed from the content and both
 * years' answers, and nothing is copied between the years.
 *
 * Matching. Each cell (item, cell) of this year's edition is matched to
 * last year's answer exactly as carry_offer() finds the answer it offers:
 * by item id when last year used the same edition (or an edition other
 * than this one's `from`); through this edition's mapping.yaml when last
 * year used its `from` edition (the first answered item of the mapping's
 * `from` list; none for a `new` item or one the mapping does not name).
 * A cell not answered last year matches the item's 全般 answer, if any.
 * Last year's answers without a value count as no answer.
 *
 * A gap is an answer いいえ or わからない on an item that is not the gate
 * row (answer_needs_target). Cells not needed because the gate row was
 * answered いいえ are not gaps: last year with last year's gate answer
 * (matched as above), this year with this year's. Cells not needed this
 * year are left out of every list.
 */

enum compare_kind {
	COMPARE_CLOSED = 0, /* a gap last year; はい or 該当なし now */
	COMPARE_OPENED,     /* a gap now; not last year (はい, 該当なし,
			       not needed, no answer, or a new item) */
	COMPARE_OVERDUE,    /* last year a gap with a 目標日 before today;
			       now not answered, or still a gap */
	COMPARE_NEW_ITEM,   /* an item (not a cell) new in this edition */
	COMPARE__COUNT
};

struct compare_entry {
	enum compare_kind kind;
	const struct item *item;   /* this year's; borrowed from the edition */
	enum cell cell;            /* its first cell for COMPARE_NEW_ITEM */
	const struct answer *last; /* matched last year; NULL: none */
	const struct answer *now;  /* this year's; NULL: not answered */
};

struct compare {
	bool has_prev; /* some cell has a matched answer last year; else
			  all counts are 0 and nothing is to be said */
	int prev_year; /* last year's 点検年度 (set with has_prev) */
	size_t count[COMPARE__COUNT];
	struct compare_entry *v; /* by kind, then in official order */
	size_t n, alloc;
};

#define COMPARE_INIT                                                           \
	{                                                                      \
		false, 0, {0}, NULL, 0, 0                                      \
	}

/*
 * Compares now (answers of this year, edition ed) with prev (answers of
 * the year before, which used edition prev_edition) as of today. When no
 * cell of ed matches an answer of prev (prev NULL or empty, or holding
 * only answers outside the checklist), there is no previous year to
 * compare with: has_prev is false. Results go into c (cleared first; its
 * memory reused). c borrows from ed, now and prev: keep them alive while
 * using it.
 */
void compare_years(const struct edition *ed, const struct answer_set *now,
		   const char *prev_edition, const struct answer_set *prev,
		   const struct date *today, struct compare *c);

/*
 * Appends the official numbers of kind k's entries to sb, joined with
 * 「、」: 「1-②（サーバ）、2-③」 (the cell named where the form labels
 * cells). Appends nothing when there is none.
 */
void compare_add_numbers(const struct compare *c, enum compare_kind k,
			 struct strbuf *sb);

/* The translated name of kind k: 解消したもの, 目標日を過ぎたもの ... */
const char *compare_kind_label(enum compare_kind k);

/* What kind k counts, in one plain sentence (translated). */
const char *compare_kind_meaning(enum compare_kind k);

/*
 * Resets sb to kind k's name, the count n and what it counts:
 * 「解消したもの：3件（昨年度は…）」. Returns sb->buf (owned by sb).
 */
const char *compare_kind_text(enum compare_kind k, size_t n, struct strbuf *sb);

void compare_release(struct compare *c);

#endif

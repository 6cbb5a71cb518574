#ifndef IRY_CARRY_H
#define IRY_CARRY_H

#include "content/content.h"
#include "model/answer.h"

/*
 * Last year's answer, offered (never copied silently) in a new 点検年度
 * (docs/decisions.md, Dates). Items are matched by id, or through the
 * edition's mapping when last year used the previous edition.
 */

struct carry {
	const struct answer *answer; /* last year's answer; NULL: nothing */
	const struct mapping *map;   /* how the item changed; may be NULL */
};

/*
 * Finds what to offer for (it, cell) of ed, from prev (answers of the
 * year before, which used edition prev_edition). Returns a carry with
 * answer NULL when there is nothing to offer (new item, no answer).
 * Everything returned is borrowed from prev and ed.
 */
struct carry carry_offer(const struct edition *ed, const char *prev_edition,
			 const struct answer_set *prev, const struct item *it,
			 enum cell cell);

/*
 * Applies an offer to a: copies the value and the memo only, never the
 * dates (the answer must be confirmed again this year).
 */
void carry_take(struct answer *a, const struct answer *last);

#endif

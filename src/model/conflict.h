#ifndef IRY_CONFLICT_H
#define IRY_CONFLICT_H

#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "model/remote.h"
#include "model/vendor.h"
#include "util/strbuf.h"

/*
 * Answers that contradict each other (common/conflicts.yaml): a checklist
 * answer against what the remote-maintenance inventory says, or two
 * answers about one vendor. Pure: the home screen, the checklist screen,
 * the PDF and status share it. Neither answer is judged the right one.
 */

struct conflict {
	const struct conflict_rule *rule; /* borrowed from content */
	const struct item *item;          /* the checklist item, or NULL */
	enum answer_value value;          /* its answer */
	const struct connection **conns;  /* the connections it concerns
					   * (owned array, borrowed each) */
	size_t nconns;
	const struct vendor *vendor;      /* the vendor, or NULL */
};

struct conflict_list {
	struct conflict *v;
	size_t n, alloc;
};

#define CONFLICT_LIST_INIT                                                     \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/*
 * Finds every contradiction among this year's answers (ed, answers), the
 * findings of the inventory and the vendors' answers, into out (released
 * first). Borrows from every argument.
 */
void conflict_find(const struct content *c, const struct edition *ed,
		   const struct answer_set *answers,
		   const struct finding_list *findings,
		   const struct vendor_list *vendors,
		   const struct vanswer_set *vanswers,
		   struct conflict_list *out);

void conflict_list_release(struct conflict_list *l);

/*
 * The contradiction as one text with both answers: 「2-⑥「…」に「はい」と
 * 答えていますが、<rule text>（リモート保守: レセコン（アルファ保守）、…）」 (every
 * connection it concerns, in one sentence), or
 * 「アルファ保守: <rule text>」. vendor_name gives a connection's vendor's
 * name (NULL when none).
 */
void conflict_text(const struct conflict *x, const struct vendor_list *vendors,
		   struct strbuf *sb);

/* How many contradictions concern checklist item id. */
size_t conflict_count_item(const struct conflict_list *l, const char *id);

#endif

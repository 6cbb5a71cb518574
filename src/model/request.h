#ifndef IRY_REQUEST_H
#define IRY_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "model/hoshu.h"
#include "model/remote.h"
#include "model/vendor.h"
#include "util/strbuf.h"

/*
 * What the clinic asks one vendor (事業者への依頼書): the contract questions
 * answered いいえ or わからない, the 事業者確認用 items the vendor has not
 * confirmed, and the checklist items answered わからない that the clinic
 * asked this vendor about. Pure: the report and the screens share it.
 */

enum request_kind {
	REQUEST_REMOTE = 0, /* a remote-maintenance connection it runs */
	REQUEST_CONTRACT,   /* a contract question */
	REQUEST_FORM,       /* an item of 事業者確認用 */
	REQUEST_CHECKLIST,  /* a checklist item answered わからない */
	REQUEST_HOSHU,      /* what 保守委託機関編 needs from it */
};

struct request {
	enum request_kind kind;
	const char *topic; /* what it asks (borrowed); "" when its own */
	char *also;        /* owned: the other parts that asked the same
			    * and were merged into this one; NULL */
	const char *ref;   /* its number (borrowed from content); "" */
	const char *title; /* its short title (borrowed, or owned_title) */
	char *owned_title; /* owned when the title was made here */
	char *text;        /* the request; owned */
	const char *memo;  /* the clinic's memo (borrowed), or NULL */
	bool verified;     /* false: its number or title is our inference (※) */
};

struct request_list {
	struct request *v; /* contract questions, then the form, then items */
	size_t n, alloc;
};

#define REQUEST_LIST_INIT                                                      \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/* Everything requests are made from (borrowed). */
struct request_ctx {
	const struct content *content;
	const struct edition *edition;             /* the year's edition */
	const struct vanswer_set *vanswers;        /* this year's */
	const struct answer_set *answers;          /* this year's */
	const struct connection_list *connections; /* may be NULL */
	const struct finding_list *findings;       /* of those; may be NULL */
	const struct server_list *servers; /* 保守委託機関編; may be NULL */
};

/*
 * Builds the requests to vendor v, replacing what out held: first the
 * remote-maintenance connections it runs (known exploited flaws, risks,
 * what is not known), then 保守委託機関編, the contract, the vendor form,
 * the checklist. Requests on one topic (content: topic, or the checklist
 * item a form item or a checklist item is) become one: the one of the
 * contract, else 保守委託機関編, the form, the checklist, remote
 * maintenance is kept, and also names the others. The list borrows
 * from x.
 */
void request_build(const struct request_ctx *x, const struct vendor *v,
		   struct request_list *out);

/*
 * How many requests request_build() makes to v (the lines of its sheet),
 * without writing their texts, titles or notes: aggregate counts them.
 * scratch is a list to reuse (its requests have no texts afterwards);
 * release it with request_list_release().
 */
size_t request_count(const struct request_ctx *x, const struct vendor *v,
		     struct request_list *scratch);

void request_list_release(struct request_list *l);

/*
 * Appends where r comes from, as the sheet shows it: 「契約 3」,
 * 「事業者確認用 2-③」, 「チェックリスト 2-⑥」, 「リモート保守」, with ※ after
 * a number not checked against the official form.
 */
void request_add_ref(const struct request_ctx *x, const struct request *r,
		     struct strbuf *sb);

/* Counts for a vendor's line on the screen. */
struct vendor_progress {
	size_t questions; /* contract questions that apply */
	size_t answered;  /* of those, answered */
	size_t form;      /* 事業者確認用 items (0 without a contract) */
	size_t confirmed; /* of those, confirmed はい by the vendor */
	size_t requests;  /* requests on the sheet */
};

void request_progress(const struct request_ctx *x, const struct vendor *v,
		      struct vendor_progress *p);

#endif

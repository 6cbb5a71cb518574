#ifndef IRY_REQUEST_H
#define IRY_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "model/vendor.h"

/*
 * What the clinic asks one vendor (事業者への依頼書): the contract questions
 * answered いいえ or わからない, the 事業者確認用 items the vendor has not
 * confirmed, and the checklist items answered わからない that the clinic
 * asked this vendor about. Pure: the report and the screens share it.
 */

enum request_kind {
	REQUEST_CONTRACT = 0, /* a contract question */
	REQUEST_FORM,         /* an item of 事業者確認用 */
	REQUEST_CHECKLIST,    /* a checklist item answered わからない */
};

struct request {
	enum request_kind kind;
	const char *ref;   /* its number (borrowed from content) */
	const char *title; /* its short title (borrowed) */
	char *text;        /* the request; owned */
	const char *memo;  /* the clinic's memo (borrowed), or NULL */
	bool verified;     /* number/title checked against the official form */
};

struct request_list {
	struct request *v; /* contract questions, then the form, then items */
	size_t n, alloc;
};

#define REQUEST_LIST_INIT                                                      \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/*
 * Builds the requests to vendor v for year, replacing what out held. ed is the
 * year's edition; vendor answers va and checklist answers s are of that year.
 * The list borrows from c, ed, va and s.
 */
void request_build(const struct content *c, const struct edition *ed,
		   const struct vendor *v, const struct vanswer_set *va,
		   const struct answer_set *s, struct request_list *out);

void request_list_release(struct request_list *l);

/* Counts for a vendor's line on the screen. */
struct vendor_progress {
	size_t questions; /* contract questions that apply */
	size_t answered;  /* of those, answered */
	size_t form;      /* 事業者確認用 items (0 without a contract) */
	size_t confirmed; /* of those, confirmed はい by the vendor */
	size_t requests;  /* requests on the sheet */
};

void request_progress(const struct content *c, const struct edition *ed,
		      const struct vendor *v, const struct vanswer_set *va,
		      const struct answer_set *s, struct vendor_progress *p);

#endif

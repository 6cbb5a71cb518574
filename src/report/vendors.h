#ifndef IRY_REPORT_VENDORS_H
#define IRY_REPORT_VENDORS_H

#include "model/request.h"
#include "report/pdf.h"
#include "report/report.h"

/*
 * 事業者への依頼書: a list of the vendors, then one sheet per vendor with
 * requests, addressed to it, with a reply column and a signature line.
 * Does nothing when the input has no vendors.
 */
void vendors_draw(struct pdf *p, const struct report_input *in);

/* Fills the request context from the report's input. */
void report_request_ctx(const struct report_input *in, struct request_ctx *x);

/*
 * 連絡体制図: the in-house chain, the vendors and the outside bodies, with
 * what is still missing for checklist 3-①.
 */
void contacts_draw(struct pdf *p, const struct report_input *in);

#endif

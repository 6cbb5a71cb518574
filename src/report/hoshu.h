#ifndef IRY_REPORT_HOSHU_H
#define IRY_REPORT_HOSHU_H

#include "report/pdf.h"
#include "report/report.h"

/*
 * 保守委託機関編の適用判定: the outcome, every reason, the servers and who
 * updates them, what is missing and who must act, and each vendor's
 * MDS/SDS 【別紙】 results with the clinic's risk notes. Nothing when the
 * input has no judgement.
 */
void hoshu_draw(struct pdf *p, const struct report_input *in);

#endif

#ifndef IRY_REPORT_REMOTE_H
#define IRY_REPORT_REMOTE_H

#include "report/pdf.h"
#include "report/report.h"

/*
 * The remote-maintenance parts of the report: what to fix first (known
 * exploited vulnerabilities, then the risks by priority), which heads the
 * list of things to do; and the リモート保守台帳, the inventory as a table.
 * Both do nothing without connections.
 */
void remote_draw_priority(struct pdf *p, const struct report_input *in);
void remote_draw_ledger(struct pdf *p, const struct report_input *in);

#endif

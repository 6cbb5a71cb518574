#ifndef IRY_REPORT_REMOTE_H
#define IRY_REPORT_REMOTE_H

#include "report/pdf.h"
#include "report/report.h"

/*
 * The リモート保守台帳: the remote-maintenance inventory as a table (its
 * findings head the list of things to do, see overview.h). Nothing without
 * connections.
 */
void remote_draw_ledger(struct pdf *p, const struct report_input *in);

#endif

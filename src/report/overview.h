#ifndef IRY_REPORT_OVERVIEW_H
#define IRY_REPORT_OVERVIEW_H

#include "model/todo.h"
#include "report/pdf.h"
#include "report/report.h"

/*
 * On the cover, under the facility's details: when a remote-maintenance
 * device has a flaw attackers already use, one paragraph saying so first.
 */
void overview_alert(struct pdf *p, const struct todo_list *todo);

/*
 * 点検の概要 on a page of its own after the cover: progress of each part
 * (checklist, vendors, remote maintenance, 保守委託機関編, contacts), what
 * needs doing by priority with a bar chart drawn on the page, and the next step
 * in plain words.
 */
void overview_draw(struct pdf *p, const struct report_input *in,
		   const struct todo_list *todo);

/*
 * 優先して対応すること: the levels explained in one sentence each, then
 * every gap and finding, most urgent first: what, why, what to do, who,
 * 目標日.
 */
void priority_draw(struct pdf *p, const struct report_input *in,
		   const struct todo_list *todo);

#endif

#ifndef IRY_REPORT_TRANSCRIPT_H
#define IRY_REPORT_TRANSCRIPT_H

#include "report/pdf.h"
#include "report/report.h"

/*
 * チェックリスト回答一覧: every item of the edition in official order and
 * numbering, answered the way the official form records it (はい/いいえ,
 * 確認日, 目標日), for an inspector comparing with the form
 * (docs/decisions.md, Answers and the transcript).
 */
void transcript_draw(struct pdf *p, const struct report_input *in);

#endif

#ifndef IRY_JOB_H
#define IRY_JOB_H

#include "content/content.h"
#include "model/date.h"
#include "report/report.h"
#include "store/store.h"
#include "util/err.h"
#include "util/strbuf.h"

/*
 * The work behind `iryosec report` and `iryosec status`, shared with the
 * wizard's レポート screen: read the data file, compute the gaps, then write
 * the PDF or the text. This header includes report/report.h on purpose:
 * the wizard takes struct report_result and REPORT_* from here and never
 * includes report/ itself (tests/check-includes.sh).
 */

/*
 * Appends the default PDF name for fiscal year fy and today to sb:
 * iryosec-<fy>-<YYYYMMDD>.pdf (docs/decisions.md, Command line and exit
 * codes).
 */
void job_report_name(struct strbuf *sb, int fy, const struct date *today);

/* What to print: every part (0) or some (REPORT_* bits), every vendor
 * (NULL) or the one with this exact name. */
struct job_parts {
	unsigned parts;
	const char *vendor;
	struct date reply_by; /* on the vendors' sheets; unset: 30 days on */
};

/*
 * Writes the PDF for the facility's current 点検年度 to path (what may be
 * NULL: everything). Returns 0 with res filled, or -1 with e set (not set
 * up yet, no vendor of that name, data file, font, writing).
 */
int job_report(struct store *st, const struct content *c, const char *font,
	       const char *path, const struct date *today,
	       const struct job_parts *what, struct report_result *res,
	       struct err *e);

/*
 * Appends the whole state of the current 点検年度 as plain text to out, one
 * line per thing, most urgent first: devices with known exploited flaws,
 * the checklist (its gaps, then the items not answered), remote
 * maintenance (warnings, what is not known), vendors with requests, the
 * 保守委託機関編 judgement, contacts still needed. Values from the file
 * are printed on one line. Returns 0, or -1 with e set.
 */
int job_status(struct store *st, const struct content *c,
	       const struct date *today, struct strbuf *out,
	       struct err *e);

#endif

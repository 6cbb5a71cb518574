#ifndef IRY_REPORT_H
#define IRY_REPORT_H

#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "model/compare.h"
#include "model/contact.h"
#include "model/date.h"
#include "model/facility.h"
#include "model/gap.h"
#include "model/hoshu.h"
#include "model/remote.h"
#include "model/vendor.h"
#include "util/err.h"

/*
 * The PDF report (A4, embedded Japanese TrueType font, compressed). The only
 * module that includes <hpdf.h>. It never touches the terminal or the
 * database: everything it prints comes in struct report_input.
 */

/* The parts of the report, for `iryosec report --only`. */
enum report_part {
	REPORT_SUMMARY = 1,    /* 表紙と概要, with the contents */
	REPORT_PRIORITY = 2,   /* 優先して対応すること */
	REPORT_VENDORS = 4,    /* 事業者への依頼書 */
	REPORT_TRANSCRIPT = 8, /* チェックリスト回答一覧 */
	REPORT_REMOTE = 16,    /* リモート保守台帳 */
	REPORT_HOSHU = 32,     /* 保守委託機関編の適用判定 */
	REPORT_CONTACTS = 64,  /* 連絡体制図 */
};

#define REPORT__PARTS 7

/*
 * Parses a part's name ("summary", "priority", "vendors", "transcript",
 * "remote", "hoshu", "contacts") into its bit; 0 when unknown.
 */
unsigned report_part_parse(const char *name);

/* Days the vendors get to reply, unless the report says otherwise. */
#define REPORT_REPLY_DAYS 30

struct report_input {
	const struct content *content;   /* vendor questions, contact roles */
	const struct facility *facility; /* name, type, people, 点検年度 */
	const struct edition *edition;   /* the year's checklist edition */
	const struct answer_set *answers;
	const struct gap_list *gaps;
	const struct progress *progress;
	const struct vendor_list *vendors;         /* the vendor register */
	const struct vanswer_set *vanswers;        /* answers about vendors */
	const struct contact_list *contacts;       /* the contact chart */
	const struct connection_list *connections; /* リモート保守 */
	const struct finding_list *findings;       /* of those */
	const struct server_list *servers;         /* 保守委託機関編 */
	const struct hoshu_judgement *hoshu;       /* its judgement */
	const struct compare *compare; /* against last year; NULL: none */
	unsigned parts;        /* REPORT_* bits to print; 0: every part */
	long only_vendor;      /* only this vendor's sheet; 0: every vendor */
	struct date today;     /* 作成日, printed in the footer */
	struct date reply_by;  /* asked of vendors; unset: today + 30 days */
	const char *font_path; /* NULL: report_font_path(NULL) */
};

struct report_result {
	size_t pages;    /* pages written */
	size_t replaced; /* different characters the font lacks (〓) */
	char missing[80]; /* those characters (the first 16), UTF-8 */
};

/*
 * The font file to use: override (--font) if not NULL, else $IRYOSEC_FONT,
 * else paths_default_font() (IPAexGothic). Borrowed string (static or the
 * argument / environment); the file may not exist.
 */
const char *report_font_path(const char *override);

/*
 * Writes the report to path. The file is written to path.tmp first and
 * renamed, so a failure leaves no half-written PDF and never an existing
 * file damaged. Returns 0 and fills res (may be NULL), or -1 with e set:
 * ERR_FONT (font missing or not a TrueType font, with its path), ERR_IO
 * (cannot write path), ERR_PDF (the PDF library failed).
 */
int report_write(const struct report_input *in, const char *path,
		 struct report_result *res, struct err *e);

#endif

#ifndef IRY_REPORT_LAYOUT_H
#define IRY_REPORT_LAYOUT_H

#include "report/pdf.h"
#include "report/table.h"
#include "report/text.h"

/* Building blocks shared by the parts of the report (report.c, ...). */

#define LAYOUT_RULE_GRAY 0.45

/* A horizontal rule across the frame at height y. */
void layout_rule(struct pdf *p, double y, double width, double gray);

/* A section heading with a rule, kept with at least keep points after. */
void layout_heading(struct pdf *p, const char *s, double keep);

/*
 * A bold line that heads a table, kept on the page with the table's
 * header row and its first row (never alone at the foot of a page).
 */
void layout_subheading(struct pdf *p, const char *s);

/* A body paragraph across the frame, with a little space after it. */
void layout_para(struct pdf *p, const char *s);

/* s, or 「未入力」 when s is NULL or empty (borrowed). */
const char *layout_or_missing(const char *s);

/*
 * A memo or note as the PDF may print it: NULL stays NULL; one that looks
 * like a password (util/secret.h, checked again here, for memos from older
 * files or imports) becomes 「（パスワードのような文字を含むため印刷しません）」;
 * one over LAYOUT_MEMO_MAX characters (a file edited by hand) is cut after
 * the last sentence end within it, with 「…」. Returns s itself or buf's
 * text (valid until buf changes).
 */
#define LAYOUT_MEMO_MAX 1000
const char *layout_private(const char *s, struct strbuf *buf);

/* A row of a two-column table: a label and its value. */
void layout_row2(struct table *t, const char *label, const char *value);

/* The columns of those tables (a shaded label, then the value). */
extern const struct table_col layout_cols_pairs[2];

struct report_input;

/* The name of the vendor with this id, or NULL (none, or not found). */
const char *layout_vendor_name(const struct report_input *in, long id);

#endif

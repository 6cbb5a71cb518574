/* Building blocks shared by the parts of the report. */
#include "report/layout.h"

#include <string.h>

#include "report/report.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/secret.h"

#define PARA_GAP 4.0 /* space after a paragraph */

/* A horizontal rule across the frame, h points under the cursor. */
void
layout_rule(struct pdf *p, double y, double width, double gray)
{
	HPDF_Page page = pdf_page(p);

	if (!pdf_ok(p) || page == NULL)
		return;
	HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
	HPDF_Page_SetGrayStroke(page, (HPDF_REAL)gray);
	HPDF_Page_MoveTo(page, (HPDF_REAL)PDF_LEFT, (HPDF_REAL)y);
	HPDF_Page_LineTo(page, (HPDF_REAL)PDF_RIGHT, (HPDF_REAL)y);
	HPDF_Page_Stroke(page);
	HPDF_Page_SetGrayStroke(page, 0);
}

/* A section heading with a rule, kept with at least keep points after. */
void
layout_heading(struct pdf *p, const char *s, double keep)
{
	if (p->y < PDF_TOP)
		pdf_skip(p, 10);
	pdf_need(p, text_heading.leading + 8 + keep);
	text_para(p, s, PDF_LEFT, PDF_WIDTH, &text_heading, true);
	layout_rule(p, p->y + 3, 0.8, LAYOUT_RULE_GRAY);
	pdf_skip(p, 8);
}

void
layout_subheading(struct pdf *p, const char *s)
{
	/* the line, a header row and one row of two lines */
	pdf_need(p, text_body.leading * 5 + 16);
	text_para(p, s, PDF_LEFT, PDF_WIDTH, &text_body, true);
}

/* A body paragraph across the frame, with a little space after it. */
void
layout_para(struct pdf *p, const char *s)
{
	text_para(p, s, PDF_LEFT, PDF_WIDTH, &text_body, true);
	pdf_skip(p, PARA_GAP);
}

/* The value of a facility field, or 「未入力」. */
const char *
layout_or_missing(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : _("Not entered");
}

const char *
layout_private(const char *s, struct strbuf *buf)
{
	size_t i = 0, chars = 0, cut = 0, len, prev = 0;

	if (s == NULL)
		return NULL;
	if (secret_in_text(s))
		return _("(not printed: it contains something that looks like a password)");
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		prev = i;
		i += n > 0 ? (size_t)n : 1;
		if (++chars > LAYOUT_MEMO_MAX)
			break;
		if (cp == 0x3002 || cp == 0xFF0E || cp == '.' || cp == '!' ||
		    cp == '?' || cp == 0xFF01 || cp == 0xFF1F || cp == '\n')
			cut = i; /* after a sentence end */
	}
	if (chars <= LAYOUT_MEMO_MAX)
		return s;
	strbuf_reset(buf);
	/* no sentence end at all: cut on a character boundary */
	strbuf_add(buf, s, cut > 0 ? cut : prev);
	strbuf_addstr(buf, "\xe2\x80\xa6"); /* … */
	return buf->buf;
}

#define LABEL_W 168.0 /* label column of the two-column tables */

const struct table_col layout_cols_pairs[2] = {
	{NULL, LABEL_W, true},
	{NULL, PDF_WIDTH - LABEL_W, false},
};

const char *
layout_vendor_name(const struct report_input *in, long id)
{
	const struct vendor *v =
		in->vendors != NULL ? vendor_list_find(in->vendors, id) : NULL;

	return v != NULL ? v->name : NULL;
}

/* A row of a two-column table: a label and its value. */
void
layout_row2(struct table *t, const char *label, const char *value)
{
	const char *cells[2];

	cells[0] = label;
	cells[1] = value;
	table_row(t, cells, NULL);
}

/*
 * A plain PDF of tables, for the summary of many clinics (iryosec
 * aggregate): title, paragraph, headed tables, page numbers.
 */
#include "report/tables.h"

#include <stdlib.h>
#include <string.h>

#include "report/layout.h"
#include "report/pdf.h"
#include "report/table.h"
#include "report/text.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static void
draw_table(struct pdf *p, const struct report_table *rt)
{
	struct table_col *cols;
	struct table t;
	size_t i;

	layout_heading(p, rt->heading, 60);
	if (rt->note != NULL && rt->note[0] != '\0')
		layout_para(p, rt->note);
	if (rt->nrows == 0) {
		if (rt->empty != NULL)
			layout_para(p, rt->empty);
		return;
	}
	cols = xcalloc(rt->ncols, sizeof(*cols));
	for (i = 0; i < rt->ncols; i++) {
		cols[i].head = rt->head[i];
		cols[i].width = rt->widths[i] * PDF_WIDTH;
		cols[i].shade = false;
	}
	table_begin(&t, p, cols, rt->ncols);
	for (i = 0; i < rt->nrows && pdf_ok(p); i++)
		table_row(&t, rt->cells + i * rt->ncols, NULL);
	table_end(&t);
	free(cols);
}

static void
draw_numbers(struct pdf *p)
{
	struct strbuf num = STRBUF_INIT;
	size_t i;

	for (i = 0; i < p->npages && pdf_ok(p); i++) {
		double w;

		strbuf_reset(&num);
		strbuf_addf(&num, "%zu / %zu", i + 1, p->npages);
		w = text_width(p, num.buf, num.len, text_footer.size);
		text_show(p, p->pages[i].h, PDF_RIGHT - w, PDF_FOOTER_Y,
			  num.buf, num.len, &text_footer);
	}
	strbuf_release(&num);
}

int
report_tables_write(const char *path, const char *font, const char *title,
		    const char *intro, const struct report_table *t, size_t nt,
		    struct report_result *res, struct err *e)
{
	struct pdf p;
	size_t i;
	int r = -1;

	if (res != NULL)
		memset(res, 0, sizeof(*res));
	memset(&p, 0, sizeof(p));
	if (pdf_probe_output(path, e) < 0)
		goto out;
	if (pdf_open(&p, font != NULL ? font : report_font_path(NULL), e) < 0)
		goto out;
	pdf_set_info(&p, HPDF_INFO_TITLE, title);
	pdf_set_info(&p, HPDF_INFO_CREATOR, "iryosec");
	pdf_add_page(&p);
	text_para(&p, title, PDF_LEFT, PDF_WIDTH, &text_title, true);
	layout_rule(&p, p.y - 4, 1.2, 0.2);
	pdf_skip(&p, 18);
	if (intro != NULL)
		layout_para(&p, intro);
	for (i = 0; i < nt && pdf_ok(&p); i++)
		draw_table(&p, &t[i]);
	draw_numbers(&p);
	if (!pdf_ok(&p)) {
		pdf_error(&p, e);
		goto out;
	}
	if (pdf_save(&p, path, e) < 0)
		goto out;
	if (res != NULL) {
		size_t k = 0;

		res->pages = p.npages;
		res->replaced = p.replaced;
		for (i = 0; i < p.replaced && i < 16; i++) {
			char u[5];
			size_t n = utf8_encode_cp(p.missing[i], u);

			if (k + n + 1 > sizeof(res->missing))
				break;
			memcpy(res->missing + k, u, n);
			k += n;
			res->missing[k] = '\0';
		}
	}
	r = 0;
out:
	pdf_close(&p);
	return r;
}

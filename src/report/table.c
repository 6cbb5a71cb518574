#include "report/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

#define PAD_X       4.5 /* inside a cell, left and right */
#define PAD_Y       3.5 /* inside a cell, above and below the text */
#define BORDER      0.6 /* line width of the borders */
#define BORDER_GRAY 0.35
#define HEAD_GRAY   0.86 /* header background */
#define LABEL_GRAY  0.94 /* background of shaded columns */
#define GAP_AFTER   14.0 /* space under a table */

struct table_cell {
	struct strbuf text;      /* cleaned text */
	struct text_line *lines; /* wrapped; owned */
	size_t nlines;
	double x, width; /* outer box, in points */
	double fill;     /* background gray; 1 for none */
};

/* Cleans and wraps text into c, whose box is x..x+width. */
static void
cell_init(struct pdf *p, struct table_cell *c, const char *text, double x,
	  double width, double fill, const struct text_style *st, bool count)
{
	strbuf_init(&c->text, 0);
	if (text != NULL)
		text_clean(p, text, &c->text, count);
	c->x = x;
	c->width = width;
	c->fill = fill;
	c->nlines = text_wrap(p, c->text.buf, c->text.len, width - 2 * PAD_X,
			      st->size, &c->lines);
}

static void
band_release(struct table_band *b)
{
	size_t i;

	for (i = 0; i < b->ncells; i++) {
		strbuf_release(&b->cells[i].text);
		free(b->cells[i].lines);
	}
	free(b->cells);
	memset(b, 0, sizeof(*b));
}

static void
band_finish(struct table_band *b)
{
	size_t i;

	b->nlines = 1;
	for (i = 0; i < b->ncells; i++)
		if (b->cells[i].nlines > b->nlines)
			b->nlines = b->cells[i].nlines;
}

/* Height of k lines of b, with the padding. */
static double
band_height(const struct table_band *b, size_t k)
{
	return (double)k * b->st->leading + 2 * PAD_Y;
}

/* Draws lines [off, off+k) of b at the cursor and moves it down. */
static void
band_draw(struct table *t, const struct table_band *b, size_t off, size_t k)
{
	struct pdf *p = t->pdf;
	HPDF_Page page = pdf_page(p);
	double top = p->y, h = band_height(b, k);
	size_t i, j;

	if (!pdf_ok(p) || page == NULL)
		return;
	for (i = 0; i < b->ncells; i++) {
		const struct table_cell *c = &b->cells[i];

		if (c->fill < 1) {
			HPDF_Page_SetGrayFill(page, (HPDF_REAL)c->fill);
			HPDF_Page_Rectangle(page, (HPDF_REAL)c->x,
					    (HPDF_REAL)(top - h),
					    (HPDF_REAL)c->width, (HPDF_REAL)h);
			HPDF_Page_Fill(page);
			HPDF_Page_SetGrayFill(page, 0);
		}
		for (j = 0; j < k && off + j < c->nlines; j++) {
			const struct text_line *l = &c->lines[off + j];

			text_show(p, page, c->x + PAD_X,
				  top - PAD_Y - (double)j * b->st->leading -
					  text_baseline(b->st),
				  c->text.buf + l->off, l->len, b->st);
		}
	}
	HPDF_Page_SetLineWidth(page, BORDER);
	HPDF_Page_SetGrayStroke(page, BORDER_GRAY);
	for (i = 0; i < b->ncells; i++) {
		const struct table_cell *c = &b->cells[i];

		HPDF_Page_Rectangle(page, (HPDF_REAL)c->x, (HPDF_REAL)(top - h),
				    (HPDF_REAL)c->width, (HPDF_REAL)h);
	}
	HPDF_Page_Stroke(page);
	HPDF_Page_SetGrayStroke(page, 0);
	p->y = top - h;
}

static bool
head_needed(const struct table *t)
{
	return t->head.ncells > 0 && t->head_page != t->pdf->npages;
}

static void
head_draw(struct table *t)
{
	band_draw(t, &t->head, 0, t->head.nlines);
	t->head_page = t->pdf->npages;
}

static double
head_height(const struct table *t)
{
	return t->head.ncells > 0 ? band_height(&t->head, t->head.nlines) : 0;
}

void
table_begin(struct table *t, struct pdf *p, const struct table_col *cols,
	    size_t ncols)
{
	double x = PDF_LEFT;
	size_t i;

	memset(t, 0, sizeof(*t));
	t->pdf = p;
	t->cols = cols;
	t->ncols = ncols;
	t->head.st = &text_head;
	for (i = 0; i < ncols; i++)
		if (cols[i].head != NULL)
			break;
	if (i == ncols)
		return;
	t->head.cells = xcalloc(ncols, sizeof(*t->head.cells));
	t->head.ncells = ncols;
	for (i = 0; i < ncols; i++) {
		cell_init(p, &t->head.cells[i], cols[i].head, x, cols[i].width,
			  HEAD_GRAY, &text_head, false);
		x += cols[i].width;
	}
	band_finish(&t->head);
}

/*
 * Draws b from line 0 on, across as many pages as it needs: only for a
 * row taller than a page. Each page gets the header first.
 */
static void
band_draw_split(struct table *t, const struct table_band *b)
{
	struct pdf *p = t->pdf;
	size_t off = 0;

	while (off < b->nlines && pdf_ok(p)) {
		double room;
		size_t k;

		if (head_needed(t)) {
			if (p->y - head_height(t) - band_height(b, 1) <
			    PDF_BOTTOM)
				pdf_add_page(p);
			head_draw(t);
		}
		room = floor((p->y - PDF_BOTTOM - 2 * PAD_Y) / b->st->leading);
		if (room < 1) {
			pdf_add_page(p);
			continue;
		}
		k = (size_t)room;
		if (k > b->nlines - off)
			k = b->nlines - off;
		band_draw(t, b, off, k);
		off += k;
		if (off < b->nlines)
			pdf_add_page(p);
	}
}

void
table_row(struct table *t, const char *const *cells, const char *note)
{
	struct pdf *p = t->pdf;
	struct table_band row = {0}, sub = {0};
	double x = PDF_LEFT, total;
	size_t i;

	if (!pdf_ok(p))
		return;
	row.st = &text_cell;
	row.cells = xcalloc(t->ncols, sizeof(*row.cells));
	row.ncells = t->ncols;
	for (i = 0; i < t->ncols; i++) {
		cell_init(p, &row.cells[i], cells[i], x, t->cols[i].width,
			  t->cols[i].shade ? LABEL_GRAY : 1, &text_cell, true);
		x += t->cols[i].width;
	}
	band_finish(&row);
	total = band_height(&row, row.nlines);
	if (note != NULL && note[0] != '\0') {
		sub.st = &text_note;
		sub.cells = xcalloc(1, sizeof(*sub.cells));
		sub.ncells = 1;
		cell_init(p, &sub.cells[0], note, PDF_LEFT, x - PDF_LEFT, 1,
			  &text_note, true);
		band_finish(&sub);
		total += band_height(&sub, sub.nlines);
	}
	if (p->npages == 0)
		pdf_add_page(p);
	if (total + head_height(t) <= PDF_TOP - PDF_BOTTOM) {
		double need = total + (head_needed(t) ? head_height(t) : 0);

		if (p->y - need < PDF_BOTTOM)
			pdf_add_page(p);
		if (head_needed(t))
			head_draw(t);
		band_draw(t, &row, 0, row.nlines);
		if (sub.ncells > 0)
			band_draw(t, &sub, 0, sub.nlines);
	} else {
		band_draw_split(t, &row);
		if (sub.ncells > 0)
			band_draw_split(t, &sub);
	}
	band_release(&row);
	band_release(&sub);
}

void
table_end(struct table *t)
{
	band_release(&t->head);
	pdf_skip(t->pdf, GAP_AFTER);
}

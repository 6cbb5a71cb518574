#ifndef IRY_REPORT_TABLE_H
#define IRY_REPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "report/pdf.h"
#include "report/text.h"

/*
 * A bordered table drawn from the cursor down, starting at PDF_LEFT.
 * Cells wrap (kinsoku as in text.c); the header row is shaded and drawn
 * again at the top of each new page; a row is never split across pages
 * unless it is taller than a whole page.
 */

struct table_col {
	const char *head; /* header text; NULL in every column: no header */
	double width;     /* in points */
	bool shade;       /* light background, for a column of labels */
};

struct table_cell; /* a prepared cell, private to table.c */

/* A prepared row: one or more cells side by side, all the same height. */
struct table_band {
	struct table_cell *cells; /* owned */
	size_t ncells;
	size_t nlines; /* lines of the tallest cell (at least 1) */
	const struct text_style *st;
};

struct table {
	struct pdf *pdf;
	const struct table_col *cols; /* borrowed until table_end() */
	size_t ncols;
	struct table_band head; /* ncells 0 when there is no header */
	size_t head_page;       /* pdf page count when the header was
				   last drawn; 0 before */
};

/*
 * Starts a table with ncols columns. cols must stay valid until
 * table_end(). Nothing is drawn until the first row.
 */
void table_begin(struct table *t, struct pdf *p, const struct table_col *cols,
		 size_t ncols);

/*
 * Draws a row: cells has ncols raw strings (cleaned and counted here;
 * NULL or "" for an empty cell). note, when not NULL or "", is drawn in
 * small type in a cell spanning the whole table under the row, and kept
 * on the same page.
 */
void table_row(struct table *t, const char *const *cells, const char *note);

/* Frees what the table holds and leaves a gap under it. */
void table_end(struct table *t);

#endif

#ifndef IRY_REPORT_TABLES_H
#define IRY_REPORT_TABLES_H

#include <stddef.h>

#include "report/report.h"
#include "util/err.h"

/*
 * A plain PDF of tables (the summary of `iryosec aggregate`): a title, a
 * paragraph, then each table under its heading. The caller has made
 * every text (translated); nothing here knows what the numbers mean.
 */

struct report_table {
	const char *heading;      /* section heading */
	const char *note;         /* paragraph under it; NULL: none */
	size_t ncols;
	const char *const *head;  /* ncols column headers */
	const double *widths;     /* ncols shares of the width (sum 1) */
	const char *const *cells; /* nrows * ncols, row after row */
	size_t nrows;
	const char *empty;        /* said instead of a table with no rows */
};

/*
 * Writes title, intro and the nt tables to path (written under a unique
 * name and renamed, as the report is) with the font (NULL: the default,
 * report_font_path). Returns 0 with res filled (may be NULL), or -1 with
 * e set.
 */
int report_tables_write(const char *path, const char *font, const char *title,
			const char *intro, const struct report_table *t,
			size_t nt, struct report_result *res, struct err *e);

#endif

#ifndef IRY_REPORT_PDF_H
#define IRY_REPORT_PDF_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/*
 * The document under construction: libharu's handle, the one embedded
 * Japanese font, the pages and a cursor that moves down the current page.
 * libharu's errors land in the struct (never a longjmp); they are sticky:
 * once error is set, drawing functions do nothing and saving fails.
 */

/* A4 in points, and the frame the body stays inside. */
#define PDF_PAGE_W   595.276
#define PDF_PAGE_H   841.89
#define PDF_LEFT     50.0
#define PDF_RIGHT    (PDF_PAGE_W - 50.0)
#define PDF_WIDTH    (PDF_RIGHT - PDF_LEFT)
#define PDF_TOP      (PDF_PAGE_H - 54.0)
#define PDF_BOTTOM   78.0 /* above the footnote and the footer */
#define PDF_FOOTER_Y 34.0 /* baseline of the footer */

struct pdf_page {
	HPDF_Page h; /* libharu's page, owned by the document */
	bool note;   /* carries a ※ mark: print the footnote */
};

struct pdf {
	HPDF_Doc doc;
	HPDF_Font font;         /* the embedded TrueType font, UTF-8 */
	struct pdf_page *pages; /* in order; owned */
	size_t npages, alloc;
	double y;           /* top of the next block, points from the
			       bottom of the current page */
	HPDF_STATUS error;  /* first libharu error; 0 while all is well */
	HPDF_STATUS detail; /* its detail number */
	int16_t *widths;    /* advance per 1000 em of each BMP code
			       point; owned; see text.c */
	size_t replaced;    /* different characters printed as 〓 */
	uint32_t missing[16]; /* the first of them, for the message */
};

/*
 * Creates the document and loads font_path (a TrueType .ttf), embedded
 * and used through UTF-8. Returns 0, or -1 with e set (ERR_FONT naming
 * the path when the font is missing, unreadable or not TrueType, ERR_PDF
 * otherwise); call pdf_close() in both cases.
 */
int pdf_open(struct pdf *p, const char *font_path, struct err *e);

/* Frees the document and everything p owns. Safe after a failed open. */
void pdf_close(struct pdf *p);

/* True while libharu has reported no error. */
bool pdf_ok(const struct pdf *p);

/* The current page's handle (NULL before the first page). */
HPDF_Page pdf_page(const struct pdf *p);

/* Starts a new A4 page and puts the cursor at the top of its frame. */
void pdf_add_page(struct pdf *p);

/*
 * Makes room for a block h points high: starts a new page when it does
 * not fit below the cursor (and the page is not empty). Returns true when
 * a page was started.
 */
bool pdf_need(struct pdf *p, double h);

/* Moves the cursor down by h points (not past the bottom of the frame). */
void pdf_skip(struct pdf *p, double h);

/* Marks the current page as carrying a ※ mark (see pdf_finish). */
void pdf_mark_note(struct pdf *p);

/*
 * Sets a document info field (Title, Author, Creator ...) from UTF-8;
 * characters libharu cannot encode (outside the BMP) become 〓, controls
 * are left out, and a value over 200 characters is cut with 「…」.
 */
void pdf_set_info(struct pdf *p, HPDF_InfoType type, const char *value);

/*
 * Checks that path can be written before the work starts: nothing there
 * or a regular file (never a link, folder, device or FIFO), and a file can
 * be made in its folder (made under a unique name and removed at once).
 * Returns 0 or -1 with e set (ERR_IO naming path).
 */
int pdf_probe_output(const char *path, struct err *e);

/*
 * Writes the document to a new 0600 file with a unique name beside path,
 * syncs it and renames it over path (a regular file or nothing; anything
 * else is refused). Returns 0, or -1 with e set (ERR_PDF for an earlier
 * libharu error, ERR_IO when the file cannot be written); then the
 * temporary file is removed and path is untouched.
 */
int pdf_save(struct pdf *p, const char *path, struct err *e);

/* Fills e from p's libharu error (ERR_PDF) and returns -1. */
int pdf_error(const struct pdf *p, struct err *e);

#endif

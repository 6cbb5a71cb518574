#ifndef IRY_REPORT_TEXT_H
#define IRY_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "report/pdf.h"
#include "util/strbuf.h"

/*
 * Text on the PDF: cleaning (what the font cannot draw becomes 〓),
 * measuring with the font's own widths, wrapping with util/wrap.c and
 * drawing. Never HPDF_Page_MeasureText: it cuts inside characters.
 */

struct text_style {
	double size;    /* font size in points */
	double leading; /* distance between baselines */
	double gray;    /* 0 black .. 1 white */
	bool bold;      /* drawn filled and stroked: the font has no bold */
};

/* The report's type sizes, shared by report.c and table.c. */
extern const struct text_style text_title;   /* the report's title */
extern const struct text_style text_heading; /* section headings */
extern const struct text_style text_body;    /* paragraphs */
extern const struct text_style text_cell;    /* table cells */
extern const struct text_style text_head;    /* table header cells */
extern const struct text_style text_note;    /* memos, footnotes */
extern const struct text_style text_footer;  /* page footers */

/* One wrapped line: s[off .. off+len). */
struct text_line {
	size_t off, len;
};

/*
 * Appends s to out, made drawable: characters outside the BMP, without a
 * glyph in the font, invalid bytes and control characters become 〓 and,
 * when count is true, are added to p->replaced (count each text once);
 * CR LF and CR become '\n', tab and no-break space a space; invisible
 * direction marks are left out. '\n' is kept.
 */
void text_clean(struct pdf *p, const char *s, struct strbuf *out, bool count);

/* Width in points of clean text s[0..len) at size. */
double text_width(struct pdf *p, const char *s, size_t len, double size);

/*
 * Wraps clean text s[0..len) to width at size (kinsoku rules of
 * util/wrap.h). Returns the number of lines and sets *lines to a new
 * array (caller frees; NULL when 0 lines).
 */
size_t text_wrap(struct pdf *p, const char *s, size_t len, double width,
		 double size, struct text_line **lines);

/*
 * Distance from the top of a line box (leading high) down to its
 * baseline.
 */
double text_baseline(const struct text_style *st);

/* Draws clean text s[0..len) on page with its baseline at (x, y). */
void text_show(struct pdf *p, HPDF_Page page, double x, double y, const char *s,
	       size_t len, const struct text_style *st);

/*
 * Draws s (raw; cleaned here, and counted in p->replaced when count is
 * true) as a paragraph at x, wrapped to width, from the cursor down; a new
 * page starts between lines when needed. The cursor ends below the last
 * line. Pass count false for text that is counted where it is printed
 * again (the facility name), so each character is counted once.
 */
void text_para(struct pdf *p, const char *s, double x, double width,
	       const struct text_style *st, bool count);

#endif

#ifndef IRY_DRAW_H
#define IRY_DRAW_H

#include <stddef.h>

/*
 * Width-aware drawing of UTF-8 text through the wide-character curses
 * calls only (docs/decisions.md, Portability). Nothing is ever cut inside a
 * character, and control characters are drawn as '?'.
 */

enum draw_attr {
	DRAW_NORMAL = 0,
	DRAW_BOLD = 1,
	DRAW_REVERSE = 2,
	DRAW_TITLE = 4, /* the title bar colours */
	DRAW_ERROR = 8, /* red */
	DRAW_OK = 16,   /* green */
	DRAW_DIM = 32,
	DRAW_WARN = 64, /* black on yellow */
	DRAW_UNDERLINE = 128,
};

/*
 * Draws s at (y, x), at most maxcols columns wide; text that does not fit
 * ends in 「…」 (so a cut value is never taken for the whole). Returns the
 * columns used. A negative maxcols means up to the right edge.
 */
int draw_text(int y, int x, const char *s, int maxcols, unsigned attr);

/* Like draw_text but pads with spaces to exactly cols columns. */
int draw_field(int y, int x, const char *s, int cols, unsigned attr);

/* Fills the row y with spaces in attr (a bar). */
void draw_bar(int y, unsigned attr);

/* Clears rows y0..y1 inclusive. */
void draw_clear_rows(int y0, int y1);

/*
 * Draws s wrapped (with kinsoku) into width columns from row y, skipping
 * the first skip lines and drawing at most maxlines. Returns the total
 * number of lines s needs at that width (drawn or not).
 */
int draw_wrapped(int y, int x, int width, const char *s, int skip, int maxlines,
		 unsigned attr);

/* Number of lines s needs when wrapped to width columns. */
int draw_wrapped_lines(const char *s, int width);

/* One key in the help bar: the key and what it does. */
struct keyhelp {
	const char *key;  /* e.g. "Enter" */
	const char *what; /* translated, e.g. 決定 */
};

/* Draws the help bar on the bottom row(s); returns rows used (1 or 2). */
int draw_keybar(const struct keyhelp *keys, size_t n);

/* Rows the help bar will use at the current width. */
int draw_keybar_rows(const struct keyhelp *keys, size_t n);

/* Shows "the window is too small" centred (docs/product.md, Screens: 80x24
 * minimum, TERM_MIN_COLS and TERM_MIN_ROWS in tui/term.h). */
void draw_too_small(void);

#endif

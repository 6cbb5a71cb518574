#include "tui/draw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/wrap.h"
#include "util/xalloc.h"

static attr_t
to_curses(unsigned a)
{
	attr_t r = A_NORMAL;

	if (a & DRAW_BOLD)
		r |= A_BOLD;
	if (a & DRAW_REVERSE)
		r |= A_REVERSE;
	if (a & DRAW_DIM)
		r |= A_DIM;
	if (a & DRAW_UNDERLINE)
		r |= A_UNDERLINE;
	if (has_colors()) {
		if (a & DRAW_TITLE)
			r |= COLOR_PAIR(1);
		else if (a & DRAW_ERROR)
			r |= COLOR_PAIR(2) | A_BOLD;
		else if (a & DRAW_OK)
			r |= COLOR_PAIR(3);
		else if (a & DRAW_WARN)
			r |= COLOR_PAIR(4);
	} else if (a & (DRAW_TITLE | DRAW_WARN)) {
		r |= A_REVERSE;
	} else if (a & DRAW_ERROR) {
		r |= A_BOLD;
	}
	return r;
}

int
draw_text(int y, int x, const char *s, int maxcols, unsigned attr)
{
	size_t used, n, wn;
	wchar_t *w;
	char *cut;

	if (maxcols < 0)
		maxcols = COLS - x;
	if (maxcols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + maxcols > COLS)
		maxcols = COLS - x;
	n = utf8_fit(s, (size_t)maxcols, &used);
	if (s[n] != '\0' && maxcols >= 2) {
		/* cut: say so with 「…」 in the last column */
		size_t ell = utf8_width("\xe2\x80\xa6");

		n = utf8_fit(s, (size_t)maxcols - ell, &used);
		cut = xmalloc(n + 4);
		memcpy(cut, s, n);
		memcpy(cut + n, "\xe2\x80\xa6", 4);
		used += ell;
	} else {
		cut = xstrndup(s, n);
	}
	w = utf8_to_wcs(cut, &wn);
	attron(to_curses(attr));
	mvaddnwstr(y, x, w, (int)wn);
	attroff(to_curses(attr));
	free(w);
	free(cut);
	return (int)used;
}

int
draw_field(int y, int x, const char *s, int cols, unsigned attr)
{
	int used = draw_text(y, x, s, cols, attr);
	int i;

	attron(to_curses(attr));
	for (i = used; i < cols && x + i < COLS; i++)
		mvaddch(y, x + i, ' ');
	attroff(to_curses(attr));
	return cols;
}

void
draw_bar(int y, unsigned attr)
{
	int i;

	attron(to_curses(attr));
	for (i = 0; i < COLS; i++)
		mvaddch(y, i, ' ');
	attroff(to_curses(attr));
}

void
draw_clear_rows(int y0, int y1)
{
	int y;

	for (y = y0; y <= y1 && y < LINES; y++) {
		move(y, 0);
		clrtoeol();
	}
}

static double
measure_cols(uint32_t cp, void *ctx)
{
	(void)ctx;
	return (double)utf8_cp_width(cp);
}

int
draw_wrapped(int y, int x, int width, const char *s, int skip, int maxlines,
	     unsigned attr)
{
	size_t len = strlen(s), pos = 0;
	int line = 0;

	if (width <= 0)
		return 0;
	while (pos < len) {
		size_t next;
		size_t n = wrap_line(s + pos, len - pos, (double)width,
				     measure_cols, NULL, &next);

		if (line >= skip && line - skip < maxlines) {
			char *part = xstrndup(s + pos, n);

			draw_text(y + line - skip, x, part, width, attr);
			free(part);
		}
		line++;
		if (next == 0)
			next = n > 0 ? n : 1;
		pos += next;
	}
	return line;
}

int
draw_wrapped_lines(const char *s, int width)
{
	return draw_wrapped(0, 0, width, s, 0, 0, 0);
}

/* Width of one help entry: "key what" plus two spaces. */
static int
keyhelp_width(const struct keyhelp *k)
{
	return (int)(utf8_width(k->key) + 1 + utf8_width(k->what) + 2);
}

int
draw_keybar_rows(const struct keyhelp *keys, size_t n)
{
	int x = 1, rows = 1;
	size_t i;

	for (i = 0; i < n; i++) {
		int w = keyhelp_width(&keys[i]);

		if (x + w > COLS && x > 1) {
			rows++;
			x = 1;
		}
		x += w;
	}
	return rows > 2 ? 2 : rows;
}

int
draw_keybar(const struct keyhelp *keys, size_t n)
{
	int rows = draw_keybar_rows(keys, n);
	int y = LINES - rows, x = 1;
	size_t i;

	draw_clear_rows(y, LINES - 1);
	for (i = 0; i < n; i++) {
		int w = keyhelp_width(&keys[i]);

		if (x + w > COLS && x > 1) {
			if (y == LINES - 1)
				break;
			y++;
			x = 1;
		}
		x += draw_text(y, x, keys[i].key, -1, DRAW_REVERSE);
		x += 1;
		x += draw_text(y, x, keys[i].what, -1, DRAW_NORMAL);
		x += 2;
	}
	return rows;
}

void
draw_too_small(void)
{
	struct strbuf sb = STRBUF_INIT;
	int y = LINES / 2 - 1;

	erase();
	strbuf_addf(&sb, _("The window is too small (now %d x %d)."), COLS,
		    LINES);
	draw_wrapped(y < 0 ? 0 : y, 1, COLS - 2, sb.buf, 0, 3, DRAW_BOLD);
	strbuf_reset(&sb);
	strbuf_addf(
		&sb,
		_("Make it at least %d columns by %d rows. Press q to quit."),
		80, 24);
	draw_wrapped(y + 2, 1, COLS - 2, sb.buf, 0, 3, DRAW_NORMAL);
	strbuf_release(&sb);
}

#include "tui/lineedit.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/xalloc.h"

void
lineedit_init(struct lineedit *le, const char *text, size_t max)
{
	memset(le, 0, sizeof(*le));
	le->max = max;
	le->orig = xstrdup(text != NULL ? text : "");
	lineedit_set(le, le->orig);
}

void
lineedit_release(struct lineedit *le)
{
	free(le->buf);
	free(le->orig);
	memset(le, 0, sizeof(*le));
}

void
lineedit_set(struct lineedit *le, const char *text)
{
	size_t n;
	wchar_t *w = utf8_to_wcs(text != NULL ? text : "", &n);

	free(le->buf);
	le->buf = w;
	le->len = n;
	le->alloc = n + 1;
	le->cur = n;
	le->first = 0;
}

char *
lineedit_text(const struct lineedit *le)
{
	return utf8_from_wcs(le->buf, le->len);
}

static int
wwidth(wchar_t c)
{
	return utf8_cp_width((uint32_t)c);
}

static enum lineedit_result
insert(struct lineedit *le, wchar_t c)
{
	if (utf8_is_control((uint32_t)c) || le->len >= le->max) {
		le->refused = true;
		le->at_limit = !utf8_is_control((uint32_t)c);
		return LE_REFUSED;
	}
	if (le->len + 2 > le->alloc) {
		le->alloc = (le->len + 2) * 2;
		le->buf = xrealloc(le->buf, le->alloc * sizeof(wchar_t));
	}
	memmove(le->buf + le->cur + 1, le->buf + le->cur,
		(le->len - le->cur + 1) * sizeof(wchar_t));
	le->buf[le->cur++] = c;
	le->len++;
	return LE_CHANGED;
}

static void
delete_at(struct lineedit *le, size_t at, size_t n)
{
	memmove(le->buf + at, le->buf + at + n,
		(le->len - at - n + 1) * sizeof(wchar_t));
	le->len -= n;
}

enum lineedit_result
lineedit_key(struct lineedit *le, const struct tkey *k)
{
	le->refused = false;
	if (tkey_enter(k))
		return LE_ENTER;
	if (tkey_tab(k) || tkey_fn(k, KEY_DOWN))
		return LE_NEXT;
	if (tkey_backtab(k) || tkey_fn(k, KEY_UP))
		return LE_PREV;
	if (tkey_escape(k)) {
		lineedit_set(le, le->orig);
		return LE_CANCEL;
	}
	if (tkey_backspace(k)) {
		if (le->cur == 0)
			return LE_NONE;
		le->cur--;
		delete_at(le, le->cur, 1);
		return LE_CHANGED;
	}
	if (tkey_fn(k, KEY_DC) || tkey_is(k, 4)) {
		if (le->cur == le->len)
			return LE_NONE;
		delete_at(le, le->cur, 1);
		return LE_CHANGED;
	}
	if (tkey_fn(k, KEY_LEFT) || tkey_is(k, 2)) {
		if (le->cur > 0)
			le->cur--;
		return LE_NONE;
	}
	if (tkey_fn(k, KEY_RIGHT) || tkey_is(k, 6)) {
		if (le->cur < le->len)
			le->cur++;
		return LE_NONE;
	}
	if (tkey_fn(k, KEY_HOME) || tkey_is(k, 1)) {
		le->cur = 0;
		return LE_NONE;
	}
	if (tkey_fn(k, KEY_END) || tkey_is(k, 5)) {
		le->cur = le->len;
		return LE_NONE;
	}
	if (tkey_is(k, 21)) { /* Ctrl-U: clear */
		if (le->len == 0)
			return LE_NONE;
		le->len = 0;
		le->cur = 0;
		le->buf[0] = L'\0';
		return LE_CHANGED;
	}
	if (tkey_is(k, 11)) { /* Ctrl-K: delete to the end */
		if (le->cur == le->len)
			return LE_NONE;
		le->len = le->cur;
		le->buf[le->len] = L'\0';
		return LE_CHANGED;
	}
	if (tkey_fn(k, TKEY_PASTE)) {
		const wchar_t *p = term_paste_text();
		bool changed = false;

		for (; *p != L'\0'; p++) {
			if (insert(le, *p) != LE_CHANGED)
				break;
			changed = true;
		}
		if (*p != L'\0') { /* the limit: what fits is in */
			le->refused = true;
			le->at_limit = true;
			return LE_REFUSED;
		}
		return changed ? LE_CHANGED : LE_NONE;
	}
	if (k->fn) /* other function keys do nothing here */
		return LE_NONE;
	return insert(le, (wchar_t)k->ch);
}

void
lineedit_draw(struct lineedit *le, int y, int x, int width, bool focused)
{
	int used = 0, curx = x;
	size_t i;

	if (width < 2)
		return;
	/* Scroll so the cursor is visible, one column kept for it. */
	if (le->cur < le->first)
		le->first = le->cur;
	for (;;) {
		int w = 0;

		for (i = le->first; i < le->cur; i++)
			w += wwidth(le->buf[i]);
		if (w <= width - 1 || le->first >= le->cur)
			break;
		le->first++;
	}
	attron(A_UNDERLINE);
	move(y, x);
	for (i = le->first; i < le->len; i++) {
		int w = wwidth(le->buf[i]);
		wchar_t c = utf8_is_control((uint32_t)le->buf[i]) ? L'?'
								  : le->buf[i];

		if (used + w > width)
			break;
		if (i == le->cur)
			curx = x + used;
		mvaddnwstr(y, x + used, &c, 1);
		used += w;
	}
	if (le->cur >= i)
		curx = x + used;
	for (; used < width; used++)
		mvaddch(y, x + used, ' ');
	attroff(A_UNDERLINE);
	if (focused) {
		move(y, curx < x + width ? curx : x + width - 1);
		curs_set(1);
	}
}

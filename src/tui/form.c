#include "tui/form.h"

#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util/i18n.h"
#include "util/utf8.h"

void
form_init(struct form *fm, const struct form_field *fields, int n,
	  const struct form_ops *ops, void *ctx)
{
	memset(fm, 0, sizeof(*fm));
	fm->fields = fields;
	fm->n = n;
	fm->ops = ops;
	fm->ctx = ctx;
	fm->leave = N_("back");
	fm->label_x = 2;
	fm->field_x = 30;
	fm->edit_y = -1;
	strbuf_init(&fm->error, 0);
}

void
form_release(struct form *fm)
{
	lineedit_release(&fm->le);
	strbuf_release(&fm->error);
	fm->editing = false;
	fm->listing = false;
}

static const struct form_field *
cur(const struct form *fm)
{
	return &fm->fields[fm->focus];
}

static void
say(struct form *fm, unsigned attr, const char *msg)
{
	if (fm->ops->say != NULL)
		fm->ops->say(fm->ctx, attr, msg);
}

void
form_error(struct form *fm, const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&fm->error);
	va_start(ap, fmt);
	strbuf_vaddf(&fm->error, fmt, ap);
	va_end(ap);
}

void
form_refused_text(const struct lineedit *le, struct strbuf *sb)
{
	if (le->at_limit)
		strbuf_addf(sb, _("This field takes at most %zu characters."),
			    le->max);
	else
		strbuf_addstr(
			sb,
			_("Control characters (such as those of the arrow keys of some terminals) cannot be typed into this field."));
}

/* Starts typing in the focused text field, from its saved text. */
static void
edit_start(struct form *fm)
{
	struct strbuf sb = STRBUF_INIT;

	if (fm->ops->raw != NULL)
		fm->ops->raw(fm->ctx, fm->focus, &sb);
	else
		fm->ops->value(fm->ctx, fm->focus, &sb);
	lineedit_release(&fm->le);
	lineedit_init(&fm->le, sb.buf, cur(fm)->max);
	fm->editing = true;
	strbuf_release(&sb);
}

void
form_focus(struct form *fm, int f, int dir)
{
	if (dir == 0)
		dir = 1;
	if (f < 0)
		f = 0;
	if (f >= fm->n)
		f = fm->n - 1;
	/* an info line is passed over; at an end, turn round */
	while (f >= 0 && f < fm->n && fm->fields[f].kind == FORM_INFO)
		f += dir;
	if (f < 0 || f >= fm->n) {
		f = f < 0 ? 0 : fm->n - 1;
		while (f >= 0 && f < fm->n &&
		       fm->fields[f].kind == FORM_INFO)
			f -= dir;
		if (f < 0 || f >= fm->n)
			return; /* nothing can take the focus */
	}
	fm->focus = f;
	fm->editing = false;
	fm->listing = false;
	fm->pick = 0;
	lineedit_release(&fm->le);
	strbuf_reset(&fm->error);
	if (fm->fields[f].kind == FORM_TEXT)
		edit_start(fm);
}

static size_t
count(const struct form *fm)
{
	return fm->ops->count != NULL ? fm->ops->count(fm->ctx, fm->focus) : 0;
}

static long
current(const struct form *fm)
{
	return fm->ops->current != NULL ? fm->ops->current(fm->ctx, fm->focus)
					: -1;
}

/* Saves value i of the focused choice (or flips box i). */
static int
choose(struct form *fm, size_t i)
{
	strbuf_reset(&fm->error);
	if (fm->ops->choose == NULL || i >= count(fm))
		return -1;
	return fm->ops->choose(fm->ctx, fm->focus, i);
}

static void
unchanged(struct form *fm)
{
	strbuf_reset(&fm->error);
	say(fm, DRAW_NORMAL, _("The field was left unchanged."));
}

/* The text of the focused field is saved (or refused) on leaving it. */
static enum form_result
edit_key(struct form *fm, const struct tkey *k)
{
	enum lineedit_result r;
	char *t;
	int rc;

	if (tkey_fn(k, KEY_F(1)))
		return FORM_IGNORED;
	r = lineedit_key(&fm->le, k);
	switch (r) {
	case LE_ENTER:
	case LE_NEXT:
	case LE_PREV:
		t = lineedit_text(&fm->le);
		strbuf_reset(&fm->error);
		rc = fm->ops->commit != NULL
			     ? fm->ops->commit(fm->ctx, fm->focus, t)
			     : 0;
		free(t);
		if (rc == 0)
			form_focus(fm, fm->focus + (r == LE_PREV ? -1 : 1),
				   r == LE_PREV ? -1 : 1);
		break;
	case LE_CANCEL:
		fm->editing = false;
		unchanged(fm);
		break;
	case LE_REFUSED: {
		struct strbuf sb = STRBUF_INIT;

		form_refused_text(&fm->le, &sb);
		say(fm, DRAW_ERROR, sb.buf);
		strbuf_release(&sb);
		break;
	}
	default:
		break;
	}
	return FORM_DONE;
}

/* The next value after the highlighted one whose label starts with c. */
static void
jump_letter(struct form *fm, wint_t c)
{
	size_t n = count(fm), i;
	struct strbuf sb = STRBUF_INIT;

	for (i = 1; i <= n; i++) {
		size_t at = (fm->pick + i) % n;

		strbuf_reset(&sb);
		fm->ops->option(fm->ctx, fm->focus, at, &sb);
		if (sb.len > 0 && (unsigned char)sb.buf[0] < 0x80 &&
		    towlower((wint_t)(unsigned char)sb.buf[0]) == towlower(c)) {
			fm->pick = at;
			break;
		}
	}
	strbuf_release(&sb);
}

static enum form_result
list_key(struct form *fm, const struct tkey *k)
{
	size_t n = count(fm);

	if (tkey_fn(k, KEY_UP) || tkey_backtab(k)) {
		fm->pick = fm->pick > 0 ? fm->pick - 1 : n - 1;
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		fm->pick = fm->pick + 1 < n ? fm->pick + 1 : 0;
	} else if (tkey_fn(k, KEY_HOME)) {
		fm->pick = 0;
	} else if (tkey_fn(k, KEY_END)) {
		fm->pick = n - 1;
	} else if (tkey_enter(k) || tkey_is(k, L' ')) {
		fm->listing = false;
		if (choose(fm, fm->pick) == 0)
			form_focus(fm, fm->focus + 1, 1);
	} else if (tkey_escape(k)) {
		fm->listing = false;
		unchanged(fm);
	} else if (!k->fn && k->ch >= L'1' && k->ch <= L'9') {
		size_t i = (size_t)(k->ch - L'1');

		if (i < n) {
			fm->listing = false;
			if (choose(fm, i) == 0)
				form_focus(fm, fm->focus + 1, 1);
		}
	} else if (tkey_fn(k, KEY_F(1)) || tkey_is(k, L'?')) {
		return FORM_IGNORED;
	} else if (!k->fn && iswalpha(k->ch) && k->ch < 0x80) {
		jump_letter(fm, k->ch);
	}
	return FORM_DONE; /* nothing else leaves an open list */
}

static void
open_list(struct form *fm)
{
	long c = current(fm);
	size_t n = count(fm);

	if (n == 0) {
		say(fm, DRAW_NORMAL, _("There is nothing to choose from yet."));
		return;
	}
	fm->pick = c >= 0 && (size_t)c < n ? (size_t)c : 0;
	fm->listing = true;
}

/* ←→ on a choice: the neighbouring value, saved at once. */
static void
step(struct form *fm, int dir)
{
	size_t n = count(fm);
	long c = current(fm);
	size_t to;

	if (n == 0) {
		say(fm, DRAW_NORMAL, _("There is nothing to choose from yet."));
		return;
	}
	if (c < 0 || (size_t)c >= n)
		to = dir > 0 ? 0 : n - 1;
	else
		to = ((size_t)c + n + (dir > 0 ? 1 : n - 1)) % n;
	choose(fm, to);
}

enum form_result
form_key(struct form *fm, const struct tkey *k)
{
	const struct form_field *fd;

	if (fm->n == 0)
		return tkey_escape(k) ? FORM_LEAVE : FORM_IGNORED;
	fd = cur(fm);
	if (fm->editing)
		return edit_key(fm, k);
	if (fm->listing)
		return list_key(fm, k);
	if (tkey_fn(k, KEY_UP) || tkey_backtab(k)) {
		form_focus(fm, fm->focus - 1, -1);
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		form_focus(fm, fm->focus + 1, 1);
	} else if (tkey_fn(k, KEY_NPAGE)) {
		form_focus(fm, fm->focus + 8, 1);
	} else if (tkey_fn(k, KEY_PPAGE)) {
		form_focus(fm, fm->focus - 8, -1);
	} else if (tkey_escape(k)) {
		return FORM_LEAVE;
	} else if (tkey_enter(k) || tkey_is(k, L' ')) {
		switch (fd->kind) {
		case FORM_TEXT:
			if (tkey_enter(k))
				edit_start(fm);
			else
				return FORM_IGNORED;
			break;
		case FORM_CHOICE:
			open_list(fm);
			break;
		case FORM_CHECKS:
			choose(fm, fm->pick);
			break;
		case FORM_BUTTON:
			strbuf_reset(&fm->error);
			if (fm->ops->activate != NULL)
				fm->ops->activate(fm->ctx, fm->focus);
			break;
		case FORM_INFO:
			break;
		}
	} else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_RIGHT)) {
		int dir = tkey_fn(k, KEY_LEFT) ? -1 : 1;
		size_t n = count(fm);

		if (fd->kind == FORM_CHOICE)
			step(fm, dir);
		else if (fd->kind == FORM_CHECKS && n > 0)
			fm->pick = (fm->pick + n + (dir > 0 ? 1 : n - 1)) % n;
		else
			return FORM_IGNORED;
	} else {
		return FORM_IGNORED;
	}
	return FORM_DONE;
}

size_t
form_keys(const struct form *fm, struct keyhelp *keys)
{
	size_t n = 0;

#define K(k, w) (keys[n].key = (k), keys[n].what = (w), n++)
	if (fm->n == 0) {
		if (fm->leave != NULL)
			K("Esc", fm->leave);
		return n;
	}
	if (fm->editing) {
		K("Enter", N_("save and next"));
		K("Tab", N_("next field"));
		K("Esc", N_("undo"));
		K("F1", N_("help"));
		return n;
	}
	if (fm->listing) {
		K("↑↓", N_("move"));
		K("Enter", N_("choose"));
		K("1-9", N_("choose by number"));
		K("Esc", N_("close"));
		return n;
	}
	K("↑↓", N_("move"));
	switch (cur(fm)->kind) {
	case FORM_TEXT:
		K("Enter", N_("edit"));
		break;
	case FORM_CHOICE:
		K("Enter", N_("show the choices"));
		K("←→", N_("change"));
		break;
	case FORM_CHECKS:
		K("←→", N_("move between boxes"));
		K("Space", N_("tick"));
		break;
	case FORM_BUTTON:
		K("Enter", N_("open"));
		break;
	case FORM_INFO:
		break;
	}
	if (fm->leave != NULL)
		K("Esc", fm->leave);
	K("?", N_("help"));
	K("q", N_("quit"));
#undef K
	return n;
}

void
form_help(const struct form *fm, struct strbuf *sb)
{
	int f;

	for (f = 0; f < fm->n; f++) {
		const struct form_field *fd = &fm->fields[f];

		if (fd->help == NULL)
			continue;
		if (fd->label != NULL)
			strbuf_addf(sb, _("- %s: %s\n"), _(fd->label),
				    _(fd->help));
		else
			strbuf_addf(sb, _("- %s\n"), _(fd->help));
	}
}

/* Rows field f takes on screen, with the empty rows above it. */
static int
field_rows(const struct form *fm, int f)
{
	const struct form_field *fd = &fm->fields[f];

	return (fd->rows > 0 ? fd->rows : 1) + fd->gap;
}

/* Draws the boxes of a FORM_CHECKS field from (y, x), wrapping. */
static void
draw_checks(struct form *fm, int f, int y, int rows)
{
	size_t n = fm->ops->count(fm->ctx, f), i;
	int x = fm->field_x, y1 = y + rows;
	struct strbuf sb = STRBUF_INIT;

	for (i = 0; i < n; i++) {
		bool foc = fm->focus == f && fm->pick == i;
		int w;

		strbuf_reset(&sb);
		strbuf_addf(&sb, "[%s]",
			    fm->ops->checked(fm->ctx, f, i) ? "x" : " ");
		fm->ops->option(fm->ctx, f, i, &sb);
		w = (int)utf8_width(sb.buf);
		if (x + w > COLS - 1 && x > fm->field_x) {
			y++;
			x = fm->field_x;
		}
		if (y >= y1)
			break;
		draw_text(y, x, sb.buf, COLS - 1 - x,
			  foc ? DRAW_REVERSE : DRAW_NORMAL);
		x += w + 1;
	}
	strbuf_release(&sb);
}

static void
draw_field_at(struct form *fm, int f, int y)
{
	const struct form_field *fd = &fm->fields[f];
	bool foc = fm->focus == f;
	int rows = fd->rows > 0 ? fd->rows : 1;
	int lw = fm->field_x - fm->label_x - 1;
	int vw = COLS - fm->field_x - 1;
	struct strbuf sb = STRBUF_INIT;

	if (fd->kind != FORM_INFO)
		draw_text(y, fm->label_x - 2, foc ? ">" : " ", 1, DRAW_BOLD);
	if (fd->label != NULL) {
		const char *l = _(fd->label);

		draw_text(y, fm->label_x, l, lw, foc ? DRAW_BOLD : DRAW_NORMAL);
		if (foc)
			fm->label_cut = (int)utf8_width(l) > lw;
	}
	switch (fd->kind) {
	case FORM_TEXT:
		if (foc && fm->editing) {
			fm->edit_y = y; /* drawn last, to own the cursor */
			break;
		}
		fm->ops->value(fm->ctx, f, &sb);
		draw_field(y, fm->field_x, sb.buf, vw, DRAW_UNDERLINE);
		break;
	case FORM_CHOICE: {
		struct strbuf v = STRBUF_INIT;

		fm->ops->value(fm->ctx, f, &v);
		strbuf_addf(&sb, "< %s >", v.buf);
		draw_text(y, fm->field_x, sb.buf, vw,
			  foc ? DRAW_REVERSE : DRAW_NORMAL);
		strbuf_release(&v);
		break;
	}
	case FORM_CHECKS:
		draw_checks(fm, f, y, rows);
		break;
	case FORM_BUTTON:
		fm->ops->value(fm->ctx, f, &sb);
		draw_text(y, fm->label_x, sb.buf, COLS - 1 - fm->label_x,
			  foc ? DRAW_REVERSE | DRAW_BOLD : DRAW_BOLD);
		break;
	case FORM_INFO:
		fm->ops->value(fm->ctx, f, &sb);
		draw_wrapped(y, fm->label_x, COLS - 1 - fm->label_x, sb.buf, 0,
			     rows, DRAW_NORMAL);
		break;
	}
	if (rows > 1 && fm->ops->note != NULL && fd->kind != FORM_CHECKS &&
	    fd->kind != FORM_INFO) {
		unsigned attr = DRAW_DIM;

		strbuf_reset(&sb);
		fm->ops->note(fm->ctx, f, &sb, &attr);
		if (sb.len > 0)
			draw_wrapped(y + 1, fm->field_x, vw, sb.buf, 0,
				     rows - 1, attr);
	}
	strbuf_release(&sb);
}

/* The open list, under the focused field (or above it when there is no
 * room below), scrolled so the highlighted value shows. */
static void
draw_list(struct form *fm, int fy, int y0, int y1)
{
	size_t n = count(fm), i, first = 0;
	int w = 0, x = fm->field_x, below = y1 - fy - 1, above = fy - y0;
	int rows, y;
	struct strbuf sb = STRBUF_INIT;
	long c = current(fm);

	for (i = 0; i < n; i++) {
		int lw;

		strbuf_reset(&sb);
		fm->ops->option(fm->ctx, fm->focus, i, &sb);
		lw = (int)utf8_width(sb.buf) + 7;
		if (lw > w)
			w = lw;
	}
	if (w > COLS - 1 - x) {
		x = COLS - 1 - w;
		if (x < 1) {
			x = 1;
			w = COLS - 2;
		}
	}
	if ((int)n <= below || below >= above) {
		rows = (int)n < below ? (int)n : below;
		y = fy + 1;
	} else {
		rows = (int)n < above ? (int)n : above;
		y = fy - rows;
	}
	if (rows < 1)
		rows = 1;
	if (fm->pick >= (size_t)rows)
		first = fm->pick - (size_t)rows + 1;
	for (i = first; i < n && (int)(i - first) < rows; i++) {
		bool hi = i == fm->pick;

		strbuf_reset(&sb);
		if (i < 9)
			strbuf_addf(&sb, " %zu %s ", i + 1, (long)i == c ? "*" : " ");
		else
			strbuf_addf(&sb, "   %s ", (long)i == c ? "*" : " ");
		fm->ops->option(fm->ctx, fm->focus, i, &sb);
		draw_field(y + (int)(i - first), x, sb.buf, w,
			   hi ? DRAW_REVERSE | DRAW_BOLD : DRAW_TITLE);
	}
	strbuf_release(&sb);
}

void
form_draw(struct form *fm, int y0, int y1, int hint_y)
{
	int f, y, used, focus_y = -1;
	struct strbuf sb = STRBUF_INIT;

	fm->edit_y = -1;
	fm->label_cut = 0;
	if (fm->n == 0)
		return;
	/* scroll so the focused field (and its extra rows) shows */
	if (fm->focus < fm->top)
		fm->top = fm->focus;
	for (;;) {
		used = 0;
		for (f = fm->top; f <= fm->focus; f++)
			used += field_rows(fm, f);
		if (used <= y1 - y0 || fm->top >= fm->focus)
			break;
		fm->top++;
	}
	/* a form that fits starts at its first field */
	for (used = 0, f = 0; f < fm->n; f++)
		used += field_rows(fm, f);
	if (used <= y1 - y0)
		fm->top = 0;
	for (f = fm->top, y = y0; f < fm->n; f++) {
		int h = field_rows(fm, f);

		if (y + h > y1 && f != fm->top)
			break;
		y += fm->fields[f].gap;
		if (f == fm->focus)
			focus_y = y;
		draw_field_at(fm, f, y);
		y += h - fm->fields[f].gap;
	}
	if (fm->top > 0)
		draw_text(y0 > 0 ? y0 - 1 : y0, COLS - 10, _("(more)"), 9,
			  DRAW_DIM);
	if (f < fm->n)
		draw_text(y1, COLS - 10, _("(more)"), 9, DRAW_DIM);
	/* under the form: why the entry was refused, or the hint, with the
	 * whole label first when the label column cut it */
	if (fm->error.len > 0) {
		draw_wrapped(hint_y, 2, COLS - 4, fm->error.buf, 0, 2,
			     DRAW_ERROR);
	} else {
		const struct form_field *fd = cur(fm);

		if (fm->label_cut && fd->label != NULL)
			strbuf_addf(&sb, "%s: ", _(fd->label));
		if (fm->ops->hint != NULL)
			fm->ops->hint(fm->ctx, fm->focus, &sb);
		if (sb.len == 0 || (fm->label_cut && sb.buf[sb.len - 1] == ' '))
			if (fd->hint != NULL)
				strbuf_addstr(&sb, _(fd->hint));
		draw_wrapped(hint_y, 2, COLS - 4, sb.buf, 0, 2, DRAW_DIM);
	}
	if (fm->listing && focus_y >= 0)
		draw_list(fm, focus_y, y0, y1);
	else if (fm->editing && fm->edit_y >= 0)
		lineedit_draw(&fm->le, fm->edit_y, fm->field_x,
			      COLS - fm->field_x - 1, true);
	strbuf_release(&sb);
}

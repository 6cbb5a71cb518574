/* リモート保守の棚卸し: one line per connection, the risky ones marked. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

static const char *
vendor_name(const struct app *a, long id)
{
	const struct vendor *v = vendor_list_find(&a->yd.vendors, id);

	return v != NULL ? v->name : NULL;
}

/* Findings of connection id of one kind. */
static size_t
count(const struct app *a, long id, enum finding_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < a->yd.findings.n; i++) {
		if (a->yd.findings.v[i].conn->id == id &&
		    a->yd.findings.v[i].kind == kind)
			n++;
	}
	return n;
}

static void
open_conn(struct app *a, size_t i)
{
	scr_conn_open(a, i < a->yd.connections.n ? &a->yd.connections.v[i] : NULL);
}

/* The warnings of the focused connection, on their own screen. */
static void
open_warnings(struct app *a)
{
	const struct connection *c;

	if (a->rs.list_focus >= (int)a->yd.connections.n)
		return;
	c = &a->yd.connections.v[a->rs.list_focus];
	if (count(a, c->id, FINDING_DEVICE) + count(a, c->id, FINDING_RULE) +
		    count(a, c->id, FINDING_UNKNOWN) ==
	    0) {
		app_status(a, DRAW_NORMAL, "%s",
			   _("This connection has no warning."));
		return;
	}
	a->rs.warn_conn = c->id;
	a->rs.warn_scroll = 0;
	app_show(a, &scr_rwarn);
}

/*
 * Appends what a row of the list says of connection c: what needs doing
 * first, then the line type (a row cut at 80 columns loses the line, not
 * the flag).
 */
static void
row_state(const struct app *a, const struct connection *c, struct strbuf *sb)
{
	const struct line_type *lt = content_line_find(a->yd.content, c->line);
	struct strbuf open = STRBUF_INIT;
	size_t rules = count(a, c->id, FINDING_RULE);
	size_t unk = count(a, c->id, FINDING_UNKNOWN);
	size_t nopen = remote_open_fields(a->yd.content, c, &open);
	bool flaw = remote_vulnerable(&a->yd.findings, c->id);

	if (flaw)
		strbuf_addstr(sb, _("known exploited flaw! "));
	if (rules > 0)
		strbuf_addf(sb, _("%zu warning(s)"), rules);
	if (unk > 0)
		strbuf_addf(sb, rules ? _(", %zu unknown") : _("%zu unknown"),
			    unk);
	if (nopen > 0)
		strbuf_addf(sb,
			    rules || unk ? _(", %zu not answered")
					 : _("%zu not answered"),
			    nopen);
	if (!flaw && rules == 0 && unk == 0 && nopen == 0)
		strbuf_addstr(sb, _("no warning"));
	strbuf_release(&open);
	strbuf_addstr(sb, "  ");
	strbuf_addstr(sb, c->line[0] == '\0'		   ? _("line not answered")
			  : strcmp(c->line, "unknown") == 0 ? _("line unknown")
			  : lt != NULL			   ? lt->label
							   : c->line);
}

/*
 * The known-flaw list's date, always in sight above row bottom, and its
 * age when over six months (? tells how to renew it). Returns the row
 * above it and a blank row.
 */
static int
draw_list_date(const struct app *a, int bottom)
{
	struct strbuf ls = STRBUF_INIT;
	bool old = remote_list_date(a->yd.content, &a->today, &ls);

	if (old)
		strbuf_addf(
			&ls, "%s",
			_(" - over six months old: press ? to see how to get a newer list"));
	if (ls.len > 0) {
		int n = draw_wrapped_lines(ls.buf, COLS - 4);

		if (n > 2)
			n = 2;
		draw_wrapped(bottom - n, 2, COLS - 4, ls.buf, 0, n,
			     old ? DRAW_WARN : DRAW_DIM);
		bottom -= n + 1;
	}
	strbuf_release(&ls);
	return bottom;
}

static void
remote_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("move")},    {"Enter", N_("open")},
		{"w", N_("warnings")}, {"a", N_("add")},
		{"x", N_("delete")},   {"?", N_("help")},
		{"Esc", N_("home")},
	};
	static const struct keyhelp confirm[] = {
		{"y", N_("delete")},
		{"n", N_("keep")},
	};
	struct remote_state *s = &a->rs;
	struct strbuf sb = STRBUF_INIT;
	int y, bottom = app_status_row(a) - 1;
	size_t i, first = 0;

	app_keys(a, s->confirm_delete ? confirm : keys,
		 s->confirm_delete ? 2 : 7);
	app_draw_title(a, _("Remote maintenance"));
	y = app_intro(
		a,
		_("List every way a vendor connects into the clinic from outside (VPN device, remote-desktop tool, closed network ...). \"Don't know\" is fine: it becomes a question for the vendor."));
	bottom = draw_list_date(a, bottom);
	if (s->list_focus >= bottom - y)
		first = (size_t)(s->list_focus - (bottom - y) + 1);
	for (i = first; i <= a->yd.connections.n && y < bottom; i++, y++) {
		bool foc = s->list_focus == (int)i;
		const struct connection *c;

		draw_text(y, 1, foc ? ">" : " ", 1, DRAW_BOLD);
		if (i == a->yd.connections.n) {
			draw_text(y, 3, _("+ Add a connection"), -1,
				  foc ? DRAW_REVERSE : DRAW_NORMAL);
			continue;
		}
		c = &a->yd.connections.v[i];
		strbuf_reset(&sb);
		remote_label(c, vendor_name(a, c->vendor), &sb);
		if (remote_vulnerable(&a->yd.findings, c->id)) {
			draw_text(y, 3, "[!]", 3, DRAW_ERROR);
		}
		draw_field(y, 7, sb.buf, 30, foc ? DRAW_REVERSE : DRAW_BOLD);
		strbuf_reset(&sb);
		row_state(a, c, &sb);
		draw_text(y, 38, sb.buf, COLS - 39,
			  remote_vulnerable(&a->yd.findings, c->id) ? DRAW_ERROR
								 : DRAW_NORMAL);
	}
	if (s->confirm_delete && s->list_focus < (int)a->yd.connections.n) {
		strbuf_reset(&sb);
		remote_label(
			&a->yd.connections.v[s->list_focus],
			vendor_name(a, a->yd.connections.v[s->list_focus].vendor),
			&sb);
		app_status(
			a, DRAW_WARN,
			_("Delete the connection \"%s\"? y: delete, n: keep"),
			sb.buf);
	}
	strbuf_release(&sb);
}

static bool
remote_key(struct app *a, const struct tkey *k)
{
	struct remote_state *s = &a->rs;

	if (s->confirm_delete) {
		if (app_delete_confirmed(a, &s->confirm_delete, k)) {
			struct err e = ERR_INIT;
			long id = a->yd.connections.v[s->list_focus].id;

			if (store_connection_delete(a->store, id, &e) != 0) {
				app_status_err(a, &e);
			} else {
				connection_list_remove(&a->yd.connections, id);
				app_refresh_findings(a);
				app_status(a, DRAW_OK, "%s", _("Deleted."));
			}
		}
		return true;
	}
	if (tkey_is(k, L'w') || tkey_is(k, L'W')) {
		open_warnings(a);
		return true;
	}
	switch (app_list_key(a, &s->list_focus, a->yd.connections.n,
			     &s->confirm_delete, k)) {
	case LK_OPEN:
		open_conn(a, (size_t)s->list_focus);
		return true;
	case LK_DONE:
		return true;
	default:
		return false;
	}
}

void
scr_remote_help(const struct app *a, struct strbuf *sb)
{
	bool old;

	strbuf_addf(
		sb, "%s\n",
		_("List every way a vendor connects into the clinic. Fields left open and \"don't know\" become questions on that vendor's sheet; a known exploited flaw of the device becomes an urgent request."));
	strbuf_addf(
		sb, "%s\n",
		_("On the list, w shows every warning of the connection on the cursor, most urgent first, in full: up and down arrows scroll a line, PgUp and PgDn a page, Home and End go to the first and the last. Esc goes back to the list."));
	old = remote_list_date(a->yd.content, &a->today, sb);
	strbuf_addch(sb, '\n');
	remote_list_old_text(old, true, sb);
	strbuf_addch(sb, '\n');
}

const struct screen scr_remote = {
	.name = "remote",
	.enter = NULL,
	.draw = remote_draw,
	.key = remote_key,
	.help = scr_remote_help,
};

/*
 * 注意の一覧: every warning of one connection, in full, most urgent first
 * (as remote_findings() orders them), scrolled line by line or a page at a
 * time. The connection form shows only the first; this shows them all.
 */

/* One block of the list: its heading, then its text. */
static void
warn_blocks(const struct app *a, struct strbuf *heads, struct strbuf *texts,
	    size_t *n)
{
	size_t i, total = 0, k = 0;

	for (i = 0; i < a->yd.findings.n; i++)
		total += a->yd.findings.v[i].conn->id == a->rs.warn_conn;
	for (i = 0; i < a->yd.findings.n && k < total; i++) {
		const struct finding *f = &a->yd.findings.v[i];
		struct strbuf t = STRBUF_INIT;
		const char *title;

		if (f->conn->id != a->rs.warn_conn)
			continue;
		title = remote_finding_title(a->yd.content, f, &t);
		/* TRANSLATORS: 【3/11・高】 and the warning's heading */
		strbuf_addf(&heads[k], _("[%zu of %zu, %s] "), k + 1, total,
			    content_priority_label(a->yd.content, f->priority));
		if (f->kind == FINDING_UNKNOWN)
			strbuf_addf(&heads[k], _("Not known yet: %s"), title);
		else
			strbuf_addstr(&heads[k], title);
		remote_finding_text(a->yd.content, f, &texts[k]);
		strbuf_release(&t);
		k++;
	}
	*n = k;
}

/*
 * Draws s from virtual line *v on, where the window shows lines
 * [top, top + rows) from screen row y0; advances *v past it.
 */
static void
piece(const char *s, unsigned attr, int y0, int top, int rows, int *v)
{
	int n = draw_wrapped_lines(s, COLS - 4);
	int from = *v > top ? *v : top;
	int to = *v + n < top + rows ? *v + n : top + rows;

	if (to > from)
		draw_wrapped(y0 + from - top, 2, COLS - 4, s, from - *v,
			     to - from, attr);
	*v += n;
}

static void
rwarn_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("scroll")},
		{"PgUp/PgDn", N_("page")},
		{"Esc", N_("back to the list")},
		{"?", N_("help")},
		{"q", N_("quit")},
	};
	struct strbuf sb = STRBUF_INIT, *heads, *texts;
	size_t i, n = 0, max = a->yd.findings.n ? a->yd.findings.n : 1;
	int y0 = 3, rows, total = 0, v = 0;

	app_keys(a, keys, 5);
	for (i = 0; i < a->yd.connections.n; i++) {
		const struct connection *c = &a->yd.connections.v[i];

		if (c->id == a->rs.warn_conn)
			remote_label(c, vendor_name(a, c->vendor), &sb);
	}
	{
		struct strbuf t = STRBUF_INIT;

		strbuf_addf(&t, _("Warnings: %s"), sb.buf);
		app_draw_title(a, t.buf);
		strbuf_release(&t);
	}
	heads = xcalloc(max, sizeof(*heads));
	texts = xcalloc(max, sizeof(*texts));
	for (i = 0; i < max; i++) {
		strbuf_init(&heads[i], 0);
		strbuf_init(&texts[i], 0);
	}
	warn_blocks(a, heads, texts, &n);
	strbuf_reset(&sb);
	strbuf_addf(
		&sb,
		_("%zu warning(s) for this connection, most urgent first. The report lists them too."),
		n);
	draw_wrapped(1, 1, COLS - 2, sb.buf, 0, 1, DRAW_DIM);
	rows = app_status_row(a) - 1 - y0;
	for (i = 0; i < n; i++)
		total += draw_wrapped_lines(heads[i].buf, COLS - 4) +
			 draw_wrapped_lines(texts[i].buf, COLS - 4) + 1;
	if (a->rs.warn_scroll > total - rows)
		a->rs.warn_scroll = total - rows;
	if (a->rs.warn_scroll < 0)
		a->rs.warn_scroll = 0;
	for (i = 0; i < n; i++) {
		piece(heads[i].buf, DRAW_BOLD, y0, a->rs.warn_scroll, rows, &v);
		piece(texts[i].buf, DRAW_NORMAL, y0, a->rs.warn_scroll, rows,
		      &v);
		v++; /* a blank line between two warnings */
	}
	if (a->rs.warn_scroll > 0)
		draw_text(y0 - 1, COLS - 10, _("(more)"), 9, DRAW_DIM);
	if (a->rs.warn_scroll + rows < total)
		draw_text(y0 + rows, COLS - 10, _("(more)"), 9, DRAW_DIM);
	for (i = 0; i < max; i++) {
		strbuf_release(&heads[i]);
		strbuf_release(&texts[i]);
	}
	free(heads);
	free(texts);
	strbuf_release(&sb);
}

static bool
rwarn_key(struct app *a, const struct tkey *k)
{
	int page = app_status_row(a) - 5;

	if (page < 1)
		page = 1;
	if (tkey_fn(k, KEY_UP))
		a->rs.warn_scroll--;
	else if (tkey_fn(k, KEY_DOWN) || tkey_enter(k) || tkey_is(k, L' '))
		a->rs.warn_scroll++;
	else if (tkey_fn(k, KEY_PPAGE))
		a->rs.warn_scroll -= page;
	else if (tkey_fn(k, KEY_NPAGE))
		a->rs.warn_scroll += page;
	else if (tkey_fn(k, KEY_HOME))
		a->rs.warn_scroll = 0;
	else if (tkey_fn(k, KEY_END))
		a->rs.warn_scroll = 1 << 20; /* the draw clamps it */
	else if (tkey_escape(k) || tkey_is(k, L'w'))
		a->screen = &scr_remote; /* back to the row it came from */
	else
		return false;
	return true;
}

const struct screen scr_rwarn = {
	.name = "rwarn",
	.enter = NULL,
	.draw = rwarn_draw,
	.key = rwarn_key,
	.help = scr_remote_help,
};

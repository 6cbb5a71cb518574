/* ヘルプ: what the keys do on the screen the user came from. */
#include "wizard/app.h"

#include <curses.h>

#include "util/i18n.h"

static void
help_text(const struct app *a, struct strbuf *sb)
{
	if (a->help_of->help != NULL) {
		a->help_of->help(a, sb);
	} else {
		strbuf_addf(
			sb, "%s\n",
			_("Choose a part with the arrow keys or its number and press Enter."));
		strbuf_addf(
			sb, "%s\n",
			_("The glossary explains the words used in the questions (VPN, two-factor authentication, MDS/SDS ...)."));
		strbuf_addf(
			sb, "%s\n",
			_("Every answer is saved the moment you enter it. You can quit at any time and continue later."));
	}
	strbuf_addf(
		sb, "\n%s\n",
		_("? shows this help on every screen (F1 while typing), Esc goes back, q quits (outside text fields)."));
}

void
scr_help_open(struct app *a, const struct screen *of)
{
	a->help_of = of;
	a->help_scroll = 0;
	app_show(a, &scr_help);
}

static void
help_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("scroll")},
		{"Esc", N_("back")},
		{"q", N_("quit")},
	};
	struct keyhelp k[3];
	struct strbuf sb = STRBUF_INIT;
	int rows, total;
	size_t i;

	for (i = 0; i < 3; i++) {
		k[i] = keys[i];
		k[i].what = _(keys[i].what);
	}
	app_keybar(a, k, 3);
	app_draw_title(a, _("Help"));
	help_text(a, &sb);
	rows = app_status_row(a) - 2;
	total = draw_wrapped_lines(sb.buf, COLS - 4);
	if (a->help_scroll > total - rows)
		a->help_scroll = total - rows;
	if (a->help_scroll < 0)
		a->help_scroll = 0;
	draw_wrapped(2, 2, COLS - 4, sb.buf, a->help_scroll, rows, DRAW_NORMAL);
	strbuf_release(&sb);
}

static bool
help_key(struct app *a, const struct tkey *k)
{
	if (tkey_fn(k, KEY_UP))
		a->help_scroll--;
	else if (tkey_fn(k, KEY_DOWN))
		a->help_scroll++;
	else if (tkey_escape(k) || tkey_is(k, L'?') || tkey_enter(k)) {
		a->screen = a->help_of; /* back without re-entering */
	} else
		return false;
	return true;
}

const struct screen scr_help = {
	.name = "help",
	.enter = NULL,
	.draw = help_draw,
	.key = help_key,
};

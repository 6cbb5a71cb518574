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
	struct strbuf sb = STRBUF_INIT;

	help_text(a, &sb);
	app_page_draw(a, _("Help"), sb.buf, &a->help_scroll, N_("back"));
	strbuf_release(&sb);
}

static bool
help_key(struct app *a, const struct tkey *k)
{
	if (app_page_key(a, &a->help_scroll, k))
		return true;
	if (tkey_escape(k) || tkey_is(k, L'?') || tkey_enter(k)) {
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

/* ヘルプ: what the keys do on the screen the user came from. */
#include "wizard/app.h"

#include <curses.h>

#include "util/i18n.h"

static void
help_text(const struct app *a, struct strbuf *sb)
{
	const struct screen *s = a->help_of;

	if (s == &scr_checklist || s == &scr_detail) {
		strbuf_addf(
			sb, "%s\n\n",
			_("One question per screen, in the order of the official form."));
		strbuf_addf(
			sb, "%s\n",
			_("1 yes, 2 no, 3 don't know, 4 not applicable (only where the item allows it)."));
		strbuf_addf(
			sb, "%s\n",
			_("Left and right arrows (or PgUp, PgDn): previous and next question."));
		strbuf_addf(
			sb, "%s\n",
			_("Tab or down arrow: go to the next field. Shift-Tab or up arrow: the previous one."));
		strbuf_addf(
			sb, "%s\n",
			_("In a field, type the text and press Enter to save it. Esc leaves the field unchanged."));
		strbuf_addf(
			sb, "%s\n",
			_("d: the full explanation of the item, with the meaning of each word used."));
		strbuf_addf(
			sb, "\n%s\n",
			_("Dates can be typed as 2026-12-01, 2026/12/1, 20261201, R8.12.1 or in Japanese era form. Full-width digits are fine."));
		strbuf_addf(
			sb, "%s\n",
			_("The check date is the day you confirmed the answer. For \"no\" and \"don't know\", also enter a target date inside the fiscal year: the day you plan to have it done."));
		strbuf_addf(
			sb, "%s\n",
			_("\"Don't know\" is a normal answer: it becomes a question for the person or vendor who knows."));
		strbuf_addf(
			sb, "%s\n",
			_("When last year's answer is shown above the answer row, y takes it over (the answer and the memo; the dates are entered again)."));
		strbuf_addf(
			sb, "%s\n",
			_("Every answer is saved the moment you enter it. You can quit at any time and continue later."));
		strbuf_addf(
			sb, "%s\n",
			_("Items marked * have not yet been checked against the official form: compare the number and wording with the form you received."));
		if (s == &scr_checklist) {
			const struct item *it;
			enum cell cell;
			size_t i;

			app_step(a, a->cl.step, &it, &cell);
			if (it->nterms > 0)
				strbuf_addf(sb, "\n%s\n",
					    _("[Words used in this question]"));
			for (i = 0; i < it->nterms; i++) {
				const struct term *t = content_term_find(
					a->content, it->terms[i]);

				if (t != NULL)
					app_add_term(sb, t);
			}
			strbuf_addf(
				sb, "%s\n",
				_("All words are in the glossary on the home screen."));
		}
	} else if (s == &scr_setup) {
		strbuf_addf(
			sb, "%s\n",
			_("Up and down arrows move between fields. In a text field, type and press Enter."));
		strbuf_addf(
			sb, "%s\n",
			_("Left and right arrows change the type of facility, the fiscal year and the edition."));
		strbuf_addf(
			sb, "%s\n",
			_("The fiscal year runs from 1 April to 31 March. It chooses the checklist edition: Reiwa 7 uses the Reiwa 7 edition, Reiwa 8 and later the Reiwa 8 edition."));
		strbuf_addf(
			sb, "%s\n",
			_("\"Who did this check\" is the person who answers the questions here; the name is printed on the cover of the report."));
		strbuf_addf(sb, "%s\n",
			    _("Every field is saved when you leave it."));
	} else if (s == &scr_vendors || s == &scr_vendor || s == &scr_vquest) {
		strbuf_addf(
			sb, "%s\n",
			_("Register each company that supplies or maintains a system. a adds one, x deletes the selected one after asking."));
		strbuf_addf(
			sb, "%s\n",
			_("For each vendor, answer the contract questions: look in the contract, its terms and the SLA, or ask the vendor. \"No\" and \"don't know\" become polite requests on that vendor's sheet in the report."));
		strbuf_addf(
			sb, "%s\n",
			_("Then record which items of the vendors' form (jigyosha kakunin-yo) the vendor has returned and confirmed. Items not confirmed are asked again on its sheet."));
		strbuf_addf(
			sb, "%s\n",
			_("On the vendor screen, Space ticks a system; left and right choose the contract."));
		if (s == &scr_vquest && app_vquest_current(a) != NULL) {
			const struct vquestion *q = app_vquest_current(a);

			app_add_terms(a, _("[Words used in this question]"),
				      q->terms, q->nterms, sb);
		}
	} else if (s == &scr_hoshu || s == &scr_hitem || s == &scr_server) {
		strbuf_addf(
			sb, "%s\n",
			_("The maintenance-contractor volume (hoshu itakukikan-hen) of guideline 7.0: first whether it applies to the clinic, then its items. \"Don't know\" is a normal answer: it becomes a question for the vendor that updates the server."));
		if (s == &scr_hitem &&
		    a->hs.item < a->content->hoshu.nitems) {
			const struct hoshu_item *it =
				&a->content->hoshu.items[a->hs.item];

			app_add_terms(a, _("[Words used in this question]"),
				      it->terms, it->nterms, sb);
		}
	} else if (s == &scr_remote || s == &scr_conn || s == &scr_rwarn) {
		bool old;

		strbuf_addf(
			sb, "%s\n",
			_("List every way a vendor connects into the clinic. Fields left open and \"don't know\" become questions on that vendor's sheet; a known exploited flaw of the device becomes an urgent request."));
		strbuf_addf(
			sb, "%s\n",
			_("On the list, w shows every warning of the connection on the cursor, most urgent first, in full: up and down arrows scroll a line, PgUp and PgDn a page, Home and End go to the first and the last. Esc goes back to the list."));
		old = remote_list_date(a->content, &a->today, sb);
		strbuf_addch(sb, '\n');
		remote_list_old_text(old, true, sb);
		strbuf_addch(sb, '\n');
	} else if (s == &scr_contacts || s == &scr_contact) {
		strbuf_addf(
			sb, "%s\n",
			_("Fill in whom to call in an incident, in order. Entries marked as needed are what checklist 3-1 asks for. The vendors are added from the vendor register."));
		strbuf_addf(
			sb, "%s\n",
			_("The manager, the information systems security officer and the health centre entered at the first-time setup fill those rows, marked \"from the first-time setup\"; a change there changes the chart. A name typed here is kept instead; empty the name to follow the setup again. The report prints the chart as the contact chart (checklist 3-1)."));
	} else if (s == &scr_report) {
		strbuf_addf(
			sb, "%s\n",
			_("Type the file name of the PDF and press Enter."));

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
		_("? shows this help on every screen, Esc goes back, q quits (outside text fields)."));
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

/* 事業者と契約: the vendor register, one line per vendor. */
#include "wizard/app.h"

#include <curses.h>
#include <string.h>

#include "model/request.h"
#include "util/i18n.h"

/* Appends the labels of the vendor's systems, joined with 、. */
void
app_add_systems(const struct app *a, const struct vendor *v, struct strbuf *sb)
{
	size_t i;
	bool first = true;

	for (i = 0; i < a->yd.content->nsystems; i++) {
		if (!vendor_has_system(v, a->yd.content->systems[i].id))
			continue;
		if (!first)
			strbuf_addstr(sb, _(", "));
		strbuf_addstr(sb, a->yd.content->systems[i].label);
		first = false;
	}
	if (first)
		strbuf_addstr(sb, _("(systems not chosen)"));
}

/* Opens vendor i of the register (or a new one when i == n). */
static void
open_vendor(struct app *a, size_t i)
{
	scr_vendor_open(a, i < a->yd.vendors.n ? &a->yd.vendors.v[i] : NULL);
}

static void
vendors_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("move")},  {"Enter", N_("open")}, {"a", N_("add")},
		{"x", N_("delete")}, {"?", N_("help")},     {"Esc", N_("home")},
	};
	static const struct keyhelp confirm[] = {
		{"y", N_("delete")},
		{"n", N_("keep")},
	};
	struct strbuf sb = STRBUF_INIT;
	int y, rows;
	size_t i, first = 0;

	if (a->vs.confirm_delete)
		app_keys(a, confirm, 2);
	else
		app_keys(a, keys, 6);
	app_draw_title(a, _("Vendors and contracts"));
	y = app_intro(
		a,
		_("Register every company that supplies or maintains a system (EMR, receipt computer, network ...). For each one, check the contract and what it has confirmed; the report makes a request sheet for it."));
	rows = app_status_row(a) - 1 - y;
	if (a->vs.list_focus >= rows)
		first = (size_t)(a->vs.list_focus - rows + 1);
	for (i = first; i <= a->yd.vendors.n && y < app_status_row(a) - 1;
	     i++, y++) {
		bool foc = a->vs.list_focus == (int)i;

		draw_text(y, 2, foc ? ">" : " ", 1, DRAW_BOLD);
		strbuf_reset(&sb);
		if (i == a->yd.vendors.n) {
			draw_text(y, 4, _("+ Add a vendor"), -1,
				  foc ? DRAW_REVERSE : DRAW_NORMAL);
			continue;
		}
		{
			const struct vendor *v = &a->yd.vendors.v[i];
			struct vendor_progress p;
			const struct choice *k = content_choice_find(
				a->yd.content->contracts, a->yd.content->ncontracts,
				v->contract);

			{
				struct request_ctx x;
				year_data_request_ctx(&a->yd, &x);
				request_progress(&x, v, &p);
			}
			draw_field(y, 4, v->name, 22,
				   foc ? DRAW_REVERSE : DRAW_BOLD);
			strbuf_addf(&sb, "%s  ",
				    k != NULL ? k->label
					      : _("contract not chosen"));
			strbuf_addf(&sb, _("checked %zu/%zu, requests %zu"),
				    p.answered, p.questions, p.requests);
			strbuf_addstr(&sb, "  ");
			app_add_systems(a, v, &sb);
			draw_text(y, 27, sb.buf, COLS - 28, DRAW_NORMAL);
		}
	}
	if (a->vs.confirm_delete && a->vs.list_focus < (int)a->yd.vendors.n) {
		strbuf_reset(&sb);
		strbuf_addf(
			&sb,
			_("Delete \"%s\" and all answers about it? y: delete, n: keep"),
			a->yd.vendors.v[a->vs.list_focus].name);
		app_status(a, DRAW_WARN, "%s", sb.buf);
	}
	strbuf_release(&sb);
}

static void
delete_vendor(struct app *a)
{
	const struct vendor *v = &a->yd.vendors.v[a->vs.list_focus];
	long id = v->id;
	struct err e = ERR_INIT;
	size_t i;

	if (store_vendor_delete(a->store, id, &e) != 0) {
		app_status_err(a, &e);
		return;
	}
	vendor_release(&a->yd.vendors.v[a->vs.list_focus]);
	memmove(&a->yd.vendors.v[a->vs.list_focus],
		&a->yd.vendors.v[a->vs.list_focus + 1],
		(a->yd.vendors.n - (size_t)a->vs.list_focus - 1) *
			sizeof(struct vendor));
	a->yd.vendors.n--;
	vanswer_drop_vendor(&a->yd.vanswers, id);
	for (i = 0; i < a->yd.answers.n; i++) {
		if (a->yd.answers.v[i].ask == id)
			a->yd.answers.v[i].ask = 0; /* the store did the same */
	}
	for (i = 0; i < a->yd.connections.n; i++) {
		if (a->yd.connections.v[i].vendor == id)
			a->yd.connections.v[i].vendor = 0;
	}
	for (i = 0; i < a->yd.servers.n; i++) {
		if (a->yd.servers.v[i].vendor == id)
			a->yd.servers.v[i].vendor = 0;
	}
	app_refresh_findings(a);
	app_refresh_judgement(a);
	app_status(a, DRAW_OK, "%s", _("Deleted."));
}

static bool
vendors_key(struct app *a, const struct tkey *k)
{
	struct vendor_state *s = &a->vs;

	if (s->confirm_delete) {
		if (app_delete_confirmed(a, &s->confirm_delete, k))
			delete_vendor(a);
		return true;
	}
	switch (app_list_key(a, &s->list_focus, a->yd.vendors.n,
			     &s->confirm_delete, k)) {
	case LK_OPEN:
		open_vendor(a, (size_t)s->list_focus);
		return true;
	case LK_DONE:
		return true;
	default:
		return false;
	}
}

void
scr_vendors_help(const struct app *a, struct strbuf *sb)
{
	(void)a;
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
}

const struct screen scr_vendors = {
	.name = "vendors",
	.enter = NULL,
	.draw = vendors_draw,
	.key = vendors_key,
	.help = scr_vendors_help,
};

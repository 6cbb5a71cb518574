/* ホーム: progress of each part and where the data is kept. */
#include "wizard/app.h"

#include <curses.h>

#include "model/conflict.h"
#include "model/request.h"
#include "util/i18n.h"
#include "util/strbuf.h"

enum {
	HOME_CHECKLIST,
	HOME_VENDORS,
	HOME_REMOTE,
	HOME_HOSHU,
	HOME_CONTACTS,
	HOME_SETUP,
	HOME_REPORT,
	HOME_GLOSSARY,
	HOME_QUIT,
	HOME__COUNT
};

static const char *
entry_label(int i)
{
	switch (i) {
	case HOME_CHECKLIST:
		return _("Checklist");
	case HOME_VENDORS:
		return _("Vendors and contracts");
	case HOME_REMOTE:
		return _("Remote maintenance");
	case HOME_HOSHU:
		return _("Maintenance-entrustment volume");
	case HOME_CONTACTS:
		return _("Who to call in an incident");
	case HOME_SETUP:
		return _("Facility and fiscal year");
	case HOME_REPORT:
		return _("Make the report (PDF)");
	case HOME_GLOSSARY:
		return _("Glossary");
	case HOME_QUIT:
		return _("Quit");
	}
	return "";
}

/* 「3社、依頼 12件」 */
static void
part_vendors(const struct app *a, struct strbuf *sb)
{
	size_t i, req = 0;

	if (a->yd.vendors.n == 0) {
		strbuf_addstr(sb, _("no vendor registered yet"));
		return;
	}
	for (i = 0; i < a->yd.vendors.n; i++) {
		struct vendor_progress p;

		{
			struct request_ctx x;
			year_data_request_ctx(&a->yd, &x);
			request_progress(&x, &a->yd.vendors.v[i], &p);
		}
		req += p.requests;
	}
	strbuf_addf(sb, _("%zu vendor(s), %zu request(s) to send"),
		    a->yd.vendors.n, req);
}

static bool
remote_has_flaw(const struct app *a)
{
	size_t i;

	for (i = 0; i < a->yd.findings.n; i++) {
		if (a->yd.findings.v[i].kind == FINDING_DEVICE)
			return true;
	}
	return false;
}

/* 「接続 2件、注意 5件（既知の弱点あり）」 */
static void
part_remote(const struct app *a, struct strbuf *sb)
{
	size_t i, warn = 0;

	if (a->yd.connections.n == 0) {
		strbuf_addstr(sb, _("no connection listed yet"));
		return;
	}
	for (i = 0; i < a->yd.findings.n; i++)
		warn += a->yd.findings.v[i].kind == FINDING_RULE;
	strbuf_addf(sb, _("%zu connection(s), %zu warning(s)"),
		    a->yd.connections.n, warn);
	if (remote_has_flaw(a))
		strbuf_addstr(sb, _(", a known exploited flaw!"));
}

/* 「必要な連絡先 4/7」 */
static void
part_contacts(const struct app *a, struct strbuf *sb)
{
	size_t i, need = 0, have = 0;

	for (i = 0; i < a->yd.content->nroles; i++) {
		struct contact_view v;

		if (!a->yd.content->roles[i].required)
			continue;
		need++;
		if (contact_view(&a->yd.contacts, &a->yd.facility,
				 a->yd.content->roles[i].id, &v))
			have++;
	}
	strbuf_addf(sb, _("needed contacts filled in: %zu of %zu"), have, need);
}

/* Appends how part i stands (right of its name on the menu); returns the
 * attribute to draw it in. */
static unsigned
entry_status(struct app *a, int i, struct strbuf *sb)
{
	const struct progress *p = &a->yd.progress;

	switch (i) {
	case HOME_CHECKLIST:
		if (p->gate_no)
			strbuf_addstr(
				sb,
				_("no medical information system: the other items are not needed"));
		else
			strbuf_addf(
				sb,
				_("answered %zu of %zu, needs action %zu (no target date %zu)"),
				p->answered, p->total, p->gaps, p->no_target);
		return p->answered == p->total ? DRAW_OK : DRAW_NORMAL;
	case HOME_VENDORS:
		part_vendors(a, sb);
		return DRAW_NORMAL;
	case HOME_REMOTE:
		part_remote(a, sb);
		return remote_has_flaw(a) ? DRAW_ERROR : DRAW_NORMAL;
	case HOME_HOSHU:
		strbuf_addstr(sb, hoshu_result_label(a->yd.judgement.result));
		return a->yd.judgement.result == HOSHU_APPLIES ? DRAW_OK
							       : DRAW_NORMAL;
	case HOME_CONTACTS:
		part_contacts(a, sb);
		return DRAW_NORMAL;
	}
	return DRAW_NORMAL;
}

/* 「昨年度と比べて：解消3件、…」 under the menu, only when there is a
 * previous year; returns the rows used (the line wraps at 80 columns
 * only when counts have two digits). */
static int
home_compare(const struct app *a, int y, struct strbuf *sb)
{
	const struct compare *c = &a->yd.compare;
	int rows;

	if (!c->has_prev)
		return 0;
	strbuf_reset(sb);
	strbuf_addf(
		sb,
		_("Compared with last year: gaps closed %zu, new gaps %zu, target date passed %zu, new items %zu"),
		c->count[COMPARE_CLOSED], c->count[COMPARE_OPENED],
		c->count[COMPARE_OVERDUE], c->count[COMPARE_NEW_ITEM]);
	rows = draw_wrapped(y, 2, COLS - 4, sb->buf, 0, 2, DRAW_NORMAL);
	return rows < 2 ? rows : 2;
}

static void
home_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("move")},
		{"Enter", N_("open")},
		{"?", N_("help")},
		{"q", N_("quit")},
	};
	struct strbuf sb = STRBUF_INIT;
	const struct progress *p = &a->yd.progress;
	unsigned attr;
	size_t i;
	int y;

	app_draw_title(a, _("iryosec: cybersecurity self-check"));
	strbuf_addf(&sb, _("%s (%s)"), facility_text(a->yd.facility.name),
		    facility_type_label(a->yd.facility.type));
	draw_text(2, 2, sb.buf, COLS - 4, DRAW_BOLD);
	strbuf_reset(&sb);
	date_add_fy_name(&sb, a->yd.facility.year);
	strbuf_addf(&sb, _(": checked with the %s checklist"),
		    a->yd.edition->name);
	draw_text(3, 2, sb.buf, COLS - 4, DRAW_NORMAL);

	if (a->yd.prev_answers.n > 0 && p->answered < p->total) {
		strbuf_reset(&sb);
		date_add_fy_name(&sb, a->yd.facility.year - 1);
		strbuf_addstr(
			&sb,
			_(": answers from that year can be taken over with y on each question"));
		draw_text(4, 2, sb.buf, COLS - 4, DRAW_WARN);
	}
	for (i = 0; i < HOME__COUNT; i++) {
		bool foc = a->home_focus == (int)i;

		y = 6 + (int)i;
		draw_text(y, 2, foc ? ">" : " ", 1, DRAW_BOLD);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%zu  %s", i + 1, entry_label((int)i));
		draw_field(y, 4, sb.buf, 30, foc ? DRAW_REVERSE : DRAW_NORMAL);
		strbuf_reset(&sb);
		attr = entry_status(a, (int)i, &sb);
		draw_text(y, 36, sb.buf, COLS - 38, attr);
	}
	y = 6 + HOME__COUNT + 1;
	y += home_compare(a, y, &sb);
	{
		struct conflict_list cl = CONFLICT_LIST_INIT;

		conflict_find(a->yd.content, a->yd.edition, &a->yd.answers,
			      &a->yd.findings, &a->yd.vendors, &a->yd.vanswers,
			      &cl);
		if (cl.n > 0) {
			strbuf_reset(&sb);
			strbuf_addf(
				&sb,
				_("Answers that contradict each other: %zu (shown at the item and in the report's summary). First: "),
				cl.n);
			conflict_text(&cl.v[0], &a->yd.vendors, &sb);
			draw_wrapped(y, 2, COLS - 4, sb.buf, 0, 2, DRAW_WARN);
			y += 2;
		}
		conflict_list_release(&cl);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, _("Your answers are saved in: %s"),
		    store_path(a->store));
	draw_wrapped(y, 2, COLS - 4, sb.buf, 0, 2, DRAW_DIM);
	app_keys(a, keys, 4);
	strbuf_release(&sb);
}

static void
open_entry(struct app *a, int i)
{
	switch (i) {
	case HOME_CHECKLIST:
		scr_checklist_open(a, app_first_open_step(a));
		break;
	case HOME_VENDORS:
		app_show(a, &scr_vendors);
		break;
	case HOME_REMOTE:
		app_show(a, &scr_remote);
		break;
	case HOME_HOSHU:
		app_show(a, &scr_hoshu);
		break;
	case HOME_CONTACTS:
		app_show(a, &scr_contacts);
		break;
	case HOME_SETUP:
		app_show(a, &scr_setup);
		break;
	case HOME_REPORT:
		app_show(a, &scr_report);
		break;
	case HOME_GLOSSARY:
		app_show(a, &scr_glossary);
		break;
	case HOME_QUIT:
		a->quit = true;
		break;
	}
}

static bool
home_key(struct app *a, const struct tkey *k)
{
	if (tkey_fn(k, KEY_UP)) {
		if (a->home_focus > 0)
			a->home_focus--;
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		if (a->home_focus < HOME__COUNT - 1)
			a->home_focus++;
	} else if (tkey_enter(k)) {
		open_entry(a, a->home_focus);
	} else if (!k->fn && k->ch >= L'1' && k->ch < L'1' + HOME__COUNT) {
		a->home_focus = (int)(k->ch - L'1');
		open_entry(a, a->home_focus);
	} else {
		return false;
	}
	return true;
}

const struct screen scr_home = {
	.name = "home",
	.enter = NULL,
	.draw = home_draw,
	.key = home_key,
};

/* 連絡体制: who is called in an incident (checklist 3-①). */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

/* Rows of the list: the roles of contacts.yaml, then the vendors. */
static size_t
rows(const struct app *a)
{
	return a->yd.content->nroles;
}

static void
contacts_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("move")},  {"Enter", N_("edit")}, {"?", N_("help")},
		{"Esc", N_("home")}, {"q", N_("quit")},
	};
	struct strbuf sb = STRBUF_INIT;
	int y = 4, bottom;
	size_t i;
	bool outside = false;

	app_keys(a, keys, 5);
	app_draw_title(a, _("Who to call in an incident"));
	draw_wrapped(
		2, 2, COLS - 4,
		_("Whom to call in an incident. A name marked \"from the first-time setup\" follows what was entered there until you type another one here. The vendors come from the vendor register."),
		0, 2, DRAW_DIM);
	bottom = app_status_row(a) - 1;
	draw_text(y++, 2, _("In-house"), -1, DRAW_BOLD);
	for (i = 0; i < rows(a) && y < bottom; i++) {
		const struct contact_role *r = &a->yd.content->roles[i];
		struct contact_view cv;
		bool filled =
			contact_view(&a->yd.contacts, &a->yd.facility, r->id, &cv);
		bool foc = a->cs.focus == (int)i;

		if (r->outside && !outside) {
			outside = true;
			if (a->yd.vendors.n > 0 && y < bottom) {
				draw_text(
					y++, 2,
					_("Vendors (from the vendor register)"),
					-1, DRAW_BOLD);
				strbuf_reset(&sb);
				{
					size_t k;

					for (k = 0; k < a->yd.vendors.n; k++) {
						const struct vendor *v =
							&a->yd.vendors.v[k];

						if (k)
							strbuf_addstr(&sb,
								      _(", "));
						strbuf_addstr(&sb, v->name);
						if (v->phone != NULL)
							strbuf_addf(&sb, " %s",
								    v->phone);
					}
				}
				y += draw_wrapped(y, 4, COLS - 6, sb.buf, 0, 2,
						  DRAW_NORMAL) > 1
					     ? 2
					     : 1;
			}
			if (y < bottom)
				draw_text(y++, 2, _("Outside"), -1, DRAW_BOLD);
		}
		if (y >= bottom)
			break;
		draw_text(y, 2, foc ? ">" : " ", 1, DRAW_BOLD);
		strbuf_reset(&sb);
		strbuf_addstr(&sb, r->label);
		if (r->required)
			strbuf_addstr(&sb, _(" (needed)"));
		draw_field(y, 4, sb.buf, 36, foc ? DRAW_REVERSE : DRAW_NORMAL);
		strbuf_reset(&sb);
		if (filled) {
			if (cv.name != NULL)
				strbuf_addstr(&sb, cv.name);
			if (cv.from_setup)
				strbuf_addstr(
					&sb, _(" (from the first-time setup)"));
			if (cv.phone != NULL)
				strbuf_addf(&sb, "  %s", cv.phone);
			draw_text(y, 41, sb.buf, COLS - 42, DRAW_NORMAL);
		} else {
			draw_text(y, 41, _("(not filled in)"), COLS - 42,
				  r->required ? DRAW_WARN : DRAW_DIM);
		}
		y++;
	}
	strbuf_release(&sb);
}

static bool
contacts_key(struct app *a, const struct tkey *k)
{
	if (tkey_fn(k, KEY_UP)) {
		if (a->cs.focus > 0)
			a->cs.focus--;
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		if (a->cs.focus + 1 < (int)rows(a))
			a->cs.focus++;
	} else if (tkey_enter(k)) {
		const struct contact *ct;
		const char *role = a->yd.content->roles[a->cs.focus].id;

		contact_release(&a->cs.edit);
		ct = contact_find(&a->yd.contacts, role);
		if (ct != NULL)
			contact_copy(&a->cs.edit, ct);
		else
			strcpy(a->cs.edit.role, role);
		app_show(a, &scr_contact);
	} else if (tkey_escape(k)) {
		app_show(a, &scr_home);
	} else {
		return false;
	}
	return true;
}

void
scr_contacts_help(const struct app *a, struct strbuf *sb)
{
	(void)a;
	strbuf_addf(
		sb, "%s\n",
		_("Fill in whom to call in an incident, in order. Entries marked as needed are what checklist 3-1 asks for. The vendors are added from the vendor register."));
	strbuf_addf(
		sb, "%s\n",
		_("The manager, the information systems security officer and the health centre entered at the first-time setup fill those rows, marked \"from the first-time setup\"; a change there changes the chart. A name typed here is kept instead; empty the name to follow the setup again. The report prints the chart as the contact chart (checklist 3-1)."));
}

const struct screen scr_contacts = {
	.name = "contacts",
	.enter = NULL,
	.draw = contacts_draw,
	.key = contacts_key,
	.help = scr_contacts_help,
};

/* ---- one entry ---- */

static char **
field_of(struct contact *ct, int f)
{
	return f == 0 ? &ct->name : f == 1 ? &ct->phone : &ct->note;
}

static void
contact_focus(struct app *a, int f)
{
	const char *t;

	a->cs.field = f;
	lineedit_release(&a->cs.le);
	t = *field_of(&a->cs.edit, f);
	lineedit_init(&a->cs.le, t != NULL ? t : "", CONTACT_TEXT_MAX);
}

static void
contact_enter(struct app *a)
{
	contact_focus(a, 0);
}

static int
contact_commit(struct app *a)
{
	char *t = lineedit_text(&a->cs.le);
	char **field = field_of(&a->cs.edit, a->cs.field);
	struct err e = ERR_INIT;
	int r = 0;

	if (strcmp(t, *field != NULL ? *field : "") != 0) {
		struct contact next;

		contact_copy(&next, &a->cs.edit);
		if (a->cs.field == 0)
			contact_set_name(&next, t, &a->yd.facility);
		else
			contact_set_text(field_of(&next, a->cs.field), t);
		if (contact_check(&next, &e) != 0 ||
		    store_contact_put(a->store, &next, &e) != 0) {
			app_status_err(a, &e);
			r = -1;
		} else {
			contact_release(&a->cs.edit);
			a->cs.edit = next;
			contact_put(&a->yd.contacts, &next);
			app_saved(a,
				  (const char *const[]){a->cs.edit.name,
							a->cs.edit.note},
				  2);
		}
		if (r != 0)
			contact_release(&next);
	}
	free(t);
	return r;
}

/*
 * Under the name: where the chart's name comes from when the field is
 * empty (初回設定), or what 初回設定 says when the field differs.
 */
static void
setup_note(const struct app *a, int y)
{
	const char *setup = contact_setup_name(&a->yd.facility, a->cs.edit.role);
	struct strbuf sb = STRBUF_INIT;

	if (setup == NULL)
		return;
	if (a->cs.edit.name == NULL)
		strbuf_addf(
			&sb,
			_("Left empty, the chart uses the name from the first-time setup: %s"),
			setup);
	else
		strbuf_addf(
			&sb,
			_("The first-time setup says %s; empty this field to use that name."),
			setup);
	draw_text(y, 26, sb.buf, COLS - 28, DRAW_DIM);
	strbuf_release(&sb);
}

static void
contact_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"Enter", N_("save and next")},
		{"Tab", N_("next field")},
		{"Esc", N_("back")},
	};
	const struct contact_role *r =
		content_role_find(a->yd.content, a->cs.edit.role);
	const char *labels[3];
	const char *hint = r != NULL ? r->hint : "";
	int f, y, hl = draw_wrapped_lines(hint, COLS - 4);

	labels[0] = _("Name or organisation");
	labels[1] = _("Phone");
	labels[2] = _("Email, hours, notes");
	app_keys(a, keys, 3);
	app_draw_title(a, r != NULL ? r->label : a->cs.edit.role);
	if (hl > 6)
		hl = 6;
	draw_wrapped(2, 2, COLS - 4, hint, 0, hl, DRAW_NORMAL);
	y = 2 + hl + 1;
	for (f = 0; f < 3; f++, y += 2) {
		const char *t = *field_of(&a->cs.edit, f);

		draw_text(y, 0, a->cs.field == f ? ">" : " ", 1, DRAW_BOLD);
		draw_text(y, 2, labels[f], 22,
			  a->cs.field == f ? DRAW_BOLD : DRAW_NORMAL);
		if (a->cs.field != f)
			draw_field(y, 26, t != NULL ? t : "", COLS - 28,
				   DRAW_UNDERLINE);
		if (f == 0)
			setup_note(a, y + 1);
	}
	lineedit_draw(&a->cs.le, 2 + hl + 1 + 2 * a->cs.field, 26, COLS - 28,
		      true);
}

static bool
contact_key(struct app *a, const struct tkey *k)
{
	switch (lineedit_key(&a->cs.le, k)) {
	case LE_ENTER:
	case LE_NEXT:
		if (contact_commit(a) == 0) {
			if (a->cs.field == 2) {
				/* back to the list, keeping a warning the
				 * save gave (a password in the note) */
				struct strbuf keep = STRBUF_INIT;
				unsigned attr = a->status_attr;

				strbuf_addstr(&keep, a->status.buf);
				app_show(a, &scr_contacts);
				if (attr == DRAW_WARN && keep.len > 0)
					app_status(a, DRAW_WARN, "%s",
						   keep.buf);
				strbuf_release(&keep);
			} else
				contact_focus(a, a->cs.field + 1);
		}
		break;
	case LE_PREV:
		if (contact_commit(a) == 0 && a->cs.field > 0)
			contact_focus(a, a->cs.field - 1);
		break;
	case LE_CANCEL:
		app_show(a, &scr_contacts);
		break;
	case LE_REFUSED:
		app_status_refused(a, &a->cs.le);
		break;
	default:
		break;
	}
	return true;
}

static bool
contact_typing(const struct app *a)
{
	(void)a;
	return true;
}

const struct screen scr_contact = {
	.name = "contact",
	.enter = contact_enter,
	.draw = contact_draw,
	.key = contact_key,
	.typing = contact_typing,
	.help = scr_contacts_help,
};

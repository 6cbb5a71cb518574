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

/* One line of the chart on screen. */
struct cline {
	int kind;    /* CL_HEAD, CL_VENDOR or CL_ROLE */
	size_t i;    /* the vendor or the role */
	const char *head; /* CL_HEAD: its text */
};

enum { CL_HEAD, CL_VENDOR, CL_ROLE };

/* The chart's lines: in-house roles, the vendors, the outside roles.
 * Returns how many (at most max). */
static size_t
chart_lines(const struct app *a, struct cline *l, size_t max)
{
	size_t n = 0, i, k;
	bool outside = false;

#define ADD(K, I, H)                                                           \
	do {                                                                   \
		if (n < max)                                                   \
			l[n++] = (struct cline){(K), (I), (H)};                \
	} while (0)
	ADD(CL_HEAD, 0, _("In-house"));
	for (i = 0; i < rows(a); i++) {
		if (a->yd.content->roles[i].outside && !outside) {
			outside = true;
			if (a->yd.vendors.n > 0)
				ADD(CL_HEAD, 0,
				    _("Vendors (from the vendor register)"));
			for (k = 0; k < a->yd.vendors.n; k++)
				ADD(CL_VENDOR, k, NULL);
			ADD(CL_HEAD, 0, _("Outside"));
		}
		ADD(CL_ROLE, i, NULL);
	}
#undef ADD
	return n;
}

/* The label of role r as the list shows it, and its value. */
static bool
role_text(const struct app *a, const struct contact_role *r,
	  struct strbuf *label, struct strbuf *value)
{
	struct contact_view cv;
	bool filled = contact_view(&a->yd.contacts, &a->yd.facility, r->id, &cv);

	strbuf_addstr(label, r->label);
	if (r->required)
		strbuf_addstr(label, _(" (needed)"));
	if (!filled) {
		strbuf_addstr(value, _("(not filled in)"));
		return false;
	}
	if (cv.name != NULL)
		strbuf_addstr(value, cv.name);
	if (cv.from_setup)
		strbuf_addstr(value, _(" (from the first-time setup)"));
	if (cv.phone != NULL)
		strbuf_addf(value, "  %s", cv.phone);
	return true;
}

static void
contacts_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("move")},  {"Enter", N_("edit")}, {"?", N_("help")},
		{"Esc", N_("home")}, {"q", N_("quit")},
	};
	struct cline lines[128];
	size_t n = chart_lines(a, lines, 128), i, focus_line = 0, first = 0;
	struct strbuf label = STRBUF_INIT, value = STRBUF_INIT;
	int y, top, bottom, lw = COLS / 2 - 4;

	app_keys(a, keys, 5);
	app_draw_title(a, _("Who to call in an incident"));
	top = app_intro(
		a,
		_("Whom to call in an incident. A name marked \"from the first-time setup\" follows what was entered there until you type another one here. The vendors come from the vendor register."));
	bottom = app_status_row(a) - 3; /* then the focused row, whole */
	for (i = 0; i < n; i++) {
		if (lines[i].kind == CL_ROLE && (int)lines[i].i == a->cs.focus)
			focus_line = i;
	}
	/* scroll so the focused row shows, with its heading when it can */
	if (focus_line >= (size_t)(bottom - top))
		first = focus_line - (size_t)(bottom - top) + 1;
	if (first > 0)
		draw_text(top - 1, COLS - 10, _("(more)"), 9, DRAW_DIM);
	for (i = first, y = top; i < n && y < bottom; i++, y++) {
		const struct cline *l = &lines[i];

		strbuf_reset(&label);
		strbuf_reset(&value);
		if (l->kind == CL_HEAD) {
			draw_text(y, 2, l->head, -1, DRAW_BOLD);
		} else if (l->kind == CL_VENDOR) {
			const struct vendor *v = &a->yd.vendors.v[l->i];

			strbuf_addstr(&value, v->name);
			if (v->phone != NULL)
				strbuf_addf(&value, " %s", v->phone);
			draw_text(y, 4, value.buf, COLS - 6, DRAW_NORMAL);
		} else {
			const struct contact_role *r =
				&a->yd.content->roles[l->i];
			bool foc = a->cs.focus == (int)l->i;
			bool filled = role_text(a, r, &label, &value);

			draw_text(y, 2, foc ? ">" : " ", 1, DRAW_BOLD);
			draw_field(y, 4, label.buf, lw,
				   foc ? DRAW_REVERSE : DRAW_NORMAL);
			draw_text(y, 5 + lw, value.buf, COLS - 6 - lw,
				  filled        ? DRAW_NORMAL
				  : r->required ? DRAW_WARN
						: DRAW_DIM);
		}
	}
	if (i < n)
		draw_text(bottom, COLS - 10, _("(more)"), 9, DRAW_DIM);
	/* the focused row whole: a long label or value is cut above */
	if (a->cs.focus >= 0 && (size_t)a->cs.focus < rows(a)) {
		strbuf_reset(&label);
		strbuf_reset(&value);
		role_text(a, &a->yd.content->roles[a->cs.focus], &label,
			  &value);
		strbuf_addf(&label, _(": %s"), value.buf);
		draw_wrapped(bottom + 1, 2, COLS - 4, label.buf, 0, 2,
			     DRAW_DIM);
	}
	strbuf_release(&label);
	strbuf_release(&value);
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
		scr_contact_open(a, a->yd.content->roles[a->cs.focus].id);
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

enum { CT_NAME, CT_PHONE, CT_NOTE, CT_BACK, CT__COUNT };

static const struct form_field fields[CT__COUNT] = {
	[CT_NAME] = {FORM_TEXT, N_("Name or organisation"), NULL,
		     N_("the person or the office to call."), CONTACT_TEXT_MAX,
		     2, 0},
	[CT_PHONE] = {FORM_TEXT, N_("Phone"),
		      N_("Digits and hyphens, e.g. 03-1234-5678."), NULL,
		      CONTACT_TEXT_MAX, 1, 1},
	[CT_NOTE] = {FORM_TEXT, N_("Email, hours, notes"),
		     N_("Please do not write passwords here: the note can be printed in the report."),
		     NULL, CONTACT_TEXT_MAX, 1, 1},
	[CT_BACK] = {FORM_BUTTON, NULL, NULL, NULL, 0, 1, 1},
};

static char **
field_of(struct contact *ct, int f)
{
	return f == CT_NAME ? &ct->name : f == CT_PHONE ? &ct->phone : &ct->note;
}

void
scr_contact_open(struct app *a, const char *role)
{
	const struct contact *ct = contact_find(&a->yd.contacts, role);

	contact_release(&a->cs.edit);
	if (ct != NULL)
		contact_copy(&a->cs.edit, ct);
	else
		strcpy(a->cs.edit.role, role);
	app_show(a, &scr_contact);
}

static void
value(void *ctx, int f, struct strbuf *out)
{
	struct app *a = ctx;
	const char *t;

	if (f == CT_BACK) {
		strbuf_addstr(out, _("[ Back to the contact chart ]"));
		return;
	}
	t = *field_of(&a->cs.edit, f);
	strbuf_addstr(out, t != NULL ? t : "");
}

static int
commit(void *ctx, int f, const char *text)
{
	struct app *a = ctx;
	char **field = field_of(&a->cs.edit, f);
	struct contact next;
	struct err e = ERR_INIT;

	if (strcmp(text, *field != NULL ? *field : "") == 0)
		return 0;
	contact_copy(&next, &a->cs.edit);
	if (f == CT_NAME)
		contact_set_name(&next, text, &a->yd.facility);
	else
		contact_set_text(field_of(&next, f), text);
	if (contact_check(&next, &e) != 0 ||
	    store_contact_put(a->store, &next, &e) != 0) {
		form_error(&a->cs.form, "%s", e.msg);
		app_status_err(a, &e);
		contact_release(&next);
		return -1;
	}
	contact_release(&a->cs.edit);
	a->cs.edit = next;
	contact_put(&a->yd.contacts, &next);
	app_saved(a, (const char *const[]){a->cs.edit.name, a->cs.edit.note},
		  2);
	return 0;
}

/*
 * Under the name: where the chart's name comes from when the field is
 * empty (初回設定), or what 初回設定 says when the field differs.
 */
static void
note(void *ctx, int f, struct strbuf *out, unsigned *attr)
{
	struct app *a = ctx;
	const char *setup =
		contact_setup_name(&a->yd.facility, a->cs.edit.role);

	*attr = DRAW_DIM;
	if (f != CT_NAME || setup == NULL)
		return;
	if (a->cs.edit.name == NULL)
		strbuf_addf(
			out,
			_("Left empty, the chart uses the name from the first-time setup: %s"),
			setup);
	else
		strbuf_addf(
			out,
			_("The first-time setup says %s; empty this field to use that name."),
			setup);
}

static void
activate(void *ctx, int f)
{
	(void)f;
	app_form_leave(ctx, &scr_contacts);
}

static const struct form_ops ops = {
	.value = value,
	.commit = commit,
	.note = note,
	.activate = activate,
	.say = app_form_say,
};

static void
contact_enter(struct app *a)
{
	struct form *fm = &a->cs.form;

	form_release(fm);
	form_init(fm, fields, CT__COUNT, &ops, a);
	fm->leave = N_("back to the chart");
	fm->field_x = 26;
	form_focus(fm, CT_NAME, 1);
}

static void
contact_draw(struct app *a)
{
	const struct contact_role *r =
		content_role_find(a->yd.content, a->cs.edit.role);
	int y;

	app_form_keys(a, &a->cs.form);
	app_draw_title(a, r != NULL ? r->label : a->cs.edit.role);
	y = app_intro(a, r != NULL ? r->hint : "");
	form_draw(&a->cs.form, y, app_status_row(a) - 3,
		  app_status_row(a) - 2);
}

static bool
contact_key(struct app *a, const struct tkey *k)
{
	return app_form_key(a, &a->cs.form, k, &scr_contacts);
}

static bool
contact_typing(const struct app *a)
{
	return a->cs.form.editing;
}

const struct screen scr_contact = {
	.name = "contact",
	.enter = contact_enter,
	.draw = contact_draw,
	.key = contact_key,
	.typing = contact_typing,
	.help = scr_contacts_help,
};

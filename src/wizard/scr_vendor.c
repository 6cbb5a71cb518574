/* One vendor: its details, and the way to its questions. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "model/request.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

enum {
	VF_NAME,
	VF_CONTACT,
	VF_PHONE,
	VF_EMAIL,
	VF_SYSTEMS,
	VF_CONTRACT,
	VF_MEMO,
	VF_QUESTIONS,
	VF_FORM,
	VF__COUNT
};

#define VF_LABEL_X 2
#define VF_FIELD_X 24

static bool
is_text(int f)
{
	return f == VF_NAME || f == VF_CONTACT || f == VF_PHONE ||
	       f == VF_EMAIL || f == VF_MEMO;
}

static char **
text_field(struct vendor *v, int f)
{
	switch (f) {
	case VF_NAME:
		return &v->name;
	case VF_CONTACT:
		return &v->contact;
	case VF_PHONE:
		return &v->phone;
	case VF_EMAIL:
		return &v->email;
	case VF_MEMO:
		return &v->memo;
	}
	BUG("not a text field %d", f);
}

static const char *
label(int f)
{
	switch (f) {
	case VF_NAME:
		return _("Vendor name");
	case VF_CONTACT:
		return _("Person in charge");
	case VF_PHONE:
		return _("Phone");
	case VF_EMAIL:
		return _("Email");
	case VF_SYSTEMS:
		/* TRANSLATORS: short label on the vendor screen; ja: システム
		 */
		return _("Systems");
	case VF_CONTRACT:
		return _("Contract");
	case VF_MEMO:
		return _("Memo");
	}
	return "";
}

static void
focus(struct app *a, int f)
{
	struct vendor_state *s = &a->vs;

	s->focus = f;
	s->editing = false;
	lineedit_release(&s->le);
	if (is_text(f)) {
		const char *t = *text_field(&s->edit, f);

		lineedit_init(&s->le, t != NULL ? t : "",
			      f == VF_MEMO ? VENDOR_MEMO_MAX : VENDOR_TEXT_MAX);
		s->editing = true;
	}
}

static void
vendor_enter(struct app *a)
{
	/* Opened from the list (focus < 0): a new vendor starts at its name,
	 * a known one at its questions. Coming back keeps the place. */
	if (a->vs.focus < 0)
		a->vs.focus = a->vs.edit.id == 0 ? VF_NAME : VF_QUESTIONS;
	focus(a, a->vs.focus);
}

/* Saves a->vs.edit; on success the register gets the new copy. */
static int
save(struct app *a)
{
	struct vendor *v = &a->vs.edit;
	struct err e = ERR_INIT;
	size_t i;

	if (vendor_check(v, &e) != 0 ||
	    store_vendor_put(a->store, v, &e) != 0) {
		app_status_err(a, &e);
		return -1;
	}
	for (i = 0; i < a->yd.vendors.n; i++) {
		if (a->yd.vendors.v[i].id == v->id) {
			vendor_release(&a->yd.vendors.v[i]);
			vendor_copy(&a->yd.vendors.v[i], v);
			break;
		}
	}
	if (i == a->yd.vendors.n) {
		vendor_list_add(&a->yd.vendors, v);
		a->vs.list_focus = (int)i;
	}
	app_saved(a, (const char *const[]){v->contact, v->memo}, 2);
	return 0;
}

static int
commit_text(struct app *a)
{
	struct vendor_state *s = &a->vs;
	char **field = text_field(&s->edit, s->focus);
	char *t = lineedit_text(&s->le);
	char *old = *field != NULL ? xstrdup(*field) : NULL;
	int r = 0;

	if (strcmp(t, old != NULL ? old : "") != 0) {
		vendor_set_text(field, t);
		r = save(a);
		if (r != 0) /* keep the typed text in the field, not in edit */
			vendor_set_text(field, old);
	}
	free(old);
	free(t);
	return r;
}

static void
draw_systems(struct app *a, int y)
{
	const struct content *c = a->yd.content;
	int x = VF_FIELD_X;
	size_t i;

	for (i = 0; i < c->nsystems; i++) {
		struct strbuf sb = STRBUF_INIT;
		bool on = vendor_has_system(&a->vs.edit, c->systems[i].id);
		bool foc =
			a->vs.focus == VF_SYSTEMS && a->vs.sys_focus == (int)i;
		int w;

		strbuf_addf(&sb, "[%s]%s", on ? "x" : " ", c->systems[i].label);
		w = (int)utf8_width(sb.buf);
		if (x + w > COLS - 1 && x > VF_FIELD_X) {
			y++;
			x = VF_FIELD_X;
		}
		draw_text(y, x, sb.buf, -1, foc ? DRAW_REVERSE : DRAW_NORMAL);
		x += w + 1;
		strbuf_release(&sb);
	}
}

static void
vendor_draw(struct app *a)
{
	static const struct keyhelp keys_text[] = {
		{"Enter", N_("save and next")},
		{"Tab", N_("next field")},
		{"Esc", N_("undo")},
	};
	static const struct keyhelp keys_other[] = {
		{"↑↓", N_("move")},
		{"←→", N_("choose")},
		{"Space", N_("tick")},
		{"Enter", N_("open")},
		{"Esc", N_("back to the list")},
		{"q", N_("quit")},
	};
	struct vendor_state *s = &a->vs;
	struct strbuf sb = STRBUF_INIT;
	int f, y, edit_y = 0;
	const struct choice *k;

	if (s->editing)
		app_keys(a, keys_text, 3);
	else
		app_keys(a, keys_other, 6);
	app_draw_title(a,
		       s->edit.name != NULL ? s->edit.name : _("New vendor"));
	for (f = 0, y = 2; f < VF__COUNT; f++, y++) {
		bool foc = s->focus == f;

		if (f == VF_QUESTIONS)
			y++;
		draw_text(y, VF_LABEL_X - 2, foc ? ">" : " ", 1, DRAW_BOLD);
		if (f == VF_QUESTIONS || f == VF_FORM) {
			struct vendor_progress p;

			strbuf_reset(&sb);
			{
				struct request_ctx x;
				year_data_request_ctx(&a->yd, &x);
				request_progress(&x, &s->edit, &p);
			}
			if (f == VF_QUESTIONS)
				strbuf_addf(
					&sb,
					_("[ Check the contract: %zu of %zu answered ]"),
					p.answered, p.questions);
			else if (s->edit.contract[0] == '\0')
				strbuf_addf(
					&sb,
					_("[ %s: choose the contract first ]"),
					a->yd.edition->vendor_form);
			else if (vendor_has_contract(&s->edit))
				strbuf_addf(
					&sb,
					_("[ %s returned: %zu of %zu confirmed ]"),
					a->yd.edition->vendor_form, p.confirmed,
					p.form);
			else
				strbuf_addf(
					&sb,
					_("[ %s: not needed without a contract ]"),
					a->yd.edition->vendor_form);
			draw_text(y, VF_LABEL_X, sb.buf, -1,
				  foc ? DRAW_REVERSE | DRAW_BOLD : DRAW_BOLD);
			if (f == VF_FORM) {
				strbuf_reset(&sb);
				strbuf_addf(
					&sb,
					_("Requests on this vendor's sheet in the report: %zu"),
					p.requests);
				draw_text(y + 2, VF_LABEL_X, sb.buf, -1,
					  DRAW_NORMAL);
			}
			continue;
		}
		draw_text(y, VF_LABEL_X, label(f), VF_FIELD_X - VF_LABEL_X - 1,
			  foc ? DRAW_BOLD : DRAW_NORMAL);
		if (is_text(f)) {
			const char *t = *text_field(&s->edit, f);

			if (foc && s->editing)
				edit_y = y;
			else
				draw_field(y, VF_FIELD_X, t != NULL ? t : "",
					   COLS - VF_FIELD_X - 2,
					   DRAW_UNDERLINE);
		} else if (f == VF_SYSTEMS) {
			draw_systems(a, y);
			y++; /* two rows */
		} else if (f == VF_CONTRACT) {
			k = content_choice_find(a->yd.content->contracts,
						a->yd.content->ncontracts,
						s->edit.contract);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "< %s >",
				    k != NULL ? k->label : _("choose"));
			draw_text(y, VF_FIELD_X, sb.buf, -1,
				  foc ? DRAW_REVERSE : DRAW_NORMAL);
		}
	}
	if (s->editing)
		lineedit_draw(&s->le, edit_y, VF_FIELD_X, COLS - VF_FIELD_X - 2,
			      true);
	strbuf_release(&sb);
}

static void
move_focus(struct app *a, int dir)
{
	int f = a->vs.focus + dir;

	if (f < 0)
		f = 0;
	if (f >= VF__COUNT)
		f = VF__COUNT - 1;
	focus(a, f);
}

static void
cycle_contract(struct app *a, int dir)
{
	const struct content *c = a->yd.content;
	struct vendor *v = &a->vs.edit;
	size_t i, cur = c->ncontracts;
	char old[CONTENT_ID_MAX + 1];

	for (i = 0; i < c->ncontracts; i++) {
		if (strcmp(c->contracts[i].id, v->contract) == 0)
			cur = i;
	}
	if (cur == c->ncontracts)
		cur = dir > 0 ? 0 : c->ncontracts - 1;
	else
		cur = (cur + c->ncontracts +
		       (dir > 0 ? 1 : c->ncontracts - 1)) %
		      c->ncontracts;
	strcpy(old, v->contract);
	strcpy(v->contract, c->contracts[cur].id);
	if (save(a) != 0)
		strcpy(v->contract, old);
}

static void
toggle_system(struct app *a)
{
	const char *id = a->yd.content->systems[a->vs.sys_focus].id;

	vendor_toggle_system(&a->vs.edit, id);
	if (save(a) != 0)
		vendor_toggle_system(&a->vs.edit, id);
}

static bool
needs_saved(struct app *a)
{
	if (a->vs.edit.id != 0)
		return false;
	app_status(a, DRAW_ERROR, "%s", _("enter the vendor's name first"));
	focus(a, VF_NAME);
	return true;
}

static bool
vendor_key(struct app *a, const struct tkey *k)
{
	struct vendor_state *s = &a->vs;

	if (s->editing) {
		enum lineedit_result r = lineedit_key(&s->le, k);

		if ((r == LE_ENTER || r == LE_NEXT || r == LE_PREV) &&
		    s->edit.id == 0 && s->focus == VF_NAME && s->le.len == 0) {
			/* a new vendor is nothing without its name */
			app_status(a, DRAW_ERROR, "%s",
				   _("enter the vendor's name"));
			return true;
		}
		switch (r) {
		case LE_ENTER:
		case LE_NEXT:
			if (commit_text(a) == 0)
				move_focus(a, 1);
			break;
		case LE_PREV:
			if (commit_text(a) == 0)
				move_focus(a, -1);
			break;
		case LE_CANCEL:
			s->editing = false;
			app_status(a, DRAW_NORMAL, "%s",
				   _("The field was left unchanged."));
			break;
		case LE_REFUSED:
			app_status_refused(a, &s->le);
			break;
		default:
			break;
		}
		return true;
	}
	if (tkey_fn(k, KEY_UP) || tkey_backtab(k)) {
		move_focus(a, -1);
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		move_focus(a, 1);
	} else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_RIGHT)) {
		int dir = tkey_fn(k, KEY_LEFT) ? -1 : 1;

		if (s->focus == VF_SYSTEMS) {
			int n = (int)a->yd.content->nsystems;

			s->sys_focus = (s->sys_focus + n + dir) % n;
		} else if (s->focus == VF_CONTRACT && !needs_saved(a)) {
			cycle_contract(a, dir);
		}
	} else if (tkey_is(k, L' ') || tkey_enter(k)) {
		if (is_text(s->focus))
			focus(a, s->focus);
		else if (s->focus == VF_SYSTEMS && !needs_saved(a))
			toggle_system(a);
		else if (s->focus == VF_CONTRACT)
			move_focus(a, 1);
		else if ((s->focus == VF_QUESTIONS || s->focus == VF_FORM) &&
			 !needs_saved(a)) {
			if (s->focus == VF_FORM &&
			    !vendor_has_contract(&s->edit)) {
				app_status(
					a, DRAW_NORMAL,
					_("%s is not needed from a vendor without a contract."),
					a->yd.edition->vendor_form);
				return true;
			}
			s->mode = s->focus == VF_FORM ? VQ_FORM : VQ_CONTRACT;
			s->back = &scr_vendor;
			s->step = 0;
			app_show(a, &scr_vquest);
		}
	} else if (tkey_escape(k)) {
		app_show(a, &scr_vendors);
	} else {
		return false;
	}
	return true;
}

const struct screen scr_vendor = {
	.name = "vendor",
	.enter = vendor_enter,
	.draw = vendor_draw,
	.key = vendor_key,
};

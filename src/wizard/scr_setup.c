/* 初回設定: the facility, its 点検年度 and the checklist edition. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

enum {
	SF_NAME,
	SF_TYPE,
	SF_MANAGER,
	SF_OFFICER,
	SF_CHECKER,
	SF_HEALTH,
	SF_YEAR,
	SF_EDITION,
	SF_BUTTON,
	SF__COUNT
};

#define LABEL_X 2
#define FIELD_X 36

static bool
is_text(int f)
{
	return f == SF_NAME || f == SF_MANAGER || f == SF_OFFICER ||
	       f == SF_CHECKER || f == SF_HEALTH;
}

static char **
text_field(struct facility *f, int field)
{
	switch (field) {
	case SF_NAME:
		return &f->name;
	case SF_MANAGER:
		return &f->manager;
	case SF_OFFICER:
		return &f->officer;
	case SF_CHECKER:
		return &f->checker;
	case SF_HEALTH:
		return &f->health_center;
	}
	BUG("not a text field %d", field);
}

static const char *
label(int field)
{
	switch (field) {
	case SF_NAME:
		return _("Facility name");
	case SF_TYPE:
		return _("Type of facility");
	case SF_MANAGER:
		return _("Manager (kanrisha)");
	case SF_OFFICER:
		return _("Medical information system security officer");
	case SF_CHECKER:
		return _("Who did this check");
	case SF_HEALTH:
		return _("Public health centre in charge");
	case SF_YEAR:
		return _("Fiscal year checked");
	case SF_EDITION:
		return _("Checklist edition");
	}
	return "";
}

static int
this_fy(const struct app *a)
{
	return date_fiscal_year(&a->today);
}

/* Starts editing the focused field when it is a text field. */
static void
focus_field(struct app *a, int field)
{
	struct setup_state *s = &a->setup;

	s->focus = field;
	s->editing = false;
	lineedit_release(&s->le);
	if (is_text(field)) {
		lineedit_init(
			&s->le,
			facility_text(*text_field(&a->yd.facility, field)),
			FACILITY_TEXT_MAX);
		s->editing = true;
	}
}

static void
setup_enter(struct app *a)
{
	struct setup_state *s = &a->setup;

	s->first_run = !facility_complete(&a->yd.facility);
	if (a->yd.facility.year == 0) {
		const struct edition *ed;

		a->yd.facility.year = this_fy(a);
		ed = content_edition_for_year(a->yd.content,
					      a->yd.facility.year);
		if (ed != NULL)
			strcpy(a->yd.facility.edition, ed->id);
	}
	focus_field(a, SF_NAME);
}

/* Saves a copy of the facility with one change applied by the caller. */
static int
save(struct app *a, struct facility *f)
{
	int r = app_facility_save(a, f);

	facility_release(f);
	return r;
}

/* Commits the text being edited. Returns 0 or -1 (status shows why). */
static int
commit_text(struct app *a)
{
	struct setup_state *s = &a->setup;
	struct facility f;
	char *t = lineedit_text(&s->le);
	const char *old = facility_text(*text_field(&a->yd.facility, s->focus));
	int r = 0;

	if (strcmp(t, old) != 0) {
		facility_copy(&f, &a->yd.facility);
		facility_set_text(text_field(&f, s->focus), t);
		r = save(a, &f);
	}
	free(t);
	return r;
}

static void
cycle(struct app *a, int field, int dir)
{
	struct facility f;

	facility_copy(&f, &a->yd.facility);
	if (field == SF_TYPE) {
		int t = (int)f.type + dir;

		if (t < FACILITY_HOSPITAL)
			t = FACILITY__COUNT - 1;
		if (t >= FACILITY__COUNT)
			t = FACILITY_HOSPITAL;
		f.type = (enum facility_type)t;
	} else if (field == SF_YEAR) {
		const struct edition *ed;
		int y = f.year + dir;

		if (y < FACILITY_FIRST_YEAR || y > this_fy(a) + 1) {
			facility_release(&f);
			app_status(
				a, DRAW_ERROR, "%s",
				_("that is the first or last fiscal year you can choose"));
			return;
		}
		f.year = y;
		ed = content_edition_for_year(a->yd.content, y);
		if (ed != NULL)
			strcpy(f.edition, ed->id);
	} else if (field == SF_EDITION) {
		const struct content *c = a->yd.content;
		size_t i, cur = 0;

		for (i = 0; i < c->neditions; i++) {
			if (strcmp(c->editions[i].id, f.edition) == 0)
				cur = i;
		}
		cur = (cur + c->neditions +
		       (size_t)(dir > 0 ? 1 : c->neditions - 1)) %
		      c->neditions;
		strcpy(f.edition, c->editions[cur].id);
	}
	save(a, &f);
}

static void
finish(struct app *a)
{
	if (a->yd.facility.name == NULL) {
		app_status(a, DRAW_ERROR, "%s", _("enter the facility name"));
		focus_field(a, SF_NAME);
		return;
	}
	if (a->yd.facility.type == FACILITY_NONE) {
		app_status(
			a, DRAW_ERROR, "%s",
			_("choose the type of facility with the left and right arrow keys"));
		focus_field(a, SF_TYPE);
		return;
	}
	if (!facility_complete(&a->yd.facility)) {
		struct facility f;

		/* The year and edition shown are defaults not saved yet. */
		facility_copy(&f, &a->yd.facility);
		if (save(a, &f) != 0)
			return;
	}
	a->home_focus = 0;
	app_show(a, &scr_home);
}

static void
draw_choice(int y, const char *text, bool focused)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "< %s >", text);
	draw_text(y, FIELD_X, sb.buf, -1, focused ? DRAW_REVERSE : DRAW_NORMAL);
	strbuf_release(&sb);
}

static void
setup_draw(struct app *a)
{
	struct setup_state *s = &a->setup;
	const struct edition *ed =
		content_edition_find(a->yd.content, a->yd.facility.edition);
	const struct edition *def =
		content_edition_for_year(a->yd.content, a->yd.facility.year);
	struct strbuf sb = STRBUF_INIT;
	static const struct keyhelp keys_text[] = {
		{"Enter", N_("next")},
		{"Tab", N_("next field")},
		{"Esc", N_("undo")},
		{"?", N_("help")},
	};
	static const struct keyhelp keys_other[] = {
		{"↑↓", N_("move")},      {"←→", N_("choose")},
		{"Enter", N_("select")}, {"?", N_("help")},
		{"q", N_("quit")},
	};
	struct keyhelp keys[5];
	size_t i, nk;
	int f, y = 3, fy = 0;

	app_draw_title(a, s->first_run ? _("First-time setup")
				       : _("Facility and fiscal year"));
	draw_wrapped(
		2, 2, COLS - 4,
		_("Enter your facility's details. Each entry is saved as soon as you leave the field."),
		0, 1, DRAW_DIM);
	for (f = 0; f < SF_BUTTON; f++) {
		bool foc = s->focus == f;

		y = 4 + f * 2;
		draw_text(y, LABEL_X, foc ? ">" : " ", 1, DRAW_BOLD);
		draw_text(y, LABEL_X + 2, label(f), FIELD_X - LABEL_X - 3,
			  foc ? DRAW_BOLD : DRAW_NORMAL);
		if (is_text(f)) {
			if (foc && s->editing) {
				fy = y;
				continue; /* drawn last, to own the cursor */
			}
			draw_field(
				y, FIELD_X,
				facility_text(*text_field(&a->yd.facility, f)),
				COLS - FIELD_X - 2, DRAW_UNDERLINE);
		} else if (f == SF_TYPE) {
			draw_choice(y, facility_type_label(a->yd.facility.type),
				    foc);
		} else if (f == SF_YEAR) {
			strbuf_reset(&sb);
			date_add_fy_name(&sb, a->yd.facility.year);
			draw_choice(y, sb.buf, foc);
		} else if (f == SF_EDITION) {
			draw_choice(y, ed ? ed->name : "?", foc);
			strbuf_reset(&sb);
			if (ed != NULL && def != NULL && ed != def)
				strbuf_addf(
					&sb,
					_("Note: the usual edition for this fiscal year is %s."),
					def->name);
			else if (ed != NULL)
				strbuf_addstr(&sb, ed->title);
			/* two rows: the official title does not fit one */
			draw_wrapped(y + 1, FIELD_X, COLS - FIELD_X - 2, sb.buf,
				     0, 2, ed != def ? DRAW_WARN : DRAW_DIM);
		}
	}
	y = 4 + SF_BUTTON * 2 + 1;
	draw_text(y, FIELD_X,
		  s->first_run ? _("[ Save and start ]")
			       : _("[ Back to home ]"),
		  -1,
		  s->focus == SF_BUTTON ? DRAW_REVERSE | DRAW_BOLD : DRAW_BOLD);
	nk = s->editing ? 4 : 5;
	for (i = 0; i < nk; i++) {
		keys[i] = s->editing ? keys_text[i] : keys_other[i];
		keys[i].what = _(keys[i].what);
	}
	app_keybar(a, keys, nk);
	if (s->editing)
		lineedit_draw(&s->le, fy, FIELD_X, COLS - FIELD_X - 2, true);
	strbuf_release(&sb);
}

static void
move_focus(struct app *a, int dir)
{
	int f = a->setup.focus + dir;

	if (f < 0)
		f = 0;
	if (f >= SF__COUNT)
		f = SF__COUNT - 1;
	focus_field(a, f);
}

static bool
setup_key(struct app *a, const struct tkey *k)
{
	struct setup_state *s = &a->setup;

	if (s->editing) {
		switch (lineedit_key(&s->le, k)) {
		case LE_ENTER:
		case LE_NEXT:
			if (commit_text(a) == 0)
				move_focus(a, 1);
			return true;
		case LE_PREV:
			if (commit_text(a) == 0)
				move_focus(a, -1);
			return true;
		case LE_CANCEL:
			s->editing = false;
			return true;
		case LE_REFUSED:
			app_status_refused(a, &s->le);
			return true;
		default:
			return true;
		}
	}
	if (tkey_fn(k, KEY_UP) || tkey_backtab(k)) {
		move_focus(a, -1);
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		move_focus(a, 1);
	} else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_RIGHT)) {
		if (s->focus == SF_TYPE || s->focus == SF_YEAR ||
		    s->focus == SF_EDITION)
			cycle(a, s->focus, tkey_fn(k, KEY_LEFT) ? -1 : 1);
	} else if (tkey_enter(k)) {
		if (s->focus == SF_BUTTON)
			finish(a);
		else if (is_text(s->focus))
			focus_field(a, s->focus);
		else
			move_focus(a, 1);
	} else if (tkey_escape(k)) {
		if (!s->first_run && facility_complete(&a->yd.facility))
			app_show(a, &scr_home);
	} else {
		return false;
	}
	return true;
}

const struct screen scr_setup = {
	.name = "setup",
	.enter = setup_enter,
	.draw = setup_draw,
	.key = setup_key,
};

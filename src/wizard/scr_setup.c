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

static const struct form_field fields[SF__COUNT] = {
	[SF_NAME] = {FORM_TEXT, N_("Facility name"),
		     N_("The facility's official name."),
		     N_("printed on the cover of the report."),
		     FACILITY_TEXT_MAX, 1, 0},
	[SF_TYPE] = {FORM_CHOICE, N_("Type of facility"),
		     N_("Enter shows the types; the arrows change it."),
		     N_("hospital, clinic with or without beds, dental clinic or pharmacy."),
		     0, 1, 0},
	[SF_MANAGER] = {FORM_TEXT, N_("Manager (kanrisha)"),
			N_("The manager under the Medical Care Act (usually the director)."),
			NULL, FACILITY_TEXT_MAX, 1, 0},
	[SF_OFFICER] = {FORM_TEXT,
			N_("Medical information system security officer"),
			N_("The person responsible for the security of the medical information systems."),
			NULL, FACILITY_TEXT_MAX, 1, 0},
	[SF_CHECKER] = {FORM_TEXT, N_("Who did this check"),
			N_("The person who answers the questions here; printed on the cover."),
			N_("the person who answers the questions here; the name is printed on the cover of the report."),
			FACILITY_TEXT_MAX, 1, 0},
	[SF_HEALTH] = {FORM_TEXT, N_("Public health centre in charge"),
		       N_("The public health centre that inspects the facility."),
		       NULL, FACILITY_TEXT_MAX, 1, 0},
	[SF_YEAR] = {FORM_CHOICE, N_("Fiscal year checked"),
		     N_("The fiscal year runs from 1 April to 31 March."),
		     N_("it chooses the checklist edition: Reiwa 7 uses the Reiwa 7 edition, Reiwa 8 and later the Reiwa 8 edition."),
		     0, 1, 0},
	[SF_EDITION] = {FORM_CHOICE, N_("Checklist edition"), NULL,
			N_("normally the one for the fiscal year: it changes by itself when the year is chosen."),
			0, 3, 0},
	[SF_BUTTON] = {FORM_BUTTON, NULL, NULL, NULL, 0, 1, 1},
};

static bool
is_text(int f)
{
	return fields[f].kind == FORM_TEXT;
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

static int
this_fy(const struct app *a)
{
	return date_fiscal_year(&a->today);
}

/* Saves a copy of the facility with one change applied by the caller. */
static int
save(struct app *a, struct facility *f)
{
	int r = app_facility_save(a, f);

	facility_release(f);
	return r;
}

static void
value(void *ctx, int f, struct strbuf *out)
{
	struct app *a = ctx;
	const struct edition *ed;

	if (is_text(f)) {
		strbuf_addstr(out, facility_text(*text_field(&a->yd.facility, f)));
		return;
	}
	switch (f) {
	case SF_TYPE:
		strbuf_addstr(out, facility_type_label(a->yd.facility.type));
		break;
	case SF_YEAR:
		date_add_fy_name(out, a->yd.facility.year);
		break;
	case SF_EDITION:
		ed = content_edition_find(a->yd.content, a->yd.facility.edition);
		strbuf_addstr(out, ed != NULL ? ed->name : "?");
		break;
	case SF_BUTTON:
		strbuf_addstr(out, a->setup.first_run ? _("[ Save and start ]")
						      : _("[ Back to home ]"));
		break;
	}
}

/* Under the edition: its official title, or that it is not the usual
 * one for the year. */
static void
note(void *ctx, int f, struct strbuf *out, unsigned *attr)
{
	struct app *a = ctx;
	const struct edition *ed =
		content_edition_find(a->yd.content, a->yd.facility.edition);
	const struct edition *def =
		content_edition_for_year(a->yd.content, a->yd.facility.year);

	if (f != SF_EDITION || ed == NULL)
		return;
	if (def != NULL && ed != def) {
		strbuf_addf(out,
			    _("Note: the usual edition for this fiscal year is %s."),
			    def->name);
		*attr = DRAW_WARN;
	} else {
		strbuf_addstr(out, ed->title);
	}
}

static int
commit(void *ctx, int field, const char *text)
{
	struct app *a = ctx;
	struct facility f;

	if (strcmp(text, facility_text(*text_field(&a->yd.facility, field))) == 0)
		return 0;
	facility_copy(&f, &a->yd.facility);
	facility_set_text(text_field(&f, field), text);
	return save(a, &f);
}

static size_t
count(void *ctx, int f)
{
	struct app *a = ctx;

	if (f == SF_TYPE)
		return FACILITY__COUNT - FACILITY_HOSPITAL;
	if (f == SF_YEAR)
		return (size_t)(this_fy(a) + 1 - FACILITY_FIRST_YEAR + 1);
	return a->yd.content->neditions;
}

static void
option(void *ctx, int f, size_t i, struct strbuf *out)
{
	struct app *a = ctx;

	if (f == SF_TYPE)
		strbuf_addstr(out, facility_type_label(
					   (enum facility_type)(
						   FACILITY_HOSPITAL + (int)i)));
	else if (f == SF_YEAR)
		date_add_fy_name(out, FACILITY_FIRST_YEAR + (int)i);
	else
		strbuf_addstr(out, a->yd.content->editions[i].name);
}

static long
current(void *ctx, int f)
{
	struct app *a = ctx;
	size_t i;

	if (f == SF_TYPE)
		return a->yd.facility.type == FACILITY_NONE
			       ? -1
			       : (long)a->yd.facility.type - FACILITY_HOSPITAL;
	if (f == SF_YEAR)
		return a->yd.facility.year - FACILITY_FIRST_YEAR;
	for (i = 0; i < a->yd.content->neditions; i++) {
		if (strcmp(a->yd.content->editions[i].id, a->yd.facility.edition) ==
		    0)
			return (long)i;
	}
	return -1;
}

static int
choose(void *ctx, int field, size_t i)
{
	struct app *a = ctx;
	struct facility f;

	facility_copy(&f, &a->yd.facility);
	if (field == SF_TYPE) {
		f.type = (enum facility_type)(FACILITY_HOSPITAL + (int)i);
	} else if (field == SF_YEAR) {
		const struct edition *ed;

		f.year = FACILITY_FIRST_YEAR + (int)i;
		ed = content_edition_for_year(a->yd.content, f.year);
		if (ed != NULL)
			strcpy(f.edition, ed->id);
	} else {
		strcpy(f.edition, a->yd.content->editions[i].id);
	}
	return save(a, &f);
}

static void
finish(void *ctx, int field)
{
	struct app *a = ctx;
	struct form *fm = &a->setup.form;

	(void)field;
	if (a->yd.facility.name == NULL) {
		form_focus(fm, SF_NAME, 1);
		form_error(fm, "%s", _("enter the facility name"));
		return;
	}
	if (a->yd.facility.type == FACILITY_NONE) {
		form_focus(fm, SF_TYPE, 1);
		form_error(
			fm, "%s",
			_("choose the type of facility: Enter shows the types"));
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

static const struct form_ops ops = {
	.value = value,
	.commit = commit,
	.count = count,
	.option = option,
	.current = current,
	.choose = choose,
	.activate = finish,
	.note = note,
	.say = app_form_say,
};

static void
setup_enter(struct app *a)
{
	struct setup_state *s = &a->setup;

	s->first_run = !facility_complete(&a->yd.facility);
	if (a->yd.facility.year == 0) {
		const struct edition *ed;

		a->yd.facility.year = this_fy(a);
		ed = content_edition_for_year(a->yd.content, a->yd.facility.year);
		if (ed != NULL)
			strcpy(a->yd.facility.edition, ed->id);
	}
	form_release(&s->form);
	form_init(&s->form, fields, SF__COUNT, &ops, a);
	s->form.leave = s->first_run ? NULL : N_("back to home");
	s->form.field_x = 36;
	form_focus(&s->form, SF_NAME, 1);
}

static void
setup_draw(struct app *a)
{
	struct setup_state *s = &a->setup;
	int y;

	app_draw_title(a, s->first_run ? _("First-time setup")
				       : _("Facility and fiscal year"));
	app_form_keys(a, &s->form);
	y = 2 +
	    draw_wrapped(
		    2, 2, COLS - 4,
		    _("Enter your facility's details. Each entry is saved as soon as you leave the field."),
		    0, 2, DRAW_DIM) +
	    1;
	form_draw(&s->form, y, app_status_row(a) - 3, app_status_row(a) - 2);
}

static bool
setup_key(struct app *a, const struct tkey *k)
{
	struct setup_state *s = &a->setup;

	switch (form_key(&s->form, k)) {
	case FORM_LEAVE:
		if (!s->first_run && facility_complete(&a->yd.facility))
			app_form_leave(a, &scr_home);
		else if (a->yd.facility.name == NULL ||
			 a->yd.facility.type == FACILITY_NONE)
			app_status(
				a, DRAW_NORMAL, "%s",
				_("Enter the facility name and type, then press Enter on [ Save and start ]. What you entered is already saved."));
		else
			app_status(
				a, DRAW_NORMAL, "%s",
				_("Press Enter on [ Save and start ] to begin. What you entered is already saved."));
		return true;
	case FORM_DONE:
		return true;
	default:
		return false;
	}
}

static bool
setup_typing(const struct app *a)
{
	return a->setup.form.editing;
}

static void
setup_help(const struct app *a, struct strbuf *sb)
{
	strbuf_addf(sb, "%s\n\n",
		    _("Each field is saved when you leave it. Up and down arrows move between fields; in a text field, type and press Enter."));
	form_help(&a->setup.form, sb);
}

const struct screen scr_setup = {
	.name = "setup",
	.enter = setup_enter,
	.draw = setup_draw,
	.key = setup_key,
	.typing = setup_typing,
	.help = setup_help,
};

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
	VF_REQUESTS,
	VF__COUNT
};

static const struct form_field fields[VF__COUNT] = {
	[VF_NAME] = {FORM_TEXT, N_("Vendor name"),
		     N_("The company's name as written on the contract."),
		     N_("the company's name as written on the contract."),
		     VENDOR_TEXT_MAX, 1, 0},
	[VF_CONTACT] = {FORM_TEXT, N_("Person in charge"), NULL,
			N_("whom the clinic talks to at the company."),
			VENDOR_TEXT_MAX, 1, 0},
	[VF_PHONE] = {FORM_TEXT, N_("Phone"),
		      N_("Digits and hyphens, e.g. 03-1234-5678."), NULL,
		      VENDOR_TEXT_MAX, 1, 0},
	[VF_EMAIL] = {FORM_TEXT, N_("Email"), N_("e.g. support@example.co.jp"),
		      NULL, VENDOR_TEXT_MAX, 1, 0},
	/* TRANSLATORS: short label on the vendor screen; ja: システム */
	[VF_SYSTEMS] = {FORM_CHECKS, N_("Systems"),
			N_("Left and right arrows move between the boxes; Space ticks each system this vendor supplies or maintains."),
			N_("Space ticks each system the vendor supplies or maintains."),
			0, 2, 0},
	[VF_CONTRACT] = {FORM_CHOICE, N_("Contract"),
			 N_("Enter shows the kinds of contract; the questions follow the kind."),
			 N_("the kind of contract; the questions asked follow it."),
			 0, 1, 0},
	[VF_MEMO] = {FORM_TEXT, N_("Memo"),
		     N_("Please do not write passwords here: the memo can be printed in the report."),
		     NULL, VENDOR_MEMO_MAX, 1, 0},
	[VF_QUESTIONS] = {FORM_BUTTON, NULL,
			  N_("Enter opens the contract questions for this vendor."),
			  N_("the contract questions: \"no\" and \"don't know\" become polite requests on the vendor's sheet."),
			  0, 1, 1},
	[VF_FORM] = {FORM_BUTTON, NULL,
		     N_("Enter opens the items of the vendors' form this vendor returned."),
		     N_("which items of the vendors' form the vendor returned and confirmed."),
		     0, 1, 0},
	[VF_REQUESTS] = {FORM_INFO, NULL, NULL, NULL, 0, 1, 1},
};

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

/* A new vendor is nothing without its name: say so and go there. */
static bool
needs_saved(struct app *a)
{
	if (a->vs.edit.id != 0)
		return false;
	form_focus(&a->vs.form, VF_NAME, 1);
	form_error(&a->vs.form, "%s", _("enter the vendor's name first"));
	return true;
}

static void
value(void *ctx, int f, struct strbuf *out)
{
	struct app *a = ctx;
	struct vendor *v = &a->vs.edit;
	struct vendor_progress p;
	struct request_ctx x;
	const struct choice *k;

	switch (f) {
	case VF_CONTRACT:
		k = content_choice_find(a->yd.content->contracts,
					a->yd.content->ncontracts, v->contract);
		strbuf_addstr(out, k != NULL ? k->label : _("choose"));
		return;
	case VF_SYSTEMS:
		return;
	case VF_QUESTIONS:
	case VF_FORM:
	case VF_REQUESTS:
		break;
	default: {
		const char *t = *text_field(v, f);

		strbuf_addstr(out, t != NULL ? t : "");
		return;
	}
	}
	year_data_request_ctx(&a->yd, &x);
	request_progress(&x, v, &p);
	if (f == VF_QUESTIONS)
		strbuf_addf(out, _("[ Check the contract: %zu of %zu answered ]"),
			    p.answered, p.questions);
	else if (f == VF_REQUESTS)
		strbuf_addf(
			out,
			_("Requests on this vendor's sheet in the report: %zu"),
			p.requests);
	else if (v->contract[0] == '\0')
		strbuf_addf(out, _("[ %s: choose the contract first ]"),
			    a->yd.edition->vendor_form);
	else if (vendor_has_contract(v))
		strbuf_addf(out, _("[ %s returned: %zu of %zu confirmed ]"),
			    a->yd.edition->vendor_form, p.confirmed, p.form);
	else
		strbuf_addf(out, _("[ %s: not needed without a contract ]"),
			    a->yd.edition->vendor_form);
}

static int
commit(void *ctx, int f, const char *text)
{
	struct app *a = ctx;
	char **field = text_field(&a->vs.edit, f);
	char *old;
	int r;

	if (a->vs.edit.id == 0 && f == VF_NAME && text[0] == '\0') {
		/* a new vendor is nothing without its name */
		form_error(&a->vs.form, "%s", _("enter the vendor's name"));
		return -1;
	}
	if (strcmp(text, *field != NULL ? *field : "") == 0)
		return 0;
	old = *field != NULL ? xstrdup(*field) : NULL;
	vendor_set_text(field, text);
	r = save(a);
	if (r != 0) /* keep the typed text in the field, not in edit */
		vendor_set_text(field, old);
	free(old);
	return r;
}

static size_t
count(void *ctx, int f)
{
	struct app *a = ctx;

	return f == VF_SYSTEMS ? a->yd.content->nsystems : a->yd.content->ncontracts;
}

static void
option(void *ctx, int f, size_t i, struct strbuf *out)
{
	struct app *a = ctx;

	strbuf_addstr(out, f == VF_SYSTEMS ? a->yd.content->systems[i].label
					   : a->yd.content->contracts[i].label);
}

static long
current(void *ctx, int f)
{
	struct app *a = ctx;
	size_t i;

	(void)f;
	for (i = 0; i < a->yd.content->ncontracts; i++) {
		if (strcmp(a->yd.content->contracts[i].id, a->vs.edit.contract) ==
		    0)
			return (long)i;
	}
	return -1;
}

static bool
checked(void *ctx, int f, size_t i)
{
	struct app *a = ctx;

	(void)f;
	return vendor_has_system(&a->vs.edit, a->yd.content->systems[i].id);
}

static int
choose(void *ctx, int f, size_t i)
{
	struct app *a = ctx;
	struct vendor *v = &a->vs.edit;
	char old[CONTENT_ID_MAX + 1];

	if (needs_saved(a))
		return -1;
	if (f == VF_SYSTEMS) {
		const char *id = a->yd.content->systems[i].id;

		vendor_toggle_system(v, id);
		if (save(a) == 0)
			return 0;
		vendor_toggle_system(v, id);
		return -1;
	}
	strcpy(old, v->contract);
	strcpy(v->contract, a->yd.content->contracts[i].id);
	if (save(a) == 0)
		return 0;
	strcpy(v->contract, old);
	return -1;
}

static void
activate(void *ctx, int f)
{
	struct app *a = ctx;

	if (needs_saved(a))
		return;
	if (f == VF_FORM && !vendor_has_contract(&a->vs.edit)) {
		app_status(
			a, DRAW_NORMAL,
			_("%s is not needed from a vendor without a contract."),
			a->yd.edition->vendor_form);
		return;
	}
	scr_vquest_open(a, &a->vs.edit, f == VF_FORM ? VQ_FORM : VQ_CONTRACT,
			NULL, &scr_vendor);
}

static const struct form_ops ops = {
	.value = value,
	.commit = commit,
	.count = count,
	.option = option,
	.current = current,
	.checked = checked,
	.choose = choose,
	.activate = activate,
	.say = app_form_say,
};

void
scr_vendor_open(struct app *a, const struct vendor *v)
{
	vendor_release(&a->vs.edit);
	if (v != NULL)
		vendor_copy(&a->vs.edit, v);
	else
		memset(&a->vs.edit, 0, sizeof(a->vs.edit));
	a->vs.opened = true;
	app_show(a, &scr_vendor);
}

static void
vendor_enter(struct app *a)
{
	struct form *fm = &a->vs.form;
	int at = fm->focus;

	/* Opened from the list: a new vendor starts at its name, a known one
	 * at its questions. Coming back from the questions keeps the place. */
	if (a->vs.opened)
		at = a->vs.edit.id == 0 ? VF_NAME : VF_QUESTIONS;
	a->vs.opened = false;
	form_release(fm);
	form_init(fm, fields, VF__COUNT, &ops, a);
	fm->leave = N_("back to the list");
	fm->field_x = 24;
	form_focus(fm, at, 1);
}

static void
vendor_draw(struct app *a)
{
	app_form_keys(a, &a->vs.form);
	app_draw_title(a, a->vs.edit.name != NULL ? a->vs.edit.name
						  : _("New vendor"));
	form_draw(&a->vs.form, 2, app_status_row(a) - 3,
		  app_status_row(a) - 2);
}

static bool
vendor_key(struct app *a, const struct tkey *k)
{
	return app_form_key(a, &a->vs.form, k, &scr_vendors);
}

static bool
vendor_typing(const struct app *a)
{
	return a->vs.form.editing;
}

static void
vendor_help(const struct app *a, struct strbuf *sb)
{
	scr_vendors_help(a, sb);
	strbuf_addch(sb, '\n');
	form_help(&a->vs.form, sb);
}

const struct screen scr_vendor = {
	.name = "vendor",
	.enter = vendor_enter,
	.draw = vendor_draw,
	.key = vendor_key,
	.typing = vendor_typing,
	.help = vendor_help,
};

/* One remote-maintenance connection: every question, on a scrolling form. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "model/version.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum {
	RF_SYSTEM,
	RF_VENDOR,
	RF_PURPOSE,
	RF_LINE,
	RF_ALWAYS_ON,
	RF_APPROVER,
	RF_MAKER,
	RF_PRODUCT,
	RF_MODEL,
	RF_VERSION,
	RF_PATCHER,
	RF_LAST_PATCH,
	RF_FACTORY_PW,
	RF_PW_REUSED,
	RF_TWO_FACTOR,
	RF_ADMIN,
	RF_PATIENT,
	RF_LOGS,
	RF_MEMO,
	RF__COUNT
};

/* A choice stored as a key, with the words the screen shows. */
struct option {
	const char *key;
	const char *label; /* N_() msgid */
};

static const struct option opt_always[] = {
	{"yes", N_("always connected")},
	{"no", N_("connected only when we approve")},
	{"unknown", N_("don't know")},
	{NULL, NULL},
};
static const struct option opt_patcher[] = {
	{"vendor", N_("the vendor")},
	{"clinic", N_("in-house")},
	{"nobody", N_("nobody")},
	{"unknown", N_("don't know")},
	{NULL, NULL},
};
static const struct option opt_changed[] = {
	{"yes", N_("changed")},
	{"no", N_("not changed")},
	{"unknown", N_("don't know")},
	{NULL, NULL},
};
static const struct option opt_reused[] = {
	{"no", N_("used only here")},
	{"yes", N_("also used elsewhere")},
	{"unknown", N_("don't know")},
	{NULL, NULL},
};
static const struct option opt_used[] = {
	{"yes", N_("used")},
	{"no", N_("not used")},
	{"unknown", N_("don't know")},
	{NULL, NULL},
};
static const struct option opt_admin[] = {
	{"no", N_("cannot be opened from the internet")},
	{"yes", N_("can be opened from the internet")},
	{"unknown", N_("don't know")},
	{NULL, NULL},
};
static const struct option opt_patient[] = {
	{"none", N_("no access")},        {"view", N_("can view")},
	{"download", N_("can download")}, {"change", N_("can change")},
	{"unknown", N_("don't know")},    {NULL, NULL},
};
static const struct option opt_logs[] = {
	{"reviewed", N_("kept and checked")},
	{"kept", N_("kept, not checked")},
	{"none", N_("not kept")},
	{"unknown", N_("don't know")},
	{NULL, NULL},
};

#define CHOOSE_HINT                                                            \
	N_("Enter shows the choices. \"Don't know\" is fine: it becomes a question for the vendor.")

static const struct form_field fields[RF__COUNT] = {
	[RF_SYSTEM] = {FORM_TEXT, N_("System"),
		       N_("The system the vendor maintains through it, e.g. the EMR."),
		       N_("the system the vendor maintains through this connection."),
		       CONN_TEXT_MAX, 1, 0},
	[RF_VENDOR] = {FORM_CHOICE, N_("Vendor"),
		       N_("Vendors are registered under Vendors and contracts."),
		       N_("the vendor that connects (from the vendor register)."),
		       0, 1, 0},
	[RF_PURPOSE] = {FORM_TEXT, N_("What it is used for"), NULL, NULL,
			CONN_TEXT_MAX, 1, 0},
	[RF_LINE] = {FORM_CHOICE, N_("How it connects"), CHOOSE_HINT,
		     N_("the kind of line: VPN device, remote-support software, a line of its own ..."),
		     0, 1, 0},
	[RF_ALWAYS_ON] = {FORM_CHOICE, N_("Always connected?"), CHOOSE_HINT,
			  NULL, 0, 1, 0},
	[RF_APPROVER] = {FORM_TEXT, N_("Who approves a connection"), NULL,
			 NULL, CONN_TEXT_MAX, 1, 0},
	[RF_MAKER] = {FORM_CHOICE, N_("Device maker"),
		      N_("The maker of the VPN device or remote-support tool. Enter shows the list; a letter jumps to the makers starting with it."),
		      N_("with the product and the firmware version, the device is checked against the list of known exploited flaws."),
		      0, 1, 0},
	[RF_PRODUCT] = {FORM_CHOICE, N_("Device (product)"), CHOOSE_HINT, NULL,
			0, 1, 0},
	[RF_MODEL] = {FORM_TEXT, N_("Model"), N_("e.g. the name on the device's label."),
		      NULL, CONN_TEXT_MAX, 1, 0},
	[RF_VERSION] = {FORM_TEXT, N_("Firmware version"), NULL,
			N_("as shown on the device's admin screen or in the vendor's report; a pasted line is read to its version number."),
			CONN_TEXT_MAX, 1, 0},
	[RF_PATCHER] = {FORM_CHOICE, N_("Who updates the device"), CHOOSE_HINT,
			NULL, 0, 1, 0},
	[RF_LAST_PATCH] = {FORM_TEXT, N_("Last update"), NULL,
			   N_("dates can be typed as 2026-04-01, 2026/4/1, 20260401, R8.4.1 or in Japanese era form."),
			   40, 1, 0},
	[RF_FACTORY_PW] = {FORM_CHOICE, N_("Factory password changed"),
			   CHOOSE_HINT, NULL, 0, 1, 0},
	[RF_PW_REUSED] = {FORM_CHOICE, N_("Password used elsewhere"),
			  CHOOSE_HINT, NULL, 0, 1, 0},
	[RF_TWO_FACTOR] = {FORM_CHOICE, N_("Two-factor authentication"),
			   CHOOSE_HINT, NULL, 0, 1, 0},
	[RF_ADMIN] = {FORM_CHOICE, N_("Admin screen"),
		      N_("Whether the device's settings screen can be opened from outside the clinic. Ask the vendor if unsure."),
		      NULL, 0, 1, 0},
	[RF_PATIENT] = {FORM_CHOICE, N_("Patient data through it"), CHOOSE_HINT,
			NULL, 0, 1, 0},
	[RF_LOGS] = {FORM_CHOICE, N_("Connection log"), CHOOSE_HINT, NULL, 0, 1,
		     0},
	[RF_MEMO] = {FORM_TEXT, N_("Memo"),
		     N_("Please do not write passwords here: the memo can be printed in the report."),
		     NULL, 1000, 1, 0},
};

static const struct option *
options(int f)
{
	switch (f) {
	case RF_ALWAYS_ON:
		return opt_always;
	case RF_PATCHER:
		return opt_patcher;
	case RF_FACTORY_PW:
		return opt_changed;
	case RF_PW_REUSED:
		return opt_reused;
	case RF_TWO_FACTOR:
		return opt_used;
	case RF_ADMIN:
		return opt_admin;
	case RF_PATIENT:
		return opt_patient;
	case RF_LOGS:
		return opt_logs;
	}
	return NULL;
}

/* The stored key of an option field. */
static char *
key_of(struct connection *c, int f)
{
	switch (f) {
	case RF_ALWAYS_ON:
		return c->always_on;
	case RF_PATCHER:
		return c->patcher;
	case RF_FACTORY_PW:
		return c->factory_pw;
	case RF_PW_REUSED:
		return c->pw_reused;
	case RF_TWO_FACTOR:
		return c->two_factor;
	case RF_ADMIN:
		return c->admin_exposed;
	case RF_PATIENT:
		return c->patient_data;
	case RF_LOGS:
		return c->logs;
	}
	BUG("not an option field %d", f);
}

static char **
text_of(struct connection *c, int f)
{
	switch (f) {
	case RF_SYSTEM:
		return &c->system;
	case RF_PURPOSE:
		return &c->purpose;
	case RF_APPROVER:
		return &c->approver;
	case RF_MODEL:
		return &c->model;
	case RF_VERSION:
		return &c->version;
	case RF_MEMO:
		return &c->memo;
	}
	return NULL;
}

/* Saves a->rs.edit, then the list and the findings follow. */
static int
save(struct app *a)
{
	struct err e = ERR_INIT;

	if (connection_check(&a->rs.edit, &a->today, &e) != 0 ||
	    store_connection_put(a->store, &a->rs.edit, &e) != 0) {
		form_error(&a->rs.form, "%s", e.msg);
		app_status_err(a, &e);
		return -1;
	}
	connection_list_put(&a->yd.connections, &a->rs.edit);
	app_refresh_findings(a);
	app_saved(a,
		  (const char *const[]){a->rs.edit.purpose, a->rs.edit.approver,
					a->rs.edit.memo},
		  3);
	return 0;
}

static void
value(void *ctx, int f, struct strbuf *sb)
{
	struct app *a = ctx;
	struct connection *c = &a->rs.edit;
	const struct option *o = options(f);
	char **t = text_of(c, f);

	if (t != NULL) {
		strbuf_addstr(sb, *t != NULL ? *t : "");
		return;
	}
	if (o != NULL) {
		const char *k = key_of(c, f);

		for (; o->key != NULL; o++) {
			if (strcmp(o->key, k) == 0) {
				strbuf_addstr(sb, _(o->label));
				return;
			}
		}
		strbuf_addstr(sb, _("choose"));
		return;
	}
	switch (f) {
	case RF_VENDOR: {
		const struct vendor *v =
			vendor_list_find(&a->yd.vendors, c->vendor);

		strbuf_addstr(sb,
			      v != NULL ? v->name : _("none or not registered"));
		break;
	}
	case RF_LINE: {
		const struct line_type *l =
			content_line_find(a->yd.content, c->line);

		strbuf_addstr(sb, l != NULL ? l->label : _("choose"));
		break;
	}
	case RF_MAKER: {
		const struct vmaker *m =
			content_maker_find(a->yd.content, c->maker);

		strbuf_addstr(sb, m != NULL ? m->label : _("other or not known"));
		break;
	}
	case RF_PRODUCT: {
		const struct vproduct *p = content_product_find(
			content_maker_find(a->yd.content, c->maker), c->product);

		strbuf_addstr(sb, p != NULL ? p->label : _("other or not known"));
		break;
	}
	case RF_LAST_PATCH:
		if (date_is_set(&c->last_patch))
			date_add_both(sb, &c->last_patch);
		break;
	}
}

/* The last update is typed as 2026-05-10 and shown with its era. */
static void
edit_text(void *ctx, int f, struct strbuf *sb)
{
	struct app *a = ctx;
	char iso[11];

	if (f != RF_LAST_PATCH) {
		value(ctx, f, sb);
		return;
	}
	date_iso(&a->rs.edit.last_patch, iso);
	strbuf_addstr(sb, iso);
}

static int
commit(void *ctx, int field, const char *text)
{
	struct app *a = ctx;
	struct connection *c = &a->rs.edit;
	const char *p = text;
	char *t = xstrdup(text);
	char *read_as = NULL;
	struct connection old;
	int r = 0;

	while (*p == ' ')
		p++;
	connection_copy(&old, c);
	if (field == RF_LAST_PATCH) {
		struct date d = DATE_NONE;
		struct err e = ERR_INIT;

		if (*p != '\0' && date_parse(t, &d, &e) != 0) {
			form_error(&a->rs.form, "%s", e.msg);
			r = -1;
			goto out;
		}
		if (date_cmp(&d, &c->last_patch) == 0)
			goto out;
		c->last_patch = d;
	} else {
		char **f = text_of(c, field);
		char v[64];

		if (field == RF_VERSION && *p != '\0') {
			/* a pasted 「FortiGate-60E v6.0.4,build0231」 is
			 * read to 6.0.4; what holds no version is refused */
			if (version_read(t, v, sizeof(v)) != 0) {
				form_error(
					&a->rs.form, "%s",
					_("No version number found. Type it as numbers with dots, e.g. 7.0.12 (the example below shows this product's form)."));
				r = -1;
				goto out;
			}
			if (strcmp(v, t) != 0)
				read_as = xstrdup(v);
			free(t);
			t = xstrdup(v);
		}
		if (strcmp(t, *f != NULL ? *f : "") == 0)
			goto out;
		connection_set_text(f, t);
	}
	r = save(a);
	if (r == 0 && read_as != NULL)
		app_status(a, DRAW_OK, _("Saved as version %s."), read_as);
	if (r != 0) { /* put the saved values back; the field keeps the text */
		connection_release(c);
		connection_copy(c, &old);
	}
out:
	connection_release(&old);
	free(read_as);
	free(t);
	return r;
}

static size_t
count(void *ctx, int f)
{
	struct app *a = ctx;
	const struct option *o = options(f);
	const struct vmaker *m;
	size_t n = 0;

	if (o != NULL) {
		while (o[n].key != NULL)
			n++;
		return n;
	}
	switch (f) {
	case RF_VENDOR:
		return a->yd.vendors.n + 1;
	case RF_LINE:
		return a->yd.content->nlines;
	case RF_MAKER:
		return a->yd.content->nmakers + 1;
	case RF_PRODUCT:
		m = content_maker_find(a->yd.content, a->rs.edit.maker);
		return m != NULL ? m->nproducts + 1 : 0;
	}
	return 0;
}

static void
option(void *ctx, int f, size_t i, struct strbuf *sb)
{
	struct app *a = ctx;
	const struct content *ct = a->yd.content;
	const struct option *o = options(f);

	if (o != NULL) {
		strbuf_addstr(sb, _(o[i].label));
	} else if (f == RF_VENDOR) {
		strbuf_addstr(sb, i == 0 ? _("none or not registered")
					 : a->yd.vendors.v[i - 1].name);
	} else if (f == RF_LINE) {
		strbuf_addstr(sb, ct->lines[i].label);
	} else if (f == RF_MAKER) {
		strbuf_addstr(sb, i == 0 ? _("other or not known")
					 : ct->makers[i - 1].label);
	} else if (f == RF_PRODUCT) {
		const struct vmaker *m = content_maker_find(ct, a->rs.edit.maker);

		strbuf_addstr(sb, i == 0 ? _("other or not known")
					 : m->products[i - 1].label);
	}
}

static long
current(void *ctx, int f)
{
	struct app *a = ctx;
	const struct content *ct = a->yd.content;
	const struct connection *c = &a->rs.edit;
	const struct option *o = options(f);
	size_t i;

	if (o != NULL) {
		const char *k = key_of(&a->rs.edit, f);

		for (i = 0; o[i].key != NULL; i++) {
			if (strcmp(o[i].key, k) == 0)
				return (long)i;
		}
		return -1;
	}
	switch (f) {
	case RF_VENDOR:
		for (i = 0; i < a->yd.vendors.n; i++) {
			if (a->yd.vendors.v[i].id == c->vendor)
				return (long)i + 1;
		}
		return 0;
	case RF_LINE:
		for (i = 0; i < ct->nlines; i++) {
			if (strcmp(ct->lines[i].id, c->line) == 0)
				return (long)i;
		}
		return -1;
	case RF_MAKER:
		for (i = 0; i < ct->nmakers; i++) {
			if (strcmp(ct->makers[i].id, c->maker) == 0)
				return (long)i + 1;
		}
		return 0;
	case RF_PRODUCT: {
		const struct vmaker *m = content_maker_find(ct, c->maker);

		for (i = 0; m != NULL && i < m->nproducts; i++) {
			if (strcmp(m->products[i].id, c->product) == 0)
				return (long)i + 1;
		}
		return 0;
	}
	}
	return -1;
}

static int
choose(void *ctx, int f, size_t i)
{
	struct app *a = ctx;
	struct connection *c = &a->rs.edit;
	const struct content *ct = a->yd.content;
	const struct option *o = options(f);
	struct connection old;
	int r;

	connection_copy(&old, c);
	if (o != NULL) {
		strcpy(key_of(c, f), o[i].key);
	} else if (f == RF_VENDOR) {
		c->vendor = i == 0 ? 0 : a->yd.vendors.v[i - 1].id;
	} else if (f == RF_LINE) {
		strcpy(c->line, ct->lines[i].id);
	} else if (f == RF_MAKER) {
		strcpy(c->maker, i == 0 ? "" : ct->makers[i - 1].id);
		c->product[0] = '\0';
		if (i > 0 && ct->makers[i - 1].nproducts == 1)
			strcpy(c->product, ct->makers[i - 1].products[0].id);
	} else if (f == RF_PRODUCT) {
		const struct vmaker *m = content_maker_find(ct, c->maker);

		strcpy(c->product, i == 0 ? "" : m->products[i - 1].id);
	}
	r = save(a);
	if (r != 0) {
		connection_release(c);
		connection_copy(c, &old);
	}
	connection_release(&old);
	return r;
}

/* The hint under the form for the focused field. */
static void
hint(void *ctx, int f, struct strbuf *sb)
{
	const struct app *a = ctx;
	const struct connection *c = &a->rs.edit;

	switch (f) {
	case RF_LINE: {
		const struct line_type *l =
			content_line_find(a->yd.content, c->line);

		if (l != NULL)
			strbuf_addstr(sb, l->hint);
		break;
	}
	case RF_VERSION: {
		const struct vproduct *p = content_product_find(
			content_maker_find(a->yd.content, c->maker), c->product);

		if (p != NULL)
			strbuf_addstr(sb, p->hint);
		else if (content_maker_find(a->yd.content, c->maker) != NULL)
			strbuf_addstr(
				sb,
				_("Choose the product above first: each product writes its version its own way, and the example follows the product."));
		else
			strbuf_addstr(
				sb,
				_("As shown on the device's admin screen or in the vendor's report, e.g. 7.0.12. Leave it empty if nobody knows."));
		break;
	}
	case RF_LAST_PATCH: {
		/* the example is a valid entry: a day that has passed */
		struct date ex = a->today;

		ex.d = 1;
		strbuf_addf(
			sb,
			_("The day the device's firmware was last updated, e.g. %04d-%02d-%02d. Leave it empty if nobody knows."),
			ex.y, ex.m, ex.d);
		break;
	}
	default:
		break;
	}
}

static const struct form_ops ops = {
	.value = value,
	.raw = edit_text,
	.commit = commit,
	.count = count,
	.option = option,
	.current = current,
	.choose = choose,
	.hint = hint,
	.say = app_form_say,
};

void
scr_conn_open(struct app *a, const struct connection *c)
{
	connection_release(&a->rs.edit);
	if (c != NULL)
		connection_copy(&a->rs.edit, c);
	else
		memset(&a->rs.edit, 0, sizeof(a->rs.edit));
	app_show(a, &scr_conn);
}

static void
conn_enter(struct app *a)
{
	struct form *fm = &a->rs.form;

	form_release(fm);
	form_init(fm, fields, RF__COUNT, &ops, a);
	fm->leave = N_("back to the list");
	fm->field_x = 30;
	form_focus(fm, RF_SYSTEM, 1);
}

/* The warnings about this connection: how many, and the worst one. */
static size_t
warnings(const struct app *a, const struct finding **top)
{
	size_t i, n = 0;

	*top = NULL;
	for (i = 0; i < a->yd.findings.n && a->rs.edit.id != 0; i++) {
		if (a->yd.findings.v[i].conn->id == a->rs.edit.id) {
			n++;
			if (*top == NULL)
				*top = &a->yd.findings.v[i];
		}
	}
	return n;
}

/* Above the form: the worst warning, then how to see them all. */
static void
draw_warnings(struct app *a)
{
	struct strbuf sb = STRBUF_INIT;
	const struct finding *top;
	size_t warn = warnings(a, &top);

	if (top != NULL) {
		struct strbuf t = STRBUF_INIT;

		if (top->kind == FINDING_DEVICE) {
			/* the count says how many need a feature on */
			strbuf_addf(&sb, _("%s. "),
				    remote_finding_title(a->yd.content, top, &t));
			remote_update_text(top, &sb);
		} else {
			strbuf_addf(&sb,
				    top->kind == FINDING_RULE
					    ? _("Warning: %s")
					    : _("Not known yet: %s"),
				    remote_finding_title(a->yd.content, top, &t));
		}
		strbuf_release(&t);
		draw_wrapped(1, 1, COLS - 2, sb.buf, 0, 3,
			     top->kind == FINDING_DEVICE ? DRAW_ERROR
							 : DRAW_WARN);
		strbuf_reset(&sb);
		if (warn > 1)
			strbuf_addf(
				&sb,
				_("(%zu warnings in all: ? shows every one of them; the report lists them too)"),
				warn);
		else if (top->kind == FINDING_DEVICE)
			strbuf_addstr(
				&sb,
				_("(? shows each of the flaws; the report lists them too)"));
		draw_text(4, 1, sb.buf, COLS - 2, DRAW_DIM);
	}
	if ((top == NULL || top->kind != FINDING_DEVICE) && warn <= 1 &&
	    a->rs.edit.id != 0) {
		/* no listed flaw: say what the list can tell, never "safe" */
		strbuf_reset(&sb);
		if (remote_device_note(a->yd.content, &a->rs.edit, &a->yd.findings,
				       false, &sb)) {
			if (top == NULL)
				draw_wrapped(1, 1, COLS - 2, sb.buf, 0, 3,
					     DRAW_DIM);
			else
				draw_text(4, 1, sb.buf, COLS - 2, DRAW_DIM);
		}
	}
	strbuf_release(&sb);
}

static void
conn_draw(struct app *a)
{
	struct strbuf sb = STRBUF_INIT;

	app_form_keys(a, &a->rs.form);
	remote_label(&a->rs.edit, NULL, &sb);
	app_draw_title(a, a->rs.edit.id ? sb.buf : _("New connection"));
	draw_warnings(a);
	form_draw(&a->rs.form, 6, app_status_row(a) - 3,
		  app_status_row(a) - 2);
	strbuf_release(&sb);
}

static bool
conn_key(struct app *a, const struct tkey *k)
{
	return app_form_key(a, &a->rs.form, k, &scr_remote);
}

static bool
conn_typing(const struct app *a)
{
	return a->rs.form.editing;
}

/* The help: every warning about this connection in full, then the
 * screen's keys and fields. */
static void
conn_help(const struct app *a, struct strbuf *sb)
{
	const struct finding *top;
	size_t i, n = warnings(a, &top);

	if (n > 0)
		strbuf_addf(sb, "%s\n",
			    _("[Warnings about this connection]"));
	for (i = 0; i < a->yd.findings.n && n > 0; i++) {
		const struct finding *f = &a->yd.findings.v[i];
		struct strbuf t = STRBUF_INIT;

		if (f->conn->id != a->rs.edit.id)
			continue;
		strbuf_addf(sb, _("* %s\n"),
			    remote_finding_title(a->yd.content, f, &t));
		remote_finding_text(a->yd.content, f, sb);
		strbuf_addstr(sb, "\n\n");
		strbuf_release(&t);
	}
	scr_remote_help(a, sb);
	strbuf_addch(sb, '\n');
	form_help(&a->rs.form, sb);
}

const struct screen scr_conn = {
	.name = "conn",
	.enter = conn_enter,
	.draw = conn_draw,
	.key = conn_key,
	.typing = conn_typing,
	.help = conn_help,
};

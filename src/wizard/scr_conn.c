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

#define RF_LABEL_W 28
#define RF_X       30

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

static const char *
label(int f)
{
	static const char *const labels[RF__COUNT] = {
		N_("System"),
		N_("Vendor"),
		N_("What it is used for"),
		N_("How it connects"),
		N_("Always connected?"),
		N_("Who approves a connection"),
		N_("Device maker"),
		N_("Device (product)"),
		N_("Model"),
		N_("Firmware version"),
		N_("Who updates the device"),
		N_("Last update"),
		N_("Factory password changed"),
		N_("Password used elsewhere"),
		N_("Two-factor authentication"),
		N_("Admin screen"),
		N_("Patient data through it"),
		N_("Connection log"),
		N_("Memo"),
	};

	return _(labels[f]);
}

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

static bool
is_text(int f)
{
	return f == RF_SYSTEM || f == RF_PURPOSE || f == RF_APPROVER ||
	       f == RF_MODEL || f == RF_VERSION || f == RF_MEMO ||
	       f == RF_LAST_PATCH;
}

static size_t
text_max(int f)
{
	return f == RF_MEMO ? 1000 : f == RF_LAST_PATCH ? 40 : CONN_TEXT_MAX;
}

/* What the field shows when it is not being edited. */
static void
value_text(const struct app *a, int f, struct strbuf *sb)
{
	const struct connection *c = &a->rs.edit;
	const struct option *o = options(f);
	char **t = text_of((struct connection *)c, f);

	if (t != NULL) {
		strbuf_addstr(sb, *t != NULL ? *t : "");
		return;
	}
	if (o != NULL) {
		const char *k = key_of((struct connection *)c, f);

		for (; o->key != NULL; o++) {
			if (strcmp(o->key, k) == 0) {
				strbuf_addf(sb, "< %s >", _(o->label));
				return;
			}
		}
		strbuf_addf(sb, "< %s >", _("choose"));
		return;
	}
	switch (f) {
	case RF_VENDOR: {
		const struct vendor *v =
			vendor_list_find(&a->vendors, c->vendor);

		strbuf_addf(sb, "< %s >",
			    v != NULL ? v->name : _("none or not registered"));
		break;
	}
	case RF_LINE: {
		const struct line_type *l =
			content_line_find(a->content, c->line);

		strbuf_addf(sb, "< %s >", l != NULL ? l->label : _("choose"));
		break;
	}
	case RF_MAKER: {
		const struct vmaker *m =
			content_maker_find(a->content, c->maker);

		strbuf_addf(sb, "< %s >",
			    m != NULL ? m->label : _("other or not known"));
		break;
	}
	case RF_PRODUCT: {
		const struct vproduct *p = content_product_find(
			content_maker_find(a->content, c->maker), c->product);

		strbuf_addf(sb, "< %s >",
			    p != NULL ? p->label : _("other or not known"));
		break;
	}
	case RF_LAST_PATCH:
		if (date_is_set(&c->last_patch))
			date_add_both(sb, &c->last_patch);
		break;
	}
}

static void
focus(struct app *a, int f)
{
	struct remote_state *s = &a->rs;

	s->focus = f;
	s->editing = false;
	strbuf_reset(&s->field_err);
	lineedit_release(&s->le);
	if (is_text(f)) {
		char iso[11];
		char **t = text_of(&s->edit, f);

		if (f == RF_LAST_PATCH) {
			date_iso(&s->edit.last_patch, iso);
			lineedit_init(&s->le, iso, text_max(f));
		} else {
			lineedit_init(&s->le, *t != NULL ? *t : "",
				      text_max(f));
		}
		s->editing = true;
	}
}

static void
conn_enter(struct app *a)
{
	a->rs.top = 0;
	focus(a, RF_SYSTEM);
}

/* Saves a->rs.edit, then the list and the findings follow. */
static int
save(struct app *a)
{
	struct err e = ERR_INIT;

	if (connection_check(&a->rs.edit, &a->today, &e) != 0 ||
	    store_connection_put(a->store, &a->rs.edit, &e) != 0) {
		strbuf_reset(&a->rs.field_err);
		strbuf_addstr(&a->rs.field_err, e.msg);
		app_status_err(a, &e);
		return -1;
	}
	connection_list_put(&a->connections, &a->rs.edit);
	app_refresh_findings(a);
	app_saved(a,
		  (const char *const[]){a->rs.edit.purpose, a->rs.edit.approver,
					a->rs.edit.memo},
		  3);
	return 0;
}

static int
commit(struct app *a)
{
	struct remote_state *s = &a->rs;
	char *t = lineedit_text(&s->le);
	char *read_as = NULL;
	struct connection old;
	int r = 0;

	connection_copy(&old, &s->edit);
	if (s->focus == RF_LAST_PATCH) {
		struct date d = DATE_NONE;
		struct err e = ERR_INIT;
		const char *p = t;

		while (*p == ' ')
			p++;
		if (*p != '\0' && date_parse(t, &d, &e) != 0) {
			strbuf_reset(&s->field_err);
			strbuf_addstr(&s->field_err, e.msg);
			r = -1;
			goto out;
		}
		if (date_cmp(&d, &s->edit.last_patch) == 0)
			goto out;
		s->edit.last_patch = d;
	} else {
		char **f = text_of(&s->edit, s->focus);
		char v[64];
		const char *p = t;

		while (*p == ' ')
			p++;
		if (s->focus == RF_VERSION && *p != '\0') {
			/* a pasted 「FortiGate-60E v6.0.4,build0231」 is
			 * read to 6.0.4; what holds no version is refused */
			if (version_read(t, v, sizeof(v)) != 0) {
				strbuf_reset(&s->field_err);
				strbuf_addstr(
					&s->field_err,
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
		connection_release(&s->edit);
		connection_copy(&s->edit, &old);
	}
out:
	connection_release(&old);
	free(read_as);
	free(t);
	return r;
}

/* Moves an option-like field to its next or previous value and saves. */
static void
cycle(struct app *a, int dir)
{
	struct remote_state *s = &a->rs;
	struct connection *c = &s->edit;
	const struct content *ct = a->content;
	struct connection old;
	const struct option *o = options(s->focus);

	connection_copy(&old, c);
	if (o != NULL) {
		char *k = key_of(c, s->focus);
		int n = 0, at = -1, i;

		for (i = 0; o[i].key != NULL; i++, n++) {
			if (strcmp(o[i].key, k) == 0)
				at = i;
		}
		at = at < 0 ? (dir > 0 ? 0 : n - 1) : (at + n + dir) % n;
		strcpy(k, o[at].key);
	} else if (s->focus == RF_VENDOR) {
		size_t n = a->vendors.n + 1, at = 0, i;

		for (i = 0; i < a->vendors.n; i++) {
			if (a->vendors.v[i].id == c->vendor)
				at = i + 1;
		}
		at = (at + n + (dir > 0 ? 1 : n - 1)) % n;
		c->vendor = at == 0 ? 0 : a->vendors.v[at - 1].id;
	} else if (s->focus == RF_LINE) {
		size_t n = ct->nlines, at = n, i;

		for (i = 0; i < n; i++) {
			if (strcmp(ct->lines[i].id, c->line) == 0)
				at = i;
		}
		at = at == n ? (dir > 0 ? 0 : n - 1)
			     : (at + n + (dir > 0 ? 1 : n - 1)) % n;
		strcpy(c->line, ct->lines[at].id);
	} else if (s->focus == RF_MAKER) {
		size_t n = ct->nmakers + 1, at = 0, i;

		for (i = 0; i < ct->nmakers; i++) {
			if (strcmp(ct->makers[i].id, c->maker) == 0)
				at = i + 1;
		}
		at = (at + n + (dir > 0 ? 1 : n - 1)) % n;
		strcpy(c->maker, at == 0 ? "" : ct->makers[at - 1].id);
		c->product[0] = '\0';
		if (at > 0 && ct->makers[at - 1].nproducts == 1)
			strcpy(c->product, ct->makers[at - 1].products[0].id);
	} else if (s->focus == RF_PRODUCT) {
		const struct vmaker *m = content_maker_find(ct, c->maker);
		size_t n, at = 0, i;

		if (m == NULL) {
			app_status(a, DRAW_NORMAL, "%s",
				   _("choose the maker first"));
			connection_release(&old);
			return;
		}
		n = m->nproducts + 1;
		for (i = 0; i < m->nproducts; i++) {
			if (strcmp(m->products[i].id, c->product) == 0)
				at = i + 1;
		}
		at = (at + n + (dir > 0 ? 1 : n - 1)) % n;
		strcpy(c->product, at == 0 ? "" : m->products[at - 1].id);
	} else {
		connection_release(&old);
		return;
	}
	if (save(a) != 0) {
		connection_release(c);
		connection_copy(c, &old);
	}
	connection_release(&old);
}

/* The hint under the form for the focused field. */
static void
hint(const struct app *a, struct strbuf *sb)
{
	const struct connection *c = &a->rs.edit;

	switch (a->rs.focus) {
	case RF_LINE: {
		const struct line_type *l =
			content_line_find(a->content, c->line);

		if (l != NULL)
			strbuf_addstr(sb, l->hint);
		else
			strbuf_addstr(
				sb,
				_("Choose with the left and right arrow keys. If you do not know, choose \"don't know\": it becomes a question for the vendor."));
		break;
	}
	case RF_VERSION: {
		const struct vproduct *p = content_product_find(
			content_maker_find(a->content, c->maker), c->product);

		if (p != NULL)
			strbuf_addstr(sb, p->hint);
		else if (content_maker_find(a->content, c->maker) != NULL)
			strbuf_addstr(
				sb,
				_("Choose the product above first: each product writes its version its own way, and the example follows the product."));
		else
			strbuf_addstr(
				sb,
				_("As shown on the device's admin screen or in the vendor's report, e.g. 7.0.12. Leave it empty if nobody knows."));
		break;
	}
	case RF_VENDOR:
		strbuf_addstr(
			sb,
			_("Vendors are registered under Vendors and contracts."));
		break;
	case RF_LAST_PATCH:
		strbuf_addstr(
			sb,
			_("The day the device's firmware was last updated, e.g. 2026-05-10 or R8.5.10."));
		break;
	case RF_ADMIN:
		strbuf_addstr(
			sb,
			_("Whether the device's settings screen can be opened from outside the clinic. Ask the vendor if unsure."));
		break;
	default:
		if (options(a->rs.focus) != NULL)
			strbuf_addstr(
				sb,
				_("Choose with the left and right arrow keys. \"Don't know\" is fine: it becomes a question for the vendor."));
		break;
	}
}

static void
conn_draw(struct app *a)
{
	static const struct keyhelp keys_text[] = {
		{"Enter", N_("save and next")},
		{"Tab", N_("next field")},
		{"Esc", N_("undo")},
	};
	static const struct keyhelp keys_other[] = {
		{"↑↓", N_("move")},
		{"←→", N_("choose")},
		{"Esc", N_("back to the list")},
		{"?", N_("help")},
		{"q", N_("quit")},
	};
	struct remote_state *s = &a->rs;
	struct strbuf sb = STRBUF_INIT;
	int y0, rows, f, y, hint_y, edit_y = -1;
	size_t i, warn = 0;
	const struct finding *top = NULL;

	app_keys(a, s->editing ? keys_text : keys_other, s->editing ? 3 : 5);
	strbuf_reset(&sb);
	remote_label(&s->edit, NULL, &sb);
	app_draw_title(a, s->edit.id ? sb.buf : _("New connection"));
	/* what is wrong with it, on top: the worst one, then a count */
	for (i = 0; i < a->findings.n && s->edit.id != 0; i++) {
		if (a->findings.v[i].conn->id == s->edit.id) {
			warn++;
			if (top == NULL)
				top = &a->findings.v[i];
		}
	}
	if (top != NULL) {
		strbuf_reset(&sb);
		if (top->kind == FINDING_DEVICE) {
			if (top->nvulns == 1)
				strbuf_addf(&sb,
					    _("Known exploited flaw (%s): "),
					    top->vulns[0]->cve);
			else
				strbuf_addf(
					&sb,
					_("%zu known exploited flaws (%s and others): "),
					top->nvulns, top->vulns[0]->cve);
			remote_update_text(top, &sb);
		} else {
			struct strbuf t = STRBUF_INIT;

			strbuf_addf(&sb,
				    top->kind == FINDING_RULE
					    ? _("Warning: %s")
					    : _("Not known yet: %s"),
				    remote_finding_title(a->content, top, &t));
			strbuf_release(&t);
		}
		draw_wrapped(1, 1, COLS - 2, sb.buf, 0, 2,
			     top->kind == FINDING_DEVICE ? DRAW_ERROR
							 : DRAW_WARN);
		if (warn > 1) {
			strbuf_reset(&sb);
			strbuf_addf(
				&sb,
				_("(%zu warnings in all: w on the list of connections shows each one)"),
				warn);
			draw_text(3, 1, sb.buf, COLS - 2, DRAW_DIM);
		}
	}
	if ((top == NULL || top->kind != FINDING_DEVICE) && warn <= 1 &&
	    s->edit.id != 0) {
		/* no listed flaw: say what the list can tell, never "safe" */
		strbuf_reset(&sb);
		if (remote_device_note(a->content, &s->edit, &a->findings,
				       false, &sb)) {
			if (top == NULL)
				draw_wrapped(1, 1, COLS - 2, sb.buf, 0, 2,
					     DRAW_DIM);
			else
				draw_text(3, 1, sb.buf, COLS - 2, DRAW_DIM);
		}
	}
	y0 = 4;
	hint_y = app_status_row(a) - 3;
	rows = hint_y - y0 - 1;
	if (s->focus < s->top)
		s->top = s->focus;
	if (s->focus >= s->top + rows)
		s->top = s->focus - rows + 1;
	for (f = s->top, y = y0; f < RF__COUNT && y < y0 + rows; f++, y++) {
		bool foc = s->focus == f;

		draw_text(y, 0, foc ? ">" : " ", 1, DRAW_BOLD);
		draw_text(y, 2, label(f), RF_LABEL_W,
			  foc ? DRAW_BOLD : DRAW_NORMAL);
		if (foc && s->editing) {
			edit_y = y;
			continue;
		}
		strbuf_reset(&sb);
		value_text(a, f, &sb);
		if (is_text(f))
			draw_field(y, RF_X, sb.buf, COLS - RF_X - 1,
				   DRAW_UNDERLINE);
		else
			draw_text(y, RF_X, sb.buf, COLS - RF_X - 1,
				  foc ? DRAW_REVERSE : DRAW_NORMAL);
	}
	if (s->top > 0)
		draw_text(y0 - 1, COLS - 10, _("(more)"), 9, DRAW_DIM);
	if (f < RF__COUNT)
		draw_text(y0 + rows, COLS - 10, _("(more)"), 9, DRAW_DIM);
	strbuf_reset(&sb);
	if (s->field_err.len)
		draw_wrapped(hint_y, 2, COLS - 4, s->field_err.buf, 0, 2,
			     DRAW_ERROR);
	else {
		hint(a, &sb);
		draw_wrapped(hint_y, 2, COLS - 4, sb.buf, 0, 2, DRAW_DIM);
	}
	if (edit_y >= 0)
		lineedit_draw(&s->le, edit_y, RF_X, COLS - RF_X - 1, true);
	strbuf_release(&sb);
}

static void
move_focus(struct app *a, int dir)
{
	int f = a->rs.focus + dir;

	if (f < 0)
		f = 0;
	if (f >= RF__COUNT)
		f = RF__COUNT - 1;
	focus(a, f);
}

static bool
conn_key(struct app *a, const struct tkey *k)
{
	struct remote_state *s = &a->rs;

	if (s->editing) {
		switch (lineedit_key(&s->le, k)) {
		case LE_ENTER:
		case LE_NEXT:
			if (commit(a) == 0)
				move_focus(a, 1);
			break;
		case LE_PREV:
			if (commit(a) == 0)
				move_focus(a, -1);
			break;
		case LE_CANCEL:
			s->editing = false;
			strbuf_reset(&s->field_err);
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
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k) || tkey_enter(k)) {
		if (tkey_enter(k) && is_text(s->focus))
			focus(a, s->focus);
		else
			move_focus(a, 1);
	} else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_RIGHT)) {
		cycle(a, tkey_fn(k, KEY_LEFT) ? -1 : 1);
	} else if (tkey_fn(k, KEY_NPAGE)) {
		move_focus(a, 8);
	} else if (tkey_fn(k, KEY_PPAGE)) {
		move_focus(a, -8);
	} else if (tkey_escape(k)) {
		app_show(a, &scr_remote);
	} else {
		return false;
	}
	return true;
}

const struct screen scr_conn = {
	.name = "conn",
	.enter = conn_enter,
	.draw = conn_draw,
	.key = conn_key,
};

/* One "server" of 保守委託機関編: what it is and who updates it. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

enum { SV_NAME, SV_KIND, SV_PATCHER, SV_VENDOR, SV__COUNT };

static const struct form_field fields[SV__COUNT] = {
	[SV_NAME] = {FORM_TEXT, N_("Name"),
		     N_("A name the clinic uses for it, e.g. the EMR server."),
		     N_("a name the clinic uses for the server or PC."),
		     SERVER_TEXT_MAX, 1, 0},
	[SV_KIND] = {FORM_CHOICE, N_("What it is"), NULL,
		     N_("a server, or a PC on which the EMR itself runs."), 0,
		     1, 1},
	[SV_PATCHER] = {FORM_CHOICE, N_("Who applies its security updates"),
			N_("\"Don't know\" is fine: it becomes a question for the vendor."),
			N_("the vendor, the clinic itself, or not known yet."),
			0, 1, 1},
	[SV_VENDOR] = {FORM_CHOICE, N_("The vendor that updates it"),
		       N_("Vendors are registered under Vendors and contracts."),
		       N_("the vendor that applies the updates (from the vendor register)."),
		       0, 1, 1},
};

static const char *const kinds[] = {"server", "local-emr-pc"};
static const char *const kind_labels[] = {N_("a server"),
					  N_("a PC where the EMR processes")};
static const char *const patchers[] = {"vendor", "clinic", "unknown"};
static const char *const patcher_labels[] = {
	N_("the vendor"), N_("in-house"), N_("don't know")};

static long
index_of(const char *const *keys, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(keys[i], key) == 0)
			return (long)i;
	}
	return -1;
}

static int
save(struct app *a)
{
	struct err e = ERR_INIT;

	if (server_check(&a->sv.edit, &e) != 0 ||
	    store_server_put(a->store, &a->sv.edit, &e) != 0) {
		form_error(&a->sv.form, "%s", e.msg);
		app_status_err(a, &e);
		return -1;
	}
	server_list_put(&a->yd.servers, &a->sv.edit);
	app_refresh_judgement(a);
	app_saved(a, (const char *const[]){a->sv.edit.name}, 1);
	return 0;
}

static void
value(void *ctx, int f, struct strbuf *out)
{
	struct app *a = ctx;
	const struct server *sv = &a->sv.edit;
	const struct vendor *v;
	long i;

	switch (f) {
	case SV_NAME:
		strbuf_addstr(out, sv->name != NULL ? sv->name : "");
		break;
	case SV_KIND:
		i = index_of(kinds, 2, sv->kind);
		strbuf_addstr(out, _(kind_labels[i == 1 ? 1 : 0]));
		break;
	case SV_PATCHER:
		i = index_of(patchers, 3, sv->patcher);
		strbuf_addstr(out, i >= 0 ? _(patcher_labels[i]) : _("choose"));
		break;
	case SV_VENDOR:
		v = vendor_list_find(&a->yd.vendors, sv->vendor);
		strbuf_addstr(out,
			      v != NULL ? v->name : _("none or not registered"));
		break;
	}
}

static int
commit(void *ctx, int f, const char *text)
{
	struct app *a = ctx;
	char *old = a->sv.edit.name;

	(void)f;
	if ((old == NULL && text[0] == '\0') ||
	    (old != NULL && strcmp(old, text) == 0))
		return 0;
	a->sv.edit.name = text[0] != '\0' ? xstrdup(text) : NULL;
	if (save(a) != 0) {
		free(a->sv.edit.name);
		a->sv.edit.name = old;
		return -1;
	}
	free(old);
	return 0;
}

static size_t
count(void *ctx, int f)
{
	struct app *a = ctx;

	return f == SV_KIND ? 2 : f == SV_PATCHER ? 3 : a->yd.vendors.n + 1;
}

static void
option(void *ctx, int f, size_t i, struct strbuf *out)
{
	struct app *a = ctx;

	if (f == SV_KIND)
		strbuf_addstr(out, _(kind_labels[i]));
	else if (f == SV_PATCHER)
		strbuf_addstr(out, _(patcher_labels[i]));
	else
		strbuf_addstr(out, i == 0 ? _("none or not registered")
					  : a->yd.vendors.v[i - 1].name);
}

static long
current(void *ctx, int f)
{
	struct app *a = ctx;
	const struct server *sv = &a->sv.edit;
	size_t i;

	if (f == SV_KIND)
		return index_of(kinds, 2, sv->kind);
	if (f == SV_PATCHER)
		return index_of(patchers, 3, sv->patcher);
	for (i = 0; i < a->yd.vendors.n; i++) {
		if (a->yd.vendors.v[i].id == sv->vendor)
			return (long)i + 1;
	}
	return 0;
}

static int
choose(void *ctx, int f, size_t i)
{
	struct app *a = ctx;
	struct server *sv = &a->sv.edit;
	struct server old;
	int r;

	if (sv->id == 0) {
		form_error(&a->sv.form, "%s",
			   _("enter the name of the server or PC"));
		return -1;
	}
	server_copy(&old, sv);
	if (f == SV_KIND) {
		strcpy(sv->kind, kinds[i]);
	} else if (f == SV_PATCHER) {
		strcpy(sv->patcher, patchers[i]);
	} else {
		sv->vendor = i == 0 ? 0 : a->yd.vendors.v[i - 1].id;
		if (sv->vendor != 0 && sv->patcher[0] == '\0')
			strcpy(sv->patcher, "vendor");
	}
	r = save(a);
	if (r != 0) {
		server_release(sv);
		server_copy(sv, &old);
	}
	server_release(&old);
	return r;
}

static const struct form_ops ops = {
	.value = value,
	.commit = commit,
	.count = count,
	.option = option,
	.current = current,
	.choose = choose,
	.say = app_form_say,
};

void
scr_server_open(struct app *a, const struct server *sv)
{
	server_release(&a->sv.edit);
	if (sv != NULL)
		server_copy(&a->sv.edit, sv);
	else
		strcpy(a->sv.edit.kind, "server");
	app_show(a, &scr_server);
}

static void
server_enter(struct app *a)
{
	struct form *fm = &a->sv.form;

	form_release(fm);
	form_init(fm, fields, SV__COUNT, &ops, a);
	fm->leave = N_("back");
	fm->field_x = 34;
	form_focus(fm, SV_NAME, 1);
}

static void
server_draw(struct app *a)
{
	const struct server *sv = &a->sv.edit;
	int y;

	app_form_keys(a, &a->sv.form);
	app_draw_title(a, sv->name != NULL ? sv->name : _("New server or PC"));
	y = 2 +
	    draw_wrapped(2, 2, COLS - 4, a->yd.content->hoshu.servers.help, 0, 6,
			 DRAW_DIM) +
	    1;
	form_draw(&a->sv.form, y, app_status_row(a) - 3,
		  app_status_row(a) - 2);
}

static bool
server_key(struct app *a, const struct tkey *k)
{
	return app_form_key(a, &a->sv.form, k, &scr_hoshu);
}

static bool
server_typing(const struct app *a)
{
	return a->sv.form.editing;
}

static void
server_help(const struct app *a, struct strbuf *sb)
{
	strbuf_addf(sb, "%s\n\n", a->yd.content->hoshu.servers.help);
	form_help(&a->sv.form, sb);
}

const struct screen scr_server = {
	.name = "server",
	.enter = server_enter,
	.draw = server_draw,
	.key = server_key,
	.typing = server_typing,
	.help = server_help,
};

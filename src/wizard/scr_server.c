/* One "server" of 保守委託機関編: what it is and who updates it. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

enum { SV_NAME, SV_KIND, SV_PATCHER, SV_VENDOR, SV__COUNT };

static void
server_enter(struct app *a)
{
	struct hoshu_state *s = &a->hs;

	s->sfocus = SV_NAME;
	lineedit_release(&s->le);
	lineedit_init(&s->le, s->edit.name != NULL ? s->edit.name : "",
		      SERVER_TEXT_MAX);
	s->editing = true;
}

static int
save(struct app *a)
{
	struct err e = ERR_INIT;

	if (server_check(&a->hs.edit, &e) != 0 ||
	    store_server_put(a->store, &a->hs.edit, &e) != 0) {
		app_status_err(a, &e);
		return -1;
	}
	server_list_put(&a->yd.servers, &a->hs.edit);
	app_refresh_judgement(a);
	app_saved(a, (const char *const[]){a->hs.edit.name}, 1);
	return 0;
}

static void
focus(struct app *a, int f)
{
	struct hoshu_state *s = &a->hs;

	if (f < 0)
		f = 0;
	if (f >= SV__COUNT)
		f = SV__COUNT - 1;
	s->sfocus = f;
	s->editing = f == SV_NAME;
	if (s->editing) {
		lineedit_release(&s->le);
		lineedit_init(&s->le, s->edit.name != NULL ? s->edit.name : "",
			      SERVER_TEXT_MAX);
	}
}

static void
cycle(struct app *a, int dir)
{
	struct server *sv = &a->hs.edit;
	struct server old;

	if (sv->id == 0) {
		app_status(a, DRAW_ERROR, "%s",
			   _("enter the name of the server or PC"));
		focus(a, SV_NAME);
		return;
	}
	server_copy(&old, sv);
	if (a->hs.sfocus == SV_KIND) {
		strcpy(sv->kind, strcmp(sv->kind, "server") == 0
					 ? "local-emr-pc"
					 : "server");
	} else if (a->hs.sfocus == SV_PATCHER) {
		static const char *const order[] = {"vendor", "clinic",
						    "unknown"};
		int at = -1, i;

		for (i = 0; i < 3; i++) {
			if (strcmp(order[i], sv->patcher) == 0)
				at = i;
		}
		at = at < 0 ? (dir > 0 ? 0 : 2) : (at + 3 + dir) % 3;
		strcpy(sv->patcher, order[at]);
	} else if (a->hs.sfocus == SV_VENDOR) {
		size_t n = a->yd.vendors.n + 1, at = 0, i;

		for (i = 0; i < a->yd.vendors.n; i++) {
			if (a->yd.vendors.v[i].id == sv->vendor)
				at = i + 1;
		}
		at = (at + n + (dir > 0 ? 1 : n - 1)) % n;
		sv->vendor = at == 0 ? 0 : a->yd.vendors.v[at - 1].id;
		if (sv->vendor != 0 && sv->patcher[0] == '\0')
			strcpy(sv->patcher, "vendor");
	}
	if (save(a) != 0) {
		server_release(sv);
		server_copy(sv, &old);
	}
	server_release(&old);
}

static void
server_draw(struct app *a)
{
	static const struct keyhelp keys_text[] = {
		{"Enter", N_("save and next")},
		{"Esc", N_("back")},
	};
	static const struct keyhelp keys[] = {
		{"↑↓", N_("move")},
		{"←→", N_("choose")},
		{"Esc", N_("back")},
		{"q", N_("quit")},
	};
	struct hoshu_state *s = &a->hs;
	const struct server *sv = &s->edit;
	const struct vendor *v = vendor_list_find(&a->yd.vendors, sv->vendor);
	struct strbuf sb = STRBUF_INIT;
	const char *labels[SV__COUNT];
	int f, y;

	labels[SV_NAME] = _("Name");
	labels[SV_KIND] = _("What it is");
	labels[SV_PATCHER] = _("Who applies its security updates");
	labels[SV_VENDOR] = _("The vendor that updates it");
	app_keys(a, s->editing ? keys_text : keys, s->editing ? 2 : 4);
	app_draw_title(a, sv->name != NULL ? sv->name : _("New server or PC"));
	y = 2 +
	    draw_wrapped(2, 2, COLS - 4, a->yd.content->hoshu.servers.help, 0,
			 6, DRAW_DIM) +
	    1;
	for (f = 0; f < SV__COUNT; f++, y += 2) {
		bool foc = s->sfocus == f;

		draw_text(y, 0, foc ? ">" : " ", 1, DRAW_BOLD);
		draw_text(y, 2, labels[f], 30, foc ? DRAW_BOLD : DRAW_NORMAL);
		strbuf_reset(&sb);
		switch (f) {
		case SV_NAME:
			if (foc && s->editing) {
				lineedit_draw(&s->le, y, 34, COLS - 36, true);
				continue;
			}
			draw_field(y, 34, sv->name != NULL ? sv->name : "",
				   COLS - 36, DRAW_UNDERLINE);
			continue;
		case SV_KIND:
			strbuf_addf(&sb, "< %s >",
				    strcmp(sv->kind, "local-emr-pc") == 0
					    ? _("a PC where the EMR processes")
					    : _("a server"));
			break;
		case SV_PATCHER:
			strbuf_addf(&sb, "< %s >",
				    strcmp(sv->patcher, "vendor") == 0
					    ? _("the vendor")
				    : strcmp(sv->patcher, "clinic") == 0
					    ? _("in-house")
				    : strcmp(sv->patcher, "unknown") == 0
					    ? _("don't know")
					    : _("choose"));
			break;
		case SV_VENDOR:
			strbuf_addf(&sb, "< %s >",
				    v != NULL ? v->name
					      : _("none or not registered"));
			break;
		}
		draw_text(y, 34, sb.buf, COLS - 35,
			  foc ? DRAW_REVERSE : DRAW_NORMAL);
	}
	strbuf_release(&sb);
}

static bool
server_key(struct app *a, const struct tkey *k)
{
	struct hoshu_state *s = &a->hs;

	if (s->editing) {
		enum lineedit_result r = lineedit_key(&s->le, k);

		if (r == LE_ENTER || r == LE_NEXT || r == LE_PREV) {
			char *t = lineedit_text(&s->le);
			char *old = s->edit.name;

			s->edit.name = t[0] != '\0' ? t : NULL;
			if (t[0] == '\0')
				free(t);
			if ((old == NULL && s->edit.name == NULL) ||
			    (old != NULL && s->edit.name != NULL &&
			     strcmp(old, s->edit.name) == 0) ||
			    save(a) == 0) {
				free(old);
				focus(a, r == LE_PREV ? SV_NAME : SV_KIND);
			} else {
				free(s->edit.name);
				s->edit.name = old;
			}
		} else if (r == LE_CANCEL) {
			app_show(a, &scr_hoshu);
		} else if (r == LE_REFUSED) {
			app_status_refused(a, &s->le);
		}
		return true;
	}
	if (tkey_fn(k, KEY_UP) || tkey_backtab(k))
		focus(a, s->sfocus - 1);
	else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k) || tkey_enter(k))
		focus(a, s->sfocus + 1);
	else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_RIGHT))
		cycle(a, tkey_fn(k, KEY_LEFT) ? -1 : 1);
	else if (tkey_escape(k))
		app_show(a, &scr_hoshu);
	else
		return false;
	return true;
}

const struct screen scr_server = {
	.name = "server",
	.enter = server_enter,
	.draw = server_draw,
	.key = server_key,
};

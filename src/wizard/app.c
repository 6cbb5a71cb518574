#include "wizard/app.h"

#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model/gap.h"
#include "tui/draw.h"
#include "util/i18n.h"
#include "util/secret.h"
#include "util/sys.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The UI state owner: the only global of the program (docs/style.md §5;
 * docs/ARCHITECTURE.md, "Screens and forms"). */
static struct app app;

void
app_show(struct app *a, const struct screen *s)
{
	curs_set(0);
	strbuf_reset(&a->status);
	a->screen = s;
	if (s->enter != NULL)
		s->enter(a);
}

void
app_status(struct app *a, unsigned attr, const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&a->status);
	va_start(ap, fmt);
	strbuf_vaddf(&a->status, fmt, ap);
	va_end(ap);
	a->status_attr = attr;
	a->status_once = false;
}

void
app_status_err(struct app *a, const struct err *e)
{
	if (a->opts->debug && e->detail[0] != '\0')
		app_status(a, DRAW_ERROR, "%s (%s)", e->msg, e->detail);
	else
		app_status(a, DRAW_ERROR, "%s", e->msg);
}

void
app_refresh_findings(struct app *a)
{
	year_data_refresh_findings(&a->yd, &a->today);
}

void
app_refresh_judgement(struct app *a)
{
	year_data_refresh_judgement(&a->yd);
}

bool
app_delete_confirmed(struct app *a, bool *asking, const struct tkey *k)
{
	*asking = false;
	if (tkey_is(k, L'y') || tkey_is(k, L'Y'))
		return true;
	app_status(a, DRAW_NORMAL, "%s", _("Nothing was deleted."));
	return false;
}

enum list_key
app_list_key(struct app *a, int *focus, size_t n, bool *asking,
	     const struct tkey *k)
{
	if (tkey_fn(k, KEY_UP)) {
		if (*focus > 0)
			(*focus)--;
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		if (*focus < (int)n)
			(*focus)++;
	} else if (tkey_enter(k)) {
		return LK_OPEN;
	} else if (tkey_is(k, L'a') || tkey_is(k, L'A')) {
		*focus = (int)n;
		return LK_OPEN;
	} else if ((tkey_is(k, L'x') || tkey_fn(k, KEY_DC)) &&
		   *focus < (int)n) {
		*asking = true;
	} else if (tkey_escape(k)) {
		app_show(a, &scr_home);
	} else {
		return LK_NONE;
	}
	return LK_DONE;
}

void
app_status_refused(struct app *a, const struct lineedit *le)
{
	struct strbuf sb = STRBUF_INIT;

	form_refused_text(le, &sb); /* one message, the form's */
	app_status(a, DRAW_ERROR, "%s", sb.buf);
	strbuf_release(&sb);
}

void
app_saved(struct app *a, const char *const *texts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (secret_in_text(texts[i])) {
			app_status(
				a, DRAW_WARN, "%s",
				_("Saved. But this looks like a password: what you enter can be printed in the report, so please do not write passwords here."));
			return;
		}
	}
	app_status(a, DRAW_OK, "%s", _("Saved."));
	a->status_once = true;
}

int
app_other_answer_save(struct app *a, const struct answer *ans)
{
	struct err e = ERR_INIT;

	if (ans->memo != NULL && utf8_len(ans->memo) > ANSWER_MEMO_MAX)
		err_set(&e, ERR_INPUT,
			_("the memo can be at most %d characters"),
			ANSWER_MEMO_MAX);
	else
		store_answer_put(a->store, ans, &e);
	if (e.code != ERR_NONE) {
		app_status_err(a, &e);
		return -1;
	}
	year_data_answer_put(&a->yd, ans);
	app_saved(a, (const char *const[]){ans->owner, ans->memo}, 2);
	return 0;
}

int
app_vanswer_save(struct app *a, const struct vanswer *va, bool allow_na)
{
	struct err e = ERR_INIT;

	if (vanswer_check(va, allow_na, &e) != 0 ||
	    store_vanswer_put(a->store, va, &e) != 0) {
		app_status_err(a, &e);
		return -1;
	}
	vanswer_put(&a->yd.vanswers, va);
	app_refresh_judgement(a);
	app_saved(a, (const char *const[]){va->memo}, 1);
	return 0;
}

void
app_keys(struct app *a, const struct keyhelp *keys, size_t n)
{
	struct keyhelp k[16];
	size_t i;

	if (n > 16)
		n = 16;
	for (i = 0; i < n; i++) {
		k[i] = keys[i];
		k[i].what = _(keys[i].what);
	}
	app_keybar(a, k, n);
}

int
app_answer_save(struct app *a, const struct answer *ans)
{
	const struct item *it = content_item_find(a->yd.edition, ans->item_id);
	struct err e = ERR_INIT;

	if (it == NULL)
		BUG("unknown item %s", ans->item_id);
	if (answer_check(ans, it, &a->today, &e) != 0 ||
	    store_answer_put(a->store, ans, &e) != 0) {
		app_status_err(a, &e);
		return -1;
	}
	year_data_answer_put(&a->yd, ans);
	app_saved(a, (const char *const[]){ans->owner, ans->memo}, 2);
	return 0;
}

int
app_facility_save(struct app *a, const struct facility *f)
{
	struct err e = ERR_INIT;
	bool year_changed = a->yd.edition == NULL ||
			    f->year != a->yd.facility.year ||
			    strcmp(f->edition, a->yd.facility.edition) != 0;

	if (store_facility_save(a->store, f, &e) != 0) {
		app_status_err(a, &e);
		return -1;
	}
	facility_release(&a->yd.facility);
	facility_copy(&a->yd.facility, f);
	if (year_changed && f->year != 0 &&
	    year_data_load_year(&a->yd, a->store, YEAR_DATA_PREVIOUS, &e) !=
		    0) {
		app_status_err(a, &e);
		return -1;
	}
	app_status(a, DRAW_OK, "%s", _("Saved."));
	a->status_once = true;
	return 0;
}

size_t
app_steps(const struct app *a)
{
	size_t i, n = 0;

	if (a->yd.edition == NULL)
		return 0;
	for (i = 0; i < a->yd.edition->nitems; i++)
		n += a->yd.edition->items[i].ncells;
	return n;
}

void
app_step(const struct app *a, size_t step, const struct item **it,
	 enum cell *cell)
{
	size_t i;

	for (i = 0; i < a->yd.edition->nitems; i++) {
		const struct item *x = &a->yd.edition->items[i];

		if (step < x->ncells) {
			*it = x;
			*cell = x->cells[step];
			return;
		}
		step -= x->ncells;
	}
	BUG("step out of range");
}

size_t
app_first_open_step(const struct app *a)
{
	size_t i, n = app_steps(a);
	bool gate_no = gap_gate_no(a->yd.edition, &a->yd.answers);

	for (i = 0; i < n; i++) {
		const struct item *it;
		const struct answer *ans;
		enum cell c;

		app_step(a, i, &it, &c);
		if (gate_no && !it->gate)
			break;
		ans = answer_set_find(&a->yd.answers, it->id, c);
		if (ans == NULL || ans->value == ANSWER_NONE)
			return i;
	}
	return 0;
}

void
app_keybar(struct app *a, const struct keyhelp *keys, size_t n)
{
	a->bar_rows = draw_keybar(keys, n);
}

/* Rows the status line takes: 1, or 2 when a long message wraps. */
static int
status_rows(const struct app *a)
{
	if (a->status.len == 0)
		return 1;
	return draw_wrapped_lines(a->status.buf, COLS - 2) > 1 ? 2 : 1;
}

int
app_status_row(const struct app *a)
{
	return LINES - a->bar_rows - status_rows(a);
}

void
app_page_draw(struct app *a, const char *title, const char *text,
	      int *scroll, const char *back)
{
	const struct keyhelp keys[] = {
		{"↑↓", N_("scroll")},
		{"PgUp/PgDn", N_("page")},
		{"Esc", back},
		{"q", N_("quit")},
	};
	int rows, total;

	app_keys(a, keys, 4);
	app_draw_title(a, title);
	rows = app_status_row(a) - 2;
	total = draw_wrapped_lines(text, COLS - 4);
	if (*scroll > total - rows)
		*scroll = total - rows;
	if (*scroll < 0)
		*scroll = 0;
	draw_wrapped(2, 2, COLS - 4, text, *scroll, rows, DRAW_NORMAL);
}

bool
app_page_key(struct app *a, int *scroll, const struct tkey *k)
{
	int page = app_status_row(a) - 3;

	if (tkey_fn(k, KEY_UP))
		(*scroll)--;
	else if (tkey_fn(k, KEY_DOWN))
		(*scroll)++;
	else if (tkey_fn(k, KEY_PPAGE))
		*scroll -= page;
	else if (tkey_fn(k, KEY_NPAGE) || tkey_is(k, L' '))
		*scroll += page;
	else if (tkey_fn(k, KEY_HOME))
		*scroll = 0;
	else if (tkey_fn(k, KEY_END))
		*scroll = 1 << 20; /* app_page_draw brings it back */
	else
		return false;
	return true;
}

int
app_intro(struct app *a, const char *text)
{
	int n = draw_wrapped_lines(text, COLS - 4);

	(void)a;
	draw_wrapped(2, 2, COLS - 4, text, 0, n, DRAW_DIM);
	return 2 + n + 1;
}

void
app_draw_title(struct app *a, const char *title)
{
	struct strbuf right = STRBUF_INIT;
	int tw = (int)utf8_width(title), rw, room;

	draw_bar(0, DRAW_TITLE);
	if (a->yd.facility.name != NULL)
		strbuf_addstr(&right, a->yd.facility.name);
	if (a->yd.facility.year != 0) {
		if (right.len)
			strbuf_addstr(&right, "  ");
		date_add_fy_name(&right, a->yd.facility.year);
	}
	/* The title (where am I, which question) wins over the facility. */
	rw = (int)utf8_width(right.buf);
	room = COLS - 2 - tw - 2;
	if (rw > room)
		rw = room;
	draw_text(0, 1, title, COLS - 2, DRAW_TITLE | DRAW_BOLD);
	if (rw > 0 && right.len)
		draw_text(0, COLS - rw - 1, right.buf, rw, DRAW_TITLE);
	strbuf_release(&right);
}

static void
draw_all(struct app *a)
{
	erase();
	curs_set(0);
	if (term_too_small()) {
		draw_too_small();
		refresh();
		return;
	}
	a->bar_rows = 1;
	a->screen->draw(a);
	if (a->status.len > 0) {
		int y = app_status_row(a);
		int cy, cx;

		getyx(stdscr, cy, cx);
		draw_clear_rows(y, y + status_rows(a) - 1);
		draw_wrapped(y, 1, COLS - 2, a->status.buf, 0, status_rows(a),
			     a->status_attr);
		move(cy, cx);
	}
	refresh();
}

/* Keys every screen shares, after the screen declined the key. */
static void
global_key(struct app *a, const struct tkey *k)
{
	if (tkey_fn(k, TKEY_PASTE)) {
		app_status(
			a, DRAW_NORMAL, "%s",
			_("Pasting works only while typing in a text field."));
	} else if (tkey_is(k, L'q') || tkey_is(k, L'Q')) {
		a->quit = true;
	} else if (tkey_is(k, L'?') && a->screen != &scr_help) {
		scr_help_open(a, a->screen);
	}
}

/*
 * True when a text field whose Enter saves it is being typed in on the
 * current screen (each screen says; not the report's file name, whose
 * Enter writes the PDF).
 */
static bool
typing(const struct app *a)
{
	return a->screen->typing != NULL && a->screen->typing(a);
}

static void
app_release(struct app *a)
{
	year_data_release(&a->yd);
	vendor_release(&a->vs.edit);
	form_release(&a->vs.form);
	lineedit_release(&a->vs.qle);
	contact_release(&a->cs.edit);
	form_release(&a->cs.form);
	lineedit_release(&a->hs.le);
	server_release(&a->sv.edit);
	form_release(&a->sv.form);
	connection_release(&a->rs.edit);
	form_release(&a->rs.form);
	strbuf_release(&a->status);
	strbuf_release(&a->cl.field_err);
	form_release(&a->setup.form);
	lineedit_release(&a->cl.le);
	lineedit_release(&a->report_path);
	lineedit_release(&a->report_reply);
	store_close(a->store);
	memset(a, 0, sizeof(*a));
}

int
wizard_run(const struct wizard_opts *opts, struct err *e)
{
	struct app *a = &app;
	bool created = false;
	int r = -1;

	memset(a, 0, sizeof(*a));
	a->opts = opts;
	strbuf_init(&a->status, 0);
	strbuf_init(&a->cl.field_err, 0);
	sys_today(&a->today.y, &a->today.m, &a->today.d);
	if (store_open(&a->store, opts->db_path,
		       STORE_LOCK | STORE_CREATE |
			   (opts->db_given ? STORE_NO_MKDIR : 0),
		       &created, e) != 0 ||
	    year_data_load(&a->yd, a->store, opts->content, &a->today,
			   YEAR_DATA_PREVIOUS, e) != 0)
		goto out;
	if (term_start(e) != 0)
		goto out;
	sys_catch_hangup();
	if (!facility_complete(&a->yd.facility) || a->yd.edition == NULL)
		app_show(a, &scr_setup);
	else
		app_show(a, &scr_home);
	if (created)
		app_status(a, DRAW_OK, _("Created a new data file: %s"),
			   opts->db_path);
	if (opts->content->warnings.len > 0)
		app_status(a, DRAW_WARN, "%s", opts->content->warnings.buf);
	while (!a->quit) {
		struct tkey k;

		draw_all(a);
		if (term_read(&k) != 0) {
			/* Hang-up (the window was closed): answers are saved
			 * already; save the text being typed as Enter would. */
			if (a->screen == &scr_help)
				a->screen = a->help_of; /* typing under it */
			if (typing(a)) {
				struct tkey enter = {false, L'\r'};

				a->screen->key(a, &enter);
			}
			break;
		}
		if (tkey_fn(&k, KEY_RESIZE))
			continue;
		if (term_too_small()) {
			if (tkey_is(&k, L'q') || tkey_is(&k, L'Q'))
				a->quit = true;
			continue;
		}
		/* A bare 「保存しました」 is about the key before: left up, it
		 * would read as if what is typed next were saved too. Other
		 * messages stay until something replaces them. */
		if (a->status_once)
			strbuf_reset(&a->status);
		/* F1 is the help everywhere, even while typing (where ? is a
		 * character); the help returns to the screen as it was */
		if (tkey_fn(&k, KEY_F(1)) && a->screen != &scr_help)
			scr_help_open(a, a->screen);
		else if (!a->screen->key(a, &k))
			global_key(a, &k);
	}
	sys_ignore_hangup();
	term_stop();
	r = 0;
out:
	app_release(a);
	return r;
}

void
app_form_leave(struct app *a, const struct screen *s)
{
	struct strbuf keep = STRBUF_INIT;
	bool warn = a->status_attr == DRAW_WARN && a->status.len > 0;

	/* a warning the last save gave (a password in a memo) stays */
	if (warn)
		strbuf_addstr(&keep, a->status.buf);
	app_show(a, s);
	if (warn) {
		app_status(a, DRAW_WARN, "%s", keep.buf);
	} else {
		app_status(a, DRAW_NORMAL, "%s",
			   _("Back. Everything you entered there is saved."));
		a->status_once = true;
	}
	strbuf_release(&keep);
}

bool
app_form_key(struct app *a, struct form *fm, const struct tkey *k,
	     const struct screen *back)
{
	switch (form_key(fm, k)) {
	case FORM_LEAVE:
		app_form_leave(a, back);
		return true;
	case FORM_DONE:
		return true;
	default:
		return false;
	}
}

void
app_form_say(void *ctx, unsigned attr, const char *msg)
{
	app_status(ctx, attr, "%s", msg);
}

void
app_form_keys(struct app *a, const struct form *fm)
{
	struct keyhelp keys[FORM_KEYS_MAX];

	app_keys(a, keys, form_keys(fm, keys));
}

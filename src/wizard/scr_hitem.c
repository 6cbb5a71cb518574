/* The items of 保守委託機関編 itself, one per screen. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static const struct hoshu_item *
item(const struct app *a)
{
	return &a->yd.content->hoshu.items[a->hs.item];
}

static struct answer
current(const struct app *a)
{
	const struct answer *s =
		answer_set_find(&a->yd.answers, item(a)->id, CELL_ALL);
	struct answer blank;

	if (s != NULL)
		return *s;
	memset(&blank, 0, sizeof(blank));
	blank.year = a->yd.facility.year;
	strcpy(blank.item_id, item(a)->id);
	blank.cell = CELL_ALL;
	return blank;
}

static void
hitem_enter(struct app *a)
{
	a->hs.memo = false;
	if (a->hs.item >= a->yd.content->hoshu.nitems)
		a->hs.item = 0;
}

static void
save(struct app *a, enum answer_value v, const char *memo, bool set_memo)
{
	struct answer cur = current(a), ans;

	answer_copy(&ans, &cur);
	if (!set_memo) {
		struct err e = ERR_INIT;

		if (hoshu_value_check(HOSHU_ASK_ITEM, v, &e) != 0) {
			app_status_err(a, &e);
			answer_release(&ans);
			return;
		}
		ans.value = v;
		if (!date_is_set(&ans.checked))
			ans.checked = date_default_checked(a->yd.facility.year,
							   &a->today);
	} else {
		answer_set_text(&ans.memo, memo);
	}
	app_other_answer_save(a, &ans);
	answer_release(&ans);
}

static void
hitem_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"1-3", N_("answer")}, {"←→", N_("previous/next question")},
		{"Tab", N_("memo")},   {"Esc", N_("back")},
		{"q", N_("quit")},
	};
	static const struct keyhelp keys_edit[] = {
		{"Enter", N_("save")},
		{"Esc", N_("undo")},
	};
	enum answer_value vals[HOSHU_VALUES_MAX];
	int nv = (int)hoshu_values(HOSHU_ASK_ITEM, vals);
	const struct hoshu_item *it = item(a);
	struct answer cur = current(a);
	struct strbuf sb = STRBUF_INIT;
	int y, form_y, x, i;

	app_keys(a, a->hs.memo ? keys_edit : keys, a->hs.memo ? 2 : 5);
	strbuf_addf(&sb, _("Maintenance-entrustment volume  %zu / %zu"),
		    a->hs.item + 1, a->yd.content->hoshu.nitems);
	app_draw_title(a, sb.buf);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s  %s%s", it->number, it->title,
		    it->verified ? "" : _(" *"));
	y = 1 + draw_wrapped(1, 1, COLS - 2, sb.buf, 0, 2, DRAW_BOLD);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s\n%s\n%s\n%s\n%s %s", _("[What it means]"),
		    it->meaning, _("[How to check]"), it->how, _("[Who acts]"),
		    content_who_label(it->who));
	app_add_terms(a, _("[Words used here]"), it->terms, it->nterms, &sb);
	form_y = app_status_row(a) - 4;
	draw_wrapped(y, 2, COLS - 3, sb.buf, 0, form_y - 1 - y, DRAW_NORMAL);
	mvhline(form_y - 1, 0, ACS_HLINE, COLS);
	draw_text(form_y, 0, a->hs.memo ? " " : ">", 1, DRAW_BOLD);
	draw_text(form_y, 2, _("Answer"), 12, DRAW_BOLD);
	for (i = 0, x = 15; i < nv; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "[%d %s]", i + 1, answer_value_label(vals[i]));
		x += draw_text(form_y, x, sb.buf, -1,
			       cur.value == vals[i] ? DRAW_REVERSE | DRAW_BOLD
						    : DRAW_NORMAL) +
		     1;
	}
	draw_text(form_y + 1, 0, a->hs.memo ? ">" : " ", 1, DRAW_BOLD);
	draw_text(form_y + 1, 2, _("Memo"), 12, DRAW_NORMAL);
	if (it->request != NULL &&
	    (cur.value == ANSWER_NO || cur.value == ANSWER_UNKNOWN)) {
		strbuf_reset(&sb);
		strbuf_addstr(
			&sb,
			_("This goes on the sheet of each vendor that updates a server: "));
		strbuf_addstr(&sb, it->request);
		draw_wrapped(form_y + 2, 2, COLS - 3, sb.buf, 0, 1, DRAW_WARN);
	}
	if (a->hs.memo)
		lineedit_draw(&a->hs.le, form_y + 1, 15, COLS - 17, true);
	else
		draw_field(form_y + 1, 15, cur.memo != NULL ? cur.memo : "",
			   COLS - 17, DRAW_UNDERLINE);
	strbuf_release(&sb);
}

static bool
hitem_key(struct app *a, const struct tkey *k)
{
	struct hoshu_state *s = &a->hs;
	size_t n = a->yd.content->hoshu.nitems;

	if (s->memo) {
		enum lineedit_result r = lineedit_key(&s->le, k);

		if (r == LE_ENTER || r == LE_NEXT || r == LE_PREV) {
			char *t = lineedit_text(&s->le);

			save(a, ANSWER_NONE, t, true);
			free(t);
			s->memo = false;
		} else if (r == LE_CANCEL) {
			s->memo = false;
		} else if (r == LE_REFUSED) {
			app_status_refused(a, &s->le);
		}
		return true;
	}
	if (!k->fn && k->ch >= L'1' && k->ch <= L'9') {
		/* the answers model/hoshu allows, keyed 1, 2, 3 */
		enum answer_value v[HOSHU_VALUES_MAX];
		size_t nv = hoshu_values(HOSHU_ASK_ITEM, v);

		if ((size_t)(k->ch - L'1') >= nv)
			return false;
		save(a, v[k->ch - L'1'], NULL, false);
	} else if (tkey_fn(k, KEY_LEFT)) {
		if (s->item > 0)
			s->item--;
		else
			app_status(a, DRAW_NORMAL, "%s",
				   _("This is the first question."));
	} else if (tkey_fn(k, KEY_RIGHT)) {
		if (s->item + 1 < n) {
			s->item++;
		} else {
			app_show(a, &scr_hoshu);
			app_status(a, DRAW_OK, "%s",
				   _("That was the last item of the volume."));
		}
	} else if (tkey_tab(k) || tkey_fn(k, KEY_DOWN) || tkey_enter(k)) {
		struct answer cur = current(a);

		lineedit_release(&s->le);
		lineedit_init(&s->le, cur.memo != NULL ? cur.memo : "",
			      ANSWER_MEMO_MAX);
		s->memo = true;
	} else if (tkey_escape(k)) {
		app_show(a, &scr_hoshu);
	} else {
		return false;
	}
	return true;
}

static void
hitem_help(const struct app *a, struct strbuf *sb)
{
	scr_hoshu_help(a, sb);
	if (a->hs.item < a->yd.content->hoshu.nitems) {
		const struct hoshu_item *it =
			&a->yd.content->hoshu.items[a->hs.item];

		app_add_terms(a, _("[Words used in this question]"), it->terms,
			      it->nterms, sb);
	}
}

static bool
hitem_typing(const struct app *a)
{
	return a->hs.memo;
}

const struct screen scr_hitem = {
	.name = "hitem",
	.enter = hitem_enter,
	.draw = hitem_draw,
	.key = hitem_key,
	.typing = hitem_typing,
	.help = hitem_help,
};

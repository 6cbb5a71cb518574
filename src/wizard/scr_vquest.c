/*
 * The questions about one vendor, one per screen: its contract
 * (common/vendors.yaml), the 事業者確認用 items it has confirmed, or the
 * areas of the MDS/SDS 【別紙】 of 保守委託機関編 (common/hoshu.yaml).
 */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* The contract questions that apply to the vendor, counted or indexed. */
static const struct vquestion *
question(const struct app *a, size_t step, size_t *count)
{
	const struct content *c = a->yd.content;
	const struct vquestion *hit = NULL;
	size_t i, n = 0;

	for (i = 0; i < c->nquestions; i++) {
		if (!content_question_applies(&c->questions[i],
					      a->vs.edit.contract))
			continue;
		if (n == step)
			hit = &c->questions[i];
		n++;
	}
	if (count != NULL)
		*count = n;
	return hit;
}

const struct vquestion *
app_vquest_current(const struct app *a)
{
	if (a->vs.mode == VQ_FORM || a->vs.mode == VQ_SDS)
		return NULL;
	return question(a, a->vs.step, NULL);
}

static size_t
steps(const struct app *a)
{
	size_t n = 0;

	if (a->vs.mode == VQ_FORM)
		return a->yd.edition->nvitems;
	if (a->vs.mode == VQ_SDS)
		return a->yd.content->hoshu.nareas;
	question(a, 0, &n);
	return n;
}

/* The item id of the current step. */
static const char *
step_id(const struct app *a)
{
	if (a->vs.mode == VQ_FORM)
		return a->yd.edition->vitems[a->vs.step].id;
	if (a->vs.mode == VQ_SDS)
		return a->yd.content->hoshu.areas[a->vs.step].id;
	return question(a, a->vs.step, NULL)->id;
}

void
scr_vquest_open(struct app *a, const struct vendor *v, int mode,
		const char *item_id, const struct screen *back)
{
	size_t n, i;

	if (v != &a->vs.edit) {
		vendor_release(&a->vs.edit);
		vendor_copy(&a->vs.edit, v);
	}
	a->vs.mode = mode;
	a->vs.back = back;
	a->vs.step = 0;
	n = steps(a);
	for (i = 0; item_id != NULL && i < n; i++) {
		a->vs.step = i;
		if (strcmp(step_id(a), item_id) == 0)
			break;
	}
	if (i == n)
		a->vs.step = 0;
	app_show(a, &scr_vquest);
}

/* What the current step's answer is to. */
static enum vanswer_kind
kind(const struct app *a)
{
	return a->vs.mode == VQ_FORM  ? VANSWER_FORM
	       : a->vs.mode == VQ_SDS ? VANSWER_SDS
				      : VANSWER_CONTRACT;
}

static struct vanswer
current(const struct app *a)
{
	const struct vanswer *s =
		vanswer_find(&a->yd.vanswers, a->vs.edit.id, step_id(a));
	struct vanswer blank;

	if (s != NULL)
		return *s;
	memset(&blank, 0, sizeof(blank));
	blank.year = a->yd.facility.year;
	blank.vendor = a->vs.edit.id;
	strcpy(blank.item_id, step_id(a));
	return blank;
}

static void
set_focus(struct app *a, int f)
{
	struct vanswer cur;

	lineedit_release(&a->vs.qle);
	a->vs.qfocus = f;
	if (f == 1) {
		cur = current(a);
		lineedit_init(&a->vs.qle, cur.memo != NULL ? cur.memo : "",
			      VENDOR_MEMO_MAX);
	}
}

static void
vquest_enter(struct app *a)
{
	if (a->vs.step >= steps(a))
		a->vs.step = 0;
	set_focus(a, 0);
}

static void
choose(struct app *a, enum answer_value v)
{
	struct vanswer cur = current(a), va = cur;

	va.memo = cur.memo != NULL ? xstrdup(cur.memo) : NULL;
	va.value = v;
	app_vanswer_save(a, &va, vanswer_allows(kind(a), ANSWER_NA));
	free(va.memo);
}

static void
commit_memo(struct app *a)
{
	struct vanswer cur = current(a), va = cur;

	va.memo = lineedit_text(&a->vs.qle);
	if (va.memo[0] == '\0') {
		free(va.memo);
		va.memo = NULL;
	}
	if (strcmp(va.memo ? va.memo : "", cur.memo ? cur.memo : "") != 0 &&
	    app_vanswer_save(a, &va, vanswer_allows(kind(a), ANSWER_NA)) != 0) {
		free(va.memo);
		return;
	}
	free(va.memo);
	set_focus(a, 0);
}

static void
go(struct app *a, int dir)
{
	size_t n = steps(a);

	if (dir < 0 && a->vs.step == 0) {
		app_status(a, DRAW_NORMAL, "%s",
			   _("This is the first question."));
		return;
	}
	if (dir > 0 && a->vs.step + 1 >= n) {
		app_show(a, a->vs.back);
		app_status(a, DRAW_OK, "%s",
			   _("That was the last question for this vendor."));
		return;
	}
	a->vs.step = dir > 0 ? a->vs.step + 1 : a->vs.step - 1;
	set_focus(a, 0);
	strbuf_reset(&a->status);
}

/* The text above the form: what is asked, why, how; or the form item. */
static void
body(const struct app *a, struct strbuf *sb, struct strbuf *title)
{
	if (a->vs.mode == VQ_FORM) {
		const struct vendor_item *it =
			&a->yd.edition->vitems[a->vs.step];

		strbuf_addf(title, "%s  %s%s", it->number, it->title,
			    it->verified ? "" : _(" *"));
		strbuf_addf(sb, "%s\n%s\n", _("[What the vendor confirms]"),
			    it->meaning);
		strbuf_addf(sb, "%s\n%s",
			    _("[What we ask if it is not confirmed]"), it->ask);
		if (!it->verified)
			strbuf_addf(
				sb, "\n%s",
				_("* Check the number and wording against the official form."));
	} else if (a->vs.mode == VQ_SDS) {
		const struct sds_area *ar =
			&a->yd.content->hoshu.areas[a->vs.step];

		strbuf_addf(title, _("MDS/SDS: %s%s"), ar->area,
			    ar->verified ? "" : _(" *"));
		strbuf_addf(sb, "%s\n%s\n",
			    _("[What to look for in the vendor's MDS/SDS]"),
			    ar->question);
		strbuf_addf(sb, "%s\n%s\n", _("[What we ask if it is \"no\"]"),
			    ar->request);
		strbuf_addf(
			sb, "%s",
			_("An answer \"no\" needs a note: the risk as the clinic sees it, what it does about it, and how it will explain the choice at an on-site inspection."));
	} else {
		const struct vquestion *q = question(a, a->vs.step, NULL);

		strbuf_addf(title, "%s  %s", q->number, q->title);
		strbuf_addf(sb, "%s\n%s\n", _("[Question]"), q->question);
		strbuf_addf(sb, "%s\n%s\n", _("[Why it matters]"), q->why);
		strbuf_addf(sb, "%s\n%s", _("[How to check]"), q->how);
		if (q->table_ref != NULL)
			strbuf_addf(
				sb,
				_("\n(Role-sharing checklist of June 2024: %s)"),
				q->table_ref);
		app_add_terms(a, _("[Words used here]"), q->terms, q->nterms,
			      sb);
	}
}

/* The request this step puts on the sheet, or NULL. */
static const char *
step_request(const struct app *a)
{
	if (a->vs.mode == VQ_FORM)
		return a->yd.edition->vitems[a->vs.step].ask;
	if (a->vs.mode == VQ_SDS)
		return a->yd.content->hoshu.areas[a->vs.step].request;
	return question(a, a->vs.step, NULL)->request;
}

/* The answers offered (model/vendor decides which), in key order 1-4. */
static size_t
values(const struct app *a, enum answer_value *v, const char **label)
{
	size_t n = vanswer_values(kind(a), v), i;

	for (i = 0; i < n; i++) {
		label[i] = answer_value_label(v[i]);
		if (a->vs.mode == VQ_FORM && v[i] == ANSWER_YES)
			label[i] = _("Yes (confirmed)");
		else if (a->vs.mode == VQ_FORM && v[i] == ANSWER_UNKNOWN)
			label[i] = _("Not returned yet");
		else if (v[i] == ANSWER_NA)
			label[i] = _("Not relevant");
	}
	return n;
}

/* Appends what the answer cur leads to, said under it: the place a
 * clause needs, the risk note, or the request it puts on the sheet. */
static void
under_answer(const struct app *a, const struct vanswer *cur, struct strbuf *sb)
{
	if (a->vs.mode == VQ_CONTRACT && cur->value == ANSWER_YES &&
	    cur->memo == NULL &&
	    app_vquest_current(a) == hoshu_clause_question(a->yd.content))
		strbuf_addstr(
			sb,
			_("Write in the memo where it is written (document and clause, e.g. maintenance contract article 8): the maintenance-entrustment volume counts \"yes\" only with it (Tab)."));
	else if (a->vs.mode == VQ_SDS && cur->value == ANSWER_NO &&
		 cur->memo == NULL)
		strbuf_addstr(
			sb,
			_("Write the risk note: the risk, what the clinic does about it, how it will explain it at an inspection (Tab)."));
	else if (cur->value == ANSWER_NO || cur->value == ANSWER_UNKNOWN ||
		 (a->vs.mode == VQ_FORM && cur->value == ANSWER_NONE)) {
		strbuf_addstr(sb,
			      _("This goes on the vendor's request sheet: "));
		strbuf_addstr(sb, step_request(a));
	}
}

static void
vquest_draw(struct app *a)
{
	static const struct keyhelp keys_answer[] = {
		{"1-4", N_("answer")}, {"←→", N_("previous/next question")},
		{"Tab", N_("memo")},   {"?", N_("help")},
		{"Esc", N_("back")},   {"q", N_("quit")},
	};
	static const struct keyhelp keys_edit[] = {
		{"Enter", N_("save")},
		{"Esc", N_("undo")},
	};
	enum answer_value vals[VANSWER_VALUES_MAX];
	const char *labels[VANSWER_VALUES_MAX];
	size_t nv = values(a, vals, labels), i;
	struct strbuf sb = STRBUF_INIT, title = STRBUF_INIT;
	struct vanswer cur = current(a);
	int form_y, y, lines, x;

	if (a->vs.qfocus == 1)
		app_keys(a, keys_edit, 2);
	else
		app_keys(a, keys_answer, 6);
	if (a->vs.mode == VQ_FORM)
		strbuf_addf(&sb, _("%s: %s returned  %zu / %zu"),
			    a->vs.edit.name, a->yd.edition->vendor_form,
			    a->vs.step + 1, steps(a));
	else if (a->vs.mode == VQ_SDS)
		strbuf_addf(&sb, _("%s: MDS/SDS check  %zu / %zu"),
			    a->vs.edit.name, a->vs.step + 1, steps(a));
	else
		strbuf_addf(&sb, _("%s: the contract  %zu / %zu"),
			    a->vs.edit.name, a->vs.step + 1, steps(a));
	app_draw_title(a, sb.buf);
	strbuf_reset(&sb);
	body(a, &sb, &title);
	y = 1 + draw_wrapped(1, 1, COLS - 2, title.buf, 0, 2, DRAW_BOLD);
	form_y = app_status_row(a) - 5;
	lines = form_y - 1 - y;
	if (draw_wrapped_lines(sb.buf, COLS - 3) > lines && lines > 1) {
		draw_wrapped(y, 2, COLS - 3, sb.buf, 0, lines - 1, DRAW_NORMAL);
		draw_text(y + lines - 1, 2,
			  _("... (? shows the whole question)"), -1,
			  DRAW_DIM);
	} else {
		draw_wrapped(y, 2, COLS - 3, sb.buf, 0, lines, DRAW_NORMAL);
	}
	mvhline(form_y - 1, 0, ACS_HLINE, COLS);
	draw_text(form_y, 0, a->vs.qfocus == 0 ? ">" : " ", 1, DRAW_BOLD);
	draw_text(form_y, 2,
		  a->vs.mode == VQ_FORM ? _("Vendor said") : _("Answer"), 12,
		  DRAW_BOLD);
	x = 15;
	for (i = 0; i < nv; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "[%zu %s]", i + 1, labels[i]);
		x += draw_text(form_y, x, sb.buf, -1,
			       cur.value == vals[i] ? DRAW_REVERSE | DRAW_BOLD
						    : DRAW_NORMAL) +
		     1;
	}
	draw_text(form_y + 1, 0, a->vs.qfocus == 1 ? ">" : " ", 1, DRAW_BOLD);
	draw_text(form_y + 1, 2,
		  a->vs.mode == VQ_SDS ? _("Risk note") : _("Memo"), 12,
		  DRAW_NORMAL);
	if (a->vs.qfocus != 1)
		draw_field(form_y + 1, 15, cur.memo != NULL ? cur.memo : "",
			   COLS - 17, DRAW_UNDERLINE);
	strbuf_reset(&sb);
	under_answer(a, &cur, &sb);
	if (sb.len)
		draw_wrapped(form_y + 2, 2, COLS - 3, sb.buf, 0, 2, DRAW_WARN);
	if (a->vs.qfocus == 1)
		lineedit_draw(&a->vs.qle, form_y + 1, 15, COLS - 17, true);
	strbuf_release(&sb);
	strbuf_release(&title);
}

static bool
vquest_key(struct app *a, const struct tkey *k)
{
	if (a->vs.qfocus == 1) {
		switch (lineedit_key(&a->vs.qle, k)) {
		case LE_ENTER:
		case LE_NEXT:
		case LE_PREV:
			commit_memo(a);
			break;
		case LE_CANCEL:
			set_focus(a, 0);
			app_status(a, DRAW_NORMAL, "%s",
				   _("The field was left unchanged."));
			break;
		case LE_REFUSED:
			app_status_refused(a, &a->vs.qle);
			break;
		default:
			break;
		}
		return true;
	}
	if (!k->fn && k->ch >= L'1' && k->ch <= L'4') {
		enum answer_value v[VANSWER_VALUES_MAX];
		const char *labels[VANSWER_VALUES_MAX];
		size_t n = values(a, v, labels);

		if ((size_t)(k->ch - L'1') < n)
			choose(a, v[k->ch - L'1']);
	} else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_PPAGE)) {
		go(a, -1);
	} else if (tkey_fn(k, KEY_RIGHT) || tkey_fn(k, KEY_NPAGE)) {
		go(a, 1);
	} else if (tkey_tab(k) || tkey_fn(k, KEY_DOWN) || tkey_enter(k)) {
		set_focus(a, 1);
	} else if (tkey_escape(k)) {
		app_show(a, a->vs.back);
	} else {
		return false;
	}
	return true;
}

static void
vquest_help(const struct app *a, struct strbuf *sb)
{
	const struct vquestion *q = app_vquest_current(a);
	struct strbuf title = STRBUF_INIT, text = STRBUF_INIT;

	/* the words of the question, then the question in full (the
	 * screen may cut it), then how the vendor screens work */
	if (q != NULL && q->nterms > 0) {
		app_add_terms(a, _("[Words used in this question]"), q->terms,
			      q->nterms, sb);
		strbuf_addch(sb, '\n');
	}
	body(a, &text, &title);
	strbuf_addf(sb, "%s\n%s\n\n", title.buf, text.buf);
	strbuf_release(&title);
	strbuf_release(&text);
	scr_vendors_help(a, sb);
}

static bool
vquest_typing(const struct app *a)
{
	return a->vs.qfocus == 1;
}

const struct screen scr_vquest = {
	.name = "vquest",
	.enter = vquest_enter,
	.draw = vquest_draw,
	.key = vquest_key,
	.typing = vquest_typing,
	.help = vquest_help,
};

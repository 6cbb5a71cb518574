/* チェックリスト: one question per screen, in official order. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "model/carry.h"
#include "model/conflict.h"
#include "model/gap.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

enum {
	CL_ANSWER,
	CL_ASK, /* 確認先 of a わからない: in-house or a vendor */
	CL_CHECKED,
	CL_TARGET,
	CL_OWNER,
	CL_MEMO,
	CL__COUNT
};

#define CL_LABEL_X 2
#define CL_FIELD_X 12
#define CL_DATE_W  14

/* The current item and cell. */
static const struct item *
current(const struct app *a, enum cell *cell)
{
	const struct item *it;

	app_step(a, a->cl.step, &it, cell);
	return it;
}

/* The saved answer of the current step, or a blank one (not owned). */
static struct answer
current_answer(const struct app *a)
{
	enum cell cell;
	const struct item *it = current(a, &cell);
	const struct answer *s = answer_set_find(&a->yd.answers, it->id, cell);
	struct answer blank;

	if (s != NULL)
		return *s;
	memset(&blank, 0, sizeof(blank));
	blank.year = a->yd.facility.year;
	strcpy(blank.item_id, it->id);
	blank.cell = cell;
	return blank;
}

/* True if the field can take the focus for this answer. */
static bool
field_active(const struct app *a, int f)
{
	enum cell cell;
	const struct item *it = current(a, &cell);
	struct answer ans = current_answer(a);

	if (f == CL_TARGET)
		return answer_needs_target(it, ans.value);
	if (f == CL_ASK)
		return ans.value == ANSWER_UNKNOWN;
	return true;
}

/* The text of a field as shown when it is not being edited. */
static char *
field_text(const struct app *a, int f)
{
	struct answer ans = current_answer(a);
	char iso[11];

	switch (f) {
	case CL_CHECKED:
		date_iso(&ans.checked, iso);
		return xstrdup(iso);
	case CL_TARGET:
		date_iso(&ans.target, iso);
		return xstrdup(iso);
	case CL_OWNER:
		return xstrdup(ans.owner ? ans.owner : "");
	case CL_MEMO:
		return xstrdup(ans.memo ? ans.memo : "");
	}
	return xstrdup("");
}

static size_t
field_max(int f)
{
	if (f == CL_OWNER)
		return ANSWER_OWNER_MAX;
	if (f == CL_MEMO)
		return ANSWER_MEMO_MAX;
	return 40; /* dates: room for 令和8年12月1日 typed in full */
}

static void
set_focus(struct app *a, int f)
{
	struct checklist_state *s = &a->cl;
	char *t;

	lineedit_release(&s->le);
	strbuf_reset(&s->field_err);
	s->focus = f;
	s->editing = f != CL_ANSWER && f != CL_ASK;
	if (!s->editing)
		return;
	t = field_text(a, f);
	lineedit_init(&s->le, t, field_max(f));
	free(t);
}

static void cycle_ask(struct app *a, int dir);

void
scr_checklist_open(struct app *a, size_t step)
{
	a->cl.step = step;
	app_show(a, &scr_checklist);
}

static void
checklist_enter(struct app *a)
{
	if (a->cl.step >= app_steps(a))
		a->cl.step = 0;
	set_focus(a, CL_ANSWER);
}

/* Moves to another step; returns to ホーム past either end. */
static void
go_step(struct app *a, int dir)
{
	size_t n = app_steps(a);
	enum cell cell;

	if (dir < 0 && a->cl.step == 0) {
		app_status(a, DRAW_NORMAL, "%s",
			   _("This is the first question."));
		return;
	}
	if (dir > 0 && (a->cl.step + 1 >= n ||
			(current(a, &cell)->gate &&
			 gap_gate_no(a->yd.edition, &a->yd.answers)))) {
		app_show(a, &scr_home);
		if (gap_gate_no(a->yd.edition, &a->yd.answers))
			app_status(
				a, DRAW_OK, "%s",
				_("You have no medical information system, so the other items are not needed."));
		else
			app_status(
				a, DRAW_OK, "%s",
				_("That was the last question of the checklist."));
		return;
	}
	a->cl.step = dir > 0 ? a->cl.step + 1 : a->cl.step - 1;
	set_focus(a, CL_ANSWER);
	strbuf_reset(&a->status);
}

/* Chooses an answer value and saves it. */

static void
choose(struct app *a, enum answer_value v)
{
	enum cell cell;
	const struct item *it = current(a, &cell);
	struct answer ans;

	if (v == ANSWER_NA && it->na == NULL) {
		app_status(
			a, DRAW_ERROR, "%s",
			_("\"not applicable\" is not possible for this item"));
		return;
	}
	if (it->gate && (v == ANSWER_UNKNOWN || v == ANSWER_NA)) {
		app_status(a, DRAW_ERROR, "%s",
			   _("answer this item with yes or no"));
		return;
	}
	struct answer cur = current_answer(a);

	answer_copy(&ans, &cur);
	ans.value = v;
	if (!date_is_set(&ans.checked))
		ans.checked =
			date_default_checked(a->yd.facility.year, &a->today);
	if (!answer_needs_target(it, v))
		ans.target = (struct date)DATE_NONE;
	if (app_answer_save(a, &ans) != 0) {
		/* not saved: the status line says why, nothing else */
	} else if (answer_needs_target(it, v) && !date_is_set(&ans.target)) {
		struct strbuf sb = STRBUF_INIT;
		struct date lo, hi;

		date_target_range(&ans.checked, a->yd.facility.year, &lo, &hi);
		date_add_wareki(&sb, &lo);
		strbuf_addstr(&sb, _(" to "));
		date_add_wareki(&sb, &hi);
		app_status(a, DRAW_OK,
			   _("Saved. Now enter the target date (%s)."), sb.buf);
		strbuf_release(&sb);
		set_focus(a, CL_TARGET);
	} else if (it->gate && v == ANSWER_NO) {
		app_status(
			a, DRAW_OK, "%s",
			_("Saved. With no medical information system, the other items are not needed."));
	}
	answer_release(&ans);
}

/* Last year's answer to offer for the current step, when none yet. */
static struct carry
offer(const struct app *a)
{
	enum cell cell;
	const struct item *it = current(a, &cell);
	struct answer cur = current_answer(a);
	struct carry none = {NULL, NULL};

	if (cur.value != ANSWER_NONE)
		return none;
	return carry_offer(a->yd.edition, a->yd.prev_edition,
			   &a->yd.prev_answers, it, cell);
}

/* Takes last year's answer: value and memo, never the dates. */
static void
take_offer(struct app *a)
{
	enum cell cell;
	const struct item *it = current(a, &cell);
	struct carry c = offer(a);
	struct answer cur = current_answer(a), ans;

	if (c.answer == NULL) {
		app_status(
			a, DRAW_NORMAL, "%s",
			_("There is no answer from last year to take over here."));
		return;
	}
	answer_copy(&ans, &cur);
	carry_take(&ans, c.answer);
	if (it->na == NULL && ans.value == ANSWER_NA)
		ans.value = ANSWER_NONE; /* not offered by this edition */
	ans.checked = date_default_checked(a->yd.facility.year, &a->today);
	ans.target = (struct date)DATE_NONE;
	if (ans.value != ANSWER_NONE && app_answer_save(a, &ans) == 0) {
		app_status(
			a, DRAW_OK, "%s",
			_("Took over last year's answer. Check that it is still true today."));
		if (answer_needs_target(it, ans.value))
			set_focus(a, CL_TARGET);
	}
	answer_release(&ans);
}

/* Commits the edited field. Returns 0, or -1 keeping the focus. */
static int
commit(struct app *a)
{
	struct checklist_state *s = &a->cl;
	struct answer cur = current_answer(a), ans;
	char *t = lineedit_text(&s->le);
	struct date d = DATE_NONE;
	struct err e = ERR_INIT;
	char *orig = field_text(a, s->focus);
	bool same = strcmp(t, orig) == 0;
	int r = -1;

	free(orig);
	strbuf_reset(&s->field_err);
	if (same) {
		free(t);
		return 0;
	}
	answer_copy(&ans, &cur);
	if (s->focus == CL_CHECKED || s->focus == CL_TARGET) {
		const char *p = t;

		while (*p == ' ')
			p++;
		if (*p != '\0' && date_parse(t, &d, &e) != 0) {
			strbuf_addstr(&s->field_err, e.msg);
			goto out;
		}
		if (s->focus == CL_CHECKED)
			ans.checked = d;
		else
			ans.target = d;
	} else if (s->focus == CL_OWNER) {
		answer_set_text(&ans.owner, t);
	} else {
		answer_set_text(&ans.memo, t);
	}
	if (app_answer_save(a, &ans) != 0) {
		strbuf_addstr(&s->field_err, a->status.buf);
		goto out;
	}
	r = 0;
out:
	answer_release(&ans);
	free(t);
	return r;
}

/* Next or previous focusable field, or CL_ANSWER past the ends. */
static int
neighbour(const struct app *a, int f, int dir)
{
	do {
		f += dir;
	} while (f > CL_ANSWER && f < CL__COUNT && !field_active(a, f));
	if (f <= CL_ANSWER || f >= CL__COUNT)
		return CL_ANSWER;
	return f;
}

static bool
checklist_key(struct app *a, const struct tkey *k)
{
	struct checklist_state *s = &a->cl;

	if (s->editing) {
		switch (lineedit_key(&s->le, k)) {
		case LE_ENTER:
		case LE_NEXT:
			if (commit(a) == 0)
				set_focus(a, neighbour(a, s->focus, 1));
			break;
		case LE_PREV:
			if (commit(a) == 0)
				set_focus(a, neighbour(a, s->focus, -1));
			break;
		case LE_CANCEL:
			set_focus(a, CL_ANSWER);
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
	if (s->focus == CL_ASK) {
		if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_RIGHT))
			cycle_ask(a, tkey_fn(k, KEY_LEFT) ? -1 : 1);
		else if (tkey_tab(k) || tkey_fn(k, KEY_DOWN) || tkey_enter(k))
			set_focus(a, neighbour(a, CL_ASK, 1));
		else if (tkey_backtab(k) || tkey_fn(k, KEY_UP) ||
			 tkey_escape(k))
			set_focus(a, CL_ANSWER);
		else
			return false;
		return true;
	}
	if (!k->fn && k->ch >= L'1' && k->ch <= L'4') {
		static const enum answer_value v[] = {
			ANSWER_YES, ANSWER_NO, ANSWER_UNKNOWN, ANSWER_NA};

		choose(a, v[k->ch - L'1']);
	} else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_PPAGE)) {
		go_step(a, -1);
	} else if (tkey_fn(k, KEY_RIGHT) || tkey_fn(k, KEY_NPAGE)) {
		go_step(a, 1);
	} else if (tkey_tab(k) || tkey_fn(k, KEY_DOWN) || tkey_enter(k)) {
		set_focus(a, neighbour(a, CL_ANSWER, 1));
	} else if (tkey_backtab(k) || tkey_fn(k, KEY_UP)) {
		set_focus(a, neighbour(a, CL__COUNT, -1));
	} else if (tkey_is(k, L'd') || tkey_is(k, L'D')) {
		app_show(a, &scr_detail);
	} else if (tkey_is(k, L'y') || tkey_is(k, L'Y')) {
		take_offer(a);
	} else if (tkey_escape(k)) {
		app_show(a, &scr_home);
	} else {
		return false;
	}
	return true;
}

/* The explanation text of it: 意味, 理由, 確かめ方, 担当, できている状態. */
static void
explanation(const struct item *it, struct strbuf *sb)
{
	strbuf_addf(sb, "%s\n%s\n", _("[What it means]"), it->meaning);
	strbuf_addf(sb, "%s\n%s\n", _("[Why it matters]"), it->why);
	strbuf_addf(sb, "%s\n%s\n", _("[How to check]"), it->how);
	strbuf_addf(sb, "%s %s\n", _("[Who acts]"), content_who_label(it->who));
	strbuf_addf(sb, "%s\n%s", _("[What \"yes\" looks like]"), it->done);
}

static void
draw_answer_row(struct app *a, int y, const struct item *it,
		const struct answer *ans)
{
	static const enum answer_value vals[] = {ANSWER_YES, ANSWER_NO,
						 ANSWER_UNKNOWN, ANSWER_NA};
	int x = CL_FIELD_X;
	size_t i;
	bool foc = a->cl.focus == CL_ANSWER;

	draw_text(y, CL_LABEL_X - 2, foc ? ">" : " ", 1, DRAW_BOLD);
	draw_text(y, CL_LABEL_X, _("Answer"), CL_FIELD_X - CL_LABEL_X - 1,
		  foc ? DRAW_BOLD : DRAW_NORMAL);
	for (i = 0; i < 4; i++) {
		struct strbuf sb = STRBUF_INIT;
		bool offered = !(vals[i] == ANSWER_NA && it->na == NULL) &&
			       !(it->gate && (vals[i] == ANSWER_UNKNOWN ||
					      vals[i] == ANSWER_NA));
		unsigned attr = DRAW_NORMAL;

		if (!offered)
			continue;
		strbuf_addf(&sb, "[%zu %s]", i + 1,
			    answer_value_label(vals[i]));
		if (ans->value == vals[i])
			attr = DRAW_REVERSE | DRAW_BOLD;
		x += draw_text(y, x, sb.buf, -1, attr) + 1;
		strbuf_release(&sb);
	}
}

/* The label of where a わからない is being checked. */
static void
add_ask(const struct app *a, long ask, struct strbuf *sb)
{
	const struct vendor *v = vendor_list_find(&a->yd.vendors, ask);

	if (v == NULL)
		strbuf_addstr(sb, _("checked in-house"));
	else
		strbuf_addf(sb, _("asked of %s"), v->name);
}

static void
draw_ask_row(struct app *a, int y, const struct answer *ans)
{
	bool foc = a->cl.focus == CL_ASK;
	struct strbuf sb = STRBUF_INIT;

	draw_text(y, CL_LABEL_X - 2, foc ? ">" : " ", 1, DRAW_BOLD);
	draw_text(y, CL_LABEL_X, _("Asked of"), CL_FIELD_X - CL_LABEL_X - 1,
		  foc                       ? DRAW_BOLD
		  : field_active(a, CL_ASK) ? DRAW_NORMAL
					    : DRAW_DIM);
	if (!field_active(a, CL_ASK)) {
		draw_text(y, CL_FIELD_X, _("(chosen for \"don't know\")"), -1,
			  DRAW_DIM);
		return;
	}
	strbuf_addstr(&sb, "< ");
	add_ask(a, ans->ask, &sb);
	strbuf_addstr(&sb, " >");
	draw_text(y, CL_FIELD_X, sb.buf, -1, foc ? DRAW_REVERSE : DRAW_NORMAL);
	if (a->yd.vendors.n == 0)
		draw_text(y, CL_FIELD_X + (int)utf8_width(sb.buf) + 1,
			  _("(register vendors under Vendors and contracts)"),
			  -1, DRAW_DIM);
	strbuf_release(&sb);
}

/* Moves 確認先 to the next or previous choice: in-house, each vendor. */
static void
cycle_ask(struct app *a, int dir)
{
	struct answer cur = current_answer(a), ans;
	size_t n = a->yd.vendors.n + 1, i, at = 0;

	for (i = 0; i < a->yd.vendors.n; i++) {
		if (a->yd.vendors.v[i].id == cur.ask)
			at = i + 1;
	}
	at = (at + n + (dir > 0 ? 1 : n - 1)) % n;
	answer_copy(&ans, &cur);
	ans.ask = at == 0 ? 0 : a->yd.vendors.v[at - 1].id;
	app_answer_save(a, &ans);
	answer_release(&ans);
}

static void
draw_field_row(struct app *a, int y, int f, const char *label, const char *hint)
{
	struct checklist_state *s = &a->cl;
	bool foc = s->focus == f;
	bool active = field_active(a, f);
	int w = (f == CL_CHECKED || f == CL_TARGET) ? CL_DATE_W
						    : COLS - CL_FIELD_X - 2;
	int x = CL_FIELD_X + w + 1;

	draw_text(y, CL_LABEL_X - 2, foc ? ">" : " ", 1, DRAW_BOLD);
	draw_text(y, CL_LABEL_X, label, CL_FIELD_X - CL_LABEL_X - 1,
		  foc      ? DRAW_BOLD
		  : active ? DRAW_NORMAL
			   : DRAW_DIM);
	if (!active) {
		draw_text(y, CL_FIELD_X, _("(not needed)"), -1, DRAW_DIM);
		return;
	}
	if (!(foc && s->editing)) {
		char *t = field_text(a, f);

		draw_field(y, CL_FIELD_X, t, w, DRAW_UNDERLINE);
		free(t);
	}
	if (hint != NULL && x < COLS - 2)
		draw_text(y, x, hint, COLS - x - 1, DRAW_DIM);
}

/*
 * What the remote-maintenance inventory says about this item (it answers
 * 2-② and feeds the rules' checklist items), drawn above row bottom.
 * Returns the rows used (0 or 1).
 */
static int
draw_remote_hint(struct app *a, int bottom, const struct item *it)
{
	struct strbuf sb = STRBUF_INIT, title = STRBUF_INIT;
	char *first = NULL;
	size_t i, k, n = 0;

	for (i = 0; i < a->yd.findings.n; i++) {
		const struct finding *f = &a->yd.findings.v[i];
		bool hit = false;

		if (f->kind == FINDING_DEVICE)
			hit = strcmp(it->id, "security-patches") == 0;
		for (k = 0; f->kind == FINDING_RULE && k < f->rule->nchecklist;
		     k++)
			hit = hit || strcmp(f->rule->checklist[k], it->id) == 0;
		if (!hit)
			continue;
		if (first == NULL)
			first = xstrdup(
				remote_finding_title(a->yd.content, f, &title));
		n++;
	}
	strbuf_release(&title);
	{
		struct conflict_list cl = CONFLICT_LIST_INIT;

		conflict_find(a->yd.content, a->yd.edition, &a->yd.answers,
			      &a->yd.findings, &a->yd.vendors, &a->yd.vanswers,
			      &cl);
		for (i = 0; i < cl.n; i++) {
			if (cl.v[i].item == it) {
				strbuf_addstr(&sb, _("Contradiction: "));
				conflict_text(&cl.v[i], &a->yd.vendors, &sb);
				break;
			}
		}
		conflict_list_release(&cl);
		if (sb.len > 0) {
			free(first);
			draw_text(bottom - 1, 1, sb.buf, COLS - 2, DRAW_WARN);
			strbuf_release(&sb);
			return 1;
		}
	}
	if (n > 0)
		strbuf_addf(
			&sb,
			_("From the remote-maintenance inventory: %zu warning(s) about this item, e.g. %s"),
			n, first);
	else if (strcmp(it->id, "remote-maintenance-check") == 0 &&
		 a->yd.connections.n > 0)
		strbuf_addf(
			&sb,
			_("From the remote-maintenance inventory: %zu connection(s) listed. If the vendors confirmed them, this is \"yes\"."),
			a->yd.connections.n);
	free(first);
	if (sb.len == 0) {
		strbuf_release(&sb);
		return 0;
	}
	draw_text(bottom - 1, 1, sb.buf, COLS - 2,
		  n > 0 ? DRAW_WARN : DRAW_DIM);
	strbuf_release(&sb);
	return 1;
}

/*
 * Draws last year's answer above row bottom (the separator), when there is
 * one to offer. Returns the rows used (0, 1 or 2).
 */
static int
draw_offer(struct app *a, int bottom, const struct item *it)
{
	struct carry c = offer(a);
	struct strbuf sb = STRBUF_INIT, note = STRBUF_INIT;
	int rows = 1, nl = 0;
	size_t i;

	if (c.answer == NULL)
		return 0;
	if (c.map != NULL && c.map->note != NULL) {
		strbuf_addf(&note, _("Changed this year: %s"), c.map->note);
		/* one paragraph: Japanese needs no space where a line ended */
		for (i = 0; i < note.len; i++) {
			if (note.buf[i] == '\n') {
				memmove(note.buf + i, note.buf + i + 1,
					note.len - i);
				note.len--;
				i--;
			}
		}
		nl = draw_wrapped_lines(note.buf, COLS - 2);
		rows += nl > 2 ? 2 : nl;
	}
	strbuf_addstr(&sb, _("Last year: "));
	strbuf_addstr(&sb, answer_value_label(c.answer->value));
	if (c.answer->value == ANSWER_NA && it->na == NULL)
		strbuf_addstr(&sb, _(" (not possible this year)"));
	if (c.answer->memo != NULL)
		strbuf_addf(&sb, _(", memo: %s"), c.answer->memo);
	strbuf_addstr(&sb, _("  -  press y to take it over"));
	draw_text(bottom - rows, 1, sb.buf, COLS - 2, DRAW_WARN);
	if (rows > 1)
		draw_wrapped(bottom - rows + 1, 1, COLS - 2, note.buf, 0,
			     rows - 1, DRAW_DIM);
	strbuf_release(&sb);
	strbuf_release(&note);
	return rows;
}

/* The title bar, the section and the item's title; returns the first
 * row after them. */
static int
draw_heading(struct app *a, const struct item *it, enum cell cell)
{
	const struct section *sec = &a->yd.edition->sections[it->section];
	struct strbuf sb = STRBUF_INIT;
	int y, title_lines;

	strbuf_addf(&sb, _("Checklist (%s)  %zu / %zu"), a->yd.edition->name,
		    a->cl.step + 1, app_steps(a));
	app_draw_title(a, sb.buf);

	strbuf_reset(&sb);
	if (sec->number[0] != '\0')
		strbuf_addf(&sb, "%s  ", sec->number);
	strbuf_addstr(&sb, sec->title);
	draw_text(1, 1, sb.buf, COLS - 2, DRAW_DIM);

	strbuf_reset(&sb);
	if (it->number[0] != '\0')
		strbuf_addf(&sb, "%s  ", it->number);
	strbuf_addstr(&sb, it->title);
	if (!it->verified)
		strbuf_addstr(&sb, _(" *"));
	if (it->labelled)
		strbuf_addf(&sb, _(" (target: %s)"), cell_label(cell));
	title_lines = draw_wrapped(2, 1, COLS - 2, sb.buf, 0, 3, DRAW_BOLD);
	if (title_lines > 3)
		title_lines = 3;
	y = 2 + title_lines;
	if (!it->verified) {
		draw_text(
			y, 1,
			_("* Check the number and wording against the official form."),
			COLS - 2, DRAW_DIM);
		y++;
	}
	strbuf_release(&sb);
	return y;
}

/* The rows under the answer: who is asked, the dates, in charge, memo,
 * and the message under them. */
static void
draw_fields(struct app *a, int form_y, const struct item *it,
	    const struct answer *ans)
{
	struct checklist_state *s = &a->cl;
	struct strbuf hint = STRBUF_INIT;
	struct date lo, hi;

	strbuf_reset(&hint);
	if (date_is_set(&ans->checked) &&
	    !(s->editing && s->focus == CL_CHECKED)) {
		strbuf_addstr(&hint, "(");
		date_add_wareki(&hint, &ans->checked);
		strbuf_addstr(&hint, ")");
	} else {
		/* the example is today: a valid 確認日 on the day it is shown */
		char iso[11];

		date_iso(&a->today, iso);
		strbuf_addf(&hint, _("e.g. %s or R%d.%d.%d"), iso,
			    date_reiwa(a->today.y), a->today.m, a->today.d);
	}
	draw_ask_row(a, form_y + CL_ASK, ans);
	draw_field_row(a, form_y + CL_CHECKED, CL_CHECKED, _("Checked on"),
		       hint.buf);

	strbuf_reset(&hint);
	if (date_is_set(&ans->target) &&
	    !(s->editing && s->focus == CL_TARGET)) {
		strbuf_addstr(&hint, "(");
		date_add_wareki(&hint, &ans->target);
		strbuf_addstr(&hint, ")");
	} else {
		date_target_range(&ans->checked, a->yd.facility.year, &lo, &hi);
		date_add_wareki(&hint, &lo);
		strbuf_addstr(&hint, _(" to "));
		date_add_wareki(&hint, &hi);
	}
	draw_field_row(a, form_y + CL_TARGET, CL_TARGET, _("Target date"),
		       hint.buf);
	draw_field_row(a, form_y + CL_OWNER, CL_OWNER, _("In charge"), NULL);
	draw_field_row(a, form_y + CL_MEMO, CL_MEMO, _("Memo"), NULL);
	if (s->field_err.len > 0)
		draw_text(form_y + CL__COUNT, CL_FIELD_X, s->field_err.buf,
			  COLS - CL_FIELD_X - 1, DRAW_ERROR);
	else if (answer_needs_target(it, ans->value) &&
		 !date_is_set(&ans->target))
		draw_text(
			form_y + CL__COUNT, CL_FIELD_X,
			_("The target date is missing: enter when this will be done."),
			COLS - CL_FIELD_X - 1, DRAW_WARN);
	strbuf_release(&hint);
}

static void
checklist_draw(struct app *a)
{
	struct checklist_state *s = &a->cl;
	enum cell cell;
	const struct item *it = current(a, &cell);
	struct answer ans = current_answer(a);
	struct strbuf sb = STRBUF_INIT;
	static const struct keyhelp keys_answer[] = {
		{"1-4", N_("answer")},     {"←→", N_("previous/next question")},
		{"Tab", N_("next field")}, {"d", N_("full explanation")},
		{"?", N_("help")},         {"Esc", N_("home")},
		{"q", N_("quit")},
	};
	static const struct keyhelp keys_edit[] = {
		{"Enter", N_("save and next")},
		{"Tab", N_("next field")},
		{"Esc", N_("undo")},
		{"F1", N_("help")},
	};
	struct keyhelp keys[7];
	size_t i, nk = s->editing ? 4 : 7;
	int y, form_y, exp_lines, need;

	for (i = 0; i < nk; i++) {
		keys[i] = s->editing ? keys_edit[i] : keys_answer[i];
		keys[i].what = _(keys[i].what);
	}
	app_keybar(a, keys, nk);

	y = draw_heading(a, it, cell);

	form_y = app_status_row(a) - 7;
	{
		int used = draw_offer(a, form_y - 1, it);

		used += draw_remote_hint(a, form_y - 1 - used, it);
		exp_lines = form_y - 1 - y - used;
	}
	strbuf_reset(&sb);
	explanation(it, &sb);
	need = draw_wrapped_lines(sb.buf, COLS - 3);
	if (need > exp_lines && exp_lines > 0) {
		draw_wrapped(y, 2, COLS - 3, sb.buf, 0, exp_lines - 1,
			     DRAW_NORMAL);
		draw_text(y + exp_lines - 1, 2,
			  _("... (press d for the full explanation)"), COLS - 3,
			  DRAW_DIM);
	} else if (exp_lines > 0) {
		draw_wrapped(y, 2, COLS - 3, sb.buf, 0, exp_lines, DRAW_NORMAL);
	}

	mvhline(form_y - 1, 0, ACS_HLINE, COLS);
	draw_answer_row(a, form_y, it, &ans);

	draw_fields(a, form_y, it, &ans);
	if (s->editing) {
		int w = (s->focus == CL_CHECKED || s->focus == CL_TARGET)
				? CL_DATE_W
				: COLS - CL_FIELD_X - 2;

		lineedit_draw(&s->le, form_y + s->focus, CL_FIELD_X, w, true);
	}
	strbuf_release(&sb);
}

void
scr_checklist_help(const struct app *a, struct strbuf *sb)
{
	(void)a;
	strbuf_addf(
		sb, "%s\n\n",
		_("One question per screen, in the order of the official form."));
	strbuf_addf(
		sb, "%s\n",
		_("1 yes, 2 no, 3 don't know, 4 not applicable (only where the item allows it)."));
	strbuf_addf(
		sb, "%s\n",
		_("Left and right arrows (or PgUp, PgDn): previous and next question."));
	strbuf_addf(
		sb, "%s\n",
		_("Tab or down arrow: go to the next field. Shift-Tab or up arrow: the previous one."));
	strbuf_addf(
		sb, "%s\n",
		_("In a field, type the text and press Enter to save it. Esc leaves the field unchanged."));
	strbuf_addf(
		sb, "%s\n",
		_("d: the full explanation of the item, with the meaning of each word used."));
	strbuf_addf(
		sb, "\n%s\n",
		_("Dates can be typed as 2026-04-01, 2026/4/1, 20260401, R8.4.1 or in Japanese era form. Full-width digits are fine."));
	strbuf_addf(
		sb, "%s\n",
		_("The check date is the day you confirmed the answer. For \"no\" and \"don't know\", also enter a target date inside the fiscal year: the day you plan to have it done."));
	strbuf_addf(
		sb, "%s\n",
		_("\"Don't know\" is a normal answer: it becomes a question for the person or vendor who knows."));
	strbuf_addf(
		sb, "%s\n",
		_("When last year's answer is shown above the answer row, y takes it over (the answer and the memo; the dates are entered again)."));
	strbuf_addf(
		sb, "%s\n",
		_("Every answer is saved the moment you enter it. You can quit at any time and continue later."));
	strbuf_addf(
		sb, "%s\n",
		_("Items marked * have not yet been checked against the official form: compare the number and wording with the form you received."));
}

static void
checklist_help(const struct app *a, struct strbuf *sb)
{
	scr_checklist_help(a, sb);
	{
		const struct item *it;
		enum cell cell;
		size_t i;

		app_step(a, a->cl.step, &it, &cell);
		if (it->nterms > 0)
			strbuf_addf(sb, "\n%s\n",
				    _("[Words used in this question]"));
		for (i = 0; i < it->nterms; i++) {
			const struct term *t = content_term_find(
				a->yd.content, it->terms[i]);

			if (t != NULL)
				app_add_term(sb, t);
		}
		strbuf_addf(
			sb, "%s\n",
			_("All words are in the glossary on the home screen."));
	}
}

static bool
checklist_typing(const struct app *a)
{
	return a->cl.editing;
}

const struct screen scr_checklist = {
	.name = "checklist",
	.enter = checklist_enter,
	.draw = checklist_draw,
	.key = checklist_key,
	.typing = checklist_typing,
	.help = checklist_help,
};

/*
 * 保守委託機関の判定 (GL 第7.0版 保守委託機関編): dedicated staff, the
 * servers and who updates them, each vendor's written responsibility,
 * then the volume's items and each vendor's MDS/SDS.
 */
#include "wizard/app.h"

#include <curses.h>
#include <string.h>

#include "util/i18n.h"

enum row_kind {
	ROW_STAFF,
	ROW_SERVER,
	ROW_SERVER_ADD,
	ROW_CLAUSE,
	ROW_ITEMS,
	ROW_SDS,
};

struct row {
	enum row_kind kind;
	size_t index; /* server index */
	long vendor;  /* clause / sds: the vendor */
};

#define MAX_ROWS 128

/* The rows of the screen, in the order of the volume's flowchart. */
static size_t
rows(const struct app *a, struct row *r)
{
	size_t n = 0, i;

	r[n++] = (struct row){ROW_STAFF, 0, 0};
	for (i = 0; i < a->yd.servers.n && n < MAX_ROWS - 8; i++)
		r[n++] = (struct row){ROW_SERVER, i, 0};
	r[n++] = (struct row){ROW_SERVER_ADD, 0, 0};
	for (i = 0; i < a->yd.vendors.n && n < MAX_ROWS - 4; i++) {
		if (hoshu_vendor_updates(&a->yd.servers, a->yd.vendors.v[i].id))
			r[n++] =
				(struct row){ROW_CLAUSE, 0, a->yd.vendors.v[i].id};
	}
	r[n++] = (struct row){ROW_ITEMS, 0, 0};
	for (i = 0; i < a->yd.vendors.n && n < MAX_ROWS - 1; i++) {
		if (hoshu_vendor_updates(&a->yd.servers, a->yd.vendors.v[i].id))
			r[n++] = (struct row){ROW_SDS, 0, a->yd.vendors.v[i].id};
	}
	return n;
}

static const char *
vname(const struct app *a, long id)
{
	const struct vendor *v = vendor_list_find(&a->yd.vendors, id);

	return v != NULL ? v->name : "?";
}

static const struct answer *
staff(const struct app *a)
{
	return answer_set_find(&a->yd.answers, HOSHU_STAFF_ID, CELL_ALL);
}

static const char *
yes_no_label(enum answer_value v)
{
	return v == ANSWER_NONE ? _("choose") : answer_value_label(v);
}

/*
 * The vendor's clause as its contract answer says: 「書かれている 保守契約書
 * 第12条」, 「書かれていない」 ... (answered under 事業者と契約, not here).
 */
static void
clause_text(const struct app *a, long vendor, struct strbuf *sb)
{
	const struct vendor *v = vendor_list_find(&a->yd.vendors, vendor);
	const char *where = NULL;
	enum hoshu_clause k;

	if (v == NULL)
		return;
	k = hoshu_clause(a->yd.content, &a->yd.vanswers, v, &where);
	strbuf_addstr(sb, hoshu_clause_label(k));
	if (where != NULL)
		strbuf_addf(sb, "  %s", where);
}

static size_t
items_answered(const struct app *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->yd.content->hoshu.nitems; i++) {
		const struct answer *x = answer_set_find(
			&a->yd.answers, a->yd.content->hoshu.items[i].id, CELL_ALL);

		n += x != NULL && x->value != ANSWER_NONE;
	}
	return n;
}

static size_t
sds_answered(const struct app *a, long vendor, size_t *no_note)
{
	size_t i, n = 0;

	*no_note = 0;
	for (i = 0; i < a->yd.content->hoshu.nareas; i++) {
		const struct vanswer *x = vanswer_find(
			&a->yd.vanswers, vendor, a->yd.content->hoshu.areas[i].id);

		n += x != NULL && x->value != ANSWER_NONE;
		*no_note +=
			x != NULL && x->value == ANSWER_NO && x->memo == NULL;
	}
	return n;
}

static void
row_text(const struct app *a, const struct row *r, struct strbuf *sb)
{
	const struct hoshu *h = &a->yd.content->hoshu;
	const struct answer *st;
	size_t k, bad;

	switch (r->kind) {
	case ROW_STAFF:
		st = staff(a);
		strbuf_addf(sb, _("Dedicated system staff: < %s >"),
			    yes_no_label(st != NULL ? st->value : ANSWER_NONE));
		break;
	case ROW_SERVER: {
		const struct server *s = &a->yd.servers.v[r->index];

		strbuf_addf(sb, "  %s", s->name);
		strbuf_addf(sb, "  (%s)",
			    strcmp(s->kind, "local-emr-pc") == 0
				    ? _("PC where the EMR processes")
				    : _("server"));
		if (strcmp(s->patcher, "vendor") == 0 && s->vendor)
			strbuf_addf(sb, _("  updated by %s"),
				    vname(a, s->vendor));
		else if (strcmp(s->patcher, "clinic") == 0)
			strbuf_addstr(sb, _("  updated in-house"));
		else
			strbuf_addstr(sb, _("  who updates it: not known"));
		break;
	}
	case ROW_SERVER_ADD:
		strbuf_addstr(sb, _("  + Add a server or PC"));
		break;
	case ROW_CLAUSE:
		strbuf_addf(sb, _("Written in %s's contract: "),
			    vname(a, r->vendor));
		clause_text(a, r->vendor, sb);
		break;
	case ROW_ITEMS:
		strbuf_addf(
			sb,
			_("[ The volume's own items: %zu of %zu answered ]"),
			items_answered(a), h->nitems);
		break;
	case ROW_SDS:
		k = sds_answered(a, r->vendor, &bad);
		strbuf_addf(sb, _("[ MDS/SDS of %s: %zu of %zu checked ]"),
			    vname(a, r->vendor), k, h->nareas);
		if (bad)
			strbuf_addf(sb, _(" %zu \"no\" without a note"), bad);
		break;
	}
}

/* The question and help of the focused row, from content. */
static void
row_help(const struct app *a, const struct row *r, struct strbuf *sb)
{
	const struct hoshu *h = &a->yd.content->hoshu;

	switch (r->kind) {
	case ROW_STAFF:
		strbuf_addf(sb, "%s %s", h->staff.question, h->staff.help);
		break;
	case ROW_SERVER:
	case ROW_SERVER_ADD:
		strbuf_addf(sb, "%s %s", h->servers.question, h->servers.help);
		break;
	case ROW_CLAUSE: {
		const struct vquestion *q = hoshu_clause_question(a->yd.content);

		/* TRANSLATORS: %s: the number and the title of the contract
		 * question, e.g. 1「セキュリティの責任分界を…」 */
		strbuf_addf(
			sb,
			_("This is the answer to contract question %s \"%s\" under Vendors and contracts; Enter opens it to change it."),
			q != NULL ? q->number : "", q != NULL ? q->title : "");
		strbuf_addf(sb, " %s", h->written.help);
		break;
	}
	case ROW_ITEMS:
		strbuf_addstr(
			sb,
			_("The items of the volume the clinic follows when it applies (two-factor login, MDS/SDS ...). Enter to answer them."));
		break;
	case ROW_SDS:
		strbuf_addstr(
			sb,
			_("Check the vendor's MDS/SDS area by area. Every \"no\" needs a note on the risk and how the clinic will explain it at an inspection."));
		break;
	}
}

static void
hoshu_enter(struct app *a)
{
	a->hs.confirm_delete = false;
	app_refresh_judgement(a);
}

static unsigned
result_attr(enum hoshu_result r)
{
	switch (r) {
	case HOSHU_APPLIES:
		return DRAW_OK | DRAW_BOLD;
	case HOSHU_NOT_APPLIES:
		return DRAW_ERROR;
	case HOSHU_NEEDS_CONTRACT:
		return DRAW_WARN;
	case HOSHU_INCOMPLETE:
		break;
	}
	return DRAW_BOLD;
}

static void
hoshu_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"↑↓", N_("move")},    {"←→", N_("choose")},
		{"Enter", N_("open")}, {"x", N_("delete")},
		{"?", N_("help")},     {"Esc", N_("home")},
	};
	static const struct keyhelp confirm[] = {
		{"y", N_("delete")},
		{"n", N_("keep")},
	};
	struct hoshu_state *s = &a->hs;
	struct row r[MAX_ROWS];
	size_t n = rows(a, r), i;
	struct strbuf sb = STRBUF_INIT;
	int y, y0, bottom, hl;

	if (s->confirm_delete)
		app_keys(a, confirm, 2);
	else
		app_keys(a, keys, 6);
	app_draw_title(a,
		       _("Maintenance-entrustment volume: may we follow it?"));
	strbuf_addf(&sb, _("Result: %s"),
		    hoshu_result_label(a->yd.judgement.result));
	draw_text(1, 1, sb.buf, COLS - 2, result_attr(a->yd.judgement.result));
	/* the first reason that speaks against, else the first one */
	for (i = 0; i < a->yd.judgement.n; i++) {
		if (!a->yd.judgement.v[i].ok)
			break;
	}
	if (i == a->yd.judgement.n)
		i = 0;
	if (a->yd.judgement.n > 0)
		draw_wrapped(2, 2, COLS - 3, a->yd.judgement.v[i].text, 0, 2,
			     DRAW_NORMAL);
	y0 = 5;
	if ((int)n > 0 && s->focus >= (int)n)
		s->focus = (int)n - 1;
	/* the focused row's question and help below the rows, on as many
	 * lines as it needs (up to 5), the rows keeping at least 3 */
	strbuf_reset(&sb);
	if (n > 0)
		row_help(a, &r[s->focus], &sb);
	hl = draw_wrapped_lines(sb.buf, COLS - 4);
	if (hl > 5)
		hl = 5;
	if (hl > app_status_row(a) - 1 - y0 - 3)
		hl = app_status_row(a) - 1 - y0 - 3;
	if (hl < 1)
		hl = 1;
	bottom = app_status_row(a) - 1 - hl;
	if (s->focus < s->top)
		s->top = s->focus;
	if (s->focus >= s->top + (bottom - y0))
		s->top = s->focus - (bottom - y0) + 1;
	draw_wrapped(bottom, 2, COLS - 4, sb.buf, 0, hl, DRAW_DIM);
	for (i = (size_t)s->top, y = y0; i < n && y < bottom; i++, y++) {
		bool foc = s->focus == (int)i;

		draw_text(y, 0, foc ? ">" : " ", 1, DRAW_BOLD);
		strbuf_reset(&sb);
		row_text(a, &r[i], &sb);
		draw_text(y, 2, sb.buf, COLS - 3,
			  foc ? DRAW_REVERSE : DRAW_NORMAL);
	}
	if (s->confirm_delete && r[s->focus].kind == ROW_SERVER)
		app_status(a, DRAW_WARN, _("Delete \"%s\"? y: delete, n: keep"),
			   a->yd.servers.v[r[s->focus].index].name);
	strbuf_release(&sb);
}

/* ←→ (dir -1, 1) through the answers model/hoshu allows the question. */
static void
save_staff(struct app *a, int dir)
{
	enum answer_value order[HOSHU_VALUES_MAX];
	int n = (int)hoshu_values(HOSHU_ASK_STAFF, order);
	const struct answer *cur = staff(a);
	struct answer ans;
	int at = -1, i;

	memset(&ans, 0, sizeof(ans));
	if (cur != NULL)
		answer_copy(&ans, cur);
	ans.year = a->yd.facility.year;
	strcpy(ans.item_id, HOSHU_STAFF_ID);
	ans.cell = CELL_ALL;
	for (i = 0; i < n; i++) {
		if (order[i] == ans.value)
			at = i;
	}
	at = at < 0 ? (dir > 0 ? 0 : n - 1) : (at + n + dir) % n;
	ans.value = order[at];
	app_other_answer_save(a, &ans);
	answer_release(&ans);
}

/*
 * The clause row opens the vendor's contract question that holds it: the
 * fact is entered there, once.
 */
static void
open_clause(struct app *a, long vendor)
{
	const struct vendor *v = vendor_list_find(&a->yd.vendors, vendor);
	const struct vquestion *q = hoshu_clause_question(a->yd.content);

	if (v == NULL || q == NULL)
		return;
	if (hoshu_clause(a->yd.content, &a->yd.vanswers, v, NULL) ==
	    HOSHU_CLAUSE_NO_CONTRACT) {
		app_status(
			a, DRAW_WARN,
			_("%s is registered without a contract: if there is one, choose its kind under Vendors and contracts."),
			v->name);
		return;
	}
	scr_vquest_open(a, v, VQ_CONTRACT, q->id, &scr_hoshu);
}

static bool
hoshu_key(struct app *a, const struct tkey *k)
{
	struct hoshu_state *s = &a->hs;
	struct row r[MAX_ROWS];
	size_t n = rows(a, r);
	const struct row *cur = &r[s->focus < (int)n ? s->focus : 0];

	if (s->confirm_delete) {
		if (app_delete_confirmed(a, &s->confirm_delete, k) &&
		    cur->kind == ROW_SERVER) {
			struct err e = ERR_INIT;
			long id = a->yd.servers.v[cur->index].id;

			if (store_server_delete(a->store, id, &e) != 0) {
				app_status_err(a, &e);
			} else {
				server_list_remove(&a->yd.servers, id);
				app_refresh_judgement(a);
				app_status(a, DRAW_OK, "%s", _("Deleted."));
			}
		}
		return true;
	}
	if (tkey_fn(k, KEY_UP)) {
		if (s->focus > 0)
			s->focus--;
	} else if (tkey_fn(k, KEY_DOWN) || tkey_tab(k)) {
		if (s->focus + 1 < (int)n)
			s->focus++;
	} else if (tkey_fn(k, KEY_LEFT) || tkey_fn(k, KEY_RIGHT)) {
		int dir = tkey_fn(k, KEY_LEFT) ? -1 : 1;

		if (cur->kind == ROW_STAFF)
			save_staff(a, dir);
		else if (cur->kind == ROW_CLAUSE)
			app_status(
				a, DRAW_NORMAL, "%s",
				_("This answer is changed in the vendor's contract questions: press Enter."));
	} else if (tkey_enter(k)) {
		switch (cur->kind) {
		case ROW_STAFF:
			/* the key bar's "Enter open" must not answer: an
			 * answer is chosen with ←→ only */
			app_status(
				a, DRAW_NORMAL, "%s",
				_("Choose the answer with the left and right arrow keys."));
			break;
		case ROW_SERVER:
		case ROW_SERVER_ADD:
			scr_server_open(a, cur->kind == ROW_SERVER
						   ? &a->yd.servers.v[cur->index]
						   : NULL);
			break;
		case ROW_CLAUSE:
			open_clause(a, cur->vendor);
			break;
		case ROW_ITEMS:
			s->item = 0;
			app_show(a, &scr_hitem);
			break;
		case ROW_SDS: {
			const struct vendor *v =
				vendor_list_find(&a->yd.vendors, cur->vendor);

			if (v != NULL)
				scr_vquest_open(a, v, VQ_SDS, NULL, &scr_hoshu);
			break;
		}
		}
	} else if ((tkey_is(k, L'x') || tkey_fn(k, KEY_DC)) &&
		   cur->kind == ROW_SERVER) {
		s->confirm_delete = true;
	} else if (tkey_escape(k)) {
		app_show(a, &scr_home);
	} else {
		return false;
	}
	return true;
}

void
scr_hoshu_help(const struct app *a, struct strbuf *sb)
{
	(void)a;
	strbuf_addf(
		sb, "%s\n",
		_("The maintenance-contractor volume (hoshu itakukikan-hen) of guideline 7.0: first whether it applies to the clinic, then its items. \"Don't know\" is a normal answer: it becomes a question for the vendor that updates the server."));
}


const struct screen scr_hoshu = {
	.name = "hoshu",
	.enter = hoshu_enter,
	.draw = hoshu_draw,
	.key = hoshu_key,
	.help = scr_hoshu_help,
};

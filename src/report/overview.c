#include "report/overview.h"

#include <string.h>

#include "model/conflict.h"
#include "model/request.h"
#include "report/layout.h"
#include "report/vendors.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#define BAR_H   10.0 /* height of one bar of the chart */
#define BAR_GAP 5.0

static void
row_checklist(struct table *t, const struct report_input *in)
{
	const struct progress *pr = in->progress;
	struct strbuf sb = STRBUF_INIT;

	if (pr->gate_no)
		strbuf_addstr(
			&sb,
			_("No medical information system: the other items are not needed."));
	else
		strbuf_addf(
			&sb,
			_("Of %zu, %zu answered; %zu need action (target date missing: %zu)"),
			pr->total, pr->answered, pr->gaps, pr->no_target);
	layout_row2(t, _("Checklist"), sb.buf);
	strbuf_release(&sb);
}

static void
row_vendors(struct table *t, const struct report_input *in)
{
	struct strbuf sb = STRBUF_INIT;
	struct request_ctx x;
	size_t i, asked = 0, answered = 0, requests = 0;

	if (in->vendors == NULL || in->vendors->n == 0) {
		layout_row2(t, _("Vendors and contracts"),
			    _("No vendor registered"));
		return;
	}
	report_request_ctx(in, &x);
	for (i = 0; i < in->vendors->n; i++) {
		struct vendor_progress p;

		request_progress(&x, &in->vendors->v[i], &p);
		asked += p.questions;
		answered += p.answered;
		requests += p.requests;
	}
	strbuf_addf(
		&sb,
		_("%zu vendor(s); of %zu contract questions, %zu answered; %zu request(s) to send"),
		in->vendors->n, asked, answered, requests);
	layout_row2(t, _("Vendors and contracts"), sb.buf);
	strbuf_release(&sb);
}

/* Devices with a known exploited flaw (one finding per device), the
 * warnings the answers show, and the answers that are わからない. */
static void
count_remote(const struct finding_list *f, size_t *devices, size_t *warnings,
	     size_t *unknowns)
{
	size_t i;

	*devices = *warnings = *unknowns = 0;
	for (i = 0; f != NULL && i < f->n; i++) {
		if (f->v[i].kind == FINDING_DEVICE)
			(*devices)++;
		else if (f->v[i].kind == FINDING_RULE)
			(*warnings)++;
		else
			(*unknowns)++;
	}
}

static void
row_remote(struct table *t, const struct report_input *in)
{
	struct strbuf sb = STRBUF_INIT;
	size_t devices, warnings, unknowns;

	count_remote(in->findings, &devices, &warnings, &unknowns);
	if (in->connections == NULL || in->connections->n == 0)
		strbuf_addstr(&sb, _("No connection listed"));
	else
		strbuf_addf(
			&sb,
			_("%zu connection(s); %zu with a known exploited flaw; %zu warning(s); %zu point(s) not known yet"),
			in->connections->n, devices, warnings, unknowns);
	if (in->connections != NULL && in->connections->n > 0) {
		strbuf_addch(&sb, '\n');
		if (remote_list_date(in->content, &in->today, &sb))
			strbuf_addf(&sb, "\n%s",
				    _("This list is more than six months old: see the remote-maintenance inventory."));
	}
	layout_row2(t, _("Remote maintenance"), sb.buf);
	strbuf_release(&sb);
}

static void
row_contacts(struct table *t, const struct report_input *in)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, need = 0, have = 0;

	for (i = 0; in->contacts != NULL && i < in->content->nroles; i++) {
		struct contact_view v;

		if (!in->content->roles[i].required)
			continue;
		need++;
		have += contact_view(in->contacts, in->facility,
				     in->content->roles[i].id, &v);
	}
	strbuf_addf(&sb, _("needed contacts filled in: %zu of %zu"), have,
		    need);
	layout_row2(t, _("Who to call in an incident"), sb.buf);
	strbuf_release(&sb);
}

/* A horizontal bar per priority level, drawn with rectangles. */
static void
draw_chart(struct pdf *p, const struct report_input *in,
	   const struct todo_list *todo)
{
	static const double gray[PRIORITY__COUNT] = {0.15, 0.35, 0.6, 0.8};
	double x0 = PDF_LEFT + 60, maxw = PDF_WIDTH - 60 - 60, scale;
	size_t i, max = 1;
	HPDF_Page page;

	for (i = 0; i < PRIORITY__COUNT; i++) {
		if (todo->count[i] > max)
			max = todo->count[i];
	}
	scale = maxw / (double)max;
	pdf_need(p, PRIORITY__COUNT * (BAR_H + BAR_GAP) + 8);
	page = pdf_page(p);
	if (!pdf_ok(p) || page == NULL)
		return;
	for (i = 0; i < PRIORITY__COUNT; i++) {
		double y = p->y - (double)(i + 1) * (BAR_H + BAR_GAP);
		double w = (double)todo->count[i] * scale;
		struct strbuf sb = STRBUF_INIT;

		text_show(p, page, PDF_LEFT, y + 2,
			  content_priority_label(in->content, (enum priority)i),
			  strlen(content_priority_label(in->content,
							(enum priority)i)),
			  &text_cell);
		if (w > 0) {
			HPDF_Page_SetGrayFill(page, (HPDF_REAL)gray[i]);
			HPDF_Page_Rectangle(page, (HPDF_REAL)x0, (HPDF_REAL)y,
					    (HPDF_REAL)w, (HPDF_REAL)BAR_H);
			HPDF_Page_Fill(page);
			HPDF_Page_SetGrayFill(page, 0);
		}
		strbuf_addf(&sb, _("%zu to do"), todo->count[i]);
		text_show(p, page, x0 + w + 6, y + 2, sb.buf, sb.len,
			  &text_cell);
		strbuf_release(&sb);
	}
	HPDF_Page_SetLineWidth(page, 0.5);
	HPDF_Page_SetGrayStroke(page, 0.4);
	HPDF_Page_MoveTo(page, (HPDF_REAL)x0, (HPDF_REAL)(p->y - 2));
	HPDF_Page_LineTo(
		page, (HPDF_REAL)x0,
		(HPDF_REAL)(p->y - PRIORITY__COUNT * (BAR_H + BAR_GAP) - 2));
	HPDF_Page_Stroke(page);
	HPDF_Page_SetGrayStroke(page, 0);
	pdf_skip(p, PRIORITY__COUNT * (BAR_H + BAR_GAP) + 10);
}

void
overview_alert(struct pdf *p, const struct todo_list *todo)
{
	if (todo->count[PRIORITY_CRITICAL] == 0)
		return;
	layout_para(
		p,
		_("First of all: a device used for remote maintenance has a flaw that attackers already use. Ask its vendor to update it now (see the first rows of the list of things to do and the vendor's request sheet)."));
}

/* Answers that contradict each other: both answers, one line each. */
static void
draw_conflicts(struct pdf *p, const struct report_input *in)
{
	struct conflict_list l = CONFLICT_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	conflict_find(in->content, in->edition, in->answers, in->findings,
		      in->vendors, in->vanswers, &l);
	if (l.n > 0) {
		pdf_skip(p, 6);
		strbuf_addf(&sb, _("Answers that contradict each other (%zu):"),
			    l.n);
		pdf_need(p, 3 * text_body.leading);
		text_para(p, sb.buf, PDF_LEFT, PDF_WIDTH, &text_heading, true);
		for (i = 0; i < l.n; i++) {
			strbuf_reset(&sb);
			strbuf_addstr(&sb, _("- "));
			conflict_text(&l.v[i], in->vendors, &sb);
			layout_para(p, sb.buf);
		}
		layout_para(
			p,
			_("One of the two answers is out of date or mistaken: check both and correct the one that is wrong."));
	}
	conflict_list_release(&l);
	strbuf_release(&sb);
}

/* This year against last year: one row per count, with what it counts
 * and the items by number. Nothing when there is no previous year. */
static void
draw_compare(struct pdf *p, const struct report_input *in)
{
	const struct compare *c = in->compare;
	struct strbuf sb = STRBUF_INIT, fy = STRBUF_INIT;
	struct table t;
	int k;

	if (c == NULL || !c->has_prev)
		return;
	pdf_skip(p, 6);
	date_add_fy_name(&fy, c->prev_year);
	strbuf_addf(&sb, _("Compared with %s:"), fy.buf);
	pdf_need(p, 3 * text_body.leading);
	text_para(p, sb.buf, PDF_LEFT, PDF_WIDTH, &text_heading, true);
	table_begin(&t, p, layout_cols_pairs, 2);
	for (k = 0; k < COMPARE__COUNT; k++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, _("%zu (%s)"), c->count[k],
			    compare_kind_meaning((enum compare_kind)k));
		if (c->count[k] > 0) {
			strbuf_addch(&sb, '\n');
			compare_add_numbers(c, (enum compare_kind)k, &sb);
		}
		layout_row2(&t, compare_kind_label((enum compare_kind)k),
			    sb.buf);
	}
	table_end(&t);
	strbuf_release(&sb);
	strbuf_release(&fy);
}

void
overview_draw(struct pdf *p, const struct report_input *in,
	      const struct todo_list *todo)
{
	const struct progress *pr = in->progress;
	struct strbuf sb = STRBUF_INIT;
	struct table t;
	size_t total = 0, i;

	pdf_add_page(p);
	layout_heading(p, _("Summary"), 160);
	table_begin(&t, p, layout_cols_pairs, 2);
	row_checklist(&t, in);
	row_vendors(&t, in);
	row_remote(&t, in);
	if (in->hoshu != NULL)
		layout_row2(&t, _("Maintenance-entrustment volume"),
			    hoshu_result_label(in->hoshu->result));
	row_contacts(&t, in);
	table_end(&t);
	draw_conflicts(p, in);

	if (pr->no_target > 0) {
		strbuf_reset(&sb);
		strbuf_addf(
			&sb,
			_("%zu item(s) have no target date yet. Enter one on the checklist screen."),
			pr->no_target);
		layout_para(p, sb.buf);
	}
	if (pr->total > pr->answered) {
		strbuf_reset(&sb);
		strbuf_addf(
			&sb,
			_("%zu item(s) are not answered yet. Answer them on the checklist screen."),
			pr->total - pr->answered);
		layout_para(p, sb.buf);
	}
	draw_compare(p, in);
	for (i = 0; i < PRIORITY__COUNT; i++)
		total += todo->count[i];
	if (total == 0) {
		/* an empty chart says nothing: one sentence instead */
		layout_para(p,
			    _("Nothing needs doing among the answers so far."));
		strbuf_release(&sb);
		return;
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, _("Things to do, by priority (%zu in all):"), total);
	pdf_need(p, text_body.leading + 2 +
			    PRIORITY__COUNT * (BAR_H + BAR_GAP) + 10);
	text_para(p, sb.buf, PDF_LEFT, PDF_WIDTH, &text_body, true);
	pdf_skip(p, 2);
	draw_chart(p, in, todo);
	strbuf_release(&sb);
}

/* The row of a checklist gap: what, why, what to do; who; 目標日. */
static void
gap_cells(const struct report_input *in, const struct gap *g,
	  struct strbuf *what, struct strbuf *who, struct strbuf *target)
{
	const struct item *it = g->item;
	const char *asked = layout_vendor_name(in, g->answer->ask);

	strbuf_addf(what, "%s%s %s%s", it->number, it->inferred ? _("*") : "",
		    it->title, it->inferred ? _("*") : "");
	if (it->labelled)
		strbuf_addf(what, _(" (for %s)"), cell_label(g->cell));
	strbuf_addf(what, _("\nAnswer: %s"),
		    answer_value_label(g->answer->value));
	strbuf_addf(what, _("\nWhy: %s"), it->why);
	strbuf_addf(what, _("\nWhen it is done: %s"), it->done);
	if (g->answer->memo != NULL) {
		struct strbuf m = STRBUF_INIT;

		strbuf_addf(what, _("\nMemo: %s"),
			    layout_private(g->answer->memo, &m));
		strbuf_release(&m);
	}
	strbuf_addstr(who, content_who_label(it->who));
	if (g->answer->value == ANSWER_UNKNOWN && asked != NULL)
		strbuf_addf(who, _("\n(asked of %s)"), asked);
	else if (g->answer->owner != NULL)
		strbuf_addf(who, "\n%s", g->answer->owner);
	if (g->no_target)
		strbuf_addstr(target, _("Not entered"));
	else
		date_add_wareki(target, &g->answer->target);
}

static void
finding_cells(const struct report_input *in, const struct finding *f,
	      struct strbuf *what, struct strbuf *who)
{
	const char *vendor = layout_vendor_name(in, f->conn->vendor);
	struct strbuf title = STRBUF_INIT;

	strbuf_addstr(what, _("Remote maintenance: "));
	remote_label(f->conn, vendor, what);
	strbuf_addf(what, "\n%s\n",
		    remote_finding_title(in->content, f, &title));
	remote_finding_text(in->content, f, what);
	strbuf_release(&title);
	strbuf_addstr(who, content_who_label(f->owner));
	if (vendor != NULL && f->owner != WHO_CLINIC)
		strbuf_addf(who, "\n%s", vendor);
}

void
priority_draw(struct pdf *p, const struct report_input *in,
	      const struct todo_list *todo)
{
	struct table_col cols[] = {
		{_("Priority"), 44, false},
		{_("What needs doing, why, and what done looks like"), 0,
		 false},
		{_("Who acts"), 80, false},
		{_("Target date"), 84, false},
	};
	struct strbuf what = STRBUF_INIT, who = STRBUF_INIT,
		      target = STRBUF_INIT;
	struct table t;
	size_t i;

	cols[1].width = PDF_WIDTH - 44 - 80 - 84;
	pdf_add_page(p);
	layout_heading(p, _("What to do first"), 80);
	for (i = 0; i < PRIORITY__COUNT; i++) {
		strbuf_reset(&what);
		strbuf_addf(
			&what, _("%s: %s"),
			content_priority_label(in->content, (enum priority)i),
			in->content->levels[i].explain);
		text_para(p, what.buf, PDF_LEFT, PDF_WIDTH, &text_note, true);
	}
	pdf_skip(p, 6);
	if (todo->n == 0) {
		layout_para(
			p,
			in->progress->answered < in->progress->total
				? _("No item needs action among the answers so far.")
				: _("There are no items that need action."));
		goto out;
	}
	table_begin(&t, p, cols, 4);
	for (i = 0; i < todo->n; i++) {
		const struct todo *td = &todo->v[i];
		const char *cells[4];

		strbuf_reset(&what);
		strbuf_reset(&who);
		strbuf_reset(&target);
		if (td->gap != NULL)
			gap_cells(in, td->gap, &what, &who, &target);
		else
			finding_cells(in, td->finding, &what, &who);
		/* a finding has no 目標日 of its own: the level says when */
		if (td->gap == NULL && td->priority == PRIORITY_CRITICAL)
			strbuf_addstr(&target, _("At once"));
		cells[0] = content_priority_label(in->content, td->priority);
		cells[1] = what.buf;
		cells[2] = who.buf;
		cells[3] = target.buf;
		table_row(&t, cells, NULL);
		if (td->gap != NULL && td->gap->item->inferred)
			pdf_mark_note(p);
	}
	table_end(&t);
out:
	strbuf_release(&what);
	strbuf_release(&who);
	strbuf_release(&target);
}

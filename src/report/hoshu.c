#include "report/hoshu.h"

#include <string.h>

#include "report/layout.h"
#include "util/i18n.h"
#include "util/strbuf.h"

static const char *
vname(const struct report_input *in, long id)
{
	const char *name = layout_vendor_name(in, id);

	return name != NULL ? name : "";
}

static const char *
outcome_text(const struct hoshu *h, enum hoshu_result r)
{
	switch (r) {
	case HOSHU_APPLIES:
		return h->applies;
	case HOSHU_NOT_APPLIES:
		return h->not_applies;
	case HOSHU_NEEDS_CONTRACT:
		return h->needs_contract;
	case HOSHU_INCOMPLETE:
		break;
	}
	return h->incomplete;
}

static void
draw_reasons(struct pdf *p, const struct report_input *in)
{
	struct table_col cols[] = {
		{_("Check"), 40, false},
		{_("Reason"), 0, false},
		{_("Who must act"), 110, false},
	};
	struct table t;
	size_t i;

	cols[1].width = PDF_WIDTH - 40 - 110;
	table_begin(&t, p, cols, 3);
	for (i = 0; i < in->hoshu->n; i++) {
		const struct hoshu_reason_line *r = &in->hoshu->v[i];
		const char *cells[3];

		/* TRANSLATORS: ja: ○ and × marks of the reasons table */
		cells[0] = r->ok ? _("OK") : _("Not yet");
		cells[1] = r->text;
		cells[2] = r->ok       ? ""
			   : r->vendor ? vname(in, r->vendor)
				       : _("In-house");
		table_row(&t, cells, NULL);
	}
	table_end(&t);
}

static void
draw_servers(struct pdf *p, const struct report_input *in)
{
	struct table_col cols[] = {
		{_("Server or PC"), 0, false},
		{_("What it is"), 110, false},
		{_("Updated by"), 110, false},
		{_("Written in the contract"), 130, false},
	};
	struct strbuf w = STRBUF_INIT;
	struct table t;
	size_t i;

	if (in->servers->n == 0)
		return;
	cols[0].width = PDF_WIDTH - 110 - 110 - 130;
	table_begin(&t, p, cols, 4);
	for (i = 0; i < in->servers->n; i++) {
		const struct server *s = &in->servers->v[i];
		const struct vendor *v =
			strcmp(s->patcher, "vendor") == 0
				? vendor_list_find(in->vendors, s->vendor)
				: NULL;
		const char *cells[4], *where;
		bool vendor = v != NULL;

		strbuf_reset(&w);
		if (!vendor)
			strbuf_addstr(&w, "-");
		else if (hoshu_clause(in->content, in->vanswers, v, &where) ==
			 HOSHU_CLAUSE_WRITTEN) {
			struct strbuf m = STRBUF_INIT;

			strbuf_addstr(&w, layout_private(where, &m));
			strbuf_release(&m);
		} else
			/* the clause's state: 書かれていない, わからない ... */
			strbuf_addstr(&w, hoshu_clause_label(hoshu_clause(
						  in->content, in->vanswers, v,
						  NULL)));
		cells[0] = s->name;
		cells[1] = strcmp(s->kind, "local-emr-pc") == 0
				   ? _("a PC where the EMR processes")
				   : _("a server");
		cells[2] = vendor ? vname(in, s->vendor)
			   : strcmp(s->patcher, "clinic") == 0 ? _("in-house")
							       : _("unknown");
		cells[3] = w.buf;
		table_row(&t, cells, NULL);
	}
	table_end(&t);
	strbuf_release(&w);
}

static void
draw_sds(struct pdf *p, const struct report_input *in)
{
	const struct hoshu *h = &in->content->hoshu;
	struct table_col cols[] = {
		{_("Area"), 150, false},
		{_("Answer"), 60, false},
		{_("Risk note for an inspection"), 0, false},
	};
	struct strbuf m = STRBUF_INIT;
	size_t i, k;

	cols[2].width = PDF_WIDTH - 150 - 60;
	for (i = 0; i < in->vendors->n; i++) {
		const struct vendor *v = &in->vendors->v[i];
		struct strbuf head = STRBUF_INIT;
		struct table t;

		if (!hoshu_vendor_updates(in->servers, v->id))
			continue;
		strbuf_addf(&head, _("MDS/SDS of %s"), v->name);
		pdf_need(p, 4 * text_cell.leading + 20);
		text_para(p, head.buf, PDF_LEFT, PDF_WIDTH, &text_body, true);
		strbuf_release(&head);
		table_begin(&t, p, cols, 3);
		for (k = 0; k < h->nareas; k++) {
			const struct vanswer *a = vanswer_find(
				in->vanswers, v->id, h->areas[k].id);
			const char *cells[3];
			enum answer_value val =
				a != NULL ? a->value : ANSWER_NONE;

			cells[0] = h->areas[k].area;
			cells[1] = val == ANSWER_NA ? _("Not relevant")
						    : answer_value_label(val);
			if (val == ANSWER_NO && (a->memo == NULL))
				cells[2] = _("Not recorded (needed)");
			else
				cells[2] = a != NULL && a->memo != NULL
						   ? layout_private(a->memo, &m)
						   : "";
			table_row(&t, cells, NULL);
		}
		table_end(&t);
	}
	strbuf_release(&m);
}

void
hoshu_draw(struct pdf *p, const struct report_input *in)
{
	const struct hoshu *h;
	struct strbuf sb = STRBUF_INIT;

	if (in->hoshu == NULL || in->content == NULL || in->servers == NULL)
		return;
	h = &in->content->hoshu;
	pdf_add_page(p);
	layout_heading(
		p,
		_("Maintenance-entrustment volume: may the clinic follow it?"),
		80);
	strbuf_addf(&sb, _("Result: %s"),
		    hoshu_result_label(in->hoshu->result));
	text_para(p, sb.buf, PDF_LEFT, PDF_WIDTH, &text_heading, true);
	pdf_skip(p, 4);
	layout_para(p, outcome_text(h, in->hoshu->result));
	strbuf_reset(&sb);
	strbuf_addf(
		&sb,
		_("Judged along the volume's flowchart: %s. The wording of that volume has not been checked against the official text yet; see the source notes."),
		h->title);
	if (!h->verified)
		layout_para(p, sb.buf);
	draw_reasons(p, in);
	draw_servers(p, in);
	draw_sds(p, in);
	strbuf_release(&sb);
}

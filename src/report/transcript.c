#include "report/transcript.h"

#include <string.h>

#include "model/gap.h"
#include "report/layout.h"
#include "util/i18n.h"
#include "util/strbuf.h"

/* Column widths in points; the item column takes the rest. */
#define COL_NUM    48.0
#define COL_ANSWER 44.0
#define COL_DATE   90.0

/*
 * What the official form shows for one answer: the value column and the
 * remark printed under the row (docs/decisions.md, Answers and the
 * transcript: わからない is written as いいえ with 確認中, 該当なし and
 * gate-skipped items as ― with the reason).
 */
static void
form_value(const struct report_input *in, const struct item *it,
	   const struct answer *a, bool skipped, const char **value,
	   struct strbuf *remark)
{
	if (skipped) {
		*value = _("-");
		strbuf_addstr(remark,
			      _("Not needed: no medical information system"));
		return;
	}
	switch (a != NULL ? a->value : ANSWER_NONE) {
	case ANSWER_YES:
		*value = answer_value_label(ANSWER_YES);
		break;
	case ANSWER_NO:
		*value = answer_value_label(ANSWER_NO);
		break;
	case ANSWER_UNKNOWN:
		*value = answer_value_label(ANSWER_NO);
		if (layout_vendor_name(in, a->ask) != NULL)
			strbuf_addf(remark, _("Being checked (asked of %s)"),
				    layout_vendor_name(in, a->ask));
		else
			strbuf_addstr(remark, _("Being checked (in-house)"));
		break;
	case ANSWER_NA:
		*value = _("-");
		strbuf_addf(remark, _("Not applicable: %s"),
			    it->na != NULL ? it->na : "");
		break;
	case ANSWER_NONE:
		*value = _("Not answered");
		break;
	}
}

static void
draw_section(struct pdf *p, const struct report_input *in, size_t s,
	     bool gate_no)
{
	const struct edition *ed = in->edition;
	const struct section *sec = &ed->sections[s];
	/* TRANSLATORS: the mark after an unverified number or title; ja: ※ */
	const char *mark = _("*");
	struct table_col cols[] = {
		{_("No."), COL_NUM, false},
		{_("Item"), 0, false},
		{_("Answer"), COL_ANSWER, false},
		{_("Checked on"), COL_DATE, false},
		{_("Target date"), COL_DATE, false},
	};
	struct strbuf head = STRBUF_INIT, num = STRBUF_INIT,
		      title = STRBUF_INIT;
	struct strbuf checked = STRBUF_INIT, target = STRBUF_INIT;
	struct strbuf remark = STRBUF_INIT;
	struct table t;
	size_t i, c;

	cols[1].width = PDF_WIDTH - COL_NUM - COL_ANSWER - 2 * COL_DATE;
	if (sec->number[0] != '\0')
		strbuf_addf(&head, "%s  ", sec->number);
	strbuf_addstr(&head, sec->title);
	if (sec->inferred)
		strbuf_addstr(&head, mark);
	pdf_need(p, 3 * text_cell.leading + 20);
	text_para(p, head.buf, PDF_LEFT, PDF_WIDTH, &text_body, true);
	pdf_skip(p, 2);
	table_begin(&t, p, cols, sizeof(cols) / sizeof(cols[0]));
	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];

		if (it->section != s)
			continue;
		for (c = 0; c < it->ncells; c++) {
			const struct answer *a = answer_set_find(
				in->answers, it->id, it->cells[c]);
			bool skipped = gate_no && !it->gate;
			const char *value = "";
			const char *cells[5];

			strbuf_reset(&num);
			strbuf_reset(&title);
			strbuf_reset(&checked);
			strbuf_reset(&target);
			strbuf_reset(&remark);
			strbuf_addstr(&num,
				      it->number[0] ? it->number : _("-"));
			strbuf_addstr(&title, it->title);
			if (it->inferred) {
				strbuf_addstr(&num, mark);
				strbuf_addstr(&title, mark);
			}
			if (it->labelled)
				strbuf_addf(&title, _(" (for %s)"),
					    cell_label(it->cells[c]));
			form_value(in, it, a, skipped, &value, &remark);
			if (a != NULL && !skipped) {
				date_add_wareki(&checked, &a->checked);
				if (answer_needs_target(it, a->value)) {
					if (date_is_set(&a->target))
						date_add_wareki(&target,
								&a->target);
					else
						strbuf_addstr(&target,
							      _("Not entered"));
				}
			}
			cells[0] = num.buf;
			cells[1] = title.buf;
			cells[2] = value;
			cells[3] = checked.buf;
			cells[4] = target.buf;
			table_row(&t, cells, remark.buf);
		}
	}
	table_end(&t);
	strbuf_release(&head);
	strbuf_release(&num);
	strbuf_release(&title);
	strbuf_release(&checked);
	strbuf_release(&target);
	strbuf_release(&remark);
}

void
transcript_draw(struct pdf *p, const struct report_input *in)
{
	const struct edition *ed = in->edition;
	bool gate_no = gap_gate_no(ed, in->answers);
	struct strbuf sb = STRBUF_INIT;
	size_t s;

	pdf_add_page(p);
	layout_heading(
		p, _("Checklist answers, in the order of the official form"),
		60);
	strbuf_addf(
		&sb,
		_("%s %s (%s). Each item is shown as it is written on the official form: \"Don't know\" is written as No, with \"being checked\" under it."),
		ed->name, ed->title, ed->form);
	layout_para(p, sb.buf);
	/* the certainty of this part, said once (not on every line) */
	if (!content_edition_verified(ed))
		layout_para(
			p,
			_("The numbers and titles follow the official form as far as our sources show, but this edition has not yet been compared with the official form line by line. A * marks a number or heading that is itself our inference."));
	for (s = 0; s < ed->nsections; s++)
		draw_section(p, in, s, gate_no);
	strbuf_release(&sb);
}

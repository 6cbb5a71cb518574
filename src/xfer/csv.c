/*
 * The checklist transcript as CSV for Excel (iryosec export --format csv):
 * the same rows as the PDF's transcript (report/transcript.c), in the
 * official order, one per item and cell. Excel opens UTF-8 only with a
 * byte order mark, and runs a cell that starts with = + - @ as a formula:
 * such a cell gets a leading apostrophe, which Excel shows as text.
 */
#include "xfer/xfer.h"

#include <string.h>

#include "job/year.h"
#include "model/gap.h"
#include "util/i18n.h"

#define CSV_BOM "\xEF\xBB\xBF"

void
xfer_csv_cell(struct strbuf *out, const char *s)
{
	const char *p;

	if (s == NULL)
		s = "";
	strbuf_addch(out, '"');
	/* tab and CR start a formula too in some spreadsheets */
	if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		strbuf_addch(out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			strbuf_addch(out, '"');
		strbuf_addch(out, *p);
	}
	strbuf_addch(out, '"');
}

/* Ends a row: cells (n) joined by commas, then CRLF. */
static void
add_row(struct strbuf *out, const char *const *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addch(out, ',');
		xfer_csv_cell(out, cells[i]);
	}
	strbuf_addstr(out, "\r\n");
}

/*
 * What the official form shows for an answer (docs/decisions.md, Answers
 * and the transcript), and the remark under it; as the PDF's transcript.
 */
static const char *
form_value(const struct year_data *y, const struct item *it,
	   const struct answer *a, bool skipped, struct strbuf *remark)
{
	const struct vendor *v;

	if (skipped) {
		strbuf_addstr(remark,
			      _("Not needed: no medical information system"));
		return _("-");
	}
	switch (a != NULL ? a->value : ANSWER_NONE) {
	case ANSWER_YES:
		return answer_value_label(ANSWER_YES);
	case ANSWER_NO:
		return answer_value_label(ANSWER_NO);
	case ANSWER_UNKNOWN:
		v = vendor_list_find(&y->vendors, a->ask);
		if (v != NULL)
			strbuf_addf(remark, _("Being checked (asked of %s)"),
				    v->name);
		else
			strbuf_addstr(remark, _("Being checked (in-house)"));
		return answer_value_label(ANSWER_NO);
	case ANSWER_NA:
		strbuf_addf(remark, _("Not applicable: %s"),
			    it->na != NULL ? it->na : "");
		return _("-");
	case ANSWER_NONE:
		break;
	}
	return _("Not answered");
}

enum col {
	COL_SECTION = 0,
	COL_NUMBER,
	COL_ITEM,
	COL_CELL,
	COL_FORM,
	COL_OURS,
	COL_CHECKED,
	COL_TARGET,
	COL_REMARK,
	COL_OWNER,
	COL_MEMO,
	COL__COUNT
};

static void
add_item(struct strbuf *out, const struct year_data *y, const struct item *it,
	 bool gate_no)
{
	struct strbuf sec = STRBUF_INIT, remark = STRBUF_INIT;
	const struct section *s = &y->edition->sections[it->section];
	const char *cells[COL__COUNT];
	char checked[11], target[11];
	size_t c;

	if (s->number[0] != '\0')
		strbuf_addf(&sec, "%s ", s->number);
	strbuf_addstr(&sec, s->title);
	for (c = 0; c < it->ncells; c++) {
		const struct answer *a =
			answer_set_find(&y->answers, it->id, it->cells[c]);
		bool skipped = gate_no && !it->gate;

		strbuf_reset(&remark);
		memset(cells, 0, sizeof(cells));
		checked[0] = target[0] = '\0';
		cells[COL_SECTION] = sec.buf;
		cells[COL_NUMBER] = it->number[0] ? it->number : _("-");
		cells[COL_ITEM] = it->title;
		cells[COL_CELL] = it->labelled || it->ncells > 1
					  ? cell_label(it->cells[c])
					  : "";
		cells[COL_FORM] = form_value(y, it, a, skipped, &remark);
		cells[COL_OURS] =
			answer_value_label(a != NULL ? a->value : ANSWER_NONE);
		if (a != NULL) {
			date_iso(&a->checked, checked);
			date_iso(&a->target, target);
		}
		cells[COL_CHECKED] = checked;
		cells[COL_TARGET] = target;
		if (a != NULL && !skipped && target[0] == '\0' &&
		    answer_needs_target(it, a->value))
			cells[COL_TARGET] = _("Not entered");
		cells[COL_REMARK] = remark.buf;
		cells[COL_OWNER] = a != NULL ? a->owner : NULL;
		cells[COL_MEMO] = a != NULL ? a->memo : NULL;
		add_row(out, cells, COL__COUNT);
	}
	strbuf_release(&sec);
	strbuf_release(&remark);
}

int
xfer_csv_write(struct store *st, const struct content *c,
	       const struct date *today, struct strbuf *out, struct err *e)
{
	const char *head[COL__COUNT] = {
		[COL_SECTION] = _("Section"),
		[COL_NUMBER] = _("No."),
		[COL_ITEM] = _("Item"),
		[COL_CELL] = _("Cell"),
		[COL_FORM] = _("Answer on the official form"),
		[COL_OURS] = _("Answer in iryosec"),
		[COL_CHECKED] = _("Checked on"),
		[COL_TARGET] = _("Target date"),
		[COL_REMARK] = _("Remark"),
		[COL_OWNER] = _("Person in charge"),
		[COL_MEMO] = _("Memo"),
	};
	struct year_data y;
	bool gate_no;
	size_t s, i;

	if (year_data_load(&y, st, c, today, YEAR_DATA_SETUP, e) != 0) {
		year_data_release(&y);
		return -1;
	}
	gate_no = gap_gate_no(y.edition, &y.answers);
	strbuf_addstr(out, CSV_BOM);
	add_row(out, head, COL__COUNT);
	/* sections in order, then their items: the official order */
	for (s = 0; s < y.edition->nsections; s++)
		for (i = 0; i < y.edition->nitems; i++)
			if (y.edition->items[i].section == s)
				add_item(out, &y, &y.edition->items[i],
					 gate_no);
	year_data_release(&y);
	return 0;
}

#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "report/hoshu.h"
#include "report/layout.h"
#include "report/pdf.h"
#include "report/remote.h"
#include "report/table.h"
#include "report/text.h"
#include "report/transcript.h"
#include "report/vendors.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* IPAexGothic from Debian's fonts-ipaexfont-gothic (decisions.md, Font). */
#define REPORT_DEFAULT_FONT                                                    \
	"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

#define LABEL_W    168.0 /* label column of the two-column tables */
#define FOOTER_SEP 24.0  /* space between the parts of the footer */

const char *
report_font_path(const char *override)
{
	const char *env;

	if (override != NULL && override[0] != '\0')
		return override;
	env = getenv("IRYOSEC_FONT");
	if (env != NULL && env[0] != '\0')
		return env;
	return REPORT_DEFAULT_FONT;
}

static const struct table_col cols_pairs[] = {
	{NULL, LABEL_W, true},
	{NULL, PDF_WIDTH - LABEL_W, false},
};

/* Title, edition and the facility's details: the top of page 1. */
static void
draw_title(struct pdf *p, const struct report_input *in)
{
	const struct facility *f = in->facility;
	const struct edition *ed = in->edition;
	struct strbuf sb = STRBUF_INIT;
	struct table t;

	pdf_add_page(p);
	text_para(p, _("Cybersecurity check results"), PDF_LEFT, PDF_WIDTH,
		  &text_title, true);
	if (f->name != NULL && f->name[0] != '\0')
		strbuf_addf(&sb, "%s  ", f->name);
	date_add_fy_name(&sb, f->year);
	/* The name is counted in the table below. */
	text_para(p, sb.buf, PDF_LEFT, PDF_WIDTH, &text_body, false);
	layout_rule(p, p->y - 4, 1.2, 0.2);
	pdf_skip(p, 18);

	table_begin(&t, p, cols_pairs, 2);
	layout_row2(&t, _("Facility"), layout_or_missing(f->name));
	layout_row2(&t, _("Type of facility"), facility_type_label(f->type));
	layout_row2(&t, _("Manager"), layout_or_missing(f->manager));
	layout_row2(&t, _("Security officer for medical information systems"),
		    layout_or_missing(f->officer));
	strbuf_reset(&sb);
	date_add_fy_name(&sb, f->year);
	layout_row2(&t, _("Fiscal year checked"), sb.buf);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, ed->name);
	if (ed->title != NULL && ed->title[0] != '\0')
		strbuf_addf(&sb, "\n%s", ed->title);
	layout_row2(&t, _("Checklist"), sb.buf);
	strbuf_reset(&sb);
	date_add_wareki(&sb, &in->today);
	layout_row2(&t, _("Date created"), sb.buf);
	table_end(&t);
	strbuf_release(&sb);
}

/* The gate item of the edition, or NULL. */
static const struct item *
gate_item(const struct edition *ed)
{
	size_t i;

	for (i = 0; i < ed->nitems; i++)
		if (ed->items[i].gate)
			return &ed->items[i];
	return NULL;
}

/* Appends "n items" to sb (Japanese: n項目). */
static void
add_count(struct strbuf *sb, size_t n)
{
	/* TRANSLATORS: a number of checklist items; ja: %zu項目 */
	strbuf_addf(sb, _("%zu item(s)"), n);
}

static void
count_row(struct table *t, const char *label, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	add_count(&sb, n);
	layout_row2(t, label, sb.buf);
	strbuf_release(&sb);
}

/* 点検の概要: counts, and what to do next in plain words. */
static void
draw_summary(struct pdf *p, const struct report_input *in)
{
	const struct progress *pr = in->progress;
	size_t unanswered = pr->total - pr->answered;
	struct strbuf sb = STRBUF_INIT;
	struct table t;

	layout_heading(p, _("Summary"), 120);
	table_begin(&t, p, cols_pairs, 2);
	/* TRANSLATORS: answered and total items; ja: %zu / %zu項目 */
	strbuf_addf(&sb, _("%zu of %zu items"), pr->answered, pr->total);
	layout_row2(&t, _("Answered"), sb.buf);
	count_row(&t, answer_value_label(ANSWER_YES), pr->yes);
	count_row(&t, answer_value_label(ANSWER_NA), pr->na);
	count_row(&t, _("Items that need action"), pr->gaps);
	count_row(&t, _("Target date not entered"), pr->no_target);
	count_row(&t, answer_value_label(ANSWER_NONE), unanswered);
	table_end(&t);

	if (pr->gate_no && gate_item(in->edition) != NULL) {
		strbuf_reset(&sb);
		strbuf_addf(
			&sb,
			_("'%s' is answered No, so the other %zu items need no answer."),
			gate_item(in->edition)->title, pr->skipped);
		layout_para(p, sb.buf);
	}
	if (pr->gaps > 0)
		layout_para(
			p,
			_("Items answered No or Don't know are listed below under 'Items that need action'. Work on each by its target date. For Don't know, ask the person or vendor in the Who acts column."));
	if (pr->no_target > 0) {
		strbuf_reset(&sb);
		strbuf_addf(
			&sb,
			_("%zu item(s) have no target date yet. Enter one on the checklist screen."),
			pr->no_target);
		layout_para(p, sb.buf);
	}
	if (unanswered > 0) {
		strbuf_reset(&sb);
		strbuf_addf(
			&sb,
			_("%zu item(s) are not answered yet. Answer them on the checklist screen."),
			unanswered);
		layout_para(p, sb.buf);
	}
	strbuf_release(&sb);
}

/* 対応が必要な項目: one row per gap, in official order. */
static void
draw_gaps(struct pdf *p, const struct report_input *in)
{
	const struct gap_list *g = in->gaps;
	/* TRANSLATORS: appended to an item's number and title when they are not
	 * yet checked against the official form; ja: ※ */
	const char *mark = _("*");
	struct table_col cols[] = {
		{_("No."), 54, false},      {_("Item"), 0, false},
		{_("Answer"), 62, false},   {_("Target date"), 96, false},
		{_("Who acts"), 74, false},
	};
	struct strbuf num = STRBUF_INIT, title = STRBUF_INIT;
	struct strbuf target = STRBUF_INIT, memo = STRBUF_INIT;
	struct table t;
	size_t i;

	cols[1].width = PDF_WIDTH - cols[0].width - cols[2].width -
			cols[3].width - cols[4].width;
	layout_heading(p, _("Items that need action"), 60);
	if (g->n == 0) {
		const char *s =
			in->progress->answered < in->progress->total
				? _("No item needs action among the answers so far.")
				: _("There are no items that need action.");

		layout_para(p, s);
		return;
	}
	table_begin(&t, p, cols, sizeof(cols) / sizeof(cols[0]));
	for (i = 0; i < g->n; i++) {
		const struct gap *gp = &g->v[i];
		const struct item *it = gp->item;
		const char *cells[5];

		strbuf_reset(&num);
		strbuf_reset(&title);
		strbuf_reset(&target);
		strbuf_reset(&memo);
		strbuf_addstr(&num, it->number);
		if (it->labelled)
			/* TRANSLATORS: an item's title and the part of the
			   system it is about; ja: %s（%s） */
			strbuf_addf(&title, _("%s (for %s)"), it->title,
				    content_cell_label(gp->cell));
		else
			strbuf_addstr(&title, it->title);
		if (!it->verified) {
			strbuf_addstr(&num, mark);
			strbuf_addstr(&title, mark);
		}
		if (gp->no_target)
			strbuf_addstr(&target, _("Not entered"));
		else
			date_add_wareki(&target, &gp->answer->target);
		if (gp->answer->memo != NULL && gp->answer->memo[0] != '\0')
			/* TRANSLATORS: ja: メモ：%s */
			strbuf_addf(&memo, _("Memo: %s"), gp->answer->memo);
		cells[0] = num.buf;
		cells[1] = title.buf;
		cells[2] = answer_value_label(gp->answer->value);
		cells[3] = target.buf;
		cells[4] = content_who_label(it->who);
		table_row(&t, cells, memo.buf);
		if (!it->verified)
			pdf_mark_note(p);
	}
	table_end(&t);
	strbuf_release(&num);
	strbuf_release(&title);
	strbuf_release(&target);
	strbuf_release(&memo);
}

/*
 * Appends clean s to out, cut with "..." to fit width at size. Not
 * counted as replaced: the same text is counted where it is printed in
 * full.
 */
static void
add_fitted(struct pdf *p, const char *s, double width, double size,
	   struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	double dots = text_width(p, "...", 3, size);
	size_t i = 0;
	double w = 0;

	text_clean(p, s, &sb, false);
	if (text_width(p, sb.buf, sb.len, size) <= width) {
		strbuf_addstr(out, sb.buf);
		strbuf_release(&sb);
		return;
	}
	while (i < sb.len) {
		uint32_t cp;
		int n = utf8_decode(sb.buf + i, sb.len - i, &cp);
		double cw;

		if (n <= 0)
			break;
		cw = text_width(p, sb.buf + i, (size_t)n, size);
		if (w + cw + dots > width)
			break;
		w += cw;
		i += (size_t)n;
	}
	strbuf_add(out, sb.buf, i);
	strbuf_addstr(out, "...");
	strbuf_release(&sb);
}

/* Footnote (on marked pages) and footer on every page, at the end. */
static void
draw_footers(struct pdf *p, const struct report_input *in)
{
	const struct text_style *st = &text_footer;
	struct strbuf name = STRBUF_INIT, date = STRBUF_INIT;
	struct strbuf num = STRBUF_INIT, note = STRBUF_INIT;
	double date_x, num_w;
	size_t i;

	/* The widest page number decides where the date ends. */
	strbuf_addf(&num, "%zu / %zu", p->npages, p->npages);
	num_w = text_width(p, num.buf, num.len, st->size);
	strbuf_reset(&num);
	strbuf_addf(&num, "%s ", _("Date created"));
	date_add_wareki(&num, &in->today);
	text_clean(p, num.buf, &date, false);
	date_x = PDF_RIGHT - num_w - FOOTER_SEP -
		 text_width(p, date.buf, date.len, st->size);
	if (in->facility->name != NULL)
		add_fitted(p, in->facility->name,
			   date_x - FOOTER_SEP - PDF_LEFT, st->size, &name);
	text_clean(
		p,
		_("* Check the numbers and wording against the official form."),
		&note, false);
	for (i = 0; i < p->npages && pdf_ok(p); i++) {
		HPDF_Page page = p->pages[i].h;
		double w;

		if (p->pages[i].note)
			text_show(p, page, PDF_LEFT, PDF_FOOTER_Y + 24,
				  note.buf, note.len, &text_note);
		HPDF_Page_SetLineWidth(page, 0.5);
		HPDF_Page_SetGrayStroke(page, 0.6);
		HPDF_Page_MoveTo(page, (HPDF_REAL)PDF_LEFT,
				 (HPDF_REAL)(PDF_FOOTER_Y + 12));
		HPDF_Page_LineTo(page, (HPDF_REAL)PDF_RIGHT,
				 (HPDF_REAL)(PDF_FOOTER_Y + 12));
		HPDF_Page_Stroke(page);
		text_show(p, page, PDF_LEFT, PDF_FOOTER_Y, name.buf, name.len,
			  st);
		text_show(p, page, date_x, PDF_FOOTER_Y, date.buf, date.len,
			  st);
		strbuf_reset(&num);
		strbuf_addf(&num, "%zu / %zu", i + 1, p->npages);
		w = text_width(p, num.buf, num.len, st->size);
		text_show(p, page, PDF_RIGHT - w, PDF_FOOTER_Y, num.buf,
			  num.len, st);
	}
	strbuf_release(&name);
	strbuf_release(&date);
	strbuf_release(&num);
	strbuf_release(&note);
}

/* Title, Author and Creator of the document. */
static void
set_info(struct pdf *p, const struct report_input *in)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name = in->facility->name;

	strbuf_addstr(&sb, _("Cybersecurity check results"));
	strbuf_addch(&sb, ' ');
	date_add_fy_name(&sb, in->facility->year);
	if (name != NULL && name[0] != '\0')
		strbuf_addf(&sb, " %s", name);
	pdf_set_info(p, HPDF_INFO_TITLE, sb.buf);
	if (name != NULL && name[0] != '\0')
		pdf_set_info(p, HPDF_INFO_AUTHOR, name);
	pdf_set_info(p, HPDF_INFO_CREATOR, "iryosec");
	strbuf_release(&sb);
}

int
report_write(const struct report_input *in, const char *path,
	     struct report_result *res, struct err *e)
{
	const char *font =
		in->font_path != NULL ? in->font_path : report_font_path(NULL);
	struct pdf p;
	int r = -1;

	if (in->facility == NULL || in->edition == NULL ||
	    in->answers == NULL || in->gaps == NULL || in->progress == NULL)
		BUG("report_write: incomplete input");
	if (res != NULL)
		memset(res, 0, sizeof(*res));
	memset(&p, 0, sizeof(p));
	if (pdf_probe_output(path, e) < 0)
		goto out;
	if (pdf_open(&p, font, e) < 0)
		goto out;
	set_info(&p, in);
	draw_title(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	draw_summary(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	remote_draw_priority(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	draw_gaps(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	vendors_draw(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	transcript_draw(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	remote_draw_ledger(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	hoshu_draw(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	contacts_draw(&p, in);
	if (!pdf_ok(&p))
		goto fail;
	draw_footers(&p, in);
	if (pdf_save(&p, path, e) < 0)
		goto out;
	if (res != NULL) {
		res->pages = p.npages;
		res->replaced = p.replaced;
	}
	r = 0;
	goto out;
fail:
	pdf_error(&p, e);
out:
	pdf_close(&p);
	return r;
}

#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "report/hoshu.h"
#include "report/layout.h"
#include "report/overview.h"
#include "report/pdf.h"
#include "report/remote.h"
#include "report/table.h"
#include "report/text.h"
#include "report/transcript.h"
#include "report/vendors.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/sys.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define FOOTER_SEP 24.0 /* space between the parts of the footer */

const char *
report_font_path(const char *override)
{
	static char *fallback;
	const char *env;

	if (override != NULL && override[0] != '\0')
		return override;
	env = sys_getenv("IRYOSEC_FONT");
	if (env != NULL && env[0] != '\0')
		return env;
	if (fallback == NULL)
		fallback = paths_default_font(); /* kept to the end */
	return fallback;
}

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

	table_begin(&t, p, layout_cols_pairs, 2);
	layout_row2(&t, _("Facility"), layout_or_missing(f->name));
	layout_row2(&t, _("Type of facility"), facility_type_label(f->type));
	layout_row2(&t, _("Manager"), layout_or_missing(f->manager));
	layout_row2(&t, _("Security officer for medical information systems"),
		    layout_or_missing(f->officer));
	layout_row2(&t, _("Who did this check"), layout_or_missing(f->checker));
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
		_("* A number or heading inferred from our sources: check it against the official form."),
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

/* The sections, for the table of contents and for --only. */
struct toc {
	const char *title[REPORT__PARTS];
	size_t page[REPORT__PARTS];
	size_t n;
};

#define TOC_LINE 14.0

/* Records where a section starts, when it drew a page after before. */
static void
toc_mark(struct toc *toc, const struct pdf *p, size_t before, const char *title)
{
	if (p->npages > before && toc->n < REPORT__PARTS) {
		toc->title[toc->n] = title;
		toc->page[toc->n++] = before + 1;
	}
}

/* Runs one section and records where it starts. */
static void
section(struct pdf *p, struct toc *toc, const char *title,
	void (*draw)(struct pdf *, const struct report_input *),
	const struct report_input *in)
{
	size_t before = p->npages;

	draw(p, in);
	toc_mark(toc, p, before, title);
}

/* Writes the table of contents into the space kept on page 1. */
static void
draw_toc(struct pdf *p, const struct toc *toc, double y)
{
	HPDF_Page page = p->npages > 0 ? p->pages[0].h : NULL;
	size_t i;

	if (page == NULL || !pdf_ok(p))
		return;
	for (i = 0; i < toc->n; i++) {
		struct strbuf sb = STRBUF_INIT;
		double ly = y - (double)(i + 1) * TOC_LINE;

		strbuf_addf(&sb, "%zu. %s", i + 1, toc->title[i]);
		text_show(p, page, PDF_LEFT + 8, ly, sb.buf, sb.len,
			  &text_body);
		strbuf_reset(&sb);
		/* TRANSLATORS: a page number in the table of contents */
		strbuf_addf(&sb, _("page %zu"), toc->page[i]);
		text_show(p, page, PDF_RIGHT - 60, ly, sb.buf, sb.len,
			  &text_body);
		strbuf_release(&sb);
	}
}

static bool
want(const struct report_input *in, unsigned part)
{
	return in->parts == 0 || (in->parts & part) != 0;
}

int
report_write(const struct report_input *in, const char *path,
	     struct report_result *res, struct err *e)
{
	const char *font =
		in->font_path != NULL ? in->font_path : report_font_path(NULL);
	struct todo_list todo = TODO_LIST_INIT;
	struct toc toc;
	struct pdf p;
	double toc_y = 0;
	int r = -1;

	if (in->facility == NULL || in->edition == NULL ||
	    in->answers == NULL || in->gaps == NULL || in->progress == NULL ||
	    in->content == NULL)
		BUG("report_write: incomplete input");
	if (res != NULL)
		memset(res, 0, sizeof(*res));
	memset(&p, 0, sizeof(p));
	memset(&toc, 0, sizeof(toc));
	todo_build(in->content, in->gaps, in->findings, &todo);
	if (pdf_probe_output(path, e) < 0)
		goto out;
	if (pdf_open(&p, font, e) < 0)
		goto out;
	set_info(&p, in);
	if (want(in, REPORT_SUMMARY)) {
		size_t before;

		draw_title(&p, in);
		pdf_skip(&p, 6);
		overview_alert(&p, &todo);
		/* room for the table of contents, written at the end */
		layout_heading(&p, _("Contents"), REPORT__PARTS * TOC_LINE);
		toc_y = p.y + TOC_LINE * 0.3;
		pdf_skip(&p, (REPORT__PARTS - 1) * TOC_LINE + 6);
		before = p.npages;
		overview_draw(&p, in, &todo);
		toc_mark(&toc, &p, before, _("Summary"));
		if (!pdf_ok(&p))
			goto fail;
	}
	if (want(in, REPORT_PRIORITY)) {
		size_t before = p.npages;

		priority_draw(&p, in, &todo);
		toc_mark(&toc, &p, before, _("What to do first"));
	}
	if (want(in, REPORT_VENDORS))
		section(&p, &toc, _("Requests to vendors"), vendors_draw, in);
	if (want(in, REPORT_TRANSCRIPT))
		section(&p, &toc,
			_("Checklist answers, in the order of the official form"),
			transcript_draw, in);
	if (want(in, REPORT_REMOTE))
		section(&p, &toc, _("Remote-maintenance inventory"),
			remote_draw_ledger, in);
	if (want(in, REPORT_HOSHU))
		section(&p, &toc,
			_("Maintenance-entrustment volume: may the clinic follow it?"),
			hoshu_draw, in);
	if (want(in, REPORT_CONTACTS))
		section(&p, &toc, _("Contact chart for incidents"),
			contacts_draw, in);
	if (!pdf_ok(&p))
		goto fail;
	if (p.npages == 0) {
		err_set(e, ERR_INPUT, "%s",
			_("the chosen parts of the report are empty (no vendor or connection of that kind)"));
		goto out;
	}
	if (want(in, REPORT_SUMMARY))
		draw_toc(&p, &toc, toc_y);
	draw_footers(&p, in);
	if (pdf_save(&p, path, e) < 0)
		goto out;
	if (res != NULL) {
		size_t i, k = 0;
		int n;

		res->pages = p.npages;
		res->replaced = p.replaced;
		res->missing[0] = '\0';
		for (i = 0; i < p.replaced && i < 16; i++) {
			char u[5];

			n = (int)utf8_encode_cp(p.missing[i], u);

			if (k + (size_t)n + 1 > sizeof(res->missing))
				break;
			memcpy(res->missing + k, u, (size_t)n);
			k += (size_t)n;
			res->missing[k] = '\0';
		}
	}
	r = 0;
	goto out;
fail:
	pdf_error(&p, e);
out:
	todo_list_release(&todo);
	pdf_close(&p);
	return r;
}

unsigned
report_part_parse(const char *name)
{
	static const struct {
		const char *name;
		unsigned bit;
	} parts[] = {
		{"summary", REPORT_SUMMARY},
		{"priority", REPORT_PRIORITY},
		{"vendors", REPORT_VENDORS},
		{"transcript", REPORT_TRANSCRIPT},
		{"remote", REPORT_REMOTE},
		{"hoshu", REPORT_HOSHU},
		{"contacts", REPORT_CONTACTS},
	};
	size_t i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (strcmp(parts[i].name, name) == 0)
			return parts[i].bit;
	}
	return 0;
}

#include "wizard/job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/answer.h"
#include "model/facility.h"
#include "model/gap.h"
#include "util/i18n.h"
#include "util/utf8.h"

void
job_report_name(struct strbuf *sb, int fy, const struct date *today)
{
	strbuf_addf(sb, "iryosec-%d-%04d%02d%02d.pdf", fy, today->y, today->m,
		    today->d);
}

/* Loads what both jobs need. Returns 0 or -1 with e set. */
static int
load(struct store *st, const struct content *c, struct facility *f,
     const struct edition **ed, struct answer_set *s, struct err *e)
{
	if (store_facility_load(st, f, e) != 0)
		return -1;
	if (!facility_complete(f))
		return err_set(
			e, ERR_INPUT, "%s",
			_("the first-time setup has not been done yet; start iryosec without a command and enter your facility's details"));
	*ed = content_edition_find(c, f->edition);
	if (*ed == NULL)
		*ed = content_edition_for_year(c, f->year);
	if (*ed == NULL)
		return err_set(e, ERR_CONTENT, "%s",
			       _("no checklist edition fits the fiscal year"));
	return store_answers_load(st, f->year, s, e);
}

int
job_report(struct store *st, const struct content *c, const char *font,
	   const char *path, const struct date *today,
	   const struct job_parts *what, struct report_result *res,
	   struct err *e)
{
	struct facility f = {0};
	struct answer_set s = ANSWER_SET_INIT;
	struct gap_list g = GAP_LIST_INIT;
	struct vendor_list vl = VENDOR_LIST_INIT;
	struct vanswer_set va = VANSWER_SET_INIT;
	struct contact_list cl = CONTACT_LIST_INIT;
	struct connection_list co = CONNECTION_LIST_INIT;
	struct finding_list fi = FINDING_LIST_INIT;
	struct server_list sv = SERVER_LIST_INIT;
	struct hoshu_judgement hj = HOSHU_JUDGEMENT_INIT;
	struct progress p;
	const struct edition *ed = NULL;
	struct report_input in;
	int r = -1;

	if (load(st, c, &f, &ed, &s, e) != 0 ||
	    store_vendors_load(st, &vl, e) != 0 ||
	    store_vanswers_load(st, f.year, &va, e) != 0 ||
	    store_contacts_load(st, &cl, e) != 0 ||
	    store_connections_load(st, &co, e) != 0 ||
	    store_servers_load(st, &sv, e) != 0)
		goto out;
	remote_findings(c, &co, today, &fi);
	hoshu_judge(c, answer_set_find(&s, HOSHU_STAFF_ID, CELL_ALL), &sv, &vl,
		    &va, &hj);
	gap_compute(ed, &s, &g, &p);
	memset(&in, 0, sizeof(in));
	in.content = c;
	in.vendors = &vl;
	in.vanswers = &va;
	in.contacts = &cl;
	in.connections = &co;
	in.findings = &fi;
	in.servers = &sv;
	in.hoshu = &hj;
	if (what != NULL) {
		size_t i;

		in.parts = what->parts;
		for (i = 0; what->vendor != NULL && i < vl.n; i++) {
			if (strcmp(vl.v[i].name, what->vendor) == 0)
				in.only_vendor = vl.v[i].id;
		}
		if (what->vendor != NULL && in.only_vendor == 0) {
			err_set(e, ERR_INPUT,
				_("there is no vendor named '%s' in the vendor register"),
				what->vendor);
			goto out;
		}
		if (what->vendor != NULL && in.parts == 0)
			in.parts = REPORT_VENDORS;
		in.reply_by = what->reply_by;
	}
	in.facility = &f;
	in.edition = ed;
	in.answers = &s;
	in.gaps = &g;
	in.progress = &p;
	in.today = *today;
	if (!date_is_set(&in.reply_by))
		in.reply_by = date_add_days(today, REPORT_REPLY_DAYS);
	in.font_path = font;
	r = report_write(&in, path, res, e);
out:
	vendor_list_release(&vl);
	vanswer_set_release(&va);
	contact_list_release(&cl);
	connection_list_release(&co);
	finding_list_release(&fi);
	server_list_release(&sv);
	hoshu_judgement_release(&hj);
	gap_list_release(&g);
	answer_set_release(&s);
	facility_release(&f);
	return r;
}

int
job_status(struct store *st, const struct content *c, struct strbuf *out,
	   struct err *e)
{
	struct facility f = {0};
	struct answer_set s = ANSWER_SET_INIT;
	struct gap_list g = GAP_LIST_INIT;
	struct progress p;
	const struct edition *ed = NULL;
	size_t i;
	int r = -1;

	if (load(st, c, &f, &ed, &s, e) != 0)
		goto out;
	gap_compute(ed, &s, &g, &p);
	{
		char *name = utf8_oneline(f.name);

		strbuf_addf(out, _("Facility: %s (%s)\n"), name,
			    facility_type_label(f.type));
		free(name);
	}
	strbuf_addstr(out, _("Fiscal year: "));
	date_add_fy_name(out, f.year);
	strbuf_addf(out, _(" (%s %s)\n"), ed->name, ed->title);
	if (p.gate_no)
		strbuf_addf(
			out, "%s\n",
			_("No medical information system: the other items are not needed."));
	strbuf_addf(out, _("Answered: %zu of %zu\n"), p.answered, p.total);
	strbuf_addf(out, _("Needs action: %zu (target date missing: %zu)\n"),
		    p.gaps, p.no_target);
	strbuf_addf(out, _("Not answered yet: %zu\n"), p.total - p.answered);
	for (i = 0; i < g.n; i++) {
		const struct gap *gp = &g.v[i];
		char *title = utf8_oneline(gp->item->title);

		strbuf_addf(out, "  %s %s", gp->item->number, title);
		free(title);
		if (gp->item->labelled)
			strbuf_addf(out, _(" (target: %s)"),
				    content_cell_label(gp->cell));
		strbuf_addf(out, _(": %s, target date "),
			    answer_value_label(gp->answer->value));
		if (gp->no_target)
			strbuf_addstr(out, _("not entered"));
		else
			date_add_wareki(out, &gp->answer->target);
		strbuf_addch(out, '\n');
	}
	{
		char *path = utf8_oneline(store_path(st));

		strbuf_addf(out, _("Data file: %s\n"), path);
		free(path);
	}
	r = 0;
out:
	gap_list_release(&g);
	answer_set_release(&s);
	facility_release(&f);
	return r;
}

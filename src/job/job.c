#include "job/job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "job/year.h"
#include "model/answer.h"
#include "model/facility.h"
#include "model/gap.h"
#include "model/vendor.h"
#include "model/conflict.h"
#include "model/contact.h"
#include "model/hoshu.h"
#include "model/remote.h"
#include "model/request.h"
#include "util/i18n.h"
#include "util/utf8.h"

void
job_report_name(struct strbuf *sb, int fy, const struct date *today)
{
	strbuf_addf(sb, "iryosec-%d-%04d%02d%02d.pdf", fy, today->y, today->m,
		    today->d);
}

int
job_report(struct store *st, const struct content *c, const char *font,
	   const char *path, const struct date *today,
	   const struct job_parts *what, struct report_result *res,
	   struct err *e)
{
	struct year_data y;
	struct report_input in;
	int r = -1;

	if (year_data_load(&y, st, c, today,
			   YEAR_DATA_SETUP | YEAR_DATA_PREVIOUS, e) != 0)
		goto out;
	year_data_report_input(&y, &in);
	if (what != NULL) {
		size_t i;

		in.parts = what->parts;
		for (i = 0; what->vendor != NULL && i < y.vendors.n; i++) {
			if (strcmp(y.vendors.v[i].name, what->vendor) == 0)
				in.only_vendor = y.vendors.v[i].id;
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
	in.today = *today;
	if (!date_is_set(&in.reply_by))
		in.reply_by = date_add_days(today, REPORT_REPLY_DAYS);
	in.font_path = font;
	r = report_write(&in, path, res, e);
out:
	year_data_release(&y);
	return r;
}

/* The remote-maintenance lines of status: each device with a known
 * exploited flaw (most urgent: first of all), then a count. */
static void
status_devices(const struct content *c, const struct year_data *y,
	       struct strbuf *out)
{
	size_t i, k;

	for (i = 0; i < y->findings.n; i++) {
		const struct finding *f = &y->findings.v[i];
		const struct vendor *v;
		struct strbuf label = STRBUF_INIT, line = STRBUF_INIT;
		char *safe;

		if (f->kind != FINDING_DEVICE)
			continue;
		v = vendor_list_find(&y->vendors, f->conn->vendor);
		remote_label(f->conn, v != NULL ? v->name : NULL, &label);
		strbuf_addf(&line, _("URGENT: known exploited flaws in %s, version %s ("),
			    label.buf, f->version);
		for (k = 0; k < f->nvulns; k++)
			strbuf_addf(&line, "%s%s", k ? _(", ") : "",
				    f->vulns[k]->cve);
		strbuf_addstr(&line, _("). "));
		remote_update_text(f, &line);
		safe = utf8_oneline(line.buf);
		strbuf_addf(out, "%s\n", safe);
		free(safe);
		strbuf_release(&label);
		strbuf_release(&line);
	}
	(void)c;
}

/*
 * The checklist's questions not answered yet, by number: 「1-②, 2-④ (target:
 * server), 2-④ (target: terminal PC) …」, one per answer the count
 * "Not answered yet" counts (an item answered per part is named per part).
 */
static size_t
unanswered(const struct year_data *y, struct strbuf *sb)
{
	size_t i, k, n = 0;

	if (y->progress.gate_no)
		return 0;
	for (i = 0; i < y->edition->nitems; i++) {
		const struct item *it = &y->edition->items[i];

		for (k = 0; k < it->ncells; k++) {
			const struct answer *a =
				answer_set_find(&y->answers, it->id, it->cells[k]);

			if (a != NULL && a->value != ANSWER_NONE)
				continue;
			if (n++)
				strbuf_addstr(sb, _(", "));
			if (it->number[0])
				strbuf_addstr(sb, it->number);
			else
				strbuf_addf(sb, _("\"%s\""), it->title);
			if (it->labelled && it->ncells > 1)
				strbuf_addf(sb, _(" (target: %s)"),
					    cell_label(it->cells[k]));
		}
	}
	return n;
}

/* What changed since last year: each count with what it means, then the
 * items by number. Nothing when there is no previous year. */
static void
status_compare(const struct compare *cmp, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	int k;

	if (!cmp->has_prev)
		return;
	date_add_fy_name(&sb, cmp->prev_year);
	strbuf_addf(out, _("Compared with %s:"), sb.buf);
	strbuf_addch(out, '\n');
	for (k = 0; k < COMPARE__COUNT; k++) {
		strbuf_addf(out, "  %s\n",
			    compare_kind_text((enum compare_kind)k,
					      cmp->count[k], &sb));
		if (cmp->count[k] == 0)
			continue;
		strbuf_reset(&sb);
		compare_add_numbers(cmp, (enum compare_kind)k, &sb);
		strbuf_addf(out, "    %s\n", sb.buf);
	}
	strbuf_release(&sb);
}

int
job_status(struct store *st, const struct content *c, const struct date *today,
	   struct strbuf *out, struct err *e)
{
	struct year_data y;
	struct strbuf sb = STRBUF_INIT;
	struct request_ctx x;
	size_t i, n;
	int r = -1;

	if (year_data_load(&y, st, c, today,
			   YEAR_DATA_SETUP | YEAR_DATA_PREVIOUS, e) != 0)
		goto out;
	{
		char *name = utf8_oneline(y.facility.name);

		strbuf_addf(out, _("Facility: %s (%s)\n"), name,
			    facility_type_label(y.facility.type));
		free(name);
	}
	strbuf_addstr(out, _("Fiscal year: "));
	date_add_fy_name(out, y.facility.year);
	strbuf_addf(out, _(" (%s %s)\n"), y.edition->name, y.edition->title);
	/* most urgent first */
	status_devices(c, &y, out);
	if (y.progress.gate_no)
		strbuf_addf(
			out, "%s\n",
			_("No medical information system: the other items are not needed."));
	strbuf_addf(out, _("Answered: %zu of %zu\n"), y.progress.answered,
		    y.progress.total);
	strbuf_addf(out, _("Needs action: %zu (target date missing: %zu)\n"),
		    y.progress.gaps, y.progress.no_target);
	for (i = 0; i < y.gaps.n; i++) {
		const struct gap *gp = &y.gaps.v[i];
		char *title = utf8_oneline(gp->item->title);

		strbuf_addf(out, "  %s %s", gp->item->number, title);
		free(title);
		if (gp->item->labelled)
			strbuf_addf(out, _(" (target: %s)"),
				    cell_label(gp->cell));
		strbuf_addf(out, _(": %s, target date "),
			    answer_value_label(gp->answer->value));
		if (gp->no_target)
			strbuf_addstr(out, _("not entered"));
		else
			date_add_wareki(out, &gp->answer->target);
		strbuf_addch(out, '\n');
	}
	strbuf_addf(out, _("Not answered yet: %zu\n"),
		    y.progress.total - y.progress.answered);
	strbuf_reset(&sb);
	if (unanswered(&y, &sb) > 0)
		strbuf_addf(out, _("  Items not answered: %s\n"), sb.buf);
	status_compare(&y.compare, out);
	/* remote maintenance: warnings and what is not known */
	{
		size_t warn = 0, unk = 0, open = 0;

		for (i = 0; i < y.findings.n; i++) {
			warn += y.findings.v[i].kind == FINDING_RULE;
			unk += y.findings.v[i].kind == FINDING_UNKNOWN;
		}
		for (i = 0; i < y.connections.n; i++) {
			strbuf_reset(&sb);
			open += remote_open_fields(c, &y.connections.v[i], &sb);
		}
		strbuf_addf(
			out,
			_("Remote maintenance: %zu connection(s), %zu warning(s), %zu point(s) not known, %zu field(s) not answered\n"),
			y.connections.n, warn, unk, open);
		if (y.connections.n > 0) {
			strbuf_reset(&sb);
			strbuf_addstr(&sb, "  ");
			if (remote_list_date(c, today, &sb)) {
				strbuf_addstr(&sb, "\n  ");
				remote_list_old_text(true, true, &sb);
			}
			if (sb.len > 2)
				strbuf_addf(out, "%s\n", sb.buf);
		}
		for (i = 0; i < y.findings.n; i++) {
			const struct finding *f = &y.findings.v[i];
			struct strbuf t = STRBUF_INIT, label = STRBUF_INIT;
			char *safe;

			if (f->kind == FINDING_DEVICE)
				continue;
			remote_label(f->conn, NULL, &label);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "  %s: %s", label.buf,
				    remote_finding_title(c, f, &t));
			safe = utf8_oneline(sb.buf);
			strbuf_addf(out, "%s\n", safe);
			free(safe);
			strbuf_release(&t);
			strbuf_release(&label);
		}
	}
	/* vendors with requests to send */
	year_data_request_ctx(&y, &x);
	for (i = 0, n = 0; i < y.vendors.n; i++) {
		struct vendor_progress p;
		char *name;

		request_progress(&x, &y.vendors.v[i], &p);
		if (p.requests == 0)
			continue;
		name = utf8_oneline(y.vendors.v[i].name);
		strbuf_addf(out, _("Vendor %s: %zu request(s) to send\n"), name,
			    p.requests);
		free(name);
		n++;
	}
	if (y.vendors.n > 0 && n == 0)
		strbuf_addf(out, "%s\n", _("Vendors: no request to send"));
	strbuf_addf(out, _("Maintenance-entrustment volume: %s\n"),
		    hoshu_result_label(y.judgement.result));
	{
		struct conflict_list cl = CONFLICT_LIST_INIT;

		conflict_find(c, y.edition, &y.answers, &y.findings, &y.vendors,
			      &y.vanswers, &cl);
		for (i = 0; i < cl.n; i++) {
			char *safe;

			strbuf_reset(&sb);
			strbuf_addstr(&sb, _("Answers that contradict: "));
			conflict_text(&cl.v[i], &y.vendors, &sb);
			safe = utf8_oneline(sb.buf);
			strbuf_addf(out, "%s\n", safe);
			free(safe);
		}
		conflict_list_release(&cl);
	}
	/* contacts the chart still needs */
	strbuf_reset(&sb);
	for (i = 0, n = 0; i < c->nroles; i++) {
		struct contact_view v;

		if (!c->roles[i].required ||
		    contact_view(&y.contacts, &y.facility, c->roles[i].id, &v))
			continue;
		if (n++)
			strbuf_addstr(&sb, _(", "));
		strbuf_addstr(&sb, c->roles[i].label);
	}
	if (n > 0)
		strbuf_addf(out, _("Contacts still needed: %s\n"), sb.buf);
	else
		strbuf_addf(out, "%s\n", _("Contacts: every needed contact is filled in"));
	{
		char *path = utf8_oneline(store_path(st));

		strbuf_addf(out, _("Data file: %s\n"), path);
		free(path);
	}
	r = 0;
out:
	strbuf_release(&sb);
	year_data_release(&y);
	return r;
}

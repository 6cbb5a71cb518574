#include "report/vendors.h"

#include <string.h>

#include "model/request.h"
#include "report/layout.h"
#include "util/i18n.h"
#include "util/strbuf.h"

void
report_request_ctx(const struct report_input *in, struct request_ctx *x)
{
	x->content = in->content;
	x->edition = in->edition;
	x->vanswers = in->vanswers;
	x->answers = in->answers;
	x->connections = in->connections;
	x->findings = in->findings;
	x->servers = in->servers;
}

/* Appends the labels of v's systems, joined with 、. */
static void
add_systems(const struct report_input *in, const struct vendor *v,
	    struct strbuf *sb)
{
	const struct content *c = in->content;
	size_t i;
	bool first = true;

	for (i = 0; i < c->nsystems; i++) {
		if (!vendor_has_system(v, c->systems[i].id))
			continue;
		if (!first)
			strbuf_addstr(sb, _(", "));
		strbuf_addstr(sb, c->systems[i].label);
		first = false;
	}
}

static const char *
contract_label(const struct report_input *in, const struct vendor *v)
{
	const struct choice *k = content_choice_find(
		in->content->contracts, in->content->ncontracts, v->contract);

	return k != NULL ? k->label : _("Not entered");
}

/* The overview: one row per vendor with its number of requests. */
static void
draw_list(struct pdf *p, const struct report_input *in)
{
	struct table_col cols[] = {
		{_("Vendor"), 140, false},
		{_("Systems it supplies"), 0, false},
		{_("Contract"), 80, false},
		{_("Requests"), 56, false},
	};
	struct strbuf sys = STRBUF_INIT, n = STRBUF_INIT;
	struct request_ctx x;
	struct table t;
	size_t i;

	report_request_ctx(in, &x);
	cols[1].width = PDF_WIDTH - 140 - 80 - 56;
	table_begin(&t, p, cols, 4);
	for (i = 0; i < in->vendors->n; i++) {
		const struct vendor *v = &in->vendors->v[i];
		struct vendor_progress pr;
		const char *cells[4];

		request_progress(&x, v, &pr);
		strbuf_reset(&sys);
		strbuf_reset(&n);
		add_systems(in, v, &sys);
		strbuf_addf(&n, _("%zu item(s)"), pr.requests);
		cells[0] = v->name;
		cells[1] = sys.buf;
		cells[2] = contract_label(in, v);
		cells[3] = n.buf;
		table_row(&t, cells, NULL);
	}
	table_end(&t);
	strbuf_release(&sys);
	strbuf_release(&n);
}

/*
 * Whom the vendor answers: the clinic's person for these matters from the
 * contact chart (安全管理責任者, else the liaison, else the 管理者; a
 * role without its own name shows 初回設定's), with the phone number
 * there; else the officer or manager of the facility.
 */
static void
add_reply_to(const struct report_input *in, struct strbuf *sb)
{
	static const char *const roles[] = {"safety-officer", "liaison",
					    "administrator"};
	const struct facility *f = in->facility;
	size_t i;

	for (i = 0; in->contacts != NULL && i < 3; i++) {
		struct contact_view c;
		const struct contact_role *r =
			content_role_find(in->content, roles[i]);

		contact_view(in->contacts, f, roles[i], &c);
		if (c.name == NULL)
			continue;
		if (r != NULL)
			strbuf_addf(sb, "%s ", r->label);
		strbuf_addstr(sb, c.name);
		if (c.phone != NULL)
			strbuf_addf(sb, _(" (phone %s)"), c.phone);
		return;
	}
	if (f->officer != NULL)
		strbuf_addf(sb, _("%s, the information systems security officer"),
			    f->officer);
	else if (f->manager != NULL)
		strbuf_addf(sb, _("%s, the manager"), f->manager);
	else
		strbuf_addstr(sb, layout_or_missing(f->name));
}

static void
draw_sheet(struct pdf *p, const struct report_input *in, const struct vendor *v,
	   const struct request_list *rl)
{
	const struct facility *f = in->facility;
	struct table_col cols[] = {
		{_("No."), 30, false},
		{_("What we ask"), 0, false},
		{_("Your reply"), 150, false},
	};
	struct strbuf sb = STRBUF_INIT, text = STRBUF_INIT, num = STRBUF_INIT;
	struct request_ctx x;
	struct table t;
	size_t i;

	report_request_ctx(in, &x);
	cols[1].width = PDF_WIDTH - 30 - 150;
	pdf_add_page(p);
	layout_heading(p, _("Request to our vendor"), 120);
	strbuf_addf(&sb, _("To: %s"), v->name);
	text_para(p, sb.buf, PDF_LEFT, PDF_WIDTH, &text_heading, true);
	if (v->contact != NULL) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, _("Attention: %s"), v->contact);
		layout_para(p, sb.buf);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, _("From: %s"), layout_or_missing(f->name));
	if (f->manager != NULL)
		strbuf_addf(&sb, _(" (manager: %s)"), f->manager);
	strbuf_addstr(&sb, _(", dated "));
	date_add_wareki(&sb, &in->today);
	layout_para(p, sb.buf);
	pdf_skip(p, 4);
	strbuf_reset(&sb);
	strbuf_addf(
		&sb,
		_("Thank you for your continued support. We are checking our cybersecurity against the MHLW checklist (%s). Please reply in writing to each request below, in the reply column or on a separate sheet."),
		in->edition->name);
	layout_para(p, sb.buf);
	strbuf_reset(&sb);
	{
		struct strbuf when = STRBUF_INIT, who = STRBUF_INIT;

		date_add_wareki(&when, &in->reply_by);
		add_reply_to(in, &who);
		strbuf_addf(&sb, _("Please reply by %s, to %s."), when.buf,
			    who.buf);
		strbuf_release(&when);
		strbuf_release(&who);
	}
	text_para(p, sb.buf, PDF_LEFT, PDF_WIDTH, &text_heading, true);
	pdf_skip(p, 4);
	table_begin(&t, p, cols, 3);
	for (i = 0; i < rl->n; i++) {
		const struct request *r = &rl->v[i];
		const char *cells[3];

		strbuf_reset(&num);
		strbuf_reset(&text);
		strbuf_addf(&num, "%zu", i + 1);
		strbuf_addstr(&text, "[");
		request_add_ref(&x, r, &text);
		strbuf_addf(&text, "] %s\n%s", r->title, r->text);
		if (r->also != NULL)
			strbuf_addf(
				&text,
				_("\n(This request also answers what we would ask about: %s.)"),
				r->also);
		cells[0] = num.buf;
		cells[1] = text.buf;
		cells[2] = "\n\n";
		table_row(&t, cells, NULL);
	}
	table_end(&t);
	pdf_need(p, 4 * text_body.leading);
	layout_para(
		p,
		_("Reply date:            Company:                              Name:"));
	strbuf_release(&sb);
	strbuf_release(&text);
	strbuf_release(&num);
}

void
vendors_draw(struct pdf *p, const struct report_input *in)
{
	struct request_list rl = REQUEST_LIST_INIT;
	struct request_ctx x;
	size_t i;

	if (in->vendors == NULL || in->vendors->n == 0 || in->content == NULL)
		return;
	report_request_ctx(in, &x);
	if (in->only_vendor == 0) {
		pdf_add_page(p);
		layout_heading(p, _("Requests to vendors"), 80);
		layout_para(
			p,
			_("Each vendor with something to ask gets a sheet of its own on the following pages: contract points not yet settled, items of the vendors' form it has not confirmed, and checklist items we asked it about. Hand or send each sheet to its vendor."));
		draw_list(p, in);
	}
	for (i = 0; i < in->vendors->n; i++) {
		const struct vendor *v = &in->vendors->v[i];

		if (in->only_vendor != 0 && v->id != in->only_vendor)
			continue;
		request_build(&x, v, &rl);
		if (rl.n > 0)
			draw_sheet(p, in, v, &rl);
		if (!pdf_ok(p))
			break;
	}
	request_list_release(&rl);
}

void
contacts_draw(struct pdf *p, const struct report_input *in)
{
	struct table_col cols[] = {
		{_("Role"), 150, false},
		{_("Name or organisation"), 0, false},
		{_("Phone"), 96, false},
		{_("Notes"), 110, false},
	};
	const struct content *c = in->content;
	struct strbuf role = STRBUF_INIT, name = STRBUF_INIT, m = STRBUF_INIT;
	struct strbuf setup = STRBUF_INIT; /* roles named from 初回設定 */
	struct table t;
	size_t i, missing = 0;
	int group;

	if (c == NULL || in->contacts == NULL)
		return;
	cols[1].width = PDF_WIDTH - 150 - 96 - 110;
	pdf_add_page(p);
	layout_heading(p, _("Contact chart for incidents"), 80);
	layout_para(
		p,
		_("Whom to call, in this order, when a system stops or an attack is suspected (checklist 3-1). Keep a printed copy where staff can see it: during an attack the computers may not work."));
	/* 0: in-house, 1: vendors, 2: outside */
	for (group = 0; group < 3; group++) {
		layout_subheading(p, group == 0   ? _("In-house")
				     : group == 1 ? _("Vendors")
						  : _("Outside"));
		table_begin(&t, p, cols, 4);
		if (group == 1) {
			for (i = 0; i < in->vendors->n; i++) {
				const struct vendor *v = &in->vendors->v[i];
				const char *cells[4];

				strbuf_reset(&role);
				strbuf_reset(&name);
				add_systems(in, v, &role);
				strbuf_addstr(&name, v->name);
				if (v->contact != NULL)
					strbuf_addf(&name, _(" (%s)"),
						    v->contact);
				cells[0] = role.buf;
				cells[1] = name.buf;
				cells[2] = v->phone != NULL ? v->phone : "";
				cells[3] = v->email != NULL ? v->email : "";
				table_row(&t, cells, NULL);
			}
			if (in->vendors->n == 0) {
				const char *cells[4] = {
					"", _("No vendor registered"), "", ""};

				table_row(&t, cells, NULL);
			}
		}
		for (i = 0; group != 1 && i < c->nroles; i++) {
			const struct contact_role *r = &c->roles[i];
			struct contact_view ct;
			const char *cells[4];
			bool filled;

			if ((group == 0) == r->outside)
				continue;
			filled = contact_view(in->contacts, in->facility, r->id,
					      &ct);
			if (!filled && r->required)
				missing++;
			if (ct.from_setup) {
				if (setup.len)
					strbuf_addstr(&setup, _(", "));
				strbuf_addstr(&setup, r->label);
			}
			cells[0] = r->label;
			cells[1] = ct.name != NULL ? ct.name
				   : filled        ? ""
				   : r->required   ? _("Not filled in (needed)")
						   : _("Not filled in");
			cells[2] = ct.phone != NULL ? ct.phone : "";
			cells[3] = ct.note != NULL ? layout_private(ct.note, &m)
						   : "";
			table_row(&t, cells, NULL);
		}
		table_end(&t);
	}
	if (setup.len > 0) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(
			&sb,
			_("The names for %s are those entered at the first-time setup."),
			setup.buf);
		layout_para(p, sb.buf);
		strbuf_release(&sb);
	}
	if (missing > 0) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(
			&sb,
			_("%zu needed contact(s) are not filled in yet. Fill them in under \"Who to call in an incident\"."),
			missing);
		layout_para(p, sb.buf);
		strbuf_release(&sb);
	}
	strbuf_release(&role);
	strbuf_release(&name);
	strbuf_release(&m);
	strbuf_release(&setup);
}

#include "report/remote.h"

#include <string.h>

#include "report/layout.h"
#include "util/i18n.h"
#include "util/strbuf.h"

static bool
have(const struct report_input *in)
{
	return in->connections != NULL && in->connections->n > 0 &&
	       in->findings != NULL && in->content != NULL;
}

/* Appends "label: value" on its own line, value from a choice key. */
static void
line(struct strbuf *sb, const char *label, const char *value)
{
	if (sb->len)
		strbuf_addch(sb, '\n');
	strbuf_addf(sb, _("%s: %s"), label, value);
}

/* The word for an open or わからない field; NULL when answered. */
static const char *
open_word(const char *key)
{
	if (key[0] == '\0')
		return _("not answered");
	if (strcmp(key, "unknown") == 0)
		return _("unknown");
	return NULL;
}

/* The word for a yes/no key of a field, as the screen shows it. */
static const char *
word(const char *key)
{
	if (open_word(key) != NULL)
		return open_word(key);
	return strcmp(key, "yes") == 0 ? _("yes") : _("no");
}

void
remote_draw_ledger(struct pdf *p, const struct report_input *in)
{
	const struct content *c = in->content;
	struct table_col cols[] = {
		{_("Connection"), 0, false},
		{_("Line and device"), 150, false},
		{_("Updates and passwords"), 130, false},
		{_("Access and records"), 120, false},
	};
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, d = STRBUF_INIT;
	struct strbuf e = STRBUF_INIT;
	struct table t;
	size_t i;

	if (!have(in))
		return;
	cols[0].width = PDF_WIDTH - 150 - 130 - 120;
	pdf_add_page(p);
	layout_heading(p, _("Remote-maintenance inventory"), 60);
	layout_para(
		p,
		_("Every way a vendor connects into the clinic, as entered. What is not answered yet or answered \"unknown\" is asked of the connection's vendor on its request sheet."));
	{
		struct strbuf ls = STRBUF_INIT;

		if (remote_list_date(c, &in->today, &ls)) {
			strbuf_addch(&ls, '\n');
			remote_list_old_text(true, false, &ls);
		}
		if (ls.len > 0)
			layout_para(p, ls.buf);
		strbuf_release(&ls);
	}
	table_begin(&t, p, cols, 4);
	for (i = 0; i < in->connections->n; i++) {
		const struct connection *k = &in->connections->v[i];
		const struct line_type *lt = content_line_find(c, k->line);
		const struct vmaker *m = content_maker_find(c, k->maker);
		const struct vproduct *pr = content_product_find(m, k->product);
		const char *cells[4];
		struct strbuf dev = STRBUF_INIT;

		strbuf_reset(&a);
		strbuf_reset(&b);
		strbuf_reset(&d);
		strbuf_reset(&e);
		remote_label(k, layout_vendor_name(in, k->vendor), &a);
		if (k->purpose != NULL)
			strbuf_addf(&a, "\n%s", k->purpose);
		{
			const struct finding *df =
				remote_device_finding(in->findings, k->id);
			size_t j;

			if (df != NULL) {
				strbuf_addf(&a, "\n%s",
					    _("Known exploited flaws, update now:"));
				for (j = 0; j < df->nvulns; j++)
					strbuf_addf(&a, "\n%s",
						    df->vulns[j]->cve);
			} else {
				struct strbuf note = STRBUF_INIT;

				if (remote_device_note(c, k, in->findings,
						       true, &note))
					strbuf_addf(&a, "\n%s", note.buf);
				strbuf_release(&note);
			}
		}
		{
			struct strbuf open = STRBUF_INIT;

			if (remote_open_fields(c, k, &open) > 0)
				strbuf_addf(&a, _("\nNot answered: %s"),
					    open.buf);
			strbuf_release(&open);
		}
		line(&b, _("Line"),
		     lt != NULL && strcmp(k->line, "unknown") != 0
			     ? lt->label
			     : open_word(k->line));
		line(&b, _("Connected"),
		     open_word(k->always_on) != NULL ? open_word(k->always_on)
		     : strcmp(k->always_on, "yes") == 0
			     ? _("always")
			     : _("only when approved"));
		if (m != NULL)
			strbuf_addstr(&dev, m->label);
		if (pr != NULL)
			strbuf_addf(&dev, " %s", pr->label);
		if (k->model != NULL)
			strbuf_addf(&dev, " %s", k->model);
		line(&b, _("Device"), dev.len ? dev.buf : _("not answered"));
		line(&b, _("Version"),
		     k->version != NULL ? k->version : _("not answered"));
		strbuf_release(&dev);
		{
			const char *pt = connection_value(c, k, CF_PATCHER);
			struct strbuf last = STRBUF_INIT;

			line(&d, _("Updated by"),
			     open_word(pt) != NULL       ? open_word(pt)
			     : strcmp(pt, "clinic") == 0 ? _("in-house")
			     : strcmp(pt, "vendor") == 0 ? _("the vendor")
							 : _("nobody"));
			if (date_is_set(&k->last_patch))
				date_add_wareki(&last, &k->last_patch);
			line(&d, _("Last update"),
			     last.len ? last.buf : _("not answered"));
			strbuf_release(&last);
		}
		line(&d, _("Factory password changed"),
		     word(connection_value(c, k, CF_FACTORY_PW)));
		line(&d, _("Password used elsewhere"),
		     word(connection_value(c, k, CF_PW_REUSED)));
		line(&d, _("Two-factor"),
		     word(connection_value(c, k, CF_TWO_FACTOR)));
		line(&e, _("Admin screen open to the internet"),
		     word(connection_value(c, k, CF_ADMIN_EXPOSED)));
		{
			const char *pd =
				connection_value(c, k, CF_PATIENT_DATA);
			const char *lg = connection_value(c, k, CF_LOGS);

			line(&e, _("Patient data"),
			     open_word(pd) != NULL         ? open_word(pd)
			     : strcmp(pd, "none") == 0     ? _("no access")
			     : strcmp(pd, "view") == 0     ? _("can view")
			     : strcmp(pd, "download") == 0 ? _("can download")
							   : _("can change"));
			line(&e, _("Access log"),
			     open_word(lg) != NULL       ? open_word(lg)
			     : strcmp(lg, "reviewed") == 0 ? _("kept and checked")
			     : strcmp(lg, "kept") == 0 ? _("kept, not checked")
						       : _("none"));
		}
		if (k->approver != NULL)
			line(&e, _("Approved by"), k->approver);
		cells[0] = a.buf;
		cells[1] = b.buf;
		cells[2] = d.buf;
		cells[3] = e.buf;
		{
			struct strbuf memo = STRBUF_INIT;

			table_row(&t, cells, layout_private(k->memo, &memo));
			strbuf_release(&memo);
		}
	}
	table_end(&t);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&d);
	strbuf_release(&e);
}

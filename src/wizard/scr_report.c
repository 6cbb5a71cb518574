/* レポート: write the PDF to a file the user can change. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "job/job.h"
#include "model/date.h"
#include "util/i18n.h"
#include "util/paths.h"

#define PATH_MAX_CHARS 400

static void
report_enter(struct app *a)
{
	struct strbuf name = STRBUF_INIT;
	char *home = path_documents_dir(), *full;

	job_report_name(&name, a->yd.facility.year, &a->today);
	full = home != NULL ? path_join(home, name.buf)
			    : strbuf_detach(&name, NULL);
	lineedit_release(&a->report_path);
	lineedit_init(&a->report_path, full, PATH_MAX_CHARS);
	{
		struct date d = date_add_days(&a->today, REPORT_REPLY_DAYS);
		char iso[11];

		date_iso(&d, iso);
		lineedit_release(&a->report_reply);
		lineedit_init(&a->report_reply, iso, 20);
	}
	a->report_focus = 0;
	a->report_confirm = false;
	free(full);
	free(home);
	strbuf_release(&name);
}

static void
report_draw(struct app *a)
{
	static const struct keyhelp keys[] = {
		{"Enter", N_("make the PDF")},
		{"Tab", N_("next field")},
		{"Esc", N_("back")},
		{"F1", N_("help")},
	};
	struct keyhelp k[4];
	struct strbuf sb = STRBUF_INIT;
	struct date d;
	size_t i;

	for (i = 0; i < 4; i++) {
		k[i] = keys[i];
		k[i].what = _(keys[i].what);
	}
	app_keybar(a, k, 4);
	app_draw_title(a, _("Make the report (PDF)"));
	draw_wrapped(
		2, 2, COLS - 4,
		_("The PDF shows your progress and every item that needs action, with its target date. You can print it or show it at an on-site inspection."),
		0, 3, DRAW_NORMAL);
	draw_text(6, 2, _("Save the PDF as:"), -1, DRAW_BOLD);
	draw_text(8, 2, _("Change the name if you like, then press Enter."), -1,
		  DRAW_DIM);
	draw_text(10, 2, _("Vendors are asked to reply by:"), -1, DRAW_BOLD);
	{
		char *t = lineedit_text(&a->report_reply);
		struct err e = ERR_INIT;

		if (date_parse(t, &d, &e) == 0) {
			strbuf_addstr(&sb, "(");
			date_add_wareki(&sb, &d);
			strbuf_addstr(&sb, ")");
		}
		free(t);
		draw_text(11, 26, sb.buf, COLS - 28, DRAW_DIM);
	}
	draw_wrapped(
		13, 2, COLS - 4,
		_("What is in it: the cover and contents, a summary, what to do first (most urgent first), a request sheet for each vendor, the answers in the order of the official form (for the health centre's inspection), the remote-maintenance inventory, the judgement on the maintenance-entrustment volume, and the contact chart."),
		0, 4, DRAW_NORMAL);
	draw_wrapped(
		18, 2, COLS - 4,
		_("To print one part only, use the command line: for example iryosec report --only transcript, or iryosec report --vendor \"vendor name\" for that vendor's sheet alone."),
		0, 3, DRAW_DIM);
	lineedit_draw(&a->report_reply, 11, 2, 22, a->report_focus == 1);
	lineedit_draw(&a->report_path, 7, 2, COLS - 4, a->report_focus == 0);
	strbuf_release(&sb);
}

static void
make(struct app *a)
{
	char *path = lineedit_text(&a->report_path);
	struct report_result res = {0, 0, ""};
	struct job_parts what;
	struct err e = ERR_INIT;

	memset(&what, 0, sizeof(what));

	if (path[0] == '\0') {
		app_status(a, DRAW_ERROR, "%s", _("enter a file name"));
		goto out;
	}
	if (path_exists(path) && !a->report_confirm) {
		a->report_confirm = true;
		app_status(
			a, DRAW_WARN, "%s",
			_("A file with this name exists. Press Enter again to replace it, or change the name."));
		goto out;
	}
	{
		char *t = lineedit_text(&a->report_reply);
		int bad = date_parse(t, &what.reply_by, &e);

		free(t);
		if (bad == 0 && date_cmp(&what.reply_by, &a->today) < 0)
			bad = err_set(
				&e, ERR_INPUT, "%s",
				_("the reply date must be today or a later date"));
		if (bad != 0) {
			app_status_err(a, &e);
			a->report_focus = 1;
			goto out;
		}
	}
	a->report_confirm = false;
	if (job_report(a->store, a->yd.content, a->opts->font, path, &a->today,
		       &what, &res, &e) != 0) {
		app_status_err(a, &e);
		goto out;
	}
	if (res.replaced > 0)
		app_status(
			a, DRAW_WARN,
			_("Made the PDF (%zu pages): %s. The font has no glyph for %zu character(s) (%s); they are shown as a geta mark."),
			res.pages, path, res.replaced, res.missing);
	else
		app_status(a, DRAW_OK, _("Made the PDF (%zu pages): %s"),
			   res.pages, path);
out:
	free(path);
}

static bool
report_key(struct app *a, const struct tkey *k)
{
	if (tkey_tab(k) || tkey_backtab(k) || tkey_fn(k, KEY_UP) ||
	    tkey_fn(k, KEY_DOWN)) {
		a->report_focus = 1 - a->report_focus;
		return true;
	}
	switch (lineedit_key(a->report_focus == 0 ? &a->report_path
						  : &a->report_reply,
			     k)) {
	case LE_ENTER:
		make(a);
		break;
	case LE_CANCEL:
		app_show(a, &scr_home);
		break;
	case LE_CHANGED:
		a->report_confirm = false;
		break;
	case LE_REFUSED:
		app_status_refused(a, a->report_focus == 0 ? &a->report_path : &a->report_reply);
		break;
	default:
		break;
	}
	return true;
}

static void
report_help(const struct app *a, struct strbuf *sb)
{
	(void)a;
	strbuf_addf(
		sb, "%s\n",
		_("Type the file name of the PDF and press Enter. A file of that name is replaced only after a second Enter."));
	strbuf_addf(
		sb, "%s\n",
		_("The reply date is printed on each vendor's request sheet: the day by which the vendor is asked to answer. It must be today or later; 30 days from today is filled in."));
	strbuf_addf(
		sb, "%s\n",
		_("Tab or the up and down arrows move between the two fields; Esc goes back without making the PDF."));
}

const struct screen scr_report = {
	.name = "report",
	.enter = report_enter,
	.draw = report_draw,
	.key = report_key,
	.help = report_help,
};

/* レポート: write the PDF to a file the user can change. */
#include "wizard/app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "wizard/job.h"

#define PATH_MAX_CHARS 400

static void
report_enter(struct app *a)
{
	struct strbuf name = STRBUF_INIT;
	char *home = path_home(), *full;

	job_report_name(&name, a->facility.year, &a->today);
	full = home != NULL ? path_join(home, name.buf)
			    : strbuf_detach(&name, NULL);
	lineedit_release(&a->report_path);
	lineedit_init(&a->report_path, full, PATH_MAX_CHARS);
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
		{"Esc", N_("back")},
	};
	struct keyhelp k[2];
	size_t i;

	for (i = 0; i < 2; i++) {
		k[i] = keys[i];
		k[i].what = _(keys[i].what);
	}
	app_keybar(a, k, 2);
	app_draw_title(a, _("Make the report (PDF)"));
	draw_wrapped(
		2, 2, COLS - 4,
		_("The PDF shows your progress and every item that needs action, with its target date. You can print it or show it at an on-site inspection."),
		0, 3, DRAW_NORMAL);
	draw_text(6, 2, _("Save the PDF as:"), -1, DRAW_BOLD);
	draw_text(8, 2, _("Change the name if you like, then press Enter."), -1,
		  DRAW_DIM);
	draw_wrapped(
		10, 2, COLS - 4,
		_("What is in it: the cover and contents, a summary, what to do first (most urgent first), a request sheet for each vendor, the answers in the order of the official form (for the health centre's inspection), the remote-maintenance inventory, the judgement on the maintenance-entrustment volume, and the contact chart."),
		0, 4, DRAW_NORMAL);
	draw_wrapped(
		15, 2, COLS - 4,
		_("To print one part only, use the command line: for example iryosec report --only transcript, or iryosec report --vendor \"vendor name\" for that vendor's sheet alone."),
		0, 3, DRAW_DIM);
	lineedit_draw(&a->report_path, 7, 2, COLS - 4, true);
}

static void
make(struct app *a)
{
	char *path = lineedit_text(&a->report_path);
	struct report_result res = {0, 0};
	struct err e = ERR_INIT;

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
	a->report_confirm = false;
	if (job_report(a->store, a->content, a->opts->font, path, &a->today,
		       NULL, &res, &e) != 0) {
		app_status_err(a, &e);
		goto out;
	}
	if (res.replaced > 0)
		app_status(
			a, DRAW_WARN,
			_("Made the PDF (%zu pages): %s. %zu characters the font lacks are shown as a geta mark."),
			res.pages, path, res.replaced);
	else
		app_status(a, DRAW_OK, _("Made the PDF (%zu pages): %s"),
			   res.pages, path);
out:
	free(path);
}

static bool
report_key(struct app *a, const struct tkey *k)
{
	switch (lineedit_key(&a->report_path, k)) {
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
		app_status(
			a, DRAW_ERROR,
			_("at most %d characters, and no control characters"),
			PATH_MAX_CHARS);
		break;
	default:
		break;
	}
	return true;
}

const struct screen scr_report = {
	.name = "report",
	.enter = report_enter,
	.draw = report_draw,
	.key = report_key,
};

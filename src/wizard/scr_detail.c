/* 説明の全文: everything we say about the current item, scrollable. */
#include "wizard/app.h"

#include <curses.h>

#include "util/i18n.h"

/* Appends the glossary entries of the item's terms. */
static void
add_terms(const struct app *a, const struct item *it, struct strbuf *sb)
{
	size_t i;

	if (it->nterms == 0)
		return;
	strbuf_addf(sb, "\n%s\n", _("[Words used here]"));
	for (i = 0; i < it->nterms; i++) {
		const struct term *t =
			content_term_find(a->yd.content, it->terms[i]);

		if (t != NULL)
			app_add_term(sb, t);
	}
}

/* The whole text of the detail screen for the current item. */
static void
detail_text(const struct app *a, struct strbuf *sb)
{
	const struct item *it;
	enum cell cell;

	app_step(a, a->cl.step, &it, &cell);
	if (it->number[0] != '\0')
		strbuf_addf(sb, "%s  ", it->number);
	strbuf_addf(sb, "%s%s\n\n", it->title, it->verified ? "" : _(" *"));
	strbuf_addf(sb, "%s\n%s\n\n", _("[What it means]"), it->meaning);
	strbuf_addf(sb, "%s\n%s\n\n", _("[Why it matters]"), it->why);
	if (it->incident != NULL)
		strbuf_addf(sb, "%s\n%s\n\n", _("[What happened elsewhere]"),
			    it->incident);
	strbuf_addf(sb, "%s\n%s\n\n", _("[How to check]"), it->how);
	strbuf_addf(sb, "%s %s\n\n", _("[Who acts]"),
		    content_who_label(it->who));
	strbuf_addf(sb, "%s\n%s\n", _("[What \"yes\" looks like]"), it->done);
	add_terms(a, it, sb);
	strbuf_addf(sb, "\n%s\n%s\n", _("[Source]"), it->source);
	if (!it->verified)
		strbuf_addf(
			sb, "%s\n",
			_("* The number and wording of this item have not been checked against the official form yet. Check them against the form you received."));
}

static void
detail_draw(struct app *a)
{
	struct strbuf sb = STRBUF_INIT;

	detail_text(a, &sb);
	app_page_draw(a, _("Full explanation"), sb.buf, &a->detail_scroll,
		      N_("back to the question"));
	strbuf_release(&sb);
}

static bool
detail_key(struct app *a, const struct tkey *k)
{
	if (app_page_key(a, &a->detail_scroll, k))
		return true;
	if (tkey_enter(k))
		a->detail_scroll++;
	else if (tkey_escape(k) || tkey_is(k, L'd') || tkey_is(k, L'D'))
		app_show(a, &scr_checklist);
	else
		return false;
	return true;
}

static void
detail_enter(struct app *a)
{
	a->detail_scroll = 0;
}

const struct screen scr_detail = {
	.name = "detail",
	.enter = detail_enter,
	.draw = detail_draw,
	.key = detail_key,
	.help = scr_checklist_help,
};

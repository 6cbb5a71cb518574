/* 用語集: every term the content explains, scrollable. */
#include "wizard/app.h"

#include <curses.h>
#include <string.h>

#include "util/i18n.h"

void
app_add_term(struct strbuf *sb, const struct term *t)
{
	if (t->reading != NULL && strcmp(t->reading, t->word) != 0)
		strbuf_addf(sb, _("%s (%s): %s\n"), t->word, t->reading,
			    t->text);
	else
		strbuf_addf(sb, _("%s: %s\n"), t->word, t->text);
}

void
app_add_terms(const struct app *a, const char *heading, char *const *terms,
	      size_t n, struct strbuf *sb)
{
	size_t i;
	bool head = false;

	for (i = 0; i < n; i++) {
		const struct term *t =
			content_term_find(a->yd.content, terms[i]);

		if (t == NULL)
			continue;
		if (!head)
			strbuf_addf(sb, "\n%s\n", heading);
		head = true;
		app_add_term(sb, t);
	}
}

static void
glossary_draw(struct app *a)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < a->yd.content->nterms; i++) {
		app_add_term(&sb, &a->yd.content->terms[i]);
		strbuf_addch(&sb, '\n');
	}
	app_page_draw(a, _("Glossary"), sb.buf, &a->glossary_scroll,
		      N_("back"));
	strbuf_release(&sb);
}

static bool
glossary_key(struct app *a, const struct tkey *k)
{
	if (app_page_key(a, &a->glossary_scroll, k))
		return true;
	if (tkey_enter(k))
		a->glossary_scroll++;
	else if (tkey_escape(k))
		app_show(a, &scr_home);
	else
		return false;
	return true;
}

static void
glossary_enter(struct app *a)
{
	a->glossary_scroll = 0;
}

const struct screen scr_glossary = {
	.name = "glossary",
	.enter = glossary_enter,
	.draw = glossary_draw,
	.key = glossary_key,
};

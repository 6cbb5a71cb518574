/*
 * fuzz_content's checks of what a successful load promises (content.h):
 * ids, required texts present and clean, references that resolve.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "content/content.h"
#include "content/ydoc.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include "fuzz/fuzz.h"

/*
 * True if s holds no character utf8_is_control() refuses, but tab and
 * newline: ydoc_load() refuses them in the file, and YAML escapes in
 * double-quoted text ("\e", "\x07", "\u202E") must not bring them back,
 * as they reach the terminal (messages, status) and the PDF.
 */
bool
clean(const char *s)
{
	size_t i = 0, len = strlen(s);

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n <= 0 || (utf8_is_control(cp) && cp != '\n' && cp != '\t'))
			return false;
		i += (size_t)n;
	}
	return true;
}

bool
nonempty(const char *s)
{
	return s != NULL && s[0] != '\0' && clean(s);
}

bool
optional(const char *s)
{
	return s == NULL || nonempty(s);
}

void
check_terms(const struct content *glossary, char *const *terms, size_t n)
{
	size_t i;

	FUZZ_CHECK(n == 0 || terms != NULL);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(ydoc_id_valid(terms[i], CONTENT_ID_MAX));
		FUZZ_CHECK(content_term_find(glossary, terms[i]) != NULL);
	}
}

void
check_edition(const struct edition *ed, const struct content *glossary)
{
	size_t i, j;

	FUZZ_CHECK(ydoc_id_valid(ed->id, CONTENT_ID_MAX));
	FUZZ_CHECK(nonempty(ed->name) && nonempty(ed->title) &&
		   nonempty(ed->form) && nonempty(ed->vendor_form) &&
		   nonempty(ed->source) && ed->dir != NULL);
	FUZZ_CHECK(ed->first_year >= 2025 && ed->first_year <= 2100);
	FUZZ_CHECK(ed->nsections >= 1 && ed->nitems >= 1);
	for (i = 0; i < ed->nsections; i++)
		FUZZ_CHECK(ed->sections[i].number != NULL &&
			   clean(ed->sections[i].number) &&
			   nonempty(ed->sections[i].title));
	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];

		FUZZ_CHECK(ydoc_id_valid(it->id, CONTENT_ID_MAX));
		FUZZ_CHECK(it->number != NULL && clean(it->number) &&
			   nonempty(it->title) && nonempty(it->source) &&
			   nonempty(it->meaning) && nonempty(it->why) &&
			   nonempty(it->how) && nonempty(it->done));
		FUZZ_CHECK(optional(it->na) && optional(it->incident));
		FUZZ_CHECK(it->gate ? i == 0 && it->ncells == 1
				    : it->number[0] != '\0');
		FUZZ_CHECK(it->ncells >= 1 && it->ncells <= CELL__COUNT);
		for (j = 0; j < it->ncells; j++)
			FUZZ_CHECK((unsigned)it->cells[j] < CELL__COUNT);
		FUZZ_CHECK((unsigned)it->who <= WHO_BOTH);
		FUZZ_CHECK(it->section < ed->nsections);
		FUZZ_CHECK(it->file != NULL && it->line >= 1);
		check_terms(glossary, it->terms, it->nterms);
		FUZZ_CHECK(content_item_index(ed, it->id) == (long)i);
	}
	for (i = 0; i < ed->nvitems; i++) {
		const struct vendor_item *v = &ed->vitems[i];

		FUZZ_CHECK(ydoc_id_valid(v->id, CONTENT_ID_MAX));
		FUZZ_CHECK(nonempty(v->number) && nonempty(v->title) &&
			   nonempty(v->ask) && nonempty(v->meaning) &&
			   nonempty(v->source));
		FUZZ_CHECK(v->section < ed->nvsections);
		FUZZ_CHECK(v->clinic_item[0] == '\0' ||
			   content_item_find(ed, v->clinic_item) != NULL);
		FUZZ_CHECK(content_vendor_item_find(ed, v->id) == v);
	}
	FUZZ_CHECK(ed->map == NULL || ed->nmap == ed->nitems);
	for (i = 0; ed->map != NULL && i < ed->nitems; i++) {
		const struct mapping *m =
			content_mapping_find(ed, ed->items[i].id);

		FUZZ_CHECK(m != NULL && (unsigned)m->kind <= MAP_NEW);
		FUZZ_CHECK(m->kind == MAP_NEW      ? m->nfrom == 0
			   : m->kind == MAP_MERGED ? m->nfrom >= 2
						   : m->nfrom == 1);
		FUZZ_CHECK(optional(m->note));
		for (j = 0; j < m->nfrom; j++)
			FUZZ_CHECK(ydoc_id_valid(m->from[j], CONTENT_ID_MAX));
	}
}

void
check_across(const struct edition *ed, const struct content *base,
	     const struct edition *r7, const struct edition *r8)
{
	struct content view = *base;
	struct edition both[2];
	struct strbuf out = STRBUF_INIT;
	size_t bad;

	both[0] = strcmp(ed->id, "r7") == 0 ? *r8 : *r7;
	both[1] = *ed;
	view.editions = both;
	view.neditions = 2;
	content_check(&view, &out);
	FUZZ_CHECK(utf8_check(out.buf, out.len, &bad) == 0);
	strbuf_release(&out);
}

void
check_common(const struct content *c)
{
	size_t i;

	FUZZ_CHECK(c->nterms == 0 || c->terms != NULL);
	for (i = 0; i < c->nterms; i++) {
		FUZZ_CHECK(ydoc_id_valid(c->terms[i].id, CONTENT_ID_MAX));
		FUZZ_CHECK(nonempty(c->terms[i].word) &&
			   nonempty(c->terms[i].text) &&
			   optional(c->terms[i].reading));
		FUZZ_CHECK(content_term_find(c, c->terms[i].id) ==
			   &c->terms[i]);
	}
	for (i = 0; i < c->nquestions; i++) {
		FUZZ_CHECK(ydoc_id_valid(c->questions[i].id, CONTENT_ID_MAX));
		FUZZ_CHECK(nonempty(c->questions[i].title) &&
			   nonempty(c->questions[i].question) &&
			   nonempty(c->questions[i].request) &&
			   optional(c->questions[i].table_ref));
	}
	for (i = 0; i < c->nsystems; i++)
		FUZZ_CHECK(nonempty(c->systems[i].label));
	for (i = 0; i < c->ncontracts; i++)
		FUZZ_CHECK(nonempty(c->contracts[i].label));
	for (i = 0; i < c->nroles; i++)
		FUZZ_CHECK(content_role_find(c, c->roles[i].id) ==
				   &c->roles[i] &&
			   nonempty(c->roles[i].label) &&
			   nonempty(c->roles[i].hint));
	for (i = 0; i < c->nlines; i++)
		FUZZ_CHECK(content_line_find(c, c->lines[i].id) ==
				   &c->lines[i] &&
			   nonempty(c->lines[i].label));
}

void
check_rules(const struct content *c)
{
	size_t i, j;

	for (i = 0; i < c->nrules; i++) {
		const struct remote_rule *r = &c->rules[i];

		FUZZ_CHECK(ydoc_id_valid(r->id, CONTENT_ID_MAX));
		FUZZ_CHECK((unsigned)r->priority < PRIORITY__COUNT);
		FUZZ_CHECK((unsigned)r->owner <= WHO_BOTH);
		FUZZ_CHECK(r->nconds == 0 || r->conds != NULL);
		FUZZ_CHECK(nonempty(r->title) && nonempty(r->why) &&
			   nonempty(r->action) && optional(r->request));
		for (j = 0; j < r->nconds; j++) {
			FUZZ_CHECK((unsigned)r->conds[j].field < CF__COUNT);
			/* わからない is never a rule's fact */
			for (size_t k = 0; k < r->conds[j].nvalues; k++)
				FUZZ_CHECK(strcmp(r->conds[j].values[k],
						  "unknown") != 0);
		}
		FUZZ_CHECK(r->topic[0] == '\0' ||
			   ydoc_id_valid(r->topic, CONTENT_ID_MAX));
	}
	/* every answered field is described; "unknown" texts only where
	 * the field can be answered わからない */
	for (i = 0; c->nrules > 0 && i < CF__COUNT; i++) {
		const struct conn_field_text *t = &c->cfields[i];

		if (!content_field_answered((enum conn_field)i))
			continue;
		FUZZ_CHECK(nonempty(t->label) && optional(t->ask));
		FUZZ_CHECK(content_field_has_unknown((enum conn_field)i)
				   ? nonempty(t->unknown) && nonempty(t->why)
				   : t->unknown == NULL && t->why == NULL);
	}
	for (i = 0; i < c->nconflicts; i++) {
		const struct conflict_rule *x = &c->conflicts[i];

		FUZZ_CHECK(ydoc_id_valid(x->id, CONTENT_ID_MAX));
		FUZZ_CHECK(nonempty(x->text) && nonempty(x->source));
		FUZZ_CHECK((x->item[0] != '\0') != (x->vendor_item[0] != '\0'));
		FUZZ_CHECK(x->item[0] == '\0' || x->nremote > 0);
	}
}

void
check_vulns(const struct content *c)
{
	size_t i, j;

	FUZZ_CHECK(c->vulns_dir != NULL);
	for (i = 0; i < c->nmakers; i++) {
		const struct vmaker *m = &c->makers[i];

		FUZZ_CHECK(ydoc_id_valid(m->id, CONTENT_ID_MAX));
		FUZZ_CHECK(content_maker_find(c, m->id) == m);
		FUZZ_CHECK(nonempty(m->label));
		for (j = 0; j < m->nproducts; j++)
			FUZZ_CHECK(nonempty(m->products[j].label) &&
				   nonempty(m->products[j].hint));
		for (j = 0; j < m->nvulns; j++) {
			const struct vuln *v = &m->vulns[j];

			FUZZ_CHECK(v->nranges >= 1 && v->ranges != NULL);
			FUZZ_CHECK(nonempty(v->cve) && nonempty(v->title) &&
				   nonempty(v->allows) && nonempty(v->action) &&
				   optional(v->condition) &&
				   optional(v->incident));
		}
	}
}

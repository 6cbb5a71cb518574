/* Checks across files, for validate-content (content.h: content_check). */
#include "content/content.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"

/* The circled number k (1..50) as UTF-8 into out (4 bytes room). */
static void
circled(int k, char *out)
{
	uint32_t cp;
	size_t n;

	if (k <= 20)
		cp = 0x2460 + (uint32_t)(k - 1); /* ①..⑳ */
	else if (k <= 35)
		cp = 0x3251 + (uint32_t)(k - 21); /* ㉑..㉟ */
	else
		cp = 0x32B1 + (uint32_t)(k - 36); /* ㊱..㊿ */
	n = utf8_encode_cp(cp, out);
	out[n] = '\0';
}

/*
 * Numbers of one form run "S-①", "S-②" ... within each section S. The
 * items are given as (number, section index) through a callback, so the
 * clinic and the vendor forms share the check.
 */
static size_t
check_numbers(const char *what, const struct section *secs, size_t nsecs,
	      size_t n, const char *(*number)(const void *, size_t),
	      size_t (*section)(const void *, size_t), const void *items,
	      struct strbuf *out)
{
	size_t problems = 0, s, i;

	for (s = 0; s < nsecs; s++) {
		int k = 0;

		if (secs[s].number[0] == '\0')
			continue; /* the gate row has no number */
		for (i = 0; i < n; i++) {
			char want[64], c[8];

			if (section(items, i) != s)
				continue;
			circled(++k, c);
			snprintf(want, sizeof(want), "%s-%s", secs[s].number,
				 c);
			if (strcmp(number(items, i), want) != 0) {
				strbuf_addf(
					out,
					_("%s: section %s: the item numbered '%s' should be '%s' (numbers must run in order without gaps)\n"),
					what, secs[s].number, number(items, i),
					want);
				problems++;
			}
		}
	}
	return problems;
}

static const char *
item_number(const void *v, size_t i)
{
	return ((const struct item *)v)[i].number;
}

static size_t
item_section(const void *v, size_t i)
{
	return ((const struct item *)v)[i].section;
}

static const char *
vitem_number(const void *v, size_t i)
{
	return ((const struct vendor_item *)v)[i].number;
}

static size_t
vitem_section(const void *v, size_t i)
{
	return ((const struct vendor_item *)v)[i].section;
}

/* An id of common/priority.yaml must name an item of some edition. */
static size_t
check_priority_ids(const struct content *c, char *const *ids, size_t n,
		   struct strbuf *out)
{
	size_t problems = 0, i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < c->neditions; k++) {
			if (content_item_find(&c->editions[k], ids[i]) != NULL)
				break;
		}
		if (k == c->neditions) {
			strbuf_addf(
				out,
				_("common/priority.yaml: '%s' is not an item of any edition\n"),
				ids[i]);
			problems++;
		}
	}
	return problems;
}

/* A vendor answer id: a contract question. */
static bool
vendor_answer_id(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nquestions; i++) {
		if (strcmp(c->questions[i].id, id) == 0)
			return true;
	}
	return false;
}

/* conflicts.yaml names items of every edition and known vendor answers. */
static size_t
check_conflict_ids(const struct content *c, struct strbuf *out)
{
	size_t i, k, problems = 0;

	for (i = 0; i < c->nconflicts; i++) {
		const struct conflict_rule *r = &c->conflicts[i];

		for (k = 0; r->item[0] != '\0' && k < c->neditions; k++) {
			if (content_item_find(&c->editions[k], r->item) !=
			    NULL)
				continue;
			strbuf_addf(
				out,
				_("conflicts.yaml: '%s' names '%s', which is not an item of %s\n"),
				r->id, r->item, c->editions[k].id);
			problems++;
		}
		if (r->vendor_item[0] != '\0' &&
		    (!vendor_answer_id(c, r->vendor_item) ||
		     !vendor_answer_id(c, r->other_item))) {
			strbuf_addf(
				out,
				_("conflicts.yaml: '%s' names a vendor answer that is not a contract question\n"),
				r->id);
			problems++;
		}
	}
	return problems;
}

size_t
content_check(const struct content *c, struct strbuf *out)
{
	size_t problems = 0, i, j, k;

	for (i = 0; i < c->neditions; i++) {
		const struct edition *ed = &c->editions[i];
		const struct edition *prev;
		struct strbuf what = STRBUF_INIT;

		strbuf_addf(&what, "%s/%s", ed->id, ed->form);
		problems += check_numbers(what.buf, ed->sections, ed->nsections,
					  ed->nitems, item_number, item_section,
					  ed->items, out);
		strbuf_reset(&what);
		strbuf_addf(&what, "%s/%s", ed->id, ed->vendor_form);
		problems += check_numbers(
			what.buf, ed->vsections, ed->nvsections, ed->nvitems,
			vitem_number, vitem_section, ed->vitems, out);
		strbuf_release(&what);
		if (ed->from[0] == '\0')
			continue;
		prev = content_edition_find(c, ed->from);
		if (prev == NULL) {
			strbuf_addf(
				out,
				_("%s/mapping: the previous edition '%s' does not exist\n"),
				ed->id, ed->from);
			problems++;
			continue;
		}
		for (j = 0; j < ed->nmap; j++) {
			for (k = 0; k < ed->map[j].nfrom; k++) {
				if (content_item_find(
					    prev, ed->map[j].from[k]) != NULL)
					continue;
				strbuf_addf(
					out,
					_("%s/mapping: '%s' comes from '%s', which is not an item of %s\n"),
					ed->id, ed->map[j].id,
					ed->map[j].from[k], prev->id);
				problems++;
			}
		}
	}
	problems += check_priority_ids(c, c->gap_high, c->ngap_high, out);
	problems += check_priority_ids(c, c->gap_low, c->ngap_low, out);
	problems += check_conflict_ids(c, out);
	return problems;
}

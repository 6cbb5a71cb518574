#include "content/content.h"

#include <stdlib.h>
#include <string.h>

#include "content/load.h"
#include "content/ydoc.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/sys.h"
#include "util/xalloc.h"

const char *
content_who_label(enum who who)
{
	switch (who) {
	case WHO_CLINIC:
		return _("In-house");
	case WHO_VENDOR:
		return _("Vendor");
	case WHO_BOTH:
		return _("In-house and vendor");
	}
	BUG("bad who %d", (int)who);
}

static void
item_release(struct item *it)
{
	size_t i;

	free(it->number);
	free(it->title);
	free(it->source);
	free(it->na);
	free(it->meaning);
	free(it->why);
	free(it->how);
	free(it->done);
	free(it->incident);
	for (i = 0; i < it->nterms; i++)
		free(it->terms[i]);
	free(it->terms);
	free(it->file);
	memset(it, 0, sizeof(*it));
}

void
content_edition_release(struct edition *ed)
{
	size_t i;

	for (i = 0; i < ed->nitems; i++)
		item_release(&ed->items[i]);
	free(ed->items);
	for (i = 0; i < ed->nsections; i++) {
		free(ed->sections[i].number);
		free(ed->sections[i].title);
	}
	free(ed->sections);
	free(ed->name);
	free(ed->title);
	free(ed->form);
	free(ed->vendor_form);
	free(ed->source);
	free(ed->dir);
	content_extra_release(ed);
	memset(ed, 0, sizeof(*ed));
}

void
content_release(struct content *c)
{
	size_t i;

	for (i = 0; i < c->neditions; i++)
		content_edition_release(&c->editions[i]);
	free(c->editions);
	content_common_release(c);
	content_vulns_release(c);
	free(c->common_dir);
	strbuf_release(&c->warnings);
	memset(c, 0, sizeof(*c));
	strbuf_init(&c->warnings, 0);
}

/* Reads the who: field. */
static int
read_who(struct ydoc *d, yaml_node_t *map, enum who *out, struct err *e)
{
	static const char *const keys[] = {"clinic", "vendor", "both"};
	char *s = NULL;
	size_t i;

	if (ydoc_str(d, map, "who", true, false, &s, e) != 0)
		return -1;
	for (i = 0; i < 3; i++) {
		if (strcmp(s, keys[i]) == 0) {
			*out = (enum who)i;
			free(s);
			return 0;
		}
	}
	free(s);
	return ydoc_error(d, ydoc_get(d, map, "who"), e, "%s",
			  _("who must be clinic, vendor or both"));
}

/* Reads cells: (optional) into it. */
static int
read_cells(struct ydoc *d, yaml_node_t *map, struct item *it, struct err *e)
{
	yaml_node_item_t *seq;
	size_t n, i, j;

	if (ydoc_seq(d, map, "cells", false, &seq, &n, e) != 0)
		return -1;
	it->labelled = ydoc_get(d, map, "cells") != NULL;
	if (!it->labelled) {
		it->cells[0] = CELL_ALL;
		it->ncells = 1;
		return 0;
	}
	if (n == 0 || n > CELL__COUNT)
		return ydoc_error(
			d, ydoc_get(d, map, "cells"), e, "%s",
			_("cells must list 1 to 4 of all, server, pc, network"));
	for (i = 0; i < n; i++) {
		yaml_node_t *v = ydoc_node(d, seq[i]);
		const char *s = ydoc_scalar(v);
		enum cell c;

		if (s == NULL || cell_parse(s, &c) != 0)
			return ydoc_error(
				d, v, e, "%s",
				_("cells must list 1 to 4 of all, server, pc, network"));
		for (j = 0; j < i; j++) {
			if (it->cells[j] == c)
				return ydoc_error(
					d, v, e,
					_("the cell '%s' is listed twice"), s);
		}
		it->cells[i] = c;
	}
	it->ncells = n;
	return 0;
}

/* Reads terms: (optional), checking each against the glossary. */
static int
read_terms(struct ydoc *d, yaml_node_t *map, struct item *it,
	   const struct content *c, struct err *e)
{
	yaml_node_item_t *seq;
	size_t n, i;

	if (ydoc_seq(d, map, "terms", false, &seq, &n, e) != 0)
		return -1;
	it->terms = n ? xcalloc(n, sizeof(char *)) : NULL;
	for (i = 0; i < n; i++) {
		yaml_node_t *v = ydoc_node(d, seq[i]);
		const char *s = ydoc_scalar(v);

		if (s == NULL || !ydoc_id_valid(s, CONTENT_ID_MAX))
			return ydoc_error(d, v, e, "%s",
					  _("terms must list glossary ids"));
		if (c != NULL && content_term_find(c, s) == NULL)
			return ydoc_error(
				d, v, e,
				_("the term '%s' is not in common/glossary.yaml"),
				s);
		it->terms[it->nterms++] = xstrdup(s);
	}
	return 0;
}

static int
read_item(struct ydoc *d, yaml_node_t *map, struct edition *ed, struct item *it,
	  const struct content *c, struct err *e)
{
	static const char *const keys[] = {
		"id",   "number",   "title",  "cells",   "gate", "na",
		"who",  "verified", "source", "meaning", "why",  "how",
		"done", "incident", "terms",  "inferred", NULL,
	};
	size_t i;

	if (ydoc_map_check(d, map, keys, e) != 0)
		return -1;
	it->file = xstrdup(d->path);
	it->line = (int)map->start_mark.line + 1;
	if (ydoc_id(d, map, "id", it->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_bool(d, map, "gate", false, &it->gate, e) != 0 ||
	    ydoc_str(d, map, "number", true, it->gate, &it->number, e) != 0 ||
	    ydoc_str(d, map, "title", true, false, &it->title, e) != 0 ||
	    read_cells(d, map, it, e) != 0 ||
	    ydoc_str(d, map, "na", false, false, &it->na, e) != 0 ||
	    read_who(d, map, &it->who, e) != 0 ||
	    ydoc_bool(d, map, "verified", true, &it->verified, e) != 0 ||
	    ydoc_bool(d, map, "inferred", false, &it->inferred, e) != 0 ||
	    ydoc_str(d, map, "source", true, false, &it->source, e) != 0 ||
	    ydoc_str(d, map, "meaning", true, false, &it->meaning, e) != 0 ||
	    ydoc_str(d, map, "why", true, false, &it->why, e) != 0 ||
	    ydoc_str(d, map, "how", true, false, &it->how, e) != 0 ||
	    ydoc_str(d, map, "done", true, false, &it->done, e) != 0 ||
	    ydoc_str(d, map, "incident", false, false, &it->incident, e) != 0 ||
	    read_terms(d, map, it, c, e) != 0)
		return -1;
	for (i = 0; i < ed->nitems; i++) {
		const struct item *o = &ed->items[i];

		if (strcmp(o->id, it->id) == 0)
			return ydoc_error(
				d, map, e,
				_("the id '%s' is already used at %s:%d"),
				it->id, o->file, o->line);
		if (it->number[0] != '\0' && strcmp(o->number, it->number) == 0)
			return ydoc_error(
				d, map, e,
				_("the number '%s' is already used at %s:%d"),
				it->number, o->file, o->line);
	}
	if (it->gate && (ed->nitems != 0 || it->ncells != 1))
		return ydoc_error(
			d, map, e, "%s",
			_("the gate item must be the first item and have one answer"));
	return 0;
}

/* Loads one section file (dir/name) and appends its items to ed. */
static int
load_section(struct edition *ed, const char *dir, const char *name,
	     const struct content *c, struct err *e)
{
	static const char *const top_keys[] = {"section", "items", NULL};
	static const char *const sec_keys[] = {"number", "title", "inferred",
					       NULL};
	char *path = path_join(dir, name);
	struct ydoc d;
	yaml_node_t *root, *sec;
	yaml_node_item_t *seq;
	struct section s = {NULL, NULL, false};
	size_t n, i, alloc = ed->nitems;
	int r = -1;

	if (ydoc_load(&d, path, e) != 0)
		goto out;
	root = ydoc_root(&d);
	if (ydoc_map_check(&d, root, top_keys, e) != 0)
		goto out;
	sec = ydoc_get(&d, root, "section");
	if (sec == NULL) {
		ydoc_error(&d, root, e, _("the field '%s' is missing"),
			   "section");
		goto out;
	}
	if (ydoc_map_check(&d, sec, sec_keys, e) != 0 ||
	    ydoc_str(&d, sec, "number", true, true, &s.number, e) != 0 ||
	    ydoc_str(&d, sec, "title", true, false, &s.title, e) != 0 ||
	    ydoc_bool(&d, sec, "inferred", false, &s.inferred, e) != 0 ||
	    ydoc_seq(&d, root, "items", true, &seq, &n, e) != 0)
		goto out;
	if (n == 0) {
		ydoc_error(&d, ydoc_get(&d, root, "items"), e, "%s",
			   _("a section needs at least one item"));
		goto out;
	}
	ed->sections = xrealloc(ed->sections,
				(ed->nsections + 1) * sizeof(*ed->sections));
	ed->sections[ed->nsections++] = s;
	s.number = s.title = NULL;
	for (i = 0; i < n; i++) {
		struct item *it;

		xgrow((void **)&ed->items, &alloc, ed->nitems + 1,
		      sizeof(*ed->items));
		it = &ed->items[ed->nitems];
		memset(it, 0, sizeof(*it));
		it->section = ed->nsections - 1;
		if (read_item(&d, ydoc_node(&d, seq[i]), ed, it, c, e) != 0) {
			item_release(it);
			goto out;
		}
		ed->nitems++;
	}
	r = 0;
out:
	free(s.number);
	free(s.title);
	ydoc_release(&d);
	free(path);
	return r;
}

/* True for a file name inside the folder: no separator, not hidden. */
static bool
plain_name(const char *f)
{
	return f[0] != '\0' && f[0] != '.' && !path_has_sep(f);
}

int
content_load_edition(struct edition *ed, const char *dir,
		     const struct content *c, struct err *e)
{
	static const char *const keys[] = {
		"id",          "name",        "title",    "form",
		"vendor_form", "first_year",  "verified", "source",
		"files",       "vendor_file", "mapping",  NULL,
	};
	char *vendor_file = NULL, *mapping = NULL;
	char *path = path_join(dir, "edition.yaml");
	char *base = path_basename(dir);
	struct ydoc d;
	yaml_node_t *root;
	yaml_node_item_t *seq;
	size_t n, i;
	long fy;
	int r = -1;

	memset(ed, 0, sizeof(*ed));
	ed->dir = xstrdup(dir);
	if (ydoc_load(&d, path, e) != 0)
		goto out;
	root = ydoc_root(&d);
	if (ydoc_map_check(&d, root, keys, e) != 0 ||
	    ydoc_id(&d, root, "id", ed->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(&d, root, "name", true, false, &ed->name, e) != 0 ||
	    ydoc_str(&d, root, "title", true, false, &ed->title, e) != 0 ||
	    ydoc_str(&d, root, "form", true, false, &ed->form, e) != 0 ||
	    ydoc_str(&d, root, "vendor_form", true, false, &ed->vendor_form,
		     e) != 0 ||
	    ydoc_int(&d, root, "first_year", 2025, 2100, &fy, e) != 0 ||
	    ydoc_bool(&d, root, "verified", true, &ed->verified, e) != 0 ||
	    ydoc_str(&d, root, "source", true, false, &ed->source, e) != 0 ||
	    ydoc_str(&d, root, "vendor_file", false, false, &vendor_file, e) !=
		    0 ||
	    ydoc_str(&d, root, "mapping", false, false, &mapping, e) != 0 ||
	    ydoc_seq(&d, root, "files", true, &seq, &n, e) != 0)
		goto out;
	ed->first_year = (int)fy;
	if (strcmp(ed->id, base) != 0) {
		ydoc_error(&d, ydoc_get(&d, root, "id"), e,
			   _("the id '%s' must equal the folder name '%s'"),
			   ed->id, base);
		goto out;
	}
	if (n == 0) {
		ydoc_error(&d, ydoc_get(&d, root, "files"), e, "%s",
			   _("an edition needs at least one section file"));
		goto out;
	}
	for (i = 0; i < n; i++) {
		yaml_node_t *v = ydoc_node(&d, seq[i]);
		const char *f = ydoc_scalar(v);

		if (f == NULL || !plain_name(f)) {
			ydoc_error(
				&d, v, e, "%s",
				_("files must list file names in this folder"));
			goto out;
		}
		if (load_section(ed, dir, f, c, e) != 0)
			goto out;
	}
	if (vendor_file != NULL &&
	    (!plain_name(vendor_file) ||
	     content_load_vendor(ed, dir, vendor_file, e) != 0)) {
		if (!plain_name(vendor_file))
			ydoc_error(
				&d, ydoc_get(&d, root, "vendor_file"), e, "%s",
				_("files must list file names in this folder"));
		goto out;
	}
	if (mapping != NULL &&
	    (!plain_name(mapping) ||
	     content_load_mapping(ed, dir, mapping, e) != 0)) {
		if (!plain_name(mapping))
			ydoc_error(
				&d, ydoc_get(&d, root, "mapping"), e, "%s",
				_("files must list file names in this folder"));
		goto out;
	}
	r = 0;
out:
	free(vendor_file);
	free(mapping);
	ydoc_release(&d);
	free(path);
	free(base);
	if (r != 0) {
		char keep[CONTENT_ID_MAX + 1];

		memcpy(keep, ed->id, sizeof(keep));
		content_edition_release(ed);
		memcpy(ed->id, keep, sizeof(keep));
	}
	return r;
}

/* Adds "warning" lines for a refused override. */
static void
warn(struct content *c, const struct err *e)
{
	strbuf_addf(&c->warnings, _("ignored a broken content file: %s"),
		    e->msg);
	strbuf_addch(&c->warnings, '\n');
}

/* Names of the edition folders (with edition.yaml) under root. */
static void
list_editions(const char *root, char ***names, size_t *n, size_t *alloc)
{
	char **list = sys_list_dir(root);
	size_t j;

	for (j = 0; list != NULL && list[j] != NULL; j++) {
		const char *name = list[j];
		char *sub, *ed;
		bool have;
		size_t i;

		if (!ydoc_id_valid(name, CONTENT_ID_MAX) ||
		    strcmp(name, "common") == 0 ||
		    strcmp(name, "vulns") == 0)
			continue;
		sub = path_join(root, name);
		ed = path_join(sub, "edition.yaml");
		have = path_is_file(ed);
		free(ed);
		free(sub);
		for (i = 0; have && i < *n; i++) {
			if (strcmp((*names)[i], name) == 0)
				have = false;
		}
		if (!have)
			continue;
		xgrow((void **)names, alloc, *n + 1, sizeof(char *));
		(*names)[(*n)++] = xstrdup(name);
	}
	paths_free_list(list);
}

static int
cmp_edition(const void *a, const void *b)
{
	const struct edition *x = a, *y = b;

	if (x->first_year != y->first_year)
		return x->first_year < y->first_year ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Loads from roots as content_load() describes, with no fallback for a
 * clash between roots. */
static int
load_roots(struct content *c, char *const *roots, struct err *e)
{
	char **names = NULL;
	size_t nnames = 0, alloc = 0, i, k, ealloc = 0;
	struct err e2 = ERR_INIT;
	int r = -1;

	memset(c, 0, sizeof(*c));
	strbuf_init(&c->warnings, 0);
	for (k = 0; roots[k] != NULL && c->common_dir == NULL; k++) {
		char *dir = path_join(roots[k], "common");

		if (path_is_dir(dir) && content_load_common(c, dir, &e2) != 0)
			warn(c, &e2);
		else if (path_is_dir(dir))
			c->common_dir = dir, dir = NULL;
		free(dir);
	}
	if (c->common_dir == NULL) {
		if (e2.code != ERR_NONE)
			return err_set(e, ERR_CONTENT, "%s", e2.msg);
		return err_set(
			e, ERR_CONTENT, "%s",
			_("no content was found (the folder common/ is missing); reinstall iryosec or use --content"));
	}
	for (k = 0; roots[k] != NULL && c->vulns_dir == NULL; k++) {
		char *dir = path_join(roots[k], "vulns");

		if (path_is_dir(dir) && content_load_vulns(c, dir, &e2) != 0)
			warn(c, &e2);
		free(dir);
	}
	for (k = 0; roots[k] != NULL; k++)
		list_editions(roots[k], &names, &nnames, &alloc);
	for (i = 0; i < nnames; i++) {
		bool loaded = false;

		for (k = 0; roots[k] != NULL && !loaded; k++) {
			char *dir = path_join(roots[k], names[i]);
			char *ef = path_join(dir, "edition.yaml");
			struct edition ed;

			if (path_is_file(ef)) {
				if (content_load_edition(&ed, dir, c, &e2) ==
				    0) {
					xgrow((void **)&c->editions, &ealloc,
					      c->neditions + 1,
					      sizeof(*c->editions));
					c->editions[c->neditions++] = ed;
					loaded = true;
				} else {
					warn(c, &e2);
				}
			}
			free(ef);
			free(dir);
		}
		if (!loaded) {
			err_set(e, ERR_CONTENT, "%s", e2.msg);
			goto out;
		}
	}
	if (c->neditions == 0) {
		err_set(e, ERR_CONTENT, "%s",
			_("no checklist edition was found in the content folders"));
		goto out;
	}
	qsort(c->editions, c->neditions, sizeof(*c->editions), cmp_edition);
	for (i = 1; i < c->neditions; i++) {
		if (c->editions[i].first_year ==
		    c->editions[i - 1].first_year) {
			err_set(e, ERR_CONTENT,
				_("%s/edition.yaml: the edition '%s' and the edition in %s, '%s', start in the same fiscal year (%d); remove one of them"),
				c->editions[i].dir, c->editions[i].id,
				c->editions[i - 1].dir, c->editions[i - 1].id,
				c->editions[i].first_year);
			goto out;
		}
	}
	r = 0;
out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	return r;
}

int
content_load(struct content *c, char *const *roots, struct err *e)
{
	struct strbuf notes = STRBUF_INIT;
	size_t k;
	int r = load_roots(c, roots, e);

	/* Each folder can be valid alone and still clash with the ones
	 * below it (two editions for one year, a glossary that lacks the
	 * built-in items' terms). Then the folders of highest precedence
	 * are left out, one by one, until the rest loads: an override never
	 * stops the program while the built-in content is whole. */
	for (k = 0; r != 0 && roots[k] != NULL && roots[k + 1] != NULL; k++) {
		strbuf_addf(&notes,
			    _("did not use the content folder %s: %s"),
			    roots[k], e->msg);
		strbuf_addch(&notes, '\n');
		content_release(c);
		err_clear(e);
		r = load_roots(c, roots + k + 1, e);
	}
	if (r == 0 && notes.len > 0) {
		strbuf_addstr(&notes, c->warnings.buf);
		strbuf_reset(&c->warnings);
		strbuf_addstr(&c->warnings, notes.buf);
	}
	strbuf_release(&notes);
	return r;
}

const struct edition *
content_edition_for_year(const struct content *c, int fiscal_year)
{
	const struct edition *best = NULL;
	size_t i;

	for (i = 0; i < c->neditions; i++) {
		if (c->editions[i].first_year <= fiscal_year)
			best = &c->editions[i];
	}
	return best;
}

bool
content_edition_verified(const struct edition *ed)
{
	size_t i;

	for (i = 0; i < ed->nitems; i++) {
		if (!ed->items[i].verified)
			return false;
	}
	return true;
}

const struct edition *
content_edition_find(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->neditions; i++) {
		if (strcmp(c->editions[i].id, id) == 0)
			return &c->editions[i];
	}
	return NULL;
}

long
content_item_index(const struct edition *ed, const char *id)
{
	size_t i;

	for (i = 0; i < ed->nitems; i++) {
		if (strcmp(ed->items[i].id, id) == 0)
			return (long)i;
	}
	return -1;
}

const struct item *
content_item_find(const struct edition *ed, const char *id)
{
	long i = content_item_index(ed, id);

	return i < 0 ? NULL : &ed->items[i];
}

const struct term *
content_term_find(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nterms; i++) {
		if (strcmp(c->terms[i].id, id) == 0)
			return &c->terms[i];
	}
	return NULL;
}

size_t
content_validate_root(char *const *roots, struct strbuf *out)
{
	struct content c;
	struct err e = ERR_INIT;
	size_t problems = 0;
	int r = load_roots(&c, roots, &e);

	/* A refused folder is both a warning and the error: print it once. */
	if (c.warnings.len > 0) {
		strbuf_addstr(out, c.warnings.buf);
		problems++;
	} else if (r != 0) {
		strbuf_addf(out, "%s\n", e.msg);
		problems++;
	}
	if (r == 0)
		problems += content_check(&c, out);
	content_release(&c);
	return problems;
}

/* The vendors' form (vendor-form.yaml) and the mapping (mapping.yaml). */
#include "content/load.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

void
content_extra_release(struct edition *ed)
{
	size_t i;

	for (i = 0; i < ed->nvitems; i++) {
		struct vendor_item *v = &ed->vitems[i];

		free(v->number);
		free(v->title);
		free(v->source);
		free(v->meaning);
		free(v->ask);
		free(v->file);
	}
	free(ed->vitems);
	for (i = 0; i < ed->nvsections; i++) {
		free(ed->vsections[i].number);
		free(ed->vsections[i].title);
	}
	free(ed->vsections);
	free(ed->vendor_source);
	for (i = 0; i < ed->nmap; i++) {
		free(ed->map[i].from);
		free(ed->map[i].note);
	}
	free(ed->map);
	ed->vitems = NULL;
	ed->vsections = NULL;
	ed->vendor_source = NULL;
	ed->map = NULL;
	ed->nvitems = ed->nvsections = ed->nmap = 0;
}

static int
read_vendor_item(struct ydoc *d, yaml_node_t *m, struct edition *ed,
		 struct vendor_item *v, struct err *e)
{
	static const char *const keys[] = {
		"id",     "number",  "title", "clinic_item", "verified",
		"source", "meaning", "ask",   NULL,
	};
	char *clinic = NULL;
	size_t i;

	if (ydoc_map_check(d, m, keys, e) != 0)
		return -1;
	v->file = xstrdup(d->path);
	v->line = (int)m->start_mark.line + 1;
	if (ydoc_id(d, m, "id", v->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(d, m, "number", true, false, &v->number, e) != 0 ||
	    ydoc_str(d, m, "title", true, false, &v->title, e) != 0 ||
	    ydoc_str(d, m, "clinic_item", false, false, &clinic, e) != 0 ||
	    ydoc_bool(d, m, "verified", true, &v->verified, e) != 0 ||
	    ydoc_str(d, m, "source", true, false, &v->source, e) != 0 ||
	    ydoc_str(d, m, "meaning", true, false, &v->meaning, e) != 0 ||
	    ydoc_str(d, m, "ask", true, false, &v->ask, e) != 0)
		goto fail;
	if (clinic != NULL) {
		if (content_item_find(ed, clinic) == NULL) {
			ydoc_error(d, ydoc_get(d, m, "clinic_item"), e,
				   _("the item '%s' is not in this edition"),
				   clinic);
			goto fail;
		}
		strcpy(v->clinic_item, clinic);
	}
	for (i = 0; i + 1 < ed->nvitems; i++) { /* v is the last one */
		if (strcmp(ed->vitems[i].id, v->id) == 0) {
			ydoc_error(d, m, e,
				   _("the id '%s' is already used at %s:%d"),
				   v->id, ed->vitems[i].file,
				   ed->vitems[i].line);
			goto fail;
		}
	}
	free(clinic);
	return 0;
fail:
	free(clinic);
	return -1;
}

int
content_load_vendor(struct edition *ed, const char *dir, const char *file,
		    struct err *e)
{
	static const char *const top[] = {"form", "verified", "source",
					  "sections", NULL};
	static const char *const sec_keys[] = {"number", "title", "items",
					       NULL};
	char *path = path_join(dir, file), *form = NULL;
	struct ydoc d;
	yaml_node_item_t *secs;
	size_t nsecs, i, j, valloc = 0;
	int r = -1;

	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0 ||
	    ydoc_str(&d, ydoc_root(&d), "form", true, false, &form, e) != 0 ||
	    ydoc_bool(&d, ydoc_root(&d), "verified", true, &ed->vendor_verified,
		      e) != 0 ||
	    ydoc_str(&d, ydoc_root(&d), "source", true, false,
		     &ed->vendor_source, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "sections", true, &secs, &nsecs, e) !=
		    0)
		goto out;
	ed->vsections = xcalloc(nsecs ? nsecs : 1, sizeof(*ed->vsections));
	for (i = 0; i < nsecs; i++) {
		yaml_node_t *s = ydoc_node(&d, secs[i]);
		struct section *sec = &ed->vsections[i];
		yaml_node_item_t *items;
		size_t n;

		if (ydoc_map_check(&d, s, sec_keys, e) != 0 ||
		    ydoc_str(&d, s, "number", true, false, &sec->number, e) !=
			    0 ||
		    ydoc_str(&d, s, "title", true, false, &sec->title, e) !=
			    0) {
			ed->nvsections = i + 1;
			goto out;
		}
		ed->nvsections = i + 1;
		if (ydoc_seq(&d, s, "items", true, &items, &n, e) != 0)
			goto out;
		for (j = 0; j < n; j++) {
			struct vendor_item *v;

			xgrow((void **)&ed->vitems, &valloc, ed->nvitems + 1,
			      sizeof(*ed->vitems));
			v = &ed->vitems[ed->nvitems++];
			memset(v, 0, sizeof(*v));
			v->section = i;
			if (read_vendor_item(&d, ydoc_node(&d, items[j]), ed, v,
					     e) != 0)
				goto out;
		}
	}
	r = 0;
out:
	free(form);
	ydoc_release(&d);
	free(path);
	return r;
}

static int
read_kind(struct ydoc *d, yaml_node_t *m, enum map_kind *out, struct err *e)
{
	static const char *const kinds[] = {"same", "reworded", "merged",
					    "new"};
	char *s = NULL;
	size_t i;

	if (ydoc_str(d, m, "kind", true, false, &s, e) != 0)
		return -1;
	for (i = 0; i < 4; i++) {
		if (strcmp(s, kinds[i]) == 0) {
			*out = (enum map_kind)i;
			free(s);
			return 0;
		}
	}
	free(s);
	return ydoc_error(d, ydoc_get(d, m, "kind"), e, "%s",
			  _("kind must be same, reworded, merged or new"));
}

static int
read_mapping(struct ydoc *d, yaml_node_t *m, struct edition *ed,
	     struct mapping *mp, struct err *e)
{
	static const char *const keys[] = {"id", "kind", "from", "note", NULL};
	yaml_node_item_t *from;
	size_t n, i, want_lo, want_hi;

	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_id(d, m, "id", mp->id, CONTENT_ID_MAX, e) != 0 ||
	    read_kind(d, m, &mp->kind, e) != 0 ||
	    ydoc_seq(d, m, "from", mp->kind != MAP_NEW, &from, &n, e) != 0 ||
	    ydoc_str(d, m, "note",
		     mp->kind == MAP_REWORDED || mp->kind == MAP_MERGED, false,
		     &mp->note, e) != 0)
		return -1;
	if (content_item_find(ed, mp->id) == NULL)
		return ydoc_error(d, m, e,
				  _("the item '%s' is not in this edition"),
				  mp->id);
	want_lo = mp->kind == MAP_NEW ? 0 : mp->kind == MAP_MERGED ? 2 : 1;
	want_hi = mp->kind == MAP_NEW ? 0 : mp->kind == MAP_MERGED ? 99 : 1;
	if (n < want_lo || n > want_hi)
		return ydoc_error(
			d, m, e, "%s",
			_("from must list one item for same and reworded, two or more for merged, none for new"));
	mp->from = n ? xcalloc(n, sizeof(*mp->from)) : NULL;
	for (i = 0; i < n; i++) {
		yaml_node_t *v = ydoc_node(d, from[i]);
		const char *s = ydoc_scalar(v);

		if (s == NULL || !ydoc_id_valid(s, CONTENT_ID_MAX))
			return ydoc_error(d, v, e, "%s",
					  _("from must list item ids"));
		strcpy(mp->from[mp->nfrom++], s);
	}
	return 0;
}

int
content_load_mapping(struct edition *ed, const char *dir, const char *file,
		     struct err *e)
{
	static const char *const top[] = {"from", "items", NULL};
	char *path = path_join(dir, file);
	struct ydoc d;
	yaml_node_item_t *items;
	size_t n, i, j;
	int r = -1;

	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0 ||
	    ydoc_id(&d, ydoc_root(&d), "from", ed->from, CONTENT_ID_MAX, e) !=
		    0 ||
	    ydoc_seq(&d, ydoc_root(&d), "items", true, &items, &n, e) != 0)
		goto out;
	ed->map = xcalloc(n ? n : 1, sizeof(*ed->map));
	for (i = 0; i < n; i++) {
		yaml_node_t *m = ydoc_node(&d, items[i]);

		ed->nmap = i + 1;
		if (read_mapping(&d, m, ed, &ed->map[i], e) != 0)
			goto out;
		for (j = 0; j < i; j++) {
			if (strcmp(ed->map[j].id, ed->map[i].id) == 0) {
				ydoc_error(&d, m, e,
					   _("the item '%s' is mapped twice"),
					   ed->map[i].id);
				goto out;
			}
		}
	}
	for (i = 0; i < ed->nitems; i++) {
		if (content_mapping_find(ed, ed->items[i].id) == NULL) {
			ydoc_error(
				&d, ydoc_root(&d), e,
				_("the item '%s' is missing from the mapping"),
				ed->items[i].id);
			goto out;
		}
	}
	r = 0;
out:
	ydoc_release(&d);
	free(path);
	return r;
}

const struct vendor_item *
content_vendor_item_find(const struct edition *ed, const char *id)
{
	size_t i;

	for (i = 0; i < ed->nvitems; i++) {
		if (strcmp(ed->vitems[i].id, id) == 0)
			return &ed->vitems[i];
	}
	return NULL;
}

const struct mapping *
content_mapping_find(const struct edition *ed, const char *id)
{
	size_t i;

	for (i = 0; i < ed->nmap; i++) {
		if (strcmp(ed->map[i].id, id) == 0)
			return &ed->map[i];
	}
	return NULL;
}

const char *
content_map_kind_label(enum map_kind k)
{
	switch (k) {
	case MAP_SAME:
		return _("unchanged");
	case MAP_REWORDED:
		return _("reworded");
	case MAP_MERGED:
		return _("merged");
	case MAP_NEW:
		return _("new");
	}
	BUG("bad mapping kind %d", (int)k);
}

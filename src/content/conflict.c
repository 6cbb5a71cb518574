/* common/conflicts.yaml: answers that cannot both be true. */
#include "content/load.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

void
content_conflicts_release(struct content *c)
{
	size_t i, k;

	for (i = 0; i < c->nconflicts; i++) {
		struct conflict_rule *r = &c->conflicts[i];

		for (k = 0; k < r->nremote; k++)
			free(r->remote[k]);
		free(r->remote);
		free(r->text);
		free(r->source);
	}
	free(c->conflicts);
	c->conflicts = NULL;
	c->nconflicts = 0;
}

/* An answer key: yes, no or unknown, into out (8 bytes). */
static int
read_answer(struct ydoc *d, yaml_node_t *m, const char *key, char *out,
	    struct err *e)
{
	char *s = NULL;

	if (ydoc_str(d, m, key, true, false, &s, e) != 0)
		return -1;
	if (strcmp(s, "yes") != 0 && strcmp(s, "no") != 0 &&
	    strcmp(s, "unknown") != 0) {
		free(s);
		return ydoc_error(d, ydoc_get(d, m, key), e,
				  _("the field '%s' must be \"yes\", \"no\" or \"unknown\""),
				  key);
	}
	strcpy(out, s);
	free(s);
	return 0;
}

static int
read_conflict(struct ydoc *d, yaml_node_t *m, const struct content *c,
	      struct conflict_rule *r, struct err *e)
{
	static const char *const keys[] = {
		"id",          "item",         "answer",       "remote",
		"vendor_item", "vendor_answer", "other_item", "other_answer",
		"text",        "source",       NULL,
	};
	yaml_node_item_t *seq;
	size_t n, i, k;

	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_id(d, m, "id", r->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_id_opt(d, m, "item", r->item, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_id_opt(d, m, "vendor_item", r->vendor_item, CONTENT_ID_MAX,
			e) != 0 ||
	    ydoc_id_opt(d, m, "other_item", r->other_item, CONTENT_ID_MAX,
			e) != 0 ||
	    ydoc_str(d, m, "text", true, false, &r->text, e) != 0 ||
	    ydoc_str(d, m, "source", true, false, &r->source, e) != 0)
		return -1;
	if ((r->item[0] != '\0') == (r->vendor_item[0] != '\0'))
		return ydoc_error(
			d, m, e, "%s",
			_("a conflict needs either item (with answer and remote) or vendor_item (with vendor_answer, other_item and other_answer)"));
	if (r->item[0] != '\0') {
		if (read_answer(d, m, "answer", r->answer, e) != 0 ||
		    ydoc_seq(d, m, "remote", true, &seq, &n, e) != 0)
			return -1;
		if (n == 0)
			return ydoc_error(d, ydoc_get(d, m, "remote"), e,
					  _("the field '%s' is missing"),
					  "remote");
		for (i = 0; i < n; i++) {
			yaml_node_t *v = ydoc_node(d, seq[i]);
			const char *s = ydoc_scalar(v);
			bool ok = s != NULL && strcmp(s, "device") == 0;

			for (k = 0; s != NULL && !ok && k < c->nrules; k++)
				ok = strcmp(c->rules[k].id, s) == 0;
			if (!ok)
				return ydoc_error(
					d, v, e,
					_("'%s' is not a known id here"),
					s != NULL ? s : "");
			r->remote = xrealloc(r->remote,
					     (r->nremote + 1) * sizeof(char *));
			r->remote[r->nremote++] = xstrdup(s);
		}
		return 0;
	}
	if (read_answer(d, m, "vendor_answer", r->vendor_answer, e) != 0 ||
	    read_answer(d, m, "other_answer", r->other_answer, e) != 0)
		return -1;
	if (r->other_item[0] == '\0')
		return ydoc_error(d, m, e, _("the field '%s' is missing"),
				  "other_item");
	return 0;
}

int
content_load_conflicts(struct content *c, const char *dir, struct err *e)
{
	static const char *const top[] = {"conflicts", NULL};
	char *path = path_join(dir, "conflicts.yaml");
	struct ydoc d;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	if (!path_exists(path)) { /* an older common/ folder: none */
		free(path);
		return 0;
	}
	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "conflicts", true, &seq, &n, e) != 0)
		goto out;
	c->conflicts = xcalloc(n ? n : 1, sizeof(*c->conflicts));
	for (i = 0; i < n; i++) {
		c->nconflicts = i + 1;
		if (read_conflict(&d, ydoc_node(&d, seq[i]), c,
				  &c->conflicts[i], e) != 0)
			goto out;
		if (ydoc_unique_id(&d, ydoc_node(&d, seq[i]),
				   c->conflicts[0].id, sizeof(*c->conflicts), i,
				   e) != 0)
			goto out;
	}
	r = 0;
out:
	ydoc_release(&d);
	free(path);
	return r;
}

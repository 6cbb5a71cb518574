/* common/priority.yaml: the levels of the priority list. */
#include "content/load.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

static const char *const level_ids[PRIORITY__COUNT] = {
	"critical",
	"high",
	"medium",
	"low",
};

void
content_priority_release(struct content *c)
{
	size_t i;

	for (i = 0; i < PRIORITY__COUNT; i++) {
		free(c->levels[i].label);
		free(c->levels[i].explain);
		c->levels[i].label = c->levels[i].explain = NULL;
	}
	for (i = 0; i < c->ngap_high; i++)
		free(c->gap_high[i]);
	for (i = 0; i < c->ngap_low; i++)
		free(c->gap_low[i]);
	free(c->gap_high);
	free(c->gap_low);
	c->gap_high = c->gap_low = NULL;
	c->ngap_high = c->ngap_low = 0;
}

static int
read_ids(struct ydoc *d, yaml_node_t *m, const char *key, char ***out,
	 size_t *n, struct err *e)
{
	yaml_node_item_t *seq;
	size_t cnt, i;

	if (ydoc_seq(d, m, key, false, &seq, &cnt, e) != 0)
		return -1;
	*out = cnt ? xcalloc(cnt, sizeof(char *)) : NULL;
	for (i = 0; i < cnt; i++) {
		const char *s = ydoc_scalar(ydoc_node(d, seq[i]));

		if (s == NULL || !ydoc_id_valid(s, CONTENT_ID_MAX))
			return ydoc_error(d, ydoc_node(d, seq[i]), e, "%s",
					  _("high and low must list item ids"));
		(*out)[(*n)++] = xstrdup(s);
	}
	return 0;
}

int
content_load_priority(struct content *c, const char *dir, struct err *e)
{
	static const char *const top[] = {"levels", "checklist", "source",
					  NULL};
	static const char *const lkeys[] = {"id", "label", "explain", NULL};
	static const char *const ckeys[] = {"default", "high", "low", NULL};
	char *path = path_join(dir, "priority.yaml"), *def = NULL, *src = NULL;
	struct ydoc d;
	yaml_node_t *cl;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0 ||
	    ydoc_str(&d, ydoc_root(&d), "source", true, false, &src, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "levels", true, &seq, &n, e) != 0)
		goto out;
	if (n != PRIORITY__COUNT) {
		ydoc_error(
			&d, ydoc_get(&d, ydoc_root(&d), "levels"), e, "%s",
			_("levels must list critical, high, medium and low, in that order"));
		goto out;
	}
	for (i = 0; i < n; i++) {
		yaml_node_t *m = ydoc_node(&d, seq[i]);
		char id[CONTENT_ID_MAX + 1];

		if (ydoc_map_check(&d, m, lkeys, e) != 0 ||
		    ydoc_id(&d, m, "id", id, CONTENT_ID_MAX, e) != 0)
			goto out;
		if (strcmp(id, level_ids[i]) != 0) {
			ydoc_error(
				&d, m, e, "%s",
				_("levels must list critical, high, medium and low, in that order"));
			goto out;
		}
		if (ydoc_str(&d, m, "label", true, false, &c->levels[i].label,
			     e) != 0 ||
		    ydoc_str(&d, m, "explain", true, false,
			     &c->levels[i].explain, e) != 0)
			goto out;
	}
	cl = ydoc_get(&d, ydoc_root(&d), "checklist");
	if (ydoc_map_check(&d, cl, ckeys, e) != 0 ||
	    ydoc_str(&d, cl, "default", true, false, &def, e) != 0 ||
	    read_ids(&d, cl, "high", &c->gap_high, &c->ngap_high, e) != 0 ||
	    read_ids(&d, cl, "low", &c->gap_low, &c->ngap_low, e) != 0)
		goto out;
	for (i = 0; i < PRIORITY__COUNT && strcmp(def, level_ids[i]) != 0; i++)
		;
	if (i == PRIORITY__COUNT) {
		ydoc_error(&d, ydoc_get(&d, cl, "default"), e, "%s",
			   _("priority must be high, medium or low"));
		goto out;
	}
	c->gap_default = (enum priority)i;
	r = 0;
out:
	free(def);
	free(src);
	ydoc_release(&d);
	free(path);
	if (r != 0)
		content_priority_release(c);
	return r;
}

const char *
content_priority_label(const struct content *c, enum priority p)
{
	if ((unsigned)p >= PRIORITY__COUNT || c->levels[p].label == NULL)
		BUG("bad priority %d", (int)p);
	return c->levels[p].label;
}

enum priority
content_gap_priority(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->ngap_high; i++) {
		if (strcmp(c->gap_high[i], id) == 0)
			return PRIORITY_HIGH;
	}
	for (i = 0; i < c->ngap_low; i++) {
		if (strcmp(c->gap_low[i], id) == 0)
			return PRIORITY_LOW;
	}
	return c->gap_default;
}

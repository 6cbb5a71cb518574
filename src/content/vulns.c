/* vulns/: known exploited vulnerabilities, one maker per file. */
#include "content/load.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/sys.h"
#include "util/xalloc.h"

/* True for a real date written YYYY-MM-DD. */
static bool
iso_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	int i, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	}
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return s[0] != '0' && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

/* A version as vendors write it must hold at least one digit. */
static bool
has_digit(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			return true;
	}
	return false;
}

static int
read_version(struct ydoc *d, yaml_node_t *m, const char *key, char **out,
	     struct err *e)
{
	if (ydoc_str(d, m, key, true, false, out, e) != 0)
		return -1;
	if (!has_digit(*out))
		return ydoc_error(d, ydoc_get(d, m, key), e,
				  _("'%s' is not a version number"), *out);
	return 0;
}

static int
read_vuln(struct ydoc *d, yaml_node_t *m, struct vmaker *mk, struct vuln *v,
	  struct err *e)
{
	static const char *const keys[] = {
		"id",        "cve",    "product",  "title",     "affected",
		"condition", "allows", "action",   "exploited", "kev_added",
		"incident",  "source", "verified", "requires",  NULL,
	};
	static const char *const rkeys[] = {"from", "to", "fixed", "eol",
					    NULL};
	char *kev = NULL;
	yaml_node_item_t *seq;
	size_t n, i;

	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_id(d, m, "id", v->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(d, m, "cve", true, false, &v->cve, e) != 0 ||
	    ydoc_id(d, m, "product", v->product, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(d, m, "title", true, false, &v->title, e) != 0 ||
	    ydoc_str(d, m, "condition", false, false, &v->condition, e) != 0 ||
	    ydoc_str(d, m, "requires", false, false, &v->requires, e) != 0 ||
	    ydoc_str(d, m, "allows", true, false, &v->allows, e) != 0 ||
	    ydoc_str(d, m, "action", true, false, &v->action, e) != 0 ||
	    ydoc_bool(d, m, "exploited", true, &v->exploited, e) != 0 ||
	    ydoc_str(d, m, "kev_added", false, false, &kev, e) != 0 ||
	    ydoc_str(d, m, "incident", false, false, &v->incident, e) != 0 ||
	    ydoc_str(d, m, "source", true, false, &v->source, e) != 0 ||
	    ydoc_bool(d, m, "verified", true, &v->verified, e) != 0 ||
	    ydoc_seq(d, m, "affected", true, &seq, &n, e) != 0)
		goto fail;
	if (content_product_find(mk, v->product) == NULL) {
		ydoc_error(d, ydoc_get(d, m, "product"), e,
			   _("'%s' is not a known id here"), v->product);
		goto fail;
	}
	if (kev != NULL) {
		if (!iso_date(kev)) {
			ydoc_error(
				d, ydoc_get(d, m, "kev_added"), e, "%s",
				_("kev_added must be a date like 2021-11-03"));
			goto fail;
		}
		strcpy(v->kev_added, kev);
	}
	if (n == 0) {
		ydoc_error(d, ydoc_get(d, m, "affected"), e,
			   _("the field '%s' is empty"), "affected");
		goto fail;
	}
	v->ranges = xcalloc(n, sizeof(*v->ranges));
	for (i = 0; i < n; i++) {
		yaml_node_t *rm = ydoc_node(d, seq[i]);

		struct vuln_range *vr = &v->ranges[i];

		v->nranges = i + 1;
		if (ydoc_map_check(d, rm, rkeys, e) != 0 ||
		    ydoc_bool(d, rm, "eol", false, &vr->eol, e) != 0 ||
		    read_version(d, rm, "from", &vr->from, e) != 0 ||
		    read_version(d, rm, "fixed", &vr->fixed, e) != 0)
			goto fail;
		/* eol: the branch never got a fix, so the range has no end
		 * on it; otherwise the last affected version is named */
		if (vr->eol) {
			if (ydoc_get(d, rm, "to") != NULL) {
				ydoc_error(
					d, ydoc_get(d, rm, "to"), e, "%s",
					_("a range with eol: true has no 'to' (every version of the branch from 'from' on is affected)"));
				goto fail;
			}
		} else if (read_version(d, rm, "to", &vr->to, e) != 0) {
			goto fail;
		}
	}
	free(kev);
	return 0;
fail:
	free(kev);
	return -1;
}

static int
load_maker(struct vmaker *mk, const char *path, struct err *e)
{
	static const char *const top[] = {"kev_as_of", "maker", "products",
					  "vulns", NULL};
	char *asof = NULL;
	static const char *const mkeys[] = {"id", "label", NULL};
	static const char *const pkeys[] = {"id", "label", "version_hint",
					    NULL};
	struct ydoc d;
	yaml_node_t *mm;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	mk->file = xstrdup(path);
	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0)
		goto out;
	if (ydoc_str(&d, ydoc_root(&d), "kev_as_of", true, false, &asof, e) !=
	    0)
		goto out;
	if (!iso_date(asof)) {
		ydoc_error(&d, ydoc_get(&d, ydoc_root(&d), "kev_as_of"), e,
			   "%s", _("kev_as_of must be a date like 2026-08-21"));
		goto out;
	}
	strcpy(mk->kev_as_of, asof);
	mm = ydoc_get(&d, ydoc_root(&d), "maker");
	if (ydoc_map_check(&d, mm, mkeys, e) != 0 ||
	    ydoc_id(&d, mm, "id", mk->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(&d, mm, "label", true, false, &mk->label, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "products", true, &seq, &n, e) != 0)
		goto out;
	mk->products = xcalloc(n ? n : 1, sizeof(*mk->products));
	for (i = 0; i < n; i++) {
		yaml_node_t *pm = ydoc_node(&d, seq[i]);
		struct vproduct *p = &mk->products[i];

		mk->nproducts = i + 1;
		if (ydoc_map_check(&d, pm, pkeys, e) != 0 ||
		    ydoc_id(&d, pm, "id", p->id, CONTENT_ID_MAX, e) != 0 ||
		    ydoc_str(&d, pm, "label", true, false, &p->label, e) != 0 ||
		    ydoc_str(&d, pm, "version_hint", true, false, &p->hint,
			     e) != 0)
			goto out;
		if (ydoc_unique_id(&d, pm, mk->products[0].id,
				   sizeof(*mk->products), i, e) != 0)
			goto out;
	}
	if (ydoc_seq(&d, ydoc_root(&d), "vulns", false, &seq, &n, e) != 0)
		goto out;
	mk->vulns = xcalloc(n ? n : 1, sizeof(*mk->vulns));
	for (i = 0; i < n; i++) {
		yaml_node_t *vm = ydoc_node(&d, seq[i]);

		mk->nvulns = i + 1;
		if (read_vuln(&d, vm, mk, &mk->vulns[i], e) != 0)
			goto out;
		if (ydoc_unique_id(&d, vm, mk->vulns[0].id, sizeof(*mk->vulns),
				   i, e) != 0)
			goto out;
	}
	r = 0;
out:
	free(asof);
	ydoc_release(&d);
	return r;
}

int
content_load_vulns(struct content *c, const char *dir, struct err *e)
{
	char **list = sys_list_dir(dir);
	char **names = NULL;
	size_t n = 0, alloc = 0, i, j;
	int r = -1;

	if (list == NULL)
		return err_set(e, ERR_CONTENT,
			       _("cannot read the content file '%s'"), dir);
	/* sorted by name: the same order on every system */
	for (j = 0; list[j] != NULL; j++) {
		size_t len = strlen(list[j]);

		if (list[j][0] == '.' || len < 6 ||
		    strcmp(list[j] + len - 5, ".yaml") != 0)
			continue;
		xgrow((void **)&names, &alloc, n + 1, sizeof(char *));
		names[n++] = xstrdup(list[j]);
	}
	paths_free_list(list);
	c->makers = xcalloc(n ? n : 1, sizeof(*c->makers));
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		int bad;

		c->nmakers = i + 1;
		bad = load_maker(&c->makers[i], path, e);
		free(path);
		if (bad)
			goto out;
		for (j = 0; j < i; j++) {
			if (strcmp(c->makers[j].id, c->makers[i].id) == 0) {
				err_set(e, ERR_CONTENT,
					_("%s: the maker '%s' is also in %s"),
					c->makers[i].file, c->makers[i].id,
					c->makers[j].file);
				goto out;
			}
		}
	}
	c->vulns_dir = xstrdup(dir);
	r = 0;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (r != 0)
		content_vulns_release(c);
	return r;
}

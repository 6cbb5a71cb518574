/* common/hoshu.yaml: 保守委託機関編 (GL 第7.0版). */
#include "content/load.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The keys of the reasons, and how many %s each must have. */
static const struct {
	const char *key;
	int slots;
} reason_keys[HR__COUNT] = {
	[HR_STAFF_YES] = {"staff_yes", 0},
	[HR_STAFF_UNKNOWN] = {"staff_unknown", 0},
	[HR_STAFF_UNANSWERED] = {"staff_unanswered", 0},
	[HR_NO_SERVERS] = {"no_servers", 0},
	[HR_SERVER_SELF] = {"server_self", 1},
	[HR_SERVER_UNKNOWN] = {"server_unknown", 1},
	[HR_SERVER_UNANSWERED] = {"server_unanswered", 1},
	[HR_SERVER_NO_VENDOR] = {"server_no_vendor", 1},
	[HR_CLAUSE_UNANSWERED] = {"clause_unanswered", 2},
	[HR_CLAUSE_UNKNOWN] = {"clause_unknown", 2},
	[HR_CLAUSE_NO_PLACE] = {"clause_no_place", 2},
	[HR_CLAUSE_NOT_WRITTEN] = {"clause_not_written", 2},
	[HR_CLAUSE_NO_CONTRACT] = {"clause_no_contract", 2},
	[HR_CLAUSE_OK] = {"clause_ok", 3},
};

void
content_hoshu_release(struct content *c)
{
	struct hoshu *h = &c->hoshu;
	size_t i, j;

	free(h->title);
	free(h->source);
	free(h->staff.question);
	free(h->staff.help);
	free(h->servers.question);
	free(h->servers.help);
	free(h->patching.question);
	free(h->patching.help);
	free(h->written.help);
	free(h->applies);
	free(h->not_applies);
	free(h->needs_contract);
	free(h->incomplete);
	for (i = 0; i < HR__COUNT; i++)
		free(h->reasons[i]);
	for (i = 0; i < h->nitems; i++) {
		struct hoshu_item *it = &h->items[i];

		free(it->number);
		free(it->title);
		free(it->meaning);
		free(it->how);
		free(it->source);
		free(it->request);
		for (j = 0; j < it->nterms; j++)
			free(it->terms[j]);
		free(it->terms);
	}
	free(h->items);
	for (i = 0; i < h->nareas; i++) {
		free(h->areas[i].area);
		free(h->areas[i].question);
		free(h->areas[i].request);
		free(h->areas[i].source);
	}
	free(h->areas);
	memset(h, 0, sizeof(*h));
}

static int
read_question(struct ydoc *d, yaml_node_t *j, const char *key,
	      struct hoshu_question *q, struct err *e)
{
	static const char *const keys[] = {"question", "help", NULL};
	yaml_node_t *m = ydoc_get(d, j, key);

	if (m == NULL)
		return ydoc_error(d, j, e, _("the field '%s' is missing"), key);
	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_str(d, m, "question", true, false, &q->question, e) != 0 ||
	    ydoc_str(d, m, "help", true, false, &q->help, e) != 0)
		return -1;
	return 0;
}

/*
 * judgement.written: the contract question whose answer it is (one that
 * every contract kind is asked, so a vendor with a contract always has
 * it), and the help text.
 */
static int
read_written(struct ydoc *d, yaml_node_t *j, const struct content *c,
	     struct hoshu_written *w, struct err *e)
{
	static const char *const keys[] = {"vendor_question", "help", NULL};
	yaml_node_t *m = ydoc_get(d, j, "written");
	size_t i;

	if (m == NULL)
		return ydoc_error(d, j, e, _("the field '%s' is missing"),
				  "written");
	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_id(d, m, "vendor_question", w->vendor_question, CONTENT_ID_MAX,
		    e) != 0 ||
	    ydoc_str(d, m, "help", true, false, &w->help, e) != 0)
		return -1;
	for (i = 0; i < c->nquestions; i++) {
		if (strcmp(c->questions[i].id, w->vendor_question) == 0)
			break;
	}
	if (i == c->nquestions)
		return ydoc_error(
			d, ydoc_get(d, m, "vendor_question"), e,
			_("'%s' is not a question of common/vendors.yaml"),
			w->vendor_question);
	if (c->questions[i].ncontracts > 0)
		return ydoc_error(
			d, ydoc_get(d, m, "vendor_question"), e,
			_("'%s' is asked only for some contract kinds; name a question without contracts:"),
			w->vendor_question);
	return 0;
}

static int
read_item(struct ydoc *d, yaml_node_t *m, const struct content *c,
	  struct hoshu_item *it, struct err *e)
{
	static const char *const keys[] = {
		"id",  "number", "title",    "meaning", "how", "request",
		"who", "source", "verified", "terms",   "topic", NULL};
	static const char *const whos[] = {"clinic", "vendor", "both"};
	yaml_node_item_t *seq;
	char *who = NULL;
	size_t n, i;

	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_id(d, m, "id", it->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_id_opt(d, m, "topic", it->topic, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(d, m, "number", true, false, &it->number, e) != 0 ||
	    ydoc_str(d, m, "title", true, false, &it->title, e) != 0 ||
	    ydoc_str(d, m, "meaning", true, false, &it->meaning, e) != 0 ||
	    ydoc_str(d, m, "how", true, false, &it->how, e) != 0 ||
	    ydoc_str(d, m, "request", false, false, &it->request, e) != 0 ||
	    ydoc_str(d, m, "who", true, false, &who, e) != 0 ||
	    ydoc_str(d, m, "source", true, false, &it->source, e) != 0 ||
	    ydoc_bool(d, m, "verified", true, &it->verified, e) != 0 ||
	    ydoc_seq(d, m, "terms", false, &seq, &n, e) != 0)
		goto fail;
	for (i = 0; i < 3 && strcmp(who, whos[i]) != 0; i++)
		;
	if (i == 3) {
		ydoc_error(d, ydoc_get(d, m, "who"), e, "%s",
			   _("who must be clinic, vendor or both"));
		goto fail;
	}
	it->who = (enum who)i;
	free(who);
	it->terms = n ? xcalloc(n, sizeof(char *)) : NULL;
	for (i = 0; i < n; i++) {
		yaml_node_t *v = ydoc_node(d, seq[i]);
		const char *s = ydoc_scalar(v);

		if (s == NULL || content_term_find(c, s) == NULL)
			return ydoc_error(
				d, v, e,
				_("the term '%s' is not in common/glossary.yaml"),
				s != NULL ? s : "");
		it->terms[it->nterms++] = xstrdup(s);
	}
	return 0;
fail:
	free(who);
	return -1;
}

static int
read_area(struct ydoc *d, yaml_node_t *m, struct sds_area *a, struct err *e)
{
	static const char *const keys[] = {"id",       "form",    "area",
					   "question", "request", "source",
					   "verified", NULL};
	char *form = NULL;

	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_id(d, m, "id", a->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(d, m, "form", true, false, &form, e) != 0 ||
	    ydoc_str(d, m, "area", true, false, &a->area, e) != 0 ||
	    ydoc_str(d, m, "question", true, false, &a->question, e) != 0 ||
	    ydoc_str(d, m, "request", true, false, &a->request, e) != 0 ||
	    ydoc_str(d, m, "source", true, false, &a->source, e) != 0 ||
	    ydoc_bool(d, m, "verified", true, &a->verified, e) != 0) {
		free(form);
		return -1;
	}
	if (strcmp(form, "mds") != 0 && strcmp(form, "sds") != 0 &&
	    strcmp(form, "both") != 0) {
		free(form);
		return ydoc_error(d, ydoc_get(d, m, "form"), e, "%s",
				  _("form must be mds, sds or both"));
	}
	strcpy(a->form, form);
	free(form);
	return 0;
}

int
content_load_hoshu(struct content *c, const char *dir, struct err *e)
{
	static const char *const top[] = {"volume",  "judgement", "outcomes",
					  "reasons", "items",     "sds_areas",
					  NULL};
	static const char *const vkeys[] = {"title", "source", "verified",
					    NULL};
	static const char *const jkeys[] = {"staff", "servers", "patching",
					    "written", NULL};
	static const char *const okeys[] = {
		"applies", "not_applies", "needs_contract", "incomplete", NULL};
	static const char *rkeys[HR__COUNT + 1];
	struct hoshu *h = &c->hoshu;
	char *path = path_join(dir, "hoshu.yaml");
	struct ydoc d;
	yaml_node_t *root, *v, *j, *o, *rs;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	for (i = 0; i < HR__COUNT; i++)
		rkeys[i] = reason_keys[i].key;
	rkeys[HR__COUNT] = NULL;
	if (ydoc_load(&d, path, e) != 0)
		goto out;
	root = ydoc_root(&d);
	if (ydoc_map_check(&d, root, top, e) != 0)
		goto out;
	v = ydoc_get(&d, root, "volume");
	j = ydoc_get(&d, root, "judgement");
	o = ydoc_get(&d, root, "outcomes");
	rs = ydoc_get(&d, root, "reasons");
	if (ydoc_map_check(&d, v, vkeys, e) != 0 ||
	    ydoc_str(&d, v, "title", true, false, &h->title, e) != 0 ||
	    ydoc_str(&d, v, "source", true, false, &h->source, e) != 0 ||
	    ydoc_bool(&d, v, "verified", true, &h->verified, e) != 0 ||
	    ydoc_map_check(&d, j, jkeys, e) != 0 ||
	    read_question(&d, j, "staff", &h->staff, e) != 0 ||
	    read_question(&d, j, "servers", &h->servers, e) != 0 ||
	    read_question(&d, j, "patching", &h->patching, e) != 0 ||
	    read_written(&d, j, c, &h->written, e) != 0 ||
	    ydoc_map_check(&d, o, okeys, e) != 0 ||
	    ydoc_str(&d, o, "applies", true, false, &h->applies, e) != 0 ||
	    ydoc_str(&d, o, "not_applies", true, false, &h->not_applies, e) !=
		    0 ||
	    ydoc_str(&d, o, "needs_contract", true, false, &h->needs_contract,
		     e) != 0 ||
	    ydoc_str(&d, o, "incomplete", true, false, &h->incomplete, e) !=
		    0 ||
	    ydoc_map_check(&d, rs, rkeys, e) != 0)
		goto out;
	for (i = 0; i < HR__COUNT; i++) {
		if (ydoc_str(&d, rs, reason_keys[i].key, true, false,
			     &h->reasons[i], e) != 0)
			goto out;
		if (strbuf_template_slots(h->reasons[i]) !=
		    reason_keys[i].slots) {
			ydoc_error(
				&d, ydoc_get(&d, rs, reason_keys[i].key), e,
				_("'%s' must hold %d \"%%s\" and no other %% sign"),
				reason_keys[i].key, reason_keys[i].slots);
			goto out;
		}
	}
	if (ydoc_seq(&d, root, "items", true, &seq, &n, e) != 0)
		goto out;
	h->items = xcalloc(n ? n : 1, sizeof(*h->items));
	for (i = 0; i < n; i++) {
		h->nitems = i + 1;
		if (read_item(&d, ydoc_node(&d, seq[i]), c, &h->items[i], e) !=
		    0)
			goto out;
		if (ydoc_unique_id(&d, ydoc_node(&d, seq[i]), h->items[0].id,
				   sizeof(*h->items), i, e) != 0)
			goto out;
	}
	if (ydoc_seq(&d, root, "sds_areas", true, &seq, &n, e) != 0)
		goto out;
	h->areas = xcalloc(n ? n : 1, sizeof(*h->areas));
	for (i = 0; i < n; i++) {
		h->nareas = i + 1;
		if (read_area(&d, ydoc_node(&d, seq[i]), &h->areas[i], e) != 0)
			goto out;
		if (ydoc_unique_id(&d, ydoc_node(&d, seq[i]), h->areas[0].id,
				   sizeof(*h->areas), i, e) != 0)
			goto out;
	}
	r = 0;
out:
	ydoc_release(&d);
	free(path);
	return r;
}

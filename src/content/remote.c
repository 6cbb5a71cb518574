/* common/remote.yaml (line types, risk rules) and vulns/ (known flaws). */
#include "content/load.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

/*
 * The keys of the fields in remote.yaml, and the values a rule may test:
 * only answers that say something ("unknown" is not one), and "open".
 * Fields with no values list are not tested by rules.
 */
static const struct {
	const char *key;
	const char *values[6];
	bool rule;    /* a rule may test it */
	bool unknown; /* the clinic may answer わからない */
	bool answered;
} fields[CF__COUNT] = {
	[CF_LINE] = {"line", {"open", NULL}, true, true, true},
	[CF_LINE_INTERNET] = {"line_internet",
			      {"true", "false", "open", NULL},
			      true, false, false},
	[CF_ALWAYS_ON] = {"always_on", {"yes", "no", "open", NULL}, true, true,
			  true},
	[CF_APPROVER] = {"approver", {NULL}, false, false, true},
	[CF_DEVICE] = {"device", {NULL}, false, false, true},
	[CF_VERSION] = {"version", {NULL}, false, false, true},
	[CF_PATCHER] = {"patcher",
			{"clinic", "vendor", "nobody", "open", NULL},
			true, true, true},
	[CF_LAST_PATCH] = {"last_patch", {NULL}, false, false, true},
	[CF_FACTORY_PW] = {"factory_password_changed",
			   {"yes", "no", "open", NULL},
			   true, true, true},
	[CF_PW_REUSED] = {"password_reused", {"yes", "no", "open", NULL}, true,
			  true, true},
	[CF_TWO_FACTOR] = {"two_factor", {"yes", "no", "open", NULL}, true,
			   true, true},
	[CF_ADMIN_EXPOSED] = {"admin_exposed", {"yes", "no", "open", NULL},
			      true, true, true},
	[CF_PATIENT_DATA] = {"patient_data",
			     {"none", "view", "download", "change", "open"},
			     true, true, true},
	[CF_LOGS] = {"logs", {"reviewed", "kept", "none", "open", NULL}, true,
		     true, true},
	[CF_PATCH_AGE] = {"patch_older_than_days", {NULL}, true, false,
			  false},
};

const char *
content_field_key(enum conn_field f)
{
	if ((unsigned)f >= CF__COUNT)
		BUG("bad field %d", (int)f);
	return fields[f].key;
}

bool
content_field_has_unknown(enum conn_field f)
{
	return (unsigned)f < CF__COUNT && fields[f].unknown;
}

bool
content_field_answered(enum conn_field f)
{
	return (unsigned)f < CF__COUNT && fields[f].answered;
}

static void
free_strs(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
content_remote_release(struct content *c)
{
	size_t i, j;

	for (i = 0; i < c->nlines; i++) {
		free(c->lines[i].label);
		free(c->lines[i].hint);
	}
	free(c->lines);
	for (i = 0; i < c->nrules; i++) {
		struct remote_rule *r = &c->rules[i];

		for (j = 0; j < r->nconds; j++)
			free_strs(r->conds[j].values, r->conds[j].nvalues);
		free(r->conds);
		free(r->title);
		free(r->why);
		free(r->action);
		free(r->request);
		free(r->source);
		free_strs(r->checklist, r->nchecklist);
	}
	free(c->rules);
	for (i = 0; i < CF__COUNT; i++) {
		free(c->cfields[i].label);
		free(c->cfields[i].unknown);
		free(c->cfields[i].why);
		free(c->cfields[i].ask);
	}
	memset(c->cfields, 0, sizeof(c->cfields));
	c->lines = NULL;
	c->rules = NULL;
	c->nlines = c->nrules = 0;
}

void
content_vulns_release(struct content *c)
{
	size_t i, j, k;

	for (i = 0; i < c->nmakers; i++) {
		struct vmaker *m = &c->makers[i];

		for (j = 0; j < m->nproducts; j++) {
			free(m->products[j].label);
			free(m->products[j].hint);
		}
		free(m->products);
		for (j = 0; j < m->nvulns; j++) {
			struct vuln *v = &m->vulns[j];

			for (k = 0; k < v->nranges; k++) {
				free(v->ranges[k].from);
				free(v->ranges[k].to);
				free(v->ranges[k].fixed);
			}
			free(v->ranges);
			free(v->cve);
			free(v->title);
			free(v->condition);
			free(v->allows);
			free(v->action);
			free(v->incident);
			free(v->source);
			free(v->requires);
		}
		free(m->vulns);
		free(m->label);
		free(m->file);
	}
	free(c->makers);
	free(c->vulns_dir);
	c->makers = NULL;
	c->nmakers = 0;
	c->vulns_dir = NULL;
}

static int
read_cond(struct ydoc *d, yaml_node_t *key, yaml_node_t *val,
	  const struct content *c, struct rule_cond *rc, struct err *e)
{
	const char *k = ydoc_scalar(key);
	size_t f, i, j;

	for (f = 0; f < CF__COUNT; f++) {
		if (k != NULL && strcmp(k, fields[f].key) == 0 &&
		    fields[f].rule)
			break;
	}
	if (f == CF__COUNT)
		return ydoc_error(d, key, e, _("unknown field '%s'"),
				  k != NULL ? k : "");
	rc->field = (enum conn_field)f;
	if (f == CF_PATCH_AGE) {
		const char *s = ydoc_scalar(val);
		char *end;

		rc->days = s != NULL ? strtol(s, &end, 10) : 0;
		if (s == NULL || *end != '\0' || rc->days <= 0 ||
		    rc->days > 36500)
			return ydoc_error(
				d, val, e,
				_("the field '%s' must be a number from %ld to %ld"),
				k, 1L, 36500L);
		return 0;
	}
	if (val == NULL || val->type != YAML_SEQUENCE_NODE)
		return ydoc_error(d, val, e, _("the field '%s' must be a list"),
				  k);
	for (i = 0; i < (size_t)(val->data.sequence.items.top -
				 val->data.sequence.items.start);
	     i++) {
		yaml_node_t *v =
			ydoc_node(d, val->data.sequence.items.start[i]);
		const char *s = ydoc_scalar(v);
		bool ok = false;

		if (s != NULL && strcmp(s, "unknown") == 0)
			return ydoc_error(
				d, v, e, "%s",
				_("a rule cannot test 'unknown': the answer \"unknown\" says only that something is not known, never that something is wrong (the field's 'unknown' text under fields: says that)"));
		if (s != NULL && f == CF_LINE)
			ok = content_line_find(c, s) != NULL;
		for (j = 0; s != NULL && fields[f].values[j] != NULL; j++) {
			if (strcmp(s, fields[f].values[j]) == 0)
				ok = true;
		}
		if (!ok)
			return ydoc_error(d, v, e,
					  _("'%s' is not a known id here"),
					  s != NULL ? s : "");
		rc->values = xrealloc(rc->values,
				      (rc->nvalues + 1) * sizeof(char *));
		rc->values[rc->nvalues++] = xstrdup(s);
	}
	return 0;
}

static int
read_rule(struct ydoc *d, yaml_node_t *m, struct content *c,
	  struct remote_rule *r, size_t index, struct err *e)
{
	static const char *const keys[] = {
		"id",     "priority", "owner",     "when",   "title", "why",
		"action", "request",  "checklist", "source", "topic", NULL,
	};
	static const char *const prios[] = {"high", "medium", "low"};
	static const char *const owners[] = {"clinic", "vendor", "both"};
	char *s = NULL;
	yaml_node_t *when;
	yaml_node_pair_t *pr;
	yaml_node_item_t *seq;
	size_t i, n;

	if (ydoc_map_check(d, m, keys, e) != 0 ||
	    ydoc_id(d, m, "id", r->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_id_opt(d, m, "topic", r->topic, CONTENT_ID_MAX, e) != 0)
		return -1;
	if (ydoc_unique_id(d, m, c->rules[0].id, sizeof(*c->rules), index,
			   e) != 0)
		return -1;
	if (ydoc_str(d, m, "priority", true, false, &s, e) != 0)
		return -1;
	for (i = 0; i < 3 && strcmp(s, prios[i]) != 0; i++)
		;
	free(s);
	if (i == 3)
		return ydoc_error(d, ydoc_get(d, m, "priority"), e, "%s",
				  _("priority must be high, medium or low"));
	r->priority = (enum priority)(PRIORITY_HIGH + i);
	if (ydoc_str(d, m, "owner", true, false, &s, e) != 0)
		return -1;
	for (i = 0; i < 3 && strcmp(s, owners[i]) != 0; i++)
		;
	free(s);
	if (i == 3)
		return ydoc_error(d, ydoc_get(d, m, "owner"), e, "%s",
				  _("who must be clinic, vendor or both"));
	r->owner = (enum who)i;
	when = ydoc_get(d, m, "when");
	if (when == NULL || when->type != YAML_MAPPING_NODE ||
	    when->data.mapping.pairs.top == when->data.mapping.pairs.start)
		return ydoc_error(d, when != NULL ? when : m, e, "%s",
				  _("when must list at least one condition"));
	for (pr = when->data.mapping.pairs.start;
	     pr < when->data.mapping.pairs.top; pr++) {
		r->conds =
			xrealloc(r->conds, (r->nconds + 1) * sizeof(*r->conds));
		memset(&r->conds[r->nconds], 0, sizeof(r->conds[0]));
		r->nconds++;
		if (read_cond(d, ydoc_node(d, pr->key), ydoc_node(d, pr->value),
			      c, &r->conds[r->nconds - 1], e) != 0)
			return -1;
	}
	if (ydoc_str(d, m, "title", true, false, &r->title, e) != 0 ||
	    ydoc_str(d, m, "why", true, false, &r->why, e) != 0 ||
	    ydoc_str(d, m, "action", true, false, &r->action, e) != 0 ||
	    ydoc_str(d, m, "request", true, false, &r->request, e) != 0 ||
	    ydoc_str(d, m, "source", true, false, &r->source, e) != 0 ||
	    ydoc_seq(d, m, "checklist", false, &seq, &n, e) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		const char *id = ydoc_scalar(ydoc_node(d, seq[i]));

		if (id == NULL || !ydoc_id_valid(id, CONTENT_ID_MAX))
			return ydoc_error(d, ydoc_node(d, seq[i]), e, "%s",
					  _("from must list item ids"));
		r->checklist = xrealloc(r->checklist,
					(r->nchecklist + 1) * sizeof(char *));
		r->checklist[r->nchecklist++] = xstrdup(id);
	}
	return 0;
}

/* fields: one entry per answered field, every one present. */
static int
read_fields(struct ydoc *d, struct content *c, struct err *e)
{
	static const char *const keys[] = {"id",  "label", "unknown",
					   "why", "ask",   NULL};
	yaml_node_item_t *seq;
	size_t n, i, f;

	if (ydoc_seq(d, ydoc_root(d), "fields", true, &seq, &n, e) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		yaml_node_t *m = ydoc_node(d, seq[i]);
		struct conn_field_text *t;
		const char *id;

		if (ydoc_map_check(d, m, keys, e) != 0)
			return -1;
		id = ydoc_scalar(ydoc_get(d, m, "id"));
		if (id == NULL)
			return ydoc_error(d, m, e,
					  _("the field '%s' is missing"), "id");
		for (f = 0; f < CF__COUNT; f++) {
			if (fields[f].answered && strcmp(id, fields[f].key) == 0)
				break;
		}
		if (f == CF__COUNT)
			return ydoc_error(d, ydoc_get(d, m, "id"), e,
					  _("unknown field '%s'"), id);
		t = &c->cfields[f];
		if (t->label != NULL)
			return ydoc_error(
				d, m, e,
				_("the id '%s' is already used in this file"),
				id);
		if (ydoc_str(d, m, "label", true, false, &t->label, e) != 0 ||
		    ydoc_str(d, m, "unknown", fields[f].unknown, false,
			     &t->unknown, e) != 0 ||
		    ydoc_str(d, m, "why", fields[f].unknown, false, &t->why,
			     e) != 0 ||
		    ydoc_str(d, m, "ask", false, false, &t->ask, e) != 0)
			return -1;
		if (!fields[f].unknown &&
		    (t->unknown != NULL || t->why != NULL))
			return ydoc_error(
				d, m, e,
				_("the field '%s' has no \"unknown\" answer: remove unknown and why"),
				id);
	}
	for (f = 0; f < CF__COUNT; f++) {
		if (fields[f].answered && c->cfields[f].label == NULL)
			return ydoc_error(d, ydoc_get(d, ydoc_root(d), "fields"),
					  e, _("fields: '%s' is missing"),
					  fields[f].key);
	}
	return 0;
}

int
content_load_remote(struct content *c, const char *dir, struct err *e)
{
	static const char *const top[] = {"lines", "fields", "rules", NULL};
	static const char *const lkeys[] = {"id", "label", "internet", "hint",
					    NULL};
	char *path = path_join(dir, "remote.yaml");
	struct ydoc d;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "lines", true, &seq, &n, e) != 0)
		goto out;
	c->lines = xcalloc(n ? n : 1, sizeof(*c->lines));
	for (i = 0; i < n; i++) {
		yaml_node_t *m = ydoc_node(&d, seq[i]);
		struct line_type *l = &c->lines[i];

		c->nlines = i + 1;
		if (ydoc_map_check(&d, m, lkeys, e) != 0 ||
		    ydoc_id(&d, m, "id", l->id, CONTENT_ID_MAX, e) != 0 ||
		    ydoc_str(&d, m, "label", true, false, &l->label, e) != 0 ||
		    ydoc_bool(&d, m, "internet", true, &l->internet, e) != 0 ||
		    ydoc_str(&d, m, "hint", true, false, &l->hint, e) != 0)
			goto out;
		if (ydoc_unique_id(&d, m, c->lines[0].id, sizeof(*c->lines), i,
				   e) != 0)
			goto out;
	}
	if (read_fields(&d, c, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "rules", true, &seq, &n, e) != 0)
		goto out;
	c->rules = xcalloc(n ? n : 1, sizeof(*c->rules));
	for (i = 0; i < n; i++) {
		c->nrules = i + 1;
		if (read_rule(&d, ydoc_node(&d, seq[i]), c, &c->rules[i], i,
			      e) != 0)
			goto out;
	}
	r = 0;
out:
	ydoc_release(&d);
	free(path);
	return r;
}

const struct line_type *
content_line_find(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nlines; i++) {
		if (strcmp(c->lines[i].id, id) == 0)
			return &c->lines[i];
	}
	return NULL;
}

const struct vmaker *
content_maker_find(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nmakers; i++) {
		if (strcmp(c->makers[i].id, id) == 0)
			return &c->makers[i];
	}
	return NULL;
}

const char *
content_vulns_as_of(const struct content *c)
{
	const char *oldest = "";
	size_t i;

	for (i = 0; i < c->nmakers; i++) {
		const char *d = c->makers[i].kev_as_of;

		if (oldest[0] == '\0' || strcmp(d, oldest) < 0)
			oldest = d;
	}
	return oldest;
}

const struct vproduct *
content_product_find(const struct vmaker *m, const char *id)
{
	size_t i;

	for (i = 0; m != NULL && i < m->nproducts; i++) {
		if (strcmp(m->products[i].id, id) == 0)
			return &m->products[i];
	}
	return NULL;
}

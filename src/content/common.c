/* The common/ folder: glossary, vendor lists and questions, contact roles. */
#include "content/load.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

static void
term_release(struct term *t)
{
	free(t->word);
	free(t->reading);
	free(t->text);
}

/* Loads dir/glossary.yaml into terms. */
static int
load_glossary(const char *dir, struct term **terms, size_t *nterms,
	      struct err *e)
{
	static const char *const top_keys[] = {"terms", NULL};
	static const char *const keys[] = {"id", "word", "reading", "text",
					   NULL};
	char *path = path_join(dir, "glossary.yaml");
	struct ydoc d;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	*terms = NULL;
	*nterms = 0;
	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top_keys, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "terms", true, &seq, &n, e) != 0)
		goto out;
	*terms = xcalloc(n ? n : 1, sizeof(**terms));
	for (i = 0; i < n; i++) {
		yaml_node_t *m = ydoc_node(&d, seq[i]);
		struct term *t = &(*terms)[i];

		if (ydoc_map_check(&d, m, keys, e) != 0 ||
		    ydoc_id(&d, m, "id", t->id, CONTENT_ID_MAX, e) != 0 ||
		    ydoc_str(&d, m, "word", true, false, &t->word, e) != 0 ||
		    ydoc_str(&d, m, "reading", false, false, &t->reading, e) !=
			    0 ||
		    ydoc_str(&d, m, "text", true, false, &t->text, e) != 0) {
			*nterms = i + 1;
			goto out;
		}
		if (ydoc_unique_id(&d, m, (*terms)[0].id, sizeof(**terms), i,
				   e) != 0) {
			*nterms = i + 1;
			goto out;
		}
	}
	*nterms = n;
	r = 0;
out:
	if (r != 0) {
		for (i = 0; i < *nterms; i++)
			term_release(&(*terms)[i]);
		free(*terms);
		*terms = NULL;
		*nterms = 0;
	}
	ydoc_release(&d);
	free(path);
	return r;
}

static void
free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
choices_release(struct choice *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].label);
	free(v);
}

static void
question_release(struct vquestion *q)
{
	free(q->number);
	free(q->table_ref);
	free(q->title);
	free(q->question);
	free(q->why);
	free(q->how);
	free(q->request);
	free(q->source);
	free_list(q->contracts, q->ncontracts);
	free_list(q->terms, q->nterms);
	free(q->file);
}

void
content_common_release(struct content *c)
{
	size_t i;

	for (i = 0; i < c->nterms; i++)
		term_release(&c->terms[i]);
	free(c->terms);
	choices_release(c->systems, c->nsystems);
	choices_release(c->contracts, c->ncontracts);
	for (i = 0; i < c->nquestions; i++)
		question_release(&c->questions[i]);
	free(c->questions);
	for (i = 0; i < c->nroles; i++) {
		free(c->roles[i].label);
		free(c->roles[i].hint);
	}
	free(c->roles);
	content_remote_release(c);
	content_conflicts_release(c);
	content_hoshu_release(c);
	content_priority_release(c);
	c->terms = NULL;
	c->systems = c->contracts = NULL;
	c->questions = NULL;
	c->roles = NULL;
	c->nterms = c->nsystems = c->ncontracts = c->nquestions = 0;
	c->nroles = 0;
}

/* Reads a list of {id, label} under key into *out. */
static int
read_choices(struct ydoc *d, yaml_node_t *root, const char *key,
	     struct choice **out, size_t *n, struct err *e)
{
	static const char *const keys[] = {"id", "label", NULL};
	yaml_node_item_t *seq;
	size_t cnt, i;

	if (ydoc_seq(d, root, key, true, &seq, &cnt, e) != 0)
		return -1;
	*out = xcalloc(cnt ? cnt : 1, sizeof(**out));
	for (i = 0; i < cnt; i++) {
		yaml_node_t *m = ydoc_node(d, seq[i]);
		struct choice *ch = &(*out)[i];

		*n = i + 1;
		if (ydoc_map_check(d, m, keys, e) != 0 ||
		    ydoc_id(d, m, "id", ch->id, CONTENT_ID_MAX, e) != 0 ||
		    ydoc_str(d, m, "label", true, false, &ch->label, e) != 0)
			return -1;
		if (ydoc_unique_id(d, m, (*out)[0].id, sizeof(**out), i, e) !=
		    0)
			return -1;
	}
	*n = cnt;
	return 0;
}

/* Reads a list of ids under key (optional); each must pass ok(). */
static int
read_ids(struct ydoc *d, yaml_node_t *m, const char *key, char ***out,
	 size_t *n, bool (*ok)(const struct content *, const char *),
	 const struct content *c, struct err *e)
{
	yaml_node_item_t *seq;
	size_t cnt, i;

	*out = NULL;
	*n = 0;
	if (ydoc_seq(d, m, key, false, &seq, &cnt, e) != 0)
		return -1;
	*out = cnt ? xcalloc(cnt, sizeof(char *)) : NULL;
	for (i = 0; i < cnt; i++) {
		yaml_node_t *v = ydoc_node(d, seq[i]);
		const char *s = ydoc_scalar(v);

		if (s == NULL || !ok(c, s))
			return ydoc_error(d, v, e,
					  _("'%s' is not a known id here"),
					  s != NULL ? s : "");
		(*out)[(*n)++] = xstrdup(s);
	}
	return 0;
}

static bool
is_term(const struct content *c, const char *id)
{
	return content_term_find(c, id) != NULL;
}

static bool
is_contract(const struct content *c, const char *id)
{
	return content_choice_find(c->contracts, c->ncontracts, id) != NULL;
}

static int
read_question(struct ydoc *d, yaml_node_t *m, struct content *c,
	      struct vquestion *q, struct err *e)
{
	static const char *const keys[] = {
		"id",       "number", "table_ref", "title",     "question",
		"why",      "how",    "request",   "contracts", "source",
		"verified", "terms",  "topic",     NULL,
	};
	size_t i;

	if (ydoc_map_check(d, m, keys, e) != 0)
		return -1;
	q->file = xstrdup(d->path);
	q->line = (int)m->start_mark.line + 1;
	if (ydoc_id(d, m, "id", q->id, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_id_opt(d, m, "topic", q->topic, CONTENT_ID_MAX, e) != 0 ||
	    ydoc_str(d, m, "number", true, false, &q->number, e) != 0 ||
	    ydoc_str(d, m, "table_ref", false, false, &q->table_ref, e) != 0 ||
	    ydoc_str(d, m, "title", true, false, &q->title, e) != 0 ||
	    ydoc_str(d, m, "question", true, false, &q->question, e) != 0 ||
	    ydoc_str(d, m, "why", true, false, &q->why, e) != 0 ||
	    ydoc_str(d, m, "how", true, false, &q->how, e) != 0 ||
	    ydoc_str(d, m, "request", true, false, &q->request, e) != 0 ||
	    read_ids(d, m, "contracts", &q->contracts, &q->ncontracts,
		     is_contract, c, e) != 0 ||
	    ydoc_str(d, m, "source", true, false, &q->source, e) != 0 ||
	    ydoc_bool(d, m, "verified", true, &q->verified, e) != 0 ||
	    read_ids(d, m, "terms", &q->terms, &q->nterms, is_term, c, e) != 0)
		return -1;
	for (i = 0; i < (size_t)(q - c->questions); i++) {
		if (strcmp(c->questions[i].id, q->id) == 0)
			return ydoc_error(
				d, m, e,
				_("the id '%s' is already used at %s:%d"),
				q->id, c->questions[i].file,
				c->questions[i].line);
	}
	return 0;
}

static int
load_vendors(struct content *c, const char *dir, struct err *e)
{
	static const char *const top[] = {"systems", "contracts", "questions",
					  NULL};
	char *path = path_join(dir, "vendors.yaml");
	struct ydoc d;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0 ||
	    read_choices(&d, ydoc_root(&d), "systems", &c->systems,
			 &c->nsystems, e) != 0 ||
	    read_choices(&d, ydoc_root(&d), "contracts", &c->contracts,
			 &c->ncontracts, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "questions", true, &seq, &n, e) != 0)
		goto out;
	c->questions = xcalloc(n ? n : 1, sizeof(*c->questions));
	for (i = 0; i < n; i++) {
		c->nquestions = i + 1;
		if (read_question(&d, ydoc_node(&d, seq[i]), c,
				  &c->questions[i], e) != 0)
			goto out;
	}
	r = 0;
out:
	ydoc_release(&d);
	free(path);
	return r;
}

static int
load_contacts(struct content *c, const char *dir, struct err *e)
{
	static const char *const top[] = {"roles", NULL};
	static const char *const keys[] = {"id",   "group",    "label",
					   "hint", "required", NULL};
	char *path = path_join(dir, "contacts.yaml");
	char *group = NULL;
	struct ydoc d;
	yaml_node_item_t *seq;
	size_t n, i;
	int r = -1;

	if (ydoc_load(&d, path, e) != 0 ||
	    ydoc_map_check(&d, ydoc_root(&d), top, e) != 0 ||
	    ydoc_seq(&d, ydoc_root(&d), "roles", true, &seq, &n, e) != 0)
		goto out;
	c->roles = xcalloc(n ? n : 1, sizeof(*c->roles));
	for (i = 0; i < n; i++) {
		yaml_node_t *m = ydoc_node(&d, seq[i]);
		struct contact_role *ro = &c->roles[i];

		c->nroles = i + 1;
		free(group);
		group = NULL;
		if (ydoc_map_check(&d, m, keys, e) != 0 ||
		    ydoc_id(&d, m, "id", ro->id, CONTENT_ID_MAX, e) != 0 ||
		    ydoc_str(&d, m, "group", true, false, &group, e) != 0 ||
		    ydoc_str(&d, m, "label", true, false, &ro->label, e) != 0 ||
		    ydoc_str(&d, m, "hint", true, false, &ro->hint, e) != 0 ||
		    ydoc_bool(&d, m, "required", true, &ro->required, e) != 0)
			goto out;
		if (strcmp(group, "inhouse") != 0 &&
		    strcmp(group, "outside") != 0) {
			ydoc_error(&d, ydoc_get(&d, m, "group"), e, "%s",
				   _("group must be inhouse or outside"));
			goto out;
		}
		ro->outside = strcmp(group, "outside") == 0;
		if (ydoc_unique_id(&d, m, c->roles[0].id, sizeof(*c->roles), i,
				   e) != 0)
			goto out;
	}
	r = 0;
out:
	free(group);
	ydoc_release(&d);
	free(path);
	return r;
}

int
content_load_common(struct content *c, const char *dir, struct err *e)
{
	if (load_glossary(dir, &c->terms, &c->nterms, e) != 0 ||
	    load_vendors(c, dir, e) != 0 || load_contacts(c, dir, e) != 0 ||
	    content_load_remote(c, dir, e) != 0 ||
	    content_load_conflicts(c, dir, e) != 0 ||
	    content_load_hoshu(c, dir, e) != 0 ||
	    content_load_priority(c, dir, e) != 0) {
		content_common_release(c);
		return -1;
	}
	return 0;
}

const struct choice *
content_choice_find(const struct choice *list, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(list[i].id, id) == 0)
			return &list[i];
	}
	return NULL;
}

bool
content_question_applies(const struct vquestion *q, const char *contract)
{
	size_t i;

	if (contract[0] == '\0')
		return true; /* kind not chosen yet: ask everything */
	if (q->ncontracts == 0)
		return strcmp(contract, "none") != 0;
	for (i = 0; i < q->ncontracts; i++) {
		if (strcmp(q->contracts[i], contract) == 0)
			return true;
	}
	return false;
}

const struct contact_role *
content_role_find(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nroles; i++) {
		if (strcmp(c->roles[i].id, id) == 0)
			return &c->roles[i];
	}
	return NULL;
}

#include "model/remote.h"

#include <stdlib.h>
#include <string.h>

#include "model/version.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
connection_release(struct connection *c)
{
	free(c->system);
	free(c->purpose);
	free(c->approver);
	free(c->model);
	free(c->version);
	free(c->memo);
	memset(c, 0, sizeof(*c));
}

void
connection_copy(struct connection *dst, const struct connection *src)
{
	*dst = *src;
	dst->system = dup_or_null(src->system);
	dst->purpose = dup_or_null(src->purpose);
	dst->approver = dup_or_null(src->approver);
	dst->model = dup_or_null(src->model);
	dst->version = dup_or_null(src->version);
	dst->memo = dup_or_null(src->memo);
}

void
connection_list_release(struct connection_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		connection_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void
connection_list_put(struct connection_list *l, const struct connection *c)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].id == c->id) {
			if (&l->v[i] != c) {
				connection_release(&l->v[i]);
				connection_copy(&l->v[i], c);
			}
			return;
		}
	}
	xgrow((void **)&l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	connection_copy(&l->v[l->n++], c);
}

void
connection_list_remove(struct connection_list *l, long id)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].id != id)
			continue;
		connection_release(&l->v[i]);
		memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof(*l->v));
		l->n--;
		return;
	}
}

void
connection_set_text(char **field, const char *s)
{
	free(*field);
	*field = (s != NULL && s[0] != '\0') ? xstrdup(s) : NULL;
}

int
connection_check(const struct connection *c, const struct date *today,
		 struct err *e)
{
	const char *t[] = {c->system, c->purpose, c->approver, c->model,
			   c->version};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (t[i] != NULL && utf8_len(t[i]) > CONN_TEXT_MAX)
			return err_set(e, ERR_INPUT, _("at most %d characters"),
				       CONN_TEXT_MAX);
	}
	if (c->memo != NULL && utf8_len(c->memo) > 1000)
		return err_set(e, ERR_INPUT,
			       _("the memo can be at most %d characters"),
			       1000);
	if (date_is_set(&c->last_patch) && date_cmp(&c->last_patch, today) > 0)
		return err_set(
			e, ERR_INPUT, "%s",
			_("the date of the last update cannot be in the future"));
	return 0;
}

static const char *
or_unknown(const char *v)
{
	return v[0] != '\0' ? v : "unknown";
}

const char *
connection_value(const struct content *ct, const struct connection *c,
		 enum conn_field f)
{
	const struct line_type *l;

	switch (f) {
	case CF_LINE:
		return or_unknown(c->line);
	case CF_LINE_INTERNET:
		l = content_line_find(ct, or_unknown(c->line));
		/* a line nobody knows may well cross the internet */
		return l == NULL || l->internet || strcmp(l->id, "unknown") == 0
			       ? "true"
			       : "false";
	case CF_ALWAYS_ON:
		return or_unknown(c->always_on);
	case CF_PATCHER:
		return or_unknown(c->patcher);
	case CF_FACTORY_PW:
		return or_unknown(c->factory_pw);
	case CF_PW_REUSED:
		return or_unknown(c->pw_reused);
	case CF_TWO_FACTOR:
		return or_unknown(c->two_factor);
	case CF_ADMIN_EXPOSED:
		return or_unknown(c->admin_exposed);
	case CF_PATIENT_DATA:
		return or_unknown(c->patient_data);
	case CF_LOGS:
		return or_unknown(c->logs);
	case CF_FIRMWARE_KNOWN:
		return c->version != NULL && version_valid(c->version)
			       ? "true"
			       : "false";
	case CF_PATCH_AGE:
	case CF__COUNT:
		break;
	}
	BUG("no value for field %d", (int)f);
}

static bool
cond_holds(const struct content *ct, const struct connection *c,
	   const struct rule_cond *rc, const struct date *today)
{
	const char *v;
	size_t i;

	if (rc->field == CF_PATCH_AGE)
		return !date_is_set(&c->last_patch) ||
		       date_to_days(today) - date_to_days(&c->last_patch) >
			       rc->days;
	v = connection_value(ct, c, rc->field);
	for (i = 0; i < rc->nvalues; i++) {
		if (strcmp(v, rc->values[i]) == 0)
			return true;
	}
	return false;
}

static void
add(struct finding_list *out, const struct finding *f)
{
	xgrow((void **)&out->v, &out->alloc, out->n + 1, sizeof(*out->v));
	out->v[out->n++] = *f;
}

static int
cmp_finding(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;

	if ((a->vuln != NULL) != (b->vuln != NULL))
		return a->vuln != NULL ? -1 : 1;
	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	if (a->conn != b->conn)
		return a->conn < b->conn ? -1 : 1; /* list order */
	return 0;
}

void
remote_findings(const struct content *ct, const struct connection_list *l,
		const struct date *today, struct finding_list *out)
{
	size_t i, k, r;

	out->n = 0;
	for (i = 0; i < l->n; i++) {
		const struct connection *c = &l->v[i];
		const struct vmaker *m = content_maker_find(ct, c->maker);

		for (k = 0; m != NULL && c->version != NULL && k < m->nvulns;
		     k++) {
			const struct vuln *v = &m->vulns[k];

			if (strcmp(v->product, c->product) != 0)
				continue;
			for (r = 0; r < v->nranges; r++) {
				struct finding f;

				if (!version_in_range(c->version,
						      v->ranges[r].from,
						      v->ranges[r].to))
					continue;
				memset(&f, 0, sizeof(f));
				f.conn = c;
				f.maker = m;
				f.vuln = v;
				f.range = &v->ranges[r];
				f.priority = PRIORITY_HIGH;
				f.owner = c->vendor ? WHO_VENDOR : WHO_CLINIC;
				add(out, &f);
				break;
			}
		}
		for (k = 0; k < ct->nrules; k++) {
			const struct remote_rule *rule = &ct->rules[k];
			struct finding f;
			bool all = true;

			for (r = 0; r < rule->nconds && all; r++)
				all = cond_holds(ct, c, &rule->conds[r], today);
			if (!all)
				continue;
			memset(&f, 0, sizeof(f));
			f.conn = c;
			f.rule = rule;
			f.priority = rule->priority;
			f.owner = rule->owner;
			add(out, &f);
		}
	}
	/* qsort is not stable: findings compare equal only within one
	 * connection, whose order in the list then does not matter. */
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_finding);
}

void
finding_list_release(struct finding_list *f)
{
	free(f->v);
	f->v = NULL;
	f->n = f->alloc = 0;
}

bool
remote_vulnerable(const struct finding_list *f, long conn_id)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->v[i].vuln != NULL && f->v[i].conn->id == conn_id)
			return true;
	}
	return false;
}

size_t
remote_unknowns(const struct content *ct, const struct connection *c,
		struct strbuf *sb)
{
	struct {
		bool unknown;
		const char *label;
	} q[] = {
		{c->line[0] == '\0' || strcmp(c->line, "unknown") == 0,
		 _("how it connects (line type)")},
		{strcmp(or_unknown(c->always_on), "unknown") == 0,
		 _("whether it is always connected")},
		{c->maker[0] == '\0' && c->model == NULL,
		 _("the device's maker and model")},
		{c->version == NULL || !version_valid(c->version),
		 _("the firmware version")},
		{strcmp(or_unknown(c->patcher), "unknown") == 0,
		 _("who applies the device's updates")},
		{!date_is_set(&c->last_patch), _("when it was last updated")},
		{strcmp(or_unknown(c->factory_pw), "unknown") == 0,
		 _("whether the factory password was changed")},
		{strcmp(or_unknown(c->pw_reused), "unknown") == 0,
		 _("whether its password is used elsewhere")},
		{strcmp(or_unknown(c->two_factor), "unknown") == 0,
		 _("whether two-factor authentication is used")},
		{strcmp(or_unknown(c->admin_exposed), "unknown") == 0,
		 _("whether its admin screen can be reached from the internet")},
		{strcmp(or_unknown(c->patient_data), "unknown") == 0,
		 _("what it can do with patient data")},
		{strcmp(or_unknown(c->logs), "unknown") == 0,
		 _("whether connections are logged and the log checked")},
	};
	size_t i, n = 0;

	(void)ct;
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		if (!q[i].unknown)
			continue;
		if (n++)
			strbuf_addstr(sb, _(", "));
		strbuf_addstr(sb, q[i].label);
	}
	return n;
}

void
remote_label(const struct connection *c, const char *vendor, struct strbuf *sb)
{
	strbuf_addstr(sb, c->system != NULL ? c->system
					    : _("(system not entered)"));
	if (vendor != NULL)
		strbuf_addf(sb, _(" (%s)"), vendor);
}

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

enum field_state
remote_field_state(const struct content *ct, const struct connection *c,
		   enum conn_field f)
{
	const char *key = NULL;

	(void)ct;
	switch (f) {
	case CF_LINE:
	case CF_LINE_INTERNET:
		key = c->line;
		break;
	case CF_ALWAYS_ON:
		key = c->always_on;
		break;
	case CF_APPROVER:
		return c->approver != NULL ? FIELD_SET : FIELD_OPEN;
	case CF_DEVICE:
		return c->maker[0] != '\0' || c->model != NULL ? FIELD_SET
							       : FIELD_OPEN;
	case CF_VERSION:
		return c->version != NULL && version_valid(c->version)
			       ? FIELD_SET
			       : FIELD_OPEN;
	case CF_PATCHER:
		key = c->patcher;
		break;
	case CF_LAST_PATCH:
	case CF_PATCH_AGE:
		return date_is_set(&c->last_patch) ? FIELD_SET : FIELD_OPEN;
	case CF_FACTORY_PW:
		key = c->factory_pw;
		break;
	case CF_PW_REUSED:
		key = c->pw_reused;
		break;
	case CF_TWO_FACTOR:
		key = c->two_factor;
		break;
	case CF_ADMIN_EXPOSED:
		key = c->admin_exposed;
		break;
	case CF_PATIENT_DATA:
		key = c->patient_data;
		break;
	case CF_LOGS:
		key = c->logs;
		break;
	case CF__COUNT:
		BUG("no field %d", (int)f);
	}
	if (key[0] == '\0')
		return FIELD_OPEN;
	return strcmp(key, "unknown") == 0 ? FIELD_UNKNOWN : FIELD_SET;
}

const char *
connection_value(const struct content *ct, const struct connection *c,
		 enum conn_field f)
{
	const struct line_type *l;

	switch (f) {
	case CF_LINE:
		return c->line;
	case CF_LINE_INTERNET:
		if (remote_field_state(ct, c, f) != FIELD_SET)
			return c->line;
		l = content_line_find(ct, c->line);
		return l == NULL || l->internet ? "true" : "false";
	case CF_ALWAYS_ON:
		return c->always_on;
	case CF_PATCHER:
		return c->patcher;
	case CF_FACTORY_PW:
		return c->factory_pw;
	case CF_PW_REUSED:
		return c->pw_reused;
	case CF_TWO_FACTOR:
		return c->two_factor;
	case CF_ADMIN_EXPOSED:
		return c->admin_exposed;
	case CF_PATIENT_DATA:
		return c->patient_data;
	case CF_LOGS:
		return c->logs;
	case CF_APPROVER:
	case CF_DEVICE:
	case CF_VERSION:
	case CF_LAST_PATCH:
	case CF_PATCH_AGE:
	case CF__COUNT:
		break;
	}
	BUG("no value for field %d", (int)f);
}

/* How one condition of a rule stands for a connection. */
enum cond_state {
	COND_NO = 0, /* an answer that does not meet it */
	COND_YES,    /* an answer that meets it */
	COND_OPEN,   /* the field is open or わからない */
};

static enum cond_state
cond_state(const struct content *ct, const struct connection *c,
	   const struct rule_cond *rc, const struct date *today)
{
	enum field_state st = remote_field_state(ct, c, rc->field);
	const char *v;
	size_t i;

	if (rc->field == CF_PATCH_AGE) {
		if (st != FIELD_SET)
			return COND_OPEN;
		return date_to_days(today) - date_to_days(&c->last_patch) >
				       rc->days
			       ? COND_YES
			       : COND_NO;
	}
	for (i = 0; i < rc->nvalues; i++) {
		if (strcmp(rc->values[i], "open") == 0 && st != FIELD_SET)
			return COND_YES;
	}
	if (st != FIELD_SET)
		return COND_OPEN;
	v = connection_value(ct, c, rc->field);
	for (i = 0; i < rc->nvalues; i++) {
		if (strcmp(v, rc->values[i]) == 0)
			return COND_YES;
	}
	return COND_NO;
}

/* True when rule r tests field f (the line for the line's internet, the
 * date for its age). */
static bool
rule_tests(const struct remote_rule *r, enum conn_field f)
{
	size_t i;

	for (i = 0; i < r->nconds; i++) {
		enum conn_field g = r->conds[i].field;

		if (g == f || (f == CF_LINE && g == CF_LINE_INTERNET) ||
		    (f == CF_LAST_PATCH && g == CF_PATCH_AGE))
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

	if ((a->kind == FINDING_DEVICE) != (b->kind == FINDING_DEVICE))
		return a->kind == FINDING_DEVICE ? -1 : 1;
	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	if (a->conn != b->conn)
		return a->conn < b->conn ? -1 : 1; /* list order */
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1; /* facts first */
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1; /* content order */
	return (int)a->field - (int)b->field;
}

/* True when version falls in r: from..to, or for an end-of-life branch
 * every version of from's branch from `from` on. */
static bool
range_hit(const struct vuln_range *r, const char *version)
{
	if (r->eol)
		return version_same_branch(version, r->from) &&
		       version_cmp(version, r->from) >= 0;
	return version_in_range(version, r->from, r->to);
}

/* Every flaw of m's product affecting version (vulns in content order). */
static size_t
affecting(const struct vmaker *m, const char *product, const char *version,
	  const struct vuln ***out)
{
	size_t k, r, n = 0;

	*out = NULL;
	for (k = 0; k < m->nvulns; k++) {
		const struct vuln *v = &m->vulns[k];

		if (strcmp(v->product, product) != 0)
			continue;
		for (r = 0; r < v->nranges; r++) {
			if (range_hit(&v->ranges[r], version)) {
				*out = xrealloc(*out, (n + 1) * sizeof(**out));
				(*out)[n++] = v;
				break;
			}
		}
	}
	return n;
}

bool
remote_advice(const struct vmaker *m, const char *product, const char *version,
	      struct update_advice *a)
{
	const char *cand = version;
	bool moved = false, hit_any = false;
	int round;

	memset(a, 0, sizeof(*a));
	version_branch(version, a->branch, sizeof(a->branch));
	/* Each round: the flaws the candidate still has. A fix on the
	 * candidate's branch raises it to the highest such fix; a flaw whose
	 * fix is on another branch means this branch has none: move there,
	 * and go on from the lowest version the list names there. */
	for (round = 0; round < 64; round++) {
		const char *need = NULL, *away = NULL;
		bool hit = false;
		size_t k, r;

		for (k = 0; k < m->nvulns; k++) {
			const struct vuln *v = &m->vulns[k];

			if (strcmp(v->product, product) != 0)
				continue;
			for (r = 0; r < v->nranges; r++) {
				const char *fx = v->ranges[r].fixed;

				if (!range_hit(&v->ranges[r], cand))
					continue;
				hit = true;
				if (!v->ranges[r].eol &&
				    version_same_branch(fx, cand)) {
					if (need == NULL ||
					    version_cmp(fx, need) > 0)
						need = fx;
				} else if (away == NULL ||
					   version_cmp(fx, away) > 0) {
					away = fx;
				}
			}
		}
		if (!hit)
			break;
		hit_any = true;
		if (away != NULL) {
			moved = true;
			cand = away;
		} else if (version_cmp(need, cand) > 0) {
			cand = need;
		} else {
			/* a "fixed" version inside its own range: the list
			 * cannot say what fixes it */
			cand = NULL;
			break;
		}
	}
	if (round == 64)
		cand = NULL;
	if (!hit_any)
		return false;
	if (!moved) {
		a->target = cand;
	} else {
		a->move_to = cand;
		if (cand != NULL)
			version_branch(cand, a->move_branch,
				       sizeof(a->move_branch));
	}
	return true;
}

/* The most urgent rule that could apply to c once field f is known. */
static enum priority
unknown_priority(const struct content *ct, const struct connection *c,
		 enum conn_field f, const struct date *today)
{
	enum priority best = PRIORITY_LOW;
	size_t k, r;

	for (k = 0; k < ct->nrules; k++) {
		const struct remote_rule *rule = &ct->rules[k];
		bool possible = rule_tests(rule, f);

		for (r = 0; possible && r < rule->nconds; r++)
			possible = cond_state(ct, c, &rule->conds[r], today) !=
				   COND_NO;
		if (possible && rule->priority < best)
			best = rule->priority;
	}
	return best;
}

void
remote_findings(const struct content *ct, const struct connection_list *l,
		const struct date *today, struct finding_list *out)
{
	size_t i, k, r;

	finding_list_release(out);
	for (i = 0; i < l->n; i++) {
		const struct connection *c = &l->v[i];
		const struct vmaker *m = content_maker_find(ct, c->maker);
		struct finding f;

		if (m != NULL && c->version != NULL &&
		    version_valid(c->version)) {
			memset(&f, 0, sizeof(f));
			f.nvulns = affecting(m, c->product, c->version,
					     &f.vulns);
			if (f.nvulns > 0) {
				f.kind = FINDING_DEVICE;
				f.conn = c;
				f.maker = m;
				remote_advice(m, c->product, c->version,
					      &f.advice);
				f.priority = PRIORITY_CRITICAL;
				f.owner = c->vendor ? WHO_VENDOR : WHO_CLINIC;
				add(out, &f);
			}
		}
		for (k = 0; k < ct->nrules; k++) {
			const struct remote_rule *rule = &ct->rules[k];
			bool all = true;

			for (r = 0; r < rule->nconds && all; r++)
				all = cond_state(ct, c, &rule->conds[r],
						 today) == COND_YES;
			if (!all)
				continue;
			memset(&f, 0, sizeof(f));
			f.kind = FINDING_RULE;
			f.conn = c;
			f.rule = rule;
			f.priority = rule->priority;
			f.owner = rule->owner;
			add(out, &f);
		}
		for (k = 0; k < CF__COUNT; k++) {
			enum conn_field fld = (enum conn_field)k;

			if (!content_field_has_unknown(fld) ||
			    remote_field_state(ct, c, fld) != FIELD_UNKNOWN)
				continue;
			memset(&f, 0, sizeof(f));
			f.kind = FINDING_UNKNOWN;
			f.conn = c;
			f.field = fld;
			f.priority = unknown_priority(ct, c, fld, today);
			f.owner = c->vendor ? WHO_VENDOR : WHO_CLINIC;
			add(out, &f);
		}
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_finding);
}

void
finding_list_release(struct finding_list *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i].vulns);
	free(f->v);
	f->v = NULL;
	f->n = f->alloc = 0;
}

const struct finding *
remote_device_finding(const struct finding_list *f, long conn_id)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->v[i].kind == FINDING_DEVICE &&
		    f->v[i].conn->id == conn_id)
			return &f->v[i];
	}
	return NULL;
}

bool
remote_vulnerable(const struct finding_list *f, long conn_id)
{
	return remote_device_finding(f, conn_id) != NULL;
}

size_t
remote_open_fields(const struct content *ct, const struct connection *c,
		   struct strbuf *sb)
{
	size_t k, n = 0;

	for (k = 0; k < CF__COUNT; k++) {
		enum conn_field f = (enum conn_field)k;

		if (!content_field_answered(f) ||
		    remote_field_state(ct, c, f) != FIELD_OPEN)
			continue;
		if (n++)
			strbuf_addstr(sb, _(", "));
		strbuf_addstr(sb, ct->cfields[f].label);
	}
	return n;
}

size_t
remote_questions(const struct content *ct, const struct connection *c,
		 struct strbuf *sb)
{
	size_t k, n = 0;

	for (k = 0; k < CF__COUNT; k++) {
		enum conn_field f = (enum conn_field)k;

		if (!content_field_answered(f) || ct->cfields[f].ask == NULL ||
		    remote_field_state(ct, c, f) == FIELD_SET)
			continue;
		/* what a flaw or a rule already asks is not asked again */
		if (f == CF_VERSION || f == CF_DEVICE) {
			if (remote_field_state(ct, c, CF_VERSION) ==
				    FIELD_SET &&
			    remote_field_state(ct, c, CF_DEVICE) == FIELD_SET)
				continue;
		}
		strbuf_addf(sb, "%s%s", n++ ? "\n" : "", _("- "));
		strbuf_addstr(sb, ct->cfields[f].ask);
	}
	return n;
}

const char *
remote_finding_title(const struct content *ct, const struct finding *f,
		     struct strbuf *sb)
{
	switch (f->kind) {
	case FINDING_DEVICE:
		strbuf_reset(sb);
		strbuf_addf(
			sb,
			_("This device has %zu flaws that attackers already use"),
			f->nvulns);
		return sb->buf;
	case FINDING_RULE:
		return f->rule->title;
	case FINDING_UNKNOWN:
		return ct->cfields[f->field].unknown;
	}
	return "";
}

void
remote_update_text(const struct finding *f, struct strbuf *sb)
{
	const struct update_advice *a = &f->advice;

	if (a->target != NULL)
		strbuf_addf(
			sb,
			_("Update it from %s to %s or later: that version fixes every flaw listed here."),
			f->conn->version, a->target);
	else if (a->move_to != NULL)
		strbuf_addf(
			sb,
			_("The %s series has no version that fixes every flaw listed here: move to the %s series, version %s or later."),
			a->branch, a->move_branch, a->move_to);
	else
		strbuf_addf(
			sb,
			_("This list cannot tell which version fixes every flaw listed here: ask the maker or the vendor which version to update %s to."),
			f->conn->version);
}

void
remote_finding_text(const struct content *ct, const struct finding *f,
		    struct strbuf *sb)
{
	size_t i;

	switch (f->kind) {
	case FINDING_DEVICE:
		strbuf_addf(
			sb,
			_("Version %s of this device has these flaws that attackers already use:"),
			f->conn->version);
		for (i = 0; i < f->nvulns; i++) {
			const struct vuln *v = f->vulns[i];

			strbuf_addf(sb, "\n%s", _("- "));
			strbuf_addf(sb, _("%s (%s)"), v->title, v->cve);
			if (v->condition != NULL)
				strbuf_addf(sb, _(": %s"), v->condition);
			while (sb->len > 0 && sb->buf[sb->len - 1] == '\n')
				strbuf_setlen(sb, sb->len - 1);
		}
		strbuf_addch(sb, '\n');
		remote_update_text(f, sb);
		strbuf_addstr(
			sb,
			_("\nBefore and after the update, have the vendor check for signs of an attack and for unknown users; after it, change the passwords of the device's administrators and VPN users."));
		break;
	case FINDING_RULE:
		strbuf_addf(sb, "%s\n%s", f->rule->why, f->rule->action);
		break;
	case FINDING_UNKNOWN:
		strbuf_addstr(sb, ct->cfields[f->field].why);
		strbuf_addstr(
			sb,
			f->conn->vendor
				? _("Ask the vendor of this connection (the question is on its request sheet), then enter the answer here.")
				: _("Find out in-house or from whoever maintains it, then enter the answer here."));
		break;
	}
	while (sb->len > 0 && sb->buf[sb->len - 1] == '\n')
		strbuf_setlen(sb, sb->len - 1);
}

void
remote_label(const struct connection *c, const char *vendor, struct strbuf *sb)
{
	strbuf_addstr(sb, c->system != NULL ? c->system
					    : _("(system not entered)"));
	if (vendor != NULL)
		strbuf_addf(sb, _(" (%s)"), vendor);
}

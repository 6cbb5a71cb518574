#include "model/remote.h"

#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/version.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/err.h"
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
	case CF_VERSION: {
		char v[64];

		return version_read(c->version, v, sizeof(v)) == 0
			       ? FIELD_SET
			       : FIELD_OPEN;
	}
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
	if (key[0] == 'u' && strcmp(key, "unknown") == 0)
		return FIELD_UNKNOWN;
	return FIELD_SET;
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
	if (st != FIELD_SET) {
		for (i = 0; i < rc->nvalues; i++)
			if (strcmp(rc->values[i], "open") == 0)
				return COND_YES;
		return COND_OPEN;
	}
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

/* One device of remote_flaws: what remote_findings found for it. */
struct remote_flaw {
	const struct vmaker *maker;  /* NULL: an empty slot */
	char *product;               /* owned */
	char version[64];            /* as version_read wrote it */
	const struct vuln **vulns;   /* owned; NULL when none affect it */
	size_t nvulns;
	struct update_advice advice; /* when nvulns > 0 */
};

static size_t
flaw_hash(const struct vmaker *m, const char *product, const char *version)
{
	const char *const part[3] = {m->id, product, version};
	size_t h = 2166136261u, i;
	const unsigned char *p;

	for (i = 0; i < 3; i++) {
		for (p = (const unsigned char *)part[i]; *p != '\0'; p++)
			h = (h ^ *p) * 16777619u;
		h = (h ^ 0xFF) * 16777619u; /* "ab","c" is not "a","bc" */
	}
	return h;
}

/* The slot of (m, product, version) in fc->v, which has room for it. */
static struct remote_flaw *
flaw_slot(struct remote_flaws *fc, const struct vmaker *m,
	  const char *product, const char *version)
{
	size_t i = flaw_hash(m, product, version) & (fc->alloc - 1);

	while (fc->v[i].maker != NULL &&
	       (fc->v[i].maker != m || strcmp(fc->v[i].product, product) != 0 ||
		strcmp(fc->v[i].version, version) != 0))
		i = (i + 1) & (fc->alloc - 1);
	return &fc->v[i];
}

/* Doubles fc's slots (64 at first), keeping the devices. */
static void
flaws_grow(struct remote_flaws *fc)
{
	struct remote_flaw *old = fc->v;
	size_t n = fc->alloc, i;

	fc->alloc = n ? n * 2 : 64;
	fc->v = xcalloc(fc->alloc, sizeof(*fc->v));
	for (i = 0; i < n; i++)
		if (old[i].maker != NULL)
			*flaw_slot(fc, old[i].maker, old[i].product,
				   old[i].version) = old[i];
	free(old);
}

/*
 * The flaws of m's product affecting version (a new array in *vulns, NULL
 * when none) and, when some do, the advice: from fc when it has the
 * device, else evaluated (and kept in fc while it has room).
 */
static size_t
device_flaws(const struct vmaker *m, const char *product, const char *version,
	     struct remote_flaws *fc, const struct vuln ***vulns,
	     struct update_advice *advice)
{
	struct remote_flaw *slot = NULL;
	size_t n;

	if (fc != NULL) {
		if (fc->alloc == 0 ||
		    (fc->n < REMOTE_FLAWS_MAX && (fc->n + 1) * 2 > fc->alloc))
			flaws_grow(fc);
		slot = flaw_slot(fc, m, product, version);
		if (slot->maker != NULL) {
			*vulns = NULL;
			if (slot->nvulns > 0) {
				*vulns = xmalloc(slot->nvulns *
						 sizeof(**vulns));
				memcpy(*vulns, slot->vulns,
				       slot->nvulns * sizeof(**vulns));
				*advice = slot->advice;
			}
			return slot->nvulns;
		}
		if (fc->n >= REMOTE_FLAWS_MAX)
			slot = NULL; /* full: evaluate, do not keep */
	}
	n = affecting(m, product, version, vulns);
	if (n > 0)
		remote_advice(m, product, version, advice);
	if (slot != NULL && strlen(version) < sizeof(slot->version)) {
		slot->maker = m;
		slot->product = xstrdup(product);
		strcpy(slot->version, version);
		slot->nvulns = n;
		if (n > 0) {
			slot->vulns = xmalloc(n * sizeof(*slot->vulns));
			memcpy(slot->vulns, *vulns, n * sizeof(*slot->vulns));
			slot->advice = *advice;
		}
		fc->n++;
	}
	return n;
}

void
remote_flaws_release(struct remote_flaws *fc)
{
	size_t i;

	for (i = 0; i < fc->alloc; i++) {
		free(fc->v[i].product);
		free(fc->v[i].vulns);
	}
	free(fc->v);
	fc->v = NULL;
	fc->n = fc->alloc = 0;
}

void
remote_findings(const struct content *ct, const struct connection_list *l,
		const struct date *today, struct finding_list *out)
{
	remote_findings_cached(ct, l, today, NULL, out);
}

void
remote_findings_cached(const struct content *ct,
		       const struct connection_list *l,
		       const struct date *today, struct remote_flaws *cache,
		       struct finding_list *out)
{
	size_t i, k, r;

	finding_list_release(out);
	for (i = 0; i < l->n; i++) {
		const struct connection *c = &l->v[i];
		const struct vmaker *m = content_maker_find(ct, c->maker);
		struct finding f;

		memset(&f, 0, sizeof(f));
		if (m != NULL &&
		    version_read(c->version, f.version, sizeof(f.version)) ==
			    0) {
			f.nvulns = device_flaws(m, c->product, f.version,
						cache, &f.vulns, &f.advice);
			if (f.nvulns > 0) {
				f.kind = FINDING_DEVICE;
				f.conn = c;
				f.maker = m;
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
		if (sb == NULL) { /* counted only */
			n++;
			continue;
		}
		strbuf_addf(sb, "%s%s", n++ ? "\n" : "", _("- "));
		strbuf_addstr(sb, ct->cfields[f].ask);
	}
	return n;
}

size_t
remote_vuln_lines(const struct finding *f, bool explain, struct strbuf *sb)
{
	size_t i, cond = 0;

	for (i = 0; i < f->nvulns; i++) {
		const struct vuln *v = f->vulns[i];

		strbuf_addf(sb, "\n%s", _("- "));
		strbuf_addf(sb, _("%s (%s)"), v->title, v->cve);
		if (v->requires != NULL) {
			cond++;
			strbuf_addf(sb, _(": applies only when %s is on"),
				    v->requires);
		} else if (explain && v->condition != NULL) {
			strbuf_addf(sb, _(": %s"), v->condition);
		}
		while (sb->len > 0 && sb->buf[sb->len - 1] == '\n')
			strbuf_setlen(sb, sb->len - 1);
	}
	return cond;
}

size_t
remote_feature_question(const struct finding *f, struct strbuf *sb)
{
	size_t i, j, n = 0;

	for (i = 0; i < f->nvulns; i++) {
		const char *r = f->vulns[i]->requires;
		bool seen = false;

		if (r == NULL)
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = f->vulns[j]->requires != NULL &&
			       strcmp(f->vulns[j]->requires, r) == 0;
		if (seen)
			continue;
		strbuf_addf(sb, "%s%s", n++ ? _(", ") : "", r);
	}
	return n;
}

const char *
remote_finding_title(const struct content *ct, const struct finding *f,
		     struct strbuf *sb)
{
	switch (f->kind) {
	case FINDING_DEVICE: {
		size_t i, cond = 0;

		for (i = 0; i < f->nvulns; i++)
			cond += f->vulns[i]->requires != NULL;
		strbuf_reset(sb);
		if (cond == 0)
			strbuf_addf(
				sb,
				_("This device has %zu flaws that attackers already use"),
				f->nvulns);
		else if (cond < f->nvulns)
			strbuf_addf(
				sb,
				_("This device has %zu flaws that attackers already use (%zu of them only when a feature is on)"),
				f->nvulns, cond);
		else
			strbuf_addf(
				sb,
				_("This device's version has %zu flaws that attackers already use, which apply only when a feature is on"),
				f->nvulns);
		return sb->buf;
	}
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
			f->version, a->target);
	else if (a->move_to != NULL)
		strbuf_addf(
			sb,
			_("The %s series has no version that fixes every flaw listed here: move to the %s series, version %s or later."),
			a->branch, a->move_branch, a->move_to);
	else
		strbuf_addf(
			sb,
			_("This list cannot tell which version fixes every flaw listed here: ask the maker or the vendor which version to update %s to."),
			f->version);
}

void
remote_finding_text(const struct content *ct, const struct finding *f,
		    struct strbuf *sb)
{
	switch (f->kind) {
	case FINDING_DEVICE:
		strbuf_addf(
			sb,
			_("Version %s of this device has these flaws that attackers already use:"),
			f->version);
		remote_vuln_lines(f, true, sb);
		strbuf_addch(sb, '\n');
		{
			struct strbuf feat = STRBUF_INIT;

			if (remote_feature_question(f, &feat) > 0)
				strbuf_addf(
					sb,
					_("Ask the vendor whether these features are on: %s. Even when they are off, update the device.\n"),
					feat.buf);
			strbuf_release(&feat);
		}
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

/* The list's date, or false when there is none or it cannot be read. */
static bool
list_date(const struct content *ct, struct date *d)
{
	const char *iso = content_vulns_as_of(ct);
	struct err e = ERR_INIT;

	return iso[0] != '\0' && date_parse(iso, d, &e) == 0;
}

bool
remote_list_date(const struct content *ct, const struct date *today,
		 struct strbuf *sb)
{
	struct strbuf day = STRBUF_INIT;
	struct date d, limit;

	if (!list_date(ct, &d))
		return false;
	date_add_wareki(&day, &d);
	strbuf_addf(sb, _("Known-flaw list: as of %s (CISA KEV)"), day.buf);
	strbuf_release(&day);
	/* six months after the list's date (the day kept, or the month's
	 * last day when it has none) */
	limit = d;
	limit.m += 6;
	if (limit.m > 12) {
		limit.m -= 12;
		limit.y++;
	}
	while (!date_exists(limit.y, limit.m, limit.d))
		limit.d--;
	return date_cmp(today, &limit) > 0;
}

void
remote_list_old_text(bool old, bool where, struct strbuf *sb)
{
	if (old)
		strbuf_addstr(
			sb,
			_("This list is more than six months old: flaws found since then are not in it. "));
	if (where) {
		char *data = path_data_dir();
		char *dir = path_join(data != NULL ? data : ".",
				      "content/vulns");

		strbuf_addf(
			sb,
			_("Get a newer list (the files of a vulns folder) from the vendor or your medical association and put them in %s; the program checks and reads them the next time it starts."),
			dir);
		free(dir);
		free(data);
	} else {
		/* the report goes to vendors: no folder of this computer */
		strbuf_addstr(
			sb,
			_("Get a newer list (the files of a vulns folder) from the vendor or your medical association; where to put it is shown by ? on the remote-maintenance screen."));
	}
}

bool
remote_device_note(const struct content *ct, const struct connection *c,
		   const struct finding_list *f, bool brief, struct strbuf *sb)
{
	const struct vmaker *m;
	struct strbuf day = STRBUF_INIT;
	struct date d;
	char v[64];
	bool has_flaws = false;
	size_t k;

	if (c->maker[0] == '\0' || strcmp(c->maker, "unknown") == 0 ||
	    remote_device_finding(f, c->id) != NULL)
		return false;
	m = content_maker_find(ct, c->maker);
	for (k = 0; m != NULL && k < m->nvulns; k++)
		has_flaws |= strcmp(m->vulns[k].product, c->product) == 0;
	if (m == NULL || content_product_find(m, c->product) == NULL) {
		strbuf_addstr(
			sb,
			_("This maker or product is not in the known-flaw list: ask the vendor whether the device has flaws that attackers use and whether its version is the latest."));
		return true;
	}
	if (version_read(c->version, v, sizeof(v)) != 0) {
		strbuf_addstr(
			sb,
			_("Without the version the list cannot be checked: the version is asked of the vendor."));
		return true;
	}
	if (brief) {
		strbuf_addstr(
			sb,
			has_flaws
				? _("No flaw of the list was found for this version. Whether it is the latest version, ask the vendor.")
				: _("The list has no flaw for this product. Whether its version is the latest, ask the vendor."));
		return true;
	}
	if (list_date(ct, &d))
		date_add_wareki(&day, &d);
	if (has_flaws)
		strbuf_addf(
			sb,
			_("No flaw of this list was found for version %s (list as of %s). Whether it is the latest version, ask the vendor."),
			v, day.buf);
	else
		strbuf_addf(
			sb,
			_("The list has no flaw for this product (as of %s). Whether its version is the latest, ask the vendor."),
			day.buf);
	strbuf_release(&day);
	return true;
}

/*
 * The inventory: a finding only from an answer that says so (every rule,
 * every field), わからない worded as not known, open fields asked; the
 * version a device must be updated to; the vendor's requests.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "model/request.h"
#include "request_fixture.h"
#include "model/version.h"


static struct content c;
static const struct date today = {2026, 11, 25};

/* The findings of k alone (out is released first). */
static void
find(const struct connection *k, struct connection_list *l,
     struct finding_list *out)
{
	connection_list_release(l);
	connection_list_put(l, k);
	remote_findings(&c, l, &today, out);
}

static size_t
count_kind(const struct finding_list *f, enum finding_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++)
		n += f->v[i].kind == kind;
	return n;
}

static bool
has_rule(const struct finding_list *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->v[i].kind == FINDING_RULE &&
		    strcmp(f->v[i].rule->id, id) == 0)
			return true;
	}
	return false;
}

/* The key field of k that field f stores in (NULL for non-key fields). */
static char *
key_of(struct connection *k, enum conn_field f)
{
	switch (f) {
	case CF_LINE:
		return k->line;
	case CF_ALWAYS_ON:
		return k->always_on;
	case CF_PATCHER:
		return k->patcher;
	case CF_FACTORY_PW:
		return k->factory_pw;
	case CF_PW_REUSED:
		return k->pw_reused;
	case CF_TWO_FACTOR:
		return k->two_factor;
	case CF_ADMIN_EXPOSED:
		return k->admin_exposed;
	case CF_PATIENT_DATA:
		return k->patient_data;
	case CF_LOGS:
		return k->logs;
	default:
		return NULL;
	}
}

/* Leaves field f of k open, as if never answered. */
static void
make_open(struct connection *k, enum conn_field f)
{
	char *key = key_of(k, f);

	if (key != NULL) {
		key[0] = '\0';
		return;
	}
	switch (f) {
	case CF_LINE_INTERNET:
		k->line[0] = '\0';
		break;
	case CF_APPROVER:
		connection_set_text(&k->approver, NULL);
		break;
	case CF_DEVICE:
		k->maker[0] = k->product[0] = '\0';
		connection_set_text(&k->model, NULL);
		break;
	case CF_VERSION:
		connection_set_text(&k->version, NULL);
		break;
	case CF_LAST_PATCH:
	case CF_PATCH_AGE:
		k->last_patch = (struct date)DATE_NONE;
		break;
	default:
		abort();
	}
}

static void
test_all_good(void)
{
	struct connection k = fixture_good_connection(1);
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	find(&k, &l, &f);
	for (i = 0; i < f.n; i++)
		printf("  unexpected finding of kind %d\n", f.v[i].kind);
	check_int(f.n, 0);
	check_int(remote_open_fields(&c, &k, &sb), 0);
	check_int(remote_questions(&c, &k, &sb), 0);
	strbuf_release(&sb);
	finding_list_release(&f);
	connection_list_release(&l);
	connection_release(&k);
}

/* Every field open: no finding at all, every field listed as not
 * answered, every question a vendor can answer asked. */
static void
test_all_open(void)
{
	struct connection k;
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t i, answered = 0, asked = 0;

	memset(&k, 0, sizeof(k));
	k.id = 2;
	k.vendor = 7;
	find(&k, &l, &f);
	check_int(f.n, 0);
	for (i = 0; i < CF__COUNT; i++) {
		answered += content_field_answered((enum conn_field)i);
		asked += content_field_answered((enum conn_field)i) &&
			 c.cfields[i].ask != NULL;
	}
	check_int(answered, 13);
	check_int(remote_open_fields(&c, &k, &sb), answered);
	strbuf_reset(&sb);
	check_int(remote_questions(&c, &k, &sb), asked);
	check_true(asked >= 12);
	strbuf_release(&sb);
	finding_list_release(&f);
	connection_list_release(&l);
}

/* わからない in any one field: one finding, worded as not known, never a
 * rule's statement of fact; and one question for the vendor. */
static void
test_unknown_each_field(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t i, seen = 0;

	for (i = 0; i < CF__COUNT; i++) {
		enum conn_field fld = (enum conn_field)i;
		struct connection k;

		if (!content_field_has_unknown(fld))
			continue;
		k = fixture_good_connection(1);
		seen++;
		strcpy(key_of(&k, fld), "unknown");
		find(&k, &l, &f);
		check_int(count_kind(&f, FINDING_RULE), 0);
		check_int(count_kind(&f, FINDING_UNKNOWN), 1);
		if (f.n == 1) {
			check_int(f.v[0].field, fld);
			check_true(strstr(remote_finding_title(&c, &f.v[0], &sb),
					  "わかっていません") != NULL);
		}
		strbuf_reset(&sb);
		check_int(remote_questions(&c, &k, &sb), 1);
		connection_release(&k);
	}
	check_int(seen, 9);
	/* the priority of not knowing: the most urgent rule it could meet
	 * (two-factor on an always-on internet line: high) */
	{
		struct connection k = fixture_good_connection(1);

		strcpy(k.always_on, "yes");
		strcpy(k.two_factor, "unknown");
		find(&k, &l, &f);
		check_true(f.n == 1 && f.v[0].priority == PRIORITY_HIGH);
		strcpy(k.line, "closed-network");
		find(&k, &l, &f); /* no two-factor rule for a closed line */
		check_true(f.n >= 1 && f.v[f.n - 1].kind == FINDING_UNKNOWN &&
			   f.v[f.n - 1].priority == PRIORITY_LOW);
		connection_release(&k);
	}
	strbuf_release(&sb);
	finding_list_release(&f);
	connection_list_release(&l);
}

/* Every rule of the content: met by answers that say so, and not met when
 * any one of the fields it tests is left open or answered わからない. */
static void
test_every_rule(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	size_t r, i, j;

	check_true(c.nrules >= 12);
	for (r = 0; r < c.nrules; r++) {
		const struct remote_rule *rule = &c.rules[r];
		struct connection k = fixture_good_connection(1);

		for (i = 0; i < rule->nconds; i++) {
			const struct rule_cond *rc = &rule->conds[i];
			const char *v = NULL;

			for (j = 0; j < rc->nvalues && v == NULL; j++)
				if (strcmp(rc->values[j], "open") != 0)
					v = rc->values[j];
			if (rc->field == CF_PATCH_AGE)
				k.last_patch = (struct date){2020, 1, 1};
			else if (rc->field == CF_LINE_INTERNET)
				strcpy(k.line, strcmp(v, "true") == 0
						       ? "internet-vpn-device"
						       : "closed-network");
			else if (v != NULL)
				strcpy(key_of(&k, rc->field), v);
			else
				make_open(&k, rc->field);
		}
		find(&k, &l, &f);
		if (!has_rule(&f, rule->id))
			printf("  rule %s not met by its own answers\n",
			       rule->id);
		check_true(has_rule(&f, rule->id));
		for (i = 0; i < rule->nconds; i++) {
			const struct rule_cond *rc = &rule->conds[i];
			struct connection o;
			bool takes_open = false;

			for (j = 0; j < rc->nvalues; j++)
				takes_open = takes_open ||
					     strcmp(rc->values[j], "open") == 0;
			if (takes_open)
				continue;
			connection_copy(&o, &k);
			make_open(&o, rc->field);
			find(&o, &l, &f);
			if (has_rule(&f, rule->id))
				printf("  rule %s met with %s open\n", rule->id,
				       content_field_key(rc->field));
			check_true(!has_rule(&f, rule->id));
			if (key_of(&o, rc->field) != NULL ||
			    rc->field == CF_LINE_INTERNET) {
				strcpy(rc->field == CF_LINE_INTERNET
					       ? o.line
					       : key_of(&o, rc->field),
				       "unknown");
				find(&o, &l, &f);
				if (has_rule(&f, rule->id))
					printf("  rule %s met with %s unknown\n",
					       rule->id,
					       content_field_key(rc->field));
				check_true(!has_rule(&f, rule->id));
			}
			connection_release(&o);
		}
		connection_release(&k);
	}
	finding_list_release(&f);
	connection_list_release(&l);
}

/* A made-up maker, so the update rule is tested apart from real data. */
struct fake {
	struct vmaker m;
	struct vuln v[4];
	struct vuln_range r[8];
};

static void
fake_range(struct fake *x, size_t vi, size_t ri, const char *from,
	   const char *to, const char *fixed)
{
	struct vuln *v = &x->v[vi];

	x->r[ri].from = (char *)from;
	x->r[ri].to = (char *)to;
	x->r[ri].fixed = (char *)fixed;
	if (v->ranges == NULL)
		v->ranges = &x->r[ri];
	v->nranges++;
}

static void
fake_init(struct fake *x, size_t nv)
{
	size_t i;

	memset(x, 0, sizeof(*x));
	for (i = 0; i < nv; i++)
		strcpy(x->v[i].product, "box");
	x->m.vulns = x->v;
	x->m.nvulns = nv;
}

static void
test_advice(void)
{
	struct fake x;
	struct update_advice a;

	/* A on 6.0 fixed in 6.0.5; B on 6.0.5–6.0.15 fixed in 6.0.16; C on
	 * all of 6.0 with no fix there (the list names 6.2.10 as where to
	 * go); on 6.2, B again up to 6.2.11, fixed in 6.2.12 */
	fake_init(&x, 3);
	fake_range(&x, 0, 0, "6.0.0", "6.0.4", "6.0.5");
	fake_range(&x, 1, 1, "6.0.5", "6.0.15", "6.0.16");
	fake_range(&x, 1, 2, "6.2.0", "6.2.11", "6.2.12");
	fake_range(&x, 2, 3, "6.0.0", "6.0.99999", "6.2.10");
	check_true(remote_advice(&x.m, "box", "6.0.4", &a));
	check_true(a.target == NULL);
	check_str(a.branch, "6.0");
	check_str(a.move_branch, "6.2");
	check_str(a.move_to, "6.2.12");
	/* without C: 6.0.5 still has B, so 6.0.16 */
	x.m.nvulns = 2;
	check_true(remote_advice(&x.m, "box", "6.0.4", &a));
	check_str(a.target, "6.0.16");
	check_true(remote_advice(&x.m, "box", "6.0.9", &a));
	check_str(a.target, "6.0.16");
	check_true(!remote_advice(&x.m, "box", "6.0.16", &a));
	check_true(!remote_advice(&x.m, "box", "7.0.1", &a));
	check_true(!remote_advice(&x.m, "other", "6.0.4", &a) ||
		   true); /* product is the caller's filter */
	/* a "fixed" version inside its own range: the list cannot say */
	fake_init(&x, 1);
	fake_range(&x, 0, 0, "1.0.0", "1.0.9", "1.0.3");
	check_true(remote_advice(&x.m, "box", "1.0.4", &a));
	check_true(a.target == NULL && a.move_to == NULL);
	/* hotfix and build forms of the real makers */
	fake_init(&x, 1);
	fake_range(&x, 0, 0, "10.2.0", "10.2.9", "10.2.9-h1");
	check_true(remote_advice(&x.m, "box", "10.2.8-h3", &a));
	check_str(a.target, "10.2.9-h1");
	check_str(a.branch, "10.2");
	fake_init(&x, 1);
	fake_range(&x, 0, 0, "22.7R1", "22.7R2.4", "22.7R2.5");
	check_true(remote_advice(&x.m, "box", "22.7R2.3", &a));
	check_str(a.target, "22.7R2.5");
}

/* The real list: FortiOS 6.0.4 (半田病院) and 7.2.1 get one request
 * each that fixes every listed flaw, never the first flaw's fix alone. */
static void
test_advice_real(void)
{
	const struct vmaker *m = content_maker_find(&c, "fortinet");
	struct update_advice a;
	static const char *const versions[] = {"6.0.4", "7.2.1", "7.0.6",
					       "6.4.9"};
	size_t i, k, r;

	check_true(m != NULL);
	if (m == NULL)
		return;
	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		const char *to;

		check_true(remote_advice(m, "fortigate", versions[i], &a));
		to = a.target != NULL ? a.target : a.move_to;
		check_true(to != NULL);
		if (to == NULL)
			continue;
		/* what it names has no listed flaw */
		for (k = 0; k < m->nvulns; k++)
			for (r = 0; r < m->vulns[k].nranges; r++)
				if (strcmp(m->vulns[k].product, "fortigate") ==
					    0 &&
				    version_in_range(to,
						     m->vulns[k].ranges[r].from,
						     m->vulns[k].ranges[r].to)) {
					printf("  %s -> %s still has %s\n",
					       versions[i], to,
					       m->vulns[k].cve);
					check_true(false);
				}
	}
	check_true(remote_advice(m, "fortigate", "6.0.4", &a));
	check_true(a.target == NULL || strcmp(a.target, "6.0.5") != 0);
	check_true(remote_advice(m, "fortigate", "7.2.1", &a));
	check_true(a.target == NULL || strcmp(a.target, "7.2.2") != 0);
}

/* A device with several flaws is one finding and one request. */
/* A request context on the r8 edition over these answers, connections
 * and findings (no servers). */
static void
r8_ctx(struct request_ctx *x, const struct vanswer_set *va,
       const struct answer_set *as, const struct connection_list *l,
       const struct finding_list *f)
{
	memset(x, 0, sizeof(*x));
	x->content = &c;
	x->edition = content_edition_find(&c, "r8");
	x->vanswers = va;
	x->answers = as;
	x->connections = l;
	x->findings = f;
}

static void
test_requests(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct connection k = fixture_good_connection(1), o;
	struct vendor v7, v8;
	struct vanswer_set va = VANSWER_SET_INIT;
	struct answer_set as = ANSWER_SET_INIT;
	struct request_list rl = REQUEST_LIST_INIT;
	struct request_ctx x;
	size_t i, device = 0, asks = 0;

	connection_set_text(&k.version, "6.0.4");
	memset(&o, 0, sizeof(o));
	o.id = 2;
	o.vendor = 7;
	connection_list_put(&l, &k);
	connection_list_put(&l, &o);
	remote_findings(&c, &l, &today, &f);
	check_int(count_kind(&f, FINDING_DEVICE), 1);
	check_true(f.n > 0 && f.v[0].kind == FINDING_DEVICE &&
		   f.v[0].nvulns >= 3);
	r8_ctx(&x, &va, &as, &l, &f);
	memset(&v7, 0, sizeof(v7));
	memset(&v8, 0, sizeof(v8));
	v7.id = 7;
	v8.id = 8;
	build_counted(&x, &v7, &rl);
	for (i = 0; i < rl.n; i++) {
		if (rl.v[i].kind != REQUEST_REMOTE)
			continue;
		if (strstr(rl.v[i].text, "CVE-2018-13379") != NULL) {
			device++;
			check_true(strstr(rl.v[i].text, "CVE-2024-21762") !=
				   NULL);
		}
		asks += strstr(rl.v[i].text, "\n- ") != NULL &&
			strstr(rl.v[i].text, "CVE-") == NULL;
	}
	check_int(device, 1);
	check_int(asks, 1); /* the open connection's questions, once */
	build_counted(&x, &v8, &rl);
	check_int(rl.n, 0);
	/* a vendor not saved yet (id 0, the new-vendor form) is not the
	 * vendor of a connection, a server or a わからない that has none */
	{
		struct vendor fresh;
		struct server_list sl = SERVER_LIST_INIT;
		struct server sv;
		struct answer a;
		const struct edition *ed = x.edition;

		memset(&fresh, 0, sizeof(fresh));
		k.vendor = 0;
		connection_list_put(&l, &k); /* the flawed device, no vendor */
		finding_list_release(&f);
		remote_findings(&c, &l, &today, &f);
		memset(&sv, 0, sizeof(sv));
		sv.id = 1;
		sv.name = (char *)"受付のサーバ"; /* copied by the list */
		strcpy(sv.kind, "server");
		strcpy(sv.patcher, "vendor");
		sv.vendor = 0;
		server_list_put(&sl, &sv);
		x.servers = &sl;
		memset(&a, 0, sizeof(a));
		a.year = 2026;
		strcpy(a.item_id, ed->items[1].id);
		a.cell = ed->items[1].cells[0];
		a.value = ANSWER_UNKNOWN;
		a.ask = 0; /* 院内 */
		answer_set_put(&as, &a);
		build_counted(&x, &fresh, &rl);
		check_int(rl.n, 0);
		x.servers = NULL;
		server_list_release(&sl);
		answer_set_release(&as);
	}
	request_list_release(&rl);
	finding_list_release(&f);
	connection_list_release(&l);
	connection_release(&k);
}

/* No vendor gets two requests on one topic; the kept one names the rest:
 * the update duty asked by the contract, 保守委託機関編 and a connection;
 * USB media asked by the vendors' form and the checklist. */
static void
test_topics(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct connection k = fixture_good_connection(1);
	struct server sv;
	struct server_list svl = SERVER_LIST_INIT;
	struct vendor v;
	struct vanswer va;
	struct vanswer_set vas = VANSWER_SET_INIT;
	struct answer_set as = ANSWER_SET_INIT;
	struct answer an;
	struct request_list rl = REQUEST_LIST_INIT;
	struct request_ctx x;
	size_t i, j, update = 0, usb = 0;

	strcpy(k.patcher, "nobody"); /* rule nobody-patches: update-duty */
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	memset(&sv, 0, sizeof(sv));
	sv.id = 1;
	sv.name = "電子カルテサーバ";
	strcpy(sv.kind, "server");
	strcpy(sv.patcher, "vendor");
	sv.vendor = 7;
	server_list_put(&svl, &sv);
	memset(&va, 0, sizeof(va));
	va.year = 2026;
	va.vendor = 7;
	strcpy(va.item_id, "security-split");
	va.value = ANSWER_NO;
	vanswer_put(&vas, &va);
	memset(&an, 0, sizeof(an));
	an.year = 2026;
	strcpy(an.item_id, "external-media");
	an.cell = CELL_ALL;
	an.value = ANSWER_UNKNOWN;
	an.ask = 7;
	answer_set_put(&as, &an);
	memset(&v, 0, sizeof(v));
	v.id = 7;
	strcpy(v.contract, "maintenance");
	r8_ctx(&x, &vas, &as, &l, &f);
	x.servers = &svl;
	build_counted(&x, &v, &rl);
	for (i = 0; i < rl.n; i++) {
		for (j = i + 1; j < rl.n; j++)
			if (rl.v[i].topic[0] != '\0' &&
			    strcmp(rl.v[i].topic, rl.v[j].topic) == 0) {
				printf("  two requests on %s\n", rl.v[i].topic);
				check_true(false);
			}
		if (strcmp(rl.v[i].topic, "update-duty") == 0) {
			update++;
			check_int(rl.v[i].kind, REQUEST_CONTRACT);
			check_true(rl.v[i].also != NULL &&
				   strstr(rl.v[i].also, "Remote") != NULL);
		}
		if (strcmp(rl.v[i].topic, "external-media") == 0) {
			usb++;
			check_int(rl.v[i].kind, REQUEST_FORM);
			check_true(rl.v[i].also != NULL &&
				   strstr(rl.v[i].also, "2-⑨") != NULL);
		}
	}
	check_int(update, 1);
	check_int(usb, 1);
	request_list_release(&rl);
	server_list_release(&svl);
	vanswer_set_release(&vas);
	answer_set_release(&as);
	finding_list_release(&f);
	connection_list_release(&l);
	connection_release(&k);
}

/* True when a and b hold the same findings (the same flaws and advice). */
static bool
same_findings(const struct finding_list *a, const struct finding_list *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++) {
		const struct finding *x = &a->v[i], *y = &b->v[i];

		if (x->kind != y->kind || x->conn != y->conn ||
		    x->rule != y->rule || x->field != y->field ||
		    x->maker != y->maker || x->nvulns != y->nvulns ||
		    x->priority != y->priority || x->owner != y->owner ||
		    strcmp(x->version, y->version) != 0 ||
		    (x->nvulns > 0 &&
		     memcmp(x->vulns, y->vulns,
			    x->nvulns * sizeof(*x->vulns)) != 0) ||
		    strcmp(x->advice.branch, y->advice.branch) != 0 ||
		    x->advice.target != y->advice.target ||
		    strcmp(x->advice.move_branch, y->advice.move_branch) != 0 ||
		    x->advice.move_to != y->advice.move_to)
			return false;
	}
	return true;
}

/* The cache of known flaws (aggregate) finds what remote_findings finds,
 * for a device seen again, and when it is full. */
/* Two connections of one vendor whose maintenance records nobody checks,
 * and contract question 13 (the same ask) answered いいえ: one request on
 * remote-log, the contract's, naming both connections. */
static void
test_remote_log_once(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct connection k = fixture_good_connection(1);
	struct vendor v;
	struct vanswer va;
	struct vanswer_set vas = VANSWER_SET_INIT;
	struct answer_set as = ANSWER_SET_INIT;
	struct request_list rl = REQUEST_LIST_INIT;
	struct request_ctx x;
	size_t i, n = 0;

	k.vendor = 7;
	strcpy(k.logs, "kept"); /* rule patient-data-logs */
	connection_list_put(&l, &k);
	k.id = 2;
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	memset(&v, 0, sizeof(v));
	v.id = 7;
	strcpy(v.contract, "maintenance");
	r8_ctx(&x, &vas, &as, &l, &f);
	/* without the contract question: the two connections' requests
	 * become one */
	build_counted(&x, &v, &rl);
	for (i = 0; i < rl.n; i++)
		n += strcmp(rl.v[i].topic, "remote-log") == 0;
	check_int(n, 1);
	/* with it: the contract's request is the one kept */
	memset(&va, 0, sizeof(va));
	va.year = 2026;
	va.vendor = 7;
	strcpy(va.item_id, "remote-access-log");
	va.value = ANSWER_NO;
	vanswer_put(&vas, &va);
	build_counted(&x, &v, &rl);
	for (i = n = 0; i < rl.n; i++) {
		if (strcmp(rl.v[i].topic, "remote-log") != 0)
			continue;
		n++;
		check_int(rl.v[i].kind, REQUEST_CONTRACT);
		check_true(rl.v[i].also != NULL);
	}
	check_int(n, 1);
	request_list_release(&rl);
	vanswer_set_release(&vas);
	finding_list_release(&f);
	connection_list_release(&l);
	connection_release(&k);
}

static void
test_flaws_cache(void)
{
	static const char *const versions[] = {"6.0.4", "7.6.6", "6.0.4",
					       "7.2.1", "v6.0.4", "garbage",
					       "7.0.1", "7.2.1"};
	struct remote_flaws cache = REMOTE_FLAWS_INIT;
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT, g = FINDING_LIST_INIT;
	struct connection k = fixture_good_connection(1);
	char v[32];
	size_t i, round, same = 0;

	for (round = 0; round < 3; round++) {
		connection_list_release(&l);
		for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
			k.id = (long)i + 1;
			connection_set_text(&k.version, versions[i]);
			connection_list_put(&l, &k);
		}
		remote_findings(&c, &l, &today, &f);
		remote_findings_cached(&c, &l, &today, &cache, &g);
		check_true(count_kind(&f, FINDING_DEVICE) >= 3);
		check_true(same_findings(&f, &g));
	}
	check_true(cache.n > 0 && cache.n <= 6);
	for (i = 0; i < REMOTE_FLAWS_MAX + 50; i++) {
		snprintf(v, sizeof(v), "6.%zu.%zu", i % 3, i);
		connection_set_text(&k.version, v);
		find(&k, &l, &f);
		remote_findings_cached(&c, &l, &today, &cache, &g);
		same += same_findings(&f, &g);
	}
	check_int(same, REMOTE_FLAWS_MAX + 50);
	check_int(cache.n, REMOTE_FLAWS_MAX);
	remote_findings_cached(&c, &l, &today, &cache, &g); /* when full */
	check_true(same_findings(&f, &g));
	remote_flaws_release(&cache);
	finding_list_release(&f);
	finding_list_release(&g);
	connection_list_release(&l);
	connection_release(&k);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_content_load(&c) != 0)
		return 1;
	test_all_good();
	test_all_open();
	test_unknown_each_field();
	test_every_rule();
	test_advice();
	test_advice_real();
	test_requests();
	test_topics();
	test_remote_log_once();
	test_flaws_cache();
	content_release(&c);
	return check_done("test_remote");
}

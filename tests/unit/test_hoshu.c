/* 保守委託機関編: the three clinics of issue 11, and what each vendor is asked.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "model/request.h"
#include "request_fixture.h"


static struct content c;

/*
 * One clinic's answers: vendor 1 (アルファメディカル, a maintenance
 * contract), the staff question, the servers, the vendors' answers, and
 * what was last judged and asked.
 */
struct clinic {
	struct vendor_list vl;
	struct server_list sl;
	struct vanswer_set va;
	struct answer_set as; /* the checklist, for the requests */
	struct answer staff;
	struct hoshu_judgement j;
	struct request_list rl;
};

static void
add_server(struct server_list *l, long id, const char *name, const char *kind,
	   const char *patcher, long vendor)
{
	struct server s;

	memset(&s, 0, sizeof(s));
	s.id = id;
	s.name = strdup(name);
	strcpy(s.kind, kind);
	strcpy(s.patcher, patcher);
	s.vendor = vendor;
	server_list_put(l, &s);
	server_release(&s);
}

/*
 * The vendor's answer to the contract question that holds the clause
 * (hoshu.yaml: written.vendor_question): where 保守委託機関編 reads it.
 */
static void
clause(struct vanswer_set *va, long vendor, enum answer_value v,
       const char *where)
{
	struct vanswer a;

	memset(&a, 0, sizeof(a));
	a.year = 2026;
	a.vendor = vendor;
	strcpy(a.item_id, c.hoshu.written.vendor_question);
	a.value = v;
	a.memo = where != NULL ? strdup(where) : NULL;
	vanswer_put(va, &a);
	vanswer_release(&a);
}

static bool
reasons_have(const struct hoshu_judgement *j, const char *text)
{
	size_t i;

	for (i = 0; i < j->n; i++) {
		if (strstr(j->v[i].text, text) != NULL)
			return true;
	}
	return false;
}

/* A clinic with its one vendor and nothing answered. */
static void
clinic_init(struct clinic *k)
{
	struct vendor v;

	*k = (struct clinic){.vl = VENDOR_LIST_INIT,
			     .sl = SERVER_LIST_INIT,
			     .va = VANSWER_SET_INIT,
			     .as = ANSWER_SET_INIT,
			     .j = HOSHU_JUDGEMENT_INIT,
			     .rl = REQUEST_LIST_INIT};
	memset(&v, 0, sizeof(v));
	v.id = 1;
	v.name = strdup("アルファメディカル");
	strcpy(v.contract, "maintenance");
	vendor_list_add(&k->vl, &v);
	vendor_release(&v);
	k->staff.year = 2026;
	strcpy(k->staff.item_id, HOSHU_STAFF_ID);
}

/*
 * Clinic 1 of issue 11, the one that qualifies: no dedicated staff, one
 * server updated by vendor 1, whose contract says so, and where.
 */
static void
clinic_qualifying(struct clinic *k)
{
	clinic_init(k);
	k->staff.value = ANSWER_NO;
	add_server(&k->sl, 1, "電子カルテサーバ", "server", "vendor", 1);
	clause(&k->va, 1, ANSWER_YES, "保守契約書 第12条");
}

/* Judges k with its staff answer; returns the result (also in k->j). */
static enum hoshu_result
judge(struct clinic *k)
{
	hoshu_judge(&c, &k->staff, &k->sl, &k->vl, &k->va, &k->j);
	return k->j.result;
}

/*
 * The qualifying clinic as the requests see it: the clause not written
 * (いいえ), vendor 1's SDS いいえ on the first area, 9章④ (h-9-4) いいえ.
 * x is what request_build() reads (it borrows from k).
 */
static void
clinic_for_requests(struct clinic *k, struct request_ctx *x)
{
	struct answer item;
	struct vanswer sds;

	clinic_qualifying(k);
	clause(&k->va, 1, ANSWER_NO, NULL);
	memset(&sds, 0, sizeof(sds));
	sds.year = 2026;
	sds.vendor = 1;
	strcpy(sds.item_id, c.hoshu.areas[0].id);
	sds.value = ANSWER_NO;
	vanswer_put(&k->va, &sds);
	memset(&item, 0, sizeof(item));
	item.year = 2026;
	strcpy(item.item_id, "h-9-4");
	item.value = ANSWER_NO;
	answer_set_put(&k->as, &item);
	memset(x, 0, sizeof(*x));
	x->content = &c;
	x->edition = content_edition_find(&c, "r8");
	x->vanswers = &k->va;
	x->answers = &k->as;
	x->servers = &k->sl;
}

static void
clinic_release(struct clinic *k)
{
	request_list_release(&k->rl);
	answer_set_release(&k->as);
	hoshu_judgement_release(&k->j);
	server_list_release(&k->sl);
	vanswer_set_release(&k->va);
	vendor_list_release(&k->vl);
}

/* Nothing answered (not even the staff question): not judged yet. */
static void
test_nothing_answered(void)
{
	struct clinic k;

	clinic_init(&k);
	hoshu_judge(&c, NULL, &k.sl, &k.vl, &k.va, &k.j);
	check_int(k.j.result, HOSHU_INCOMPLETE);
	clinic_release(&k);
}

/* Clinic 1 qualifies, and the reasons quote where the contract says so. */
static void
test_qualifies(void)
{
	struct clinic k;

	clinic_qualifying(&k);
	check_int(judge(&k), HOSHU_APPLIES);
	check_true(reasons_have(&k.j, "保守契約書 第12条"));
	clinic_release(&k);
}

/* A PC on which the EMR processes, updated in-house: not, naming the PC. */
static void
test_emr_pc_in_house(void)
{
	struct clinic k;

	clinic_qualifying(&k);
	add_server(&k.sl, 2, "診察室のPC", "local-emr-pc", "clinic", 0);
	check_int(judge(&k), HOSHU_NOT_APPLIES);
	check_true(reasons_have(&k.j, "診察室のPC"));
	clinic_release(&k);
}

/* The clause not known to be written: check the contract, vendor 1 acts. */
static void
test_clause_unknown(void)
{
	struct clinic k;

	clinic_qualifying(&k);
	clause(&k.va, 1, ANSWER_UNKNOWN, NULL);
	check_int(judge(&k), HOSHU_NEEDS_CONTRACT);
	/* the last reason names who must act */
	check_true(k.j.n > 0 && k.j.v[k.j.n - 1].vendor == 1);
	clinic_release(&k);
}

/* The clause written, but nobody can say where: it does not count. */
static void
test_clause_without_where(void)
{
	struct clinic k;

	clinic_qualifying(&k);
	clause(&k.va, 1, ANSWER_YES, NULL);
	check_int(judge(&k), HOSHU_NEEDS_CONTRACT);
	clinic_release(&k);
}

/* Who updates one of the servers is not known: check the contract. */
static void
test_patcher_unknown(void)
{
	struct clinic k;

	clinic_qualifying(&k);
	clause(&k.va, 1, ANSWER_YES, "約款 第5条");
	add_server(&k.sl, 3, "画像サーバ", "server", "unknown", 0);
	check_int(judge(&k), HOSHU_NEEDS_CONTRACT);
	clinic_release(&k);
}

/* Dedicated staff: the volume is not for this clinic. */
static void
test_dedicated_staff(void)
{
	struct clinic k;

	clinic_qualifying(&k);
	clause(&k.va, 1, ANSWER_YES, "約款 第5条");
	k.staff.value = ANSWER_YES;
	check_int(judge(&k), HOSHU_NOT_APPLIES);
	clinic_release(&k);
}

/*
 * The clause not written: the contract question's request is the one
 * request on the topic, and it names the server 保守委託機関編 needs; the
 * SDS area's request stays; 9章④ is merged into the form's two-factor
 * request.
 */
static void
test_requests(void)
{
	struct clinic k;
	struct request_ctx x;
	size_t i, hoshu = 0, duty = 0;
	bool twofa = false, area = false, contract = false;

	clinic_for_requests(&k, &x);
	build_counted(&x, &k.vl.v[0], &k.rl);
	for (i = 0; i < k.rl.n; i++) {
		const struct request *r = &k.rl.v[i];

		/* 9章④ asks what the vendors' form 2-⑩ asks: one request,
		 * the form's, naming 9章④ */
		if (strcmp(r->topic, "two-factor") == 0)
			twofa = r->kind == REQUEST_FORM && r->also != NULL &&
				strstr(r->also, c.hoshu.items[0].title) != NULL;
		if (strcmp(r->topic, "update-duty") == 0) {
			duty++;
			contract = r->kind == REQUEST_CONTRACT &&
				   r->also != NULL &&
				   strstr(r->also, "電子カルテサーバ") != NULL;
		}
		if (r->kind != REQUEST_HOSHU)
			continue;
		hoshu++;
		area = area || strcmp(r->text, c.hoshu.areas[0].request) == 0;
	}
	check_int(duty, 1);
	check_int(hoshu, 1);
	check_true(contract);
	check_true(area);
	check_true(twofa);
	clinic_release(&k);
}

/*
 * はい without the place: the contract question asks nothing (はい), so
 * 保守委託機関編's own request asks where, naming the server.
 */
static void
test_request_where(void)
{
	struct clinic k;
	struct request_ctx x;
	size_t i;
	bool where = false;

	clinic_for_requests(&k, &x);
	clause(&k.va, 1, ANSWER_YES, NULL);
	build_counted(&x, &k.vl.v[0], &k.rl);
	for (i = 0; i < k.rl.n; i++) {
		const struct request *r = &k.rl.v[i];

		if (strcmp(r->topic, "update-duty") == 0)
			where = r->kind == REQUEST_HOSHU &&
				strstr(r->text, "電子カルテサーバ") != NULL &&
				strstr(r->title, "電子カルテサーバ") != NULL;
	}
	check_true(where);
	clinic_release(&k);
}

/* A vendor that updates no server is asked nothing of 保守委託機関編. */
static void
test_requests_other_vendor(void)
{
	struct clinic k;
	struct request_ctx x;
	struct vendor other;
	size_t i;

	clinic_for_requests(&k, &x);
	memset(&other, 0, sizeof(other));
	other.id = 2;
	strcpy(other.contract, "maintenance");
	build_counted(&x, &other, &k.rl);
	for (i = 0; i < k.rl.n; i++)
		check_true(k.rl.v[i].kind != REQUEST_HOSHU);
	clinic_release(&k);
}

/* The reason of template hr with args, as the judgement writes it. */
static bool
has_reason(const struct hoshu_judgement *j, enum hoshu_reason hr,
	   const char *const *args, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	bool found;

	strbuf_add_template(&sb, c.hoshu.reasons[hr], args, n);
	found = reasons_have(j, sb.buf);
	strbuf_release(&sb);
	return found;
}

#define NO_STAFF  (-1) /* no staff answer at all */
#define NO_CLAUSE (-1) /* no answer to the contract question */

/*
 * Every answer of every question, and the judgement it leads to: one row
 * per answer, the others as in the qualifying clinic (no staff, one
 * server updated by vendor 1 with a maintenance contract, the clause
 * written with its place).
 */
static const struct judge_row {
	const char *what;
	int staff;            /* enum answer_value, or NO_STAFF */
	const char *patcher;  /* the server's */
	long vendor;          /* the server's */
	const char *contract; /* vendor 1's contract kind */
	int clause;           /* enum answer_value, or NO_CLAUSE */
	const char *where;    /* the memo of the clause */
	enum hoshu_result want;
	enum hoshu_reason reason; /* the reason it gives */
} judge_rows[] = {
	/* dedicated system staff */
	{"staff not answered", NO_STAFF, "vendor", 1, "maintenance", ANSWER_YES,
	 "第12条", HOSHU_INCOMPLETE, HR_STAFF_UNANSWERED},
	{"staff none", ANSWER_NONE, "vendor", 1, "maintenance", ANSWER_YES,
	 "第12条", HOSHU_INCOMPLETE, HR_STAFF_UNANSWERED},
	{"staff yes", ANSWER_YES, "vendor", 1, "maintenance", ANSWER_YES,
	 "第12条", HOSHU_NOT_APPLIES, HR_STAFF_YES},
	{"staff no", ANSWER_NO, "vendor", 1, "maintenance", ANSWER_YES,
	 "第12条", HOSHU_APPLIES, HR_CLAUSE_OK},
	{"staff don't know", ANSWER_UNKNOWN, "vendor", 1, "maintenance",
	 ANSWER_YES, "第12条", HOSHU_INCOMPLETE, HR_STAFF_UNKNOWN},
	{"staff not applicable (not offered)", ANSWER_NA, "vendor", 1,
	 "maintenance", ANSWER_YES, "第12条", HOSHU_INCOMPLETE,
	 HR_STAFF_UNANSWERED},
	/* who updates the server */
	{"patcher not answered", ANSWER_NO, "", 0, "maintenance", ANSWER_YES,
	 "第12条", HOSHU_INCOMPLETE, HR_SERVER_UNANSWERED},
	{"patcher don't know", ANSWER_NO, "unknown", 0, "maintenance",
	 ANSWER_YES, "第12条", HOSHU_NEEDS_CONTRACT, HR_SERVER_UNKNOWN},
	{"patcher in-house", ANSWER_NO, "clinic", 0, "maintenance", ANSWER_YES,
	 "第12条", HOSHU_NOT_APPLIES, HR_SERVER_SELF},
	{"patcher a vendor, none chosen", ANSWER_NO, "vendor", 0, "maintenance",
	 ANSWER_YES, "第12条", HOSHU_INCOMPLETE, HR_SERVER_NO_VENDOR},
	/* the vendor's contract answer (one source: 事業者と契約) */
	{"clause not answered", ANSWER_NO, "vendor", 1, "maintenance",
	 NO_CLAUSE, NULL, HOSHU_INCOMPLETE, HR_CLAUSE_UNANSWERED},
	{"clause none", ANSWER_NO, "vendor", 1, "maintenance", ANSWER_NONE,
	 NULL, HOSHU_INCOMPLETE, HR_CLAUSE_UNANSWERED},
	{"clause yes with where", ANSWER_NO, "vendor", 1, "maintenance",
	 ANSWER_YES, "第12条", HOSHU_APPLIES, HR_CLAUSE_OK},
	{"clause yes without where", ANSWER_NO, "vendor", 1, "maintenance",
	 ANSWER_YES, NULL, HOSHU_NEEDS_CONTRACT, HR_CLAUSE_NO_PLACE},
	{"clause not written", ANSWER_NO, "vendor", 1, "maintenance", ANSWER_NO,
	 NULL, HOSHU_NOT_APPLIES, HR_CLAUSE_NOT_WRITTEN},
	{"clause not written, a memo", ANSWER_NO, "vendor", 1, "maintenance",
	 ANSWER_NO, "覚書を依頼中", HOSHU_NOT_APPLIES, HR_CLAUSE_NOT_WRITTEN},
	{"clause don't know", ANSWER_NO, "vendor", 1, "maintenance",
	 ANSWER_UNKNOWN, NULL, HOSHU_NEEDS_CONTRACT, HR_CLAUSE_UNKNOWN},
	{"clause not applicable (not offered)", ANSWER_NO, "vendor", 1,
	 "maintenance", ANSWER_NA, "第12条", HOSHU_INCOMPLETE,
	 HR_CLAUSE_UNANSWERED},
	{"vendor without a contract", ANSWER_NO, "vendor", 1, "none",
	 ANSWER_YES, "第12条", HOSHU_NOT_APPLIES, HR_CLAUSE_NO_CONTRACT},
	{"contract kind not chosen", ANSWER_NO, "vendor", 1, "", ANSWER_YES,
	 "第12条", HOSHU_APPLIES, HR_CLAUSE_OK},
	{"a cloud service's terms", ANSWER_NO, "vendor", 1, "cloud", ANSWER_YES,
	 "利用約款 第5条", HOSHU_APPLIES, HR_CLAUSE_OK},
};

static void
test_every_answer(void)
{
	size_t i;

	/* the clause is the contract question's answer, not a second one */
	check_true(hoshu_clause_question(&c) != NULL);
	check_str(hoshu_clause_question(&c)->id, "security-split");
	for (i = 0; i < sizeof(judge_rows) / sizeof(judge_rows[0]); i++) {
		const struct judge_row *t = &judge_rows[i];
		struct clinic k;
		const char *args[3] = {"電子カルテサーバ", "アルファメディカル",
				       t->where};
		size_t nargs = t->reason == HR_CLAUSE_OK           ? 3
			       : t->reason >= HR_CLAUSE_UNANSWERED ? 2
			       : t->reason >= HR_SERVER_SELF       ? 1
								   : 0;

		clinic_init(&k);
		strcpy(k.vl.v[0].contract, t->contract);
		add_server(&k.sl, 1, "電子カルテサーバ", "server", t->patcher,
			   t->vendor);
		if (t->clause != NO_CLAUSE)
			clause(&k.va, 1, (enum answer_value)t->clause,
			       t->where);
		k.staff.value = t->staff == NO_STAFF
					? ANSWER_NONE
					: (enum answer_value)t->staff;
		hoshu_judge(&c, t->staff == NO_STAFF ? NULL : &k.staff, &k.sl,
			    &k.vl, &k.va, &k.j);
		if (k.j.result != t->want ||
		    !has_reason(&k.j, t->reason, args, nargs))
			printf("row \"%s\":\n", t->what);
		check_int(k.j.result, t->want);
		check_true(has_reason(&k.j, t->reason, args, nargs));
		/* an answer that says "not written" is never "not confirmed" */
		if (t->clause == ANSWER_NO)
			check_true(
				!has_reason(&k.j, HR_CLAUSE_UNKNOWN, args, 2));
		clinic_release(&k);
	}
}

/* One 非該当 decides; else one not answered; else one to check. */
static void
test_weights(void)
{
	struct clinic k;

	clinic_qualifying(&k);
	add_server(&k.sl, 2, "画像サーバ", "server", "", 0);
	add_server(&k.sl, 3, "受付のPC", "local-emr-pc", "unknown", 0);
	check_int(judge(&k), HOSHU_INCOMPLETE);
	add_server(&k.sl, 4, "検査サーバ", "server", "clinic", 0);
	check_int(judge(&k), HOSHU_NOT_APPLIES);
	clinic_release(&k);
	clinic_qualifying(&k);
	add_server(&k.sl, 3, "受付のPC", "local-emr-pc", "unknown", 0);
	check_int(judge(&k), HOSHU_NEEDS_CONTRACT);
	clinic_release(&k);
}

/* Which answers each question allows is model/'s rule, not a screen's. */
static void
test_values(void)
{
	enum answer_value v[VANSWER_VALUES_MAX];
	struct err e = ERR_INIT;

	check_int(hoshu_values(HOSHU_ASK_STAFF, v), 3);
	check_int(v[0], ANSWER_NO);
	check_int(v[1], ANSWER_YES);
	check_int(v[2], ANSWER_UNKNOWN);
	check_int(hoshu_values(HOSHU_ASK_ITEM, v), 3);
	check_int(v[0], ANSWER_YES);
	check_int(v[1], ANSWER_NO);
	check_int(v[2], ANSWER_UNKNOWN);
	check_int(hoshu_value_check(HOSHU_ASK_ITEM, ANSWER_UNKNOWN, &e), 0);
	check_int(hoshu_value_check(HOSHU_ASK_ITEM, ANSWER_NA, &e), -1);
	check_int(hoshu_value_check(HOSHU_ASK_STAFF, ANSWER_NONE, &e), -1);
	check_int(vanswer_values(VANSWER_CONTRACT, v), 3);
	check_true(!vanswer_allows(VANSWER_CONTRACT, ANSWER_NA));
	check_true(!vanswer_allows(VANSWER_FORM, ANSWER_NA));
	check_int(vanswer_values(VANSWER_SDS, v), 4);
	check_int(v[3], ANSWER_NA);
	check_true(vanswer_allows(VANSWER_SDS, ANSWER_NA));
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_content_load(&c) != 0)
		return 1;
	test_nothing_answered();
	test_qualifies();
	test_emr_pc_in_house();
	test_clause_unknown();
	test_clause_without_where();
	test_patcher_unknown();
	test_dedicated_staff();
	test_every_answer();
	test_weights();
	test_values();
	test_requests();
	test_request_where();
	test_requests_other_vendor();
	content_release(&c);
	return check_done("test_hoshu");
}

/* 保守委託機関編: the three clinics of issue 11, and what each vendor is asked.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/request.h"
#include "util/paths.h"

static struct content c;

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

static void
clause(struct vanswer_set *va, long vendor, enum answer_value v,
       const char *where)
{
	struct vanswer a;

	memset(&a, 0, sizeof(a));
	a.year = 2026;
	a.vendor = vendor;
	strcpy(a.item_id, HOSHU_CLAUSE_ID);
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

int
main(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct err e = ERR_INIT;
	struct vendor_list vl = VENDOR_LIST_INIT;
	struct vendor v;
	struct server_list sl = SERVER_LIST_INIT;
	struct vanswer_set va = VANSWER_SET_INIT;
	struct answer staff;
	struct hoshu_judgement j = HOSHU_JUDGEMENT_INIT;

	setlocale(LC_ALL, "C.UTF-8");
	if (content_load(&c, roots, &e) != 0) {
		printf("%s\n", e.msg);
		return 1;
	}
	memset(&v, 0, sizeof(v));
	v.id = 1;
	v.name = strdup("アルファメディカル");
	strcpy(v.contract, "maintenance");
	vendor_list_add(&vl, &v);
	vendor_release(&v);
	memset(&staff, 0, sizeof(staff));
	staff.year = 2026;
	strcpy(staff.item_id, HOSHU_STAFF_ID);

	/* nothing answered */
	hoshu_judge(&c, NULL, &sl, &vl, &va, &j);
	check_int(j.result, HOSHU_INCOMPLETE);

	/* 1. a clinic that qualifies: no staff, one server updated by a
	 * vendor whose contract says so, and where */
	staff.value = ANSWER_NO;
	add_server(&sl, 1, "電子カルテサーバ", "server", "vendor", 1);
	clause(&va, 1, ANSWER_YES, "保守契約書 第12条");
	hoshu_judge(&c, &staff, &sl, &vl, &va, &j);
	check_int(j.result, HOSHU_APPLIES);
	check_true(reasons_have(&j, "保守契約書 第12条"));

	/* 2. a PC on which the EMR processes, updated in-house: not */
	add_server(&sl, 2, "診察室のPC", "local-emr-pc", "clinic", 0);
	hoshu_judge(&c, &staff, &sl, &vl, &va, &j);
	check_int(j.result, HOSHU_NOT_APPLIES);
	check_true(reasons_have(&j, "診察室のPC"));
	server_list_remove(&sl, 2);

	/* 3. the clause is not written down: check the contract */
	clause(&va, 1, ANSWER_UNKNOWN, NULL);
	hoshu_judge(&c, &staff, &sl, &vl, &va, &j);
	check_int(j.result, HOSHU_NEEDS_CONTRACT);
	check_true(j.n > 0 && j.v[j.n - 1].vendor == 1); /* who must act */
	/* written, but nobody can say where: it does not count */
	clause(&va, 1, ANSWER_YES, NULL);
	hoshu_judge(&c, &staff, &sl, &vl, &va, &j);
	check_int(j.result, HOSHU_NEEDS_CONTRACT);
	/* who updates a server is not known */
	clause(&va, 1, ANSWER_YES, "約款 第5条");
	add_server(&sl, 3, "画像サーバ", "server", "unknown", 0);
	hoshu_judge(&c, &staff, &sl, &vl, &va, &j);
	check_int(j.result, HOSHU_NEEDS_CONTRACT);
	server_list_remove(&sl, 3);
	/* dedicated staff: the volume is not for this clinic */
	staff.value = ANSWER_YES;
	hoshu_judge(&c, &staff, &sl, &vl, &va, &j);
	check_int(j.result, HOSHU_NOT_APPLIES);
	staff.value = ANSWER_NO;

	/* requests: the clause, an SDS "no", the two-factor item */
	{
		struct answer_set as = ANSWER_SET_INIT;
		struct answer item;
		struct vanswer sds;
		struct request_list rl = REQUEST_LIST_INIT;
		struct request_ctx x;
		size_t i, hoshu = 0;
		bool twofa = false, area = false, contract = false;

		clause(&va, 1, ANSWER_NO, NULL);
		memset(&sds, 0, sizeof(sds));
		sds.year = 2026;
		sds.vendor = 1;
		strcpy(sds.item_id, c.hoshu.areas[0].id);
		sds.value = ANSWER_NO;
		vanswer_put(&va, &sds);
		memset(&item, 0, sizeof(item));
		item.year = 2026;
		strcpy(item.item_id, "h-9-4");
		item.value = ANSWER_NO;
		answer_set_put(&as, &item);
		memset(&x, 0, sizeof(x));
		x.content = &c;
		x.edition = content_edition_find(&c, "r8");
		x.vanswers = &va;
		x.answers = &as;
		x.servers = &sl;
		request_build(&x, &vl.v[0], &rl);
		for (i = 0; i < rl.n; i++) {
			/* 9章④ asks what the vendors' form 2-⑩ asks: one
			 * request, the form's, naming 9章④ */
			if (strcmp(rl.v[i].topic, "two-factor") == 0)
				twofa = rl.v[i].kind == REQUEST_FORM &&
					rl.v[i].also != NULL &&
					strstr(rl.v[i].also,
					       c.hoshu.items[0].title) != NULL;
			if (rl.v[i].kind != REQUEST_HOSHU)
				continue;
			hoshu++;
			contract = contract ||
				   strstr(rl.v[i].text, "電子カルテサーバ") !=
					   NULL;
			area = area || strcmp(rl.v[i].text,
					      c.hoshu.areas[0].request) == 0;
		}
		check_int(hoshu, 2);
		check_true(contract);
		check_true(area);
		check_true(twofa);
		/* a vendor that updates no server is asked nothing of this */
		{
			struct vendor other;

			memset(&other, 0, sizeof(other));
			other.id = 2;
			strcpy(other.contract, "maintenance");
			request_build(&x, &other, &rl);
			for (i = 0; i < rl.n; i++)
				check_true(rl.v[i].kind != REQUEST_HOSHU);
		}
		request_list_release(&rl);
		answer_set_release(&as);
	}
	hoshu_judgement_release(&j);
	server_list_release(&sl);
	vanswer_set_release(&va);
	vendor_list_release(&vl);
	content_release(&c);
	free(root);
	return check_done("test_hoshu");
}

/* Vendors: checks, systems, and which requests go to which vendor. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/request.h"
#include "request_fixture.h"
#include "util/paths.h"


static void
test_check(void)
{
	struct vendor v;
	struct err e = ERR_INIT;

	memset(&v, 0, sizeof(v));
	check_int(vendor_check(&v, &e), -1); /* no name */
	vendor_set_text(&v.name, "アルファメディカル");
	check_int(vendor_check(&v, &e), 0);
	vendor_set_text(&v.phone, "03-1234-5678");
	check_int(vendor_check(&v, &e), 0);
	vendor_set_text(&v.phone, "03-1234-567８"); /* full-width 8 */
	check_int(vendor_check(&v, &e), -1);
	vendor_set_text(&v.phone, "(03) 1234 5678");
	check_int(vendor_check(&v, &e), 0);
	vendor_set_text(&v.email, "sato@alpha.example.jp");
	check_int(vendor_check(&v, &e), 0);
	vendor_set_text(&v.email, "sato@@alpha");
	check_int(vendor_check(&v, &e), -1);
	vendor_set_text(&v.email, "@alpha");
	check_int(vendor_check(&v, &e), -1);
	vendor_set_text(&v.email, NULL);
	vendor_set_text(
		&v.name,
		"あいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこあいうえおかきくけこX");
	check_int(vendor_check(&v, &e), -1); /* 61 characters */

	/* systems: a comma list, toggled */
	check_true(!vendor_has_system(&v, "emr"));
	vendor_toggle_system(&v, "emr");
	vendor_toggle_system(&v, "network");
	check_str(v.systems, "emr,network");
	check_true(vendor_has_system(&v, "network"));
	check_true(!vendor_has_system(&v, "net"));
	vendor_toggle_system(&v, "emr");
	check_str(v.systems, "network");
	vendor_toggle_system(&v, "network");
	check_true(v.systems == NULL);
	check_true(!vendor_has_contract(&v));
	strcpy(v.contract, "none");
	check_true(!vendor_has_contract(&v));
	strcpy(v.contract, "maintenance");
	check_true(vendor_has_contract(&v));
	vendor_release(&v);
}

static struct vanswer
va(long vendor, const char *id, enum answer_value val)
{
	struct vanswer a;

	memset(&a, 0, sizeof(a));
	a.year = 2026;
	a.vendor = vendor;
	strcpy(a.item_id, id);
	a.value = val;
	return a;
}

static void
test_requests(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct content c;
	struct err e = ERR_INIT;
	const struct edition *ed;
	struct vendor a, b, none;
	struct vanswer_set s = VANSWER_SET_INIT;
	struct answer_set ans = ANSWER_SET_INIT;
	struct request_list rl = REQUEST_LIST_INIT;
	struct vendor_progress p;
	struct vanswer x;
	struct answer q;
	struct request_ctx rx;
	size_t i;

	if (content_load(&c, roots, &e) != 0) {
		printf("%s\n", e.msg);
		check_true(0);
		return;
	}
	ed = content_edition_find(&c, "r8");
	rx.content = &c;
	rx.edition = ed;
	rx.vanswers = &s;
	rx.answers = &ans;
	rx.connections = NULL;
	rx.findings = NULL;
	rx.servers = NULL;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&none, 0, sizeof(none));
	a.id = 1;
	b.id = 2;
	none.id = 3;
	strcpy(a.contract, "maintenance");
	strcpy(b.contract, "cloud");
	strcpy(none.contract, "none");

	/* a: one いいえ and one わからない; every form item confirmed but one
	 */
	x = va(1, "security-split", ANSWER_NO);
	vanswer_put(&s, &x);
	x = va(1, "vuln-notice", ANSWER_UNKNOWN);
	vanswer_put(&s, &x);
	x = va(1, "sla-response", ANSWER_YES);
	vanswer_put(&s, &x);
	for (i = 0; i < ed->nvitems; i++) {
		x = va(1, ed->vitems[i].id,
		       i == 2 ? ANSWER_UNKNOWN : ANSWER_YES);
		vanswer_put(&s, &x);
	}
	/* b: its own いいえ */
	x = va(2, "contract-end-data", ANSWER_NO);
	vanswer_put(&s, &x);
	/* a checklist item asked of b */
	memset(&q, 0, sizeof(q));
	q.year = 2026;
	strcpy(q.item_id, "backup");
	q.value = ANSWER_UNKNOWN;
	q.ask = 2;
	answer_set_put(&ans, &q);

	build_counted(&rx, &a, &rl);
	check_int(rl.n, 3);
	if (rl.n == 3) {
		check_int(rl.v[0].kind, REQUEST_CONTRACT);
		check_str(rl.v[0].ref, "1");
		check_int(rl.v[1].kind, REQUEST_CONTRACT);
		check_int(rl.v[2].kind, REQUEST_FORM);
		check_str(rl.v[2].ref, ed->vitems[2].number);
		check_true(strcmp(rl.v[2].text, ed->vitems[2].ask) == 0);
	}
	build_counted(&rx, &b, &rl);
	/* 1 contract + every form item (nothing returned) + the checklist item
	 */
	check_int(rl.n, 1 + ed->nvitems + 1);
	if (rl.n > 1) {
		check_int(rl.v[rl.n - 1].kind, REQUEST_CHECKLIST);
		check_true(strstr(rl.v[rl.n - 1].text, "3-②") != NULL);
	}
	/* no contract: no questions apply, no vendor form */
	build_counted(&rx, &none, &rl);
	check_int(rl.n, 0);
	request_progress(&rx, &none, &p);
	check_int(p.questions, 0);
	check_int(p.form, 0);
	request_progress(&rx, &a, &p);
	check_int(p.answered, 3);
	check_int(p.form, ed->nvitems);
	check_int(p.confirmed, ed->nvitems - 1);
	check_int(p.requests, 3);
	/* questions limited to maintenance/lease do not apply to a cloud */
	request_progress(&rx, &b, &p);
	request_progress(&rx, &a, &p);
	{
		struct vendor_progress pb;

		request_progress(&rx, &b, &pb);
		check_true(pb.questions < p.questions);
	}
	request_list_release(&rl);
	answer_set_release(&ans);
	vanswer_set_release(&s);
	content_release(&c);
	free(root);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_check();
	test_requests();
	return check_done("test_vendor");
}

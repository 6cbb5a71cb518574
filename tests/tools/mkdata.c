/*
 * iryosec-mkdata [--previous] DB: writes a full, fixed data set for the report
 * tests and the benchmark: a clinic with every R8 item answered, 10 vendors
 * with their answers, 20 remote-maintenance connections (one on a FortiOS with
 * a known exploited flaw), 3 servers of 保守委託機関編, every contact.
 * --previous adds last year (2025, the R7 edition): every item with an
 * even index in R7 いいえ with 目標日 2026-03-31, the others はい, for the
 * comparison with last year. IRYOSEC_TODAY fixes "today" as for the
 * program. Exit 0, or 1 with a message.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "store/store.h"
#include "util/paths.h"
#include "util/sys.h"

static struct store *st;
static struct err e = ERR_INIT;

static void
check(int r, const char *what)
{
	if (r != 0) {
		fprintf(stderr, "iryosec-mkdata: %s: %s (%s)\n", what, e.msg,
			e.detail);
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct content c;
	const struct edition *ed;
	struct facility f;
	struct date today;
	size_t i, k;
	long vendor_ids[10];
	int previous = argc == 3 && strcmp(argv[1], "--previous") == 0;

	if (argc != 2 && !previous) {
		fprintf(stderr, "usage: iryosec-mkdata [--previous] DB\n");
		return 2;
	}
	argv += previous;
	setlocale(LC_ALL, "C.UTF-8");
	sys_today(&today.y, &today.m, &today.d);
	check(content_load(&c, roots, &e), "content");
	ed = content_edition_find(&c, "r8");
	check(store_open(&st, argv[1], STORE_CREATE, NULL, &e), "open");

	memset(&f, 0, sizeof(f));
	facility_set_text(&f.name, "医療法人社団 試験会 みどりの森クリニック");
	f.type = FACILITY_CLINIC_BEDS;
	facility_set_text(&f.manager, "森田 一郎");
	facility_set_text(&f.officer, "森田 花子");
	facility_set_text(&f.checker, "事務長 田中 三郎");
	facility_set_text(&f.health_center, "みどり保健所");
	f.year = 2026;
	strcpy(f.edition, "r8");
	check(store_facility_save(st, &f, &e), "facility");
	facility_release(&f);

	for (i = 0; i < 10; i++) {
		struct vendor v;
		char name[80], phone[40];
		static const char *const sys[] = {"emr", "receipt", "imaging",
						  "lab", "network"};
		static const char *const kinds[] = {
			"maintenance", "cloud", "lease", "maintenance", "none"};

		memset(&v, 0, sizeof(v));
		snprintf(name, sizeof(name),
			 "株式会社テスト%zu号メディカルシステムズ", i + 1);
		snprintf(phone, sizeof(phone), "03-0000-%04zu", i + 1);
		vendor_set_text(&v.name, name);
		vendor_set_text(&v.contact, "担当 太郎");
		vendor_set_text(&v.phone, phone);
		vendor_set_text(&v.email, "support@example.jp");
		vendor_toggle_system(&v, sys[i % 5]);
		if (i % 3 == 0)
			vendor_toggle_system(&v, "network");
		strcpy(v.contract, kinds[i % 5]);
		check(store_vendor_put(st, &v, &e), "vendor");
		vendor_ids[i] = v.id;
		/* contract questions: a different pattern for each */
		for (k = 0; k < c.nquestions; k++) {
			struct vanswer a;

			memset(&a, 0, sizeof(a));
			a.year = 2026;
			a.vendor = v.id;
			strcpy(a.item_id, c.questions[k].id);
			a.value = (k + i) % 4 == 0   ? ANSWER_NO
				  : (k + i) % 4 == 1 ? ANSWER_UNKNOWN
						     : ANSWER_YES;
			/* vendor 3 (a lease) fixes the days to apply updates
			 * but not who updates: two contract answers that
			 * contradict each other (conflicts.yaml) */
			if (i == 2 &&
			    strcmp(c.questions[k].id, "security-split") == 0)
				a.value = ANSWER_NO;
			check(store_vanswer_put(st, &a, &e), "vendor answer");
		}
		for (k = 0; k < ed->nvitems; k++) {
			struct vanswer a;

			if ((k + i) % 3 == 0)
				continue; /* not returned */
			memset(&a, 0, sizeof(a));
			a.year = 2026;
			a.vendor = v.id;
			strcpy(a.item_id, ed->vitems[k].id);
			a.value = (k + i) % 3 == 1 ? ANSWER_YES : ANSWER_NO;
			check(store_vanswer_put(st, &a, &e), "vendor form");
		}
		for (k = 0; k < c.hoshu.nareas; k++) {
			struct vanswer a;

			memset(&a, 0, sizeof(a));
			a.year = 2026;
			a.vendor = v.id;
			strcpy(a.item_id, c.hoshu.areas[k].id);
			a.value = k % 5 == 0   ? ANSWER_NO
				  : k % 5 == 1 ? ANSWER_NA
					       : ANSWER_YES;
			if (k % 10 == 0)
				a.memo =
					"事業者の回答を受け、当院では外部記録媒体の持ち出しを禁止して対応する。立入検査では運用記録で説明する。";
			check(store_vanswer_put(st, &a, &e), "sds");
		}
		vendor_release(&v);
	}

	/* every item of R8, every cell: yes, no, don't know, not applicable */
	for (i = 0; i < ed->nitems; i++) {
		const struct item *it = &ed->items[i];

		for (k = 0; k < it->ncells; k++) {
			struct answer a;

			memset(&a, 0, sizeof(a));
			a.year = 2026;
			strcpy(a.item_id, it->id);
			a.cell = it->cells[k];
			a.value = it->gate     ? ANSWER_YES
				  : i % 4 == 1 ? ANSWER_NO
				  : i % 4 == 2 ? ANSWER_UNKNOWN
				  : (i % 4 == 3 && it->na != NULL) ? ANSWER_NA
								   : ANSWER_YES;
			a.checked = today;
			if (a.value == ANSWER_NO || a.value == ANSWER_UNKNOWN)
				a.target = (struct date){2027, 3,
							 (int)(1 + i % 28)};
			if (a.value == ANSWER_UNKNOWN)
				a.ask = vendor_ids[i % 10];
			if (i % 5 == 0)
				answer_set_text(
					&a.memo,
					"院長と相談し、来月の会議で方針を決める。担当者は事務長。");
			check(store_answer_put(st, &a, &e), "answer");
			answer_release(&a);
		}
	}

	if (previous) {
		const struct edition *r7 = content_edition_find(&c, "r7");

		check(store_year_edition_put(st, 2025, "r7", &e), "2025");
		for (i = 0; i < r7->nitems; i++) {
			const struct item *it = &r7->items[i];

			for (k = 0; k < it->ncells; k++) {
				struct answer a;

				memset(&a, 0, sizeof(a));
				a.year = 2025;
				strcpy(a.item_id, it->id);
				a.cell = it->cells[k];
				a.value = it->gate || i % 2 ? ANSWER_YES
							    : ANSWER_NO;
				a.checked = (struct date){2025, 10, 1};
				if (a.value == ANSWER_NO)
					a.target = (struct date){2026, 3, 31};
				check(store_answer_put(st, &a, &e), "2025");
				answer_release(&a);
			}
		}
	}

	/* 20 connections: the first on a FortiOS with a known flaw */
	for (i = 0; i < 20; i++) {
		struct connection k2;
		static const char *const lines[] = {
			"internet-vpn-device", "closed-network",
			"remote-desktop", "internet-vpn-software"};
		char sysname[40], ver[20];

		memset(&k2, 0, sizeof(k2));
		snprintf(sysname, sizeof(sysname), "システム%zu", i + 1);
		connection_set_text(&k2.system, sysname);
		k2.vendor = vendor_ids[i % 10];
		connection_set_text(&k2.purpose, "定期保守と障害対応");
		strcpy(k2.line, lines[i % 4]);
		strcpy(k2.always_on, i % 2 ? "no" : "yes");
		connection_set_text(&k2.approver, "事務長");
		strcpy(k2.patcher, i % 5 == 4 ? "unknown" : "vendor");
		k2.last_patch = (struct date){2026, 1 + (int)(i % 9), 10};
		strcpy(k2.factory_pw, i % 3 ? "yes" : "unknown");
		strcpy(k2.pw_reused, "no");
		strcpy(k2.two_factor, i % 4 ? "yes" : "no");
		strcpy(k2.admin_exposed, "no");
		strcpy(k2.patient_data, "view");
		strcpy(k2.logs, i % 2 ? "reviewed" : "kept");
		strcpy(k2.maker, "fortinet");
		strcpy(k2.product, "fortigate");
		connection_set_text(&k2.model, "FortiGate 60F");
		snprintf(ver, sizeof(ver), "%s", i == 0 ? "6.0.4" : "7.6.6");
		connection_set_text(&k2.version, ver);
		check(store_connection_put(st, &k2, &e), "connection");
		connection_release(&k2);
	}

	/* 保守委託機関編: three servers, two vendors, one clause written */
	{
		struct server sv;
		struct answer staff;
		struct vanswer cl;
		static const char *const names[] = {
			"電子カルテサーバ", "画像サーバ", "受付のレセコンPC"};

		for (i = 0; i < 3; i++) {
			memset(&sv, 0, sizeof(sv));
			sv.name = (char *)names[i];
			strcpy(sv.kind, i == 2 ? "local-emr-pc" : "server");
			strcpy(sv.patcher, "vendor");
			sv.vendor = vendor_ids[i % 2];
			check(store_server_put(st, &sv, &e), "server");
		}
		memset(&staff, 0, sizeof(staff));
		staff.year = 2026;
		strcpy(staff.item_id, HOSHU_STAFF_ID);
		staff.value = ANSWER_NO;
		check(store_answer_put(st, &staff, &e), "staff");
		memset(&cl, 0, sizeof(cl));
		cl.year = 2026;
		cl.vendor = vendor_ids[0];
		/* the clause is the contract question's answer, with where */
		strcpy(cl.item_id, c.hoshu.written.vendor_question);
		cl.value = ANSWER_YES;
		cl.memo = "保守契約書 第12条";
		check(store_vanswer_put(st, &cl, &e), "clause");
	}

	for (i = 0; i < c.nroles; i++) {
		static const char *const people[] = {
			"受付 山本 由美",      "森田 花子",
			"森田 一郎",           "事務長 田中 三郎",
			"みどり保健所 医事課", "県警 サイバー相談窓口",
		};
		struct contact ct;

		memset(&ct, 0, sizeof(ct));
		strcpy(ct.role, c.roles[i].id);
		ct.name = (char *)people[i % 6];
		ct.phone = "03-1234-5678";
		ct.note = "平日 9時〜17時";
		check(store_contact_put(st, &ct, &e), "contact");
	}
	store_close(st);
	content_release(&c);
	free(root);
	return 0;
}

/*
 * Export and import (src/xfer/): CSV cells and the CSV transcript, the
 * JSON round trip (export, import into a new file, export again: the same
 * bytes), refusals with the exact line and field, a file from a newer
 * iryosec, an edition this program lacks, and an import that fails half
 * way changing nothing.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "fixture.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "xfer/xfer.h"

static struct content c;
static const struct date today = {2026, 11, 25};

static struct store *
open_db(const char *name)
{
	struct store *st = NULL;
	struct err e = ERR_INIT;
	char *p = fixture_path(name);

	if (store_open(&st, p, STORE_CREATE | STORE_LOCK, NULL, &e) != 0) {
		printf("FAIL open %s: %s\n", name, e.msg);
		exit(1);
	}
	free(p);
	return st;
}

static void
ok(int r, const struct err *e, const char *what)
{
	if (r != 0)
		printf("  (%s: %s)\n", what, e->msg);
	check_int(r, 0);
}

static struct answer
mk_answer(int year, const char *item, enum cell cell, enum answer_value v)
{
	struct answer a;

	memset(&a, 0, sizeof(a));
	a.year = year;
	snprintf(a.item_id, sizeof(a.item_id), "%s", item);
	a.cell = cell;
	a.value = v;
	return a;
}

/*
 * A clinic with two years (R7 and R8), a hole in the vendor ids (one
 * deleted), an answer asked of a vendor, memos that look like formulas
 * and hold quotes, vendor answers, a connection, a server and a contact.
 */
static void
fill(struct store *st)
{
	struct err e = ERR_INIT;
	struct facility f;
	struct vendor v[3];
	struct answer a;
	struct vanswer va;
	struct connection k;
	struct server sv;
	struct contact ct;
	const struct edition *r8 = content_edition_find(&c, "r8");
	const struct item *ledger = content_item_find(r8, "device-ledger");
	size_t i;

	memset(&f, 0, sizeof(f));
	facility_set_text(&f.name, "テスト診療所");
	f.type = FACILITY_CLINIC;
	facility_set_text(&f.manager, "山田 太郎");
	f.year = 2026;
	strcpy(f.edition, "r8");
	ok(store_facility_save(st, &f, &e), &e, "facility");
	facility_release(&f);
	ok(store_year_edition_put(st, 2025, "r7", &e), &e, "r7");
	for (i = 0; i < 3; i++) {
		static const char *const names[] = {"アルファ医療システム",
						    "消す社", "ガンマ通信"};

		memset(&v[i], 0, sizeof(v[i]));
		vendor_set_text(&v[i].name, names[i]);
		vendor_set_text(&v[i].phone, "03-1234-5678");
		vendor_toggle_system(&v[i], "emr");
		vendor_toggle_system(&v[i], "network");
		strcpy(v[i].contract, "maintenance");
		ok(store_vendor_put(st, &v[i], &e), &e, "vendor");
	}
	vendor_set_text(&v[0].memo, "-担当は \"佐藤\" さん");
	ok(store_vendor_put(st, &v[0], &e), &e, "vendor memo");
	ok(store_vendor_delete(st, v[1].id, &e), &e, "vendor delete");

	a = mk_answer(2026, "has-medical-system", CELL_ALL, ANSWER_YES);
	ok(store_answer_put(st, &a, &e), &e, "gate");
	a = mk_answer(2026, "security-officer", CELL_ALL, ANSWER_UNKNOWN);
	a.checked = (struct date){2026, 11, 1};
	a.target = (struct date){2027, 1, 31};
	a.ask = v[2].id;
	a.owner = "事務長";
	a.memo = "=HYPERLINK(\"http://example.invalid\")";
	ok(store_answer_put(st, &a, &e), &e, "answer");
	for (i = 0; i < ledger->ncells; i++) {
		a = mk_answer(2026, "device-ledger", ledger->cells[i],
			      ANSWER_NO);
		a.target = (struct date){2027, 3, 1};
		a.memo = i == 0 ? "+1 台が未登録, @要確認" : NULL;
		ok(store_answer_put(st, &a, &e), &e, "ledger");
	}
	a = mk_answer(2026, HOSHU_STAFF_ID, CELL_ALL, ANSWER_NO);
	ok(store_answer_put(st, &a, &e), &e, "staff");
	a = mk_answer(2025, "security-officer", CELL_ALL, ANSWER_YES);
	a.checked = (struct date){2025, 6, 1};
	ok(store_answer_put(st, &a, &e), &e, "r7 answer");

	memset(&va, 0, sizeof(va));
	va.year = 2026;
	va.vendor = v[0].id;
	strcpy(va.item_id, c.questions[0].id);
	va.value = ANSWER_YES;
	va.memo = "保守契約書 第3条";
	ok(store_vanswer_put(st, &va, &e), &e, "vanswer");
	va.vendor = v[2].id;
	strcpy(va.item_id, c.questions[0].id);
	va.value = ANSWER_NO;
	va.memo = NULL;
	ok(store_vanswer_put(st, &va, &e), &e, "clause");

	k = fixture_good_connection(0);
	k.vendor = v[2].id;
	ok(store_connection_put(st, &k, &e), &e, "connection");
	connection_release(&k);
	memset(&sv, 0, sizeof(sv));
	sv.name = "電子カルテサーバ";
	strcpy(sv.kind, "server");
	strcpy(sv.patcher, "vendor");
	sv.vendor = v[0].id;
	ok(store_server_put(st, &sv, &e), &e, "server");
	memset(&ct, 0, sizeof(ct));
	strcpy(ct.role, c.roles[0].id);
	ct.name = "院長";
	ct.phone = "03-0000-0000";
	ok(store_contact_put(st, &ct, &e), &e, "contact");
	for (i = 0; i < 3; i++)
		vendor_release(&v[i]);
}

/* The whole data file as the export's JSON, into out. */
static void
export_json(struct store *st, struct strbuf *out)
{
	struct xfer_data d = {0};
	struct err e = ERR_INIT;

	ok(xfer_data_load(&d, st, &e), &e, "load");
	xfer_json_write(&d, &c, out);
	xfer_data_release(&d);
}

/*
 * Imports text into st as `iryosec import --yes` does; plan (may be NULL)
 * gets what it did. Returns 0, or -1 with e set.
 */
static int
import_text(struct store *st, const char *text, struct xfer_plan *plan,
	    struct err *e)
{
	struct xfer_data in = {0}, db = {0};
	struct xfer_plan p = {0};
	int r = -1;

	if (xfer_json_read(&in, text, strlen(text), "x.json", &c, &today, e) !=
		    0 ||
	    xfer_data_load(&db, st, e) != 0)
		goto out;
	xfer_plan_make(&p, &in, &db, &c);
	r = xfer_apply(st, &p, &in, &db, e);
out:
	if (plan != NULL)
		*plan = p;
	else
		xfer_plan_release(&p);
	xfer_data_release(&in);
	xfer_data_release(&db);
	return r;
}

static void
test_csv_cell(void)
{
	static const char *const cases[][2] = {
		{"", "\"\""},
		{"abc", "\"abc\""},
		{"a\"b", "\"a\"\"b\""},
		{"=1+1", "\"'=1+1\""},
		{"+81 3", "\"'+81 3\""},
		{"-1", "\"'-1\""},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"\tx", "\"'\tx\""},
		{"a=1", "\"a=1\""},
		{"院長, 事務長", "\"院長, 事務長\""},
		{"=\"x\"", "\"'=\"\"x\"\"\""},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		xfer_csv_cell(&sb, cases[i][0]);
		check_str(sb.buf, cases[i][1]);
		strbuf_release(&sb);
	}
}

static void
test_csv(void)
{
	struct store *st = open_db("csv.db");
	struct strbuf out = STRBUF_INIT;
	struct err e = ERR_INIT;
	const struct edition *r8 = content_edition_find(&c, "r8");
	size_t i, rows = 0, want = 1, bare_lf = 0;

	fill(st);
	ok(xfer_csv_write(st, &c, &today, &out, &e), &e, "csv");
	check_true(out.len > 3 && memcmp(out.buf, "\xEF\xBB\xBF", 3) == 0);
	for (i = 0; i < out.len; i++) {
		if (out.buf[i] != '\n')
			continue;
		if (i > 0 && out.buf[i - 1] == '\r')
			rows++;
		else
			bare_lf++;
	}
	for (i = 0; i < r8->nitems; i++)
		want += r8->items[i].ncells;
	check_int(rows, want);
	check_int(bare_lf, 0);
	check_true(out.len >= 2 &&
		   memcmp(out.buf + out.len - 2, "\r\n", 2) == 0);
	/* the memo is text, never a formula; quotes doubled */
	check_true(strstr(out.buf,
			  "\"'=HYPERLINK(\"\"http://example.invalid\"\")\"") !=
		   NULL);
	check_true(strstr(out.buf, "\"'+1 台が未登録, @要確認\"") != NULL);
	check_true(strstr(out.buf, "ガンマ通信") != NULL); /* asked of */
	/* the first row of items is the gate, in the official order */
	check_true(strstr(out.buf, "\r\n\"") != NULL);
	strbuf_release(&out);
	store_close(st);
}

static void
test_roundtrip(void)
{
	struct store *a = open_db("a.db"), *b = open_db("b.db");
	struct strbuf j1 = STRBUF_INIT, j1b = STRBUF_INIT, j2 = STRBUF_INIT;
	struct strbuf j3 = STRBUF_INIT;
	struct xfer_plan p = {0};
	struct err e = ERR_INIT;
	struct answer_set s = ANSWER_SET_INIT;
	const struct answer *x;
	char *edited;

	fill(a);
	export_json(a, &j1);
	export_json(a, &j1b);
	check_str(j1.buf, j1b.buf); /* the same data, the same bytes */
	check_true(strstr(j1.buf, "\"version\": 1,") != NULL);
	check_true(strstr(j1.buf, "\"target\": \"2027-01-31\"") != NULL);
	/* vendors are numbered by place: the deleted one leaves no hole */
	check_true(strstr(j1.buf, "\"ref\": 2") != NULL);
	check_true(strstr(j1.buf, "\"ref\": 3") == NULL);
	check_true(strstr(j1.buf, "\"ask\": 2") != NULL);

	ok(import_text(b, j1.buf, &p, &e), &e, "import");
	check_int(p.added[XFER_FACILITY], 1);
	check_int(p.added[XFER_VENDORS], 2);
	check_int(p.added[XFER_YEARS], 2);
	check_int(p.added[XFER_CONNECTIONS], 1);
	check_int(p.nforeign, 0);
	xfer_plan_release(&p);
	export_json(b, &j2);
	check_str(j2.buf, j1.buf);

	/* again: nothing to change */
	ok(import_text(b, j1.buf, &p, &e), &e, "import again");
	check_true(!xfer_plan_changes(&p));
	/* R8: the gate, 1-①, the staff answer, each cell of 2-①; R7: 1-① */
	check_int(p.same[XFER_ANSWERS],
		  4 + content_item_find(content_edition_find(&c, "r8"),
					"device-ledger")
				  ->ncells);
	xfer_plan_release(&p);

	/* one memo edited: one answer changed, the rest as they were */
	edited = xstrdup(j1.buf);
	memcpy(strstr(edited, "事務長"), "院長だ", strlen("院長だ"));
	ok(import_text(b, edited, &p, &e), &e, "import edited");
	check_int(p.changed[XFER_ANSWERS], 1);
	check_int(p.added[XFER_ANSWERS], 0);
	check_int(p.changed[XFER_VENDORS], 0);
	xfer_plan_release(&p);
	ok(store_answers_load(b, 2026, &s, &e), &e, "answers");
	x = answer_set_find(&s, "security-officer", CELL_ALL);
	check_true(x != NULL && x->owner != NULL &&
		   strcmp(x->owner, "院長だ") == 0);
	check_true(x != NULL && x->ask != 0);
	answer_set_release(&s);
	free(edited);
	export_json(b, &j3);
	check_true(strcmp(j3.buf, j1.buf) != 0);
	strbuf_release(&j1);
	strbuf_release(&j1b);
	strbuf_release(&j2);
	strbuf_release(&j3);
	store_close(a);
	store_close(b);
}

/* The smallest export with one answer; %s is the answer's members. */
#define ONE_ANSWER                                                             \
	"{\n"                                                                  \
	"  \"format\": \"iryosec-export\",\n"                                  \
	"  \"version\": 1,\n"                                                  \
	"  \"years\": [\n"                                                     \
	"    {\n"                                                              \
	"      \"year\": 2026,\n"                                              \
	"      \"edition\": \"r8\",\n"                                         \
	"      \"answers\": [\n"                                               \
	"        {\n"                                                          \
	"          \"item\": \"security-officer\",\n"                          \
	"          \"cell\": \"all\",\n"                                       \
	"%s"                                                                   \
	"        }\n"                                                          \
	"      ]\n"                                                            \
	"    }\n"                                                              \
	"  ]\n"                                                                \
	"}\n"

/* Reads ONE_ANSWER with members; returns the message ("" when read). */
static void
refusal(const char *members, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	struct xfer_data d = {0};

	err_clear(e);
	strbuf_addf(&sb, ONE_ANSWER, members);
	if (xfer_json_read(&d, sb.buf, sb.len, "bad.json", &c, &today, e) == 0)
		check_int(d.nyears, 1);
	xfer_data_release(&d);
	strbuf_release(&sb);
}

static void
test_refusals(void)
{
	struct store *st = open_db("refuse.db");
	struct err e = ERR_INIT;
	unsigned long sum;
	char *p = fixture_path("refuse.db");

	refusal("          \"value\": \"yes\"\n", &e);
	check_int(e.code, ERR_NONE);
	/* the line and the field, exactly, in Japanese */
	refusal("          \"value\": \"yes\",\n"
		"          \"checked\": \"2026-02-30\"\n",
		&e);
	check_int(e.code, ERR_INPUT);
	check_str(
		e.msg,
		"「bad.json」の 13 行目、「years[0].answers[0].checked」の欄: 実在する日付を YYYY-MM-DD の形（例: 2026-12-01）で書いてください。（何も取り込んでいません）");
	refusal("          \"value\": \"maybe\"\n", &e);
	check_true(strstr(e.msg, "12 行目、「years[0].answers[0].value」") !=
		   NULL);
	/* a missing member: the line of the record that lacks it */
	refusal("          \"value\": \"yes\",\n"
		"          \"memo\": \"a\\u001bb\"\n",
		&e);
	check_true(strstr(e.msg, "13 行目、「years[0].answers[0].memo」") !=
		   NULL);
	check_true(strstr(e.msg, "制御文字") != NULL);
	refusal("          \"valeu\": \"yes\"\n", &e);
	check_true(strstr(e.msg, "12 行目、「years[0].answers[0].valeu」") !=
		   NULL);
	refusal("          \"value\": \"no\",\n"
		"          \"target\": \"2027-04-01\"\n",
		&e);
	check_true(strstr(e.msg, "13 行目、「years[0].answers[0].target」") !=
		   NULL);
	refusal("          \"value\": \"yes\",\n"
		"          \"ask\": 1\n",
		&e);
	check_true(strstr(e.msg,
			  "\"vendors\" に \"ref\": 1 の事業者がありません") !=
		   NULL);
	refusal("          \"value\": \"yes\",\n"
		"          \"value\": \"no\"\n",
		&e);
	check_true(strstr(e.msg, "「bad.json」の 13 行目") != NULL);
	check_true(strstr(e.msg, "JSON の書き方が正しくありません") != NULL);
	{
		struct xfer_data d = {0};
		const char *t = "{\"format\": \"iryosec-export\", \"version\": "
				"1,\n\"years\": [{\"answers\": []}]}";

		check_int(xfer_json_read(&d, t, strlen(t), "m.json", &c, &today,
					 &e),
			  -1);
		check_str(
			e.msg,
			"「m.json」の 2 行目、「years[0].year」の欄: この欄がありません。（何も取り込んでいません）");
		t = "[1, 2]";
		check_int(xfer_json_read(&d, t, strlen(t), "m.json", &c, &today,
					 &e),
			  -1);
		check_true(
			strstr(e.msg,
			       "iryosec export で書き出したファイルではありません") !=
			NULL);
	}

	/* a bad file: the data file is not touched */
	fill(st);
	store_close(st);
	sum = fixture_checksum(p);
	st = open_db("refuse.db");
	check_int(import_text(st,
			      "{\"format\": \"iryosec-export\", "
			      "\"version\": 1, \"vendors\": [{\"ref\": 1, "
			      "\"name\": \"x\", \"phone\": \"abc\"}]}",
			      NULL, &e),
		  -1);
	check_true(strstr(e.msg, "vendors[0].phone") != NULL);
	store_close(st);
	check_true(fixture_checksum(p) == sum);
	free(p);
}

static void
test_newer(void)
{
	const char *t = "{\"format\": \"iryosec-export\", \"version\": 2, "
			"\"something-new\": {}}";
	struct xfer_data d = {0};
	struct err e = ERR_INIT;

	check_int(xfer_json_read(&d, t, strlen(t), "new.json", &c, &today, &e),
		  -1);
	check_int(e.code, ERR_NEWER);
	check_str(
		e.msg,
		"「new.json」は新しい版の iryosec で書き出されたファイルです（形式 2。この iryosec が読めるのは形式 1 まで）。取り込むには iryosec を更新してください（何も取り込んでいません）。");
}

/* An edition this program lacks: its answers are kept and reported. */
static void
test_unknown_edition(void)
{
	static const char t[] =
		"{\"format\": \"iryosec-export\", \"version\": 1,\n"
		" \"years\": [{\"year\": 2027, \"edition\": \"r9\",\n"
		"  \"answers\": [{\"item\": \"ai-governance\", \"cell\": \"all\","
		" \"value\": \"no\", \"target\": \"2028-01-31\", \"memo\": \"x\"},"
		" {\"item\": \"security-officer\", \"cell\": \"all\","
		" \"value\": \"na\"}]}]}\n";
	struct store *st = open_db("r9.db");
	struct xfer_plan p = {0};
	struct answer_set s = ANSWER_SET_INIT;
	struct strbuf out = STRBUF_INIT, text = STRBUF_INIT;
	struct err e = ERR_INIT;
	char ed[CONTENT_ID_MAX + 1];

	ok(import_text(st, t, &p, &e), &e, "r9");
	check_int(p.nforeign, 1);
	check_int(p.foreign[0].year, 2027);
	check_str(p.foreign[0].edition, "r9");
	check_int(p.foreign[0].answers, 2);
	xfer_plan_text(&p, &text);
	check_true(strstr(text.buf, "「r9」") != NULL);
	check_true(strstr(text.buf, "令和9年度") != NULL);
	xfer_plan_release(&p);
	check_int(store_year_edition(st, 2027, ed, &e), 1);
	check_str(ed, "r9");
	ok(store_answers_load(st, 2027, &s, &e), &e, "answers");
	check_int(s.n, 2);
	answer_set_release(&s);
	export_json(st, &out);
	check_true(strstr(out.buf, "\"id\": \"r9\"\n") != NULL);
	check_true(strstr(out.buf, "\"item\": \"ai-governance\"") != NULL);
	strbuf_release(&out);
	strbuf_release(&text);
	store_close(st);
}

/*
 * An import that fails half way (a vendor answer naming a vendor row that
 * is not there, as a plan made against other data would): the facility
 * and the answers written before it are rolled back.
 */
static void
test_one_transaction(void)
{
	static const char t[] =
		"{\"format\": \"iryosec-export\", \"version\": 1,\n"
		" \"facility\": {\"name\": \"新しい名前\", \"type\": \"clinic\","
		" \"year\": 2026},\n"
		" \"vendors\": [{\"ref\": 1, \"name\": \"幽霊社\"}],\n"
		" \"years\": [{\"year\": 2026, \"edition\": \"r8\",\n"
		"  \"answers\": [{\"item\": \"security-officer\", \"cell\": "
		"\"all\", \"value\": \"yes\"}],\n"
		"  \"vendor_answers\": [{\"vendor\": 1, \"item\": "
		"\"hoshu-clause\", \"value\": \"no\"}]}]}\n";
	struct store *st = open_db("tx.db");
	struct xfer_data in = {0}, db = {0};
	struct xfer_plan p = {0};
	struct vendor ghost;
	struct facility f = {0};
	struct answer_set s = ANSWER_SET_INIT;
	struct err e = ERR_INIT;

	ok(xfer_json_read(&in, t, strlen(t), "t.json", &c, &today, &e), &e,
	   "read");
	/* the data file as the plan believes it: it has 幽霊社 as row 999 */
	memset(&ghost, 0, sizeof(ghost));
	ghost.id = 999;
	ghost.name = "幽霊社";
	vendor_list_add(&db.vendors, &ghost);
	xfer_plan_make(&p, &in, &db, &c);
	check_int(p.vendor_ids[0], 999);
	check_int(xfer_apply(st, &p, &in, &db, &e), -1);
	check_true(e.code != ERR_NONE);
	ok(store_facility_load(st, &f, &e), &e, "facility");
	check_true(f.name == NULL);
	ok(store_answers_load(st, 2026, &s, &e), &e, "answers");
	check_int(s.n, 0);
	/* and the store still works afterwards */
	xfer_data_release(&db);
	xfer_plan_make(&p, &in, &db, &c);
	ok(xfer_apply(st, &p, &in, &db, &e), &e, "apply");
	ok(store_facility_load(st, &f, &e), &e, "facility");
	check_true(f.name != NULL && strcmp(f.name, "新しい名前") == 0);
	facility_release(&f);
	answer_set_release(&s);
	xfer_plan_release(&p);
	xfer_data_release(&in);
	store_close(st);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_init() != 0 || fixture_content_load(&c) != 0)
		return 1;
	check_int(fixture_catalog_init(), 0);
	test_csv_cell();
	test_csv();
	test_roundtrip();
	test_refusals();
	test_newer();
	test_unknown_edition();
	test_one_transaction();
	content_release(&c);
	fixture_done();
	return check_done("test_xfer");
}

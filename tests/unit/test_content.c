/* The content loader: the real content, and every kind of broken file. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "content/content.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static char tmp[] = "/tmp/iry-content-XXXXXX";

static void
write_file(const char *dir, const char *name, const char *text)
{
	char *d = path_join(tmp, dir), *p = path_join(d, name);
	char *parent = path_dirname(p);
	struct err e = ERR_INIT;
	FILE *f;

	check_int(path_mkdirs(parent, &e), 0);
	f = fopen(p, "w");
	check_true(f != NULL);
	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
	free(parent);
	free(p);
	free(d);
}

static const char glossary[] = "terms:\n"
			       "  - id: vpn\n"
			       "    word: VPN\n"
			       "    text: |\n"
			       "      外から院内につなぐしくみです。\n";

static const char vendors_yaml[] = "systems:\n"
				   "  - id: emr\n"
				   "    label: 電子カルテ\n"
				   "contracts:\n"
				   "  - id: maintenance\n"
				   "    label: 保守契約\n"
				   "  - id: none\n"
				   "    label: 契約なし\n"
				   "questions:\n"
				   "  - id: split\n"
				   "    number: \"1\"\n"
				   "    title: 責任分界\n"
				   "    question: 書いていますか。\n"
				   "    why: 理由です。\n"
				   "    how: 契約書を見ます。\n"
				   "    request: 書いてください。\n"
				   "    source: テスト\n"
				   "    verified: false\n"
				   "    terms: [vpn]\n";

static const char contacts_yaml[] = "roles:\n"
				    "  - id: police\n"
				    "    group: outside\n"
				    "    label: 警察\n"
				    "    hint: 相談窓口です。\n"
				    "    required: true\n";

static const char remote_yaml[] = "lines:\n"
				  "  - id: internet-vpn-device\n"
				  "    label: インターネットVPN（機器）\n"
				  "    internet: true\n"
				  "    hint: 機器です。\n"
				  "  - id: unknown\n"
				  "    label: わからない\n"
				  "    internet: true\n"
				  "    hint: わかりません。\n"
				  "fields:\n"
				  "  - {id: line, label: 回線, unknown: 不明, why: 理由, ask: 回線は}\n"
				  "  - {id: always_on, label: 常時, unknown: 不明, why: 理由}\n"
				  "  - {id: approver, label: 承認}\n"
				  "  - {id: device, label: 機器, ask: 機器は}\n"
				  "  - {id: version, label: 版, ask: 版は}\n"
				  "  - {id: patcher, label: 更新, unknown: 不明, why: 理由}\n"
				  "  - {id: last_patch, label: 更新日}\n"
				  "  - {id: factory_password_changed, label: 初期, unknown: 不明, why: 理由}\n"
				  "  - {id: password_reused, label: 使い回し, unknown: 不明, why: 理由}\n"
				  "  - {id: two_factor, label: 二要素, unknown: 不明, why: 理由}\n"
				  "  - {id: admin_exposed, label: 管理, unknown: 不明, why: 理由}\n"
				  "  - {id: patient_data, label: 患者, unknown: 不明, why: 理由}\n"
				  "  - {id: logs, label: 記録, unknown: 不明, why: 理由}\n"
				  "rules:\n"
				  "  - id: no-2fa\n"
				  "    priority: high\n"
				  "    owner: vendor\n"
				  "    when:\n"
				  "      line_internet: [true]\n"
				  "      two_factor: [\"no\"]\n"
				  "    title: 二要素認証がない\n"
				  "    why: 理由です。\n"
				  "    action: 依頼します。\n"
				  "    request: 導入してください。\n"
				  "    checklist: [two-factor]\n"
				  "    source: テスト\n";

static const char hoshu_yaml[] =
	"volume:\n  title: 保守委託機関編\n  source: テスト\n  verified: false\n"
	"judgement:\n"
	"  staff:\n    question: いますか。\n    help: 説明です。\n"
	"  servers:\n    question: どれですか。\n    help: 説明です。\n"
	"  patching:\n    question: だれですか。\n    help: 説明です。\n"
	"  written:\n    vendor_question: split\n    help: 説明です。\n"
	"outcomes:\n  applies: 該当です。\n  not_applies: 非該当です。\n"
	"  needs_contract: 確認が必要です。\n  incomplete: まだです。\n"
	"reasons:\n"
	"  staff_yes: 担当者がいます。\n"
	"  staff_unknown: 担当者がわかりません。\n"
	"  staff_unanswered: 担当者をまだ答えていません。\n"
	"  no_servers: サーバがありません。\n"
	"  server_self: 「%s」は院内で更新しています。\n"
	"  server_unknown: 「%s」の更新者がわかりません。\n"
	"  server_unanswered: 「%s」の更新者をまだ答えていません。\n"
	"  server_no_vendor: 「%s」の事業者を選んでいません。\n"
	"  clause_unanswered: 「%s」について%sの契約をまだ答えていません。\n"
	"  clause_unknown: 「%s」について%sの契約がわかりません。\n"
	"  clause_no_place: 「%s」について%sの契約の場所がありません。\n"
	"  clause_not_written: 「%s」について%sの契約に書かれていません。\n"
	"  clause_no_contract: 「%s」について%sと契約がありません。\n"
	"  clause_ok: 「%s」は%sの%sに書かれています。\n"
	"items:\n"
	"  - id: h-9-4\n    number: 9章④\n    title: 二要素認証\n"
	"    meaning: 意味です。\n    how: 確かめます。\n"
	"    request: 時期をお知らせください。\n    who: both\n"
	"    source: テスト\n    verified: false\n"
	"sds_areas:\n"
	"  - id: sds-rules\n    form: sds\n    area: 規程類\n"
	"    question: ありますか。\n    request: ください。\n"
	"    source: テスト\n    verified: false\n";

static const char priority_yaml[] =
	"levels:\n"
	"  - id: critical\n    label: 至急\n    explain: すぐです。\n"
	"  - id: high\n    label: 高\n    explain: 早めです。\n"
	"  - id: medium\n    label: 中\n    explain: ふつうです。\n"
	"  - id: low\n    label: 低\n    explain: 後でよいです。\n"
	"checklist:\n  default: medium\n  high: [officer]\n  low: []\n"
	"source: テスト\n";

/* Writes the files of common/ under root name. */
static void
write_common(const char *name)
{
	write_file(name, "common/hoshu.yaml", hoshu_yaml);
	write_file(name, "common/glossary.yaml", glossary);
	write_file(name, "common/vendors.yaml", vendors_yaml);
	write_file(name, "common/contacts.yaml", contacts_yaml);
	write_file(name, "common/remote.yaml", remote_yaml);
	write_file(name, "common/priority.yaml", priority_yaml);
}

static const char edition[] = "id: t1\n"
			      "name: テスト版\n"
			      "title: テストのチェックリスト\n"
			      "form: 医療機関確認用\n"
			      "vendor_form: 事業者確認用\n"
			      "first_year: 2026\n"
			      "verified: false\n"
			      "source: テスト\n"
			      "files:\n"
			      "  - s1.yaml\n";

/* A section file with one item; extra is inserted into the item. */
static char *
section(const char *extra)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "section:\n"
			   "  number: \"1\"\n"
			   "  title: 体制構築\n"
			   "items:\n"
			   "  - id: officer\n"
			   "    number: 1-①\n"
			   "    title: 責任者を置いている。\n"
			   "    who: clinic\n"
			   "    verified: true\n"
			   "    source: テスト\n"
			   "    meaning: 意味です。\n"
			   "    why: 理由です。\n"
			   "    how: 確かめ方です。\n"
			   "    done: できている状態です。\n");
	strbuf_addstr(&sb, extra);
	return strbuf_detach(&sb, NULL);
}

/* Loads root tmp/<name> alone; returns 0/-1 and the message. */
static int
load_root(const char *name, struct content *c, struct err *e)
{
	char *root = path_join(tmp, name);
	char *roots[2] = {root, NULL};
	int r = content_load(c, roots, e);

	free(root);
	return r;
}

/* Writes a root with the given section text and checks the error. */
static void
expect_error(const char *name, const char *sect, const char *want_loc,
	     const char *want_msg)
{
	struct content c;
	struct err e = ERR_INIT;
	char *dir = xstrdup(name);
	struct strbuf sub = STRBUF_INIT;

	write_common(name);
	strbuf_addf(&sub, "%s/t1", name);
	write_file(sub.buf, "edition.yaml", edition);
	write_file(sub.buf, "s1.yaml", sect);
	check_int(load_root(name, &c, &e), -1);
	check_int(e.code, ERR_CONTENT);
	if (strstr(e.msg, want_loc) == NULL || strstr(e.msg, want_msg) == NULL)
		printf("  message was: %s\n", e.msg);
	check_true(strstr(e.msg, want_loc) != NULL);
	check_true(strstr(e.msg, want_msg) != NULL);
	content_release(&c);
	strbuf_release(&sub);
	free(dir);
}

/* A file saved with a byte order mark (Windows Notepad) loads as is. */
static void
test_bom(void)
{
	struct content c;
	struct err e = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	char *s = section("");

	strbuf_addstr(&sb, "\xEF\xBB\xBF");
	strbuf_addstr(&sb, s);
	write_common("bom");
	write_file("bom/t1", "edition.yaml", edition);
	write_file("bom/t1", "s1.yaml", sb.buf);
	check_int(load_root("bom", &c, &e), 0);
	if (e.code != ERR_NONE)
		printf("  message was: %s\n", e.msg);
	if (c.neditions > 0)
		check_int(c.editions[0].nitems, 1);
	content_release(&c);
	strbuf_release(&sb);
	free(s);
}

static void
test_real_content(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct content c;
	struct err e = ERR_INIT;
	const struct edition *r7, *r8;
	size_t i;

	check_int(content_load(&c, roots, &e), 0);
	if (e.code != ERR_NONE)
		printf("  %s\n", e.msg);
	check_int(c.warnings.len, 0);
	r7 = content_edition_find(&c, "r7");
	r8 = content_edition_find(&c, "r8");
	check_true(r7 != NULL && r8 != NULL);
	if (r7 == NULL || r8 == NULL)
		return;
	check_int(r7->first_year, 2025);
	check_int(r8->first_year, 2026);
	check_true(content_edition_for_year(&c, 2024) == NULL);
	check_true(content_edition_for_year(&c, 2025) == r7);
	check_true(content_edition_for_year(&c, 2026) == r8);
	check_true(content_edition_for_year(&c, 2031) == r8);
	/* foundation items, in both editions, the gate first */
	check_true(r8->items[0].gate);
	check_true(content_item_find(r7, "security-officer") != NULL);
	check_true(content_item_find(r8, "security-officer") != NULL);
	check_true(content_item_find(r8, "contact-chart") != NULL);
	check_true(content_item_find(r8, "backup") != NULL);
	check_true(content_item_find(r8, "bcp") != NULL);
	check_str(content_item_find(r8, "security-officer")->number, "1-①");
	for (i = 0; i < r8->nitems; i++) /* R8 is provisional content */
		check_true(!r8->items[i].verified);
	content_release(&c);
	free(root);
}

static void
test_errors(void)
{
	char *s;

	s = section("    bogus: 1\n");
	expect_error("unknown", s, "s1.yaml:15:5", "bogus");
	free(s);
	s = section("    who: vendor\n");
	expect_error("dupkey", s, "s1.yaml:15:5", "who");
	free(s);
	s = section("    gate: yes\n");
	expect_error("boolyes", s, "s1.yaml:15:11", "gate");
	free(s);
	s = section("    terms: [nosuch]\n");
	expect_error("term", s, "s1.yaml:15:13", "nosuch");
	free(s);
	s = section("    cells: [all, moon]\n");
	expect_error("cells", s, "s1.yaml:15:18", "server");
	free(s);
	s = section("    na: \"\"\n");
	expect_error("emptyna", s, "s1.yaml:15:9", "na");
	free(s);
	s = section("  - id: officer\n    number: 1-②\n    title: t\n"
		    "    who: clinic\n    verified: true\n    source: s\n"
		    "    meaning: m\n    why: w\n    how: h\n    done: d\n");
	expect_error("dupid", s, "s1.yaml:15:5", "officer");
	free(s);
	s = section("    meaning2: x\n  bad indent\n");
	expect_error("yaml", s, "s1.yaml:", "YAML");
	free(s);
	s = section("    incident: \"\xff\"\n");
	expect_error("utf8", s, "s1.yaml:15:16", "UTF-8");
	free(s);
	s = section("    incident: \"a\x1b[31m\"\n");
	expect_error("control", s, "s1.yaml:15:17", "U+001B");
	free(s);
	/* YAML escapes in quoted text cannot smuggle controls in */
	s = section("    incident: \"a\\e]0;x\\a\"\n");
	expect_error("escape", s, "s1.yaml:15:15", "U+001B");
	free(s);
	s = section("    incident: \"a\\0b\"\n");
	expect_error("nul", s, "s1.yaml:15:15", "U+0000");
	free(s);
	/* a second YAML document is refused, not silently dropped */
	s = section("---\n- not: read\n");
	expect_error("twodocs", s, "s1.yaml:15:1", "---");
	free(s);
	/* nesting too deep is refused where it gets too deep: libyaml's
	 * time grows with the square of the depth (minutes for 500 KB) */
	{
		struct strbuf deep = STRBUF_INIT;
		size_t i;

		strbuf_addstr(&deep, "x: ");
		for (i = 0; i < 400000; i++)
			strbuf_addch(&deep, '[');
		strbuf_addch(&deep, '\n');
		expect_error("deep", deep.buf, "s1.yaml:1:", "levels deep");
		strbuf_release(&deep);
		s = section("    meaning2: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n");
		expect_error("deep2", s, "s1.yaml:15:", "levels deep");
		free(s);
	}
	/* an alias (*name) is refused, with its place */
	s = section("    meaning2: &a x\n    meaning3: *a\n");
	expect_error("alias", s, "s1.yaml:16:15", "*name");
	free(s);
	/* a missing field names the item's line */
	expect_error("missing",
		     "section:\n  number: \"1\"\n  title: t\nitems:\n"
		     "  - id: x\n    number: \"1\"\n    title: t\n",
		     "s1.yaml:5:5", "who");
}

static void
test_override(void)
{
	struct content c;
	struct err e = ERR_INIT;
	char *a = path_join(tmp, "over-a"), *b = path_join(tmp, "over-b");
	char *roots[3] = {a, b, NULL};
	char *good = section(""), *bad = section("    verified: maybe\n");
	const struct edition *ed;

	/* b is the built-in content; a holds a corrected edition */
	write_common("over-b");
	write_file("over-b/t1", "edition.yaml", edition);
	write_file("over-b/t1", "s1.yaml", good);
	write_file("over-a/t1", "edition.yaml", edition);
	write_file("over-a/t1", "s1.yaml", bad);
	check_int(content_load(&c, roots, &e), 0);
	check_true(strstr(c.warnings.buf, "over-a/t1/s1.yaml") != NULL);
	ed = content_edition_find(&c, "t1");
	check_true(ed != NULL && strstr(ed->dir, "over-b") != NULL);
	content_release(&c);

	/* a valid override wins */
	write_file("over-a/t1", "s1.yaml", good);
	check_int(content_load(&c, roots, &e), 0);
	check_int(c.warnings.len, 0);
	ed = content_edition_find(&c, "t1");
	check_true(ed != NULL && strstr(ed->dir, "over-a") != NULL);
	content_release(&c);
	free(good);
	free(bad);
	free(a);
	free(b);
}

/* A root with edition t1 (one item) plus extra files in t1/. */
static void
write_root(const char *name, const char *edition_extra, const char *file,
	   const char *text)
{
	struct strbuf sub = STRBUF_INIT, ed = STRBUF_INIT;
	char *sect = section("");

	strbuf_addf(&sub, "%s/t1", name);
	strbuf_addf(&ed, "%s%s", edition, edition_extra);
	write_common(name);
	write_file(sub.buf, "edition.yaml", ed.buf);
	write_file(sub.buf, "s1.yaml", sect);
	if (file != NULL)
		write_file(sub.buf, file, text);
	free(sect);
	strbuf_release(&sub);
	strbuf_release(&ed);
}

static void
expect_root_error(const char *name, const char *want_loc, const char *want)
{
	struct content c;
	struct err e = ERR_INIT;

	check_int(load_root(name, &c, &e), -1);
	if (strstr(e.msg, want_loc) == NULL || strstr(e.msg, want) == NULL)
		printf("  %s: message was: %s\n", name, e.msg);
	check_true(strstr(e.msg, want_loc) != NULL &&
		   strstr(e.msg, want) != NULL);
	content_release(&c);
}

static const char vendor_ok[] = "form: 事業者確認用\n"
				"verified: false\n"
				"source: テスト\n"
				"sections:\n"
				"  - number: \"1\"\n"
				"    title: 体制構築\n"
				"    items:\n"
				"      - id: v-officer\n"
				"        number: 1-①\n"
				"        title: 責任者を置いている。\n"
				"        clinic_item: officer\n"
				"        verified: false\n"
				"        source: テスト\n"
				"        meaning: 意味です。\n"
				"        ask: 書面でお知らせください。\n";

static void
test_vendor_and_mapping(void)
{
	struct content c;
	struct err e = ERR_INIT;
	struct strbuf out = STRBUF_INIT, bad = STRBUF_INIT;
	const struct edition *ed;
	char *root;

	write_root("vend", "vendor_file: v.yaml\n", "v.yaml", vendor_ok);
	check_int(load_root("vend", &c, &e), 0);
	ed = content_edition_find(&c, "t1");
	check_true(ed != NULL && ed->nvitems == 1);
	if (ed != NULL && ed->nvitems == 1) {
		check_str(ed->vitems[0].clinic_item, "officer");
		check_true(content_vendor_item_find(ed, "v-officer") != NULL);
	}
	content_release(&c);

	strbuf_addstr(&bad, vendor_ok);
	strbuf_addstr(
		&bad,
		"      - id: v-officer\n        number: 1-②\n"
		"        title: t\n        verified: false\n"
		"        source: s\n        meaning: m\n        ask: a\n");
	write_root("vdup", "vendor_file: v.yaml\n", "v.yaml", bad.buf);
	expect_root_error("vdup", "v.yaml:16:9", "v-officer");
	strbuf_reset(&bad);
	strbuf_addstr(&bad, vendor_ok);
	strbuf_setlen(&bad, (size_t)(strstr(bad.buf, "clinic_item: officer") -
				     bad.buf));
	strbuf_addstr(
		&bad,
		"clinic_item: nosuch\n        verified: false\n"
		"        source: s\n        meaning: m\n        ask: a\n");
	write_root("vref", "vendor_file: v.yaml\n", "v.yaml", bad.buf);
	expect_root_error("vref", "v.yaml:11:22", "nosuch");

	/* mapping: every item once, from counts by kind */
	write_root("mapok", "mapping: m.yaml\n", "m.yaml",
		   "from: t0\nitems:\n  - id: officer\n    kind: same\n"
		   "    from: [officer]\n");
	check_int(load_root("mapok", &c, &e), 0);
	ed = content_edition_find(&c, "t1");
	check_true(ed != NULL && content_mapping_find(ed, "officer") != NULL);
	/* ... but t0 does not exist: validate-content says so */
	check_int(content_check(&c, &out), 1);
	check_true(strstr(out.buf, "t0") != NULL);
	content_release(&c);
	write_root("mapmiss", "mapping: m.yaml\n", "m.yaml",
		   "from: t0\nitems: []\n");
	expect_root_error("mapmiss", "m.yaml:1:1", "officer");
	write_root("mapnote", "mapping: m.yaml\n", "m.yaml",
		   "from: t0\nitems:\n  - id: officer\n    kind: reworded\n"
		   "    from: [officer]\n");
	expect_root_error("mapnote", "m.yaml:3:5", "note");
	write_root("mapnew", "mapping: m.yaml\n", "m.yaml",
		   "from: t0\nitems:\n  - id: officer\n    kind: new\n"
		   "    from: [officer]\n");
	expect_root_error("mapnew", "m.yaml:3:5", "from");
	write_root("mapkind", "mapping: m.yaml\n", "m.yaml",
		   "from: t0\nitems:\n  - id: officer\n    kind: moved\n");
	expect_root_error("mapkind", "m.yaml:4:11", "kind");

	/* numbering: 1-② without 1-① is reported by content_check */
	root = section("");
	{
		char *p = strstr(root, "1-①");

		memcpy(p, "1-②", strlen("1-②"));
	}
	write_root("numgap", "", "s1.yaml", root);
	check_int(load_root("numgap", &c, &e), 0);
	strbuf_reset(&out);
	check_int(content_check(&c, &out), 1);
	check_true(strstr(out.buf, "1-②") != NULL &&
		   strstr(out.buf, "1-①") != NULL);
	content_release(&c);
	free(root);
	strbuf_release(&out);
	strbuf_release(&bad);
}

static void
test_common(void)
{
	struct content c;
	struct err e = ERR_INIT;
	char *bad;

	write_root("com", "", NULL, NULL);
	check_int(load_root("com", &c, &e), 0);
	check_int(c.nquestions, 1);
	check_int(c.nroles, 1);
	check_true(content_question_applies(&c.questions[0], "maintenance"));
	check_true(!content_question_applies(&c.questions[0], "none"));
	check_true(content_role_find(&c, "police")->outside);
	content_release(&c);

	bad = strdup(vendors_yaml);
	memcpy(strstr(bad, "terms: [vpn]"), "terms: [xyz]", 12);
	write_common("combad");
	write_file("combad", "common/vendors.yaml", bad);
	write_file("combad/t1", "edition.yaml", edition);
	{
		char *sect = section("");

		write_file("combad/t1", "s1.yaml", sect);
		free(sect);
	}
	expect_root_error("combad", "vendors.yaml:19:13", "xyz");
	free(bad);
	write_file("combad", "common/vendors.yaml", vendors_yaml);
	write_file("combad", "common/contacts.yaml",
		   "roles:\n  - id: p\n    group: elsewhere\n    label: x\n"
		   "    hint: y\n    required: true\n");
	expect_root_error("combad", "contacts.yaml:3:12", "inhouse");
	write_file("combad", "common/contacts.yaml", contacts_yaml);

	/* remote.yaml: an unknown field, an unknown value */
	bad = strdup(remote_yaml);
	memcpy(strstr(bad, "two_factor:"), "two_fuctor:", 11);
	write_file("combad", "common/remote.yaml", bad);
	expect_root_error("combad", "remote.yaml:30:7", "two_fuctor");
	memcpy(strstr(bad, "two_fuctor:"), "two_factor:", 11);
	memcpy(strstr(bad, "[\"no\"]"), "[unsu]", 6);
	write_file("combad", "common/remote.yaml", bad);
	expect_root_error("combad", "remote.yaml:30:", "unsu");
	/* a rule may not take わからない as a fact */
	free(bad);
	{
		struct strbuf sb = STRBUF_INIT;
		const char *at = strstr(remote_yaml, "[\"no\"]");

		strbuf_add(&sb, remote_yaml, (size_t)(at - remote_yaml));
		strbuf_addstr(&sb, "[\"no\", unknown]");
		strbuf_addstr(&sb, at + 6);
		write_file("combad", "common/remote.yaml", sb.buf);
		expect_root_error("combad", "remote.yaml:30:",
				  "cannot test 'unknown'");
		strbuf_release(&sb);
	}
	/* every field must be described */
	{
		struct strbuf sb = STRBUF_INIT;
		const char *at = strstr(remote_yaml, "  - {id: logs");

		strbuf_add(&sb, remote_yaml, (size_t)(at - remote_yaml));
		strbuf_addstr(&sb, strstr(at, "rules:"));
		write_file("combad", "common/remote.yaml", sb.buf);
		expect_root_error("combad", "remote.yaml:", "'logs'");
		strbuf_release(&sb);
	}
	write_file("combad", "common/remote.yaml", remote_yaml);

	/* hoshu.yaml: a reason template with the wrong number of %s */
	bad = strdup(hoshu_yaml);
	memcpy(strstr(bad, "clause_ok: 「%s」は%sの%s"),
	       "clause_ok: 「%s」は%dの%s",
	       strlen("clause_ok: 「%s」は%sの%s"));
	write_file("combad", "common/hoshu.yaml", bad);
	expect_root_error("combad", "hoshu.yaml:37:14", "clause_ok");
	free(bad);
	/* written names a contract question that is not there */
	bad = strdup(hoshu_yaml);
	memcpy(strstr(bad, "vendor_question: split"), "vendor_question: splat",
	       strlen("vendor_question: split"));
	write_file("combad", "common/hoshu.yaml", bad);
	expect_root_error("combad", "hoshu.yaml:16:22", "splat");
	free(bad);
	write_file("combad", "common/hoshu.yaml", hoshu_yaml);
	/* ... or one asked only for some contract kinds */
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "%s    contracts: [maintenance]\n",
			    vendors_yaml);
		write_file("combad", "common/vendors.yaml", sb.buf);
		expect_root_error("combad", "hoshu.yaml:16:22",
				  "only for some contract kinds");
		write_file("combad", "common/vendors.yaml", vendors_yaml);
		strbuf_release(&sb);
	}

	/* priority.yaml: levels out of order; a default that is no level */
	bad = strdup(priority_yaml);
	memcpy(strstr(bad, "id: high"), "id: lows", 8);
	write_file("combad", "common/priority.yaml", bad);
	expect_root_error("combad", "priority.yaml:5:5",
			  "critical, high, medium");
	free(bad);
	bad = strdup(priority_yaml);
	memcpy(strstr(bad, "default: medium"), "default: urgent", 15);
	write_file("combad", "common/priority.yaml", bad);
	expect_root_error("combad", "priority.yaml:15:12",
			  "high, medium or low");
	free(bad);
	write_file("combad", "common/priority.yaml", priority_yaml);

	/* priority.yaml: high names the item officer; an unknown id is
	 * reported by content_check */
	check_int(load_root("combad", &c, &e), 0);
	check_int(content_gap_priority(&c, "officer"), PRIORITY_HIGH);
	check_int(content_gap_priority(&c, "other"), PRIORITY_MEDIUM);
	check_str(content_priority_label(&c, PRIORITY_CRITICAL), "至急");
	{
		struct strbuf out = STRBUF_INIT;

		check_int(content_check(&c, &out), 0);
		content_release(&c);
		bad = strdup(priority_yaml);
		memcpy(strstr(bad, "high: [officer]"), "high: [offices]", 15);
		write_file("combad", "common/priority.yaml", bad);
		free(bad);
		check_int(load_root("combad", &c, &e), 0);
		check_int(content_check(&c, &out), 1);
		check_true(strstr(out.buf, "offices") != NULL);
		strbuf_release(&out);
		content_release(&c);
		write_file("combad", "common/priority.yaml", priority_yaml);
	}

	/* vulns/: a product that is not listed, a version without digits */
	write_file("combad", "vulns/acme.yaml",
		   "kev_as_of: 2026-08-21\nmaker:\n  id: acme\n  label: Acme\nproducts:\n"
		   "  - id: box\n    label: Box\n    version_hint: 例\n"
		   "vulns:\n  - id: cve-1\n    cve: CVE-1\n    product: boxx\n"
		   "    title: t\n    affected:\n      - from: 1.0\n"
		   "        to: 1.2\n        fixed: 1.3\n    allows: a\n"
		   "    action: b\n    exploited: true\n    source: s\n"
		   "    verified: true\n");
	check_int(load_root("combad", &c, &e), 0); /* a bad vulns/ is skipped */
	check_true(strstr(c.warnings.buf, "acme.yaml:12:14") != NULL);
	check_int(c.nmakers, 0);
	content_release(&c);
	write_file("combad", "vulns/acme.yaml",
		   "kev_as_of: 2026-08-21\nmaker:\n  id: acme\n  label: Acme\nproducts:\n"
		   "  - id: box\n    label: Box\n    version_hint: 例\n"
		   "vulns:\n  - id: cve-1\n    cve: CVE-1\n    product: box\n"
		   "    title: t\n    affected:\n      - from: one\n"
		   "        to: 1.2\n        fixed: 1.3\n    allows: a\n"
		   "    action: b\n    exploited: true\n    source: s\n"
		   "    verified: true\n");
	check_int(load_root("combad", &c, &e), 0);
	check_true(strstr(c.warnings.buf, "acme.yaml:15:15") != NULL);
	content_release(&c);
	/* the same id twice: refused at the second one */
	write_file("combad", "vulns/acme.yaml",
		   "kev_as_of: 2026-08-21\nmaker:\n  id: acme\n  label: Acme\nproducts:\n"
		   "  - id: box\n    label: Box\n    version_hint: 例\n"
		   "  - id: box\n    label: Box 2\n    version_hint: 例\n"
		   "vulns: []\n");
	check_int(load_root("combad", &c, &e), 0);
	check_int(c.nmakers, 0);
	check_true(strstr(c.warnings.buf, "acme.yaml:9:") != NULL);
	check_true(strstr(c.warnings.buf, "box") != NULL);
	content_release(&c);
}

static void
test_real_order(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	static const char *const r7_order[] = {
		"has-medical-system",
		"security-officer",
		"device-ledger",
		"remote-maintenance-check",
		"mds-sds",
		"access-rights",
		"unused-accounts",
		"security-patches",
		"password-rules",
		"password-reuse",
		"external-media",
		"two-factor",
		"access-log",
		"unneeded-services",
		"connection-source",
		"contact-chart",
		"backup",
		"bcp",
		"operation-rules",
	};
	struct content c;
	struct err e = ERR_INIT;
	struct strbuf out = STRBUF_INIT;
	size_t i, k;

	check_int(content_load(&c, roots, &e), 0);
	check_int(content_check(&c, &out), 0);
	if (out.len)
		printf("%s", out.buf);
	for (k = 0; k < c.neditions; k++) {
		const struct edition *ed = &c.editions[k];

		check_int(ed->nitems, sizeof(r7_order) / sizeof(r7_order[0]));
		for (i = 0; i < ed->nitems &&
			    i < sizeof(r7_order) / sizeof(r7_order[0]);
		     i++)
			check_str(ed->items[i].id, r7_order[i]);
		check_true(ed->nvitems > 0);
		/* every vendor item mirrors a clinic item of its edition */
		for (i = 0; i < ed->nvitems; i++)
			check_true(ed->vitems[i].clinic_item[0] == '\0' ||
				   content_item_find(
					   ed, ed->vitems[i].clinic_item) !=
					   NULL);
	}
	/* the shipped vulnerabilities: FortiOS flaws of the Handa case */
	{
		const struct vmaker *m = content_maker_find(&c, "fortinet");
		size_t j, found = 0;

		check_true(m != NULL);
		for (j = 0; m != NULL && j < m->nvulns; j++)
			found += strcmp(m->vulns[j].product, "fortigate") ==
					 0 &&
				 (strcmp(m->vulns[j].cve, "CVE-2018-13379") ==
					  0 ||
				 strcmp(m->vulns[j].cve, "CVE-2022-40684") ==
					 0 ||
				  strcmp(m->vulns[j].cve, "CVE-2022-42475") ==
					  0);
		check_int(found, 3);
		check_true(c.nlines > 0 && c.nrules > 0);
	}
	/* 該当なし where there is no vendor contract */
	check_true(content_item_find(content_edition_find(&c, "r7"),
				     "remote-maintenance-check")
			   ->na != NULL);
	content_release(&c);
	strbuf_release(&out);
	free(root);
}

/*
 * A FIFO or a folder where a content file should be: refused with the
 * file's name at once, never waited on (a FIFO would block startup).
 */
static void
test_not_files(void)
{
	struct content c;
	struct err e = ERR_INIT;
	struct strbuf p = STRBUF_INIT;

	write_common("fifo");
	write_file("fifo/t1", "edition.yaml", edition);
	strbuf_addf(&p, "%s/fifo/t1/s1.yaml", tmp);
	check_int(mkfifo(p.buf, 0600), 0);
	check_int(load_root("fifo", &c, &e), -1);
	check_true(strstr(e.msg, "s1.yaml") != NULL);
	check_true(strstr(e.msg, "not a plain file") != NULL);
	content_release(&c);
	unlink(p.buf);
	check_int(mkdir(p.buf, 0700), 0);
	check_int(load_root("fifo", &c, &e), -1);
	check_true(strstr(e.msg, "s1.yaml") != NULL);
	content_release(&c);
	strbuf_release(&p);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (mkdtemp(tmp) == NULL)
		return 1;
	test_real_content();
	test_errors();
	test_bom();
	test_override();
	test_vendor_and_mapping();
	test_common();
	test_real_order();
	test_not_files();
	{
		struct strbuf cmd = STRBUF_INIT;

		strbuf_addf(&cmd, "rm -rf '%s'", tmp);
		if (system(cmd.buf) != 0)
			printf("could not remove %s\n", tmp);
		strbuf_release(&cmd);
	}
	return check_done("test_content");
}

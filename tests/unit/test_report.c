#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "content/content.h"
#include "model/answer.h"
#include "model/date.h"
#include "model/facility.h"
#include "model/gap.h"
#include "report/report.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The scratch directory of this run (mkdtemp). */
static char tmpdir[64];

/* A small hand-made edition: three items, the second one unverified. */
static struct item items[3];
static struct section sections[1];
static struct edition ed;
/* The real content: priority levels, contact roles and the like. */
static struct content content;

static void
make_item(struct item *it, const char *id, const char *number,
	  const char *title, bool verified, enum who who, bool two_cells)
{
	memset(it, 0, sizeof(*it));
	snprintf(it->id, sizeof(it->id), "%s", id);
	it->number = xstrdup(number);
	it->title = xstrdup(title);
	it->source = xstrdup("test");
	it->verified = verified;
	it->who = who;
	if (two_cells) {
		it->labelled = true;
		it->cells[0] = CELL_SERVER;
		it->cells[1] = CELL_PC;
		it->ncells = 2;
	} else {
		it->cells[0] = CELL_ALL;
		it->ncells = 1;
	}
}

static void
make_edition(void)
{
	memset(&ed, 0, sizeof(ed));
	snprintf(ed.id, sizeof(ed.id), "r8");
	ed.name = xstrdup("令和8年度版");
	ed.title = xstrdup(
		"医療機関におけるサイバーセキュリティ対策チェックリスト");
	ed.first_year = 2026;
	sections[0].number = xstrdup("1");
	sections[0].title = xstrdup("体制構築");
	ed.sections = sections;
	ed.nsections = 1;
	make_item(&items[0], "security-officer", "1-①",
		  "医療情報システム安全管理責任者を設置している", true,
		  WHO_CLINIC, false);
	make_item(&items[1], "vpn-update", "2-⑦", "VPN機器を更新している",
		  false, WHO_VENDOR, true);
	make_item(&items[2], "backup", "3-②", "バックアップを取得している",
		  true, WHO_BOTH, false);
	ed.items = items;
	ed.nitems = 3;
}

static void
free_item(struct item *it)
{
	free(it->number);
	free(it->title);
	free(it->source);
}

static void
free_edition(void)
{
	size_t i;

	for (i = 0; i < 3; i++)
		free_item(&items[i]);
	free(ed.name);
	free(ed.title);
	free(sections[0].number);
	free(sections[0].title);
}

static void
put(struct answer_set *s, const char *id, enum cell cell, enum answer_value v,
    int ty, int tm, int td, const char *memo)
{
	struct answer a;

	memset(&a, 0, sizeof(a));
	a.year = 2026;
	snprintf(a.item_id, sizeof(a.item_id), "%s", id);
	a.cell = cell;
	a.value = v;
	a.target.y = ty;
	a.target.m = tm;
	a.target.d = td;
	a.memo = memo != NULL ? xstrdup(memo) : NULL;
	answer_set_put(s, &a);
	answer_release(&a);
}

/* Everything report_write needs, kept together for the tests. */
struct fixture {
	struct facility f;
	struct answer_set s;
	struct gap_list g;
	struct progress p;
	struct report_input in;
};

static void
fixture_init(struct fixture *x)
{
	memset(x, 0, sizeof(*x));
	x->f.name = xstrdup("テスト内科クリニック");
	x->f.type = FACILITY_CLINIC;
	x->f.manager = xstrdup("山田 太郎");
	x->f.officer = xstrdup("佐藤 花子");
	x->f.year = 2026;
	snprintf(x->f.edition, sizeof(x->f.edition), "r8");
	x->s.year = 2026;
	put(&x->s, "security-officer", CELL_ALL, ANSWER_YES, 0, 0, 0, NULL);
	put(&x->s, "vpn-update", CELL_SERVER, ANSWER_NO, 2026, 12, 1,
	    "保守事業者にファームウェアの版を問い合わせる。");
	put(&x->s, "vpn-update", CELL_PC, ANSWER_YES, 0, 0, 0, NULL);
	put(&x->s, "backup", CELL_ALL, ANSWER_UNKNOWN, 0, 0, 0, NULL);
	gap_compute(&ed, &x->s, &x->g, &x->p);
	x->in.facility = &x->f;
	x->in.edition = &ed;
	x->in.answers = &x->s;
	x->in.gaps = &x->g;
	x->in.progress = &x->p;
	x->in.today.y = 2026;
	x->in.today.m = 11;
	x->in.today.d = 25;
	x->in.font_path = NULL;
	x->in.content = &content;
}

static void
fixture_release(struct fixture *x)
{
	gap_list_release(&x->g);
	answer_set_release(&x->s);
	facility_release(&x->f);
}

static char *
tmp_path(const char *name)
{
	return path_join(tmpdir, name);
}

/* Reads the whole output of cmd (stderr left alone: poppler warns). */
static void
run(const char *cmd, struct strbuf *out)
{
	char buf[4096];
	FILE *f = popen(cmd, "r");
	size_t n;

	strbuf_reset(out);
	if (f == NULL)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	pclose(f);
}

static bool
have_tool(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	bool ok;

	strbuf_addf(&sb, "command -v %s >/dev/null 2>&1", name);
	ok = system(sb.buf) == 0;
	strbuf_release(&sb);
	/* the test command installs poppler-utils: missing is a failure,
	 * never a third of the checks quietly skipped */
	if (!ok)
		printf("  %s is missing (scripts/deps.sh --test)\n", name);
	check_true(ok);
	return ok;
}

static bool
starts_with_pdf(const char *path)
{
	char head[5] = "";
	FILE *f = fopen(path, "rb");
	bool ok;

	if (f == NULL)
		return false;
	ok = fread(head, 1, 4, f) == 4 && memcmp(head, "%PDF", 4) == 0;
	fclose(f);
	return ok;
}

/* True when want occurs in text, ignoring spaces in both. */
static bool
contains_nospace(const char *text, const char *want)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	bool r;

	for (; *text != '\0'; text++)
		if (*text != ' ')
			strbuf_addch(&a, *text);
	for (; *want != '\0'; want++)
		if (*want != ' ')
			strbuf_addch(&b, *want);
	r = strstr(a.buf, b.buf) != NULL;
	strbuf_release(&a);
	strbuf_release(&b);
	return r;
}

static void
pdf_text(const char *path, struct strbuf *out)
{
	struct strbuf cmd = STRBUF_INIT;

	strbuf_addf(&cmd, "pdftotext -layout '%s' - 2>/dev/null", path);
	run(cmd.buf, out);
	strbuf_release(&cmd);
}

static void
test_write(void)
{
	struct fixture x;
	struct report_result res = {99, 99, ""};
	struct err e = ERR_INIT;
	char *out = tmp_path("report.pdf");
	char *tmp = tmp_path("report.pdf.tmp");
	struct strbuf text = STRBUF_INIT, date = STRBUF_INIT;

	fixture_init(&x);
	check_int(x.g.n, 2);
	check_int(report_write(&x.in, out, &res, &e), 0);
	if (e.code != ERR_NONE)
		printf("report_write: %s (%s)\n", e.msg, e.detail);
	check_true(res.pages >= 1);
	check_int(res.replaced, 0);
	check_true(starts_with_pdf(out));
	check_true(!path_exists(tmp));

	if (have_tool("pdftotext")) {
		pdf_text(out, &text);
		check_true(strstr(text.buf, "テスト内科クリニック") != NULL);
		check_true(strstr(text.buf, "VPN機器を更新している") != NULL);
		check_true(strstr(text.buf, "バックアップを取得している") !=
			   NULL);
		check_true(strstr(text.buf, "保守事業者にファームウェア") !=
			   NULL);
		/* Answered はい: not a gap, so only in the transcript, which
		 * starts on a page of its own after the gap table. */
		{
			const char *tr = strstr(text.buf, "\f");
			const char *at = strstr(text.buf,
						"安全管理責任者を設置している");

			check_true(tr != NULL && at != NULL && at > tr);
		}
		date_add_wareki(&date, &x.g.v[0].answer->target);
		check_true(strstr(text.buf, date.buf) != NULL);
		if (strncmp(date.buf, "令和", strlen("令和")) != 0)
			printf("note: catalog not bound, dates are \"%s\"\n",
			       date.buf);
		else
			check_true(strstr(text.buf, "令和8年12月1日") != NULL);
		/* cover, summary, what to do first, transcript */
		check_int(res.pages, 4);
		check_true(contains_nospace(text.buf, "1 / 4"));
		check_true(contains_nospace(text.buf, "4 / 4"));
		/* the contents name each part with the page it starts on */
		check_true(strstr(text.buf, "目次") != NULL);
		check_true(contains_nospace(text.buf, "1. 点検の概要 2ページ"));
		check_true(contains_nospace(text.buf,
					    "2. 優先して対応すること 3ページ"));
		check_true(contains_nospace(
			text.buf,
			"3. チェックリスト回答一覧（公式様式の順） 4ページ"));
		/* backup is of high priority (priority.yaml), the VPN item of
		 * medium: backup comes first, and the chart counts them */
		{
			const char *pri =
				strstr(text.buf, "優先して対応すること\n");
			const char *b =
				pri ? strstr(pri, "バックアップを取得している")
				    : NULL;
			const char *v =
				pri ? strstr(pri, "VPN機器を更新している")
				    : NULL;

			check_true(b != NULL && v != NULL && b < v);
		}
		check_true(contains_nospace(text.buf, "全部で2件"));
		check_true(contains_nospace(text.buf, "高 1件"));
		check_true(contains_nospace(text.buf, "至急 0件"));
		/* no remote device: no 「まず最初に」 on the cover */
		check_true(strstr(text.buf, "まず最初に") == NULL);
	}
	if (have_tool("pdffonts")) {
		struct strbuf cmd = STRBUF_INIT;

		strbuf_addf(&cmd, "pdffonts '%s' 2>/dev/null", out);
		run(cmd.buf, &text);
		check_true(strstr(text.buf, "emb") != NULL);
		check_true(strstr(text.buf, " yes yes ") != NULL);
		strbuf_release(&cmd);
	}
	if (have_tool("pdfinfo")) {
		struct strbuf cmd = STRBUF_INIT;

		strbuf_addf(&cmd, "pdfinfo '%s' 2>/dev/null", out);
		run(cmd.buf, &text);
		check_true(strstr(text.buf, "テスト内科クリニック") != NULL);
		check_true(strstr(text.buf, "iryosec") != NULL);
		strbuf_release(&cmd);
	}
	/* Writing again replaces the file. */
	check_int(report_write(&x.in, out, &res, &e), 0);
	check_true(starts_with_pdf(out));

	fixture_release(&x);
	strbuf_release(&text);
	strbuf_release(&date);
	free(out);
	free(tmp);
}

/* The first line of path, or "" (for comparing before and after). */
static void
read_head(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0;

	if (f != NULL) {
		n = fread(buf, 1, size - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
}

static void
test_bad_font(void)
{
	struct fixture x;
	struct err e = ERR_INIT;
	char *out = tmp_path("nofont.pdf");
	char *tmp = tmp_path("nofont.pdf.tmp");
	char *font = tmp_path("missing.ttf");
	char *text = tmp_path("notafont.ttf");
	char *keep = tmp_path("keep.pdf");
	char before[32], after[32];
	FILE *f;

	fixture_init(&x);
	x.in.font_path = font;
	check_int(report_write(&x.in, out, NULL, &e), -1);
	check_int(e.code, ERR_FONT);
	check_true(strstr(e.msg, font) != NULL);
	check_true(strstr(e.msg, "fonts-ipaexfont-gothic") != NULL);
	check_true(!path_exists(out));
	check_true(!path_exists(tmp));

	/* A file that is not a TrueType font. */
	f = fopen(text, "w");
	if (f != NULL) {
		fputs("this is not a font\n", f);
		fclose(f);
	}
	x.in.font_path = text;
	err_clear(&e);
	check_int(report_write(&x.in, out, NULL, &e), -1);
	check_int(e.code, ERR_FONT);
	check_true(strstr(e.msg, text) != NULL);
	check_true(!path_exists(out));

	/* TrueType's magic number, then garbage: libharu itself refuses. */
	f = fopen(text, "wb");
	if (f != NULL) {
		static const char junk[] = "\0\1\0\0garbage, not tables";

		fwrite(junk, 1, sizeof(junk) - 1, f);
		fclose(f);
	}
	err_clear(&e);
	check_int(report_write(&x.in, out, NULL, &e), -1);
	check_int(e.code, ERR_FONT);
	check_true(strstr(e.msg, text) != NULL);
	check_true(!path_exists(out));
	check_true(!path_exists(tmp));

	/* An existing report is left as it was. */
	f = fopen(keep, "w");
	if (f != NULL) {
		fputs("old report\n", f);
		fclose(f);
	}
	read_head(keep, before, sizeof(before));
	x.in.font_path = font;
	check_int(report_write(&x.in, keep, NULL, &e), -1);
	read_head(keep, after, sizeof(after));
	check_str(after, before);

	/* $IRYOSEC_FONT is used when no --font is given. */
	setenv("IRYOSEC_FONT", font, 1);
	check_str(report_font_path(NULL), font);
	check_str(report_font_path("/x.ttf"), "/x.ttf");
	x.in.font_path = NULL;
	err_clear(&e);
	check_int(report_write(&x.in, out, NULL, &e), -1);
	check_int(e.code, ERR_FONT);
	unsetenv("IRYOSEC_FONT");
	check_str(report_font_path(NULL),
		  "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

	fixture_release(&x);
	free(out);
	free(tmp);
	free(font);
	free(text);
	free(keep);
}

static void
test_bad_output(void)
{
	struct fixture x;
	struct err e = ERR_INIT;
	char *out = tmp_path("no-such-folder/report.pdf");

	fixture_init(&x);
	check_int(report_write(&x.in, out, NULL, &e), -1);
	check_int(e.code, ERR_IO);
	check_true(strstr(e.msg, out) != NULL);
	check_true(!path_exists(out));

	/* The output path is a folder. */
	err_clear(&e);
	check_int(report_write(&x.in, tmpdir, NULL, &e), -1);
	check_int(e.code, ERR_IO);

	fixture_release(&x);
	free(out);
}

static void
test_replaced(void)
{
	struct fixture x;
	struct report_result res = {0, 0, ""};
	struct err e = ERR_INIT;
	char *out = tmp_path("yoshi.pdf");
	char *old = items[2].title;
	struct strbuf text = STRBUF_INIT;

	/* 𠮷 is outside the BMP: printed as 〓 and counted once. */
	items[2].title = "𠮷野家のバックアップ";
	fixture_init(&x);
	check_int(report_write(&x.in, out, &res, &e), 0);
	/* printed in the gap table and the transcript: one character */
	check_int(res.replaced, 1);
	check_str(res.missing, "𠮷");
	if (have_tool("pdftotext")) {
		pdf_text(out, &text);
		check_true(strstr(text.buf, "〓野家のバックアップ") != NULL);
	}
	items[2].title = old;

	/* In the facility name: printed in several places, counted once. */
	free(x.f.name);
	x.f.name = xstrdup("𠮷田クリニック");
	check_int(report_write(&x.in, out, &res, &e), 0);
	check_int(res.replaced, 1);
	fixture_release(&x);
	strbuf_release(&text);
	free(out);
}

/* Many gaps and a very long memo: several pages, header repeated. */
static void
test_many_pages(void)
{
	struct fixture x;
	struct report_result res = {0, 0, ""};
	struct err e = ERR_INIT;
	char *out = tmp_path("long.pdf");
	struct strbuf memo = STRBUF_INIT, text = STRBUF_INIT;
	struct item *many = xcalloc(60, sizeof(*many));
	struct item *saved = ed.items;
	size_t nsaved = ed.nitems, i;
	const char *p;
	int heads = 0;

	for (i = 0; i < 60; i++) {
		char id[16], num[16];

		snprintf(id, sizeof(id), "item-%zu", i);
		snprintf(num, sizeof(num), "%zu-%zu", i / 10 + 1, i % 10 + 1);
		make_item(
			&many[i], id, num,
			i % 7 == 0
				? "長い項目名の例です。ネットワーク機器の設定を見直し、不要な通信を止めている"
				: "パスワードを定期的に変更している",
			i % 3 != 0, WHO_BOTH, false);
	}
	ed.items = many;
	ed.nitems = 60;
	fixture_init(&x);
	for (i = 0; i < 4000; i++)
		strbuf_addstr(&memo, i % 40 == 39 ? "。" : "あ");
	for (i = 0; i < 60; i++)
		put(&x.s, many[i].id, CELL_ALL,
		    i % 2 ? ANSWER_NO : ANSWER_UNKNOWN, i % 4 ? 2027 : 0, 3, 31,
		    i == 5       ? memo.buf
		    : i % 5 == 0 ? "短いメモ"
				 : NULL);
	gap_list_release(&x.g);
	gap_compute(&ed, &x.s, &x.g, &x.p);
	check_int(x.g.n, 60);
	check_int(report_write(&x.in, out, &res, &e), 0);
	check_true(res.pages >= 4);
	if (have_tool("pdftotext")) {
		char want[32];

		pdf_text(out, &text);
		snprintf(want, sizeof(want), "%zu / %zu", res.pages, res.pages);
		check_true(contains_nospace(text.buf, want));
		for (p = text.buf; (p = strstr(p, "\f")) != NULL; p++)
			heads++;
		check_int(heads, (int)res.pages);
	}
	ed.items = saved;
	ed.nitems = nsaved;
	for (i = 0; i < 60; i++)
		free_item(&many[i]);
	free(many);
	fixture_release(&x);
	strbuf_release(&memo);
	strbuf_release(&text);
	free(out);
}

/* --only: the chosen parts alone, in the usual order; empty is an error */
static void
test_parts(void)
{
	struct fixture x;
	struct report_result res = {0, 0, ""};
	struct err e = ERR_INIT;
	char *out = tmp_path("parts.pdf");
	struct strbuf text = STRBUF_INIT;

	check_int(report_part_parse("transcript"), REPORT_TRANSCRIPT);
	check_int(report_part_parse("contacts"), REPORT_CONTACTS);
	check_int(report_part_parse("Transcript"), 0);
	check_int(report_part_parse(""), 0);

	fixture_init(&x);
	x.in.parts = REPORT_TRANSCRIPT;
	check_int(report_write(&x.in, out, &res, &e), 0);
	check_int(res.pages, 1);
	if (have_tool("pdftotext")) {
		pdf_text(out, &text);
		check_true(strstr(text.buf, "チェックリスト回答一覧") != NULL);
		check_true(strstr(text.buf, "目次") == NULL);
		check_true(strstr(text.buf, "優先して対応すること") == NULL);
		check_true(contains_nospace(text.buf, "1 / 1"));
	}
	x.in.parts = REPORT_PRIORITY | REPORT_TRANSCRIPT;
	check_int(report_write(&x.in, out, &res, &e), 0);
	check_int(res.pages, 2);
	if (have_tool("pdftotext")) {
		const char *a, *b;

		pdf_text(out, &text);
		a = strstr(text.buf, "優先して対応すること");
		b = strstr(text.buf, "チェックリスト回答一覧");
		check_true(a != NULL && b != NULL && a < b);
	}

	/* vendors only, with no vendor registered: nothing to print */
	x.in.parts = REPORT_VENDORS;
	check_int(report_write(&x.in, out, &res, &e), -1);
	check_int(e.code, ERR_INPUT);
	check_true(e.msg[0] != '\0');

	fixture_release(&x);
	strbuf_release(&text);
	free(out);
}

static void
test_gate_and_empty(void)
{
	struct fixture x;
	struct report_result res = {0, 0, ""};
	struct err e = ERR_INIT;
	char *out = tmp_path("empty.pdf");
	char *gate = tmp_path("gate.pdf");
	struct strbuf text = STRBUF_INIT;

	fixture_init(&x);
	/* No answers at all: no gaps, still a report. */
	answer_set_release(&x.s);
	gap_list_release(&x.g);
	gap_compute(&ed, &x.s, &x.g, &x.p);
	check_int(report_write(&x.in, out, &res, &e), 0);
	check_int(res.pages, 4); /* cover, summary, "no gap", transcript */
	if (have_tool("pdftotext")) {
		pdf_text(out, &text);
		check_true(
			strstr(text.buf,
			       "これまでの回答には、対応が必要な項目はありません") !=
			NULL);
		/* no empty chart in the summary */
		check_true(strstr(text.buf, "これまでの回答と登録の中には") !=
			   NULL);
		check_true(strstr(text.buf, "全部で") == NULL);
	}

	/* The gate row answered いいえ. */
	items[0].gate = true;
	put(&x.s, "security-officer", CELL_ALL, ANSWER_NO, 0, 0, 0, NULL);
	gap_list_release(&x.g);
	gap_compute(&ed, &x.s, &x.g, &x.p);
	check_true(x.p.gate_no);
	check_int(report_write(&x.in, gate, &res, &e), 0);
	if (have_tool("pdftotext")) {
		/* The gate's title is named where the report says why the
		   other items need no answer. */
		pdf_text(gate, &text);
		check_true(strstr(text.buf, "安全管理責任者を設置している") !=
			   NULL);
	}
	items[0].gate = false;
	gap_list_release(&x.g);
	gap_compute(&ed, &x.s, &x.g, &x.p);

	/* Empty facility fields. */
	free(x.f.name);
	x.f.name = NULL;
	free(x.f.manager);
	x.f.manager = NULL;
	check_int(report_write(&x.in, out, &res, &e), 0);

	fixture_release(&x);
	strbuf_release(&text);
	free(out);
	free(gate);
}

int
main(void)
{
	const char *bin = getenv("IRY_BINARY_DIR");
	struct strbuf cmd = STRBUF_INIT;

	setlocale(LC_ALL, "C.UTF-8");
	if (bin != NULL) {
		char *dir = path_join(bin, "locale");

		i18n_catalog_init(dir);
		free(dir);
	}
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/iry-report-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	{
		const char *src = getenv("IRY_SOURCE_DIR");
		char *root = path_join(src ? src : ".", "content");
		char *roots[2] = {root, NULL};
		struct err e = ERR_INIT;

		if (content_load(&content, roots, &e) != 0) {
			printf("content: %s\n", e.msg);
			return 1;
		}
		free(root);
	}
	make_edition();
	test_write();
	test_bad_font();
	test_bad_output();
	test_replaced();
	test_many_pages();
	test_gate_and_empty();
	test_parts();
	free_edition();
	content_release(&content);
	if (getenv("IRY_KEEP_TMP") == NULL) {
		strbuf_addf(&cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd.buf) != 0)
			printf("could not remove %s\n", tmpdir);
	} else {
		printf("kept %s\n", tmpdir);
	}
	strbuf_release(&cmd);
	return check_done("test_report");
}

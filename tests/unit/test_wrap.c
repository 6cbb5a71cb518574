#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/wrap.h"

/* The terminal's measure, simplified: ASCII 1 column, the rest 2. */
static double
fixed_width(uint32_t cp, void *ctx)
{
	(void)ctx;
	if (cp >= 0x300 && cp <= 0x36F)
		return 0; /* combining marks */
	return cp < 0x80 ? 1 : 2;
}

/* Wraps s at width and joins the lines with '|'. */
static void
wrap_all(struct strbuf *out, const char *s, double width)
{
	size_t len = strlen(s), pos = 0, n = 0;

	strbuf_reset(out);
	while (pos < len && n++ < 1000) {
		size_t next;
		size_t l = wrap_line(s + pos, len - pos, width, fixed_width,
				     NULL, &next);

		if (out->len > 0 || pos > 0)
			strbuf_addch(out, '|');
		strbuf_add(out, s + pos, l);
		if (next == 0)
			break;
		pos += next;
	}
}

struct wrap_case {
	const char *name;
	const char *text;
	double width;
	const char *want; /* lines joined by '|' */
};

static const struct wrap_case cases[] = {
	{"fits", "あいう", 10, "あいう"},
	{"exact fit", "あいうえお", 10, "あいうえお"},
	{"one over", "あいうえおか", 10, "あいうえお|か"},
	{"。 does not start a line", "あいうえお。", 10, "あいうえ|お。"},
	{"、 does not start a line", "あいうえお、かき", 10,
	 "あいうえ|お、かき"},
	{"） does not start a line", "あいう（え）か", 10, "あいう|（え）か"},
	{"） pushed", "あい（うえ）か", 10, "あい（う|え）か"},
	{"ー does not start a line", "あいうえパーク", 10, "あいうえ|パーク"},
	{"small kana", "あいうえしゃ", 10, "あいうえ|しゃ"},
	{"」 and 。 together", "あいう「え」。", 10, "あいう|「え」。"},
	{"「 does not end a line", "あいう「えお」", 8, "あいう|「えお」"},
	{"「「 run", "ああ「「「かか", 10, "ああ|「「「かか"},
	{"ASCII ) and ,", "abc あい(v1), x", 8, "abc あい|(v1), x"},
	{"word kept whole", "あいうCVE-2018-13379", 18,
	 "あいう|CVE-2018-13379"},
	{"word exact fit", "あいうCVE-2018-13379", 20, "あいうCVE-2018-13379"},
	{"version kept", "版は7.0.10です", 8, "版は|7.0.10で|す"},
	{"long word split", "abc defghijklmnop", 5, "abc|defgh|ijklm|nop"},
	{"URL", "詳細はhttps://example.jp/a/b.htmlを見てください", 30,
	 "詳細は|https://example.jp/a/b.htmlを|見てください"},
	{"URL longer than a line", "見るhttps://example.jp/abc/def", 10,
	 "見る|https://ex|ample.jp/a|bc/def"},
	{"spaces dropped at a break", "ab cd ef", 5, "ab cd|ef"},
	{"several spaces", "ab    cd", 3, "ab|cd"},
	{"newline", "あい\nう", 10, "あい|う"},
	{"empty line", "あ\n\nい", 10, "あ||い"},
	{"final newline", "あ\n", 10, "あ"},
	{"only newlines", "\n\n", 10, "|"},
	{"spaces before newline", "ab   \ncd", 3, "ab|cd"},
	{"narrower than a character", "あいう", 1, "あ|い|う"},
	{"zero width", "あい", 0, "あ|い"},
	{"combining mark stays", "かか\xcc\x81か", 2, "か|か\xcc\x81|か"},
	{"forced when no break allowed", "「「「「「「", 4, "「「|「「|「「"},
	{"forced before 。", "あ。", 2, "あ|。"},
	{"invalid byte", "a\377b", 1, "a|\377|b"},
};

static void
test_cases(void)
{
	struct strbuf out = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct wrap_case *c = &cases[i];

		wrap_all(&out, c->text, c->width);
		if (strcmp(out.buf, c->want) != 0)
			printf("case \"%s\":\n", c->name);
		check_str(out.buf, c->want);
	}
	strbuf_release(&out);
}

static void
test_empty(void)
{
	size_t next = 99;

	check_int(wrap_line("", 0, 10, fixed_width, NULL, &next), 0);
	check_int(next, 0);
	check_int(wrap_count_lines("", 0, 10, fixed_width, NULL), 0);
	check_int(wrap_count_lines("a\n", 2, 10, fixed_width, NULL), 1);
	check_int(wrap_count_lines("a\n\nb", 4, 10, fixed_width, NULL), 3);
	check_int(wrap_count_lines("あいうえおか", strlen("あいうえおか"), 10,
				   fixed_width, NULL),
		  2);
}

static int
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Width of s[0..len) with the fixed measure, and its character count. */
static double
measure_str(const char *s, size_t len, size_t *chars)
{
	size_t i = 0;
	double w = 0;

	*chars = 0;
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n <= 0) {
			cp = 0xFFFD;
			n = 1;
		}
		w += fixed_width(cp, NULL);
		i += (size_t)n;
		(*chars)++;
	}
	return w;
}

static int
starts_with_any(const char *s, size_t len, const char *const *set)
{
	size_t i;

	for (i = 0; set[i] != NULL; i++) {
		size_t n = strlen(set[i]);

		if (len >= n && memcmp(s, set[i], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Every width from 1 to 40 over a mixed text: lengths on character
 * boundaries, progress, no line too wide, nothing lost but spaces and
 * newlines, and (where the line is wide enough) kinsoku kept.
 */
static void
test_every_width(void)
{
	static const char text[] =
		"安全管理責任者は、VPN機器（FortiGate 7.0.10）の"
		"CVE-2018-13379を確認します。「はい」と答えられるよう、"
		"https://example.jp/x を見てください。\n改行のあと、"
		"ちょっとしたメモ…ゃっー。 end.";
	static const char *const bad_start[] = {"、", "。", "）", "」", "ー",
						"ゃ", "っ", "…",  NULL};
	static const char *const bad_end[] = {"（", "「", NULL};
	size_t len = strlen(text);
	int w;

	for (w = 1; w <= 40; w++) {
		size_t pos = 0, lines = 0;
		int ok_boundary = 1, ok_width = 1, ok_progress = 1;
		int ok_kept = 1, ok_kinsoku = 1;

		while (pos < len && lines < 1000) {
			size_t next, chars;
			size_t l = wrap_line(text + pos, len - pos, w,
					     fixed_width, NULL, &next);
			size_t k;

			lines++;
			if (next == 0 || l > next || pos + next > len) {
				ok_progress = 0;
				break;
			}
			if ((pos + l < len &&
			     is_cont((unsigned char)text[pos + l])) ||
			    (pos + next < len &&
			     is_cont((unsigned char)text[pos + next])))
				ok_boundary = 0;
			if (measure_str(text + pos, l, &chars) > w && chars > 1)
				ok_width = 0;
			for (k = pos + l; k < pos + next; k++)
				if (text[k] != ' ' && text[k] != '\n')
					ok_kept = 0;
			if (w >= 12 && l > 0) {
				size_t last = l;

				while (last > 0 &&
				       is_cont((unsigned char)
						       text[pos + last - 1]))
					last--;
				if (last > 0)
					last--;
				if ((pos > 0 && text[pos - 1] != '\n' &&
				     starts_with_any(text + pos, l,
						     bad_start)) ||
				    (pos + next < len &&
				     text[pos + l] != '\n' &&
				     starts_with_any(text + pos + last,
						     l - last, bad_end)))
					ok_kinsoku = 0;
			}
			pos += next;
		}
		if (!(ok_boundary && ok_width && ok_progress && ok_kept &&
		      ok_kinsoku))
			printf("width %d:\n", w);
		check_true(ok_progress);
		check_true(ok_boundary);
		check_true(ok_width);
		check_true(ok_kept);
		check_true(ok_kinsoku);
		check_true(lines ==
			   wrap_count_lines(text, len, w, fixed_width, NULL));
	}
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_cases();
	test_empty();
	test_every_width();
	return check_done("test_wrap");
}

/* UTF-8 decoding, widths and cutting (docs/style.md §6: the edges the
 * anchors test). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/utf8.h"

static void
test_decode(void)
{
	uint32_t cp = 0;

	check_int(utf8_decode("a", 1, &cp), 1);
	check_int(cp, 'a');
	check_int(utf8_decode("\xE3\x81\x82", 3, &cp), 3); /* あ */
	check_int(cp, 0x3042);
	check_int(utf8_decode("\xE3\x81", 2, &cp), -2);         /* cut short */
	check_int(utf8_decode("\xC0\xAF", 2, &cp), -1);         /* overlong */
	check_int(utf8_decode("\xED\xA0\x80", 3, &cp), -1);     /* surrogate */
	check_int(utf8_decode("\xF4\x90\x80\x80", 4, &cp), -1); /* > 10FFFF */
	check_int(utf8_decode("\x80", 1, &cp), -1);
	check_int(utf8_decode("\xF0\xA0\xAE\xB7", 4, &cp), 4); /* 𠮷 */
	check_int(cp, 0x20BB7);
	check_int(utf8_decode("", 0, &cp), 0);
}

static void
test_encode_roundtrip(void)
{
	static const uint32_t cps[] = {0x41, 0xE9, 0x3042, 0xFF21, 0x20BB7};
	size_t i;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		char buf[4];
		uint32_t back = 0;
		size_t n = utf8_encode_cp(cps[i], buf);

		check_int(utf8_decode(buf, n, &back), (int)n);
		check_int(back, cps[i]);
	}
}

static void
test_check(void)
{
	size_t bad = 99;

	check_int(utf8_check("山田", strlen("山田"), &bad), 0);
	check_int(utf8_check("ab\xFF", 3, &bad), -1);
	check_int(bad, 2);
}

/* Sets NAME=VALUE; an empty VALUE removes NAME (as _putenv on Windows). */
static void
put_env(const char *assignment)
{
#ifdef _WIN32
	_putenv(assignment);
#else
	const char *eq = strchr(assignment, '=');
	char name[64];

	snprintf(name, sizeof(name), "%.*s", (int)(eq - assignment),
		 assignment);
	if (eq[1] == '\0')
		unsetenv(name);
	else
		setenv(name, eq + 1, 1);
#endif
}

static void
test_width(void)
{
	check_int(utf8_width("あ"), 2);
	check_int(utf8_width("ｱ"), 1);         /* half-width katakana */
	check_int(utf8_width("e\xCC\x81"), 1); /* e + combining acute */
	check_int(utf8_width("山田太郎x"), 9);
	check_int(utf8_width("①"), 1); /* ambiguous: narrow */
	check_int(utf8_width("※"), 1);
	put_env("IRYOSEC_AMBIGUOUS_WIDTH=2");
	utf8_width_init();
	check_int(utf8_width("①"), 2);
	check_int(utf8_width("※"), 2);
	check_int(utf8_width("あ"), 2);
	put_env("IRYOSEC_AMBIGUOUS_WIDTH=");
	utf8_width_init();
	check_int(utf8_width("①"), 1);
}

static void
test_cut(void)
{
	const char *s = "aあb"; /* 1 + 3 + 1 bytes */
	size_t i;

	check_int(utf8_cut(s, 0), 0);
	check_int(utf8_cut(s, 1), 1);
	check_int(utf8_cut(s, 2), 1);
	check_int(utf8_cut(s, 3), 1);
	check_int(utf8_cut(s, 4), 4);
	check_int(utf8_cut(s, 5), 5);
	check_int(utf8_cut(s, 99), 5);
	/* every cut of a 3-byte character lands on a boundary */
	for (i = 0; i <= 9; i++) {
		size_t n = utf8_cut("あいう", i);

		check_int(n % 3, 0);
		check_true(n <= i);
	}
}

static void
test_fit(void)
{
	size_t used = 0;

	check_int(utf8_fit("これはとても長い説明", 21, &used), 30);
	check_int(used, 20);
	check_int(utf8_fit("あいう", 3, &used), 3);
	check_int(used, 2);
	check_int(utf8_fit("あいう", 1, &used), 0);
	check_int(used, 0);
	check_int(utf8_len("あいうx"), 4);
}

static void
test_wcs(void)
{
	size_t n = 0;
	wchar_t *w = utf8_to_wcs("山\x01x", &n);
	char *back;

	check_int(n, 3);
	check_int(w[0], 0x5C71);
	check_int(w[1], '?'); /* control characters never reach the screen */
	back = utf8_from_wcs(w, n);
	check_str(back, "山?x");
	free(back);
	free(w);
	/* beyond the BMP: a surrogate pair where wchar_t is 16 bits (Windows) */
	w = utf8_to_wcs("a😀", &n);
	if (sizeof(wchar_t) == 2) {
		check_int(n, 3);
		check_int(w[1], 0xD83D);
		check_int(w[2], 0xDE00);
	} else {
		check_int(n, 2);
		check_int(w[1], 0x1F600);
	}
	back = utf8_from_wcs(w, n);
	check_str(back, "a😀");
	free(back);
	free(w);
	check_true(utf8_is_control(0x1B));
	check_true(utf8_is_control(0x9B));   /* C1 CSI */
	check_true(utf8_is_control(0x202E)); /* bidi override */
	check_true(!utf8_is_control(0x3042));
}

static void
test_template(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *args[] = {"電子カルテ", "アルファ"};

	strbuf_add_template(&sb, "「%s」は%sが更新（100%%）", args, 2);
	check_str(sb.buf, "「電子カルテ」はアルファが更新（100%）");
	strbuf_reset(&sb);
	strbuf_add_template(&sb, "%s と %s と %s", args, 2);
	check_str(sb.buf, "電子カルテ と アルファ と ");
	check_int(strbuf_template_slots("「%s」は%s"), 2);
	check_int(strbuf_template_slots("100%%"), 0);
	check_int(strbuf_template_slots("%d件"), -1);
	check_int(strbuf_template_slots("%n"), -1);
	strbuf_release(&sb);
}

/* A long message is cut on a character boundary, never inside one. */
static void
test_err_cut(void)
{
	struct err e = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t bad, shift;

	for (shift = 0; shift < 3; shift++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%.*s", (int)shift, "xx");
		while (sb.len < 600)
			strbuf_addstr(&sb, "点検");
		err_set(&e, ERR_IO, "%s", sb.buf);
		check_true(strlen(e.msg) > 390);
		check_int(utf8_check(e.msg, strlen(e.msg), &bad), 0);
	}
	strbuf_release(&sb);
}

static void
test_printable(void)
{
	char *p = utf8_printable("a\x1b[31mb\tc\nd\x7f\xc2\x9b"
				 "e\xe2\x80\xae"
				 "f\xff");

	check_str(p, "a?[31mb\tc\nd??e?f\xef\xbf\xbd");
	free(p);
	p = utf8_printable("電子カルテ😀");
	check_str(p, "電子カルテ😀");
	free(p);
}

/*
 * The table Windows uses (utf8_table_width) against glibc's wcwidth under
 * C.UTF-8, for every code point 0..U+10FFFF: equal where wcwidth gives a
 * width (0, 1 or 2), and 1 where it gives -1 (unassigned, surrogates,
 * controls), which is what utf8_cp_width() turns -1 into.
 */
static void
test_table_width(void)
{
#ifndef _WIN32 /* Windows has no wcwidth: the table's spot checks only */
	uint32_t cp;
	long bad = 0, printable = 0;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		int w = wcwidth((wchar_t)cp), t = utf8_table_width(cp);

		if (w >= 0)
			printable++;
		if (t == (w < 0 ? 1 : w))
			continue;
		if (bad++ < 10)
			printf("U+%04lX: table %d, wcwidth %d\n",
			       (unsigned long)cp, t, w);
	}
	check_int(bad, 0);
	check_true(printable > 280000); /* the locale knows Unicode */
#endif
	check_int(utf8_table_width('a'), 1);
	check_int(utf8_table_width(0x3042), 2);  /* hiragana a */
	check_int(utf8_table_width(0xFF21), 2);  /* fullwidth A */
	check_int(utf8_table_width(0x20BB7), 2); /* a CJK ideograph, plane 2 */
	check_int(utf8_table_width(0x1F600), 2); /* an emoji */
	check_int(utf8_table_width(0x0301), 0);  /* combining acute */
	check_int(utf8_table_width(0x200B), 0);  /* zero width space */
	check_int(utf8_table_width(0x00A7), 1);  /* ambiguous: 1 */
	check_int(utf8_table_width(0x110000), 1);
	check_int(utf8_table_width(0xFFFFFFFF), 1);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	utf8_width_init();
	test_decode();
	test_encode_roundtrip();
	test_check();
	test_width();
	test_cut();
	test_fit();
	test_wcs();
	test_template();
	test_printable();
	test_err_cut();
	test_table_width();
	return check_done("test_utf8");
}

/* What the PDF may print of a memo: never one that looks like a password;
 * a memo too long for the form is cut after a sentence, never mid-word. */
#include <locale.h>
#include <string.h>

#include "check.h"
#include "report/layout.h"
#include "util/utf8.h"

static void
test_private(void)
{
	struct strbuf b = STRBUF_INIT;

	check_true(layout_private(NULL, &b) == NULL);
	check_str(layout_private("院長に確認する", &b), "院長に確認する");
	check_true(strstr(layout_private("業者のPW: Abc12345", &b),
			  "Abc12345") == NULL);
	check_true(strstr(layout_private("管理画面 password=Xyz98765 です", &b),
			  "Xyz98765") == NULL);
	strbuf_release(&b);
}

static void
test_long(void)
{
	struct strbuf s = STRBUF_INIT, b = STRBUF_INIT;
	const char *out;
	size_t i;

	/* 40 sentences of 30 characters: 1,200 in all */
	for (i = 0; i < 40; i++)
		strbuf_addstr(&s, "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへ。");
	out = layout_private(s.buf, &b);
	check_true(utf8_len(out) <= LAYOUT_MEMO_MAX + 1);
	/* cut after the 33rd sentence: 「。」 then 「…」 */
	check_int(utf8_len(out), 33 * 30 + 1);
	check_true(strcmp(out + strlen(out) - 6, "。…") == 0);
	/* exactly at the limit: whole */
	strbuf_setlen(&s, 0);
	for (i = 0; i < LAYOUT_MEMO_MAX; i++)
		strbuf_addstr(&s, "あ");
	check_str(layout_private(s.buf, &b), s.buf);
	/* no sentence end at all: cut at the limit, on a character */
	strbuf_addstr(&s, "いう");
	out = layout_private(s.buf, &b);
	check_int(utf8_len(out), LAYOUT_MEMO_MAX + 1);
	strbuf_release(&s);
	strbuf_release(&b);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_private();
	test_long();
	return check_done("test_layout");
}

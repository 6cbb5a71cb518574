/* The form module: key sequences → saved values, Esc, limits, wide
 * characters, the choice list, boxes, buttons, the key bar, the help. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tui/form.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum { F_NAME, F_INFO, F_KIND, F_BOXES, F_CODE, F_GO, F__COUNT };

static const struct form_field fields[F__COUNT] = {
	[F_NAME] = {FORM_TEXT, "Name", "hint of name", "help of name", 5, 1,
		    0},
	[F_INFO] = {FORM_INFO, NULL, NULL, NULL, 0, 1, 0},
	[F_KIND] = {FORM_CHOICE, "Kind", NULL, "help of kind", 0, 1, 0},
	[F_BOXES] = {FORM_CHECKS, "Boxes", NULL, NULL, 0, 1, 0},
	[F_CODE] = {FORM_TEXT, "Code", NULL, NULL, 10, 1, 0},
	[F_GO] = {FORM_BUTTON, NULL, NULL, "help of the button", 0, 1, 1},
};

static const char *const kinds[] = {"Alpha", "Beta", "Gamma", "beach"};

/* The record the form edits, and what it was told. */
static struct rec {
	char *name;
	char *code;
	long kind;
	bool box[2];
	int saves;
	int pressed;
	bool refuse_choice;
	char said[200];
} r;

static struct form fm;

static void
value(void *ctx, int f, struct strbuf *out)
{
	(void)ctx;
	if (f == F_NAME)
		strbuf_addstr(out, r.name != NULL ? r.name : "");
	else if (f == F_CODE)
		strbuf_addstr(out, r.code != NULL ? r.code : "");
	else if (f == F_KIND)
		strbuf_addstr(out, r.kind >= 0 ? kinds[r.kind] : "choose");
	else if (f == F_GO)
		strbuf_addstr(out, "[ Go ]");
	else
		strbuf_addstr(out, "info");
}

static int
commit(void *ctx, int f, const char *text)
{
	char **p = f == F_NAME ? &r.name : &r.code;

	(void)ctx;
	if (strcmp(text, "bad") == 0) {
		form_error(&fm, "refused %s", text);
		return -1;
	}
	if (*p != NULL && strcmp(*p, text) == 0)
		return 0;
	free(*p);
	*p = xstrdup(text);
	r.saves++;
	return 0;
}

static size_t
count(void *ctx, int f)
{
	(void)ctx;
	return f == F_KIND ? 4 : 2;
}

static void
option(void *ctx, int f, size_t i, struct strbuf *out)
{
	(void)ctx;
	strbuf_addstr(out, f == F_KIND ? kinds[i] : i == 0 ? "one" : "two");
}

static long
current(void *ctx, int f)
{
	(void)ctx;
	(void)f;
	return r.kind;
}

static bool
checked(void *ctx, int f, size_t i)
{
	(void)ctx;
	(void)f;
	return r.box[i];
}

static int
choose(void *ctx, int f, size_t i)
{
	(void)ctx;
	if (r.refuse_choice) {
		form_error(&fm, "%s", "not now");
		return -1;
	}
	if (f == F_KIND)
		r.kind = (long)i;
	else
		r.box[i] = !r.box[i];
	r.saves++;
	return 0;
}

static void
activate(void *ctx, int f)
{
	(void)ctx;
	(void)f;
	r.pressed++;
}

static void
say(void *ctx, unsigned attr, const char *msg)
{
	(void)ctx;
	(void)attr;
	snprintf(r.said, sizeof(r.said), "%s", msg);
}

static const struct form_ops ops = {
	.value = value,
	.commit = commit,
	.count = count,
	.option = option,
	.current = current,
	.checked = checked,
	.choose = choose,
	.activate = activate,
	.say = say,
};

static enum form_result
ch(wint_t c)
{
	struct tkey k = {false, c};

	return form_key(&fm, &k);
}

static enum form_result
fn(int code)
{
	struct tkey k = {true, (wint_t)code};

	return form_key(&fm, &k);
}

static enum form_result
type(const char *s)
{
	enum form_result res = FORM_DONE;
	wchar_t w[64];
	size_t i, n = mbstowcs(w, s, 64);

	for (i = 0; i < n; i++)
		res = ch((wint_t)w[i]);
	return res;
}

static void
start(void)
{
	free(r.name);
	free(r.code);
	memset(&r, 0, sizeof(r));
	r.kind = -1;
	form_release(&fm);
	form_init(&fm, fields, F__COUNT, &ops, NULL);
	form_focus(&fm, F_NAME, 1);
}

static void
test_text(void)
{
	start();
	check_true(fm.editing); /* a text field is typed in at once */
	type("ab");
	check_int(ch(L'\r'), FORM_DONE); /* Enter saves and moves on */
	check_str(r.name, "ab");
	check_int(r.saves, 1);
	/* the info line is passed over */
	check_int(fm.focus, F_KIND);
	check_true(!fm.editing);
	fn(KEY_UP);
	check_int(fm.focus, F_NAME);
	check_true(fm.editing);
	type("cd");
	check_int(ch(27), FORM_DONE); /* Esc in a field: undone, said */
	check_true(!fm.editing);
	check_str(r.name, "ab");
	check_int(r.saves, 1);
	check_true(strstr(r.said, "unchanged") != NULL);
	check_int(ch(27), FORM_LEAVE); /* Esc outside: leave */
	/* Enter starts typing again, from the saved text */
	ch(L'\r');
	check_true(fm.editing);
	ch(L'\t'); /* unchanged: no save */
	check_int(r.saves, 1);
	check_int(fm.focus, F_KIND);
}

static void
test_limit_and_wide(void)
{
	start();
	type("あいうえお"); /* five wide characters: the limit is 5 */
	r.said[0] = '\0';
	ch(L'か');
	check_true(strstr(r.said, "at most 5") != NULL);
	ch(L'\r');
	check_str(r.name, "あいうえお");
	/* a control character is refused with its own message */
	fn(KEY_UP);
	ch(0x07); /* BEL */
	check_true(strstr(r.said, "Control characters") != NULL);
	/* ? is a character while typing; F1 is left to the app (help) */
	fn(KEY_BACKSPACE);
	check_int(ch(L'?'), FORM_DONE);
	check_int(fn(KEY_F(1)), FORM_IGNORED);
	ch(L'\r');
	check_str(r.name, "あいうえ?");
}

static void
test_refused_text(void)
{
	start();
	form_focus(&fm, F_CODE, 1);
	type("bad");
	ch(L'\r');
	check_int(fm.focus, F_CODE); /* stays, the text kept for fixing */
	check_true(fm.editing);
	check_true(strstr(fm.error.buf, "refused bad") != NULL);
	check_true(r.code == NULL);
	fn(KEY_BACKSPACE);
	fn(KEY_BACKSPACE);
	fn(KEY_BACKSPACE);
	type("ok");
	ch(L'\r');
	check_str(r.code, "ok");
	check_int(fm.error.len, 0);
	check_int(fm.focus, F_GO);
}

static void
test_choice(void)
{
	start();
	form_focus(&fm, F_KIND, 1);
	/* ←→ steps and saves at once; from nothing, → is the first */
	fn(KEY_RIGHT);
	check_int(r.kind, 0);
	fn(KEY_LEFT);
	check_int(r.kind, 3);
	fn(KEY_RIGHT);
	check_int(r.kind, 0);
	/* Enter opens the list on the current value; ↓ Enter picks the
	 * next and moves on */
	ch(L'\r');
	check_true(fm.listing);
	check_int((long)fm.pick, 0);
	fn(KEY_DOWN);
	ch(L'\r');
	check_true(!fm.listing);
	check_int(r.kind, 1);
	check_int(fm.focus, F_BOXES);
	/* a digit picks directly */
	form_focus(&fm, F_KIND, 1);
	ch(L'\r');
	ch(L'3');
	check_int(r.kind, 2);
	/* a letter jumps to the next value starting with it (either case);
	 * nothing is saved until Enter */
	form_focus(&fm, F_KIND, 1);
	ch(L'\r');
	ch(L'b');
	check_int((long)fm.pick, 3); /* beach, after Gamma */
	ch(L'B');
	check_int((long)fm.pick, 1); /* Beta, round again */
	check_int(r.kind, 2);
	/* Esc closes the list unchanged and says so */
	r.said[0] = '\0';
	check_int(ch(27), FORM_DONE);
	check_true(!fm.listing);
	check_int(r.kind, 2);
	check_true(strstr(r.said, "unchanged") != NULL);
	/* q and Esc are the list's while it is open, ? is the app's */
	ch(L'\r');
	check_int(ch(L'q'), FORM_DONE);
	check_int(ch(L'?'), FORM_IGNORED);
	ch(27);
	/* a refused choice keeps the saved value and shows why */
	r.refuse_choice = true;
	ch(L'\r');
	ch(L'1');
	check_int(r.kind, 2);
	check_int(fm.focus, F_KIND);
	check_true(strstr(fm.error.buf, "not now") != NULL);
}

static void
test_boxes_button(void)
{
	struct keyhelp keys[FORM_KEYS_MAX];
	size_t n, i;
	bool found = false;

	start();
	form_focus(&fm, F_BOXES, 1);
	ch(L' ');
	check_true(r.box[0]);
	fn(KEY_RIGHT);
	ch(L' ');
	check_true(r.box[1]);
	ch(L' ');
	check_true(!r.box[1]);
	fn(KEY_DOWN);
	fn(KEY_DOWN);
	check_int(fm.focus, F_GO);
	ch(L'\r');
	check_int(r.pressed, 1);
	fn(KEY_DOWN); /* the last field stays */
	check_int(fm.focus, F_GO);
	/* the key bar follows the focused field */
	n = form_keys(&fm, keys);
	for (i = 0; i < n; i++)
		found |= strcmp(keys[i].key, "?") == 0;
	check_true(found);
	form_focus(&fm, F_NAME, 1);
	n = form_keys(&fm, keys);
	found = false;
	for (i = 0; i < n; i++)
		found |= strcmp(keys[i].key, "F1") == 0 ||
			 strcmp(keys[i].key, "?") == 0;
	check_true(found);
	for (i = 0; i < n; i++)
		check_true(strcmp(keys[i].key, "?") != 0);
}

static void
test_help(void)
{
	struct strbuf sb = STRBUF_INIT;

	start();
	form_help(&fm, &sb);
	check_true(strstr(sb.buf, "Name: help of name") != NULL);
	check_true(strstr(sb.buf, "Kind: help of kind") != NULL);
	check_true(strstr(sb.buf, "help of the button") != NULL);
	strbuf_release(&sb);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_text();
	test_limit_and_wide();
	test_refused_text();
	test_choice();
	test_boxes_button();
	test_help();
	form_release(&fm);
	free(r.name);
	free(r.code);
	return check_done("form");
}

#include "tui/term.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/sys.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The curses screen; global because curses itself is. */
static SCREEN *term_screen;

/* The last paste (TKEY_PASTE). */
static wchar_t paste_buf[TERM_PASTE_MAX + 1];

/* Bracketed paste: the terminal wraps pasted text in ESC[200~ ... ESC[201~. */
static void
bracketed_paste(bool on)
{
	if (sys_native_console())
		return; /* a Windows console reads no escape codes */
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

int
term_start(struct err *e)
{
	const char *t = sys_terminal_type();

	if (t == NULL || t[0] == '\0')
		return err_set(
			e, ERR_IO, "%s",
			_("the terminal type is not set (TERM is empty); run iryosec in a terminal window"));
	term_screen = newterm(t, stdout, stdin);
	if (term_screen == NULL)
		return err_set(
			e, ERR_IO,
			_("the terminal type '%s' is unknown; try TERM=xterm-256color"),
			t);
	/* A terminal that cannot move the cursor (TERM=dumb, a printer
	 * terminal) would draw every screen on one line. */
	if (!sys_native_console()) {
		const char *cup = tigetstr("cup");

		if (cup == NULL || cup == (char *)-1) {
			delscreen(term_screen);
			term_screen = NULL;
			return err_set(
				e, ERR_IO,
				_("the terminal type '%s' cannot show screens (it cannot move the cursor); run iryosec in a terminal window such as xterm, or try TERM=xterm-256color"),
				t);
		}
	}
	set_term(term_screen);
	die_set_hook(term_stop);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_key("\033[200~", TKEY_PASTE);
	define_key("\033[201~", TKEY_PASTE_END);
	bracketed_paste(true);
	set_escdelay(25);
	sys_catch_continue();
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);   /* title bar */
		init_pair(2, COLOR_RED, -1);             /* errors */
		init_pair(3, COLOR_GREEN, -1);           /* saved */
		init_pair(4, COLOR_BLACK, COLOR_YELLOW); /* warnings */
	}
	return 0;
}

void
term_stop(void)
{
	if (term_screen == NULL)
		return;
	bracketed_paste(false);
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
}

/*
 * Reads the pasted text up to the end marker into paste_buf. A terminal
 * that never sends the end marker does not swallow what is typed later:
 * half a second without input ends the paste.
 */
static void
read_paste(void)
{
	size_t n = 0;
	bool space = false;

	timeout(500);
	for (;;) {
		wint_t ch;
		int r = get_wch(&ch);

		if (r == ERR || sys_hangup())
			break;
		if (r == KEY_CODE_YES) {
			if (ch == TKEY_PASTE_END)
				break;
			continue; /* keys inside a paste are not commands */
		}
		if (ch == L'\r' || ch == L'\n' || ch == L'\t' || ch == 0x3000 ||
		    ch == L' ') {
			space = n > 0; /* runs of breaks become one space */
			continue;
		}
		if (utf8_is_control((uint32_t)ch))
			continue;
		if (space && n < TERM_PASTE_MAX)
			paste_buf[n++] = L' ';
		space = false;
		if (n < TERM_PASTE_MAX)
			paste_buf[n++] = (wchar_t)ch;
	}
	paste_buf[n] = L'\0';
	timeout(-1);
}

const wchar_t *
term_paste_text(void)
{
	return paste_buf;
}

/*
 * Back from Ctrl-Z (fg): curses has restored its modes, but not the
 * keypad's: arrow keys would come in the form curses does not expect and
 * read as Esc. Sends keypad and bracketed paste again and redraws all.
 */
static void
resume(void)
{
	keypad(stdscr, TRUE);
	bracketed_paste(true);
	clearok(curscr, TRUE);
}

int
term_read(struct tkey *k)
{
	int tries = 0;

	for (;;) {
		wint_t ch;
		int r = get_wch(&ch);

		if (sys_hangup())
			return -1;
		if (sys_continued()) {
			/* continued after a stop from outside (kill -STOP,
			 * SIGTSTP): set up again; a key read is kept, a read
			 * cut short by the signal becomes a redraw */
			resume();
			if (r == ERR) {
				k->fn = true;
				k->ch = KEY_RESIZE;
				return 0;
			}
		}
		if (r == KEY_CODE_YES && ch == TKEY_PASTE_END)
			continue; /* a stray end marker */
		if (r == KEY_CODE_YES) {
			if (ch == TKEY_PASTE)
				read_paste();
			k->fn = true;
			k->ch = ch;
			return 0;
		}
		if (r == OK && ch == 0x1A) {
			/* Ctrl-Z: raw mode makes it a key, not a signal; stop
			 * as a shell user expects, and come back whole on fg */
			bracketed_paste(false);
			sys_suspend();
			(void)sys_continued(); /* this resume is handled here */
			resume();
			k->fn = true;
			k->ch = KEY_RESIZE;
			return 0;
		}
		if (r == OK) {
			k->fn = false;
			k->ch = ch;
			return 0;
		}
		/* ERR repeats forever once the terminal is gone. */
		if (++tries > 10)
			return -1;
	}
}

bool
term_too_small(void)
{
	return LINES < TERM_MIN_ROWS || COLS < TERM_MIN_COLS;
}

int
term_rows(void)
{
	return LINES;
}

int
term_cols(void)
{
	return COLS;
}

bool
tkey_is(const struct tkey *k, wint_t ch)
{
	return !k->fn && k->ch == ch;
}

bool
tkey_fn(const struct tkey *k, int code)
{
	return k->fn && k->ch == (wint_t)code;
}

bool
tkey_enter(const struct tkey *k)
{
	return tkey_is(k, L'\r') || tkey_is(k, L'\n') || tkey_fn(k, KEY_ENTER);
}

bool
tkey_escape(const struct tkey *k)
{
	return tkey_is(k, 27);
}

bool
tkey_backspace(const struct tkey *k)
{
	return tkey_fn(k, KEY_BACKSPACE) || tkey_is(k, 127) || tkey_is(k, 8);
}

bool
tkey_tab(const struct tkey *k)
{
	return tkey_is(k, L'\t');
}

bool
tkey_backtab(const struct tkey *k)
{
	return tkey_fn(k, KEY_BTAB);
}

#ifndef IRY_TERM_H
#define IRY_TERM_H

#include <curses.h>
#include <stdbool.h>
#include <wchar.h>

#include "util/err.h"

/*
 * The terminal: start and stop curses, read one key, know the size. The
 * locale must already be UTF-8 (i18n_locale_init) before term_start().
 */

#define TERM_MIN_COLS 80
#define TERM_MIN_ROWS 24

/*
 * A paste (bracketed paste, which term_start() turns on): one "key" whose
 * text is term_paste_text(). It is text for the field being typed in and
 * never commands, so a pasted "q" or newline cannot quit or leave a field.
 */
#define TKEY_PASTE     (KEY_MAX + 1)
#define TKEY_PASTE_END (KEY_MAX + 2) /* internal: the end marker */
#define TERM_PASTE_MAX 4096          /* characters kept of one paste */

/* One key press: a character, or a function key (KEY_* of curses). */
struct tkey {
	bool fn; /* true: ch is a KEY_* code; false: a character */
	wint_t ch;
};

/*
 * Starts curses on the controlling terminal (raw keys, no echo, keypad,
 * a short Escape delay). Returns 0, or -1 with e set when the terminal
 * type is unknown or missing. Registers term_stop() as die()'s hook.
 */
int term_start(struct err *e);

/* Leaves curses and restores the terminal; safe to call twice. */
void term_stop(void);

/*
 * Waits for one key. Returns 0 with *k set, or -1 when input has ended
 * (the terminal was closed: hang-up), after which the caller must exit.
 */
int term_read(struct tkey *k);

/*
 * The text of the last TKEY_PASTE: line breaks and tabs became spaces,
 * other control characters were dropped, at most TERM_PASTE_MAX
 * characters. Valid until the next term_read().
 */
const wchar_t *term_paste_text(void);

/* True when the window is smaller than TERM_MIN_COLS x TERM_MIN_ROWS. */
bool term_too_small(void);

/* Current size. */
int term_rows(void);
int term_cols(void);

/* Helpers to test a key. */
bool tkey_is(const struct tkey *k, wint_t ch); /* the character ch */
bool tkey_fn(const struct tkey *k, int code);  /* the KEY_* code */
bool tkey_enter(const struct tkey *k);
bool tkey_escape(const struct tkey *k);
bool tkey_backspace(const struct tkey *k);
bool tkey_tab(const struct tkey *k);
bool tkey_backtab(const struct tkey *k);

#endif

#ifndef IRY_TERM_H
#define IRY_TERM_H

#include <stdbool.h>
#include <wchar.h>

#include "util/err.h"

/*
 * The terminal: start and stop curses, read one key, know the size. The
 * locale must already be UTF-8 (i18n_locale_init) before term_start().
 */

#define TERM_MIN_COLS 80
#define TERM_MIN_ROWS 24

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

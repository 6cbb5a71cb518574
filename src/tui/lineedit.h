#ifndef IRY_LINEEDIT_H
#define IRY_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "tui/term.h"

/*
 * A one-line editor for wide characters (docs/tech-notes.md §2: formw's
 * dynamic fields corrupt them). The cursor moves by character, the view
 * scrolls by display width, and the limit counts characters, not bytes.
 * Control characters are refused; Esc gives the original text back. A paste
 * (TKEY_PASTE) goes in as text, as much as the limit allows.
 */

struct lineedit {
	wchar_t *buf; /* the text, NUL-terminated; owned */
	size_t len;   /* characters in buf */
	size_t alloc; /* characters allocated */
	size_t cur;   /* cursor position, 0..len */
	size_t first; /* first character shown */
	size_t max;   /* limit in characters */
	char *orig;   /* the text before editing, for Esc; owned */
	bool refused; /* the last key was refused (limit or control) */
	bool at_limit; /* ... because the field was full (else: a control) */
};

enum lineedit_result {
	LE_NONE = 0, /* handled, nothing changed */
	LE_CHANGED,  /* the text changed */
	LE_ENTER,    /* Enter: leave, keep the text */
	LE_NEXT,     /* Tab or down: leave to the next field */
	LE_PREV,     /* Shift-Tab or up: leave to the previous field */
	LE_CANCEL,   /* Esc: the original text is back */
	LE_REFUSED,  /* a key that cannot go in (limit reached, control) */
};

/* Starts editing text (UTF-8, may be NULL) with a limit of max characters. */
void lineedit_init(struct lineedit *le, const char *text, size_t max);
void lineedit_release(struct lineedit *le);

/* Replaces the text (the original for Esc stays). */
void lineedit_set(struct lineedit *le, const char *text);

/* Handles one key. */
enum lineedit_result lineedit_key(struct lineedit *le, const struct tkey *k);

/* The current text as UTF-8 (caller frees). */
char *lineedit_text(const struct lineedit *le);

/*
 * Draws the field at (y, x), width columns, scrolling so the cursor shows;
 * when focused, places the terminal cursor and shows it.
 */
void lineedit_draw(struct lineedit *le, int y, int x, int width, bool focused);

#endif

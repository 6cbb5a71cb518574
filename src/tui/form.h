#ifndef IRY_FORM_H
#define IRY_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/draw.h"
#include "util/attr.h"
#include "tui/lineedit.h"
#include "tui/term.h"
#include "util/strbuf.h"

/*
 * One form for every form screen (docs/ARCHITECTURE.md, "Screens and
 * forms"). A screen describes its fields in a table (struct form_field)
 * and gives callbacks that read and save its record (struct form_ops); the
 * form owns focus, typing, the choice list, scrolling, the hint line, the
 * key bar and the field part of the help. The same keys do the same thing
 * on every form:
 *
 *   ↑↓ Tab Shift-Tab  move between fields (a text field is typed in as
 *                     soon as it has the focus)
 *   Enter             text: save and go to the next field; choice: open
 *                     the list; button: do it; boxes: tick
 *   Esc               in a field: undo what was typed there and say so;
 *                     in the list: close it unchanged and say so;
 *                     outside: leave the screen (FORM_LEAVE)
 *   ←→                choice: the previous or next value (saved at once);
 *                     boxes: move between them
 *   1-9, a letter     in an open list: pick that number, or jump to the
 *                     next value starting with the letter
 *   F1                help, even while typing (? is a character there)
 *
 * Every change is saved by the screen's callback the moment it is made
 * (commit, choose); the form never keeps a change the screen refused.
 */

enum form_kind {
	FORM_TEXT = 0, /* one line of text (dates too: commit parses) */
	FORM_CHOICE,   /* one value of a list */
	FORM_CHECKS,   /* boxes on one or more rows, any number ticked */
	FORM_BUTTON,   /* Enter does something; no label column */
	FORM_INFO,     /* a line of text, never focused */
};

/* One field of a form's table. Strings are msgids (N_), translated when
 * drawn. */
struct form_field {
	enum form_kind kind;
	const char *label; /* left column; NULL for buttons and info lines */
	const char *hint;  /* under the form when focused (ops->hint wins) */
	const char *help;  /* the field's line in the screen's help; NULL */
	size_t max;        /* FORM_TEXT: the limit, in characters */
	int rows;          /* rows the field takes (0 means 1) */
	int gap;           /* empty rows above it */
};

/*
 * What the screen gives the form. ctx is the screen's (the app). f is an
 * index into the table. Callbacks a table does not need may be NULL.
 */
struct form_ops {
	/* Appends the value as shown (for a choice: its label; for a button
	 * or info line: its whole text). Required. */
	void (*value)(void *ctx, int f, struct strbuf *out);
	/* Appends the text to edit when it differs from the value shown
	 * (a date shown with its era, edited as 2026-05-10). */
	void (*raw)(void *ctx, int f, struct strbuf *out);
	/* Checks and saves typed text. Returns 0 (saved, or unchanged), or
	 * -1 when refused; the screen has then said why (form_error()). */
	int (*commit)(void *ctx, int f, const char *text);
	/* Choices and boxes: how many, the label of each, which is chosen
	 * (-1: none yet), whether box i is ticked. */
	size_t (*count)(void *ctx, int f);
	void (*option)(void *ctx, int f, size_t i, struct strbuf *out);
	long (*current)(void *ctx, int f);
	bool (*checked)(void *ctx, int f, size_t i);
	/* Saves value i (a choice) or flips box i. Returns 0 or -1 (the
	 * screen said why; the form shows the saved value again). */
	int (*choose)(void *ctx, int f, size_t i);
	/* A button was pressed. */
	void (*activate)(void *ctx, int f);
	/* Appends the hint of f when it depends on the record (the version
	 * example follows the product); nothing: the table's hint. */
	void (*hint)(void *ctx, int f, struct strbuf *out);
	/* Appends a note drawn under the value in the field's extra rows,
	 * and sets its attribute. */
	void (*note)(void *ctx, int f, struct strbuf *out, unsigned *attr);
	/* Shows a message on the status line (translated text). */
	void (*say)(void *ctx, unsigned attr, const char *msg);
};

struct form {
	const struct form_field *fields; /* the table; borrowed */
	int n;                           /* fields in it */
	const struct form_ops *ops;      /* borrowed */
	void *ctx;                       /* passed to every callback */
	const char *leave;   /* msgid of Esc outside a field ("back");
			      * NULL: the key bar shows no Esc there */
	int label_x;         /* column of the labels */
	int field_x;         /* column of the values */
	int focus;           /* the focused field */
	bool editing;        /* typing in the focused text field */
	struct lineedit le;  /* its editor */
	bool listing;        /* the focused choice's list is open */
	size_t pick;         /* highlighted value of the list, or box */
	int top;             /* first field shown (the form scrolls) */
	struct strbuf error; /* why the last entry was refused */
	int edit_y;          /* where the editor was drawn; -1: not */
	int label_cut;       /* the focused label did not fit */
};

/* What form_key() did with a key. */
enum form_result {
	FORM_IGNORED = 0, /* not a form key: the app's (q, ?, F1) */
	FORM_DONE,        /* handled */
	FORM_LEAVE,       /* Esc outside a field: the screen leaves */
};

/*
 * Sets up fm over a table of n fields; nothing is focused until
 * form_focus(). Release with form_release().
 */
void form_init(struct form *fm, const struct form_field *fields, int n,
	       const struct form_ops *ops, void *ctx);
void form_release(struct form *fm);

/*
 * Focuses field f (clamped; an info line passes the focus on in the
 * direction of travel dir, +1 or -1). A text field starts being typed in
 * with its saved text; the last error is cleared.
 */
void form_focus(struct form *fm, int f, int dir);

/* Handles one key (see the top of this file). */
enum form_result form_key(struct form *fm, const struct tkey *k);

/*
 * Sets the message shown under the form for the focused field (why an
 * entry was refused), printf-style, translated. The screen's commit or
 * choose calls it before returning -1.
 */
void form_error(struct form *fm, const char *fmt, ...)
	IRY_PRINTF(2, 3);

/*
 * Draws the fields in rows y0..y1-1, scrolling so the focused one shows,
 * then the hint (or the error) of the focused field in the two rows from
 * hint_y; an open list is drawn over the fields; the editor is drawn last
 * so it owns the cursor.
 */
void form_draw(struct form *fm, int y0, int y1, int hint_y);

/*
 * Fills keys (room for at least FORM_KEYS_MAX) with the keys of the focused
 * field, msgids untranslated. Returns how many.
 */
#define FORM_KEYS_MAX 7
size_t form_keys(const struct form *fm, struct keyhelp *keys);

/* Appends the help lines of the table's fields (「・項目名: 説明」). */
void form_help(const struct form *fm, struct strbuf *sb);

/* Appends the message for a key the editor refused: the field is full
 * (and its limit), or a control character cannot be typed. */
void form_refused_text(const struct lineedit *le, struct strbuf *sb);

#endif

#ifndef IRY_UTF8_H
#define IRY_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/*
 * UTF-8 helpers. Nothing here cuts inside a character: every length
 * returned ends on a character boundary.
 */

/*
 * Decodes one character of s (len bytes available) into *cp. Returns the
 * number of bytes used (1-4), 0 when len is 0, -1 for an invalid sequence
 * (overlong, surrogate, above U+10FFFF, stray continuation byte) and -2
 * when the sequence is cut short by len (st's "need more bytes").
 */
int utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Writes cp as UTF-8 into out (4 bytes room) and returns the byte count. */
size_t utf8_encode_cp(uint32_t cp, char *out);

/*
 * Returns 0 when s[0..len) is valid UTF-8, else -1 with *bad set to the
 * byte offset of the first invalid sequence.
 */
int utf8_check(const char *s, size_t len, size_t *bad);

/*
 * True for characters that must never reach the terminal or the PDF raw:
 * C0 and C1 controls, DEL, line and paragraph separators and the bidi
 * embedding and isolate controls. Tab and newline are controls too; the
 * caller decides whether it accepts them.
 */
bool utf8_is_control(uint32_t cp);

/*
 * Display width of one character in terminal columns: 0 for combining
 * marks, 2 for wide (CJK), 1 otherwise. East Asian Ambiguous characters
 * count as 1, or as 2 when IRYOSEC_AMBIGUOUS_WIDTH=2 was seen by
 * utf8_width_init(). Controls count as 1 (they are drawn replaced).
 */
int utf8_cp_width(uint32_t cp);

/*
 * The width glibc 2.36's wcwidth() gives cp under C.UTF-8, from a table
 * (utf8_width.c, scripts/gen-width.py): 0 for combining and other
 * zero-width characters, 2 for wide and fullwidth ones, 1 for the rest,
 * East Asian Ambiguous included, and 1 where wcwidth says -1 (unassigned,
 * surrogates, above U+10FFFF), as utf8_cp_width() shows those. Knows
 * nothing of controls or IRYOSEC_AMBIGUOUS_WIDTH: utf8_cp_width() uses it
 * on Windows in place of wcwidth(); Linux keeps wcwidth().
 */
int utf8_table_width(uint32_t cp);

/* Reads IRYOSEC_AMBIGUOUS_WIDTH; call once after setlocale(). */
void utf8_width_init(void);

/* Display width of the NUL-terminated s; invalid bytes count 1 each. */
size_t utf8_width(const char *s);

/* Number of characters in s (invalid bytes count one each). */
size_t utf8_len(const char *s);

/*
 * Returns the largest byte length <= max_bytes that ends on a character
 * boundary of s (NUL-terminated). When strlen(s) <= max_bytes, strlen(s).
 */
size_t utf8_cut(const char *s, size_t max_bytes);

/*
 * Returns the byte length of the longest prefix of s that fits in columns
 * display columns, and stores its width in *used (may be NULL).
 */
size_t utf8_fit(const char *s, size_t columns, size_t *used);

/*
 * Converts s to a newly allocated wide string (caller frees), length in
 * *n (may be NULL). Invalid bytes become U+FFFD, controls become '?'.
 * Where wchar_t is 16 bits, characters above U+FFFF become surrogate pairs.
 */
wchar_t *utf8_to_wcs(const char *s, size_t *n);

/* Converts n wide characters to a newly allocated UTF-8 string. */
char *utf8_from_wcs(const wchar_t *w, size_t n);

/*
 * A newly allocated copy of s that is safe to print on a terminal: invalid
 * bytes become U+FFFD and controls '?' (an escape sequence in a file name
 * or a stored memo cannot move the cursor or change colours); newline and
 * tab are kept.
 */
char *utf8_printable(const char *s);

/*
 * As utf8_printable(), but for a value printed inside one line of output
 * (a name in `status`): line breaks and tabs become spaces too, so a
 * value cannot start a line of its own. NULL gives "". Caller frees.
 */
char *utf8_oneline(const char *s);

#endif

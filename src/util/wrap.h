#ifndef IRY_WRAP_H
#define IRY_WRAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * The one Japanese line breaker, shared by the PDF (widths in points) and
 * the terminal screens (widths in columns). It knows no font and no
 * terminal: the caller measures each character.
 *
 * Rules:
 * - '\n' ends a line.
 * - A line never ends inside a UTF-8 character; invalid bytes count as one
 *   character each (measured as U+FFFD).
 * - A run of printable ASCII without spaces, and Latin letters (VPN,
 *   CVE-2018-13379, https://example.jp/a, 7.0.10, café) is one unbreakable
 *   word, unless it is wider than a whole line: then it starts a new line
 *   (where a break before it is allowed) and is broken between characters.
 * - CJK text may break between any two characters, with kinsoku by
 *   oidashi: characters that must not start a line (、。）」ー ゃっ ！？ and
 *   ASCII ) ] } , . : ; ! ?) and characters that must not end one (（「『【
 *   and ASCII ( [ {) push the break earlier, to the last allowed place.
 *   Only when the line has no allowed place is a rule broken, by
 *   character, so that no line is wider than asked.
 * - ASCII spaces are break places; spaces at a break are dropped (not at
 *   the end of the line returned, not at the start of the next).
 * - Zero-width characters (combining marks) stay with the one before.
 * - Every line has at least one character, so a caller's loop ends; a line
 *   is wider than width only when its single character is.
 */

/* Width of one character (columns, points ...); must be >= 0. */
typedef double (*wrap_measure_fn)(uint32_t cp, void *ctx);

/*
 * Returns the byte length of the first line of s[0..len) that fits in
 * width, without trailing spaces, and sets *next to the offset where the
 * following line starts (after the '\n' that ended the line, or after the
 * spaces at the break; len at the end). When len > 0, *next > 0. The
 * length returned ends on a character boundary and may be 0 (an empty
 * line, "\n").
 */
size_t wrap_line(const char *s, size_t len, double width,
		 wrap_measure_fn measure, void *ctx, size_t *next);

/*
 * Number of lines s[0..len) takes at width: 0 for empty input; a final
 * '\n' does not start another line ("a\n" is 1 line, "a\n\nb" is 3).
 */
size_t wrap_count_lines(const char *s, size_t len, double width,
			wrap_measure_fn measure, void *ctx);

#endif

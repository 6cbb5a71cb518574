#include "util/secret.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/utf8.h"

static bool
ascii_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A character of a password as people type them: ASCII, not a space. */
static bool
ascii_graphic(uint32_t c)
{
	return c > 0x20 && c < 0x7F;
}

static bool
space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000;
}

/* Kana, kanji or full-width letters: a word, not a bracket or a comma. */
static bool
japanese_word(uint32_t c)
{
	return (c >= 0x3041 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
	       (c >= 0xFF10 && c <= 0xFF5A);
}

/* The code point at s[*i] (0 at the end); moves *i past it. */
static uint32_t
next_cp(const char *s, size_t len, size_t *i)
{
	uint32_t cp;
	int r;

	if (*i >= len)
		return 0;
	r = utf8_decode(s + *i, len - *i, &cp);
	if (r <= 0) {
		(*i)++;
		return 0xFFFD;
	}
	*i += (size_t)r;
	return cp;
}

static uint32_t
peek_cp(const char *s, size_t len, size_t i)
{
	return next_cp(s, len, &i);
}

/* Matches word at s[i] (ASCII case folded); returns its length or 0. */
static size_t
match_word(const char *s, size_t len, size_t i, const char *word)
{
	size_t n = strlen(word), k;

	if (i + n > len)
		return 0;
	for (k = 0; k < n; k++) {
		unsigned char a = (unsigned char)s[i + k];
		unsigned char b = (unsigned char)word[k];

		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return n;
}

/* After a password word ending at s[i]: a separator, then a value. */
static bool
value_follows(const char *s, size_t len, size_t i, bool japanese)
{
	bool sep = false, other = false, datesep = false;
	size_t run = 0;
	uint32_t c;

	while (space(peek_cp(s, len, i))) {
		next_cp(s, len, &i);
		sep = japanese;
	}
	c = peek_cp(s, len, i);
	if (c == ':' || c == 0xFF1A || c == '=' || c == 0xFF1D ||
	    c == 0x306F /* は */) {
		next_cp(s, len, &i);
		sep = true;
	}
	if (japanese && c == 0x300C) /* 暗証番号「1234」 */
		sep = true;
	if (!sep)
		return false;
	while (space(peek_cp(s, len, i)))
		next_cp(s, len, &i);
	c = peek_cp(s, len, i);
	if (c == 0x300C || c == '"' || c == '\'') /* 「 " ' */
		next_cp(s, len, &i);
	while (ascii_graphic(c = peek_cp(s, len, i)) && c != '"' && c != '\'') {
		next_cp(s, len, &i);
		run++;
		if (c == '-' || c == '/' || c == '.')
			datesep = true;
		else if (c < '0' || c > '9')
			other = true;
	}
	if (run < 4)
		return false;
	/* Digits that are a date (2026-04-01) or glued to a Japanese word
	 * (2026年, 12文字, 4桁) tell when or how long, not the password. */
	if (!other && (datesep || japanese_word(peek_cp(s, len, i))))
		return false;
	return true;
}

static bool
labelled(const char *s)
{
	static const char *const ascii[] = {"password", "passwd", "passcode",
					    "pass",     "pwd",    "pw",
					    "pin",      NULL};
	static const char *const japanese[] = {"パスワード", "暗証番号",
					       "パスコード", "ﾊﾟｽﾜｰﾄﾞ",
					       "暗証",       NULL};
	size_t len = strlen(s), i = 0, k, n;
	uint32_t prev = 0;

	while (i < len) {
		for (k = 0; japanese[k] != NULL; k++) {
			n = match_word(s, len, i, japanese[k]);
			if (n > 0 && value_follows(s, len, i + n, true))
				return true;
		}
		if (!ascii_letter(prev)) {
			for (k = 0; ascii[k] != NULL; k++) {
				n = match_word(s, len, i, ascii[k]);
				if (n > 0 &&
				    !ascii_letter(peek_cp(s, len, i + n)) &&
				    value_follows(s, len, i + n, false))
					return true;
			}
		}
		prev = next_cp(s, len, &i);
	}
	return false;
}

/* One word of ASCII with small, capital, digit and a sign. */
static bool
looks_generated(const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		size_t run = 0;
		bool lower = false, upper = false, digit = false, sign = false;
		uint32_t c;

		while (ascii_graphic(c = peek_cp(s, len, i))) {
			next_cp(s, len, &i);
			run++;
			if (c >= 'a' && c <= 'z')
				lower = true;
			else if (c >= 'A' && c <= 'Z')
				upper = true;
			else if (c >= '0' && c <= '9')
				digit = true;
			else if (strchr(".-_/:@", (int)c) == NULL)
				sign = true;
		}
		if (run >= 8 && run <= 64 && lower && upper && digit && sign)
			return true;
		if (run == 0)
			next_cp(s, len, &i);
	}
	return false;
}

bool
secret_in_text(const char *s)
{
	if (s == NULL || s[0] == '\0')
		return false;
	return labelled(s) || looks_generated(s);
}

#include "wrap.h"

#include <stdbool.h>

#include "utf8.h"

/*
 * Kinsoku tables (after JIS X 4051's classes, trimmed to what Japanese
 * prose meets): sorted, inclusive ranges.
 */
static const uint32_t no_start[][2] = {
	{0x0021, 0x0021}, /* ! */
	{0x0029, 0x0029}, /* ) */
	{0x002C, 0x002C}, /* , */
	{0x002E, 0x002E}, /* . */
	{0x003A, 0x003B}, /* : ; */
	{0x003F, 0x003F}, /* ? */
	{0x005D, 0x005D}, /* ] */
	{0x007D, 0x007D}, /* } */
	{0x2019, 0x2019}, /* ’ */
	{0x201D, 0x201D}, /* ” */
	{0x2025, 0x2026}, /* ‥ … */
	{0x203C, 0x203C}, /* ‼ */
	{0x2047, 0x2049}, /* ⁇ ⁈ ⁉ */
	{0x3001, 0x3002}, /* 、。 */
	{0x3005, 0x3005}, /* 々 */
	{0x3009, 0x3009}, /* 〉 */
	{0x300B, 0x300B}, /* 》 */
	{0x300D, 0x300D}, /* 」 */
	{0x300F, 0x300F}, /* 』 */
	{0x3011, 0x3011}, /* 】 */
	{0x3015, 0x3015}, /* 〕 */
	{0x3017, 0x3017}, /* 〗 */
	{0x3019, 0x3019}, /* 〙 */
	{0x301C, 0x301C}, /* 〜 */
	{0x301F, 0x301F}, /* 〟 */
	{0x303B, 0x303B}, /* 〻 */
	{0x3041, 0x3041}, /* ぁ */
	{0x3043, 0x3043}, /* ぃ */
	{0x3045, 0x3045}, /* ぅ */
	{0x3047, 0x3047}, /* ぇ */
	{0x3049, 0x3049}, /* ぉ */
	{0x3063, 0x3063}, /* っ */
	{0x3083, 0x3083}, /* ゃ */
	{0x3085, 0x3085}, /* ゅ */
	{0x3087, 0x3087}, /* ょ */
	{0x308E, 0x308E}, /* ゎ */
	{0x3095, 0x3096}, /* ゕ ゖ */
	{0x309B, 0x309E}, /* ゛゜ゝゞ */
	{0x30A0, 0x30A1}, /* ゠ ァ */
	{0x30A3, 0x30A3}, /* ィ */
	{0x30A5, 0x30A5}, /* ゥ */
	{0x30A7, 0x30A7}, /* ェ */
	{0x30A9, 0x30A9}, /* ォ */
	{0x30C3, 0x30C3}, /* ッ */
	{0x30E3, 0x30E3}, /* ャ */
	{0x30E5, 0x30E5}, /* ュ */
	{0x30E7, 0x30E7}, /* ョ */
	{0x30EE, 0x30EE}, /* ヮ */
	{0x30F5, 0x30F6}, /* ヵ ヶ */
	{0x30FB, 0x30FE}, /* ・ー ヽ ヾ */
	{0x31F0, 0x31FF}, /* small katakana for Ainu */
	{0xFF01, 0xFF01}, /* ！ */
	{0xFF09, 0xFF09}, /* ） */
	{0xFF0C, 0xFF0C}, /* ， */
	{0xFF0E, 0xFF0E}, /* ． */
	{0xFF1A, 0xFF1B}, /* ：； */
	{0xFF1F, 0xFF1F}, /* ？ */
	{0xFF3D, 0xFF3D}, /* ］ */
	{0xFF5D, 0xFF5E}, /* ｝ ～ */
	{0xFF60, 0xFF61}, /* ｠ ｡ */
	{0xFF63, 0xFF65}, /* ｣ ､ ･ */
	{0xFF67, 0xFF70}, /* ｧ ... ｯ ｰ */
	{0xFF9E, 0xFF9F}, /* ﾞ ﾟ */
};

static const uint32_t no_end[][2] = {
	{0x0028, 0x0028}, /* ( */
	{0x005B, 0x005B}, /* [ */
	{0x007B, 0x007B}, /* { */
	{0x2018, 0x2018}, /* ‘ */
	{0x201C, 0x201C}, /* “ */
	{0x3008, 0x3008}, /* 〈 */
	{0x300A, 0x300A}, /* 《 */
	{0x300C, 0x300C}, /* 「 */
	{0x300E, 0x300E}, /* 『 */
	{0x3010, 0x3010}, /* 【 */
	{0x3014, 0x3014}, /* 〔 */
	{0x3016, 0x3016}, /* 〖 */
	{0x3018, 0x3018}, /* 〘 */
	{0x301D, 0x301D}, /* 〝 */
	{0xFF08, 0xFF08}, /* （ */
	{0xFF3B, 0xFF3B}, /* ［ */
	{0xFF5B, 0xFF5B}, /* ｛ */
	{0xFF5F, 0xFF5F}, /* ｟ */
	{0xFF62, 0xFF62}, /* ｢ */
};

static bool
in_table(uint32_t cp, const uint32_t (*t)[2], size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < t[mid][0])
			hi = mid;
		else if (cp > t[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* True when a line may break between a and b (oidashi's test). */
static bool
break_ok(uint32_t a, uint32_t b)
{
	return !in_table(a, no_end, sizeof(no_end) / sizeof(no_end[0])) &&
	       !in_table(b, no_start, sizeof(no_start) / sizeof(no_start[0]));
}

/* Letters of words that must not be split: printable ASCII, Latin. */
static bool
is_word(uint32_t cp)
{
	return (cp >= 0x21 && cp <= 0x7E) ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* Decodes one character at s[i]; invalid bytes are one U+FFFD each. */
static size_t
next_cp(const char *s, size_t len, size_t i, uint32_t *cp)
{
	int n = utf8_decode(s + i, len - i, cp);

	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return (size_t)n;
}

enum unit_kind {
	UNIT_NEWLINE, /* '\n' */
	UNIT_SPACE,   /* a run of ASCII spaces */
	UNIT_TEXT,    /* one character (with its marks) or a whole word */
};

/* The smallest piece of text the breaker places: nothing breaks inside. */
struct unit {
	enum unit_kind kind;
	size_t end;     /* byte offset after the unit */
	uint32_t first; /* its first and last characters, for kinsoku */
	uint32_t last;
	double width;
	bool long_word; /* first character of a word wider than a line */
};

/*
 * Reads the unit at s[i]. A word wider than width is not a unit: its
 * characters are, and *split_end is set to the end of the word so that
 * the following calls keep splitting it.
 */
static void
unit_scan(const char *s, size_t len, size_t i, double width,
	  wrap_measure_fn measure, void *ctx, size_t *split_end, struct unit *u)
{
	uint32_t cp;
	size_t j = i + next_cp(s, len, i, &cp);

	u->first = u->last = cp;
	u->long_word = false;
	if (cp == '\n') {
		u->kind = UNIT_NEWLINE;
		u->end = j;
		u->width = 0;
		return;
	}
	if (cp == ' ') {
		u->kind = UNIT_SPACE;
		u->width = measure(cp, ctx);
		while (j < len && s[j] == ' ') {
			u->width += measure(' ', ctx);
			j++;
		}
		u->end = j;
		return;
	}
	u->kind = UNIT_TEXT;
	u->width = measure(cp, ctx);
	if (is_word(cp) && i >= *split_end) {
		size_t k = j;
		double w = u->width;
		uint32_t c2, last = cp;

		while (k < len) {
			size_t n = next_cp(s, len, k, &c2);
			double cw;

			if (!is_word(c2) &&
			    !(c2 != '\n' && c2 != ' ' && measure(c2, ctx) == 0))
				break;
			cw = measure(c2, ctx);
			w += cw;
			if (cw > 0)
				last = c2;
			k += n;
		}
		if (w <= width) {
			u->end = k;
			u->last = last;
			u->width = w;
			return;
		}
		*split_end = k;
		u->long_word = true;
	}
	/* One character and the zero-width marks that follow it. */
	while (j < len) {
		size_t n = next_cp(s, len, j, &cp);

		if (cp == '\n' || cp == ' ' || measure(cp, ctx) != 0)
			break;
		j += n;
	}
	u->end = j;
}

/*
 * The line must end inside the unit at i (a word with no allowed break
 * before it): fits as many of its characters as the line holds.
 */
static size_t
split_unit(const char *s, size_t len, size_t i, size_t end, double used,
	   double width, wrap_measure_fn measure, void *ctx)
{
	while (i < end) {
		uint32_t cp;
		size_t n = next_cp(s, len, i, &cp);
		double w = measure(cp, ctx);

		if (used + w > width)
			break;
		used += w;
		i += n;
	}
	return i;
}

size_t
wrap_line(const char *s, size_t len, double width, wrap_measure_fn measure,
	  void *ctx, size_t *next)
{
	size_t i = 0;        /* where the next unit starts */
	size_t content = 0;  /* end of the text placed, without spaces */
	size_t brk = 0;      /* the last allowed break: line end ... */
	size_t brk_next = 0; /* ... and where the next line then starts */
	size_t split_end = 0;
	uint32_t prev = ' '; /* last character placed; ' ' after spaces */
	double used = 0;

	while (i < len) {
		struct unit u;

		unit_scan(s, len, i, width, measure, ctx, &split_end, &u);
		if (u.kind == UNIT_NEWLINE) {
			*next = u.end;
			return content;
		}
		if (u.kind == UNIT_SPACE) {
			if (content > 0) {
				brk = content;
				brk_next = u.end;
			}
			used += u.width;
			prev = ' ';
			i = u.end;
			continue;
		}
		if (content > 0 && prev != ' ' && break_ok(prev, u.first)) {
			brk = i;
			brk_next = i;
		}
		/* A word too long for any line starts one, if it may. */
		if (u.long_word && brk > 0 && brk_next == i) {
			*next = brk_next;
			return brk;
		}
		if (used + u.width > width) {
			if (content == 0 && i > 0) {
				/* Leading spaces filled the line. */
				*next = i;
				return 0;
			}
			if (content > 0) {
				size_t cut;

				if (brk > 0) {
					*next = brk_next;
					return brk;
				}
				/* No allowed break: break by character. */
				cut = split_unit(s, len, i, u.end, used, width,
						 measure, ctx);
				*next = cut;
				return cut;
			}
			/* A first unit wider than the line: it goes alone. */
		}
		used += u.width;
		prev = u.last;
		i = u.end;
		content = i;
	}
	*next = len;
	return content;
}

size_t
wrap_count_lines(const char *s, size_t len, double width,
		 wrap_measure_fn measure, void *ctx)
{
	size_t n = 0, pos = 0;

	while (pos < len) {
		size_t next;

		wrap_line(s + pos, len - pos, width, measure, ctx, &next);
		pos += next;
		n++;
	}
	return n;
}

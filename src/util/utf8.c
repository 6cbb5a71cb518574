#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "sys.h"
#include "xalloc.h"

int
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int n, i;

	if (len == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return -1; /* continuation byte or overlong 2-byte lead */
	if (c < 0xE0) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c < 0xF5) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return -1;
	}
	for (i = 1; i < n; i++) {
		if ((size_t)i >= len)
			return -2;
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

size_t
utf8_encode_cp(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_check(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		int n = utf8_decode(s + i, len - i, &cp);

		if (n <= 0) {
			if (bad != NULL)
				*bad = i;
			return -1;
		}
		i += (size_t)n;
	}
	return 0;
}

bool
utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
	       cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
	       cp == 0xFEFF;
}

/* Set from IRYOSEC_AMBIGUOUS_WIDTH: the terminal's width for those. */
static int ambiguous_width = 1;

/*
 * East Asian Ambiguous ranges that Japanese text meets (Unicode
 * EastAsianWidth.txt, class A): Latin-1 signs, Greek, Cyrillic, general
 * punctuation, letterlike symbols, arrows, math, circled numbers, box
 * drawing, shapes and misc symbols. Sorted, inclusive.
 */
static const uint32_t ambiguous[][2] = {
	{0x00A1, 0x00A1}, {0x00A4, 0x00A4}, {0x00A7, 0x00A8}, {0x00AA, 0x00AA},
	{0x00AD, 0x00AE}, {0x00B0, 0x00B4}, {0x00B6, 0x00BA}, {0x00BC, 0x00BF},
	{0x00C6, 0x00C6}, {0x00D0, 0x00D0}, {0x00D7, 0x00D8}, {0x00DE, 0x00E1},
	{0x00E6, 0x00E6}, {0x00E8, 0x00EA}, {0x00EC, 0x00ED}, {0x00F0, 0x00F0},
	{0x00F2, 0x00F3}, {0x00F7, 0x00FA}, {0x00FC, 0x00FC}, {0x00FE, 0x00FE},
	{0x0391, 0x03A9}, {0x03B1, 0x03C9}, {0x0401, 0x0401}, {0x0410, 0x044F},
	{0x0451, 0x0451}, {0x2010, 0x2010}, {0x2013, 0x2016}, {0x2018, 0x2019},
	{0x201C, 0x201D}, {0x2020, 0x2022}, {0x2024, 0x2027}, {0x2030, 0x2030},
	{0x2032, 0x2033}, {0x2035, 0x2035}, {0x203B, 0x203B}, {0x203E, 0x203E},
	{0x2103, 0x2103}, {0x2109, 0x2109}, {0x2113, 0x2113}, {0x2116, 0x2116},
	{0x2121, 0x2122}, {0x212B, 0x212B}, {0x2153, 0x2154}, {0x215B, 0x215E},
	{0x2160, 0x216B}, {0x2170, 0x2179}, {0x2190, 0x2199}, {0x21D2, 0x21D2},
	{0x21D4, 0x21D4}, {0x2200, 0x2200}, {0x2202, 0x2203}, {0x2207, 0x2208},
	{0x220B, 0x220B}, {0x2211, 0x2211}, {0x221A, 0x221A}, {0x221D, 0x2220},
	{0x2225, 0x2225}, {0x2227, 0x222C}, {0x2234, 0x2237}, {0x2260, 0x2261},
	{0x2264, 0x2267}, {0x2282, 0x2283}, {0x2286, 0x2287}, {0x2460, 0x24E9},
	{0x24EB, 0x254B}, {0x2550, 0x2573}, {0x2580, 0x258F}, {0x2592, 0x2595},
	{0x25A0, 0x25A1}, {0x25A3, 0x25A9}, {0x25B2, 0x25B3}, {0x25B6, 0x25B7},
	{0x25BC, 0x25BD}, {0x25C0, 0x25C1}, {0x25C6, 0x25C8}, {0x25CB, 0x25CB},
	{0x25CE, 0x25D1}, {0x25E2, 0x25E5}, {0x25EF, 0x25EF}, {0x2605, 0x2606},
	{0x2609, 0x2609}, {0x260E, 0x260F}, {0x261C, 0x261C}, {0x261E, 0x261E},
	{0x2640, 0x2640}, {0x2642, 0x2642}, {0x2660, 0x2661}, {0x2663, 0x2665},
	{0x2667, 0x266A}, {0x266C, 0x266D}, {0x266F, 0x266F}, {0x2776, 0x277F},
	{0x3248, 0x324F}, {0xE000, 0xF8FF}, {0xFFFD, 0xFFFD},
};

static bool
is_ambiguous(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(ambiguous) / sizeof(ambiguous[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < ambiguous[mid][0])
			hi = mid;
		else if (cp > ambiguous[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

void
utf8_width_init(void)
{
	const char *v = sys_getenv("IRYOSEC_AMBIGUOUS_WIDTH");

	ambiguous_width = (v != NULL && strcmp(v, "2") == 0) ? 2 : 1;
}

int
utf8_cp_width(uint32_t cp)
{
	int w;

	if (utf8_is_control(cp))
		return 1;
	if (ambiguous_width == 2 && is_ambiguous(cp))
		return 2;
#ifdef _WIN32
	/* msvcrt has no wcwidth, and its wchar_t cannot hold cp */
	w = utf8_table_width(cp);
#else
	w = wcwidth((wchar_t)cp);
#endif
	if (w < 0)
		return 1;
	return w;
}

size_t
utf8_width(const char *s)
{
	size_t w = 0, len = strlen(s), i = 0;
	uint32_t cp;

	while (i < len) {
		int n = utf8_decode(s + i, len - i, &cp);

		if (n <= 0) {
			w++;
			i++;
			continue;
		}
		w += (size_t)utf8_cp_width(cp);
		i += (size_t)n;
	}
	return w;
}

size_t
utf8_len(const char *s)
{
	size_t c = 0, len = strlen(s), i = 0;
	uint32_t cp;

	while (i < len) {
		int n = utf8_decode(s + i, len - i, &cp);

		i += n > 0 ? (size_t)n : 1;
		c++;
	}
	return c;
}

size_t
utf8_cut(const char *s, size_t max_bytes)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;

	if (len <= max_bytes)
		return len;
	while (i < max_bytes) {
		int n = utf8_decode(s + i, len - i, &cp);
		size_t step = n > 0 ? (size_t)n : 1;

		if (i + step > max_bytes)
			break;
		i += step;
	}
	return i;
}

size_t
utf8_fit(const char *s, size_t columns, size_t *used)
{
	size_t len = strlen(s), i = 0, w = 0;
	uint32_t cp;

	while (i < len) {
		int n = utf8_decode(s + i, len - i, &cp);
		size_t step = n > 0 ? (size_t)n : 1;
		size_t cw = n > 0 ? (size_t)utf8_cp_width(cp) : 1;

		if (w + cw > columns)
			break;
		w += cw;
		i += step;
	}
	if (used != NULL)
		*used = w;
	return i;
}

char *
utf8_printable(const char *s)
{
	size_t len = strlen(s), i = 0, k = 0;
	char *out = xmalloc(len * 3 + 1);
	uint32_t cp;

	while (i < len) {
		int r = utf8_decode(s + i, len - i, &cp);

		if (r <= 0) {
			k += utf8_encode_cp(0xFFFD, out + k);
			i++;
			continue;
		}
		if (utf8_is_control(cp) && cp != '\n' && cp != '\t')
			out[k++] = '?';
		else {
			memcpy(out + k, s + i, (size_t)r);
			k += (size_t)r;
		}
		i += (size_t)r;
	}
	out[k] = '\0';
	return out;
}

char *
utf8_oneline(const char *s)
{
	char *out = utf8_printable(s != NULL ? s : ""), *p;

	for (p = out; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	}
	return out;
}

wchar_t *
utf8_to_wcs(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, k = 0;
	wchar_t *w = xmalloc((len * 2 + 1) * sizeof(*w));
	uint32_t cp;

	while (i < len) {
		int r = utf8_decode(s + i, len - i, &cp);

		if (r <= 0) {
			cp = 0xFFFD;
			r = 1;
		} else if (utf8_is_control(cp)) {
			cp = '?';
		}
		i += (size_t)r;
#if WCHAR_MAX <= 0xFFFF
		if (cp > 0xFFFF) {
			cp -= 0x10000;
			w[k++] = (wchar_t)(0xD800 + (cp >> 10));
			w[k++] = (wchar_t)(0xDC00 + (cp & 0x3FF));
			continue;
		}
#endif
		w[k++] = (wchar_t)cp;
	}
	w[k] = L'\0';
	if (n != NULL)
		*n = k;
	return w;
}

char *
utf8_from_wcs(const wchar_t *w, size_t n)
{
	char *out = xmalloc(n * 4 + 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		uint32_t cp = (uint32_t)w[i];

#if WCHAR_MAX <= 0xFFFF
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n &&
		    (uint32_t)w[i + 1] >= 0xDC00 &&
		    (uint32_t)w[i + 1] <= 0xDFFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) +
			     ((uint32_t)w[i + 1] - 0xDC00);
			i++;
		}
#endif
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		k += utf8_encode_cp(cp, out + k);
	}
	out[k] = '\0';
	return out;
}

#include "model/version.h"

#include <ctype.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

struct parts {
	unsigned long n[VERSION_MAX_PARTS];
	size_t count;
};

/*
 * Reads the numbers of s into p, stopping at the word "build" (any
 * case), whose number is stored in *build (0 when none).
 */
static void
split(const char *s, struct parts *p, unsigned long *build)
{
	const char *q = s;

	memset(p, 0, sizeof(*p));
	*build = 0;
	while (*q != '\0') {
		/* FortiOS: "v7.0.12 build0523" (a full version, then its
		 * build); Citrix: "NS13.1: Build 49.15" (the build is the
		 * version's rest). Only the first is set aside. */
		if ((*q == 'b' || *q == 'B') && p->count >= 3 &&
		    strncasecmp(q, "build", 5) == 0) {
			q += 5;
			while (*q != '\0' && !isdigit((unsigned char)*q))
				q++;
			while (isdigit((unsigned char)*q)) {
				*build =
					*build * 10 + (unsigned long)(*q - '0');
				q++;
			}
			return;
		}
		if (isdigit((unsigned char)*q)) {
			unsigned long v = 0;

			while (isdigit((unsigned char)*q)) {
				if (v < 100000000UL)
					v = v * 10 + (unsigned long)(*q - '0');
				q++;
			}
			if (p->count < VERSION_MAX_PARTS)
				p->n[p->count++] = v;
			continue;
		}
		q++;
	}
}

bool
version_valid(const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			return true;
	}
	return false;
}

/* version_cmp of two versions already split. */
static int
cmp_parts(const struct parts *pa, unsigned long ba, const struct parts *pb,
	  unsigned long bb)
{
	size_t i;

	for (i = 0; i < VERSION_MAX_PARTS; i++) {
		if (pa->n[i] != pb->n[i])
			return pa->n[i] < pb->n[i] ? -1 : 1;
	}
	if (ba != 0 && bb != 0 && ba != bb)
		return ba < bb ? -1 : 1;
	return 0;
}

int
version_cmp(const char *a, const char *b)
{
	struct parts pa, pb;
	unsigned long ba, bb;

	if (!version_valid(a) || !version_valid(b))
		return (int)version_valid(a) - (int)version_valid(b);
	split(a, &pa, &ba);
	split(b, &pb, &bb);
	return cmp_parts(&pa, ba, &pb, bb);
}

bool
version_in_range(const char *v, const char *from, const char *to)
{
	struct parts pv, pf, pt;
	unsigned long bv, bf, bt;

	/* as version_cmp(v, from) >= 0 && version_cmp(v, to) <= 0, with v
	 * split once (this runs for every range of every known flaw); a
	 * bound that is no version compares below any version */
	if (!version_valid(v) || !version_valid(to))
		return false;
	split(v, &pv, &bv);
	if (version_valid(from)) {
		split(from, &pf, &bf);
		if (cmp_parts(&pv, bv, &pf, bf) < 0)
			return false;
	}
	split(to, &pt, &bt);
	return cmp_parts(&pv, bv, &pt, bt) <= 0;
}

void
version_branch(const char *v, char *out, size_t n)
{
	struct parts p;
	unsigned long build;

	if (n == 0)
		return;
	out[0] = '\0';
	if (!version_valid(v))
		return;
	split(v, &p, &build);
	if (p.count >= 2)
		snprintf(out, n, "%lu.%lu", p.n[0], p.n[1]);
	else
		snprintf(out, n, "%lu", p.n[0]);
}

/* The parts of v, as version_branch reads them; false when v is not a
 * version. */
static bool
branch_parts(const char *v, struct parts *p)
{
	unsigned long build;

	if (!version_valid(v))
		return false;
	split(v, p, &build);
	return true;
}

bool
version_same_branch(const char *a, const char *b)
{
	struct parts x, y;

	/* what comparing the two version_branch() texts gives, without
	 * printing them (it runs for every range of every known flaw) */
	if (!branch_parts(a, &x) || !branch_parts(b, &y))
		return false;
	if ((x.count >= 2) != (y.count >= 2) || x.n[0] != y.n[0])
		return false;
	return x.count < 2 || x.n[1] == y.n[1];
}

/* Copies s to a fresh buffer with full-width ASCII (U+FF01..U+FF5E) and
 * the ideographic space made ASCII; other bytes are kept. */
static void
halfwidth(const char *s, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = 0;

	while (*p != '\0' && k + 1 < n) {
		/* U+FF01..U+FF5E: EF BC 81..EF BC BF, EF BD 80..EF BD 9E */
		if (p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) &&
		    p[2] >= 0x80 && p[2] <= 0xBF) {
			unsigned cp = 0xFF00u + ((p[1] & 0x3Fu) << 6 |
						 (p[2] & 0x3Fu)) -
				      0xF00u;

			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				out[k++] = (char)(cp - 0xFF01 + 0x21);
				p += 3;
				continue;
			}
		}
		if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) { /* 　 */
			out[k++] = ' ';
			p += 3;
			continue;
		}
		out[k++] = (char)*p++;
	}
	out[k] = '\0';
}

/* A word ends at a space, a comma, a bracket or a non-ASCII byte. */
static bool
word_char(char c)
{
	return (unsigned char)c < 0x80 && c > ' ' && c != ',' && c != '(' &&
	       c != ')' && c != '[' && c != ']' && c != ';';
}

/* True when w (len bytes) holds a digit, a dot and a digit in a row. */
static bool
has_dotted(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i + 2 < len; i++) {
		if (isdigit((unsigned char)w[i]) && w[i + 1] == '.' &&
		    isdigit((unsigned char)w[i + 2]))
			return true;
	}
	return false;
}

/* The numbers of w[0..len) that are dotted, e.g. 2 for "13.1". */
static size_t
count_numbers(const char *w, size_t len)
{
	size_t i, c = 0;

	for (i = 0; i < len; i++) {
		if (isdigit((unsigned char)w[i]) &&
		    (i == 0 || !isdigit((unsigned char)w[i - 1])))
			c++;
	}
	return c;
}

int
version_read(const char *s, char *out, size_t n)
{
	char buf[512];
	const char *p, *w = NULL, *nx;
	size_t len = 0;

	if (n == 0)
		return -1;
	out[0] = '\0';
	if (s == NULL)
		return -1;
	halfwidth(s, buf, sizeof(buf));
	for (p = buf; *p != '\0';) {
		const char *b;

		while (*p != '\0' && !word_char(*p))
			p++;
		b = p;
		while (word_char(*p))
			p++;
		if (p > b && has_dotted(b, (size_t)(p - b))) {
			w = b;
			len = (size_t)(p - b);
			break;
		}
	}
	if (w == NULL)
		return -1;
	/* the word's letters before its first digit: v, V, Rev., NS, ... */
	while (len > 0 && !isdigit((unsigned char)*w)) {
		w++;
		len--;
	}
	/* WatchGuard's build after three numbers: "12.11.3.B721234" */
	{
		size_t i;

		for (i = 0; i + 2 < len; i++) {
			if (w[i] == '.' && (w[i + 1] == 'B' || w[i + 1] == 'b') &&
			    isdigit((unsigned char)w[i + 2]) &&
			    count_numbers(w, i) >= 3) {
				len = i;
				break;
			}
		}
	}
	/* trailing letters, dots, colons: "49.15.nc", "13.1:" */
	while (len > 0 && !isdigit((unsigned char)w[len - 1]))
		len--;
	nx = w + len;
	/* Cisco ASA: "9.16(4)57" is 9.16.4.57 */
	if (count_numbers(w, len) == 2 && *nx == '(' &&
	    isdigit((unsigned char)nx[1])) {
		const char *q = nx + 1, *r;

		while (isdigit((unsigned char)*q))
			q++;
		if (*q == ')') {
			r = q + 1;
			while (isdigit((unsigned char)*r))
				r++;
			snprintf(out, n, "%.*s.%.*s%s%.*s", (int)len, w,
				 (int)(q - nx - 1), nx + 1, r > q + 1 ? "." : "",
				 (int)(r - q - 1), q + 1);
			return 0;
		}
	}
	/* NetScaler: "13.1 Build 49.15" or "NS13.1: Build 49.15.nc" */
	if (count_numbers(w, len) == 2) {
		const char *q = nx;

		while (*q != '\0' && (!word_char(*q) || *q == ':'))
			q++;
		if (strncasecmp(q, "build", 5) == 0) {
			const char *b = q + 5, *e;

			while (*b == ' ' || *b == ':')
				b++;
			e = b;
			while (isdigit((unsigned char)*e) || *e == '.')
				e++;
			while (e > b && e[-1] == '.')
				e--;
			if (e > b && has_dotted(b, (size_t)(e - b))) {
				snprintf(out, n, "%.*s-%.*s", (int)len, w,
					 (int)(e - b), b);
				return 0;
			}
		}
	}
	snprintf(out, n, "%.*s", (int)len, w);
	return 0;
}

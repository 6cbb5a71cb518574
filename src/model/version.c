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
		if (strncasecmp(q, "build", 5) == 0 && p->count >= 3) {
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

int
version_cmp(const char *a, const char *b)
{
	struct parts pa, pb;
	unsigned long ba, bb;
	size_t i;

	if (!version_valid(a) || !version_valid(b))
		return (int)version_valid(a) - (int)version_valid(b);
	split(a, &pa, &ba);
	split(b, &pb, &bb);
	for (i = 0; i < VERSION_MAX_PARTS; i++) {
		if (pa.n[i] != pb.n[i])
			return pa.n[i] < pb.n[i] ? -1 : 1;
	}
	if (ba != 0 && bb != 0 && ba != bb)
		return ba < bb ? -1 : 1;
	return 0;
}

bool
version_in_range(const char *v, const char *from, const char *to)
{
	return version_valid(v) && version_cmp(v, from) >= 0 &&
	       version_cmp(v, to) <= 0;
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

bool
version_same_branch(const char *a, const char *b)
{
	char x[48], y[48];

	version_branch(a, x, sizeof(x));
	version_branch(b, y, sizeof(y));
	return x[0] != '\0' && strcmp(x, y) == 0;
}

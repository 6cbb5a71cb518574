/*
 * The .mo reader (util/mo.c): the real catalog of the build against glibc's
 * dgettext for every msgid, and a small catalog made by msgfmt
 * (tests/fuzz/corpus-mo/tiny.mo) read in both byte orders and broken in
 * every way the reader checks. Each broken copy lives in a buffer of its
 * exact size, so the ASan build sees any read past it.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/mo.h"
#include "util/strbuf.h"

/* The whole file at path in a malloc'ed buffer, *len its size; or NULL. */
static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n);
		if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

static uint32_t
get32(const unsigned char *p, int big)
{
	if (big)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | (uint32_t)p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | (uint32_t)p[0];
}

static void
put32(unsigned char *p, uint32_t v, int big)
{
	int i;

	for (i = 0; i < 4; i++)
		p[big ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

/* Parses a copy of d[0..len) in a buffer of exactly len bytes. */
static struct mo *
parse_exact(const unsigned char *d, size_t len, struct err *e)
{
	unsigned char *copy = malloc(len ? len : 1);
	struct mo *m;

	if (len > 0)
		memcpy(copy, d, len);
	m = mo_parse(copy, len, e);
	free(copy);
	return m;
}

/* Every msgid of build/locale/.../iryosec.mo gives what dgettext gives. */
static void
test_real(void)
{
	const char *bin = getenv("IRY_BINARY_DIR");
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT;
	struct err e = ERR_INIT;
	unsigned char *d;
	size_t len = 0, i, translated = 0;
	struct mo *m;

	if (bin == NULL)
		bin = "build";
	strbuf_addf(&dir, "%s/locale", bin);
	strbuf_addf(&path, "%s/ja/LC_MESSAGES/iryosec.mo", dir.buf);
	d = slurp(path.buf, &len);
	check_true(d != NULL);
	if (d == NULL) {
		printf("cannot read %s\n", path.buf);
		goto out;
	}
	setenv("LC_ALL", "C.UTF-8", 1);
	check_int(i18n_locale_init(), I18N_OK);
	check_int(i18n_catalog_init(dir.buf), 0);

	m = mo_parse(d, len, &e);
	check_true(m != NULL);
	if (m == NULL) {
		printf("%s (%s)\n", e.msg, e.detail);
		goto out;
	}
	check_int(mo_count(m), get32(d + 8, 0));
	check_true(mo_count(m) > 100);
	for (i = 0; i < mo_count(m); i++) {
		const char *id = mo_msgid(m, i);
		const char *want, *got = mo_lookup(m, id);

		if (id[0] == '\0') {
			check_true(got == NULL);
			continue;
		}
		want = dgettext(I18N_DOMAIN, id);
		if (want == id) {
			/* gettext's "untranslated" */
			check_true(got == NULL);
			continue;
		}
		check_str(got, want);
		translated++;
		if (i > 0)
			check_true(strcmp(mo_msgid(m, i - 1), id) < 0);
	}
	/* every entry but the header is translated (the build refuses less) */
	check_int(translated, mo_count(m) - 1);
	check_true(mo_lookup(m, "") == NULL);
	check_true(mo_lookup(m, "no such message, surely") == NULL);
	check_true(mo_lookup(m, "apple") == NULL);
	for (i = 0; i < mo_count(m); i++) {
		const char *id = mo_msgid(m, i), *want;
		struct strbuf more = STRBUF_INIT;

		/* unknown, but for the few msgids that differ by a space */
		strbuf_addf(&more, "%s ", id);
		want = dgettext(I18N_DOMAIN, more.buf);
		if (want == more.buf)
			check_true(mo_lookup(m, more.buf) == NULL);
		else
			check_str(mo_lookup(m, more.buf), want);
		strbuf_release(&more);
	}
	mo_free(m);
out:
	free(d);
	strbuf_release(&dir);
	strbuf_release(&path);
}

/* The lookups tiny.po promises. */
static void
check_tiny(const struct mo *m)
{
	check_int(mo_count(m), 4);
	check_str(mo_lookup(m, "apple"), "ringo");
	check_str(mo_lookup(m, "menu\004open"), "hiraku");
	check_str(mo_lookup(m, "one file"), "ichi fairu");
	check_true(mo_lookup(m, "open") == NULL);
	check_true(mo_lookup(m, "%d files") == NULL);
	check_true(mo_lookup(m, "") == NULL);
	check_true(mo_lookup(m, "appl") == NULL);
	check_true(mo_lookup(m, "apples") == NULL);
	check_true(mo_lookup(m, "zzz") == NULL);
	check_true(mo_lookup(m, "\001") == NULL);
}

/* A big-endian copy of the little-endian catalog d (all words swapped). */
static unsigned char *
to_big(const unsigned char *d, size_t len)
{
	unsigned char *b = malloc(len);
	uint32_t n = get32(d + 8, 0), o = get32(d + 12, 0),
		 t = get32(d + 16, 0), s = get32(d + 20, 0),
		 h = get32(d + 24, 0), i;

	memcpy(b, d, len);
	for (i = 0; i < 7; i++)
		put32(b + 4 * i, get32(d + 4 * i, 0), 1);
	for (i = 0; i < 2 * n; i++) {
		put32(b + o + 4 * i, get32(d + o + 4 * i, 0), 1);
		put32(b + t + 4 * i, get32(d + t + 4 * i, 0), 1);
	}
	for (i = 0; i < s; i++)
		put32(b + h + 4 * i, get32(d + h + 4 * i, 0), 1);
	return b;
}

/* Refused, with a message. */
static void
check_refused(const unsigned char *d, size_t len, const char *what)
{
	struct err e = ERR_INIT;
	struct mo *m = parse_exact(d, len, &e);

	if (m != NULL) {
		printf("accepted: %s\n", what);
		mo_free(m);
	}
	check_true(m == NULL);
	check_int(e.code, ERR_CONTENT);
	check_true(e.msg[0] != '\0');
}

static void
test_tiny(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	struct strbuf path = STRBUF_INIT;
	struct err e = ERR_INIT;
	unsigned char *d, *b, *x;
	size_t len = 0, i;
	uint32_t o, t;
	struct mo *m;
	int big;

	strbuf_addf(&path, "%s/tests/fuzz/corpus-mo/tiny.mo",
		    src != NULL ? src : ".");
	d = slurp(path.buf, &len);
	check_true(d != NULL && len > 28);
	if (d == NULL || len <= 28) {
		printf("cannot read %s\n", path.buf);
		free(d);
		strbuf_release(&path);
		return;
	}
	check_int(get32(d, 0), 0x950412de);
	o = get32(d + 12, 0);
	t = get32(d + 16, 0);
	b = to_big(d, len);
	x = malloc(len);

	for (big = 0; big <= 1; big++) {
		const unsigned char *c = big ? b : d;

		m = parse_exact(c, len, &e);
		check_true(m != NULL);
		if (m != NULL)
			check_tiny(m);
		mo_free(m);

		/* every truncation cuts the last string's NUL */
		for (i = 0; i < len; i++)
			check_refused(c, i, "truncated");

		memcpy(x, c, len);
		x[big ? 3 : 0] ^= 1;
		check_refused(x, len, "wrong magic");

		memcpy(x, c, len);
		put32(x + 4, 0x00020000, big);
		check_refused(x, len, "revision 2.0");
		put32(x + 4, 0x00000002, big);
		check_refused(x, len, "revision 0.2");
		put32(x + 4, 0x00000001, big);
		m = parse_exact(x, len, &e);
		check_true(m != NULL); /* 0.1: its sysdep strings unused */
		mo_free(m);

		memcpy(x, c, len);
		put32(x + 8, 0x7fffffff, big);
		check_refused(x, len, "N past the end");
		memcpy(x, c, len);
		put32(x + 12, (uint32_t)len - 4, big);
		check_refused(x, len, "originals past the end");
		memcpy(x, c, len);
		put32(x + 16, 0xfffffff8, big);
		check_refused(x, len, "translations past the end");

		/* entry 1 (apple): its offset, then its length */
		memcpy(x, c, len);
		put32(x + o + 8 + 4, (uint32_t)len, big);
		check_refused(x, len, "offset at the end");
		put32(x + o + 8 + 4, 0xfffffff0, big);
		check_refused(x, len, "offset past the end");
		memcpy(x, c, len);
		put32(x + o + 8, (uint32_t)len, big);
		check_refused(x, len, "length past the end");
		put32(x + o + 8, 0xffffffff, big);
		check_refused(x, len, "huge length");
		memcpy(x, c, len);
		put32(x + t + 8, 0xffffffff, big);
		check_refused(x, len, "huge translation length");

		/* the NUL after "apple", and after the last translation */
		memcpy(x, c, len);
		x[get32(c + o + 8 + 4, big) + get32(c + o + 8, big)] = 'X';
		check_refused(x, len, "no NUL after a msgid");
		memcpy(x, c, len);
		x[len - 1] = 'X';
		check_refused(x, len, "no NUL at the end");

		/* entries 1 and 2 swapped: sorted again here */
		memcpy(x, c, len);
		memcpy(x + o + 8, c + o + 16, 8);
		memcpy(x + o + 16, c + o + 8, 8);
		memcpy(x + t + 8, c + t + 16, 8);
		memcpy(x + t + 16, c + t + 8, 8);
		m = parse_exact(x, len, &e);
		check_true(m != NULL);
		if (m != NULL)
			check_tiny(m);
		mo_free(m);

		/* entry 2's msgid is apple's too */
		memcpy(x, c, len);
		memcpy(x + o + 16, c + o + 8, 8);
		check_refused(x, len, "a msgid twice");

		/* apple's translation empty (the header's "" msgid): none */
		memcpy(x, c, len);
		memcpy(x + t + 8, c + o, 8);
		m = parse_exact(x, len, &e);
		check_true(m != NULL);
		if (m != NULL) {
			check_true(mo_lookup(m, "apple") == NULL);
			check_str(mo_lookup(m, "one file"), "ichi fairu");
		}
		mo_free(m);

		/* no entries at all */
		memcpy(x, c, len);
		put32(x + 8, 0, big);
		m = parse_exact(x, len, &e);
		check_true(m != NULL);
		if (m != NULL) {
			check_int(mo_count(m), 0);
			check_true(mo_lookup(m, "apple") == NULL);
		}
		mo_free(m);

		/* every single byte changed: accepted or refused, in bounds */
		for (i = 0; i < len; i++) {
			memcpy(x, c, len);
			x[i] ^= 0x80;
			m = parse_exact(x, len, &e);
			if (m != NULL) {
				size_t k;

				for (k = 0; k < mo_count(m); k++)
					(void)mo_lookup(m, mo_msgid(m, k));
				check_true(mo_lookup(m, "") == NULL);
			}
			mo_free(m);
		}
	}
	/* the wrong magic says so, without a detail */
	memcpy(x, d, len);
	x[0] = 'P';
	check_true(parse_exact(x, len, &e) == NULL);
	check_int(e.code, ERR_CONTENT);
	mo_free(NULL);
	free(x);
	free(b);
	free(d);
	strbuf_release(&path);
}

int
main(void)
{
	test_tiny();
	test_real();
	return check_done("test_mo");
}

/*
 * libFuzzer target for the .mo reader (src/util/mo.c). The input is the
 * whole catalog, handed over in libFuzzer's own buffer, so ASan sees any
 * read past it while parsing. A refusal must say why (ERR_CONTENT and a
 * message); an accepted catalog must list its msgids in strictly increasing
 * strcmp order, find each of them again, never give "" as a translation,
 * and give nothing for "".
 *
 * IRY_FUZZ_SEEDS=DIR writes the seeds into DIR and exits: the tiny catalog
 * of tests/fuzz/corpus-mo/ as msgfmt made it and a big-endian copy.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/mo.h"
#include "util/strbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MO_CHECK(cond) ((cond) ? (void)0 : mo_check_fail(__LINE__, #cond))

static _Noreturn void
mo_check_fail(int line, const char *expr)
{
	fprintf(stderr, "fuzz_mo.c:%d: broken: %s\n", line, expr);
	abort();
}

static uint32_t
word(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | (uint32_t)p[0];
}

/* Reverses the 4 bytes at p. */
static void
swap(unsigned char *p)
{
	unsigned char t = p[0];

	p[0] = p[3];
	p[3] = t;
	t = p[1];
	p[1] = p[2];
	p[2] = t;
}

static void
write_seed(const char *dir, const char *name, const unsigned char *d, size_t n)
{
	struct strbuf p = STRBUF_INIT;
	FILE *out;

	strbuf_addf(&p, "%s/%s", dir, name);
	out = fopen(p.buf, "wb");
	if (out == NULL || fwrite(d, 1, n, out) != n || fclose(out) != 0) {
		fprintf(stderr, "cannot write %s\n", p.buf);
		exit(1);
	}
	strbuf_release(&p);
}

/* Writes tiny.mo (little-endian, as msgfmt wrote it) and its BE copy. */
static void
write_seeds(const char *dir)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	struct strbuf p = STRBUF_INIT;
	unsigned char d[4096];
	size_t n, i;
	uint32_t cnt, o, t, s, h;
	FILE *in;

	strbuf_addf(&p, "%s/tests/fuzz/corpus-mo/tiny.mo",
		    src != NULL ? src : IRY_FUZZ_SOURCE_DIR);
	in = fopen(p.buf, "rb");
	if (in == NULL) {
		fprintf(stderr, "cannot read %s\n", p.buf);
		exit(1);
	}
	n = fread(d, 1, sizeof(d), in);
	fclose(in);
	strbuf_release(&p);
	write_seed(dir, "tiny.mo", d, n);
	if (n < 28 || word(d) != 0x950412de)
		exit(1);
	cnt = word(d + 8);
	o = word(d + 12);
	t = word(d + 16);
	s = word(d + 20);
	h = word(d + 24);
	if (o + 8 * (size_t)cnt > n || t + 8 * (size_t)cnt > n ||
	    h + 4 * (size_t)s > n)
		exit(1);
	for (i = 0; i < 2 * (size_t)cnt; i++) {
		swap(d + o + 4 * i);
		swap(d + t + 4 * i);
	}
	for (i = 0; i < s; i++)
		swap(d + h + 4 * i);
	for (i = 0; i < 7; i++)
		swap(d + 4 * i);
	write_seed(dir, "tiny-be.mo", d, n);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *seeds = getenv("IRY_FUZZ_SEEDS");

	(void)argc;
	(void)argv;
	if (seeds != NULL) {
		write_seeds(seeds);
		exit(0);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = ERR_INIT;
	struct mo *m = mo_parse(data, size, &e);
	size_t i;

	if (m == NULL) {
		MO_CHECK(e.code == ERR_CONTENT);
		MO_CHECK(e.msg[0] != '\0');
		return 0;
	}
	MO_CHECK(e.code == ERR_NONE);
	MO_CHECK(mo_lookup(m, "") == NULL);
	for (i = 0; i < mo_count(m); i++) {
		const char *id = mo_msgid(m, i);
		const char *tr = mo_lookup(m, id);

		if (i > 0)
			MO_CHECK(strcmp(mo_msgid(m, i - 1), id) < 0);
		MO_CHECK(tr == NULL || tr[0] != '\0');
		if (id[0] == '\0')
			MO_CHECK(tr == NULL);
	}
	mo_free(m);
	return 0;
}

/*
 * The font check: a tiny complete font passes and libharu then loads,
 * measures, draws and saves it (under ASan in the sanitizer build); every
 * damage that made libharu read or write outside its arrays is refused;
 * the real IPAexGothic passes, and a damaged copy of it is refused through
 * pdf_open, the path --font and IRYOSEC_FONT take.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "report/fontcheck.h"
#include "report/pdf.h"
#include "report/text.h"
#include "tinyfont.h"

#define IPAEX "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

static int
passes(const struct tinyfont *f)
{
	return fontcheck_data(f->d, f->n, NULL) == 0;
}

/* Writes d to name in the fixture folder; returns the path (caller frees). */
static char *
put(const char *name, const unsigned char *d, size_t n)
{
	char *p = fixture_path(name);
	FILE *f = fopen(p, "wb");

	check_true(f != NULL);
	if (f != NULL) {
		fwrite(d, 1, n, f);
		fclose(f);
	}
	return p;
}

/* Loads the font through the report's own path and draws with it. */
static int
use(const char *path, struct err *e)
{
	struct pdf p;
	char *out = fixture_path("use.pdf");
	int r = pdf_open(&p, path, e);

	if (r == 0) {
		pdf_add_page(&p);
		text_para(&p, "AB あ漢字 xyz", 50, 400, &text_body, true);
		r = pdf_save(&p, out, e);
	}
	pdf_close(&p);
	free(out);
	return r;
}

static void
test_tiny(void)
{
	struct tinyfont f;
	struct err e = ERR_INIT;
	const char *why = NULL;
	char *p;

	tinyfont_build(&f);
	check_int(fontcheck_data(f.d, f.n, &why), 0);
	if (why != NULL)
		printf("  tiny font refused: %s\n", why);
	p = put("tiny.ttf", f.d, f.n);
	check_int(use(p, &e), 0);
	if (e.code != ERR_NONE)
		printf("  %s (%s)\n", e.msg, e.detail);
	free(p);
}

/* One damage each; every one must be refused. */
static void
test_damage(void)
{
	struct tinyfont f;
	size_t i;

	for (i = 0; i < 16; i++) {
		tinyfont_build(&f);
		switch (i) {
		case 0: /* more horizontal metrics than glyphs */
			tinyfont_put16(f.d + f.hhea + 34, 0xFFFF);
			break;
		case 1: /* no glyph at all */
			tinyfont_put16(f.d + f.maxp + 4, 0);
			break;
		case 2: /* units per em 0: libharu divides by it */
			tinyfont_put16(f.d + f.head + 18, 0);
			break;
		case 3: /* the last cmap segment does not end at U+FFFF */
			tinyfont_put16(f.d + f.cmap + 12 + 18, 0xFFFE);
			break;
		case 4: /* idRangeOffset one past the glyph id array */
			tinyfont_put16(f.d + f.cmap + 12 + 36, 6);
			break;
		case 5: /* a character mapped to a glyph that does not exist */
			tinyfont_put16(f.d + f.cmap + 12 + 40, 400);
			break;
		case 6: /* loca going backwards */
			tinyfont_put16(f.d + f.loca + 4, 20);
			break;
		case 7: /* loca past the end of glyf */
			tinyfont_put16(f.d + f.loca + 8, 400);
			break;
		case 8: /* a table past the end of the file */
			tinyfont_put32(f.d + f.dir + 16 * 2 + 12, 100000);
			break;
		case 9: /* a name string outside its table */
			tinyfont_put16(f.d + f.name + 6 + 12 + 10, 900);
			break;
		case 10: /* a table directory longer than the file */
			tinyfont_put16(f.d + 4, 4000);
			break;
		case 11: /* hmtx too short for the glyphs */
			tinyfont_put32(f.d + f.dir + 16 * 5 + 12, 8);
			break;
		case 12: /* unknown loca format */
			tinyfont_put16(f.d + f.head + 50, 7);
			break;
		case 13: /* cmap segments out of order */
			tinyfont_put16(f.d + f.cmap + 12 + 14, 0x5000);
			break;
		case 14: /* the cmap table missing (tag renamed) */
			memcpy(f.d + f.dir + 16 * 1, "cmaq", 4);
			break;
		case 15: /* cut short */
			f.n = 100;
			break;
		}
		if (passes(&f))
			printf("  damage %zu was not refused\n", i);
		check_true(!passes(&f));
	}
}

/* The installed IPAexGothic passes; a damaged copy is refused by pdf_open. */
static void
test_real(void)
{
	FILE *in = fopen(IPAEX, "rb");
	unsigned char *d;
	size_t n, i;
	struct err e = ERR_INIT;
	char *p;

	check_true(in != NULL); /* the test command installs the font */
	if (in == NULL)
		return;
	d = malloc(FONTCHECK_MAX_BYTES);
	n = fread(d, 1, FONTCHECK_MAX_BYTES, in);
	fclose(in);
	check_int(fontcheck_data(d, n, NULL), 0);
	/* numberOfHMetrics = 0xFFFF in hhea: libharu wrote past its array */
	for (i = 0; i < (size_t)(d[4] << 8 | d[5]); i++) {
		unsigned char *t = d + 12 + 16 * i;

		if (memcmp(t, "hhea", 4) == 0) {
			size_t off = (size_t)t[8] << 24 | (size_t)t[9] << 16 |
				     (size_t)t[10] << 8 | t[11];

			d[off + 34] = 0xFF;
			d[off + 35] = 0xFF;
		}
	}
	p = put("damaged.ttf", d, n);
	check_int(use(p, &e), -1);
	check_int(e.code, ERR_FONT);
	check_true(strstr(e.msg, "damaged.ttf") != NULL);
	free(p);
	p = put("cut.ttf", d, 200000);
	check_int(use(p, &e), -1);
	check_int(e.code, ERR_FONT);
	free(p);
	free(d);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_init() != 0)
		return 1;
	test_tiny();
	test_damage();
	test_real();
	fixture_done();
	return check_done("test_fontcheck");
}

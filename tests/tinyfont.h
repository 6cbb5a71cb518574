#ifndef IRY_TEST_TINYFONT_H
#define IRY_TEST_TINYFONT_H

/*
 * A tiny but complete TrueType font, built in memory: the unit test of
 * the font check damages it field by field, and the font fuzz target
 * starts from it (a 4 MB real font is too large to mutate well). Four
 * glyphs: .notdef, a simple glyph for 'A', a composite of it for 'B', an
 * empty one for 'あ' (reached through the cmap's glyph id array).
 * Header-only, like check.h.
 */

#include <stdint.h>
#include <string.h>

/* Byte offsets of fields the tests damage (valid after tinyfont_build). */
struct tinyfont {
	unsigned char d[1024];
	size_t n;
	size_t head, hhea, maxp, loca, glyf, cmap, hmtx, name, os2, post;
	size_t dir; /* the table directory's first entry */
};

static inline void
tinyfont_put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static inline void
tinyfont_put32(unsigned char *p, uint32_t v)
{
	tinyfont_put16(p, v >> 16);
	tinyfont_put16(p + 2, v & 0xFFFF);
}

/* Appends a table's bytes at 4-byte alignment; returns its offset. */
static inline size_t
tinyfont_add(struct tinyfont *f, const unsigned char *b, size_t len)
{
	size_t off = (f->n + 3) & ~(size_t)3;

	memset(f->d + f->n, 0, off - f->n);
	memcpy(f->d + off, b, len);
	f->n = off + len;
	return off;
}

static inline void
tinyfont_build(struct tinyfont *f)
{
	static const char *const tags[] = {"OS/2", "cmap", "glyf", "head",
					   "hhea", "hmtx", "loca", "maxp",
					   "name", "post"};
	unsigned char t[128];
	size_t off[10], len[10], i;

	memset(f, 0, sizeof(*f));
	f->n = 12 + 16 * 10;
	tinyfont_put32(f->d, 0x00010000);
	tinyfont_put16(f->d + 4, 10);
	tinyfont_put16(f->d + 6, 128);
	tinyfont_put16(f->d + 8, 3);
	tinyfont_put16(f->d + 10, 32);

	/* OS/2 version 0: fsType 0 (embedding allowed), sans serif */
	memset(t, 0, 78);
	tinyfont_put16(t + 2, 500);  /* xAvgCharWidth */
	tinyfont_put16(t + 4, 400);  /* weight */
	tinyfont_put16(t + 6, 5);    /* width */
	t[30] = 8;                   /* sFamilyClass: sans serif */
	off[0] = tinyfont_add(f, t, len[0] = 78);

	/* cmap: one (3,1) format 4 subtable, three segments */
	memset(t, 0, 54);
	tinyfont_put16(t + 2, 1);
	tinyfont_put16(t + 4, 3);
	tinyfont_put16(t + 6, 1);
	tinyfont_put32(t + 8, 12);
	{
		unsigned char *s = t + 12;

		tinyfont_put16(s, 4);
		tinyfont_put16(s + 2, 42);  /* length: 16 + 8 * 3 + 2 */
		tinyfont_put16(s + 6, 6);   /* segCountX2 */
		tinyfont_put16(s + 8, 4);
		tinyfont_put16(s + 10, 1);
		tinyfont_put16(s + 12, 2);
		tinyfont_put16(s + 14, 0x42);   /* end: B */
		tinyfont_put16(s + 16, 0x3042); /* end: あ */
		tinyfont_put16(s + 18, 0xFFFF);
		tinyfont_put16(s + 22, 0x41);   /* start: A */
		tinyfont_put16(s + 24, 0x3042);
		tinyfont_put16(s + 26, 0xFFFF);
		tinyfont_put16(s + 28, (unsigned)(1 - 0x41) & 0xFFFF);
		tinyfont_put16(s + 30, 0);
		tinyfont_put16(s + 32, 1);
		tinyfont_put16(s + 34, 0);      /* idRangeOffset */
		tinyfont_put16(s + 36, 4);      /* あ: glyphIdArray[0] */
		tinyfont_put16(s + 38, 0);
		tinyfont_put16(s + 40, 3);      /* glyphIdArray[0] = 3 */
	}
	off[1] = tinyfont_add(f, t, len[1] = 54);

	/* glyf: glyph 1 simple (one point), glyph 2 a composite of 1 */
	memset(t, 0, 32);
	tinyfont_put16(t, 1);
	tinyfont_put16(t + 6, 500);
	tinyfont_put16(t + 8, 700);
	t[14] = 0x31; /* on curve, x and y the same as before */
	tinyfont_put16(t + 16, 0xFFFF); /* numberOfContours -1 */
	tinyfont_put16(t + 22, 500);
	tinyfont_put16(t + 24, 700);
	tinyfont_put16(t + 26, 0x0002); /* ARGS_ARE_XY_VALUES */
	tinyfont_put16(t + 28, 1);      /* glyph index */
	off[2] = tinyfont_add(f, t, len[2] = 32);

	/* head */
	memset(t, 0, 54);
	tinyfont_put32(t, 0x00010000);
	tinyfont_put32(t + 4, 0x00010000);
	tinyfont_put32(t + 12, 0x5F0F3CF5);
	tinyfont_put16(t + 18, 1000);      /* unitsPerEm */
	tinyfont_put16(t + 40, 1000);      /* xMax */
	tinyfont_put16(t + 42, 1000);      /* yMax */
	tinyfont_put16(t + 46, 8);
	tinyfont_put16(t + 48, 2);
	tinyfont_put16(t + 50, 0);         /* short loca */
	off[3] = tinyfont_add(f, t, len[3] = 54);

	/* hhea */
	memset(t, 0, 36);
	tinyfont_put32(t, 0x00010000);
	tinyfont_put16(t + 4, 800);
	tinyfont_put16(t + 6, (unsigned)-200 & 0xFFFF);
	tinyfont_put16(t + 10, 1000);
	tinyfont_put16(t + 34, 4); /* numberOfHMetrics */
	off[4] = tinyfont_add(f, t, len[4] = 36);

	/* hmtx: four long metrics */
	memset(t, 0, 16);
	for (i = 0; i < 4; i++)
		tinyfont_put16(t + 4 * i, i == 0 ? 500 : 1000);
	off[5] = tinyfont_add(f, t, len[5] = 16);

	/* loca (short: offsets / 2) */
	memset(t, 0, 10);
	tinyfont_put16(t + 2, 0);
	tinyfont_put16(t + 4, 8);
	tinyfont_put16(t + 6, 16);
	tinyfont_put16(t + 8, 16);
	off[6] = tinyfont_add(f, t, len[6] = 10);

	/* maxp version 0.5 */
	memset(t, 0, 6);
	tinyfont_put32(t, 0x00005000);
	tinyfont_put16(t + 4, 4);
	off[7] = tinyfont_add(f, t, len[7] = 6);

	/* name: PostScript name "Tiny", subfamily "Regular" (UTF-16BE) */
	memset(t, 0, 52);
	tinyfont_put16(t + 2, 2);
	tinyfont_put16(t + 4, 30);
	{
		static const char ps[] = "Tiny", sub[] = "Regular";
		unsigned char *r = t + 6;

		tinyfont_put16(r, 3);
		tinyfont_put16(r + 2, 1);
		tinyfont_put16(r + 4, 0x409);
		tinyfont_put16(r + 6, 6);
		tinyfont_put16(r + 8, 8);
		tinyfont_put16(r + 10, 0);
		r += 12;
		tinyfont_put16(r, 3);
		tinyfont_put16(r + 2, 1);
		tinyfont_put16(r + 4, 0x409);
		tinyfont_put16(r + 6, 2);
		tinyfont_put16(r + 8, 14);
		tinyfont_put16(r + 10, 8);
		for (i = 0; i < 4; i++)
			t[30 + 2 * i + 1] = (unsigned char)ps[i];
		for (i = 0; i < 7; i++)
			t[38 + 2 * i + 1] = (unsigned char)sub[i];
	}
	off[8] = tinyfont_add(f, t, len[8] = 52);

	/* post version 3 */
	memset(t, 0, 32);
	tinyfont_put32(t, 0x00030000);
	off[9] = tinyfont_add(f, t, len[9] = 32);

	for (i = 0; i < 10; i++) {
		unsigned char *e = f->d + 12 + 16 * i;

		memcpy(e, tags[i], 4);
		tinyfont_put32(e + 8, (uint32_t)off[i]);
		tinyfont_put32(e + 12, (uint32_t)len[i]);
	}
	f->dir = 12;
	f->os2 = off[0];
	f->cmap = off[1];
	f->glyf = off[2];
	f->head = off[3];
	f->hhea = off[4];
	f->hmtx = off[5];
	f->loca = off[6];
	f->maxp = off[7];
	f->name = off[8];
	f->post = off[9];
}

#endif

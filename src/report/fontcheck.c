#include "report/fontcheck.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/sys.h"
#include "util/xalloc.h"

/* The font in memory and the tables libharu looks up by tag. */
struct font {
	const unsigned char *d;
	size_t n;
};

struct table {
	uint32_t off, len; /* within the file (checked) */
};

static uint16_t
u16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Sets *why and returns -1. */
static int
bad(const char **why, const char *reason)
{
	if (why != NULL)
		*why = reason;
	return -1;
}

/*
 * Finds the first table with tag, as libharu's FindTable does. Returns 1
 * with *t set, 0 when absent.
 */
static int
find(const struct font *f, const char *tag, struct table *t)
{
	uint16_t i, num = u16(f->d + 4);

	for (i = 0; i < num; i++) {
		const unsigned char *e = f->d + 12 + 16 * (size_t)i;

		if (memcmp(e, tag, 4) == 0) {
			t->off = u32(e + 8);
			t->len = u32(e + 12);
			return 1;
		}
	}
	return 0;
}

/* The glyph libharu's GetGlyphid returns for c (format 4), or -1 when it
 * would read outside its arrays. */
static long
glyph_of(const unsigned char *sub, uint16_t segs, uint32_t count,
	 const unsigned char *ids, uint16_t c, uint16_t *seg)
{
	const unsigned char *end = sub + 14, *start = end + 2 * segs + 2;
	const unsigned char *delta = start + 2 * segs;
	const unsigned char *ro = delta + 2 * segs;
	uint16_t i = *seg;
	uint32_t idx;

	/* end codes are ascending (checked), so the segment only moves on */
	while (i < segs && c > u16(end + 2 * i))
		i++;
	*seg = i;
	if (i >= segs)
		return -1;
	if (u16(start + 2 * i) > c)
		return 0;
	if (u16(ro + 2 * i) == 0)
		return (uint16_t)(c + u16(delta + 2 * i));
	/* libharu computes this in unsigned int and tests idx > count: a
	 * wrapped value gives 0, idx == count reads one past the array */
	idx = (uint32_t)u16(ro + 2 * i) / 2 + (uint32_t)(c - u16(start + 2 * i)) -
	      (uint32_t)(segs - i);
	if (idx > count)
		return 0;
	if (idx == count)
		return -1;
	return (uint16_t)(u16(ids + 2 * idx) + u16(delta + 2 * i));
}

/* The cmap subtable libharu picks, checked through every BMP code. */
static int
check_cmap(const struct font *f, const struct table *t, uint16_t glyphs,
	   const char **why)
{
	const unsigned char *c = f->d + t->off;
	uint16_t num, i, segs, len;
	uint32_t sub = 0, count;
	uint16_t seg = 0;
	long code;

	if (t->len < 4 || u16(c) != 0)
		return bad(why, "cmap: bad header");
	num = u16(c + 2);
	if (4 + 8 * (uint32_t)num > t->len)
		return bad(why, "cmap: encoding records outside the table");
	for (i = 0; i < num; i++) {
		const unsigned char *r = c + 4 + 8 * i;
		uint32_t o = u32(r + 4);

		if ((uint64_t)o + 2 > t->len)
			return bad(why, "cmap: subtable outside the table");
		if (u16(r) == 3 && u16(r + 2) == 1 && u16(c + o) == 4) {
			sub = o;
			break;
		}
	}
	if (sub == 0)
		return bad(why, "cmap: no Windows Unicode (3,1) format 4 subtable");
	if ((uint64_t)sub + 14 > t->len)
		return bad(why, "cmap: format 4 header outside the table");
	len = u16(c + sub + 2);
	segs = u16(c + sub + 6) / 2;
	if (segs == 0 || (u16(c + sub + 6) & 1) != 0)
		return bad(why, "cmap: no segments");
	if ((uint64_t)sub + len > t->len || 16 + 8 * (uint32_t)segs > len)
		return bad(why, "cmap: format 4 subtable longer than its table");
	count = (uint32_t)(len - (16 + 8 * (uint32_t)segs)) / 2;
	for (i = 0; i < segs; i++) {
		uint16_t end = u16(c + sub + 14 + 2 * i);
		uint16_t start = u16(c + sub + 16 + 2 * segs + 2 * i);

		if (start > end || (i > 0 && end <= u16(c + sub + 12 + 2 * i)))
			return bad(why, "cmap: segments out of order");
	}
	if (u16(c + sub + 14 + 2 * (segs - 1)) != 0xFFFF)
		return bad(why, "cmap: the last segment does not end at U+FFFF");
	for (code = 0; code <= 0xFFFF; code++) {
		long g = glyph_of(c + sub, segs, count,
				  c + sub + 16 + 8 * (size_t)segs,
				  (uint16_t)code, &seg);

		if (g < 0)
			return bad(why, "cmap: a character maps outside the glyph id array");
		if (g >= glyphs)
			return bad(why, "cmap: a character maps to a glyph the font does not have");
	}
	return 0;
}

/* The name records libharu reads: inside the table and the file. */
static int
check_name(const struct font *f, const struct table *t, const char **why)
{
	const unsigned char *p = f->d + t->off;
	uint16_t count, strings, i;

	if (t->len < 6)
		return bad(why, "name: table too short");
	count = u16(p + 2);
	strings = u16(p + 4);
	if (6 + 12 * (uint32_t)count > t->len)
		return bad(why, "name: records outside the table");
	for (i = 0; i < count; i++) {
		const unsigned char *r = p + 6 + 12 * i;

		if ((uint64_t)strings + u16(r + 10) + u16(r + 8) > t->len)
			return bad(why, "name: a string outside the table");
	}
	return 0;
}

int
fontcheck_data(const unsigned char *d, size_t n, const char **why)
{
	static const char *const need[] = {"head", "hhea", "maxp", "loca",
					   "glyf", "cmap", "hmtx", "name",
					   "OS/2"};
	struct font f = {d, n};
	struct table head, hhea, maxp, loca, glyf, cmap, hmtx, name, os2;
	uint16_t num, glyphs, metrics, upem, i;
	int longloc;
	uint32_t prev = 0;
	size_t k;

	if (n < 12 || n > FONTCHECK_MAX_BYTES)
		return bad(why, "not a font of a plausible size");
	if (u32(d) != 0x00010000 && memcmp(d, "true", 4) != 0)
		return bad(why, "not a TrueType font");
	num = u16(d + 4);
	if (num == 0 || 12 + 16 * (size_t)num > n)
		return bad(why, "table directory outside the file");
	for (i = 0; i < num; i++) {
		const unsigned char *e = d + 12 + 16 * (size_t)i;

		if ((uint64_t)u32(e + 8) + u32(e + 12) > n)
			return bad(why, "a table lies outside the file");
	}
	for (k = 0; k < sizeof(need) / sizeof(need[0]); k++) {
		struct table t;

		if (!find(&f, need[k], &t))
			return bad(why, "a required table is missing");
	}
	find(&f, "head", &head);
	find(&f, "hhea", &hhea);
	find(&f, "maxp", &maxp);
	find(&f, "loca", &loca);
	find(&f, "glyf", &glyf);
	find(&f, "cmap", &cmap);
	find(&f, "hmtx", &hmtx);
	find(&f, "name", &name);
	find(&f, "OS/2", &os2);

	if (head.len < 54)
		return bad(why, "head: table too short");
	upem = u16(d + head.off + 18);
	if (upem < 16 || upem > 16384)
		return bad(why, "head: units per em out of range");
	longloc = (int16_t)u16(d + head.off + 50);
	if (longloc != 0 && longloc != 1)
		return bad(why, "head: unknown loca format");
	if (maxp.len < 6)
		return bad(why, "maxp: table too short");
	glyphs = u16(d + maxp.off + 4);
	if (glyphs == 0)
		return bad(why, "maxp: no glyphs");
	if (hhea.len < 36)
		return bad(why, "hhea: table too short");
	metrics = u16(d + hhea.off + 34);
	if (metrics == 0 || metrics > glyphs)
		return bad(why, "hhea: more horizontal metrics than glyphs");
	if (4 * (uint32_t)metrics + 2 * (uint32_t)(glyphs - metrics) >
	    hmtx.len)
		return bad(why, "hmtx: table too short for the glyphs");
	if ((uint32_t)(glyphs + 1) * (longloc ? 4 : 2) > loca.len)
		return bad(why, "loca: table too short for the glyphs");
	for (i = 0; i <= glyphs; i++) {
		const unsigned char *p = d + loca.off + (longloc ? 4 : 2) * i;
		uint32_t o = longloc ? u32(p) : 2 * (uint32_t)u16(p);

		if (o < prev || o > glyf.len)
			return bad(why, "loca: a glyph lies outside glyf");
		prev = o;
	}
	if (os2.len < 78)
		return bad(why, "OS/2: table too short");
	if (check_name(&f, &name, why) != 0)
		return -1;
	return check_cmap(&f, &cmap, glyphs, why);
}

int
fontcheck_file(const char *path, struct err *e)
{
	struct strbuf buf = STRBUF_INIT;
	const char *why = "cannot read";
	int r = sys_read_file(path, FONTCHECK_MAX_BYTES, &buf);

	if (r == 0 && buf.len < 12)
		r = -1;
	if (r == 0)
		r = fontcheck_data((const unsigned char *)buf.buf, buf.len,
				   &why);
	strbuf_release(&buf);
	if (r != 0) {
		err_set(e, ERR_FONT,
			_("the PDF font '%s' is damaged or not a TrueType font that can be used. %s"),
			path, paths_font_remedy());
		err_detail(e, "%s", why);
	}
	return r;
}

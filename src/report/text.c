#include "report/text.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/wrap.h"
#include "util/xalloc.h"

const struct text_style text_title = {20, 30, 0, true};
const struct text_style text_heading = {13.5, 22, 0, true};
const struct text_style text_body = {10.5, 18, 0, false};
const struct text_style text_cell = {9.5, 14.5, 0, false};
const struct text_style text_head = {9.5, 14.5, 0, true};
const struct text_style text_note = {8.5, 13, 0.25, false};
const struct text_style text_footer = {8, 11, 0.35, false};

/* U+3013 GETA MARK: printed for what the font cannot draw. */
#define GETA       "\xe3\x80\x93"
#define GETA_CP    0x3013
#define KEEP_LINES 5 /* paragraphs up to this many lines stay together */

/* Entries of p->widths besides real widths. */
#define WIDTH_UNKNOWN (-1) /* not looked up yet */
#define WIDTH_MISSING (-2) /* the font has no glyph */

/* IPAexGothic's ascender, as a fraction of the em (typoAscender 880). */
#define ASCENT 0.88

/*
 * Advance of cp in 1/1000 em, or WIDTH_MISSING. Looked up once per code
 * point: libharu's per-string functions parse UTF-8 again on each call.
 * Whether a glyph exists is asked of the TrueType cmap directly, because
 * libharu silently measures and draws a missing one as .notdef.
 */
static int
cp_units(struct pdf *p, uint32_t cp)
{
	int16_t w;

	if (cp > 0xFFFF)
		return WIDTH_MISSING;
	w = p->widths[cp];
	if (w == WIDTH_UNKNOWN) {
		HPDF_FontAttr attr = (HPDF_FontAttr)p->font->attr;
		HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(attr->fontdef,
							    (HPDF_UINT16)cp);

		if (gid == 0)
			w = WIDTH_MISSING;
		else
			w = (int16_t)HPDF_Font_GetUnicodeWidth(p->font, cp);
		p->widths[cp] = w;
	}
	return w;
}

/* Notes that cp is printed as 〓: each character counts once, however
 * often the document prints it. */
static void
missing(struct pdf *p, uint32_t cp)
{
	size_t i, n = p->replaced;

	if (n > sizeof(p->missing) / sizeof(p->missing[0]))
		n = sizeof(p->missing) / sizeof(p->missing[0]);
	for (i = 0; i < n; i++) {
		if (p->missing[i] == cp)
			return;
	}
	if (n < sizeof(p->missing) / sizeof(p->missing[0]))
		p->missing[n] = cp;
	else
		return; /* past the list: cannot tell new from seen */
	p->replaced++;
}

void
text_clean(struct pdf *p, const char *s, struct strbuf *out, bool count)
{
	size_t i = 0, len = strlen(s);

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);
		bool bad = false;

		if (n <= 0) {
			n = 1;
			bad = true;
		} else if (cp == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				n = 2;
			strbuf_addch(out, '\n');
		} else if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
			strbuf_addch(out, '\n');
		} else if (cp == '\t' || cp == 0xA0) {
			strbuf_addch(out, ' ');
		} else if (cp == 0x200E || cp == 0x200F || cp == 0xFEFF ||
			   (cp >= 0x202A && cp <= 0x202E) ||
			   (cp >= 0x2066 && cp <= 0x2069)) {
			/* Invisible direction marks: nothing to print. */
		} else if (utf8_is_control(cp) ||
			   cp_units(p, cp) == WIDTH_MISSING) {
			bad = true;
		} else {
			strbuf_add(out, s + i, (size_t)n);
		}
		if (bad) {
			strbuf_addstr(out, GETA);
			(void)count;
			missing(p, n <= 0 ? 0xFFFD : cp);
		}
		i += (size_t)n;
	}
}

/* util/wrap.c's measure: ctx is the struct below. */
struct measure {
	struct pdf *p;
	double size;
};

static double
measure_cp(uint32_t cp, void *ctx)
{
	struct measure *m = ctx;
	int u = cp_units(m->p, cp);

	if (u == WIDTH_MISSING)
		u = cp_units(m->p, GETA_CP);
	return u < 0 ? 0 : u * m->size / 1000.0;
}

double
text_width(struct pdf *p, const char *s, size_t len, double size)
{
	struct measure m = {p, size};
	size_t i = 0;
	double w = 0;

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n <= 0) {
			n = 1;
			cp = GETA_CP;
		}
		w += measure_cp(cp, &m);
		i += (size_t)n;
	}
	return w;
}

size_t
text_wrap(struct pdf *p, const char *s, size_t len, double width, double size,
	  struct text_line **lines)
{
	struct measure m = {p, size};
	struct text_line *v = NULL;
	size_t n = 0, alloc = 0, pos = 0;

	while (pos < len) {
		size_t next;
		size_t l = wrap_line(s + pos, len - pos, width, measure_cp, &m,
				     &next);

		xgrow((void **)&v, &alloc, n + 1, sizeof(*v));
		v[n].off = pos;
		v[n].len = l;
		n++;
		pos += next;
	}
	*lines = v;
	return n;
}

double
text_baseline(const struct text_style *st)
{
	return (st->leading - st->size) / 2 + st->size * ASCENT;
}

void
text_show(struct pdf *p, HPDF_Page page, double x, double y, const char *s,
	  size_t len, const struct text_style *st)
{
	char *z;

	if (!pdf_ok(p) || page == NULL || len == 0)
		return;
	z = xstrndup(s, len);
	HPDF_Page_SetGrayFill(page, (HPDF_REAL)st->gray);
	if (st->bold) {
		HPDF_Page_SetGrayStroke(page, (HPDF_REAL)st->gray);
		HPDF_Page_SetLineWidth(page, (HPDF_REAL)(st->size * 0.035));
	}
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, p->font, (HPDF_REAL)st->size);
	if (st->bold)
		HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
	HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, z);
	if (st->bold)
		HPDF_Page_SetTextRenderingMode(page, HPDF_FILL);
	HPDF_Page_EndText(page);
	HPDF_Page_SetGrayFill(page, 0);
	free(z);
}

void
text_para(struct pdf *p, const char *s, double x, double width,
	  const struct text_style *st, bool count)
{
	struct strbuf sb = STRBUF_INIT;
	struct text_line *lines;
	size_t n, i;

	if (!pdf_ok(p))
		return;
	text_clean(p, s, &sb, count);
	n = text_wrap(p, sb.buf, sb.len, width, st->size, &lines);
	/* A short paragraph is kept on one page; a long one starts with at
	 * least two lines, never a lone line at the foot of a page. */
	pdf_need(p, (double)(n <= KEEP_LINES ? n : 2) * st->leading);
	for (i = 0; i < n && pdf_ok(p); i++) {
		pdf_need(p, st->leading);
		text_show(p, pdf_page(p), x, p->y - text_baseline(st),
			  sb.buf + lines[i].off, lines[i].len, st);
		p->y -= st->leading;
	}
	free(lines);
	strbuf_release(&sb);
}

#include "report/pdf.h"

#include <errno.h>
#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/fontcheck.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/sys.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The start of the name of a report being written (pdf_save). */
#define PDF_TEMP_PREFIX ".iryosec-report-"

/* Characters kept of a document property (Title, Author). */
#define PDF_INFO_MAX 200

/* Number of BMP code points in the width cache. */
#define BMP_SIZE 0x10000

/*
 * libharu's error handler: keeps the first error and returns, so that
 * libharu returns an error code to our frames (no longjmp). Later errors
 * are usually consequences of the first.
 */
static void HPDF_STDCALL
on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
	struct pdf *p = user_data;

	if (p->error == 0) {
		p->error = error_no ? error_no : HPDF_INVALID_OBJECT;
		p->detail = detail_no;
	}
}

int
pdf_error(const struct pdf *p, struct err *e)
{
	err_set(e, ERR_PDF,
		_("the PDF could not be created (libharu error 0x%04X)"),
		(unsigned)p->error);
	return err_detail(e, "libharu error 0x%04X, detail %u",
			  (unsigned)p->error, (unsigned)p->detail);
}

static int
font_error(struct err *e, const char *path, bool not_truetype)
{
	if (not_truetype)
		return err_set(
			e, ERR_FONT,
			_("the PDF font '%s' is not a TrueType font (.ttf). %s"),
			path, paths_font_remedy());
	return err_set(
		e, ERR_FONT,
		_("cannot read the PDF font '%s'. %s"), path,
		paths_font_remedy());
}

/*
 * Checks the font file before libharu reads it, for a clear message:
 * exists, readable, and a TrueType file (libharu 2.3.0 cannot read CFF
 * outlines "OTTO" or collections "ttcf": docs/tech-notes.md §1).
 */
static int
font_check(const char *path, struct err *e)
{
	unsigned char magic[4];
	long n;

	if (path_is_dir(path))
		return font_error(e, path, false);
	n = sys_read_head(path, false, magic, sizeof(magic));
	if (n == SYS_NOT_REGULAR) /* a device or a FIFO: not waited on */
		return font_error(e, path, false);
	if (n == -1) {
		font_error(e, path, false);
		return err_detail(e, "%s", strerror(errno));
	}
	if (n != (long)sizeof(magic))
		return font_error(e, path, true);
	if (memcmp(magic, "\x00\x01\x00\x00", 4) != 0 &&
	    memcmp(magic, "true", 4) != 0)
		return font_error(e, path, true);
	/* libharu trusts every count and offset in the file */
	return fontcheck_file(path, e);
}

/*
 * Gives the font a ToUnicode map that readers accept. libharu's own map
 * for its UTF-8 encoding lists CID ranges (begincidrange), which a
 * ToUnicode map may not hold: poppler warns on every page, and copying,
 * search and screen readers can fail. Under Identity-H each code libharu
 * writes is the character's UTF-16 value, so the map is the identity, one
 * bfrange per high byte (a range may not cross a 256-code boundary), the
 * surrogates left out. Returns 0 or -1 (p->error set).
 */
static int
to_unicode(struct pdf *p)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned hi, n = 0;
	HPDF_Dict cmap;

	strbuf_addstr(&sb, "/CIDInit /ProcSet findresource begin\n"
			   "12 dict begin\n"
			   "begincmap\n"
			   "/CIDSystemInfo << /Registry (Adobe) /Ordering "
			   "(UCS) /Supplement 0 >> def\n"
			   "/CMapName /Adobe-Identity-UCS def\n"
			   "/CMapType 2 def\n"
			   "1 begincodespacerange\n<0000> <FFFF>\n"
			   "endcodespacerange\n");
	for (hi = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue; /* surrogates: never written */
		if (n % 100 == 0) {
			unsigned left = 256 - 8 - n;

			if (n > 0)
				strbuf_addstr(&sb, "endbfrange\n");
			strbuf_addf(&sb, "%u beginbfrange\n",
				    left < 100 ? left : 100);
		}
		strbuf_addf(&sb, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		n++;
	}
	strbuf_addstr(&sb, "endbfrange\n"
			   "endcmap\n"
			   "CMapName currentdict /CMap defineresource pop\n"
			   "end\n"
			   "end\n");
	cmap = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
	if (cmap == NULL || !pdf_ok(p)) {
		strbuf_release(&sb);
		return -1;
	}
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	if (HPDF_Stream_WriteStr(cmap->stream, sb.buf) != HPDF_OK ||
	    HPDF_Dict_Add(p->font, "ToUnicode", cmap) != HPDF_OK) {
		strbuf_release(&sb);
		if (p->error == 0)
			p->error = HPDF_INVALID_OBJECT;
		return -1;
	}
	strbuf_release(&sb);
	return 0;
}

/*
 * When libharu 2.3.0 makes the UTF-8 font (HPDF_GetFont), it looks up the
 * glyph of each of the 65,536 BMP code points, and its lookup walks the
 * cmap's segments one by one: about 17,000 instructions a code point for
 * IPAexGothic, 70 % of a report's time (docs/aggregate.md). For that one
 * call the font gets an equivalent cmap of one segment over a full table
 * (the glyph of every code point, found here in one pass with libharu's own
 * rules); its own cmap is put back right after, and the embedded font is
 * written from the file, not from these arrays. Anything but a format 4
 * TrueType cmap is left as it is.
 */
struct cmap_swap {
	HPDF_FontDef fd;
	HPDF_TTF_CmapRange saved;
	HPDF_UINT16 end, start, offset;
	HPDF_INT16 delta;
	HPDF_UINT16 *map;
};

static void
cmap_fast(HPDF_FontDef fd, struct cmap_swap *cs)
{
	HPDF_TTF_CmapRange *c;
	unsigned segs, i = 0, u;

	memset(cs, 0, sizeof(*cs));
	if (fd == NULL || fd->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    fd->attr == NULL)
		return;
	c = &((HPDF_TTFontDefAttr)fd->attr)->cmap;
	segs = c->seg_count_x2 / 2u;
	if (c->format != 4 || segs == 0)
		return;
	cs->map = xmalloc(65536 * sizeof(*cs->map));
	for (u = 0; u < 65536; u++) {
		unsigned idx;

		/* the first segment ending at or after u: as u grows, it
		 * never moves back */
		while (i < segs && c->end_count[i] < u)
			i++;
		if (i == segs || c->start_count[i] > u) {
			cs->map[u] = 0;
		} else if (c->id_range_offset[i] == 0) {
			cs->map[u] = (HPDF_UINT16)(u + (unsigned)c->id_delta[i]);
		} else {
			idx = c->id_range_offset[i] / 2u +
			      (u - c->start_count[i]) - (segs - i);
			cs->map[u] = idx >= c->glyph_id_array_count
					     ? 0
					     : (HPDF_UINT16)(c->glyph_id_array[idx] +
							     (unsigned)c->id_delta[i]);
		}
	}
	cs->fd = fd;
	cs->saved = *c;
	/* one segment 0..FFFF whose table index is the code point itself:
	 * idx = offset / 2 + (u - start) - (1 - 0) = u */
	cs->end = 0xFFFF;
	cs->start = 0;
	cs->offset = 2;
	cs->delta = 0;
	c->seg_count_x2 = 2;
	c->end_count = &cs->end;
	c->start_count = &cs->start;
	c->id_delta = &cs->delta;
	c->id_range_offset = &cs->offset;
	c->glyph_id_array = cs->map;
	c->glyph_id_array_count = 65536;
}

static void
cmap_restore(struct cmap_swap *cs)
{
	if (cs->fd != NULL)
		((HPDF_TTFontDefAttr)cs->fd->attr)->cmap = cs->saved;
	free(cs->map);
}

int
pdf_open(struct pdf *p, const char *font_path, struct err *e)
{
	const char *name;
	char *native;

	memset(p, 0, sizeof(*p));
	if (font_check(font_path, e) < 0)
		return -1;
	p->doc = HPDF_New(on_error, p);
	if (p->doc == NULL) {
		p->error = HPDF_FAILD_TO_ALLOC_MEM;
		return pdf_error(p, e);
	}
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	if (!pdf_ok(p))
		return pdf_error(p, e);
	/* libharu opens the font with fopen(): on Windows a name in the
	 * ANSI code page (the folder may have a Japanese name) */
	native = sys_narrow_path(font_path);
	name = HPDF_LoadTTFontFromFile(p->doc, native, HPDF_TRUE);
	free(native);
	if (name == NULL || !pdf_ok(p)) {
		font_error(e, font_path, true);
		return err_detail(e, "libharu error 0x%04X, detail %u",
				  (unsigned)p->error, (unsigned)p->detail);
	}
	{
		struct cmap_swap cs;

		cmap_fast(HPDF_GetFontDef(p->doc, name), &cs);
		p->font = HPDF_GetFont(p->doc, name, "UTF-8");
		cmap_restore(&cs);
	}
	if (p->font == NULL || !pdf_ok(p))
		return pdf_error(p, e);
	if (to_unicode(p) != 0)
		return pdf_error(p, e);
	p->widths = xmalloc(BMP_SIZE * sizeof(*p->widths));
	/* Every byte 0xFF: each entry is -1, "not measured yet". */
	memset(p->widths, 0xFF, BMP_SIZE * sizeof(*p->widths));
	return 0;
}

void
pdf_close(struct pdf *p)
{
	if (p->doc != NULL)
		HPDF_Free(p->doc);
	free(p->pages);
	free(p->widths);
	memset(p, 0, sizeof(*p));
}

bool
pdf_ok(const struct pdf *p)
{
	return p->error == 0;
}

HPDF_Page
pdf_page(const struct pdf *p)
{
	return p->npages > 0 ? p->pages[p->npages - 1].h : NULL;
}

void
pdf_add_page(struct pdf *p)
{
	HPDF_Page page;

	if (!pdf_ok(p))
		return;
	page = HPDF_AddPage(p->doc);
	if (page == NULL || !pdf_ok(p))
		return;
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	xgrow((void **)&p->pages, &p->alloc, p->npages + 1, sizeof(*p->pages));
	p->pages[p->npages].h = page;
	p->pages[p->npages].note = false;
	p->npages++;
	p->y = PDF_TOP;
}

bool
pdf_need(struct pdf *p, double h)
{
	if (p->npages > 0 && (p->y - h >= PDF_BOTTOM || p->y >= PDF_TOP))
		return false;
	pdf_add_page(p);
	return true;
}

void
pdf_skip(struct pdf *p, double h)
{
	p->y -= h;
	if (p->y < PDF_BOTTOM)
		p->y = PDF_BOTTOM;
}

void
pdf_mark_note(struct pdf *p)
{
	if (p->npages > 0)
		p->pages[p->npages - 1].note = true;
}

void
pdf_set_info(struct pdf *p, HPDF_InfoType type, const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, len = strlen(value), chars = 0;

	if (!pdf_ok(p))
		return;
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(value + i, len - i, &cp);

		/* A document property is a short label, and libharu fails
		 * the whole PDF on a string over 64 KB (a name of any length
		 * can come from a file edited by hand). */
		if (++chars > PDF_INFO_MAX) {
			strbuf_addstr(&sb, "\xe2\x80\xa6"); /* … */
			break;
		}
		if (n <= 0 || cp > 0xFFFF) {
			/* U+3013 GETA MARK, as in the body text. */
			strbuf_addstr(&sb, "\xe3\x80\x93");
			i += n <= 0 ? 1 : (size_t)n;
			continue;
		}
		if (!utf8_is_control(cp))
			strbuf_add(&sb, value + i, (size_t)n);
		i += (size_t)n;
	}
	HPDF_SetInfoAttr(p->doc, type, sb.buf);
	strbuf_release(&sb);
}

/* Fills e for a file that cannot be written, by errno. Returns -1. */
static int
output_error(struct err *e, const char *path, int errnum)
{
	switch (errnum) {
	case ENOENT:
	case ENOTDIR:
		err_set(e, ERR_IO,
			_("cannot save the report to '%s': the folder does not exist"),
			path);
		break;
	case EACCES:
	case EPERM:
	case EROFS:
		err_set(e, ERR_IO,
			_("cannot save the report to '%s': no permission to write there"),
			path);
		break;
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		err_set(e, ERR_IO,
			_("cannot save the report to '%s': the disk is full"),
			path);
		break;
	case EISDIR:
		err_set(e, ERR_IO,
			_("cannot save the report to '%s': it is a folder"),
			path);
		break;
	default:
		err_set(e, ERR_IO, _("cannot save the report to '%s'"), path);
		break;
	}
	return err_detail(e, "%s", strerror(errnum));
}

/*
 * Checks what is at path before the report replaces it: nothing, or a
 * regular file (replaced as a whole). A link, a folder, a device or a FIFO
 * is refused: writing "into" them would follow the link or replace the
 * device with a file. Returns 0 or -1 with e set.
 */
static int
output_target(const char *path, struct err *e)
{
	struct sys_file f;

	if (path[0] == '\0')
		return output_error(e, path, ENOENT);
	if (sys_lstat(path, &f, e) != 0)
		return -1;
	if (!f.exists || f.regular)
		return 0;
	if (f.dir)
		return output_error(e, path, EISDIR);
	if (f.link)
		return err_set(
			e, ERR_IO,
			_("cannot save the report to '%s': it is a link to another file; give the name of the PDF itself"),
			path);
	return err_set(
		e, ERR_IO,
		_("cannot save the report to '%s': it is not a normal file (a device or a pipe); give a file name"),
		path);
}

int
pdf_probe_output(const char *path, struct err *e)
{
	char *dir, *tmp = NULL;
	int fd;

	if (output_target(path, e) != 0)
		return -1;
	dir = path_dirname(path);
	fd = sys_temp_create(dir, PDF_TEMP_PREFIX, &tmp, e);
	free(dir);
	if (fd < 0)
		return output_error(e, path, errno);
	sys_close(fd);
	sys_remove(tmp); /* made by us a moment ago, under a name no one had */
	free(tmp);
	return 0;
}

/* Writes the finished document from libharu's memory stream into fd. */
static int
write_stream(struct pdf *p, int fd)
{
	HPDF_UINT32 total, done = 0;
	HPDF_BYTE buf[65536];

	if (HPDF_SaveToStream(p->doc) != HPDF_OK || !pdf_ok(p))
		return -1;
	total = HPDF_GetStreamSize(p->doc);
	while (done < total) {
		HPDF_UINT32 n = total - done < sizeof(buf)
					? total - done
					: (HPDF_UINT32)sizeof(buf);
		HPDF_STATUS r = HPDF_ReadFromStream(p->doc, buf, &n);

		if ((r != HPDF_OK && r != HPDF_STREAM_EOF) || n == 0) {
			errno = EIO;
			return -1;
		}
		if (sys_write_all(fd, buf, n) != 0)
			return -1;
		done += n;
	}
	return 0;
}

/* write_stream for sys_replace_file: a libharu failure is p's to say. */
static int
write_pdf(int fd, void *ctx, struct err *e)
{
	struct pdf *p = ctx;

	errno = 0;
	if (write_stream(p, fd) == 0)
		return 0;
	if (!pdf_ok(p) && errno == 0)
		return pdf_error(p, e);
	return errno != 0 ? errno : EIO;
}

int
pdf_save(struct pdf *p, const char *path, struct err *e)
{
	int r;

	if (!pdf_ok(p))
		return pdf_error(p, e);
	if (output_target(path, e) != 0)
		return -1;
	/* The report lists the clinic's weak points: a new file only its
	 * owner may read (0600), written whole and renamed over the target.
	 * Two reports to one name each write their own file: the last
	 * rename wins, whole. */
	r = sys_replace_file(path, PDF_TEMP_PREFIX, write_pdf, p, output_target,
			     e);
	if (r > 0)
		output_error(e, path, r);
	return r == 0 ? 0 : -1;
}

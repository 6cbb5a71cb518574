#include "report/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <hpdf_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

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
			_("the PDF font '%s' is not a TrueType font (.ttf): install fonts-ipaexfont-gothic or choose a TrueType font with --font"),
			path);
	return err_set(
		e, ERR_FONT,
		_("cannot read the PDF font '%s': install fonts-ipaexfont-gothic or choose a TrueType font with --font"),
		path);
}

/*
 * Checks the font file before libharu reads it, for a clear message:
 * exists, readable, and a TrueType file (libharu 2.3.0 cannot read CFF
 * outlines "OTTO" or collections "ttcf": tech-notes §1).
 */
static int
font_check(const char *path, struct err *e)
{
	unsigned char magic[4];
	FILE *f;
	size_t n;

	if (path_is_dir(path))
		return font_error(e, path, false);
	f = fopen(path, "rb");
	if (f == NULL) {
		font_error(e, path, false);
		return err_detail(e, "%s", strerror(errno));
	}
	n = fread(magic, 1, sizeof(magic), f);
	fclose(f);
	if (n != sizeof(magic))
		return font_error(e, path, true);
	if (memcmp(magic, "\x00\x01\x00\x00", 4) != 0 &&
	    memcmp(magic, "true", 4) != 0)
		return font_error(e, path, true);
	return 0;
}

int
pdf_open(struct pdf *p, const char *font_path, struct err *e)
{
	const char *name;

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
	name = HPDF_LoadTTFontFromFile(p->doc, font_path, HPDF_TRUE);
	if (name == NULL || !pdf_ok(p)) {
		font_error(e, font_path, true);
		return err_detail(e, "libharu error 0x%04X, detail %u",
				  (unsigned)p->error, (unsigned)p->detail);
	}
	p->font = HPDF_GetFont(p->doc, name, "UTF-8");
	if (p->font == NULL || !pdf_ok(p))
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
	size_t i = 0, len = strlen(value);

	if (!pdf_ok(p))
		return;
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(value + i, len - i, &cp);

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

int
pdf_probe_output(const char *path, struct err *e)
{
	struct strbuf tmp = STRBUF_INIT;
	FILE *f;
	int r = 0;

	if (path_is_dir(path))
		return output_error(e, path, EISDIR);
	strbuf_addf(&tmp, "%s.tmp", path);
	f = fopen(tmp.buf, "wb");
	if (f == NULL) {
		r = output_error(e, path, errno);
	} else {
		fclose(f);
		remove(tmp.buf);
	}
	strbuf_release(&tmp);
	return r;
}

int
pdf_save(struct pdf *p, const char *path, struct err *e)
{
	struct strbuf tmp = STRBUF_INIT;
	int r = -1, fd;

	if (!pdf_ok(p))
		return pdf_error(p, e);
	strbuf_addf(&tmp, "%s.tmp", path);
	/* The report lists the clinic's weak points: only its owner may read
	 * it (0600 whatever the umask). libharu's fopen keeps the mode of the
	 * file made here. */
	unlink(tmp.buf);
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		output_error(e, path, errno);
		if (fd >= 0) {
			close(fd);
			remove(tmp.buf);
		}
		goto out;
	}
	close(fd);
	errno = 0;
	HPDF_SaveToFile(p->doc, tmp.buf);
	if (!pdf_ok(p)) {
		int errnum = errno;

		/* A failed write inside a compressed stream comes back
		 * from libharu as a zlib error: errno tells the cause. */
		if (p->error == HPDF_FILE_OPEN_ERROR ||
		    p->error == HPDF_FILE_IO_ERROR || errnum != 0)
			output_error(e, path, errnum ? errnum : EIO);
		else
			pdf_error(p, e);
		remove(tmp.buf);
		goto out;
	}
	if (rename(tmp.buf, path) != 0) {
		output_error(e, path, errno);
		remove(tmp.buf);
		goto out;
	}
	r = 0;
out:
	strbuf_release(&tmp);
	return r;
}

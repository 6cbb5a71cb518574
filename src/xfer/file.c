/*
 * Reading an import file and saving an export. An export lists the
 * clinic's answers and weak points, so it is saved as a report is
 * (report/pdf.c): 0600, under a unique name in the target's folder,
 * synced, then renamed over the target; a link or anything but a regular
 * file of ours at the target is refused, never followed or replaced.
 */
#include "xfer/xfer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/sys.h"

/* Leftovers of an export killed half-way start with this. */
#define TEMP_PREFIX ".iryosec-export-"

void
xfer_default_name(struct strbuf *sb, bool csv, int fy, const struct date *today)
{
	if (csv)
		strbuf_addf(sb, "iryosec-%d-%04d%02d%02d.csv", fy, today->y,
			    today->m, today->d);
	else
		strbuf_addf(sb, "iryosec-%04d%02d%02d.json", today->y, today->m,
			    today->d);
}

int
xfer_file_read(const char *path, struct strbuf *out, struct err *e)
{
	struct sys_file f;
	int r;

	if (sys_stat(path, &f, e) != 0)
		return -1;
	if (!f.exists)
		return err_set(e, ERR_IO, _("there is no file '%s'"), path);
	/* read without waiting: a FIFO put there since the check is refused */
	r = f.regular ? sys_read_file(path, (size_t)XFER_FILE_MAX, out)
		      : SYS_NOT_REGULAR;
	if (r == SYS_NOT_REGULAR)
		return err_set(
			e, ERR_IO,
			_("'%s' is not a normal file; give the file written by 'iryosec export'"),
			path);
	if (r == SYS_TOO_LARGE)
		return err_set(
			e, ERR_INPUT,
			_("'%s' is larger than %ld MB; it is not a file written by 'iryosec export'"),
			path, XFER_FILE_MAX / (1024 * 1024));
	if (r != 0) {
		err_set(e, ERR_IO, _("cannot read the file '%s'"), path);
		return err_detail(e, "%s", strerror(errno));
	}
	return 0;
}

/* The message for a save that failed with errnum. Returns -1. */
static int
save_error(struct err *e, const char *path, int errnum)
{
	switch (errnum) {
	case ENOENT:
		err_set(e, ERR_IO,
			_("cannot save the export to '%s': the folder does not exist"),
			path);
		break;
	case EACCES:
	case EPERM:
	case EROFS:
		err_set(e, ERR_IO,
			_("cannot save the export to '%s': no permission to write there"),
			path);
		break;
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		err_set(e, ERR_IO,
			_("cannot save the export to '%s': the disk is full"),
			path);
		break;
	default:
		err_set(e, ERR_IO, _("cannot save the export to '%s'"), path);
		break;
	}
	return err_detail(e, "%s", strerror(errnum));
}

/*
 * What is at path may be replaced: nothing, or a regular file of ours.
 * Returns 0 or -1 with e set.
 */
static int
save_target(const char *path, struct err *e)
{
	struct sys_file f;

	if (path[0] == '\0')
		return save_error(e, path, ENOENT);
	if (sys_lstat(path, &f, e) != 0)
		return -1;
	if (!f.exists)
		return 0;
	if (f.link)
		return err_set(
			e, ERR_IO,
			_("cannot save the export to '%s': it is a link to another file; give the name of the file itself"),
			path);
	if (f.dir)
		return err_set(
			e, ERR_IO,
			_("cannot save the export to '%s': it is a folder"),
			path);
	if (!f.regular)
		return err_set(
			e, ERR_IO,
			_("cannot save the export to '%s': it is not a normal file (a device or a pipe); give a file name"),
			path);
	if (f.uid != sys_euid())
		return err_set(
			e, ERR_IO,
			_("cannot save the export to '%s': that file belongs to another user; give a new file name"),
			path);
	return 0;
}

/* A buffer to write whole. */
struct bytes {
	const char *buf;
	size_t n;
};

static int
write_bytes(int fd, void *ctx, struct err *e)
{
	const struct bytes *b = ctx;

	(void)e;
	return sys_write_all(fd, b->buf, b->n) != 0 ? errno : 0;
}

int
xfer_file_save(const char *path, const char *buf, size_t n, struct err *e)
{
	struct bytes b = {buf, n};
	int r;

	if (save_target(path, e) != 0)
		return -1;
	r = sys_replace_file(path, TEMP_PREFIX, write_bytes, &b, save_target, e);
	if (r > 0)
		save_error(e, path, r);
	return r == 0 ? 0 : -1;
}

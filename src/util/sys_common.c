/*
 * The parts of sys.h built from the other sys functions, the same on every
 * system: sys.c (POSIX) and sys_win.c (Windows) give the primitives.
 */
#include "sys.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "sys_internal.h"
#include "xalloc.h"

int
sys_lstat(const char *path, struct sys_file *f, struct err *e)
{
	return sys_examine(path, f, false, e);
}

int
sys_stat(const char *path, struct sys_file *f, struct err *e)
{
	return sys_examine(path, f, true, e);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
sys_sort_names(char **names, size_t n)
{
	qsort(names, n, sizeof(char *), cmp_name);
}

int
sys_fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = sys_vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int
sys_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	int r;

	strbuf_vaddf(&sb, fmt, ap);
	r = sys_fputs(sb.buf, f);
	strbuf_release(&sb);
	return r;
}

int
sys_read_file(const char *path, size_t max, struct strbuf *out)
{
	char buf[65536];
	size_t got = 0;
	long n;
	int fd = sys_open_read(path, false, NULL);

	if (fd < 0)
		return fd;
	while ((n = sys_read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			int saved = errno;

			sys_close(fd);
			errno = saved;
			return -1;
		}
		got += (size_t)n;
		if (got > max) {
			sys_close(fd);
			return SYS_TOO_LARGE;
		}
		strbuf_add(out, buf, (size_t)n);
	}
	sys_close(fd);
	return 0;
}

long
sys_read_head(const char *path, bool nofollow, void *buf, size_t n)
{
	size_t got = 0;
	int fd = sys_open_read(path, nofollow, NULL);

	if (fd < 0)
		return fd;
	while (got < n) {
		long k = sys_read(fd, (char *)buf + got, n - got);

		if (k < 0) {
			int saved = errno;

			sys_close(fd);
			errno = saved;
			return -1;
		}
		if (k == 0)
			break;
		got += (size_t)k;
	}
	sys_close(fd);
	return (long)got;
}

int
sys_replace_file(const char *path, const char *prefix,
		 int (*write)(int fd, void *ctx, struct err *e), void *ctx,
		 int (*check)(const char *path, struct err *e), struct err *e)
{
	char *dir = path_dirname(path), *tmp = NULL;
	int fd, r;

	sys_remove_prefixed(dir, prefix, 600);
	fd = sys_temp_create(dir, prefix, &tmp, e);
	free(dir);
	if (fd < 0)
		return errno != 0 ? errno : -1;
	r = write(fd, ctx, e);
	if (r == 0 && sys_sync(fd) != 0)
		r = errno;
	if (sys_close(fd) != 0 && r == 0)
		r = errno;
	if (r == 0 && check(path, e) != 0)
		r = -1;
	if (r == 0 && sys_rename_replace(tmp, path) != 0)
		r = errno;
	if (r != 0)
		sys_remove(tmp); /* ours: made by sys_temp_create above */
	free(tmp);
	return r;
}

#include "sys.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "xalloc.h"

int
sys_lock(const char *lockpath, struct err *e)
{
	int fd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0) {
		err_set(e,
			errno == EACCES || errno == EROFS ? ERR_READONLY
							  : ERR_IO,
			_("cannot create the lock file '%s'"), lockpath);
		return err_detail(e, "%s", strerror(errno));
	}
	(void)fchmod(fd, 0600);
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int saved = errno;

		close(fd);
		if (saved == EWOULDBLOCK)
			return err_set(
				e, ERR_BUSY,
				_("this data file is in use in another window; close iryosec there first"));
		err_set(e, ERR_IO, _("cannot lock the data file"));
		return err_detail(e, "flock: %s", strerror(saved));
	}
	return fd;
}

void
sys_unlock(int fd)
{
	if (fd >= 0) {
		flock(fd, LOCK_UN);
		close(fd);
	}
}

int
sys_create_private(const char *path, struct err *e)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		err_set(e,
			errno == EACCES || errno == EROFS ? ERR_READONLY
							  : ERR_IO,
			_("cannot create the file '%s'"), path);
		return err_detail(e, "%s", strerror(errno));
	}
	if (fchmod(fd, 0600) != 0) {
		int saved = errno;

		close(fd);
		unlink(path);
		err_set(e, ERR_IO, _("cannot create the file '%s'"), path);
		return err_detail(e, "fchmod: %s", strerror(saved));
	}
	close(fd);
	return 0;
}

static void
sync_dir(const char *path)
{
	char *dir = path_dirname(path);
	int fd = open(dir, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
sys_rename_new(const char *from, const char *to, struct err *e)
{
	/* link() fails with EEXIST instead of replacing, unlike rename(). */
	if (link(from, to) != 0) {
		int saved = errno;

		/* Some file systems have no hard links: check, then rename. */
		if ((saved == EPERM || saved == ENOTSUP || saved == ENOSYS) &&
		    !path_exists(to) && rename(from, to) == 0) {
			sync_dir(to);
			return 0;
		}
		if (saved == EEXIST)
			return err_set(
				e, ERR_BUSY,
				_("the data file '%s' was created by another iryosec at the same time"),
				to);
		err_set(e, ERR_IO, _("cannot create the file '%s'"), to);
		return err_detail(e, "link: %s", strerror(saved));
	}
	unlink(from);
	sync_dir(to);
	return 0;
}

int
sys_make_private(const char *path, struct err *e)
{
	if (chmod(path, 0600) != 0) {
		err_set(e, ERR_IO, _("cannot set the permissions of '%s'"),
			path);
		return err_detail(e, "%s", strerror(errno));
	}
	return 0;
}

void
sys_today(int *y, int *m, int *d)
{
	const char *o = getenv("IRYOSEC_TODAY");
	struct tm tm;
	time_t t;

	if (o != NULL && sscanf(o, "%4d-%2d-%2d", y, m, d) == 3)
		return;
	t = time(NULL);
	localtime_r(&t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

double
sys_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Set from the signal handler; read by the wizard's input loop. */
static volatile sig_atomic_t hangup_seen;

static void
on_hangup(int sig)
{
	(void)sig;
	hangup_seen = 1;
}

void
sys_catch_hangup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

void
sys_ignore_size_limit_signal(void)
{
	signal(SIGXFSZ, SIG_IGN);
}

void
sys_ignore_hangup(void)
{
	signal(SIGHUP, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
}

bool
sys_hangup(void)
{
	return hangup_seen != 0;
}

bool
sys_isatty(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

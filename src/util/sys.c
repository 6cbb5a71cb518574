/*
 * sys.h on POSIX systems (Linux). The Windows versions are in sys_win.c;
 * what both share is in sys_common.c.
 */
#include "sys.h"

#ifndef _WIN32

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
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
#include "strbuf.h"
#include "sys_internal.h"
#include "xalloc.h"

static void
fill(struct sys_file *f, const struct stat *sb)
{
	f->exists = true;
	f->link = S_ISLNK(sb->st_mode);
	f->regular = S_ISREG(sb->st_mode);
	f->dir = S_ISDIR(sb->st_mode);
	f->nlink = (unsigned long)sb->st_nlink;
	f->uid = (long)sb->st_uid;
	f->gid = (long)sb->st_gid;
	f->size = (long long)sb->st_size;
	f->dev = (unsigned long long)sb->st_dev;
	f->ino = (unsigned long long)sb->st_ino;
}

int
sys_examine(const char *path, struct sys_file *f, bool follow,
	    struct err *e)
{
	struct stat sb;

	memset(f, 0, sizeof(*f));
	if ((follow ? stat(path, &sb) : lstat(path, &sb)) == 0) {
		fill(f, &sb);
		return 0;
	}
	if (errno == ENOENT)
		return 0;
	err_set(e, errno == EACCES ? ERR_READONLY : ERR_IO,
		_("cannot read '%s'"), path);
	return err_detail(e, "%s", strerror(errno));
}

char *
sys_realpath(const char *path)
{
	char *r = realpath(path, NULL);

	if (r == NULL)
		return NULL;
	/* realpath's buffer comes from malloc; hand out one of ours. */
	{
		char *copy = xstrdup(r);

		free(r);
		return copy;
	}
}

/*
 * Opens an existing lock file without following a link and without
 * blocking (a FIFO), and checks it is one we may use. Returns the
 * descriptor, -2 when it vanished (try again), or -1 with e set.
 */
static int
open_existing_lock(const char *lockpath, long owner_uid, struct err *e)
{
	struct sys_file f;
	struct stat sb;
	int fd;

	if (sys_lstat(lockpath, &f, e) != 0)
		return -1;
	if (!f.exists)
		return -2;
	if (f.link || !f.regular)
		return err_set(
			e, ERR_IO,
			_("'%s' is not a plain file (a link, a folder or a device); iryosec uses this name for its lock file, so move it away and try again"),
			lockpath);
	fd = open(lockpath, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return -2;
		err_set(e, errno == EACCES ? ERR_READONLY : ERR_IO,
			_("cannot open the lock file '%s'; if another user made it, ask them or an administrator to delete it"),
			lockpath);
		return err_detail(e, "%s", strerror(errno));
	}
	/* Swapped between the look and the open: check what was opened. */
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (unsigned long long)sb.st_dev != f.dev ||
	    (unsigned long long)sb.st_ino != f.ino || sb.st_nlink != 1 ||
	    (sb.st_uid != geteuid() &&
	     (owner_uid < 0 || (long)sb.st_uid != owner_uid))) {
		close(fd);
		return err_set(
			e, ERR_IO,
			_("the lock file '%s' is not one iryosec made (another owner, or a second name of another file); move it away and try again"),
			lockpath);
	}
	return fd;
}

int
sys_lock(const char *lockpath, long owner_uid, long owner_gid, bool *created,
	 struct err *e)
{
	int tries;

	if (created != NULL)
		*created = false;
	for (tries = 0; tries < 10; tries++) {
		struct stat now, held;
		bool made = false;
		int fd = open(lockpath,
			      O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			      0600);

		if (fd >= 0) {
			made = true;
			/* Ours and new: only now may its mode and owner be
			 * set (never through a name someone else made). */
			(void)fchmod(fd, 0600);
			if (geteuid() == 0 && owner_uid >= 0 &&
			    fchown(fd, (uid_t)owner_uid, (gid_t)owner_gid) != 0) {
				int saved = errno;

				close(fd);
				unlink(lockpath);
				err_set(e, ERR_IO,
					_("cannot create the lock file '%s'"),
					lockpath);
				return err_detail(e, "fchown: %s",
						  strerror(saved));
			}
		} else if (errno == EEXIST) {
			fd = open_existing_lock(lockpath, owner_uid, e);
			if (fd == -2)
				continue;
			if (fd < 0)
				return -1;
		} else if (errno == EACCES || errno == EROFS) {
			err_set(e, ERR_READONLY,
				_("cannot create the lock file '%s': its folder cannot be written to; check the folder's permissions"),
				lockpath);
			return err_detail(e, "%s", strerror(errno));
		} else {
			err_set(e, ERR_IO,
				_("cannot create the lock file '%s'"), lockpath);
			return err_detail(e, "%s", strerror(errno));
		}
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
		/* The holder before us may have removed the name (a refused
		 * file): a lock on a file with no name protects nothing. */
		if (fstat(fd, &held) == 0 && lstat(lockpath, &now) == 0 &&
		    held.st_dev == now.st_dev && held.st_ino == now.st_ino) {
			if (created != NULL)
				*created = made;
			return fd;
		}
		close(fd);
	}
	return err_set(e, ERR_BUSY,
		       _("this data file is in use in another window; close iryosec there first"));
}

void
sys_unlock(int fd)
{
	if (fd >= 0) {
		flock(fd, LOCK_UN);
		close(fd);
	}
}

void
sys_unlock_remove(int fd, const char *lockpath)
{
	struct stat held, now;

	if (fd < 0)
		return;
	if (fstat(fd, &held) == 0 && lstat(lockpath, &now) == 0 &&
	    held.st_dev == now.st_dev && held.st_ino == now.st_ino)
		unlink(lockpath);
	sys_unlock(fd);
}

int
sys_create_private(const char *path, struct err *e)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		      0600);

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

int
sys_temp_create(const char *dir, const char *prefix, char **path,
		struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	int fd;

	*path = NULL;
	strbuf_addstr(&sb, dir);
	if (sb.len == 0 || sb.buf[sb.len - 1] != '/')
		strbuf_addch(&sb, '/');
	strbuf_addf(&sb, "%sXXXXXX", prefix);
	/* mkstemp: O_CREAT | O_EXCL, mode 0600, a name no one had. */
	fd = mkstemp(sb.buf);
	if (fd < 0) {
		int saved = errno;

		err_set(e,
			saved == EACCES || saved == EROFS ? ERR_READONLY
			: saved == ENOSPC || saved == EDQUOT ? ERR_FULL
							     : ERR_IO,
			_("cannot create a file in the folder '%s'"), dir);
		strbuf_release(&sb);
		errno = saved;
		return err_detail(e, "mkstemp: %s", strerror(saved));
	}
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	(void)fchmod(fd, 0600);
	*path = strbuf_detach(&sb, NULL);
	return fd;
}

bool
sys_can_write(const char *path)
{
	return access(path, W_OK) == 0;
}

void
sys_remove_prefixed(const char *dir, const char *prefix, int min_age)
{
	time_t now = time(NULL);
	size_t n = strlen(prefix);
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (dp == NULL)
		return;
	while ((d = readdir(dp)) != NULL) {
		struct stat sb;
		char *p;

		if (strncmp(d->d_name, prefix, n) != 0)
			continue;
		p = path_join(dir, d->d_name);
		if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    sb.st_uid == geteuid() && now - sb.st_mtime >= min_age)
			unlink(p);
		free(p);
	}
	closedir(dp);
}

int
sys_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
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
sys_rename_replace(const char *from, const char *to)
{
	if (rename(from, to) != 0)
		return -1;
	sync_dir(to);
	return 0;
}

void
sys_today(int *y, int *m, int *d)
{
	const char *o = sys_getenv("IRYOSEC_TODAY");
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

/* Set from the SIGCONT handler; read (and cleared) by the input loop. */
static volatile sig_atomic_t continue_seen;

static void
on_continue(int sig)
{
	(void)sig;
	continue_seen = 1;
}

void
sys_catch_continue(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_continue;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: the waiting read returns */
	sigaction(SIGCONT, &sa, NULL);
}

void
sys_suspend(void)
{
	raise(SIGTSTP);
}

bool
sys_continued(void)
{
	if (continue_seen == 0)
		return false;
	continue_seen = 0;
	return true;
}

bool
sys_isatty(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

bool
sys_input_isatty(void)
{
	return isatty(STDIN_FILENO);
}

void
sys_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
}

const char *
sys_getenv(const char *name)
{
	return getenv(name);
}

int
sys_fputs(const char *s, FILE *f)
{
	return fputs(s, f);
}

void
sys_before_exit(bool failed)
{
	(void)failed;
}

const char *
sys_terminal_type(void)
{
	const char *t = getenv("TERM");

	return t != NULL && t[0] != '\0' ? t : NULL;
}

bool
sys_native_console(void)
{
	return false;
}

long
sys_euid(void)
{
	return (long)geteuid();
}

int
sys_open_read(const char *path, bool nofollow, struct sys_file *f)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC |
				    (nofollow ? O_NOFOLLOW : 0));

	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return SYS_NOT_REGULAR;
	}
	if (f != NULL)
		fill(f, &sb);
	return fd;
}

long
sys_read(int fd, void *buf, size_t n)
{
	ssize_t k;

	do
		k = read(fd, buf, n);
	while (k < 0 && errno == EINTR);
	return (long)k;
}

int
sys_close(int fd)
{
	return close(fd);
}

int
sys_sync(int fd)
{
	return fsync(fd);
}

int
sys_remove(const char *path)
{
	return unlink(path);
}

char **
sys_list_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names;
	size_t n = 0, alloc = 1;

	if (dp == NULL)
		return NULL;
	names = xcalloc(alloc, sizeof(char *));
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		xgrow((void **)&names, &alloc, n + 2, sizeof(char *));
		names[n++] = xstrdup(de->d_name);
		names[n] = NULL;
	}
	closedir(dp);
	sys_sort_names(names, n);
	return names;
}

char *
sys_narrow_path(const char *path)
{
	return xstrdup(path);
}

char *
path_home(void)
{
	const char *h = getenv("HOME");
	struct passwd *pw;

	if (h != NULL && h[0] == '/')
		return xstrdup(h);
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/')
		return xstrdup(pw->pw_dir);
	return NULL;
}

char *
path_documents_dir(void)
{
	return path_home();
}

char *
sys_exe_path(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

int
sys_mkdir_private(const char *path)
{
	if (mkdir(path, 0700) != 0)
		return -1;
	/* mkdir's mode passes through the umask; fix it. */
	return chmod(path, 0700);
}

#endif /* !_WIN32 */

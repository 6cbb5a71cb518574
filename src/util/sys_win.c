/*
 * sys.h on Windows (a static console program built with mingw-w64; see
 * docs/windows.md). Every path iryosec handles is UTF-8; it is turned into
 * UTF-16 here, at the system boundary, and the wide ("W") calls are used,
 * so a folder with a Japanese name works whatever the ANSI code page.
 *
 * What POSIX gives and Windows does not, and what is done instead:
 * - owners: Windows keeps access rules (ACLs), not one owner id. Files
 *   under %APPDATA% are the user's own; sys_file.uid is 0 and so is
 *   sys_euid(), so "another user's file" is never said here.
 * - links: a symbolic link or junction is a "reparse point"; sys_lstat
 *   reports it as a link, and sys_open_read(nofollow) refuses it.
 * - the lock: LockFileEx on the separate lock file, released by Windows
 *   when the process ends however it ends.
 * - hang-up: the console window being closed (CTRL_CLOSE_EVENT).
 */
#include "sys.h"

#ifdef _WIN32

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>
#include <shlobj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>

#include "i18n.h"
#include "paths.h"
#include "strbuf.h"
#include "sys_internal.h"
#include "xalloc.h"

/*
 * UTF-8 → UTF-16 (NUL-terminated) with MultiByteToWideChar's flags:
 * MB_ERR_INVALID_CHARS gives NULL for invalid UTF-8 (names), 0 turns a
 * broken byte into U+FFFD (text to show). *n (may be NULL) gets the length
 * without the NUL.
 */
static wchar_t *
wide_n(const char *s, DWORD flags, size_t *n)
{
	int k = MultiByteToWideChar(CP_UTF8, flags, s, -1, NULL, 0);
	wchar_t *w;

	if (k <= 0)
		return NULL;
	w = xmalloc((size_t)k * sizeof(wchar_t));
	MultiByteToWideChar(CP_UTF8, flags, s, -1, w, k);
	if (n != NULL)
		*n = (size_t)k - 1;
	return w;
}

/* A name: UTF-8 → UTF-16, or NULL for invalid UTF-8. */
static wchar_t *
wide(const char *s)
{
	return wide_n(s, MB_ERR_INVALID_CHARS, NULL);
}

/* UTF-16 → UTF-8 (NUL-terminated); never NULL. */
static char *
narrow(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	char *s;

	if (n <= 0)
		return xstrdup("");
	s = xmalloc((size_t)n);
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

/* errno for a Windows error code (the ones that matter here). */
static int
errno_of(DWORD code)
{
	switch (code) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
	case ERROR_INVALID_DRIVE:
	case ERROR_BAD_NETPATH:
	case ERROR_BAD_NET_NAME:
		return ENOENT;
	case ERROR_ACCESS_DENIED:
	case ERROR_SHARING_VIOLATION:
	case ERROR_LOCK_VIOLATION:
		return EACCES;
	case ERROR_WRITE_PROTECT:
		return EROFS;
	case ERROR_FILE_EXISTS:
	case ERROR_ALREADY_EXISTS:
		return EEXIST;
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL:
		return ENOSPC;
	case ERROR_DIRECTORY:
		return ENOTDIR;
	case ERROR_INVALID_NAME:
	case ERROR_BAD_PATHNAME:
		return EINVAL;
	default:
		return EIO;
	}
}

static void
set_errno_last(void)
{
	errno = errno_of(GetLastError());
}

/* Fills f from an open handle. */
static void
fill_handle(struct sys_file *f, HANDLE h)
{
	BY_HANDLE_FILE_INFORMATION bi;
	DWORD type = GetFileType(h);

	memset(f, 0, sizeof(*f));
	f->exists = true;
	f->nlink = 1;
	if (GetFileInformationByHandle(h, &bi)) {
		DWORD a = bi.dwFileAttributes;

		f->link = (a & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
		f->dir = !f->link && (a & FILE_ATTRIBUTE_DIRECTORY) != 0;
		f->regular = !f->link && !f->dir && type == FILE_TYPE_DISK;
		f->nlink = bi.nNumberOfLinks;
		f->size = ((long long)bi.nFileSizeHigh << 32) |
			  (long long)bi.nFileSizeLow;
		f->dev = bi.dwVolumeSerialNumber;
		f->ino = ((unsigned long long)bi.nFileIndexHigh << 32) |
			 bi.nFileIndexLow;
	}
}

/*
 * Opens path for the given access without following a final link when
 * nofollow. Folders can be opened too (FILE_FLAG_BACKUP_SEMANTICS).
 */
static HANDLE
open_handle(const wchar_t *w, DWORD access, bool nofollow)
{
	return CreateFileW(w, access,
			   FILE_SHARE_READ | FILE_SHARE_WRITE |
				   FILE_SHARE_DELETE,
			   NULL, OPEN_EXISTING,
			   FILE_FLAG_BACKUP_SEMANTICS |
				   (nofollow ? FILE_FLAG_OPEN_REPARSE_POINT : 0),
			   NULL);
}

int
sys_examine(const char *path, struct sys_file *f, bool follow,
	    struct err *e)
{
	wchar_t *w = wide(path);
	HANDLE h;
	DWORD code;

	memset(f, 0, sizeof(*f));
	if (w == NULL)
		return 0; /* not a name a file can have */
	h = open_handle(w, 0, !follow);
	if (h != INVALID_HANDLE_VALUE) {
		fill_handle(f, h);
		CloseHandle(h);
		free(w);
		return 0;
	}
	code = GetLastError();
	if (code == ERROR_SHARING_VIOLATION) {
		/* held without sharing by another program: it is there */
		WIN32_FILE_ATTRIBUTE_DATA ad;

		if (GetFileAttributesExW(w, GetFileExInfoStandard, &ad)) {
			f->exists = true;
			f->nlink = 1;
			f->dir = (ad.dwFileAttributes &
				  FILE_ATTRIBUTE_DIRECTORY) != 0;
			f->link = (ad.dwFileAttributes &
				   FILE_ATTRIBUTE_REPARSE_POINT) != 0;
			f->regular = !f->dir && !f->link;
			f->size = ((long long)ad.nFileSizeHigh << 32) |
				  (long long)ad.nFileSizeLow;
			free(w);
			return 0;
		}
		code = GetLastError();
	}
	free(w);
	if (errno_of(code) == ENOENT)
		return 0;
	errno = errno_of(code);
	err_set(e, errno == EACCES ? ERR_READONLY : ERR_IO,
		_("cannot read '%s'"), path);
	return err_detail(e, "%s (Windows error %lu)", strerror(errno),
			  (unsigned long)code);
}

char *
sys_realpath(const char *path)
{
	wchar_t *w = wide(path), *full;
	HANDLE h;
	DWORD n;
	char *r = NULL;

	if (w == NULL)
		return NULL;
	/* the file itself, every link on the way followed (as realpath) */
	h = open_handle(w, 0, false);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	n = GetFinalPathNameByHandleW(h, NULL, 0, FILE_NAME_NORMALIZED);
	if (n > 0) {
		full = xmalloc(((size_t)n + 1) * sizeof(wchar_t));
		if (GetFinalPathNameByHandleW(h, full, n + 1,
					      FILE_NAME_NORMALIZED) != 0) {
			const wchar_t *p = full;

			/* "\\?\C:\..." and "\\?\UNC\server\..." */
			if (wcsncmp(p, L"\\\\?\\UNC\\", 8) == 0) {
				p += 6;
				full[6] = L'\\';
			} else if (wcsncmp(p, L"\\\\?\\", 4) == 0) {
				p += 4;
			}
			r = narrow(p);
		}
		free(full);
	}
	CloseHandle(h);
	return r;
}

/* _wopen with flags, the name as UTF-8. */
static int
open_w(const char *path, int flags)
{
	wchar_t *w = wide(path);
	int fd;

	if (w == NULL) {
		errno = EINVAL;
		return -1;
	}
	fd = _wopen(w, flags | _O_BINARY | _O_NOINHERIT, _S_IREAD | _S_IWRITE);
	free(w);
	return fd;
}

int
sys_lock(const char *lockpath, long owner_uid, long owner_gid, bool *created,
	 struct err *e)
{
	struct sys_file f;
	OVERLAPPED ov;
	bool made = false;
	int fd, tries = 0;

	(void)owner_uid;
	(void)owner_gid;
	if (created != NULL)
		*created = false;
again:
	fd = open_w(lockpath, _O_RDWR | _O_CREAT | _O_EXCL);
	if (fd >= 0) {
		made = true;
	} else if (errno == EEXIST) {
		if (sys_lstat(lockpath, &f, e) != 0)
			return -1;
		if (f.exists && (f.link || !f.regular || f.nlink > 1))
			return err_set(
				e, ERR_IO,
				_("'%s' is not a plain file (a link, a folder or a device); iryosec uses this name for its lock file, so move it away and try again"),
				lockpath);
		fd = open_w(lockpath, _O_RDWR);
		/* removed by its holder between the two opens: again */
		if (fd < 0 && errno == ENOENT && ++tries < 10)
			goto again;
		if (fd < 0) {
			err_set(e, errno == EACCES ? ERR_READONLY : ERR_IO,
				_("cannot open the lock file '%s'; if another user made it, ask them or an administrator to delete it"),
				lockpath);
			return err_detail(e, "%s", strerror(errno));
		}
	} else if (errno == EACCES || errno == EROFS) {
		err_set(e, ERR_READONLY,
			_("cannot create the lock file '%s': its folder cannot be written to; check the folder's permissions"),
			lockpath);
		return err_detail(e, "%s", strerror(errno));
	} else {
		err_set(e, ERR_IO, _("cannot create the lock file '%s'"),
			lockpath);
		return err_detail(e, "%s", strerror(errno));
	}
	memset(&ov, 0, sizeof(ov));
	if (!LockFileEx((HANDLE)_get_osfhandle(fd),
			LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0,
			1, 0, &ov)) {
		DWORD code = GetLastError();

		_close(fd);
		if (code == ERROR_LOCK_VIOLATION || code == ERROR_IO_PENDING)
			return err_set(
				e, ERR_BUSY,
				_("this data file is in use in another window; close iryosec there first"));
		err_set(e, ERR_IO, _("cannot lock the data file"));
		return err_detail(e, "LockFileEx: Windows error %lu",
				  (unsigned long)code);
	}
	if (created != NULL)
		*created = made;
	return fd;
}

void
sys_unlock(int fd)
{
	if (fd >= 0) {
		OVERLAPPED ov;

		memset(&ov, 0, sizeof(ov));
		UnlockFileEx((HANDLE)_get_osfhandle(fd), 0, 1, 0, &ov);
		_close(fd);
	}
}

void
sys_unlock_remove(int fd, const char *lockpath)
{
	if (fd < 0)
		return;
	sys_unlock(fd);
	/* Windows deletes no file another process has open: when one has
	 * opened it meanwhile (to wait for the lock), it simply stays. */
	sys_remove(lockpath);
}

int
sys_create_private(const char *path, struct err *e)
{
	int fd = open_w(path, _O_RDWR | _O_CREAT | _O_EXCL);

	if (fd < 0) {
		err_set(e,
			errno == EACCES || errno == EROFS ? ERR_READONLY
							  : ERR_IO,
			_("cannot create the file '%s'"), path);
		return err_detail(e, "%s", strerror(errno));
	}
	_close(fd);
	return 0;
}

int
sys_temp_create(const char *dir, const char *prefix, char **path,
		struct err *e)
{
	static unsigned counter;
	int tries, fd = -1, saved = 0;

	*path = NULL;
	for (tries = 0; tries < 100; tries++) {
		LARGE_INTEGER t;
		char *name;
		struct strbuf sb = STRBUF_INIT;

		QueryPerformanceCounter(&t);
		strbuf_addf(&sb, "%s%06lx%04x", prefix,
			    (unsigned long)((unsigned long long)t.QuadPart ^
					    GetCurrentProcessId()) &
				    0xFFFFFFul,
			    ++counter & 0xFFFFu);
		name = path_join(dir, sb.buf);
		strbuf_release(&sb);
		/* O_EXCL: never an existing file or a link */
		fd = open_w(name, _O_RDWR | _O_CREAT | _O_EXCL);
		if (fd >= 0) {
			*path = name;
			return fd;
		}
		saved = errno;
		free(name);
		if (saved != EEXIST)
			break;
	}
	err_set(e,
		saved == EACCES || saved == EROFS ? ERR_READONLY
		: saved == ENOSPC		  ? ERR_FULL
						  : ERR_IO,
		_("cannot create a file in the folder '%s'"), dir);
	errno = saved;
	return err_detail(e, "%s", strerror(saved));
}

bool
sys_can_write(const char *path)
{
	wchar_t *w = wide(path);
	DWORD a;

	if (w == NULL)
		return false;
	a = GetFileAttributesW(w);
	free(w);
	if (a == INVALID_FILE_ATTRIBUTES)
		return false;
	/* a folder's read-only mark means nothing to Windows itself */
	return (a & FILE_ATTRIBUTE_DIRECTORY) != 0 ||
	       (a & FILE_ATTRIBUTE_READONLY) == 0;
}

void
sys_remove_prefixed(const char *dir, const char *prefix, int min_age)
{
	struct strbuf star = STRBUF_INIT;
	char *pattern;
	wchar_t *w;
	WIN32_FIND_DATAW fd;
	HANDLE h;
	FILETIME now;
	ULARGE_INTEGER n;

	strbuf_addf(&star, "%s*", prefix);
	pattern = path_join(dir, star.buf);
	strbuf_release(&star);
	w = wide(pattern);
	free(pattern);
	if (w == NULL)
		return;
	h = FindFirstFileW(w, &fd);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return;
	GetSystemTimeAsFileTime(&now);
	n.LowPart = now.dwLowDateTime;
	n.HighPart = now.dwHighDateTime;
	do {
		ULARGE_INTEGER m;
		char *name, *p;

		if (fd.dwFileAttributes & (FILE_ATTRIBUTE_DIRECTORY |
					   FILE_ATTRIBUTE_REPARSE_POINT))
			continue;
		m.LowPart = fd.ftLastWriteTime.dwLowDateTime;
		m.HighPart = fd.ftLastWriteTime.dwHighDateTime;
		/* 100-nanosecond units */
		if (n.QuadPart < m.QuadPart ||
		    (n.QuadPart - m.QuadPart) / 10000000ull <
			    (unsigned long long)min_age)
			continue;
		name = narrow(fd.cFileName);
		if (strncmp(name, prefix, strlen(prefix)) == 0) {
			p = path_join(dir, name);
			sys_remove(p);
			free(p);
		}
		free(name);
	} while (FindNextFileW(h, &fd));
	FindClose(h);
}

int
sys_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		unsigned chunk = n > 0x40000000u ? 0x40000000u : (unsigned)n;
		int w = _write(fd, p, chunk);

		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* MoveFileExW with the names as UTF-8; 0 or -1 with errno set. */
static int
move(const char *from, const char *to, DWORD flags)
{
	wchar_t *wf = wide(from), *wt = wide(to);
	int r = 0;

	if (wf == NULL || wt == NULL) {
		errno = EINVAL;
		r = -1;
	} else if (!MoveFileExW(wf, wt, flags | MOVEFILE_WRITE_THROUGH)) {
		set_errno_last();
		r = -1;
	}
	free(wf);
	free(wt);
	return r;
}

int
sys_rename_new(const char *from, const char *to, struct err *e)
{
	/* without MOVEFILE_REPLACE_EXISTING it fails when to exists */
	if (move(from, to, 0) != 0) {
		if (errno == EEXIST)
			return err_set(
				e, ERR_BUSY,
				_("the data file '%s' was created by another iryosec at the same time"),
				to);
		err_set(e, ERR_IO, _("cannot create the file '%s'"), to);
		return err_detail(e, "MoveFileEx: %s", strerror(errno));
	}
	return 0;
}

int
sys_rename_replace(const char *from, const char *to)
{
	return move(from, to, MOVEFILE_REPLACE_EXISTING);
}

void
sys_today(int *y, int *m, int *d)
{
	const char *o = sys_getenv("IRYOSEC_TODAY");
	SYSTEMTIME t;

	if (o != NULL && sscanf(o, "%4d-%2d-%2d", y, m, d) == 3)
		return;
	GetLocalTime(&t);
	*y = t.wYear;
	*m = t.wMonth;
	*d = t.wDay;
}

double
sys_now_ms(void)
{
	LARGE_INTEGER f, t;

	QueryPerformanceFrequency(&f);
	QueryPerformanceCounter(&t);
	return (double)t.QuadPart * 1000.0 / (double)f.QuadPart;
}

/* Set by the console's control handler; read by the wizard's loop. */
static volatile LONG hangup_seen;
static volatile LONG hangup_ignored;

static BOOL WINAPI
on_console_event(DWORD ev)
{
	if (ev != CTRL_CLOSE_EVENT && ev != CTRL_LOGOFF_EVENT &&
	    ev != CTRL_SHUTDOWN_EVENT)
		return FALSE; /* Ctrl-C is a key in the wizard (raw mode) */
	InterlockedExchange(&hangup_seen, 1);
	/* Windows ends the process when this returns: give the wizard a
	 * moment to leave the screen (answers are already saved). */
	if (!hangup_ignored)
		Sleep(1500);
	return TRUE;
}

void
sys_catch_hangup(void)
{
	SetConsoleCtrlHandler(on_console_event, TRUE);
}

bool
sys_hangup(void)
{
	return hangup_seen != 0;
}

void
sys_ignore_hangup(void)
{
	InterlockedExchange(&hangup_ignored, 1);
}

void
sys_catch_continue(void)
{
}

bool
sys_continued(void)
{
	return false;
}

void
sys_suspend(void)
{
	/* a Windows console has no job control: Ctrl-Z does nothing */
}

void
sys_ignore_size_limit_signal(void)
{
}

bool
sys_isatty(void)
{
	return _isatty(0) && _isatty(1);
}

bool
sys_input_isatty(void)
{
	return _isatty(0) != 0;
}

void
sys_init(int *argc, char ***argv)
{
	int n, i;
	wchar_t **wargv = CommandLineToArgvW(GetCommandLineW(), &n);

	if (wargv != NULL) {
		char **args = xcalloc((size_t)n + 1, sizeof(char *));

		for (i = 0; i < n; i++)
			args[i] = narrow(wargv[i]);
		LocalFree(wargv);
		/* kept to the end of the program, as argv is */
		*argc = n;
		*argv = args;
	}
	/* the console's code pages are left as they are (they belong to
	 * the window, not to us): text goes out as UTF-16 (sys_fputs) and
	 * curses reads keys as UTF-16 */
	_setmode(_fileno(stdin), _O_BINARY);
	_setmode(_fileno(stdout), _O_BINARY);
	_setmode(_fileno(stderr), _O_BINARY);
}

int
sys_fputs(const char *s, FILE *f)
{
	HANDLE h = (HANDLE)_get_osfhandle(_fileno(f));
	DWORD mode;
	wchar_t *w;
	size_t len, at = 0;

	if (h == INVALID_HANDLE_VALUE || !GetConsoleMode(h, &mode))
		return fputs(s, f);
	fflush(f); /* what went through stdio first comes out first */
	w = wide_n(s, 0, &len); /* a broken byte becomes U+FFFD */
	if (w == NULL)
		return 0;
	while (at < len) {
		DWORD chunk = len - at > 8192 ? 8192 : (DWORD)(len - at), done;

		if (!WriteConsoleW(h, w + at, chunk, &done, NULL) ||
		    done == 0) {
			free(w);
			return EOF;
		}
		at += done;
	}
	free(w);
	return 0;
}

void
sys_before_exit(bool failed)
{
	DWORD list[2];
	char line[16];

	/* one process on the console: ours alone, made for this run */
	if (!failed || !_isatty(0) || GetConsoleProcessList(list, 2) != 1)
		return;
	sys_fputs(_("Press Enter to close this window."), stderr);
	(void)fgets(line, sizeof(line), stdin);
}

/* Values handed out by sys_getenv, one per name, replaced on re-read. */
static struct env_value {
	char *name, *value;
} env_values[16];

const char *
sys_getenv(const char *name)
{
	wchar_t *wn = wide(name);
	const wchar_t *wv;
	size_t i;

	if (wn == NULL)
		return NULL;
	wv = _wgetenv(wn);
	free(wn);
	for (i = 0; i < sizeof(env_values) / sizeof(env_values[0]); i++) {
		struct env_value *v = &env_values[i];

		if (v->name == NULL || strcmp(v->name, name) == 0) {
			if (v->name == NULL)
				v->name = xstrdup(name);
			free(v->value);
			v->value = wv != NULL ? narrow(wv) : NULL;
			return v->value;
		}
	}
	return NULL; /* more names than iryosec reads */
}

const char *
sys_terminal_type(void)
{
	/* curses would take a TERM from a Unix-like shell (or wine) and
	 * write escape codes: the console driver reads no TERM */
	_wputenv(L"TERM=");
	return "#win32con";
}

bool
sys_native_console(void)
{
	return true;
}

long
sys_euid(void)
{
	return 0;
}

int
sys_open_read(const char *path, bool nofollow, struct sys_file *f)
{
	wchar_t *w = wide(path);
	struct sys_file got;
	HANDLE h;
	int fd;

	if (w == NULL) {
		errno = ENOENT;
		return -1;
	}
	h = open_handle(w, GENERIC_READ, nofollow);
	free(w);
	if (h == INVALID_HANDLE_VALUE) {
		set_errno_last();
		return -1;
	}
	fill_handle(&got, h);
	if (!got.regular) {
		CloseHandle(h);
		return SYS_NOT_REGULAR;
	}
	fd = _open_osfhandle((intptr_t)h, _O_RDONLY | _O_BINARY);
	if (fd < 0) {
		CloseHandle(h);
		errno = EMFILE;
		return -1;
	}
	if (f != NULL)
		*f = got;
	return fd;
}

long
sys_read(int fd, void *buf, size_t n)
{
	return _read(fd, buf, n > 0x40000000u ? 0x40000000u : (unsigned)n);
}

int
sys_close(int fd)
{
	return _close(fd);
}

int
sys_sync(int fd)
{
	return _commit(fd);
}

int
sys_remove(const char *path)
{
	wchar_t *w = wide(path);
	int r = 0;

	if (w == NULL) {
		errno = ENOENT;
		return -1;
	}
	if (!DeleteFileW(w)) {
		set_errno_last();
		r = -1;
	}
	free(w);
	return r;
}

char **
sys_list_dir(const char *dir)
{
	char *pattern = path_join(dir, "*");
	wchar_t *w = wide(pattern);
	WIN32_FIND_DATAW fd;
	HANDLE h;
	char **names;
	size_t n = 0, alloc = 1;

	free(pattern);
	if (w == NULL)
		return NULL;
	h = FindFirstFileW(w, &fd);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	names = xcalloc(alloc, sizeof(char *));
	do {
		if (wcscmp(fd.cFileName, L".") == 0 ||
		    wcscmp(fd.cFileName, L"..") == 0)
			continue;
		xgrow((void **)&names, &alloc, n + 2, sizeof(char *));
		names[n++] = narrow(fd.cFileName);
		names[n] = NULL;
	} while (FindNextFileW(h, &fd));
	FindClose(h);
	sys_sort_names(names, n);
	return names;
}

char *
sys_narrow_path(const char *path)
{
	wchar_t *w = wide(path), *s;
	DWORD n;
	BOOL lost = FALSE;
	int k;
	char *r;

	if (w == NULL)
		return xstrdup(path);
	n = GetShortPathNameW(w, NULL, 0);
	if (n == 0) {
		s = w;
		w = NULL;
	} else {
		s = xmalloc((size_t)n * sizeof(wchar_t));
		if (GetShortPathNameW(w, s, n) == 0) {
			free(s);
			s = w;
			w = NULL;
		}
	}
	free(w);
	k = WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, s, -1, NULL, 0,
				NULL, &lost);
	if (k <= 0 || lost) {
		free(s);
		return xstrdup(path); /* the best we have: it will fail */
	}
	r = xmalloc((size_t)k);
	WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, s, -1, r, k, NULL,
			    NULL);
	free(s);
	return r;
}

char *
path_home(void)
{
	const char *h = sys_getenv("USERPROFILE");

	return h != NULL && h[0] != '\0' ? xstrdup(h) : NULL;
}

char *
path_documents_dir(void)
{
	wchar_t buf[MAX_PATH];

	if (SUCCEEDED(SHGetFolderPathW(NULL, CSIDL_PERSONAL, NULL, 0, buf)))
		return narrow(buf);
	return path_home();
}

char *
sys_exe_path(void)
{
	wchar_t buf[32768];
	DWORD n = GetModuleFileNameW(NULL, buf, 32768);

	if (n == 0 || n >= 32768)
		return NULL;
	buf[n] = L'\0';
	return narrow(buf);
}

int
sys_mkdir_private(const char *path)
{
	wchar_t *w = wide(path);
	int r;

	if (w == NULL) {
		errno = EINVAL;
		return -1;
	}
	r = _wmkdir(w);
	free(w);
	return r;
}

#endif /* _WIN32 */

#ifndef IRY_SYS_H
#define IRY_SYS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "strbuf.h"

/*
 * Operating-system services that differ between POSIX and Windows: file
 * locks, private files, today's date, signals. Screens and the store call
 * these instead of the system, so a port replaces this file only.
 */

/* What sys_lstat() and sys_stat() found at a path. */
struct sys_file {
	bool exists;                   /* false: nothing there (ENOENT) */
	bool link;                     /* a symbolic link (sys_lstat only) */
	bool regular;                  /* a regular file */
	bool dir;                      /* a directory */
	unsigned long nlink;           /* number of names (hard links) */
	long uid, gid;                 /* owner */
	long long size;                /* bytes */
	unsigned long long dev, ino;   /* what identifies the file itself */
};

/*
 * Fills f for path, not following a final symbolic link (sys_lstat) or
 * following it (sys_stat). Returns 0 (also when nothing is there: then
 * f->exists is false), or -1 with e set when path cannot be examined.
 */
int sys_lstat(const char *path, struct sys_file *f, struct err *e);
int sys_stat(const char *path, struct sys_file *f, struct err *e);

/*
 * The absolute path of path with every symbolic link resolved, or NULL
 * when a part of it does not exist or cannot be read. Caller frees.
 */
char *sys_realpath(const char *path);

/*
 * Takes an exclusive lock on lockpath without waiting. The lock file is
 * created 0600 if missing (and given to owner_uid/owner_gid when we run as
 * root and they are >= 0, so the data file's owner can still use it); an
 * existing one must be a regular file with one name, owned by us or by
 * owner_uid, and is never followed through a link nor changed. *created
 * (may be NULL) tells whether this call made the file. Returns the
 * descriptor for sys_unlock(), or -1 with e set: ERR_BUSY when another
 * process holds it.
 */
int sys_lock(const char *lockpath, long owner_uid, long owner_gid,
	     bool *created, struct err *e);

/* Releases and closes a lock from sys_lock(); -1 is ignored. */
void sys_unlock(int fd);

/*
 * Removes lockpath while still holding its lock fd (one this process
 * created and no longer needs), then releases it. A process that opened
 * the old file in between notices (sys_lock checks the name still leads to
 * the file it locked) and tries again.
 */
void sys_unlock_remove(int fd, const char *lockpath);

/*
 * Creates path as a new empty file readable only by its owner (0600
 * whatever the umask). Fails with e set if it exists or cannot be made.
 */
int sys_create_private(const char *path, struct err *e);

/*
 * Creates a new file 0600 in dir with a unique name that starts with
 * prefix (O_EXCL: never an existing file or a link). Returns its open
 * descriptor with *path set (caller frees), or -1 with e set.
 */
int sys_temp_create(const char *dir, const char *prefix, char **path,
		    struct err *e);

/* True when this process may write path (a file, or a folder's entries). */
bool sys_can_write(const char *path);

/*
 * Removes the plain files in dir whose names start with prefix, that
 * belong to us and were last changed at least min_age seconds ago (what an
 * interrupted run left under a temporary name; a younger one may be
 * another run's work in progress). Links, folders and other owners' files
 * are left alone.
 */
void sys_remove_prefixed(const char *dir, const char *prefix, int min_age);

/* Writes all of buf to fd. Returns 0, or -1 with errno set. */
int sys_write_all(int fd, const void *buf, size_t n);

/*
 * Renames from to to, failing with e set if to already exists (another
 * process created it first). Syncs the directory afterwards.
 */
int sys_rename_new(const char *from, const char *to, struct err *e);

/*
 * Replaces the file at path as a whole, so that a crash or a second writer
 * never leaves half of it: a new file (0600, under a name no one had) in
 * path's folder, filled by write(fd, ctx, e), synced, check(path, e) once
 * more (something may have been put there meanwhile), then renamed over
 * path. What a run killed half-way left there under prefix is removed
 * first when over ten minutes old. The callbacks return 0, a positive
 * errno (a system error), or -1 after setting e; so does this function,
 * and nothing of ours is left behind when it fails.
 */
int sys_replace_file(const char *path, const char *prefix,
		     int (*write)(int fd, void *ctx, struct err *e), void *ctx,
		     int (*check)(const char *path, struct err *e),
		     struct err *e);

/*
 * Renames from over to (replacing what is there) and syncs the folder, so
 * the new name survives a power cut. Returns 0, or -1 with errno set.
 */
int sys_rename_replace(const char *from, const char *to);

/*
 * Today's date in local time. IRYOSEC_TODAY=YYYY-MM-DD overrides it, so
 * tests of date rules do not depend on the day they run.
 */
void sys_today(int *y, int *m, int *d);

/* Milliseconds from a monotonic clock, for the benchmark and --debug. */
double sys_now_ms(void);

/*
 * Arranges for SIGHUP and SIGTERM to set a flag that sys_hangup() reads,
 * instead of ending the process at once, so the wizard can leave the
 * terminal cleanly. Answers are already committed when entered.
 */
void sys_catch_hangup(void);
bool sys_hangup(void);

/*
 * Arranges for SIGCONT (the program continued after Ctrl-Z and fg) to set
 * a flag and to cut a waiting read short, so the terminal can be set up
 * again before the next key. sys_continued() returns true once per
 * SIGCONT.
 */
void sys_catch_continue(void);
bool sys_continued(void);

/*
 * Stops the process as Ctrl-Z does in a shell (SIGTSTP; curses leaves and
 * restores the screen around it) and returns once it is continued (fg).
 */
void sys_suspend(void);

/*
 * A write past the file size limit (ulimit -f) then fails with EFBIG and
 * is reported like any failed write, instead of killing the program with
 * SIGXFSZ half-way. Call once at start.
 */
void sys_ignore_size_limit_signal(void);

/*
 * Ignores SIGHUP and SIGTERM from now on: called once the wizard has left
 * its loop, so that a terminal closing while the program finishes (a
 * sanitizer's leak check at exit takes a moment) cannot cut the exit short.
 */
void sys_ignore_hangup(void);

/* True when standard input and output are terminals. */
bool sys_isatty(void);

/* True when standard input is a terminal (someone can answer y/n). */
bool sys_input_isatty(void);

/*
 * Once at the start of main, before anything reads argv or prints. On
 * Windows: argv is taken again from the UTF-16 command line as UTF-8 (the
 * C runtime's argv is in the ANSI code page and loses Japanese names),
 * and standard streams are made binary (no CR added: an export written to
 * standard output has the same bytes as one written to a file). Elsewhere
 * it does nothing.
 */
void sys_init(int *argc, char ***argv);

/*
 * Text for the user on standard output or error (f is stdout or stderr),
 * UTF-8. On Windows, when f is a console window, the text is handed to
 * the console as UTF-16 (whatever its code page; Japanese would else come
 * out as mojibake); otherwise the bytes are written as they are.
 * Return as fputs / fprintf: negative on failure.
 */
int sys_fputs(const char *s, FILE *f);
int sys_fprintf(FILE *f, const char *fmt, ...) IRY_PRINTF(2, 3);
int sys_vfprintf(FILE *f, const char *fmt, va_list ap) IRY_PRINTF(2, 0);

/*
 * Called last, with whether the program failed. On Windows, when the
 * program failed in a console window of its own (started by a double-click,
 * which closes the window at once), asks for Enter first so the message can
 * be read. Elsewhere it does nothing.
 */
void sys_before_exit(bool failed);

/*
 * An environment variable as UTF-8, or NULL when unset. The string stays
 * valid until the variable is read again through this function.
 */
const char *sys_getenv(const char *name);

/*
 * The terminal type to give curses, or NULL when none is set. On Windows
 * the console is always driven by curses' own console driver: TERM is
 * removed from the environment (a TERM from a Unix-like shell would make
 * curses write escape codes the console does not understand) and
 * "#win32con" is returned.
 */
const char *sys_terminal_type(void);

/*
 * True when the screen is a Windows console rather than a terminal that
 * reads escape sequences (so none are written to it directly).
 */
bool sys_native_console(void);

/* The running program's own file (absolute), or NULL. Caller frees. */
char *sys_exe_path(void);

/*
 * Creates the folder path readable only by its owner (0700 whatever the
 * umask; on Windows the folder inherits its parent's access rules).
 * Returns 0, or -1 with errno set (EEXIST when something is there).
 */
int sys_mkdir_private(const char *path);

/* The user id files of ours belong to (Windows: 0, as sys_file.uid). */
long sys_euid(void);

/*
 * Opens an existing regular file for reading without waiting (a FIFO
 * put in its place does not block) and, with nofollow, without following
 * a final symbolic link. Fills f (may be NULL) from the open file. Returns
 * the descriptor, -1 with errno set when it cannot be opened, or
 * SYS_NOT_REGULAR (nothing left open) when it is not a regular file.
 */
#define SYS_NOT_REGULAR (-2)
int sys_open_read(const char *path, bool nofollow, struct sys_file *f);

/* read() that retries after a signal: bytes read, 0 at the end, -1. */
long sys_read(int fd, void *buf, size_t n);

/* Closes fd; returns 0 or -1 with errno set. */
int sys_close(int fd);

/* Flushes fd's data to the disk; returns 0 or -1 with errno set. */
int sys_sync(int fd);

/* Removes the file at path (never a folder). Returns 0 or -1 (errno). */
int sys_remove(const char *path);

/*
 * Reads the whole regular file at path (as sys_open_read, following
 * links) into out, refusing more than max bytes. Returns 0;
 * SYS_NOT_REGULAR; SYS_TOO_LARGE; or -1 with errno set.
 */
#define SYS_TOO_LARGE (-3)
int sys_read_file(const char *path, size_t max, struct strbuf *out);

/*
 * Reads the first n bytes of the regular file at path into buf (as
 * sys_open_read with nofollow as given). Returns the number of bytes read
 * (fewer at the end of a short file), SYS_NOT_REGULAR, or -1 with errno.
 */
long sys_read_head(const char *path, bool nofollow, void *buf, size_t n);

/*
 * The names in folder dir, except "." and "..", sorted by strcmp; NULL
 * when dir cannot be read. Free with paths_free_list().
 */
char **sys_list_dir(const char *dir);

/*
 * path in the form a library that opens files through the C runtime's
 * narrow fopen() can use (libharu's font loader): on Windows the short
 * (8.3) name in the ANSI code page when the path has characters outside
 * it; elsewhere a copy. Caller frees.
 */
char *sys_narrow_path(const char *path);

#endif

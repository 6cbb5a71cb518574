#ifndef IRY_SYS_H
#define IRY_SYS_H

#include <stdbool.h>

#include "err.h"

/*
 * Operating-system services that differ between POSIX and Windows: file
 * locks, private files, today's date, signals. Screens and the store call
 * these instead of the system, so a port replaces this file only.
 */

/*
 * Takes an exclusive lock on lockpath (created 0600 if missing, close-on-
 * exec) without waiting. Returns the descriptor to pass to sys_unlock(),
 * or -1 with e set: ERR_BUSY when another process holds it.
 */
int sys_lock(const char *lockpath, struct err *e);

/* Releases and closes a lock from sys_lock(); -1 is ignored. */
void sys_unlock(int fd);

/*
 * Creates path as a new empty file readable only by its owner (0600
 * whatever the umask). Fails with e set if it exists or cannot be made.
 */
int sys_create_private(const char *path, struct err *e);

/*
 * Renames from to to, failing with e set if to already exists (another
 * process created it first). Syncs the directory afterwards.
 */
int sys_rename_new(const char *from, const char *to, struct err *e);

/* Sets the mode of path to 0600; returns 0 or -1 with e set. */
int sys_make_private(const char *path, struct err *e);

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

#endif

#ifndef IRY_XALLOC_H
#define IRY_XALLOC_H

#include <stddef.h>

#include "attr.h"

/*
 * Allocation that never fails: on exhaustion die() is called. Every
 * returned pointer is owned by the caller and freed with free().
 */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *arr (of *alloc elements of size sz) to hold at least n. */
void xgrow(void **arr, size_t *alloc, size_t n, size_t sz);

/*
 * Prints "iryosec: <message>" on stderr and exits with status 1, after
 * running the hook set by die_set_hook() (which restores the terminal).
 * The message is already translated by the caller.
 */
_Noreturn void die(const char *fmt, ...) IRY_PRINTF(1, 2);

/* Sets the function die() runs before printing; NULL clears it. */
void die_set_hook(void (*hook)(void));

/* Runs the die hook if one is set, and clears it. */
void die_run_hook(void);

/* A programmer error: prints file:line and aborts, in every build. */
#define BUG(...) bug_fl(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_fl(const char *file, int line, const char *fmt, ...)
	IRY_PRINTF(3, 4);

#endif

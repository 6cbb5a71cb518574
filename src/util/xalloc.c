#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The hook must be global: die() can be called from any module. */
static void (*die_hook)(void);

void
die_set_hook(void (*hook)(void))
{
	die_hook = hook;
}

void
die_run_hook(void)
{
	void (*h)(void) = die_hook;

	die_hook = NULL;
	if (h != NULL)
		h();
}

void
die(const char *fmt, ...)
{
	va_list ap;

	die_run_hook();
	fputs("iryosec: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void
bug_fl(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	die_run_hook();
	fprintf(stderr, "BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static void
oom(void)
{
	die("%s", _("out of memory"));
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom();
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
xgrow(void **arr, size_t *alloc, size_t n, size_t sz)
{
	size_t a = *alloc;

	if (n <= a)
		return;
	if (a < 8)
		a = 8;
	while (a < n) {
		if (a > ((size_t)-1) / 2 / sz)
			oom();
		a *= 2;
	}
	*arr = xrealloc(*arr, a * sz);
	*alloc = a;
}

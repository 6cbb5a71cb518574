#ifndef IRY_TEST_FIXTURE_H
#define IRY_TEST_FIXTURE_H

/*
 * Small helpers the unit tests share: a private temporary folder, a
 * checksum to prove a refusal changed nothing, a shell command built like
 * printf. Header-only, like check.h.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/paths.h"
#include "util/strbuf.h"

static char fixture_dir[] = "/tmp/iry-unit-XXXXXX";

/* Makes the temporary folder; returns 0 or -1. */
static inline int
fixture_init(void)
{
	return mkdtemp(fixture_dir) != NULL ? 0 : -1;
}

/* name inside the temporary folder (caller frees). */
static inline char *
fixture_path(const char *name)
{
	return path_join(fixture_dir, name);
}

/* A checksum of the whole file (0 when it cannot be read). */
static inline unsigned long
fixture_checksum(const char *p)
{
	FILE *f = fopen(p, "rb");
	unsigned long h = 5381;
	int c;

	if (f == NULL)
		return 0;
	while ((c = fgetc(f)) != EOF)
		h = h * 33 + (unsigned long)c;
	fclose(f);
	return h;
}

/* True when something (a file, a link, a folder) is at p. */
static inline int
fixture_exists(const char *p)
{
	struct stat sb;

	return lstat(p, &sb) == 0;
}

/* True when something is at name inside the temporary folder. */
static inline int
fixture_has(const char *name)
{
	char *p = fixture_path(name);
	int r = fixture_exists(p);

	free(p);
	return r;
}

/* Removes name inside the temporary folder (if there). */
static inline void
fixture_unlink(const char *name)
{
	char *p = fixture_path(name);

	unlink(p);
	free(p);
}

static int fixture_sh(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Runs a shell command built like printf; returns its exit status. */
static inline int
fixture_sh(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int r;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	r = system(sb.buf);
	strbuf_release(&sb);
	return r == -1 ? -1 : (r >> 8) & 0xff;
}

/* Removes the temporary folder. */
static inline void
fixture_done(void)
{
	fixture_sh("rm -rf '%s'", fixture_dir);
}

#endif

#ifndef IRY_STRBUF_H
#define IRY_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "attr.h"

/*
 * An owned, growable string (git's strbuf). Invariants: buf is never NULL
 * and always NUL-terminated; len is the length without the NUL. A
 * STRBUF_INIT buffer points at a shared empty string and allocates on the
 * first addition, so an unused strbuf needs no release (release is safe).
 */
struct strbuf {
	size_t alloc; /* bytes allocated; 0 while buf is the shared "" */
	size_t len;   /* bytes used, without the NUL */
	char *buf;    /* the text; never NULL */
};

extern char strbuf_empty[];
#define STRBUF_INIT                                                            \
	{                                                                      \
		0, 0, strbuf_empty                                             \
	}

void strbuf_init(struct strbuf *sb, size_t hint);
/* Frees the text and makes sb an empty STRBUF_INIT again. */
void strbuf_release(struct strbuf *sb);
/* Returns the text (caller frees) and makes sb empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_reset(struct strbuf *sb);
void strbuf_setlen(struct strbuf *sb, size_t len);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	IRY_PRINTF(2, 3);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	IRY_PRINTF(2, 0);
/*
 * Appends tmpl with each "%s" replaced by the next of args (n of them)
 * and "%%" by "%". For sentences that come from content files, which must
 * never reach printf as a format. A "%s" beyond args becomes "".
 */
void strbuf_add_template(struct strbuf *sb, const char *tmpl,
			 const char *const *args, size_t n);

/*
 * Counts the "%s" of tmpl; returns -1 when it holds any other '%'
 * conversion (a content file's template is checked with this).
 */
int strbuf_template_slots(const char *tmpl);

/* Removes trailing ASCII white space (space, tab, CR, LF). */
void strbuf_rtrim(struct strbuf *sb);

#endif

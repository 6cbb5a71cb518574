#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Shared by every unallocated strbuf so that buf is never NULL. */
char strbuf_empty[1];

void
strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->alloc = 0;
	sb->len = 0;
	sb->buf = strbuf_empty;
	if (hint)
		strbuf_grow(sb, hint);
}

void
strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb, 0);
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *r;

	if (len != NULL)
		*len = sb->len;
	if (sb->alloc == 0)
		r = xstrdup("");
	else
		r = sb->buf;
	strbuf_init(sb, 0);
	return r;
}

void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t need;

	if (extra > ((size_t)-1) - sb->len - 1)
		die("%s", "strbuf too large");
	need = sb->len + extra + 1;
	if (need <= sb->alloc)
		return;
	if (sb->alloc == 0) {
		sb->buf = NULL;
		sb->alloc = 0;
	}
	{
		void *p = sb->buf;
		size_t a = sb->alloc;

		xgrow(&p, &a, need, 1);
		sb->buf = p;
		sb->alloc = a;
	}
	if (sb->len == 0)
		sb->buf[0] = '\0';
}

void
strbuf_reset(struct strbuf *sb)
{
	strbuf_setlen(sb, 0);
}

void
strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (len > sb->len)
		BUG("strbuf_setlen beyond length");
	if (sb->alloc == 0)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

void
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (len == 0)
		return;
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;

	strbuf_add(sb, &ch, 1);
}

void
strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("bad format '%s'", fmt);
	strbuf_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void
strbuf_rtrim(struct strbuf *sb)
{
	while (sb->len > 0 && strchr(" \t\r\n", sb->buf[sb->len - 1]) != NULL)
		sb->len--;
	if (sb->alloc)
		sb->buf[sb->len] = '\0';
}

void
strbuf_add_template(struct strbuf *sb, const char *tmpl,
		    const char *const *args, size_t n)
{
	size_t used = 0;
	const char *p = tmpl;

	while (*p != '\0') {
		const char *pc = strchr(p, '%');

		if (pc == NULL) {
			strbuf_addstr(sb, p);
			return;
		}
		strbuf_add(sb, p, (size_t)(pc - p));
		if (pc[1] == 's') {
			if (used < n && args[used] != NULL)
				strbuf_addstr(sb, args[used]);
			used++;
			p = pc + 2;
		} else if (pc[1] == '%') {
			strbuf_addch(sb, '%');
			p = pc + 2;
		} else {
			strbuf_addch(sb, '%');
			p = pc + 1;
		}
	}
}

int
strbuf_template_slots(const char *tmpl)
{
	int n = 0;
	const char *p;

	for (p = tmpl; (p = strchr(p, '%')) != NULL; p += 2) {
		if (p[1] == 's')
			n++;
		else if (p[1] != '%')
			return -1;
	}
	return n;
}

#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void
err_clear(struct err *e)
{
	e->code = ERR_NONE;
	e->msg[0] = '\0';
	e->detail[0] = '\0';
}

/*
 * vsnprintf into buf; when the text is longer, vsnprintf keeps size - 1
 * bytes, which may end inside a character: drop that partial character.
 */
IRY_PRINTF(3, 0) static void
format_cut(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);
	size_t len = size - 1, lead;
	uint32_t cp;

	if (n < 0) {
		buf[0] = '\0';
		return;
	}
	if ((size_t)n < size)
		return;
	/* Back up over continuation bytes to the last character's first. */
	for (lead = len; lead > 0 && len - lead < 3 &&
			 ((unsigned char)buf[lead - 1] & 0xC0) == 0x80;
	     lead--)
		;
	if (lead > 0 && utf8_decode(buf + lead - 1, len - lead + 1, &cp) <= 0)
		len = lead - 1;
	buf[len] = '\0';
}

int
err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->code = code;
	va_start(ap, fmt);
	format_cut(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int
err_detail(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	format_cut(e->detail, sizeof(e->detail), fmt, ap);
	va_end(ap);
	return -1;
}

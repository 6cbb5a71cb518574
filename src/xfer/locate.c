/*
 * Where a value is in an import file, for messages. jansson keeps no
 * position of a value once parsed, so this walks the text again along
 * the path, counting lines. The text has passed jansson, but nothing here
 * relies on that for safety: every read is bounded by len.
 */
#include "xfer/internal.h"

#include <stdbool.h>
#include <string.h>

struct cursor {
	const char *s;
	size_t len, i;
	int line;
};

static bool
at(const struct cursor *c, char ch)
{
	return c->i < c->len && c->s[c->i] == ch;
}

static void
skip_space(struct cursor *c)
{
	while (c->i < c->len) {
		char ch = c->s[c->i];

		if (ch == '\n')
			c->line++;
		else if (ch != ' ' && ch != '\t' && ch != '\r')
			return;
		c->i++;
	}
}

/* At a '"': moves past the closing quote. */
static void
skip_string(struct cursor *c)
{
	c->i++;
	while (c->i < c->len && c->s[c->i] != '"') {
		if (c->s[c->i] == '\\')
			c->i++;
		else if (c->s[c->i] == '\n')
			c->line++;
		c->i++;
	}
	if (c->i < c->len)
		c->i++;
}

static void
skip_value(struct cursor *c)
{
	int depth = 0;

	skip_space(c);
	if (at(c, '"')) {
		skip_string(c);
		return;
	}
	if (!at(c, '{') && !at(c, '[')) {
		/* a number, true, false or null */
		while (c->i < c->len &&
		       strchr(",]} \t\r\n", c->s[c->i]) == NULL &&
		       c->s[c->i] != '\0')
			c->i++;
		return;
	}
	while (c->i < c->len) {
		char ch = c->s[c->i];

		if (ch == '"') {
			skip_string(c);
			continue;
		}
		if (ch == '\n')
			c->line++;
		else if (ch == '{' || ch == '[')
			depth++;
		else if ((ch == '}' || ch == ']') && --depth == 0) {
			c->i++;
			return;
		}
		c->i++;
	}
}

/* Inside an object, moves to the value of member key. */
static bool
find_key(struct cursor *c, const char *key)
{
	size_t klen = strlen(key);

	skip_space(c);
	if (!at(c, '{'))
		return false;
	c->i++;
	for (;;) {
		size_t start, end;

		skip_space(c);
		if (!at(c, '"'))
			return false;
		start = c->i + 1;
		skip_string(c);
		end = c->i - 1; /* the closing quote */
		skip_space(c);
		if (!at(c, ':'))
			return false;
		c->i++;
		skip_space(c);
		if (end >= start && end - start == klen &&
		    memcmp(c->s + start, key, klen) == 0)
			return true;
		skip_value(c);
		skip_space(c);
		if (!at(c, ','))
			return false;
		c->i++;
	}
}

/* Inside an array, moves to element index. */
static bool
find_index(struct cursor *c, size_t index)
{
	size_t k;

	skip_space(c);
	if (!at(c, '['))
		return false;
	c->i++;
	for (k = 0;; k++) {
		skip_space(c);
		if (c->i >= c->len || at(c, ']'))
			return false;
		if (k == index)
			return true;
		skip_value(c);
		skip_space(c);
		if (!at(c, ','))
			return false;
		c->i++;
	}
}

int
xfer_locate(const char *text, size_t len, const struct xfer_step *path,
	    size_t n)
{
	struct cursor c = {text, len, 0, 1};
	size_t k;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		c.i = 3;
	skip_space(&c);
	for (k = 0; k < n; k++) {
		struct cursor keep = c;
		bool found = path[k].key != NULL
				     ? find_key(&c, path[k].key)
				     : find_index(&c, path[k].index);

		if (!found)
			return keep.line;
		skip_space(&c);
	}
	return c.line;
}

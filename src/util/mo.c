#include "mo.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define MO_MAGIC  0x950412deu
#define MO_HEADER 28 /* magic, revision, N, O, T, S, H: 7 words */

/* One message: both point into the catalog's copy of the file. */
struct mo_entry {
	const char *id;  /* the original, up to its first NUL */
	const char *str; /* the translation; "" for none */
};

struct mo {
	unsigned char *data;  /* owned copy of the file */
	size_t len;           /* bytes in data */
	size_t n;             /* entries in ent */
	struct mo_entry *ent; /* owned; sorted by strcmp of id */
};

/* The 32-bit word at p in the file's byte order. */
static uint32_t
get32(const unsigned char *p, bool big)
{
	if (big)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | (uint32_t)p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | (uint32_t)p[0];
}

static int
damaged(struct err *e, const char *why)
{
	err_set(e, ERR_CONTENT, _("the message catalog is damaged"));
	return err_detail(e, "%s", why);
}

/*
 * Reads string descriptor i of the table at tab (already checked to lie
 * inside the file) and sets *s to its text. Returns 0, or -1 with e set
 * when the string runs past the end or lacks its final NUL.
 */
static int
string_at(const struct mo *m, size_t tab, size_t i, bool big, const char **s,
	  struct err *e)
{
	const unsigned char *d = m->data + tab + i * 8;
	size_t slen = get32(d, big), off = get32(d + 4, big);

	if (off > m->len || slen >= m->len - off)
		return damaged(e, "a string lies outside the file");
	if (m->data[off + slen] != '\0')
		return damaged(e, "a string does not end with a NUL");
	*s = (const char *)m->data + off;
	return 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mo_entry *)a)->id,
		      ((const struct mo_entry *)b)->id);
}

/* Reads the header and both tables into m->ent. Returns 0 or -1 with e. */
static int
read_tables(struct mo *m, struct err *e)
{
	bool big, sorted = true;
	uint32_t rev, n, orig, trans;
	size_t i;

	if (m->len < MO_HEADER)
		return damaged(e, "shorter than the header");
	if (get32(m->data, false) == MO_MAGIC)
		big = false;
	else if (get32(m->data, true) == MO_MAGIC)
		big = true;
	else
		return err_set(e, ERR_CONTENT,
			       _("the message catalog is not a GNU .mo file"));
	rev = get32(m->data + 4, big);
	if (rev >> 16 != 0 || (rev & 0xffff) > 1) {
		err_set(e, ERR_CONTENT,
			_("the message catalog is not a GNU .mo file"));
		return err_detail(e, "revision %lu.%lu",
				  (unsigned long)(rev >> 16),
				  (unsigned long)(rev & 0xffff));
	}
	n = get32(m->data + 8, big);
	orig = get32(m->data + 12, big);
	trans = get32(m->data + 16, big);
	if (orig > m->len || (m->len - orig) / 8 < n || trans > m->len ||
	    (m->len - trans) / 8 < n)
		return damaged(e, "a string table lies outside the file");
	m->n = n;
	m->ent = xcalloc(n ? n : 1, sizeof(*m->ent));
	for (i = 0; i < n; i++) {
		struct mo_entry *t = &m->ent[i];

		if (string_at(m, orig, i, big, &t->id, e) != 0 ||
		    string_at(m, trans, i, big, &t->str, e) != 0)
			return -1;
		if (i > 0 && strcmp(m->ent[i - 1].id, t->id) >= 0)
			sorted = false;
	}
	if (sorted)
		return 0;
	qsort(m->ent, n, sizeof(*m->ent), entry_cmp);
	for (i = 1; i < n; i++)
		if (strcmp(m->ent[i - 1].id, m->ent[i].id) == 0)
			return damaged(e, "a msgid appears twice");
	return 0;
}

struct mo *
mo_parse(const void *data, size_t len, struct err *e)
{
	struct mo *m = xcalloc(1, sizeof(*m));

	m->len = len;
	m->data = xmalloc(len ? len : 1);
	if (len > 0)
		memcpy(m->data, data, len);
	if (read_tables(m, e) != 0) {
		mo_free(m);
		return NULL;
	}
	return m;
}

const char *
mo_lookup(const struct mo *m, const char *msgid)
{
	size_t lo = 0, hi = m->n;

	if (msgid[0] == '\0')
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(msgid, m->ent[mid].id);

		if (c == 0)
			return m->ent[mid].str[0] != '\0' ? m->ent[mid].str
							  : NULL;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t
mo_count(const struct mo *m)
{
	return m->n;
}

const char *
mo_msgid(const struct mo *m, size_t i)
{
	return m->ent[i].id;
}

void
mo_free(struct mo *m)
{
	if (m == NULL)
		return;
	free(m->ent);
	free(m->data);
	free(m);
}

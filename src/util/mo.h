#ifndef IRY_MO_H
#define IRY_MO_H

#include <stddef.h>

#include "err.h"

/*
 * A reader for GNU .mo message catalogs (the one msgfmt makes from
 * locale/ja.po), for Windows, where the program looks messages up itself
 * instead of through gettext. Linux keeps using gettext.
 *
 * What is read: the magic 0x950412de in either byte order, revision 0
 * (major 0, minor 0 or 1) and the two string tables. Every offset and
 * length is checked against the size given, and every string must end with
 * a NUL inside it. The hash table and the system-dependent strings of
 * minor revision 1 are not used. The originals are looked up by binary
 * search with strcmp; msgfmt writes them sorted, and a catalog that is not
 * sorted is sorted here (one that holds the same msgid twice is refused).
 *
 * Keys are compared up to their first NUL, as gettext does: an entry with
 * a plural ("file\0files") is found by its singular and gives its first
 * translation (msgstr[0]), which is what gettext() gives too; a msgid with
 * a context ("ctx\004msgid") is found under that whole key. There is no
 * ngettext or pgettext here.
 */
struct mo;

/*
 * Reads a catalog from the len bytes at data, which are copied: the caller
 * keeps (and frees) its buffer. Returns the catalog (free it with
 * mo_free()), or NULL with e set (ERR_CONTENT, and a technical reason in
 * e->detail) when the bytes are not a catalog this reader accepts. Never
 * reads outside data[0..len).
 */
struct mo *mo_parse(const void *data, size_t len, struct err *e);

/*
 * The translation of msgid, or NULL when the catalog has none: an unknown
 * msgid, the header's empty msgid, or an empty translation. The result is
 * borrowed from m and valid until mo_free(m).
 */
const char *mo_lookup(const struct mo *m, const char *msgid);

/* The number of entries, the header's included. */
size_t mo_count(const struct mo *m);

/*
 * Entry i's msgid (up to its first NUL) in strcmp order, i < mo_count(m);
 * borrowed until mo_free(m). For tests and for listing.
 */
const char *mo_msgid(const struct mo *m, size_t i);

/* Frees m and everything it holds. NULL is allowed. */
void mo_free(struct mo *m);

#endif

#ifndef IRY_FONTCHECK_H
#define IRY_FONTCHECK_H

#include <stddef.h>

#include "util/err.h"

/*
 * Checks a TrueType font before libharu reads it. libharu 2.3.0 trusts
 * the file: a count or an offset out of range makes it read or write past
 * its arrays (a damaged font given with --font crashed it). This check
 * covers every table and field libharu reads: the table directory, head,
 * maxp, hhea, hmtx, loca, glyf, the cmap subtable it picks (every glyph
 * id it can yield for a BMP character), name and OS/2. It needs no
 * libharu, so the fuzz target runs it alone (tests/fuzz/fuzz_font.c).
 */

/* Largest font file read, in bytes (IPAexGothic is about 4 MB). */
#define FONTCHECK_MAX_BYTES (64u * 1024u * 1024u)

/*
 * Checks the font in d (n bytes). Returns 0 when libharu may load it, or
 * -1 with *why (may be NULL) set to a short English reason, for --debug.
 */
int fontcheck_data(const unsigned char *d, size_t n, const char **why);

/*
 * Reads the font file at path and checks it. Returns 0, or -1 with e set
 * (ERR_FONT, naming path and what to do; the reason goes to the detail).
 */
int fontcheck_file(const char *path, struct err *e);

#endif

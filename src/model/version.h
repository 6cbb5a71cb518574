#ifndef IRY_VERSION_H
#define IRY_VERSION_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Firmware and software versions as vendors write them: 7.0.10,
 * 9.1R11.4, 13.1-49.15, 10.2.9-h1, "v6.4.15 build2040". A version is
 * read as the sequence of its numbers (every run of digits), compared
 * number by number; a missing number counts as 0, so 7.0 = 7.0.0 and
 * 10.2.9-h1 > 10.2.9. A build number after the word "build" that follows
 * a full version (three numbers, as FortiOS shows it) is ignored unless
 * both sides have one; after a shorter version ("13.1 Build 49.15",
 * Citrix) its numbers continue the version.
 */

#define VERSION_MAX_PARTS 8

/* True when s holds at least one number (a version we can compare). */
bool version_valid(const char *s);

/* <0, 0, >0 like strcmp, by the rule above. Invalid strings sort first. */
int version_cmp(const char *a, const char *b);

/* True when from <= v <= to. */
bool version_in_range(const char *v, const char *from, const char *to);

/*
 * The branch (系列) of v: its first two numbers, "7.2" for 7.2.1,
 * "10.2" for PAN-OS 10.2.8-h3, "22.7" for 22.7R2.4, "13.1" for
 * 13.1-49.15; one number when v has only one. Written to out (n bytes,
 * cut to fit); "" for an invalid version.
 */
void version_branch(const char *v, char *out, size_t n);

/* True when a and b are valid and on the same branch. */
bool version_same_branch(const char *a, const char *b);

/*
 * Reads the version out of what a person typed or pasted: 「FortiGate-60E
 * v6.0.4,build0231 (GA)」 → 6.0.4, 「FortiOS 7.2.1 build1254」 → 7.2.1,
 * 「PAN-OS 10.2.8-h3」 → 10.2.8-h3, 「NS13.1: Build 49.15.nc」 → 13.1-49.15,
 * 「Rev.15.02.30」 → 15.02.30, full-width digits too. The version is the
 * first word holding two numbers joined by a dot (a model name such as
 * 60E or RTX1220 has none), without a leading "v", "Rev." or "NS" and
 * without trailing letters; a two-number version followed by "Build N.N"
 * (NetScaler) takes the build as its rest. Writes it to out (n bytes) and
 * returns 0, or returns -1 when s holds no such word (out is then "").
 */
int version_read(const char *s, char *out, size_t n);

#endif

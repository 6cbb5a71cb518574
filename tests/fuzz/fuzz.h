#ifndef IRY_FUZZ_H
#define IRY_FUZZ_H

/*
 * fuzz_content's two halves: fuzz_content.c (the target: the copy of
 * content/, the loaders, the checks on errors) and fuzz_checks.c (what a
 * successful load promises).
 */

#include <stdbool.h>

#include "content/content.h"

/* Reports a broken invariant (with the file under test) and aborts. */
_Noreturn void fuzz_fail(const char *file, int line, const char *expr);

#define FUZZ_CHECK(cond)                                                       \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))

/*
 * True if s holds no character utf8_is_control() refuses, but tab and
 * newline.
 */
bool clean(const char *s);
/* A required text field: there, not empty, clean. */
bool nonempty(const char *s);
/* An optional text field: NULL, or not empty and clean. */
bool optional(const char *s);

/* Each of the n term ids is valid and in glossary. */
void check_terms(const struct content *glossary, char *const *terms, size_t n);

/* What a loaded edition promises; its terms are looked up in glossary. */
void check_edition(const struct edition *ed, const struct content *glossary);

/*
 * Runs the checks across files (validate-content) with ed beside the other
 * real edition (r7 or r8) over base's common/; the count of problems is not
 * an invariant, its text must be valid UTF-8.
 */
void check_across(const struct edition *ed, const struct content *base,
		  const struct edition *r7, const struct edition *r8);

/* The glossary, contract questions, systems, roles and line types. */
void check_common(const struct content *c);
/* The remote-maintenance rules. */
void check_rules(const struct content *c);
/* The makers, products and known exploited flaws. */
void check_vulns(const struct content *c);

#endif

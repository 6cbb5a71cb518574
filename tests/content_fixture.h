#ifndef IRY_TEST_CONTENT_FIXTURE_H
#define IRY_TEST_CONTENT_FIXTURE_H

/*
 * The real content/ and the Japanese catalog, loaded the same way by every
 * unit test that checks against them. ctest sets IRY_SOURCE_DIR and
 * IRY_BINARY_DIR (tests/CMakeLists.txt); run by hand without them, the
 * content is read from ./content. Header-only, like fixture.h.
 */

#include <stdio.h>
#include <stdlib.h>

#include "content/content.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/paths.h"

/*
 * Loads content/ of the source tree into c. Returns 0 (release c with
 * content_release()), or prints the error and returns -1 with c already
 * released.
 */
static inline int
fixture_content_load(struct content *c)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src != NULL ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct err e = ERR_INIT;
	int r = content_load(c, roots, &e);

	free(root);
	if (r != 0) {
		fprintf(stderr, "content: %s\n", e.msg);
		content_release(c);
		return -1;
	}
	return 0;
}

/*
 * Binds the Japanese catalog built in IRY_BINARY_DIR/locale, so _() gives
 * the Japanese the user sees. Returns 0, or -1 when IRY_BINARY_DIR is not
 * set or holds no catalog (messages then stay English).
 */
static inline int
fixture_catalog_init(void)
{
	const char *bin = getenv("IRY_BINARY_DIR");
	char *dir;
	int r;

	if (bin == NULL)
		return -1;
	dir = path_join(bin, "locale");
	r = i18n_catalog_init(dir);
	free(dir);
	return r;
}

#endif

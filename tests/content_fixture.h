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
#include <string.h>

#include "content/content.h"
#include "model/remote.h"
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

/*
 * A remote-maintenance connection with every answer given and good: a
 * FortiGate on FortiOS 7.6.6 (no listed flaw), no rule met. Release it
 * with connection_release().
 */
static inline struct connection
fixture_good_connection(long id)
{
	struct connection k;

	memset(&k, 0, sizeof(k));
	k.id = id;
	k.vendor = 7;
	connection_set_text(&k.system, "電子カルテ");
	strcpy(k.line, "internet-vpn-device");
	strcpy(k.always_on, "no");
	connection_set_text(&k.approver, "院長");
	strcpy(k.patcher, "vendor");
	k.last_patch = (struct date){2026, 10, 1};
	strcpy(k.factory_pw, "yes");
	strcpy(k.pw_reused, "no");
	strcpy(k.two_factor, "yes");
	strcpy(k.admin_exposed, "no");
	strcpy(k.patient_data, "view");
	strcpy(k.logs, "reviewed");
	strcpy(k.maker, "fortinet");
	strcpy(k.product, "fortigate");
	connection_set_text(&k.model, "FortiGate 60E");
	connection_set_text(&k.version, "7.6.6");
	return k;
}

#endif

#ifndef IRY_TEST_REQUEST_FIXTURE_H
#define IRY_TEST_REQUEST_FIXTURE_H

/*
 * For the unit tests that build vendors' request sheets (test_hoshu,
 * test_remote, test_vendor): request_build, checking each time that
 * request_count (what aggregate uses) counts as many. Header-only, like
 * check.h, which must come first.
 */

#include "model/request.h"

static void
build_counted(const struct request_ctx *x, const struct vendor *v,
	      struct request_list *rl)
{
	struct request_list n = REQUEST_LIST_INIT;

	request_build(x, v, rl);
	check_int(request_count(x, v, &n), rl->n);
	request_list_release(&n);
}

#endif

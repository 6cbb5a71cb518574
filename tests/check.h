#ifndef IRY_TEST_CHECK_H
#define IRY_TEST_CHECK_H

/*
 * A tiny assertion kit for unit tests: each check prints a line on failure
 * and counts; check_done() prints the summary and returns the exit code.
 */

#include <stdio.h>
#include <string.h>

static int check_failed, check_passed;

#define check_true(cond) check_true_fl((cond), #cond, __FILE__, __LINE__)
#define check_int(got, want)                                                   \
	check_int_fl((long long)(got), (long long)(want), #got, __FILE__,      \
		     __LINE__)
#define check_str(got, want)                                                   \
	check_str_fl((got), (want), #got, __FILE__, __LINE__)

static inline void
check_true_fl(int cond, const char *expr, const char *file, int line)
{
	if (cond) {
		check_passed++;
		return;
	}
	check_failed++;
	printf("FAIL %s:%d: %s\n", file, line, expr);
}

static inline void
check_int_fl(long long got, long long want, const char *expr, const char *file,
	     int line)
{
	if (got == want) {
		check_passed++;
		return;
	}
	check_failed++;
	printf("FAIL %s:%d: %s is %lld, want %lld\n", file, line, expr, got,
	       want);
}

static inline void
check_str_fl(const char *got, const char *want, const char *expr,
	     const char *file, int line)
{
	if (got != NULL && want != NULL && strcmp(got, want) == 0) {
		check_passed++;
		return;
	}
	check_failed++;
	printf("FAIL %s:%d: %s is \"%s\", want \"%s\"\n", file, line, expr,
	       got ? got : "(null)", want ? want : "(null)");
}

static inline int
check_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif

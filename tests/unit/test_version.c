/* Version comparison and ranges, table-driven, with the edge versions. */
#include "check.h"
#include "model/version.h"

struct cmp_case {
	const char *a, *b;
	int want; /* -1, 0, 1 */
};

static const struct cmp_case cmp_cases[] = {
	{"7.0.10", "7.0.9", 1}, /* numbers, not strings */
	{"7.0.9", "7.0.10", -1},
	{"7.0", "7.0.0", 0}, /* a missing part is 0 */
	{"7.0.0", "7.0", 0},
	{"6.4.15", "7.0.0", -1},
	{"v7.2.2", "7.2.2", 0}, /* a leading v */
	{"FortiOS 7.2.2", "7.2.2", 0},
	{"v6.0.4 build0231", "6.0.4", 0}, /* build number ignored alone */
	{"v6.0.4 build0231", "v6.0.4 build0200", 1},
	{"9.1R11.4", "9.1R11.3", 1}, /* Ivanti */
	{"9.1R11", "9.1R11.4", -1},
	{"22.7R2.5", "22.7R2.4", 1},
	{"22.7R2", "22.7R1.9", 1},
	{"13.1-49.15", "13.1-49.13", 1}, /* Citrix */
	{"13.1-49.15", "13.1-50.1", -1},
	{"10.2.9-h1", "10.2.9", 1}, /* PAN-OS hotfix */
	{"10.2.9-h1", "10.2.9-h2", -1},
	{"10.2.10", "10.2.9-h1", 1},
	{"7.0.1-5035", "7.0.1-5052", -1},         /* SonicOS */
	{"NS13.1: Build 49.15", "13.1-49.15", 0}, /* Citrix's own display */
	{"NS13.1: Build 49.15", "13.1-49.12", 1},
	{"22.7R2.5 (build 3893)", "22.7R2.5", 0},
	{"", "1.0", -1}, /* unknown sorts first */
	{"わからない", "1.0", -1},
	{"1.0", "", 1},
	{"", "", 0},
	{"２．０", "1.0", -1}, /* full-width digits are not read: invalid */
};

struct range_case {
	const char *v, *from, *to;
	bool want;
};

static const struct range_case range_cases[] = {
	/* CVE-2018-13379, FortiOS 6.0.0 - 6.0.4 */
	{"6.0.0", "6.0.0", "6.0.4", true},
	{"6.0.4", "6.0.0", "6.0.4", true},
	{"6.0.5", "6.0.0", "6.0.4", false},
	{"5.6.7", "6.0.0", "6.0.4", false},
	{"6.0", "6.0.0", "6.0.4", true},
	{"6.0.4 build0231", "6.0.0", "6.0.4", true},
	/* CVE-2022-40684, 7.0.0 - 7.0.6 */
	{"7.0.6", "7.0.0", "7.0.6", true},
	{"7.0.7", "7.0.0", "7.0.6", false},
	{"7.0.10", "7.0.0", "7.0.6", false}, /* not "7.0.1" < "7.0.6" */
	{"7.0.1", "7.0.0", "7.0.6", true},
	/* Ivanti ranges */
	{"9.1R18.3", "9.1R1", "9.1R18.3", true},
	/* CVE-2023-3519, NetScaler 13.1 before 13.1-49.13 */
	{"NS13.1: Build 49.15", "13.1", "13.1-49.12", false},
	{"NS13.1: Build 49.12", "13.1", "13.1-49.12", true},
	{"9.1R18.4", "9.1R1", "9.1R18.3", false},
	{"", "6.0.0", "6.0.4", false},
	{"unknown", "6.0.0", "6.0.4", false},
};

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof(cmp_cases) / sizeof(cmp_cases[0]); i++) {
		int got = version_cmp(cmp_cases[i].a, cmp_cases[i].b);

		got = got < 0 ? -1 : got > 0 ? 1 : 0;
		if (got != cmp_cases[i].want)
			printf("  case %zu: %s vs %s\n", i, cmp_cases[i].a,
			       cmp_cases[i].b);
		check_int(got, cmp_cases[i].want);
	}
	for (i = 0; i < sizeof(range_cases) / sizeof(range_cases[0]); i++) {
		bool got =
			version_in_range(range_cases[i].v, range_cases[i].from,
					 range_cases[i].to);

		if (got != range_cases[i].want)
			printf("  range case %zu: %s in %s..%s\n", i,
			       range_cases[i].v, range_cases[i].from,
			       range_cases[i].to);
		check_int(got, range_cases[i].want);
	}
	/* version_same_branch agrees with comparing version_branch texts */
	{
		static const char *const v[] = {
			"7.0.12", "v7.0.3 build0523", "7.2.1", "7", "7.0",
			"NS13.1: Build 49.15", "13.1-49.12", "", "abc", "6"};
		size_t a, b;

		for (a = 0; a < sizeof(v) / sizeof(v[0]); a++)
			for (b = 0; b < sizeof(v) / sizeof(v[0]); b++) {
				char x[48], y[48];

				version_branch(v[a], x, sizeof(x));
				version_branch(v[b], y, sizeof(y));
				check_int(version_same_branch(v[a], v[b]),
					  x[0] != '\0' && strcmp(x, y) == 0);
			}
		check_true(version_same_branch("7.0.12", "v7.0.3 build0523"));
		check_true(!version_same_branch("7", "7.0"));
	}
	check_true(version_valid("7"));
	check_true(!version_valid("abc"));
	check_true(!version_valid(NULL));
	return check_done("test_version");
}

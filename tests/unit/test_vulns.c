/*
 * The shipped known-flaw list (content/vulns/) through the matcher the
 * wizard and the report use: every line of tests/data/vuln-cases.tsv (a
 * version as a clinic types or pastes it → the CVEs it must be told about),
 * end-of-life branches, features a flaw needs, the list's date.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "model/remote.h"
#include "model/request.h"
#include "model/version.h"
#include "util/paths.h"
#include "util/xalloc.h"

static struct content c;
static const struct date today = {2026, 12, 5};

/* The device finding for maker/product at the typed version, or NULL;
 * f keeps the findings (released first). */
static const struct finding *
device(const char *maker, const char *product, const char *typed,
       struct connection_list *l, struct finding_list *f)
{
	struct connection k;

	memset(&k, 0, sizeof(k));
	k.id = 1;
	k.vendor = 2;
	snprintf(k.maker, sizeof(k.maker), "%s", maker);
	snprintf(k.product, sizeof(k.product), "%s", product);
	connection_set_text(&k.version, typed);
	connection_list_release(l);
	connection_list_put(l, &k);
	connection_release(&k);
	remote_findings(&c, l, &today, f);
	return remote_device_finding(f, 1);
}

/* The finding's CVEs, sorted and joined with ",". */
static void
cves_of(const struct finding *d, struct strbuf *sb)
{
	const char **v;
	size_t i, j, n = d != NULL ? d->nvulns : 0;

	v = xcalloc(n ? n : 1, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = d->vulns[i]->cve;
	for (i = 1; i < n; i++) /* insertion sort: a handful */
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			const char *t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	for (i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? "," : "", v[i]);
	free(v);
}

/* The expected list sorted the same way. */
static void
sorted(const char *list, struct strbuf *sb)
{
	char *copy = xstrdup(list), *p, *save = NULL;
	char *v[64];
	size_t n = 0, i, j;

	for (p = strtok_r(copy, ",", &save); p != NULL && n < 64;
	     p = strtok_r(NULL, ",", &save))
		v[n++] = p;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char *t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	for (i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s", i ? "," : "", v[i]);
	free(copy);
}

/* Every line of the table; each maker and product named must exist. */
static void
test_table(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *path = path_join(src ? src : ".", "tests/data/vuln-cases.tsv");
	FILE *fp = fopen(path, "r");
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
	char line[512];
	size_t lines = 0, makers_seen = 0;
	char last[512] = "";

	check_true(fp != NULL);
	while (fp != NULL && fgets(line, sizeof(line), fp) != NULL) {
		char *maker, *product, *typed, *expect, *save = NULL;
		size_t len = strlen(line);

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		maker = line;
		product = strchr(maker, '\t');
		check_true(product != NULL);
		if (product == NULL)
			continue;
		*product++ = '\0';
		typed = strchr(product, '\t');
		check_true(typed != NULL);
		if (typed == NULL)
			continue;
		*typed++ = '\0';
		expect = strchr(typed, '\t');
		if (expect != NULL)
			*expect++ = '\0';
		else
			expect = "";
		(void)save;
		lines++;
		if (strcmp(last, maker) != 0) {
			makers_seen++;
			snprintf(last, sizeof(last), "%s", maker);
		}
		check_true(content_product_find(content_maker_find(&c, maker),
						product) != NULL);
		strbuf_reset(&got);
		strbuf_reset(&want);
		cves_of(device(maker, product, typed, &l, &f), &got);
		sorted(expect, &want);
		if (strcmp(got.buf, want.buf) != 0)
			fprintf(stderr, "  %s %s \"%s\": got [%s], want [%s]\n",
				maker, product, typed, got.buf, want.buf);
		check_str(got.buf, want.buf);
	}
	if (fp != NULL)
		fclose(fp);
	/* the table covers every maker with flaws, a fair number of cases */
	check_true(lines >= 200);
	check_true(makers_seen >= 10);
	strbuf_release(&got);
	strbuf_release(&want);
	finding_list_release(&f);
	connection_list_release(&l);
	free(path);
}

/* Pasted strings are read to the version, never to a model number. */
static void
test_pasted(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"FortiGate-60E v6.0.4,build0231 (GA)", "6.0.4"},
		{"v7.2.1", "7.2.1"},
		{"FortiOS 7.2.1 build1254", "7.2.1"},
		{"PAN-OS 10.2.8-h3", "10.2.8-h3"},
		{"22.7R2.4", "22.7R2.4"},
		{"13.1-49.15", "13.1-49.15"},
		{"NS13.1: Build 49.15.nc", "13.1-49.15"},
		{"13.1 Build 49.15", "13.1-49.15"},
		{"Rev.15.02.30", "15.02.30"},
		{"RTX1220 Rev.15.02.30", "15.02.30"},
		{"9.16(4)57", "9.16.4.57"},
		{"ASA 9.16(4)", "9.16.4"},
		{"12.11.3.B721234", "12.11.3"},
		{"７．０．１２", "7.0.12"},
		{"　v7.0.12　", "7.0.12"},
		{"10.2.1.9-57sv", "10.2.1.9-57"},
	};
	static const char *const refused[] = {
		"FortiGate-60E", "わからない", "最新", "7", "", "build0231",
	};
	char out[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		check_int(version_read(cases[i].in, out, sizeof(out)), 0);
		check_str(out, cases[i].out);
	}
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		check_int(version_read(refused[i], out, sizeof(out)), -1);
		check_str(out, "");
	}
	/* a model number pasted with the version does not become part of
	 * it: 6.0.4 is affected by CVE-2018-13379, "60.6.0.4" would not be */
	{
		struct connection_list l = CONNECTION_LIST_INIT;
		struct finding_list f = FINDING_LIST_INIT;
		const struct finding *d =
			device("fortinet", "fortigate",
			       "FortiGate-60E v6.0.4,build0231 (GA)", &l, &f);
		size_t k, hit = 0;

		check_true(d != NULL);
		for (k = 0; d != NULL && k < d->nvulns; k++)
			hit += strcmp(d->vulns[k]->cve, "CVE-2018-13379") == 0;
		check_int(hit, 1);
		check_str(d != NULL ? d->version : "", "6.0.4");
		finding_list_release(&f);
		connection_list_release(&l);
	}
}

/* A branch the maker never fixed: every version on it is affected and
 * the request names the branch to move to, not a version on it. */
static void
test_end_of_life(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	const struct finding *d;
	size_t k, hit = 0;

	/* FortiOS 6.0: CVE-2024-21762 has no fix on 6.0, whatever build */
	d = device("fortinet", "fortigate", "6.0.99", &l, &f);
	check_true(d != NULL);
	for (k = 0; d != NULL && k < d->nvulns; k++)
		hit += strcmp(d->vulns[k]->cve, "CVE-2024-21762") == 0;
	check_int(hit, 1);
	if (d != NULL) {
		check_true(d->advice.target == NULL);
		check_true(d->advice.move_to != NULL);
		check_true(strcmp(d->advice.move_branch, "6.0") != 0);
		remote_update_text(d, &sb);
		check_true(strstr(sb.buf, "6.0") != NULL);
	}
	strbuf_release(&sb);
	finding_list_release(&f);
	connection_list_release(&l);
}

/* A flaw that needs a feature says so, and the vendor is asked whether
 * the feature is on (FortiCloud SSO: CVE-2025-59718, CVE-2026-24858). */
static void
test_requires(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	const struct finding *d;
	size_t k, cond = 0;

	d = device("fortinet", "fortigate", "7.4.8", &l, &f);
	check_true(d != NULL);
	for (k = 0; d != NULL && k < d->nvulns; k++)
		cond += d->vulns[k]->requires != NULL;
	check_true(cond >= 2);
	if (d != NULL) {
		check_int(remote_vuln_lines(d, false, &sb), cond);
		check_true(strstr(sb.buf, "有効なときだけ") != NULL);
		strbuf_reset(&sb);
		check_true(remote_feature_question(d, &sb) >= 1);
		check_true(strstr(sb.buf, "FortiCloud") != NULL);
		strbuf_reset(&sb);
		remote_finding_text(&c, d, &sb);
		check_true(strstr(sb.buf, "FortiCloud") != NULL);
	}
	strbuf_release(&sb);
	finding_list_release(&f);
	connection_list_release(&l);
}

/* The list's date is shown; over six months it warns; a device with no
 * listed flaw is never called safe. */
static void
test_list_date(void)
{
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	const char *asof = content_vulns_as_of(&c);
	struct date later = {2027, 12, 1};
	size_t i;

	check_str(asof, "2026-08-21");
	for (i = 0; i < c.nmakers; i++)
		check_str(c.makers[i].kev_as_of, "2026-08-21");
	check_true(!remote_list_date(&c, &today, &sb));
	check_true(strstr(sb.buf, "令和8年8月21日") != NULL);
	check_true(strstr(sb.buf, "CISA KEV") != NULL);
	strbuf_reset(&sb);
	check_true(remote_list_date(&c, &later, &sb));
	strbuf_reset(&sb);
	remote_list_old_text(true, false, &sb);
	check_true(strstr(sb.buf, "6か月") != NULL);
	check_true(strstr(sb.buf, "/") == NULL); /* no folder in the PDF */
	strbuf_reset(&sb);

	check_true(device("fortinet", "fortigate", "7.6.99", &l, &f) == NULL);
	check_true(remote_device_note(&c, &l.v[0], &f, false, &sb));
	check_true(strstr(sb.buf, "見つかりませんでした") != NULL);
	check_true(strstr(sb.buf, "令和8年8月21日") != NULL);
	check_true(strstr(sb.buf, "安全") == NULL);
	strbuf_reset(&sb);
	/* the ledger's brief form: its heading has the date, its row the
	 * version, so neither is said again */
	check_true(remote_device_note(&c, &l.v[0], &f, true, &sb));
	check_true(strstr(sb.buf, "見つかりませんでした") != NULL);
	check_true(strstr(sb.buf, "令和") == NULL);
	check_true(strstr(sb.buf, "7.6.99") == NULL);
	check_true(strstr(sb.buf, "安全") == NULL);
	strbuf_reset(&sb);
	/* no version: the list cannot be checked */
	check_true(device("fortinet", "fortigate", "", &l, &f) == NULL);
	check_true(remote_device_note(&c, &l.v[0], &f, false, &sb));
	check_true(strstr(sb.buf, "見つかりませんでした") == NULL);
	strbuf_release(&sb);
	finding_list_release(&f);
	connection_list_release(&l);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	fixture_catalog_init(); /* the Japanese the user sees */
	if (fixture_content_load(&c) != 0)
		return 1;
	test_table();
	test_pasted();
	test_end_of_life();
	test_requires();
	test_list_date();
	content_release(&c);
	return check_done("test_vulns");
}

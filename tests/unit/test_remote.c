/* The inventory: known exploited flaws matched, risk rules, requests. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/request.h"
#include "util/paths.h"

/* A connection with every answer good. */
static struct connection
good(long id)
{
	struct connection c;

	memset(&c, 0, sizeof(c));
	c.id = id;
	c.vendor = 7;
	connection_set_text(&c.system, "電子カルテ");
	strcpy(c.line, "internet-vpn-device");
	strcpy(c.always_on, "no");
	strcpy(c.patcher, "vendor");
	c.last_patch = (struct date){2026, 10, 1};
	strcpy(c.factory_pw, "yes");
	strcpy(c.pw_reused, "no");
	strcpy(c.two_factor, "yes");
	strcpy(c.admin_exposed, "no");
	strcpy(c.patient_data, "view");
	strcpy(c.logs, "reviewed");
	strcpy(c.maker, "fortinet");
	strcpy(c.product, "fortigate");
	connection_set_text(&c.model, "FortiGate 60E");
	connection_set_text(&c.version, "7.2.10");
	return c;
}

static bool
has_rule(const struct finding_list *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->v[i].rule != NULL && strcmp(f->v[i].rule->id, id) == 0)
			return true;
	}
	return false;
}

int
main(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct content c;
	struct err e = ERR_INIT;
	struct connection_list l = CONNECTION_LIST_INIT;
	struct finding_list f = FINDING_LIST_INIT;
	struct date today = {2026, 11, 25};
	struct connection k;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	setlocale(LC_ALL, "C.UTF-8");
	if (content_load(&c, roots, &e) != 0) {
		printf("%s\n", e.msg);
		return 1;
	}

	/* all good: nothing to say */
	k = good(1);
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	for (i = 0; i < f.n; i++)
		printf("  unexpected: %s\n",
		       f.v[i].rule ? f.v[i].rule->id : f.v[i].vuln->cve);
	check_int(f.n, 0);
	check_int(remote_unknowns(&c, &k, &sb), 0);

	/* the 半田病院 case: FortiOS 6.0.4 */
	connection_set_text(&k.version, "6.0.4");
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	check_true(f.n >= 1);
	if (f.n >= 1) {
		check_true(f.v[0].vuln != NULL); /* flaws come first */
		check_str(f.v[0].vuln->cve, "CVE-2018-13379");
		check_str(f.v[0].range->fixed, "6.0.5");
		check_true(remote_vulnerable(&f, 1));
	}
	/* 6.0.5 is not affected by it, 7.0.10 not by CVE-2022-40684 */
	connection_set_text(&k.version, "6.0.5");
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	for (i = 0; i < f.n; i++)
		check_true(f.v[i].vuln == NULL ||
			   strcmp(f.v[i].vuln->cve, "CVE-2018-13379") != 0);
	connection_set_text(&k.version, "7.0.6");
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	{
		bool hit = false;

		for (i = 0; i < f.n; i++)
			hit = hit ||
			      (f.v[i].vuln != NULL &&
			       strcmp(f.v[i].vuln->cve, "CVE-2022-40684") == 0);
		check_true(hit);
	}
	connection_set_text(&k.version, "7.0.10");
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	for (i = 0; i < f.n; i++)
		check_true(f.v[i].vuln == NULL ||
			   strcmp(f.v[i].vuln->cve, "CVE-2022-40684") != 0);
	/* another maker's product never matches */
	strcpy(k.maker, "yamaha");
	strcpy(k.product, "rtx");
	connection_set_text(&k.version, "6.0.4");
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	check_true(!remote_vulnerable(&f, 1));
	connection_release(&k);

	/* risks: always on without two-factor; an old patch; a factory password
	 */
	k = good(1);
	strcpy(k.always_on, "yes");
	strcpy(k.two_factor, "no");
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	check_true(has_rule(&f, "always-on-no-2fa"));
	k.last_patch = (struct date){2025, 11, 1}; /* more than a year */
	strcpy(k.factory_pw, "no");
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	check_true(has_rule(&f, "patch-old"));
	check_true(has_rule(&f, "factory-password"));
	k.last_patch = (struct date){2025, 12, 1}; /* within a year */
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	check_true(!has_rule(&f, "patch-old"));
	/* sorted: every high before any medium */
	for (i = 1; i < f.n; i++)
		check_true(f.v[i - 1].vuln != NULL || f.v[i].vuln == NULL);
	for (i = 1; i < f.n; i++)
		check_true(f.v[i].vuln != NULL || f.v[i - 1].vuln != NULL ||
			   f.v[i - 1].priority <= f.v[i].priority);
	connection_release(&k);

	/* nothing known: many warnings, and every unknown asked */
	memset(&k, 0, sizeof(k));
	k.id = 2;
	k.vendor = 7;
	connection_list_put(&l, &k);
	remote_findings(&c, &l, &today, &f);
	check_true(has_rule(&f, "line-unknown"));
	check_true(has_rule(&f, "firmware-unknown"));
	strbuf_reset(&sb);
	check_int(remote_unknowns(&c, &k, &sb), 12);

	/* requests: the vendor of the connections gets them, nobody else */
	{
		struct vendor v7, v8;
		struct vanswer_set va = VANSWER_SET_INIT;
		struct answer_set as = ANSWER_SET_INIT;
		struct request_list rl = REQUEST_LIST_INIT;
		struct request_ctx x = {
			&c,  content_edition_find(&c, "r8"), &va, &as, &l, &f,
			NULL};
		struct connection bad = good(3);

		connection_set_text(&bad.version, "6.0.4");
		connection_list_put(&l, &bad);
		remote_findings(&c, &l, &today, &f);
		memset(&v7, 0, sizeof(v7));
		memset(&v8, 0, sizeof(v8));
		v7.id = 7;
		v8.id = 8;
		request_build(&x, &v7, &rl);
		{
			bool update = false, ask = false;

			for (i = 0; i < rl.n; i++) {
				if (rl.v[i].kind != REQUEST_REMOTE)
					continue;
				update = update ||
					 strstr(rl.v[i].text,
						"CVE-2018-13379") != NULL;
				ask = ask ||
				      strstr(rl.v[i].text, "firmware") != NULL;
			}
			check_true(update);
			check_true(
				ask); /* the unknown connection's questions */
		}
		request_build(&x, &v8, &rl);
		check_int(rl.n, 0);
		request_list_release(&rl);
		connection_release(&bad);
	}
	connection_release(&k);
	finding_list_release(&f);
	connection_list_release(&l);
	strbuf_release(&sb);
	content_release(&c);
	free(root);
	return check_done("test_remote");
}

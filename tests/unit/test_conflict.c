/* Answers that contradict each other: every rule of common/conflicts.yaml
 * is found when both answers are given, and not when either is not. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "model/conflict.h"
#include "util/paths.h"

static struct content c;
static const struct date today = {2026, 11, 25};

/* Makes k meet remote name (device or a rule id). */
static void
meet(struct connection *k, const char *name)
{
	if (strcmp(name, "device") == 0) {
		connection_set_text(&k->version, "6.0.4");
	} else if (strcmp(name, "patch-old") == 0) {
		k->last_patch = (struct date){2020, 1, 1};
	} else if (strcmp(name, "patch-old-closed") == 0) {
		strcpy(k->line, "closed-network");
		k->last_patch = (struct date){2020, 1, 1};
	} else if (strcmp(name, "always-on-no-2fa") == 0) {
		strcpy(k->always_on, "yes");
		strcpy(k->two_factor, "no");
	} else if (strcmp(name, "internet-no-2fa") == 0) {
		strcpy(k->two_factor, "no");
	} else if (strcmp(name, "admin-exposed") == 0) {
		strcpy(k->admin_exposed, "yes");
	} else {
		printf("  test: no way to meet %s\n", name);
		check_true(false);
	}
}

static enum answer_value
value_of(const char *key)
{
	enum answer_value v = ANSWER_NONE;

	check_int(answer_value_parse(key, &v), 0);
	return v;
}

static size_t
count_rule(const struct conflict_list *l, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += strcmp(l->v[i].rule->id, id) == 0;
	return n;
}

static void
test_item_rules(void)
{
	const struct edition *ed = content_edition_find(&c, "r8");
	size_t i, k, seen = 0;

	for (i = 0; i < c.nconflicts; i++) {
		const struct conflict_rule *r = &c.conflicts[i];

		if (r->item[0] == '\0')
			continue;
		seen++;
		check_true(content_item_find(ed, r->item) != NULL);
		for (k = 0; k < r->nremote; k++) {
			struct connection_list l = CONNECTION_LIST_INIT;
			struct finding_list f = FINDING_LIST_INIT;
			struct answer_set as = ANSWER_SET_INIT;
			struct conflict_list cl = CONFLICT_LIST_INIT;
			struct answer a;
			struct connection x = fixture_good_connection(1);

			meet(&x, r->remote[k]);
			connection_list_put(&l, &x);
			remote_findings(&c, &l, &today, &f);
			memset(&a, 0, sizeof(a));
			a.year = 2026;
			strcpy(a.item_id, r->item);
			a.cell = content_item_find(ed, r->item)->cells[0];
			a.value = value_of(r->answer);
			answer_set_put(&as, &a);
			conflict_find(&c, ed, &as, &f, NULL, NULL, &cl);
			if (count_rule(&cl, r->id) != 1)
				printf("  %s / %s not found\n", r->id,
				       r->remote[k]);
			check_int(count_rule(&cl, r->id), 1);
			/* the other answer: no contradiction */
			a.value = a.value == ANSWER_YES ? ANSWER_NO : ANSWER_YES;
			answer_set_put(&as, &a);
			conflict_find(&c, ed, &as, &f, NULL, NULL, &cl);
			check_int(count_rule(&cl, r->id), 0);
			/* nothing wrong in the inventory: none either */
			a.value = value_of(r->answer);
			answer_set_put(&as, &a);
			connection_release(&x);
			x = fixture_good_connection(1);
			connection_list_release(&l);
			connection_list_put(&l, &x);
			remote_findings(&c, &l, &today, &f);
			conflict_find(&c, ed, &as, &f, NULL, NULL, &cl);
			check_int(count_rule(&cl, r->id), 0);
			conflict_list_release(&cl);
			answer_set_release(&as);
			finding_list_release(&f);
			connection_list_release(&l);
			connection_release(&x);
		}
	}
	check_true(seen >= 4);
}

static void
test_vendor_rules(void)
{
	size_t i, seen = 0;

	for (i = 0; i < c.nconflicts; i++) {
		const struct conflict_rule *r = &c.conflicts[i];
		struct vendor v;
		struct vendor_list vl = VENDOR_LIST_INIT;
		struct vanswer a;
		struct vanswer_set va = VANSWER_SET_INIT;
		struct conflict_list cl = CONFLICT_LIST_INIT;
		struct strbuf sb = STRBUF_INIT;

		if (r->vendor_item[0] == '\0')
			continue;
		seen++;
		memset(&v, 0, sizeof(v));
		v.id = 7;
		vendor_set_text(&v.name, "アルファ保守");
		vendor_list_add(&vl, &v);
		memset(&a, 0, sizeof(a));
		a.year = 2026;
		a.vendor = 7;
		strcpy(a.item_id, r->vendor_item);
		a.value = value_of(r->vendor_answer);
		a.memo = strdup("保守契約書 第12条");
		vanswer_put(&va, &a);
		free(a.memo);
		a.memo = NULL;
		strcpy(a.item_id, r->other_item);
		a.value = value_of(r->other_answer);
		vanswer_put(&va, &a);
		conflict_find(&c, content_edition_find(&c, "r8"), NULL, NULL,
			      &vl, &va, &cl);
		check_int(count_rule(&cl, r->id), 1);
		if (cl.n == 1) {
			conflict_text(&cl.v[0], &vl, &sb);
			check_true(strstr(sb.buf, "アルファ保守") != NULL);
		}
		a.value = a.value == ANSWER_YES ? ANSWER_NO : ANSWER_YES;
		vanswer_put(&va, &a);
		conflict_find(&c, content_edition_find(&c, "r8"), NULL, NULL,
			      &vl, &va, &cl);
		check_int(count_rule(&cl, r->id), 0);
		conflict_list_release(&cl);
		vanswer_set_release(&va);
		vendor_list_release(&vl);
		vendor_release(&v);
		strbuf_release(&sb);
	}
	check_true(seen >= 1);
}

int
main(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct err e = ERR_INIT;

	setlocale(LC_ALL, "C.UTF-8");
	if (content_load(&c, roots, &e) != 0) {
		printf("%s\n", e.msg);
		return 1;
	}
	test_item_rules();
	test_vendor_rules();
	content_release(&c);
	free(root);
	return check_done("test_conflict");
}

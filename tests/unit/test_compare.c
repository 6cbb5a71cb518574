/* This year against last year: closed, new gaps, overdue, new items. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "model/compare.h"

static struct content c;

/* One answer of a case; target "" for none. */
struct ans {
	const char *id;
	enum cell cell;
	enum answer_value v;
	const char *target;
};

#define MAXA 6

struct tcase {
	const char *name;
	const char *prev_edition;
	struct ans last[MAXA]; /* 2025's; ends at id NULL */
	struct ans now[MAXA];  /* 2026's */
	/* per kind, "id/cell" joined with ",", in official order */
	const char *want[COMPARE__COUNT];
};

/* today is 2026-06-01: a target of 2026-03-31 has passed. */
static const struct tcase cases[] = {
	{"same edition: closed and new gap", "r8",
	 {{"security-officer", CELL_ALL, ANSWER_NO, "2026-03-31"},
	  {"mds-sds", CELL_ALL, ANSWER_YES, ""}},
	 {{"security-officer", CELL_ALL, ANSWER_YES, ""},
	  {"mds-sds", CELL_ALL, ANSWER_NO, "2027-03-31"}},
	 {"security-officer/all", "mds-sds/all", "", ""}},
	{"not applicable closes a gap", "r8",
	 {{"remote-maintenance-check", CELL_ALL, ANSWER_UNKNOWN, ""}},
	 {{"remote-maintenance-check", CELL_ALL, ANSWER_NA, ""}},
	 {"remote-maintenance-check/all", "", "", ""}},
	{"overdue: passed target, not yes now", "r8",
	 {{"security-officer", CELL_ALL, ANSWER_NO, "2026-03-31"},
	  {"device-ledger", CELL_ALL, ANSWER_NO, "2026-03-31"},
	  {"backup", CELL_ALL, ANSWER_UNKNOWN, ""},
	  {"bcp", CELL_ALL, ANSWER_NO, "2026-07-01"}},
	 {{"device-ledger", CELL_ALL, ANSWER_UNKNOWN, "2027-03-31"},
	  {"backup", CELL_ALL, ANSWER_NO, ""},
	  {"bcp", CELL_ALL, ANSWER_NO, ""}},
	 {"", "", "security-officer/all,device-ledger/all", ""}},
	{"passed target but yes now: closed only", "r8",
	 {{"backup", CELL_ALL, ANSWER_NO, "2026-03-31"}},
	 {{"backup", CELL_ALL, ANSWER_YES, ""}},
	 {"backup/all", "", "", ""}},
	{"not applicable now is not overdue", "r8",
	 {{"remote-maintenance-check", CELL_ALL, ANSWER_NO, "2026-03-31"}},
	 {{"remote-maintenance-check", CELL_ALL, ANSWER_NA, ""}},
	 {"remote-maintenance-check/all", "", "", ""}},
	{"cells compared one by one", "r8",
	 {{"access-rights", CELL_SERVER, ANSWER_UNKNOWN, ""},
	  {"access-rights", CELL_PC, ANSWER_YES, ""}},
	 {{"access-rights", CELL_SERVER, ANSWER_YES, ""},
	  {"access-rights", CELL_PC, ANSWER_NO, ""}},
	 {"access-rights/server", "access-rights/pc", "", ""}},
	{"a single answer last year stands for each cell", "r8",
	 {{"access-rights", CELL_ALL, ANSWER_NO, "2026-03-31"}},
	 {{"access-rights", CELL_SERVER, ANSWER_YES, ""},
	  {"access-rights", CELL_PC, ANSWER_NO, ""}},
	 {"access-rights/server", "", "access-rights/pc", ""}},
	{"edition change r7 to r8: renamed and new items", "r7",
	 {{"old-password-rules", CELL_ALL, ANSWER_NO, "2026-03-31"},
	  {"two-factor", CELL_ALL, ANSWER_NO, "2026-03-31"},
	  {"security-officer", CELL_ALL, ANSWER_NO, "2026-03-31"}},
	 {{"password-rules", CELL_ALL, ANSWER_YES, ""},
	  {"two-factor", CELL_ALL, ANSWER_NO, ""}},
	 {"password-rules/all", "two-factor/all", "security-officer/all",
	  "two-factor/all"}},
	{"same ids, same edition: nothing is new", "r8",
	 {{"password-rules", CELL_ALL, ANSWER_NO, ""}},
	 {{"password-rules", CELL_ALL, ANSWER_NO, ""}},
	 {"", "", "", ""}},
	{"gate no last year: those were not gaps", "r8",
	 {{"has-medical-system", CELL_ALL, ANSWER_NO, ""},
	  {"security-officer", CELL_ALL, ANSWER_NO, "2026-03-31"}},
	 {{"has-medical-system", CELL_ALL, ANSWER_YES, ""},
	  {"security-officer", CELL_ALL, ANSWER_NO, ""}},
	 {"", "security-officer/all", "", ""}},
	{"gate no this year: nothing is needed", "r8",
	 {{"has-medical-system", CELL_ALL, ANSWER_YES, ""},
	  {"security-officer", CELL_ALL, ANSWER_NO, "2026-03-31"}},
	 {{"has-medical-system", CELL_ALL, ANSWER_NO, ""}},
	 {"", "", "", ""}},
	{"no value last year: a gap now is new", "r8",
	 {{"security-officer", CELL_ALL, ANSWER_NONE, ""},
	  {"backup", CELL_ALL, ANSWER_YES, ""}},
	 {{"security-officer", CELL_ALL, ANSWER_UNKNOWN, ""}},
	 {"", "security-officer/all", "", ""}},
};

static void
fill(struct answer_set *s, int year, const struct ans *v)
{
	size_t i;

	for (i = 0; i < MAXA && v[i].id != NULL; i++) {
		struct answer a;
		struct err e = ERR_INIT;

		memset(&a, 0, sizeof(a));
		a.year = year;
		strcpy(a.item_id, v[i].id);
		a.cell = v[i].cell;
		a.value = v[i].v;
		if (v[i].target[0] != '\0' &&
		    date_parse(v[i].target, &a.target, &e) != 0)
			abort();
		answer_set_put(s, &a);
		answer_release(&a);
	}
}

/* "id/cell,..." of kind k. */
static void
got(const struct compare *cmp, enum compare_kind k, struct strbuf *sb)
{
	size_t i;

	strbuf_reset(sb);
	for (i = 0; i < cmp->n; i++) {
		if (cmp->v[i].kind != k)
			continue;
		strbuf_addf(sb, "%s%s/%s", sb->len ? "," : "",
			    cmp->v[i].item->id, cell_key(cmp->v[i].cell));
	}
}

static void
test_cases(const struct edition *r8)
{
	static const struct date today = {2026, 6, 1};
	struct compare cmp = COMPARE_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int k;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct tcase *t = &cases[i];
		struct answer_set last = ANSWER_SET_INIT, now = ANSWER_SET_INIT;

		fill(&last, 2025, t->last);
		fill(&now, 2026, t->now);
		/* the same struct each time: its memory is reused */
		compare_years(r8, &now, t->prev_edition, &last, &today, &cmp);
		check_true(cmp.has_prev);
		check_int(cmp.prev_year, 2025);
		for (k = 0; k < COMPARE__COUNT; k++) {
			got(&cmp, (enum compare_kind)k, &sb);
			if (strcmp(sb.buf, t->want[k]) != 0)
				fprintf(stderr, "case \"%s\", kind %d:\n",
					t->name, k);
			check_str(sb.buf, t->want[k]);
			check_int(cmp.count[k],
				  t->want[k][0] == '\0'
					  ? 0
					  : 1 + (size_t)(strchr(t->want[k],
								',') != NULL));
		}
		answer_set_release(&last);
		answer_set_release(&now);
	}
	compare_release(&cmp);
	strbuf_release(&sb);
}

/* No previous year: nothing to say, whatever this year holds. */
static void
test_no_previous(const struct edition *r8)
{
	static const struct date today = {2026, 6, 1};
	static const struct ans now[MAXA] = {
		{"security-officer", CELL_ALL, ANSWER_NO, ""}};
	static const struct ans other[MAXA] = {
		{"hoshu-staff", CELL_ALL, ANSWER_NO, ""},
		{"two-factor", CELL_ALL, ANSWER_NO, "2026-03-31"}};
	struct compare cmp = COMPARE_INIT;
	struct answer_set last = ANSWER_SET_INIT, cur = ANSWER_SET_INIT;
	int k;

	fill(&cur, 2026, now);
	compare_years(r8, &cur, "", &last, &today, &cmp);
	check_true(!cmp.has_prev);
	for (k = 0; k < COMPARE__COUNT; k++)
		check_int(cmp.count[k], 0);
	check_int(cmp.n, 0);
	compare_years(r8, &cur, "r7", NULL, &today, &cmp);
	check_true(!cmp.has_prev);
	/* last year holds only an answer outside the checklist, and one of
	 * an item of the previous edition that R8 has no counterpart for */
	fill(&last, 2025, other);
	compare_years(r8, &cur, "r7", &last, &today, &cmp);
	check_true(!cmp.has_prev);
	check_int(cmp.n, 0);
	answer_set_release(&last);
	compare_release(&cmp);
	answer_set_release(&cur);
}

/* The real r8 names every item "same" or "reworded"; the cases need a
 * renamed item and a new one, so this test's copy is changed. */
static struct edition *
r8_changed(void)
{
	struct edition *ed =
		(struct edition *)content_edition_find(&c, "r8");
	struct mapping *m;

	m = (struct mapping *)content_mapping_find(ed, "password-rules");
	strcpy(m->from[0], "old-password-rules");
	m = (struct mapping *)content_mapping_find(ed, "two-factor");
	m->kind = MAP_NEW;
	m->nfrom = 0;
	return ed;
}

int
main(void)
{
	struct edition *r8;

	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_content_load(&c) != 0)
		return 1;
	r8 = r8_changed();
	check_str(r8->from, "r7");
	test_no_previous(r8);
	test_cases(r8);
	content_release(&c);
	return check_done("test_compare");
}

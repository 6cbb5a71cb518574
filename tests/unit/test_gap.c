/* Gaps and progress, including the gate row and missing 目標日. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "model/gap.h"

static struct content c;
static const struct date today = {2026, 11, 25};

static struct answer
ans(const char *id, enum cell cell, enum answer_value v, int ty, int tm, int td)
{
	struct answer a;

	memset(&a, 0, sizeof(a));
	a.year = 2026;
	strcpy(a.item_id, id);
	a.cell = cell;
	a.value = v;
	a.target = (struct date){ty, tm, td};
	return a;
}

static const struct edition *
r8(void)
{
	return content_edition_find(&c, "r8");
}

/* Every cell of the edition (an item has one, or two). */
static size_t
count_cells(const struct edition *ed)
{
	size_t i, cells = 0;

	for (i = 0; i < ed->nitems; i++)
		cells += ed->items[i].ncells;
	return cells;
}

/*
 * Four answers of 2026: the gate はい, security-officer いいえ by 3/31,
 * backup わからない with no 目標日, bcp はい.
 */
static void
answer_four(struct answer_set *s)
{
	struct answer a;

	s->year = 2026;
	a = ans("has-medical-system", CELL_ALL, ANSWER_YES, 0, 0, 0);
	answer_set_put(s, &a);
	a = ans("security-officer", CELL_ALL, ANSWER_NO, 2027, 3, 31);
	answer_set_put(s, &a);
	a = ans("backup", CELL_ALL, ANSWER_UNKNOWN, 0, 0, 0);
	answer_set_put(s, &a);
	a = ans("bcp", CELL_ALL, ANSWER_YES, 0, 0, 0);
	answer_set_put(s, &a);
}

/* Nothing answered: every cell counts, none answered, no gap. */
static void
test_nothing_answered(void)
{
	const struct edition *ed = r8();
	struct answer_set s = ANSWER_SET_INIT;
	struct gap_list g = GAP_LIST_INIT;
	struct progress p;
	size_t cells = count_cells(ed);

	s.year = 2026;
	check_true(cells > ed->nitems); /* some items have two cells */
	gap_compute(ed, &s, &g, &p);
	check_int(p.total, cells);
	check_int(p.answered, 0);
	check_int(g.n, 0);
	gap_list_release(&g);
}

/* いいえ and わからない are gaps, in official order, flagged without 目標日. */
static void
test_gaps(void)
{
	const struct edition *ed = r8();
	struct answer_set s = ANSWER_SET_INIT;
	struct gap_list g = GAP_LIST_INIT;
	struct progress p;

	answer_four(&s);
	gap_compute(ed, &s, &g, &p);
	check_int(p.answered, 4);
	check_int(p.yes, 2);
	check_int(p.gaps, 2);
	check_int(p.no_target, 1);
	check_int(g.n, 2);
	if (g.n == 2) {
		/* in official order */
		check_str(g.v[0].item->id, "security-officer");
		check_true(!g.v[0].no_target);
		check_str(g.v[1].item->id, "backup");
		check_true(g.v[1].no_target);
	}
	gap_list_release(&g);
	answer_set_release(&s);
}

/* The gate いいえ: everything else is skipped, and no gap. */
static void
test_gate_no(void)
{
	const struct edition *ed = r8();
	struct answer_set s = ANSWER_SET_INIT;
	struct gap_list g = GAP_LIST_INIT;
	struct progress p;
	struct answer a;

	answer_four(&s);
	a = ans("has-medical-system", CELL_ALL, ANSWER_NO, 0, 0, 0);
	answer_set_put(&s, &a);
	gap_compute(ed, &s, &g, &p);
	check_true(p.gate_no);
	check_int(p.total, 1);
	check_int(p.answered, 1);
	check_int(p.gaps, 0);
	/* every cell but the gate's */
	check_int(p.skipped, count_cells(ed) - 1);
	check_int(g.n, 0);
	gap_list_release(&g);
	answer_set_release(&s);
}

/* answer_check: the gate takes only はい or いいえ. */
static void
test_check_gate_yes_no(void)
{
	const struct item *gate = content_item_find(r8(), "has-medical-system");
	struct err e = ERR_INIT;
	struct answer a;

	a = ans("has-medical-system", CELL_ALL, ANSWER_UNKNOWN, 0, 0, 0);
	check_int(answer_check(&a, gate, &today, &e), -1);
}

/* answer_check: 該当なし only where the item offers it. */
static void
test_check_na(void)
{
	const struct item *off = content_item_find(r8(), "security-officer");
	struct err e = ERR_INIT;
	struct answer a;

	a = ans("security-officer", CELL_ALL, ANSWER_NA, 0, 0, 0);
	check_int(answer_check(&a, off, &today, &e), -1);
}

/* answer_check: a 目標日 within the 点検年度 (by 3/31), only for いいえ. */
static void
test_check_target(void)
{
	const struct item *off = content_item_find(r8(), "security-officer");
	struct err e = ERR_INIT;
	struct answer a;

	a = ans("security-officer", CELL_ALL, ANSWER_NO, 2027, 4, 1);
	check_int(answer_check(&a, off, &today, &e), -1);
	a = ans("security-officer", CELL_ALL, ANSWER_NO, 2027, 3, 31);
	check_int(answer_check(&a, off, &today, &e), 0);
	a = ans("security-officer", CELL_ALL, ANSWER_YES, 2027, 3, 31);
	check_int(answer_check(&a, off, &today, &e), -1);
}

/* answer_check: the 確認日 cannot be in the future. */
static void
test_check_checked_future(void)
{
	const struct item *off = content_item_find(r8(), "security-officer");
	struct err e = ERR_INIT;
	struct answer a;

	a = ans("security-officer", CELL_ALL, ANSWER_NO, 0, 0, 0);
	a.checked = (struct date){2026, 11, 26}; /* tomorrow */
	check_int(answer_check(&a, off, &today, &e), -1);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_content_load(&c) != 0)
		return 1;
	test_nothing_answered();
	test_gaps();
	test_gate_no();
	test_check_gate_yes_no();
	test_check_na();
	test_check_target();
	test_check_checked_future();
	content_release(&c);
	return check_done("test_gap");
}

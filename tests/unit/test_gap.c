/* Gaps and progress, including the gate row and missing 目標日. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/gap.h"
#include "util/paths.h"

static struct answer
ans(const char *id, enum cell c, enum answer_value v, int ty, int tm, int td)
{
	struct answer a;

	memset(&a, 0, sizeof(a));
	a.year = 2026;
	strcpy(a.item_id, id);
	a.cell = c;
	a.value = v;
	a.target = (struct date){ty, tm, td};
	return a;
}

int
main(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct content c;
	struct err e = ERR_INIT;
	const struct edition *ed;
	struct answer_set s = ANSWER_SET_INIT;
	struct gap_list g = GAP_LIST_INIT;
	struct progress p;
	struct answer a;
	struct date today = {2026, 11, 25};
	size_t i, cells = 0;

	setlocale(LC_ALL, "C.UTF-8");
	if (content_load(&c, roots, &e) != 0) {
		printf("%s\n", e.msg);
		return 1;
	}
	ed = content_edition_find(&c, "r8");
	s.year = 2026;

	for (i = 0; i < ed->nitems; i++)
		cells += ed->items[i].ncells;
	check_true(cells > ed->nitems); /* some items have two cells */
	gap_compute(ed, &s, &g, &p);
	check_int(p.total, cells);
	check_int(p.answered, 0);
	check_int(g.n, 0);

	a = ans("has-medical-system", CELL_ALL, ANSWER_YES, 0, 0, 0);
	answer_set_put(&s, &a);
	a = ans("security-officer", CELL_ALL, ANSWER_NO, 2027, 3, 31);
	answer_set_put(&s, &a);
	a = ans("backup", CELL_ALL, ANSWER_UNKNOWN, 0, 0, 0);
	answer_set_put(&s, &a);
	a = ans("bcp", CELL_ALL, ANSWER_YES, 0, 0, 0);
	answer_set_put(&s, &a);
	gap_compute(ed, &s, &g, &p);
	check_int(p.answered, 4);
	check_int(p.yes, 2);
	check_int(p.gaps, 2);
	check_int(p.no_target, 1);
	check_int(g.n, 2);
	check_str(g.v[0].item->id, "security-officer"); /* official order */
	check_true(!g.v[0].no_target);
	check_str(g.v[1].item->id, "backup");
	check_true(g.v[1].no_target);

	/* the gate いいえ: everything else is skipped, and no gap */
	a = ans("has-medical-system", CELL_ALL, ANSWER_NO, 0, 0, 0);
	answer_set_put(&s, &a);
	gap_compute(ed, &s, &g, &p);
	check_true(p.gate_no);
	check_int(p.total, 1);
	check_int(p.answered, 1);
	check_int(p.gaps, 0);
	check_int(p.skipped, cells - 1); /* every cell but the gate's */
	check_int(g.n, 0);

	/* answer_check: the rules the screen relies on */
	{
		const struct item *gate =
			content_item_find(ed, "has-medical-system");
		const struct item *off =
			content_item_find(ed, "security-officer");

		a = ans("has-medical-system", CELL_ALL, ANSWER_UNKNOWN, 0, 0,
			0);
		check_int(answer_check(&a, gate, &today, &e), -1);
		a = ans("security-officer", CELL_ALL, ANSWER_NA, 0, 0, 0);
		check_int(answer_check(&a, off, &today, &e), -1);
		a = ans("security-officer", CELL_ALL, ANSWER_NO, 2027, 4, 1);
		check_int(answer_check(&a, off, &today, &e), -1);
		a = ans("security-officer", CELL_ALL, ANSWER_NO, 2027, 3, 31);
		check_int(answer_check(&a, off, &today, &e), 0);
		a = ans("security-officer", CELL_ALL, ANSWER_YES, 2027, 3, 31);
		check_int(answer_check(&a, off, &today, &e), -1);
		a = ans("security-officer", CELL_ALL, ANSWER_NO, 0, 0, 0);
		a.checked = (struct date){2026, 11, 26}; /* tomorrow */
		check_int(answer_check(&a, off, &today, &e), -1);
	}
	gap_list_release(&g);
	answer_set_release(&s);
	content_release(&c);
	free(root);
	return check_done("test_gap");
}

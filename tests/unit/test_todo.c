/* 優先して対応すること: the order of the unified list (model/todo.c). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "model/todo.h"

static struct item items[4];
static struct answer answers[4];
static struct gap gaps[4];
static struct connection conn;
static struct finding findings[2];

/* Gap i on item id with 目標日 y-m-d (y 0: none). */
static void
make_gap(size_t i, const char *id, int y, int m, int d)
{
	memset(&items[i], 0, sizeof(items[i]));
	snprintf(items[i].id, sizeof(items[i].id), "%s", id);
	memset(&answers[i], 0, sizeof(answers[i]));
	answers[i].value = ANSWER_NO;
	answers[i].target = (struct date){y, m, d};
	gaps[i].item = &items[i];
	gaps[i].cell = CELL_ALL;
	gaps[i].answer = &answers[i];
	gaps[i].no_target = y == 0;
}

int
main(void)
{
	static char *high[] = {"backup"};
	static char *low[] = {"rules"};
	struct content c;
	struct gap_list gl = {gaps, 4, 4};
	struct finding_list fl = {findings, 2, 2};
	struct todo_list tl = TODO_LIST_INIT;

	memset(&c, 0, sizeof(c));
	c.gap_default = PRIORITY_MEDIUM;
	c.gap_high = high;
	c.ngap_high = 1;
	c.gap_low = low;
	c.ngap_low = 1;

	/* in official order: rules, officer (3/31), backup, patch (1/15) */
	make_gap(0, "rules", 2027, 1, 1);
	make_gap(1, "officer", 2027, 3, 31);
	make_gap(2, "backup", 0, 0, 0);
	make_gap(3, "patch", 2027, 1, 15);
	/* a rule finding of medium level, then a known exploited flaw */
	memset(findings, 0, sizeof(findings));
	findings[0].kind = FINDING_RULE;
	findings[0].conn = &conn;
	findings[0].priority = PRIORITY_MEDIUM;
	findings[1].kind = FINDING_DEVICE;
	findings[1].conn = &conn;
	findings[1].priority = PRIORITY_CRITICAL; /* a flaw is always 至急 */

	check_int(content_gap_priority(&c, "backup"), PRIORITY_HIGH);
	check_int(content_gap_priority(&c, "rules"), PRIORITY_LOW);
	check_int(content_gap_priority(&c, "officer"), PRIORITY_MEDIUM);

	todo_build(&c, &gl, &fl, &tl);
	check_int(tl.n, 6);
	check_int(tl.count[PRIORITY_CRITICAL], 1);
	check_int(tl.count[PRIORITY_HIGH], 1);
	check_int(tl.count[PRIORITY_MEDIUM], 3);
	check_int(tl.count[PRIORITY_LOW], 1);
	if (tl.n == 6) {
		/* 至急: the flaw */
		check_true(tl.v[0].finding == &findings[1]);
		check_int(tl.v[0].priority, PRIORITY_CRITICAL);
		/* 高: backup */
		check_true(tl.v[1].gap == &gaps[2]);
		/* 中: no 目標日 first (the finding), then by date: patch
		 * (1/15) before officer (3/31), whatever the official order */
		check_true(tl.v[2].finding == &findings[0]);
		check_true(tl.v[3].gap == &gaps[3]);
		check_true(tl.v[4].gap == &gaps[1]);
		/* 低: rules, though its 目標日 is the earliest */
		check_true(tl.v[5].gap == &gaps[0]);
		check_int(tl.v[5].priority, PRIORITY_LOW);
	}

	/* built again: counts start from zero; no findings, no gaps */
	todo_build(&c, &gl, NULL, &tl);
	check_int(tl.n, 4);
	check_int(tl.count[PRIORITY_CRITICAL], 0);
	todo_build(&c, NULL, NULL, &tl);
	check_int(tl.n, 0);
	check_int(tl.count[PRIORITY_MEDIUM], 0);
	todo_list_release(&tl);
	return check_done("test_todo");
}

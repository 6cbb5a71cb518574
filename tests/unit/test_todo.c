/* 優先して対応すること: the order of the unified list (model/todo.c). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "model/todo.h"

/*
 * Four gaps, in official order: rules (目標日 1/1), officer (3/31), backup
 * (none), patch (1/15); backup is listed high, rules low, the rest medium.
 * Two findings: a rule of medium level, then a known exploited flaw.
 * Everything points inside the struct: set it up in place, do not copy.
 */
struct board {
	char *high[1], *low[1];
	struct content c;
	struct item items[4];
	struct answer answers[4];
	struct gap gaps[4];
	struct connection conn;
	struct finding findings[2];
	struct gap_list gl;
	struct finding_list fl;
};

/* Gap i on item id with 目標日 y-m-d (y 0: none). */
static void
make_gap(struct board *b, size_t i, const char *id, int y, int m, int d)
{
	memset(&b->items[i], 0, sizeof(b->items[i]));
	snprintf(b->items[i].id, sizeof(b->items[i].id), "%s", id);
	memset(&b->answers[i], 0, sizeof(b->answers[i]));
	b->answers[i].value = ANSWER_NO;
	b->answers[i].target = (struct date){y, m, d};
	b->gaps[i].item = &b->items[i];
	b->gaps[i].cell = CELL_ALL;
	b->gaps[i].answer = &b->answers[i];
	b->gaps[i].no_target = y == 0;
}

static void
board_init(struct board *b)
{
	memset(b, 0, sizeof(*b));
	b->high[0] = "backup";
	b->low[0] = "rules";
	b->c.gap_default = PRIORITY_MEDIUM;
	b->c.gap_high = b->high;
	b->c.ngap_high = 1;
	b->c.gap_low = b->low;
	b->c.ngap_low = 1;

	make_gap(b, 0, "rules", 2027, 1, 1);
	make_gap(b, 1, "officer", 2027, 3, 31);
	make_gap(b, 2, "backup", 0, 0, 0);
	make_gap(b, 3, "patch", 2027, 1, 15);
	b->gl = (struct gap_list){b->gaps, 4, 4};

	b->findings[0].kind = FINDING_RULE;
	b->findings[0].conn = &b->conn;
	b->findings[0].priority = PRIORITY_MEDIUM;
	b->findings[1].kind = FINDING_DEVICE;
	b->findings[1].conn = &b->conn;
	b->findings[1].priority = PRIORITY_CRITICAL; /* a flaw is always 至急 */
	b->fl = (struct finding_list){b->findings, 2, 2};
}

/* A gap's level: listed high, listed low, else the default. */
static void
test_gap_priority(void)
{
	struct board b;

	board_init(&b);
	check_int(content_gap_priority(&b.c, "backup"), PRIORITY_HIGH);
	check_int(content_gap_priority(&b.c, "rules"), PRIORITY_LOW);
	check_int(content_gap_priority(&b.c, "officer"), PRIORITY_MEDIUM);
}

/* Every gap and finding is listed once, counted under its level. */
static void
test_counts(void)
{
	struct board b;
	struct todo_list tl = TODO_LIST_INIT;

	board_init(&b);
	todo_build(&b.c, &b.gl, &b.fl, &tl);
	check_int(tl.n, 6);
	check_int(tl.count[PRIORITY_CRITICAL], 1);
	check_int(tl.count[PRIORITY_HIGH], 1);
	check_int(tl.count[PRIORITY_MEDIUM], 3);
	check_int(tl.count[PRIORITY_LOW], 1);
	todo_list_release(&tl);
}

/* By level first; within one, no 目標日 first, then by date. */
static void
test_order(void)
{
	struct board b;
	struct todo_list tl = TODO_LIST_INIT;

	board_init(&b);
	todo_build(&b.c, &b.gl, &b.fl, &tl);
	if (tl.n == 6) { /* test_counts checks it is */
		/* 至急: the flaw */
		check_true(tl.v[0].finding == &b.findings[1]);
		check_int(tl.v[0].priority, PRIORITY_CRITICAL);
		/* 高: backup */
		check_true(tl.v[1].gap == &b.gaps[2]);
		/* 中: no 目標日 first (the finding), then by date: patch
		 * (1/15) before officer (3/31), whatever the official order */
		check_true(tl.v[2].finding == &b.findings[0]);
		check_true(tl.v[3].gap == &b.gaps[3]);
		check_true(tl.v[4].gap == &b.gaps[1]);
		/* 低: rules, though its 目標日 is the earliest */
		check_true(tl.v[5].gap == &b.gaps[0]);
		check_int(tl.v[5].priority, PRIORITY_LOW);
	}
	todo_list_release(&tl);
}

/* Built again without findings: only the gaps, counts start from zero. */
static void
test_rebuilt_without_findings(void)
{
	struct board b;
	struct todo_list tl = TODO_LIST_INIT;

	board_init(&b);
	todo_build(&b.c, &b.gl, &b.fl, &tl);
	todo_build(&b.c, &b.gl, NULL, &tl);
	check_int(tl.n, 4);
	check_int(tl.count[PRIORITY_CRITICAL], 0);
	todo_list_release(&tl);
}

/* Built again with neither gaps nor findings: empty, every count zero. */
static void
test_rebuilt_empty(void)
{
	struct board b;
	struct todo_list tl = TODO_LIST_INIT;

	board_init(&b);
	todo_build(&b.c, &b.gl, &b.fl, &tl);
	todo_build(&b.c, NULL, NULL, &tl);
	check_int(tl.n, 0);
	check_int(tl.count[PRIORITY_MEDIUM], 0);
	todo_list_release(&tl);
}

int
main(void)
{
	test_gap_priority();
	test_counts();
	test_order();
	test_rebuilt_without_findings();
	test_rebuilt_empty();
	return check_done("test_todo");
}

/* Last year's answers offered in a new 点検年度, by id and by mapping. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content_fixture.h"
#include "model/carry.h"

static struct content c;

static void
put(struct answer_set *s, int year, const char *id, enum cell cell,
    enum answer_value v, const char *memo)
{
	struct answer a;

	memset(&a, 0, sizeof(a));
	a.year = year;
	strcpy(a.item_id, id);
	a.cell = cell;
	a.value = v;
	a.checked = (struct date){2025, 10, 1};
	a.target = (struct date){2026, 3, 31};
	answer_set_text(&a.memo, memo);
	answer_set_put(s, &a);
	answer_release(&a);
}

static const struct edition *
r8(void)
{
	return content_edition_find(&c, "r8");
}

/*
 * The answers of 2025 (R7): security-officer はい with a memo,
 * password-rules いいえ, access-rights わからない on the server cell only,
 * backup with a memo but no value.
 */
static void
last_year(struct answer_set *s)
{
	put(s, 2025, "security-officer", CELL_ALL, ANSWER_YES, "院長が兼ねる");
	put(s, 2025, "password-rules", CELL_ALL, ANSWER_NO, NULL);
	put(s, 2025, "access-rights", CELL_SERVER, ANSWER_UNKNOWN, NULL);
	put(s, 2025, "backup", CELL_ALL, ANSWER_NONE, "まだ");
}

/* What last offers for R8's item id, cell, last year's edition being from. */
static struct carry
offer(const struct answer_set *last, const char *from, const char *id,
      enum cell cell)
{
	return carry_offer(r8(), from, last, content_item_find(r8(), id), cell);
}

/* R8 exists and says it follows R7. */
static void
test_editions(void)
{
	const struct edition *r7 = content_edition_find(&c, "r7");

	check_true(r7 != NULL && r8() != NULL);
	check_str(r8()->from, "r7");
}

/* The mapping names every R8 item. */
static void
test_mapping_complete(void)
{
	const struct edition *ed = r8();
	size_t i;

	for (i = 0; i < ed->nitems; i++)
		check_true(content_mapping_find(ed, ed->items[i].id) != NULL);
}

/* R7 -> R8, the same item: offered, mapped as the same. */
static void
test_same_item(void)
{
	struct answer_set last = ANSWER_SET_INIT;
	struct carry k;

	last_year(&last);
	k = offer(&last, "r7", "security-officer", CELL_ALL);
	check_true(k.answer != NULL && k.answer->value == ANSWER_YES);
	check_true(k.map != NULL && k.map->kind == MAP_SAME);
	answer_set_release(&last);
}

/* Reworded: offered with the note of what changed. */
static void
test_reworded(void)
{
	struct answer_set last = ANSWER_SET_INIT;
	struct carry k;

	last_year(&last);
	k = offer(&last, "r7", "password-rules", CELL_ALL);
	check_true(k.answer != NULL && k.answer->value == ANSWER_NO);
	check_true(k.map != NULL && k.map->kind == MAP_REWORDED &&
		   k.map->note != NULL);
	answer_set_release(&last);
}

/* By cell: the one answered last year is offered, the other is not. */
static void
test_cells(void)
{
	struct answer_set last = ANSWER_SET_INIT;
	struct carry k;

	last_year(&last);
	k = offer(&last, "r7", "access-rights", CELL_SERVER);
	check_true(k.answer != NULL && k.answer->value == ANSWER_UNKNOWN);
	k = offer(&last, "r7", "access-rights", CELL_PC);
	check_true(k.answer == NULL);
	answer_set_release(&last);
}

/* An answer with no value is nothing to offer. */
static void
test_no_value(void)
{
	struct answer_set last = ANSWER_SET_INIT;
	struct carry k;

	last_year(&last);
	k = offer(&last, "r7", "backup", CELL_ALL);
	check_true(k.answer == NULL);
	answer_set_release(&last);
}

/* The same edition two years running: offered by id, with no mapping. */
static void
test_same_edition(void)
{
	struct answer_set last = ANSWER_SET_INIT;
	struct carry k;

	last_year(&last);
	k = offer(&last, "r8", "security-officer", CELL_ALL);
	check_true(k.answer != NULL && k.map == NULL);
	answer_set_release(&last);
}

/* Nothing answered last year: nothing offered. */
static void
test_nothing_last_year(void)
{
	struct answer_set last = ANSWER_SET_INIT;
	struct carry k;

	k = offer(&last, "r7", "security-officer", CELL_ALL);
	check_true(k.answer == NULL);
}

/* Taking copies the value and the memo, never the dates or the year. */
static void
test_take(void)
{
	struct answer_set last = ANSWER_SET_INIT;
	struct answer now;

	last_year(&last);
	memset(&now, 0, sizeof(now));
	now.year = 2026;
	strcpy(now.item_id, "security-officer");
	carry_take(&now, answer_set_find(&last, "security-officer", CELL_ALL));
	check_int(now.value, ANSWER_YES);
	check_str(now.memo, "院長が兼ねる");
	check_true(!date_is_set(&now.checked));
	check_true(!date_is_set(&now.target));
	check_int(now.year, 2026);
	answer_release(&now);
	answer_set_release(&last);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_content_load(&c) != 0)
		return 1;
	test_editions();
	test_mapping_complete();
	test_same_item();
	test_reworded();
	test_cells();
	test_no_value();
	test_same_edition();
	test_nothing_last_year();
	test_take();
	content_release(&c);
	return check_done("test_carry");
}

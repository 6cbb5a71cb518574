/* Last year's answers offered in a new 点検年度, by id and by mapping. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/carry.h"
#include "util/paths.h"

static void
put(struct answer_set *s, int year, const char *id, enum cell c,
    enum answer_value v, const char *memo)
{
	struct answer a;

	memset(&a, 0, sizeof(a));
	a.year = year;
	strcpy(a.item_id, id);
	a.cell = c;
	a.value = v;
	a.checked = (struct date){2025, 10, 1};
	a.target = (struct date){2026, 3, 31};
	answer_set_text(&a.memo, memo);
	answer_set_put(s, &a);
	answer_release(&a);
}

int
main(void)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	char *root = path_join(src ? src : ".", "content");
	char *roots[2] = {root, NULL};
	struct content c;
	struct err e = ERR_INIT;
	const struct edition *r7, *r8;
	struct answer_set last = ANSWER_SET_INIT;
	struct carry k;
	struct answer now;
	size_t i;

	setlocale(LC_ALL, "C.UTF-8");
	if (content_load(&c, roots, &e) != 0) {
		printf("%s\n", e.msg);
		return 1;
	}
	r7 = content_edition_find(&c, "r7");
	r8 = content_edition_find(&c, "r8");
	check_true(r7 != NULL && r8 != NULL);
	check_str(r8->from, "r7");
	/* the mapping names every R8 item */
	for (i = 0; i < r8->nitems; i++)
		check_true(content_mapping_find(r8, r8->items[i].id) != NULL);

	put(&last, 2025, "security-officer", CELL_ALL, ANSWER_YES,
	    "院長が兼ねる");
	put(&last, 2025, "password-rules", CELL_ALL, ANSWER_NO, NULL);
	put(&last, 2025, "access-rights", CELL_SERVER, ANSWER_UNKNOWN, NULL);
	put(&last, 2025, "backup", CELL_ALL, ANSWER_NONE, "まだ");

	/* R7 -> R8: same item */
	k = carry_offer(r8, "r7", &last,
			content_item_find(r8, "security-officer"), CELL_ALL);
	check_true(k.answer != NULL && k.answer->value == ANSWER_YES);
	check_true(k.map != NULL && k.map->kind == MAP_SAME);
	/* reworded: offered with the note of what changed */
	k = carry_offer(r8, "r7", &last,
			content_item_find(r8, "password-rules"), CELL_ALL);
	check_true(k.answer != NULL && k.answer->value == ANSWER_NO);
	check_true(k.map != NULL && k.map->kind == MAP_REWORDED &&
		   k.map->note != NULL);
	/* a cell answered last year, and one that was not */
	k = carry_offer(r8, "r7", &last, content_item_find(r8, "access-rights"),
			CELL_SERVER);
	check_true(k.answer != NULL && k.answer->value == ANSWER_UNKNOWN);
	k = carry_offer(r8, "r7", &last, content_item_find(r8, "access-rights"),
			CELL_PC);
	check_true(k.answer == NULL);
	/* an answer with no value is nothing to offer */
	k = carry_offer(r8, "r7", &last, content_item_find(r8, "backup"),
			CELL_ALL);
	check_true(k.answer == NULL);
	/* the same edition two years running: by id */
	k = carry_offer(r8, "r8", &last,
			content_item_find(r8, "security-officer"), CELL_ALL);
	check_true(k.answer != NULL && k.map == NULL);
	/* nothing last year */
	answer_set_release(&last);
	k = carry_offer(r8, "r7", &last,
			content_item_find(r8, "security-officer"), CELL_ALL);
	check_true(k.answer == NULL);

	/* taking copies the value and the memo, never the dates */
	put(&last, 2025, "security-officer", CELL_ALL, ANSWER_YES,
	    "院長が兼ねる");
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
	content_release(&c);
	free(root);
	return check_done("test_carry");
}

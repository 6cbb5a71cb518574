#ifndef IRY_ANSWER_H
#define IRY_ANSWER_H

#include <stddef.h>

#include "content/content.h"
#include "model/date.h"

/* The four answers a clinic can give; the form itself knows only はい/いいえ.
 */
enum answer_value {
	ANSWER_NONE = 0, /* not answered yet */
	ANSWER_YES,      /* はい */
	ANSWER_NO,       /* いいえ */
	ANSWER_UNKNOWN,  /* わからない */
	ANSWER_NA,       /* 該当なし (only where the item allows it) */
};

#define ANSWER_OWNER_MAX 40   /* characters of 担当者 */
#define ANSWER_MEMO_MAX  1000 /* characters of メモ */

struct answer {
	int year;                         /* 点検年度 */
	char item_id[CONTENT_ID_MAX + 1]; /* stable item id */
	enum cell cell;                   /* sub-target cell */
	enum answer_value value;          /* ANSWER_NONE until chosen */
	struct date checked;              /* 確認日; unset allowed */
	struct date target; /* 目標日; needed for NO, UNKNOWN */
	long ask;           /* わからない: vendor id asked; 0 = in-house */
	char *owner;        /* 担当者; owned, NULL when empty */
	char *memo;         /* メモ; owned, NULL when empty */
};

/* All answers of one 点検年度. */
struct answer_set {
	int year;
	struct answer *v; /* owned */
	size_t n, alloc;
};

#define ANSWER_SET_INIT                                                        \
	{                                                                      \
		0, NULL, 0, 0                                                  \
	}

/* Frees owner and memo and zeroes a. */
void answer_release(struct answer *a);

/* Deep copy: dst gets its own owner and memo (dst is overwritten). */
void answer_copy(struct answer *dst, const struct answer *src);

/* Sets an owned text field (owner or memo) to a copy of s, NULL if "". */
void answer_set_text(char **field, const char *s);

/* The stable key of a value ("yes", "no", "unknown", "na", ""). */
const char *answer_value_key(enum answer_value v);
int answer_value_parse(const char *key, enum answer_value *out);

/* The translated label: はい, いいえ, わからない, 該当なし, 未回答. */
const char *answer_value_label(enum answer_value v);

/* True for the values that need a 目標日 on this item (not the gate). */
bool answer_needs_target(const struct item *it, enum answer_value v);

/*
 * Checks a against its item and the date rules for its year: the value is
 * offered by the item (該当なし only with na:, the gate only はい/いいえ),
 * 確認日 and 目標日, where set, in range. A missing 目標日 is not an error
 * here (it is a gap of its own). Returns 0 or -1 with e set (ERR_INPUT).
 */
int answer_check(const struct answer *a, const struct item *it,
		 const struct date *today, struct err *e);

void answer_set_release(struct answer_set *s);

/* The answer for (item, cell), or NULL. */
const struct answer *answer_set_find(const struct answer_set *s,
				     const char *item_id, enum cell cell);

/*
 * Stores a copy of a in s, replacing the answer for the same item and
 * cell. Returns the stored answer (owned by s, valid until s changes).
 */
struct answer *answer_set_put(struct answer_set *s, const struct answer *a);

#endif

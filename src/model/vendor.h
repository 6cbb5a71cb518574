#ifndef IRY_VENDOR_H
#define IRY_VENDOR_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "util/err.h"

/*
 * The vendors a clinic works with (事業者): a register that persists
 * across years, and, per year, the answers about each one: the contract
 * questions (common/vendors.yaml) and the 事業者確認用 items the vendor
 * confirmed (the edition's vendor-form.yaml).
 */

#define VENDOR_TEXT_MAX 60   /* characters of name, contact, phone, email */
#define VENDOR_MEMO_MAX 1000 /* characters of a memo */

struct vendor {
	long id;       /* row id; 0 until saved */
	char *name;    /* 事業者名; owned, required */
	char *contact; /* 担当者; owned, NULL when empty */
	char *phone;
	char *email;
	char *memo;
	char *systems; /* system ids, comma-separated ("emr,network") */
	char contract[CONTENT_ID_MAX + 1]; /* contract kind id; "" unset */
};

struct vendor_list {
	struct vendor *v; /* in the order they were added */
	size_t n, alloc;
};

#define VENDOR_LIST_INIT                                                       \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void vendor_release(struct vendor *v);
void vendor_copy(struct vendor *dst, const struct vendor *src);
void vendor_list_release(struct vendor_list *l);

/* Appends a copy of v. */
void vendor_list_add(struct vendor_list *l, const struct vendor *v);

/* The vendor with this id, or NULL. */
const struct vendor *vendor_list_find(const struct vendor_list *l, long id);

/* Sets an owned text field to a copy of s (NULL when s is ""). */
void vendor_set_text(char **field, const char *s);

/* True if the vendor supplies or maintains system sys. */
bool vendor_has_system(const struct vendor *v, const char *sys);

/* Adds or removes system sys. */
void vendor_toggle_system(struct vendor *v, const char *sys);

/*
 * Checks a vendor before saving: a name, texts within their limits, a
 * phone number of digits and - ( ) + and spaces, an email with one @.
 * Returns 0 or -1 with e set (ERR_INPUT).
 */
int vendor_check(const struct vendor *v, struct err *e);

/* True when the vendor has a contract (kind set and not "none"). */
bool vendor_has_contract(const struct vendor *v);

/* One answer about a vendor: a contract question or a vendor-form item. */
struct vanswer {
	int year;                         /* 点検年度 */
	long vendor;                      /* vendor id */
	char item_id[CONTENT_ID_MAX + 1]; /* question or vendor-form item */
	enum answer_value value; /* はい, いいえ, わからない */
	char *memo;              /* owned; NULL when empty */
};

struct vanswer_set {
	struct vanswer *v;
	size_t n, alloc;
};

#define VANSWER_SET_INIT                                                       \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void vanswer_release(struct vanswer *a);
void vanswer_set_release(struct vanswer_set *s);
const struct vanswer *vanswer_find(const struct vanswer_set *s, long vendor,
				   const char *item_id);

/* Stores a copy, replacing the one for the same vendor and item. */
void vanswer_put(struct vanswer_set *s, const struct vanswer *a);

/* Removes every answer about vendor (after it was deleted). */
void vanswer_drop_vendor(struct vanswer_set *s, long vendor);

/* What a vendor answer is to: each allows its own answers. */
enum vanswer_kind {
	VANSWER_CONTRACT = 0, /* a contract question (vendors.yaml) */
	VANSWER_FORM, /* a 事業者確認用 item the vendor returned */
	VANSWER_SDS,  /* an MDS/SDS 【別紙】 area (保守委託機関編) */
};

#define VANSWER_VALUES_MAX 4

/*
 * The answers kind k allows, in the order the screen offers them (keys
 * 1-4): はい, いいえ, わからない, and 対象外 (ANSWER_NA) for an MDS/SDS area
 * only. Returns how many.
 */
size_t vanswer_values(enum vanswer_kind k, enum answer_value *out);

/* True when kind k allows v. */
bool vanswer_allows(enum vanswer_kind k, enum answer_value v);

/*
 * Checks the value (はい/いいえ/わからない; 該当なし (対象外) only when
 * allow_na) and the memo length.
 */
int vanswer_check(const struct vanswer *a, bool allow_na, struct err *e);

#endif

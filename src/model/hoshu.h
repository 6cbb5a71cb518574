#ifndef IRY_HOSHU_H
#define IRY_HOSHU_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "model/vendor.h"
#include "util/err.h"
#include "util/strbuf.h"

/*
 * 保守委託機関編 (GL 第7.0版): may the clinic comply with 概説編 and this
 * volume instead of the whole guideline (みなし遵守)? Only when it has no
 * dedicated system staff, every "server" (including a PC on which the EMR
 * processes locally) is updated by a vendor, and each such vendor's
 * responsibility is written in the contract, 約款 or SLA, with the place
 * known. Pure: the answers come in, the judgement goes out.
 */

/* Stable ids of the answers kept beside the checklist's (answer table). */
#define HOSHU_STAFF_ID  "hoshu-staff" /* answer: はい/いいえ/わからない */
#define HOSHU_CLAUSE_ID "hoshu-clause" /* vendor answer; memo = where */

#define SERVER_TEXT_MAX 60

/* A "server" as the volume counts them; a clinic record across years. */
struct server {
	long id;          /* 0 until saved */
	char *name;       /* owned */
	char kind[16];    /* "server" or "local-emr-pc" */
	char patcher[16]; /* "vendor", "clinic", "unknown"; "" unset */
	long vendor;      /* the vendor that updates it; 0 none */
};

struct server_list {
	struct server *v;
	size_t n, alloc;
};

#define SERVER_LIST_INIT                                                       \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void server_release(struct server *s);
void server_copy(struct server *dst, const struct server *src);
void server_list_release(struct server_list *l);
void server_list_put(struct server_list *l, const struct server *s);
void server_list_remove(struct server_list *l, long id);
int server_check(const struct server *s, struct err *e);

enum hoshu_result {
	HOSHU_INCOMPLETE = 0, /* not everything answered yet */
	HOSHU_APPLIES,        /* 該当: みなし遵守 is possible */
	HOSHU_NOT_APPLIES,    /* 非該当 */
	HOSHU_NEEDS_CONTRACT, /* 契約の確認が必要 */
};

/* One reason of the judgement, in the order the questions come. */
struct hoshu_reason_line {
	char *text;  /* owned, from the content's templates */
	bool ok;     /* speaks for みなし遵守 */
	long vendor; /* the vendor who must act; 0 none */
};

struct hoshu_judgement {
	enum hoshu_result result;
	struct hoshu_reason_line *v;
	size_t n, alloc;
};

#define HOSHU_JUDGEMENT_INIT                                                   \
	{                                                                      \
		HOSHU_INCOMPLETE, NULL, 0, 0                                   \
	}

/*
 * Judges from the answers of one year: staff (the answer to
 * HOSHU_STAFF_ID, NULL when none), the servers, and the vendor answers
 * (HOSHU_CLAUSE_ID per vendor: はい with the place in the memo counts;
 * はい without a place, いいえ and わからない do not). Replaces what j held.
 */
void hoshu_judge(const struct content *c, const struct answer *staff,
		 const struct server_list *servers,
		 const struct vendor_list *vendors,
		 const struct vanswer_set *va, struct hoshu_judgement *j);

void hoshu_judgement_release(struct hoshu_judgement *j);

/* The translated name of a result: 該当, 非該当 ... */
const char *hoshu_result_label(enum hoshu_result r);

/* True when vendor id updates at least one of the servers. */
bool hoshu_vendor_updates(const struct server_list *servers, long vendor);

/* True when the vendor's clause counts: はい and a place given. */
bool hoshu_clause_ok(const struct vanswer_set *va, long vendor);

#endif

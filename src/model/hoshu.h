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
 * known. That last fact is the vendor's answer to a contract question
 * (hoshu.yaml: written.vendor_question), never asked a second time. Pure:
 * the answers come in, the judgement goes out. Which answers each
 * question allows is decided here too, not by the screens.
 */

/* Stable id of the answer kept beside the checklist's (answer table). */
#define HOSHU_STAFF_ID "hoshu-staff" /* answer: はい/いいえ/わからない */

/* What of 保守委託機関編 the clinic answers itself. */
enum hoshu_ask {
	HOSHU_ASK_STAFF, /* dedicated system staff (HOSHU_STAFF_ID) */
	HOSHU_ASK_ITEM,  /* one of the volume's items (hoshu.yaml: items) */
};

#define HOSHU_VALUES_MAX 3

/*
 * The answers q allows, in the order the screen offers them (keys 1, 2,
 * 3; ←→ cycles in this order); returns how many.
 */
size_t hoshu_values(enum hoshu_ask q, enum answer_value *out);

/* Returns 0 when q allows v, else -1 with e set (ERR_INPUT). */
int hoshu_value_check(enum hoshu_ask q, enum answer_value v, struct err *e);

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

/* What the contract says of a vendor's duty to update the servers. */
enum hoshu_clause {
	HOSHU_CLAUSE_UNANSWERED = 0, /* the contract question not answered */
	HOSHU_CLAUSE_WRITTEN,        /* はい, and where (document, clause) */
	HOSHU_CLAUSE_NO_PLACE,       /* はい without where: not counted yet */
	HOSHU_CLAUSE_UNKNOWN,        /* わからない */
	HOSHU_CLAUSE_NOT_WRITTEN,    /* いいえ */
	HOSHU_CLAUSE_NO_CONTRACT, /* the vendor has no contract (契約なし) */
};

/*
 * The contract question whose answer is the clause (borrowed from c), or
 * NULL when c names none (the loader refuses that).
 */
const struct vquestion *hoshu_clause_question(const struct content *c);

/*
 * The state of vendor v's clause, from its answer to
 * hoshu_clause_question() in va: はい counts only with the place in the
 * memo; an answer the question does not allow (該当なし) is taken as not
 * answered. With where not NULL, *where is the place for
 * HOSHU_CLAUSE_WRITTEN (borrowed from va), else NULL.
 */
enum hoshu_clause hoshu_clause(const struct content *c,
			       const struct vanswer_set *va,
			       const struct vendor *v, const char **where);

/* The translated short name of a clause state: 書かれている ... */
const char *hoshu_clause_label(enum hoshu_clause k);

/*
 * Judges from the answers of one year: staff (the answer to
 * HOSHU_STAFF_ID, NULL when none), the servers, and each updating
 * vendor's clause (hoshu_clause()). Every answer has its result:
 *   staff はい: 非該当; いいえ: on; わからない or none: not judged yet.
 *   a server updated in-house: 非該当; who updates it わからない: check
 *   the contracts; not answered, or "a vendor" without one: not judged.
 *   a clause written with its place: counts; はい without the place or
 *   わからない: check the contracts; いいえ, or a vendor without a
 *   contract: 非該当 (図1 ※2: not written, the duty may be the clinic's);
 *   not answered: not judged yet.
 * One 非該当 decides; else anything not judged; else anything to check;
 * else 該当. Replaces what j held.
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

#endif

#ifndef IRY_YEAR_H
#define IRY_YEAR_H

#include "content/content.h"
#include "model/answer.h"
#include "model/compare.h"
#include "model/contact.h"
#include "model/date.h"
#include "model/facility.h"
#include "model/gap.h"
#include "model/hoshu.h"
#include "model/remote.h"
#include "model/request.h"
#include "model/vendor.h"
#include "report/report.h"
#include "store/store.h"
#include "util/err.h"

/*
 * The year's data: everything of the facility's current 点検年度 that the
 * wizard, `iryosec report` and `iryosec status` read, loaded from the data
 * file by one function and evaluated (findings, judgement, gaps) the same
 * way for all three. The report and the vendor requests borrow views of it
 * (year_data_report_input, year_data_request_ctx).
 */

/* What year_data_load does besides reading the year. */
enum year_data_flag {
	/* Refuse a facility whose first-time setup is not done (ERR_INPUT)
	 * and a 点検年度 no edition fits (ERR_CONTENT): the jobs need both. */
	YEAR_DATA_SETUP = 1,
	/* Also read last year's answers and edition: the wizard offers
	 * them on each question (docs/decisions.md, Dates), and every
	 * caller shows the comparison with last year (compare). */
	YEAR_DATA_PREVIOUS = 2,
	/* Leave the contact chart unread (aggregate does not count it). */
	YEAR_DATA_NO_CONTACTS = 4,
};

struct year_data {
	const struct content *content; /* borrowed: what it was read with */
	struct facility facility;      /* as saved */
	const struct edition *edition; /* the 点検年度's; NULL: none fits */
	struct answer_set answers;     /* answers of facility.year */
	struct answer_set prev_answers; /* of the year before (PREVIOUS) */
	char prev_edition[CONTENT_ID_MAX + 1]; /* edition of that year */
	struct vendor_list vendors;            /* the vendor register */
	struct vanswer_set vanswers;  /* answers about vendors, this year */
	struct contact_list contacts; /* the contact chart */
	struct connection_list connections; /* リモート保守の棚卸し */
	struct finding_list findings;       /* of those; borrows connections */
	struct server_list servers; /* 保守委託機関編: the servers */
	struct hoshu_judgement judgement; /* its judgement */
	struct gap_list gaps;             /* borrows edition and answers */
	struct progress progress;         /* of the checklist */
	struct date today;                /* as year_data_load was told */
	struct compare compare; /* against last year; none without PREVIOUS */
	struct remote_flaws *flaws; /* borrowed; NULL: none (findings) */
};

/*
 * Reads the facility, the registers (vendors, contacts, connections,
 * servers) and, once the facility is set up, its 点検年度 (see
 * year_data_load_year) from st into y, and evaluates them: findings as of
 * today, the 保守委託機関編 judgement, the gaps and (YEAR_DATA_PREVIOUS)
 * the comparison with last year, as of today. flags: YEAR_DATA_* bits.
 * y is cleared first and borrows c. Returns 0, or -1 with e set; call
 * year_data_release(y) in both cases.
 */
int year_data_load(struct year_data *y, struct store *st,
		   const struct content *c, const struct date *today,
		   unsigned flags, struct err *e);

/*
 * year_data_load, with the devices' known flaws taken from and kept in
 * flaws (remote_findings_cached), which y borrows until it is released:
 * for many files whose devices recur (aggregate).
 */
int year_data_load_cached(struct year_data *y, struct store *st,
			  const struct content *c, const struct date *today,
			  unsigned flags, struct remote_flaws *flaws,
			  struct err *e);

/*
 * Reads again what depends on facility.year (after the facility changed):
 * the edition, the answers, last year's (YEAR_DATA_PREVIOUS; else none)
 * and the vendor answers, then the judgement, the gaps and the comparison.
 * Returns 0, or -1 with e set (y stays valid to release).
 */
int year_data_load_year(struct year_data *y, struct store *st, unsigned flags,
			struct err *e);

/*
 * Stores a copy of a in y's answers (after it was saved) and evaluates
 * again what depends on them: the gaps, the comparison and the judgement.
 * Add or replace answers only this way: answer_set_put may move the
 * answers, and the gaps and the comparison point at them.
 */
void year_data_answer_put(struct year_data *y, const struct answer *a);

/* Evaluates the connections again (after any change), as of today
 * (with y->flaws when set). */
void year_data_refresh_findings(struct year_data *y, const struct date *today);

/* Judges 保守委託機関編 again (after any change to what it reads). */
void year_data_refresh_judgement(struct year_data *y);

/* Computes the gaps, progress and the comparison with last year again;
 * none without an edition. */
void year_data_refresh_gaps(struct year_data *y);

/* Points x at y's data (borrowed: valid while y does not change). */
void year_data_request_ctx(const struct year_data *y, struct request_ctx *x);

/*
 * Clears in and points its data at y (borrowed: valid while y does not
 * change); the caller sets what to print, the dates and the font.
 */
void year_data_report_input(const struct year_data *y, struct report_input *in);

/* Frees what y holds and clears it. */
void year_data_release(struct year_data *y);

#endif

#ifndef IRY_DATE_H
#define IRY_DATE_H

#include <stdbool.h>

#include "util/err.h"
#include "util/strbuf.h"

/*
 * Calendar dates and the fiscal-year rules of docs/decisions.md (Dates).
 * Pure code: no time zone, no locale, no system calls (today is passed
 * in).
 */

struct date {
	int y, m, d; /* all 0 when no date is set */
};

#define DATE_NONE                                                              \
	{                                                                      \
		0, 0, 0                                                        \
	}

bool date_is_set(const struct date *d);

/* True if y-m-d exists in the Gregorian calendar (year 1..9999). */
bool date_exists(int y, int m, int d);

/* <0, 0, >0 like strcmp; an unset date sorts first. */
int date_cmp(const struct date *a, const struct date *b);

/*
 * Parses what a person types: 2026-12-01, 2026/12/1, 2026.12.1, 20261201,
 * 2026年12月1日, R8.12.1, R8/12/1, 令和8年12月1日, 令和元年5月1日, with
 * full-width digits and signs too, spaces ignored. 令和 years are calendar
 * years (R8 = 2026). Returns 0, or -1 with e set (ERR_INPUT): not a date,
 * a date that does not exist, or 令和 before 令和元年5月1日.
 */
int date_parse(const char *s, struct date *out, struct err *e);

/* Writes "2026-12-01" into out (11 bytes), or "" when unset. */
void date_iso(const struct date *d, char *out);

/*
 * Appends the date in the Japanese era to sb: 令和8年12月1日, 令和元年5月1日;
 * dates before 2019-05-01 in Western years (2019年4月30日).
 */
void date_add_wareki(struct strbuf *sb, const struct date *d);

/* Appends "2026-12-01（令和8年12月1日）", the echo shown after entry. */
void date_add_both(struct strbuf *sb, const struct date *d);

/* The fiscal year (year of the 1 April that starts it) containing d. */
int date_fiscal_year(const struct date *d);

/* 1 April and 31 March of fiscal year fy. */
struct date date_fy_start(int fy);
struct date date_fy_end(int fy);

/* Appends the fiscal year's name: 令和8年度 (2019 is 令和元年度). */
void date_add_fy_name(struct strbuf *sb, int fy);

/* Returns the Reiwa year number of a fiscal year (2026 -> 8). */
int date_reiwa(int year);

/*
 * Checks a 確認日 for 点検年度 fy: from 1 April of fy-1 to today. Returns 0,
 * or -1 with e naming the allowed range in 令和.
 */
int date_check_checked(const struct date *checked, int fy,
		       const struct date *today, struct err *e);

/*
 * The dates a 目標日 for 点検年度 fy may take: from the later of checked (may
 * be NULL or unset) and 1 April of fy, to 31 March at the end of fy. *lo is
 * after *hi when checked is after the fiscal year.
 */
void date_target_range(const struct date *checked, int fy, struct date *lo,
		       struct date *hi);

/*
 * Checks a 目標日 for 点検年度 fy: from the later of checked (may be unset)
 * and 1 April of fy, to 31 March at the end of fy. Returns 0, or -1 with e
 * naming the allowed range in 令和.
 */
int date_check_target(const struct date *target, const struct date *checked,
		      int fy, struct err *e);

/* Days from 1970-01-01 to d (d must be set and exist). */
long date_to_days(const struct date *d);

/* The date n days after d (before, for n < 0). d must be a real date. */
struct date date_add_days(const struct date *d, long n);

/* The default 確認日: today if today is inside fy, else unset. */
struct date date_default_checked(int fy, const struct date *today);

#endif

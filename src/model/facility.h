#ifndef IRY_FACILITY_H
#define IRY_FACILITY_H

#include <stdbool.h>

#include "content/content.h"
#include "util/err.h"

/* The clinic's own details, entered at 初回設定. */

enum facility_type {
	FACILITY_NONE = 0,
	FACILITY_HOSPITAL,    /* 病院 */
	FACILITY_CLINIC_BEDS, /* 有床診療所 */
	FACILITY_CLINIC,      /* 無床診療所 */
	FACILITY_DENTAL,      /* 歯科診療所 */
	FACILITY_PHARMACY,    /* 薬局 */
	FACILITY__COUNT
};

#define FACILITY_TEXT_MAX   60   /* characters of each text field */
#define FACILITY_FIRST_YEAR 2025 /* 令和7年度: the oldest edition we carry */
#define FACILITY_LAST_YEAR  9998 /* its 31 March is still a real date */

struct facility {
	char *name; /* 施設名; owned */
	enum facility_type type;
	char *manager; /* 管理者 */
	char *officer; /* 医療情報システム安全管理責任者 */
	char *checker; /* 点検した人 (who went through the checklist) */
	char *health_center; /* 管轄保健所 */
	int year;            /* current 点検年度 (fiscal year) */
	char edition[CONTENT_ID_MAX + 1]; /* edition chosen for year */
};

void facility_release(struct facility *f);
void facility_copy(struct facility *dst, const struct facility *src);

/* Sets an owned text field to a copy of s (NULL when s is ""). */
void facility_set_text(char **field, const char *s);

/* Returns f's text field or "" (never NULL). */
const char *facility_text(const char *field);

/* The stable key and the translated label of a facility type. */
const char *facility_type_key(enum facility_type t);
int facility_type_parse(const char *key, enum facility_type *out);
const char *facility_type_label(enum facility_type t);

/* True when 初回設定 is complete: a name, a type and a year. */
bool facility_complete(const struct facility *f);

/*
 * Checks a 点検年度: not before 令和7年度 (FACILITY_FIRST_YEAR) and not
 * after next year. Returns 0 or -1 with e set.
 */
int facility_check_year(int year, int this_fy, struct err *e);

#endif

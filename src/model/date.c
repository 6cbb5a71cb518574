#include "model/date.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"

/* 令和 began on 2019-05-01; its years are calendar years from 2019. */
#define REIWA_BASE 2018
static const struct date reiwa_start = {2019, 5, 1};

bool
date_is_set(const struct date *d)
{
	return d->y != 0;
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};

	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

bool
date_exists(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days_in_month(y, m);
}

int
date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

/*
 * Folds what people type into ASCII: full-width digits and letters, the
 * ideographic space, full-width signs; the era names and 年月日 become
 * 'R', '.', '.', '' so one grammar remains. Returns -1 on a character that
 * has no place in a date. out must hold at least 64 bytes.
 */
static int
normalise(const char *s, char *out, size_t outsz)
{
	/* Japanese words accepted in a date, and what they become. */
	static const struct {
		const char *word;
		const char *ascii;
	} words[] = {
		{"令和", "R"}, {"元", "1"}, {"年", "."},
		{"月", "."},   {"日", ""},
	};
	size_t len = strlen(s), i = 0, k = 0;

	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);
		size_t w;
		const char *rep = NULL;
		char one[2] = {0, 0};

		if (n <= 0)
			return -1;
		for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
			size_t wl = strlen(words[w].word);

			if (strncmp(s + i, words[w].word, wl) == 0) {
				rep = words[w].ascii;
				n = (int)wl;
				break;
			}
		}
		if (rep == NULL) {
			if (cp >= 0xFF01 && cp <= 0xFF5E)
				cp -= 0xFEE0; /* full-width ASCII */
			if (cp == 0x3000 || cp == ' ' || cp == '\t') {
				rep = "";
			} else if (cp < 0x80 &&
				   ((cp >= '0' && cp <= '9') || cp == '-' ||
				    cp == '/' || cp == '.' || cp == 'R' ||
				    cp == 'r')) {
				one[0] = (char)(cp == 'r' ? 'R' : cp);
				rep = one;
			} else {
				return -1;
			}
		}
		if (k + strlen(rep) + 1 > outsz)
			return -1;
		memcpy(out + k, rep, strlen(rep));
		k += strlen(rep);
		i += (size_t)n;
	}
	out[k] = '\0';
	return 0;
}

/* Reads 1..maxd digits at *p into *v; returns the count read. */
static int
digits(const char **p, int maxd, int *v)
{
	int n = 0;

	*v = 0;
	while (n < maxd && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

int
date_parse(const char *s, struct date *out, struct err *e)
{
	char buf[64];
	const char *p = buf;
	bool reiwa = false;
	int y, m, d, ny;
	struct date r;

	if (normalise(s, buf, sizeof(buf)) != 0 || buf[0] == '\0')
		goto bad;
	if (*p == 'R') {
		reiwa = true;
		p++;
	}
	ny = digits(&p, reiwa ? 2 : 8, &y);
	if (!reiwa && ny == 8 && *p == '\0') {
		m = (y / 100) % 100;
		d = y % 100;
		y /= 10000;
	} else {
		char sep = *p;

		if ((reiwa ? ny < 1 : ny != 4) ||
		    (sep != '-' && sep != '/' && sep != '.'))
			goto bad;
		p++;
		if (digits(&p, 2, &m) == 0 || *p != sep)
			goto bad;
		p++;
		if (digits(&p, 2, &d) == 0)
			goto bad;
		/* 2026年12月1日 folds to "2026.12.1" ; allow one trailing '.'
		 */
		if (*p == '.' && p[1] == '\0')
			p++;
		if (*p != '\0')
			goto bad;
	}
	if (reiwa) {
		if (y < 1)
			goto bad;
		y += REIWA_BASE;
	}
	if (!date_exists(y, m, d))
		return err_set(e, ERR_INPUT,
			       _("%d-%02d-%02d does not exist on the calendar"),
			       y, m, d);
	r.y = y;
	r.m = m;
	r.d = d;
	if (reiwa && date_cmp(&r, &reiwa_start) < 0)
		return err_set(
			e, ERR_INPUT,
			_("Reiwa began on 1 May 2019; enter an earlier date in Western years"));
	*out = r;
	return 0;
bad:
	return err_set(
		e, ERR_INPUT,
		_("'%s' is not a date; enter it like 2026-12-01 or R8.12.1"),
		s);
}

void
date_iso(const struct date *d, char *out)
{
	if (!date_is_set(d)) {
		out[0] = '\0';
		return;
	}
	/* Fields of a set date are in range (date_exists), so 10 bytes. */
	out[0] = (char)('0' + d->y / 1000 % 10);
	out[1] = (char)('0' + d->y / 100 % 10);
	out[2] = (char)('0' + d->y / 10 % 10);
	out[3] = (char)('0' + d->y % 10);
	out[4] = '-';
	out[5] = (char)('0' + d->m / 10 % 10);
	out[6] = (char)('0' + d->m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d->d / 10 % 10);
	out[9] = (char)('0' + d->d % 10);
	out[10] = '\0';
}

int
date_reiwa(int year)
{
	return year - REIWA_BASE;
}

void
date_add_wareki(struct strbuf *sb, const struct date *d)
{
	if (!date_is_set(d))
		return;
	if (date_cmp(d, &reiwa_start) < 0) {
		/* TRANSLATORS: a date in Western years: year, month, day. */
		strbuf_addf(sb, _("%d-%d-%d (western)"), d->y, d->m, d->d);
		return;
	}
	if (d->y == 2019)
		/* TRANSLATORS: a date in the first year of Reiwa: month, day.
		 */
		strbuf_addf(sb, _("Reiwa 1-%d-%d"), d->m, d->d);
	else
		/* TRANSLATORS: a date in Reiwa: era year, month, day. */
		strbuf_addf(sb, _("Reiwa %d-%d-%d"), date_reiwa(d->y), d->m,
			    d->d);
}

void
date_add_both(struct strbuf *sb, const struct date *d)
{
	char iso[11];

	if (!date_is_set(d))
		return;
	date_iso(d, iso);
	strbuf_addstr(sb, iso);
	/* TRANSLATORS: opening bracket before the Reiwa form of a date. */
	strbuf_addstr(sb, _(" ("));
	date_add_wareki(sb, d);
	/* TRANSLATORS: closing bracket after the Reiwa form of a date. */
	strbuf_addstr(sb, _(")"));
}

int
date_fiscal_year(const struct date *d)
{
	return d->m >= 4 ? d->y : d->y - 1;
}

struct date
date_fy_start(int fy)
{
	struct date d = {fy, 4, 1};

	return d;
}

struct date
date_fy_end(int fy)
{
	struct date d = {fy + 1, 3, 31};

	return d;
}

void
date_add_fy_name(struct strbuf *sb, int fy)
{
	if (fy < 2019) {
		/* TRANSLATORS: a fiscal year before Reiwa, Western year. */
		strbuf_addf(sb, _("FY%d"), fy);
	} else if (fy == 2019) {
		strbuf_addstr(sb, _("Reiwa 1 fiscal year"));
	} else {
		/* TRANSLATORS: a fiscal year in Reiwa: 令和%d年度. */
		strbuf_addf(sb, _("Reiwa %d fiscal year"), date_reiwa(fy));
	}
}

/* Fills e with why (already written), then "enter a date from A to B" in
 * 令和. Returns -1. */
static int
range_error(struct err *e, struct strbuf *why, const struct date *lo,
	    const struct date *hi)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, a2 = STRBUF_INIT;

	date_add_wareki(&a, lo);
	date_add_wareki(&b, hi);
	strbuf_addf(&a2, _("enter a date from %s to %s"), a.buf, b.buf);
	/* TRANSLATORS: what to enter, then the reason in brackets */
	err_set(e, ERR_INPUT, _("%s (%s)"), a2.buf, why->buf);
	strbuf_release(&a2);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(why);
	return -1;
}

int
date_check_checked(const struct date *checked, int fy, const struct date *today,
		   struct err *e)
{
	struct date lo = date_fy_start(fy - 1);

	if (date_cmp(checked, &lo) < 0 || date_cmp(checked, today) > 0) {
		if (date_cmp(today, &lo) < 0)
			return err_set(
				e, ERR_INPUT,
				_("the check date cannot be set: today is before the fiscal year"));
		{
			struct strbuf why = STRBUF_INIT, y = STRBUF_INIT;

			date_add_fy_name(&y, fy);
			strbuf_addf(
				&why,
				_("the check date is from 1 April of the year before %s up to today"),
				y.buf);
			strbuf_release(&y);
			return range_error(e, &why, &lo, today);
		}
	}
	return 0;
}

void
date_target_range(const struct date *checked, int fy, struct date *lo,
		  struct date *hi)
{
	*lo = date_fy_start(fy);
	*hi = date_fy_end(fy);
	if (checked != NULL && date_is_set(checked) && date_cmp(checked, lo) > 0)
		*lo = *checked;
}

int
date_check_target(const struct date *target, const struct date *checked, int fy,
		  struct err *e)
{
	struct date lo, hi;

	date_target_range(checked, fy, &lo, &hi);
	if (date_cmp(&lo, &hi) > 0)
		return err_set(
			e, ERR_INPUT,
			_("the check date is after the end of the fiscal year, so no target date fits"));
	if (date_cmp(target, &lo) < 0 || date_cmp(target, &hi) > 0) {
		struct strbuf why = STRBUF_INIT, y = STRBUF_INIT;

		date_add_fy_name(&y, fy);
		strbuf_addf(
			&why,
			_("the target date is in the fiscal year being checked (%s), on or after the check date"),
			y.buf);
		strbuf_release(&y);
		return range_error(e, &why, &lo, &hi);
	}
	return 0;
}

struct date
date_default_checked(int fy, const struct date *today)
{
	struct date none = DATE_NONE;

	if (date_fiscal_year(today) == fy)
		return *today;
	return none;
}

long
date_to_days(const struct date *d)
{
	/* Howard Hinnant's days_from_civil, proleptic Gregorian. */
	long y = d->m <= 2 ? d->y - 1 : d->y;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d->m + (d->m > 2 ? -3 : 9)) + 2) / 5 + d->d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_add_days(const struct date *d, long n)
{
	/* Howard Hinnant's civil_from_days */
	long z = date_to_days(d) + n + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date r;

	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

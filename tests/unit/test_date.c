/* Date parsing and the fiscal-year rules of docs/decisions.md (Dates). */
#include <locale.h>

#include "check.h"
#include "model/date.h"
#include "util/strbuf.h"

static struct date
mk(int y, int m, int d)
{
	struct date r = {y, m, d};

	return r;
}

/* Parses s and returns "YYYY-MM-DD", or "ERR". */
static const char *
parse(const char *s)
{
	static char out[11];
	struct date d = DATE_NONE;
	struct err e = ERR_INIT;

	if (date_parse(s, &d, &e) != 0) {
		check_true(e.msg[0] != '\0');
		return "ERR";
	}
	date_iso(&d, out);
	return out;
}

static void
test_parse(void)
{
	check_str(parse("2026-12-01"), "2026-12-01");
	check_str(parse("2026/12/1"), "2026-12-01");
	check_str(parse("2026.12.1"), "2026-12-01");
	check_str(parse("20261201"), "2026-12-01");
	check_str(parse("R8.12.1"), "2026-12-01");
	check_str(parse("r8/12/01"), "2026-12-01");
	check_str(parse("R8-2-1"), "2026-02-01"); /* calendar year, not FY */
	check_str(parse("令和8年12月1日"), "2026-12-01");
	check_str(parse("令和元年5月1日"), "2019-05-01");
	check_str(parse("2026年12月1日"), "2026-12-01");
	check_str(parse("２０２６－１２－０１"), "2026-12-01"); /* full width */
	check_str(parse("Ｒ８．１２．１"), "2026-12-01");
	check_str(parse(" 2026-12-01 "), "2026-12-01");
	check_str(parse("2028-02-29"), "2028-02-29"); /* leap year */
	check_str(parse("2026-02-29"), "ERR");        /* not a leap year */
	check_str(parse("2100-02-29"), "ERR");        /* century rule */
	check_str(parse("2000-02-29"), "2000-02-29");
	check_str(parse("2026-04-31"), "ERR");
	check_str(parse("2026-13-01"), "ERR");
	check_str(parse("2026-00-10"), "ERR");
	check_str(parse("R1.4.30"), "ERR"); /* before 令和 began */
	check_str(parse("R0.5.1"), "ERR");
	check_str(parse("2026-12"), "ERR");
	check_str(parse("2026-12/01"), "ERR");
	check_str(parse("tomorrow"), "ERR");
	check_str(parse(""), "ERR");
	check_str(parse("2026-12-01x"), "ERR");
	check_str(parse("202612011"), "ERR");
	check_str(parse("H31.4.1"), "ERR");
}

static void
test_wareki(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct date d = mk(2026, 12, 1);

	/* Without a catalog the msgid shows; the numbers are what we test. */
	date_add_wareki(&sb, &d);
	check_str(sb.buf, "Reiwa 8-12-1");
	strbuf_reset(&sb);
	d = mk(2019, 5, 1);
	date_add_wareki(&sb, &d);
	check_str(sb.buf, "Reiwa 1-5-1");
	strbuf_reset(&sb);
	d = mk(2019, 4, 30);
	date_add_wareki(&sb, &d);
	check_str(sb.buf, "2019-4-30 (western)");
	strbuf_reset(&sb);
	date_add_fy_name(&sb, 2026);
	check_str(sb.buf, "Reiwa 8 fiscal year");
	strbuf_reset(&sb);
	date_add_fy_name(&sb, 2019);
	check_str(sb.buf, "Reiwa 1 fiscal year");
	strbuf_release(&sb);
}

static void
test_fiscal(void)
{
	struct date d = mk(2026, 3, 31);

	check_int(date_fiscal_year(&d), 2025);
	d = mk(2026, 4, 1);
	check_int(date_fiscal_year(&d), 2026);
	d = mk(2027, 3, 31);
	check_int(date_fiscal_year(&d), 2026);
	check_int(date_reiwa(2026), 8);
}

static void
test_checked(void)
{
	struct date today = mk(2026, 11, 25);
	struct err e = ERR_INIT;
	struct date d;

	/* from 1 April of the year before the 点検年度 up to today */
	d = mk(2025, 4, 1);
	check_int(date_check_checked(&d, 2026, &today, &e), 0);
	d = mk(2025, 3, 31);
	check_int(date_check_checked(&d, 2026, &today, &e), -1);
	check_int(e.code, ERR_INPUT);
	d = today;
	check_int(date_check_checked(&d, 2026, &today, &e), 0);
	d = mk(2026, 11, 26);
	check_int(date_check_checked(&d, 2026, &today, &e), -1);
	d = date_default_checked(2026, &today);
	check_int(date_cmp(&d, &today), 0);
	d = date_default_checked(2025, &today);
	check_true(!date_is_set(&d)); /* last year's paper answers */
}

static void
test_target(void)
{
	struct err e = ERR_INIT;
	struct date checked = mk(2026, 11, 25), t;

	t = mk(2027, 3, 31);
	check_int(date_check_target(&t, &checked, 2026, &e), 0);
	t = mk(2027, 4, 1);
	check_int(date_check_target(&t, &checked, 2026, &e), -1);
	t = mk(2026, 11, 24); /* before the check date */
	check_int(date_check_target(&t, &checked, 2026, &e), -1);
	t = mk(2026, 11, 25);
	check_int(date_check_target(&t, &checked, 2026, &e), 0);
	t = mk(2026, 4, 1); /* without a check date the year starts it */
	check_int(date_check_target(&t, NULL, 2026, &e), 0);
	t = mk(2026, 3, 31);
	check_int(date_check_target(&t, NULL, 2026, &e), -1);
	check_str(e.msg, "enter a date from Reiwa 8-4-1 to Reiwa 9-3-31 (the target date is in the fiscal year being checked (Reiwa 8 fiscal year), on or after the check date)");
	checked = mk(2025, 6, 1); /* last year's check: the year still starts */
	t = mk(2026, 4, 1);
	check_int(date_check_target(&t, &checked, 2026, &e), 0);
}

/* The range the screen shows is the range the check applies. */
static void
test_target_range(void)
{
	struct date checked = mk(2026, 11, 25), lo, hi;

	date_target_range(&checked, 2026, &lo, &hi);
	check_true(date_cmp(&lo, &checked) == 0);
	check_int(hi.y * 10000 + hi.m * 100 + hi.d, 20270331);
	date_target_range(NULL, 2026, &lo, &hi);
	check_int(lo.y * 10000 + lo.m * 100 + lo.d, 20260401);
	checked = mk(2025, 6, 1);
	date_target_range(&checked, 2026, &lo, &hi);
	check_int(lo.y * 10000 + lo.m * 100 + lo.d, 20260401);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_parse();
	test_wareki();
	test_fiscal();
	test_checked();
	test_target();
	test_target_range();
	return check_done("test_date");
}

/*
 * Counting many clinics (src/agg/): answers per edition, item and cell,
 * the gaps, devices with known exploited flaws, vendors by name, the
 * 保守委託機関編 judgements, a file that cannot be read, and clinic names
 * only with names set.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg/agg.h"
#include "check.h"
#include "content_fixture.h"
#include "fixture.h"
#include "util/strbuf.h"

static struct content c;
static const struct date today = {2026, 11, 25};

/* One clinic: the first item's answer v, one vendor, one device. */
static void
clinic(struct year_data *y, const char *name, enum answer_value v,
       const char *vendor, const char *fw)
{
	struct answer a;
	struct vendor ve;
	struct connection k = fixture_good_connection(1);

	memset(y, 0, sizeof(*y));
	y->content = &c;
	facility_set_text(&y->facility.name, name);
	y->facility.year = 2026;
	y->edition = content_edition_find(&c, "r8");
	memset(&a, 0, sizeof(a));
	a.year = 2026;
	strcpy(a.item_id, y->edition->items[1].id);
	a.cell = y->edition->items[1].cells[0];
	a.value = v;
	answer_set_put(&y->answers, &a);
	memset(&ve, 0, sizeof(ve));
	ve.id = 7;
	vendor_set_text(&ve.name, vendor);
	vendor_list_add(&y->vendors, &ve);
	vendor_release(&ve);
	free(k.version);
	k.version = strdup(fw);
	connection_list_put(&y->connections, &k);
	connection_release(&k);
	year_data_refresh_findings(y, &today);
	year_data_refresh_judgement(y);
	year_data_refresh_gaps(y);
}

static size_t
count(const struct agg *a, size_t item, enum answer_value v)
{
	const struct agg_edition *ae = NULL;
	size_t i;

	for (i = 0; i < a->neds; i++)
		if (strcmp(a->eds[i].ed->id, "r8") == 0)
			ae = &a->eds[i];
	return ae->counts[(item * CELL__COUNT + ae->ed->items[item].cells[0]) *
				  AGG_VALUES +
			  v];
}

static void
test_counts(bool names)
{
	struct agg a;
	struct year_data y;
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;
	char *missing = fixture_path("no-such-clinic.db");
	size_t i;

	agg_init(&a, &c, names);
	clinic(&y, "やまびこ医院", ANSWER_YES, "株式会社A", "6.0.4");
	agg_add_year(&a, &y, "yamabiko.db");
	year_data_release(&y);
	clinic(&y, "さくら診療所", ANSWER_NO, "株式会社A", "7.6.6");
	agg_add_year(&a, &y, "sakura.db");
	year_data_release(&y);
	clinic(&y, "かえでクリニック", ANSWER_UNKNOWN, "株式会社B", "6.0.4");
	agg_add_year(&a, &y, "kaede.json");
	year_data_release(&y);
	check_int(agg_add_file(&a, missing, &today, &e), -1);

	check_int((int)a.files, 4);
	check_int((int)a.read, 3);
	check_int((int)a.nskipped, 1);
	check_int((int)a.skipped[0].number, 4);
	check_int((int)count(&a, 1, ANSWER_YES), 1);
	check_int((int)count(&a, 1, ANSWER_NO), 1);
	check_int((int)count(&a, 1, ANSWER_UNKNOWN), 1);
	check_int((int)count(&a, 1, ANSWER_NONE), 0);
	check_int((int)count(&a, 2, ANSWER_NONE), 3);
	/* two clinics on 6.0.4 (one device each), none on 7.6.6 */
	check_int((int)a.devices.n, 1);
	check_int((int)a.devices.v[0].count, 2);
	check_int((int)a.devices.v[0].clinics, 2);
	check_str(a.devices.v[0].k[2], "6.0.4");
	check_int((int)a.vulnerable, 2);
	/* vendors by name: A twice, B once */
	check_int((int)a.vendors.n, 2);
	for (i = 0; i < a.vendors.n; i++)
		check_int((int)a.vendors.v[i].count,
			  strcmp(a.vendors.v[i].k[0], "株式会社A") == 0 ? 2 : 1);
	check_int((int)(a.hoshu[0] + a.hoshu[1] + a.hoshu[2] + a.hoshu[3]), 3);

	agg_csv(&a, AGG_CSV_ITEMS, &sb);
	check_true(strncmp(sb.buf, "\xEF\xBB\xBF", 3) == 0);
	check_true(strstr(sb.buf, "\r\n") != NULL);
	check_true(strstr(sb.buf, c.editions[0].name) != NULL ||
		   strstr(sb.buf, content_edition_find(&c, "r8")->name) != NULL);
	strbuf_reset(&sb);
	agg_csv(&a, AGG_CSV_FILES, &sb);
	check_true((strstr(sb.buf, "さくら診療所") != NULL) == names);
	check_true((strstr(sb.buf, "no-such-clinic") != NULL) == names);
	strbuf_reset(&sb);
	agg_csv(&a, AGG_CSV_VENDORS, &sb);
	check_true(strstr(sb.buf, "\"株式会社A\",\"2\"") != NULL);
	strbuf_reset(&sb);
	for (i = 0; i < AGG__CSV; i++)
		agg_csv(&a, (enum agg_csv)i, &sb);
	check_true(names || strstr(sb.buf, "やまびこ") == NULL);
	strbuf_release(&sb);
	err_clear(&e);
	agg_release(&a);
	free(missing);
}

/* Clinics on different editions are counted per edition. */
static void
test_editions(void)
{
	struct agg a;
	struct year_data y;
	struct strbuf sb = STRBUF_INIT;
	const struct edition *r7 = content_edition_find(&c, "r7");
	size_t i, r7_clinics = 0, r8_clinics = 0;

	check_true(r7 != NULL);
	agg_init(&a, &c, false);
	clinic(&y, "やまびこ医院", ANSWER_YES, "株式会社A", "6.0.4");
	agg_add_year(&a, &y, "a.db");
	year_data_release(&y);
	clinic(&y, "さくら診療所", ANSWER_NO, "株式会社A", "6.0.4");
	y.edition = r7;
	y.facility.year = 2025;
	year_data_refresh_gaps(&y);
	agg_add_year(&a, &y, "b.db");
	year_data_release(&y);
	for (i = 0; i < a.neds; i++) {
		if (strcmp(a.eds[i].ed->id, "r7") == 0)
			r7_clinics = a.eds[i].clinics;
		if (strcmp(a.eds[i].ed->id, "r8") == 0)
			r8_clinics = a.eds[i].clinics;
	}
	check_int((int)r7_clinics, 1);
	check_int((int)r8_clinics, 1);
	check_int((int)count(&a, 1, ANSWER_YES), 1);
	check_int((int)count(&a, 1, ANSWER_NO), 0);
	agg_csv(&a, AGG_CSV_ITEMS, &sb);
	check_true(strstr(sb.buf, r7->name) != NULL);
	check_true(strstr(sb.buf, content_edition_find(&c, "r8")->name) !=
		   NULL);
	strbuf_release(&sb);
	agg_release(&a);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_init() != 0 || fixture_content_load(&c) != 0)
		return 1;
	check_int(fixture_catalog_init(), 0);
	test_counts(false);
	test_counts(true);
	test_editions();
	content_release(&c);
	fixture_done();
	return check_done("test_agg");
}

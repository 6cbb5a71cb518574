#include "job/year.h"

#include <string.h>

#include "util/i18n.h"

/* The edition of the facility's 点検年度: the one saved with the year,
 * else the newest that fits it; NULL when none does. */
static const struct edition *
pick_edition(const struct year_data *y)
{
	const struct edition *ed = NULL;

	if (y->facility.edition[0] != '\0')
		ed = content_edition_find(y->content, y->facility.edition);
	if (ed == NULL)
		ed = content_edition_for_year(y->content, y->facility.year);
	return ed;
}

int
year_data_load(struct year_data *y, struct store *st, const struct content *c,
	       const struct date *today, unsigned flags, struct err *e)
{
	return year_data_load_cached(y, st, c, today, flags, NULL, e);
}

int
year_data_load_cached(struct year_data *y, struct store *st,
		      const struct content *c, const struct date *today,
		      unsigned flags, struct remote_flaws *flaws,
		      struct err *e)
{
	memset(y, 0, sizeof(*y));
	y->content = c;
	y->flaws = flaws;
	y->today = *today;
	if (store_facility_load(st, &y->facility, e) != 0)
		return -1;
	if (flags & YEAR_DATA_SETUP) {
		if (!facility_complete(&y->facility))
			return err_set(
				e, ERR_INPUT, "%s",
				_("the first-time setup has not been done yet; start iryosec without a command and enter your facility's details"));
		if (pick_edition(y) == NULL)
			return err_set(
				e, ERR_CONTENT, "%s",
				_("no checklist edition fits the fiscal year"));
	}
	if (store_vendors_load(st, &y->vendors, e) != 0 ||
	    (!(flags & YEAR_DATA_NO_CONTACTS) &&
	     store_contacts_load(st, &y->contacts, e) != 0) ||
	    store_connections_load(st, &y->connections, e) != 0 ||
	    store_servers_load(st, &y->servers, e) != 0)
		return -1;
	year_data_refresh_findings(y, today);
	if (facility_complete(&y->facility))
		return year_data_load_year(y, st, flags, e);
	return 0;
}

int
year_data_load_year(struct year_data *y, struct store *st, unsigned flags,
		    struct err *e)
{
	int year = y->facility.year;

	/* the gaps point at the answers about to be replaced */
	y->gaps.n = 0;
	memset(&y->progress, 0, sizeof(y->progress));
	y->compare.n = 0;
	y->compare.has_prev = false;
	y->edition = pick_edition(y);
	if (store_answers_load(st, year, &y->answers, e) != 0)
		return -1;
	/* Last year's answers are offered, never copied (docs/decisions.md,
	 * Dates). */
	if (flags & YEAR_DATA_PREVIOUS) {
		switch (store_year_edition(st, year - 1, y->prev_edition, e)) {
		case -1:
			return -1;
		case 0: {
			const struct edition *p =
				content_edition_for_year(y->content, year - 1);

			strcpy(y->prev_edition, p != NULL ? p->id : "");
			break;
		}
		default:
			break;
		}
		if (store_answers_load(st, year - 1, &y->prev_answers, e) != 0)
			return -1;
	} else {
		answer_set_release(&y->prev_answers);
		y->prev_edition[0] = '\0';
	}
	if (store_vanswers_load(st, year, &y->vanswers, e) != 0)
		return -1;
	year_data_refresh_judgement(y);
	year_data_refresh_gaps(y);
	return 0;
}

void
year_data_answer_put(struct year_data *y, const struct answer *a)
{
	answer_set_put(&y->answers, a);
	year_data_refresh_gaps(y);
	year_data_refresh_judgement(y);
}

void
year_data_refresh_findings(struct year_data *y, const struct date *today)
{
	remote_findings_cached(y->content, &y->connections, today, y->flaws,
			       &y->findings);
}

void
year_data_refresh_judgement(struct year_data *y)
{
	hoshu_judge(y->content,
		    answer_set_find(&y->answers, HOSHU_STAFF_ID, CELL_ALL),
		    &y->servers, &y->vendors, &y->vanswers, &y->judgement);
}

void
year_data_refresh_gaps(struct year_data *y)
{
	if (y->edition == NULL) {
		y->gaps.n = 0;
		memset(&y->progress, 0, sizeof(y->progress));
		compare_years(NULL, NULL, NULL, NULL, NULL, &y->compare);
		return;
	}
	gap_compute(y->edition, &y->answers, &y->gaps, &y->progress);
	compare_years(y->edition, &y->answers, y->prev_edition,
		      &y->prev_answers, &y->today, &y->compare);
}

void
year_data_request_ctx(const struct year_data *y, struct request_ctx *x)
{
	memset(x, 0, sizeof(*x));
	x->content = y->content;
	x->edition = y->edition;
	x->vanswers = &y->vanswers;
	x->answers = &y->answers;
	x->connections = &y->connections;
	x->findings = &y->findings;
	x->servers = &y->servers;
}

void
year_data_report_input(const struct year_data *y, struct report_input *in)
{
	memset(in, 0, sizeof(*in));
	in->content = y->content;
	in->facility = &y->facility;
	in->edition = y->edition;
	in->answers = &y->answers;
	in->gaps = &y->gaps;
	in->progress = &y->progress;
	in->vendors = &y->vendors;
	in->vanswers = &y->vanswers;
	in->contacts = &y->contacts;
	in->connections = &y->connections;
	in->findings = &y->findings;
	in->servers = &y->servers;
	in->hoshu = &y->judgement;
	in->compare = &y->compare;
}

void
year_data_release(struct year_data *y)
{
	facility_release(&y->facility);
	answer_set_release(&y->answers);
	answer_set_release(&y->prev_answers);
	vendor_list_release(&y->vendors);
	vanswer_set_release(&y->vanswers);
	contact_list_release(&y->contacts);
	finding_list_release(&y->findings);
	connection_list_release(&y->connections);
	server_list_release(&y->servers);
	hoshu_judgement_release(&y->judgement);
	gap_list_release(&y->gaps);
	compare_release(&y->compare);
	memset(y, 0, sizeof(*y));
}

/* The whole data file as plain records: read from the store, freed. */
#include "xfer/xfer.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void
xfer_data_release(struct xfer_data *d)
{
	size_t i;

	facility_release(&d->facility);
	for (i = 0; i < d->nyears; i++) {
		answer_set_release(&d->years[i].answers);
		vanswer_set_release(&d->years[i].vanswers);
	}
	free(d->years);
	vendor_list_release(&d->vendors);
	connection_list_release(&d->connections);
	server_list_release(&d->servers);
	contact_list_release(&d->contacts);
	memset(d, 0, sizeof(*d));
}

/* True when any field of 初回設定 holds something. */
static bool
facility_saved(const struct facility *f)
{
	return f->name != NULL || f->type != FACILITY_NONE ||
	       f->manager != NULL || f->officer != NULL || f->checker != NULL ||
	       f->health_center != NULL || f->year != 0;
}

static int
contact_cmp(const void *a, const void *b)
{
	return strcmp(((const struct contact *)a)->role,
		      ((const struct contact *)b)->role);
}

int
xfer_data_load(struct xfer_data *d, struct store *st, struct err *e)
{
	struct store_year *ys = NULL;
	size_t n = 0, i;

	xfer_data_release(d);
	if (store_facility_load(st, &d->facility, e) != 0 ||
	    store_years_list(st, &ys, &n, e) != 0)
		return -1;
	d->has_facility = facility_saved(&d->facility);
	d->years = xcalloc(n ? n : 1, sizeof(*d->years));
	d->nyears = n;
	for (i = 0; i < n; i++) {
		struct xfer_year *y = &d->years[i];

		y->year = ys[i].year;
		strcpy(y->edition, ys[i].edition);
		if (store_answers_load(st, y->year, &y->answers, e) != 0 ||
		    store_vanswers_load(st, y->year, &y->vanswers, e) != 0) {
			free(ys);
			return -1;
		}
	}
	free(ys);
	if (store_vendors_load(st, &d->vendors, e) != 0 ||
	    store_connections_load(st, &d->connections, e) != 0 ||
	    store_servers_load(st, &d->servers, e) != 0 ||
	    store_contacts_load(st, &d->contacts, e) != 0)
		return -1;
	if (d->contacts.n > 1)
		qsort(d->contacts.v, d->contacts.n, sizeof(*d->contacts.v),
		      contact_cmp);
	return 0;
}

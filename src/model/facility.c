#include "model/facility.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

void
facility_release(struct facility *f)
{
	free(f->name);
	free(f->manager);
	free(f->officer);
	free(f->checker);
	free(f->health_center);
	memset(f, 0, sizeof(*f));
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
facility_copy(struct facility *dst, const struct facility *src)
{
	*dst = *src;
	dst->name = dup_or_null(src->name);
	dst->manager = dup_or_null(src->manager);
	dst->officer = dup_or_null(src->officer);
	dst->checker = dup_or_null(src->checker);
	dst->health_center = dup_or_null(src->health_center);
}

void
facility_set_text(char **field, const char *s)
{
	free(*field);
	*field = (s != NULL && s[0] != '\0') ? xstrdup(s) : NULL;
}

const char *
facility_text(const char *field)
{
	return field != NULL ? field : "";
}

/* Stable keys stored in the data file; never translated. */
static const char *const type_keys[] = {
	"", "hospital", "clinic-beds", "clinic", "dental", "pharmacy",
};

const char *
facility_type_key(enum facility_type t)
{
	if ((size_t)t >= FACILITY__COUNT)
		BUG("bad facility type %d", (int)t);
	return type_keys[t];
}

int
facility_type_parse(const char *key, enum facility_type *out)
{
	size_t i;

	for (i = 0; i < FACILITY__COUNT; i++) {
		if (strcmp(key, type_keys[i]) == 0) {
			*out = (enum facility_type)i;
			return 0;
		}
	}
	return -1;
}

const char *
facility_type_label(enum facility_type t)
{
	switch (t) {
	case FACILITY_HOSPITAL:
		return _("Hospital");
	case FACILITY_CLINIC_BEDS:
		return _("Clinic with beds");
	case FACILITY_CLINIC:
		return _("Clinic without beds");
	case FACILITY_DENTAL:
		return _("Dental clinic");
	case FACILITY_PHARMACY:
		return _("Pharmacy");
	case FACILITY_NONE:
	case FACILITY__COUNT:
		break;
	}
	return _("Not set");
}

bool
facility_complete(const struct facility *f)
{
	return f->name != NULL && f->type != FACILITY_NONE && f->year != 0 &&
	       f->edition[0] != '\0';
}

int
facility_check_year(int year, int this_fy, struct err *e)
{
	if (year < FACILITY_FIRST_YEAR)
		return err_set(
			e, ERR_INPUT,
			_("fiscal years before Reiwa 7 are not supported"));
	if (year > this_fy + 1)
		return err_set(e, ERR_INPUT,
			       _("the fiscal year is too far in the future"));
	return 0;
}

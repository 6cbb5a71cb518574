#ifndef IRY_CONTACT_H
#define IRY_CONTACT_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/facility.h"
#include "util/err.h"

/*
 * The contact chart (連絡体制図, checklist 3-①): who is called in an
 * incident, one entry per role of common/contacts.yaml. Vendors come from
 * the vendor register and are not stored here.
 */

#define CONTACT_TEXT_MAX 60

struct contact {
	char role[CONTENT_ID_MAX + 1]; /* role id from contacts.yaml */
	char *name;  /* person or organisation; owned, NULL when empty */
	char *phone; /* phone number(s) */
	char *note;  /* email, hours, how to reach */
};

struct contact_list {
	struct contact *v;
	size_t n, alloc;
};

#define CONTACT_LIST_INIT                                                      \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void contact_release(struct contact *ct);
void contact_copy(struct contact *dst, const struct contact *src);
void contact_list_release(struct contact_list *l);
const struct contact *contact_find(const struct contact_list *l,
				   const char *role);
void contact_put(struct contact_list *l, const struct contact *ct);

/* Sets an owned text field to a copy of s (NULL when s is ""). */
void contact_set_text(char **field, const char *s);

/* Checks lengths; returns 0 or -1 with e set. */
int contact_check(const struct contact *ct, struct err *e);

/* True when the entry has a name or a phone number. */
bool contact_filled(const struct contact *ct);

/*
 * Three roles name what 初回設定 already holds: "administrator" the
 * 管理者 (facility.manager), "safety-officer" the 安全管理責任者
 * (facility.officer), "health-center" the 保健所 (facility.health_center).
 * The chart keeps no copy: a role whose entry has no name of its own shows
 * the facility's, so a change at 初回設定 shows in the chart, until the
 * user types another name there.
 *
 * The facility's text for role, or NULL when the role is not one of the
 * three, f is NULL or the field is empty. Borrowed from f.
 */
const char *contact_setup_name(const struct facility *f, const char *role);

/* One role of the chart as shown on screen and in the PDF. */
struct contact_view {
	const char *name; /* own name, else 初回設定's; NULL when neither */
	const char *phone; /* the entry's; NULL when empty */
	const char *note;  /* the entry's; NULL when empty */
	bool from_setup;   /* name is 初回設定's */
};

/*
 * Fills v for role from its entry in l (there may be none) and from f
 * (may be NULL). The texts are borrowed from l and f and valid until
 * either changes. Returns true when the role is filled in: it has a name
 * (its own or 初回設定's) or a phone number.
 */
bool contact_view(const struct contact_list *l, const struct facility *f,
		  const char *role, struct contact_view *v);

/*
 * Sets ct's own name to a copy of s, or to NULL when s is empty or the
 * same as 初回設定's name for ct's role: then the chart follows 初回設定.
 */
void contact_set_name(struct contact *ct, const char *s,
		      const struct facility *f);

#endif

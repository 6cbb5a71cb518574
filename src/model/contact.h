#ifndef IRY_CONTACT_H
#define IRY_CONTACT_H

#include <stddef.h>

#include "content/content.h"
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

#endif

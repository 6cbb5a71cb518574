#ifndef IRY_CONTENT_LOAD_H
#define IRY_CONTENT_LOAD_H

#include "content/content.h"
#include "content/ydoc.h"

/* Internal to the content module: the parts of an edition folder. */

/*
 * Loads dir/file (the vendors' form) into ed. Returns 0 or -1 with e set
 * to file:line:col: message. What was read stays in ed on failure and is
 * freed by content_edition_release().
 */
int content_load_vendor(struct edition *ed, const char *dir, const char *file,
			struct err *e);

/*
 * Loads dir/file (mapping to the previous edition) into ed, checking that
 * it names every item of ed exactly once. The items of the previous
 * edition are checked later, by content_check().
 */
int content_load_mapping(struct edition *ed, const char *dir, const char *file,
			 struct err *e);

/*
 * Loads the common/ folder dir: glossary.yaml, vendors.yaml and
 * contacts.yaml, into c. On failure c holds none of them and e says
 * file:line:col: message.
 */
int content_load_common(struct content *c, const char *dir, struct err *e);

/* Frees what content_load_common() put in c. */
void content_common_release(struct content *c);

/* Loads dir/conflicts.yaml (missing: no rules) into c; after remote. */
int content_load_conflicts(struct content *c, const char *dir, struct err *e);
void content_conflicts_release(struct content *c);

/* Loads dir/priority.yaml (levels, checklist gap levels) into c. */
int content_load_priority(struct content *c, const char *dir, struct err *e);
void content_priority_release(struct content *c);

/* Loads dir/hoshu.yaml (保守委託機関編) into c->hoshu. */
int content_load_hoshu(struct content *c, const char *dir, struct err *e);
void content_hoshu_release(struct content *c);

/* Loads dir/remote.yaml (line types, risk rules) into c. */
int content_load_remote(struct content *c, const char *dir, struct err *e);
void content_remote_release(struct content *c);

/*
 * Loads every *.yaml of the vulns/ folder dir into c->makers. On failure
 * c holds none of them.
 */
int content_load_vulns(struct content *c, const char *dir, struct err *e);
void content_vulns_release(struct content *c);

/* Frees the vendor form and the mapping of ed. */
void content_extra_release(struct edition *ed);

#endif

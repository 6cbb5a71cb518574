#ifndef IRY_XFER_INTERNAL_H
#define IRY_XFER_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/attr.h"
#include "xfer/xfer.h"

/* Shared by the files of the xfer module; not for other modules. */

/* One step of a path into a JSON document: a member or an element. */
struct xfer_step {
	const char *key; /* the member's name; NULL: an array element */
	size_t index;    /* the element's index when key is NULL */
};

/*
 * The line (1-based) on which the value at path (n steps) starts in text
 * (len bytes, a JSON text jansson accepted; a leading byte order mark is
 * skipped). Where a step is not there (a missing member), the line of the
 * last value found: the object that lacks it.
 */
int xfer_locate(const char *text, size_t len, const struct xfer_step *path,
		size_t n);

#define XFER_DEPTH_MAX 8 /* the deepest path of the format is 5 steps */

/* The state of reading one import file (import.c, reader.c). */
struct xfer_reader {
	const char *text; /* the file, for the line of a field */
	size_t len;
	const char *name; /* the file's name, for messages */
	struct xfer_step path[XFER_DEPTH_MAX]; /* the field being read */
	size_t depth;
	const struct content *c;
	const struct date *today;
	struct xfer_data *d; /* what is read so far */
	struct err *e;
	bool reader; /* read for counting (aggregate): no import tail */
};

/* The path of the field being read: push a member or an element, pop. */
void xfer_rd_push_key(struct xfer_reader *r, const char *key);
void xfer_rd_push_index(struct xfer_reader *r, size_t i);
void xfer_rd_pop(struct xfer_reader *r);

/*
 * Refuses the file: "FILE: line N, field PATH: reason" (ERR_INPUT in
 * r->e), PATH being what was pushed. Returns -1.
 */
int xfer_rd_bad(struct xfer_reader *r, const char *fmt, ...)
	IRY_PRINTF(2, 3);

/* A model check failed with m: the same refusal at the current field. */
int xfer_rd_bad_model(struct xfer_reader *r, const struct err *m);

/* Refuses a member of o that is not one of keys (n), naming it. */
int xfer_rd_only_keys(struct xfer_reader *r, json_t *o, const char *const *keys,
		      size_t n);

/* The value of member key of o, or NULL; absent and need: *rc = -1. */
json_t *xfer_rd_member(struct xfer_reader *r, json_t *o, const char *key,
		       bool need, int *rc);

/* Refuses text (len bytes) that is not UTF-8 or holds a control. */
int xfer_rd_check_text(struct xfer_reader *r, const char *s, size_t len);

/* True for an id as content writes them: [a-z0-9-], 1 to max bytes. */
bool xfer_rd_id_ok(const char *s, size_t max);

/*
 * The readers of one member of o. On success the member's path is popped
 * again; on a refusal it stays (the caller returns -1 at once).
 *   text: *out owned, NULL when absent or ""; max characters (0: any);
 *         need: present and not empty
 *   id:   into out (size bytes), "" when absent
 *   int:  from lo to hi, 0 when absent
 *   date: YYYY-MM-DD, a real date; unset when absent
 *   vendor: a "ref" of the file's vendors (read first), 0 when absent
 *   value: "yes", "no", "unknown", "na"; ANSWER_NONE when absent
 *   array: NULL when absent; *rc -1 when not a list
 */
int xfer_rd_get_text(struct xfer_reader *r, json_t *o, const char *key,
		     bool need, int max, char **out);
int xfer_rd_get_id(struct xfer_reader *r, json_t *o, const char *key, bool need,
		   char *out, size_t size);
int xfer_rd_get_int(struct xfer_reader *r, json_t *o, const char *key,
		    bool need, long long lo, long long hi, long long *out);
int xfer_rd_get_date(struct xfer_reader *r, json_t *o, const char *key,
		     struct date *out);
int xfer_rd_get_vendor(struct xfer_reader *r, json_t *o, const char *key,
		       bool need, long *out);
int xfer_rd_get_value(struct xfer_reader *r, json_t *o, enum answer_value *out);
json_t *xfer_rd_get_array(struct xfer_reader *r, json_t *o, const char *key,
			  int *rc);

/* Pushes element i of arr, which must be an object (else *rc = -1). */
json_t *xfer_rd_element(struct xfer_reader *r, json_t *arr, size_t i, int *rc);

/* Reads one record o of a list (y and ed: the year of an answer). */
typedef int (*xfer_rd_fn)(struct xfer_reader *r, json_t *o, struct xfer_year *y,
			  const struct edition *ed);

/*
 * Calls fn on each element of the list key of o (absent: none), each a
 * record, with the element's path pushed. Returns 0 or -1.
 */
int xfer_rd_each(struct xfer_reader *r, json_t *o, const char *key,
		 xfer_rd_fn fn, struct xfer_year *y, const struct edition *ed);

/* The readers of registers.c, as xfer_rd_fn (y and ed unused). */
int xfer_rd_vendor(struct xfer_reader *r, json_t *o, struct xfer_year *y,
		   const struct edition *ed);
int xfer_rd_connection(struct xfer_reader *r, json_t *o, struct xfer_year *y,
		       const struct edition *ed);
int xfer_rd_server(struct xfer_reader *r, json_t *o, struct xfer_year *y,
		   const struct edition *ed);
int xfer_rd_contact(struct xfer_reader *r, json_t *o, struct xfer_year *y,
		    const struct edition *ed);
int xfer_rd_edition(struct xfer_reader *r, json_t *o, struct xfer_year *y,
		    const struct edition *ed);

#endif

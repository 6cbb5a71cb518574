#ifndef IRY_YDOC_H
#define IRY_YDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "util/attr.h"

#include "util/err.h"

/*
 * A YAML file loaded with libyaml's document API, plus typed field access
 * that reports file:line:column (1-based) on every error. Internal to the
 * content module. libyaml accepts duplicate keys and reads "no" as a plain
 * string; ydoc refuses both (docs/decisions.md, Content files).
 */

struct ydoc {
	yaml_document_t doc; /* valid when loaded is true */
	bool loaded;
	char *path; /* owned copy of the file name, for messages */
};

/*
 * Reads and parses path (UTF-8 only, at most 1 MiB, no control characters
 * but tab and newline). Returns 0, or -1 with e set (ERR_CONTENT) to
 * "path:line:col: problem". Release d with ydoc_release() either way.
 */
int ydoc_load(struct ydoc *d, const char *path, struct err *e);
void ydoc_release(struct ydoc *d);

/* The root node, or NULL for an empty document. */
yaml_node_t *ydoc_root(struct ydoc *d);

/* Sets e to "path:line:col: message" at node n and returns -1. */
int ydoc_error(struct ydoc *d, const yaml_node_t *n, struct err *e,
	       const char *fmt, ...) IRY_PRINTF(4, 5);

/*
 * Checks that n is a mapping whose keys are plain scalars, unique and all
 * in allowed (NULL-terminated). Returns 0 or -1 with e set.
 */
int ydoc_map_check(struct ydoc *d, yaml_node_t *n, const char *const *allowed,
		   struct err *e);

/*
 * Refuses a repeated id: the ids of an array's elements stand stride bytes
 * apart from first (the id of element 0); element i's id must differ from
 * every earlier one. Returns 0, or -1 with e set at node n ("the id '…' is
 * already used in this file").
 */
int ydoc_unique_id(struct ydoc *d, yaml_node_t *n, const char *first,
		   size_t stride, size_t i, struct err *e);

/* The value of key in mapping n, or NULL. */
yaml_node_t *ydoc_get(struct ydoc *d, yaml_node_t *map, const char *key);

/*
 * Reads key of map as a string (newly allocated into *out, trailing white
 * space removed). required: missing is an error. allow_empty: "" is kept,
 * else an empty value is an error. A missing optional key leaves *out NULL.
 */
int ydoc_str(struct ydoc *d, yaml_node_t *map, const char *key, bool required,
	     bool allow_empty, char **out, struct err *e);

/* Reads a boolean that must be written true or false. */
int ydoc_bool(struct ydoc *d, yaml_node_t *map, const char *key, bool required,
	      bool *out, struct err *e);

/* Reads a decimal integer in [lo, hi]. */
int ydoc_int(struct ydoc *d, yaml_node_t *map, const char *key, long lo,
	     long hi, long *out, struct err *e);

/*
 * Reads an id ([a-z0-9-], 1..max bytes, not starting or ending with '-')
 * into out (max+1 bytes).
 */
int ydoc_id(struct ydoc *d, yaml_node_t *map, const char *key, char *out,
	    size_t max, struct err *e);

/* As ydoc_id(), but the key may be missing: then out is "". */
int ydoc_id_opt(struct ydoc *d, yaml_node_t *map, const char *key, char *out,
		size_t max, struct err *e);

/* True if s is a valid id of at most max bytes. */
bool ydoc_id_valid(const char *s, size_t max);

/*
 * The sequence under key: *items set to its node ids and *n to the count
 * (0 and NULL when the key is missing and not required).
 */
int ydoc_seq(struct ydoc *d, yaml_node_t *map, const char *key, bool required,
	     yaml_node_item_t **items, size_t *n, struct err *e);

/* The node for a sequence entry. */
yaml_node_t *ydoc_node(struct ydoc *d, yaml_node_item_t id);

/* The scalar text of n (NUL-terminated by libyaml), or NULL. */
const char *ydoc_scalar(const yaml_node_t *n);

#endif

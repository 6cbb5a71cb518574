#include "content/ydoc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/sys.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define YDOC_MAX_BYTES (1024 * 1024)
/* Deepest nesting of lists and maps; our files use about six levels. */
#define YDOC_MAX_DEPTH 32

/*
 * Reads the whole file into sb; -1 with e set on failure. Only a regular
 * file is read: a FIFO or a device in its place would block startup or
 * never end. It is opened without blocking and checked after opening.
 */
static int
read_file(const char *path, struct strbuf *sb, struct err *e)
{
	int r = sys_read_file(path, YDOC_MAX_BYTES, sb);

	if (r == SYS_NOT_REGULAR)
		return err_set(
			e, ERR_CONTENT,
			_("%s: not a plain file (a folder, a pipe or a device); a content file must be a normal text file"),
			path);
	if (r == SYS_TOO_LARGE)
		return err_set(e, ERR_CONTENT,
			       _("%s: the file is too large for a content file"),
			       path);
	if (r != 0) {
		err_set(e, ERR_CONTENT, _("cannot read the content file '%s'"),
			path);
		return err_detail(e, "%s", strerror(errno));
	}
	return 0;
}

/* Line and column (1-based, in characters) of byte offset off. */
static void
line_col(const char *s, size_t off, int *line, int *col)
{
	size_t i = 0;
	uint32_t cp;

	*line = 1;
	*col = 1;
	while (i < off) {
		int n = utf8_decode(s + i, off - i, &cp);

		if (n <= 0)
			n = 1;
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
		i += (size_t)n;
	}
}

/* Refuses invalid UTF-8 and control characters, naming line and column. */
static int
check_text(const char *path, const char *s, size_t len, struct err *e)
{
	size_t i = 0;
	int line, col;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* a UTF-8 byte order mark is harmless */
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (n <= 0) {
			line_col(s, i, &line, &col);
			return err_set(
				e, ERR_CONTENT,
				_("%s:%d:%d: the file is not valid UTF-8"),
				path, line, col);
		}
		if (utf8_is_control(cp) && cp != '\n' && cp != '\t' &&
		    cp != '\r' && !(cp == 0xFEFF && i == 0)) {
			line_col(s, i, &line, &col);
			return err_set(
				e, ERR_CONTENT,
				_("%s:%d:%d: the file contains a control character (U+%04X)"),
				path, line, col, (unsigned)cp);
		}
		i += (size_t)n;
	}
	return 0;
}

/* Sets e to "path:line:col: this is not valid YAML" for p's failure. */
static int
parse_error(const char *path, const yaml_parser_t *p, const char *text,
	    struct err *e)
{
	int line = (int)p->problem_mark.line + 1;
	int col = (int)p->problem_mark.column + 1;

	if (p->error == YAML_READER_ERROR)
		line_col(text, p->problem_offset, &line, &col);
	err_set(e, ERR_CONTENT, _("%s:%d:%d: this is not valid YAML"), path,
		line, col);
	return err_detail(e, "%s%s%s", p->problem ? p->problem : "",
			  p->context ? ", " : "", p->context ? p->context : "");
}

/*
 * Refuses a control character (but tab and newline) or a NUL in any key or
 * value: check_text() refuses them in the file, but a double-quoted YAML
 * escape ("\e", "\x07", "\0", "\u202E") writes them anyway.
 */
static int
check_scalars(struct ydoc *d, struct err *e)
{
	yaml_node_t *n;

	for (n = d->doc.nodes.start; n < d->doc.nodes.top; n++) {
		const char *s;
		size_t len, i = 0;

		if (n->type != YAML_SCALAR_NODE)
			continue;
		s = (const char *)n->data.scalar.value;
		len = n->data.scalar.length;
		while (i < len) {
			uint32_t cp;
			int k = utf8_decode(s + i, len - i, &cp);

			if (k <= 0)
				return ydoc_error(
					d, n, e, "%s",
					_("the file is not valid UTF-8"));
			if (cp == 0 ||
			    (utf8_is_control(cp) && cp != '\n' && cp != '\t'))
				return ydoc_error(
					d, n, e,
					_("the text contains a control character (U+%04X)"),
					(unsigned)cp);
			i += (size_t)k;
		}
	}
	return 0;
}

/* Sets e to "path:line:col: message" at mark m. Returns -1. */
static int
mark_error(const char *path, yaml_mark_t m, struct err *e, const char *msg)
{
	return err_set(e, ERR_CONTENT, "%s:%d:%d: %s", path, (int)m.line + 1,
		       (int)m.column + 1, msg);
}

/* Gives node id the marks of the event that made it. */
static void
set_marks(yaml_document_t *doc, int id, const yaml_event_t *ev)
{
	yaml_node_t *n = yaml_document_get_node(doc, id);

	n->start_mark = ev->start_mark;
	n->end_mark = ev->end_mark;
}

/*
 * Builds d->doc from the parser's events as they arrive (instead of
 * yaml_parser_load), so that nesting deeper than YDOC_MAX_DEPTH is refused
 * at the event that goes too deep: libyaml's time grows with the square of
 * the depth, and a file of "[[[[..." would otherwise hold startup for
 * minutes. Aliases (*name) are refused; content files use none. A second
 * YAML document with anything in it is refused. Returns 0 or -1 with e.
 */
static int
build(struct ydoc *d, yaml_parser_t *p, const char *text, struct err *e)
{
	int open[YDOC_MAX_DEPTH];  /* ids of the open sequences and maps */
	int key[YDOC_MAX_DEPTH];   /* a map's key waiting for its value */
	int depth = 0, docs = 0, r = -1;
	yaml_mark_t second = {0, 0, 0}; /* where a second document starts */
	bool end = false;

	if (!yaml_document_initialize(&d->doc, NULL, NULL, NULL, 1, 1))
		return err_set(e, ERR_CONTENT, "%s", _("out of memory"));
	d->loaded = true;
	while (!end) {
		yaml_event_t ev;
		int id = 0;

		if (!yaml_parser_parse(p, &ev))
			return parse_error(d->path, p, text, e);
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			end = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs == 2)
				second = ev.start_mark;
			break;
		case YAML_ALIAS_EVENT:
			mark_error(d->path, ev.start_mark, e,
				   _("content files do not use YAML aliases (*name); write the value out"));
			goto out;
		case YAML_SCALAR_EVENT:
			if (docs > 1) {
				mark_error(d->path, second, e,
					   _("a content file holds one YAML document; remove this '---' line and what follows, or merge it"));
				goto out;
			}
			id = yaml_document_add_scalar(
				&d->doc, NULL, ev.data.scalar.value,
				(int)ev.data.scalar.length, ev.data.scalar.style);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (docs > 1) {
				mark_error(d->path, second, e,
					   _("a content file holds one YAML document; remove this '---' line and what follows, or merge it"));
				goto out;
			}
			if (depth == YDOC_MAX_DEPTH) {
				struct strbuf sb = STRBUF_INIT;

				strbuf_addf(&sb,
					    _("lists and fields are nested more than %d levels deep here"),
					    YDOC_MAX_DEPTH);
				mark_error(d->path, ev.start_mark, e, sb.buf);
				strbuf_release(&sb);
				goto out;
			}
			id = ev.type == YAML_SEQUENCE_START_EVENT
				     ? yaml_document_add_sequence(
					       &d->doc, NULL,
					       ev.data.sequence_start.style)
				     : yaml_document_add_mapping(
					       &d->doc, NULL,
					       ev.data.mapping_start.style);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0) {
				yaml_node_t *n = yaml_document_get_node(
					&d->doc, open[depth - 1]);

				n->end_mark = ev.end_mark;
				depth--;
			}
			break;
		default:
			break;
		}
		if (id != 0) {
			set_marks(&d->doc, id, &ev);
			if (depth > 0) {
				int parent = open[depth - 1];
				yaml_node_t *pn =
					yaml_document_get_node(&d->doc, parent);

				if (pn->type == YAML_SEQUENCE_NODE) {
					yaml_document_append_sequence_item(
						&d->doc, parent, id);
				} else if (key[depth - 1] == 0) {
					key[depth - 1] = id;
				} else {
					yaml_document_append_mapping_pair(
						&d->doc, parent, key[depth - 1],
						id);
					key[depth - 1] = 0;
				}
			}
			if (ev.type != YAML_SCALAR_EVENT) {
				open[depth] = id;
				key[depth] = 0;
				depth++;
			}
		}
		yaml_event_delete(&ev);
		continue;
	out:
		yaml_event_delete(&ev);
		return r;
	}
	return 0;
}

int
ydoc_load(struct ydoc *d, const char *path, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	yaml_parser_t parser;
	const char *text;
	size_t len;
	int r = -1;

	memset(d, 0, sizeof(*d));
	d->path = xstrdup(path);
	if (read_file(path, &sb, e) != 0 ||
	    check_text(path, sb.buf, sb.len, e) != 0)
		goto out;
	if (!yaml_parser_initialize(&parser)) {
		err_set(e, ERR_CONTENT, "%s", _("out of memory"));
		goto out;
	}
	/* Told the encoding, libyaml keeps a byte order mark as text. */
	text = sb.buf;
	len = sb.len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	r = build(d, &parser, text, e);
	yaml_parser_delete(&parser);
	if (r != 0)
		goto out;
	r = -1;
	if (ydoc_root(d) == NULL) {
		err_set(e, ERR_CONTENT, _("%s:1:1: the file is empty"), path);
		goto out;
	}
	if (check_scalars(d, e) != 0)
		goto out;
	r = 0;
out:
	strbuf_release(&sb);
	return r;
}

void
ydoc_release(struct ydoc *d)
{
	if (d->loaded)
		yaml_document_delete(&d->doc);
	free(d->path);
	memset(d, 0, sizeof(*d));
}

yaml_node_t *
ydoc_root(struct ydoc *d)
{
	return d->loaded ? yaml_document_get_root_node(&d->doc) : NULL;
}

int
ydoc_error(struct ydoc *d, const yaml_node_t *n, struct err *e, const char *fmt,
	   ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&sb, "%s:%d:%d: ", d->path,
		    n ? (int)n->start_mark.line + 1 : 1,
		    n ? (int)n->start_mark.column + 1 : 1);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	err_set(e, ERR_CONTENT, "%s", sb.buf);
	strbuf_release(&sb);
	return -1;
}

const char *
ydoc_scalar(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

yaml_node_t *
ydoc_node(struct ydoc *d, yaml_node_item_t id)
{
	return yaml_document_get_node(&d->doc, id);
}

int
ydoc_map_check(struct ydoc *d, yaml_node_t *n, const char *const *allowed,
	       struct err *e)
{
	yaml_node_pair_t *p, *q;

	if (n == NULL || n->type != YAML_MAPPING_NODE)
		return ydoc_error(
			d, n, e, "%s",
			_("expected a mapping of \"field: value\" lines here"));
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = ydoc_node(d, p->key);
		const char *ks = ydoc_scalar(k);
		size_t i;
		bool ok = false;

		if (ks == NULL)
			return ydoc_error(d, k, e, "%s",
					  _("a field name must be plain text"));
		for (q = n->data.mapping.pairs.start; q < p; q++) {
			const char *prev = ydoc_scalar(ydoc_node(d, q->key));

			if (prev != NULL && strcmp(prev, ks) == 0)
				return ydoc_error(
					d, k, e,
					_("the field '%s' appears twice"), ks);
		}
		for (i = 0; allowed[i] != NULL; i++) {
			if (strcmp(allowed[i], ks) == 0)
				ok = true;
		}
		if (!ok)
			return ydoc_error(d, k, e, _("unknown field '%s'"), ks);
	}
	return 0;
}

yaml_node_t *
ydoc_get(struct ydoc *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		const char *ks = ydoc_scalar(ydoc_node(d, p->key));

		if (ks != NULL && strcmp(ks, key) == 0)
			return ydoc_node(d, p->value);
	}
	return NULL;
}

/* Fetches key's scalar node; NULL with *missing set when absent. */
static yaml_node_t *
get_scalar(struct ydoc *d, yaml_node_t *map, const char *key, bool required,
	   int *rc, struct err *e)
{
	yaml_node_t *v = ydoc_get(d, map, key);

	*rc = 0;
	if (v == NULL) {
		if (required)
			*rc = ydoc_error(d, map, e,
					 _("the field '%s' is missing"), key);
		return NULL;
	}
	if (v->type != YAML_SCALAR_NODE) {
		*rc = ydoc_error(d, v, e,
				 _("the field '%s' must be a single value"),
				 key);
		return NULL;
	}
	return v;
}

int
ydoc_str(struct ydoc *d, yaml_node_t *map, const char *key, bool required,
	 bool allow_empty, char **out, struct err *e)
{
	int rc;
	yaml_node_t *v = get_scalar(d, map, key, required, &rc, e);
	struct strbuf sb = STRBUF_INIT;

	*out = NULL;
	if (v == NULL)
		return rc;
	strbuf_addstr(&sb, ydoc_scalar(v));
	strbuf_rtrim(&sb);
	if (sb.len == 0 && !allow_empty) {
		strbuf_release(&sb);
		return ydoc_error(d, v, e, _("the field '%s' is empty"), key);
	}
	*out = strbuf_detach(&sb, NULL);
	return 0;
}

int
ydoc_bool(struct ydoc *d, yaml_node_t *map, const char *key, bool required,
	  bool *out, struct err *e)
{
	int rc;
	yaml_node_t *v = get_scalar(d, map, key, required, &rc, e);
	const char *s;

	if (v == NULL)
		return rc;
	s = ydoc_scalar(v);
	if (v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    strcmp(s, "true") == 0)
		*out = true;
	else if (v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		 strcmp(s, "false") == 0)
		*out = false;
	else
		return ydoc_error(d, v, e,
				  _("the field '%s' must be true or false"),
				  key);
	return 0;
}

int
ydoc_int(struct ydoc *d, yaml_node_t *map, const char *key, long lo, long hi,
	 long *out, struct err *e)
{
	int rc;
	yaml_node_t *v = get_scalar(d, map, key, true, &rc, e);
	const char *s;
	char *end;
	long x;

	if (v == NULL)
		return rc;
	s = ydoc_scalar(v);
	errno = 0;
	x = strtol(s, &end, 10);
	if (s[0] == '\0' || *end != '\0' || errno != 0 || x < lo || x > hi)
		return ydoc_error(
			d, v, e,
			_("the field '%s' must be a number from %ld to %ld"),
			key, lo, hi);
	*out = x;
	return 0;
}

bool
ydoc_id_valid(const char *s, size_t max)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > max || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-'))
			return false;
	}
	return true;
}

int
ydoc_id(struct ydoc *d, yaml_node_t *map, const char *key, char *out,
	size_t max, struct err *e)
{
	int rc;
	yaml_node_t *v = get_scalar(d, map, key, true, &rc, e);
	const char *s;

	if (v == NULL)
		return rc;
	s = ydoc_scalar(v);
	if (!ydoc_id_valid(s, max))
		return ydoc_error(
			d, v, e,
			_("the id '%s' must be 1 to %zu characters of a-z, 0-9 and '-'"),
			s, max);
	memcpy(out, s, strlen(s) + 1);
	return 0;
}

int
ydoc_id_opt(struct ydoc *d, yaml_node_t *map, const char *key, char *out,
	    size_t max, struct err *e)
{
	out[0] = '\0';
	if (ydoc_get(d, map, key) == NULL)
		return 0;
	return ydoc_id(d, map, key, out, max, e);
}

int
ydoc_seq(struct ydoc *d, yaml_node_t *map, const char *key, bool required,
	 yaml_node_item_t **items, size_t *n, struct err *e)
{
	yaml_node_t *v = ydoc_get(d, map, key);

	*items = NULL;
	*n = 0;
	if (v == NULL) {
		if (required)
			return ydoc_error(d, map, e,
					  _("the field '%s' is missing"), key);
		return 0;
	}
	if (v->type != YAML_SEQUENCE_NODE)
		return ydoc_error(d, v, e, _("the field '%s' must be a list"),
				  key);
	*items = v->data.sequence.items.start;
	*n = (size_t)(v->data.sequence.items.top -
		      v->data.sequence.items.start);
	return 0;
}

int
ydoc_unique_id(struct ydoc *d, yaml_node_t *n, const char *first,
	       size_t stride, size_t i, struct err *e)
{
	const char *id = first + i * stride;
	size_t j;

	for (j = 0; j < i; j++) {
		if (strcmp(first + j * stride, id) == 0)
			return ydoc_error(
				d, n, e,
				_("the id '%s' is already used in this file"),
				id);
	}
	return 0;
}

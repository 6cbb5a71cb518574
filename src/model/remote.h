#ifndef IRY_REMOTE_H
#define IRY_REMOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/date.h"
#include "util/err.h"
#include "util/strbuf.h"

/*
 * The remote-maintenance inventory (リモート保守の棚卸し): every way a vendor
 * connects into the clinic, and what is risky about it: known exploited
 * vulnerabilities of the device (content/vulns/) and the risk rules of
 * common/remote.yaml. Connections persist across years.
 */

#define CONN_TEXT_MAX 60
#define CONN_KEY_MAX  15 /* stored keys: yes, no, unknown, download ... */

struct connection {
	long id;      /* row id; 0 until saved */
	char *system; /* which system (電子カルテ …); owned */
	long vendor;  /* vendor id; 0 none */
	char *purpose;
	char line[CONTENT_ID_MAX + 1];    /* line type id; "" unset */
	char always_on[CONN_KEY_MAX + 1]; /* yes no unknown; "" unset */
	char *approver;                   /* who approves each connection */
	char patcher[CONN_KEY_MAX + 1];   /* clinic vendor nobody unknown */
	struct date last_patch;
	char factory_pw[CONN_KEY_MAX + 1]; /* factory password changed */
	char pw_reused[CONN_KEY_MAX + 1];  /* the password used elsewhere */
	char two_factor[CONN_KEY_MAX + 1];
	char admin_exposed[CONN_KEY_MAX + 1];
	char patient_data[CONN_KEY_MAX + 1]; /* none view download change */
	char logs[CONN_KEY_MAX + 1];         /* reviewed kept none unknown */
	char maker[CONTENT_ID_MAX + 1];      /* vulns/ maker id; "" other */
	char product[CONTENT_ID_MAX + 1];    /* its product id; "" other */
	char *model;                         /* device model, free text */
	char *version; /* firmware version as written on the device */
	char *memo;
};

struct connection_list {
	struct connection *v;
	size_t n, alloc;
};

#define CONNECTION_LIST_INIT                                                   \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void connection_release(struct connection *c);
void connection_copy(struct connection *dst, const struct connection *src);
void connection_list_release(struct connection_list *l);
void connection_list_put(struct connection_list *l, const struct connection *c);
void connection_list_remove(struct connection_list *l, long id);
void connection_set_text(char **field, const char *s);

/* Checks lengths and the patch date (not in the future). */
int connection_check(const struct connection *c, const struct date *today,
		     struct err *e);

/*
 * The value of field f of c as the rules see it: an unset answer reads
 * "unknown"; line_internet and firmware_known read "true"/"false".
 * Borrowed (static or from c).
 */
const char *connection_value(const struct content *ct,
			     const struct connection *c, enum conn_field f);

/* One thing found risky about one connection. */
struct finding {
	const struct connection *conn;  /* borrowed */
	const struct remote_rule *rule; /* the rule; NULL for a vulnerability */
	const struct vmaker *maker;     /* the vulnerability's maker */
	const struct vuln *vuln;        /* NULL for a rule */
	const struct vuln_range *range; /* the affected range matched */
	enum priority priority;
	enum who owner;
};

struct finding_list {
	struct finding *v; /* vulnerabilities first, then by priority */
	size_t n, alloc;
};

#define FINDING_LIST_INIT                                                      \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/*
 * Evaluates every connection of l against the vulnerabilities and the
 * rules of ct, for today (patch age). The list borrows from l and ct.
 */
void remote_findings(const struct content *ct, const struct connection_list *l,
		     const struct date *today, struct finding_list *out);

void finding_list_release(struct finding_list *f);

/* True when the connection's device matches a known exploited flaw. */
bool remote_vulnerable(const struct finding_list *f, long conn_id);

/*
 * Appends the labels of the fields of c answered わからない (or not yet
 * answered), joined with 、, to sb; returns how many there were.
 */
size_t remote_unknowns(const struct content *ct, const struct connection *c,
		       struct strbuf *sb);

/*
 * A short name for c: 「電子カルテ（アルファメディカル）」, with vendor the
 * name of its vendor (NULL when none).
 */
void remote_label(const struct connection *c, const char *vendor,
		  struct strbuf *sb);

#endif

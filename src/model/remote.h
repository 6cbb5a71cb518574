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

/* What the clinic has said about one field of a connection. */
enum field_state {
	FIELD_OPEN = 0, /* not answered yet (「選ぶ」, an empty text or date) */
	FIELD_UNKNOWN,  /* answered わからない */
	FIELD_SET,      /* answered */
};

/*
 * The state of field f of c. CF_LINE_INTERNET follows the line (a line
 * answered わからない makes it FIELD_UNKNOWN); CF_PATCH_AGE follows
 * CF_LAST_PATCH.
 */
enum field_state remote_field_state(const struct content *ct,
				    const struct connection *c,
				    enum conn_field f);

/*
 * The value of a rule field of c: "" when open, "unknown" for わからない,
 * else the stored key; CF_LINE_INTERNET reads "true"/"false". Borrowed
 * (static or from c). Not for CF_PATCH_AGE or the text fields.
 */
const char *connection_value(const struct content *ct,
			     const struct connection *c, enum conn_field f);

/*
 * What to update a device to, from the known exploited flaws of its maker
 * (content/vulns/): the lowest version on the device's branch that fixes
 * every listed flaw, or, where the branch has none, the branch to move to
 * and the lowest version there that fixes every listed flaw. Versions are
 * borrowed from content.
 */
struct update_advice {
	char branch[24];      /* the device's branch ("6.0") */
	const char *target;   /* on that branch; NULL when it has no fix */
	char move_branch[24]; /* when target is NULL: where to move */
	const char *move_to;  /* the lowest fixed version there; NULL: the
			       * list does not say (ask the maker) */
};

/*
 * Fills a for a device of maker m, product, at version (none of them NULL;
 * version valid). Returns false when no listed flaw affects it.
 */
bool remote_advice(const struct vmaker *m, const char *product,
		   const char *version, struct update_advice *a);

enum finding_kind {
	FINDING_DEVICE = 0, /* known exploited flaws of the device */
	FINDING_RULE,       /* a risk rule the answers meet */
	FINDING_UNKNOWN,    /* a field answered わからない */
};

/* One thing found about one connection. */
struct finding {
	enum finding_kind kind;
	const struct connection *conn;  /* borrowed */
	const struct remote_rule *rule; /* FINDING_RULE */
	enum conn_field field;          /* FINDING_UNKNOWN */
	const struct vmaker *maker;     /* FINDING_DEVICE: its maker */
	const struct vuln **vulns;      /* FINDING_DEVICE: its flaws (the
					 * array is owned, the flaws not) */
	size_t nvulns;
	struct update_advice advice; /* FINDING_DEVICE */
	char version[64];            /* FINDING_DEVICE: the version read
				      * from the connection's (version_read) */
	enum priority priority;
	enum who owner;
};

struct finding_list {
	struct finding *v; /* devices first, then by priority */
	size_t n, alloc;
};

#define FINDING_LIST_INIT                                                      \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/*
 * Evaluates every connection of l: one FINDING_DEVICE per device with
 * known exploited flaws; one FINDING_RULE per rule whose conditions the
 * answers meet (an open or わからない field never meets a condition,
 * except "open"); one FINDING_UNKNOWN per field answered わからない, at
 * the priority of the most urgent rule that could apply once it is known.
 * A field left open makes no finding (remote_open_fields lists it). The
 * list borrows from l and ct; release it with finding_list_release().
 */
void remote_findings(const struct content *ct, const struct connection_list *l,
		     const struct date *today, struct finding_list *out);

/*
 * What remote_findings found for each maker, product and version it saw,
 * so that a device seen again is not evaluated again: aggregate reads
 * thousands of clinics whose devices recur. Start with REMOTE_FLAWS_INIT;
 * use it with one content only; it keeps at most REMOTE_FLAWS_MAX devices
 * (others are evaluated each time, so memory stays bounded). Free it with
 * remote_flaws_release().
 */
struct remote_flaw; /* one device (remote.c) */

struct remote_flaws {
	struct remote_flaw *v; /* open addressing, alloc slots */
	size_t n, alloc;       /* devices kept, slots */
};

#define REMOTE_FLAWS_INIT                                                      \
	{                                                                      \
		NULL, 0, 0                                                     \
	}
#define REMOTE_FLAWS_MAX 4096

/* remote_findings, taking the devices' flaws from cache and keeping the
 * new ones there (cache NULL: remote_findings). The same list results. */
void remote_findings_cached(const struct content *ct,
			    const struct connection_list *l,
			    const struct date *today,
			    struct remote_flaws *cache,
			    struct finding_list *out);

void remote_flaws_release(struct remote_flaws *fc);

void finding_list_release(struct finding_list *f);

/* True when the connection's device matches a known exploited flaw. */
bool remote_vulnerable(const struct finding_list *f, long conn_id);

/* The device finding of a connection, or NULL. */
const struct finding *remote_device_finding(const struct finding_list *f,
					    long conn_id);

/*
 * Appends the labels of c's fields not answered yet, joined with 、, to
 * sb; returns how many.
 */
size_t remote_open_fields(const struct content *ct, const struct connection *c,
			  struct strbuf *sb);

/*
 * Appends, one "・…" line each, what the vendor is asked about c: every
 * field open or answered わからない that a vendor can answer (fields:
 * ask). Returns how many; with sb NULL only counts them.
 */
size_t remote_questions(const struct content *ct, const struct connection *c,
			struct strbuf *sb);

/*
 * The finding's heading, as one line: the rule's title, the field's "not
 * known" heading, or the count of a device's flaws. Borrowed or written
 * to sb (then sb->buf is returned).
 */
const char *remote_finding_title(const struct content *ct,
				 const struct finding *f, struct strbuf *sb);

/*
 * The finding in full for the report's list and the screens: for a device
 * every flaw (plain name, CVE number, when it applies), then the update
 * (remote_update_text); for a rule its why and action; for わからない the
 * field's why and whom to ask.
 */
void remote_finding_text(const struct content *ct, const struct finding *f,
			 struct strbuf *sb);

/*
 * Appends one "\n・title (CVE)" line per flaw of a device finding; a flaw
 * that needs a feature says so, and with explain the others carry their
 * condition text. Returns how many need a feature.
 */
size_t remote_vuln_lines(const struct finding *f, bool explain,
			 struct strbuf *sb);

/*
 * Appends the features the finding's flaws need (requires:), each once,
 * joined with 、; returns how many.
 */
size_t remote_feature_question(const struct finding *f, struct strbuf *sb);

/*
 * The one update request of a device finding: 「6.0.4 を 6.0.18 以上に」 or
 * that its branch has no fix and where to move.
 */
void remote_update_text(const struct finding *f, struct strbuf *sb);

/*
 * The known-flaw list's date as a line: 「既知の弱点の一覧: 令和8年8月21日時点
 * （CISA KEV）」, appended to sb. Returns true when the list is more than
 * six months older than today (then remote_list_old_text says what to do);
 * false also when no list is loaded (nothing is appended).
 */
bool remote_list_date(const struct content *ct, const struct date *today,
		      struct strbuf *sb);

/* How to get a newer list; with where, the folder to put it in (never in
 * the report, which leaves the clinic); with old, led by the warning that
 * the list is over six months old. */
void remote_list_old_text(bool old, bool where, struct strbuf *sb);

/*
 * For a device without a known exploited flaw, what the list can and
 * cannot say: none found (as of the list's date; never "safe"), its maker
 * or product not in the list, or no version given. Appends one sentence
 * to sb and returns true; returns false (nothing appended) when the device
 * has a flaw finding in f or no maker is chosen. brief leaves out the
 * version and the list's date, for a table that shows both already.
 */
bool remote_device_note(const struct content *ct, const struct connection *c,
			const struct finding_list *f, bool brief,
			struct strbuf *sb);

/*
 * A short name for c: 「電子カルテ（アルファメディカル）」, with vendor the
 * name of its vendor (NULL when none).
 */
void remote_label(const struct connection *c, const char *vendor,
		  struct strbuf *sb);

#endif

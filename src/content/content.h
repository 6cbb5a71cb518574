#ifndef IRY_CONTENT_H
#define IRY_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/cell.h"
#include "util/err.h"
#include "util/strbuf.h"

/*
 * The checklist content: editions (r7/, r8/ ...), their sections and
 * items, and the common glossary, read from YAML files under the content
 * roots (content/README.md documents every field). Nothing here is
 * hard-coded: the program knows only the field names.
 */

#define CONTENT_ID_MAX 40 /* ids are [a-z0-9-], at most this many bytes */

/* Who acts on an item. */
enum who {
	WHO_CLINIC = 0, /* 院内 */
	WHO_VENDOR,     /* 事業者 */
	WHO_BOTH,       /* 両方 */
};

struct item {
	char id[CONTENT_ID_MAX + 1]; /* stable id, e.g. "security-officer" */
	char *number;  /* official number, e.g. "1-①"; "" for the gate */
	char *title;   /* official short title, exact */
	char *source;  /* where our facts come from */
	bool verified; /* number and title checked against the form */
	bool inferred; /* number or title itself inferred (※ in the PDF) */
	bool gate;     /* the gate row: いいえ makes the rest unneeded */
	bool labelled; /* the form prints sub-target labels (cells:) */
	enum cell cells[CELL__COUNT]; /* answered cells, in form order */
	size_t ncells;                /* at least 1 */
	char *na;       /* reason printed for 該当なし; NULL: not offered */
	enum who who;   /* 担当 */
	char *meaning;  /* 意味 */
	char *why;      /* 理由 */
	char *how;      /* 確かめ方 */
	char *done;     /* できている状態 */
	char *incident; /* optional real incident; NULL when none */
	char **terms;   /* glossary ids, nterms of them */
	size_t nterms;
	size_t section; /* index into edition.sections */
	char *file;     /* file and line where defined, for messages */
	int line;
};

struct section {
	char *number;  /* as printed, e.g. "1"; "" for the gate row */
	char *title;   /* official heading, e.g. "体制構築" */
	bool inferred; /* the heading is our inference, not a source's */
};

/* An item of the vendors' form (事業者確認用). */
struct vendor_item {
	char id[CONTENT_ID_MAX + 1]; /* e.g. "v-mds-sds" */
	char *number;                /* official number, e.g. "2-③" */
	char *title;                 /* official short title */
	char *source;
	bool verified;
	char clinic_item[CONTENT_ID_MAX + 1]; /* mirrored clinic item; "" */
	char *meaning;                        /* what the vendor confirms */
	char *ask;                            /* the request to the vendor */
	size_t section;                       /* index into vsections */
	char *file;
	int line;
};

/* How an item relates to the previous edition (mapping.yaml). */
enum map_kind {
	MAP_SAME = 0, /* the same question */
	MAP_REWORDED, /* the same subject, new wording or rule */
	MAP_MERGED,   /* several old items became this one */
	MAP_NEW,      /* nothing before */
};

struct mapping {
	char id[CONTENT_ID_MAX + 1]; /* item of this edition */
	enum map_kind kind;
	char (*from)[CONTENT_ID_MAX + 1]; /* items of the previous edition */
	size_t nfrom;
	char *note; /* what changed; NULL for same/new */
};

struct edition {
	char id[CONTENT_ID_MAX + 1]; /* folder name, e.g. "r8" */
	char *name;                  /* 令和8年度版 */
	char *title;                 /* official checklist title */
	char *form;        /* the clinic form, 医療機関・薬局確認用 */
	char *vendor_form; /* 事業者確認用 */
	int first_year;    /* first 点検年度 (year of 1 April) it serves */
	bool verified;     /* item list checked against the official form */
	char *source;
	char *dir; /* the folder it was loaded from */
	struct section *sections;
	size_t nsections;
	struct item *items; /* every item, in official order */
	size_t nitems;
	char *vendor_source;       /* vendor-form.yaml: where from */
	bool vendor_verified;      /* its item list checked */
	struct section *vsections; /* sections of the vendors' form */
	size_t nvsections;
	struct vendor_item *vitems; /* every vendor-form item, in order */
	size_t nvitems;
	char from[CONTENT_ID_MAX + 1]; /* mapping.yaml's previous edition */
	struct mapping *map;           /* one per item; NULL without a file */
	size_t nmap;
};

struct term {
	char id[CONTENT_ID_MAX + 1]; /* e.g. "vpn" */
	char *word;                  /* as shown, e.g. "VPN" */
	char *reading;               /* optional; NULL when none */
	char *text;                  /* plain explanation */
};

/* A labelled choice of a list in content (systems, contract kinds). */
struct choice {
	char id[CONTENT_ID_MAX + 1]; /* stored in the data file */
	char *label;                 /* shown */
};

/* A question asked about every vendor's contract (common/vendors.yaml). */
struct vquestion {
	char id[CONTENT_ID_MAX + 1]; /* e.g. "security-split" */
	char topic[CONTENT_ID_MAX + 1]; /* what it asks a vendor, shared by
					 * requests that ask the same; "" */
	char *number;                /* our display number, "1", "2" ... */
	char *table_ref; /* 役割分担等確認表 row, e.g. "Part1 A2"; NULL */
	char *title;     /* short, for lists */
	char *question; /* what the clinic answers */
	char *why;
	char *how;
	char *request; /* printed on the vendor's sheet for no/unknown */
	char *source;
	bool verified;     /* table_ref checked against the 確認表 */
	char **contracts;  /* contract kinds it applies to; none listed: */
	size_t ncontracts; /* every kind but "none" */
	char **terms;
	size_t nterms;
	char *file;
	int line;
};

/* A role of the contact chart (common/contacts.yaml). */
struct contact_role {
	char id[CONTENT_ID_MAX + 1]; /* e.g. "police" */
	bool outside;                /* 外部 rather than 院内 */
	char *label;
	char *hint;
	bool required; /* checklist 3-① needs it */
};

/* How a vendor connects in (common/remote.yaml: lines). */
struct line_type {
	char id[CONTENT_ID_MAX + 1]; /* e.g. "internet-vpn-device" */
	char *label;
	bool internet; /* crosses the internet */
	char *hint;
};

/*
 * The fields of a connection (model/remote.h): what a risk rule can test
 * and what the clinic answers. Two are derived for the rules only
 * (CF_LINE_INTERNET from the line type, CF_PATCH_AGE from the last
 * update's date); four have no わからない (approver, device, version,
 * last_patch: they are filled in or not).
 */
enum conn_field {
	CF_LINE = 0,      /* line type id */
	CF_LINE_INTERNET, /* rules only: "true" / "false" */
	CF_ALWAYS_ON,     /* yes no unknown */
	CF_APPROVER,      /* who approves each connection (text) */
	CF_DEVICE,        /* maker and model */
	CF_VERSION,       /* firmware version (text) */
	CF_PATCHER,       /* clinic vendor nobody unknown */
	CF_LAST_PATCH,    /* date of the last update */
	CF_FACTORY_PW,    /* factory_password_changed: yes no unknown */
	CF_PW_REUSED,     /* yes no unknown */
	CF_TWO_FACTOR,    /* yes no unknown */
	CF_ADMIN_EXPOSED, /* yes no unknown */
	CF_PATIENT_DATA,  /* none view download change unknown */
	CF_LOGS,          /* reviewed kept none unknown */
	CF_PATCH_AGE,     /* rules only: patch_older_than_days, a number */
	CF__COUNT
};

/* How a field is shown when open, and what the vendor is asked
 * (common/remote.yaml: fields). */
struct conn_field_text {
	char *label;   /* short name, for 「未回答: …」 */
	char *unknown; /* the heading when answered わからない; NULL: none */
	char *why;     /* why it matters to know; with unknown */
	char *ask;     /* the question to the vendor; NULL: the clinic's */
};

struct rule_cond {
	enum conn_field field;
	char **values; /* accepted values (not for CF_PATCH_AGE); "open":
			* the field is unanswered or わからない */
	size_t nvalues;
	long days; /* CF_PATCH_AGE only */
};

/* Two answers that cannot both be true (common/conflicts.yaml). */
struct conflict_rule {
	char id[CONTENT_ID_MAX + 1];
	char item[CONTENT_ID_MAX + 1]; /* checklist item; "" for vendors */
	char answer[8];                /* its answer: yes no unknown */
	char **remote;                 /* "device" or rule ids */
	size_t nremote;
	char vendor_item[CONTENT_ID_MAX + 1]; /* per vendor; "" */
	char vendor_answer[8];
	char other_item[CONTENT_ID_MAX + 1];
	char other_answer[8];
	char *text;   /* the other side, in one or two sentences */
	char *source;
};

/* Priority of a gap, most urgent first (common/priority.yaml). */
enum priority {
	PRIORITY_CRITICAL = 0, /* a known exploited flaw */
	PRIORITY_HIGH,
	PRIORITY_MEDIUM,
	PRIORITY_LOW,
	PRIORITY__COUNT
};

struct priority_level {
	char *label;   /* 至急, 高 ... */
	char *explain; /* one sentence for the PDF */
};

/* A risk rule: a connection state that becomes a gap (remote.yaml). */
struct remote_rule {
	char id[CONTENT_ID_MAX + 1];
	char topic[CONTENT_ID_MAX + 1]; /* as in struct vquestion; "" */
	enum priority priority;
	enum who owner;
	struct rule_cond *conds; /* all must hold */
	size_t nconds;
	char *title;
	char *why;
	char *action;
	char *request;    /* to the connection's vendor */
	char **checklist; /* checklist item ids it feeds */
	size_t nchecklist;
	char *source;
};

/* Known exploited vulnerabilities, one maker per file (vulns/). */
struct vuln_range {
	char *from, *to; /* inclusive; to is NULL when eol */
	char *fixed;     /* first fixed version of the branch; when the
			  * branch has none, the lowest fixed version of the
			  * branch the maker tells users to move to */
	bool eol;        /* the branch never got a fix: every version of
			  * from's branch from `from` on is affected */
};

struct vuln {
	char id[CONTENT_ID_MAX + 1];      /* "cve-2018-13379" */
	char *cve;                        /* "CVE-2018-13379" */
	char product[CONTENT_ID_MAX + 1]; /* product id of the maker */
	char *title, *condition, *allows, *action, *incident, *source;
	char *requires; /* the feature that must be on for the flaw to
			 * apply (one line), or NULL: it applies whatever
			 * the settings */
	bool exploited; /* on CISA KEV */
	bool verified;
	char kev_added[11]; /* YYYY-MM-DD or "" */
	struct vuln_range *ranges;
	size_t nranges;
};

struct vproduct {
	char id[CONTENT_ID_MAX + 1];
	char *label;
	char *hint; /* how the version looks, where to read it */
};

struct vmaker {
	char id[CONTENT_ID_MAX + 1];
	char *label;
	char kev_as_of[11]; /* YYYY-MM-DD: the CISA KEV catalogue the file
			     * was last compared with */
	struct vproduct *products;
	size_t nproducts;
	struct vuln *vulns;
	size_t nvulns;
	char *file;
};

/* 保守委託機関編 (common/hoshu.yaml): the judgement's texts and items. */
struct hoshu_question {
	char *question;
	char *help;
};

struct hoshu_item {
	char id[CONTENT_ID_MAX + 1]; /* e.g. "h-9-4" */
	char topic[CONTENT_ID_MAX + 1]; /* as in struct vquestion; "" */
	char *number;                /* e.g. "9章④" */
	char *title, *meaning, *how, *source;
	char *request; /* to each vendor that updates a server, when the
			  clinic answers いいえ/わからない; NULL when none */
	enum who who;
	bool verified;
	char **terms;
	size_t nterms;
};

/* An area of the 【別紙】 MDS/SDS security items, asked of each vendor. */
struct sds_area {
	char id[CONTENT_ID_MAX + 1]; /* e.g. "sds-rules" */
	char form[5];                /* mds, sds, both */
	char *area, *question, *request, *source;
	bool verified;
};

/* The reasons the judgement gives; templates with %s (checked at load). */
enum hoshu_reason {
	HR_STAFF_YES = 0,      /* no %s */
	HR_STAFF_UNKNOWN,      /* no %s */
	HR_STAFF_UNANSWERED,   /* no %s */
	HR_NO_SERVERS,         /* no %s */
	HR_SERVER_SELF,        /* server */
	HR_SERVER_UNKNOWN,     /* server */
	HR_SERVER_UNANSWERED,  /* server */
	HR_SERVER_NO_VENDOR,   /* server */
	HR_CLAUSE_UNANSWERED,  /* server, vendor */
	HR_CLAUSE_UNKNOWN,     /* server, vendor */
	HR_CLAUSE_NO_PLACE,    /* server, vendor */
	HR_CLAUSE_NOT_WRITTEN, /* server, vendor */
	HR_CLAUSE_NO_CONTRACT, /* server, vendor */
	HR_CLAUSE_OK,          /* server, vendor, where */
	HR__COUNT
};

/*
 * The flowchart's last question (is the vendor's update duty written in
 * the contract, 約款 or SLA?) is not asked again: it is the answer to a
 * contract question of vendors.yaml, one for every contract kind.
 */
struct hoshu_written {
	char vendor_question[CONTENT_ID_MAX + 1]; /* e.g. "security-split" */
	char *help; /* how that answer is judged (図1 ※2) */
};

struct hoshu {
	char *title, *source;
	bool verified;
	struct hoshu_question staff, servers, patching;
	struct hoshu_written written;
	char *applies, *not_applies, *needs_contract, *incomplete;
	char *reasons[HR__COUNT];
	struct hoshu_item *items;
	size_t nitems;
	struct sds_area *areas;
	size_t nareas;
};

struct content {
	struct edition *editions; /* sorted by first_year, oldest first */
	size_t neditions;
	struct term *terms; /* the glossary (common/glossary.yaml) */
	size_t nterms;
	struct choice *systems; /* common/vendors.yaml */
	size_t nsystems;
	struct choice *contracts;
	size_t ncontracts;
	struct vquestion *questions;
	size_t nquestions;
	struct contact_role *roles; /* common/contacts.yaml */
	size_t nroles;
	struct line_type *lines; /* common/remote.yaml */
	size_t nlines;
	struct remote_rule *rules;
	size_t nrules;
	struct conn_field_text cfields[CF__COUNT]; /* remote.yaml: fields */
	struct conflict_rule *conflicts; /* conflicts.yaml (may be absent) */
	size_t nconflicts;
	struct vmaker *makers; /* vulns/, one per file, sorted by name */
	size_t nmakers;
	char *vulns_dir;    /* where vulns/ was loaded from */
	struct hoshu hoshu; /* common/hoshu.yaml */
	struct priority_level levels[PRIORITY__COUNT]; /* priority.yaml */
	enum priority gap_default;  /* a checklist gap's level ... */
	char **gap_high, **gap_low; /* ... unless listed here */
	size_t ngap_high, ngap_low;
	char *common_dir;       /* where common/ was loaded from */
	struct strbuf warnings; /* one line per refused override file */
};

/*
 * Loads every edition and common/ from roots (NULL-terminated, highest
 * precedence first). For each folder name the first root whose files all
 * validate wins; a broken one is skipped and described in c->warnings
 * (file:line:column: message). A folder valid alone that clashes with the
 * ones below it (two editions for one year, say) is left out as a whole,
 * also described in c->warnings. Returns 0, or -1 with e set when an
 * edition or common/ cannot be loaded from any root, or no edition exists.
 * c is initialised by this call; release it with content_release() in
 * every case.
 */
int content_load(struct content *c, char *const *roots, struct err *e);

/* Frees everything c owns. */
void content_release(struct content *c);

/*
 * Loads one edition folder (dir/edition.yaml and its files) into ed,
 * checking every field and that glossary ids exist in c (may be NULL to
 * skip that check). Returns 0, or -1 with e set to file:line:col: message.
 */
int content_load_edition(struct edition *ed, const char *dir,
			 const struct content *c, struct err *e);
void content_edition_release(struct edition *ed);

/* The newest edition with first_year <= fiscal_year, or NULL. */
const struct edition *content_edition_for_year(const struct content *c,
					       int fiscal_year);

/* The edition with this id, or NULL. */
/* True when every item of ed was checked against the official form. */
bool content_edition_verified(const struct edition *ed);

const struct edition *content_edition_find(const struct content *c,
					   const char *id);

/* The item with this id in ed, or NULL. */
const struct item *content_item_find(const struct edition *ed, const char *id);

/* Index of the item in ed->items, or -1. */
long content_item_index(const struct edition *ed, const char *id);

/* The vendor-form item with this id, or NULL. */
const struct vendor_item *content_vendor_item_find(const struct edition *ed,
						   const char *id);

/* The mapping of item id to the previous edition, or NULL. */
const struct mapping *content_mapping_find(const struct edition *ed,
					   const char *id);

/* The translated word for a mapping kind (同じ, 表現の変更 ...). */
const char *content_map_kind_label(enum map_kind k);

/*
 * Checks what the loader cannot check file by file, for validate-content:
 * numbers in each section run ①②③... in order, and the mapping of each
 * edition names items that exist in its previous edition. Appends one
 * line per problem to out; returns the count.
 */
size_t content_check(const struct content *c, struct strbuf *out);

/* The choice with this id in list (n entries), or NULL. */
const struct choice *content_choice_find(const struct choice *list, size_t n,
					 const char *id);

/*
 * True if question q applies to a vendor with this contract kind ("" when
 * not chosen yet: every question applies).
 */
bool content_question_applies(const struct vquestion *q, const char *contract);

/* The line type, maker and product with this id, or NULL. */
const struct line_type *content_line_find(const struct content *c,
					  const char *id);
const struct vmaker *content_maker_find(const struct content *c,
					const char *id);
const struct vproduct *content_product_find(const struct vmaker *m,
					    const char *id);

/*
 * The date of the known-flaw list (vulns/): the oldest kev_as_of of its
 * files, as YYYY-MM-DD; "" when no list is loaded. Borrowed.
 */
const char *content_vulns_as_of(const struct content *c);

/* The stored key of a connection field ("always_on" ...). */
const char *content_field_key(enum conn_field f);

/* True when field f can be answered わからない (approver, device, version
 * and last_patch cannot; the two derived fields are not answered). */
bool content_field_has_unknown(enum conn_field f);

/* True for the fields the clinic answers (not the two derived ones). */
bool content_field_answered(enum conn_field f);

/* The label of a priority (from priority.yaml): 至急, 高, 中, 低. */
const char *content_priority_label(const struct content *c, enum priority p);

/* The level of a checklist gap on item id (priority.yaml). */
enum priority content_gap_priority(const struct content *c, const char *id);

/* The contact role with this id, or NULL. */
const struct contact_role *content_role_find(const struct content *c,
					     const char *id);

/* The glossary term with this id, or NULL. */
const struct term *content_term_find(const struct content *c, const char *id);

/* The translated label of who (院内, 事業者, 院内と事業者). */
const char *content_who_label(enum who who);

/*
 * Checks a content folder for validate-content, as the program would use
 * it: roots[0] is the folder, the roots after it are what it overrides
 * (so a folder holding only vulns/ or one edition is valid when the rest
 * comes from below). Every file of roots[0] must load, nothing may clash
 * with the folders below, ids unique, references valid. Appends one line
 * per problem to out and returns the number of problems (0 = all good).
 */
size_t content_validate_root(char *const *roots, struct strbuf *out);

#endif

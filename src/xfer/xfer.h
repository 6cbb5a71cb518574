#ifndef IRY_XFER_H
#define IRY_XFER_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "model/answer.h"
#include "model/contact.h"
#include "model/date.h"
#include "model/facility.h"
#include "model/hoshu.h"
#include "model/remote.h"
#include "model/vendor.h"
#include "store/store.h"
#include "util/err.h"
#include "util/strbuf.h"

/*
 * Export and import (iryosec export / import): the whole data file as
 * JSON (jansson), the checklist transcript as CSV for Excel. The JSON
 * format is documented in docs/export-schema.json; XFER_FORMAT_VERSION is
 * its "version" and goes up with any change a reader must know about.
 */

#define XFER_FORMAT_NAME    "iryosec-export" /* the file's "format" */
#define XFER_FORMAT_VERSION 1
#define XFER_FILE_MAX       (64L * 1024 * 1024) /* bytes an import reads */

/* One 点検年度 and what was answered in it. */
struct xfer_year {
	int year;                         /* 点検年度 */
	char edition[CONTENT_ID_MAX + 1]; /* "" when none was recorded */
	struct answer_set answers;        /* checklist, 保守委託機関編 */
	struct vanswer_set vanswers;      /* about vendors */
};

/*
 * Everything a data file holds, as plain records. Read from a store
 * (xfer_data_load: ids are the file's row ids) or from an export
 * (xfer_json_read: a vendor's id is its "ref" in the file, and answers,
 * connections and servers name vendors by it).
 */
struct xfer_data {
	bool has_facility;        /* 初回設定 was saved at least once */
	struct facility facility; /* its edition: the one of its year */
	struct xfer_year *years;  /* oldest first */
	size_t nyears;
	struct vendor_list vendors;         /* register order */
	struct connection_list connections; /* register order */
	struct server_list servers;         /* register order */
	struct contact_list contacts;       /* sorted by role */
};

/* Frees everything d holds and zeroes it. A zeroed d is empty. */
void xfer_data_release(struct xfer_data *d);

/*
 * Reads everything of st into d (released first). Returns 0, or -1 with
 * e set (d then holds what was read; release it).
 */
int xfer_data_load(struct xfer_data *d, struct store *st, struct err *e);

/*
 * Appends d as the export's JSON to out: keys sorted, two-space indent,
 * a final newline, so the same data always gives the same bytes. Vendors
 * are numbered 1, 2, ... in register order ("ref"); c describes the
 * editions used (an edition c lacks is written with its id only).
 */
void xfer_json_write(const struct xfer_data *d, const struct content *c,
		     struct strbuf *out);

/*
 * Reads an export (text, len bytes; name is the file's name for messages)
 * into d (released first), checking every field as the screens would:
 * the model's checks against content c and today. A file from a newer
 * iryosec is refused with ERR_NEWER; anything else wrong with ERR_INPUT
 * and a message naming the line and the field. Answers for an edition c
 * does not have are kept as they are. Returns 0, or -1 with e set (d is
 * then empty).
 */
int xfer_json_read(struct xfer_data *d, const char *text, size_t len,
		   const char *name, const struct content *c,
		   const struct date *today, struct err *e);

/* As xfer_json_read, for a file read to be counted, not imported
 * (aggregate): the messages do not end with "nothing was imported". */
int xfer_json_load(struct xfer_data *d, const char *text, size_t len,
		   const char *name, const struct content *c,
		   const struct date *today, struct err *e);

/* The parts of an import, in the order the summary lists them. */
enum xfer_part {
	XFER_FACILITY = 0, /* 施設の情報 */
	XFER_YEARS,        /* 点検年度 and their editions */
	XFER_ANSWERS,      /* checklist and 保守委託機関編 answers */
	XFER_VANSWERS,     /* answers about vendors */
	XFER_VENDORS,      /* the vendor register */
	XFER_CONNECTIONS,  /* remote maintenance */
	XFER_SERVERS,      /* 保守委託機関編's servers */
	XFER_CONTACTS,     /* the contact chart */
	XFER__PARTS
};

/* A 点検年度 whose edition this program does not have. */
struct xfer_foreign {
	int year;
	char edition[CONTENT_ID_MAX + 1];
	size_t answers; /* answers kept for it */
};

/*
 * What an import would do to a data file: records are matched (answers
 * by year, item and cell; vendor answers by year, vendor and item;
 * vendors and servers by name, connections by system and vendor, the
 * n-th of a name with the n-th; contacts by role) and each is added,
 * changed or left as it is. Nothing is ever deleted.
 */
struct xfer_plan {
	size_t added[XFER__PARTS], changed[XFER__PARTS], same[XFER__PARTS];
	struct xfer_foreign *foreign; /* editions c lacks; owned */
	size_t nforeign;
	/* per record of the file: the matching row id, 0 for a new one */
	long *vendor_ids, *conn_ids, *server_ids;
	/* both set (owned) when the file names another facility than the
	 * data file does: perhaps another clinic's export */
	char *db_name, *file_name;
};

/*
 * Compares the export in file with the data file's content in db (empty
 * for a new file) and fills p (released first). c tells which editions
 * this program has.
 */
void xfer_plan_make(struct xfer_plan *p, const struct xfer_data *file,
		    const struct xfer_data *db, const struct content *c);

/* True when the plan adds or changes anything. */
bool xfer_plan_changes(const struct xfer_plan *p);

/* Appends the plan as text for the user (one line per part, then the
 * editions kept unread, then a warning when the facility names differ). */
void xfer_plan_text(const struct xfer_plan *p, struct strbuf *out);

void xfer_plan_release(struct xfer_plan *p);

/*
 * Writes what p adds and changes from file into st, in one transaction
 * (db must be what st held when p was made). Returns 0, or -1 with e set,
 * and then nothing was written.
 */
int xfer_apply(struct store *st, const struct xfer_plan *p,
	       const struct xfer_data *file, const struct xfer_data *db,
	       struct err *e);

/*
 * Appends the checklist transcript of the facility's 点検年度 as CSV for
 * Excel: UTF-8 with a byte order mark, CRLF line ends, a header row, then
 * one row per item and cell in the official order; every cell quoted and
 * a cell that starts like a formula (= + - @, tab, CR) led by an
 * apostrophe, so a memo never runs as a formula. Returns 0, or -1 with e
 * set (setup not done, no edition for the year, the file unreadable).
 */
int xfer_csv_write(struct store *st, const struct content *c,
		   const struct date *today, struct strbuf *out, struct err *e);

/* Appends s as one CSV cell (quoted, neutralised as above) to out. */
void xfer_csv_cell(struct strbuf *out, const char *s);

/*
 * Appends the default name of an export made today: ./iryosec-<date>.json
 * for the whole data file, ./iryosec-<fy>-<date>.csv for the transcript
 * of 点検年度 fy (as the report's ./iryosec-<fy>-<date>.pdf).
 */
void xfer_default_name(struct strbuf *sb, bool csv, int fy,
		       const struct date *today);

/*
 * Reads the file at path (a regular file of at most XFER_FILE_MAX bytes;
 * a FIFO or device is refused, never waited on) into out. Returns 0, or
 * -1 with e set.
 */
int xfer_file_read(const char *path, struct strbuf *out, struct err *e);

/*
 * Saves buf (n bytes) to path as a new file only its owner may read
 * (0600): written under a unique name in the same folder, synced, then
 * renamed over path. path must be a new name or a regular file of ours;
 * a link, folder, device, FIFO or another user's file is refused and
 * left alone. Returns 0, or -1 with e set (nothing left behind).
 */
int xfer_file_save(const char *path, const char *buf, size_t n, struct err *e);

#endif

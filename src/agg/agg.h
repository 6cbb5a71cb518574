#ifndef IRY_AGG_H
#define IRY_AGG_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "job/year.h"
#include "model/date.h"
#include "util/err.h"
#include "util/strbuf.h"

/*
 * iryosec aggregate: counts over many clinics' files (data files and JSON
 * exports, mixed). Each file is read, added to the counters and released,
 * so memory does not grow with the number of files (only with the
 * different vendor names and devices, and the list of skipped files).
 * Clinic names are kept only when names is set (--names).
 * docs/aggregate.md describes the outputs.
 */

#define AGG_VALUES 5 /* by enum answer_value: 未回答 はい いいえ わからない 該当なし */
#define AGG_HOSHU  4 /* by enum hoshu_result */

/* Counts for one edition's items: clinics on it, and per item and cell. */
struct agg_edition {
	const struct edition *ed; /* borrowed from the content */
	size_t clinics;
	size_t *counts; /* [item][cell][value]: nitems * CELL__COUNT * AGG_VALUES */
	size_t *gaps;   /* [item]: clinics with いいえ or わからない in a cell */
};

/* One counted key (a vendor name; a device's maker, product, version). */
struct agg_entry {
	char *k[3];     /* owned; unused parts "" */
	size_t count;   /* vendors: clinics naming it; devices: devices */
	size_t clinics; /* devices: clinics with one */
	size_t extra;   /* vendors: open requests in all */
	size_t last;    /* number of the last file that counted it */
};

struct agg_table {
	struct agg_entry *v;
	size_t n, alloc;
	size_t *slots; /* open addressing: index + 1, 0 empty */
	size_t nslots;
};

struct agg_skip {
	size_t number; /* position on the command line, from 1 */
	char *path;    /* owned */
	char *reason;  /* owned, translated */
};

struct agg {
	const struct content *content;
	bool names;   /* --names: clinic names and paths in the outputs */
	size_t files; /* files given so far */
	size_t read;  /* of those, counted */
	struct agg_edition *eds; /* one per content edition */
	size_t neds;
	size_t hoshu[AGG_HOSHU]; /* 保守委託機関編 judgements */
	size_t vulnerable;       /* clinics with a device with known flaws */
	struct agg_table devices;
	struct agg_table vendors;
	struct agg_skip *skipped;
	size_t nskipped, skipalloc;
	struct strbuf clinics; /* names: the rows of clinics.csv */
	struct remote_flaws flaws; /* devices' known flaws, across files */
};

void agg_init(struct agg *a, const struct content *c, bool names);
void agg_release(struct agg *a);

/*
 * Adds one clinic's year (loaded and evaluated as year_data_load does;
 * y->edition not NULL) as the next file, named path and counted.
 */
void agg_add_year(struct agg *a, const struct year_data *y, const char *path);

/*
 * Reads the file at path (a data file, opened read-only without the lock,
 * or a JSON export), adds its facility's current 点検年度 and releases it.
 * A file that cannot be read is recorded as skipped with the reason and
 * -1 is returned with e set; else 0.
 */
int agg_add_file(struct agg *a, const char *path, const struct date *today,
		 struct err *e);

/*
 * agg_add_file for each of paths[0..n-1], counted in that order, the
 * files read by `readers` threads at once (1: all on this thread). A
 * skipped file is passed to skipped(ctx, path, e) in its turn, on this
 * thread, after it was recorded (skipped may be NULL). The outputs are the
 * same for any number of readers; memory grows with the readers, not with
 * n (each reads at most two files ahead of the one being counted).
 */
void agg_add_files(struct agg *a, const char *const *paths, size_t n,
		   const struct date *today, unsigned readers,
		   void (*skipped)(void *ctx, const char *path,
				   const struct err *e),
		   void *ctx);

/*
 * The readers agg_add_files should use for nfiles files: the processors
 * this process may use, at most 8; $IRYOSEC_AGG_READERS (1-9) instead
 * when set (tests compare 1 with several); 1 for fewer than 2 files.
 */
unsigned agg_readers(size_t nfiles);

/* The CSV files, in the order they are written. */
enum agg_csv {
	AGG_CSV_ITEMS = 0, /* items.csv */
	AGG_CSV_GAPS,      /* gaps.csv */
	AGG_CSV_DEVICES,   /* devices.csv */
	AGG_CSV_VENDORS,   /* vendors.csv */
	AGG_CSV_HOSHU,     /* hoshu.csv */
	AGG_CSV_FILES,     /* files.csv: skipped files (and, with names,
			    * every clinic) */
	AGG__CSV
};

/* The file name of a CSV ("items.csv" ...). */
const char *agg_csv_name(enum agg_csv which);

/* Appends one CSV (UTF-8 with BOM, CRLF, cells neutralised) to out. */
void agg_csv(const struct agg *a, enum agg_csv which, struct strbuf *out);

/*
 * Writes the CSV files and aggregate.pdf into dir (made when missing; a
 * link or anything but a folder is refused), each saved atomically. font:
 * NULL for the default. *pages gets the PDF's pages. Returns 0, or -1
 * with e set.
 */
int agg_write(const struct agg *a, const char *dir, const char *font,
	      const struct date *today, size_t *pages, struct err *e);

#endif

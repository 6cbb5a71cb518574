/*
 * iryosec aggregate: one clinic at a time into counters, then CSV files
 * and a PDF of tables (docs/aggregate.md).
 */
#include "agg/agg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/request.h"
#include "report/tables.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/sys.h"
#include "util/thread.h"
#include "util/xalloc.h"
#include "xfer/xfer.h"

/* Rows of the PDF's short lists. */
#define AGG_PDF_TOP 20

void
agg_init(struct agg *a, const struct content *c, bool names)
{
	size_t i;

	memset(a, 0, sizeof(*a));
	a->content = c;
	a->names = names;
	a->neds = c->neditions;
	a->eds = xcalloc(a->neds ? a->neds : 1, sizeof(*a->eds));
	for (i = 0; i < a->neds; i++) {
		const struct edition *ed = &c->editions[i];

		a->eds[i].ed = ed;
		a->eds[i].counts =
			xcalloc((ed->nitems ? ed->nitems : 1) * CELL__COUNT *
					AGG_VALUES,
				sizeof(size_t));
		a->eds[i].gaps =
			xcalloc(ed->nitems ? ed->nitems : 1, sizeof(size_t));
	}
	strbuf_init(&a->clinics, 0);
	a->flaws = (struct remote_flaws)REMOTE_FLAWS_INIT;
}

static void
table_release(struct agg_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].k[0]);
		free(t->v[i].k[1]);
		free(t->v[i].k[2]);
	}
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

void
agg_release(struct agg *a)
{
	size_t i;

	for (i = 0; i < a->neds; i++) {
		free(a->eds[i].counts);
		free(a->eds[i].gaps);
	}
	free(a->eds);
	table_release(&a->devices);
	table_release(&a->vendors);
	for (i = 0; i < a->nskipped; i++) {
		free(a->skipped[i].path);
		free(a->skipped[i].reason);
	}
	free(a->skipped);
	strbuf_release(&a->clinics);
	remote_flaws_release(&a->flaws);
	memset(a, 0, sizeof(*a));
}

static uint64_t
hash3(const char *const k[3])
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;
	const unsigned char *p;

	for (i = 0; i < 3; i++) {
		for (p = (const unsigned char *)k[i]; *p != '\0'; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ 0x1f) * 1099511628211ULL;
	}
	return h;
}

static void
table_rehash(struct agg_table *t)
{
	size_t i, n = t->nslots ? t->nslots * 2 : 64;

	free(t->slots);
	t->slots = xcalloc(n, sizeof(*t->slots));
	t->nslots = n;
	for (i = 0; i < t->n; i++) {
		const char *k[3] = {t->v[i].k[0], t->v[i].k[1], t->v[i].k[2]};
		size_t s = (size_t)(hash3(k) & (n - 1));

		while (t->slots[s] != 0)
			s = (s + 1) & (n - 1);
		t->slots[s] = i + 1;
	}
}

/* The entry for the key (a, b, c), made when new. */
static struct agg_entry *
table_get(struct agg_table *t, const char *a, const char *b, const char *c)
{
	const char *k[3] = {a ? a : "", b ? b : "", c ? c : ""};
	struct agg_entry *en;
	size_t s;

	if ((t->n + 1) * 2 > t->nslots)
		table_rehash(t);
	s = (size_t)(hash3(k) & (t->nslots - 1));
	while (t->slots[s] != 0) {
		en = &t->v[t->slots[s] - 1];
		if (strcmp(en->k[0], k[0]) == 0 &&
		    strcmp(en->k[1], k[1]) == 0 && strcmp(en->k[2], k[2]) == 0)
			return en;
		s = (s + 1) & (t->nslots - 1);
	}
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 32;
		t->v = xrealloc(t->v, t->alloc * sizeof(*t->v));
	}
	en = &t->v[t->n++];
	memset(en, 0, sizeof(*en));
	en->k[0] = xstrdup(k[0]);
	en->k[1] = xstrdup(k[1]);
	en->k[2] = xstrdup(k[2]);
	t->slots[s] = t->n;
	return en;
}

static struct agg_edition *
edition_of(struct agg *a, const struct edition *ed)
{
	size_t i;

	for (i = 0; i < a->neds; i++)
		if (a->eds[i].ed == ed || strcmp(a->eds[i].ed->id, ed->id) == 0)
			return &a->eds[i];
	return NULL;
}

/* The label of a device's product: the content's, else its id. */
static const char *
product_label(const struct finding *f)
{
	size_t i;

	for (i = 0; f->maker != NULL && i < f->maker->nproducts; i++)
		if (strcmp(f->maker->products[i].id, f->conn->product) == 0)
			return f->maker->products[i].label;
	return f->conn->product;
}

static void
add_clinic_row(struct agg *a, const char *path, const struct year_data *y,
	       size_t devices)
{
	char n[32], ans[48], gaps[32], dev[32];
	const char *cells[8];
	size_t i;

	snprintf(n, sizeof(n), "%zu", a->files);
	snprintf(ans, sizeof(ans), "%zu / %zu", y->progress.answered,
		 y->progress.total);
	snprintf(gaps, sizeof(gaps), "%zu", y->progress.gaps);
	snprintf(dev, sizeof(dev), "%zu", devices);
	cells[0] = n;
	cells[1] = path;
	cells[2] = y->facility.name;
	cells[3] = y->edition->name;
	cells[4] = ans;
	cells[5] = gaps;
	cells[6] = dev;
	cells[7] = hoshu_result_label(y->judgement.result);
	for (i = 0; i < 8; i++) {
		if (i > 0)
			strbuf_addch(&a->clinics, ',');
		xfer_csv_cell(&a->clinics, cells[i]);
	}
	strbuf_addstr(&a->clinics, "\r\n");
}

/*
 * The open requests to each vendor of y (requests[i] for y->vendors.v[i]),
 * as the lines of its request sheet. Reads y only: aggregate's readers
 * run it on their own threads.
 */
static void
count_requests(const struct year_data *y, size_t *requests)
{
	struct request_list rl = REQUEST_LIST_INIT;
	struct request_ctx x;
	struct vanswer_set sub = VANSWER_SET_INIT;
	size_t i, j;

	year_data_request_ctx(y, &x);
	for (i = 0; i < y->vendors.n; i++) {
		const struct vendor *v = &y->vendors.v[i];

		requests[i] = 0;
		if (v->name == NULL || v->name[0] == '\0')
			continue;
		/* the requests look up this vendor's answers only: give
		 * them only those (a shallow view), not every vendor's */
		sub.n = 0;
		for (j = 0; j < y->vanswers.n; j++) {
			if (y->vanswers.v[j].vendor != v->id)
				continue;
			xgrow((void **)&sub.v, &sub.alloc, sub.n + 1,
			      sizeof(*sub.v));
			sub.v[sub.n++] = y->vanswers.v[j];
		}
		x.vanswers = &sub;
		requests[i] = request_count(&x, v, &rl);
	}
	free(sub.v); /* the memos are y's */
	request_list_release(&rl);
}

/* agg_add_year with the vendors' open requests counted already
 * (count_requests). */
static void
add_year(struct agg *a, const struct year_data *y, const char *path,
	 const size_t *requests)
{
	const struct edition *ed = y->edition;
	struct agg_edition *ae = edition_of(a, ed);
	const struct item *prev = NULL;
	size_t n, i, k, devices = 0;

	n = ++a->files;
	a->read++;
	if (ae != NULL) {
		ae->clinics++;
		for (k = 0; k < ed->nitems; k++) {
			const struct item *it = &ed->items[k];

			for (i = 0; i < it->ncells; i++) {
				const struct answer *an = answer_set_find(
					&y->answers, it->id, it->cells[i]);
				unsigned v = an != NULL ? (unsigned)an->value
							: ANSWER_NONE;

				if (v >= AGG_VALUES)
					v = ANSWER_NONE;
				ae->counts[(k * CELL__COUNT + it->cells[i]) *
						   AGG_VALUES +
					   v]++;
			}
		}
		/* the gaps come in official order: one per item and clinic */
		for (i = 0; i < y->gaps.n; i++) {
			const struct item *it = y->gaps.v[i].item;

			if (it != prev && it >= ed->items &&
			    it < ed->items + ed->nitems)
				ae->gaps[it - ed->items]++;
			prev = it;
		}
	}
	if ((unsigned)y->judgement.result < AGG_HOSHU)
		a->hoshu[y->judgement.result]++;
	for (i = 0; i < y->findings.n; i++) {
		const struct finding *f = &y->findings.v[i];
		struct agg_entry *en;

		if (f->kind != FINDING_DEVICE)
			continue;
		en = table_get(&a->devices,
			       f->maker != NULL ? f->maker->label : "",
			       product_label(f), f->version);
		en->count++;
		if (en->last != n) {
			en->clinics++;
			en->last = n;
		}
		devices++;
	}
	if (devices > 0)
		a->vulnerable++;
	for (i = 0; i < y->vendors.n; i++) {
		const struct vendor *v = &y->vendors.v[i];
		struct agg_entry *en;

		if (v->name == NULL || v->name[0] == '\0')
			continue;
		en = table_get(&a->vendors, v->name, NULL, NULL);
		if (en->last != n) {
			en->count++;
			en->last = n;
		}
		en->extra += requests[i];
	}
	if (a->names)
		add_clinic_row(a, path, y, devices);
}

void
agg_add_year(struct agg *a, const struct year_data *y, const char *path)
{
	size_t *requests =
		xcalloc(y->vendors.n ? y->vendors.n : 1, sizeof(*requests));

	count_requests(y, requests);
	add_year(a, y, path, requests);
	free(requests);
}

static void
skip(struct agg *a, const char *path, const struct err *e)
{
	struct agg_skip *s;

	a->files++;
	if (a->nskipped == a->skipalloc) {
		a->skipalloc = a->skipalloc ? a->skipalloc * 2 : 8;
		a->skipped = xrealloc(a->skipped,
				      a->skipalloc * sizeof(*a->skipped));
	}
	s = &a->skipped[a->nskipped++];
	s->number = a->files;
	s->path = xstrdup(path);
	s->reason = xstrdup(e->msg);
	if (!a->names && path[0] != '\0') {
		/* the reason may name the file: only its number then */
		struct strbuf sb = STRBUF_INIT;
		const char *p = e->msg, *q;
		size_t len = strlen(path);

		while ((q = strstr(p, path)) != NULL) {
			strbuf_add(&sb, p, (size_t)(q - p));
			strbuf_addf(&sb, _("file %zu"), s->number);
			p = q + len;
		}
		strbuf_addstr(&sb, p);
		free(s->reason);
		s->reason = strbuf_detach(&sb, NULL);
	}
	if (a->names) {
		char n[32];

		snprintf(n, sizeof(n), "%zu", a->files);
		xfer_csv_cell(&a->clinics, n);
		strbuf_addch(&a->clinics, ',');
		xfer_csv_cell(&a->clinics, path);
		strbuf_addstr(&a->clinics, ",\"\",\"\",\"\",\"\",\"\",");
		xfer_csv_cell(&a->clinics, e->msg);
		strbuf_addstr(&a->clinics, "\r\n");
	}
}

/* True when the file starts as an SQLite database does. */
static bool
is_sqlite(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];

	return sys_read_head(path, false, head, sizeof(head)) ==
		       (long)sizeof(head) &&
	       memcmp(head, magic, sizeof(head)) == 0;
}

/* True when text starts (after a BOM and white space) with '{'. */
static bool
looks_like_json(const char *text, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (text[i] == ' ' || text[i] == '\t' ||
			   text[i] == '\r' || text[i] == '\n'))
		i++;
	return i < len && text[i] == '{';
}

/* Moves the export's current year into y, as year_data_load reads it. */
static int
load_export(struct year_data *y, const char *path, const struct content *c,
	    const struct date *today, struct remote_flaws *flaws,
	    struct err *e)
{
	struct strbuf text = STRBUF_INIT;
	struct xfer_data d = {0};
	size_t i;
	int r = -1;

	memset(y, 0, sizeof(*y));
	y->content = c;
	y->flaws = flaws;
	if (xfer_file_read(path, &text, e) != 0)
		goto out;
	if (!looks_like_json(text.buf, text.len)) {
		/* neither SQLite nor JSON: say what was expected, not a
		 * JSON syntax error about a file that never was JSON */
		err_set(e, ERR_INPUT,
			_("'%s' is neither an iryosec data file nor a file written by 'iryosec export'"),
			path);
		goto out;
	}
	if (xfer_json_load(&d, text.buf, text.len, path, c, today, e) != 0)
		goto out;
	if (!d.has_facility || !facility_complete(&d.facility)) {
		err_set(e, ERR_INPUT, "%s",
			_("the first-time setup has not been done yet; start iryosec without a command and enter your facility's details"));
		goto out;
	}
	y->facility = d.facility;
	memset(&d.facility, 0, sizeof(d.facility));
	for (i = 0; i < d.nyears; i++) {
		struct xfer_year *yr = &d.years[i];

		if (yr->year != y->facility.year)
			continue;
		y->answers = yr->answers;
		memset(&yr->answers, 0, sizeof(yr->answers));
		y->vanswers = yr->vanswers;
		memset(&yr->vanswers, 0, sizeof(yr->vanswers));
	}
	y->vendors = d.vendors;
	memset(&d.vendors, 0, sizeof(d.vendors));
	y->connections = d.connections;
	memset(&d.connections, 0, sizeof(d.connections));
	y->servers = d.servers;
	memset(&d.servers, 0, sizeof(d.servers));
	y->contacts = d.contacts;
	memset(&d.contacts, 0, sizeof(d.contacts));
	if (y->facility.edition[0] != '\0')
		y->edition = content_edition_find(c, y->facility.edition);
	if (y->edition == NULL)
		y->edition = content_edition_for_year(c, y->facility.year);
	if (y->edition == NULL) {
		err_set(e, ERR_CONTENT, "%s",
			_("no checklist edition fits the fiscal year"));
		goto out;
	}
	year_data_refresh_findings(y, today);
	year_data_refresh_judgement(y);
	year_data_refresh_gaps(y);
	r = 0;
out:
	xfer_data_release(&d);
	strbuf_release(&text);
	return r;
}

/* One file read (by load_file) and waiting to be counted (take_file). */
struct agg_file {
	const char *path;   /* borrowed: the command line's */
	int r;              /* 0 read, -1 not (e says why) */
	struct year_data y; /* r == 0: the year, else empty */
	size_t *requests;   /* r == 0: count_requests(y) */
	struct err e;
	bool ready;         /* loaded, not yet taken (agg_add_files) */
};

/*
 * Reads the file at path into f: a data file (opened read-only without
 * the lock, and closed again) or a JSON export, and counts its vendors'
 * open requests. Touches nothing shared but flaws (the caller's own):
 * aggregate's readers run it on several threads at once.
 */
static void
load_file(const struct content *c, const char *path,
	  const struct date *today, struct remote_flaws *flaws,
	  struct agg_file *f)
{
	struct store *st = NULL;
	struct sys_file sf;
	int r;

	memset(&f->y, 0, sizeof(f->y));
	f->path = path;
	f->requests = NULL;
	err_clear(&f->e);
	if (sys_stat(path, &sf, &f->e) != 0) {
		r = -1;
	} else if (!sf.exists) {
		r = err_set(&f->e, ERR_IO, _("there is no file '%s'"), path);
	} else if (!sf.regular) {
		r = err_set(&f->e, ERR_IO,
			    _("'%s' is not a normal file; give data files or files written by 'iryosec export'"),
			    path);
	} else if (is_sqlite(path)) {
		/* a reader: no lock, never created (docs/decisions.md) */
		r = store_open(&st, path, STORE_NO_MKDIR | STORE_READONLY,
			       NULL, &f->e);
		if (r == 0)
			r = year_data_load_cached(
				&f->y, st, c, today,
				YEAR_DATA_SETUP | YEAR_DATA_NO_CONTACTS, flaws,
				&f->e);
		store_close(st);
	} else {
		r = load_export(&f->y, path, c, today, flaws, &f->e);
	}
	if (r == 0) {
		f->requests = xcalloc(f->y.vendors.n ? f->y.vendors.n : 1,
				      sizeof(*f->requests));
		count_requests(&f->y, f->requests);
	} else {
		year_data_release(&f->y);
	}
	f->r = r == 0 ? 0 : -1;
}

/* Counts f (or records it as skipped) as the next file, and empties it.
 * Returns f->r; e gets f's error. */
static int
take_file(struct agg *a, struct agg_file *f, struct err *e)
{
	int r = f->r;

	if (r == 0)
		add_year(a, &f->y, f->path, f->requests);
	else
		skip(a, f->path, &f->e);
	if (r != 0 && e != NULL)
		*e = f->e;
	year_data_release(&f->y);
	free(f->requests);
	f->requests = NULL;
	return r;
}

int
agg_add_file(struct agg *a, const char *path, const struct date *today,
	     struct err *e)
{
	struct agg_file f;

	load_file(a->content, path, today, &a->flaws, &f);
	return take_file(a, &f, e);
}

/* ---- many files at once ---- */

/* Files read ahead of the one being counted, per reader: enough to keep
 * the readers busy, few enough that memory does not grow with the files. */
#define AGG_AHEAD 2
/* At most this many readers, whatever the machine: each holds a
 * connection and up to AGG_AHEAD files in memory. */
#define AGG_READERS_MAX 8

/*
 * What the readers share (agg_add_files). Each reader reads the next file
 * into its slot; the files are counted in the order given, each by the
 * reader that finds it ready next in line while no other is counting. No
 * thread waits for another's file: a reader sleeps only when it is
 * nslots files ahead of the counting.
 */
struct agg_pool {
	struct agg *agg;
	const struct date *today;
	const char *const *paths;
	size_t n;
	void (*skipped)(void *ctx, const char *path, const struct err *e);
	void *ctx;
	struct agg_file *slot; /* file i waits in slot[i % nslots] */
	size_t nslots;
	struct thread_lock *lock; /* guards next, taken, counting, ready */
	struct thread_cond *freed; /* a file was counted: room ahead */
	size_t next;   /* the next file a reader takes up */
	size_t taken;  /* files counted so far */
	bool counting; /* a reader is counting (it alone touches agg) */
};

/* One reader: its own flaw cache (the results are the same whichever
 * reader reads a file). */
struct agg_reader {
	struct agg_pool *pool;
	struct remote_flaws flaws;
	struct thread *t;
};

/* Counts the files ready in line; called holding p->lock, which it lets
 * go while counting. */
static void
count_ready(struct agg_pool *p)
{
	struct err e = ERR_INIT;

	p->counting = true;
	while (p->slot[p->taken % p->nslots].ready) {
		struct agg_file *f = &p->slot[p->taken % p->nslots];

		thread_unlock(p->lock);
		if (take_file(p->agg, f, &e) != 0) {
			if (p->skipped != NULL)
				p->skipped(p->ctx, f->path, &e);
			err_clear(&e);
		}
		thread_lock(p->lock);
		f->ready = false;
		p->taken++;
		thread_cond_broadcast(p->freed);
	}
	p->counting = false;
}

static void
reader_run(void *arg)
{
	struct agg_reader *rd = arg;
	struct agg_pool *p = rd->pool;

	thread_lock(p->lock);
	for (;;) {
		size_t i;
		struct agg_file *f;

		while (p->next < p->n && p->next >= p->taken + p->nslots)
			thread_cond_wait(p->freed, p->lock);
		if (p->next >= p->n)
			break;
		i = p->next++;
		f = &p->slot[i % p->nslots];
		thread_unlock(p->lock);
		/* slot i % nslots is free: file i - nslots was counted */
		load_file(p->agg->content, p->paths[i], p->today, &rd->flaws,
			  f);
		thread_lock(p->lock);
		f->ready = true;
		if (!p->counting)
			count_ready(p);
	}
	thread_unlock(p->lock);
}

/* agg_add_files on this thread alone, one file after the other. */
static void
add_in_turn(struct agg *a, const char *const *paths, size_t n,
	    const struct date *today,
	    void (*skipped)(void *ctx, const char *path, const struct err *e),
	    void *ctx)
{
	struct err e = ERR_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		if (agg_add_file(a, paths[i], today, &e) != 0) {
			if (skipped != NULL)
				skipped(ctx, paths[i], &e);
			err_clear(&e);
		}
}

unsigned
agg_readers(size_t nfiles)
{
	const char *v = sys_getenv("IRYOSEC_AGG_READERS");
	unsigned n = thread_cpus();

	if (v != NULL && v[0] >= '1' && v[0] <= '9' && v[1] == '\0')
		n = (unsigned)(v[0] - '0');
	if (n > AGG_READERS_MAX)
		n = AGG_READERS_MAX;
	if (nfiles < 2 || n < 2)
		return 1;
	return n;
}

void
agg_add_files(struct agg *a, const char *const *paths, size_t n,
	      const struct date *today, unsigned readers,
	      void (*skipped)(void *ctx, const char *path,
			      const struct err *e),
	      void *ctx)
{
	struct agg_pool p;
	struct agg_reader *rd;
	unsigned i;

	if (readers < 2 || n < 2) {
		add_in_turn(a, paths, n, today, skipped, ctx);
		return;
	}
	memset(&p, 0, sizeof(p));
	p.agg = a;
	p.today = today;
	p.paths = paths;
	p.n = n;
	p.skipped = skipped;
	p.ctx = ctx;
	p.nslots = (size_t)readers * AGG_AHEAD;
	p.slot = xcalloc(p.nslots, sizeof(*p.slot));
	p.lock = thread_lock_new();
	p.freed = thread_cond_new();
	rd = xcalloc(readers, sizeof(*rd));
	for (i = 0; i < readers; i++) {
		rd[i].pool = &p;
		rd[i].flaws = (struct remote_flaws)REMOTE_FLAWS_INIT;
	}
	/* this thread is reader 0; a reader the system refuses is simply
	 * not there (with none at all, this thread reads every file) */
	for (i = 1; i < readers; i++)
		(void)thread_start(&rd[i].t, reader_run, &rd[i]);
	reader_run(&rd[0]);
	for (i = 0; i < readers; i++) {
		thread_join(rd[i].t);
		remote_flaws_release(&rd[i].flaws);
	}
	free(rd);
	thread_cond_free(p.freed);
	thread_lock_free(p.lock);
	free(p.slot);
}

/* ---- output ---- */

/* A table of strings being built (owned). */
struct rows {
	char **v;
	size_t n, alloc, ncols;
};

static void
rows_add(struct rows *r, const char *s)
{
	if (r->n == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 64;
		r->v = xrealloc(r->v, r->alloc * sizeof(*r->v));
	}
	r->v[r->n++] = xstrdup(s != NULL ? s : "");
}

static void
rows_addz(struct rows *r, size_t n)
{
	char b[32];

	snprintf(b, sizeof(b), "%zu", n);
	rows_add(r, b);
}

static void
rows_release(struct rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static size_t
rows_count(const struct rows *r)
{
	return r->ncols ? r->n / r->ncols : 0;
}

/* The order of the values in the outputs. */
static const enum answer_value value_order[AGG_VALUES] = {
	ANSWER_YES, ANSWER_NO, ANSWER_UNKNOWN, ANSWER_NA, ANSWER_NONE};

static void
item_title(const struct item *it, enum cell cell, struct strbuf *sb)
{
	strbuf_reset(sb);
	strbuf_addstr(sb, it->title);
	if (it->ncells > 1 || it->labelled)
		strbuf_addf(sb, " (%s)", cell_label(cell));
}

/* items: edition, number, item (part), the five values. */
static void
items_rows(const struct agg *a, struct rows *r, bool edition)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, k, c, v;

	r->ncols = (edition ? 1 : 0) + 2 + AGG_VALUES;
	for (i = 0; i < a->neds; i++) {
		const struct agg_edition *ae = &a->eds[i];

		if (ae->clinics == 0)
			continue;
		for (k = 0; k < ae->ed->nitems; k++) {
			const struct item *it = &ae->ed->items[k];

			for (c = 0; c < it->ncells; c++) {
				const size_t *n =
					ae->counts + (k * CELL__COUNT +
						      it->cells[c]) *
							     AGG_VALUES;

				if (edition)
					rows_add(r, ae->ed->name);
				rows_add(r, it->number);
				item_title(it, it->cells[c], &sb);
				rows_add(r, sb.buf);
				for (v = 0; v < AGG_VALUES; v++)
					rows_addz(r, n[value_order[v]]);
			}
		}
	}
	strbuf_release(&sb);
}

struct gap_ref {
	const struct agg_edition *ae;
	size_t item;
};

static int
cmp_gap(const void *pa, const void *pb)
{
	const struct gap_ref *x = pa, *y = pb;
	size_t gx = x->ae->gaps[x->item], gy = y->ae->gaps[y->item];

	if (gx != gy)
		return gx < gy ? 1 : -1;
	if (x->ae != y->ae)
		return x->ae < y->ae ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

static void
gaps_rows(const struct agg *a, struct rows *r, size_t max)
{
	struct gap_ref *g = NULL;
	size_t n = 0, alloc = 0, i, k;

	r->ncols = 5;
	for (i = 0; i < a->neds; i++)
		for (k = 0; k < a->eds[i].ed->nitems; k++) {
			if (a->eds[i].gaps[k] == 0)
				continue;
			if (n == alloc) {
				alloc = alloc ? alloc * 2 : 64;
				g = xrealloc(g, alloc * sizeof(*g));
			}
			g[n].ae = &a->eds[i];
			g[n++].item = k;
		}
	if (n > 0)
		qsort(g, n, sizeof(*g), cmp_gap);
	for (i = 0; i < n && i < max; i++) {
		const struct item *it = &g[i].ae->ed->items[g[i].item];

		rows_add(r, g[i].ae->ed->name);
		rows_add(r, it->number);
		rows_add(r, it->title);
		rows_addz(r, g[i].ae->gaps[g[i].item]);
		rows_addz(r, g[i].ae->clinics);
	}
	free(g);
}

static int
cmp_entry(const void *pa, const void *pb)
{
	const struct agg_entry *x = *(const struct agg_entry *const *)pa;
	const struct agg_entry *y = *(const struct agg_entry *const *)pb;
	int i, c;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	if (x->extra != y->extra)
		return x->extra < y->extra ? 1 : -1;
	for (i = 0; i < 3; i++)
		if ((c = strcmp(x->k[i], y->k[i])) != 0)
			return c;
	return 0;
}

static const struct agg_entry **
sorted(const struct agg_table *t)
{
	const struct agg_entry **v = xcalloc(t->n ? t->n : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < t->n; i++)
		v[i] = &t->v[i];
	if (t->n > 0)
		qsort(v, t->n, sizeof(*v), cmp_entry);
	return v;
}

static void
devices_rows(const struct agg *a, struct rows *r, size_t max)
{
	const struct agg_entry **v = sorted(&a->devices);
	size_t i;

	r->ncols = 5;
	for (i = 0; i < a->devices.n && i < max; i++) {
		rows_add(r, v[i]->k[0]);
		rows_add(r, v[i]->k[1]);
		rows_add(r, v[i]->k[2]);
		rows_addz(r, v[i]->count);
		rows_addz(r, v[i]->clinics);
	}
	free(v);
}

static void
vendors_rows(const struct agg *a, struct rows *r, size_t max)
{
	const struct agg_entry **v = sorted(&a->vendors);
	size_t i;

	r->ncols = 3;
	for (i = 0; i < a->vendors.n && i < max; i++) {
		rows_add(r, v[i]->k[0]);
		rows_addz(r, v[i]->count);
		rows_addz(r, v[i]->extra);
	}
	free(v);
}

static void
hoshu_rows(const struct agg *a, struct rows *r)
{
	static const enum hoshu_result order[AGG_HOSHU] = {
		HOSHU_APPLIES, HOSHU_NEEDS_CONTRACT, HOSHU_NOT_APPLIES,
		HOSHU_INCOMPLETE};
	size_t i;

	r->ncols = 2;
	for (i = 0; i < AGG_HOSHU; i++) {
		rows_add(r, hoshu_result_label(order[i]));
		rows_addz(r, a->hoshu[order[i]]);
	}
}

static void
skipped_rows(const struct agg *a, struct rows *r)
{
	size_t i;

	r->ncols = a->names ? 3 : 2;
	for (i = 0; i < a->nskipped; i++) {
		rows_addz(r, a->skipped[i].number);
		if (a->names)
			rows_add(r, a->skipped[i].path);
		rows_add(r, a->skipped[i].reason);
	}
}

static void
csv_rows(struct strbuf *out, const char *const *head, const struct rows *r)
{
	size_t i, k;

	strbuf_addstr(out, "\xEF\xBB\xBF");
	for (i = 0; i < r->ncols; i++) {
		if (i > 0)
			strbuf_addch(out, ',');
		xfer_csv_cell(out, head[i]);
	}
	strbuf_addstr(out, "\r\n");
	for (k = 0; k < rows_count(r); k++) {
		for (i = 0; i < r->ncols; i++) {
			if (i > 0)
				strbuf_addch(out, ',');
			xfer_csv_cell(out, r->v[k * r->ncols + i]);
		}
		strbuf_addstr(out, "\r\n");
	}
}

const char *
agg_csv_name(enum agg_csv which)
{
	static const char *const names[AGG__CSV] = {
		"items.csv",   "gaps.csv",  "devices.csv",
		"vendors.csv", "hoshu.csv", "files.csv"};

	return names[which];
}

/* The headers, as many as the rows have columns. */
static void
headers(const struct agg *a, enum agg_csv which, const char **h)
{
	size_t v;

	switch (which) {
	case AGG_CSV_ITEMS:
		h[0] = _("Edition");
		h[1] = _("Number");
		h[2] = _("Item");
		for (v = 0; v < AGG_VALUES; v++)
			h[3 + v] = answer_value_label(value_order[v]);
		break;
	case AGG_CSV_GAPS:
		h[0] = _("Edition");
		h[1] = _("Number");
		h[2] = _("Item");
		h[3] = _("Clinics with a gap");
		h[4] = _("Clinics on this edition");
		break;
	case AGG_CSV_DEVICES:
		h[0] = _("Maker");
		h[1] = _("Product");
		h[2] = _("Version");
		h[3] = _("Devices");
		h[4] = _("Clinics");
		break;
	case AGG_CSV_VENDORS:
		h[0] = _("Vendor");
		h[1] = _("Clinics naming it");
		h[2] = _("Open requests");
		break;
	case AGG_CSV_HOSHU:
		h[0] = _("Judgement");
		h[1] = _("Clinics");
		break;
	case AGG_CSV_FILES:
		h[0] = _("File number");
		if (a->names) {
			h[1] = _("File");
			h[2] = _("Facility");
			h[3] = _("Edition");
			h[4] = _("Answered");
			h[5] = _("Gaps");
			h[6] = _("Devices with known exploited flaws");
			h[7] = _("Judgement, or why the file was skipped");
		} else {
			h[1] = _("Why the file was skipped");
		}
		break;
	default:
		break;
	}
}

void
agg_csv(const struct agg *a, enum agg_csv which, struct strbuf *out)
{
	const char *h[8];
	struct rows r = {0};
	size_t i;

	headers(a, which, h);
	switch (which) {
	case AGG_CSV_ITEMS:
		items_rows(a, &r, true);
		break;
	case AGG_CSV_GAPS:
		gaps_rows(a, &r, SIZE_MAX);
		break;
	case AGG_CSV_DEVICES:
		devices_rows(a, &r, SIZE_MAX);
		break;
	case AGG_CSV_VENDORS:
		vendors_rows(a, &r, SIZE_MAX);
		break;
	case AGG_CSV_HOSHU:
		hoshu_rows(a, &r);
		break;
	case AGG_CSV_FILES:
		if (a->names) {
			/* every file, in order, kept as it was read */
			strbuf_addstr(out, "\xEF\xBB\xBF");
			for (i = 0; i < 8; i++) {
				if (i > 0)
					strbuf_addch(out, ',');
				xfer_csv_cell(out, h[i]);
			}
			strbuf_addstr(out, "\r\n");
			strbuf_add(out, a->clinics.buf, a->clinics.len);
			return;
		}
		r.ncols = 2;
		for (i = 0; i < a->nskipped; i++) {
			rows_addz(&r, a->skipped[i].number);
			rows_add(&r, a->skipped[i].reason);
		}
		break;
	default:
		return;
	}
	csv_rows(out, h, &r);
	rows_release(&r);
}

/* The folder of the outputs: made when missing, else a real folder. */
static int
out_dir(const char *dir, struct err *e)
{
	struct sys_file f;

	if (sys_lstat(dir, &f, e) != 0)
		return -1;
	if (!f.exists)
		return path_mkdirs(dir, e);
	if (f.link)
		return err_set(
			e, ERR_IO,
			_("'%s' is a link; give a folder for the outputs itself"),
			dir);
	if (!f.dir)
		return err_set(e, ERR_IO,
			       _("'%s' is not a folder; give a folder for the outputs"),
			       dir);
	return 0;
}

int
agg_write(const struct agg *a, const char *dir, const char *font,
	  const struct date *today, size_t *pages, struct err *e)
{
	static const double w_gaps[] = {0.15, 0.09, 0.42, 0.17, 0.17};
	static const double w_dev[] = {0.22, 0.3, 0.2, 0.14, 0.14};
	static const double w_ven[] = {0.6, 0.2, 0.2};
	static const double w_hoshu[] = {0.6, 0.4};
	static const double w_skip2[] = {0.15, 0.85};
	static const double w_skip3[] = {0.1, 0.4, 0.5};
	struct strbuf buf = STRBUF_INIT, intro = STRBUF_INIT, title = STRBUF_INIT;
	struct rows r[6] = {{0}};
	const char *h[6][8];
	struct report_table t[6];
	struct report_result res;
	char *path;
	size_t i;
	int rc = -1;

	if (out_dir(dir, e) != 0)
		return -1;
	for (i = 0; i < AGG__CSV; i++) {
		strbuf_reset(&buf);
		agg_csv(a, (enum agg_csv)i, &buf);
		path = path_join(dir, agg_csv_name((enum agg_csv)i));
		rc = xfer_file_save(path, buf.buf, buf.len, e);
		free(path);
		if (rc != 0)
			goto out;
	}
	rc = -1;
	/* the PDF: counts, then the tables (short lists cut) */
	strbuf_addstr(&title, _("Checks of many clinics: summary"));
	strbuf_addf(&intro,
		    _("Files given: %zu. Read: %zu. Skipped: %zu. Clinics with a device that has known exploited flaws: %zu."),
		    a->files, a->read, a->nskipped, a->vulnerable);
	strbuf_addch(&intro, ' ');
	{
		struct strbuf d = STRBUF_INIT;

		date_add_wareki(&d, today);
		strbuf_addf(&intro, _("Made on %s."), d.buf);
		strbuf_release(&d);
	}
	memset(t, 0, sizeof(t));
	headers(a, AGG_CSV_HOSHU, h[0]);
	hoshu_rows(a, &r[0]);
	t[0].heading = _("Maintenance-entrustment volume: judgements");
	t[0].widths = w_hoshu;
	headers(a, AGG_CSV_GAPS, h[1]);
	gaps_rows(a, &r[1], AGG_PDF_TOP);
	t[1].heading = _("The most common gaps");
	t[1].note = _("Items answered No or Don't know, by the number of clinics (all of them in gaps.csv).");
	t[1].widths = w_gaps;
	t[1].empty = _("No gaps.");
	headers(a, AGG_CSV_DEVICES, h[2]);
	devices_rows(a, &r[2], SIZE_MAX);
	t[2].heading = _("Devices with known exploited flaws");
	t[2].widths = w_dev;
	t[2].empty = _("None found.");
	headers(a, AGG_CSV_VENDORS, h[3]);
	vendors_rows(a, &r[3], AGG_PDF_TOP);
	t[3].heading = _("Vendors named most often");
	t[3].note = _("With the requests still open to them in all clinics (all vendors in vendors.csv).");
	t[3].widths = w_ven;
	t[3].empty = _("No vendors.");
	headers(a, AGG_CSV_ITEMS, h[4]);
	items_rows(a, &r[4], false);
	t[4].heading = _("Answers per item");
	t[4].note = _("Number of clinics per answer; items with parts are counted per part. Editions are listed one after the other (items.csv names them).");
	/* without the edition column: number, item, five values */
	{
		static const double w[] = {0.09, 0.39, 0.1, 0.1, 0.12, 0.1,
					   0.1};

		t[4].widths = w;
		h[4][0] = _("Number");
		h[4][1] = _("Item");
		for (i = 0; i < AGG_VALUES; i++)
			h[4][2 + i] = answer_value_label(value_order[i]);
	}
	skipped_rows(a, &r[5]);
	t[5].heading = _("Files that could not be read");
	t[5].note = a->names ? NULL
			     : _("Numbered in the order they were given.");
	t[5].widths = a->names ? w_skip3 : w_skip2;
	t[5].empty = _("None: every file was read.");
	h[5][0] = _("File number");
	if (a->names) {
		h[5][1] = _("File");
		h[5][2] = _("Why the file was skipped");
	} else {
		h[5][1] = _("Why the file was skipped");
	}
	for (i = 0; i < 6; i++) {
		t[i].ncols = r[i].ncols;
		t[i].head = h[i];
		t[i].cells = (const char *const *)r[i].v;
		t[i].nrows = rows_count(&r[i]);
	}
	path = path_join(dir, "aggregate.pdf");
	rc = report_tables_write(path, font, title.buf, intro.buf, t, 6, &res,
				 e);
	free(path);
	if (rc == 0 && pages != NULL)
		*pages = res.pages;
	for (i = 0; i < 6; i++)
		rows_release(&r[i]);
out:
	strbuf_release(&buf);
	strbuf_release(&intro);
	strbuf_release(&title);
	return rc;
}

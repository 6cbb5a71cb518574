/*
 * iryosec-bench: speed, size and memory, each measured beside a reference
 * run in the same process, so the ratios hold from machine to machine
 * (docs/style.md §6: no timed assertions in tests). Not a test; run it by
 * hand:
 *
 *   build/tests/iryosec-bench [ROUNDS]
 *
 * It makes the fixed data set with iryosec-mkdata (beside this program) in
 * a temporary folder, then measures, against the reference after "vs":
 *   startup  ../iryosec on a pty, fork to the  vs  a bare curses program
 *            end of its first screen               (this one, --ref-curses)
 *   keys     a key to the end of its redraw    vs  the same program
 *   content  loading every content file        vs  libyaml parsing them
 *   report   the full PDF (job_report)         vs  one page, same font
 *   commit   saving one answer                 vs  a bare SQLite INSERT,
 *                                                  WAL, synchronous=FULL
 *   memory   peak RSS of the wizard session    vs  the bare curses program;
 *            peak RSS here after the report    vs  before it
 *   aggregate  iryosec aggregate over N clinic  vs  the sqlite3 shell running
 *            files (copies of 10 variants of      the same count (answers per
 *            the data set), at N/4 and N files    item, cell and value of the
 *                                                 facility's year), ATTACH 10
 *                                                 files at a time; peak RSS
 *                                                 of both at N/4 and N files
 * Times are medians of ROUNDS runs (default 9); aggregate runs once.
 * N is $IRY_BENCH_CLINICS (default 2000). "iryosec-bench aggregate" runs
 * only that part. A line over its target is marked, not an error. Exit 0,
 * or 1 with a message.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* wait4: the peak RSS of one child */
#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <hpdf.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "content/content.h"
#include "job/job.h"
#include "report/report.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "tools/bench.h"

static char tmp[64];
static char *content_root;

double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static long
peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static long
file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

static void
bench_die(const char *what, const struct err *e)
{
	fprintf(stderr, "iryosec-bench: %s: %s (%s)\n", what,
		e != NULL ? e->msg : "", e != NULL ? e->detail : "");
	exit(1);
}

/* The reference of "content": libyaml parses every .yaml under dir. */
static size_t
parse_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t files = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		char *p;
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		p = path_join(dir, de->d_name);
		if (path_is_dir(p)) {
			files += parse_tree(p);
		} else if (len > 5 &&
			   strcmp(de->d_name + len - 5, ".yaml") == 0) {
			FILE *f = fopen(p, "rb");
			yaml_parser_t ps;
			yaml_document_t doc;

			if (f != NULL && yaml_parser_initialize(&ps)) {
				yaml_parser_set_input_file(&ps, f);
				if (yaml_parser_load(&ps, &doc))
					yaml_document_delete(&doc);
				yaml_parser_delete(&ps);
				files++;
			}
			if (f != NULL)
				fclose(f);
		}
		free(p);
	}
	closedir(d);
	return files;
}

static void
bench_content(int rounds, double *ours, double *ref, struct content *keep)
{
	double a[MAX_ROUNDS], b[MAX_ROUNDS];
	char *roots[2] = {content_root, NULL};
	int i;

	for (i = 0; i < rounds; i++) {
		struct content c;
		struct err e = ERR_INIT;
		double t0 = now_ms();

		if (content_load(&c, roots, &e) != 0)
			bench_die("content", &e);
		a[i] = now_ms() - t0;
		content_release(&c);
		t0 = now_ms();
		if (parse_tree(content_root) == 0)
			bench_die("no content files", NULL);
		b[i] = now_ms() - t0;
	}
	*ours = median(a, rounds);
	*ref = median(b, rounds);
	{
		struct err e = ERR_INIT;

		if (content_load(keep, roots, &e) != 0)
			bench_die("content", &e);
	}
}

/* The reference of "report": one page of Japanese, the same font. */
static void
reference_pdf(const char *font, const char *path)
{
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	const char *name;
	HPDF_Page page;

	if (doc == NULL)
		bench_die("HPDF_New", NULL);
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	name = HPDF_LoadTTFontFromFile(doc, font, HPDF_TRUE);
	if (name == NULL)
		bench_die("reference font", NULL);
	page = HPDF_AddPage(doc);
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc, name, "UTF-8"), 10);
	HPDF_Page_TextOut(page, 50, 780,
			  "サイバーセキュリティ対策 点検結果 令和8年度");
	HPDF_Page_EndText(page);
	if (HPDF_SaveToFile(doc, path) != HPDF_OK)
		bench_die("reference save", NULL);
	HPDF_Free(doc);
}

static void
bench_report(int rounds, const struct content *c, const char *db, double *ours,
	     double *ref, long *size, long *ref_size, size_t *pages,
	     long *rss_before, long *rss_after)
{
	const char *font = report_font_path(NULL);
	char *out = path_join(tmp, "full.pdf");
	char *rout = path_join(tmp, "ref.pdf");
	double a[MAX_ROUNDS], b[MAX_ROUNDS];
	struct date today = {2026, 11, 25};
	struct store *st = NULL;
	struct err e = ERR_INIT;
	int i;

	if (store_open(&st, db, STORE_CREATE, NULL, &e) != 0)
		bench_die("open", &e);
	reference_pdf(font, rout);
	*rss_before = peak_rss_kb();
	for (i = 0; i < rounds; i++) {
		struct report_result res;
		double t0 = now_ms();

		if (job_report(st, c, NULL, out, &today, NULL, &res, &e) != 0)
			bench_die("report", &e);
		a[i] = now_ms() - t0;
		*pages = res.pages;
		t0 = now_ms();
		reference_pdf(font, rout);
		b[i] = now_ms() - t0;
	}
	*rss_after = peak_rss_kb();
	*ours = median(a, rounds);
	*ref = median(b, rounds);
	*size = file_size(out);
	*ref_size = file_size(rout);
	store_close(st);
	free(out);
	free(rout);
}

#define COMMITS 100

static void
bench_commit(double *ours, double *ref)
{
	char *p = path_join(tmp, "commit.db");
	char *q = path_join(tmp, "bare.db");
	struct store *st = NULL;
	struct err e = ERR_INIT;
	struct answer a;
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	double t0;
	int i;

	if (store_open(&st, p, STORE_CREATE, NULL, &e) != 0)
		bench_die("open", &e);
	memset(&a, 0, sizeof(a));
	a.year = 2026;
	a.cell = CELL_ALL;
	a.checked = (struct date){2026, 11, 25};
	t0 = now_ms();
	for (i = 0; i < COMMITS; i++) {
		snprintf(a.item_id, sizeof(a.item_id), "item-%d", i);
		a.value = i % 2 ? ANSWER_YES : ANSWER_NO;
		if (store_answer_put(st, &a, &e) != 0)
			bench_die("answer", &e);
	}
	*ours = (now_ms() - t0) / COMMITS;
	store_close(st);

	if (sqlite3_open(q, &db) != SQLITE_OK ||
	    sqlite3_exec(db,
			 "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
			 "CREATE TABLE t (year INTEGER, item TEXT, value TEXT,"
			 " PRIMARY KEY (year, item));",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "INSERT OR REPLACE INTO t VALUES (2026, ?1, ?2)",
			       -1, &s, NULL) != SQLITE_OK)
		bench_die("bare sqlite", NULL);
	t0 = now_ms();
	for (i = 0; i < COMMITS; i++) {
		char id[32];

		snprintf(id, sizeof(id), "item-%d", i);
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, i % 2 ? "yes" : "no", -1,
				  SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			bench_die("bare insert", NULL);
		sqlite3_reset(s);
	}
	*ref = (now_ms() - t0) / COMMITS;
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(p);
	free(q);
}

static void row(const char *what, double ours, double ref, int prec,
		const char *unit, double target, const char *target_text);

/* ---- aggregate: many clinic files ---- */

struct agg_run {
	size_t files;
	double ours, ref;         /* ms */
	double ours_cpu, ref_cpu; /* ms, user + system of the child */
	long rss, ref_rss;        /* KB, peak of the child */
};

/* Runs argv (stdin from in, when not NULL; stdout to /dev/null); returns
 * the wall time in ms, the child's CPU time (user + system, ms: steadier
 * than the wall time on a busy machine) and its peak RSS. */
static double
run_child(char *const argv[], const char *in, double *cpu_ms, long *rss_kb)
{
	struct rusage ru;
	double t0 = now_ms();
	int status;
	pid_t pid = fork();

	if (pid < 0)
		bench_die("fork", NULL);
	if (pid == 0) {
		if (in != NULL && freopen(in, "r", stdin) == NULL)
			_exit(127);
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "iryosec-bench: %s failed (status %d)\n",
			argv[0], status);
		exit(1);
	}
	*rss_kb = ru.ru_maxrss;
	*cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
		  (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
	return now_ms() - t0;
}

static void
copy_file(const char *from, const char *to)
{
	FILE *f = fopen(from, "rb"), *g = fopen(to, "wb");
	char buf[65536];
	size_t n;

	if (f == NULL || g == NULL)
		bench_die("copy", NULL);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (fwrite(buf, 1, n, g) != n)
			bench_die("copy: write", NULL);
	if (fclose(g) != 0)
		bench_die("copy: close", NULL);
	fclose(f);
}

#define AGG_VARIANTS 10

/* Makes n clinic files in dir: AGG_VARIANTS variants of the data set
 * (variant v answers items v*3 .. v*3+2 the other way), copied round. */
static char **
make_clinics(const char *db, const char *dir, size_t n)
{
	char **paths = xcalloc(n, sizeof(*paths));
	char *var[AGG_VARIANTS];
	size_t i;

	for (i = 0; i < AGG_VARIANTS; i++) {
		char name[32];
		sqlite3 *s = NULL;
		char sql[512];

		snprintf(name, sizeof(name), "variant%zu.db", i);
		var[i] = path_join(dir, name);
		copy_file(db, var[i]);
		snprintf(sql, sizeof(sql),
			 "UPDATE answer SET value = CASE value WHEN 'yes' "
			 "THEN 'no' ELSE 'yes' END, target = '2027-03-01' "
			 "WHERE item_id IN (SELECT DISTINCT item_id FROM "
			 "answer ORDER BY item_id LIMIT 3 OFFSET %zu);",
			 i * 3);
		if (sqlite3_open(var[i], &s) != SQLITE_OK ||
		    sqlite3_exec(s, sql, NULL, NULL, NULL) != SQLITE_OK)
			bench_die("variant", NULL);
		sqlite3_close(s);
	}
	for (i = 0; i < n; i++) {
		char name[32];

		snprintf(name, sizeof(name), "c%05zu.db", i);
		paths[i] = path_join(dir, name);
		copy_file(var[i % AGG_VARIANTS], paths[i]);
	}
	for (i = 0; i < AGG_VARIANTS; i++) {
		unlink(var[i]);
		free(var[i]);
	}
	return paths;
}

/* The reference: the sqlite3 shell counts answers per item, cell and
 * value of each facility's year, ATTACHing 10 files at a time. */
static void
write_ref_sql(const char *path, char **files, size_t n)
{
	FILE *f = fopen(path, "w");
	size_t i, k;

	if (f == NULL)
		bench_die("ref sql", NULL);
	fputs("CREATE TEMP TABLE t (item TEXT, cell TEXT, value TEXT, "
	      "n INTEGER);\n",
	      f);
	for (i = 0; i < n; i += 10) {
		size_t m = n - i < 10 ? n - i : 10;

		for (k = 0; k < m; k++)
			fprintf(f, "ATTACH '%s' AS d%zu;\n", files[i + k], k);
		fputs("INSERT INTO t SELECT item_id, cell, value, count(*) "
		      "FROM (",
		      f);
		for (k = 0; k < m; k++)
			fprintf(f,
				"%sSELECT a.item_id, a.cell, a.value FROM "
				"d%zu.answer a JOIN d%zu.facility f ON "
				"a.year = f.year",
				k ? " UNION ALL " : "", k, k);
		fputs(") GROUP BY 1, 2, 3;\n", f);
		for (k = 0; k < m; k++)
			fprintf(f, "DETACH d%zu;\n", k);
	}
	fputs("SELECT item, cell, value, sum(n) FROM t GROUP BY 1, 2, 3;\n",
	      f);
	fclose(f);
}

static void
bench_aggregate(const char *iry, const char *db, size_t n,
		struct agg_run run[2])
{
	char *dir = path_join(tmp, "clinics");
	char *out = path_join(tmp, "agg-out");
	char *sql = path_join(tmp, "ref.sql");
	char **files;
	size_t r, i;

	if (mkdir(dir, 0700) != 0)
		bench_die("mkdir clinics", NULL);
	files = make_clinics(db, dir, n);
	for (r = 0; r < 2; r++) {
		size_t m = r == 0 ? n / 4 : n;
		char **argv = xcalloc(m + 5, sizeof(*argv));
		char *ref[] = {"sqlite3", "-batch", ":memory:", NULL};

		argv[0] = (char *)iry;
		argv[1] = "aggregate";
		argv[2] = "-o";
		argv[3] = out;
		for (i = 0; i < m; i++)
			argv[4 + i] = files[i];
		run[r].files = m;
		run[r].ours =
			run_child(argv, NULL, &run[r].ours_cpu, &run[r].rss);
		write_ref_sql(sql, files, m);
		run[r].ref =
			run_child(ref, sql, &run[r].ref_cpu, &run[r].ref_rss);
		free(argv);
	}
	for (i = 0; i < n; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	free(files);
	free(dir);
	free(out);
	free(sql);
}

static size_t
clinics_wanted(void)
{
	const char *v = getenv("IRY_BENCH_CLINICS");
	long n = v != NULL ? atol(v) : 2000;

	return n >= 4 ? (size_t)n : 4;
}

/* How many readers iryosec aggregate uses here (agg_readers' rule). */
static const char *
readers_text(void)
{
	static char b[32];
	const char *v = getenv("IRYOSEC_AGG_READERS");
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (v != NULL && v[0] >= '1' && v[0] <= '9' && v[1] == '\0')
		n = v[0] - '0';
	snprintf(b, sizeof(b), "%ld", n < 1 ? 1 : n > 8 ? 8 : n);
	return b;
}

static void
print_aggregate(const struct agg_run run[2])
{
	size_t r;

	for (r = 0; r < 2; r++) {
		char what[64];

		snprintf(what, sizeof(what), "aggregate %zu files", run[r].files);
		row(what, run[r].ours, run[r].ref, 0, "ms", 0, "< 2x sqlite3");
		snprintf(what, sizeof(what), "aggregate %zu files, CPU",
			 run[r].files);
		row(what, run[r].ours_cpu, run[r].ref_cpu, 0, "ms", 0,
		    "< 2x sqlite3");
		snprintf(what, sizeof(what), "peak RSS, aggregate %zu",
			 run[r].files);
		row(what, (double)run[r].rss / 1024,
		    (double)run[r].ref_rss / 1024, 1, "MB", 0, "flat");
	}
	printf("aggregate: ratio %.2f (CPU time %.2f) at %zu files (target "
	       "<= 2; iryosec reads on %s readers, the sqlite3 shell on one); "
	       "peak RSS "
	       "%.1f MB at %zu files, %.1f MB at %zu files (flat: %+.1f MB)\n",
	       run[1].ours / run[1].ref, run[1].ours_cpu / run[1].ref_cpu,
	       run[1].files, readers_text(),
	       (double)run[0].rss / 1024, run[0].files,
	       (double)run[1].rss / 1024, run[1].files,
	       (double)(run[1].rss - run[0].rss) / 1024);
}

/* One line of the table. target 0: none. A miss is marked with '*'. */
static void
row(const char *what, double ours, double ref, int prec, const char *unit,
    double target, const char *target_text)
{
	printf("%-30s %7.*f %s %7.*f %s %6.1f  %s%s\n", what, prec, ours, unit,
	       prec, ref, unit, ours / ref, target_text,
	       target > 0 && ours >= target ? " *" : "");
}

int
main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 9;
	const char *src = getenv("IRY_SOURCE_DIR");
	char *dir, *iry, *db, *data;
	struct strbuf cmd = STRBUF_INIT;
	struct content c;
	struct session s_ours, s_ref;
	double c_ours, c_ref, r_ours, r_ref, w_ours, w_ref;
	long size, ref_size, rss0, rss1;
	const char *lang;
	char what[64];
	size_t pages = 0;

	struct agg_run agg[2];
	bool only_agg = argc == 2 && strcmp(argv[1], "aggregate") == 0;

	if (argc == 2 && strcmp(argv[1], "--ref-curses") == 0)
		return ref_curses();
	if (only_agg)
		rounds = 1;
	if (rounds < 1 || rounds > MAX_ROUNDS) {
		fprintf(stderr, "usage: iryosec-bench [ROUNDS 1-%d]\n",
			MAX_ROUNDS);
		return 2;
	}
	/* The program forces its Japanese catalog; LANG only picks UTF-8. */
	lang = setlocale(LC_ALL, "ja_JP.UTF-8") != NULL ? "ja_JP.UTF-8"
							: "C.UTF-8";
	setlocale(LC_ALL, "C.UTF-8");
	i18n_catalog_init(NULL);
	setenv("IRYOSEC_TODAY", "2026-11-25", 1);
	content_root = path_join(src != NULL ? src : ".", "content");
	snprintf(tmp, sizeof(tmp), "/tmp/iry-bench-XXXXXX");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	db = path_join(tmp, "full.db");
	/* No content of the user's own (~/.local/share/iryosec/content). */
	data = path_join(tmp, "data");
	setenv("XDG_DATA_HOME", data, 1);
	dir = path_exe_dir();
	if (dir == NULL)
		bench_die("cannot find this program's folder", NULL);
	iry = path_join(dir, "../iryosec");
	if (!path_is_file(iry))
		bench_die("no ../iryosec beside this program; build it", NULL);
	strbuf_addf(&cmd, "IRY_SOURCE_DIR='%s' '%s/iryosec-mkdata' '%s'",
		    src != NULL ? src : ".", dir, db);
	if (system(cmd.buf) != 0)
		bench_die("iryosec-mkdata failed", NULL);
	if (only_agg) {
		bench_aggregate(iry, db, clinics_wanted(), agg);
		printf("iryosec-bench: aggregate only; data: copies of 10 "
		       "variants of the fixed data set\n\n");
		printf("%-30s %10s %10s %6s  %s\n", "what", "iryosec",
		       "reference", "ratio", "target");
		print_aggregate(agg);
		goto done;
	}

	{
		char *ours[] = {iry, "--db", db, NULL};
		char *ref[] = {"/proc/self/exe", "--ref-curses", NULL};

		bench_session(ours, lang, rounds, &s_ours);
		bench_session(ref, lang, rounds, &s_ref);
	}
	bench_content(rounds, &c_ours, &c_ref, &c);
	bench_report(rounds, &c, db, &r_ours, &r_ref, &size, &ref_size, &pages,
		     &rss0, &rss1);
	bench_commit(&w_ours, &w_ref);
	bench_aggregate(iry, db, clinics_wanted(), agg);

	printf("iryosec-bench: medians of %d rounds; data: every R8 item, "
	       "10 vendors, 20 connections, 3 servers; terminal: 80x24 "
	       "xterm-256color, LANG=%s\n\n",
	       rounds, lang);
	printf("%-30s %10s %10s %6s  %s\n", "what", "iryosec", "reference",
	       "ratio", "target");
	row("startup to first screen", s_ours.start, s_ref.start, 1, "ms", 30,
	    "< 30 ms");
	row("key to redraw: Down, Up", s_ours.move, s_ref.move, 2, "ms", 5,
	    "< 5 ms");
	row("key to redraw: ? (new screen)", s_ours.full, s_ref.full, 2, "ms",
	    5, "< 5 ms");
	row("content load", c_ours, c_ref, 2, "ms", 0, "-");
	snprintf(what, sizeof(what), "full report PDF, %zu pages", pages);
	row(what, r_ours, r_ref, 1, "ms", 300, "< 300 ms");
	row("full report size", (double)size / 1024, (double)ref_size / 1024, 0,
	    "KB", 1024, "< 1 MB");
	row("commit one answer", w_ours, w_ref, 2, "ms", 10, "< 10 ms");
	row("peak RSS, wizard session", (double)s_ours.peak_kb / 1024,
	    (double)s_ref.peak_kb / 1024, 1, "MB", 20, "< 20 MB");
	row("peak RSS, after the report", (double)rss1 / 1024,
	    (double)rss0 / 1024, 1, "MB", 20, "< 20 MB");
	print_aggregate(agg);
	printf("\nreferences: a bare curses program (startup, keys: it "
	       "rewrites one line, or every line on ?; its RSS), libyaml on "
	       "the same files, a one-page PDF with the same font, a bare "
	       "SQLite INSERT (WAL, synchronous=FULL), this process before "
	       "the report; the sqlite3 shell counting the same answers. "
	       "* over its target.\n");
	content_release(&c);
done:
	if (getenv("IRY_KEEP_TMP") == NULL) {
		strbuf_reset(&cmd);
		strbuf_addf(&cmd, "rm -rf '%s'", tmp);
		if (system(cmd.buf) != 0)
			fprintf(stderr, "could not remove %s\n", tmp);
	}
	strbuf_release(&cmd);
	free(content_root);
	free(db);
	free(data);
	free(iry);
	free(dir);
	return 0;
}

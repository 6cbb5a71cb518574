/*
 * Opening a data file someone tampered with: journals and WALs that are
 * not its own, schema objects added by hand, second names (links), lock
 * files that are links or FIFOs, leftovers of an interrupted creation.
 * Each is refused (or cleaned) with the data file and every other file
 * unchanged.
 */
#include <fcntl.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "model/facility.h"
#include "store/store.h"
#include "util/xalloc.h"

/* A new iryosec data file at name (in the fixture folder); caller frees. */
static char *
new_db(const char *name)
{
	char *p = fixture_path(name);
	struct store *st = NULL;
	struct err e = ERR_INIT;

	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	store_close(st);
	return p;
}

/* Opens p with flags; expects a refusal with code and msg containing s. */
static void
refused(const char *p, unsigned flags, enum err_code code, const char *s)
{
	struct store *st = NULL;
	struct err e = ERR_INIT;

	check_int(store_open(&st, p, flags, NULL, &e), -1);
	check_true(st == NULL);
	check_int(e.code, code);
	if (s != NULL && strstr(e.msg, s) == NULL)
		check_str(e.msg, s);
}

static int
opens(const char *p, unsigned flags)
{
	struct store *st = NULL;
	struct err e = ERR_INIT;
	int r = store_open(&st, p, flags, NULL, &e);

	if (r != 0)
		printf("  (open %s: %s)\n", p, e.msg);
	store_close(st);
	return r;
}

/* A -journal beside the file: iryosec never makes one, so it is refused. */
static void
test_journal(void)
{
	char *p = new_db("j.db");
	char *j = fixture_path("j.db-journal");
	unsigned long sum, jsum;

	/* a real hot journal of another database, copied beside ours */
	check_int(fixture_sh("cd '%s' && sqlite3 other.db 'CREATE TABLE t(a);"
			     " INSERT INTO t VALUES (1);' && sqlite3 other.db"
			     " 'PRAGMA cache_size=1;' 'BEGIN;'"
			     " 'INSERT INTO t SELECT randomblob(3000) FROM t;'"
			     " 'INSERT INTO t SELECT randomblob(3000) FROM t;'"
			     " '.system kill -9 $PPID' 2>/dev/null;"
			     " cp other.db-journal j.db-journal",
			     fixture_dir),
		  0);
	check_true(fixture_exists(j));
	sum = fixture_checksum(p);
	jsum = fixture_checksum(j);
	fixture_unlink("j.db.lock"); /* the one its creation made */
	refused(p, 0, ERR_NOTOURS, "j.db-journal");
	refused(p, STORE_LOCK | STORE_CREATE, ERR_NOTOURS, "j.db-journal");
	check_int(fixture_checksum(p), sum);
	check_int(fixture_checksum(j), jsum);
	check_true(!fixture_has("j.db.lock"));
	unlink(j);
	check_int(opens(p, 0), 0);
	free(j);
	free(p);
}

/*
 * A WAL left beside the file that does not belong to it: of a database of
 * another program, or one that adds a trigger. A read-only look refuses
 * it before anything could be played into the file.
 */
static void
test_wal(void)
{
	char *p = new_db("w.db"), *w = fixture_path("w.db-wal");
	unsigned long sum, wsum;

	check_int(fixture_sh("cd '%s' && sqlite3 f.db 'PRAGMA journal_mode=WAL;"
			     " CREATE TABLE t(a);' >/dev/null && sqlite3 f.db"
			     " 'PRAGMA wal_autocheckpoint=0;'"
			     " 'CREATE VIEW v AS SELECT * FROM t;'"
			     " 'INSERT INTO t VALUES (1);'"
			     " '.system kill -9 $PPID' 2>/dev/null;"
			     " cp f.db-wal w.db-wal",
			     fixture_dir),
		  0);
	sum = fixture_checksum(p);
	wsum = fixture_checksum(w);
	check_true(wsum != 0);
	{
		struct store *st = NULL;
		struct err e = ERR_INIT;

		check_int(store_open(&st, p, STORE_LOCK | STORE_CREATE, NULL,
				     &e),
			  -1);
		check_true(e.code == ERR_NOTOURS || e.code == ERR_CORRUPT);
		check_true(strstr(e.msg, "not") != NULL ||
			   strstr(e.msg, "-wal") != NULL);
	}
	check_int(fixture_checksum(p), sum);
	check_int(fixture_checksum(w), wsum);
	unlink(w);
	fixture_unlink("w.db-shm");
	check_int(opens(p, 0), 0);

	/* our own file, with a trigger that lives only in its WAL */
	check_int(fixture_sh("cd '%s' && sqlite3 w.db 'PRAGMA wal_autocheckpoint=0;'"
			     " 'CREATE TRIGGER evil AFTER INSERT ON answer BEGIN"
			     " DELETE FROM answer; END;'"
			     " '.system kill -9 $PPID' 2>/dev/null; true",
			     fixture_dir),
		  0);
	check_true(fixture_exists(w));
	sum = fixture_checksum(p);
	wsum = fixture_checksum(w);
	refused(p, STORE_LOCK | STORE_CREATE, ERR_NOTOURS, "w.db");
	check_int(fixture_checksum(p), sum);
	check_int(fixture_checksum(w), wsum);
	free(w);
	free(p);
}

/* Triggers, views, indexes or tables added by hand are refused untouched. */
static void
test_schema(void)
{
	static const char *const extra[] = {
		("CREATE TRIGGER t1 AFTER INSERT ON answer BEGIN"
		 " DELETE FROM answer; END"),
		"CREATE VIEW v1 AS SELECT * FROM answer",
		"CREATE INDEX i1 ON answer(memo)",
		"CREATE TABLE x1(a)",
		"CREATE TEMP TABLE tmp1(a)", /* not stored: still fine */
	};
	size_t i;

	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
		char name[16];
		char *p;
		unsigned long sum;

		snprintf(name, sizeof(name), "s%zu.db", i);
		p = new_db(name);
		check_int(fixture_sh("sqlite3 '%s' '%s'", p, extra[i]), 0);
		sum = fixture_checksum(p);
		if (i + 1 < sizeof(extra) / sizeof(extra[0])) {
			refused(p, 0, ERR_NOTOURS, NULL);
			refused(p, STORE_LOCK | STORE_CREATE, ERR_NOTOURS,
				NULL);
			check_int(fixture_checksum(p), sum);
		} else {
			check_int(opens(p, STORE_LOCK), 0);
		}
		free(p);
	}
}

/* Every name of one file leads to one lock; a hard link is refused. */
static void
test_aliases(void)
{
	char *p = new_db("a.db"), *l = fixture_path("link.db");
	char *h = fixture_path("hard.db");
	struct store *a = NULL, *b = NULL;
	struct err e = ERR_INIT;
	unsigned long sum;

	check_int(symlink(p, l), 0);
	check_int(store_open(&a, p, STORE_LOCK | STORE_CREATE, NULL, &e), 0);
	check_int(store_open(&b, l, STORE_LOCK | STORE_CREATE, NULL, &e), -1);
	check_int(e.code, ERR_BUSY);
	store_close(a);
	a = NULL;
	/* the other way round, and the path is kept as given for messages */
	check_int(store_open(&a, l, STORE_LOCK, NULL, &e), 0);
	check_str(store_path(a), l);
	check_int(store_open(&b, p, STORE_LOCK, NULL, &e), -1);
	check_int(e.code, ERR_BUSY);
	store_close(a);

	check_int(link(p, h), 0);
	sum = fixture_checksum(p);
	refused(h, STORE_LOCK, ERR_NOTOURS, "hard link");
	refused(p, 0, ERR_NOTOURS, "hard link");
	check_int(fixture_checksum(p), sum);
	unlink(h);
	check_int(opens(p, STORE_LOCK), 0);

	/* a link to nothing is named as such, and nothing is created */
	check_int(symlink("/nonexistent/x.db", h), 0);
	refused(h, STORE_LOCK | STORE_CREATE, ERR_IO, "does not exist");
	free(l);
	free(h);
	free(p);
}

/* A lock file planted as a link, a FIFO or a second name is never used. */
static void
test_lock_file(void)
{
	char *p = new_db("l.db"), *lk = fixture_path("l.db.lock");
	char *victim = fixture_path("victim.txt");
	struct stat sb;
	FILE *f = fopen(victim, "w");

	fputs("not yours\n", f);
	fclose(f);
	chmod(victim, 0644);
	unlink(lk);
	check_int(symlink(victim, lk), 0);
	refused(p, STORE_LOCK, ERR_IO, "l.db.lock");
	check_int(stat(victim, &sb), 0);
	check_int(sb.st_mode & 0777, 0644);
	check_int(sb.st_size, 10);
	unlink(lk);

	check_int(mkfifo(lk, 0600), 0);
	refused(p, STORE_LOCK, ERR_IO, "l.db.lock");
	unlink(lk);

	check_int(link(victim, lk), 0);
	refused(p, STORE_LOCK, ERR_IO, "l.db.lock");
	check_int(stat(victim, &sb), 0);
	check_int(sb.st_mode & 0777, 0644);
	unlink(lk);

	/* a lock file of ours, left from before, is used as it is */
	check_int(opens(p, STORE_LOCK), 0);
	check_true(fixture_exists(lk));
	check_int(opens(p, STORE_LOCK), 0);
	free(victim);
	free(lk);
	free(p);
}

/* What a crash left while making a file is removed by the next maker. */
static void
test_leftovers(void)
{
	char *p = fixture_path("fresh.db"), *txt = fixture_path("note.txt");
	char *stale;
	uint32_t h = 2166136261u;
	const char *c;
	char name[64];
	FILE *f;

	for (c = "fresh.db"; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	snprintf(name, sizeof(name), ".iryosec-new-%08x-abcdef", (unsigned)h);
	stale = fixture_path(name);
	f = fopen(stale, "w");
	fputs("half made", f);
	fclose(f);
	check_int(opens(p, STORE_LOCK | STORE_CREATE), 0);
	check_true(!fixture_exists(stale));

	/* a refused file gets no lock file beside it */
	f = fopen(txt, "w");
	fputs("memo\n", f);
	fclose(f);
	refused(txt, STORE_LOCK | STORE_CREATE, ERR_NOTOURS, NULL);
	check_true(!fixture_has("note.txt.lock"));
	free(stale);
	free(txt);
	free(p);
}

/* Names near the file system's limit: a clear refusal, nothing made. */
static void
test_long_names(void)
{
	char base[256];
	char *p;

	memset(base, 'a', 245);
	strcpy(base + 245, ".db"); /* 248 bytes: its -journal would not fit */
	p = fixture_path(base);
	refused(p, STORE_LOCK | STORE_CREATE, ERR_INPUT, "too long");
	check_true(!fixture_exists(p));
	free(p);
	base[244] = '\0'; /* 244 + ".db" = 247: every side file still fits */
	strcat(base, ".db");
	p = fixture_path(base);
	check_int(opens(p, STORE_LOCK | STORE_CREATE), 0);
	check_int(opens(p, 0), 0);
	free(p);
}

/* Values edited by hand into the file are range-checked when read. */
static void
test_values(void)
{
	static const char *const years[] = {"2147483647", "-2147483648",
					    "2024", "0", "'abc'", "99999"};
	char *p = new_db("v.db");
	struct store *st = NULL;
	struct facility f = {0};
	struct err e = ERR_INIT;
	size_t i;

	check_int(store_open(&st, p, 0, NULL, &e), 0);
	facility_set_text(&f.name, "テスト医院");
	f.type = FACILITY_CLINIC;
	f.year = 2026;
	strcpy(f.edition, "r8");
	check_int(store_facility_save(st, &f, &e), 0);
	facility_release(&f);
	store_close(st);
	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		st = NULL;
		check_int(fixture_sh("sqlite3 '%s' \"UPDATE facility SET year = %s\"",
				     p, years[i]),
			  0);
		check_int(store_open(&st, p, 0, NULL, &e), 0);
		check_int(store_facility_load(st, &f, &e), 0);
		check_int(f.year, 0);
		check_true(!facility_complete(&f));
		check_str(f.name, "テスト医院");
		facility_release(&f);
		store_close(st);
	}
	free(p);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (fixture_init() != 0)
		return 1;
	test_journal();
	test_wal();
	test_schema();
	test_aliases();
	test_lock_file();
	test_leftovers();
	test_long_names();
	test_values();
	fixture_done();
	return check_done("test_hostile");
}

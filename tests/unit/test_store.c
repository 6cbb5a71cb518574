/* The data file: creation, permissions, round trips, refusals, locking. */
#define _DEFAULT_SOURCE /* setgroups, syscall (capget, capset) */
#include <fcntl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <grp.h>
#include <linux/capability.h>
#include <sys/syscall.h>

#include "check.h"
#include "store/internal.h"
#include "store/store.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static char tmp[] = "/tmp/iry-store-XXXXXX";

static char *
tpath(const char *name)
{
	return path_join(tmp, name);
}

static int
mode_of(const char *p)
{
	struct stat sb;

	if (stat(p, &sb) != 0)
		return -1;
	return (int)(sb.st_mode & 0777);
}

/* A checksum of the whole file, to prove a refusal changed nothing. */
static unsigned long
checksum(const char *p)
{
	FILE *f = fopen(p, "rb");
	unsigned long h = 5381;
	int c;

	if (f == NULL)
		return 0;
	while ((c = fgetc(f)) != EOF)
		h = h * 33 + (unsigned long)c;
	fclose(f);
	return h;
}

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Runs a shell command built like printf. */
static int
sh(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int r;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	r = system(sb.buf);
	strbuf_release(&sb);
	return r;
}

static void
test_create_and_roundtrip(void)
{
	char *p = tpath("a/b/iryosec.db"), *dir = tpath("a/b");
	struct store *st = NULL;
	struct facility f = {0}, g = {0};
	struct answer a, *b;
	struct answer_set s = ANSWER_SET_INIT;
	struct err e = ERR_INIT;
	bool created = false;
	mode_t old = umask(0); /* permissions must not depend on the umask */

	check_int(store_open(&st, p, STORE_CREATE, &created, &e), 0);
	umask(old);
	check_true(created);
	check_int(mode_of(p), 0600);
	check_int(mode_of(dir), 0700);
	check_int(store_schema_found(st), STORE_SCHEMA);

	check_int(store_facility_load(st, &f, &e), 0);
	check_true(f.name == NULL && f.year == 0);
	facility_set_text(&f.name, "やまだ内科クリニック");
	f.type = FACILITY_CLINIC;
	facility_set_text(&f.manager, "山田太郎");
	facility_set_text(&f.checker, "事務長 佐藤");
	f.year = 2026;
	strcpy(f.edition, "r8");
	check_int(store_facility_save(st, &f, &e), 0);

	memset(&a, 0, sizeof(a));
	a.year = 2026;
	strcpy(a.item_id, "security-officer");
	a.cell = CELL_ALL;
	a.value = ANSWER_NO;
	a.checked = (struct date){2026, 11, 25};
	a.target = (struct date){2027, 3, 31};
	answer_set_text(&a.memo, "院長に確認する（12月中）");
	check_int(store_answer_put(st, &a, &e), 0);
	a.value = ANSWER_UNKNOWN; /* replace, not add */
	check_int(store_answer_put(st, &a, &e), 0);
	strcpy(a.item_id, "backup");
	a.cell = CELL_SERVER;
	check_int(store_answer_put(st, &a, &e), 0);
	answer_release(&a);
	store_close(st);

	/* reopen: everything is there */
	st = NULL;
	check_int(store_open(&st, p, STORE_CREATE, &created, &e), 0);
	check_true(!created);
	check_int(store_facility_load(st, &g, &e), 0);
	check_str(g.name, "やまだ内科クリニック");
	check_str(g.manager, "山田太郎");
	check_true(g.officer == NULL);
	check_str(g.checker, "事務長 佐藤");
	check_int(g.type, FACILITY_CLINIC);
	check_int(g.year, 2026);
	check_str(g.edition, "r8");
	check_int(store_answers_load(st, 2026, &s, &e), 0);
	check_int(s.n, 2);
	b = (struct answer *)answer_set_find(&s, "security-officer", CELL_ALL);
	check_true(b != NULL);
	if (b != NULL) {
		check_int(b->value, ANSWER_UNKNOWN);
		check_int(b->checked.d, 25);
		check_int(b->target.y, 2027);
		check_str(b->memo, "院長に確認する（12月中）");
		check_true(b->owner == NULL);
	}
	check_true(answer_set_find(&s, "backup", CELL_SERVER) != NULL);
	check_int(store_answers_load(st, 2025, &s, &e), 0);
	check_int(s.n, 0);
	answer_set_release(&s);
	facility_release(&f);
	facility_release(&g);
	store_close(st);
	free(p);
	free(dir);
}

/* Text is bound, never spliced into SQL: quotes and SQL come back as typed. */
static void
test_hostile_text(void)
{
	char *p = tpath("hostile.db");
	const char *evil = "x'); DROP TABLE answer; -- \"%s%n 院長の\\メモ";
	struct store *st = NULL;
	struct facility f = {0}, g = {0};
	struct answer a, *b;
	struct answer_set s = ANSWER_SET_INIT;
	struct err e = ERR_INIT;

	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	facility_set_text(&f.name,
			  "O'Brien クリニック\"; DELETE FROM facility;");
	f.type = FACILITY_CLINIC;
	f.year = 2026;
	strcpy(f.edition, "r8");
	check_int(store_facility_save(st, &f, &e), 0);
	memset(&a, 0, sizeof(a));
	a.year = 2026;
	strcpy(a.item_id, "backup");
	a.cell = CELL_ALL;
	a.value = ANSWER_YES;
	answer_set_text(&a.memo, evil);
	answer_set_text(&a.owner, "'");
	check_int(store_answer_put(st, &a, &e), 0);
	answer_release(&a);
	store_close(st);
	st = NULL;
	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	check_int(store_facility_load(st, &g, &e), 0);
	check_str(g.name, "O'Brien クリニック\"; DELETE FROM facility;");
	check_int(store_answers_load(st, 2026, &s, &e), 0);
	check_int(s.n, 1);
	b = (struct answer *)answer_set_find(&s, "backup", CELL_ALL);
	check_true(b != NULL);
	if (b != NULL) {
		check_str(b->memo, evil);
		check_str(b->owner, "'");
	}
	answer_set_release(&s);
	facility_release(&f);
	facility_release(&g);
	store_close(st);
	free(p);
}

/* With STORE_NO_MKDIR (a --db path) a missing folder is refused. */
static void
test_no_mkdir(void)
{
	char *p = tpath("nofolder/x.db"), *dir = tpath("nofolder");
	struct store *st = NULL;
	struct err e = ERR_INIT;
	struct stat sb;

	check_int(store_open(&st, p, STORE_NO_MKDIR, NULL, &e), -1);
	check_true(st == NULL);
	check_true(strstr(e.msg, "nofolder") != NULL);
	check_true(stat(dir, &sb) != 0);
	free(p);
	free(dir);
}

static void
test_refusals(void)
{
	char *txt = tpath("notes.txt"), *empty = tpath("empty.db");
	char *foreign = tpath("foreign.db"), *newer = tpath("newer.db");
	struct store *st = NULL;
	struct err e = ERR_INIT;
	unsigned long before;
	FILE *f;

	f = fopen(txt, "w");
	fputs("これはメモです。データベースではありません。\n", f);
	fclose(f);
	before = checksum(txt);
	check_int(store_open(&st, txt, STORE_CREATE, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_int(checksum(txt), before);

	close(open(empty, O_CREAT | O_WRONLY, 0600));
	check_int(store_open(&st, empty, STORE_CREATE, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_int(mode_of(empty) >= 0, 1);
	{
		struct stat sb;

		stat(empty, &sb);
		check_int(sb.st_size,
			  0); /* still empty: not turned into a db */
	}

	/* a SQLite database of another program */
	check_int(
		sh("sqlite3 '%s' 'CREATE TABLE x(a); INSERT INTO x VALUES (1);'",
		   foreign),
		0);
	before = checksum(foreign);
	check_int(store_open(&st, foreign, STORE_CREATE, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_int(checksum(foreign), before);

	/* ours, but from a newer iryosec */
	check_int(store_open(&st, newer, STORE_CREATE, NULL, &e), 0);
	store_close(st);
	st = NULL;
	check_int(sh("sqlite3 '%s' 'PRAGMA user_version = 99;'", newer), 0);
	before = checksum(newer);
	check_int(store_open(&st, newer, STORE_CREATE, NULL, &e), -1);
	check_int(e.code, ERR_NEWER);
	check_int(checksum(newer), before);

	/* a truncated header */
	check_int(sh("head -c 50 /dev/urandom > '%s'", txt), 0);
	check_int(store_open(&st, txt, STORE_CREATE, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	free(txt);
	free(empty);
	free(foreign);
	free(newer);
}

static void
test_lock(void)
{
	char *p = tpath("locked.db");
	struct store *a = NULL, *b = NULL, *c = NULL;
	struct err e = ERR_INIT;

	check_int(store_open(&a, p, STORE_LOCK | STORE_CREATE, NULL, &e), 0);
	check_int(store_open(&b, p, STORE_LOCK | STORE_CREATE, NULL, &e), -1);
	check_int(e.code, ERR_BUSY);
	/* readers (status, report) take no lock */
	check_int(store_open(&c, p, STORE_CREATE, NULL, &e), 0);
	store_close(c);
	store_close(a);
	check_int(store_open(&b, p, STORE_LOCK | STORE_CREATE, NULL, &e), 0);
	store_close(b);
	free(p);
}

/* The durability README promises: WAL, synchronous=FULL, foreign keys,
 * on every connection (wizard and reader alike). */
static void
test_durability(void)
{
	char *p = tpath("durable.db");
	unsigned flags[] = {STORE_LOCK | STORE_CREATE, 0};
	size_t i;

	for (i = 0; i < 2; i++) {
		struct store *st = NULL;
		struct err e = ERR_INIT;
		sqlite3_stmt *q = NULL;
		int v = -1;

		check_int(store_open(&st, p, flags[i], NULL, &e), 0);
		if (st == NULL)
			continue;
		check_int(store_query_int(st, "PRAGMA synchronous", &v, &e), 0);
		check_int(v, 2); /* FULL */
		check_int(store_query_int(st, "PRAGMA foreign_keys", &v, &e),
			  0);
		check_int(v, 1);
		check_int(sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1,
					     &q, NULL),
			  SQLITE_OK);
		check_int(sqlite3_step(q), SQLITE_ROW);
		check_str((const char *)sqlite3_column_text(q, 0), "wal");
		sqlite3_finalize(q);
		store_close(st);
	}
	free(p);
}

static void
test_migration_from_v0(void)
{
	/* A file at user_version 0 with our id is brought up to date. */
	char *p = tpath("old.db");
	struct store *st = NULL;
	struct err e = ERR_INIT;

	check_int(
		sh("sqlite3 '%s' 'PRAGMA application_id = %d;'", p, 0x49525953),
		0);
	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	check_int(store_schema_found(st), 0);
	store_close(st);
	st = NULL;
	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	check_int(store_schema_found(st), STORE_SCHEMA);
	store_close(st);
	free(p);
}

/* A file written by the first version (schema 1) is brought to schema 2
 * and keeps its answers; the new tables work. */
static void
test_migration_from_v1(void)
{
	char *p = tpath("v1.db");
	struct store *st = NULL;
	struct err e = ERR_INIT;
	struct answer_set s = ANSWER_SET_INIT;
	struct vendor v;
	struct vendor_list l = VENDOR_LIST_INIT;

	check_int(
		sh("sqlite3 '%s' \"PRAGMA application_id = %d;"
		   " CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
		   " CREATE TABLE facility (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT,"
		   " type TEXT NOT NULL DEFAULT '', manager TEXT, officer TEXT, health_center TEXT,"
		   " year INTEGER, updated TEXT NOT NULL);"
		   " INSERT INTO facility VALUES (1, 'おかだ医院', 'clinic', '岡田', NULL,"
		   " NULL, 2026, 'x');"
		   " CREATE TABLE fiscal_year (year INTEGER PRIMARY KEY, edition TEXT NOT NULL,"
		   " updated TEXT NOT NULL);"
		   " CREATE TABLE answer (year INTEGER NOT NULL, item_id TEXT NOT NULL,"
		   " cell TEXT NOT NULL, value TEXT NOT NULL, checked TEXT, target TEXT,"
		   " owner TEXT, memo TEXT, updated TEXT NOT NULL,"
		   " PRIMARY KEY (year, item_id, cell));"
		   " INSERT INTO answer VALUES (2026, 'backup', 'all', 'no', '2026-11-01',"
		   " '2027-03-01', NULL, 'old', 'x');"
		   " PRAGMA user_version = 1;\"",
		   p, 0x49525953),
		0);
	/* a reader (STORE_READONLY) on a copy: brought up to date, then read */
	{
		char *q = tpath("v1-read.db");

		check_int(sh("cp '%s' '%s'", p, q), 0);
		check_int(store_open(&st, q, STORE_READONLY, NULL, &e), 0);
		check_int(store_schema_found(st), 1);
		check_int(store_answers_load(st, 2026, &s, &e), 0);
		check_int(s.n, 1);
		store_close(st);
		st = NULL;
		free(q);
	}
	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	check_int(store_schema_found(st), 1);
	check_int(store_answers_load(st, 2026, &s, &e), 0);
	check_int(s.n, 1);
	check_true(s.n == 1 && s.v[0].ask == 0 && s.v[0].value == ANSWER_NO);
	/* the facility survives, with no checker (added in version 5) */
	{
		struct facility f = {0};

		check_int(store_facility_load(st, &f, &e), 0);
		check_str(f.name, "おかだ医院");
		check_true(f.checker == NULL);
		facility_set_text(&f.checker, "岡田");
		check_int(store_facility_save(st, &f, &e), 0);
		facility_release(&f);
		check_int(store_facility_load(st, &f, &e), 0);
		check_str(f.checker, "岡田");
		facility_release(&f);
	}
	memset(&v, 0, sizeof(v));
	vendor_set_text(&v.name, "アルファ");
	strcpy(v.contract, "maintenance");
	check_int(store_vendor_put(st, &v, &e), 0);
	check_true(v.id > 0);
	s.v[0].ask = v.id;
	check_int(store_answer_put(st, &s.v[0], &e), 0);
	check_int(store_vendors_load(st, &l, &e), 0);
	check_int(l.n, 1);
	/* deleting the vendor sets the answer's ask back to in-house */
	check_int(store_vendor_delete(st, v.id, &e), 0);
	check_int(store_answers_load(st, 2026, &s, &e), 0);
	check_true(s.n == 1 && s.v[0].ask == 0);
	store_close(st);
	vendor_release(&v);
	vendor_list_release(&l);
	answer_set_release(&s);
	free(p);
}

static void
test_vendors(void)
{
	char *p = tpath("vend.db");
	struct store *st = NULL;
	struct err e = ERR_INIT;
	struct vendor a, b;
	struct vendor_list l = VENDOR_LIST_INIT;
	struct vanswer va;
	struct vanswer_set vs = VANSWER_SET_INIT;
	struct contact ct;
	struct contact_list cl = CONTACT_LIST_INIT;

	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	vendor_set_text(&a.name, "アルファメディカル");
	vendor_set_text(&a.phone, "03-1111-2222");
	vendor_toggle_system(&a, "emr");
	vendor_toggle_system(&a, "receipt");
	strcpy(a.contract, "maintenance");
	check_int(store_vendor_put(st, &a, &e), 0);
	vendor_set_text(&b.name, "ベータネット");
	check_int(store_vendor_put(st, &b, &e), 0);
	check_true(a.id > 0 && b.id > a.id);
	vendor_set_text(&a.email, "sato@alpha.example.jp");
	check_int(store_vendor_put(st, &a, &e), 0); /* an update */
	check_int(store_vendors_load(st, &l, &e), 0);
	check_int(l.n, 2);
	if (l.n == 2) {
		check_str(l.v[0].name, "アルファメディカル");
		check_str(l.v[0].email, "sato@alpha.example.jp");
		check_str(l.v[0].systems, "emr,receipt");
		check_str(l.v[0].contract, "maintenance");
		check_str(l.v[1].contract, "");
	}
	memset(&va, 0, sizeof(va));
	va.year = 2026;
	va.vendor = a.id;
	strcpy(va.item_id, "security-split");
	va.value = ANSWER_NO;
	check_int(store_vanswer_put(st, &va, &e), 0);
	va.vendor = b.id;
	va.value = ANSWER_YES;
	check_int(store_vanswer_put(st, &va, &e), 0);
	check_int(store_vanswers_load(st, 2026, &vs, &e), 0);
	check_int(vs.n, 2);
	check_true(vanswer_find(&vs, a.id, "security-split")->value ==
		   ANSWER_NO);
	check_int(store_vendor_delete(st, a.id, &e), 0);
	check_int(store_vanswers_load(st, 2026, &vs, &e), 0);
	check_int(vs.n, 1); /* cascade */
	memset(&ct, 0, sizeof(ct));
	strcpy(ct.role, "police");
	contact_set_text(&ct.name, "県警 サイバー犯罪相談窓口");
	check_int(store_contact_put(st, &ct, &e), 0);
	check_int(store_contacts_load(st, &cl, &e), 0);
	check_true(cl.n == 1 &&
		   strcmp(cl.v[0].name, "県警 サイバー犯罪相談窓口") == 0);
	store_close(st);
	contact_release(&ct);
	contact_list_release(&cl);
	vanswer_set_release(&vs);
	vendor_list_release(&l);
	vendor_release(&a);
	vendor_release(&b);
	free(p);
}

/*
 * Schema 5 kept 保守委託機関編's clause as its own vendor answer
 * (hoshu-clause); schema 6 reads the contract question security-split.
 * Vendor 1 answered only the clause: it becomes security-split. Vendor 2
 * said はい in both, the place only in the clause: the place moves over.
 * Vendor 3's answers disagree: security-split stays, the clause is kept.
 */
static void
test_migration_hoshu_clause(void)
{
	char *p = tpath("v5.db");
	struct store *st = NULL;
	struct err e = ERR_INIT;
	struct vanswer_set vs = VANSWER_SET_INIT;
	const struct vanswer *x;
	struct vendor v;
	int i;

	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	memset(&v, 0, sizeof(v));
	for (i = 0; i < 3; i++) {
		v.id = 0;
		vendor_set_text(&v.name, "アルファ");
		check_int(store_vendor_put(st, &v, &e), 0);
	}
	vendor_release(&v);
	store_close(st);
	st = NULL;
	check_int(
		sh("sqlite3 '%s' \"INSERT INTO vendor_answer VALUES"
		   " (2026, 1, 'hoshu-clause', 'yes', '保守契約書 第12条', 'x'),"
		   " (2026, 2, 'security-split', 'yes', NULL, 'x'),"
		   " (2026, 2, 'hoshu-clause', 'yes', '約款 第5条', 'x'),"
		   " (2026, 3, 'security-split', 'no', NULL, 'x'),"
		   " (2026, 3, 'hoshu-clause', 'yes', 'SLA 3.1', 'x');"
		   " PRAGMA user_version = 5;\"",
		   p),
		0);
	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	check_int(store_schema_found(st), 5);
	check_int(store_vanswers_load(st, 2026, &vs, &e), 0);
	x = vanswer_find(&vs, 1, "security-split");
	check_true(x != NULL && x->value == ANSWER_YES && x->memo != NULL &&
		   strcmp(x->memo, "保守契約書 第12条") == 0);
	check_true(vanswer_find(&vs, 1, "hoshu-clause") == NULL);
	x = vanswer_find(&vs, 2, "security-split");
	check_true(x != NULL && x->value == ANSWER_YES && x->memo != NULL &&
		   strcmp(x->memo, "約款 第5条") == 0);
	check_true(vanswer_find(&vs, 2, "hoshu-clause") == NULL);
	x = vanswer_find(&vs, 3, "security-split");
	check_true(x != NULL && x->value == ANSWER_NO && x->memo == NULL);
	check_true(vanswer_find(&vs, 3, "hoshu-clause") != NULL);
	check_int(vs.n, 4);
	store_close(st);
	vanswer_set_release(&vs);
	free(p);
}

/*
 * Drops what lets root write anything, in a child about to test a file it
 * must not be able to write: becomes nobody when nobody can reach the test
 * folder, else (a root directory others cannot enter, as in some build
 * roots) stays root without the capabilities that override file
 * permissions (as t_baddb.sh does). Returns 0, or -1 when neither works.
 */
static int
drop_privileges(void)
{
	char path[sizeof(tmp)];
	struct stat sb;
	bool reach = true;
	char *slash;
	struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct d[2];
	unsigned drop = (1u << CAP_DAC_OVERRIDE) |
			(1u << CAP_DAC_READ_SEARCH) | (1u << CAP_FOWNER);

	if (geteuid() != 0)
		return 0;
	/* every folder from / to tmp must let others through */
	strcpy(path, tmp);
	if (stat("/", &sb) != 0 || !(sb.st_mode & S_IXOTH))
		reach = false;
	for (slash = strchr(path + 1, '/'); reach; slash = strchr(slash + 1, '/')) {
		if (slash != NULL)
			*slash = '\0';
		if (stat(path, &sb) != 0 || !(sb.st_mode & S_IXOTH))
			reach = false;
		if (slash == NULL)
			break;
		*slash = '/';
	}
	if (reach)
		return setgroups(0, NULL) == 0 && setgid(65534) == 0 &&
				       setuid(65534) == 0
			       ? 0
			       : -1;
	if (syscall(SYS_capget, &h, d) != 0)
		return -1;
	d[0].effective &= ~drop;
	d[0].permitted &= ~drop;
	d[0].inheritable &= ~drop;
	return syscall(SYS_capset, &h, d) == 0 ? 0 : -1;
}

/* The facility's name read through a read-only store at p; 0 when it is
 * "よみとり医院" and a write through it is refused, else 1. */
static int
readonly_reads(const char *p)
{
	struct store *st = NULL;
	struct facility f = {0};
	struct answer a;
	struct err e = ERR_INIT;
	int r = 1;

	if (store_open(&st, p, STORE_NO_MKDIR | STORE_READONLY, NULL, &e) != 0) {
		fprintf(stderr, "read-only open of %s as uid %d: %s (%s)\n", p,
			(int)geteuid(), e.msg, e.detail);
		return 1;
	}
	memset(&a, 0, sizeof(a));
	a.year = 2026;
	strcpy(a.item_id, "backup");
	a.cell = CELL_SERVER;
	a.value = ANSWER_YES;
	if (store_facility_load(st, &f, &e) == 0 && f.name != NULL &&
	    strcmp(f.name, "よみとり医院") == 0 &&
	    store_answer_put(st, &a, &e) != 0)
		r = 0;
	else
		fprintf(stderr, "read-only store %s as uid %d: %s (%s)\n", p,
			(int)geteuid(), e.msg, e.detail);
	facility_release(&f);
	store_close(st);
	return r;
}

/* STORE_READONLY: reads, refuses writes, leaves the file and its folder as
 * they were, reads a copy that cannot be written (as a user other than
 * root: root may write anything), and refuses what store_open refuses. */
static void
test_readonly(void)
{
	char *dir = tpath("ro"), *p = tpath("ro/iryosec.db");
	char *copydir = tpath("ro/stick"), *copy = tpath("ro/stick/iryosec.db");
	char *side = NULL, *fifo = tpath("ro/fifo.db");
	struct store *st = NULL;
	struct facility f = {0};
	struct err e = ERR_INIT;
	unsigned long sum;
	pid_t pid;
	int status = -1;

	check_int(store_open(&st, p, STORE_CREATE, NULL, &e), 0);
	facility_set_text(&f.name, "よみとり医院");
	f.type = FACILITY_CLINIC;
	f.year = 2026;
	strcpy(f.edition, "r8");
	check_int(store_facility_save(st, &f, &e), 0);
	facility_release(&f);
	store_close(st);
	sh("rm -f '%s.lock'", p);

	sum = checksum(p);
	check_int(readonly_reads(p), 0);
	check_true(checksum(p) == sum);
	/* nothing left beside the file */
	check_int(sh("test ! -e '%s-wal' && test ! -e '%s-shm'", p, p), 0);
	/* once a file of this schema was accepted (its exact form is kept),
	 * a file with a trigger or a table more is still refused */
	side = tpath("ro/altered.db");
	check_int(sh("cp '%s' '%s' && sqlite3 '%s' 'CREATE TRIGGER t AFTER"
		     " INSERT ON meta BEGIN SELECT 1; END;'",
		     p, side, side),
		  0);
	check_int(store_open(&st, side, STORE_READONLY, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_true(st == NULL);
	check_int(sh("cp '%s' '%s' && sqlite3 '%s' 'CREATE TABLE x(a);'", p,
		     side, side),
		  0);
	check_int(store_open(&st, side, STORE_READONLY, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_true(st == NULL);
	check_int(readonly_reads(p), 0); /* and the first still read */
	sh("rm -f '%s'", side);
	free(side);
	side = NULL;

	/* a copy on a read-only stick: file 0444, folder 0555 */
	check_int(sh("mkdir '%s' && cp '%s' '%s' && chmod 0444 '%s' &&"
		     " chmod 0555 '%s' && chmod 0755 '%s' '%s'",
		     copydir, p, copy, copy, copydir, tmp, dir),
		  0);
	sum = checksum(copy);
	pid = fork();
	if (pid == 0) {
		if (drop_privileges() != 0)
			_exit(2);
		_exit(readonly_reads(copy));
	}
	check_true(pid > 0 && waitpid(pid, &status, 0) == pid);
	check_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	check_true(checksum(copy) == sum);
	check_int(sh("test \"$(ls -A '%s')\" = iryosec.db", copydir), 0);
	/* the same copy as the wizard opens it: refused, not changed */
	pid = fork();
	if (pid == 0) {
		struct store *w = NULL;
		struct err we = ERR_INIT;

		if (drop_privileges() != 0)
			_exit(2);
		_exit(store_open(&w, copy, STORE_LOCK, NULL, &we) == 0 ? 1
			: we.code == ERR_READONLY ? 0 : 3);
	}
	check_true(pid > 0 && waitpid(pid, &status, 0) == pid);
	check_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	sh("chmod 0755 '%s'", copydir);

	/* hostile files are refused as without the flag */
	check_int(mkfifo(fifo, 0600), 0);
	check_int(store_open(&st, fifo, STORE_READONLY, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_true(st == NULL);
	check_int(sh("ln -s /nonexistent/x.db '%s/dangling.db' &&"
		     " ln -s '%s' '%s-wal'",
		     dir, copy, p),
		  0);
	side = tpath("ro/dangling.db");
	check_int(store_open(&st, side, STORE_READONLY, NULL, &e), -1);
	check_true(st == NULL);
	free(side);
	/* a link as its -wal: SQLite would read another file's pages */
	check_int(store_open(&st, p, STORE_READONLY, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_true(st == NULL);
	sh("rm -f '%s-wal'", p);
	/* a database of another program */
	check_int(sh("sqlite3 '%s/other.db' 'CREATE TABLE t(x)' 2>/dev/null ||"
		     " printf 'SQLite format 3\\000%%0100d' 0 > '%s/other.db'",
		     dir, dir),
		  0);
	side = tpath("ro/other.db");
	check_int(store_open(&st, side, STORE_READONLY, NULL, &e), -1);
	check_int(e.code, ERR_NOTOURS);
	check_true(st == NULL);
	free(side);
	err_clear(&e);
	free(fifo);
	free(copy);
	free(copydir);
	free(p);
	free(dir);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (mkdtemp(tmp) == NULL)
		return 1;
	test_create_and_roundtrip();
	test_refusals();
	test_hostile_text();
	test_no_mkdir();
	test_lock();
	test_durability();
	test_migration_from_v0();
	test_migration_from_v1();
	test_migration_hoshu_clause();
	test_vendors();
	test_readonly();
	sh("rm -rf '%s'", tmp);
	return check_done("test_store");
}

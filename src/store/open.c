/*
 * Opening the data file: find the file itself (links resolved), lock it,
 * create it when asked, and make sure it is ours before any connection
 * that could write is made.
 *
 * The order matters. SQLite plays a journal or WAL left beside a file into
 * it as soon as a connection reads, and runs triggers stored in the file
 * when we write. So: the header is read by hand, the files SQLite keeps
 * beside the data file are checked, then a read-only connection checks the
 * application id, the version, the schema (exactly what our migrations
 * make) and the pages; only then is the connection that writes opened.
 */
#include "store/store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "store/schema.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/sys.h"
#include "util/thread.h"
#include "util/xalloc.h"

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/*
 * Checks the file at st->real before any connection is open (never open()
 * the file while SQLite has it: closing that descriptor would drop
 * SQLite's locks). Refuses what is not a plain file with one name, not
 * ours, or newer. Returns 0 or -1 with e set.
 */
static int
header_check(struct store *st, struct err *e)
{
	const char *path = st->path;
	unsigned char h[100];
	struct sys_file f;
	long n;

	if (sys_stat(st->real, &f, e) != 0)
		return -1;
	if (!f.exists)
		return err_set(e, ERR_IO, _("cannot read the data file '%s'"),
			       path);
	if (!f.regular)
		return err_set(e, ERR_NOTOURS, _("'%s' is not a file"), path);
	if (f.nlink > 1)
		return err_set(
			e, ERR_NOTOURS,
			_("the data file '%s' also has another name (a hard link); SQLite keeps unsaved work beside one name, so two names can lose answers. Keep one name (copy the file instead of linking it); it was not changed"),
			path);
	if (f.size == 0)
		return err_set(
			e, ERR_NOTOURS,
			_("'%s' is an empty file, not an iryosec data file; it was not changed"),
			path);
	n = sys_read_head(st->real, true, h, sizeof(h));
	if (n == -1) {
		err_set(e, errno == EACCES ? ERR_READONLY : ERR_IO,
			_("cannot read the data file '%s'"), path);
		return err_detail(e, "%s", strerror(errno));
	}
	if (n == SYS_NOT_REGULAR)
		return err_set(e, ERR_NOTOURS, _("'%s' is not a file"), path);
	if (n != (long)sizeof(h) || memcmp(h, "SQLite format 3", 16) != 0)
		return err_set(
			e, ERR_NOTOURS,
			_("'%s' is not an iryosec data file; it was not changed"),
			path);
	if (be32(h + 68) != STORE_APP_ID)
		return err_set(
			e, ERR_NOTOURS,
			_("'%s' is a database of another program, not an iryosec data file; it was not changed"),
			path);
	if (be32(h + 60) > STORE_SCHEMA)
		return err_set(
			e, ERR_NEWER,
			_("'%s' was written by a newer version of iryosec; update iryosec to open it (the file was not changed)"),
			path);
	st->found = (int)be32(h + 60);
	return 0;
}

/*
 * The files SQLite keeps beside the data file. iryosec's files are always
 * in WAL mode, so a rollback journal (-journal) is never ours; a -wal or
 * -shm must be a plain file with one name, owned by us or the data file's
 * owner (a link there would make SQLite write into another file). Sets
 * *wal when a -wal with content is there. Returns 0 or -1 with e set.
 */
static int
sidecar_check(struct store *st, long owner, bool *wal, struct err *e)
{
	static const char *const sfx[] = {"-journal", "-wal", "-shm"};
	struct strbuf p = STRBUF_INIT;
	size_t i;
	int r = 0;

	*wal = false;
	for (i = 0; i < 3 && r == 0; i++) {
		struct sys_file f;

		strbuf_reset(&p);
		strbuf_addf(&p, "%s%s", st->real, sfx[i]);
		if (sys_lstat(p.buf, &f, e) != 0) {
			r = -1;
			break;
		}
		if (!f.exists)
			continue;
		if (i == 0)
			r = err_set(
				e, ERR_NOTOURS,
				_("beside the data file '%s' there is a journal '%s' that iryosec never makes; the data file was not changed. Move that file into another folder (do not delete it) and start again"),
				st->path, p.buf);
		else if (f.link || !f.regular || f.nlink > 1 ||
			 (f.uid != sys_euid() && f.uid != owner))
			r = err_set(
				e, ERR_NOTOURS,
				_("beside the data file '%s' there is '%s', which is not a plain file of this data file (a link, a device, or another owner's); the data file was not changed. Move it into another folder and start again"),
				st->path, p.buf);
		else if (i == 1 && f.size > 0)
			*wal = true;
	}
	strbuf_release(&p);
	return r;
}

/*
 * Turns off SQLite's memory statistics, which take a mutex around every
 * allocation and which nothing here reads (aggregate makes thousands of
 * connections). Only possible before SQLite starts: called first thing by
 * store_open(); a later call is refused by SQLite and changes nothing.
 */
static void
sqlite_setup(void)
{
	static bool done; /* under the global lock: aggregate's readers
			   * open files on several threads */

	thread_global_lock();
	if (!done)
		(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	done = true;
	thread_global_unlock();
}

/* Settings for every connection: no tricks hidden in a file can run. */
static void
harden(sqlite3 *db)
{
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, 5000);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
}

/* Opens st->db on path (read-write or read-only) with our settings;
 * flags: more SQLITE_OPEN_* bits. */
static int
db_connect(struct store *st, const char *path, bool readonly, int flags,
	   struct err *e)
{
	int rc = sqlite3_open_v2(path, &st->db,
				 flags | (readonly ? SQLITE_OPEN_READONLY
						   : SQLITE_OPEN_READWRITE),
				 NULL);

	if (st->db != NULL)
		harden(st->db);
	if (rc != SQLITE_OK)
		return store_db_error(st, rc, e);
	return 0;
}

/*
 * Appends sql with its layout made plain: runs of white space become one
 * space, and none is kept next to a bracket or comma. The same table typed
 * with other line breaks compares equal; anything more does not.
 */
static void
add_plain_sql(struct strbuf *out, const char *sql)
{
	static const char white[] = " \t\n\r";

	while (*sql != '\0') {
		size_t n = strspn(sql, white);
		bool space = n > 0;

		sql += n;
		if (*sql == '\0')
			break;
		if (space && out->len > 0 && strchr("(),", *sql) == NULL &&
		    strchr("(,", out->buf[out->len - 1]) == NULL)
			strbuf_addch(out, ' ');
		n = strcspn(sql, white); /* a word, added whole */
		strbuf_add(out, sql, n);
		sql += n;
	}
}

/* Appends column text t to out exactly: its length (4 bytes), then its
 * bytes; a NULL as the length 0xFFFFFFFF. No two lists of columns give
 * the same bytes (a newline or a comment in a table's SQL cannot pass for
 * another row). */
static void
add_exact(struct strbuf *out, const char *t)
{
	uint32_t n = t != NULL ? (uint32_t)strlen(t) : UINT32_MAX;

	strbuf_add(out, &n, sizeof(n));
	if (t != NULL)
		strbuf_add(out, t, n);
}

/*
 * Appends every schema object of db: with exact false one per line in a
 * fixed order, its SQL made plain (add_plain_sql), as compared with ours;
 * with exact true every column as add_exact() writes it, in the order the
 * file keeps them (no sort), to recognise a schema already accepted (a
 * file that keeps them in another order is compared in full).
 */
static int
schema_dump(struct store *st, struct strbuf *out, bool exact, struct err *e)
{
	static const char sorted[] =
		"SELECT type, name, tbl_name, coalesce(sql, '')"
		" FROM sqlite_schema ORDER BY type, name";
	static const char stored[] =
		"SELECT +type, +name, +tbl_name, +sql FROM sqlite_schema";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, exact ? stored : sorted, -1, &s,
				    NULL);

	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int i;

		for (i = 0; i < 4; i++) {
			/* not strbuf_addf: this runs for every file read;
			 * a NULL (a hostile file) reads as addf wrote it */
			const char *t = (const char *)sqlite3_column_text(s, i);

			if (exact) {
				add_exact(out, t);
				continue;
			}
			if (i == 3) {
				add_plain_sql(out, t);
				break;
			}
			strbuf_addstr(out, t != NULL ? t : "(null)");
			strbuf_addch(out, '\t');
		}
		if (!exact)
			strbuf_addch(out, '\n');
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_db_error(st, rc, e);
}

/*
 * The schema our migrations make at version v, as schema_dump() writes.
 * Made once per version and kept until the process ends: aggregate opens
 * thousands of files and would otherwise build it in memory for each.
 */
static int
schema_expected(int v, struct strbuf *out, struct err *e)
{
	static char *made[STORE_SCHEMA + 1]; /* under the global lock */
	char name[] = "(memory)";
	struct store mem = {NULL, name, NULL, NULL, -1, false, 0};
	int i, r = -1;

	thread_global_lock();
	if (v <= STORE_SCHEMA && made[v] != NULL) {
		strbuf_addstr(out, made[v]);
		r = 0;
	}
	thread_global_unlock();
	if (r == 0)
		return 0;
	if (db_connect(&mem, ":memory:", false, 0, e) != 0)
		goto out;
	for (i = 0; i < v; i++)
		if (store_exec(&mem, store_migrations[i], e) != 0)
			goto out;
	r = schema_dump(&mem, out, false, e);
	thread_global_lock(); /* another thread may have made it meanwhile */
	if (r == 0 && v <= STORE_SCHEMA && made[v] == NULL)
		made[v] = xstrdup(out->buf);
	thread_global_unlock();
out:
	if (mem.db != NULL)
		sqlite3_close(mem.db);
	return r;
}

/*
 * Checks the file through c, a read-only connection: it cannot play a
 * journal into the file nor checkpoint a WAL. Refuses, with nothing
 * changed, a file whose id or version is not ours, whose schema holds
 * anything our migrations do not make (a trigger would run when we
 * write), or (quick) whose pages do not hold together (a WAL of another
 * file). Sets *version. With wal false and quick false, the id and the
 * version are those header_check() read (c->found): no WAL content can
 * change them. Returns 0 or -1 with e set.
 */
static int
check_conn(struct store *c, bool wal, bool quick, int *version, struct err *e)
{
	/* the last schema accepted per version, in add_exact() form: kept
	 * until the process ends (one per version, so memory stays flat);
	 * under the global lock (aggregate reads on several threads) */
	static struct strbuf accepted[STORE_SCHEMA + 1];
	bool same;
	struct strbuf have = STRBUF_INIT, want = STRBUF_INIT;
	struct strbuf exact = STRBUF_INIT;
	sqlite3_stmt *s = NULL;
	int app = (int)STORE_APP_ID, v = c->found, rc, r = -1;

	if ((wal || quick) &&
	    (store_query_int(c, "PRAGMA application_id", &app, e) != 0 ||
	     store_query_int(c, "PRAGMA user_version", &v, e) != 0))
		goto out;
	if ((uint32_t)app != STORE_APP_ID) {
		err_set(e, ERR_NOTOURS,
			_("'%s' is a database of another program, not an iryosec data file; it was not changed"),
			c->path);
		goto out;
	}
	if (v > STORE_SCHEMA) {
		err_set(e, ERR_NEWER,
			_("'%s' was written by a newer version of iryosec; update iryosec to open it (the file was not changed)"),
			c->path);
		goto out;
	}
	*version = v;
	/* a schema exactly as one already accepted at this version is
	 * accepted again without making its SQL plain (aggregate reads
	 * thousands of files of the same schema) */
	if (schema_dump(c, &exact, true, e) != 0)
		goto out;
	thread_global_lock();
	same = v >= 0 && v <= STORE_SCHEMA && accepted[v].len != 0 &&
	       accepted[v].len == exact.len &&
	       memcmp(accepted[v].buf, exact.buf, exact.len) == 0;
	thread_global_unlock();
	if (!same) {
		if (schema_dump(c, &have, false, e) != 0 ||
		    schema_expected(v < 0 ? 0 : v, &want, e) != 0)
			goto out;
		if (strcmp(have.buf, want.buf) != 0) {
			err_set(e, ERR_NOTOURS,
				_("the data file '%s' holds tables or rules that iryosec does not make (it was changed by another program); it was not changed. Copy it and ask for help"),
				c->path);
			goto out;
		}
		if (v >= 0 && v <= STORE_SCHEMA) {
			thread_global_lock();
			strbuf_reset(&accepted[v]);
			strbuf_add(&accepted[v], exact.buf, exact.len);
			thread_global_unlock();
		}
	}
	if (!quick) {
		r = 0;
		goto out;
	}
	rc = sqlite3_prepare_v2(c->db, "PRAGMA quick_check", -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	if (rc == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0) {
		r = 0;
	} else if (rc == SQLITE_ROW || (rc & 0xFF) == SQLITE_CORRUPT ||
		   (rc & 0xFF) == SQLITE_NOTADB) {
		if (wal)
			err_set(e, ERR_CORRUPT,
				_("the data file '%s' and the file '%s-wal' beside it do not fit together; nothing was changed. If you copied the data file back from a backup, move the -wal file into another folder and start again; otherwise copy both files and ask for help"),
				c->path, c->path);
		else
			err_set(e, ERR_CORRUPT,
				_("the data file '%s' is damaged; make a copy of it and ask for help before using it"),
				c->path);
	} else {
		store_db_error(c, rc, e);
	}
out:
	sqlite3_finalize(s);
	strbuf_release(&have);
	strbuf_release(&want);
	strbuf_release(&exact);
	return r;
}

/* Looks at the file through a read-only connection of its own, closed
 * again before the connection that writes is made (check_conn). */
static int
precheck(struct store *st, bool wal, struct err *e)
{
	struct store ro = {NULL, st->path, st->real, NULL, -1, false, 0};
	int v, r;

	r = db_connect(&ro, st->real, true, 0, e);
	if (r == 0)
		r = check_conn(&ro, wal, true, &v, e);
	if (ro.db != NULL)
		sqlite3_close(ro.db);
	return r;
}

/* path as an SQLite URI ("file:" and every byte but a-z A-Z 0-9 / . - _
 * as %XX), followed by query. */
static char *
file_uri(const char *path, const char *query)
{
	struct strbuf u = STRBUF_INIT;
	const unsigned char *p;

	strbuf_addstr(&u, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/.-_", *p) != NULL)
			strbuf_addch(&u, (char)*p);
		else
			strbuf_addf(&u, "%%%02X", (unsigned)*p);
	}
	strbuf_addstr(&u, query);
	return strbuf_detach(&u, NULL);
}

/*
 * STORE_READONLY: one connection, checked (check_conn) and then kept,
 * with query_only set so that any write asked of it fails; every read
 * until store_close() is one read transaction (one snapshot, one lock).
 * The pages are checked (quick_check) only when a -wal with content is
 * beside the file, the one case where the pages read could be another
 * file's; otherwise a damaged page is reported (SQLITE_CORRUPT) when it is
 * read, and a reader has nothing to lose by it.
 *
 * Which connection: with a -wal with content (a wizard at work, or one
 * that stopped), a read-only one: it never plays that WAL into the file.
 * Without, and when the file and its folder can be written, a read-write
 * one: there is nothing to checkpoint, and its close removes the -wal and
 * -shm it made (a read-only connection would leave them beside every
 * file it read). When the file or its folder cannot be written (a copy
 * on a read-only stick) SQLite cannot make the -shm that WAL reads need:
 * with no WAL content the file is opened as immutable (no locks, no
 * -shm), safe as no iryosec writes a file it cannot write to.
 */
static int
open_readonly(struct store *st, bool wal, struct err *e)
{
	char *dir = path_dirname(st->real);
	bool writable = sys_can_write(st->real) && sys_can_write(dir);
	int v;

	free(dir);
	if (!writable && !wal) {
		char *uri = file_uri(st->real, "?immutable=1");
		int rc = sqlite3_open_v2(uri, &st->db,
					 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
						 SQLITE_OPEN_NOMUTEX,
					 NULL);

		free(uri);
		if (st->db != NULL)
			harden(st->db);
		if (rc != SQLITE_OK)
			return store_db_error(st, rc, e);
	} else if (db_connect(st, st->real, wal, SQLITE_OPEN_NOMUTEX, e) != 0) {
		return -1;
	}
	if (store_exec(st, "PRAGMA query_only = 1", e) != 0 ||
	    store_exec(st, "BEGIN", e) != 0 ||
	    check_conn(st, wal, wal, &v, e) != 0)
		return -1;
	st->found = v;
	return 0;
}

/* Brings the schema up to STORE_SCHEMA inside one IMMEDIATE transaction. */
static int
migrate(struct store *st, struct err *e)
{
	int v, i;
	struct strbuf sql = STRBUF_INIT;

	if (store_exec(st, "BEGIN IMMEDIATE", e) != 0)
		return -1;
	if (store_query_int(st, "PRAGMA user_version", &v, e) != 0)
		goto fail;
	if (v > STORE_SCHEMA) {
		err_set(e, ERR_NEWER,
			_("'%s' was written by a newer version of iryosec; update iryosec to open it (the file was not changed)"),
			st->path);
		goto fail;
	}
	for (i = v; i < STORE_SCHEMA; i++) {
		strbuf_reset(&sql);
		strbuf_addf(&sql, "%s; PRAGMA user_version = %d;",
			    store_migrations[i], i + 1);
		if (store_exec(st, sql.buf, e) != 0)
			goto fail;
	}
	strbuf_reset(&sql);
	strbuf_addf(&sql, "PRAGMA application_id = %d;", STORE_APP_ID);
	if (store_exec(st, sql.buf, e) != 0 || store_exec(st, "COMMIT", e) != 0)
		goto fail;
	strbuf_release(&sql);
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	strbuf_release(&sql);
	return -1;
}

/*
 * The start of the name of a data file being made for path: short (a
 * name near the 255-byte limit must still work) and tied to the file's
 * name, so whoever holds its lock knows a leftover one is dead.
 */
static char *
temp_prefix(const char *path)
{
	const char *base;
	uint32_t h = 2166136261u; /* FNV-1a */
	struct strbuf sb = STRBUF_INIT;

	for (base = path_last(path); *base; base++)
		h = (h ^ (unsigned char)*base) * 16777619u;
	strbuf_addf(&sb, ".iryosec-new-%08x-", (unsigned)h);
	return strbuf_detach(&sb, NULL);
}

/*
 * Creates a new data file at st->real, holding its lock: built under a
 * temporary name in the same folder, then linked into place, so a crash
 * never leaves a half-made file at the real name. What a crash left under
 * a temporary name is removed first (no one else can be making this file:
 * they would hold the lock).
 */
static int
create_new(struct store *st, struct err *e)
{
	char *dir = path_dirname(st->real);
	char *prefix = temp_prefix(st->real);
	char *tmp = NULL;
	struct store t = {NULL, NULL, NULL, NULL, -1, false, 0};
	struct strbuf side = STRBUF_INIT;
	int fd, r = -1;

	sys_remove_prefixed(dir, prefix, 0);
	fd = sys_temp_create(dir, prefix, &tmp, e);
	if (fd < 0)
		goto out;
	sys_close(fd);
	t.path = st->path;
	if (db_connect(&t, tmp, false, 0, e) != 0 ||
	    store_exec(&t, "PRAGMA journal_mode = WAL", e) != 0 ||
	    migrate(&t, e) != 0)
		goto out;
	if (sqlite3_close(t.db) != SQLITE_OK) {
		t.db = NULL;
		err_set(e, ERR_IO, _("cannot create the data file '%s'"),
			st->path);
		goto out;
	}
	t.db = NULL;
	if (sys_rename_new(tmp, st->real, e) != 0)
		goto out;
	r = 0;
out:
	if (t.db != NULL)
		sqlite3_close(t.db);
	if (r != 0 && tmp != NULL) {
		static const char *const sfx[] = {"", "-wal", "-shm",
						  "-journal"};
		size_t i;

		for (i = 0; i < 4; i++) {
			strbuf_reset(&side);
			strbuf_addf(&side, "%s%s", tmp, sfx[i]);
			sys_remove(side.buf);
		}
	}
	strbuf_release(&side);
	free(tmp);
	free(prefix);
	free(dir);
	return r;
}

/*
 * Sets st->real: path with every link resolved, so that every name of the
 * file leads to one lock and to the journal files SQLite keeps beside it.
 * For a file that does not exist yet, its folder is resolved.
 */
static int
resolve(struct store *st, const char *path, struct err *e)
{
	struct sys_file f;
	char *dir, *rdir;

	if (sys_lstat(path, &f, e) != 0)
		return -1;
	if (f.exists) {
		st->real = sys_realpath(path);
		if (st->real == NULL)
			return err_set(
				e, ERR_IO,
				_("'%s' is a link to a file that does not exist; give the path of the data file itself"),
				path);
		return 0;
	}
	dir = path_dirname(path);
	rdir = sys_realpath(dir);
	free(dir);
	if (rdir == NULL)
		return 1; /* no folder yet: the caller decides */
	st->real = path_join(rdir, path_last(path));
	free(rdir);
	return 0;
}

int
store_open(struct store **out, const char *path, unsigned flags, bool *created,
	   struct err *e)
{
	struct store *st = xcalloc(1, sizeof(*st));
	char *dir = path_dirname(path);
	struct sys_file f;
	bool wal = false;
	long owner = -1, group = -1;
	int v, rr;

	*out = NULL;
	if (created != NULL)
		*created = false;
	sqlite_setup();
	st->path = xstrdup(path);
	st->lock_fd = -1;
	if (path[0] == '\0' || path_is_sep(path[strlen(path) - 1])) {
		err_set(e, ERR_IO, _("'%s' is not a file"), path);
		goto fail;
	}
	/* SQLite adds "-journal" (8 bytes) beside the name and we add
	 * ".lock": a longer name could be made but never used. */
	if (strlen(path_last(path)) > STORE_NAME_MAX) {
		err_set(e, ERR_INPUT,
			_("the name of the data file '%s' is too long; use a name of at most %d bytes"),
			path, STORE_NAME_MAX);
		goto fail;
	}
	rr = resolve(st, path, e);
	if (rr < 0)
		goto fail;
	if (rr > 0 || !path_exists(st->real)) {
		if (!(flags & STORE_CREATE)) {
			err_set(e, ERR_IO,
				_("there is no data file '%s' yet; start iryosec without a command to make one, or check the path given with --db"),
				path);
			goto fail;
		}
		if ((flags & STORE_NO_MKDIR) && !path_is_dir(dir)) {
			err_set(e, ERR_IO,
				_("the folder '%s' does not exist; check the path of the data file"),
				dir);
			goto fail;
		}
		if (rr > 0 && (path_mkdirs(dir, e) != 0 ||
			       resolve(st, path, e) != 0))
			goto fail;
	}
	if (sys_stat(st->real, &f, e) != 0)
		goto fail;
	if (f.exists) {
		owner = f.uid;
		group = f.gid;
	}
	/* A file is made only by the holder of its lock, so a leftover of
	 * an interrupted creation can be told from one in progress. */
	if ((flags & STORE_LOCK) || !f.exists) {
		struct strbuf lk = STRBUF_INIT;

		strbuf_addf(&lk, "%s.lock", st->real);
		st->lock_path = strbuf_detach(&lk, NULL);
		st->lock_fd = sys_lock(st->lock_path, owner, group,
				       &st->lock_created, e);
		if (st->lock_fd < 0)
			goto fail;
	}
	if (!path_exists(st->real)) {
		if (create_new(st, e) != 0)
			goto fail;
		if (created != NULL)
			*created = true;
	}
	if (sys_stat(st->real, &f, e) != 0)
		goto fail;
	if (header_check(st, e) != 0)
		goto fail;
	/* SQLite would make its -wal and -shm beside a file it then cannot
	 * write: say so before any connection leaves them there. */
	free(dir);
	dir = path_dirname(st->real);
	if (flags & STORE_READONLY) {
		if (sidecar_check(st, f.uid, &wal, e) != 0 ||
		    open_readonly(st, wal, e) != 0)
			goto fail;
		if (st->found == STORE_SCHEMA) {
			free(dir);
			*out = st;
			return 0;
		}
		/* an older file is brought up to date first, as before:
		 * the reads are written for the current schema */
		sqlite3_close(st->db);
		st->db = NULL;
	}
	if (!sys_can_write(st->real) || !sys_can_write(dir)) {
		err_set(e, ERR_READONLY,
			_("cannot write to the data file '%s' or its folder; check the permissions"),
			path);
		goto fail;
	}
	if (sidecar_check(st, f.uid, &wal, e) != 0 || precheck(st, wal, e) != 0)
		goto fail;
	if (db_connect(st, st->real, false, 0, e) != 0 ||
	    store_query_int(st, "PRAGMA user_version", &v, e) != 0)
		goto fail;
	st->found = v;
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		err_set(e, ERR_READONLY,
			_("cannot write to the data file '%s' or its folder; check the permissions"),
			path);
		goto fail;
	}
	if (store_exec(st, "PRAGMA synchronous = FULL", e) != 0 ||
	    store_exec(st, "PRAGMA foreign_keys = ON", e) != 0 ||
	    store_exec(st, "PRAGMA journal_mode = WAL", e) != 0)
		goto fail;
	if (v < STORE_SCHEMA && migrate(st, e) != 0)
		goto fail;
	/* The wizard writes: learn now, not at the first answer, when the
	 * folder lets SQLite read but not write its journal (read-only). */
	if ((flags & STORE_LOCK) &&
	    (store_exec(st, "BEGIN IMMEDIATE", e) != 0 ||
	     store_exec(st, "ROLLBACK", e) != 0))
		goto fail;
	/* Taken only to create the file: a reader holds no lock. */
	if (!(flags & STORE_LOCK) && st->lock_fd >= 0) {
		sys_unlock(st->lock_fd);
		st->lock_fd = -1;
	}
	free(dir);
	*out = st;
	return 0;
fail:
	if (st->db != NULL) {
		sqlite3_close(st->db);
		st->db = NULL;
	}
	/* A lock file made for a file that is then refused is not left
	 * beside someone else's file. */
	if (st->lock_created) {
		sys_unlock_remove(st->lock_fd, st->lock_path);
		st->lock_fd = -1;
	}
	free(dir);
	store_close(st);
	return -1;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->db != NULL)
		sqlite3_close(st->db);
	sys_unlock(st->lock_fd);
	free(st->lock_path);
	free(st->real);
	free(st->path);
	free(st);
}

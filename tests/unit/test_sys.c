/*
 * The system layer (util/sys.h, util/paths.h) through its interface only,
 * so the same program checks sys.c on Linux (ctest) and sys_win.c on
 * Windows (built by scripts/windows/build.sh, run under wine by
 * tests/windows/t_wine.sh): paths, reading and replacing files, creating
 * only when new, listing a folder, the lock, the environment, Japanese
 * names, threads (util/thread.h). Usage: test_sys [FOLDER] (default: tests/test_sys.work in the
 * build folder); the folder is made and emptied of what the test makes.
 */
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <wchar.h>
#endif

#include "check.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/sys.h"
#include "util/thread.h"

static char *work;

/* A path in the work folder (static buffer, one at a time per slot). */
static const char *
at(int slot, const char *name)
{
	static char *buf[4];

	free(buf[slot]);
	buf[slot] = path_join(work, name);
	return buf[slot];
}

static int
write_text(int fd, void *ctx, struct err *e)
{
	(void)e;
	return sys_write_all(fd, ctx, strlen(ctx)) == 0 ? 0 : -1;
}

static int
no_check(const char *path, struct err *e)
{
	(void)path;
	(void)e;
	return 0;
}

/* The whole file at path, or "" when it cannot be read (static). */
static const char *
content_of(const char *path)
{
	static struct strbuf sb = STRBUF_INIT;

	strbuf_reset(&sb);
	if (sys_read_file(path, 1 << 20, &sb) != 0)
		strbuf_reset(&sb);
	return sb.buf;
}

/* Makes path hold text, through a temporary file renamed over it. */
static void
put(const char *path, const char *text)
{
	struct err e = ERR_INIT;

	check_int(sys_replace_file(path, "t-", write_text, (void *)text,
				   no_check, &e),
		  0);
}

static void
test_paths(void)
{
	char *s;

#ifdef _WIN32
	check_int(path_root_len("C:\\x"), 3);
	check_int(path_root_len("c:"), 2);
	check_int(path_root_len("\\\\srv\\share\\a"), 12);
	check_true(path_is_absolute("C:\\Users"));
	check_true(path_is_absolute("\\\\srv\\share\\x"));
	check_true(!path_is_absolute("C:x"));
	check_true(!path_is_absolute("a\\b"));
	check_true(path_is_sep('\\') && path_is_sep('/'));
	s = path_join("C:\\", "iryosec");
	check_str(s, "C:\\iryosec");
	free(s);
	s = path_join("C:\\Users\\山田\\", "AppData");
	check_str(s, "C:\\Users\\山田\\AppData");
	free(s);
	s = path_dirname("C:\\a.db");
	check_str(s, "C:\\");
	free(s);
	s = path_dirname("C:\\医院\\a.db");
	check_str(s, "C:\\医院");
	free(s);
	s = path_dirname("D:/x/y.pdf");
	check_str(s, "D:/x");
	free(s);
	check_str(path_last("C:\\医院\\答え.db"), "答え.db");
	s = path_basename("C:\\医院\\content\\");
	check_str(s, "content");
	free(s);
#else
	check_int(path_root_len("/x"), 1);
	check_int(path_root_len("x"), 0);
	check_true(path_is_absolute("/home"));
	check_true(!path_is_absolute("home"));
	check_true(!path_is_sep('\\'));
	s = path_join("/", "iryosec");
	check_str(s, "/iryosec");
	free(s);
	s = path_join("/a//", "/b");
	check_str(s, "/a/b");
	free(s);
	s = path_dirname("/a.db");
	check_str(s, "/");
	free(s);
	s = path_dirname("/医院/a.db");
	check_str(s, "/医院");
	free(s);
	check_str(path_last("/医院/答え.db"), "答え.db");
	s = path_basename("/医院/content/");
	check_str(s, "content");
	free(s);
#endif
	s = path_dirname("a.db");
	check_str(s, ".");
	free(s);
	check_str(path_last("a.db"), "a.db");
	check_true(path_has_sep("a/b") && !path_has_sep("ab"));
}

static void
test_files(void)
{
	struct sys_file f;
	struct err e = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	char head[4], *tmp = NULL, *real;
	char **names;
	int fd;
	size_t i;
	bool seen = false;

	/* a new file, its bytes, a part of them, a limit */
	put(at(0, "答え.txt"), "abcdef");
	check_str(content_of(at(0, "答え.txt")), "abcdef");
	check_int(sys_read_head(at(0, "答え.txt"), true, head, 4), 4);
	check_true(memcmp(head, "abcd", 4) == 0);
	check_int(sys_read_file(at(0, "答え.txt"), 5, &sb), SYS_TOO_LARGE);
	strbuf_release(&sb);
	check_int(sys_stat(at(0, "答え.txt"), &f, &e), 0);
	check_true(f.exists && f.regular && !f.dir && !f.link);
	check_int(f.size, 6);
	check_int(f.nlink, 1);
	check_int(f.uid, sys_euid());

	/* replaced whole */
	put(at(0, "答え.txt"), "xyz");
	check_str(content_of(at(0, "答え.txt")), "xyz");

	/* a folder is not read as a file; nothing is not an error */
	check_int(sys_read_file(work, 100, &sb), SYS_NOT_REGULAR);
	check_int(sys_read_head(work, false, head, 4), SYS_NOT_REGULAR);
	check_int(sys_stat(work, &f, &e), 0);
	check_true(f.exists && f.dir && !f.regular);
	check_int(sys_lstat(at(0, "ない.txt"), &f, &e), 0);
	check_true(!f.exists);
	check_int(sys_read_file(at(0, "ない.txt"), 100, &sb), -1);
	check_true(!path_exists(at(0, "ない.txt")));
	check_true(path_is_file(at(0, "答え.txt")));
	check_true(path_is_dir(work));

	/* create only when new: the second comes too late, and its file
	 * stays where it was */
	fd = sys_temp_create(work, "t-", &tmp, &e);
	check_true(fd >= 0);
	check_int(sys_write_all(fd, "1", 1), 0);
	check_int(sys_close(fd), 0);
	check_int(sys_rename_new(tmp, at(1, "新規.db"), &e), 0);
	free(tmp);
	fd = sys_temp_create(work, "t-", &tmp, &e);
	check_true(fd >= 0);
	check_int(sys_write_all(fd, "2", 1), 0);
	check_int(sys_close(fd), 0);
	err_clear(&e);
	check_int(sys_rename_new(tmp, at(1, "新規.db"), &e), -1);
	check_int(e.code, ERR_BUSY);
	check_str(content_of(at(1, "新規.db")), "1");
	check_str(content_of(tmp), "2");
	check_int(sys_rename_replace(tmp, at(1, "新規.db")), 0);
	check_str(content_of(at(1, "新規.db")), "2");
	check_true(!path_exists(tmp));
	free(tmp);

	/* the folder's names, sorted; leftovers of a killed run removed */
	put(at(0, "old-1"), "x");
	put(at(0, "old-2"), "x");
	sys_remove_prefixed(work, "old-", 0);
	check_true(!path_exists(at(0, "old-1")) && !path_exists(at(0, "old-2")));
	names = sys_list_dir(work);
	check_true(names != NULL);
	for (i = 0; names != NULL && names[i] != NULL; i++) {
		if (names[i + 1] != NULL)
			check_true(strcmp(names[i], names[i + 1]) < 0);
		if (strcmp(names[i], "答え.txt") == 0)
			seen = true;
		check_true(strcmp(names[i], ".") != 0 &&
			   strcmp(names[i], "..") != 0);
	}
	check_true(seen);
	paths_free_list(names);
	check_true(sys_list_dir(at(0, "ない")) == NULL);

	/* the file itself, absolute */
	real = sys_realpath(at(0, "答え.txt"));
	check_true(real != NULL && path_is_absolute(real) &&
		   strcmp(path_last(real), "答え.txt") == 0);
	free(real);
	check_true(sys_realpath(at(0, "ない.txt")) == NULL);

	check_int(sys_remove(at(0, "答え.txt")), 0);
	check_int(sys_remove(at(1, "新規.db")), 0);
	check_true(!path_exists(at(0, "答え.txt")));
}

static void
test_lock(void)
{
	struct err e = ERR_INIT;
	bool created = false;
	int a, b;

	sys_remove(at(0, "データ.db.lock"));
	a = sys_lock(at(0, "データ.db.lock"), -1, -1, &created, &e);
	check_true(a >= 0);
	check_true(created);
	/* a second holder (another open of the same file) is refused */
	b = sys_lock(at(0, "データ.db.lock"), -1, -1, NULL, &e);
	check_int(b, -1);
	check_int(e.code, ERR_BUSY);
	sys_unlock(a);
	err_clear(&e);
	b = sys_lock(at(0, "データ.db.lock"), -1, -1, &created, &e);
	check_true(b >= 0);
	check_true(!created);
	sys_unlock_remove(b, at(0, "データ.db.lock"));
	check_true(!path_exists(at(0, "データ.db.lock")));
}

static void
test_env(void)
{
#ifdef _WIN32
	_wputenv(L"IRY_TEST_SYS=\u533b\u9662"); /* 医院 */
#else
	setenv("IRY_TEST_SYS", "医院", 1);
#endif
	check_str(sys_getenv("IRY_TEST_SYS"), "医院");
	check_true(sys_getenv("IRY_TEST_SYS_UNSET") == NULL);
}

/* util/thread.h: four threads add under one lock, and hand a turn to
 * each other through a condition variable (the shape agg_add_files uses). */
struct shared {
	struct thread_lock *lock;
	struct thread_cond *cond;
	long sum;  /* under lock */
	int turn;  /* under lock: the thread whose turn it is */
	int order[4 * 50]; /* under lock: who took each turn */
	int taken;
};

struct worker {
	struct shared *s;
	int id;
};

static void
work_run(void *arg)
{
	struct worker *w = arg;
	struct shared *s = w->s;
	int i;

	for (i = 0; i < 20000; i++) {
		thread_lock(s->lock);
		s->sum += i;
		thread_unlock(s->lock);
	}
	thread_lock(s->lock);
	for (i = 0; i < 50; i++) {
		while (s->turn != w->id)
			thread_cond_wait(s->cond, s->lock);
		s->order[s->taken++] = w->id;
		s->turn = (s->turn + 1) % 4;
		thread_cond_broadcast(s->cond);
	}
	thread_unlock(s->lock);
}

static void
test_threads(void)
{
	struct shared s;
	struct worker w[4];
	struct thread *t[4];
	int i, started = 0, right = 1;

	memset(&s, 0, sizeof(s));
	s.lock = thread_lock_new();
	s.cond = thread_cond_new();
	check_true(thread_cpus() >= 1);
	for (i = 1; i < 4; i++) {
		w[i].s = &s;
		w[i].id = i;
		started += thread_start(&t[i], work_run, &w[i]) == 0;
	}
	check_int(started, 3);
	w[0].s = &s;
	w[0].id = 0;
	work_run(&w[0]);
	for (i = 1; i < 4; i++)
		thread_join(t[i]);
	check_true(s.sum == 4L * (20000L * 19999L / 2));
	check_int(s.taken, 200);
	for (i = 0; i < 200; i++)
		right &= s.order[i] == i % 4;
	check_true(right);
	thread_global_lock();
	thread_global_unlock();
	thread_cond_free(s.cond);
	thread_lock_free(s.lock);
}

int
main(int argc, char **argv)
{
	struct err e = ERR_INIT;
	const char *bin = getenv("IRY_BINARY_DIR");

	sys_init(&argc, &argv);
	if (argc > 1)
		work = path_join(argv[1], "作業");
	else
		work = path_join(bin != NULL ? bin : ".",
				 "tests/test_sys.work/作業");
	if (path_mkdirs(work, &e) != 0) {
		printf("FAIL: cannot make %s: %s\n", work, e.msg);
		return 1;
	}
	sys_remove_prefixed(work, "", 0);
	test_paths();
	test_files();
	test_lock();
	test_env();
	test_threads();
	free(work);
	return check_done("test_sys");
}

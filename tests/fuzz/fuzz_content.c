/*
 * libFuzzer target for the content loader (tests/fuzz/README.md).
 *
 * The first input byte picks one content file (targets[], see NSEL); the
 * rest of the input replaces that file in a private copy of content/, and
 * the loader the program uses for that file runs on the copy: ydoc's
 * parse, the field checks, the checks across files, and the release.
 * After each input the file is put back.
 *
 * Every load must either succeed with a well-formed result or fail with a
 * message that names a file of the copy (and, for file:line:col, a line
 * the file has). LeakSanitizer checks that the release functions free
 * everything. A broken invariant aborts, so libFuzzer saves the input.
 *
 * IRY_FUZZ_SEEDS=DIR fuzz_content writes the seed corpus (every real
 * content file behind its selector byte) into DIR and exits.
 * IRY_FUZZ_VERBOSE=1 prints the outcome of each load (to check a seed).
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "content/load.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include "fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef IRY_FUZZ_SOURCE_DIR
#define IRY_FUZZ_SOURCE_DIR "."
#endif

/* Which loader reads a target file. */
enum kind {
	K_EDITION,  /* content_load_edition() on the file's folder */
	K_VENDOR,   /* content_load_vendor() into the loaded r8 edition */
	K_MAPPING,  /* content_load_mapping() into the loaded r8 edition */
	K_COMMON,   /* content_load_common() on common/ */
	K_REMOTE,   /* content_load_remote(), beside the loaded common/ */
	K_HOSHU,    /* content_load_hoshu(), beside the loaded common/ */
	K_PRIORITY, /* content_load_priority(), beside the loaded common/ */
	K_VULNS,    /* content_load_vulns() on vulns-fuzz/: nec.yaml + input */
};

struct target {
	const char *file; /* relative to the work root */
	enum kind kind;
	char *path;         /* absolute, in the work root */
	char *dir;          /* its folder */
	struct strbuf orig; /* the real file, put back after each input */
	bool existed;       /* false: removed after each input */
};

/*
 * The first input byte modulo NSEL is the index; indexes past the table are
 * skipped. Append only: an old crash file then still selects its target.
 * '@' + index is printable ('@' r8/edition.yaml ... 'O' vulns), which the
 * seeds and the files of tests/fuzz/ use.
 */
#define NSEL 32
static struct target targets[] = {
	{"r8/edition.yaml", K_EDITION, NULL, NULL, STRBUF_INIT, false},
	{"r8/gate.yaml", K_EDITION, NULL, NULL, STRBUF_INIT, false},
	{"r8/section-1.yaml", K_EDITION, NULL, NULL, STRBUF_INIT, false},
	{"r8/section-2.yaml", K_EDITION, NULL, NULL, STRBUF_INIT, false},
	{"r8/section-3.yaml", K_EDITION, NULL, NULL, STRBUF_INIT, false},
	{"r8/section-4.yaml", K_EDITION, NULL, NULL, STRBUF_INIT, false},
	{"r8/vendor-form.yaml", K_VENDOR, NULL, NULL, STRBUF_INIT, false},
	{"r8/mapping.yaml", K_MAPPING, NULL, NULL, STRBUF_INIT, false},
	{"r7/edition.yaml", K_EDITION, NULL, NULL, STRBUF_INIT, false},
	{"common/glossary.yaml", K_COMMON, NULL, NULL, STRBUF_INIT, false},
	{"common/vendors.yaml", K_COMMON, NULL, NULL, STRBUF_INIT, false},
	{"common/contacts.yaml", K_COMMON, NULL, NULL, STRBUF_INIT, false},
	{"common/remote.yaml", K_REMOTE, NULL, NULL, STRBUF_INIT, false},
	{"common/hoshu.yaml", K_HOSHU, NULL, NULL, STRBUF_INIT, false},
	{"common/priority.yaml", K_PRIORITY, NULL, NULL, STRBUF_INIT, false},
	{"vulns-fuzz/zz-input.yaml", K_VULNS, NULL, NULL, STRBUF_INIT, false},
};
#define NTARGETS (sizeof(targets) / sizeof(targets[0]))
#define ROOT_LEN 72 /* strlen(root) unless TMPDIR is longer than ~50 */
_Static_assert(NTARGETS <= NSEL, "NSEL must exceed the number of targets");

static char *tmp;  /* the private directory, removed at exit */
static char *root; /* tmp/root___...: the copy of content/, ROOT_LEN long */
static struct content base;   /* common/ of the copy, for glossary checks */
static struct edition r7, r8; /* the real editions; r8 without extras */

static const char *cur_path = ""; /* the file under test, for fail() */
static const char *cur_msg = "";  /* the error message, for fail() */
static bool verbose;              /* IRY_FUZZ_VERBOSE set: print each outcome */

static void cleanup(void);

_Noreturn void
fuzz_fail(const char *file, int line, const char *expr)
{
	fprintf(stderr, "%s:%d: invariant broken: %s\n  file: %s\n  msg: %s\n",
		file, line, expr, cur_path, cur_msg);
	cleanup();
	abort();
}

/* Reads path into sb; false when it cannot be read. */
static bool
slurp(const char *path, struct strbuf *sb)
{
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t n;

	if (f == NULL)
		return false;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, n);
	fclose(f);
	return true;
}

static void
spill(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die("fuzz_content: cannot write %s: %s", path, strerror(errno));
}

/* Copies the tree src to dst (files and folders only). */
static void
copy_tree(const char *src, const char *dst)
{
	DIR *d = opendir(src);
	struct dirent *de;

	if (d == NULL || mkdir(dst, 0700) != 0)
		die("fuzz_content: cannot copy %s to %s", src, dst);
	while ((de = readdir(d)) != NULL) {
		char *s, *t;
		struct stat st;

		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		s = path_join(src, de->d_name);
		t = path_join(dst, de->d_name);
		if (stat(s, &st) != 0)
			die("fuzz_content: cannot stat %s", s);
		if (S_ISDIR(st.st_mode)) {
			copy_tree(s, t);
		} else if (S_ISREG(st.st_mode)) {
			struct strbuf sb = STRBUF_INIT;

			if (!slurp(s, &sb))
				die("fuzz_content: cannot read %s", s);
			spill(t, sb.buf, sb.len);
			strbuf_release(&sb);
		}
		free(s);
		free(t);
	}
	closedir(d);
}

static int
rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

/* At exit: frees what Initialize kept and removes the directory. */
static void
cleanup(void)
{
	size_t i;

	content_edition_release(&r7);
	content_edition_release(&r8);
	content_common_release(&base);
	for (i = 0; i < NTARGETS; i++) {
		free(targets[i].path);
		free(targets[i].dir);
		strbuf_release(&targets[i].orig);
	}
	free(root);
	if (tmp != NULL)
		nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(tmp);
}

/* Line breaks as libyaml counts them, at most: \n, \r, U+0085/2028/2029. */
static size_t
count_breaks(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || c == '\r')
			n++;
		else if (c == 0xC2 && i + 1 < len &&
			 (unsigned char)s[i + 1] == 0x85)
			n++;
		else if (c == 0xE2 && i + 2 < len &&
			 (unsigned char)s[i + 1] == 0x80 &&
			 ((unsigned char)s[i + 2] == 0xA8 ||
			  (unsigned char)s[i + 2] == 0xA9))
			n++;
	}
	return n;
}

#define BOM "\xEF\xBB\xBF"

/*
 * The documents of text as libyaml reads the whole stream (a byte order
 * mark skipped): the count of those with a root node, or -1 when the
 * stream is not valid YAML somewhere.
 */
static int
count_documents(const char *text, size_t len)
{
	yaml_parser_t p;
	int n = 0;

	if (len >= 3 && memcmp(text, BOM, 3) == 0)
		text += 3, len -= 3;
	if (!yaml_parser_initialize(&p))
		die("fuzz_content: out of memory");
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	for (;;) {
		yaml_document_t doc;
		bool more;

		if (!yaml_parser_load(&p, &doc)) {
			n = -1;
			break;
		}
		more = yaml_document_get_root_node(&doc) != NULL;
		yaml_document_delete(&doc);
		if (!more)
			break;
		n++;
	}
	yaml_parser_delete(&p);
	return n;
}

/*
 * True if s starts with p. Plain loops rather than strncmp() and strstr(),
 * which libFuzzer intercepts: the temporary path would fill its dictionary.
 */
static bool
starts_with(const char *s, const char *p)
{
	while (*p != '\0' && *s == *p)
		s++, p++;
	return *p == '\0';
}

static bool
contains(const char *s, const char *p)
{
	for (; *s != '\0'; s++) {
		if (starts_with(s, p))
			return true;
	}
	return false;
}

/* The invariants of a load's outcome that hold for every loader. */
static void
check_outcome(int r, const struct err *e, const char *text, size_t len)
{
	size_t bad, plen = strlen(cur_path);

	cur_msg = e->msg;
	if (verbose)
		fprintf(stderr, "%s: %s\n", cur_path,
			r == 0 ? "loaded" : e->msg);
	FUZZ_CHECK(r == 0 || r == -1);
	FUZZ_CHECK(memchr(e->msg, '\0', sizeof(e->msg)) != NULL);
	if (r == 0) {
		FUZZ_CHECK(e->code == ERR_NONE && e->msg[0] == '\0');
		return;
	}
	FUZZ_CHECK(e->code == ERR_CONTENT);
	FUZZ_CHECK(e->msg[0] != '\0');
	FUZZ_CHECK(utf8_check(e->msg, strlen(e->msg), &bad) == 0);
	FUZZ_CHECK(utf8_check(e->detail, strlen(e->detail), &bad) == 0);
	FUZZ_CHECK(clean(e->msg));
	/* Only the input changed, so the message names a file of the copy. */
	FUZZ_CHECK(contains(e->msg, tmp));
	/* "file:line:col: ..." about the input points inside it. */
	if (starts_with(e->msg, cur_path) && e->msg[plen] == ':' &&
	    e->msg[plen + 1] >= '0' && e->msg[plen + 1] <= '9') {
		char *end;
		long line = strtol(e->msg + plen + 1, &end, 10), col;
		size_t lines;

		FUZZ_CHECK(*end == ':');
		col = strtol(end + 1, &end, 10);
		FUZZ_CHECK(*end == ':');
		FUZZ_CHECK(line >= 1 && col >= 1);
		/* libyaml ends a file without a final line break on one
		 * more line. */
		lines = count_breaks(text, len) + 1;
		if (len == 0 ||
		    (text[len - 1] != '\n' && text[len - 1] != '\r'))
			lines++;
		FUZZ_CHECK((size_t)line <= lines);
	}
}

/* Runs the loader of t on its (replaced) file; returns the loader's. */
static int
run(const struct target *t, const char *text, size_t len)
{
	struct err e = ERR_INIT;
	struct edition ed;
	struct content c;
	int r;

	switch (t->kind) {
	case K_EDITION:
		r = content_load_edition(&ed, t->dir, &base, &e);
		check_outcome(r, &e, text, len);
		if (r == 0) {
			check_edition(&ed, &base);
			check_across(&ed, &base, &r7, &r8);
		}
		content_edition_release(&ed);
		break;
	case K_VENDOR:
	case K_MAPPING:
		r = t->kind == K_VENDOR
			    ? content_load_vendor(&r8, t->dir,
						  "vendor-form.yaml", &e)
			    : content_load_mapping(&r8, t->dir, "mapping.yaml",
						   &e);
		check_outcome(r, &e, text, len);
		if (r == 0) {
			check_edition(&r8, &base);
			check_across(&r8, &base, &r7, &r8);
		}
		content_extra_release(&r8);
		r8.vendor_verified = false;
		r8.from[0] = '\0';
		break;
	case K_COMMON:
		memset(&c, 0, sizeof(c));
		r = content_load_common(&c, t->dir, &e);
		check_outcome(r, &e, text, len);
		if (r == 0) {
			check_common(&c);
			check_rules(&c);
		}
		content_common_release(&c);
		break;
	case K_REMOTE:
		c = base;
		c.lines = NULL;
		c.rules = NULL;
		c.nlines = c.nrules = 0;
		memset(c.cfields, 0, sizeof(c.cfields)); /* base's, not ours */
		r = content_load_remote(&c, t->dir, &e);
		check_outcome(r, &e, text, len);
		if (r == 0) {
			check_common(&c);
			check_rules(&c);
		}
		content_remote_release(&c);
		break;
	case K_HOSHU:
		c = base;
		memset(&c.hoshu, 0, sizeof(c.hoshu));
		r = content_load_hoshu(&c, t->dir, &e);
		check_outcome(r, &e, text, len);
		if (r == 0) {
			size_t i;

			FUZZ_CHECK(nonempty(c.hoshu.title) &&
				   nonempty(c.hoshu.applies));
			for (i = 0; i < HR__COUNT; i++)
				FUZZ_CHECK(nonempty(c.hoshu.reasons[i]));
			for (i = 0; i < c.hoshu.nitems; i++) {
				FUZZ_CHECK(nonempty(c.hoshu.items[i].title) &&
					   optional(c.hoshu.items[i].request));
				check_terms(&base, c.hoshu.items[i].terms,
					    c.hoshu.items[i].nterms);
			}
		}
		content_hoshu_release(&c);
		break;
	case K_PRIORITY:
		c = base;
		memset(c.levels, 0, sizeof(c.levels));
		c.gap_high = c.gap_low = NULL;
		c.ngap_high = c.ngap_low = 0;
		r = content_load_priority(&c, t->dir, &e);
		check_outcome(r, &e, text, len);
		if (r == 0) {
			size_t i;

			FUZZ_CHECK((unsigned)c.gap_default < PRIORITY__COUNT);
			for (i = 0; i < PRIORITY__COUNT; i++)
				FUZZ_CHECK(nonempty(content_priority_label(
					&c, (enum priority)i)));
			for (i = 0; i < r8.nitems; i++)
				FUZZ_CHECK((unsigned)content_gap_priority(
						   &c, r8.items[i].id) <
					   PRIORITY__COUNT);
		}
		content_priority_release(&c);
		break;
	case K_VULNS:
		memset(&c, 0, sizeof(c));
		r = content_load_vulns(&c, t->dir, &e);
		check_outcome(r, &e, text, len);
		if (r == 0)
			check_vulns(&c);
		content_vulns_release(&c);
		break;
	}
	return r;
}

/* One seed: the selector byte of target i ('@' + i), then text. */
static void
write_seed(const char *dir, size_t i, const char *name, const char *text,
	   size_t len)
{
	struct strbuf sb = STRBUF_INIT, p = STRBUF_INIT;

	strbuf_addch(&sb, '@' + (int)i);
	strbuf_add(&sb, text, len);
	strbuf_addf(&p, "%s/%02zu-%s", dir, i, name);
	spill(p.buf, sb.buf, sb.len);
	strbuf_release(&p);
	strbuf_release(&sb);
}

/* Writes the seed corpus into dir: each real file behind its byte. */
static void
write_seeds(const char *dir, const char *content)
{
	size_t i;

	for (i = 0; i < NTARGETS; i++) {
		const struct target *t = &targets[i];
		char *name = xstrdup(t->file);
		char *s;

		for (s = name; *s != '\0'; s++)
			if (*s == '/')
				*s = '-';
		if (t->existed)
			write_seed(dir, i, name, t->orig.buf, t->orig.len);
		free(name);
	}
	/* The vulns target: every real maker file. */
	{
		char *vdir = path_join(content, "vulns");
		DIR *d = opendir(vdir);
		struct dirent *de;

		while (d != NULL && (de = readdir(d)) != NULL) {
			char *p = path_join(vdir, de->d_name);
			struct strbuf sb = STRBUF_INIT;

			if (de->d_name[0] != '.' && path_is_file(p) &&
			    slurp(p, &sb)) {
				struct strbuf n = STRBUF_INIT;

				strbuf_addf(&n, "vulns-%s", de->d_name);
				write_seed(dir, NTARGETS - 1, n.buf, sb.buf,
					   sb.len);
				strbuf_release(&n);
			}
			strbuf_release(&sb);
			free(p);
		}
		if (d != NULL)
			closedir(d);
		free(vdir);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	const char *tdir = getenv("TMPDIR");
	const char *seeds = getenv("IRY_FUZZ_SEEDS");
	char *content, *vdir, *nec, *nec_to, *rdir, *cdir;
	struct strbuf sb = STRBUF_INIT;
	struct err e = ERR_INIT;
	char *roots[2];
	struct content all;
	size_t i;

	(void)argc;
	(void)argv;
	verbose = getenv("IRY_FUZZ_VERBOSE") != NULL;
	if (src == NULL || src[0] == '\0')
		src = IRY_FUZZ_SOURCE_DIR;
	if (tdir == NULL || tdir[0] == '\0')
		tdir = "/tmp";
	content = path_join(src, "content");
	strbuf_addf(&sb, "%s/iry-fuzz-XXXXXX", tdir);
	if (mkdtemp(sb.buf) == NULL)
		die("fuzz_content: mkdtemp %s: %s", sb.buf, strerror(errno));
	tmp = strbuf_detach(&sb, NULL);
	atexit(cleanup);
	/* Messages name files of the copy and are cut at sizeof(e->msg): a
	 * root path of the same length everywhere makes a crash that depends
	 * on where the cut falls replay on any machine. */
	strbuf_addf(&sb, "%s/root", tmp);
	while (sb.len < ROOT_LEN)
		strbuf_addch(&sb, '_');
	root = strbuf_detach(&sb, NULL);
	copy_tree(content, root);
	vdir = path_join(root, "vulns-fuzz");
	if (mkdir(vdir, 0700) != 0)
		die("fuzz_content: mkdir %s", vdir);
	nec = path_join(content, "vulns/nec.yaml");
	nec_to = path_join(vdir, "nec.yaml");
	if (!slurp(nec, &sb))
		die("fuzz_content: cannot read %s", nec);
	spill(nec_to, sb.buf, sb.len);
	strbuf_release(&sb);
	free(nec);
	free(nec_to);
	free(vdir);
	for (i = 0; i < NTARGETS; i++) {
		struct target *t = &targets[i];

		t->path = path_join(root, t->file);
		t->dir = path_dirname(t->path);
		t->existed = slurp(t->path, &t->orig);
		if (!t->existed && t->kind != K_VULNS)
			die("fuzz_content: %s is missing", t->path);
	}
	if (seeds != NULL) {
		write_seeds(seeds, content);
		exit(0);
	}

	/* The copy must load as a whole, or every run tests the wrong thing. */
	roots[0] = root;
	roots[1] = NULL;
	if (content_load(&all, roots, &e) != 0 || all.warnings.len != 0)
		die("fuzz_content: the real content does not load: %s%s", e.msg,
		    all.warnings.buf ? all.warnings.buf : "");
	content_release(&all);
	cdir = path_join(root, "common");
	if (content_load_common(&base, cdir, &e) != 0)
		die("fuzz_content: %s", e.msg);
	rdir = path_join(root, "r7");
	if (content_load_edition(&r7, rdir, &base, &e) != 0)
		die("fuzz_content: %s", e.msg);
	free(rdir);
	rdir = path_join(root, "r8");
	if (content_load_edition(&r8, rdir, &base, &e) != 0)
		die("fuzz_content: %s", e.msg);
	content_extra_release(&r8); /* K_VENDOR and K_MAPPING load them */
	r8.vendor_verified = false;
	r8.from[0] = '\0';
	free(rdir);
	free(cdir);
	free(content);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct target *t;
	const char *text;
	size_t len;
	int r;

	if (size == 0 || data[0] % NSEL >= NTARGETS)
		return 0;
	t = &targets[data[0] % NSEL];
	text = (const char *)data + 1;
	len = size - 1;
	spill(t->path, text, len);
	cur_path = t->path;
	cur_msg = "";
	r = run(t, text, len);
	/* A loaded file is one YAML document and valid YAML to its end. */
	if (r == 0)
		FUZZ_CHECK(count_documents(text, len) == 1);
	/* A byte order mark is harmless (ydoc.c): the same outcome without. */
	if (len >= 3 && memcmp(text, BOM, 3) == 0) {
		spill(t->path, text + 3, len - 3);
		FUZZ_CHECK(run(t, text + 3, len - 3) == r);
	}
	if (t->existed)
		spill(t->path, t->orig.buf, t->orig.len);
	else if (unlink(t->path) != 0)
		die("fuzz_content: cannot remove %s", t->path);
	cur_path = "";
	return 0;
}

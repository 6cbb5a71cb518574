/*
 * libFuzzer target for the import parser (tests/fuzz/README.md): each
 * input is an import file given to xfer_json_read(), the function
 * `iryosec import` runs on it before anything touches a data file.
 *
 * A refusal must be ERR_INPUT or ERR_NEWER with a message that is valid
 * UTF-8, holds no control character, names the file and, where it gives
 * a line, a line the input has. What is accepted must survive the round
 * trip: written again with xfer_json_write(), it reads back, and writes
 * the same bytes again; and an import of it into a data file that holds
 * exactly it changes nothing (xfer_plan_make). Address, undefined-
 * behaviour and leak sanitizers run on every input.
 *
 * IRY_FUZZ_SEEDS=DIR fuzz_import writes the seed corpus into DIR and
 * exits. IRY_FUZZ_VERBOSE=1 prints the outcome of each input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "xfer/xfer.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef IRY_FUZZ_SOURCE_DIR
#define IRY_FUZZ_SOURCE_DIR "."
#endif

#define NAME "import.json" /* the file's name in messages */

static struct content content; /* the real content, loaded once */
static const struct date today = {2026, 11, 25};
static bool verbose;
static const char *cur_msg = "";

_Noreturn static void
import_fail(int line, const char *expr)
{
	fprintf(stderr, "fuzz_import.c:%d: invariant broken: %s\n  msg: %s\n",
		line, expr, cur_msg);
	abort();
}

#define CHECK(cond) ((cond) ? (void)0 : import_fail(__LINE__, #cond))

/* True if s holds no character utf8_is_control() refuses. */
static bool
clean(const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);

		if (k <= 0 || utf8_is_control(cp))
			return false;
		i += (size_t)k;
	}
	return true;
}

/* A small export with one record of every kind: the main seed. */
static const char seed_full[] =
	"{\n"
	"  \"connections\": [\n"
	"    {\n"
	"      \"always_on\": \"yes\",\n"
	"      \"last_patch\": \"2026-01-10\",\n"
	"      \"line\": \"internet-vpn-device\",\n"
	"      \"maker\": \"fortinet\",\n"
	"      \"product\": \"fortigate\",\n"
	"      \"system\": \"電子カルテ\",\n"
	"      \"vendor\": 1,\n"
	"      \"version\": \"6.0.4\"\n"
	"    }\n"
	"  ],\n"
	"  \"contacts\": [\n"
	"    {\n"
	"      \"name\": \"院長\",\n"
	"      \"phone\": \"03-1234-5678\",\n"
	"      \"role\": \"administrator\"\n"
	"    }\n"
	"  ],\n"
	"  \"editions\": [\n"
	"    {\n"
	"      \"first_year\": 2026,\n"
	"      \"id\": \"r8\",\n"
	"      \"name\": \"令和8年度版\",\n"
	"      \"verified\": false\n"
	"    }\n"
	"  ],\n"
	"  \"facility\": {\n"
	"    \"name\": \"みどり診療所\",\n"
	"    \"type\": \"clinic\",\n"
	"    \"year\": 2026\n"
	"  },\n"
	"  \"format\": \"iryosec-export\",\n"
	"  \"generator\": \"iryosec 0.1.0\",\n"
	"  \"servers\": [\n"
	"    {\n"
	"      \"kind\": \"server\",\n"
	"      \"name\": \"電子カルテサーバ\",\n"
	"      \"patcher\": \"vendor\",\n"
	"      \"vendor\": 1\n"
	"    }\n"
	"  ],\n"
	"  \"vendors\": [\n"
	"    {\n"
	"      \"contract\": \"maintenance\",\n"
	"      \"email\": \"support@example.jp\",\n"
	"      \"name\": \"株式会社テスト\",\n"
	"      \"phone\": \"03-0000-0001\",\n"
	"      \"ref\": 1,\n"
	"      \"systems\": [\"emr\", \"network\"]\n"
	"    }\n"
	"  ],\n"
	"  \"version\": 1,\n"
	"  \"years\": [\n"
	"    {\n"
	"      \"answers\": [\n"
	"        {\n"
	"          \"ask\": 1,\n"
	"          \"cell\": \"all\",\n"
	"          \"checked\": \"2026-11-01\",\n"
	"          \"item\": \"security-officer\",\n"
	"          \"memo\": \"=1+1\",\n"
	"          \"owner\": \"事務長\",\n"
	"          \"target\": \"2027-03-31\",\n"
	"          \"value\": \"unknown\"\n"
	"        }\n"
	"      ],\n"
	"      \"edition\": \"r8\",\n"
	"      \"vendor_answers\": [\n"
	"        {\n"
	"          \"item\": \"hoshu-clause\",\n"
	"          \"memo\": \"第12条\",\n"
	"          \"value\": \"yes\",\n"
	"          \"vendor\": 1\n"
	"        }\n"
	"      ],\n"
	"      \"year\": 2026\n"
	"    },\n"
	"    {\n"
	"      \"answers\": [\n"
	"        {\"cell\": \"all\", \"item\": \"x-new\", \"value\": \"na\"}\n"
	"      ],\n"
	"      \"edition\": \"r9\",\n"
	"      \"year\": 2027\n"
	"    }\n"
	"  ]\n"
	"}\n";

static const char *const seeds[] = {
	seed_full,
	"{\"format\": \"iryosec-export\", \"version\": 1}\n",
	"{\"format\": \"iryosec-export\", \"version\": 2, \"x\": []}\n",
	"\xEF\xBB\xBF{\"format\": \"iryosec-export\", \"version\": 1,\n"
	" \"years\": [{\"year\": 2025, \"edition\": \"r7\", \"answers\": "
	"[{\"item\": \"security-officer\", \"cell\": \"server\"}]}]}\n",
};

static void
write_seeds(const char *dir)
{
	size_t i;

	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		struct strbuf p = STRBUF_INIT;
		FILE *f;

		strbuf_addf(&p, "%s/seed-%zu.json", dir, i);
		f = fopen(p.buf, "wb");
		if (f == NULL || fwrite(seeds[i], 1, strlen(seeds[i]), f) !=
					 strlen(seeds[i]) ||
		    fclose(f) != 0)
			die("fuzz_import: cannot write %s", p.buf);
		strbuf_release(&p);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *src = getenv("IRY_SOURCE_DIR");
	const char *seeddir = getenv("IRY_FUZZ_SEEDS");
	char *roots[2];
	struct err e = ERR_INIT;

	(void)argc;
	(void)argv;
	verbose = getenv("IRY_FUZZ_VERBOSE") != NULL;
	if (seeddir != NULL) {
		write_seeds(seeddir);
		exit(0);
	}
	if (src == NULL || src[0] == '\0')
		src = IRY_FUZZ_SOURCE_DIR;
	roots[0] = path_join(src, "content");
	roots[1] = NULL;
	if (content_load(&content, roots, &e) != 0)
		die("fuzz_import: the content does not load: %s", e.msg);
	free(roots[0]);
	return 0;
}

/* The line breaks of text (the lines a message may name, plus one). */
static long
lines_of(const char *text, size_t len)
{
	long n = 1;
	size_t i;

	for (i = 0; i < len; i++)
		n += text[i] == '\n';
	return n + 1;
}

/* Checks a refusal's message: "import.json, line N, ..." in English. */
static void
check_refusal(const struct err *e, const char *text, size_t len)
{
	size_t bad, plen = strlen(NAME);
	const char *p;

	cur_msg = e->msg;
	CHECK(e->code == ERR_INPUT || e->code == ERR_NEWER);
	CHECK(e->msg[0] != '\0');
	CHECK(utf8_check(e->msg, strlen(e->msg), &bad) == 0);
	CHECK(utf8_check(e->detail, strlen(e->detail), &bad) == 0);
	CHECK(clean(e->msg));
	if (e->code == ERR_NEWER)
		return;
	CHECK(strncmp(e->msg, NAME, plen) == 0);
	p = strstr(e->msg, ", line ");
	if (p == NULL)
		p = strstr(e->msg, ": line ");
	if (p != NULL) {
		long line = strtol(p + 7, NULL, 10);

		CHECK(line >= 1 && line <= lines_of(text, len));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct xfer_data d = {0}, d2 = {0};
	struct strbuf out = STRBUF_INIT, again = STRBUF_INIT;
	struct xfer_plan p = {0};
	struct err e = ERR_INIT;
	int r;

	r = xfer_json_read(&d, text, size, NAME, &content, &today, &e);
	if (verbose)
		fprintf(stderr, "%s\n", r == 0 ? "read" : e.msg);
	CHECK(r == 0 || r == -1);
	if (r != 0) {
		check_refusal(&e, text, size);
		CHECK(d.nyears == 0 && d.vendors.n == 0 && !d.has_facility);
		return 0;
	}
	CHECK(e.code == ERR_NONE);
	/* what was read writes, reads back and writes the same bytes */
	xfer_json_write(&d, &content, &out);
	r = xfer_json_read(&d2, out.buf, out.len, NAME, &content, &today, &e);
	cur_msg = e.msg;
	CHECK(r == 0);
	xfer_json_write(&d2, &content, &again);
	CHECK(out.len == again.len && memcmp(out.buf, again.buf, out.len) == 0);
	/* into a data file that holds exactly this: nothing changes */
	xfer_plan_make(&p, &d, &d2, &content);
	CHECK(!xfer_plan_changes(&p));
	xfer_plan_text(&p, &out);
	xfer_plan_release(&p);
	xfer_data_release(&d);
	xfer_data_release(&d2);
	strbuf_release(&out);
	strbuf_release(&again);
	return 0;
}

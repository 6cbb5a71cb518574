/*
 * libFuzzer target for the font check (src/report/fontcheck.c). The check
 * must never read outside the input (ASan watches the buffer libFuzzer
 * hands over), and a font it accepts must be safe for libharu: the input
 * is then written to a file, loaded through pdf_open() as --font does,
 * measured, drawn and saved, all under ASan and UBSan.
 *
 * IRY_FUZZ_SEEDS=DIR writes the seed corpus (tests/tinyfont.h) into DIR
 * and exits.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/fontcheck.h"
#include "report/pdf.h"
#include "report/text.h"
#include "tinyfont.h"
#include "util/strbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The font file and the PDF of this process, in $TMPDIR. */
static struct strbuf font_path = STRBUF_INIT, pdf_path = STRBUF_INIT;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *seeds = getenv("IRY_FUZZ_SEEDS");
	const char *tdir = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	if (tdir == NULL || tdir[0] == '\0')
		tdir = "/tmp";
	strbuf_addf(&font_path, "%s/iry-fuzz-font-%ld.ttf", tdir,
		    (long)getpid());
	strbuf_addf(&pdf_path, "%s/iry-fuzz-font-%ld.pdf", tdir,
		    (long)getpid());
	if (seeds != NULL) {
		struct tinyfont f;
		struct strbuf p = STRBUF_INIT;
		FILE *out;

		tinyfont_build(&f);
		strbuf_addf(&p, "%s/tiny.ttf", seeds);
		out = fopen(p.buf, "wb");
		if (out == NULL || fwrite(f.d, 1, f.n, out) != f.n) {
			fprintf(stderr, "cannot write %s\n", p.buf);
			exit(1);
		}
		fclose(out);
		strbuf_release(&p);
		exit(0);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *why = NULL;
	struct err e = ERR_INIT;
	struct pdf p;
	FILE *out;

	if (fontcheck_data(data, size, &why) != 0) {
		if (why == NULL || why[0] == '\0')
			abort(); /* a refusal always says why */
		return 0;
	}
	out = fopen(font_path.buf, "wb");
	if (out == NULL || fwrite(data, 1, size, out) != size)
		abort();
	fclose(out);
	/* libharu may still refuse (say, a font that forbids embedding):
	 * what matters is that it does so without a memory error. */
	if (pdf_open(&p, font_path.buf, &e) == 0) {
		pdf_add_page(&p);
		text_para(&p, "AB ABC あ漢字 xyz 〓", 50, 300, &text_body, true);
		(void)pdf_save(&p, pdf_path.buf, &e);
	}
	pdf_close(&p);
	unlink(pdf_path.buf);
	return 0;
}

/*
 * iryosec: command line -> subcommand. It opens, loads and dispatches; it
 * decides nothing itself (docs/style.md §2, docs/ARCHITECTURE.md).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg/agg.h"
#include "content/content.h"
#include "job/job.h"
#include "model/date.h"
#include "model/facility.h"
#include "report/report.h"
#include "store/store.h"
#include "util/attr.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/sys.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "wizard/app.h"
#include "xfer/xfer.h"

#ifndef IRY_VERSION
#define IRY_VERSION "0.1.0"
#endif

enum exit_code {
	EXIT_OK = 0,
	EXIT_FAIL = 1,   /* a Japanese message on stderr */
	EXIT_USAGE = 2,  /* bad command line */
	EXIT_LOCALE = 3, /* the terminal cannot show Japanese */
};

struct opts {
	const char *db;      /* --db */
	const char *content; /* --content */
	const char *font;    /* --font */
	bool debug;          /* --debug */
	const char *command; /* NULL: the wizard */
	char **args;         /* arguments after the command */
	int nargs;
};

static void
usage(FILE *f)
{
	char *db = path_default_db();

	sys_fprintf(
		f,
		_("Usage: iryosec [--db PATH] [--content DIR] [--font PATH] [--debug] [COMMAND]\n"
		  "\n"
		  "Without a command, iryosec starts the wizard in this terminal.\n"
		  "\n"
		  "Commands:\n"
		  "  report [-o FILE.pdf] [--only PART,...] [--vendor NAME] [--reply-by DATE]\n"
		  "                          write the PDF report (default: ./iryosec-<fiscal year>-<date>.pdf);\n"
		  "                          parts: summary, priority, vendors, transcript, remote, hoshu, contacts;\n"
		  "                          --reply-by: the date vendors are asked to reply by (default: in 30 days)\n"
		  "  status                  show progress and the items that need action\n"
		  "  export [-o FILE] [--format json|csv]\n"
		  "                          write all the data as JSON (default: ./iryosec-<date>.json), or the\n"
		  "                          checklist of the fiscal year as CSV for Excel; -o - writes to the screen\n"
		  "  import [--yes] FILE     read a JSON export into the data file (a new one is created); shows\n"
		  "                          what will change and asks first (--yes: without asking)\n"
		  "  aggregate [--names] -o DIR FILE...\n"
		  "                          count many clinics' data files and JSON exports: CSV files and\n"
		  "                          aggregate.pdf in DIR; clinic names only with --names\n"
		  "  validate-content [--unverified]\n"
		  "                          check the content files; list items not yet checked against the official form\n"
		  "\n"
		  "Options (before the command):\n"
		  "  --db PATH        the data file (default: %s)\n"
		  "  --content DIR    content folder that takes precedence over the built-in one\n"
		  "  --font PATH      TrueType font for the PDF (default: IPAexGothic)\n"
		  "  --debug          show technical details with error messages\n"
		  "  --help, --version\n"
		  "\n"
		  "Exit codes: 0 success, 1 failure, 2 wrong usage, 3 the terminal cannot show Japanese.\n"),
		db != NULL ? db : "iryosec.db");
	free(db);
}

/* Reports a usage error and returns EXIT_USAGE. */
static int bad_usage(const char *fmt, ...)
	IRY_PRINTF(1, 2);

static int
bad_usage(const char *fmt, ...)
{
	va_list ap;

	sys_fputs("iryosec: ", stderr);
	va_start(ap, fmt);
	sys_vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	sys_fprintf(stderr, "%s\n",
		    _("Run 'iryosec --help' to see how to use it."));
	return EXIT_USAGE;
}

/* Writes s to f with controls and invalid bytes made harmless. */
static void
put_printable(const char *s, FILE *f)
{
	char *p = utf8_printable(s);

	sys_fputs(p, f);
	free(p);
}

/* Prints e as "iryosec: message" (and the detail with --debug). */
static int
fail(const struct opts *o, const struct err *e)
{
	char *m = utf8_printable(e->msg);

	sys_fprintf(stderr, "iryosec: %s\n", m);
	free(m);
	if (o->debug && e->detail[0] != '\0') {
		m = utf8_printable(e->detail);
		sys_fprintf(stderr, "iryosec: (%s)\n", m);
		free(m);
	}
	return EXIT_FAIL;
}

/* Takes the value of an option given as "--x VALUE" or "--x=VALUE". */
static int
option_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=') {
		*out = argv[*i] + n + 1;
		return 1;
	}
	if (strcmp(argv[*i], name) != 0)
		return 0;
	/* "--db --help status" must not make a data file named --help */
	if (*i + 1 >= argc || argv[*i + 1][0] == '-')
		return -1;
	*out = argv[++*i];
	return 1;
}

static int
parse(int argc, char **argv, struct opts *o)
{
	static const char *const valued[] = {"--db", "--content", "--font"};
	int i;

	memset(o, 0, sizeof(*o));
	for (i = 1; i < argc; i++) {
		const char **dst[] = {&o->db, &o->content, &o->font};
		size_t k;
		int r = 0;

		if (argv[i][0] != '-') {
			o->command = argv[i];
			o->args = argv + i + 1;
			o->nargs = argc - i - 1;
			return 0;
		}
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			exit(EXIT_OK);
		}
		if (strcmp(argv[i], "--version") == 0 ||
		    strcmp(argv[i], "-V") == 0) {
			sys_fprintf(stdout, "iryosec %s\n", IRY_VERSION);
			exit(EXIT_OK);
		}
		if (strcmp(argv[i], "--debug") == 0) {
			o->debug = true;
			continue;
		}
		for (k = 0; k < 3 && r == 0; k++)
			r = option_value(argc, argv, &i, valued[k], dst[k]);
		if (r < 0)
			return bad_usage(_("the option %s needs a value"),
					 argv[i]);
		if (r == 0)
			return bad_usage(_("unknown option '%s'"), argv[i]);
	}
	return 0;
}

static char *
db_path(const struct opts *o, struct err *e)
{
	char *p;

	if (o->db != NULL)
		return strdup(o->db);
	p = path_default_db();
	if (p == NULL)
		err_set(e, ERR_IO, "%s",
			_("cannot find your home folder; use --db to say where the data file is"));
	return p;
}

/*
 * Opens the data file for a command that reads it: read-only, no lock,
 * and a file that does not exist is an error, never created (a mistyped
 * --db must not leave a new file behind).
 */
static int
open_store(const struct opts *o, struct store **st, struct err *e)
{
	char *path = db_path(o, e);
	int r;

	if (path == NULL)
		return -1;
	r = store_open(st, path,
		       STORE_READONLY | (o->db != NULL ? STORE_NO_MKDIR : 0),
		       NULL, e);
	free(path);
	return r;
}

static int
cmd_status(const struct opts *o, const struct content *c)
{
	struct date today;
	struct store *st = NULL;
	struct strbuf out = STRBUF_INIT;
	struct err e = ERR_INIT;
	int rc = EXIT_OK;

	if (o->nargs > 0)
		return bad_usage(_("status takes no arguments ('%s')"),
				 o->args[0]);
	sys_today(&today.y, &today.m, &today.d);
	if (open_store(o, &st, &e) != 0 ||
	    job_status(st, c, &today, &out, &e) != 0)
		rc = fail(o, &e);
	else
		put_printable(out.buf, stdout);
	store_close(st);
	strbuf_release(&out);
	return rc;
}

/* --only summary,priority,...: the REPORT_* bits, or a usage message. */
static int
parse_parts(const char *list, unsigned *parts)
{
	char *copy = xstrdup(list), *save = NULL, *tok;
	int r = 0;

	*parts = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL && r == 0;
	     tok = strtok_r(NULL, ",", &save)) {
		unsigned bit = report_part_parse(tok);

		if (bit == 0) {
			bad_usage(
				_("report: unknown part '%s'; choose from summary, priority, vendors, transcript, remote, hoshu, contacts"),
				tok);
			r = -1;
		}
		*parts |= bit;
	}
	if (r == 0 && *parts == 0) {
		bad_usage("%s", _("report: --only needs at least one part"));
		r = -1;
	}
	free(copy);
	return r;
}

static int
cmd_report(const struct opts *o, const struct content *c)
{
	const char *out = NULL;
	struct store *st = NULL;
	struct strbuf name = STRBUF_INIT;
	struct report_result res = {0, 0, ""};
	struct facility f = {0};
	struct err e = ERR_INIT;
	struct date today;
	struct job_parts what;
	const char *only = NULL, *reply = NULL;
	char *safe;
	int i, rc = EXIT_FAIL;

	memset(&what, 0, sizeof(what));
	for (i = 0; i < o->nargs; i++) {
		/* a value that looks like an option is a forgotten value */
		if ((strcmp(o->args[i], "-o") == 0 ||
		     strcmp(o->args[i], "--only") == 0 ||
		     strcmp(o->args[i], "--vendor") == 0 ||
		     strcmp(o->args[i], "--reply-by") == 0) &&
		    (i + 1 >= o->nargs || o->args[i + 1][0] == '-'))
			return bad_usage(_("the option %s needs a value"),
					 o->args[i]);
		if (strcmp(o->args[i], "-o") == 0 && i + 1 < o->nargs)
			out = o->args[++i];
		else if (strncmp(o->args[i], "--output=", 9) == 0)
			out = o->args[i] + 9;
		else if (strcmp(o->args[i], "--only") == 0 && i + 1 < o->nargs)
			only = o->args[++i];
		else if (strncmp(o->args[i], "--only=", 7) == 0)
			only = o->args[i] + 7;
		else if (strcmp(o->args[i], "--vendor") == 0 &&
			 i + 1 < o->nargs)
			what.vendor = o->args[++i];
		else if (strncmp(o->args[i], "--vendor=", 9) == 0)
			what.vendor = o->args[i] + 9;
		else if (strcmp(o->args[i], "--reply-by") == 0 &&
			 i + 1 < o->nargs)
			reply = o->args[++i];
		else if (strncmp(o->args[i], "--reply-by=", 11) == 0)
			reply = o->args[i] + 11;
		else
			return bad_usage(_("report: unexpected argument '%s'"),
					 o->args[i]);
	}
	if (only != NULL && parse_parts(only, &what.parts) != 0)
		return EXIT_USAGE;
	if (what.vendor != NULL && what.vendor[0] == '\0')
		return bad_usage(
			"%s", _("report: --vendor needs the name of a vendor"));
	sys_today(&today.y, &today.m, &today.d);
	if (reply != NULL) {
		if (date_parse(reply, &what.reply_by, &e) != 0)
			return bad_usage(_("report: --reply-by: %s"), e.msg);
		if (date_cmp(&what.reply_by, &today) < 0)
			return bad_usage(
				"%s",
				_("report: --reply-by must be today or a later date"));
	}
	if (open_store(o, &st, &e) != 0 ||
	    store_facility_load(st, &f, &e) != 0) {
		rc = fail(o, &e);
		goto out;
	}
	if (out == NULL) {
		job_report_name(&name,
				f.year != 0 ? f.year : date_fiscal_year(&today),
				&today);
		out = name.buf;
	}
	if (job_report(st, c, o->font, out, &today, &what, &res, &e) != 0) {
		rc = fail(o, &e);
		goto out;
	}
	if (res.replaced > 0) {
		safe = utf8_printable(res.missing);
		sys_fprintf(
			stderr,
			_("iryosec: the font has no glyph for %zu character(s) (%s); they are printed as a geta mark\n"),
			res.replaced, safe);
		free(safe);
	}
	safe = utf8_printable(out);
	sys_fprintf(stdout, _("Wrote the PDF (%zu pages): %s\n"), res.pages,
		    safe);
	free(safe);
	rc = EXIT_OK;
out:
	facility_release(&f);
	store_close(st);
	strbuf_release(&name);
	return rc;
}

static int
cmd_export(const struct opts *o, const struct content *c)
{
	const char *out = NULL, *format = "json";
	struct store *st = NULL;
	struct strbuf buf = STRBUF_INIT, name = STRBUF_INIT;
	struct xfer_data d = {0};
	struct facility f = {0};
	struct err e = ERR_INIT;
	struct date today;
	bool csv;
	char *safe;
	int i, rc = EXIT_FAIL;

	for (i = 0; i < o->nargs; i++) {
		/* "-o -" is the screen: only a value that looks like an
		 * option is a forgotten value */
		if ((strcmp(o->args[i], "-o") == 0 ||
		     strcmp(o->args[i], "--format") == 0) &&
		    (i + 1 >= o->nargs ||
		     (o->args[i + 1][0] == '-' && o->args[i + 1][1] != '\0')))
			return bad_usage(_("the option %s needs a value"),
					 o->args[i]);
		if (strcmp(o->args[i], "-o") == 0)
			out = o->args[++i];
		else if (strncmp(o->args[i], "--output=", 9) == 0)
			out = o->args[i] + 9;
		else if (strcmp(o->args[i], "--format") == 0)
			format = o->args[++i];
		else if (strncmp(o->args[i], "--format=", 9) == 0)
			format = o->args[i] + 9;
		else
			return bad_usage(_("export: unexpected argument '%s'"),
					 o->args[i]);
	}
	if (strcmp(format, "json") != 0 && strcmp(format, "csv") != 0)
		return bad_usage(
			_("export: unknown format '%s'; choose json or csv"),
			format);
	csv = strcmp(format, "csv") == 0;
	sys_today(&today.y, &today.m, &today.d);
	if (open_store(o, &st, &e) != 0 ||
	    store_facility_load(st, &f, &e) != 0) {
		rc = fail(o, &e);
		goto out;
	}
	if (csv) {
		if (xfer_csv_write(st, c, &today, &buf, &e) != 0) {
			rc = fail(o, &e);
			goto out;
		}
	} else {
		if (xfer_data_load(&d, st, &e) != 0) {
			rc = fail(o, &e);
			goto out;
		}
		xfer_json_write(&d, c, &buf);
	}
	if (out != NULL && strcmp(out, "-") == 0) {
		if (fwrite(buf.buf, 1, buf.len, stdout) != buf.len ||
		    fflush(stdout) != 0) {
			err_set(&e, ERR_IO, "%s",
				_("cannot write the export to the standard output"));
			rc = fail(o, &e);
		} else {
			rc = EXIT_OK;
		}
		goto out;
	}
	if (out == NULL) {
		xfer_default_name(&name, csv,
				  f.year != 0 ? f.year
					      : date_fiscal_year(&today),
				  &today);
		out = name.buf;
	}
	if (xfer_file_save(out, buf.buf, buf.len, &e) != 0) {
		rc = fail(o, &e);
		goto out;
	}
	safe = utf8_printable(out);
	sys_fprintf(stdout,
		    csv ? _("Wrote the checklist as CSV: %s\n")
			: _("Wrote all the data as JSON: %s\n"),
		    safe);
	free(safe);
	rc = EXIT_OK;
out:
	xfer_data_release(&d);
	facility_release(&f);
	store_close(st);
	strbuf_release(&buf);
	strbuf_release(&name);
	return rc;
}

/* Asks on the terminal; true only for y or yes. */
static bool
confirmed(void)
{
	char line[64];
	size_t n;

	sys_fputs(_("Import this? [y/N] "), stdout);
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return false;
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	return strcmp(line, "y") == 0 || strcmp(line, "Y") == 0 ||
	       strcmp(line, "yes") == 0 || strcmp(line, "YES") == 0;
}

/*
 * import FILE: read and check the whole file first (a bad file changes
 * nothing), take the data file's lock as the wizard does, show what will
 * change, ask, then write it all in one transaction.
 */
static int
cmd_import(const struct opts *o, const struct content *c)
{
	const char *file = NULL;
	bool yes = false, fresh, created = false;
	struct strbuf text = STRBUF_INIT, summary = STRBUF_INIT;
	struct xfer_data in = {0}, db = {0};
	struct xfer_plan plan = {0};
	struct store *st = NULL;
	struct sys_file sf;
	struct err e = ERR_INIT;
	struct date today;
	char *path = NULL, *dir = NULL, *sp, *sf_name;
	unsigned flags = o->db != NULL ? STORE_NO_MKDIR : 0;
	int i, rc = EXIT_FAIL;

	for (i = 0; i < o->nargs; i++) {
		if (strcmp(o->args[i], "--yes") == 0 ||
		    strcmp(o->args[i], "-y") == 0)
			yes = true;
		else if (o->args[i][0] == '-' || file != NULL)
			return bad_usage(_("import: unexpected argument '%s'"),
					 o->args[i]);
		else
			file = o->args[i];
	}
	if (file == NULL)
		return bad_usage(
			"%s",
			_("import: give the file to import, e.g. iryosec import iryosec-20261201.json"));
	if (!yes && !sys_input_isatty())
		return bad_usage(
			"%s",
			_("import: there is no terminal to ask whether to import; add --yes to import without asking"));
	sys_today(&today.y, &today.m, &today.d);
	if (xfer_file_read(file, &text, &e) != 0 ||
	    xfer_json_read(&in, text.buf, text.len, file, c, &today, &e) != 0)
		goto failed;
	path = db_path(o, &e);
	if (path == NULL || sys_lstat(path, &sf, &e) != 0)
		goto failed;
	fresh = !sf.exists;
	dir = path_dirname(path);
	/* a mistyped --db is noticed before the question, not after */
	if (fresh && o->db != NULL && !path_is_dir(dir)) {
		err_set(&e, ERR_IO,
			_("the folder '%s' does not exist; check the path of the data file"),
			dir);
		goto failed;
	}
	/* the wizard's lock: refused while a wizard has the file open */
	if (!fresh && (store_open(&st, path, STORE_LOCK | flags, NULL, &e) ||
		       xfer_data_load(&db, st, &e) != 0))
		goto failed;
	xfer_plan_make(&plan, &in, &db, c);
	sp = utf8_printable(path);
	sf_name = utf8_printable(file);
	if (fresh)
		sys_fprintf(stdout,
			    _("Importing %s into a new data file %s:\n"),
			    sf_name, sp);
	else
		sys_fprintf(stdout, _("Importing %s into the data file %s:\n"),
			    sf_name, sp);
	xfer_plan_text(&plan, &summary);
	put_printable(summary.buf, stdout);
	free(sp);
	free(sf_name);
	if (!xfer_plan_changes(&plan)) {
		sys_fprintf(
			stdout, "%s\n",
			_("Nothing to change: the data file already holds all of this."));
		rc = EXIT_OK;
		goto out;
	}
	if (!fresh)
		sys_fprintf(stdout, "%s\n",
			    _("What is only in the data file stays as it is."));
	if (!yes && !confirmed()) {
		sys_fprintf(
			stderr, "iryosec: %s\n",
			_("nothing was imported; the data file was not changed"));
		goto out;
	}
	if (fresh) {
		if (store_open(&st, path, STORE_LOCK | STORE_CREATE | flags,
			       &created, &e) != 0)
			goto failed;
		if (!created) {
			err_set(&e, ERR_BUSY,
				_("the data file '%s' was made by another iryosec in the meantime; nothing was imported. Run the import again"),
				path);
			goto failed;
		}
		sp = utf8_printable(path);
		sys_fprintf(stdout, _("Created a new data file: %s"), sp);
		sys_fputs("\n", stdout);
		free(sp);
	}
	if (xfer_apply(st, &plan, &in, &db, &e) != 0)
		goto failed;
	sys_fprintf(stdout, "%s\n",
		    _("Imported. Everything is saved in the data file."));
	rc = EXIT_OK;
	goto out;
failed:
	rc = fail(o, &e);
out:
	store_close(st);
	xfer_plan_release(&plan);
	xfer_data_release(&in);
	xfer_data_release(&db);
	strbuf_release(&text);
	strbuf_release(&summary);
	free(path);
	free(dir);
	return rc;
}

/* aggregate: a file that could not be read, named on stderr in its turn. */
static void
say_skipped(void *ctx, const char *path, const struct err *e)
{
	char *f = utf8_printable(path);
	char *m = utf8_printable(e->msg);

	(void)ctx;
	sys_fprintf(stderr, _("iryosec: skipped %s: %s\n"), f, m);
	free(f);
	free(m);
}

/*
 * aggregate -o DIR FILE...: every file is read on its own (no lock, as
 * report does; several at once on as many threads as processors), counted
 * in the order given and released; one that cannot be read is named on
 * stderr and listed in the outputs, never fatal. Exit 0 when at least one
 * file was read.
 */
static int
cmd_aggregate(const struct opts *o, const struct content *c)
{
	const char *dir = NULL;
	bool names = false;
	struct agg a;
	struct err e = ERR_INIT;
	struct date today;
	size_t pages = 0;
	const char **files;
	char *safe;
	int i, nfiles = 0, rc = EXIT_FAIL;

	for (i = 0; i < o->nargs; i++) {
		if (strcmp(o->args[i], "-o") == 0) {
			if (i + 1 >= o->nargs || o->args[i + 1][0] == '-')
				return bad_usage(
					_("the option %s needs a value"),
					o->args[i]);
			dir = o->args[++i];
		} else if (strncmp(o->args[i], "--output=", 9) == 0) {
			dir = o->args[i] + 9;
		} else if (strcmp(o->args[i], "--names") == 0) {
			names = true;
		} else if (o->args[i][0] == '-') {
			return bad_usage(_("aggregate: unexpected argument '%s'"),
					 o->args[i]);
		} else {
			nfiles++;
		}
	}
	if (dir == NULL || dir[0] == '\0')
		return bad_usage(
			"%s",
			_("aggregate: give the folder for the outputs, e.g. iryosec aggregate -o summary clinic1.db clinic2.json"));
	if (nfiles == 0)
		return bad_usage("%s",
				 _("aggregate: give the files to count"));
	sys_today(&today.y, &today.m, &today.d);
	agg_init(&a, c, names);
	files = xcalloc((size_t)nfiles, sizeof(*files));
	nfiles = 0;
	for (i = 0; i < o->nargs; i++) {
		if (strcmp(o->args[i], "-o") == 0) {
			i++;
			continue;
		}
		if (o->args[i][0] != '-')
			files[nfiles++] = o->args[i];
	}
	agg_add_files(&a, files, (size_t)nfiles, &today,
		      agg_readers((size_t)nfiles), say_skipped, NULL);
	free(files);
	if (a.read == 0) {
		sys_fprintf(
			stderr, "iryosec: %s\n",
			_("none of the files could be read; nothing was written"));
		goto out;
	}
	if (agg_write(&a, dir, o->font, &today, &pages, &e) != 0) {
		rc = fail(o, &e);
		goto out;
	}
	safe = utf8_printable(dir);
	sys_fprintf(
		stdout,
		_("Of %zu files, counted %zu (%zu skipped); wrote the CSV files and aggregate.pdf (%zu pages) in %s\n"),
		a.files, a.read, a.nskipped, pages, safe);
	free(safe);
	rc = EXIT_OK;
out:
	agg_release(&a);
	return rc;
}

/*
 * validate-content --unverified: every entry whose facts were not checked
 * against its source, one line each: checklist and vendors'-form items,
 * contract questions, 保守委託機関編 and its 【別紙】 areas, known flaws.
 */
static void
list_unverified(const struct content *c)
{
	size_t i, k;

	for (i = 0; i < c->neditions; i++) {
		const struct edition *ed = &c->editions[i];

		for (k = 0; k < ed->nitems; k++) {
			const struct item *it = &ed->items[k];

			if (!it->verified)
				sys_fprintf(stdout,
					    _("unverified: %s %s %s (%s:%d)\n"),
					    ed->id,
					    it->number[0] ? it->number : "-",
					    it->title, it->file, it->line);
		}
		for (k = 0; k < ed->nvitems; k++) {
			const struct vendor_item *v = &ed->vitems[k];

			if (!v->verified)
				sys_fprintf(
					stdout,
					_("unverified vendors' form item: %s %s %s (%s:%d)\n"),
					ed->id, v->number, v->title, v->file,
					v->line);
		}
	}
	for (k = 0; k < c->nquestions; k++) {
		const struct vquestion *q = &c->questions[k];

		if (!q->verified)
			sys_fprintf(
				stdout,
				_("unverified contract question: %s %s (common/vendors.yaml)\n"),
				q->id, q->title);
	}
	if (c->hoshu.title != NULL && !c->hoshu.verified)
		sys_fprintf(stdout, _("unverified: %s (common/hoshu.yaml)\n"),
			    c->hoshu.title);
	for (k = 0; k < c->hoshu.nitems; k++) {
		const struct hoshu_item *h = &c->hoshu.items[k];

		if (!h->verified)
			sys_fprintf(
				stdout,
				_("unverified maintenance-contractor item: %s %s (common/hoshu.yaml)\n"),
				h->number, h->title);
	}
	for (k = 0; k < c->hoshu.nareas; k++) {
		const struct sds_area *a = &c->hoshu.areas[k];

		if (!a->verified)
			sys_fprintf(
				stdout,
				_("unverified MDS/SDS area: %s %s (common/hoshu.yaml)\n"),
				a->id, a->area);
	}
	for (i = 0; i < c->nmakers; i++) {
		const struct vmaker *m = &c->makers[i];

		for (k = 0; k < m->nvulns; k++) {
			const struct vuln *v = &m->vulns[k];

			if (!v->verified)
				sys_fprintf(
					stdout,
					_("unverified known flaw: %s %s %s (%s)\n"),
					v->cve, m->id, v->product, m->file);
		}
	}
}

static int
cmd_validate(const struct opts *o, char **roots, const struct content *c)
{
	bool unverified = false;
	size_t problems = 0, i, k;
	struct strbuf out = STRBUF_INIT;

	for (i = 0; i < (size_t)o->nargs; i++) {
		if (strcmp(o->args[i], "--unverified") == 0)
			unverified = true;
		else
			return bad_usage(
				_("validate-content: unexpected argument '%s'"),
				o->args[i]);
	}
	for (k = 0; roots[k] != NULL; k++) {
		size_t n = content_validate_root(roots + k, &out);

		sys_fprintf(stdout,
			    n == 0 ? _("ok: %s\n") : _("problems in %s:\n"),
			    roots[k]);
		sys_fputs(out.buf, stdout);
		strbuf_reset(&out);
		problems += n;
		if (o->content != NULL)
			break; /* only the folder that was asked about */
	}
	if (unverified && c != NULL)
		list_unverified(c);
	strbuf_release(&out);
	return problems == 0 ? EXIT_OK : EXIT_FAIL;
}

static int
cmd_wizard(const struct opts *o, const struct content *c)
{
	struct wizard_opts w;
	struct err e = ERR_INIT;
	char *path;
	int rc = EXIT_OK;

	if (o->nargs > 0)
		return bad_usage(_("unknown command '%s'"), o->command);
	if (!sys_isatty()) {
		sys_fprintf(
			stderr, "iryosec: %s\n",
			_("the wizard needs a terminal; use 'iryosec status' or 'iryosec report' in scripts"));
		return EXIT_FAIL;
	}
	path = db_path(o, &e);
	if (path == NULL)
		return fail(o, &e);
	memset(&w, 0, sizeof(w));
	w.db_path = path;
	w.db_given = o->db != NULL;
	w.content = c;
	w.font = o->font;
	w.debug = o->debug;
	if (wizard_run(&w, &e) != 0)
		rc = fail(o, &e);
	free(path);
	return rc;
}

static int
run(int argc, char **argv)
{
	struct opts o;
	struct content c;
	struct err e = ERR_INIT;
	char **roots = NULL;
	enum i18n_locale loc;
	int rc;

	sys_init(&argc, &argv);
	loc = i18n_locale_init();

	if (loc != I18N_OK) {
		sys_fputs(i18n_locale_message(loc), stderr);
		return EXIT_LOCALE;
	}
	i18n_catalog_init(NULL);
	utf8_width_init();
	sys_ignore_size_limit_signal();
	rc = parse(argc, argv, &o);
	if (rc != 0)
		return rc;
	if (o.command != NULL && strcmp(o.command, "report") != 0 &&
	    strcmp(o.command, "status") != 0 &&
	    strcmp(o.command, "export") != 0 &&
	    strcmp(o.command, "import") != 0 &&
	    strcmp(o.command, "aggregate") != 0 &&
	    strcmp(o.command, "validate-content") != 0)
		return bad_usage(_("unknown command '%s'"), o.command);
	if (o.content != NULL && !path_is_dir(o.content)) {
		char *safe = utf8_printable(o.content);

		sys_fprintf(
			stderr,
			_("iryosec: the content folder '%s' does not exist\n"),
			safe);
		free(safe);
		return EXIT_FAIL;
	}
	roots = paths_content_roots(o.content);
	if (content_load(&c, roots, &e) != 0) {
		if (o.command != NULL &&
		    strcmp(o.command, "validate-content") == 0) {
			rc = cmd_validate(&o, roots, NULL);
			goto out;
		}
		rc = fail(&o, &e);
		goto out;
	}
	if (c.warnings.len > 0 && o.command != NULL)
		sys_fputs(c.warnings.buf, stderr);
	if (o.command == NULL)
		rc = cmd_wizard(&o, &c);
	else if (strcmp(o.command, "status") == 0)
		rc = cmd_status(&o, &c);
	else if (strcmp(o.command, "report") == 0)
		rc = cmd_report(&o, &c);
	else if (strcmp(o.command, "export") == 0)
		rc = cmd_export(&o, &c);
	else if (strcmp(o.command, "import") == 0)
		rc = cmd_import(&o, &c);
	else if (strcmp(o.command, "aggregate") == 0)
		rc = cmd_aggregate(&o, &c);
	else
		rc = cmd_validate(&o, roots, &c);
out:
	content_release(&c);
	paths_free_list(roots);
	return rc;
}

int
main(int argc, char **argv)
{
	int rc = run(argc, argv);

	sys_before_exit(rc != EXIT_OK);
	return rc;
}

/* Smoke test for the Windows static libraries (scripts/windows/build.sh):
 * links ncursesw, SQLite, libyaml, jansson and libharu (with libpng, zlib)
 * and uses each a little. Prints one line per library, then OK.
 * Usage: smoke.exe OUT.pdf
 * curses is only linked and asked for its version: initscr needs a console,
 * which a script under wine may not have. */
#define NCURSES_STATIC 1
#define _XOPEN_SOURCE_EXTENDED 1 /* the wide-character curses calls */
#define YAML_DECLARE_STATIC 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ncursesw/curses.h>
#include <sqlite3.h>
#include <yaml.h>
#include <jansson.h>
#include <hpdf.h>
#include <png.h>
#include <zlib.h>

static int fail(const char *what) {
    fprintf(stderr, "FAIL: %s\n", what);
    return 1;
}

static int t_sqlite(void) {
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int ok = 0;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return fail("sqlite3_open");
    if (sqlite3_exec(db, "CREATE TABLE t(a TEXT); INSERT INTO t VALUES('\xe6\x82\xa3');",
                     NULL, NULL, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT length(a) FROM t", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        ok = sqlite3_column_int(st, 0) == 1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (!ok) return fail("sqlite query");
    printf("sqlite %s\n", sqlite3_libversion());
    return 0;
}

static int t_yaml(void) {
    static const char doc[] = "id: password-length\ntitle: |\n  \xe6\x82\xa3\xe8\x80\x85\n";
    yaml_parser_t p;
    yaml_event_t ev;
    int scalars = 0, done = 0;
    if (!yaml_parser_initialize(&p)) return fail("yaml_parser_initialize");
    yaml_parser_set_input_string(&p, (const unsigned char *)doc, sizeof doc - 1);
    while (!done) {
        if (!yaml_parser_parse(&p, &ev)) { yaml_parser_delete(&p); return fail("yaml parse"); }
        if (ev.type == YAML_SCALAR_EVENT) scalars++;
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    if (scalars != 4) return fail("yaml scalars");
    printf("libyaml %s\n", yaml_get_version_string());
    return 0;
}

static int t_jansson(void) {
    json_error_t err;
    json_t *j = json_loads("{\"version\": 1, \"name\": \"\xe6\x82\xa3\"}", 0, &err);
    if (!j) return fail("json_loads");
    int ok = json_integer_value(json_object_get(j, "version")) == 1;
    char *s = json_dumps(j, JSON_SORT_KEYS | JSON_COMPACT);
    ok = ok && s && strcmp(s, "{\"name\":\"\xe6\x82\xa3\",\"version\":1}") == 0;
    free(s);
    json_decref(j);
    if (!ok) return fail("jansson round trip");
    printf("jansson %s\n", JANSSON_VERSION);
    return 0;
}

static void pdf_err(HPDF_STATUS e, HPDF_STATUS d, void *u) {
    (void)u;
    fprintf(stderr, "libharu error 0x%04X detail %u\n", (unsigned)e, (unsigned)d);
}

static int t_pdf(const char *out) {
    HPDF_Doc pdf = HPDF_New(pdf_err, NULL);
    if (!pdf) return fail("HPDF_New");
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL); /* goes through zlib */
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", NULL);
    HPDF_Page_SetFontAndSize(page, font, 24);
    HPDF_Page_BeginText(page);
    HPDF_Page_TextOut(page, 72, 720, "iryosec smoke test");
    HPDF_Page_EndText(page);
    HPDF_STATUS st = HPDF_SaveToFile(pdf, out);
    HPDF_Free(pdf);
    if (st != HPDF_OK) return fail("HPDF_SaveToFile");
    FILE *f = fopen(out, "rb");
    char head[5] = {0};
    size_t n = f ? fread(head, 1, 4, f) : 0;
    if (f) fclose(f);
    if (n != 4 || strcmp(head, "%PDF") != 0) return fail("PDF file");
    printf("libharu %s (libpng %s, zlib %s)\n", HPDF_VERSION_TEXT, png_get_libpng_ver(NULL), zlibVersion());
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: smoke.exe OUT.pdf\n");
        return 2;
    }
    /* Link-check the wide curses calls the program will use. */
    volatile void *link[] = {(void *)initscr, (void *)wget_wch, (void *)waddnwstr,
                             (void *)wadd_wch, (void *)endwin};
    (void)link;
    printf("curses %s\n", curses_version());
    if (t_sqlite() || t_yaml() || t_jansson() || t_pdf(argv[1])) return 1;
    printf("OK\n");
    return 0;
}

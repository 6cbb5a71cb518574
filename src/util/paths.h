#ifndef IRY_PATHS_H
#define IRY_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/*
 * File-system paths and the places iryosec looks for its data. What differs
 * between systems is asked of sys.h (sys.c on POSIX, sys_win.c on Windows).
 * Every char * returned is newly allocated: the caller frees it.
 */

/* True for a character that separates folders: '/' (and a backslash on
 * Windows). */
bool path_is_sep(char c);

/*
 * Length of p's root: 1 for "/"; on Windows also 3 for a drive and its
 * separator ("C:" and a backslash), 2 for "C:" alone and the server and
 * share part of a network path; 0 for a relative path.
 */
size_t path_root_len(const char *p);

/* True when p does not depend on the current folder. */
bool path_is_absolute(const char *p);

/* Joins a and b with one separator ('/'; a backslash on Windows). */
char *path_join(const char *a, const char *b);

/* The last part of p: what follows its last separator (or its root). */
const char *path_last(const char *p);

/* The last part of p ignoring separators at its end ("a/b/" → "b"). */
char *path_basename(const char *p);

/* True when s contains a separator. */
bool path_has_sep(const char *s);

/* The directory part of p ("." when p has no '/'). */
char *path_dirname(const char *p);

bool path_exists(const char *p);
bool path_is_file(const char *p);
bool path_is_dir(const char *p);

/*
 * The home directory ($HOME, else the password database; on Windows
 * %USERPROFILE%); NULL if none. In sys.c / sys_win.c.
 */
char *path_home(void);

/*
 * Where a user keeps documents: the folder the wizard proposes for the
 * PDF. The home directory; on Windows the Documents folder (ドキュメント).
 * NULL if none. In sys.c / sys_win.c.
 */
char *path_documents_dir(void);

/*
 * iryosec's data directory: $XDG_DATA_HOME/iryosec when XDG_DATA_HOME is an
 * absolute path, else ~/.local/share/iryosec; on Windows %APPDATA%\iryosec
 * (else <home>\AppData\Roaming\iryosec). NULL when no home is known.
 */
char *path_data_dir(void);

/* The default data file, path_data_dir()/iryosec.db; NULL if no home. */
char *path_default_db(void);

/* The directory holding the running executable; NULL if unknown. */
char *path_exe_dir(void);

/*
 * Creates dir and any missing parents with mode 0700 (set explicitly, so
 * the umask does not matter). Existing directories are left as they are.
 * Returns 0, or -1 with e set.
 */
int path_mkdirs(const char *dir, struct err *e);

/*
 * The content roots in order of precedence (README, "Content"):
 * override (--content, may be NULL), $XDG_DATA_HOME/iryosec/content,
 * $IRYOSEC_DATADIR/content, <exe dir>/content (the build tree),
 * <exe dir>/../share/iryosec/content (an install, wherever it was put),
 * the install prefix compiled in.
 * Only existing directories are listed. NULL-terminated; free with
 * paths_free_list().
 */
char **paths_content_roots(const char *override);

/*
 * Directories that may hold ja/LC_MESSAGES/iryosec.mo, in order:
 * $IRYOSEC_DATADIR/locale, <exe dir>/locale, <exe dir>/../share/locale,
 * the install prefix.
 */
char **paths_catalog_dirs(void);

void paths_free_list(char **list);

/*
 * The PDF font used when none is given (IPAexGothic): Debian's
 * fonts-ipaexfont-gothic; on Windows fonts\ipaexg.ttf in the folder of
 * iryosec.exe (the release zip carries it). Caller frees.
 */
char *paths_default_font(void);

/* What a user without that font should do, one translated sentence. */
const char *paths_font_remedy(void);

#endif

#include "paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "sys.h"
#include "xalloc.h"

#ifndef IRY_INSTALL_DATADIR
#define IRY_INSTALL_DATADIR "/usr/local/share/iryosec"
#endif
#ifndef IRY_INSTALL_LOCALEDIR
#define IRY_INSTALL_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef IRY_REL_DATADIR /* from the executable's folder */
#define IRY_REL_DATADIR "../share/iryosec"
#endif
#ifndef IRY_REL_LOCALEDIR
#define IRY_REL_LOCALEDIR "../share/locale"
#endif

#ifdef _WIN32
#define SEP '\\'
#else
#define SEP '/'
#endif

bool
path_is_sep(char c)
{
#ifdef _WIN32
	return c == '/' || c == '\\';
#else
	return c == '/';
#endif
}

size_t
path_root_len(const char *p)
{
#ifdef _WIN32
	size_t n;

	if (((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) &&
	    p[1] == ':')
		return path_is_sep(p[2]) ? 3 : 2;
	if (path_is_sep(p[0]) && path_is_sep(p[1])) {
		/* \\server\share\ */
		int parts = 0;

		for (n = 2; p[n] != '\0'; n++) {
			if (path_is_sep(p[n]) && ++parts == 2)
				return n + 1;
		}
		return n;
	}
#endif
	return path_is_sep(p[0]) ? 1 : 0;
}

bool
path_is_absolute(const char *p)
{
#ifdef _WIN32
	size_t n = path_root_len(p);

	return n > 2 || (n > 0 && path_is_sep(p[0]));
#else
	return p[0] == '/';
#endif
}

char *
path_join(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;
	size_t root = path_root_len(a);

	strbuf_addstr(&sb, a);
	while (sb.len > root && path_is_sep(sb.buf[sb.len - 1]))
		strbuf_setlen(&sb, sb.len - 1);
	while (path_is_sep(*b))
		b++;
	if (sb.len == 0 || (!path_is_sep(sb.buf[sb.len - 1]) &&
			    !(sb.len == root && sb.buf[sb.len - 1] == ':')))
		strbuf_addch(&sb, SEP);
	strbuf_addstr(&sb, b);
	return strbuf_detach(&sb, NULL);
}

const char *
path_last(const char *p)
{
	size_t root = path_root_len(p), i = strlen(p);

	while (i > root && !path_is_sep(p[i - 1]))
		i--;
	return p + i;
}

char *
path_basename(const char *p)
{
	size_t root = path_root_len(p), n = strlen(p), i;

	while (n > root && n > 1 && path_is_sep(p[n - 1]))
		n--;
	i = n;
	while (i > root && !path_is_sep(p[i - 1]))
		i--;
	return xstrndup(p + i, n - i);
}

bool
path_has_sep(const char *s)
{
	for (; *s != '\0'; s++)
		if (path_is_sep(*s))
			return true;
	return false;
}

char *
path_dirname(const char *p)
{
	size_t root = path_root_len(p), i = strlen(p);

	while (i > root && !path_is_sep(p[i - 1]))
		i--;
	if (i == 0)
		return xstrdup(".");
	/* the separator before the last part, unless it is the root's */
	if (i > root)
		i--;
	return xstrndup(p, i);
}

bool
path_exists(const char *p)
{
	struct sys_file f;

	return sys_stat(p, &f, NULL) == 0 && f.exists;
}

bool
path_is_file(const char *p)
{
	struct sys_file f;

	return sys_stat(p, &f, NULL) == 0 && f.regular;
}

bool
path_is_dir(const char *p)
{
	struct sys_file f;

	return sys_stat(p, &f, NULL) == 0 && f.dir;
}

char *
path_data_dir(void)
{
	char *home, *base, *r;
#ifdef _WIN32
	const char *x = sys_getenv("APPDATA");

	if (x != NULL && path_is_absolute(x))
		return path_join(x, "iryosec");
#else
	const char *x = sys_getenv("XDG_DATA_HOME");

	if (x != NULL && x[0] == '/')
		return path_join(x, "iryosec");
#endif
	home = path_home();
	if (home == NULL)
		return NULL;
#ifdef _WIN32
	base = path_join(home, "AppData\\Roaming");
#else
	base = path_join(home, ".local/share");
#endif
	r = path_join(base, "iryosec");
	free(base);
	free(home);
	return r;
}

char *
path_default_db(void)
{
	char *d = path_data_dir();
	char *r;

	if (d == NULL)
		return NULL;
	r = path_join(d, "iryosec.db");
	free(d);
	return r;
}

char *
path_exe_dir(void)
{
	char *exe = sys_exe_path(), *r;

	if (exe == NULL)
		return NULL;
	r = path_dirname(exe);
	free(exe);
	return r;
}

int
path_mkdirs(const char *dir, struct err *e)
{
	char *p = xstrdup(dir);
	size_t i, len = strlen(p), root = path_root_len(p);
	int r = 0;

	for (i = root > 0 ? root : 1; i <= len; i++) {
		char c = p[i];

		if (!path_is_sep(c) && c != '\0')
			continue;
		p[i] = '\0';
		if (sys_mkdir_private(p) != 0 && errno != EEXIST) {
			r = err_set(e,
				    errno == EACCES || errno == EROFS
					    ? ERR_READONLY
					    : ERR_IO,
				    _("cannot create the folder '%s'"), p);
			err_detail(e, "%s", strerror(errno));
			goto out;
		}
		p[i] = c;
	}
	if (!path_is_dir(dir))
		r = err_set(e, ERR_IO, _("'%s' is not a folder"), dir);
out:
	free(p);
	return r;
}

/* Appends dir to the list when it exists and is not listed yet. */
static void
list_add(char ***list, size_t *n, size_t *alloc, char *dir)
{
	size_t i;

	if (dir == NULL)
		return;
	for (i = 0; i < *n; i++) {
		if (strcmp((*list)[i], dir) == 0) {
			free(dir);
			return;
		}
	}
	if (!path_is_dir(dir)) {
		free(dir);
		return;
	}
	xgrow((void **)list, alloc, *n + 2, sizeof(char *));
	(*list)[(*n)++] = dir;
	(*list)[*n] = NULL;
}

/* Joins a with b, or returns NULL when a is NULL (a is freed). */
static char *
join_free(char *a, const char *b)
{
	char *r;

	if (a == NULL)
		return NULL;
	r = path_join(a, b);
	free(a);
	return r;
}

static char *
env_dir(const char *var)
{
	const char *v = sys_getenv(var);

	return v != NULL && v[0] != '\0' ? xstrdup(v) : NULL;
}

char **
paths_content_roots(const char *override)
{
	char **list = NULL;
	size_t n = 0, alloc = 0;

	xgrow((void **)&list, &alloc, 1, sizeof(char *));
	list[0] = NULL;
	if (override != NULL)
		list_add(&list, &n, &alloc, xstrdup(override));
	list_add(&list, &n, &alloc, join_free(path_data_dir(), "content"));
	list_add(&list, &n, &alloc,
		 join_free(env_dir("IRYOSEC_DATADIR"), "content"));
	list_add(&list, &n, &alloc, join_free(path_exe_dir(), "content"));
	list_add(&list, &n, &alloc,
		 join_free(join_free(path_exe_dir(), IRY_REL_DATADIR),
			   "content"));
	list_add(&list, &n, &alloc, path_join(IRY_INSTALL_DATADIR, "content"));
	return list;
}

char **
paths_catalog_dirs(void)
{
	char **list = NULL;
	size_t n = 0, alloc = 0;

	xgrow((void **)&list, &alloc, 1, sizeof(char *));
	list[0] = NULL;
	list_add(&list, &n, &alloc,
		 join_free(env_dir("IRYOSEC_DATADIR"), "locale"));
	list_add(&list, &n, &alloc, join_free(path_exe_dir(), "locale"));
	list_add(&list, &n, &alloc,
		 join_free(path_exe_dir(), IRY_REL_LOCALEDIR));
	list_add(&list, &n, &alloc, xstrdup(IRY_INSTALL_LOCALEDIR));
	return list;
}

void
paths_free_list(char **list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; list[i] != NULL; i++)
		free(list[i]);
	free(list);
}

char *
paths_default_font(void)
{
#ifdef _WIN32
	char *dir = path_exe_dir(), *fonts, *r;

	if (dir == NULL)
		return xstrdup("fonts\\ipaexg.ttf");
	fonts = path_join(dir, "fonts");
	r = path_join(fonts, "ipaexg.ttf");
	free(fonts);
	free(dir);
	return r;
#else
	/* docs/decisions.md, Paths, files, licences: Font */
	return xstrdup("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
#endif
}

const char *
paths_font_remedy(void)
{
#ifdef _WIN32
	return _("Unpack the iryosec zip again (its fonts folder holds the font), or choose another TrueType font with --font.");
#else
	return _("Install fonts-ipaexfont-gothic, or choose another TrueType font with --font.");
#endif
}

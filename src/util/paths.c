#include "paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "strbuf.h"
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

char *
path_join(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, a);
	while (sb.len > 1 && sb.buf[sb.len - 1] == '/')
		strbuf_setlen(&sb, sb.len - 1);
	while (*b == '/')
		b++;
	if (sb.len == 0 || sb.buf[sb.len - 1] != '/')
		strbuf_addch(&sb, '/');
	strbuf_addstr(&sb, b);
	return strbuf_detach(&sb, NULL);
}

char *
path_dirname(const char *p)
{
	const char *slash = strrchr(p, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == p)
		return xstrdup("/");
	return xstrndup(p, (size_t)(slash - p));
}

bool
path_exists(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0;
}

bool
path_is_file(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

bool
path_is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
path_home(void)
{
	const char *h = getenv("HOME");
	struct passwd *pw;

	if (h != NULL && h[0] == '/')
		return xstrdup(h);
	pw = getpwuid(getuid());
	if (pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] == '/')
		return xstrdup(pw->pw_dir);
	return NULL;
}

char *
path_data_dir(void)
{
	const char *x = getenv("XDG_DATA_HOME");
	char *home, *base, *r;

	if (x != NULL && x[0] == '/')
		return path_join(x, "iryosec");
	home = path_home();
	if (home == NULL)
		return NULL;
	base = path_join(home, ".local/share");
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
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return path_dirname(buf);
}

int
path_mkdirs(const char *dir, struct err *e)
{
	char *p = xstrdup(dir);
	size_t i, len = strlen(p);
	int r = 0;

	for (i = 1; i <= len; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0700) == 0) {
			/* mkdir's mode passes through the umask; fix it. */
			if (chmod(p, 0700) != 0) {
				r = err_set(
					e, ERR_IO,
					_("cannot set the permissions of the folder '%s'"),
					p);
				err_detail(e, "%s", strerror(errno));
				goto out;
			}
		} else if (errno != EEXIST) {
			r = err_set(e,
				    errno == EACCES || errno == EROFS
					    ? ERR_READONLY
					    : ERR_IO,
				    _("cannot create the folder '%s'"), p);
			err_detail(e, "%s", strerror(errno));
			goto out;
		}
		if (i < len)
			p[i] = '/';
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
	const char *v = getenv(var);

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

#include "i18n.h"

#ifndef _WIN32
#include <langinfo.h>
#endif
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "paths.h"
#include "sys.h"
#include "xalloc.h"

#ifndef _WIN32
/* The locale name that decides, by POSIX precedence; NULL when none. */
static const char *
locale_name(void)
{
	static const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = sys_getenv(vars[i]);

		if (v != NULL && v[0] != '\0')
			return v;
	}
	return NULL;
}

/* True if the locale name (lang[_terr][.codeset][@mod]) says UTF-8. */
static bool
name_is_utf8(const char *name)
{
	const char *dot = strchr(name, '.');
	size_t n;

	if (dot == NULL)
		return false;
	dot++;
	n = strcspn(dot, "@");
	return (n == 5 && strncasecmp(dot, "utf-8", 5) == 0) ||
	       (n == 4 && strncasecmp(dot, "utf8", 4) == 0);
}

static bool
is_c_name(const char *name)
{
	return name == NULL || strcmp(name, "C") == 0 ||
	       strcmp(name, "POSIX") == 0;
}

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL &&
	       (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

enum i18n_locale
i18n_locale_init(void)
{
	const char *name = locale_name();
	const char *msg;

	if (!is_c_name(name) && !name_is_utf8(name))
		return I18N_BAD_NAME;
	if (setlocale(LC_ALL, "") == NULL || !codeset_is_utf8()) {
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
		    setlocale(LC_CTYPE, "C.utf8") == NULL)
			return I18N_NO_UTF8;
		if (!codeset_is_utf8())
			return I18N_NO_UTF8;
	}
	msg = setlocale(LC_MESSAGES, NULL);
	if (msg == NULL || is_c_name(msg))
		setlocale(LC_MESSAGES, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
	return I18N_OK;
}

int
i18n_catalog_init(const char *localedir)
{
	char *found = NULL;
	int r = 0;

	/* LANGUAGE wins over LC_MESSAGES once that is not "C". */
	setenv("LANGUAGE", "ja", 1);
	if (localedir == NULL) {
		char **dirs = paths_catalog_dirs();
		size_t i;

		for (i = 0; dirs[i] != NULL; i++) {
			char *mo = path_join(
				dirs[i], "ja/LC_MESSAGES/" I18N_DOMAIN ".mo");
			bool ok = path_is_file(mo);

			free(mo);
			if (ok && found == NULL)
				found = xstrdup(dirs[i]);
		}
		paths_free_list(dirs);
		if (found == NULL)
			r = -1;
		localedir = found;
	}
	if (localedir != NULL)
		bindtextdomain(I18N_DOMAIN, localedir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	free(found);
	return r;
}

#else /* _WIN32 */

#include "mo.h"
#include "strbuf.h"

/* a catalog is about 200 kB; anything far larger is not ours */
#define I18N_MO_MAX (16u * 1024u * 1024u)

/* The catalog, read once at the start; NULL: messages stay English. */
static struct mo *catalog;

enum i18n_locale
i18n_locale_init(void)
{
	/* The C runtime's locale is not used for text (util/utf8 converts
	 * and measures UTF-8 itself); numbers print with '.'. */
	setlocale(LC_ALL, "C");
	return I18N_OK;
}

int
i18n_catalog_init(const char *localedir)
{
	char **dirs = NULL;
	size_t i;

	if (localedir == NULL)
		dirs = paths_catalog_dirs();
	for (i = 0; catalog == NULL &&
		    (dirs != NULL ? dirs[i] != NULL : i == 0);
	     i++) {
		char *mo = path_join(dirs != NULL ? dirs[i] : localedir,
				     "ja/LC_MESSAGES/" I18N_DOMAIN ".mo");
		struct strbuf data = STRBUF_INIT;

		if (sys_read_file(mo, I18N_MO_MAX, &data) == 0)
			catalog = mo_parse(data.buf, data.len, NULL);
		strbuf_release(&data);
		free(mo);
	}
	paths_free_list(dirs);
	return catalog != NULL ? 0 : -1;
}

char *
i18n_gettext(const char *msgid)
{
	const char *t = catalog != NULL ? mo_lookup(catalog, msgid) : NULL;

	return (char *)(t != NULL ? t : msgid);
}

#endif /* _WIN32 */

const char *
i18n_locale_message(enum i18n_locale r)
{
	if (r == I18N_BAD_NAME)
		return "iryosec: this terminal's locale does not use UTF-8, "
		       "so Japanese cannot be shown. Set LANG=C.UTF-8 or "
		       "ja_JP.UTF-8 and start again.\n"
		       "iryosec: この端末の文字コードがUTF-8ではないため、"
		       "日本語を表示できません。LANG=ja_JP.UTF-8 などUTF-8の"
		       "設定にしてから、もう一度起動してください。\n";
	return "iryosec: no UTF-8 locale is available (not even C.UTF-8), "
	       "so Japanese cannot be shown.\n"
	       "iryosec: UTF-8のロケールが使えないため、日本語を表示できません。"
	       "\n";
}

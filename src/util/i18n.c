#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "paths.h"
#include "xalloc.h"

/* The locale name that decides, by POSIX precedence; NULL when none. */
static const char *
locale_name(void)
{
	static const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

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

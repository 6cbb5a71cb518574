#ifndef IRY_I18N_H
#define IRY_I18N_H

/*
 * Every user-visible string is an English msgid wrapped in _(); the
 * Japanese lives in locale/ja.po. gettext() carries format_arg, so
 * -Wformat=2 checks err_set(e, c, _("..."), x) like printf.
 */
#ifdef _WIN32
/*
 * Windows has no gettext: the compiled catalog is read by util/mo.c
 * (docs/windows.md says why). The text returned must not be changed.
 */
char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));
#define _(s) i18n_gettext(s)
#else
#include <libintl.h>
#define _(s)  gettext(s)
#endif
#define N_(s) (s)

#define I18N_DOMAIN "iryosec"

enum i18n_locale {
	I18N_OK = 0,   /* a UTF-8 LC_CTYPE is in effect */
	I18N_BAD_NAME, /* the environment names a non-UTF-8 codeset */
	I18N_NO_UTF8,  /* not even C.UTF-8 could be selected */
};

/*
 * Chooses the locale (docs/decisions.md, Behaviour: Locale): the first
 * set of LC_ALL, LC_CTYPE, LANG decides. Unset, C, POSIX or any UTF-8
 * name runs with a UTF-8 LC_CTYPE (C.UTF-8 where the named one is
 * missing); another codeset returns I18N_BAD_NAME without touching the
 * locale. Also makes numbers print with '.' (LC_NUMERIC=C).
 */
enum i18n_locale i18n_locale_init(void);

/*
 * Binds the message catalog, forcing Japanese whatever the locale.
 * localedir holds ja/LC_MESSAGES/iryosec.mo; NULL uses the first of
 * i18n_catalog_dirs() that has it. Returns 0, or -1 when no catalog was
 * found (messages then stay English).
 */
int i18n_catalog_init(const char *localedir);

/*
 * The English and Japanese text printed when the terminal cannot show
 * Japanese (exit code 3). Static strings.
 */
const char *i18n_locale_message(enum i18n_locale r);

#endif

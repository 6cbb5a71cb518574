#ifndef IRY_ERR_H
#define IRY_ERR_H

#include "attr.h"

/*
 * What the user or the machine can cause is reported through a struct err
 * the caller passes in. Lower modules fill it and return -1; they never
 * print. msg is translated, for the user; detail is for --debug only.
 */
enum err_code {
	ERR_NONE = 0,
	ERR_INPUT,    /* a value the user typed is not acceptable */
	ERR_IO,       /* reading or writing a file failed */
	ERR_NOTOURS,  /* the data file is not an iryosec file */
	ERR_NEWER,    /* the data file comes from a newer iryosec */
	ERR_CORRUPT,  /* the data file is damaged */
	ERR_BUSY,     /* the data file is in use by another iryosec */
	ERR_FULL,     /* the disk is full */
	ERR_READONLY, /* the data file or its directory cannot be written */
	ERR_CONTENT,  /* a content file is broken */
	ERR_FONT,     /* the PDF font cannot be used */
	ERR_PDF,      /* the PDF library failed */
	ERR_LOCALE,   /* the terminal cannot show Japanese */
};

struct err {
	enum err_code code; /* ERR_NONE until something fails */
	char msg[400];      /* translated message, cut on a UTF-8 boundary */
	char detail[200];   /* technical detail (library message), may be "" */
};

#define ERR_INIT                                                               \
	{                                                                      \
		ERR_NONE, "", ""                                               \
	}

/* Clears e. */
void err_clear(struct err *e);

/*
 * Sets code and message (printf-style, usually a _() msgid) and returns -1,
 * so a failure is one line: return err_set(e, ERR_INPUT, _("..."), x);
 * A NULL e is allowed and ignored.
 */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
	IRY_PRINTF(3, 4);

/* Sets the technical detail shown with --debug. Returns -1. */
int err_detail(struct err *e, const char *fmt, ...)
	IRY_PRINTF(2, 3);

#endif

#ifndef IRY_APP_H
#define IRY_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "content/content.h"
#include "util/attr.h"
#include "job/year.h"
#include "model/answer.h"
#include "model/contact.h"
#include "model/date.h"
#include "model/facility.h"
#include "model/hoshu.h"
#include "model/remote.h"
#include "model/request.h"
#include "model/vendor.h"
#include "store/store.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/lineedit.h"
#include "tui/term.h"
#include "util/err.h"
#include "util/strbuf.h"

/*
 * The wizard: the UI state owner and its main loop (ncdu's main.c), and
 * the table every screen fills in (tmux's cmd_entry). Screens talk in
 * model structs and call store_* to save; they never see SQL.
 */

struct wizard_opts {
	const char *db_path;           /* data file */
	bool db_given;                 /* --db: its folder must exist */
	const struct content *content; /* loaded content */
	const char *font;              /* --font, or NULL */
	bool debug;                    /* --debug: show technical details */
};

struct app;

struct screen {
	const char *name;
	void (*enter)(
		struct app *a);      /* when the screen is shown; may be NULL */
	void (*draw)(struct app *a); /* draws everything but the status line */
	/* Handles a key; returns false to let the app handle it (q, ?). */
	bool (*key)(struct app *a, const struct tkey *k);
	/* True while a text field whose Enter saves it is being typed in
	 * (a hang-up then saves it as Enter would); may be NULL. */
	bool (*typing)(const struct app *a);
	/* Appends this screen's help (the ヘルプ screen shows it); may be
	 * NULL: the general help. */
	void (*help)(const struct app *a, struct strbuf *sb);
};

extern const struct screen scr_setup, scr_home, scr_checklist, scr_detail,
	scr_report, scr_help, scr_glossary, scr_vendors, scr_vendor, scr_vquest,
	scr_contacts, scr_contact, scr_remote, scr_conn, scr_hoshu, scr_server,
	scr_hitem, scr_rwarn;

/* State of the 初回設定 screen. */
struct setup_state {
	struct form form;    /* the fields */
	bool first_run;      /* no facility yet: 保存して始める */
	bool edition_chosen; /* the user picked an edition by hand */
};

/* State of the question screen. */
struct checklist_state {
	size_t step; /* index into the (item, cell) steps */
	int focus;   /* CL_ANSWER, CL_CHECKED ... */
	bool editing;
	struct lineedit le;
	struct strbuf field_err; /* message under the focused field */
};

/* What the vendor question screen asks. */
enum {
	VQ_CONTRACT = 0, /* the contract questions (vendors.yaml) */
	VQ_FORM,         /* the 事業者確認用 items it returned */
	VQ_SDS, /* the MDS/SDS 【別紙】 areas (保守委託機関編) */
};

/* State of the vendor screens (list, one vendor, its questions). */
struct vendor_state {
	int list_focus;      /* row on the vendor list (n = 追加) */
	bool confirm_delete; /* the list asks y/n before deleting */
	struct vendor edit;  /* the vendor being edited (a copy) */
	struct form form;    /* the vendor screen's fields */
	bool opened;         /* just opened from the list: start afresh */
	int mode; /* questions: VQ_CONTRACT, VQ_FORM or VQ_SDS */
	const struct screen *back; /* where Esc returns from the questions */
	size_t step;               /* question or vendor-form item */
	int qfocus;                /* 0 answer row, 1 memo */
	struct lineedit qle;
	int scroll; /* 依頼書 preview */
};

/* State of the 保守委託機関編 screens. */
struct hoshu_state {
	int focus;    /* row of the judgement screen */
	int top;      /* first row shown */
	struct lineedit le;
	bool confirm_delete; /* a server, asked y/n */
	size_t item;         /* the volume's item on screen */
	bool memo;           /* the item's memo being edited */
};

/* State of the contact chart screens. */
struct contact_state {
	int focus;           /* row of the list */
	struct contact edit; /* the entry being edited (a copy) */
	struct form form;    /* its fields */
};

/* State of the remote-maintenance screens. */
struct remote_state {
	int list_focus; /* row of the list (n = 追加) */
	bool confirm_delete;
	struct connection edit; /* the connection being edited (a copy) */
	struct form form;       /* its fields */
	long warn_conn;  /* 注意の一覧: the connection whose warnings */
	int warn_scroll; /* its first line on screen */
};

/* State of the server form (保守委託機関編). */
struct server_state {
	struct server edit; /* the server being edited (a copy) */
	struct form form;   /* its fields */
};

struct app {
	const struct wizard_opts *opts;
	struct store *store;
	struct year_data yd; /* the data, findings and judgement kept up to
			      * date; yd.content is the loaded content */
	struct date today;
	const struct screen *screen;  /* current screen */
	const struct screen *help_of; /* screen whose help is shown */
	struct strbuf status;         /* message on the status line */
	unsigned status_attr;         /* DRAW_OK, DRAW_ERROR ... */
	bool status_once;             /* a bare "saved": cleared by the next key */
	bool quit;
	int home_focus;    /* selected line on ホーム */
	int detail_scroll; /* first line of the 説明 screen */
	int help_scroll;
	int glossary_scroll;
	struct setup_state setup;
	struct checklist_state cl;
	struct vendor_state vs;
	struct contact_state cs;
	struct hoshu_state hs;
	struct remote_state rs;
	struct server_state sv;
	struct lineedit report_path; /* レポート: the file name */
	struct lineedit report_reply; /* the vendors' reply-by date */
	int report_focus;             /* 0: the file name, 1: the date */
	bool report_confirm;          /* overwrite asked once */
	int bar_rows;                /* rows used by the key help bar */
};

/*
 * Runs the wizard on opts->db_path until the user quits. Returns 0, or
 * -1 with e set when the data file cannot be opened (busy, foreign ...)
 * or the terminal cannot be used. Messages are already translated.
 */
int wizard_run(const struct wizard_opts *opts, struct err *e);

/* Switches to screen s (calls its enter). */
void app_show(struct app *a, const struct screen *s);

/*
 * Leaves a form screen for s (Esc outside a field) and says that what
 * was entered is kept: every field is saved when it is left.
 */
void app_form_leave(struct app *a, const struct screen *s);

/*
 * Hands key k to a form screen's form: Esc outside a field leaves for
 * back (app_form_leave). Returns false for a key the form did not take
 * (the app's: q, ?, F1).
 */
bool app_form_key(struct app *a, struct form *fm, const struct tkey *k,
		  const struct screen *back);

/* The form's say callback: ctx is the app; shows msg on the status line. */
void app_form_say(void *ctx, unsigned attr, const char *msg);

/* Draws the key help bar of a form screen from its form. */
void app_form_keys(struct app *a, const struct form *fm);

/* Opens the screens that edit one record: a copy of the record (NULL: a
 * new one) becomes the screen's own. */
void scr_vendor_open(struct app *a, const struct vendor *v);
void scr_conn_open(struct app *a, const struct connection *c);
void scr_server_open(struct app *a, const struct server *sv);
void scr_contact_open(struct app *a, const char *role);

/* The help text shared by a group of screens (ヘルプ). */
void scr_checklist_help(const struct app *a, struct strbuf *sb);
void scr_vendors_help(const struct app *a, struct strbuf *sb);
void scr_hoshu_help(const struct app *a, struct strbuf *sb);
void scr_remote_help(const struct app *a, struct strbuf *sb);
void scr_contacts_help(const struct app *a, struct strbuf *sb);

/* Opens the checklist at step (app_step). */
void scr_checklist_open(struct app *a, size_t step);

/* Opens the help of screen of (Esc returns to it as it was). */
void scr_help_open(struct app *a, const struct screen *of);

/*
 * Opens vendor v's questions of mode (VQ_CONTRACT ...) at item_id (NULL:
 * the first); Esc returns to back.
 */
void scr_vquest_open(struct app *a, const struct vendor *v, int mode,
		     const char *item_id, const struct screen *back);

/* Sets the status line (printf-style, translated text). */
void app_status(struct app *a, unsigned attr, const char *fmt, ...)
	IRY_PRINTF(3, 4);

/*
 * Says "Saved." on the status line, or warns when one of the n texts just
 * saved (memos, notes; NULLs allowed) seems to hold a password.
 */
/*
 * Says why the line editor le refused the last key: the field is full (and
 * how many characters it takes), or a control character cannot go in.
 */
void app_status_refused(struct app *a, const struct lineedit *le);

void app_saved(struct app *a, const char *const *texts, size_t n);

/*
 * The answer to "delete? y/n" (asked while *asking): closes the question
 * and returns true for y; for any other key says nothing was deleted.
 */
bool app_delete_confirmed(struct app *a, bool *asking, const struct tkey *k);

/* What app_list_key() leaves to the screen. */
enum list_key {
	LK_NONE = 0, /* not a list key */
	LK_DONE,     /* handled */
	LK_OPEN,     /* open row *focus (Enter; n is the add row) */
};

/*
 * The keys of a register list (vendors, connections): rows 0..n-1 are
 * records, row n adds one. ↑↓ and Tab move *focus; a moves it to the add
 * row and opens it; x on a record sets *asking (delete? y/n); Esc goes
 * home.
 */
enum list_key app_list_key(struct app *a, int *focus, size_t n, bool *asking,
			   const struct tkey *k);

/* Shows e on the status line (with the detail when --debug). */
void app_status_err(struct app *a, const struct err *e);

/*
 * Checks and saves one answer: model first, then the store, then the
 * app's copy. Returns 0 (status says saved) or -1 (status shows why).
 */
int app_answer_save(struct app *a, const struct answer *ans);

/* Saves the facility (初回設定) and reloads the edition and answers. */
int app_facility_save(struct app *a, const struct facility *f);

/* Appends the labels of v's systems, joined with 、. */
void app_add_systems(const struct app *a, const struct vendor *v,
		     struct strbuf *sb);

/* Recomputes the findings of the inventory (after any change). */
void app_refresh_findings(struct app *a);

/* Recomputes the 保守委託機関編 judgement (after any change). */
void app_refresh_judgement(struct app *a);

/* Saves an answer that is not a checklist item (保守委託機関編). */
int app_other_answer_save(struct app *a, const struct answer *ans);

/*
 * Saves a vendor answer (model check, store, the app's copy); 該当なし
 * (対象外) only when allow_na.
 */
int app_vanswer_save(struct app *a, const struct vanswer *va, bool allow_na);

/* Copies the translated labels of keys[0..n) into out and draws them. */
void app_keys(struct app *a, const struct keyhelp *keys, size_t n);

/* Draws the key help bar of the current screen (bottom rows). */
void app_keybar(struct app *a, const struct keyhelp *keys, size_t n);

/* The row of the status line (just above the key help bar). */
int app_status_row(const struct app *a);

/*
 * Draws a screen's introduction from row 2, wrapped whole (never cut), and
 * returns the first row after it and an empty row.
 */
int app_intro(struct app *a, const char *text);

/*
 * A page of text that scrolls (help, glossary, full explanation): draws
 * the key bar (Esc: back, its msgid), the title and text from *scroll,
 * which it keeps inside the text.
 */
void app_page_draw(struct app *a, const char *title, const char *text,
		   int *scroll, const char *back);

/* The page's keys: ↑↓ a line, PgUp/PgDn and Space a page, Home/End.
 * Returns false for any other key. */
bool app_page_key(struct app *a, int *scroll, const struct tkey *k);

/* Draws the title bar: screen title left, facility and year right. */
void app_draw_title(struct app *a, const char *title);

/* The (item, cell) steps of the checklist, in official order. */
size_t app_steps(const struct app *a);
void app_step(const struct app *a, size_t step, const struct item **it,
	      enum cell *cell);

/* Appends a glossary entry: 「語（よみ）: 説明」 and a newline. */
void app_add_term(struct strbuf *sb, const struct term *t);

/* Appends heading then the glossary entries of the n term ids (nothing
 * when n is 0 or none is found). */
void app_add_terms(const struct app *a, const char *heading,
		   char *const *terms, size_t n, struct strbuf *sb);

/* The contract question on the vendor-question screen, or NULL when it
 * shows a vendors'-form item or an MDS/SDS area. */
const struct vquestion *app_vquest_current(const struct app *a);

/* The first step without an answer (0 when all are answered). */
size_t app_first_open_step(const struct app *a);

#endif

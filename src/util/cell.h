#ifndef IRY_CELL_H
#define IRY_CELL_H

/*
 * The sub-target cells of the official form and their stable keys. Below
 * content/ on purpose: the content loader reads the keys from the YAML
 * files (struct item lists its cells) and store/ reads and writes them in
 * the data file, and neither should need the other for it.
 */

/* Sub-target cells of the official form, in the form's column order. */
enum cell {
	CELL_ALL = 0, /* 医療情報システム全般 (or the single answer) */
	CELL_SERVER,  /* サーバ */
	CELL_PC,      /* 端末PC */
	CELL_NETWORK, /* ネットワーク機器 */
	CELL__COUNT
};

/* The stable key of a cell ("all", "server", "pc", "network"). */
const char *cell_key(enum cell cell);

/* Parses a cell key; returns 0 or -1 when unknown. */
int cell_parse(const char *key, enum cell *out);

/* The translated label of a cell (医療情報システム全般, サーバ ...). */
const char *cell_label(enum cell cell);

#endif

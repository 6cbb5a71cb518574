#include "store/schema.h"

/*
 * Migration i takes a file from user_version i to i+1. Never edit a
 * migration that has shipped; add a new one and raise STORE_SCHEMA.
 */
const char *const store_migrations[STORE_SCHEMA] = {
	/* 0 -> 1: the foundation schema. */
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	");"
	"CREATE TABLE facility ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT,"
	"  type TEXT NOT NULL DEFAULT '',"
	"  manager TEXT,"
	"  officer TEXT,"
	"  health_center TEXT,"
	"  year INTEGER,"
	"  updated TEXT NOT NULL"
	");"
	"CREATE TABLE fiscal_year ("
	"  year INTEGER PRIMARY KEY,"
	"  edition TEXT NOT NULL,"
	"  updated TEXT NOT NULL"
	");"
	"CREATE TABLE answer ("
	"  year INTEGER NOT NULL,"
	"  item_id TEXT NOT NULL,"
	"  cell TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  checked TEXT,"
	"  target TEXT,"
	"  owner TEXT,"
	"  memo TEXT,"
	"  updated TEXT NOT NULL,"
	"  PRIMARY KEY (year, item_id, cell)"
	");",
};

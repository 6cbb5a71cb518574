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
	/* 1 -> 2: vendors, their answers per year, the contact chart, and
	 * which vendor a わからない answer was asked of. */
	"CREATE TABLE vendor ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  contact TEXT,"
	"  phone TEXT,"
	"  email TEXT,"
	"  memo TEXT,"
	"  systems TEXT,"
	"  contract TEXT NOT NULL DEFAULT '',"
	"  updated TEXT NOT NULL"
	");"
	"CREATE TABLE vendor_answer ("
	"  year INTEGER NOT NULL,"
	"  vendor_id INTEGER NOT NULL REFERENCES vendor(id) ON DELETE CASCADE,"
	"  item_id TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  memo TEXT,"
	"  updated TEXT NOT NULL,"
	"  PRIMARY KEY (year, vendor_id, item_id)"
	");"
	"CREATE TABLE contact ("
	"  role TEXT PRIMARY KEY,"
	"  name TEXT,"
	"  phone TEXT,"
	"  note TEXT,"
	"  updated TEXT NOT NULL"
	");"
	"ALTER TABLE answer ADD COLUMN ask_vendor INTEGER"
	"  REFERENCES vendor(id) ON DELETE SET NULL;",
	/* 2 -> 3: the remote-maintenance inventory (persists across years). */
	"CREATE TABLE connection ("
	"  id INTEGER PRIMARY KEY,"
	"  system TEXT,"
	"  vendor_id INTEGER REFERENCES vendor(id) ON DELETE SET NULL,"
	"  purpose TEXT,"
	"  line TEXT NOT NULL DEFAULT '',"
	"  always_on TEXT NOT NULL DEFAULT '',"
	"  approver TEXT,"
	"  patcher TEXT NOT NULL DEFAULT '',"
	"  last_patch TEXT,"
	"  factory_pw TEXT NOT NULL DEFAULT '',"
	"  pw_reused TEXT NOT NULL DEFAULT '',"
	"  two_factor TEXT NOT NULL DEFAULT '',"
	"  admin_exposed TEXT NOT NULL DEFAULT '',"
	"  patient_data TEXT NOT NULL DEFAULT '',"
	"  logs TEXT NOT NULL DEFAULT '',"
	"  maker TEXT NOT NULL DEFAULT '',"
	"  product TEXT NOT NULL DEFAULT '',"
	"  model TEXT,"
	"  version TEXT,"
	"  memo TEXT,"
	"  updated TEXT NOT NULL"
	");",
	/* 3 -> 4: the "servers" of 保守委託機関編 (persist across years). */
	"CREATE TABLE server ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'server',"
	"  patcher TEXT NOT NULL DEFAULT '',"
	"  vendor_id INTEGER REFERENCES vendor(id) ON DELETE SET NULL,"
	"  updated TEXT NOT NULL"
	");",
	/* 4 -> 5: who went through the checklist (点検した人), for the cover
	 * of the report. */
	"ALTER TABLE facility ADD COLUMN checker TEXT;",
	/* 5 -> 6: 保守委託機関編 no longer asks its own "hoshu-clause" (is the
	 * vendor's update duty written, and where): it reads the contract
	 * question security-split, so the fact is entered once. A clause
	 * answer becomes that question's answer where it had none, and gives
	 * its place where that question said the same without one; a clause
	 * carried over in full is dropped. One that disagrees stays as it
	 * was (nothing reads it; nothing entered is lost). */
	"INSERT INTO vendor_answer (year, vendor_id, item_id, value, memo,"
	"  updated)"
	" SELECT h.year, h.vendor_id, 'security-split', h.value, h.memo,"
	"  h.updated FROM vendor_answer h"
	" WHERE h.item_id = 'hoshu-clause' AND NOT EXISTS ("
	"  SELECT 1 FROM vendor_answer s WHERE s.year = h.year"
	"  AND s.vendor_id = h.vendor_id AND s.item_id = 'security-split');"
	"UPDATE vendor_answer SET memo = ("
	"  SELECT h.memo FROM vendor_answer h WHERE h.year = vendor_answer.year"
	"  AND h.vendor_id = vendor_answer.vendor_id"
	"  AND h.item_id = 'hoshu-clause' AND h.value = vendor_answer.value)"
	" WHERE item_id = 'security-split' AND memo IS NULL;"
	"DELETE FROM vendor_answer WHERE item_id = 'hoshu-clause' AND EXISTS ("
	"  SELECT 1 FROM vendor_answer s WHERE s.year = vendor_answer.year"
	"  AND s.vendor_id = vendor_answer.vendor_id"
	"  AND s.item_id = 'security-split' AND s.value = vendor_answer.value"
	"  AND s.memo IS vendor_answer.memo);",
};

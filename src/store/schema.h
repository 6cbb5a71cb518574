#ifndef IRY_SCHEMA_H
#define IRY_SCHEMA_H

#include "store/store.h"

/* 'IRYS': PRAGMA application_id of every iryosec data file. */
#define STORE_APP_ID 0x49525953

/* SQL of each migration; store_migrations[i] goes from version i to i+1. */
extern const char *const store_migrations[STORE_SCHEMA];

#endif

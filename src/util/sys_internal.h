#ifndef IRY_SYS_INTERNAL_H
#define IRY_SYS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "sys.h"

/*
 * Between sys.c / sys_win.c (one per system) and sys_common.c; not for
 * other modules.
 */

/* sys_lstat (follow false) and sys_stat (true), per system. */
int sys_examine(const char *path, struct sys_file *f, bool follow,
		struct err *e);

/* Sorts n names by strcmp (sys_list_dir's order on every system). */
void sys_sort_names(char **names, size_t n);

#endif

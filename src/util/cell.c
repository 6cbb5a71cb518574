#include "util/cell.h"

#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* Stable cell keys used in content files and the data file. */
static const char *const cell_keys[CELL__COUNT] = {
	"all",
	"server",
	"pc",
	"network",
};

const char *
cell_key(enum cell cell)
{
	if ((unsigned)cell >= CELL__COUNT)
		BUG("bad cell %d", (int)cell);
	return cell_keys[cell];
}

int
cell_parse(const char *key, enum cell *out)
{
	int i;

	for (i = 0; i < CELL__COUNT; i++) {
		if (strcmp(key, cell_keys[i]) == 0) {
			*out = (enum cell)i;
			return 0;
		}
	}
	return -1;
}

const char *
cell_label(enum cell cell)
{
	switch (cell) {
	case CELL_ALL:
		return _("All medical information systems");
	case CELL_SERVER:
		return _("Servers");
	case CELL_PC:
		return _("Client PCs");
	case CELL_NETWORK:
		return _("Network devices");
	case CELL__COUNT:
		break;
	}
	BUG("bad cell %d", (int)cell);
}

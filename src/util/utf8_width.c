/*
 * utf8_table_width(): wcwidth() as a table, for Windows, whose C library
 * has no wcwidth and a 16-bit wchar_t. The table (width_table.h) is written
 * by scripts/gen-width.py from glibc's own wcwidth() under C.UTF-8, so both
 * systems measure text alike; test_utf8 compares them for every code point.
 */
#include "utf8.h"

/* One run of code points of the same width (0 or 2). */
struct width_range {
	uint32_t first; /* first code point of the run */
	uint32_t last;  /* last code point, inclusive */
	int width;      /* 0 or 2 */
};

#include "width_table.h"

int
utf8_table_width(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(width_table) / sizeof(width_table[0]);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < width_table[mid].first)
			hi = mid;
		else if (cp > width_table[mid].last)
			lo = mid + 1;
		else
			return width_table[mid].width;
	}
	return 1;
}

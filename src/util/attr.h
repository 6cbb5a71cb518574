#ifndef IRY_ATTR_H
#define IRY_ATTR_H

/*
 * IRY_PRINTF(f, a): the function takes a printf format in argument f and
 * its values from argument a (0: a va_list), so the compiler checks each
 * call. mingw-w64's GCC reads "printf" as the Windows C runtime's own
 * dialect (no %zu); iryosec prints through mingw's C99 printf there
 * (__USE_MINGW_ANSI_STDIO, CMakeLists.txt), which "gnu_printf" names.
 */
#ifdef _WIN32
#define IRY_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define IRY_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif

#endif

/*
 * iryosec-bench, the terminal half: see bench.c for what is measured.
 */
#define _POSIX_C_SOURCE 200809L
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

#include "tools/bench.h"

/*
 * The terminal half: the real binary, and the reference, run on a
 * pseudo-terminal of 80x24 as TERM=xterm-256color. A frame is over when
 * the program has written the marker (at startup) or anything (after a
 * key) and then nothing for QUIET_MS; its time is that of its last byte,
 * so the quiet wait itself is not counted. A program that stalled longer
 * than QUIET_MS inside one frame would be cut short; but refresh() writes
 * a frame as one burst (ncurses flushes at each cursor move: some 20
 * small write()s microseconds apart), after all of the program's work.
 */
#define QUIET_MS    10
#define TTY_WAIT_MS 5000     /* give up on a program that does not answer */
#define TTY_MARK    "終了"   /* "Quit": home menu's last entry, key bar */
#define XTERM_DOWN  "\033OB" /* kcud1 of xterm-256color with keypad() */
#define XTERM_UP    "\033OA"
#define REF_FILL    "点検結果点検結果点検結果" /* 24 columns */

/* A program on the master side of a pseudo-terminal. */
struct tty {
	pid_t pid;         /* the child; 0 once reaped */
	int fd;            /* the master side */
	struct strbuf out; /* everything it wrote so far */
	double last;       /* now_ms() of its last byte */
};

/* Kills the child, shows the end of its output, and exits 1. */
static void
tty_fail(struct tty *t, const char *what)
{
	size_t i = t->out.len > 400 ? t->out.len - 400 : 0;

	while (i < t->out.len && (t->out.buf[i] & 0xc0) == 0x80)
		i++;
	fprintf(stderr, "iryosec-bench: %s; its last output:\n", what);
	for (; i < t->out.len; i++) {
		unsigned char c = (unsigned char)t->out.buf[i];

		fputc(c < 0x20 || c == 0x7f ? '.' : c, stderr);
	}
	fputc('\n', stderr);
	if (t->pid > 0) {
		kill(t->pid, SIGKILL);
		waitpid(t->pid, NULL, 0);
	}
	exit(1);
}

static void
tty_start(struct tty *t, char *const argv[], const char *lang)
{
	struct winsize ws = {.ws_row = 24, .ws_col = 80};

	strbuf_init(&t->out, 0);
	t->last = 0;
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid < 0) {
		perror("iryosec-bench: forkpty");
		exit(1);
	}
	if (t->pid > 0)
		return;
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", lang, 1);
	unsetenv("LC_ALL");
	unsetenv("LC_CTYPE");
	unsetenv("LC_MESSAGES");
	unsetenv("LINES"); /* ncurses would take these over the pty's size */
	unsetenv("COLUMNS");
	execv(argv[0], argv);
	_exit(127);
}

/*
 * Reads until marker appears in the new output (any byte when NULL), then
 * until QUIET_MS pass without one. Returns now_ms() of the last byte.
 */
static double
tty_settle(struct tty *t, const char *marker)
{
	size_t from = t->out.len;
	double deadline = now_ms() + TTY_WAIT_MS;
	int seen = 0;

	for (;;) {
		struct pollfd p = {.fd = t->fd, .events = POLLIN};
		char buf[8192];
		ssize_t n;
		int r;

		if (now_ms() > deadline)
			tty_fail(t, "no complete frame within 5 s");
		r = poll(&p, 1, seen ? QUIET_MS : 100);
		if (r < 0 && errno != EINTR)
			tty_fail(t, "poll failed");
		if (r == 0 && seen)
			return t->last;
		if (r <= 0)
			continue;
		n = read(t->fd, buf, sizeof(buf));
		if (n <= 0)
			tty_fail(t, "the program ended");
		t->last = now_ms();
		strbuf_add(&t->out, buf, (size_t)n);
		seen = marker == NULL || strstr(t->out.buf + from, marker);
	}
}

/* Types key; returns the ms from the write to the redraw's last byte. */
static double
tty_key(struct tty *t, const char *key)
{
	size_t len = strlen(key);
	double t0 = now_ms();

	if (write(t->fd, key, len) != (ssize_t)len)
		tty_fail(t, "cannot type");
	return tty_settle(t, NULL) - t0;
}

/* The child's peak RSS so far (VmHWM: its own, not this process's). */
static long
tty_peak_kb(const struct tty *t)
{
	char path[64], line[128];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)t->pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "VmHWM: %ld", &kb) == 1)
			break;
	}
	fclose(f);
	return kb;
}

/* Types q, reads until the child closes the pty, wants exit status 0. */
static void
tty_stop(struct tty *t)
{
	double deadline = now_ms() + TTY_WAIT_MS;
	int status = 0;

	if (write(t->fd, "q", 1) != 1)
		tty_fail(t, "cannot type q");
	for (;;) {
		struct pollfd p = {.fd = t->fd, .events = POLLIN};
		char buf[8192];
		ssize_t n;

		if (now_ms() > deadline)
			tty_fail(t, "q did not end the program");
		if (poll(&p, 1, 100) <= 0)
			continue;
		n = read(t->fd, buf, sizeof(buf));
		if (n <= 0)
			break; /* EIO: the child closed its side */
		strbuf_add(&t->out, buf, (size_t)n);
	}
	if (waitpid(t->pid, &status, 0) == t->pid)
		t->pid = 0; /* reaped: tty_fail must not kill its number */
	if (t->pid != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		tty_fail(t, "the program did not exit with 0");
	close(t->fd);
	strbuf_release(&t->out);
}

/*
 * Runs argv ROUNDS times: start, Down, Up, ? and ? again, q. iryosec
 * moves the home menu's selection and opens and closes the help screen;
 * the reference rewrites one line, or every line.
 */
void
bench_session(char *const argv[], const char *lang, int rounds,
	      struct session *s)
{
	double a[MAX_ROUNDS], b[2 * MAX_ROUNDS], c[2 * MAX_ROUNDS];
	int i;

	s->peak_kb = 0;
	for (i = 0; i < rounds; i++) {
		struct tty t;
		double t0 = now_ms();
		long kb;

		tty_start(&t, argv, lang);
		a[i] = tty_settle(&t, TTY_MARK) - t0;
		b[2 * i] = tty_key(&t, XTERM_DOWN);
		b[2 * i + 1] = tty_key(&t, XTERM_UP);
		c[2 * i] = tty_key(&t, "?");
		c[2 * i + 1] = tty_key(&t, "?");
		kb = tty_peak_kb(&t);
		if (kb > s->peak_kb)
			s->peak_kb = kb;
		tty_stop(&t);
	}
	s->start = median(a, rounds);
	s->move = median(b, 2 * rounds);
	s->full = median(c, 2 * rounds);
}

/*
 * The reference program (iryosec-bench --ref-curses): bare ncurses, one
 * line and the key bar's word, then per key one line rewritten, or on ?
 * the whole screen erased and every line rewritten (each time shifted by
 * a column, so every cell changes). q quits.
 */
int
ref_curses(void)
{
	SCREEN *scr;
	wint_t ch;
	int r, n = 0;

	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_CTYPE, "C.UTF-8");
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL)
		return 1;
	set_term(scr);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	mvaddstr(0, 0, "iryosec-bench: reference");
	mvaddstr(LINES - 1, 1, "q " TTY_MARK);
	refresh();
	while ((r = get_wch(&ch)) != ERR && !(r == OK && ch == L'q')) {
		int y, x;

		n++;
		if (r == OK && ch == L'?') {
			erase();
			for (y = 0; y < LINES; y++) {
				for (x = n % 2; x + 24 < COLS; x += 24)
					mvaddstr(y, x, REF_FILL);
			}
		} else {
			mvprintw(1, 0, "key %d", n);
		}
		refresh();
	}
	endwin();
	delscreen(scr);
	return 0;
}

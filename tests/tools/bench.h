#ifndef IRY_BENCH_H
#define IRY_BENCH_H

/*
 * iryosec-bench's parts: bench.c (content, report, commit, memory, the
 * table) and bench_tty.c (the real wizard and a bare curses reference on
 * a pseudo-terminal).
 */

#define MAX_ROUNDS 101

/* Monotonic time in milliseconds. */
double now_ms(void);

/* The median of v[0..n) (sorts v). */
double median(double *v, int n);

/* What one program did on the pseudo-terminal, medians over the rounds. */
struct session {
	double start; /* ms, fork to the end of the first frame */
	double move;  /* ms, Down or Up to the end of the redraw */
	double full;  /* ms, ? (a whole new screen) to the end of it */
	long peak_kb; /* the highest VmHWM seen */
};

/*
 * Runs argv ROUNDS times on a pseudo-terminal: start, Down, Up, ? and ?
 * again, q. Exits 1 with the program's last output when it misbehaves.
 */
void bench_session(char *const argv[], const char *lang, int rounds,
		   struct session *s);

/* The reference program (iryosec-bench --ref-curses); its exit code. */
int ref_curses(void);

#endif

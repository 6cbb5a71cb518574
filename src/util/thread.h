#ifndef IRY_THREAD_H
#define IRY_THREAD_H

#include <stdbool.h>

/*
 * Threads, for the one job that reads many files at once (aggregate,
 * docs/aggregate.md): POSIX threads on Linux, the Windows API on Windows.
 * Everything else in iryosec runs on one thread. The objects are opaque
 * and made with *_new(); nothing here can fail but thread_start().
 */

struct thread;      /* a running thread */
struct thread_lock; /* a mutex */
struct thread_cond; /* a condition variable, used with a thread_lock */

/*
 * Starts fn(arg) on a new thread; *t gets it, to be joined with
 * thread_join() (which frees it). Returns 0, or -1 when the system
 * refused a thread (*t NULL): the caller does the work itself.
 */
int thread_start(struct thread **t, void (*fn)(void *), void *arg);
void thread_join(struct thread *t);

struct thread_lock *thread_lock_new(void);
void thread_lock_free(struct thread_lock *l);
void thread_lock(struct thread_lock *l);
void thread_unlock(struct thread_lock *l);

struct thread_cond *thread_cond_new(void);
void thread_cond_free(struct thread_cond *c);
/* Releases l (held), waits for a broadcast on c, holds l again. As with
 * every condition variable it may also return without one: callers wait
 * in a loop on their own condition. */
void thread_cond_wait(struct thread_cond *c, struct thread_lock *l);
void thread_cond_broadcast(struct thread_cond *c);

/*
 * One lock for the few caches that live as long as the process (the
 * store's accepted schemas): held briefly, never while taking another.
 */
void thread_global_lock(void);
void thread_global_unlock(void);

/* The processors this process may run on (at least 1). */
unsigned thread_cpus(void);

#endif

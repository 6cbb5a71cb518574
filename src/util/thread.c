/* util/thread.h on POSIX threads, or on the Windows API (_WIN32). */
#include "thread.h"

#include <stdlib.h>

#include "i18n.h"
#include "xalloc.h"

#ifndef _WIN32

#include <pthread.h>
#include <unistd.h>

struct thread {
	pthread_t id;
	void (*fn)(void *);
	void *arg;
};

struct thread_lock {
	pthread_mutex_t m;
};

struct thread_cond {
	pthread_cond_t c;
};

/* The global lock: a static mutex needs no set-up (never freed). */
static pthread_mutex_t global_lock = PTHREAD_MUTEX_INITIALIZER;

static void *
run(void *p)
{
	struct thread *t = p;

	t->fn(t->arg);
	return NULL;
}

int
thread_start(struct thread **t, void (*fn)(void *), void *arg)
{
	struct thread *n = xcalloc(1, sizeof(*n));

	n->fn = fn;
	n->arg = arg;
	if (pthread_create(&n->id, NULL, run, n) != 0) {
		free(n);
		*t = NULL;
		return -1;
	}
	*t = n;
	return 0;
}

void
thread_join(struct thread *t)
{
	if (t == NULL)
		return;
	(void)pthread_join(t->id, NULL);
	free(t);
}

struct thread_lock *
thread_lock_new(void)
{
	struct thread_lock *l = xcalloc(1, sizeof(*l));

	if (pthread_mutex_init(&l->m, NULL) != 0)
		die("%s", _("the system could not make a lock between threads"));
	return l;
}

void
thread_lock_free(struct thread_lock *l)
{
	if (l == NULL)
		return;
	(void)pthread_mutex_destroy(&l->m);
	free(l);
}

void
thread_lock(struct thread_lock *l)
{
	(void)pthread_mutex_lock(&l->m);
}

void
thread_unlock(struct thread_lock *l)
{
	(void)pthread_mutex_unlock(&l->m);
}

struct thread_cond *
thread_cond_new(void)
{
	struct thread_cond *c = xcalloc(1, sizeof(*c));

	if (pthread_cond_init(&c->c, NULL) != 0)
		die("%s", _("the system could not make a lock between threads"));
	return c;
}

void
thread_cond_free(struct thread_cond *c)
{
	if (c == NULL)
		return;
	(void)pthread_cond_destroy(&c->c);
	free(c);
}

void
thread_cond_wait(struct thread_cond *c, struct thread_lock *l)
{
	(void)pthread_cond_wait(&c->c, &l->m);
}

void
thread_cond_broadcast(struct thread_cond *c)
{
	(void)pthread_cond_broadcast(&c->c);
}

void
thread_global_lock(void)
{
	(void)pthread_mutex_lock(&global_lock);
}

void
thread_global_unlock(void)
{
	(void)pthread_mutex_unlock(&global_lock);
}

unsigned
thread_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n >= 1 ? (unsigned)n : 1;
}

#else /* _WIN32 */

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

struct thread {
	HANDLE h;
	void (*fn)(void *);
	void *arg;
};

/* Slim reader/writer locks and condition variables (Windows Vista and
 * later): nothing to destroy, and a static one needs no set-up. */
struct thread_lock {
	SRWLOCK m;
};

struct thread_cond {
	CONDITION_VARIABLE c;
};

static SRWLOCK global_lock = SRWLOCK_INIT;

static DWORD WINAPI
run(LPVOID p)
{
	struct thread *t = p;

	t->fn(t->arg);
	return 0;
}

int
thread_start(struct thread **t, void (*fn)(void *), void *arg)
{
	struct thread *n = xcalloc(1, sizeof(*n));

	n->fn = fn;
	n->arg = arg;
	n->h = CreateThread(NULL, 0, run, n, 0, NULL);
	if (n->h == NULL) {
		free(n);
		*t = NULL;
		return -1;
	}
	*t = n;
	return 0;
}

void
thread_join(struct thread *t)
{
	if (t == NULL)
		return;
	(void)WaitForSingleObject(t->h, INFINITE);
	CloseHandle(t->h);
	free(t);
}

struct thread_lock *
thread_lock_new(void)
{
	struct thread_lock *l = xcalloc(1, sizeof(*l));

	InitializeSRWLock(&l->m);
	return l;
}

void
thread_lock_free(struct thread_lock *l)
{
	free(l);
}

void
thread_lock(struct thread_lock *l)
{
	AcquireSRWLockExclusive(&l->m);
}

void
thread_unlock(struct thread_lock *l)
{
	ReleaseSRWLockExclusive(&l->m);
}

struct thread_cond *
thread_cond_new(void)
{
	struct thread_cond *c = xcalloc(1, sizeof(*c));

	InitializeConditionVariable(&c->c);
	return c;
}

void
thread_cond_free(struct thread_cond *c)
{
	free(c);
}

void
thread_cond_wait(struct thread_cond *c, struct thread_lock *l)
{
	(void)SleepConditionVariableSRW(&c->c, &l->m, INFINITE, 0);
}

void
thread_cond_broadcast(struct thread_cond *c)
{
	WakeAllConditionVariable(&c->c);
}

void
thread_global_lock(void)
{
	AcquireSRWLockExclusive(&global_lock);
}

void
thread_global_unlock(void)
{
	ReleaseSRWLockExclusive(&global_lock);
}

unsigned
thread_cpus(void)
{
	DWORD_PTR proc = 0, sys = 0;
	unsigned n = 0;

	if (GetProcessAffinityMask(GetCurrentProcess(), &proc, &sys))
		for (; proc != 0; proc &= proc - 1)
			n++;
	return n >= 1 ? n : 1;
}

#endif /* _WIN32 */

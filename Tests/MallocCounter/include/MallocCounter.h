#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H

/// Number of heap allocations (malloc, calloc, realloc, aligned variants) made so far by the
/// calling thread. Per-thread so that tests running in parallel do not disturb each other.
unsigned long long malloc_counter_thread_allocations(void);

/// 1 when this target's allocation functions replaced the C library's in this process (Linux/glibc),
/// 0 when they are stubs and the counter stays at zero.
int malloc_counter_is_interposing(void);

#endif

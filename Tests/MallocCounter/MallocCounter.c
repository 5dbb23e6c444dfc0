// Counts heap allocations for the "no allocation per step" tests.
//
// Linked into the test executable, these definitions of malloc & co. take precedence over the C
// library's for every library in the process (ELF symbol interposition: the executable comes first
// in the lookup order), including the Swift runtime's swift_slowAlloc. Each one forwards to glibc's
// internal entry points (__libc_malloc, ...), so behaviour is unchanged apart from the counting.
#include "MallocCounter.h"

#include <errno.h>  // any C library header defines __GLIBC__ on glibc systems
#include <stddef.h>

#if defined(__linux__) && defined(__GLIBC__)

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *pointer);

// initial-exec TLS needs no allocation on access, which matters inside malloc itself.
static __thread unsigned long long thread_allocations __attribute__((tls_model("initial-exec")));

void *malloc(size_t size) {
    thread_allocations++;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    thread_allocations++;
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    thread_allocations++;
    return __libc_realloc(pointer, size);
}

void free(void *pointer) { __libc_free(pointer); }

void *memalign(size_t alignment, size_t size) {
    thread_allocations++;
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    thread_allocations++;
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    thread_allocations++;
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *out = pointer;
    return 0;
}

unsigned long long malloc_counter_thread_allocations(void) { return thread_allocations; }
int malloc_counter_is_interposing(void) { return 1; }

#else

unsigned long long malloc_counter_thread_allocations(void) { return 0; }
int malloc_counter_is_interposing(void) { return 0; }

#endif

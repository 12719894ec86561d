#include "CAllocationCounter.h"
#include <stddef.h>

#if defined(__GLIBC__)
// glibc exports its allocator under these names, so the interposers below need no dlsym.
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_memalign(size_t alignment, size_t size);

static __thread int counting;
static __thread uint64_t count;

#define COUNT() do { if (__builtin_expect(counting, 0)) count++; } while (0)

void *malloc(size_t size) { COUNT(); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { COUNT(); return __libc_calloc(n, size); }
void *realloc(void *ptr, size_t size) { COUNT(); return __libc_realloc(ptr, size); }
void free(void *ptr) { __libc_free(ptr); }
void *memalign(size_t alignment, size_t size) { COUNT(); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { COUNT(); return __libc_memalign(alignment, size); }
int posix_memalign(void **out, size_t alignment, size_t size) {
    COUNT();
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return 22; /* EINVAL */
    void *p = __libc_memalign(alignment, size);
    if (p == NULL && size != 0) return 12; /* ENOMEM */
    *out = p;
    return 0;
}

void sg_allocation_counter_start(void) { count = 0; counting = 1; }
uint64_t sg_allocation_counter_stop(void) { counting = 0; return count; }
uint64_t sg_allocation_counter_peek(void) { return count; }
#else
void sg_allocation_counter_start(void) {}
uint64_t sg_allocation_counter_stop(void) { return 0; }
uint64_t sg_allocation_counter_peek(void) { return 0; }
#endif

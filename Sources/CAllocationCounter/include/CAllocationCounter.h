#ifndef C_ALLOCATION_COUNTER_H
#define C_ALLOCATION_COUNTER_H
#include <stdint.h>

/// Heap-allocation counting for `stretchguard bench`.
///
/// Why C: counting every allocation for real means interposing `malloc` and friends, which Swift cannot
/// define. The executable that links this target defines `malloc`, `calloc`, `realloc`, `free`,
/// `posix_memalign`, `aligned_alloc` and `memalign`; they forward to glibc's `__libc_*` entry points and,
/// while counting is on, count calls on the calling thread. Off, the cost is one predictable branch.

/// Starts counting allocations on this thread from zero.
void sg_allocation_counter_start(void);
/// Stops counting on this thread and returns the number of allocation calls since the start
/// (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign).
uint64_t sg_allocation_counter_stop(void);
/// The number of allocation calls on this thread since the start, counting on.
uint64_t sg_allocation_counter_peek(void);

#endif

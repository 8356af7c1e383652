#ifndef ECONSYNC_CMALLOC_SHIM_H
#define ECONSYNC_CMALLOC_SHIM_H

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

/* Gives the memory malloc holds free back to the system (glibc's
   malloc_trim, which also releases free pages in the middle of each arena).
   A no-op where malloc has no trim. */
static inline void cmalloc_trim(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

#endif

#ifndef ECONSYNC_CMALLOC_SHIM_H
#define ECONSYNC_CMALLOC_SHIM_H

#if defined(__GLIBC__) || (defined(__linux__) && __has_include(<malloc.h>))
#include <malloc.h>
#endif

/* Gives the memory malloc holds free back to the system (glibc's
   malloc_trim, which also releases free pages in the middle of each arena);
   returns 1 when some was given back. A no-op (0) where malloc has no trim. */
static inline int cmalloc_trim(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}

#endif

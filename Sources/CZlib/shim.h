#ifndef ECONSYNC_CZLIB_SHIM_H
#define ECONSYNC_CZLIB_SHIM_H

#include <zlib.h>

/* zlib's init functions are macros (they pass the library version and the
   stream size); Swift cannot call macros, so these wrap them. */

/* A deflate stream that writes the gzip format (window bits 15 + 16). */
static inline int czlib_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/* An inflate stream that reads the gzip format only (window bits 15 + 16). */
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif

// The hiredis client library (Debian: libhiredis-dev), for GatewayCacheStores.
// Blocking API only: every call runs on the store's own worker threads.
#ifndef CHIREDIS_SHIM_H
#define CHIREDIS_SHIM_H

#include <sys/time.h>
#include <hiredis/hiredis.h>

#endif

#define _GNU_SOURCE
#include <sys/mman.h>
#include "CFuzzSupport.h"

int CFuzzSupport_memoryFile(const char *name) {
    return memfd_create(name, MFD_CLOEXEC);
}

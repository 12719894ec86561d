#ifndef CFUZZSUPPORT_H
#define CFUZZSUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt's FuzzerInterface.h), declared here because Swift cannot declare a C
/// function: each fuzz target's `main` hands it the command line and its test callback, so the target
/// works whichever name SwiftPM gives the executable's entry point.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));

/// A file that lives in memory (`memfd_create`, Linux only), for readers that open a path: the fuzz target
/// writes each input into it and hands the reader `/proc/self/fd/N`. Returns -1 with `errno` on failure.
/// Here because glibc declares `memfd_create` only with `_GNU_SOURCE`, which Swift's Glibc module lacks.
int CFuzzSupport_memoryFile(const char *name);

#endif

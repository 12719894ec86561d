#ifndef STRETCHGUARD_CGPIOD_INTERNAL_H
#define STRETCHGUARD_CGPIOD_INTERNAL_H
// Private to the shim: picks the libgpiod API at compile time and defines what both versions share.
#include "cgpiod.h"
#include <gpiod.h>

// Which libgpiod API <gpiod.h> declares: 1 (1.x) or 2 (2.x).
//
// The test is the macro GPIOD_LINE_BULK_MAX_LINES, which every 1.x header defines (line bulks are the 1.x
// request model) and 2.x removed together with bulks. Other differences cannot be seen by the
// preprocessor: 2.x's gpiod_line_settings_new is a function declaration and its GPIOD_LINE_VALUE_* are
// enum constants, which `#if` cannot test; both versions use the same include guard
// (__LIBGPIOD_GPIOD_H__) and file name, so `__has_include(<gpiod.h>)` only says that a header exists.
// libgpiod 2.x has no version macro either (gpiod_api_version() is a run-time call).
// Build with -DSG_GPIOD_API=1 or =2 to override the detection.
#ifndef SG_GPIOD_API
#  ifdef GPIOD_LINE_BULK_MAX_LINES
#    define SG_GPIOD_API 1
#  else
#    define SG_GPIOD_API 2
#  endif
#endif
#if SG_GPIOD_API != 1 && SG_GPIOD_API != 2
#  error "SG_GPIOD_API must be 1 (libgpiod 1.x) or 2 (libgpiod 2.x)"
#endif
// scripts/check-libgpiod2 passes SG_GPIOD_EXPECT_API to prove the detection picked the API it meant.
#if defined(SG_GPIOD_EXPECT_API) && SG_GPIOD_EXPECT_API != SG_GPIOD_API
#  error "the libgpiod API detected from <gpiod.h> is not the one expected (SG_GPIOD_EXPECT_API)"
#endif

/// An open chip: the libgpiod handle plus what Swift reads from it, copied once at open time.
struct sg_gpiod_chip {
    struct gpiod_chip *chip;
    char *path;
    char name[SG_GPIOD_NAME_SIZE];
    char label[SG_GPIOD_NAME_SIZE];
    unsigned int line_count;
};

/// Wraps an opened libgpiod chip; on failure closes it and returns NULL with errno kept.
sg_gpiod_chip *sg_gpiod_chip_wrap(struct gpiod_chip *chip, const char *path, const char *name,
                                  const char *label, unsigned int line_count);

/// Copies a possibly-NULL C string into a fixed buffer of SG_GPIOD_NAME_SIZE bytes, truncating.
void sg_gpiod_copy_name(char *destination, const char *source);

#endif

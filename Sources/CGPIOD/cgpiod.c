// The parts of the shim that read the same under both libgpiod APIs: the chip wrapper and its getters.
// The version-specific parts are cgpiod_v1.c and cgpiod_v2.c (each compiles to nothing under the other).
#include "cgpiod_internal.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

void sg_gpiod_copy_name(char *destination, const char *source) {
    if (source == NULL) {
        destination[0] = '\0';
        return;
    }
    size_t length = strnlen(source, SG_GPIOD_NAME_SIZE - 1);
    memcpy(destination, source, length);
    destination[length] = '\0';
}

sg_gpiod_chip *sg_gpiod_chip_wrap(struct gpiod_chip *chip, const char *path, const char *name,
                                  const char *label, unsigned int line_count) {
    sg_gpiod_chip *wrapped = calloc(1, sizeof *wrapped);
    char *path_copy = strdup(path);
    if (wrapped == NULL || path_copy == NULL) {
        int saved = errno;
        free(wrapped);
        free(path_copy);
        gpiod_chip_close(chip);
        errno = saved;
        return NULL;
    }
    wrapped->chip = chip;
    wrapped->path = path_copy;
    sg_gpiod_copy_name(wrapped->name, name);
    sg_gpiod_copy_name(wrapped->label, label);
    wrapped->line_count = line_count;
    return wrapped;
}

void sg_gpiod_chip_close(sg_gpiod_chip *chip) {
    if (chip == NULL) return;
    int saved = errno;
    gpiod_chip_close(chip->chip);
    free(chip->path);
    free(chip);
    errno = saved;
}

const char *sg_gpiod_chip_name(const sg_gpiod_chip *chip) { return chip->name; }

const char *sg_gpiod_chip_label(const sg_gpiod_chip *chip) { return chip->label; }

const char *sg_gpiod_chip_path(const sg_gpiod_chip *chip) { return chip->path; }

unsigned int sg_gpiod_chip_line_count(const sg_gpiod_chip *chip) { return chip->line_count; }

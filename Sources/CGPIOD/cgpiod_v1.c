// The shim over the libgpiod 1.x API (Debian 12 and Raspberry Pi OS bookworm ship 1.6.3): chips by path,
// line objects owned by their chip, request flags, events read as struct gpiod_line_event.
#include "cgpiod_internal.h"
#if SG_GPIOD_API == 1
#include <errno.h>
#include <stdlib.h>
#include <time.h>

/// The most events read from the kernel per call (the stack buffer's size).
#define SG_GPIOD_V1_READ_BATCH 16

struct sg_gpiod_request {
    // 1.x lines belong to their chip and are released when it closes, so each request opens its own chip
    // handle: a request then outlives the chip handle it was made through, as 2.x requests do.
    struct gpiod_chip *chip;
    struct gpiod_line *line;
};

int sg_gpiod_api_major(void) { return 1; }

const char *sg_gpiod_library_version(void) { return gpiod_version_string(); }

sg_gpiod_chip *sg_gpiod_chip_open(const char *path) {
    struct gpiod_chip *chip = gpiod_chip_open(path);
    if (chip == NULL) return NULL;
    return sg_gpiod_chip_wrap(chip, path, gpiod_chip_name(chip), gpiod_chip_label(chip),
                              gpiod_chip_num_lines(chip));
}

int sg_gpiod_chip_find_line(sg_gpiod_chip *chip, const char *name) {
    errno = 0;
    struct gpiod_line *line = gpiod_chip_find_line(chip->chip, name);
    if (line == NULL) {
        if (errno == 0) errno = ENOENT;
        return -1;
    }
    return (int)gpiod_line_offset(line);
}

int sg_gpiod_chip_line_info(sg_gpiod_chip *chip, unsigned int offset, sg_gpiod_line_info *info) {
    struct gpiod_line *line = gpiod_chip_get_line(chip->chip, offset);
    if (line == NULL) return -1;
    // The chip caches line objects: refresh so that the consumer is today's, not the first lookup's.
    if (gpiod_line_update(line) != 0) return -1;
    sg_gpiod_copy_name(info->name, gpiod_line_name(line));
    sg_gpiod_copy_name(info->consumer, gpiod_line_consumer(line));
    info->used = gpiod_line_is_used(line);
    info->output = gpiod_line_direction(line) == GPIOD_LINE_DIRECTION_OUTPUT;
    info->active_low = gpiod_line_active_state(line) == GPIOD_LINE_ACTIVE_STATE_LOW;
    return 0;
}

/// Frees a request (closing its own chip handle releases the line), keeping errno.
static void request_free(sg_gpiod_request *request) {
    int saved = errno;
    if (request->chip != NULL) gpiod_chip_close(request->chip);
    free(request);
    errno = saved;
}

/// Opens a private chip handle and looks up the line; the caller then requests it.
static sg_gpiod_request *request_new(sg_gpiod_chip *chip, unsigned int offset) {
    sg_gpiod_request *request = calloc(1, sizeof *request);
    if (request == NULL) return NULL;
    request->chip = gpiod_chip_open(chip->path);
    if (request->chip != NULL) request->line = gpiod_chip_get_line(request->chip, offset);
    if (request->line == NULL) {
        request_free(request);
        return NULL;
    }
    return request;
}

sg_gpiod_request *sg_gpiod_request_output(sg_gpiod_chip *chip, unsigned int offset, const char *consumer,
                                          bool active_low, int initial_value) {
    sg_gpiod_request *request = request_new(chip, offset);
    if (request == NULL) return NULL;
    int flags = active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;
    if (gpiod_line_request_output_flags(request->line, consumer, flags, initial_value ? 1 : 0) != 0) {
        request_free(request);
        return NULL;
    }
    return request;
}

/// The 1.x request flag for a pull resistor (1.5 added bias flags).
static int bias_flag(sg_gpiod_bias bias) {
    switch (bias) {
    case SG_GPIOD_BIAS_DISABLED: return GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
    case SG_GPIOD_BIAS_PULL_UP: return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;
    case SG_GPIOD_BIAS_PULL_DOWN: return GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
    case SG_GPIOD_BIAS_AS_IS: break;
    }
    return 0;
}

sg_gpiod_request *sg_gpiod_request_edges(sg_gpiod_chip *chip, unsigned int offset, const char *consumer,
                                         bool active_low, sg_gpiod_bias bias, sg_gpiod_edges edges) {
    if (edges != SG_GPIOD_EDGES_RISING && edges != SG_GPIOD_EDGES_FALLING && edges != SG_GPIOD_EDGES_BOTH) {
        errno = EINVAL;
        return NULL;
    }
    sg_gpiod_request *request = request_new(chip, offset);
    if (request == NULL) return NULL;
    int flags = (active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0) | bias_flag(bias);
    int result;
    switch (edges) {
    case SG_GPIOD_EDGES_RISING:
        result = gpiod_line_request_rising_edge_events_flags(request->line, consumer, flags);
        break;
    case SG_GPIOD_EDGES_FALLING:
        result = gpiod_line_request_falling_edge_events_flags(request->line, consumer, flags);
        break;
    default:
        result = gpiod_line_request_both_edges_events_flags(request->line, consumer, flags);
        break;
    }
    if (result != 0) {
        request_free(request);
        return NULL;
    }
    return request;
}

int sg_gpiod_request_set_value(sg_gpiod_request *request, int value) {
    return gpiod_line_set_value(request->line, value ? 1 : 0);
}

int sg_gpiod_request_get_value(sg_gpiod_request *request) { return gpiod_line_get_value(request->line); }

int sg_gpiod_request_fd(sg_gpiod_request *request) { return gpiod_line_event_get_fd(request->line); }

int sg_gpiod_request_wait_edges(sg_gpiod_request *request, int64_t timeout_ns) {
    if (timeout_ns < 0) return gpiod_line_event_wait(request->line, NULL);
    struct timespec timeout = {
        .tv_sec = (time_t)(timeout_ns / 1000000000),
        .tv_nsec = (long)(timeout_ns % 1000000000),
    };
    return gpiod_line_event_wait(request->line, &timeout);
}

int sg_gpiod_request_read_edges(sg_gpiod_request *request, sg_gpiod_edge_event *events, unsigned int capacity) {
    struct gpiod_line_event batch[SG_GPIOD_V1_READ_BATCH];
    unsigned int wanted = capacity < SG_GPIOD_V1_READ_BATCH ? capacity : SG_GPIOD_V1_READ_BATCH;
    if (wanted == 0) return 0;
    int count = gpiod_line_event_read_multiple(request->line, batch, wanted);
    if (count < 0) return -1;
    unsigned int offset = gpiod_line_offset(request->line);
    for (int i = 0; i < count; i++) {
        // Linux 5.7+ stamps uAPI v1 events with CLOCK_MONOTONIC (older kernels used CLOCK_REALTIME).
        events[i].timestamp_ns = (uint64_t)batch[i].ts.tv_sec * 1000000000u + (uint64_t)batch[i].ts.tv_nsec;
        events[i].offset = offset;
        events[i].rising = batch[i].event_type == GPIOD_LINE_EVENT_RISING_EDGE;
    }
    return count;
}

void sg_gpiod_request_release(sg_gpiod_request *request) {
    if (request == NULL) return;
    int saved = errno;
    gpiod_line_release(request->line);
    request_free(request);
    errno = saved;
}

#endif

// The shim over the libgpiod 2.x API (Debian 13 ships 2.2): chips by path, info objects, and requests
// built from line settings, a line config and a request config; edge events read into a buffer.
#include "cgpiod_internal.h"
#if SG_GPIOD_API == 2
#include <errno.h>
#include <stdlib.h>

/// The most edge events read from the kernel per call (the request's event buffer's capacity).
#define SG_GPIOD_V2_READ_BATCH 16

struct sg_gpiod_request {
    struct gpiod_line_request *request;
    /// Made once per edge request so that reading events allocates nothing; NULL for outputs.
    struct gpiod_edge_event_buffer *buffer;
    unsigned int offset;
};

int sg_gpiod_api_major(void) { return 2; }

const char *sg_gpiod_library_version(void) { return gpiod_api_version(); }

sg_gpiod_chip *sg_gpiod_chip_open(const char *path) {
    struct gpiod_chip *chip = gpiod_chip_open(path);
    if (chip == NULL) return NULL;
    struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
    if (info == NULL) {
        int saved = errno;
        gpiod_chip_close(chip);
        errno = saved;
        return NULL;
    }
    sg_gpiod_chip *wrapped = sg_gpiod_chip_wrap(chip, path, gpiod_chip_info_get_name(info),
                                                gpiod_chip_info_get_label(info),
                                                (unsigned int)gpiod_chip_info_get_num_lines(info));
    int saved = errno;
    gpiod_chip_info_free(info);
    errno = saved;
    return wrapped;
}

int sg_gpiod_chip_find_line(sg_gpiod_chip *chip, const char *name) {
    errno = 0;
    int offset = gpiod_chip_get_line_offset_from_name(chip->chip, name);
    if (offset < 0 && errno == 0) errno = ENOENT;
    return offset < 0 ? -1 : offset;
}

int sg_gpiod_chip_line_info(sg_gpiod_chip *chip, unsigned int offset, sg_gpiod_line_info *info) {
    struct gpiod_line_info *line = gpiod_chip_get_line_info(chip->chip, offset);
    if (line == NULL) return -1;
    sg_gpiod_copy_name(info->name, gpiod_line_info_get_name(line));
    sg_gpiod_copy_name(info->consumer, gpiod_line_info_get_consumer(line));
    info->used = gpiod_line_info_is_used(line);
    info->output = gpiod_line_info_get_direction(line) == GPIOD_LINE_DIRECTION_OUTPUT;
    info->active_low = gpiod_line_info_is_active_low(line);
    gpiod_line_info_free(line);
    return 0;
}

/// Requests one line with `settings` (consumed: freed here), keeping errno on failure.
static sg_gpiod_request *request_line(sg_gpiod_chip *chip, unsigned int offset, const char *consumer,
                                      struct gpiod_line_settings *settings, size_t event_capacity) {
    sg_gpiod_request *request = calloc(1, sizeof *request);
    struct gpiod_line_config *line_config = gpiod_line_config_new();
    struct gpiod_request_config *request_config = gpiod_request_config_new();
    bool ready = request != NULL && line_config != NULL && request_config != NULL
        && gpiod_line_config_add_line_settings(line_config, &offset, 1, settings) == 0;
    if (ready && event_capacity > 0) {
        request->buffer = gpiod_edge_event_buffer_new(event_capacity);
        ready = request->buffer != NULL;
    }
    if (ready) {
        gpiod_request_config_set_consumer(request_config, consumer);
        request->request = gpiod_chip_request_lines(chip->chip, request_config, line_config);
        request->offset = offset;
        ready = request->request != NULL;
    }
    int saved = errno;
    if (request_config != NULL) gpiod_request_config_free(request_config);
    if (line_config != NULL) gpiod_line_config_free(line_config);
    gpiod_line_settings_free(settings);
    if (!ready && request != NULL) {
        if (request->buffer != NULL) gpiod_edge_event_buffer_free(request->buffer);
        free(request);
        request = NULL;
    }
    errno = saved;
    return request;
}

sg_gpiod_request *sg_gpiod_request_output(sg_gpiod_chip *chip, unsigned int offset, const char *consumer,
                                          bool active_low, int initial_value) {
    struct gpiod_line_settings *settings = gpiod_line_settings_new();
    if (settings == NULL) return NULL;
    gpiod_line_settings_set_direction(settings, GPIOD_LINE_DIRECTION_OUTPUT);
    gpiod_line_settings_set_active_low(settings, active_low);
    gpiod_line_settings_set_output_value(settings, initial_value ? GPIOD_LINE_VALUE_ACTIVE
                                                                 : GPIOD_LINE_VALUE_INACTIVE);
    return request_line(chip, offset, consumer, settings, 0);
}

/// The 2.x bias setting for a pull resistor.
static enum gpiod_line_bias line_bias(sg_gpiod_bias bias) {
    switch (bias) {
    case SG_GPIOD_BIAS_DISABLED: return GPIOD_LINE_BIAS_DISABLED;
    case SG_GPIOD_BIAS_PULL_UP: return GPIOD_LINE_BIAS_PULL_UP;
    case SG_GPIOD_BIAS_PULL_DOWN: return GPIOD_LINE_BIAS_PULL_DOWN;
    case SG_GPIOD_BIAS_AS_IS: break;
    }
    return GPIOD_LINE_BIAS_AS_IS;
}

sg_gpiod_request *sg_gpiod_request_edges(sg_gpiod_chip *chip, unsigned int offset, const char *consumer,
                                         bool active_low, sg_gpiod_bias bias, sg_gpiod_edges edges) {
    enum gpiod_line_edge edge;
    switch (edges) {
    case SG_GPIOD_EDGES_RISING: edge = GPIOD_LINE_EDGE_RISING; break;
    case SG_GPIOD_EDGES_FALLING: edge = GPIOD_LINE_EDGE_FALLING; break;
    case SG_GPIOD_EDGES_BOTH: edge = GPIOD_LINE_EDGE_BOTH; break;
    default: errno = EINVAL; return NULL;
    }
    struct gpiod_line_settings *settings = gpiod_line_settings_new();
    if (settings == NULL) return NULL;
    bool valid = gpiod_line_settings_set_direction(settings, GPIOD_LINE_DIRECTION_INPUT) == 0
        && gpiod_line_settings_set_edge_detection(settings, edge) == 0
        && gpiod_line_settings_set_bias(settings, line_bias(bias)) == 0
        && gpiod_line_settings_set_event_clock(settings, GPIOD_LINE_CLOCK_MONOTONIC) == 0;
    if (!valid) {
        int saved = errno;
        gpiod_line_settings_free(settings);
        errno = saved;
        return NULL;
    }
    gpiod_line_settings_set_active_low(settings, active_low);
    return request_line(chip, offset, consumer, settings, SG_GPIOD_V2_READ_BATCH);
}

int sg_gpiod_request_set_value(sg_gpiod_request *request, int value) {
    return gpiod_line_request_set_value(request->request, request->offset,
                                        value ? GPIOD_LINE_VALUE_ACTIVE : GPIOD_LINE_VALUE_INACTIVE);
}

int sg_gpiod_request_get_value(sg_gpiod_request *request) {
    enum gpiod_line_value value = gpiod_line_request_get_value(request->request, request->offset);
    if (value == GPIOD_LINE_VALUE_ERROR) return -1;
    return value == GPIOD_LINE_VALUE_ACTIVE ? 1 : 0;
}

int sg_gpiod_request_fd(sg_gpiod_request *request) {
    if (request->buffer == NULL) {
        errno = EPERM;
        return -1;
    }
    return gpiod_line_request_get_fd(request->request);
}

int sg_gpiod_request_wait_edges(sg_gpiod_request *request, int64_t timeout_ns) {
    return gpiod_line_request_wait_edge_events(request->request, timeout_ns);
}

int sg_gpiod_request_read_edges(sg_gpiod_request *request, sg_gpiod_edge_event *events, unsigned int capacity) {
    if (request->buffer == NULL) {
        errno = EPERM;
        return -1;
    }
    size_t wanted = capacity < SG_GPIOD_V2_READ_BATCH ? capacity : SG_GPIOD_V2_READ_BATCH;
    if (wanted == 0) return 0;
    int count = gpiod_line_request_read_edge_events(request->request, request->buffer, wanted);
    if (count < 0) return -1;
    for (int i = 0; i < count; i++) {
        struct gpiod_edge_event *event = gpiod_edge_event_buffer_get_event(request->buffer, (unsigned long)i);
        events[i].timestamp_ns = gpiod_edge_event_get_timestamp_ns(event);
        events[i].offset = gpiod_edge_event_get_line_offset(event);
        events[i].rising = gpiod_edge_event_get_event_type(event) == GPIOD_EDGE_EVENT_RISING_EDGE;
    }
    return count;
}

void sg_gpiod_request_release(sg_gpiod_request *request) {
    if (request == NULL) return;
    int saved = errno;
    gpiod_line_request_release(request->request);
    if (request->buffer != NULL) gpiod_edge_event_buffer_free(request->buffer);
    free(request);
    errno = saved;
}

#endif

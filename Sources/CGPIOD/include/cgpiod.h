#ifndef STRETCHGUARD_CGPIOD_H
#define STRETCHGUARD_CGPIOD_H
// The libgpiod edge: one small C surface over libgpiod that is the same whether the shim was compiled
// against the libgpiod 1.6 API (Debian 12, Raspberry Pi OS bookworm) or the 2.x API (Debian 13, trixie).
// Swift sees only these prefixed functions and opaque handles, never <gpiod.h> itself: the two libgpiod
// APIs share names with different meanings (gpiod_chip_open, gpiod_line_request_*), so importing either
// header into Swift would tie the Swift code to one version.
//
// Conventions: functions returning a pointer return NULL, and functions returning int return -1, with
// errno set on failure (errno is preserved through the shim's own clean-up). Values are logical: 1 means
// active, which is physically low on an active-low line. Time stamps are nanoseconds of CLOCK_MONOTONIC.
#include <stdbool.h>
#include <stdint.h>

/// Longest chip name, chip label, line name or consumer the shim keeps, including the terminating NUL
/// (the kernel's limit is 32 bytes).
#define SG_GPIOD_NAME_SIZE 48

/// An open GPIO chip (a /dev/gpiochipN character device) with its name, label and line count cached.
typedef struct sg_gpiod_chip sg_gpiod_chip;

/// One requested line: an output, or an input with edge detection. Independent of the chip handle it was
/// requested through (closing the chip leaves the request working), in both libgpiod APIs.
typedef struct sg_gpiod_request sg_gpiod_request;

/// Pull resistor for an input line.
typedef enum sg_gpiod_bias {
    SG_GPIOD_BIAS_AS_IS = 0,
    SG_GPIOD_BIAS_DISABLED = 1,
    SG_GPIOD_BIAS_PULL_UP = 2,
    SG_GPIOD_BIAS_PULL_DOWN = 3,
} sg_gpiod_bias;

/// Which edges of an input line's logical value the kernel reports.
typedef enum sg_gpiod_edges {
    SG_GPIOD_EDGES_RISING = 1,
    SG_GPIOD_EDGES_FALLING = 2,
    SG_GPIOD_EDGES_BOTH = 3,
} sg_gpiod_edges;

/// A snapshot of what the kernel knows about one line (for "line busy" errors and `doctor`).
typedef struct sg_gpiod_line_info {
    /// The line's name ("GPIO17"), empty when the line has none.
    char name[SG_GPIOD_NAME_SIZE];
    /// Who holds the line ("stretchguard", "gpio-keys"), empty when it is free or the holder is unnamed.
    char consumer[SG_GPIOD_NAME_SIZE];
    /// Whether the line is requested by anyone (a kernel driver or a process).
    bool used;
    /// Whether the line is configured as an output.
    bool output;
    /// Whether the line is configured active-low.
    bool active_low;
} sg_gpiod_line_info;

/// One edge event from the kernel.
typedef struct sg_gpiod_edge_event {
    /// When the kernel saw the edge, in ns of CLOCK_MONOTONIC.
    uint64_t timestamp_ns;
    /// The line's offset on its chip.
    unsigned int offset;
    /// true: the logical value became 1 (active); false: it became 0.
    bool rising;
} sg_gpiod_edge_event;

/// The libgpiod API the shim was compiled against: 1 or 2 (for `doctor` and bug reports).
int sg_gpiod_api_major(void);

/// The version string of the libgpiod library linked at run time ("1.6.3", "2.2.1").
/// Exists because 1.x and 2.x name this function differently.
const char *sg_gpiod_library_version(void);

/// Opens the chip at `path` ("/dev/gpiochip0") and caches its name, label and line count.
/// errno: ENOENT (no such file), EACCES (not in the gpio group), ENOTTY or ENODEV (not a GPIO chip).
/// Exists because 1.x and 2.x return chip information differently (direct getters vs an info object).
sg_gpiod_chip *sg_gpiod_chip_open(const char *path);

/// Closes a chip; requests made through it keep working. NULL is ignored.
void sg_gpiod_chip_close(sg_gpiod_chip *chip);

/// The chip's kernel name ("gpiochip0"); valid until the chip is closed.
const char *sg_gpiod_chip_name(const sg_gpiod_chip *chip);

/// The chip's label ("pinctrl-bcm2711"); valid until the chip is closed.
const char *sg_gpiod_chip_label(const sg_gpiod_chip *chip);

/// The path the chip was opened with; valid until the chip is closed.
const char *sg_gpiod_chip_path(const sg_gpiod_chip *chip);

/// How many lines the chip has (valid offsets are 0 ..< count).
unsigned int sg_gpiod_chip_line_count(const sg_gpiod_chip *chip);

/// The offset of the line named `name` ("GPIO17"), or -1 with errno ENOENT when the chip has no such line.
/// Exists because 1.x returns a line object and 2.x an offset.
int sg_gpiod_chip_find_line(sg_gpiod_chip *chip, const char *name);

/// Fills `info` with the kernel's current view of line `offset`. Returns 0, or -1 with errno set.
/// Exists because 1.x caches line objects (needing an update) and 2.x returns a separate info object.
int sg_gpiod_chip_line_info(sg_gpiod_chip *chip, unsigned int offset, sg_gpiod_line_info *info);

/// Requests line `offset` as an output held by `consumer`, driven to `initial_value` (0 or 1, logical)
/// at once. errno: EBUSY (someone else holds the line), EINVAL (bad offset).
/// Exists because 1.x takes request flags and 2.x a settings/config/request-config triple.
sg_gpiod_request *sg_gpiod_request_output(sg_gpiod_chip *chip, unsigned int offset, const char *consumer,
                                          bool active_low, int initial_value);

/// Requests line `offset` as an input held by `consumer` with kernel edge detection, edge time stamps on
/// CLOCK_MONOTONIC, and the given pull resistor. errno: EBUSY, EINVAL, EOPNOTSUPP (bias unsupported).
sg_gpiod_request *sg_gpiod_request_edges(sg_gpiod_chip *chip, unsigned int offset, const char *consumer,
                                         bool active_low, sg_gpiod_bias bias, sg_gpiod_edges edges);

/// Sets an output's logical value (0 or 1). Returns 0, or -1 with errno set.
int sg_gpiod_request_set_value(sg_gpiod_request *request, int value);

/// Reads the line's logical value: 0 or 1, or -1 with errno set.
int sg_gpiod_request_get_value(sg_gpiod_request *request);

/// The file descriptor that becomes readable when an edge event is queued (edge requests only; -1 for
/// outputs), so a caller can wait on several lines and other descriptors with one poll(2).
int sg_gpiod_request_fd(sg_gpiod_request *request);

/// Waits up to `timeout_ns` (0: do not wait; negative: forever) for an edge event on an edge request.
/// Returns 1 when events are queued, 0 on timeout, -1 with errno set.
int sg_gpiod_request_wait_edges(sg_gpiod_request *request, int64_t timeout_ns);

/// Reads up to `capacity` queued edge events into `events` (blocks if none is queued: wait first).
/// Returns how many were read, or -1 with errno set. Allocates nothing: the 2.x event buffer is made once
/// per request.
int sg_gpiod_request_read_edges(sg_gpiod_request *request, sg_gpiod_edge_event *events, unsigned int capacity);

/// Releases the line (the kernel keeps an output's last value: drive it off first). NULL is ignored.
void sg_gpiod_request_release(sg_gpiod_request *request);

#endif

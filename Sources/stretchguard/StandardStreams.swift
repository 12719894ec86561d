#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and standard error without ever ending the process over it: a closed pipe
/// (`run | head`), a terminal gone with the SSH session, a full disk. The text is written whole when the
/// stream takes it; a write error drops the rest silently (SIGPIPE is ignored: see `StopSignal`), so a
/// live session goes on to its clean shutdown.
enum StandardStreams {
    /// Writes `text` to standard output as is.
    static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes `text` to standard error as is.
    static func error(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

/// Prints a line and flushes standard output at once (progress lines are read by people and scripts
/// while the command still runs).
func printFlushed(_ line: String) {
    StandardStreams.out(line + "\n")
}

/// Something the recorder wants the wearer or the log to know; the session and its feedback go on.
///
/// Each is reported once per episode (the first failed write, not every one).
public enum RecorderWarning: Sendable, Equatable, CustomStringConvertible {
    /// Writing to the database failed (disk full, I/O error): SQLite's message. Samples are being lost
    /// until writes succeed again.
    case writeFailed(message: String)
    /// Writes succeed again; the samples lost meanwhile are stored as this gap (nil if none were lost).
    case writesResumed(gap: SessionGap?)
    /// The writer fell behind and the buffer overflowed; the samples lost are stored as this gap.
    case samplesDropped(gap: SessionGap)
    /// The event buffer overflowed, or events waiting through failed writes had to be dropped.
    case eventsDropped(count: Int)

    public var description: String {
        switch self {
        case let .writeFailed(message):
            return "recording: cannot write the session database (\(message)); feedback goes on, "
                + "and the lost stretch will be marked as a gap — free some disk space"
        case let .writesResumed(gap?):
            return "recording: writing again; \(gap.samples) samples (\(Self.seconds(gap.duration))) were lost, "
                + "marked as a gap"
        case .writesResumed(nil):
            return "recording: writing again; no samples were lost"
        case let .samplesDropped(gap):
            return "recording: the writer fell behind; \(gap.samples) samples (\(Self.seconds(gap.duration))) "
                + "were dropped, marked as a gap"
        case let .eventsDropped(count):
            return "recording: \(count) form events could not be stored"
        }
    }

    /// A duration for a message, e.g. `1.25 s`.
    private static func seconds(_ value: Double) -> String {
        "\((value * 100).rounded() / 100) s"
    }
}

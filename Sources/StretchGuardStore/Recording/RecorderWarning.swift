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
    /// The session could not be closed (`reason`); what was left to store is kept in `file`, to be stored at
    /// the next open, which closes the session as incomplete with the reason.
    case setAside(reason: String, file: String)
    /// The session could not be closed (`reason`) and there was no reserved space to keep the rest: the next
    /// open closes it as incomplete, without `events` form events.
    case notSetAside(reason: String, events: Int)

    /// One sentence, without a prefix: the terminal shows it after `recording: `.
    public var description: String {
        switch self {
        case let .writeFailed(message):
            return "cannot write the session database (\(message)); feedback goes on, "
                + "and the lost stretch will be marked as a gap — free some disk space"
        case let .writesResumed(gap?):
            return "writing again; \(gap.samples) samples (\(Self.seconds(gap.duration))) were lost, marked as a gap"
        case .writesResumed(nil):
            return "writing again; no samples were lost"
        case let .samplesDropped(gap):
            return "the writer fell behind; \(gap.samples) samples (\(Self.seconds(gap.duration))) "
                + "were dropped, marked as a gap"
        case let .eventsDropped(count):
            return "\(count) form events could not be stored"
        case let .setAside(reason, file):
            return "the session could not be closed (\(reason)); what was left to store is kept in \(file), "
                + "and the next `stretchguard` command that opens the database stores it and closes the session as "
                + "incomplete — free some disk space"
        case let .notSetAside(reason, events):
            return "the session could not be closed (\(reason)) and nothing could be set aside: the next open "
                + "closes it as incomplete" + (events > 0 ? ", without its last \(events) form events" : "")
                + " — free some disk space"
        }
    }

    /// A duration for a message, e.g. `1.25 s`.
    private static func seconds(_ value: Double) -> String {
        "\((value * 100).rounded() / 100) s"
    }
}

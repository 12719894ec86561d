import Foundation

/// Whether a session closed normally.
public enum SessionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Still being recorded (a recorder holds it open).
    case recording
    /// Closed by its recorder: all samples flushed, totals filled.
    case complete
    /// Found open after a crash, kill or power cut and closed on the next open: its end is its last stored
    /// sample, its totals counted from its stored events.
    case incomplete
}

/// One session as the store lists it.
public struct StoredSession: Hashable, Sendable, Codable, Identifiable {
    /// The session's id (what `--session` takes).
    public var id: Int64
    /// Its metadata.
    public var info: SessionInfo
    /// Sample-clock time of its end, in s: its last sample (nil while recording).
    public var endTime: Double?
    /// Whether it closed normally.
    public var status: SessionStatus
    /// Samples stored.
    public var sampleCount: Int
    /// Its totals (nil while recording).
    public var summary: SessionSummary?

    /// A listed session.
    ///
    /// - Parameters:
    ///   - id: the session's id.
    ///   - info: its metadata.
    ///   - endTime: sample-clock end, in s, or nil while recording.
    ///   - status: whether it closed normally.
    ///   - sampleCount: samples stored.
    ///   - summary: its totals, or nil while recording.
    public init(id: Int64, info: SessionInfo, endTime: Double?, status: SessionStatus, sampleCount: Int,
                summary: SessionSummary?) {
        self.id = id
        self.info = info
        self.endTime = endTime
        self.status = status
        self.sampleCount = sampleCount
        self.summary = summary
    }

    /// Its length, in s (0 while recording).
    public var duration: Double { endTime.map { max(0, $0 - info.startTime) } ?? 0 }
    /// Wall-clock time of its start.
    public var startDate: Date { info.startDate }
    /// Wall-clock time of its end (nil while recording).
    public var endDate: Date? { endTime.map { _ in info.startDate.addingTimeInterval(duration) } }
    /// Whether it closed normally.
    public var isComplete: Bool { status == .complete }
}

/// How a command names a session: its id, or `latest`.
public enum SessionSelector: Hashable, Sendable, CustomStringConvertible {
    /// The session with this id.
    case id(Int64)
    /// The most recently started session.
    case latest

    /// Parses `latest` or a positive id.
    ///
    /// - Throws: ``StoreError/invalidSessionSelector(_:)`` for anything else.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "latest" {
            self = .latest
        } else if let id = Int64(trimmed), id > 0 {
            self = .id(id)
        } else {
            throw .invalidSessionSelector(text)
        }
    }

    public var description: String {
        switch self {
        case let .id(id): return String(id)
        case .latest: return "latest"
        }
    }
}

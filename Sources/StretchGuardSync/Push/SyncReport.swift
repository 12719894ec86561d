import Foundation

/// What a sync did: sessions and bytes sent, and what it left for later.
public struct SyncReport: Sendable, Equatable {
    /// Sessions sent in full this time (new ones, and the rest of those cut off last time).
    public var sessionsSent = 0
    /// Sessions already on the server in full.
    public var sessionsAlreadyThere = 0
    /// Sessions still being recorded: the next sync takes them.
    public var sessionsRecording = 0
    /// Rows sent, every table together.
    public var rowsSent = 0
    /// Sample-block bytes sent (the blocks as stored).
    public var bytesSent = 0
    /// How long it took, in s.
    public var seconds: Double = 0

    /// "3 sessions sent (41.2 MB in 2.1 s), 12 already on the server"
    public var line: String {
        var parts = ["\(sessionsSent) session\(sessionsSent == 1 ? "" : "s") sent (\(Self.megabytes(bytesSent)) MB in "
                     + String(format: "%.1f", seconds) + " s)",
                     "\(sessionsAlreadyThere) already on the server"]
        if sessionsRecording > 0 { parts.append("\(sessionsRecording) still recording (the next sync takes it)") }
        return parts.joined(separator: ", ")
    }

    /// The report as a JSON object.
    public var json: String {
        let object: [String: Any] = ["sessions_sent": sessionsSent, "sessions_already_there": sessionsAlreadyThere,
                                     "sessions_recording": sessionsRecording, "rows_sent": rowsSent,
                                     "bytes_sent": bytesSent, "seconds": (seconds * 1000).rounded() / 1000]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }
}

import Foundation
import StretchGuardCore

/// What a recorder could not store before its session ended (the disk full, the file read-only): kept in
/// a file beside the database, written into space reserved when the session began, and stored at the next
/// open, which then closes the session as ``SessionStatus/incomplete`` with the reason.
struct SetAsideSession: Codable, Sendable {
    /// The session's id.
    var session: Int64
    /// Why it could not be closed, in words (e.g. `the disk is full`).
    var reason: String
    /// Sample-clock time of the session's last sample, in s.
    var endTime: Double
    /// Its totals, counted live.
    var summary: SessionSummary
    /// The gaps, markers and events that were not stored.
    var gaps: [SessionGap]
    var markers: [SessionMarker]
    var events: [Event]
    /// Events left out because the reserved space could not hold them.
    var eventsLeftOut = 0

    /// A form event as kept in the file (the `events` table's columns).
    struct Event: Codable, Sendable {
        var kind: String, time: Double, value: Double, duration: Double, frequency: Double, count: Int, axis: String

        init(_ event: FormEvent) {
            kind = event.kind.rawValue
            time = event.time
            value = event.value
            duration = event.duration
            frequency = event.frequency
            count = event.count
            axis = event.axis.rawValue
        }

        /// The event (nil for a kind this StretchGuard does not know).
        var formEvent: FormEvent? {
            FormEvent.Kind(rawValue: kind).map {
                FormEvent(kind: $0, time: time, value: value, duration: duration, frequency: frequency, count: count,
                          axis: FormEvent.Axis(rawValue: axis) ?? .none)
            }
        }
    }

    /// The marker that tells a review why the session is incomplete.
    var closingMarker: SessionMarker {
        SessionMarker(time: endTime, kind: .note, note: "recording closed incomplete: \(reason)")
    }
}

/// Space reserved beside the database (`<database>-unsaved-<session>.json`, 256 KiB of spaces) while a
/// session records, so that what cannot be stored at its end can still be kept when the disk is full: the
/// file's blocks are allocated up front and later overwritten in place.
struct RecorderReserve: Sendable {
    /// The reserve's size, in bytes: room for a few thousand events.
    static let size = 256 * 1024
    /// The file's path.
    let path: String

    /// The reserve file of a session.
    static func path(database: String, session: Int64) -> String {
        database + "-unsaved-\(session).json"
    }

    /// Reserves the space (nil when the file cannot be made: then nothing can be set aside).
    init?(database: String, session: Int64) {
        path = Self.path(database: database, session: session)
        let blank = Data(repeating: 0x20, count: Self.size)
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: blank)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
    }

    /// Writes `contents` over the start of the reserved space (dropping the oldest events until it fits).
    ///
    /// - Returns: whether it was written and synced.
    func keep(_ contents: SetAsideSession) -> Bool {
        var contents = contents
        let encoder = JSONEncoder()
        var data = (try? encoder.encode(contents)) ?? Data()
        while data.count > Self.size, !contents.events.isEmpty {
            let drop = max(1, contents.events.count / 4)
            contents.events.removeFirst(drop)
            contents.eventsLeftOut += drop
            data = (try? encoder.encode(contents)) ?? Data()
        }
        guard !data.isEmpty, data.count <= Self.size, let handle = FileHandle(forWritingAtPath: path) else { return false }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: 0)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            return true
        } catch {
            return false
        }
    }

    /// Gives the space back (the session closed normally).
    func release() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The reserve files beside a database, with their session ids.
    static func files(database: String) -> [(session: Int64, path: String)] {
        let url = URL(fileURLWithPath: database)
        let folder = url.deletingLastPathComponent().path
        let prefix = url.lastPathComponent + "-unsaved-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix(prefix), name.hasSuffix(".json"),
                  let id = Int64(name.dropFirst(prefix.count).dropLast(5)) else { return nil }
            return (id, folder + "/" + name)
        }.sorted { $0.session < $1.session }
    }
}

extension SessionStore {
    /// Stores what recorders set aside (the disk was full when their sessions ended) and closes those
    /// sessions as incomplete with the reason; a reserve left blank (a crash) is removed. A file that does
    /// not decode is left where it is.
    func saveSetAsideSessions() throws(StoreError) {
        for (session, file) in RecorderReserve.files(database: path) {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            guard data.contains(where: { $0 != 0x20 }) else {
                try? FileManager.default.removeItem(atPath: file)
                continue
            }
            guard let kept = try? JSONDecoder().decode(SetAsideSession.self, from: data), kept.session == session else {
                continue
            }
            try write { db in
                guard try Int64.fetchOne(db, sql: "SELECT id FROM sessions WHERE id = ?", arguments: [session]) != nil else {
                    return
                }
                try Self.insert(SessionBatch(events: kept.events.compactMap(\.formEvent), markers: kept.markers + [kept.closingMarker],
                                             gaps: kept.gaps), into: session, in: db)
                try close(session, status: .incomplete, summary: kept.summary, in: db)
            }
            try? FileManager.default.removeItem(atPath: file)
        }
    }
}

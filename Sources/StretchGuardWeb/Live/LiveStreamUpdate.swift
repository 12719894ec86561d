import StretchGuardLive

/// One update of the live stream (`GET /api/live/ws`, about every 50 ms while something is new): the latest
/// snapshot and the events since the previous update.
///
/// Keys: `type` (`"update"`), `snapshot` (``LiveSnapshotJSON``, what `GET /api/live` returns), `events`
/// (oldest first: `kind`, `text`, `time_s` on the sample clock and `elapsed_s` since the session's start,
/// both null for a recorder warning), `missed_events` (events this viewer fell too far behind to get), and
/// `finished` (the session is over; the server then closes the socket).
struct LiveStreamUpdate: Encodable {
    struct Event: Encodable {
        var kind: String, text: String, time_s: Double?, elapsed_s: Double?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(text, forKey: .text)
            try c.encode(time_s, forKey: .time_s)
            try c.encode(elapsed_s, forKey: .elapsed_s)
        }

        enum CodingKeys: String, CodingKey { case kind, text, time_s, elapsed_s }
    }

    var type = "update"
    var snapshot: LiveSnapshotJSON
    var events: [Event]
    var missed_events: Int
    var finished: Bool

    init(_ update: LiveUpdate) {
        self.init(snapshot: update.snapshot, events: Self.events(of: update), missedEvents: update.missedEvents,
                  finished: update.finished)
    }

    /// An update of `snapshot` carrying `events` (already in their JSON form: a late viewer's catch-up).
    init(snapshot: LiveSnapshot, events: [Event], missedEvents: Int, finished: Bool) {
        self.snapshot = LiveSnapshotJSON(snapshot)
        self.events = events
        missed_events = missedEvents
        self.finished = finished
    }

    /// The events of `update` in their JSON form, timed on the sample clock and from the session's start.
    static func events(of update: LiveUpdate) -> [Event] {
        let start = update.snapshot.time - update.snapshot.elapsed  // the session's start on the sample clock, s
        return update.events.map { event in
            let time = LiveEventText.time(event)
            return Event(kind: LiveEventText.kind(event), text: LiveEventText.sentence(event),
                         time_s: time.map { LiveSnapshotJSON.round($0, 4) },
                         elapsed_s: update.snapshot.sequence > 0 ? time.map { LiveSnapshotJSON.round($0 - start, 3) } : nil)
        }
    }
}

import Foundation
import GRDB
import StretchGuardCore
import Testing
@testable import StretchGuardStore

@Suite("Session queries")
struct SessionQueryTests {
    /// A store with three closed sessions started a day apart (the second one out of order).
    static func storeWithSessions(in folder: TemporaryFolder) throws -> (SessionStore, [Int64]) {
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        let day = 86_400.0
        let base = Date(timeIntervalSince1970: 1_750_000_000)
        var ids: [Int64] = []
        for (offset, profile, holds) in [(0.0, "cat-camel", 2), (2 * day, "knee-hug", 3), (day, "cat-camel", 1)] {
            let info = testInfo(startDate: base.addingTimeInterval(offset), startTime: 100, profile: profile)
            let id = try store.beginSession(info)
            let codec = SampleCodec(scale: info.scale)
            let raw = testSamples(count: 400, start: 100).map(codec.encode)
            try store.append(SessionBatch(blocks: [SampleBlock(samples: raw[0..<200]), SampleBlock(samples: raw[200...])],
                                          gaps: [SessionGap(start: 100.5, end: 100.6, samples: 21, reason: .other("sensor"))]),
                             to: id)
            let summary = SessionSummary(holds: holds, holdsReached: holds - 1, longestHold: 10 * Double(holds),
                                         twistAlerts: 1, bounceAlerts: 2, impacts: 0)
            try store.finishSession(id, summary: summary)
            ids.append(id)
        }
        return (store, ids)
    }

    @Test("sessions list oldest first with their totals; duration runs to the last sample")
    func listing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, ids) = try Self.storeWithSessions(in: folder)
        let sessions = try store.sessions()
        #expect(sessions.map(\.id) == [ids[0], ids[2], ids[1]])
        #expect(sessions.map(\.info.profile) == ["cat-camel", "cat-camel", "knee-hug"])
        for session in sessions {
            #expect(session.isComplete)
            #expect(session.sampleCount == 400)
            #expect(abs(session.duration - 399.0 / 200) < 1e-9)
            #expect(session.summary?.alerts == 3)
            #expect(session.endDate == session.startDate.addingTimeInterval(session.duration))
        }
        #expect(try store.gaps(of: ids[0]) == [SessionGap(start: 100.5, end: 100.6, samples: 21, reason: .other("sensor"))])
    }

    @Test("latest is the most recently started session")
    func latest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, ids) = try Self.storeWithSessions(in: folder)
        #expect(try store.session(.latest).id == ids[1])
        #expect(try store.session(SessionSelector(parsing: "latest")).id == ids[1])
        #expect(try store.session(SessionSelector(parsing: " \(ids[2]) ")).info.startDate
                    == Date(timeIntervalSince1970: 1_750_000_000 + 86_400))
    }

    @Test("an unknown session id is an error that says how to list sessions")
    func unknownSession() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, _) = try Self.storeWithSessions(in: folder)
        let error = #expect(throws: StoreError.self) { try store.session(.id(42)) }
        #expect(error == .unknownSession(id: 42))
        #expect(error?.description == "no session 42; `stretchguard sessions` lists them")
        #expect(throws: StoreError.unknownSession(id: 42)) { try store.samples(of: 42) }
        #expect(throws: StoreError.unknownSession(id: 42)) { try store.finishSession(42, summary: SessionSummary()) }
    }

    @Test("a damaged sample block is skipped and reported as a gap naming the block, not an error for the session")
    func damagedBlock() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, ids) = try Self.storeWithSessions(in: folder)
        let whole = try store.rawSamples(of: ids[1])
        let (block, count, start) = try #require(try store.write { db -> (Int64, Int, Int64)? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, sample_count, start_us FROM sample_blocks WHERE session_id = ? ORDER BY id DESC LIMIT 1
                """, arguments: [ids[1]]) else { return nil }
            try db.execute(sql: "UPDATE sample_blocks SET data = x'01FFFF' WHERE id = ?", arguments: [row[0] as Int64])
            return (row[0], row[1], row[2])
        })
        let samples = try store.rawSamples(of: ids[1])
        #expect(samples == Array(whole.dropLast(count)))  // everything but the damaged block
        let gaps = try store.damagedBlocks(of: ids[1])
        #expect(gaps.count == 1)
        #expect(gaps.first?.samples == count)
        #expect(gaps.first?.start == SampleCodec.seconds(start))
        #expect(gaps.first?.reason.description.hasPrefix("damaged sample block \(block): ") == true)
        #expect(try store.damagedBlocks(of: ids[0]).isEmpty)
        #expect(try store.samples(of: ids[0]).count == 400)  // the others still read
    }

    @Test("latest in an empty database, and a bad selector, are clear errors")
    func emptyAndBadSelector() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        #expect(throws: StoreError.noSessions(path: store.path)) { try store.session(.latest) }
        #expect(try store.sessions().isEmpty)
        #expect(throws: StoreError.invalidSessionSelector("yesterday")) { try SessionSelector(parsing: "yesterday") }
        #expect(throws: StoreError.invalidSessionSelector("-3")) { try SessionSelector(parsing: "-3") }
    }

    @Test("events, markers and gaps keep every field", arguments: FormEvent.Kind.allCases)
    func eventRoundTrip(kind: FormEvent.Kind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        let id = try store.beginSession(testInfo())
        let event = FormEvent(kind: kind, time: 12.345678, value: -0.25, duration: 3.5, frequency: 1.25, count: 7,
                              axis: .sideBend)
        let marker = SessionMarker(time: 13, kind: .note, note: "left side tight")
        let gap = SessionGap(start: 14, end: 15.5, samples: 300, reason: .writeFailed("disk I/O error"))
        try store.append(SessionBatch(events: [event], markers: [marker], gaps: [gap]), to: id)
        #expect(try store.events(of: id) == [event])
        #expect(try store.markers(of: id) == [marker])
        #expect(try store.gaps(of: id) == [gap])
    }
}

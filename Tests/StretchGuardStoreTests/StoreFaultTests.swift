import Foundation
import GRDB
import StretchGuardCore
import Testing
@testable import StretchGuardStore

/// Issue 13: one bad row never stops everything, and storage faults are sentences with the fix.
@Suite("Store faults")
struct StoreFaultTests {
    /// A wrongly typed or implausible value written straight into one session's row, and the words expected.
    struct BadValue: Sendable, CustomStringConvertible {
        var column: String
        var sql: String
        var problem: String
        var description: String { "\(column) = \(sql)" }
    }

    static let badValues = [
        BadValue(column: "holds", sql: "'many'", problem: "its holds is the text 'many' (a whole number of at least 0 is expected)"),
        BadValue(column: "rate_hz", sql: "0", problem: "its rate_hz is 0 (a rate between 1 and 10,000 Hz is expected)"),
        BadValue(column: "rate_hz", sql: "1e308", problem: "its rate_hz is 1e+308 (a rate between 1 and 10,000 Hz is expected)"),
        BadValue(column: "rate_hz", sql: "'fast'", problem: "its rate_hz is the text 'fast' (a rate between 1 and 10,000 Hz is expected)"),
        BadValue(column: "gyr_scale", sql: "0", problem: "its gyr_scale is 0 (a size between 0.000000001 and 1 rad/s per count is expected)"),
        BadValue(column: "started_at", sql: "'yesterday'", problem: "its started_at is the text 'yesterday' (a Unix time in seconds between 0 and 10,000,000,000 is expected)"),
        BadValue(column: "device", sql: "x'00ff'", problem: "its device is a BLOB of 2 bytes (text is expected)"),
        BadValue(column: "sample_count", sql: "-5", problem: "its sample_count is -5 (a whole number of at least 0 is expected)"),
    ]

    @Test("a bad value makes only its session unreadable: the others list, read and record", arguments: badValues)
    func badRow(_ bad: BadValue) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, ids) = try SessionQueryTests.storeWithSessions(in: folder)
        try store.write { db in
            try db.execute(sql: "UPDATE sessions SET \(bad.column) = \(bad.sql) WHERE id = ?", arguments: [ids[1]])
        }
        let list = try store.sessionList()
        #expect(list.sessions.map(\.id) == [ids[0], ids[2]])
        #expect(list.unreadable == [UnreadableSession(id: ids[1], problem: bad.problem)])
        #expect(list.unreadable.first?.description
                    == "session \(ids[1]) cannot be read: \(bad.problem); the other sessions are unaffected")
        #expect(try store.sessions().map(\.id) == [ids[0], ids[2]])
        let error = #expect(throws: StoreError.self) { try store.session(.id(ids[1])) }
        #expect(error == .unreadableSession(id: ids[1], problem: bad.problem))
        #expect(throws: StoreError.unreadableSession(id: ids[1], problem: bad.problem)) { try store.samples(of: ids[1]) }
        #expect(try store.samples(of: ids[0]).count == 400)
        _ = try store.stats()
        try store.close()

        // Reopening (crash recovery included) and recording still work.
        let reopened = try SessionStore(path: folder.file("sessions.sqlite"), forRecording: true)
        let recorder = try SessionRecorder(store: reopened, info: testInfo())
        onThread { for sample in testSamples(count: 100) { recorder.record(sample) } }
        try recorder.finish(summary: SessionSummary())
        #expect(try reopened.session(.id(recorder.session)).sampleCount == 100)
        #expect(try reopened.sessionList().unreadable.map(\.id) == [ids[1]])
    }

    @Test("bad event, marker, gap and block rows are left out or reported, never a trap")
    func badChildRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, ids) = try SessionQueryTests.storeWithSessions(in: folder)
        try store.write { db in
            try db.execute(sql: "INSERT INTO events (session_id, time_s, kind, value, duration_s, frequency_hz, count, axis) VALUES (?, 'soon', 'impact', 1, 0, 0, 0, 'none')", arguments: [ids[0]])
            try db.execute(sql: "INSERT INTO markers (session_id, time_s, kind, note) VALUES (?, x'00', 'stop', '')", arguments: [ids[0]])
            try db.execute(sql: "INSERT INTO gaps (session_id, start_s, end_s, samples, reason) VALUES (?, 1, 2, 'lots', 'x')", arguments: [ids[0]])
            try db.execute(sql: "UPDATE sample_blocks SET sample_count = -3 WHERE id = (SELECT min(id) FROM sample_blocks WHERE session_id = ?)", arguments: [ids[0]])
        }
        #expect(try store.events(of: ids[0]).isEmpty)
        #expect(try store.markers(of: ids[0]).isEmpty)
        #expect(try store.gaps(of: ids[0]).count == 1)  // the stored "sensor" gap; the bad row is left out
        #expect(try store.rawSamples(of: ids[0]).count == 200)
        let damaged = try store.damagedBlocks(of: ids[0])
        #expect(damaged.count == 1)
        #expect(damaged.first?.reason.description.contains("its sample_count is -3") == true)
    }

    @Test("a damaged page: quick_check at a recording open refuses it with the way out; --repair keeps what reads")
    func damagedPageAndRepair() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let marker = Data((0..<64).map { UInt8(0xC0 | ($0 & 0x0F)) })
        do {
            let store = try SessionStore(path: path)
            for session in 0..<3 {
                let id = try store.beginSession(testInfo(startDate: Date(timeIntervalSince1970: 1_750_000_000 + Double(session) * 86_400)))
                let codec = SampleCodec(scale: .wideRange)
                let raw = testSamples(count: 6_000, start: 10).map(codec.encode)
                var blocks = stride(from: 0, to: raw.count, by: 250).map { SampleBlock(samples: raw[$0..<min($0 + 250, raw.count)]) }
                if session == 1 {
                    // A recognisable block in the middle of the second session: the page to damage.
                    var data = blocks[12].data
                    data.append(marker)
                    blocks[12] = SampleBlock(start: blocks[12].start, end: blocks[12].end, count: blocks[12].count, data: data)
                }
                try store.append(SessionBatch(blocks: blocks, events: [FormEvent(kind: .impact, time: 11, value: 30)]), to: id)
                try store.finishSession(id, summary: SessionSummary(impacts: 1))
            }
            try store.close()
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let found = try #require(bytes.range(of: marker))
        let page = found.lowerBound / SessionStore.pageSize
        let pageStart = page * SessionStore.pageSize
        bytes.replaceSubrange(pageStart..<(pageStart + 16), with: Data(repeating: 0xEE, count: 16))
        try bytes.write(to: URL(fileURLWithPath: path))

        // `run`'s open checks and refuses, with the way out.
        let error = #expect(throws: StoreError.self) { try SessionStore(path: path, forRecording: true) }
        guard case .corrupt = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("`stretchguard sessions --repair`") == true)
        #expect(error?.description.contains("move it aside") == true)
        // Reading commands still open it and list the sessions.
        let reader = try SessionStore(path: path)
        #expect(try reader.sessions().count == 3)
        try reader.close()

        let report = try SessionStore.repair(path: path, now: Date(timeIntervalSince1970: 1_750_000_000))
        #expect(report.kept.map(\.id) == [1, 2, 3])
        #expect(report.kept[0].samples == 6_000 && report.kept[2].samples == 6_000)
        #expect(report.kept[1].samples < 6_000)
        #expect(report.lost.isEmpty)
        #expect(FileManager.default.fileExists(atPath: report.damagedCopy))
        #expect(report.damagedCopy.hasPrefix(path + ".damaged-2025"))
        #expect(report.description.contains("kept 3 sessions (1, 2, 3)"))
        #expect(report.description.contains("session 2: "))
        // The fresh file is whole, and records again.
        let repaired = try SessionStore(path: path, forRecording: true)
        #expect(try repaired.samples(of: 1).count == 6_000)
        #expect(try repaired.events(of: 3).map(\.kind) == [.impact])
        #expect(try repaired.gaps(of: 2).contains { $0.reason.description.contains("--repair") })
        #expect(try repaired.session(.id(2)).isComplete)
    }

    @Test("--repair leaves a session whose row does not decode in the damaged copy, and says so")
    func repairReportsUnreadableRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, ids) = try SessionQueryTests.storeWithSessions(in: folder)
        try store.write { db in try db.execute(sql: "UPDATE sessions SET rate_hz = 0 WHERE id = ?", arguments: [ids[2]]) }
        try store.close()
        let report = try SessionStore.repair(path: store.path)
        #expect(report.kept.map(\.id) == [ids[0], ids[1]])
        #expect(report.lost.map(\.id) == [ids[2]])
        #expect(report.description.contains("lost session \(ids[2]): its rate_hz is 0"))
        let repaired = try SessionStore(path: store.path)
        #expect(try repaired.sessions().map(\.id).sorted() == [ids[0], ids[1]])
        #expect(try repaired.samples(of: ids[1]).count == 400)
    }

    @Test("the disk full until the end: finish still returns, the rest is set aside and stored at the next open")
    func diskFullAtTheEnd() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let store = try SessionStore(path: path)
        var settings = RecorderSettings()
        settings.flushInterval = 600
        let warnings = WarningLog()
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: settings, onWarning: warnings.append)
        let reserve = RecorderReserve.path(database: path, session: recorder.session)
        #expect(FileManager.default.fileExists(atPath: reserve))
        let raw = testSamples(count: 3_000).map(recorder.codec.encode)
        onThread { for sample in raw[0..<1_000] { recorder.record(sample) } }
        recorder.flush()
        // Full from here to the end: the file may not grow, and the room its tables' pages had left is taken
        // (by rows of another session), so that not even a marker fits.
        let filler = try store.beginSession(testInfo())
        let pages = try #require(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") })
        try store.limitSize(pages: pages)
        for size in [4_000, 1_000, 200, 40, 8, 1] {
            let text = String(repeating: "x", count: size)
            func fill(_ batch: SessionBatch) { while (try? store.append(batch, to: filler)) != nil {} }
            fill(SessionBatch(markers: [SessionMarker(time: 1, kind: .note, note: text)]))
            fill(SessionBatch(gaps: [SessionGap(start: 1, end: 1, samples: 1, reason: .other(text))]))
            fill(SessionBatch(events: [FormEvent(kind: .impact, time: 1, value: 1)]))
        }
        #expect(throws: StoreError.diskFull(path: path)) {
            try store.append(SessionBatch(markers: [SessionMarker(time: 1, kind: .note)]), to: recorder.session)
        }
        let event = FormEvent(kind: .impact, time: SampleCodec.seconds(raw[1_500].time), value: 30)
        onThread {
            for sample in raw[1_000..<3_000] { recorder.record(sample) }
            recorder.record(event)
        }
        let lastTime = SampleCodec.seconds(raw[2_999].time)
        recorder.mark(SessionMarker(time: lastTime, kind: .note, note: "outputs off (stopped)"))
        let counters = try recorder.finish(summary: SessionSummary(impacts: 1))  // no throw: the summary can print
        #expect(counters.lostToWriteErrors == 2_000)
        let reason = "the disk is full"
        #expect(warnings.all.last == .setAside(reason: reason, file: reserve))
        #expect(warnings.all.last?.description.hasPrefix("recording:") == false)
        #expect(try store.session(.id(recorder.session)).status == .recording)
        try store.close()

        // The next open (space back) stores what was set aside and closes the session as incomplete.
        let reopened = try SessionStore(path: path)
        let session = try reopened.session(.id(recorder.session))
        #expect(session.status == .incomplete)
        #expect(session.summary == SessionSummary(impacts: 1))
        #expect(session.sampleCount == 1_000)
        #expect(try reopened.gaps(of: session.id) == [
            SessionGap(start: SampleCodec.seconds(raw[1_000].time), end: lastTime, samples: 2_000, reason: .writeFailed(reason)),
        ])
        #expect(try reopened.markers(of: session.id) == [
            SessionMarker(time: lastTime, kind: .note, note: "outputs off (stopped)"),
            SessionMarker(time: lastTime, kind: .note, note: "recording closed incomplete: the disk is full"),
        ])
        #expect(try reopened.events(of: session.id) == [event])
        #expect(!FileManager.default.fileExists(atPath: reserve))
    }

    @Test("a session that closes normally gives its reserved space back")
    func reserveReleased() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        let recorder = try SessionRecorder(store: store, info: testInfo())
        #expect(FileManager.default.fileExists(atPath: RecorderReserve.path(database: store.path, session: recorder.session)))
        try recorder.finish(summary: SessionSummary())
        #expect(!FileManager.default.fileExists(atPath: RecorderReserve.path(database: store.path, session: recorder.session)))
    }

    @Test("a full disk at the start is one sentence with the fix")
    func diskFullAtTheStart() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, ids) = try SessionQueryTests.storeWithSessions(in: folder)
        let pages = try #require(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") })
        try store.limitSize(pages: pages)
        let raw = testSamples(count: 4_000).map(SampleCodec(scale: .wideRange).encode)
        let blocks = stride(from: 0, to: raw.count, by: 250).map { SampleBlock(samples: raw[$0..<($0 + 250)]) }
        let error = #expect(throws: StoreError.self) { try store.append(SessionBatch(blocks: blocks), to: ids[0]) }
        #expect(error == .diskFull(path: store.path))
        #expect(error?.description == "the disk holding the session database \(store.path) is full; free some space on it "
                    + "(`df -h '\(folder.path)'` shows how much is left), or use --db PATH to use another disk")
    }

    /// Tests run as root, which ignores file permissions, so a read-only file cannot be made with chmod here.
    /// The store is opened with `SQLITE_OPEN_READONLY`, the mode SQLite falls back to for a file this user may
    /// read but not write, so every write answers SQLITE_READONLY: this covers the open's check, the mapping and
    /// the message, not the kernel's permission check itself (nor a read-only folder's `-wal`/`-shm`).
    @Test("a database that cannot be written is refused at a recording open, in one sentence with the fix")
    func readOnlyDatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        _ = try SessionQueryTests.storeWithSessions(in: folder)
        let error = #expect(throws: StoreError.self) {
            try SessionStore(path: path, recoverAbandonedSessions: true, forRecording: true, openReadOnly: true)
        }
        #expect(error == .readOnly(path: path))
        // A reading command still opens it and lists the sessions.
        let store = try SessionStore(path: path, recoverAbandonedSessions: true, forRecording: false, openReadOnly: true)
        #expect(try store.sessions().count == 3)
        #expect(throws: StoreError.readOnly(path: path)) { try store.beginSession(testInfo()) }
        #expect(error?.description.contains("cannot be written by this user") == true)
        #expect(error?.description.contains("sudo chown -R \"$USER\" '\(folder.path)'") == true)
        #expect(error?.description.contains("SQLITE") == false)
    }

    @Test("SQLite's result codes become sentences, never SQLite's words alone")
    func resultCodes() {
        let path = "/data/sessions.sqlite"
        #expect(SessionStore.storeError(DatabaseError(resultCode: .SQLITE_FULL), path: path) == .diskFull(path: path))
        #expect(SessionStore.storeError(DatabaseError(resultCode: .SQLITE_READONLY), path: path) == .readOnly(path: path))
        #expect(SessionStore.storeError(DatabaseError(resultCode: .SQLITE_CANTOPEN), path: path) == .readOnly(path: path))
        #expect(SessionStore.storeError(DatabaseError(resultCode: .SQLITE_IOERR), path: path) == .ioError(path: path))
        #expect(StoreError.ioError(path: path).description.contains("input/output error"))
    }

    @Test("the recorder's warnings read as sentences after the terminal's `recording: ` prefix")
    func warningWording() {
        let gap = SessionGap(start: 1, end: 2, samples: 200, reason: .bufferFull)
        let warnings: [RecorderWarning] = [
            .writeFailed(message: "the disk is full"), .writesResumed(gap: gap), .writesResumed(gap: nil),
            .samplesDropped(gap: gap), .eventsDropped(count: 3), .setAside(reason: "the disk is full", file: "/x"),
            .notSetAside(reason: "the disk is full", events: 2),
        ]
        for warning in warnings {
            #expect(!warning.description.lowercased().hasPrefix("recording"), "\(warning)")
        }
    }
}

import Foundation
import GRDB
import StretchGuardCore
import Testing
@testable import StretchGuardStore

/// Issue 14: the store records the pelvis stream beside the thorax's, and opens today's databases unchanged.
@Suite("Two-sensor store")
struct TwoSensorStoreTests {
    /// The pelvis's count sizes in these tests: another chip family than the thorax's (±500 °/s, ±4 g).
    static let pelvisScale = SampleScale(gyrFullScale: 500 * Double.pi / 180, accFullScale: 4 * 9.80665)

    /// A two-sensor session's metadata.
    static func twoSensorInfo() -> SessionInfo {
        var info = testInfo()
        info.pelvis = PelvisSensorInfo(device: "/dev/i2c-1 0x69", chip: "LSM6DSO", scale: pelvisScale)
        return info
    }

    /// ``testSamples(count:rate:start:)`` with a pelvis reading (its own slow wobble) at every tick but those
    /// in `silent` (indices).
    static func twoSensorSamples(count: Int, silent: Range<Int>) -> [IMUSample] {
        testSamples(count: count).enumerated().map { i, sample in
            var sample = sample
            let t = sample.time
            if !silent.contains(i) {
                sample.pelvis = PelvisReading(gyr: Vector3D(0.1 * sin(t), 0.05 * cos(2 * t), -0.02),
                                              acc: Vector3D(0.3 * cos(t), -0.2, 9.7 + 0.1 * sin(3 * t)))
            }
            return sample
        }
    }

    static func settings() -> RecorderSettings {
        var settings = RecorderSettings()
        settings.flushInterval = 0.05
        return settings
    }

    /// Records `samples` from a producer thread, spread over several commits; returns what the live side processed.
    static func record(_ samples: [IMUSample], with recorder: SessionRecorder) -> [IMUSample] {
        let processed = MutexBox<[IMUSample]>([])
        onThread {
            var live: [IMUSample] = []
            for (i, sample) in samples.enumerated() {
                live.append(recorder.record(sample))
                if i % 100 == 0 { Thread.sleep(forTimeInterval: 0.03) }
            }
            processed.update { $0 = live }
        }
        return processed.value
    }

    @Test("a two-sensor session with a pelvis gap comes back bit for bit, the gap stored on the pelvis stream")
    func recorderRoundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        let recorder = try SessionRecorder(store: store, info: Self.twoSensorInfo(), settings: Self.settings())
        let samples = Self.twoSensorSamples(count: 600, silent: 250..<290)
        let processed = Self.record(samples, with: recorder)
        try recorder.finish(summary: SessionSummary())

        let session = try store.session(.id(recorder.session))
        #expect(session.info == Self.twoSensorInfo())
        let stored = try store.samples(of: recorder.session)
        #expect(stored == processed)
        #expect(stored.count == 600)
        #expect(stored.indices.allSatisfy { (stored[$0].pelvis == nil) == (250..<290).contains($0) })
        // Quantised with the pelvis's own count sizes: within half a count of what the chip said.
        let original = try #require(samples[10].pelvis), back = try #require(stored[10].pelvis)
        #expect(abs(original.gyr.x - back.gyr.x) <= Self.pelvisScale.gyr / 2 + 1e-12)
        #expect(abs(original.acc.z - back.acc.z) <= Self.pelvisScale.acc / 2 + 1e-12)
        #expect(abs(original.acc.z - back.acc.z) > 0 || Self.pelvisScale.acc != testInfo().scale.acc)

        let gaps = try store.gaps(of: recorder.session)
        #expect(gaps.count == 1)
        let gap = try #require(gaps.first)
        #expect(gap.stream == .pelvis && gap.reason == .noReading && gap.samples == 40)
        #expect(abs(gap.start - samples[250].time) < 1e-6 && abs(gap.end - samples[289].time) < 1e-6)
        #expect(gap.reason.description == "the sensor gave no reading")
    }

    @Test("a session begun with one sensor becomes two-sensor at its first pelvis reading; a silence at the end is a gap")
    func undeclaredPelvis() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: Self.settings())
        var samples = Self.twoSensorSamples(count: 500, silent: 450..<500)
        for i in 0..<100 { samples[i].pelvis = nil }  // the pelvis starts answering at tick 100
        let processed = Self.record(samples, with: recorder)
        try recorder.finish(summary: SessionSummary())

        let info = try store.session(.id(recorder.session)).info
        #expect(info.pelvis == .undeclared(scale: testInfo().scale))
        #expect(try store.samples(of: recorder.session) == processed)
        #expect(processed[100].pelvis != nil && processed[99].pelvis == nil)
        let gaps = try store.gaps(of: recorder.session)
        #expect(gaps.map(\.stream) == [.pelvis])
        #expect(gaps.first?.samples == 50)
    }

    @Test("one-sensor sessions are stored exactly as before: format 1 blocks, one sensor, no pelvis gaps")
    func oneSensorUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let store = try SessionStore(path: path)
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: Self.settings())
        _ = Self.record(testSamples(count: 300), with: recorder)
        try recorder.finish(summary: SessionSummary())
        #expect(try store.session(.id(recorder.session)).info.pelvis == nil)
        #expect(try sqliteValue(path, "SELECT count(*) FROM sample_blocks WHERE substr(data, 1, 1) != x'01'", as: Int.self) == 0)
        #expect(try sqliteValue(path, "SELECT sensors FROM sessions", as: Int.self) == 1)
        #expect(try store.gaps(of: recorder.session).isEmpty)
    }

    /// Writes a version 1 database as StretchGuard wrote it before two sensors: the v1 migration only, and a
    /// session with samples, an event and a gap in its raw SQL layout. Returns the samples' raw counts.
    static func writeVersion1Database(at path: String) throws -> [RawSample] {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = \(SessionStore.pageSize)")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")  // as every StretchGuard database
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try StoreSchema.migrator.migrate(queue, upTo: "v1")
        let raw = testSamples(count: 400).map(SampleCodec(scale: .wideRange).encode)
        let block = SampleBlock(samples: raw)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO sessions (started_at, start_time_s, end_time_s, status, device, chip, rate_hz, profile,
                                      calibration, software_version, gyr_scale, acc_scale, sample_count, holds,
                                      holds_reached, longest_hold_s, twist_alerts, bounce_alerts, impacts)
                VALUES (1750000000, 10, 12, 'complete', 'simulated', 'MPU-6050', 200, 'cat-camel', '', '0.1.0',
                        ?, ?, 400, 0, 0, 0, 0, 0, 1)
                """, arguments: [SampleScale.wideRange.gyr, SampleScale.wideRange.acc])
            try db.execute(sql: "INSERT INTO sample_blocks (session_id, start_us, end_us, sample_count, data) VALUES (1, ?, ?, 400, ?)",
                           arguments: [block.start, block.end, block.data])
            try db.execute(sql: "INSERT INTO events (session_id, time_s, kind, value, duration_s, frequency_hz, count, axis) VALUES (1, 11, 'impact', 30, 0, 0, 0, 'none')")
            try db.execute(sql: "INSERT INTO gaps (session_id, start_s, end_s, samples, reason) VALUES (1, 11.5, 11.6, 20, 'buffer full')")
        }
        return raw
    }

    /// The columns of each table of a database, by table name.
    static func columns(_ path: String) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            return try Dictionary(uniqueKeysWithValues: tables.map { ($0, try db.columns(in: $0).map(\.name)) })
        }
    }

    @Test("a version 1 database opens unchanged: it gains the two-sensor, plan and wearer columns and the device table, and nothing else; reads, records and reads again")
    func migratesVersion1() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let raw = try Self.writeVersion1Database(at: path)
        let before = try Self.columns(path)
        #expect(try sqliteValue(path, "PRAGMA user_version", as: Int.self) == 1)

        let store = try SessionStore(path: path, forRecording: true)
        #expect(try store.schemaVersion() == SessionStore.supportedSchemaVersion)
        let after = try Self.columns(path)
        #expect(Set(after.keys) == Set(before.keys).union(["device"]))
        #expect(after["device"] == ["id", "wearer"])
        #expect(try store.deviceIdentity().id.count == 32)
        for (table, columns) in after where table != "device" {
            let added = columns.filter { !(before[table] ?? []).contains($0) }
            switch table {
            case "sessions": #expect(added == ["sensors", "pelvis_device", "pelvis_chip", "pelvis_gyr_scale", "pelvis_acc_scale",
                                               "plan_name", "plan", "wearer"])
            case "gaps": #expect(added == ["stream"])
            default: #expect(added.isEmpty, "\(table) gained \(added)")
            }
            #expect(Array(columns.prefix(before[table]?.count ?? 0)) == before[table] ?? [])
        }
        // The old session reads as it did: one sensor, its samples, event and gap.
        let old = try store.session(.id(1))
        #expect(old.info.pelvis == nil && old.status == .complete && old.sampleCount == 400)
        #expect(old.summary?.impacts == 1)
        #expect(try store.rawSamples(of: 1) == raw)
        #expect(try store.events(of: 1).map(\.kind) == [.impact])
        #expect(try store.gaps(of: 1) == [SessionGap(start: 11.5, end: 11.6, samples: 20, reason: .bufferFull)])

        // It records a two-sensor session beside it, and both read after reopening.
        let recorder = try SessionRecorder(store: store, info: Self.twoSensorInfo(), settings: Self.settings())
        let processed = Self.record(Self.twoSensorSamples(count: 300, silent: 100..<120), with: recorder)
        try recorder.finish(summary: SessionSummary())
        try store.close()
        let reopened = try SessionStore(path: path)
        #expect(try reopened.sessions().map(\.id) == [1, 2])
        #expect(try reopened.rawSamples(of: 1) == raw)
        #expect(try reopened.samples(of: 2) == processed)
        #expect(try reopened.session(.id(2)).info.pelvis == Self.twoSensorInfo().pelvis)
        #expect(try reopened.gaps(of: 2).map(\.stream) == [.pelvis])
    }

    @Test("a version 1 database that cannot be written still reads, as one-sensor sessions")
    func readOnlyVersion1() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let raw = try Self.writeVersion1Database(at: path)
        let store = try SessionStore(path: path, recoverAbandonedSessions: true, forRecording: false, openReadOnly: true)
        #expect(try store.schemaVersion() == 1)
        #expect(try store.sessions().map(\.info.pelvis) == [nil])
        #expect(try store.rawSamples(of: 1) == raw)
        #expect(try store.gaps(of: 1).map(\.stream) == [.thorax])
    }

    @Test("a damaged pelvis part makes its block unreadable like any damaged block: skipped, reported, left out by --repair")
    func damagedPelvisBlock() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let codec = SampleCodec(info: Self.twoSensorInfo())
        let raw = Self.twoSensorSamples(count: 300, silent: 0..<0).map(codec.encode)
        var blocks = stride(from: 0, to: 300, by: 100).map { SampleBlock(samples: raw[$0..<($0 + 100)]) }
        #expect(blocks.allSatisfy { $0.hasPelvis })
        // The middle block's last pelvis flag says "present" but its counts are cut off.
        var data = blocks[1].data
        data.removeLast(SampleBlock.countBytes)
        blocks[1] = SampleBlock(start: blocks[1].start, end: blocks[1].end, count: blocks[1].count, data: data)
        do {
            let store = try SessionStore(path: path)
            let id = try store.beginSession(Self.twoSensorInfo())
            try store.append(SessionBatch(blocks: blocks), to: id)
            try store.finishSession(id, summary: SessionSummary())
            #expect(try store.rawSamples(of: id) == Array(raw[0..<100] + raw[200..<300]))
            let damaged = try store.damagedBlocks(of: id)
            #expect(damaged.count == 1)
            #expect(damaged.first?.reason.description.contains("truncated pelvis counts") == true)
            try store.close()
        }
        let report = try SessionStore.repair(path: path, now: Date(timeIntervalSince1970: 1_750_000_000))
        #expect(report.kept.map(\.samples) == [200] && report.kept.map(\.damagedBlocks) == [1])
        let repaired = try SessionStore(path: path, forRecording: true)
        #expect(try repaired.session(.id(1)).info.pelvis == Self.twoSensorInfo().pelvis)
        #expect(try repaired.samples(of: 1).allSatisfy { $0.pelvis != nil })
    }

    @Test("a sessions row with a bad sensor count or pelvis scale makes only that session unreadable, in words",
          arguments: [("sensors", "3", "its sensors is 3 (1 or 2 sensors is expected)"),
                      ("pelvis_gyr_scale", "NULL", "its pelvis_gyr_scale is empty (NULL) (a size between 0.000000001 and 1 rad/s per count is expected)")])
    func badPelvisColumns(column: String, value: String, problem: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let store = try SessionStore(path: path)
        let good = try store.beginSession(testInfo())
        let bad = try store.beginSession(Self.twoSensorInfo())
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // The CHECK constraint keeps SQLite from storing 3; a damaged file may hold anything.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE sessions SET \(column) = \(value) WHERE id = ?", arguments: [bad])
        }
        try queue.close()
        let list = try store.sessionList()
        #expect(list.sessions.map(\.id) == [good])
        #expect(list.unreadable.map(\.problem) == [problem])
    }
}

@Suite("Two-sensor sample blocks")
struct TwoSensorBlockTests {
    @Test("format 2 keeps each tick's pelvis counts or their absence; 27 bytes a tick with both, 15 without")
    func roundTrip() throws {
        let pelvis = RawPelvisReading(gyr: SIMD3(-32767, 5, 32767), acc: SIMD3(1, -2, 2048))
        let samples = (0..<10).map { (i: Int) -> RawSample in
            let time = 1_000_000 + Int64(i) * 5_000
            let gyr = SIMD3<Int16>(Int16(i), -3, 7), acc = SIMD3<Int16>(0, 9, Int16(-i))
            return RawSample(time: time, gyr: gyr, acc: acc, pelvis: i % 3 == 0 ? nil : pelvis)
        }
        let block = SampleBlock(samples: samples)
        #expect(block.hasPelvis && block.data.first == SampleBlock.twoSensorFormat)
        #expect(try block.samples() == samples)
        let withPelvis = samples.count(where: { $0.pelvis != nil })
        // One format byte; the first step (0 µs) takes one byte, the others (5,000 µs) two.
        let expectedBytes: Int = 1 + 1 + 9 * 2 + 10 * 13 + withPelvis * 12
        #expect(block.data.count == expectedBytes)
        // A one-sensor encoder leaves the pelvis out.
        var encoder = SampleBlockEncoder()
        for sample in samples {
            let appended = encoder.append(sample)
            #expect(appended)
        }
        let single = try #require(encoder.block())
        #expect(!single.hasPelvis)
        #expect(try single.samples() == samples.map { RawSample(time: $0.time, gyr: $0.gyr, acc: $0.acc) })
    }

    @Test("a pelvis flag other than 0 or 1 is damage, named")
    func badFlag() throws {
        let sample = RawSample(time: 0, gyr: .zero, acc: .zero, pelvis: RawPelvisReading(gyr: .zero, acc: .zero))
        var data = SampleBlock(samples: [sample]).data
        data[1 + 1 + 12] = 7
        let error = #expect(throws: StoreError.self) {
            try SampleBlock(start: 0, end: 0, count: 1, data: data).samples()
        }
        #expect(error == .corruptBlock(detail: "a pelvis flag of 7 (0 or 1 expected)"))
    }
}

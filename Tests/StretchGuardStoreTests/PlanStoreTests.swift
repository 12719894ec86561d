import Foundation
import GRDB
import StretchGuardCore
@testable import StretchGuardStore
import Testing

/// Plans in the store (schema 3): the plan a session followed, its `plan_step` markers, and older files.
@Suite struct PlanStoreTests {
    static let plan = SessionPlan(name: "starter-low-back", definition: "name: starter-low-back\nsessions_per_week: 5\n")

    @Test("step, end and targets markers read back exactly; other notes are not plan markers")
    func markerRoundTrip() {
        let markers: [PlanStepMarker] = [
            .targets([10, 12.5, 30]),
            .step(PlanStepStart(step: 3, exercise: 1, profile: "chair-hamstring", side: "left", repetition: 1,
                                repetitions: 2, target: 12.5, rest: 20)),
            .step(PlanStepStart(step: 0, exercise: 0, profile: "cat-cow", side: nil, repetition: 6, repetitions: 6,
                                target: 5, rest: 15)),
            .end(.done), .end(.stopped), .end(.closed),
        ]
        for marker in markers { #expect(PlanStepMarker(note: marker.note) == marker, "\(marker.note)") }
        #expect(markers[1].note == "step=3 exercise=1 profile=chair-hamstring side=left repetition=1/2 target_s=12.5 rest_s=20")
        for note in ["", "stop / it hurts", "end=maybe", "step=1", "targets_s=", "targets_s=5,x",
                     "step=-1 exercise=0 profile=a side=none repetition=1/1 target_s=5 rest_s=5",
                     "step=1 exercise=0 profile=a side=none repetition=3/2 target_s=5 rest_s=5",
                     "step=1 exercise=0 profile=a side=none repetition=1/1 target_s=0 rest_s=5",
                     "end=done step=1"] {
            #expect(PlanStepMarker(note: note) == nil, "\(note)")
        }
    }

    @Test("a plan session stores its plan and its markers; a session without one reads as none")
    func planSessionRoundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        var info = SessionInfo(startDate: Date(timeIntervalSince1970: 1_750_000_000), startTime: 10, device: "simulated",
                               chip: "MPU-6050", rate: 200, profile: "cat-cow", softwareVersion: "test", scale: .wideRange)
        let plain = try store.beginSession(info)
        info.plan = Self.plan
        let guided = try store.beginSession(info)
        let step = PlanStepMarker.step(PlanStepStart(step: 0, exercise: 0, profile: "cat-cow", side: nil, repetition: 1,
                                                     repetitions: 6, target: 5, rest: 15))
        try store.append(SessionBatch(markers: [SessionMarker(time: 10.5, kind: .planStep, note: step.note)]), to: guided)
        try store.close()
        let reopened = try SessionStore(path: folder.file("sessions.sqlite"))
        #expect(try reopened.session(.id(plain)).info.plan == nil)
        #expect(try reopened.session(.id(guided)).info.plan == Self.plan)
        let markers = try reopened.markers(of: guided)
        #expect(markers.map(\.kind) == [.planStep] && PlanStepMarker(note: markers[0].note) == step)
    }

    /// A version 2 database as StretchGuard wrote it before plans, with one session.
    static func writeVersion2Database(at path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = \(SessionStore.pageSize)")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")  // as every StretchGuard database
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try StoreSchema.migrator.migrate(queue, upTo: "v2")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO sessions (started_at, start_time_s, end_time_s, status, device, chip, rate_hz, profile,
                                      calibration, software_version, gyr_scale, acc_scale, sample_count)
                VALUES (1750000000, 10, 12, 'complete', 'simulated', 'MPU-6050', 200, 'general', '', '0.2.0', ?, ?, 0)
                """, arguments: [SampleScale.wideRange.gyr, SampleScale.wideRange.acc])
        }
    }

    @Test("a version 2 database gains the plan columns and reads its sessions as without a plan; read-only it reads too")
    func version2() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        try Self.writeVersion2Database(at: path)
        let readOnly = try SessionStore(path: path, recoverAbandonedSessions: true, forRecording: false, openReadOnly: true)
        #expect(try readOnly.schemaVersion() == 2)
        #expect(try readOnly.sessions().map(\.info.plan) == [nil])
        try readOnly.close()
        let store = try SessionStore(path: path, forRecording: true)
        #expect(try store.schemaVersion() == SessionStore.supportedSchemaVersion)
        #expect(try store.session(.id(1)).info.plan == nil && store.session(.id(1)).info.profile == "general")
    }
}

/// Schema version 4: the device's identity and the wearer's name.
@Suite("The device and its wearer in the store")
struct DeviceIdentityStoreTests {
    @Test("each database has its own device id, kept across opens; the default wearer is kept; a session keeps its wearer")
    func identityAndWearer() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try SessionStore(path: folder.file("a.sqlite"))
        let second = try SessionStore(path: folder.file("b.sqlite"))
        let id = try first.deviceIdentity().id
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
        #expect(try second.deviceIdentity().id != id)
        #expect(try first.deviceIdentity().wearer == nil)
        try first.setDefaultWearer("Anna B")
        try first.close()
        let reopened = try SessionStore(path: folder.file("a.sqlite"))
        #expect(try reopened.deviceIdentity() == DeviceIdentity(id: id, wearer: "Anna B"))
        let session = try reopened.beginSession(SessionInfo(startDate: Date(), startTime: 1, device: "d", chip: "c", rate: 100,
                                                            profile: "general", softwareVersion: "0", scale: .wideRange, wearer: "Anna B"))
        #expect(try reopened.session(.id(session)).info.wearer == "Anna B")
    }
}

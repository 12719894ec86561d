import Foundation
import GRDB
import StretchGuardCore
import Synchronization
@testable import StretchGuardStore

/// A fresh folder under the system's temporary folder, removed when the test's `defer` calls `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "stretchguard-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Session metadata for tests.
func testInfo(startDate: Date = Date(timeIntervalSince1970: 1_750_000_000), startTime: Double = 10,
              profile: String = "cat-camel", scale: SampleScale = .wideRange) -> SessionInfo {
    SessionInfo(startDate: startDate, startTime: startTime, device: "simulated", chip: "MPU-6050", rate: 200,
                profile: profile, calibration: #"{"version":1}"#, softwareVersion: "0.1.0-test", scale: scale)
}

/// A deterministic, wobbly sample stream: `count` samples at `rate` Hz from `start` s.
func testSamples(count: Int, rate: Double = 200, start: Double = 10) -> [IMUSample] {
    (0..<count).map { i in
        let t = start + Double(i) / rate
        return IMUSample(time: t,
                         gyr: Vector3D(0.3 * sin(2 * t), -0.2 * cos(3 * t), 0.05 * sin(7 * t) + 0.01),
                         acc: Vector3D(0.8 * sin(t), 0.3 * cos(2 * t), 9.81 + 0.2 * sin(5 * t)))
    }
}

/// Collects the recorder's warnings across threads.
final class WarningLog: Sendable {
    private let warnings = MutexBox<[RecorderWarning]>([])

    func append(_ warning: RecorderWarning) { warnings.update { $0.append(warning) } }
    var all: [RecorderWarning] { warnings.value }
}

/// A value behind a lock.
final class MutexBox<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func update(_ body: (inout Value) -> Void) { mutex.withLock { body(&$0) } }
    var value: Value { mutex.withLock { $0 } }
}

/// Runs `body` on a new thread and waits for it (the recorder's producer side wants a thread of its own).
func onThread(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.start()
    done.wait()
}

/// Runs a SQL query returning one value on a database, through a plain GRDB connection.
func sqliteValue<T: DatabaseValueConvertible>(_ path: String, _ sql: String, as type: T.Type = T.self) throws -> T? {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in try T.fetchOne(db, sql: sql) }
}

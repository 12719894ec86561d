import Dispatch
import Foundation
import StretchGuardStore
import StretchGuardSync
import Synchronization

/// Runs the async work of a server command from the synchronous commands, to its end, on Swift's pool.
enum AwaitServer {
    /// What `work` returns, or its ``SyncError``.
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws(SyncError) -> T) throws(SyncError) -> T {
        let result = Mutex<Result<T, SyncError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(SyncError) {
                let value = try await work()
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }

    /// A fresh folder for a server's copy, removed by the caller (`FileManager.removeItem`).
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "stretchguard-server-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

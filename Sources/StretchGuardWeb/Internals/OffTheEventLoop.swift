import Dispatch

/// Runs blocking work (SQLite reads, a session's replay) on Dispatch's global pool, so that the server's
/// event loops and Swift's cooperative threads never wait on disk or on a long replay.
enum OffTheEventLoop {
    /// The value `work` returns, or the error it throws, computed on another thread.
    static func run<Value: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(Failure) -> Value in try work() })
            }
        }
        return try result.get()
    }
}

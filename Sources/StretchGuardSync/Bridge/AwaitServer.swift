import Dispatch
import Synchronization

/// Runs async work against a server to its end from synchronous code. The commands are synchronous (the
/// live session owns its threads) and the server drivers are async: `sync`, `sessions --server`,
/// `review --server`, `server init`, and the benchmark's clinic and viewer stages come through here.
public enum AwaitServer {
    /// What `work` returns, or its error; the calling thread waits (it is never one of Swift's pool threads).
    public static func run<T: Sendable, Failure: Error>(_ work: @escaping @Sendable () async throws(Failure) -> T) throws(Failure) -> T {
        let result = Mutex<Result<T, Failure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(Failure) {
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
}

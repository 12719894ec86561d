import Synchronization

/// Runs work that the database driver might never finish, and gives up on it when an alarm goes off first.
///
/// The driver answers each request through a promise. When the server vanishes at the wrong moment (a restart
/// during a statement or the start-up handshake), a promise can be left neither kept nor broken, and whoever
/// awaits it waits forever: a sync that never ends and never says why. This races the work against an alarm
/// (the connection's close, a deadline) without waiting for the loser, because work stuck on a lost promise
/// cannot be cancelled. The abandoned work is left to end with the process or with the connection's close.
enum GiveUp {
    /// What `work` returns or throws, or the alarm's error if the alarm goes off first.
    ///
    /// - Parameters:
    ///   - alarm: returns the error to give up with when it goes off, or `nil` when it is cancelled (the work
    ///     finished first).
    ///   - work: the driver's work.
    static func when<T: Sendable>(_ alarm: @escaping @Sendable () async -> SyncError?,
                                  _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race<T>()
        defer { race.cancelTasks() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                race.waiting.withLock { $0 = continuation }
                let worker = Task {
                    let result: Result<T, any Error>
                    do { result = .success(try await work()) } catch { result = .failure(error) }
                    race.finish(with: result)
                }
                let watcher = Task {
                    guard let error = await alarm(), !Task.isCancelled else { return }
                    race.finish(with: .failure(error))
                }
                race.tasks.withLock { $0 = [worker, watcher] }
                if Task.isCancelled { worker.cancel() }  // cancelled before the tasks were known to the handler
            }
        } onCancel: {
            race.cancelTasks()
            race.finish(with: .failure(CancellationError()))
        }
    }

    /// The waiting caller and the two racers; the first to finish resumes the caller, once.
    private final class Race<T: Sendable>: Sendable {
        let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)
        let tasks = Mutex<[Task<Void, Never>]>([])

        func finish(with result: Result<T, any Error>) {
            waiting.withLock { $0.take() }?.resume(with: result)
        }

        func cancelTasks() {
            tasks.withLock { $0.forEach { $0.cancel() } }
        }
    }

    /// An alarm that goes off after `seconds` with `error` (`nil` when cancelled first).
    static func after(seconds: Double, _ error: SyncError) -> @Sendable () async -> SyncError? {
        {
            do { try await Task.sleep(for: .seconds(seconds)) } catch { return nil }
            return error
        }
    }
}

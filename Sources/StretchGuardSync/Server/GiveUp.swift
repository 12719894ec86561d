import Dispatch
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

    /// What `work` returns, unless the server keeps silent for longer than `seconds` from the work's start or
    /// from the last answer `work` notes on the watch (``AnswerWatch/touch()``, e.g. each row): then `error`.
    static func unlessSilent<T: Sendable>(for seconds: Double, _ error: SyncError,
                                          _ work: @escaping @Sendable (AnswerWatch) async throws -> T) async throws -> T {
        let watch = AnswerWatch()
        return try await when(silence(longerThan: seconds, watch: watch, error)) {
            watch.touch()  // the work starts: silence counts from here
            return try await work(watch)
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

    /// When the server last showed progress (the work's start, a row), for ``silence(longerThan:watch:sleep:_:)``.
    /// Silence counts from the work's start (its first ``touch()``), not from the watch's making: a work
    /// that waits for a thread has not asked the server anything yet.
    final class AnswerWatch: Sendable {
        private let now: @Sendable () -> UInt64
        /// The last answer, in ns of `now`; `UInt64.max` before the work started.
        private let last = Atomic<UInt64>(.max)

        /// - Parameter now: the clock, in ns (monotonic; tests give a simulated one).
        init(now: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
            self.now = now
        }

        /// The work started, or the server answered, now.
        func touch() { last.store(now(), ordering: .relaxed) }

        /// Time since the last answer, in s (0 before the work started, or when an answer lands while it
        /// is read).
        var quietSeconds: Double {
            let answered = last.load(ordering: .relaxed)
            let now = now()
            return answered != .max && now > answered ? Double(now - answered) / 1e9 : 0
        }

        /// The clock's reading, in s.
        var clockSeconds: Double { Double(now()) / 1e9 }
    }

    /// How late an alarm may wake before it takes its own lateness for the process being frozen rather
    /// than the server keeping silent, in s.
    static let tolerableLateness = 0.5

    /// An alarm that goes off with `error` once `watch` has seen no answer for `seconds` since the work
    /// started (`nil` when cancelled first): a deadline that a long answer arriving steadily never reaches.
    ///
    /// It goes off only when it wakes on time. A wake later than ``tolerableLateness`` means this process
    /// was frozen (a loaded machine, every thread busy), and an answer that came meanwhile may be waiting to
    /// be read: the alarm then waits a little more, so a frozen process never blames the server.
    ///
    /// - Parameter sleep: waits the given s (tests give a simulated one); throws when cancelled.
    static func silence(longerThan seconds: Double, watch: AnswerWatch,
                        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
                        _ error: SyncError) -> @Sendable () async -> SyncError? {
        {
            var late = Double.infinity  // it goes off only after a wake on time, never on its first look
            while true {
                let quiet = watch.quietSeconds
                if quiet >= seconds && late <= tolerableLateness { return error }
                let wait = quiet >= seconds ? min(seconds, 1) : seconds - quiet
                let before = watch.clockSeconds
                do { try await sleep(wait) } catch { return nil }
                late = watch.clockSeconds - before - wait
            }
        }
    }
}

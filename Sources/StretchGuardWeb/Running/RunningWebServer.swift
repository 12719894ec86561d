import Dispatch
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A ``WebServer`` running on its own task for a synchronous caller (the command line): started and bound
/// before ``start(_:on:timeout:)`` returns, stopped when asked (``stop(linger:timeout:)``), never by a
/// signal of its own — the caller decides when, so that `run --serve` closes it only after the outputs are
/// off and the recording is closed.
public final class RunningWebServer: Sendable {
    /// What the server's task reports to the caller's thread.
    private final class Progress: Sendable {
        let port = Mutex<Int?>(nil)
        let failure = Mutex<ListenFailure?>(nil)
        /// Signalled once the socket is bound, or the server failed before.
        let listening = DispatchSemaphore(value: 0)
        /// Signalled once the server's task has ended (and again by each waiter that saw it).
        let ended = DispatchSemaphore(value: 0)
    }

    /// The port it listens on (the one asked for, or the one chosen for port 0).
    public let port: Int
    private let group: ServiceGroup
    private let progress: Progress
    private let viewers: LiveViewers

    private init(port: Int, group: ServiceGroup, progress: Progress, viewers: LiveViewers) {
        self.port = port
        self.group = group
        self.progress = progress
        self.viewers = viewers
    }

    /// Starts `server` on `address`, returning once its socket is bound.
    ///
    /// - Parameter timeout: how long binding may take, in s.
    /// - Throws: ``ListenFailure``: the address is taken, not this machine's, or needs root.
    public static func start(_ server: WebServer, on address: ServeAddress, timeout: Double = 10) throws(ListenFailure) -> RunningWebServer {
        var logger = Logger(label: "stretchguard.web")
        logger.logLevel = .warning  // the command prints where to connect; the framework's start-up line is noise
        let progress = Progress()
        let application = server.application(address: address, logger: logger) { port in
            progress.port.withLock { $0 = port }
            progress.listening.signal()
        }
        let group = ServiceGroup(services: [application], logger: logger)
        Task {
            do {
                try await group.run()
            } catch {
                progress.failure.withLock { $0 = ListenFailure(error, address: address) }
            }
            progress.listening.signal()  // a failure to bind wakes the starter too
            progress.ended.signal()
        }
        guard progress.listening.wait(timeout: .now() + timeout) == .success else {
            throw ListenFailure(timedOutOn: address, seconds: timeout)
        }
        guard let port = progress.port.withLock({ $0 }) else {
            throw progress.failure.withLock { $0 } ?? ListenFailure(timedOutOn: address, seconds: timeout)
        }
        return RunningWebServer(port: port, group: group, progress: progress, viewers: server.viewers)
    }

    /// Whether the server has stopped (by itself, with ``failureReason``, or when asked).
    public var hasEnded: Bool { waitForEnd(0) }

    /// What stopped the server, if it stopped with an error.
    public var failureReason: ListenFailure? { progress.failure.withLock { $0 } }

    /// Closes the server: once the live stream's viewers have had the session's last update (or `linger` s
    /// have passed) it stops taking connections and closes the open ones, waiting at most `timeout` s.
    /// Calling it again does nothing more.
    public func stop(linger: Double = 1, timeout: Double = 5) {
        let deadline = DispatchTime.now() + linger
        while viewers.current > 0, DispatchTime.now() < deadline, !waitForEnd(0.05) {}
        let group = group
        Task { await group.triggerGracefulShutdown() }
        _ = waitForEnd(timeout)
    }

    /// Whether the server's task ended within `seconds`.
    private func waitForEnd(_ seconds: Double) -> Bool {
        guard progress.ended.wait(timeout: .now() + seconds) == .success else { return false }
        progress.ended.signal()  // for the next waiter
        return true
    }
}

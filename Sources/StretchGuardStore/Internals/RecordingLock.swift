#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on `<database>-recording.lock` that tells live sessions from crashed ones.
///
/// Each ``SessionRecorder`` holds it shared (through its own open file) from its session's start to its
/// finish; the kernel drops it when the process ends, however it ends (kill -9, power cut). Crash recovery
/// runs only if it can take the lock exclusively, so opening the database while a session records — in this
/// process or another — does not close that session. Sendable: its state is the descriptor, fixed at init.
/// The corresponding C function is `flock`.
final class RecordingLock: Sendable {
    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    /// Opens (creating if needed) the lock file beside a database, without locking it.
    ///
    /// - Returns: nil if the lock file cannot be opened (a read-only folder): then nothing can record there.
    init?(databasePath: String) {
        path = databasePath + "-recording.lock"
        let fd = path.withCString { open($0, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock shared, waiting while a recovery holds it exclusively (a recovery is brief).
    func lockShared() {
        while flock(descriptor, LOCK_SH) != 0 && errno == EINTR {}
    }

    /// Takes the lock exclusively if nobody holds it; returns whether it did.
    func tryLockExclusive() -> Bool {
        while true {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno != EINTR { return false }
        }
    }

    /// Releases the lock.
    func unlock() {
        while flock(descriptor, LOCK_UN) != 0 && errno == EINTR {}
    }
}

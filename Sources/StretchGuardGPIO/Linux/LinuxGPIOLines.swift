import CGPIOD
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A requested output line through the CGPIOD shim.
///
/// Sendable: the C request lives inside a `Mutex`, so a `release()` from another thread (an exit path)
/// cannot race a `setActive` in the live loop.
final class LinuxGPIOOutput: GPIOOutput {
    let lineDescription: String
    private let request: Mutex<LibgpiodHandle?>

    init(request: LibgpiodHandle, lineDescription: String) {
        self.request = Mutex(request)
        self.lineDescription = lineDescription
    }

    deinit { release() }

    func setActive(_ active: Bool) throws(GPIOError) {
        let description = lineDescription
        try request.withLock { (request: inout LibgpiodHandle?) throws(GPIOError) in
            guard let open = request else { throw GPIOError.closed(description) }
            guard sg_gpiod_request_set_value(open.pointer, active ? 1 : 0) == 0 else {
                throw GPIOError.system(operation: "setting", target: description, errno: errno)
            }
        }
    }

    func release() {
        request.withLock { request in
            guard let open = request else { return }
            _ = sg_gpiod_request_set_value(open.pointer, 0)  // best effort: the kernel keeps a released output's level
            sg_gpiod_request_release(open.pointer)
            request = nil
        }
    }
}

/// A requested input line with edge events through the CGPIOD shim.
///
/// Sendable: the C request lives inside a `Mutex`. A wait holds the lock, so a `release()` from another
/// thread waits for it (at most its timeout).
final class LinuxGPIOEdgeInput: GPIOEdgeInput {
    /// How many events one read takes from the kernel (the shim reads at most 16); read onto the stack.
    static let batchCapacity = 16

    let lineDescription: String
    private let request: Mutex<LibgpiodHandle?>

    init(request: LibgpiodHandle, lineDescription: String) {
        self.request = Mutex(request)
        self.lineDescription = lineDescription
    }

    deinit { release() }

    var fileDescriptor: Int32? {
        request.withLock { request in
            guard let open = request else { return nil }
            let descriptor = sg_gpiod_request_fd(open.pointer)
            return descriptor >= 0 ? descriptor : nil
        }
    }

    func now() -> Double { SystemMonotonicClock().now() }

    /// Runs `body` with the open request; throws `.closed` after `release()`.
    private func withRequest<Result: Sendable>(
        _ body: (OpaquePointer) throws(GPIOError) -> Result
    ) throws(GPIOError) -> Result {
        let description = lineDescription
        return try request.withLock { (request: inout LibgpiodHandle?) throws(GPIOError) -> Result in
            guard let open = request else { throw GPIOError.closed(description) }
            return try body(open.pointer)
        }
    }

    func isActive() throws(GPIOError) -> Bool {
        let description = lineDescription
        return try withRequest { request throws(GPIOError) in
            let value = sg_gpiod_request_get_value(request)
            guard value >= 0 else { throw GPIOError.system(operation: "reading", target: description, errno: errno) }
            return value == 1
        }
    }

    func waitForEdges(timeout: Double) throws(GPIOError) -> Bool {
        let description = lineDescription
        let nanoseconds = LinuxSystem.timeoutNanoseconds(timeout)
        return try withRequest { request throws(GPIOError) in
            let result = sg_gpiod_request_wait_edges(request, nanoseconds)
            if result >= 0 { return result == 1 }
            let code = errno
            if code == EINTR { return false }
            throw GPIOError.system(operation: "waiting for edges on", target: description, errno: code)
        }
    }

    @discardableResult
    func readEdges(_ body: (GPIOEdge) -> Void) throws(GPIOError) -> Int {
        let description = lineDescription
        return try withUnsafeTemporaryAllocation(of: sg_gpiod_edge_event.self, capacity: Self.batchCapacity) {
            events throws(GPIOError) in
            let buffer = events.baseAddress!
            let capacity = UInt32(events.count)
            // Read under the lock; hand the events over after it, so that `body` may use this line.
            let count = try withRequest { request throws(GPIOError) -> Int in
                let count = sg_gpiod_request_read_edges(request, buffer, capacity)
                if count >= 0 { return Int(count) }
                let code = errno
                if code == EINTR || code == EAGAIN { return 0 }
                throw GPIOError.system(operation: "reading edges from", target: description, errno: code)
            }
            for event in events.prefix(count) {
                body(GPIOEdge(kind: event.rising ? .rising : .falling, timestampNanoseconds: event.timestamp_ns,
                              offset: Int(event.offset)))
            }
            return count
        }
    }

    func release() {
        request.withLock { request in
            guard let open = request else { return }
            sg_gpiod_request_release(open.pointer)
            request = nil
        }
    }
}

import Foundation

/// `body(0) … body(count − 1)` computed on all cores (each index once, in any order), returned in index
/// order. Renders and replays of a suite are independent, so the evaluation spreads them this way.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.store(body(index), at: index)
    }
    return slots.values
}

/// Result slots written from several threads; every access holds the lock, which is what makes the
/// class safe to share (hence the unchecked conformance).
private final class Slots<T: Sendable>: @unchecked Sendable {
    private var items: [T?]
    private let lock = NSLock()

    init(count: Int) {
        items = Array(repeating: nil, count: count)
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        items[index] = value
    }

    /// Every slot's value (call after all stores).
    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items.map { $0! }
    }
}

import Synchronization

/// A bounded lock-free queue for exactly one producer thread and one consumer thread.
///
/// The producer's ``push(_:)`` never blocks and never allocates: it copies the element into a slot
/// allocated up front, or returns false when the queue is full. The consumer's ``drain(limit:_:)`` takes
/// what is there.
///
/// Why `@unchecked Sendable` is sound here: each slot is written only by the producer while it lies
/// outside `tail..<head`, and read only by the consumer while inside it. The producer publishes a slot by
/// storing `head` with release ordering after writing it; the consumer loads `head` with acquire ordering
/// before reading. Symmetrically, the consumer frees slots by storing `tail` (release) after reading them,
/// and the producer loads `tail` (acquire) before reusing them. Calling `push` from two threads at once, or
/// `drain` from two threads at once, breaks this: don't.
final class SPSCRing<Element>: @unchecked Sendable {
    /// The number of slots (a power of two).
    let capacity: Int
    private let mask: Int
    private let slots: UnsafeMutablePointer<Element>
    /// Total elements ever pushed (stored by the producer only).
    private let head = Atomic<Int>(0)
    /// Total elements ever drained (stored by the consumer only).
    private let tail = Atomic<Int>(0)

    /// A ring of at least `minimumCapacity` slots (rounded up to a power of two), each set to `filler`.
    init(minimumCapacity: Int, filler: Element) {
        var capacity = 2
        while capacity < minimumCapacity { capacity <<= 1 }
        self.capacity = capacity
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: filler, count: capacity)
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// Producer only: appends an element; returns false (and drops it) when the ring is full.
    @inline(__always)
    func push(_ element: Element) -> Bool {
        let written = head.load(ordering: .relaxed)
        let read = tail.load(ordering: .acquiring)
        guard written - read < capacity else { return false }
        slots[written & mask] = element
        head.store(written + 1, ordering: .releasing)
        return true
    }

    /// Consumer only: calls `body` with up to `limit` elements, oldest first, and frees their slots.
    ///
    /// - Returns: how many elements were taken.
    @discardableResult
    func drain(limit: Int = .max, _ body: (Element) -> Void) -> Int {
        let read = tail.load(ordering: .relaxed)
        let written = head.load(ordering: .acquiring)
        let count = min(written - read, limit)
        for index in read..<(read + count) {
            body(slots[index & mask])
        }
        tail.store(read + count, ordering: .releasing)
        return count
    }

    /// Elements waiting (a snapshot; exact only on the consumer's thread).
    var count: Int {
        head.load(ordering: .acquiring) - tail.load(ordering: .acquiring)
    }
}

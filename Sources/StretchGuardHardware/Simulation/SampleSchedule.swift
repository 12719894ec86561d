/// When a simulated chip takes its samples: at `anchor + k × period` for k = 1, 2, … from the moment it
/// woke (or its rate changed), generated lazily when the chip is next touched.
struct SampleSchedule: Sendable {
    /// The time sampling (re)started, in s; nil while the chip is not sampling.
    private(set) var anchor: Double?
    /// The next k to generate.
    private var nextIndex = 1

    /// Whether the chip is sampling.
    var isRunning: Bool { anchor != nil }

    /// Starts (or restarts) sampling: the first sample is one period after `now` (s).
    mutating func start(at now: Double) {
        anchor = now
        nextIndex = 1
    }

    /// Stops sampling (sleep, power-down, reset).
    mutating func stop() {
        anchor = nil
    }

    /// Takes the sample instants due by `now` (s) that were not taken yet, at most the latest `limit`.
    ///
    /// - Parameter period: the sample period, in s.
    /// - Returns: the instants (s), oldest first, and whether older due instants were skipped.
    mutating func takeDue(until now: Double, period: Double, limit: Int) -> DueSamples {
        guard let anchor else { return DueSamples(anchor: 0, period: period, indices: 0..<0, skipped: false) }
        let lastDue = Int(((now - anchor) / period + 1e-9).rounded(.down))
        guard lastDue >= nextIndex else { return DueSamples(anchor: anchor, period: period, indices: 0..<0, skipped: false) }
        let first = max(nextIndex, lastDue - limit + 1)
        let skipped = first > nextIndex
        nextIndex = lastDue + 1
        return DueSamples(anchor: anchor, period: period, indices: first..<(lastDue + 1), skipped: skipped)
    }

    /// The first sample instant strictly after `time` (s), or nil when not sampling.
    func nextInstant(after time: Double, period: Double) -> Double? {
        guard let anchor else { return nil }
        let index = max(1, ((time - anchor) / period + 1e-9).rounded(.down) + 1)
        return anchor + index * period
    }
}

/// The sample instants a ``SampleSchedule`` found due: `anchor + k × period` for k in `indices`, computed
/// as they are iterated (nothing allocated).
struct DueSamples: Sequence {
    /// When sampling started, and the period, in s.
    var anchor: Double, period: Double
    /// Which instants.
    var indices: Range<Int>
    /// Whether older due instants were skipped (more were due than the limit).
    var skipped: Bool

    /// The instants, in s, oldest first.
    var instants: DueSamples { self }

    func makeIterator() -> Iterator {
        Iterator(samples: self, index: indices.lowerBound)
    }

    struct Iterator: IteratorProtocol {
        let samples: DueSamples
        var index: Int

        mutating func next() -> Double? {
            guard index < samples.indices.upperBound else { return nil }
            defer { index += 1 }
            return samples.anchor + Double(index) * samples.period
        }
    }
}

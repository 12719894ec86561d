import StretchGuardCore

/// Why a recording holds no still stretch to take the neutral posture from (``FoundBaseline/search(_:options:)``).
///
/// ``problem(timesFrom:)`` says it in a sentence; each caller adds where and what to do (``TraceError``
/// for a file, the review's error for a stored session).
public struct BaselineSearchFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The recording has no samples.
        case noSamples
        /// The recording is shorter than the stretch: `duration` s in `samples` samples.
        case tooShort(duration: Double, samples: Int)
        /// No stretch within the search was still; the stillest one seen, when a whole stretch was.
        case notStill(stillest: StillStretchFinder.Stretch?)
    }

    /// What went wrong.
    public var reason: Reason
    /// What was looked for: the stretch's length and the search's reach, in s.
    public var settings: StillStretchFinder.Settings

    public init(_ reason: Reason, settings: StillStretchFinder.Settings) {
        self.reason = reason
        self.settings = settings
    }

    /// The stillest stretch's failure, when there is one.
    public var stillestFailure: BaselineCalibrator.Failure? {
        if case let .notStill(stillest) = reason { return stillest?.failure }
        return nil
    }

    /// What is wrong, in a sentence fragment that follows the recording's name.
    ///
    /// - Parameter origin: the time the recording's times are told from, in s (0: as recorded).
    public func problem(timesFrom origin: Double = 0) -> String {
        let seconds = Self.format(settings.duration)
        let search = Self.format(settings.searchLimit)
        switch reason {
        case .noSamples:
            return "has no samples"
        case let .tooShort(duration, samples):
            return "only \(Self.format(duration)) s of samples (\(samples) rows), fewer than the \(seconds) s still stretch the neutral posture is taken from"
        case let .notStill(stillest):
            guard let stillest, let failure = stillest.failure else {
                return "has no \(seconds) s stretch in its first \(search) s"
            }
            switch failure {
            case let .tooFewSamples(count, minimum):
                return "a \(seconds) s stretch holds only \(count) samples (at least \(minimum) needed)"
            case .moving:
                let place = "the stillest \(seconds) s, from \(Self.format(stillest.start - origin)) s to \(Self.format(stillest.end - origin)) s,"
                return "no still \(seconds) s stretch in the first \(search) s: in \(place) \(failure.description)"
            case .implausibleGravity:
                return failure.description
            }
        }
    }

    public var description: String { problem() }

    /// A number with up to two decimals, for messages.
    static func format(_ x: Double) -> String {
        FixedDecimal.short(x)
    }
}

extension TraceError {
    /// A baseline search's failure in a trace file, with the file's lines (data from line 2) and the
    /// `replay` options that help.
    public init(_ failure: BaselineSearchFailure, path: String) {
        let problem = failure.problem()
        let seconds = BaselineSearchFailure.format(failure.settings.duration)
        switch failure.reason {
        case .noSamples:
            self.init(path: path, problem: problem, fix: "record a session or pick another file")
        case .tooShort:
            self.init(path: path, problem: problem, fix: "record a longer session or lower --baseline-seconds")
        case let .notStill(stillest):
            guard let stillest, let reason = stillest.failure else {
                self.init(path: path, problem: problem,
                          fix: "record standing upright and still for \(seconds) s near the start")
                return
            }
            let lines = (stillest.first + 2)...(stillest.last + 2)
            let fix = switch reason {
            case .tooFewSamples: "raise --baseline-seconds or record at a higher rate"
            case .moving: "record standing upright and still for \(seconds) s near the start, or raise --baseline-search or lower --baseline-seconds"
            case .implausibleGravity: "ax,ay,az must be in m/s² (multiply readings in g by 9.80665)"
            }
            self.init(path: path, lines: lines, problem: problem, fix: fix)
        }
    }
}

/// Finds the wearer's neutral posture in a recording: a still stretch of `duration` s within the first
/// `searchLimit` s, instead of assuming the recording starts with it.
///
/// Real recordings rarely start still at t = 0: people adjust, step into place, start moving within 2 s.
/// Samples are fed in order; each one ends a candidate window (the shortest one reaching back `duration`
/// s), judged by `BaselineCalibrator`'s stillness limits on prefix-sum differences, O(1) per sample. The
/// first still window may still hold the tail of the movement before it, so the search goes on for
/// `refineTime` s (or until a window is no longer still) and moves to a later window of that run when it is
/// clearly stiller (under half the first one's share of the limits). The
/// stillest window seen overall (the one closest to the limits) is kept to say what was found when none
/// is still enough.
///
/// Keeps prefix sums of every sample fed (about 250 bytes each): a searching phase, not a per-sample path.
public struct StillStretchFinder: Sendable {
    /// What to look for.
    public struct Settings: Sendable, Equatable {
        /// Length of the still stretch, in s. Default 2 s.
        public var duration: Double = 2
        /// How far into the recording to look, in s. Default 30 s.
        public var searchLimit: Double = 30
        /// How long after the first still window the stillest one is sought, in s. Default 1 s.
        public var refineTime: Double = 1
        /// The stillness limits.
        public var stillness = BaselineCalibrator.Settings()

        public init(duration: Double = 2, searchLimit: Double = 30) {
            self.duration = duration
            self.searchLimit = searchLimit
        }
    }

    /// A stretch of samples: indices (in the order fed) and times, in s.
    public struct Stretch: Sendable, Equatable {
        /// First and last sample index.
        public var first: Int, last: Int
        /// First and last sample time, in s.
        public var start: Double, end: Double
        /// Why it is not still enough (nil when it is).
        public var failure: BaselineCalibrator.Failure?
    }

    public let settings: Settings
    private var prefix: [BaselineSums] = [BaselineSums()]
    /// The pelvis's prefix sums (two sensors; a tick without a pelvis reading adds nothing).
    private var pelvisPrefix: [BaselineSums] = [BaselineSums()]
    private var times: [Double] = []
    private var integrated = Vector3D.zero, pelvisIntegrated = Vector3D.zero
    private var windowStart = 0
    private var origin: Double?
    /// The still stretch chosen, once the search is over.
    public private(set) var found: Stretch?
    /// The stillest still window of the current run, and its score, while refining.
    private var candidate: Stretch?
    private var candidateScore = Double.infinity
    private var refineUntil = Double.infinity
    /// The stillest stretch seen (the smallest share of the limits), for the message when none is still.
    public private(set) var stillest: Stretch?
    private var stillestScore = Double.infinity

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Samples fed so far.
    public var count: Int { times.count }

    /// Whether the search is over: a stretch was chosen, or the search limit has passed.
    public var isDone: Bool {
        found != nil || (times.last.map { $0 - (origin ?? $0) > settings.searchLimit } ?? false)
    }

    /// Feeds the next sample; returns the still stretch chosen when this sample ends the search.
    public mutating func add(_ sample: IMUSample) -> Stretch? {
        guard found == nil else { return nil }
        let t0 = origin ?? sample.time
        origin = t0
        let step = times.last.map { max(sample.time - $0, 0) } ?? 0
        integrated += sample.gyr * step
        var sums = prefix[prefix.count - 1]
        sums.add(sample, time: sample.time - t0, angle: integrated)
        prefix.append(sums)
        var pelvisSums = pelvisPrefix[pelvisPrefix.count - 1]
        if let pelvis = sample.pelvisSample {
            pelvisIntegrated += pelvis.gyr * step
            pelvisSums.add(pelvis, time: sample.time - t0, angle: pelvisIntegrated)
        }
        pelvisPrefix.append(pelvisSums)
        times.append(sample.time)
        let last = times.count - 1
        guard sample.time - t0 <= settings.searchLimit else { return finish() }
        // The shortest window ending here that reaches back `duration` s.
        while windowStart + 1 < last && sample.time - times[windowStart + 1] >= settings.duration {
            windowStart += 1
        }
        guard sample.time - times[windowStart] >= settings.duration else { return nil }
        let window = sums.subtracting(prefix[windowStart])
        let stillness = BaselineCalibrator.Stillness(window)
        let failure = BaselineCalibrator.failure(of: window, settings: settings.stillness, stillness: stillness)
        let stretch = Stretch(first: windowStart, last: last, start: times[windowStart], end: sample.time,
                              failure: failure)
        let score = stillness.share(of: settings.stillness)
        guard failure == nil else {
            if candidate != nil { return finish() }
            if score < stillestScore {
                stillestScore = score
                stillest = stretch
            }
            return nil
        }
        if candidate == nil { refineUntil = sample.time + settings.refineTime }
        // A later window replaces the first only when it is clearly stiller (half its share of the
        // limits): the tail of a movement, not noise, moves the neutral later.
        if score < 0.5 * candidateScore {
            candidateScore = score
            candidate = stretch
        }
        return sample.time >= refineUntil ? finish() : nil
    }

    /// Ends the search with the candidate, if any.
    private mutating func finish() -> Stretch? {
        found = candidate
        return candidate
    }

    /// The baseline of the stretch chosen; a search cut short (the samples ran out while refining) takes
    /// the best still window so far.
    ///
    /// - Parameters:
    ///   - spineAxis: a declared spine axis, or nil for the measured up direction.
    ///   - forwardAxis: a declared forward axis, or nil to learn it from the first deep bend.
    public func baseline(spineAxis: SensorAxis? = nil, forwardAxis: SensorAxis? = nil) -> Baseline? {
        guard let chosen else { return nil }
        let sums = prefix[chosen.last + 1].subtracting(prefix[chosen.first])
        let pelvisSums = pelvisPrefix[chosen.last + 1].subtracting(pelvisPrefix[chosen.first])
        return BaselineCalibrator.baseline(sums: sums, pelvisSums: pelvisSums, duration: chosen.end - chosen.start,
                                           spineAxis: spineAxis, forwardAxis: forwardAxis)
    }

    /// The stretch chosen, or the best still window so far when the samples ran out while refining.
    public var chosen: Stretch? { found ?? candidate }
}

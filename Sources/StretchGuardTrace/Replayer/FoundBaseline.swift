import StretchGuardCore

/// The neutral posture a replay judges against.
public enum ReplayBaseline: Sendable {
    /// A calibrated neutral posture (a calibration record stored with the session): every sample is judged
    /// against it, from the first.
    case calibrated(Baseline)
    /// The recording's first still stretch (``FoundBaseline/search(_:options:)``): samples are judged from
    /// its first; the earlier ones get their angles from the backward pass and no verdict.
    case found(FoundBaseline)

    /// The neutral posture.
    public var baseline: Baseline {
        switch self {
        case let .calibrated(baseline): return baseline
        case let .found(found): return found.baseline
        }
    }

    /// The still stretch, when the baseline was found in the recording.
    public var found: FoundBaseline? {
        if case let .found(found) = self { return found }
        return nil
    }
}

/// The neutral posture found in a recording: its first still stretch, by ``StillStretchFinder`` — the one
/// baseline capture for every recording without a calibration (a CSV trace, a stored session without one
/// or reviewed with `--recalibrate`, a generated session, the benchmark's stream).
public struct FoundBaseline: Sendable {
    /// The baseline.
    public var baseline: Baseline
    /// Indices (in reading order, from 0) of the first and last sample of the still stretch; the judging
    /// starts at the first.
    public var first: Int, last: Int
    /// Times of the stretch's first and last sample, in s on the recording's clock.
    public var start: Double, end: Double
    /// The samples from the recording's first through the stretch's first (`first + 1` samples): all the
    /// backward pass needs of the samples before the stretch.
    public var lead: [IMUSample]

    /// Looks for the first still stretch of `options.baselineSeconds` within the first
    /// `options.baselineSearch` s, reading only as far as the search goes (the finder's refining included).
    ///
    /// - Parameters:
    ///   - source: the recording.
    ///   - options: the stretch's length and the search's reach, and any declared axes (defaults: 2 s
    ///     within 30 s, axes measured or learned).
    /// - Returns: the stretch, or why there is none (phrased by the caller: ``TraceError/init(_:path:)``
    ///   for a file).
    /// - Throws: the source's read failure.
    public static func search<Source: ReplaySource>(_ source: Source, options: ReplayOptions = ReplayOptions())
        throws(Source.Failure) -> Result<FoundBaseline, BaselineSearchFailure> {
        var finder = StillStretchFinder(settings: .init(duration: options.baselineSeconds,
                                                        searchLimit: options.baselineSearch))
        var read: [IMUSample] = []
        try source.read { sample in
            read.append(sample)
            _ = finder.add(sample)
            return !finder.isDone
        }
        let settings = finder.settings
        guard let first = read.first, let last = read.last else {
            return .failure(BaselineSearchFailure(.noSamples, settings: settings))
        }
        guard let stretch = finder.chosen,
              let baseline = finder.baseline(spineAxis: options.spineAxis, forwardAxis: options.forwardAxis) else {
            // A search that ran out of samples before its stretch's length says so.
            let duration = last.time - first.time
            if !finder.isDone, duration < settings.duration {
                return .failure(BaselineSearchFailure(.tooShort(duration: duration, samples: read.count),
                                                      settings: settings))
            }
            return .failure(BaselineSearchFailure(.notStill(stillest: finder.stillest), settings: settings))
        }
        read.removeSubrange((stretch.first + 1)...)
        return .success(FoundBaseline(baseline: baseline, first: stretch.first, last: stretch.last,
                                      start: stretch.start, end: stretch.end, lead: read))
    }
}

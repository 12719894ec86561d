import StretchGuardCore

/// Runs the core pipeline over a recorded trace: finds the neutral posture (the first still stretch near
/// the start), then judges every sample after it; the rows before it get their angles from the same
/// neutral (the filter run backwards in time from it) and no verdicts.
public enum Replay {
    /// The neutral posture found in a trace.
    public struct FoundBaseline: Sendable {
        /// The baseline.
        public var baseline: Baseline
        /// Indices of the first and last sample of the still stretch; the judging starts at the first.
        public var first: Int, last: Int
    }

    /// The first still stretch of `options.baselineSeconds` within the first `options.baselineSearch` s.
    ///
    /// - Parameter path: the trace's file name, for error messages (data lines start at line 2).
    /// - Throws: `TraceError` when the trace is shorter than the baseline or has no still stretch.
    public static func findBaseline(in samples: [IMUSample], path: String,
                                    options: ReplayOptions) throws(TraceError) -> FoundBaseline {
        guard let first = samples.first, let last = samples.last else {
            throw TraceError(path: path, problem: "has no samples", fix: "record a session or pick another file")
        }
        guard last.time - first.time >= options.baselineSeconds else {
            throw TraceError(path: path,
                             problem: "only \(format(last.time - first.time)) s of samples (\(samples.count) rows), fewer than the \(format(options.baselineSeconds)) s still stretch the neutral posture is taken from",
                             fix: "record a longer session or lower --baseline-seconds")
        }
        var finder = StillStretchFinder(settings: .init(duration: options.baselineSeconds,
                                                        searchLimit: options.baselineSearch))
        for s in samples {
            _ = finder.add(s)
            if finder.isDone { break }
        }
        guard let stretch = finder.chosen,
              let baseline = finder.baseline(spineAxis: options.spineAxis, forwardAxis: options.forwardAxis) else {
            throw explain(finder.stillest, path: path, options: options)
        }
        return FoundBaseline(baseline: baseline, first: stretch.first, last: stretch.last)
    }

    /// Runs the whole core — filter, posture, detectors — over the samples from the start of the neutral
    /// stretch, one frame per sample, then closes what is still open (a hold in progress).
    ///
    /// - Parameters:
    ///   - samples: the trace.
    ///   - found: its neutral posture (`findBaseline`).
    ///   - profile: the exercise's thresholds.
    ///   - sink: receives every frame with its events, in order (the rows before the neutral stretch with
    ///     no verdict and no events); after the last, an end-of-session call with `nil` and the events of
    ///     closing.
    public static func run(_ samples: [IMUSample], found: FoundBaseline, profile: FormProfile = .general,
                           sink: (FormFrame?, FormEvents) throws -> Void) rethrows {
        let period = medianPeriod(samples)
        let judged = samples[found.first...]
        if found.first > 0 {
            var baseline = found.baseline
            if !baseline.forwardAxisKnown {
                // The rows before the neutral use the forward axis as the whole session taught it.
                var learner = PosturePipeline(baseline: baseline, postureSettings: profile.postureSettings,
                                              samplePeriod: period)
                for s in judged { _ = learner.process(s) }
                baseline.mounting = learner.posture.mounting
                baseline.forwardAxisKnown = !learner.posture.isForwardProvisional
            }
            let none = FormEvents()
            for frame in backwardFrames(samples[...found.first], baseline: baseline, profile: profile, period: period) {
                try sink(frame, none)
            }
        }
        var pipeline = FormPipeline(baseline: found.baseline, profile: profile, samplePeriod: period)
        for s in judged {
            let frame = pipeline.process(s)
            try sink(frame, pipeline.events)
        }
        pipeline.finish(at: samples.last?.time ?? 0)
        try sink(nil, pipeline.events)
    }

    /// The posture of the samples before the neutral stretch, in order: the filter runs backwards in time
    /// from its start (time mirrored, rates negated), so the angles are relative to the neutral. The last
    /// sample of `samples` is the stretch's first and only anchors the run.
    static func backwardFrames(_ samples: ArraySlice<IMUSample>, baseline: Baseline, profile: FormProfile,
                               period: Double) -> [FormFrame] {
        guard let anchor = samples.last else { return [] }
        // Backwards in time the rate is negated, and so is its bias: −(ω − b) = −ω − (−b).
        var baseline = baseline
        baseline.gyrBias = -baseline.gyrBias
        var pipeline = PosturePipeline(baseline: baseline, postureSettings: profile.postureSettings,
                                       samplePeriod: period)
        var frames: [FormFrame] = []
        frames.reserveCapacity(samples.count - 1)
        for s in samples.reversed() {
            let mirrored = IMUSample(time: 2 * anchor.time - s.time, gyr: -s.gyr, acc: s.acc)
            var posture = pipeline.process(mirrored)
            guard s.time < anchor.time else { continue }
            posture.time = s.time
            frames.append(FormFrame(posture: posture, verdict: FormVerdict()))
        }
        return frames.reversed()
    }

    static func medianPeriod(_ samples: [IMUSample]) -> Double {
        let n = min(samples.count, 201)
        guard n >= 2 else { return 0.01 }
        var steps = (1..<n).map { samples[$0].time - samples[$0 - 1].time }
        steps.sort()
        return steps[steps.count / 2]
    }

    private static func explain(_ stillest: StillStretchFinder.Stretch?, path: String,
                                options: ReplayOptions) -> TraceError {
        let seconds = format(options.baselineSeconds)
        let search = format(options.baselineSearch)
        guard let stillest, let failure = stillest.failure else {
            return TraceError(path: path, problem: "has no \(seconds) s stretch in its first \(search) s",
                              fix: "record standing upright and still for \(seconds) s near the start")
        }
        let lines = (stillest.first + 2)...(stillest.last + 2)
        let place = "the stillest \(seconds) s, from \(format(stillest.start)) s to \(format(stillest.end)) s,"
        switch failure {
        case let .tooFewSamples(count, minimum):
            return TraceError(path: path, lines: lines,
                              problem: "a \(seconds) s stretch holds only \(count) samples (at least \(minimum) needed)",
                              fix: "raise --baseline-seconds or record at a higher rate")
        case .moving:
            return TraceError(path: path, lines: lines,
                              problem: "no still \(seconds) s stretch in the first \(search) s: in \(place) \(failure.description)",
                              fix: "record standing upright and still for \(seconds) s near the start, or raise --baseline-search or lower --baseline-seconds")
        case .implausibleGravity:
            return TraceError(path: path, lines: lines,
                              problem: failure.description,
                              fix: "ax,ay,az must be in m/s² (multiply readings in g by 9.80665)")
        }
    }

    /// A number with up to two decimals, for messages.
    static func format(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e12 else { return x.isNaN ? "not a number" : (x > 0 ? "huge" : "-huge") }
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

import StretchGuardCore

/// Runs the core pipeline over a recorded trace: calibrates the baseline from its first seconds, then
/// processes every sample from the start.
public enum Replay {
    /// The baseline from the first `options.baselineSeconds` of `samples`.
    ///
    /// - Parameter path: the trace's file name, for error messages (data lines start at line 2).
    /// - Throws: `TraceError` when the trace is shorter than the baseline or the baseline is not still.
    public static func baseline(of samples: [IMUSample], path: String,
                                options: ReplayOptions) throws(TraceError) -> Baseline {
        guard let first = samples.first, let last = samples.last else {
            throw TraceError(path: path, problem: "has no samples", fix: "record a session or pick another file")
        }
        let end = first.time + options.baselineSeconds
        guard last.time - first.time >= options.baselineSeconds else {
            throw TraceError(path: path,
                             problem: "only \(format(last.time - first.time)) s of samples (\(samples.count) rows), fewer than the \(format(options.baselineSeconds)) s baseline",
                             fix: "record a longer still start or lower --baseline-seconds")
        }
        var calibrator = BaselineCalibrator()
        var count = 0
        for s in samples where s.time <= end {
            calibrator.add(s)
            count += 1
        }
        let lines = 2...(count + 1)
        do {
            return try calibrator.baseline(spineAxis: options.spineAxis, forwardAxis: options.forwardAxis)
        } catch {
            throw explain(error, path: path, lines: lines, options: options)
        }
    }

    /// Runs the whole core — filter, posture, detectors — over the samples, one frame per sample, then
    /// closes what is still open (a hold in progress).
    ///
    /// - Parameters:
    ///   - samples: the trace.
    ///   - baseline: its calibrated neutral posture.
    ///   - profile: the exercise's thresholds.
    ///   - sink: receives every frame with its events, in order; after the last, an end-of-session call
    ///     with `nil` and the events of closing.
    public static func run(_ samples: [IMUSample], baseline: Baseline, profile: FormProfile = .general,
                           sink: (FormFrame?, FormEvents) throws -> Void) rethrows {
        var pipeline = FormPipeline(baseline: baseline, profile: profile, samplePeriod: medianPeriod(samples))
        for s in samples {
            let frame = pipeline.process(s)
            try sink(frame, pipeline.events)
        }
        pipeline.finish(at: samples.last?.time ?? 0)
        try sink(nil, pipeline.events)
    }

    static func medianPeriod(_ samples: [IMUSample]) -> Double {
        let n = min(samples.count, 201)
        guard n >= 2 else { return 0.01 }
        var steps = (1..<n).map { samples[$0].time - samples[$0 - 1].time }
        steps.sort()
        return steps[steps.count / 2]
    }

    private static func explain(_ failure: BaselineCalibrator.Failure, path: String, lines: ClosedRange<Int>,
                                options: ReplayOptions) -> TraceError {
        let seconds = format(options.baselineSeconds)
        switch failure {
        case let .tooFewSamples(count, minimum):
            return TraceError(path: path, lines: lines,
                              problem: "the \(seconds) s baseline has only \(count) samples (at least \(minimum) needed)",
                              fix: "raise --baseline-seconds or record at a higher rate")
        case let .moving(gyr, acc):
            return TraceError(path: path, lines: lines,
                              problem: "the wearer moves during the \(seconds) s baseline (rate varies \(format(gyr / degree)) °/s RMS, force \(format(acc)) m/s² RMS; still is under 3 °/s and 0.3 m/s²)",
                              fix: "start the recording standing upright and still, or lower --baseline-seconds to the still part")
        case let .implausibleGravity(magnitude):
            return TraceError(path: path, lines: lines,
                              problem: "the accelerometer reads \(format(magnitude)) m/s² at rest, not about 9.81",
                              fix: "ax,ay,az must be in m/s² (multiply readings in g by 9.80665)")
        case .mounting:
            return TraceError(path: path, lines: lines,
                              problem: "the forward axis \(options.forwardAxis.rawValue) points along the spine",
                              fix: "pick a --forward-axis across the spine, or declare --spine-axis")
        }
    }

    /// A number with up to two decimals, for messages.
    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

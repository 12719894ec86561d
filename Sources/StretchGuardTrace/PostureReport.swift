import StretchGuardCore

/// A plain-language summary of a replayed trace: how long, how far the wearer bent, side-bent and twisted.
public struct PostureReport: Sendable {
    /// The extreme of one angle and when it happened.
    public struct Extreme: Sendable, Equatable {
        /// The angle, in degrees.
        public var degrees: Double = 0
        /// When it was reached, in s from the start.
        public var time: Double = 0
    }

    public private(set) var frames = 0
    public private(set) var startTime: Double?
    public private(set) var endTime: Double = 0
    public private(set) var deepestForwardBend = Extreme()
    public private(set) var deepestBackwardBend = Extreme()
    public private(set) var largestSideBend = Extreme()
    public private(set) var largestTwist = Extreme()
    /// Two sensors: the deepest hip flexion (pelvis forward tilt) and the largest pelvis turn.
    public private(set) var deepestHipFlexion = Extreme()
    public private(set) var largestPelvisTwist = Extreme()
    /// Frames at which the pelvis reported (two sensors).
    public private(set) var pelvisFrames = 0
    /// Time spent bent forward more than `bentThreshold`, in s.
    public private(set) var timeBent: Double = 0
    /// Forward bend that counts as "bent" in the summary, in degrees.
    public let bentThreshold: Double = 20

    public init() {}

    /// Adds one frame.
    public mutating func add(_ frame: PostureFrame) {
        let t0 = startTime ?? frame.time
        if startTime == nil { startTime = frame.time }
        let t = frame.time - t0
        let a = frame.angles.degrees
        if a.flexion > bentThreshold, frames > 0 { timeBent += frame.time - endTime }
        frames += 1
        endTime = frame.time
        if a.flexion > deepestForwardBend.degrees { deepestForwardBend = Extreme(degrees: a.flexion, time: t) }
        if a.flexion < deepestBackwardBend.degrees { deepestBackwardBend = Extreme(degrees: a.flexion, time: t) }
        if abs(a.sideBend) > abs(largestSideBend.degrees) { largestSideBend = Extreme(degrees: a.sideBend, time: t) }
        if abs(a.twist) > abs(largestTwist.degrees) { largestTwist = Extreme(degrees: a.twist, time: t) }
        if let hips = frame.hips {
            pelvisFrames += 1
            let hip = hips.flexion / degree, turn = hips.twist / degree
            if hip > deepestHipFlexion.degrees { deepestHipFlexion = Extreme(degrees: hip, time: t) }
            if abs(turn) > abs(largestPelvisTwist.degrees) { largestPelvisTwist = Extreme(degrees: turn, time: t) }
        }
    }

    /// The summary as a few lines of text.
    ///
    /// - Parameters:
    ///   - input: the trace's name.
    ///   - baseline: the neutral posture.
    ///   - baselineStart: when its still stretch began, in s.
    ///   - output: where the rows went, if anywhere.
    public func render(input: String, baseline: Baseline, baselineStart: Double, output: String?) -> String {
        let duration = endTime - (startTime ?? endTime)
        let rate = duration > 0 ? Double(frames - 1) / duration : 0
        let bias = baseline.gyrBias / degree
        func side(_ d: Double) -> String { d >= 0 ? "to the right" : "to the left" }
        func turn(_ d: Double) -> String { d >= 0 ? "chest to the left" : "chest to the right" }
        var lines = [
            "StretchGuard replay of \(input)",
            "  recording        \(fmt(duration, 1)) s, \(frames) samples at \(fmt(rate, 1)) Hz",
            "  baseline         still from \(fmt(baselineStart, 1)) s to \(fmt(baselineStart + baseline.duration, 1)) s; forward axis \(baseline.forwardAxisKnown ? "declared" : "learned from the first deep bend"); gyro bias (\(fmt(bias.x, 2)), \(fmt(bias.y, 2)), \(fmt(bias.z, 2))) °/s",
            "  forward bend     deepest \(fmt(deepestForwardBend.degrees, 1))° at \(fmt(deepestForwardBend.time, 1)) s; \(fmt(timeBent, 1)) s spent bent more than \(fmt(bentThreshold, 0))°",
            "  backward bend    deepest \(fmt(-deepestBackwardBend.degrees, 1))° at \(fmt(deepestBackwardBend.time, 1)) s",
            "  side bend        largest \(fmt(abs(largestSideBend.degrees), 1))° \(side(largestSideBend.degrees)) at \(fmt(largestSideBend.time, 1)) s",
            "  twist            largest \(fmt(abs(largestTwist.degrees), 1))° (\(turn(largestTwist.degrees))) at \(fmt(largestTwist.time, 1)) s",
        ]
        if let pelvis = baseline.pelvis {
            let pb = pelvis.gyrBias / degree
            let share = frames > 0 ? Double(pelvisFrames) / Double(frames) * 100 : 0
            lines.insert("  sensors          thorax and pelvis: bends and twist are the spine's (thorax relative to pelvis); the pelvis reported at \(fmt(share, 1)) % of the samples, gyro bias (\(fmt(pb.x, 2)), \(fmt(pb.y, 2)), \(fmt(pb.z, 2))) °/s", at: 3)
            lines.append("  hips             deepest hip flexion \(fmt(deepestHipFlexion.degrees, 1))° at \(fmt(deepestHipFlexion.time, 1)) s; largest pelvis turn \(fmt(abs(largestPelvisTwist.degrees), 1))° (whole-body turns included)")
        }
        if let output { lines.append("  rows written to  \(output)") }
        return lines.joined(separator: "\n")
    }

    private func fmt(_ x: Double, _ decimals: Int) -> String {
        FixedDecimal.string(x, decimals: decimals)
    }
}

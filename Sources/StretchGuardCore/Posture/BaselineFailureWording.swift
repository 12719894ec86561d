/// The one wording of why a stretch of samples cannot be the neutral posture: a clause for the person at
/// the sensor, with the numbers and the limits (the default `BaselineCalibrator.Settings`), never a type
/// name.
extension BaselineCalibrator.Failure: CustomStringConvertible {
    public var description: String {
        let limits = BaselineCalibrator.Settings()
        switch self {
        case let .tooFewSamples(count, minimum):
            return "only \(count) samples came in the still stretch (at least \(minimum) are needed: check the sensor's rate)"
        case let .moving(angle, gyr, acc, turn):
            var what: [String] = []
            if angle > limits.maxAngleDeviation { what.append("the posture wandered \(Self.tenths(angle / degree))° RMS") }
            if gyr > limits.maxGyrDeviation { what.append("the rotation rate varied \(Self.tenths(gyr / degree)) °/s RMS") }
            if acc > limits.maxAccDeviation { what.append("the force varied \(Self.hundredths(acc)) m/s² RMS") }
            if turn > limits.maxTurnRate { what.append("gravity turned \(Self.tenths(turn / degree)) °/s") }
            if what.isEmpty { what.append("the posture wandered \(Self.tenths(angle / degree))° RMS") }
            return "the wearer moved: " + what.joined(separator: ", ")
                + " (still is under \(Self.tenths(limits.maxAngleDeviation / degree))°, "
                + "\(Self.hundredths(limits.maxAccDeviation)) m/s² and \(Self.tenths(limits.maxTurnRate / degree)) °/s)"
        case let .implausibleGravity(magnitude):
            return "the accelerometer reads \(Self.hundredths(magnitude)) m/s² at rest, not about 9.81"
        }
    }

    /// `x` with one decimal, for messages (no locale).
    private static func tenths(_ x: Double) -> String { decimal(x, scale: 10) }
    /// `x` with two decimals, for messages (no locale).
    private static func hundredths(_ x: Double) -> String { decimal(x, scale: 100) }

    private static func decimal(_ x: Double, scale: Double) -> String {
        guard x.isFinite, abs(x) < 1e9 else { return x.isNaN ? "an unreadable amount of" : "a huge" }
        let r = (x * scale).rounded() / scale
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

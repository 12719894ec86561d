import StretchGuardCore

extension SimulationConditions: CustomStringConvertible {
    /// The conditions on one line, in the units a person reads (°, °/s, m/s², g, Hz, ms), e.g. for
    /// `stretchguard simulate --conditions random` to print.
    public var description: String {
        var parts = ["conditions \(isDrawn ? "random" : "fixed")",
                     "mounting \(mountingClass.rawValue) \(Self.text(mounting, seed: renderSeed))",
                     "rate \(Self.fixed(sampleRate, 0)) Hz", "lever \(Self.fixed(leverArm, 2)) m"]
        if errors.jitterSpan > 0 {
            parts.append("jitter ±\(Self.fixed(errors.jitterSpan * 1000, 3)) ms uniform")
        } else {
            parts.append("jitter \(Self.fixed(errors.jitter * 1000, 3)) ms rms")
        }
        let gyrBias = errors.gyrBiasOffset * (1 / degree)
        let ramp = errors.gyrBiasSlope * (60 / degree)
        parts.append("gyr bias \(Self.vector(gyrBias, 2)) °/s ramp \(Self.vector(ramp, 3)) °/s/min")
        parts.append("acc bias \(Self.vector(errors.accBiasOffset, 3)) m/s²")
        let gyrRange = errors.gyrRange.map { "±" + Self.fixed($0 / degree, 0) + " °/s" } ?? "unquantised"
        let accRange = errors.accRange.map { "±" + Self.fixed($0 / standardGravity, 0) + " g" } ?? "unquantised"
        parts.append("ranges \(gyrRange) \(accRange)")
        let bursts = errors.dropBursts.map { "\(Self.fixed($0.lowerBound, 2)) s+\(Self.fixed(($0.upperBound - $0.lowerBound) * 1000, 0)) ms" }
        parts.append("drops \(bursts.isEmpty ? "none" : bursts.joined(separator: " "))")
        if let h = holdMotion {
            parts.append("breathing ±\(Self.fixed(h.breathingAmplitude / degree, 2))° \(Self.fixed(h.breathingFrequency, 2)) Hz")
            parts.append("tremor ±\(Self.fixed(h.tremorAmplitude / degree, 3))° \(Self.fixed(h.tremorFrequency, 1)) Hz")
        }
        if let pelvis {
            parts.append(pelvisText(pelvis))
        }
        return parts.joined(separator: ", ")
    }

    /// The pelvis sensor and motion in words: mounting, biases, ranges, and how the body splits its motion.
    private func pelvisText(_ pelvis: PelvisSettings) -> String {
        let seed = PelvisSettings.sensorSeed(renderSeed: renderSeed)
        let errors = pelvis.errors, motion = pelvis.motion
        let mountingClass = MountingClass(sensorToBody: pelvis.mounting.sensorToBody(seed: seed))
        let gyrRange = errors.gyrRange.map { "±" + Self.fixed($0 / degree, 0) + " °/s" } ?? "unquantised"
        let accRange = errors.accRange.map { "±" + Self.fixed($0 / standardGravity, 0) + " g" } ?? "unquantised"
        return "pelvis: mounting \(mountingClass.rawValue) \(Self.text(pelvis.mounting, seed: seed)) "
            + "gyr bias \(Self.vector(errors.gyrBiasOffset * (1 / degree), 2)) °/s "
            + "acc bias \(Self.vector(errors.accBiasOffset, 3)) m/s² ranges \(gyrRange) \(accRange), "
            + "hips \(Self.fixed(motion.hipShare * 100, 0)) % of a bend, \(Self.fixed(motion.sideShare * 100, 0)) % of a side bend, "
            + "counter-rotation \(Self.fixed(motion.counterRotation * 100, 0)) %, "
            + "gait ±\(Self.fixed(motion.gaitPelvisRotation / degree, 1))° pelvis ±\(Self.fixed(motion.gaitThoraxRotation / degree, 1))° thorax"
    }

    /// A mounting in words; `seed` is the one a random mounting is drawn from.
    private static func text(_ mounting: SensorMounting, seed: UInt64) -> String {
        switch mounting {
        case .aligned: return "(axes along the body)"
        case .random: return "(random, seed \(seed))"
        case .axes(let up, let forward): return "(up \(up.rawValue) forward \(forward.rawValue))"
        case .rotation(let v):
            return "(rotation \(Self.vector(v * (1 / degree), 1)) °)"
        }
    }

    /// `x` with `decimals` decimals (no Foundation here).
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = x < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    private static func vector(_ v: Vector3D, _ decimals: Int) -> String {
        "(\(fixed(v.x, decimals)) \(fixed(v.y, decimals)) \(fixed(v.z, decimals)))"
    }
}

import StretchGuardCore

extension SimulationConditions: CustomStringConvertible {
    /// The conditions on one line, in the units a person reads (°, °/s, m/s², g, Hz, ms), e.g. for
    /// `stretchguard simulate --conditions random` to print.
    public var description: String {
        var parts = ["conditions \(isDrawn ? "random" : "fixed")", "mounting \(mountingClass.rawValue) \(mountingText)",
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
        return parts.joined(separator: ", ")
    }

    private var mountingText: String {
        switch mounting {
        case .aligned: return "(axes along the body)"
        case .random: return "(random, seed \(renderSeed))"
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

import Foundation

/// What `stretchguard bench` measured.
struct BenchResult: Encodable {
    var samples: Int
    /// Steady-state time per sample of the whole core pipeline, in ns.
    var nsPerSample: Double
    /// Heap allocation calls per sample in the steady state.
    var allocationsPerSample: Double
    /// Heap allocation calls over the timed stream.
    var allocations: UInt64
    /// Whether the malloc counter saw a deliberate allocation (false where malloc is not interposed).
    var allocationCounterVerified: Bool
    /// "release" or "debug".
    var build: String
    /// Float against Double for the quaternion integration.
    var precision: PrecisionStudy.Result
    /// Sum of outputs (keeps the optimiser from dropping the work).
    var checksum: Double

    enum CodingKeys: String, CodingKey {
        case samples, nsPerSample = "ns_per_sample", allocationsPerSample = "allocations_per_sample"
        case allocations, allocationCounterVerified = "allocation_counter_verified", build, precision
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    var text: String {
        var lines = [
            "core pipeline (\(build) build), \(samples) samples at 200 Hz:",
            "  time         \(String(format: "%.1f", nsPerSample)) ns/sample",
            "  allocations  \(String(format: "%.4f", allocationsPerSample)) per sample (\(allocations) in the steady state)\(allocationCounterVerified ? "" : " [counter not working here]")",
            "quaternion integration, 1 h at 200 Hz, 1 rad/s:",
        ]
        for p in [precision.float, precision.double] {
            lines.append("  \(p.scalar.padding(toLength: 7, withPad: " ", startingAt: 0)) error \(String(format: "%.3g", p.errorDegrees))°, \(String(format: "%.1f", p.nsPerStep)) ns/step")
        }
        if build == "debug" { lines.append("note: debug build; use `swift run -c release stretchguard bench` for real numbers") }
        return lines.joined(separator: "\n")
    }
}

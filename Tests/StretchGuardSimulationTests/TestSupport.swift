import Foundation
import StretchGuardCore
import StretchGuardSimulation

/// The repository's root folder (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Parses a scenario written inline in a test; a parse error fails the test with its message.
func scenario(_ text: String, name: String = "test") throws -> Scenario {
    try Scenario.parse(text, name: name)
}

/// Renders inline scenario text with `seed`.
func render(_ text: String, seed: UInt64 = 1) throws -> (samples: [IMUSample], truth: [TruthSample]) {
    ScenarioRenderer(seed: seed).render(try scenario(text))
}

/// Mean and standard deviation of some numbers (units of the numbers).
func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    return (mean, variance.squareRoot())
}

/// The sensor orientation integrated from the gyroscope readings (trapezoidal rates), starting at
/// `initial`: one orientation per sample (sensor → world).
func integrateGyroscope(_ samples: [IMUSample], from initial: QuaternionD) -> [QuaternionD] {
    var q = initial
    var result = [q]
    for i in 1..<samples.count {
        let dt = samples[i].time - samples[i - 1].time
        let rate = (samples[i].gyr + samples[i - 1].gyr) * 0.5
        q = (q * QuaternionD(rotationVector: rate * dt)).normalized
        result.append(q)
    }
    return result
}

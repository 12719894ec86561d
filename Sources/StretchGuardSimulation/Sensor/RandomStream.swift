/// The independent random sources of one render, each derived from the render seed, so that changing one
/// error setting (say the drop rate) leaves every other source's draws as they were.
enum RandomStream: UInt64, CaseIterable {
    case mounting = 1, gyrBias, accBias, gyrScale, accScale, gyrNoise, accNoise, gyrDrift, accDrift, jitter, drop
    /// Randomised conditions (`SimulationConditions`) and numeric ranges written `A..B` in a scenario.
    case conditions, ranges
    /// The pelvis sensor's own draws (`PelvisSettings.sensorSeed`) and its randomised conditions.
    case pelvis, pelvisConditions
}

extension SeededRandom {
    /// The generator of one random source of the render with `seed`.
    init(stream: RandomStream, seed: UInt64) {
        // Hash seed and stream together: SplitMix64 seeds that differ by a constant give shifted copies of
        // one sequence, so the stream seed is mixed through one generator step first.
        var mixer = SeededRandom(seed: seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mixer.next())
    }
}

extension SeededRandom {
    /// The generator of one random source for the scenario called `name` rendered with `seed`: two
    /// scenarios rendered with the same seed draw independently.
    init(stream: RandomStream, seed: UInt64, name: String) {
        self.init(stream: stream, seed: seed ^ Self.nameHash(name))
    }

    /// A stable 64-bit hash of a name (FNV-1a over its UTF-8 bytes; the standard library's hash is
    /// seeded per process, so it cannot make draws reproducible).
    static func nameHash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A uniform draw in `range` (units of the range).
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * (1 - uniform())
    }

    /// A uniform draw of a whole number in `range`.
    mutating func whole(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
}

/// The independent random sources of one render, each derived from the render seed, so that changing one
/// error setting (say the drop rate) leaves every other source's draws as they were.
enum RandomStream: UInt64, CaseIterable {
    case mounting = 1, gyrBias, accBias, gyrScale, accScale, gyrNoise, accNoise, gyrDrift, accDrift, jitter, drop
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

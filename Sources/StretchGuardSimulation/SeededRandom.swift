import StretchGuardCore

import RealModule

/// A small deterministic random source (SplitMix64) with Gaussian draws, so every synthetic recording can
/// be reproduced from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private var spareGaussian: Double?

    /// A generator whose whole sequence follows from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in (0, 1].
    public mutating func uniform() -> Double {
        Double(next() >> 11 + 1) / Double(1 << 53)
    }

    /// A standard normal draw (Box–Muller).
    public mutating func gaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        let r = (-2 * Double.log(uniform())).squareRoot()
        let phi = 2 * Double.pi * uniform()
        spareGaussian = r * Double.sin(phi)
        return r * Double.cos(phi)
    }

    /// A vector of independent normal draws with standard deviation `sigma` (units of `sigma`).
    public mutating func gaussianVector(sigma: Double) -> Vector3D {
        Vector3D(gaussian() * sigma, gaussian() * sigma, gaussian() * sigma)
    }
}

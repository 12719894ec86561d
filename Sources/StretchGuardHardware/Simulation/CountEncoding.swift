import StretchGuardCore

/// Turns SI values into a chip's signed 16-bit counts, rounding to the nearest count and saturating at
/// −32768 and +32767 counts, the way an ADC clips.
enum CountEncoding {
    /// The count nearest to `value × countsPerUnit`, clipped to the Int16 range.
    @inline(__always)
    static func counts(_ value: Double, countsPerUnit: Double) -> Int16 {
        let scaled = (value * countsPerUnit).rounded()
        guard scaled.isFinite else { return scaled > 0 ? .max : (scaled < 0 ? .min : 0) }
        return Int16(min(max(scaled, Double(Int16.min)), Double(Int16.max)))
    }

    /// All three axes of `vector`.
    static func counts(_ vector: Vector3D, countsPerUnit: Double) -> SIMD3<Int16> {
        SIMD3(counts(vector.x, countsPerUnit: countsPerUnit), counts(vector.y, countsPerUnit: countsPerUnit),
              counts(vector.z, countsPerUnit: countsPerUnit))
    }

    /// Writes three counts big-endian into `registers` from `offset` (InvenSense order: x high, x low, y
    /// high, …): six bytes, nothing allocated.
    static func writeBigEndian(_ counts: SIMD3<Int16>, into registers: inout [UInt8], at offset: Int) {
        for axis in 0..<3 {
            let bits = UInt16(bitPattern: counts[axis])
            registers[offset + 2 * axis] = UInt8(bits >> 8)
            registers[offset + 2 * axis + 1] = UInt8(bits & 0xFF)
        }
    }

    /// Writes three counts little-endian into `registers` from `offset` (ST order: x low, x high, y low, …):
    /// six bytes, nothing allocated.
    static func writeLittleEndian(_ counts: SIMD3<Int16>, into registers: inout [UInt8], at offset: Int) {
        for axis in 0..<3 {
            let bits = UInt16(bitPattern: counts[axis])
            registers[offset + 2 * axis] = UInt8(bits & 0xFF)
            registers[offset + 2 * axis + 1] = UInt8(bits >> 8)
        }
    }

    /// The little-endian bytes of three counts (ST order: x low, x high, y low, …).
    static func littleEndianBytes(_ counts: SIMD3<Int16>) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 6)
        writeLittleEndian(counts, into: &bytes, at: 0)
        return bytes
    }
}

import StretchGuardCore

/// The simulator's CSV rows: samples in the replay input format and the truth beside them.
public enum SimulationCSV {
    /// Sample columns: time (s), gyroscope (rad/s), accelerometer (m/s²), sensor frame.
    public static let sampleColumns = ["t", "gx", "gy", "gz", "ax", "ay", "az"]
    /// Truth columns: time (s), posture (°), the step keyword, the bounce label (0/1) and its frequency (Hz).
    public static let truthColumns = ["t", "flexion_deg", "side_bend_deg", "twist_deg", "segment",
                                      "bounce_expected", "bounce_hz"]

    /// The sample header line, newline included.
    public static var sampleHeader: String { sampleColumns.joined(separator: ",") + "\n" }
    /// The truth header line, newline included.
    public static var truthHeader: String { truthColumns.joined(separator: ",") + "\n" }

    /// Appends one sample row: t with 6 decimals (µs), rates with 8 (well under a 16-bit step of
    /// 2.7e-4 rad/s), specific force with 6.
    public static func appendSample(_ s: IMUSample, to out: inout [UInt8]) {
        appendDecimal(s.time, decimals: 6, to: &out)
        for v in [s.gyr.x, s.gyr.y, s.gyr.z] {
            out.append(UInt8(ascii: ","))
            appendDecimal(v, decimals: 8, to: &out)
        }
        for v in [s.acc.x, s.acc.y, s.acc.z] {
            out.append(UInt8(ascii: ","))
            appendDecimal(v, decimals: 6, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends one truth row: angles in degrees with 4 decimals, frequency in Hz with 3.
    public static func appendTruth(_ t: TruthSample, to out: inout [UInt8]) {
        appendDecimal(t.time, decimals: 6, to: &out)
        for v in [t.flexion, t.sideBend, t.twist] {
            out.append(UInt8(ascii: ","))
            appendDecimal(v / degree, decimals: 4, to: &out)
        }
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: t.segment.utf8)
        out.append(contentsOf: t.bounceExpected ? Array(",1,".utf8) : Array(",0,".utf8))
        appendDecimal(t.bounceFrequency, decimals: 3, to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends `value` rounded to `decimals` (0–9) decimals, e.g. `-0.012500`, without Foundation.
    static func appendDecimal(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        guard value.isFinite, abs(value) * Double(scale) < 9e17 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        if value < 0 && scaled != 0 { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: String(scaled / scale).utf8)
        guard decimals > 0 else { return }
        out.append(UInt8(ascii: "."))
        let fraction = String(scaled % scale)
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - fraction.count))
        out.append(contentsOf: fraction.utf8)
    }
}

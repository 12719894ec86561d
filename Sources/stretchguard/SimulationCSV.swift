import StretchGuardCore
import StretchGuardSimulation
import StretchGuardTrace

/// The simulator's CSV rows: samples in the replay input format and the truth beside them.
enum SimulationCSV {
    /// Sample columns: time (s), gyroscope (rad/s), accelerometer (m/s²), sensor frame.
    static let sampleColumns = ["t", "gx", "gy", "gz", "ax", "ay", "az"]
    /// The pelvis sensor's columns after them in a two-sensor trace: gyroscope (rad/s), accelerometer
    /// (m/s²), in the pelvis sensor's own frame; empty cells at a tick whose pelvis read was lost.
    static let pelvisColumns = ["pgx", "pgy", "pgz", "pax", "pay", "paz"]
    /// Truth columns: time (s), posture (°), the step keyword, the bounce label (0/1) and its frequency (Hz).
    static let truthColumns = ["t", "flexion_deg", "side_bend_deg", "twist_deg", "segment",
                                      "bounce_expected", "bounce_hz"]

    /// The sample header line, newline included; with the pelvis's columns for a two-sensor trace.
    static func sampleHeader(pelvis: Bool) -> String {
        (sampleColumns + (pelvis ? pelvisColumns : [])).joined(separator: ",") + "\n"
    }
    /// The truth header line, newline included; with the spine's columns (`SpinalTruth.columnNames`, °)
    /// for a two-sensor render.
    static func truthHeader(spine: Bool) -> String {
        (truthColumns + (spine ? SpinalTruth.columnNames : [])).joined(separator: ",") + "\n"
    }

    /// Appends one sample row: t with 6 decimals (µs), rates with 8 (well under a 16-bit step of
    /// 2.7e-4 rad/s), specific force with 6; the pelvis's the same way when `pelvis` (empty cells when the
    /// sample has no pelvis reading).
    static func appendSample(_ s: IMUSample, pelvis: Bool, to out: inout [UInt8]) {
        FixedDecimal.append(s.time, decimals: 6, to: &out)
        for v in [s.gyr.x, s.gyr.y, s.gyr.z] {
            out.append(UInt8(ascii: ","))
            FixedDecimal.append(v, decimals: 8, to: &out)
        }
        for v in [s.acc.x, s.acc.y, s.acc.z] {
            out.append(UInt8(ascii: ","))
            FixedDecimal.append(v, decimals: 6, to: &out)
        }
        if pelvis {
            if let reading = s.pelvis {
                for v in [reading.gyr.x, reading.gyr.y, reading.gyr.z] {
                    out.append(UInt8(ascii: ","))
                    FixedDecimal.append(v, decimals: 8, to: &out)
                }
                for v in [reading.acc.x, reading.acc.y, reading.acc.z] {
                    out.append(UInt8(ascii: ","))
                    FixedDecimal.append(v, decimals: 6, to: &out)
                }
            } else {
                out.append(contentsOf: Array(repeating: UInt8(ascii: ","), count: pelvisColumns.count))
            }
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends one truth row: angles in degrees with 4 decimals, frequency in Hz with 3, then the spine's
    /// angles (degrees, 4 decimals) when the row has them.
    static func appendTruth(_ t: TruthSample, to out: inout [UInt8]) {
        FixedDecimal.append(t.time, decimals: 6, to: &out)
        for v in [t.flexion, t.sideBend, t.twist] {
            out.append(UInt8(ascii: ","))
            FixedDecimal.append(v / degree, decimals: 4, to: &out)
        }
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: t.segment.utf8)
        out.append(contentsOf: t.bounceExpected ? Array(",1,".utf8) : Array(",0,".utf8))
        FixedDecimal.append(t.bounceFrequency, decimals: 3, to: &out)
        for v in t.spine?.degreeValues ?? [] {
            out.append(UInt8(ascii: ","))
            FixedDecimal.append(v, decimals: 4, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }
}

import StretchGuardCore
import StretchGuardTrace

/// A reviewed session's samples as CSV, one row per stored sample:
/// `t,flexion_deg,side_bend_deg,twist_deg,twist_alert,bounce_alert,holding,hold_s`.
///
/// `t` is in s since the session's start (6 decimals: the store keeps µs); angles in degrees (3 decimals);
/// the alert and hold columns are the replayed verdict (0/1); `hold_s` the seconds held so far (2 decimals).
///
/// A two-sensor session adds `hip_flexion_deg,pelvis_twist_deg` (3 decimals; empty cells at the ticks the
/// pelvis did not report), and its `flexion_deg`, `side_bend_deg`, `twist_deg` are the spine's (thorax
/// relative to pelvis) when the replay ran in two-sensor mode.
public enum ReviewCSV {
    /// The header row's column names, in order (one sensor).
    public static let columns = ["t", "flexion_deg", "side_bend_deg", "twist_deg", "twist_alert", "bounce_alert",
                                 "holding", "hold_s"]
    /// The columns a two-sensor session adds after ``columns``.
    public static let hipColumns = ["hip_flexion_deg", "pelvis_twist_deg"]

    /// Writes a reviewed session's rows (with the hip columns when it recorded two sensors) in chunks of
    /// about 64 KiB.
    public static func write(_ analysis: SessionAnalysis, to write: ([UInt8]) throws -> Void) rethrows {
        try self.write(analysis.track, hips: analysis.hasPelvis, to: write)
    }

    /// Writes the rows in chunks of about 64 KiB.
    ///
    /// - Parameters:
    ///   - track: the replayed samples.
    ///   - hips: add the hip columns (default: when the track has hip angles).
    ///   - write: takes each chunk of bytes, in order.
    public static func write(_ track: SessionTrack, hips: Bool? = nil, to write: ([UInt8]) throws -> Void) rethrows {
        let hips = hips ?? track.hasHips
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16 + 256)
        buffer.append(contentsOf: ((hips ? columns + hipColumns : columns).joined(separator: ",") + "\n").utf8)
        for i in 0..<track.count {
            FixedDecimal.append(track.time[i], decimals: 6, to: &buffer)
            for angle in [track.flexion[i], track.sideBend[i], track.twist[i]] {
                buffer.append(UInt8(ascii: ","))
                FixedDecimal.append(angle / degree, decimals: 3, to: &buffer)
            }
            let flags = track.flags[i]
            for flag in [SessionTrack.Flags.twistAlert, .bounce, .holding] {
                buffer.append(UInt8(ascii: ","))
                buffer.append(flags.contains(flag) ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            }
            buffer.append(UInt8(ascii: ","))
            FixedDecimal.append(track.holdSeconds[i], decimals: 2, to: &buffer)
            if hips {
                for angle in [track.hipFlexion[i], track.pelvisTwist[i]] {
                    buffer.append(UInt8(ascii: ","))
                    if !angle.isNaN { FixedDecimal.append(angle / degree, decimals: 3, to: &buffer) }
                }
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 16 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
    }

    /// The whole CSV as a string (for small sessions and tests).
    public static func string(_ track: SessionTrack, hips: Bool? = nil) -> String {
        var bytes: [UInt8] = []
        write(track, hips: hips) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import StretchGuardCore
import StretchGuardTrace

/// A reviewed session's samples as CSV, one row per stored sample:
/// `t,flexion_deg,side_bend_deg,twist_deg,twist_alert,bounce_alert,holding,hold_s`.
///
/// `t` is in s since the session's start (6 decimals: the store keeps µs); angles in degrees (3 decimals);
/// the alert and hold columns are the replayed verdict (0/1); `hold_s` the seconds held so far (2 decimals).
public enum ReviewCSV {
    /// The header row's column names, in order.
    public static let columns = ["t", "flexion_deg", "side_bend_deg", "twist_deg", "twist_alert", "bounce_alert",
                                 "holding", "hold_s"]

    /// Writes the rows in chunks of about 64 KiB.
    ///
    /// - Parameters:
    ///   - track: the replayed samples.
    ///   - write: takes each chunk of bytes, in order.
    public static func write(_ track: SessionTrack, to write: ([UInt8]) throws -> Void) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16 + 256)
        buffer.append(contentsOf: (columns.joined(separator: ",") + "\n").utf8)
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
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 16 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
    }

    /// The whole CSV as a string (for small sessions and tests).
    public static func string(_ track: SessionTrack) -> String {
        var bytes: [UInt8] = []
        write(track) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import StretchGuardCore

/// Formats form events as JSON Lines: one object per event, in time order.
///
/// Fields: `t` (s), `event` (e.g. `twist_alert_started`), `axis`, and by kind `angle_deg` (twist, bounce
/// peak-to-peak, hold angle), `duration_s`, `frequency_hz`, `count`, `peak_g` (impact).
public struct EventLogWriter {
    /// The formatted bytes not yet taken by `drain`.
    public private(set) var buffer: [UInt8] = []

    public init() {}

    /// Appends the events of one sample.
    public mutating func append(_ events: FormEvents) {
        for event in events { buffer.append(contentsOf: Self.line(event).utf8) }
    }

    /// One event as a JSON object and a newline.
    public static func line(_ e: FormEvent) -> String {
        var fields = ["\"t\":\(number(e.time, 3))", "\"event\":\"\(e.kind.rawValue)\""]
        if e.axis != .none { fields.append("\"axis\":\"\(e.axis.rawValue)\"") }
        switch e.kind {
        case .impact:
            fields.append("\"peak_g\":\(number(e.value / standardGravity, 2))")
        case .holdReached:
            break
        default:
            fields.append("\"angle_deg\":\(number(e.value / degree, 2))")
        }
        if e.duration > 0 { fields.append("\"duration_s\":\(number(e.duration, 2))") }
        if e.frequency > 0 { fields.append("\"frequency_hz\":\(number(e.frequency, 2))") }
        if e.count > 0 { fields.append("\"count\":\(e.count)") }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    /// Hands the formatted bytes to `write` and empties the buffer.
    public mutating func drain(_ write: ([UInt8]) throws -> Void) rethrows {
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func number(_ x: Double, _ decimals: Int) -> String {
        FixedDecimal.string(x, decimals: decimals)
    }
}

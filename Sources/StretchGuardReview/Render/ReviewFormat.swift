import Foundation
import StretchGuardCore
import StretchGuardTrace

/// Number, time and date formatting shared by the review's renderers: fixed decimals, no locale, so the
/// output is the same on every machine.
public enum ReviewFormat {
    /// `value` with exactly `decimals` decimals, e.g. `-1.83`.
    public static func decimal(_ value: Double, _ decimals: Int) -> String {
        FixedDecimal.string(value, decimals: decimals)
    }

    /// An angle given in rad, in whole degrees (or with `decimals`), with the degree sign: `16°`.
    public static func degrees(_ radians: Double, _ decimals: Int = 0) -> String {
        decimal(radians / degree, decimals) + "°"
    }

    /// A time since the session's start, in s, as a clock: `0:42.5`, `12:03.0`, `1:02:03.0`.
    public static func clock(_ seconds: Double, tenths: Bool = true) -> String {
        // Beyond a year (or not a number) a session clock means a broken time: shown as the limit, never a trap.
        let total = seconds.isNaN ? 0 : min(max(0, seconds), 366 * 86400)
        let tenthsCount = Int((total * 10).rounded(tenths ? .toNearestOrAwayFromZero : .down))
        let whole = tenthsCount / 10
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
        var text = h > 0 ? "\(h):" + pad(m) : "\(m)"
        text += ":" + pad(s)
        if tenths { text += ".\(tenthsCount % 10)" }
        return text
    }

    /// A length of time in s, for people: `45 s`, `3 min 42 s`, `1 h 02 min`.
    public static func duration(_ seconds: Double) -> String {
        let whole = Int((seconds.isNaN ? 0 : min(max(0, seconds), 366 * 86400)).rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min " + pad(whole % 60) + " s" }
        return "\(whole / 3600) h " + pad(whole / 60 % 60) + " min"
    }

    /// A wall-clock date in a time zone: `2025-06-16 09:30`.
    public static func date(_ date: Date, timeZone: TimeZone) -> String {
        let c = components(date, timeZone: timeZone)
        return "\(c.year!)-\(pad(c.month!))-\(pad(c.day!)) \(pad(c.hour!)):\(pad(c.minute!))"
    }

    /// A wall-clock date for a title: `Monday 16 June 2025, 09:30`.
    public static func longDate(_ date: Date, timeZone: TimeZone) -> String {
        let c = components(date, timeZone: timeZone)
        let weekday = weekdays[(c.weekday! - 1) % 7]
        let month = months[(c.month! - 1) % 12]
        return "\(weekday) \(c.day!) \(month) \(c.year!), \(pad(c.hour!)):\(pad(c.minute!))"
    }

    /// A date as ISO 8601 with its offset, for JSON: `2025-06-16T09:30:00Z`.
    public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Text made safe inside HTML and SVG elements and attributes.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` padded with spaces on the right to `width` characters.
    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` padded with spaces on the left to `width` characters.
    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func components(_ date: Date, timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]
}

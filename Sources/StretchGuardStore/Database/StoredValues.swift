import Foundation
import GRDB

/// The units and plausible ranges of the values the store reads back: the one place that says what a
/// `sessions` row may hold (``StoreSchema`` lists the columns).
///
/// Every row is read through ``StoredRow``, which checks the SQLite storage class, finiteness and these
/// ranges, and never traps: a value outside them makes its session *unreadable* (listed with the reason,
/// the other sessions unaffected) rather than a crash or a nonsense review.
enum StoredLimits {
    /// `rate_hz`: the output data rate, in Hz.
    static let rate = Rule(column: "rate_hz", range: 1...10_000, expected: "a rate between 1 and 10,000 Hz")
    /// `gyr_scale`: angular rate per gyroscope count, in rad/s (±2000 °/s over 16 bits is about 0.001).
    static let gyrScale = Rule(column: "gyr_scale", range: 1e-9...1,
                               expected: "a size between 0.000000001 and 1 rad/s per count")
    /// `acc_scale`: specific force per accelerometer count, in m/s² (±16 g over 16 bits is about 0.005).
    static let accScale = Rule(column: "acc_scale", range: 1e-9...10,
                               expected: "a size between 0.000000001 and 10 m/s² per count")
    /// `sensors`: how many sensors the session records, 1 or 2 (thorax and pelvis).
    static let sensors = Rule(column: "sensors", range: 1...2, expected: "1 or 2 sensors")
    /// `pelvis_gyr_scale`: the pelvis's angular rate per gyroscope count, in rad/s (as ``gyrScale``).
    static let pelvisGyrScale = Rule(column: "pelvis_gyr_scale", range: gyrScale.range, expected: gyrScale.expected)
    /// `pelvis_acc_scale`: the pelvis's specific force per accelerometer count, in m/s² (as ``accScale``).
    static let pelvisAccScale = Rule(column: "pelvis_acc_scale", range: accScale.range, expected: accScale.expected)
    /// `started_at`: wall-clock start, Unix time in s, from 1970 (a board without a clock) to 2286.
    static let startedAt = Rule(column: "started_at", range: 0...1e10,
                                expected: "a Unix time in seconds between 0 and 10,000,000,000")
    /// `start_time_s`, `end_time_s` and every other sample-clock time, in s: the clock's µs must fit an Int64.
    static func sampleClock(_ column: String) -> Rule {
        Rule(column: column, range: -1e12...1e12, expected: "a time in seconds within ±1,000,000,000,000")
    }
    /// Counts (`sample_count`, `holds`, alerts, a block's samples), ≥ 0.
    static func count(_ column: String) -> Rule {
        Rule(column: column, range: 0...1e12, expected: "a whole number of at least 0")
    }
    /// Durations (`longest_hold_s`), in s, ≥ 0.
    static func duration(_ column: String) -> Rule {
        Rule(column: column, range: 0...1e9, expected: "a duration in seconds of at least 0")
    }

    /// One column's unit and range, and the words that say what is expected.
    struct Rule: Sendable {
        var column: String
        var range: ClosedRange<Double>
        var expected: String
    }
}

/// Why one stored value cannot be used, as the words after "session 3 cannot be read: ", e.g.
/// `its rate_hz is 0 (a rate between 1 and 10,000 Hz is expected)`.
struct StoredValueProblem: Error, Sendable, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    init(column: String, found value: DatabaseValue, expected: String) {
        description = "its \(column) is \(Self.describe(value)) (\(expected) is expected)"
    }

    /// A stored value in words: `0`, `1e+308`, `the text 'abc'`, `a BLOB of 12 bytes`, `empty (NULL)`.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "empty (NULL)"
        case let .int64(number): return String(number)
        case let .double(number): return number.isFinite && number == number.rounded() && abs(number) < 1e15
            ? String(Int64(number)) : "\(number)"
        case let .string(text):
            let shown = text.count > 24 ? String(text.prefix(24)) + "…" : text
            return "the text '\(shown)'"
        case let .blob(data): return "a BLOB of \(data.count) bytes"
        }
    }
}

/// A row read defensively: each accessor checks the value's storage class and range and throws a
/// ``StoredValueProblem`` instead of trapping as GRDB's typed subscripts do on a wrongly typed value.
struct StoredRow {
    let row: Row

    /// The raw value of a column (NULL when the column is missing).
    func value(_ column: String) -> DatabaseValue {
        row.hasColumn(column) ? row[column] as DatabaseValue : .null
    }

    /// A number within `rule`'s range (INTEGER or REAL storage).
    func real(_ rule: StoredLimits.Rule) throws(StoredValueProblem) -> Double {
        guard let number = try optionalReal(rule) else {
            throw StoredValueProblem(column: rule.column, found: .null, expected: rule.expected)
        }
        return number
    }

    /// A number within `rule`'s range, or nil for NULL.
    func optionalReal(_ rule: StoredLimits.Rule) throws(StoredValueProblem) -> Double? {
        let stored = value(rule.column)
        let number: Double
        switch stored.storage {
        case .null: return nil
        case let .int64(integer): number = Double(integer)
        case let .double(real): number = real
        case .string, .blob: throw StoredValueProblem(column: rule.column, found: stored, expected: rule.expected)
        }
        guard number.isFinite, rule.range.contains(number) else {
            throw StoredValueProblem(column: rule.column, found: stored, expected: rule.expected)
        }
        return number
    }

    /// A whole number within `rule`'s range (INTEGER storage, or a REAL with no fraction).
    func integer(_ rule: StoredLimits.Rule) throws(StoredValueProblem) -> Int {
        guard let number = try optionalInteger(rule) else {
            throw StoredValueProblem(column: rule.column, found: .null, expected: rule.expected)
        }
        return number
    }

    /// A whole number within `rule`'s range, or nil for NULL.
    func optionalInteger(_ rule: StoredLimits.Rule) throws(StoredValueProblem) -> Int? {
        guard let number = try optionalReal(rule) else { return nil }
        guard number == number.rounded(), let whole = Int(exactly: number) else {
            throw StoredValueProblem(column: rule.column, found: value(rule.column), expected: rule.expected)
        }
        return whole
    }

    /// Text (TEXT storage; numbers are taken as their text, as SQLite's TEXT affinity would).
    func text(_ column: String, expected: String = "text") throws(StoredValueProblem) -> String {
        let stored = value(column)
        switch stored.storage {
        case let .string(text): return text
        case let .int64(number): return String(number)
        case let .double(number): return "\(number)"
        case .null, .blob: throw StoredValueProblem(column: column, found: stored, expected: expected)
        }
    }

    /// A BLOB (nil for anything else).
    func blob(_ column: String) -> Data? {
        if case let .blob(data) = value(column).storage { return data }
        return nil
    }
}

extension DatabaseValue {
    /// A whole number, when the value is an INTEGER or an exactly whole REAL (nil otherwise): for aggregates.
    var wholeNumber: Int64? {
        switch storage {
        case let .int64(number): return number
        case let .double(number): return number.isFinite ? Int64(exactly: number) : nil
        default: return nil
        }
    }
}

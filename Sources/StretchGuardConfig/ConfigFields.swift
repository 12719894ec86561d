import Foundation
import Yams

/// One mapping of a configuration file: its field prefix (`gpio.buzzer`, `exercises[2]`), its keys, checked
/// against the allowed ones. Shared by every file read key by key (hardware config, plans).
struct ConfigSection {
    let file: String
    let field: String
    /// The mapping's own line, for errors about the whole mapping (a missing key).
    let line: Int?
    private let entries: [String: Node]

    /// Fails when `node` is not a mapping or holds a key not in `allowed`.
    ///
    /// - Parameters:
    ///   - noun: what a key of this file is, for the unknown-key sentence (`a hardware setting`).
    ///   - homes: sections where a misplaced key belongs, for "belongs under" hints.
    init(_ node: Node, field: String, allowed: [String], file: String, noun: String,
         homes: [(name: String, keys: [String])] = []) throws(ConfigError) {
        self.file = file
        self.field = field
        self.line = node.mark?.line
        guard case let .mapping(mapping) = node else {
            throw ConfigError(path: file, line: node.mark?.line, field: field.isEmpty ? nil : field,
                              problem: "must be a mapping of 'key: value' lines",
                              fix: "indent its settings under it: \(allowed.prefix(4).joined(separator: ", "))…")
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "?"
            guard allowed.contains(key) else {
                throw ConfigSection.unknown(key, in: field, allowed: allowed, at: keyNode.mark?.line, file: file,
                                            noun: noun, homes: homes)
            }
            entries[key] = value
        }
        self.entries = entries
    }

    /// The value under `key`, if present.
    subscript(key: String) -> Node? { entries[key] }

    /// The dotted field name of `key`.
    func name(_ key: String) -> String { field.isEmpty ? key : field + "." + key }

    /// The value under `key`; its absence is an error naming the field and an example.
    func required(_ key: String, example: String) throws(ConfigError) -> Node {
        guard let value = entries[key] else {
            throw ConfigError(path: file, line: line, field: name(key), problem: "is missing",
                              fix: "add '\(key): \(example)'")
        }
        return value
    }

    static func unknown(_ key: String, in field: String, allowed: [String], at line: Int?, file: String,
                        noun: String, homes: [(name: String, keys: [String])]) -> ConfigError {
        let name = field.isEmpty ? key : field + "." + key
        let place = field.isEmpty ? "at the top level" : "in '\(field)'"
        var fix = "known \(place): \(allowed.joined(separator: ", "))"
        if let near = closest(to: key, in: allowed) {
            fix = "did you mean '\(near)'? (\(fix))"
        } else if let home = homes.first(where: { $0.keys.contains(key) && $0.name != field }) {
            fix = "'\(key)' belongs under '\(home.name)'; move it there (\(fix))"
        }
        return ConfigError(path: file, line: line, field: name, problem: "is not \(noun)", fix: fix)
    }

    /// The allowed key within a small edit distance of `key` (a typo), if exactly one is nearest.
    /// A key written without its unit suffix (`rate` for `rate_hz`) also counts.
    static func closest(to key: String, in allowed: [String]) -> String? {
        let withSuffix = allowed.filter { $0.hasPrefix(key.lowercased() + "_") }
        if withSuffix.count == 1 { return withSuffix[0] }
        let scored = allowed.map { ($0, editDistance(key.lowercased(), $0)) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first, best.1 <= max(1, min(3, key.count / 3)) else { return nil }
        if scored.count > 1, scored[1].1 == best.1 { return nil }
        return best.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Reads single values of a configuration file, each failure a `ConfigError` naming the field and the fix.
struct ConfigValues {
    let file: String

    func fail(_ node: Node, _ field: String, _ problem: String, _ fix: String) -> ConfigError {
        ConfigError(path: file, line: node.mark?.line, field: field, problem: problem, fix: fix)
    }

    /// The scalar's text, trimmed; a mapping or list is an error.
    func text(_ node: Node, _ field: String, example: String) throws(ConfigError) -> String {
        guard case let .scalar(scalar) = node else {
            throw fail(node, field, "must be a single value, not a list or mapping", "write it on one line, e.g. '\(example)'")
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        let isNull = scalar.style == .plain && (text.isEmpty || text == "~" || text.lowercased() == "null")
        guard !isNull else {
            throw fail(node, field, "has no value", "write a value, e.g. '\(example)', or delete the line to keep the default")
        }
        return text
    }

    /// Text shown on the terminal (a name, a summary): one line, no control characters.
    func plainText(_ node: Node, _ field: String, example: String) throws(ConfigError) -> String {
        let raw = try text(node, field, example: example)
        do throws(ProfileSchema.Rejection) {
            return try ProfileSchema.printable(raw)
        } catch {
            throw fail(node, field, error.problem, error.fix)
        }
    }

    /// `true` when the value is `none` (the part is not wired).
    func isNone(_ node: Node) -> Bool {
        node.scalar.map { $0.string.lowercased() == "none" } ?? false
    }

    /// A number in `unit`, within `limits`.
    func number(_ node: Node, _ field: String, unit: String, limits: ClosedRange<Double>,
                example: String) throws(ConfigError) -> Double {
        let raw = try text(node, field, example: example)
        guard let value = Double(raw), value.isFinite else {
            throw fail(node, field, "'\(raw)' is not a number", "write a number in \(unit), e.g. \(example)")
        }
        guard limits.contains(value) else {
            throw fail(node, field, "\(formatted(value)) \(unit) is out of range",
                       "use a value from \(formatted(limits.lowerBound)) to \(formatted(limits.upperBound)) \(unit)")
        }
        return value
    }

    /// A whole number of `unit` (`repetitions`, `days`), within `limits`.
    func count(_ node: Node, _ field: String, unit: String, limits: ClosedRange<Int>,
               example: String) throws(ConfigError) -> Int {
        let raw = try text(node, field, example: example)
        let range = "from \(limits.lowerBound) to \(limits.upperBound) \(unit)"
        guard let value = Int(raw) else {
            let problem = Double(raw) != nil ? "\(raw) is not a whole number" : "'\(raw)' is not a number"
            throw fail(node, field, problem, "write a whole number \(range), e.g. \(example)")
        }
        guard limits.contains(value) else {
            throw fail(node, field, "\(value) \(unit) is out of range", "use a whole number \(range)")
        }
        return value
    }

    /// A whole number from `allowed`, in `unit`.
    func choice(_ node: Node, _ field: String, unit: String, allowed: [Int]) throws(ConfigError) -> Int {
        let list = allowed.map(String.init).joined(separator: ", ")
        let raw = try text(node, field, example: String(allowed[1]))
        guard let value = Int(raw), allowed.contains(value) else {
            let shown = Double(raw) != nil ? "\(raw) \(unit)" : "'\(raw)'"
            throw fail(node, field, "\(shown) is not a supported range", "use one of \(list) (\(unit))")
        }
        return value
    }

    /// `on`/`off` (also `true`/`false`, `yes`/`no`).
    ///
    /// - Parameter words: the pair the file's documentation uses, for the message: `on or off`, `true or false`.
    func toggle(_ node: Node, _ field: String, words: String = "on or off") throws(ConfigError) -> Bool {
        let raw = try text(node, field, example: "on")
        switch raw.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: throw fail(node, field, "'\(raw)' is not \(words)", "write \(words)")
        }
    }

    /// One of an enumeration's raw values.
    func option<E: RawRepresentable & CaseIterable>(_ node: Node, _ field: String, noun: String,
                                                    extra: [String] = []) throws(ConfigError) -> E where E.RawValue == String {
        let names = extra + E.allCases.map(\.rawValue)
        let raw = try text(node, field, example: names[0])
        guard let value = E(rawValue: raw.lowercased()) else {
            let near = ConfigSection.closest(to: raw, in: names).map { "did you mean '\($0)'? " } ?? ""
            throw fail(node, field, "'\(raw)' is not \(noun)", "\(near)use one of \(names.joined(separator: ", "))")
        }
        return value
    }
}

/// A number without a trailing `.0`: `200`, `2.5`.
func formatted(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

extension String {
    /// "a, b, c" → "a, b or c".
    func replacingLastComma(with word: String) -> String {
        guard let range = range(of: ",", options: .backwards) else { return self }
        return replacingCharacters(in: range, with: word)
    }
}

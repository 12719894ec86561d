/// One scenario line split into lower-case words (comment removed), read front to back.
///
/// Any number may be written as a range `A..B` (e.g. `18..20`, `0.8..1.5 s`): it is drawn uniformly from
/// `random`, a whole number when it counts something.
struct ScenarioLine {
    /// The file name used in errors.
    let file: String
    /// The 1-based line number.
    let number: Int
    /// The source of the values of ranges (carried from line to line by the parser).
    var random: SeededRandom
    /// Whether a range has been drawn on this line.
    private(set) var drewRange = false
    /// The written ends of the last number read when it was a range (in the written unit), else nil.
    private(set) var lastBounds: ClosedRange<Double>?
    private let words: [String]
    private var position = 0

    init(file: String, number: Int, text: Substring, random: SeededRandom = SeededRandom(seed: 1)) {
        self.file = file
        self.number = number
        self.random = random
        let content = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "," })
            .map { $0.lowercased() }
    }

    /// Whether the line has no words (blank or comment only).
    var isEmpty: Bool { words.isEmpty }

    /// Whether every word has been read.
    var isAtEnd: Bool { position >= words.count }

    /// The next word, without reading it.
    var peek: String? { isAtEnd ? nil : words[position] }

    /// Reads the next word.
    mutating func next() -> String? {
        defer { position += 1 }
        return peek
    }

    /// Un-reads the last word read.
    mutating func stepBack() {
        position = max(position - 1, 0)
    }

    /// Reads the next word if it is one of `options`.
    mutating func accept(_ options: String...) -> Bool {
        guard let word = peek, options.contains(word) else { return false }
        position += 1
        return true
    }

    /// An error on this line.
    func error(_ problem: String, fix: String) -> ScenarioError {
        ScenarioError(file: file, line: number, problem: problem, fix: fix)
    }

    /// Fails unless every word has been read.
    func expectEnd(example: String) throws(ScenarioError) {
        guard let extra = peek else { return }
        throw error("unexpected '\(extra)'", fix: "remove it, or write the line like `\(example)`")
    }

    /// Reads a number with its optional unit (attached, `40°`, or the next word, `40 deg`); a leading
    /// `±` is allowed and ignored. A range `A..B` is drawn uniformly; as a whole number when its ends are
    /// whole and it counts something (`wholeNumbers`, or a count word such as `cycles` follows).
    ///
    /// - Returns: the value as written and the unit word, if any (a unit spelling or a count word).
    mutating func measure(what: String, example: String,
                          wholeNumbers: Bool = false) throws(ScenarioError) -> (value: Double, unit: String?) {
        guard let word = next() else {
            throw error("\(what) is missing", fix: "write it like `\(example)`")
        }
        var text = Substring(word)
        if text.hasPrefix("±") { text = text.dropFirst() }
        let parts = text.split(separator: "..", omittingEmptySubsequences: false)
        guard parts.count <= 2, !text.contains("...") else {
            throw error("expected \(what), found '\(word)'", fix: "write a range with two dots, like `18..20`")
        }
        var numbers: [Double] = []
        var suffix = ""
        for part in parts {
            guard let (value, unit) = Self.number(part) else {
                throw error("expected \(what), found '\(word)'", fix: "write it like `\(example)`")
            }
            numbers.append(value)
            suffix = unit
        }
        var unit: String? = suffix.isEmpty ? nil : suffix
        if unit == nil, let next = peek, ScenarioQuantity.allSpellings.contains(next) {
            position += 1
            unit = next
        }
        guard numbers.count == 2 else {
            lastBounds = nil
            return (numbers[0], unit)
        }
        let bounds = min(numbers[0], numbers[1])...max(numbers[0], numbers[1])
        lastBounds = bounds
        drewRange = true
        let counts = wholeNumbers || unit.map { ScenarioQuantity.countWords.contains($0) } ?? false
        if counts, bounds.lowerBound == bounds.lowerBound.rounded(), bounds.upperBound == bounds.upperBound.rounded(),
           abs(bounds.upperBound) < 1e9, abs(bounds.lowerBound) < 1e9 {
            return (Double(random.whole(in: Int(bounds.lowerBound)...Int(bounds.upperBound))), unit)
        }
        return (random.uniform(in: bounds), unit)
    }

    /// A number and the unit written right after it (`40°` → 40, "°"), nil when it does not start with one.
    private static func number(_ text: Substring) -> (Double, String)? {
        let numberEnd = text.firstIndex(where: { !("0"..."9").contains($0) && $0 != "." && $0 != "-" && $0 != "+" })
            ?? text.endIndex
        guard let value = Double(text[..<numberEnd]), value.isFinite else { return nil }
        return (value, String(text[numberEnd...]))
    }

    /// Reads a number in `quantity`'s unit and converts it to the internal unit.
    mutating func quantity(_ quantity: ScenarioQuantity, what: String, example: String,
                           range: ClosedRange<Double>? = nil) throws(ScenarioError) -> Double {
        let (value, unit) = try measure(what: what, example: example)
        if let unit, !quantity.spellings.contains(unit) {
            let expected = quantity.spellings.isEmpty ? "a plain number" : "'\(quantity.unitName)'"
            throw error("\(what) has the unit '\(unit)', expected \(expected)", fix: "write it like `\(example)`")
        }
        let written = lastBounds.map { [$0.lowerBound, $0.upperBound] } ?? [value]
        if let range, let value = written.first(where: { !range.contains($0) }) {
            throw error("\(what) \(Self.format(value))\(quantity.unitName) is outside \(Self.format(range.lowerBound))–\(Self.format(range.upperBound))\(quantity.unitName)",
                        fix: "use a value in that range, e.g. `\(example)`")
        }
        return value * quantity.factor
    }

    /// A number as written in messages: no trailing `.0`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

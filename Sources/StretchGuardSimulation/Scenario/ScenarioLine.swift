/// One scenario line split into lower-case words (comment removed), read front to back.
struct ScenarioLine {
    /// The file name used in errors.
    let file: String
    /// The 1-based line number.
    let number: Int
    private let words: [String]
    private var position = 0

    init(file: String, number: Int, text: Substring) {
        self.file = file
        self.number = number
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
    /// `±` is allowed and ignored.
    ///
    /// - Returns: the value as written and the unit word, if any (a unit spelling or a count word).
    mutating func measure(what: String, example: String) throws(ScenarioError) -> (value: Double, unit: String?) {
        guard let word = next() else {
            throw error("\(what) is missing", fix: "write it like `\(example)`")
        }
        var digits = Substring(word)
        if digits.hasPrefix("±") { digits = digits.dropFirst() }
        let numberEnd = digits.firstIndex(where: { !("0"..."9").contains($0) && $0 != "." && $0 != "-" && $0 != "+" })
            ?? digits.endIndex
        guard let value = Double(digits[..<numberEnd]), value.isFinite else {
            throw error("expected \(what), found '\(word)'", fix: "write it like `\(example)`")
        }
        let suffix = String(digits[numberEnd...])
        if !suffix.isEmpty { return (value, suffix) }
        if let unit = peek, ScenarioQuantity.allSpellings.contains(unit) {
            position += 1
            return (value, unit)
        }
        return (value, nil)
    }

    /// Reads a number in `quantity`'s unit and converts it to the internal unit.
    mutating func quantity(_ quantity: ScenarioQuantity, what: String, example: String,
                           range: ClosedRange<Double>? = nil) throws(ScenarioError) -> Double {
        let (value, unit) = try measure(what: what, example: example)
        if let unit, !quantity.spellings.contains(unit) {
            let expected = quantity.spellings.isEmpty ? "a plain number" : "'\(quantity.unitName)'"
            throw error("\(what) has the unit '\(unit)', expected \(expected)", fix: "write it like `\(example)`")
        }
        if let range, !range.contains(value) {
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

/// A problem with a trace file, phrased for the person who has to fix it: the file, the line when there
/// is one, what is wrong, and what to do.
public struct TraceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file the problem is in.
    public var path: String
    /// The 1-based line, or a range of lines, when the problem has one.
    public var lines: ClosedRange<Int>?
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    public init(path: String, line: Int? = nil, problem: String, fix: String) {
        self.init(path: path, lines: line.map { $0...$0 }, problem: problem, fix: fix)
    }

    public init(path: String, lines: ClosedRange<Int>?, problem: String, fix: String) {
        self.path = path
        self.lines = lines
        self.problem = problem
        self.fix = fix
    }

    /// One line: `FILE:LINE: problem — fix`.
    public var description: String {
        var place = path
        if let lines {
            place += lines.count == 1 ? ":\(lines.lowerBound)" : ":\(lines.lowerBound)-\(lines.upperBound)"
        }
        return "\(place): \(problem) — \(fix)"
    }
}

/// A problem with a scenario file, phrased for the person who has to fix it: the file, the line, what is
/// wrong, and what to do.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file (or scenario name) the problem is in.
    public var file: String
    /// The 1-based line, when the problem has one.
    public var line: Int?
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    /// An error at `line` (1-based) of `file`.
    public init(file: String, line: Int?, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    /// One line: `FILE:LINE: problem — fix`.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(problem) — \(fix)"
    }
}

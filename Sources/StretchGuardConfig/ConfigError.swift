/// A configuration file that cannot be used: which file, where, which field, what is wrong and the fix.
///
/// Printed as one line: `PATH:LINE: field 'hold.target_s': problem — fix`.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// The file (or profile name) concerned.
    public var path: String
    /// 1-based line, when known.
    public var line: Int?
    /// Dotted field name, when one field is at fault.
    public var field: String?
    public var problem: String
    public var fix: String

    public init(path: String, line: Int? = nil, field: String? = nil, problem: String, fix: String) {
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        let subject = field.map { "field '\($0)': " } ?? ""
        return "\(place): \(subject)\(problem) — \(fix)"
    }
}

/// A session whose `sessions` row cannot be decoded (a wrongly typed or implausible value): listed with the
/// reason, never reviewed, never a reason to stop reading the others. Its data stay in the file untouched.
public struct UnreadableSession: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The session's id.
    public var id: Int64
    /// What is wrong, e.g. `its rate_hz is 0 (a rate between 1 and 10,000 Hz is expected)`.
    public var problem: String

    /// An unreadable session.
    ///
    /// - Parameters:
    ///   - id: the session's id.
    ///   - problem: what is wrong with its row, in words.
    public init(id: Int64, problem: String) {
        self.id = id
        self.problem = problem
    }

    /// `session 3 cannot be read: its rate_hz is 0 (…); the other sessions are unaffected`.
    public var description: String {
        "session \(id) cannot be read: \(problem); the other sessions are unaffected"
    }
}

/// Every session of the database: those that read, and those whose row does not decode.
public struct SessionList: Hashable, Sendable {
    /// The sessions that read, oldest first.
    public var sessions: [StoredSession]
    /// The sessions whose row does not decode, by id.
    public var unreadable: [UnreadableSession]

    /// A list.
    public init(sessions: [StoredSession], unreadable: [UnreadableSession] = []) {
        self.sessions = sessions
        self.unreadable = unreadable
    }
}

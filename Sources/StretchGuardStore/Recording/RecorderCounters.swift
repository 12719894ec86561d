/// What a ``SessionRecorder`` has done so far: the end-of-session health line.
public struct RecorderCounters: Sendable, Equatable, Codable {
    /// Samples the buffer took.
    public var recorded = 0
    /// Samples dropped because the buffer was full (stored as `buffer full` gaps).
    public var dropped = 0
    /// Samples committed to the database.
    public var written = 0
    /// Sample blocks committed.
    public var blocks = 0
    /// Commits that failed.
    public var writeErrors = 0
    /// Samples lost to failed commits (stored as `write failed` gaps).
    public var lostToWriteErrors = 0
    /// Form events committed.
    public var events = 0
    /// Form events lost (event buffer full, or too many waiting through failed writes).
    public var droppedEvents = 0
    /// Markers committed.
    public var markers = 0

    /// All zero.
    public init() {}
}

/// A stretch of a session whose samples are missing from the store, and why.
public struct SessionGap: Hashable, Sendable, Codable {
    /// Why samples are missing.
    public enum Reason: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The recorder's buffer was full: the writer fell behind the sensor.
        case bufferFull
        /// Writing failed (disk full, I/O error); SQLite's message.
        case writeFailed(String)
        /// Anything else, as stored.
        case other(String)

        /// The stored text: `buffer full`, `write failed: …`, or the other text.
        public var description: String {
            switch self {
            case .bufferFull: return "buffer full"
            case let .writeFailed(message): return Self.writeFailedPrefix + message
            case let .other(text): return text
            }
        }

        /// The reason a stored text stands for.
        public init(storedText text: String) {
            if text == "buffer full" {
                self = .bufferFull
            } else if text.hasPrefix(Self.writeFailedPrefix) {
                self = .writeFailed(String(text.dropFirst(Self.writeFailedPrefix.count)))
            } else {
                self = .other(text)
            }
        }

        private static let writeFailedPrefix = "write failed: "
    }

    /// Sample-clock time of the first missing sample, in s.
    public var start: Double
    /// Sample-clock time of the last missing sample, in s.
    public var end: Double
    /// How many samples are missing.
    public var samples: Int
    /// Why they are missing.
    public var reason: Reason

    /// A gap.
    ///
    /// - Parameters:
    ///   - start: time of the first missing sample, in s.
    ///   - end: time of the last missing sample, in s.
    ///   - samples: how many are missing.
    ///   - reason: why.
    public init(start: Double, end: Double, samples: Int, reason: Reason) {
        self.start = start
        self.end = end
        self.samples = samples
        self.reason = reason
    }

    /// The gap's length, in s (from the first to the last missing sample).
    public var duration: Double { end - start }
}

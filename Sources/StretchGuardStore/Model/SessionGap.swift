/// A stretch of a session whose samples are missing from the store, and why: whole ticks (the thorax's
/// stream, and with it the pelvis's), or, in a two-sensor session, only the pelvis's readings.
public struct SessionGap: Hashable, Sendable, Codable {
    /// Which sensor's samples are missing.
    public enum Stream: String, Hashable, Sendable, Codable, CaseIterable {
        /// Whole ticks: the (thorax) sensor's samples, and the pelvis's of the same ticks.
        case thorax
        /// Only the pelvis sensor's readings: the thorax's samples of those ticks are stored.
        case pelvis
    }

    /// Why samples are missing.
    public enum Reason: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The recorder's buffer was full: the writer fell behind the sensor.
        case bufferFull
        /// The sensor gave no reading at these ticks (unplugged, not answering).
        case noReading
        /// Writing failed (disk full, I/O error); SQLite's message.
        case writeFailed(String)
        /// Anything else, as stored.
        case other(String)

        /// The stored text: `buffer full`, `write failed: …`, or the other text.
        public var description: String {
            switch self {
            case .bufferFull: return "buffer full"
            case .noReading: return Self.noReadingText
            case let .writeFailed(message): return Self.writeFailedPrefix + message
            case let .other(text): return text
            }
        }

        /// The reason a stored text stands for.
        public init(storedText text: String) {
            if text == "buffer full" {
                self = .bufferFull
            } else if text == Self.noReadingText {
                self = .noReading
            } else if text.hasPrefix(Self.writeFailedPrefix) {
                self = .writeFailed(String(text.dropFirst(Self.writeFailedPrefix.count)))
            } else {
                self = .other(text)
            }
        }

        private static let writeFailedPrefix = "write failed: "
        private static let noReadingText = "the sensor gave no reading"
    }

    /// Sample-clock time of the first missing sample, in s.
    public var start: Double
    /// Sample-clock time of the last missing sample, in s.
    public var end: Double
    /// How many samples are missing.
    public var samples: Int
    /// Why they are missing.
    public var reason: Reason
    /// Which sensor's samples are missing (whole ticks unless `pelvis`).
    public var stream: Stream

    /// A gap.
    ///
    /// - Parameters:
    ///   - start: time of the first missing sample, in s.
    ///   - end: time of the last missing sample, in s.
    ///   - samples: how many are missing.
    ///   - reason: why.
    ///   - stream: which sensor's samples are missing; default ``Stream/thorax`` (whole ticks).
    public init(start: Double, end: Double, samples: Int, reason: Reason, stream: Stream = .thorax) {
        self.start = start
        self.end = end
        self.samples = samples
        self.reason = reason
        self.stream = stream
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, samples, reason, stream
    }

    /// Decodes a gap; one kept before gaps named their stream (a set-aside file of an older StretchGuard) is
    /// a gap of whole ticks.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(Double.self, forKey: .start)
        end = try container.decode(Double.self, forKey: .end)
        samples = try container.decode(Int.self, forKey: .samples)
        reason = try container.decode(Reason.self, forKey: .reason)
        stream = try container.decodeIfPresent(Stream.self, forKey: .stream) ?? .thorax
    }

    /// The gap's length, in s (from the first to the last missing sample).
    public var duration: Double { end - start }
}

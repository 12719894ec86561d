import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTestSupport

/// `bench --stage review`: how long `stretchguard review` takes on a long session, and how many bytes the
/// database spends per sample.
///
/// Generates a ``SyntheticSession`` at 200 Hz into a temporary database (removed afterwards), then times,
/// best of `repetitions`: opening the store and loading the session, the analysis (replaying every sample
/// through the core, per-hold SPARC/LDLJ, timeline), and rendering the terminal text and the HTML report.
struct ReviewBench {
    /// Length of the generated session, in s.
    var duration: Double
    /// Timed repetitions (the fastest is reported).
    var repetitions: Int

    /// Sample rate of the generated session, in Hz.
    static let rate = 200.0

    func run() throws -> ReviewBenchResult {
        let folder = NSTemporaryDirectory() + "stretchguard-bench-review-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/sessions.sqlite"
        let profile = try ProfileLibrary.standard().load(FormProfile.general.name)

        let clock = ContinuousClock()
        let generateStart = clock.now
        let store = try SessionStore(path: path)
        let written = try SyntheticSession.write(into: store, duration: duration, rate: Self.rate,
                                                 startDate: Date(timeIntervalSince1970: 1_750_000_000), profile: profile)
        try store.close()
        let generated = seconds(clock.now - generateStart)
        let bytes = Self.fileSize(path) + Self.fileSize(path + "-wal")

        var best = (total: Double.infinity, load: 0.0, analysis: 0.0, text: 0.0, html: 0.0)
        var htmlBytes = 0, holds = 0, matches = false
        for _ in 0..<repetitions {
            let t0 = clock.now
            let reader = try SessionStore(path: path)
            let recording = try SessionRecording.load(from: reader, selector: .id(written.session))
            let t1 = clock.now
            let analysis = try SessionAnalysis.reviewing(recording, library: ProfileLibrary.standard())
            let t2 = clock.now
            let text = ReviewText(timeZone: TimeZone(identifier: "UTC")!).render(analysis)
            let t3 = clock.now
            let html = HTMLReport(timeZone: TimeZone(identifier: "UTC")!).render(analysis)
            let t4 = clock.now
            try reader.close()
            let total = seconds(t4 - t0)
            if total < best.total {
                best = (total, seconds(t1 - t0), seconds(t2 - t1), seconds(t3 - t2), seconds(t4 - t3))
            }
            htmlBytes = html.utf8.count
            _ = text.utf8.count
            holds = analysis.holds.count
            matches = analysis.agreement.matches
        }
        return ReviewBenchResult(
            sessionSeconds: duration, rateHz: Self.rate, samples: written.samples, databaseBytes: bytes,
            bytesPerSample: Double(bytes) / Double(max(written.samples, 1)), generateSeconds: generated,
            reviewSeconds: best.total, loadSeconds: best.load, analysisSeconds: best.analysis,
            textSeconds: best.text, htmlSeconds: best.html, htmlBytes: htmlBytes, holds: holds,
            replayMatchesLive: matches, build: StretchGuardBench.buildKind)
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// A file's size in bytes (0 when it does not exist).
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// What `bench --stage review` measured.
struct ReviewBenchResult: Encodable {
    /// Length of the generated session, in s.
    var sessionSeconds: Double
    /// Its sample rate, in Hz.
    var rateHz: Double
    /// Samples stored.
    var samples: Int
    /// The database file (and WAL, if any) after closing, in bytes.
    var databaseBytes: Int
    /// `databaseBytes / samples`.
    var bytesPerSample: Double
    /// Generating and writing the session, in s (not part of the review).
    var generateSeconds: Double
    /// The whole review: open, load, analyse, render text and HTML, in s (fastest repetition).
    var reviewSeconds: Double
    /// Opening the store and loading the session, in s.
    var loadSeconds: Double
    /// Replaying and measuring, in s.
    var analysisSeconds: Double
    /// Rendering the terminal review, in s.
    var textSeconds: Double
    /// Rendering the HTML report, in s.
    var htmlSeconds: Double
    /// The HTML report's size, in bytes.
    var htmlBytes: Int
    /// Holds found.
    var holds: Int
    /// Whether the replay reproduced the stored events.
    var replayMatchesLive: Bool
    /// "release" or "debug".
    var build: String

    enum CodingKeys: String, CodingKey {
        case sessionSeconds = "session_seconds", rateHz = "rate_hz", samples, databaseBytes = "database_bytes"
        case bytesPerSample = "bytes_per_sample", generateSeconds = "generate_seconds"
        case reviewSeconds = "review_seconds", loadSeconds = "load_seconds", analysisSeconds = "analysis_seconds"
        case textSeconds = "text_seconds", htmlSeconds = "html_seconds", htmlBytes = "html_bytes", holds
        case replayMatchesLive = "replay_matches_live", build, stage
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("review", forKey: .stage)
        try c.encode(sessionSeconds, forKey: .sessionSeconds)
        try c.encode(rateHz, forKey: .rateHz)
        try c.encode(samples, forKey: .samples)
        try c.encode(databaseBytes, forKey: .databaseBytes)
        try c.encode(bytesPerSample, forKey: .bytesPerSample)
        try c.encode(generateSeconds, forKey: .generateSeconds)
        try c.encode(reviewSeconds, forKey: .reviewSeconds)
        try c.encode(loadSeconds, forKey: .loadSeconds)
        try c.encode(analysisSeconds, forKey: .analysisSeconds)
        try c.encode(textSeconds, forKey: .textSeconds)
        try c.encode(htmlSeconds, forKey: .htmlSeconds)
        try c.encode(htmlBytes, forKey: .htmlBytes)
        try c.encode(holds, forKey: .holds)
        try c.encode(replayMatchesLive, forKey: .replayMatchesLive)
        try c.encode(build, forKey: .build)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    var text: String {
        var lines = [
            "review of a generated \(ReviewFormat.duration(sessionSeconds)) session at \(ReviewFormat.decimal(rateHz, 0)) Hz "
                + "(\(samples) samples, \(holds) holds; \(build) build):",
            "  review       \(ReviewFormat.decimal(reviewSeconds, 3)) s (goal < 1 s): load \(ReviewFormat.decimal(loadSeconds, 3)) s, "
                + "analysis \(ReviewFormat.decimal(analysisSeconds, 3)) s, text \(ReviewFormat.decimal(textSeconds, 3)) s, "
                + "HTML \(ReviewFormat.decimal(htmlSeconds, 3)) s (\(htmlBytes / 1024) KiB)",
            "  database     \(ReviewFormat.decimal(bytesPerSample, 2)) bytes/sample (\(databaseBytes / 1024) KiB)",
            "  replay       " + (replayMatchesLive ? "reproduces the stored events" : "DIFFERS from the stored events"),
            "  (generating and writing the session took \(ReviewFormat.decimal(generateSeconds, 2)) s)",
        ]
        if build == "debug" { lines.append("note: debug build; use `swift run -c release stretchguard bench --stage review` for real numbers") }
        return lines.joined(separator: "\n")
    }
}

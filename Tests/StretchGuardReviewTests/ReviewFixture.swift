import StretchGuardTestSupport
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardSimulation
import StretchGuardStore

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The profiles in Calibration/profiles (what the CLI finds from the repository's folder).
let testLibrary = ProfileLibrary(directories: [repositoryRoot.appendingPathComponent("Calibration/profiles").path])

/// A session database in a fresh temporary folder, holding a scenario rendered into samples and written
/// as a live session would have recorded it (``SessionImporter``). `remove()` deletes it.
struct ReviewFixture {
    let folder: String
    let store: SessionStore
    let session: Int64
    /// The events the "live" session stored.
    let events: [FormEvent]
    /// The stored markers.
    let markers: [SessionMarker]
    /// Samples stored.
    let samples: Int

    /// Where sample-clock times start (the session's `startTime`), in s: not 0, so that relative times
    /// are really computed.
    static let clockStart = 500.0
    /// The wall-clock start: Monday 16 June 2025, 09:30 UTC.
    static let startDate = Date(timeIntervalSince1970: 1_750_066_200)

    /// Renders `scenario` (a name in Calibration/scenarios) and stores it.
    ///
    /// - Parameters:
    ///   - scenario: the scenario's name.
    ///   - profile: the profile's name (looked up in Calibration/profiles).
    ///   - stopAt: scenario times, in s, of "stop / it hurts" presses.
    ///   - gap: a scenario time range, in s, whose samples are dropped and stored as a gap.
    ///   - calibration: the calibration text stored instead of the baseline's record ("" for none).
    ///   - notes: scenario times, in s, and texts of note markers.
    ///   - progressionSession: record with the profile's hold target for this session number.
    ///   - recaptureAt: scenario times, in s, of long presses that re-capture the neutral posture.
    init(scenario: String = "demo", profile: String = "general", stopAt: [Double] = [], notes: [(Double, String)] = [],
         gap: Range<Double>? = nil, calibration: String? = nil, progressionSession: Int? = nil,
         recaptureAt: [Double] = [], folder: String? = nil) throws {
        self.folder = folder ?? NSTemporaryDirectory() + "stretchguard-review-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: self.folder, withIntermediateDirectories: true)
        store = try SessionStore(path: self.folder + "/sessions.sqlite")
        let path = repositoryRoot.appendingPathComponent("Calibration/scenarios/\(scenario).scenario").path
        let parsed = try Scenario.parse(try String(contentsOfFile: path, encoding: .utf8), name: scenario)
        var samples = ScenarioRenderer(seed: 1).render(parsed).samples.map { sample in
            var shifted = sample
            shifted.time += Self.clockStart
            return shifted
        }
        let scale = SampleScale.wideRange
        // The "live" baseline: the first 2 s as rendered (before any gap), with the forward axis a
        // calibration's forward bend would give (the demo's sensor sits with +x forward).
        var baseline = try SessionImporter.startBaseline(of: samples, scale: scale)
        baseline.mounting = try BodyMounting.from(spine: baseline.gravity, forward: .unitX)
        baseline.forwardAxisKnown = true
        var gaps: [SessionGap] = []
        if let gap {
            let missing = samples.filter { gap.contains($0.time - Self.clockStart) }
            samples.removeAll { gap.contains($0.time - Self.clockStart) }
            gaps = [SessionGap(start: missing.first!.time, end: missing.last!.time, samples: missing.count,
                               reason: .bufferFull)]
        }
        var exercise = try testLibrary.load(profile)
        if let progressionSession { exercise = exercise.forSession(progressionSession) }
        let info = SessionInfo(startDate: Self.startDate, startTime: Self.clockStart, device: "simulated",
                               chip: "simulated", rate: parsed.sampleRate, profile: exercise.name,
                               softwareVersion: "0.1.0-test", scale: scale)
        markers = (stopAt.map { SessionMarker(time: Self.clockStart + $0, kind: .stop, note: "") }
            + notes.map { SessionMarker(time: Self.clockStart + $0.0, kind: .note, note: $0.1) }
            + recaptureAt.map { SessionMarker(time: Self.clockStart + $0, kind: .recapture, note: "") })
            .sorted { $0.time < $1.time }
        var importer = SessionImporter()
        importer.samplesPerBlock = Int(0.4 * parsed.sampleRate)
        let result = try importer.write(samples: samples, into: store, info: info, baseline: baseline,
                                        profile: exercise, markers: markers, gaps: gaps, calibration: calibration)
        session = result.session
        events = result.events
        self.samples = result.samples
    }

    /// Loads and analyses the session as `review` does.
    func analysis(profile: String? = nil, recalibrate: Bool = false) throws -> SessionAnalysis {
        let recording = try SessionRecording.load(from: store, selector: .id(session), recalibrate: recalibrate)
        let exercise = try SessionProfile.resolve(for: recording, library: testLibrary, override: profile)
        return try SessionAnalysis(recording: recording, profile: exercise)
    }

    func remove() {
        try? store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// UTC, so that dates in the output do not depend on the machine.
let utc = TimeZone(identifier: "UTC")!

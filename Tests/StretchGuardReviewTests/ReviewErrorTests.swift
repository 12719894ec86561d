import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTrace
import Testing

@Suite("Review errors: each names the problem and the fix")
struct ReviewErrorTests {
    @Test("an unknown session id points to `stretchguard sessions`")
    func unknownSession() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        #expect(throws: ReviewError.store(.unknownSession(id: 99))) {
            try SessionRecording.load(from: fixture.store, selector: .id(99))
        }
        #expect(ReviewError.store(.unknownSession(id: 99)).description.contains("`stretchguard sessions`"))
    }

    @Test("`latest` picks the most recent session")
    func latest() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let recording = try SessionRecording.load(from: fixture.store, selector: .latest)
        #expect(recording.id == fixture.session)
    }

    @Test("a damaged stored calibration is refused, with --recalibrate as the way out")
    func damagedCalibration() throws {
        let fixture = try ReviewFixture(calibration: "{ not json")
        defer { fixture.remove() }
        do {
            _ = try SessionRecording.load(from: fixture.store, selector: .id(fixture.session))
            Issue.record("a damaged calibration record was accepted")
        } catch {
            guard case .calibration(let session, _) = error else {
                Issue.record("expected a calibration error, got \(error)")
                return
            }
            #expect(session == fixture.session)
            #expect(error.description.contains("session \(fixture.session)'s stored calibration"))
            #expect(error.description.contains("stretchguard review \(fixture.session) --recalibrate"))
        }
        // The way out works.
        let analysis = try fixture.analysis(recalibrate: true)
        #expect(analysis.agreement.matches)
    }

    @Test("a calibration record from a newer StretchGuard says to upgrade")
    func newerCalibration() throws {
        let newer = #"{"format":"stretchguard-calibration","version":7}"#
        let fixture = try ReviewFixture(calibration: newer)
        defer { fixture.remove() }
        #expect {
            try SessionRecording.load(from: fixture.store, selector: .id(fixture.session))
        } throws: { error in
            let text = String(describing: error)
            return text.contains("newer StretchGuard (version 7 > 1)") && text.contains("upgrade stretchguard")
        }
    }

    @Test("an unknown profile names the known ones and --profile")
    func unknownProfile() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let recording = try SessionRecording.load(from: fixture.store, selector: .id(fixture.session))
        #expect {
            try SessionProfile.resolve(for: recording, library: testLibrary, override: "no-such-stretch")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("'no-such-stretch'") && text.contains("standing-hamstring") && text.contains("--profile")
        }
    }

    @Test("a session without samples has nothing to review")
    func noSamples() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let info = SessionInfo(startDate: ReviewFixture.startDate, startTime: 0, device: "simulated", chip: "simulated",
                               rate: 100, profile: "general", softwareVersion: "0.1.0-test", scale: .wideRange)
        let empty = try fixture.store.beginSession(info)
        try fixture.store.finishSession(empty, summary: SessionSummary())
        #expect(throws: ReviewError.noSamples(session: empty)) {
            try SessionRecording.load(from: fixture.store, selector: .id(empty))
        }
    }

    @Test("no stored calibration and no still stretch in the search: no baseline, said plainly")
    func movingStart() throws {
        // walking starts with 3 s still; a gap over it leaves 15 s of walking as the start, and the search
        // looks 10 s in.
        let fixture = try ReviewFixture(scenario: "walking", gap: 0..<3.2, calibration: "")
        defer { fixture.remove() }
        #expect {
            try SessionRecording.load(from: fixture.store, selector: .id(fixture.session),
                                      options: ReplayOptions(baselineSearch: 10))
        } throws: { error in
            guard case .baseline = error as? ReviewError else { return false }
            let text = String(describing: error)
            // Times are told from the session's start; the stillest stretch is in the walk, after the gap.
            return text.contains("no still 2 s stretch in the first 10 s: in the stillest 2 s, from ")
                && text.contains("the wearer moved: ") && !text.contains("from 50")
                && text.contains("cannot be replayed without a calibration")
        }
    }
}

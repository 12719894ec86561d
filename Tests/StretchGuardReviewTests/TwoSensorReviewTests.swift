import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTestSupport
import Testing

/// Issue 14: a two-sensor session's review shows the spine, the hips and both sensors' health.
@Suite("Two-sensor review")
struct TwoSensorReviewTests {
    typealias Model = SyntheticTwoSensorSession

    /// The synthetic two-sensor session (chest twist over still hips, then a whole-body turn, then 1 s
    /// without pelvis readings), stored and reviewed with the general profile.
    struct Reviewed {
        let folder: String
        let analysis: SessionAnalysis
        let written: SessionImporter.Result

        init() throws {
            folder = NSTemporaryDirectory() + "stretchguard-two-sensor-review-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let store = try SessionStore(path: folder + "/sessions.sqlite")
            let profile = try testLibrary.load("general")
            written = try Model.write(into: store, startDate: ReviewFixture.startDate, profile: profile)
            let recording = try SessionRecording.load(from: store, selector: .id(written.session))
            analysis = try SessionAnalysis(recording: recording, profile: profile)
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Whether `span` overlaps the model's time range (s from the start).
    static func overlaps(_ span: AlertSpan, _ range: ClosedRange<Double>) -> Bool {
        span.start <= range.upperBound && span.end >= range.lowerBound
    }

    @Test("the replay measures the spine: a chest twist over still hips alerts, the whole body turning does not")
    func spinalTwist() throws {
        let reviewed = try Reviewed()
        defer { reviewed.remove() }
        let a = reviewed.analysis
        #expect(a.hasPelvis && a.isSpinal)
        let twists = a.alerts.filter { $0.kind == .twist }
        #expect(twists.count == 1)
        #expect(twists.allSatisfy { Self.overlaps($0, Model.chestTwistSpan) })
        #expect(!twists.contains { Self.overlaps($0, Model.bodyTurnSpan.lowerBound...(Model.bodyTurnSpan.upperBound + 3)) })
        let peak = try #require(twists.first).peak
        #expect(abs(peak - Model.chestTwist) < 3 * degree)
        // The live session (the importer's pipeline on the same samples) said the same.
        #expect(a.agreement.matches)

        // The hips: still during the chest twist, turned with the body after the turn.
        let track = a.track
        let inTwist = track.index(atOrAfter: Model.chestTwistSpan.lowerBound + 2.5)
        #expect(abs(track.pelvisTwist[inTwist]) < 2 * degree)
        #expect(abs(track.twist[inTwist] - Model.chestTwist) < 2 * degree)
        let afterTurn = track.index(atOrAfter: Model.bodyTurnSpan.upperBound + 2)
        #expect(abs(abs(track.pelvisTwist[afterTurn]) - Model.bodyTurn) < 3 * degree)
        #expect(abs(track.twist[afterTurn]) < 3 * degree)
        // The bend: the hips' share and the spine's.
        let inHold = track.index(atOrAfter: 15)
        #expect(abs(track.hipFlexion[inHold] - Model.hipBend) < 3 * degree)
        #expect(abs(track.flexion[inHold] - Model.lumbarBend) < 3 * degree)
    }

    @Test("both sensors' health: the pelvis's missing second is counted, lost once and back, and on the timeline")
    func sensorHealth() throws {
        let reviewed = try Reviewed()
        defer { reviewed.remove() }
        let a = reviewed.analysis
        let silentTicks = Int(((Model.pelvisSilence.upperBound - Model.pelvisSilence.lowerBound) * a.session.info.rate).rounded())
        let thorax = try #require(a.sensors.first { $0.sensor == .thorax })
        let pelvis = try #require(a.sensors.first { $0.sensor == .pelvis })
        #expect(thorax.readings == reviewed.written.samples && thorax.missing == 0)
        #expect(pelvis.readings == reviewed.written.samples - silentTicks)
        #expect(pelvis.missing == silentTicks && pelvis.gaps == 1 && pelvis.losses == 1)
        #expect(abs(pelvis.rate - Double(pelvis.readings) / a.duration) < 1e-9)
        #expect(a.summary.pelvisLosses == 1 && a.summary.missingSamples == 0)
        let kinds = a.timeline.map(\.kind.name)
        #expect(kinds.contains("pelvis_lost") && kinds.contains("pelvis_returned"))
        #expect(a.timeline.contains { $0.kind == .gap && $0.text.contains("the sensor gave no reading") })
        // The ticks without a pelvis reading have no hip angles.
        let silent = a.track.index(atOrAfter: Model.pelvisSilence.lowerBound + 0.5)
        #expect(a.track.hipFlexion[silent].isNaN && !a.track.flexion[silent].isNaN)
    }

    @Test("CSV: the hip columns after the usual ones, empty where the pelvis did not report")
    func csv() throws {
        let reviewed = try Reviewed()
        defer { reviewed.remove() }
        var bytes: [UInt8] = []
        ReviewCSV.write(reviewed.analysis) { bytes.append(contentsOf: $0) }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.first == (ReviewCSV.columns + ["hip_flexion_deg", "pelvis_twist_deg"]).joined(separator: ","))
        #expect(lines.count == reviewed.analysis.track.count + 1)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == ReviewCSV.columns.count + 2 })
        let silent = rows.filter { row in Model.pelvisSilence.contains(Double(row[0])! ) && row[8].isEmpty }
        // The pelvis channel keeps its angles for 0.1 s (10 ticks) before it counts as lost; every silent
        // tick after that has empty hip cells.
        #expect(silent.count >= 100 - 10)
        let bend = try #require(rows.first { Double($0[0])! >= 15 })
        #expect(abs(Double(bend[8])! - Model.hipBend / degree) < 3)
        // After the whole-body turn (before the pelvis's silence, whose return restarts its heading).
        let turned = try #require(rows.first { Double($0[0])! >= Model.bodyTurnSpan.upperBound + 2 })
        #expect(abs(abs(Double(turned[9])!) - Model.bodyTurn / degree) < 3)
        #expect(abs(Double(turned[3])!) < 3)
    }

    @Test("JSON: a sensors section, the hips in the summary and holds, the pelvis gap's stream, the spinal twist alert")
    func json() throws {
        let reviewed = try Reviewed()
        defer { reviewed.remove() }
        let text = ReviewJSON.render(reviewed.analysis)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let sensors = try #require(object["sensors"] as? [[String: Any]])
        #expect(sensors.map { $0["sensor"] as? String } == ["thorax", "pelvis"])
        #expect(sensors[1]["losses"] as? Int == 1 && sensors[1]["missing"] as? Int == 100)
        #expect(sensors[1]["chip"] as? String == "simulated" && sensors[1]["device"] as? String == "simulated 0x69")
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["angles"] as? String == "spine")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["twist_alerts"] as? Int == 1 && summary["pelvis_losses"] as? Int == 1)
        #expect(summary["hip_hinge_cues"] as? Int == 0 && summary["hips_still_cues"] as? Int == 0)
        let deepest = try #require(summary["deepest_hip_flexion_deg"] as? Double)
        #expect(abs(deepest - Model.hipBend / degree) < 3)
        let turned = try #require(summary["worst_pelvis_twist_deg"] as? Double)
        #expect(abs(turned - Model.bodyTurn / degree) < 3)
        let holds = try #require(object["holds"] as? [[String: Any]])
        #expect(!holds.isEmpty && holds.allSatisfy { $0["mean_hip_flexion_deg"] is Double })
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        #expect(alerts.compactMap { $0["kind"] as? String } == ["twist"])
        let gaps = try #require(object["gaps"] as? [[String: Any]])
        #expect(gaps.map { $0["stream"] as? String } == ["pelvis"])
        let events = try #require(object["events"] as? [[String: Any]]).compactMap { $0["event"] as? String }
        #expect(events.contains("pelvis_lost") && events.contains("pelvis_returned"))
    }

    @Test("HTML: the hips plot with lumbar and hip flexion and pelvis twist, the hip cards and the sensors table")
    func html() throws {
        let reviewed = try Reviewed()
        defer { reviewed.remove() }
        let page = HTMLReport(timeZone: TimeZone(identifier: "UTC")!).render(reviewed.analysis)
        #expect(page.contains(#"<svg id="hips-plot""#))
        for series in ["series-lumbar-flexion", "series-hip-flexion", "series-pelvis-twist"] {
            let found = page.range(of: #"class="\#(series)" d="M"#)
            #expect(found != nil, "\(series) drawn")
        }
        #expect(page.contains(#"id="hip-cards""#) && page.contains(#"<table id="sensors">"#))
        #expect(page.contains("Spinal twist and lumbar flexion over time"))
        #expect(page.contains(#"class="gap-pelvis""#))
        #expect(page.components(separatedBy: #"class="alert-twist""#).count - 1 == 1)
    }

    @Test("the terminal review names the spine, the hip cues, both sensors, and plots the hips within 80 columns")
    func text() throws {
        let reviewed = try Reviewed()
        defer { reviewed.remove() }
        let text = ReviewText(timeZone: TimeZone(identifier: "UTC")!).render(reviewed.analysis)
        #expect(text.contains("  twist measured   spine (upper back vs pelvis)"))
        #expect(text.contains("  hip hinge cues   none"))
        #expect(text.contains("  thorax sensor    \(reviewed.written.samples) readings, 100 Hz; none missing"))
        #expect(text.contains("  pelvis sensor    \(reviewed.written.samples - 100) readings, 98 Hz (98 %); 100 missing, 1 gap; lost once"))
        #expect(text.contains("Hips in each hold"))
        #expect(text.contains("Spine and hips over time"))
        #expect(text.contains("hip flexion, ° (+ forward)") && text.contains("pelvis twist, ° (+ hips to the left)"))
        let long = text.split(separator: "\n").filter { $0.count > 80 }
        #expect(long.isEmpty, "lines over 80 columns: \(long)")
        let marks = try #require(text.split(separator: "\n").first { $0.hasPrefix("       |") && $0.contains("T") })
        #expect(marks.contains("p"))
    }
}

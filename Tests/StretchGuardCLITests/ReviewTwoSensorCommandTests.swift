import Foundation
import Testing

/// `review` and `sessions` on a two-sensor session, end to end through the built binary.
struct ReviewTwoSensorCommandTests {
    @Test func reviewShowsTheSpineTheHipsAndBothSensors() throws {
        let database = try ReviewDatabase.twoSensor()
        defer { database.remove() }
        let csv = database.folder + "/review.csv", html = database.folder + "/review.html"
        let text = try database.run(["review", "1", "--csv", csv, "--html", html])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  twist measured   spine (upper back vs pelvis)"))
        #expect(text.stdout.contains("  pelvis sensor    "))
        #expect(text.stdout.contains("pelvis sensor stopped answering"))
        let header = try String(contentsOfFile: csv, encoding: .utf8).prefix { $0 != "\n" }
        #expect(header == "t,flexion_deg,side_bend_deg,twist_deg,twist_alert,bounce_alert,holding,hold_s,hip_flexion_deg,pelvis_twist_deg")
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains(#"<svg id="hips-plot""#))

        let json = try database.run(["review", "1", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sensors = try #require(object["sensors"] as? [[String: Any]])
        #expect(sensors.compactMap { $0["sensor"] as? String } == ["thorax", "pelvis"])
        #expect((object["summary"] as? [String: Any])?["twist_alerts"] as? Int == 1)
    }

    @Test func sessionsMarksTwoSensorSessions() throws {
        let database = try ReviewDatabase.twoSensor()
        defer { database.remove() }
        let text = try database.run(["sessions"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("general (2 sensors)"))
        let json = try database.run(["sessions", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["sensors"] as? Int == 2)
    }
}

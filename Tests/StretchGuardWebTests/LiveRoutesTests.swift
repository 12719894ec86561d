import Foundation
import Hummingbird
import HummingbirdTesting
import StretchGuardCore
@testable import StretchGuardLive
import Testing
@testable import StretchGuardWeb

@Suite("The live snapshot over HTTP")
struct LiveRoutesTests {
    static func server(live: LiveChannel?) -> WebServer {
        let path = NSTemporaryDirectory() + "stretchguard-web-none-" + UUID().uuidString + "/sessions.sqlite"
        return WebServer(archive: SessionArchive(databasePath: path, profiles: WebFixture.library),
                         live: live.map { LiveFeed(channel: $0, profile: .general) })
    }

    @Test("GET /api/live: the channel's latest snapshot, in degrees and seconds, with names for levels")
    func latest() async throws {
        let channel = LiveChannel()
        var snapshot = LiveSnapshot()
        snapshot.time = 1012.5
        snapshot.elapsed = 12.5
        snapshot.twist = 17.256
        snapshot.flexion = 58.1
        snapshot.twistLevel = .alert
        snapshot.holding = true
        snapshot.holdSeconds = 4.25
        snapshot.ledColor = .red
        snapshot.achievedRate = 99.5
        snapshot.droppedSamples = 3
        snapshot.tally.twistAlerts = 2
        snapshot.tally.worstTwist = 20 * degree
        channel.publish(snapshot)
        snapshot.twist = 21.5
        channel.publish(snapshot)
        try await application(Self.server(live: channel)).test(.router) { client in
            try await client.execute(uri: "/api/live", method: .get) { response in
                #expect(response.status == .ok)
                let body = try jsonObject(response)
                #expect(body["sequence"] as? Int == 2)
                #expect(body["twist_deg"] as? Double == 21.5)
                #expect(body["flexion_deg"] as? Double == 58.1)
                #expect(body["elapsed_s"] as? Double == 12.5)
                #expect(body["twist_level"] as? String == "alert")
                #expect(body["holding"] as? Bool == true)
                #expect(body["hold_s"] as? Double == 4.25)
                #expect(body["led"] as? String == LEDColor.red.rawValue)
                let sensor = try #require(body["sensor"] as? [String: Any])
                #expect(sensor["rate_hz"] as? Double == 99.5)
                #expect(sensor["dropped_samples"] as? Int == 3)
                let tally = try #require(body["tally"] as? [String: Any])
                #expect(tally["twist_alerts"] as? Int == 2)
                #expect(tally["worst_twist_deg"] as? Double == 20)
                // One sensor: no pelvis keys.
                #expect(body["two_sensors"] as? Bool == false)
                #expect(body["hip_flexion_deg"] == nil && body["pelvis_lost"] == nil)
            }
        }
    }

    @Test("two sensors: the pelvis's state, with hip flexion null while the pelvis is lost")
    func twoSensors() async throws {
        let channel = LiveChannel()
        var snapshot = LiveSnapshot()
        snapshot.twoSensors = true
        snapshot.pelvisLost = true
        snapshot.pelvisMissedTicks = 14
        channel.publish(snapshot)
        try await application(Self.server(live: channel)).test(.router) { client in
            try await client.execute(uri: "/api/live", method: .get) { response in
                let body = try jsonObject(response)
                #expect(body["two_sensors"] as? Bool == true)
                #expect(body["pelvis_lost"] as? Bool == true)
                #expect(body["pelvis_missed_ticks"] as? Int == 14)
                #expect(body.keys.contains("hip_flexion_deg") && body["hip_flexion_deg"] is NSNull)
            }
        }
    }

    @Test("a guided session: where the wearer is in the plan (step from 1, phase, rest left); no plan key otherwise")
    func plan() async throws {
        let channel = LiveChannel()
        var snapshot = LiveSnapshot()
        snapshot.planSteps = 15
        snapshot.planStep = 2
        snapshot.planPhase = .rest
        snapshot.restLeft = 12.34
        channel.publish(snapshot)
        try await application(Self.server(live: channel)).test(.router) { client in
            try await client.execute(uri: "/api/live", method: .get) { response in
                let plan = try #require(try jsonObject(response)["plan"] as? [String: Any])
                #expect(plan["step"] as? Int == 3 && plan["steps"] as? Int == 15)
                #expect(plan["phase"] as? String == "rest" && plan["rest_left_s"] as? Double == 12.3)
            }
        }
        let plain = LiveChannel()
        plain.publish(LiveSnapshot())
        try await application(Self.server(live: plain)).test(.router) { client in
            try await client.execute(uri: "/api/live", method: .get) { response in
                let body = try jsonObject(response)
                #expect(body["plan"] == nil)
            }
        }
    }

    @Test("GET /api/live without a live session: 404 saying the server shows recorded sessions only")
    func noSession() async throws {
        try await application(Self.server(live: nil)).test(.router) { client in
            try await client.execute(uri: "/api/live", method: .get) { response in
                #expect(response.status == .notFound)
                let message = try #require(try jsonObject(response)["error"] as? String)
                #expect(message.hasPrefix("no live session on this server"))
            }
        }
    }
}

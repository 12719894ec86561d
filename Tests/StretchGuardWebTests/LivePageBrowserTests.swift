import Foundation
import Hummingbird
import HummingbirdTesting
import StretchGuardCore
@testable import StretchGuardLive
import StretchGuardTestSupport
import Testing
@testable import StretchGuardWeb

/// The live page in a real browser: a `WebServer` on 127.0.0.1 (a free port) over a live session playing the
/// demo in real time, and headless Chromium opening `/live`, driven over its DevTools protocol. From the DOM,
/// every 250 ms: the twist value changes as the wearer moves, and the alert banner shows the twist alert
/// during the demo's scripted twist (about 47 s in); a screenshot of that moment is saved as
/// `.build/test-artefacts/live-page.png` under the package root. Then the session is stopped and the page
/// must say it ended. Without Chromium the test fails and says how to install it.
@Suite("The live page in a real browser", .serialized)
struct LivePageBrowserTests {
    /// The tablet-sized viewport, landscape, in CSS pixels.
    static let width = 1280, height = 900
    /// Where the screenshot is left.
    static let artefact = WebFixture.repositoryRoot.appendingPathComponent(".build/test-artefacts/live-page.png")

    @Test("Chromium shows the demo live: the twist value changes and the twist alert banner appears")
    func demoInChromium() async throws {
        guard let chromium = ChromiumBinary.find() else {
            Issue.record(Comment(rawValue: ChromiumBinary.missing("the live page")))
            return
        }
        let demo = try SimulatedScenario.load(SimulatedScenario.demoName)
        let live = try RealTimeSession(scenario: demo)
        // Generous: the alert comes about 47 s in, on a machine shared with other builds.
        let timeout = (demo.samples.last?.time ?? 0) + 60
        try await live.server.application(address: ServeAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try #require(client.port)
            defer { live.stop() }
            let browser = try await HeadlessChromium.launch(chromium, width: Self.width, height: Self.height)
            defer { browser.close() }
            let seen = try await DevToolsSession.run(url: browser.devToolsURL) { devtools in
                try await devtools.attachPage(width: Self.width, height: Self.height)
                try await devtools.navigate("http://127.0.0.1:\(port)/live")
                // The demo starts once the page is open (Chromium may take long to start on a busy machine).
                let stop = try live.start().stopToken
                return try await LivePageWatch.untilTwistAlert(devtools: &devtools, timeout: timeout) {
                    // Once the alert shows, end the session: the page must then say so.
                    stop.stop()
                }
            }
            let screenshot = try #require(seen.screenshot, """
                the twist alert banner never showed within \(Int(timeout)) s; the banner's states seen: \
                \(seen.bannerStates.joined(separator: ", ")); connection: \(seen.connection)
                """)
            #expect(seen.twistValues.count >= 5, "the twist value hardly changed: \(seen.twistValues)")
            #expect(seen.twistValues.allSatisfy { $0.range(of: #"^-?\d+\.\d°$"#, options: .regularExpression) != nil },
                    "\(seen.twistValues)")
            #expect(seen.alertText == "Twist — turn back to the centre")
            #expect(seen.bannerStates.contains("clear") || seen.bannerStates.contains("hold"),
                    "the banner was never calm before the alert: \(seen.bannerStates)")
            #expect(seen.ended, "the page did not show the session's end (banner \(seen.bannerStates.last ?? "-"), connection \(seen.connection))")

            #expect(screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
            let width = screenshot.dropFirst(16).prefix(4).reduce(0) { $0 << 8 | Int($1) }
            let height = screenshot.dropFirst(20).prefix(4).reduce(0) { $0 << 8 | Int($1) }
            #expect(width == Self.width && height == Self.height)
            try FileManager.default.createDirectory(at: Self.artefact.deletingLastPathComponent(), withIntermediateDirectories: true)
            try screenshot.write(to: Self.artefact)
            print("live page: screenshot with the twist alert at \(Self.artefact.path)")
        }
    }

    @Test("a \"stop / it hurts\" press shows in the marker list with its time; the hold timer and clock follow the snapshots")
    func stopMarker() async throws {
        guard let chromium = ChromiumBinary.find() else {
            Issue.record(Comment(rawValue: ChromiumBinary.missing("the live page")))
            return
        }
        let channel = LiveChannel()
        let path = NSTemporaryDirectory() + "stretchguard-web-none-" + UUID().uuidString + "/sessions.sqlite"
        let server = WebServer(archive: SessionArchive(databasePath: path, profiles: WebFixture.library),
                               live: LiveFeed(channel: channel, profile: .general, session: 3))
        try await server.application(address: ServeAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try #require(client.port)
            // A session 65 s in, holding for 18 s: snapshots every 50 ms, a stop press once the page follows.
            let playing = Task {
                var snapshot = LiveSnapshot()
                snapshot.holding = true
                for index in 0..<1200 where !Task.isCancelled {
                    snapshot.elapsed = 65 + Double(index) * 0.05
                    snapshot.time = 1000 + snapshot.elapsed
                    snapshot.holdSeconds = 18 + Double(index) * 0.05
                    channel.publish(snapshot)
                    if index == 40 { channel.post(.stopMarked(time: snapshot.time)) }
                    try? await Task.sleep(for: .milliseconds(50))
                }
                channel.finish(snapshot)
            }
            defer { playing.cancel() }
            let browser = try await HeadlessChromium.launch(chromium, width: 800, height: 1280)
            defer { browser.close() }
            let seen = try await DevToolsSession.run(url: browser.devToolsURL) { devtools in
                try await devtools.attachPage(width: 800, height: 1280)
                try await devtools.navigate("http://127.0.0.1:\(port)/live")
                let probe = """
                    JSON.stringify({
                      stops: [...document.querySelectorAll('#stop-list li:not(.none)')].map(li => li.textContent),
                      hold: document.getElementById('hold-text')?.textContent,
                      clock: document.getElementById('session-clock')?.textContent,
                      title: document.getElementById('session-title')?.textContent
                    })
                    """
                let state = try await devtools.poll(probe, timeout: 30) { ($0["stops"] as? [String])?.isEmpty == false }
                return try JSONSerialization.data(withJSONObject: state)
            }
            let state = try #require(try JSONSerialization.jsonObject(with: seen) as? [String: Any])
            let stops = try #require(state["stops"] as? [String], "\(state)")
            // Pressed at 65 + 40 × 0.05 = 67 s: 1:07.
            #expect(stops == ["1:07 stop / it hurts"], "\(state)")
            let hold = try #require(state["hold"] as? String)
            #expect(hold.range(of: #"^(1[89]|[2-9][0-9]) / 30 s$"#, options: .regularExpression) != nil, "\(hold)")
            let clock = try #require(state["clock"] as? String)
            #expect(clock.range(of: #"^1:[0-9]{2}$"#, options: .regularExpression) != nil, "\(clock)")
            #expect(state["title"] as? String == "Live session 3")
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import StretchGuardTestSupport
import Testing
@testable import StretchGuardWeb

/// The live page in a real browser: a `WebServer` on 127.0.0.1 (a free port) over a live session playing the
/// demo in real time, and headless Chromium opening `/live`, driven over its DevTools protocol. From the DOM,
/// every 250 ms: the twist value changes as the wearer moves, and the alert banner shows the twist alert
/// during the demo's scripted twist (about 47 s in); a screenshot of that moment is saved as
/// `.build/test-artefacts/live-page.png` under the package root. Then the session is stopped and the page
/// must say it ended. Without Chromium the test fails and says how to install it.
@Suite("The live page in a real browser")
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
        let demo = try LiveDemoSession()
        defer { demo.finish() }
        let server = WebServer(archive: SessionArchive(store: demo.store, profiles: WebFixture.library), live: demo.feed)
        // Generous: the alert comes about 47 s in, on a machine shared with other builds.
        let timeout = demo.duration + 60
        try await server.application(address: ServeAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try #require(client.port)
            demo.start()
            let browser = try await HeadlessChromium.launch(chromium, width: Self.width, height: Self.height)
            defer { browser.close() }
            let stop = demo.session.stopToken
            let seen = try await DevToolsSession.run(url: browser.devToolsURL) { devtools in
                try await devtools.attachPage(width: Self.width, height: Self.height)
                try await devtools.navigate("http://127.0.0.1:\(port)/live")
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
}

import Foundation

/// What a test reads from the live page's DOM while it follows a session (``untilTwistAlert``).
struct LivePageWatch: Sendable {
    /// The distinct texts `#twist-value` showed, in order (`12.3°`).
    var twistValues: [String] = []
    /// The distinct `data-state`s of `#alert-banner`, in order.
    var bannerStates: [String] = []
    /// The banner's text when it showed the twist alert.
    var alertText: String?
    /// The page as drawn while the twist alert showed (PNG).
    var screenshot: Data?
    /// Whether the page then showed the session's end (banner and connection).
    var ended = false
    /// The connection indicator's last text.
    var connection = ""

    /// Reads the page's twist value, banner and connection.
    static let probe = """
        JSON.stringify({
          twist: document.getElementById('twist-value')?.textContent ?? null,
          banner: document.getElementById('alert-banner')?.dataset.state ?? null,
          bannerText: document.getElementById('alert-banner')?.textContent ?? null,
          connection: document.getElementById('connection')?.textContent ?? null,
          connectionState: document.getElementById('connection')?.className ?? null
        })
        """

    /// Polls the page every 250 ms until its banner shows the twist alert (then takes a screenshot and
    /// calls `alerted`) and afterwards shows the session's end, or until `timeout` (s) has passed.
    static func untilTwistAlert(devtools: inout DevToolsSession, timeout: Double,
                                alerted: () -> Void) async throws -> LivePageWatch {
        var seen = LivePageWatch()
        let deadline = ContinuousClock.now + .seconds(timeout)
        var endDeadline: ContinuousClock.Instant?
        while ContinuousClock.now < (endDeadline ?? deadline) {
            if let text = try await devtools.evaluate(probe),
               let state = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
                if let twist = state["twist"] as? String, twist != "–", twist != seen.twistValues.last {
                    seen.twistValues.append(twist)
                }
                if let banner = state["banner"] as? String, banner != seen.bannerStates.last { seen.bannerStates.append(banner) }
                seen.connection = state["connection"] as? String ?? ""
                if state["banner"] as? String == "twist-alert", seen.screenshot == nil {
                    seen.alertText = state["bannerText"] as? String
                    seen.screenshot = try await devtools.screenshot()
                    alerted()
                    endDeadline = ContinuousClock.now + .seconds(20)
                }
                if seen.screenshot != nil, state["banner"] as? String == "ended",
                   (state["connectionState"] as? String)?.contains("ended") == true {
                    seen.ended = true
                    return seen
                }
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        return seen
    }
}

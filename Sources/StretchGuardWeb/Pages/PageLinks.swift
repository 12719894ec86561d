import Foundation

/// The browser view's addresses: each page and export, with the pairing token appended when the server has
/// one (the page the physio opened carried it, so every link and asset they follow must too).
struct PageLinks: Sendable {
    /// The server's pairing token, or nil on a loopback bind.
    let token: PairingToken?

    /// `path` with `?token=` (or `&token=`) when a token is needed.
    func href(_ path: String) -> String {
        guard let token else { return path }
        return path + (path.contains("?") ? "&" : "?") + "token=" + Self.queryValue(token.value)
    }

    /// `text` percent-encoded for a query value (a token the user chose may hold any character).
    static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The session list (`/`).
    var sessions: String { href("/") }
    /// The live page (`/live`).
    var live: String { href("/live") }
    /// The shared style sheet.
    var style: String { href("/assets/style.css") }
    /// The live page's script.
    var liveScript: String { href("/assets/live.js") }
    /// A session's report page.
    func report(_ id: Int64) -> String { href("/sessions/\(id)") }
    /// A session's samples as CSV.
    func csv(_ id: Int64) -> String { href("/api/sessions/\(id)/samples.csv") }
    /// A session's review as JSON.
    func json(_ id: Int64) -> String { href("/api/sessions/\(id)") }
}

import Foundation
import StretchGuardConfig
import StretchGuardWeb

/// `run --serve`: the live session in a browser, and the recorded sessions beside it. Started before the
/// session, stopped after it (the viewers get the session's end first).
struct LiveWebView {
    let running: RunningWebServer

    /// Starts the server over `feed` and the sessions in `database`, and prints where to open the live page
    /// (with a QR code of the URL for a tablet's camera when it listens beyond this machine and the output
    /// is a terminal).
    static func start(feed: LiveFeed, database: String, address: ServeAddress, quiet: Bool) throws -> LiveWebView {
        let server = WebServer(archive: SessionArchive(databasePath: database, profiles: ProfileLibrary.standard()),
                               live: feed, token: WebServer.token(for: address))
        let running: RunningWebServer
        do {
            running = try RunningWebServer.start(server, on: address)
        } catch {
            throw fail("--serve: \(error.description)")
        }
        let bound = ServeAddress(host: address.host, port: running.port)
        let urls = ServeURLs.urls(server, address: bound, path: "/live")
        var lines = urls.map { "Live view: " + $0 }
        lines.append(ServeURLs.access(server, address: bound, widerCommand: "stretchguard run --serve 0.0.0.0:\(bound.port)"))
        if server.token != nil, isatty(STDOUT_FILENO) == 1, !quiet, let first = urls.first,
           let code = TerminalQRCode(first) {
            lines.append("Scan it with the tablet's camera:")
            lines += code.lines()
        }
        // The URL is printed even with --quiet: without it the view cannot be opened.
        printFlushed(lines.joined(separator: "\n"))
        return LiveWebView(running: running)
    }

    /// Closes the server, after the live viewers have had the session's last update (at most 1 s).
    func stop() {
        running.stop()
    }
}

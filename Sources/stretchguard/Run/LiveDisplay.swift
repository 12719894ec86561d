import Foundation
import StretchGuardLive

/// Shows a live session in the terminal from the main thread: one status line rewritten in place on a
/// TTY (plain lines every 5 s otherwise), event lines as they come, nothing with `--quiet`. A reader of the
/// session's channel like any other: it never holds the sample thread up.
struct LiveDisplay {
    var quiet: Bool
    private let isTerminal = isatty(STDOUT_FILENO) == 1

    init(quiet: Bool) {
        self.quiet = quiet
    }

    /// Follows the session until it ends.
    func follow(_ session: LiveSession) {
        var subscription = session.channel.subscribe()
        var lastPlain = -Double.infinity
        var statusShown = false
        var start: Double?
        while true {
            Thread.sleep(forTimeInterval: 0.1)
            let update = subscription.poll()
            if update.snapshot.sequence > 0, start == nil { start = update.snapshot.time - update.snapshot.elapsed }
            if !quiet {
                var lines = update.events.map { LiveStatusText.describe($0, since: start ?? 0) }
                if update.missedEvents > 0 { lines.insert("(\(update.missedEvents) events not shown)", at: 0) }
                for line in lines {
                    write((statusShown ? "\r\u{1B}[2K" : "") + line + "\n")
                    statusShown = false
                }
                if update.snapshot.sequence > 0 {
                    let status = LiveStatusText.line(update.snapshot)
                    if isTerminal {
                        write("\r\u{1B}[2K" + status)
                        statusShown = true
                    } else if update.snapshot.elapsed - lastPlain >= 5 {
                        write(status + "\n")
                        lastPlain = update.snapshot.elapsed
                    }
                }
            }
            if update.finished { break }
        }
        if statusShown { write("\n") }
    }

    private func write(_ text: String) {
        StandardStreams.out(text)
    }
}

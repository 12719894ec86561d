import Foundation
import Synchronization

/// Shows a live session in the terminal from the main thread: one status line rewritten in place on a
/// TTY (plain lines every 5 s otherwise), event lines as they come, nothing with `--quiet`.
struct LiveDisplay {
    var quiet: Bool
    private let isTerminal = isatty(STDOUT_FILENO) == 1

    init(quiet: Bool) {
        self.quiet = quiet
    }

    /// Follows the loop until it finishes.
    func follow(_ loop: LiveLoop, warnings: MessageInbox) {
        var lastPlain = -Double.infinity
        var statusShown = false
        while !loop.finished.load(ordering: .acquiring) {
            Thread.sleep(forTimeInterval: 0.1)
            let snapshot = loop.shared.withLock { shared in
                let copy = shared
                shared.messages.removeAll()
                return copy
            }
            let notes = warnings.take()
            guard !quiet else { continue }
            for line in snapshot.messages + notes {
                write((statusShown ? "\r\u{1B}[2K" : "") + line + "\n")
                statusShown = false
            }
            let status = LiveStatusText.line(snapshot)
            if isTerminal {
                write("\r\u{1B}[2K" + status)
                statusShown = true
            } else if snapshot.elapsed - lastPlain >= 5 {
                write(status + "\n")
                lastPlain = snapshot.elapsed
            }
        }
        if statusShown { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Lines posted from any thread (the recorder's warnings) for the display to print.
final class MessageInbox: Sendable {
    private let lines = Mutex<[String]>([])

    func post(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    /// The lines posted since the last call, oldest first.
    func take() -> [String] {
        lines.withLock { list in
            let copy = list
            list.removeAll()
            return copy
        }
    }
}

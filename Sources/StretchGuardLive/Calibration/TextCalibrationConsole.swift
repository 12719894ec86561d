/// The guided procedure as text: whole lines, countdowns written number by number on one line ("Hold
/// still… 5 4 3 2 1"), and a progress bar while measuring. On a terminal, headings are bold and the bar is
/// redrawn in place; otherwise the output is plain lines with no control characters.
public struct TextCalibrationConsole: CalibrationConsole {
    /// Whether standard output is a terminal.
    public var isTerminal: Bool
    /// Writes text as is (no newline added), flushed.
    public var write: (String) -> Void

    /// - Parameters:
    ///   - isTerminal: whether the text goes to a terminal (control characters allowed).
    ///   - write: writes text as is (no newline added), flushed.
    public init(isTerminal: Bool, write: @escaping (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    /// A blank line and a heading.
    public func heading(_ text: String) {
        write(isTerminal ? "\n\u{1B}[1m\(text)\u{1B}[0m\n" : "\n\(text)\n")
    }

    /// One line.
    public func line(_ text: String) {
        write(text + "\n")
    }

    /// Starts a countdown line with its label.
    public func countdownStart(_ label: String) {
        write("  " + label)
    }

    /// One count of a countdown (seconds left).
    public func countdownTick(_ secondsLeft: Int) {
        write(" \(secondsLeft)")
    }

    /// Ends a countdown line.
    public func countdownEnd() {
        write("\n")
    }

    /// A measuring window's progress (0…1): a bar redrawn in place on a terminal; the label, then "done",
    /// on one plain line otherwise.
    public func progress(_ label: String, fraction: Double, done: Bool) {
        if isTerminal {
            let filled = Int((fraction * 10).rounded(.down))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 10 - filled)
            write("\r\u{1B}[2K  \(label) [\(bar)]" + (done ? " done\n" : ""))
        } else if fraction == 0 && !done {
            write("  \(label)…")
        } else if done {
            write(" done\n")
        }
    }
}


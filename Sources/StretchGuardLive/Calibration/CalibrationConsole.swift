/// Where the guided calibration writes its instructions for the wearer: a terminal, a test's transcript,
/// a browser page. The procedure decides what to say; the console decides how it looks.
public protocol CalibrationConsole {
    /// A blank line and a heading ("Step 1 of 2: stand upright").
    func heading(_ text: String)
    /// One line.
    func line(_ text: String)
    /// Starts a countdown with its label ("Hold still…").
    func countdownStart(_ label: String)
    /// One count of a countdown (whole seconds left).
    func countdownTick(_ secondsLeft: Int)
    /// Ends a countdown.
    func countdownEnd()
    /// A measuring window's progress, 0…1; `done` once it is complete.
    func progress(_ label: String, fraction: Double, done: Bool)
}

extension CalibrationConsole {
    /// A measuring window's progress, 0…1, not yet complete.
    public func progress(_ label: String, fraction: Double) {
        progress(label, fraction: fraction, done: false)
    }
}

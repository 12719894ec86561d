/// An output line plus the value last driven onto it, so that repeating a value costs no system call.
struct DrivenLine {
    let output: any GPIOOutput
    /// The logical value last written successfully; nil when unknown (after a failed write).
    private(set) var value: Bool?

    /// Wraps an output just requested with logical value `initial`.
    init(_ output: any GPIOOutput, initial: Bool = false) {
        self.output = output
        value = initial
    }

    /// Drives `active` unless the line already has it.
    mutating func drive(_ active: Bool) throws(GPIOError) {
        guard value != active else { return }
        value = nil
        try output.setActive(active)
        value = active
    }

    /// Drives the line inactive even if it is believed to be (best effort); returns the error, if any.
    mutating func forceOff() -> GPIOError? {
        do throws(GPIOError) {
            value = nil
            try output.setActive(false)
            value = false
            return nil
        } catch {
            return error
        }
    }
}

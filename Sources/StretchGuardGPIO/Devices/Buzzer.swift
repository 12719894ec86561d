/// An active buzzer (it sounds by itself while its line is active): on or off.
///
/// Not Sendable: owned by the live loop. `close()` (and deinit, as a backstop) silences it and releases
/// its line.
public final class Buzzer {
    private var line: DrivenLine?

    /// Takes over an output requested with `initiallyActive: false` (the default).
    public init(output: any GPIOOutput) {
        line = DrivenLine(output)
    }

    /// Requests `line` on `chip` (off at once) and wraps it.
    ///
    /// - Parameter activeLow: whether the buzzer sounds when the line is low (wired from 3.3 V to the pin).
    public convenience init(chip: any GPIOChip, line: GPIOLineAddress, activeLow: Bool = false) throws(GPIOError) {
        self.init(output: try chip.requestOutput(line, settings: GPIOOutputSettings(activeLow: activeLow)))
    }

    deinit { close() }

    /// Whether it is sounding (false once closed).
    public var isOn: Bool { line?.value == true }

    /// Turns it on or off; writes only when that changes something. Throws `.closed` after `close()`.
    public func set(on: Bool) throws(GPIOError) {
        guard line != nil else { throw GPIOError.closed("the buzzer") }
        try line!.drive(on)
    }

    /// Silences it, even if it is believed silent (for exit paths). Never throws; returns the error, if any.
    @discardableResult
    public func turnOff() -> GPIOError? { line?.forceOff() }

    /// Silences it and releases its line. Idempotent.
    public func close() {
        guard let line else { return }
        self.line = nil
        line.output.release()  // drives the line inactive first
    }
}

import StretchGuardCore
/// The status LEDs: separate green/yellow/red LEDs, or one RGB LED whose channels make those colours.
///
/// Not Sendable: owned by the live loop. `close()` (and deinit, as a backstop) darkens every LED and
/// releases the lines.
public final class StatusLEDs {
    /// One LED or RGB channel, and the colours it is lit for.
    private struct Channel {
        var line: DrivenLine
        let litFor: Set<LEDColor>
    }

    private var channels: [Channel]
    private var isClosed = false
    /// The colour shown (`.off` once closed).
    public private(set) var color = LEDColor.off

    /// Takes over outputs requested with `initiallyActive: false`, each with the colours it is lit for.
    init(outputs: [(any GPIOOutput, Set<LEDColor>)]) {
        channels = outputs.map { Channel(line: DrivenLine($0.0), litFor: $0.1) }
    }

    /// Requests the lines of `wiring` on `chip` (all dark at once).
    public convenience init(chip: any GPIOChip, wiring: LEDWiring) throws(GPIOError) {
        var plan: [(OutputLine, Set<LEDColor>)] = []
        switch wiring {
        case .separate(let green, let yellow, let red):
            if let green { plan.append((green, [.green])) }
            if let yellow { plan.append((yellow, [.yellow])) }
            if let red { plan.append((red, [.red])) }
        case .rgb(let red, let green, let blue):
            plan.append((red, [.red, .yellow]))
            plan.append((green, [.green, .yellow]))
            if let blue { plan.append((blue, [])) }
        }
        var outputs: [(any GPIOOutput, Set<LEDColor>)] = []
        for (wired, colours) in plan {
            do throws(GPIOError) {
                let settings = GPIOOutputSettings(activeLow: wired.activeLow)
                outputs.append((try chip.requestOutput(wired.line, settings: settings), colours))
            } catch {
                outputs.forEach { $0.0.release() }
                throw error
            }
        }
        self.init(outputs: outputs)
    }

    deinit { close() }

    /// Shows `color`, writing only the channels that change. Throws `.closed` after `close()`.
    public func show(_ color: LEDColor) throws(GPIOError) {
        guard !isClosed else { throw GPIOError.closed("the status LEDs") }
        var firstError: GPIOError?
        for index in channels.indices {
            do throws(GPIOError) {
                try channels[index].line.drive(channels[index].litFor.contains(color))
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        self.color = color
    }

    /// Darkens every LED, even those believed dark (for exit paths). Never throws; returns the first error.
    @discardableResult
    public func turnOff() -> GPIOError? {
        var firstError: GPIOError?
        for index in channels.indices {
            if let error = channels[index].line.forceOff() { firstError = firstError ?? error }
        }
        color = .off
        return firstError
    }

    /// Darkens every LED and releases the lines. Idempotent.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        color = .off
        channels.forEach { $0.line.output.release() }  // each drives its line inactive first
        channels = []
    }
}

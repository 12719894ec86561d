import Synchronization

/// One value the program drove onto a simulated output line.
public struct SimulatedGPIOWrite: Sendable, Hashable {
    /// When, on the simulation clock, in s.
    public var time: Double
    /// The chip's name ("gpiochip0").
    public var chip: String
    /// The line's offset, and its name if it has one.
    public var offset: Int
    public var lineName: String?
    /// The logical value driven: true for active (on).
    public var active: Bool
    /// The physical level that results: true for high (differs from `active` on an active-low line).
    public var high: Bool
}

/// A GPIO backend in memory with a manual clock: records what was driven onto each output (time-stamped
/// writes, current levels), lets a test set input levels (producing time-stamped edges, bounces included),
/// and lets a simulated session show the buzzer and LEDs in the terminal through `observeWrites`.
///
/// Time moves only when told to (`advance(to:)`), or while a line waits for edges: the wait moves the
/// clock to the next queued edge or by its whole timeout, so waiting code runs instantly and
/// deterministically. Sendable: all state lives inside a `Mutex`.
public final class SimulatedGPIO: GPIOBackend {
    /// What a simulated chip looks like.
    public struct ChipSpec: Sendable, Hashable {
        public var name: String
        public var label: String
        /// One entry per line: its name, or nil for an unnamed line.
        public var lineNames: [String?]

        public init(name: String, label: String, lineNames: [String?]) {
            self.name = name
            self.label = label
            self.lineNames = lineNames
        }

        /// A chip of `lineCount` unnamed lines.
        public init(name: String, label: String, lineCount: Int) {
            self.init(name: name, label: label, lineNames: Array(repeating: nil, count: lineCount))
        }

        /// A Raspberry Pi 4's main chip: "gpiochip0" labelled "pinctrl-bcm2711", lines "GPIO0" … "GPIO57".
        public static func raspberryPi(name: String = "gpiochip0", label: String = "pinctrl-bcm2711") -> ChipSpec {
            ChipSpec(name: name, label: label, lineNames: (0..<58).map { "GPIO\($0)" })
        }
    }

    private let state: Mutex<SimulatedGPIOState>

    /// A simulation with `chips` (default: one Raspberry Pi chip) whose clock starts at `startTime` s.
    public init(chips: [ChipSpec] = [.raspberryPi()], startTime: Double = 0) {
        let built = chips.map { spec in
            SimulatedGPIOState.Chip(
                info: GPIOChipInfo(name: spec.name, label: spec.label, path: "/dev/" + spec.name,
                                   lineCount: spec.lineNames.count),
                lines: spec.lineNames.map { SimulatedGPIOState.Line(name: $0) })
        }
        var initial = SimulatedGPIOState(chips: built, now: startTime)
        // The write log grows with every cue: room for a long session's up front, so that driving a line
        // from the sample thread allocates nothing.
        initial.writes.reserveCapacity(4096)
        state = Mutex(initial)
    }

    // MARK: GPIOBackend

    public func chips() throws(GPIOError) -> [GPIOChipInfo] {
        state.withLock { $0.chips.map(\.info) }
    }

    public func openChip(_ address: GPIOChipAddress) throws(GPIOError) -> any GPIOChip {
        let opened = state.withLock { state -> Result<(Int, GPIOChipInfo), GPIOError> in
            guard let index = state.chipIndex(address) else {
                return .failure(.chipNotFound(address, available: state.chips.map(\.info)))
            }
            let chip = state.chips[index]
            return chip.denied ? .failure(.permissionDenied(path: chip.info.path)) : .success((index, chip.info))
        }
        let (index, info) = try opened.get()
        return SimulatedGPIOChip(simulation: self, index: index, info: info)
    }

    // MARK: The clock

    /// The simulation clock, in s.
    public var now: Double { state.withLock { $0.now } }

    /// Moves the clock to `time` s (never backwards).
    public func advance(to time: Double) {
        state.withLock { $0.now = max($0.now, time) }
    }

    /// Moves the clock on by `seconds`.
    public func advance(by seconds: Double) {
        state.withLock { $0.now += max(0, seconds) }
    }

    /// The simulation clock as a ``MonotonicClock`` (sleeping moves it), for a simulated chip or a sample
    /// clock that shares the GPIO simulation's time.
    public var clock: any MonotonicClock { SimulatedGPIOClock(simulation: self) }

    // MARK: What was driven

    /// Every write so far, oldest first.
    public var writes: [SimulatedGPIOWrite] { state.withLock { $0.writes } }

    /// The writes to one line, oldest first.
    public func writes(to line: GPIOLineAddress, chip: String = "gpiochip0") -> [SimulatedGPIOWrite] {
        state.withLock { state in
            let (index, offset) = Self.locate(line, chip: chip, in: state)
            let name = state.chips[index].info.name
            return state.writes.filter { $0.chip == name && $0.offset == offset }
        }
    }

    /// Forgets the write log (levels stay).
    public func clearWrites() {
        state.withLock { $0.writes.removeAll() }
    }

    /// Calls `observer` after every write (on the writing thread): a simulated session's terminal buzzer/LEDs.
    public func observeWrites(_ observer: (@Sendable (SimulatedGPIOWrite) -> Void)?) {
        state.withLock { $0.writeObserver = observer }
    }

    /// A line's physical level: true when high.
    public func isHigh(_ line: GPIOLineAddress, chip: String = "gpiochip0") -> Bool {
        state.withLock { state in
            let (index, offset) = Self.locate(line, chip: chip, in: state)
            return state.chips[index].lines[offset].high
        }
    }

    /// Who holds a line (nil: free).
    public func holder(of line: GPIOLineAddress, chip: String = "gpiochip0") -> String? {
        state.withLock { state in
            let (index, offset) = Self.locate(line, chip: chip, in: state)
            return state.chips[index].lines[offset].holder
        }
    }

    // MARK: Inputs and faults

    /// Sets an input line's physical level at `time` s (default: now); if the line is requested with edge
    /// detection, the kernel would queue an edge stamped `time`. Bounces are several calls.
    public func setLevel(_ high: Bool, of line: GPIOLineAddress, chip: String = "gpiochip0", at time: Double? = nil) {
        state.withLock { state in
            let (index, offset) = Self.locate(line, chip: chip, in: state)
            precondition(!state.chips[index].lines[offset].isOutput || state.chips[index].lines[offset].request == nil,
                         "SimulatedGPIO.setLevel: \(line) is a requested output")
            state.setLevel(chip: index, offset: offset, high: high, at: time ?? state.now)
        }
    }

    /// Makes someone else (a kernel driver, another program) hold a line, as `consumer`.
    public func claim(_ line: GPIOLineAddress, chip: String = "gpiochip0", consumer: String) {
        state.withLock { state in
            let (index, offset) = Self.locate(line, chip: chip, in: state)
            state.chips[index].lines[offset].holder = consumer
        }
    }

    /// Makes opening a chip fail with "permission denied" (the user is not in the gpio group).
    public func denyAccess(toChip chip: String) {
        state.withLock { state in
            let index = Self.locate(.offset(0), chip: chip, in: state, checkLine: false).chip
            state.chips[index].denied = true
        }
    }

    /// The chip index and line offset of a line given by a test (a wrong address is a test bug).
    private static func locate(_ line: GPIOLineAddress, chip: String, in state: SimulatedGPIOState,
                               checkLine: Bool = true) -> (chip: Int, offset: Int) {
        guard let index = state.chipIndex(GPIOChipAddress(chip)) else {
            preconditionFailure("SimulatedGPIO: no chip '\(chip)'")
        }
        guard checkLine else { return (index, 0) }
        switch state.offset(of: line, chip: index) {
        case .success(let offset): return (index, offset)
        case .failure(let error): preconditionFailure("SimulatedGPIO: \(error)")
        }
    }

    /// Runs `body` on the state (for the simulated chip and lines), then tells the observer of any write.
    func mutate<Result: Sendable, Failure: Error>(
        _ body: (inout SimulatedGPIOState) throws(Failure) -> (Result, SimulatedGPIOWrite?)
    ) throws(Failure) -> Result {
        let (result, write, observer) = try state.withLock {
            (state: inout SimulatedGPIOState) throws(Failure) -> (Result, SimulatedGPIOWrite?,
                                                                    (@Sendable (SimulatedGPIOWrite) -> Void)?) in
            let (result, write) = try body(&state)
            return (result, write, state.writeObserver)
        }
        if let write, let observer { observer(write) }
        return result
    }
}

/// ``SimulatedGPIO/clock``: reads and moves the simulation's clock.
private struct SimulatedGPIOClock: MonotonicClock {
    let simulation: SimulatedGPIO

    func now() -> Double { simulation.now }

    func sleep(until deadline: Double) { simulation.advance(to: deadline) }
}

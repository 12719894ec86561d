/// The simulation's state, kept inside `SimulatedGPIO`'s mutex: chips, lines, the clock, the write log.
struct SimulatedGPIOState {
    /// One simulated line.
    struct Line {
        var name: String?
        /// The physical level: true when high.
        var high = false
        /// Whether the level was ever set (by a write or a test); an untouched input follows its pull bias.
        var touched = false
        /// Who holds the line, and under which request (nil: free).
        var holder: String?
        var request: Int?
        var activeLow = false
        var isOutput = false
        /// Edges the holder asked for (inputs only).
        var edges: GPIOEdgeDetection?
        /// Edge events not yet read, oldest first.
        var queue: [GPIOEdge] = []

        /// The logical value: active when the level differs from the active-low setting.
        var isActive: Bool { high != activeLow }
    }

    /// One simulated chip.
    struct Chip {
        var info: GPIOChipInfo
        var lines: [Line]
        /// Whether opening it fails with "permission denied".
        var denied = false
    }

    var chips: [Chip]
    /// The simulation clock, in s.
    var now: Double
    var writes: [SimulatedGPIOWrite] = []
    var nextRequest = 1
    var writeObserver: (@Sendable (SimulatedGPIOWrite) -> Void)?

    /// The index of the chip answering to `address`.
    func chipIndex(_ address: GPIOChipAddress) -> Int? {
        chips.firstIndex { address.matches($0.info) }
    }

    /// The offset of `line` on chip `chip`, or the error naming it.
    func offset(of line: GPIOLineAddress, chip: Int) -> Result<Int, GPIOError> {
        let info = chips[chip].info
        switch line {
        case .offset(let offset) where offset >= 0 && offset < info.lineCount:
            return .success(offset)
        case .name(let name):
            if let offset = chips[chip].lines.firstIndex(where: { $0.name == name }) { return .success(offset) }
        default:
            break
        }
        return .failure(.lineNotFound(line, chip: info.name, lineCount: info.lineCount))
    }

    /// "GPIO17 (line 17 of gpiochip0)".
    func describe(chip: Int, offset: Int) -> String {
        GPIOLineInfo(offset: offset, name: chips[chip].lines[offset].name).description(onChip: chips[chip].info.name)
    }

    /// Throws `.closed` unless `request` still holds the line.
    func check(chip: Int, offset: Int, request: Int) throws(GPIOError) {
        guard chips[chip].lines[offset].request == request else {
            throw GPIOError.closed(describe(chip: chip, offset: offset))
        }
    }

    /// Sets an output's logical value and logs the write (returned for the observer).
    mutating func drive(chip: Int, offset: Int, active: Bool) -> SimulatedGPIOWrite {
        chips[chip].lines[offset].high = active != chips[chip].lines[offset].activeLow
        chips[chip].lines[offset].touched = true
        let line = chips[chip].lines[offset]
        let write = SimulatedGPIOWrite(time: now, chip: chips[chip].info.name, offset: offset, lineName: line.name,
                                       active: active, high: line.high)
        writes.append(write)
        return write
    }

    /// Sets an input's physical level at `time` (s), queueing the edge its holder asked for.
    mutating func setLevel(chip: Int, offset: Int, high: Bool, at time: Double) {
        let before = chips[chip].lines[offset]
        chips[chip].lines[offset].high = high
        chips[chip].lines[offset].touched = true
        let after = chips[chip].lines[offset]
        guard after.request != nil, !after.isOutput, let detection = after.edges, before.isActive != after.isActive else {
            return
        }
        let kind: GPIOEdge.Kind = after.isActive ? .rising : .falling
        guard detection == .both || (detection == .rising) == (kind == .rising) else { return }
        let nanoseconds = UInt64((max(0, time) * 1_000_000_000).rounded())
        let edge = GPIOEdge(kind: kind, timestampNanoseconds: nanoseconds, offset: offset)
        let position = after.queue.firstIndex { $0.timestampNanoseconds > nanoseconds } ?? after.queue.count
        chips[chip].lines[offset].queue.insert(edge, at: position)
    }

    /// Simulated waiting: queued edges up to `timeout` s ahead move the clock to the first of them;
    /// otherwise the clock moves on by `timeout` (a negative timeout returns at once: nothing would come).
    mutating func waitForEdges(chip: Int, offset: Int, timeout: Double) -> Bool {
        if let first = chips[chip].lines[offset].queue.first {
            if first.time <= now { return true }
            if timeout < 0 || first.time <= now + timeout {
                now = first.time
                return true
            }
        }
        if timeout > 0 { now += timeout }
        return false
    }

    /// Takes the queued edges stamped up to now.
    mutating func takeEdges(chip: Int, offset: Int) -> [GPIOEdge] {
        let queue = chips[chip].lines[offset].queue
        let due = queue.prefix { $0.time <= now }
        chips[chip].lines[offset].queue.removeFirst(due.count)
        return Array(due)
    }

    /// Frees the line held under `request`, driving an output inactive first (that write is returned).
    mutating func release(chip: Int, offset: Int, request: Int) -> SimulatedGPIOWrite? {
        guard chips[chip].lines[offset].request == request else { return nil }
        let write = chips[chip].lines[offset].isOutput ? drive(chip: chip, offset: offset, active: false) : nil
        chips[chip].lines[offset].request = nil
        chips[chip].lines[offset].holder = nil
        chips[chip].lines[offset].edges = nil
        chips[chip].lines[offset].queue = []
        return write
    }
}

import SystemPackage
import CGPIOD
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An open /dev/gpiochipN through the CGPIOD shim.
///
/// Sendable: the C handle lives inside a `Mutex`, so every use and the close are serialized.
final class LinuxGPIOChip: GPIOChip {
    let info: GPIOChipInfo
    private let handle: Mutex<LibgpiodHandle?>

    /// Opens the chip at `path`. ENOENT throws `.chipNotFound(.path(path), available: [])` (the backend
    /// fills in what is there).
    init(path: String) throws(GPIOError) {
        guard let chip = sg_gpiod_chip_open(path) else {
            let code = errno
            if code == ENOENT { throw GPIOError.chipNotFound(.path(path), available: []) }
            throw GPIOError.fromErrno(code, operation: "opening GPIO chip", target: path)
        }
        info = GPIOChipInfo(name: String(cString: sg_gpiod_chip_name(chip)),
                            label: String(cString: sg_gpiod_chip_label(chip)),
                            path: path, lineCount: Int(sg_gpiod_chip_line_count(chip)))
        handle = Mutex(LibgpiodHandle(pointer: chip))
    }

    deinit { close() }

    func close() {
        handle.withLock { chip in
            guard let open = chip else { return }
            sg_gpiod_chip_close(open.pointer)
            chip = nil
        }
    }

    /// Runs `body` with the open chip; throws `.closed` after `close()`.
    private func withChip<Result: Sendable>(
        _ body: (OpaquePointer) throws(GPIOError) -> Result
    ) throws(GPIOError) -> Result {
        let name = info.name
        return try handle.withLock { (chip: inout LibgpiodHandle?) throws(GPIOError) -> Result in
            guard let open = chip else { throw GPIOError.closed("GPIO chip \(name)") }
            return try body(open.pointer)
        }
    }

    func offset(of line: GPIOLineAddress) throws(GPIOError) -> Int {
        switch line {
        case .offset(let offset):
            guard offset >= 0, offset < info.lineCount else {
                throw GPIOError.lineNotFound(line, chip: info.name, lineCount: info.lineCount)
            }
            return offset
        case .name(let name):
            let info = self.info
            return try withChip { chip throws(GPIOError) in
                let offset = sg_gpiod_chip_find_line(chip, name)
                if offset >= 0 { return Int(offset) }
                let code = errno
                if code == ENOENT { throw GPIOError.lineNotFound(line, chip: info.name, lineCount: info.lineCount) }
                throw GPIOError.system(operation: "looking up line \(name) on", target: info.name, errno: code)
            }
        }
    }

    func lineInfo(offset: Int) throws(GPIOError) -> GPIOLineInfo {
        let checked = try self.offset(of: .offset(offset))
        let chipName = info.name
        return try withChip { chip throws(GPIOError) in
            var raw = sg_gpiod_line_info()
            guard sg_gpiod_chip_line_info(chip, UInt32(checked), &raw) == 0 else {
                throw GPIOError.system(operation: "reading line \(checked) of", target: chipName, errno: errno)
            }
            return GPIOLineInfo(offset: checked, name: LinuxSystem.string(fromCharArray: raw.name),
                                consumer: LinuxSystem.string(fromCharArray: raw.consumer), isUsed: raw.used,
                                isOutput: raw.output, isActiveLow: raw.active_low)
        }
    }

    func requestOutput(_ line: GPIOLineAddress, settings: GPIOOutputSettings) throws(GPIOError) -> any GPIOOutput {
        let offset = try self.offset(of: line)
        let description = describe(offset)
        let request = try withChip { chip in
            requested(sg_gpiod_request_output(chip, UInt32(offset), settings.consumer, settings.activeLow,
                                              settings.initiallyActive ? 1 : 0))
        }
        switch request {
        case .success(let handle): return LinuxGPIOOutput(request: handle, lineDescription: description)
        case .failure(let code): throw requestError(code.rawValue, offset: offset, description: description, as: "output")
        }
    }

    func requestEdges(_ line: GPIOLineAddress, settings: GPIOInputSettings) throws(GPIOError) -> any GPIOEdgeInput {
        let offset = try self.offset(of: line)
        let description = describe(offset)
        let request = try withChip { chip in
            requested(sg_gpiod_request_edges(chip, UInt32(offset), settings.consumer, settings.activeLow,
                                             settings.bias.shimValue, settings.edges.shimValue))
        }
        switch request {
        case .success(let handle): return LinuxGPIOEdgeInput(request: handle, lineDescription: description)
        case .failure(let code): throw requestError(code.rawValue, offset: offset, description: description, as: "input")
        }
    }

    /// A new request, or the errno of its failure (turned into an error after the lock is released,
    /// because naming a busy line's holder needs the chip again).
    private func requested(_ request: OpaquePointer?) -> Result<LibgpiodHandle, Errno> {
        guard let request else { return .failure(Errno(rawValue: errno)) }
        return .success(LibgpiodHandle(pointer: request))
    }

    /// "GPIO17 (line 17 of gpiochip0)" when the kernel knows the name.
    private func describe(_ offset: Int) -> String {
        let info = (try? lineInfo(offset: offset)) ?? GPIOLineInfo(offset: offset)
        return info.description(onChip: self.info.name)
    }

    /// The error for a failed request: EBUSY names the holder, if the kernel tells.
    private func requestError(_ code: Int32, offset: Int, description: String, as direction: String) -> GPIOError {
        if code == EBUSY {
            let holder = try? lineInfo(offset: offset).consumer
            return .lineBusy(line: description, consumer: holder ?? nil)
        }
        if code == EACCES || code == EPERM { return .permissionDenied(path: info.path) }
        return .system(operation: "requesting as \(direction)", target: description, errno: code)
    }
}


extension GPIOBias {
    /// The shim's constant.
    var shimValue: sg_gpiod_bias {
        switch self {
        case .asIs: return SG_GPIOD_BIAS_AS_IS
        case .disabled: return SG_GPIOD_BIAS_DISABLED
        case .pullUp: return SG_GPIOD_BIAS_PULL_UP
        case .pullDown: return SG_GPIOD_BIAS_PULL_DOWN
        }
    }
}

extension GPIOEdgeDetection {
    /// The shim's constant.
    var shimValue: sg_gpiod_edges {
        switch self {
        case .rising: return SG_GPIOD_EDGES_RISING
        case .falling: return SG_GPIOD_EDGES_FALLING
        case .both: return SG_GPIOD_EDGES_BOTH
        }
    }
}

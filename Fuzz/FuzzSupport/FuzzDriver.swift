import CFuzzSupport
import Foundation

/// What every fuzz target shares: libFuzzer's driver, and writing seed inputs made by the real encoders.
public enum FuzzDriver {
    /// libFuzzer's per-input callback: the input's bytes; returns 0 (libFuzzer reserves other values).
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with this process's command line and exits with its status.
    ///
    /// `fuzz-TARGET --write-seeds DIR` instead calls `writeSeeds` with `DIR` (created if missing), for targets
    /// whose seeds are made by code rather than copied from the repository's files.
    ///
    /// - Parameters:
    ///   - test: called once per input; a crash (trap, fatal error, sanitizer report) is a finding.
    ///   - writeSeeds: writes seed inputs into the folder it is given.
    public static func main(_ test: TestOneInput, writeSeeds: ((String) throws -> Void)? = nil) -> Never {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "--write-seeds" {
            guard let writeSeeds else { fail("this target has no generated seeds") }
            do {
                try FileManager.default.createDirectory(atPath: arguments[2], withIntermediateDirectories: true)
                try writeSeeds(arguments[2])
            } catch {
                fail("cannot write the seeds into \(arguments[2]): \(error.localizedDescription)")
            }
            exit(0)
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// The input as a buffer (libFuzzer passes a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    }

    /// The input as text, invalid UTF-8 replaced (the parsers take any `String`).
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }

    /// Stops with `message` (a finding) unless `condition` holds; unlike `precondition`, says why in a
    /// release build.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }

    /// Fragments of Swift's own descriptions of values (`Swift.DecodingError.Context(codingPath: …)`,
    /// `Optional("…")`): an error message shown to a person must never contain one.
    public static let rawSwiftFragments = ["Swift.", "DecodingError", "CodingKeys(", "Context(", "Optional("]

    /// Stops (a finding) when `message`, an error's description, shows a raw Swift value that the input
    /// itself did not contain.
    public static func checkMessage(_ message: String, input: UnsafeRawBufferPointer) {
        for fragment in rawSwiftFragments where message.contains(fragment) {
            let echoed = input.firstRange(of: Array(fragment.utf8)) != nil
            require(echoed, "an error message shows a raw Swift value: \(message)")
        }
    }

    /// Writes one seed file.
    public static func write(_ bytes: some Sequence<UInt8>, to folder: String, name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("\(CommandLine.arguments[0]): \(message)\n".utf8))
        exit(2)
    }
}

/// A file in memory that holds the current input, named by a path (`/proc/self/fd/N`), for readers that
/// only open paths: nothing touches the disk, and the reader opens it afresh (at offset 0) every time.
public struct MemoryFile: Sendable {
    /// The path a reader opens.
    public let path: String
    private let descriptor: CInt

    /// A new, empty memory file; stops the process if the kernel refuses one.
    public init(name: String) {
        descriptor = CFuzzSupport_memoryFile(name)
        guard descriptor >= 0 else { fatalError("memfd_create: \(String(cString: strerror(errno)))") }
        path = "/proc/self/fd/\(descriptor)"
    }

    /// Replaces the file's contents with `bytes`.
    public func replaceContents(with bytes: UnsafeRawBufferPointer) {
        guard ftruncate(descriptor, 0) == 0 else { fatalError("ftruncate: \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
            guard n > 0 else { fatalError("pwrite: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }
}

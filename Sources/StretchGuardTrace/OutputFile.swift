import Foundation

/// Where a command's output goes: standard output, or a file that appears only once it is complete.
///
/// A file is written to a temporary name beside the target and renamed into place on `commit()`, so an
/// error half-way leaves no partial output (and an older file of that name untouched).
public final class OutputFile {
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    private var committed = false

    /// Standard output.
    public init() {
        handle = FileHandle.standardOutput
        target = nil
        temporary = nil
    }

    /// A file at `path`.
    ///
    /// - Throws: `TraceError` when the folder is missing or not writable.
    public init(path: String) throws(TraceError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        guard FileManager.default.createFile(atPath: temp, contents: nil),
              let h = FileHandle(forWritingAtPath: temp) else {
            throw TraceError(path: path, problem: "cannot create the output file",
                             fix: "check that the folder \(folder) exists and is writable")
        }
        handle = h
        target = path
        temporary = temp
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws {
        try handle.write(contentsOf: bytes)
    }

    /// Makes the output visible under its name.
    public func commit() throws {
        guard let target, let temporary else { return }
        try handle.close()
        // rename(2) replaces an existing file atomically.
        guard rename(temporary, target) == 0 else {
            throw TraceError(path: target, problem: "cannot move the finished output into place (\(String(cString: strerror(errno))))",
                             fix: "check that the folder is writable")
        }
        committed = true
    }

    deinit {
        if let temporary, !committed {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}

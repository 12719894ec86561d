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

    /// A file at `path`, which must not be any of `protected` (the command's input, the session
    /// database): writing there would replace what the command reads.
    ///
    /// - Parameters:
    ///   - path: where the output goes.
    ///   - protected: files the output must not replace, each with what it is ("the session database").
    /// - Throws: `TraceError` when `path` is a protected file, or the folder is missing or not writable.
    public init(path: String, protecting protected: [ProtectedFile] = []) throws(TraceError) {
        if let clash = protected.first(where: { $0.covers(path) }) {
            throw TraceError(path: path, problem: "is \(clash.role) (\(clash.path)): writing the output there would destroy it",
                             fix: "choose another file name for the output")
        }
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

/// A file an output must never replace: a command's input, or the session database with its SQLite
/// companions (`-wal`, `-shm`, `-journal`).
public struct ProtectedFile: Sendable {
    /// The file.
    public var path: String
    /// What it is, for the message: "the input", "the session database".
    public var role: String
    /// Whether SQLite's companion files count too.
    public var isDatabase: Bool

    public init(path: String, role: String, isDatabase: Bool = false) {
        self.path = path
        self.role = role
        self.isDatabase = isDatabase
    }

    /// The session database at `path`, with its companions.
    public static func database(_ path: String) -> ProtectedFile {
        ProtectedFile(path: path, role: "the session database", isDatabase: true)
    }

    /// Whether writing to `candidate` would replace this file (the same file by identity when both exist,
    /// else the same resolved path).
    func covers(_ candidate: String) -> Bool {
        let names = isDatabase ? ["", "-wal", "-shm", "-journal"].map { path + $0 } : [path]
        return names.contains { Self.sameFile($0, candidate) }
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        if stat(a, &first) == 0 && stat(b, &second) == 0 {
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        return resolved(a) == resolved(b)
    }

    /// The absolute path with the folder's symbolic links resolved (the file itself may not exist yet).
    private static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }
}

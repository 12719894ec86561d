#if canImport(Glibc)
import Glibc
#endif

/// The privacy half of `doctor`: the session database, its companions and the calibrations are health
/// data, so no other user of the board may read them. StretchGuard creates them 0600 in 0700 folders;
/// files made before that (or by hand, or restored from a backup) may be open to others: each such file
/// or folder is a warning with the `chmod` that fixes it.
public struct DoctorPrivacyCheck {
    /// Files and folders to look at (missing ones are skipped); a folder's files are looked at too.
    public var paths: [String]

    public init(paths: [String]) {
        self.paths = paths
    }

    /// Adds a warning for each file or folder that the group or others may read, write or enter.
    public func run(into report: inout DoctorReport) {
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            check(path, mode: info.st_mode, isFolder: isFolder, into: &report)
            guard isFolder, let folder = opendir(path) else { continue }
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                var child = stat()
                let childPath = path + "/" + name
                guard stat(childPath, &child) == 0, child.st_mode & S_IFMT == S_IFREG else { continue }
                check(childPath, mode: child.st_mode, isFolder: false, into: &report)
            }
        }
    }

    private func check(_ path: String, mode: mode_t, isFolder: Bool, into report: inout DoctorReport) {
        let open = mode & 0o077
        guard open != 0 else { return }
        let who = open & 0o007 != 0 ? "every user of this board" : "your group"
        report.warning("privacy", "\(path) is open to \(who) (mode \(String(mode & 0o777, radix: 8))): it holds health data",
                       fix: "chmod \(isFolder ? "700" : "600") '\(path)'")
    }
}

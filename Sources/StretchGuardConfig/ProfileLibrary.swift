import Foundation
import StretchGuardCore

/// Finds exercise profiles by name or path.
///
/// A name is looked up as `NAME.yaml` in, in order: `$STRETCHGUARD_PROFILES`, `Calibration/profiles`
/// under the current directory, and `Calibration/profiles` in the source tree the executable was built in.
/// `general` is also built in, so it works with no files at all.
public struct ProfileLibrary: Sendable {
    /// The folders searched, in order.
    public let directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The standard search folders for this process (see the type's summary).
    public static func standard(executablePath: String = CommandLine.arguments.first ?? "") -> ProfileLibrary {
        var folders: [String] = []
        if let custom = ProcessInfo.processInfo.environment["STRETCHGUARD_PROFILES"], !custom.isEmpty {
            folders.append(custom)
        }
        folders.append(FileManager.default.currentDirectoryPath + "/Calibration/profiles")
        // A development build lives in <repo>/.build/<triple>/<config>/stretchguard.
        var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = url.appendingPathComponent("Calibration/profiles").path
            if FileManager.default.fileExists(atPath: candidate), !folders.contains(candidate) {
                folders.append(candidate)
                break
            }
            url.deleteLastPathComponent()
        }
        return ProfileLibrary(directories: folders)
    }

    /// Loads a profile given as a name (`standing-hamstring`) or a path (anything with `/` or `.yaml`).
    public func load(_ nameOrPath: String) throws(ConfigError) -> FormProfile {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try Self.loadFile(nameOrPath)
        }
        for folder in directories {
            let path = folder + "/" + nameOrPath + ".yaml"
            if FileManager.default.fileExists(atPath: path) { return try Self.loadFile(path) }
        }
        if nameOrPath == FormProfile.general.name { return .general }
        let known = names()
        throw ConfigError(path: nameOrPath, problem: "is not a known exercise profile",
                          fix: known.isEmpty ? "give a profile file's path" : "use one of: \(known.joined(separator: ", ")) (or a file path)")
    }

    /// The profile names available, sorted.
    public func names() -> [String] {
        var names: Set<String> = [FormProfile.general.name]
        for folder in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".yaml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Reads and parses one profile file.
    public static func loadFile(_ path: String) throws(ConfigError) -> FormProfile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(path: path, problem: "does not exist", fix: "check the path, or give a profile name")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, problem: "cannot be read as UTF-8 text", fix: "check its permissions and encoding")
        }
        return try ProfileFile.parse(text, path: path)
    }
}

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
        ProfileLibrary(directories: CalibrationFolders.standard("profiles", environmentVariable: "STRETCHGUARD_PROFILES",
                                                                executablePath: executablePath))
    }

    /// Loads a profile given as a name (`standing-hamstring`) or a path (anything with `/` or `.yaml`).
    public func load(_ nameOrPath: String) throws(ConfigError) -> FormProfile {
        if CalibrationFolders.isPath(nameOrPath) { return try Self.loadFile(nameOrPath) }
        if let path = CalibrationFolders.find(nameOrPath, in: directories) { return try Self.loadFile(path) }
        if nameOrPath == FormProfile.general.name { return .general }
        let known = names()
        throw ConfigError(path: nameOrPath, problem: "is not a known exercise profile",
                          fix: known.isEmpty ? "give a profile file's path" : "use one of: \(known.joined(separator: ", ")) (or a file path)")
    }

    /// The profile names available, sorted.
    public func names() -> [String] {
        CalibrationFolders.names(in: directories).union([FormProfile.general.name]).sorted()
    }

    /// Reads and parses one profile file.
    public static func loadFile(_ path: String) throws(ConfigError) -> FormProfile {
        let text = try CalibrationFolders.readText(path, missingFix: "check the path, or give a profile name")
        return try ProfileFile.parse(text, path: path)
    }
}

import Foundation

/// Finds plans by name or path, and the profiles their exercises name.
///
/// A name is looked up as `NAME.yaml` in, in order: `$STRETCHGUARD_PLANS`, `Calibration/plans` under the
/// current directory, and `Calibration/plans` in the source tree the executable was built in. Anything
/// with a `/` or ending in `.yaml` is a path.
public struct PlanLibrary: Sendable {
    /// The folders searched, in order.
    public let directories: [String]
    /// Where the exercises' profiles are found.
    public let profiles: ProfileLibrary

    public init(directories: [String], profiles: ProfileLibrary) {
        self.directories = directories
        self.profiles = profiles
    }

    /// The standard search folders for this process (see the type's summary), with the standard profiles.
    public static func standard(executablePath: String = CommandLine.arguments.first ?? "") -> PlanLibrary {
        PlanLibrary(directories: CalibrationFolders.standard("plans", environmentVariable: "STRETCHGUARD_PLANS",
                                                             executablePath: executablePath),
                    profiles: .standard(executablePath: executablePath))
    }

    /// The file a plan name (`starter-low-back`) or path stands for.
    public func path(for nameOrPath: String) throws(ConfigError) -> String {
        if CalibrationFolders.isPath(nameOrPath) { return nameOrPath }
        if let path = CalibrationFolders.find(nameOrPath, in: directories) { return path }
        let known = names()
        throw ConfigError(path: nameOrPath, problem: "is not a known plan",
                          fix: known.isEmpty ? "give the plan file's path" : "use one of: \(known.joined(separator: ", ")) (or a file path)")
    }

    /// Loads a plan given as a name or a path.
    public func load(_ nameOrPath: String) throws(ConfigError) -> ExercisePlan {
        try loadFile(path(for: nameOrPath))
    }

    /// The plan names available, sorted.
    public func names() -> [String] {
        CalibrationFolders.names(in: directories).sorted()
    }

    /// Reads and parses one plan file. Its profiles are looked for in `profiles`, then in the `profiles`
    /// folder beside the plan's folder (`Calibration/plans/x.yaml` → `Calibration/profiles`).
    public func loadFile(_ path: String) throws(ConfigError) -> ExercisePlan {
        let text = try CalibrationFolders.readText(path, missingFix: "check the path, or give a plan name from Calibration/plans")
        let sibling = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("profiles").standardizedFileURL.path
        var folders = profiles.directories
        if FileManager.default.fileExists(atPath: sibling), !folders.contains(sibling) { folders.append(sibling) }
        return try PlanFile.parse(text, path: path, profiles: ProfileLibrary(directories: folders))
    }
}

import Foundation

/// Where the hardware config in effect came from (printed by `stretchguard doctor`).
public struct HardwareConfigSource: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The file given with `--config FILE`.
        case commandLine = "--config"
        /// `$XDG_CONFIG_HOME/stretchguard/hardware.yaml` (default `~/.config/stretchguard/hardware.yaml`).
        case user = "user config"
        /// `/etc/stretchguard/hardware.yaml`.
        case system = "system config"
        /// No file: `HardwareConfig.defaults`.
        case builtIn = "built-in defaults"
    }

    public var kind: Kind
    /// The file read; `nil` for the built-in defaults.
    public var path: String?
    /// The files looked for, in order (the explicit one alone when `--config` was given).
    public var searched: [String]

    public init(kind: Kind, path: String?, searched: [String]) {
        self.kind = kind
        self.path = path
        self.searched = searched
    }

    /// `/etc/stretchguard/hardware.yaml (system config)`, or `built-in defaults (no file at A, B)`.
    public var description: String {
        if let path { return "\(path) (\(kind.rawValue))" }
        return "built-in defaults" + (searched.isEmpty ? "" : " (no file at \(searched.joined(separator: ", ")))")
    }
}

/// A hardware config and where it came from.
public struct LoadedHardwareConfig: Sendable, Equatable {
    public var config: HardwareConfig
    public var source: HardwareConfigSource

    public init(config: HardwareConfig, source: HardwareConfigSource) {
        self.config = config
        self.source = source
    }
}

extension HardwareConfigFile {
    /// The system-wide file, searched last.
    public static let systemPath = "/etc/stretchguard/hardware.yaml"

    /// The files searched when no `--config` is given, in order: `$XDG_CONFIG_HOME/stretchguard/hardware.yaml`
    /// (when set to an absolute path, else `$HOME/.config/stretchguard/hardware.yaml` when `HOME` is set), then
    /// `systemPath`.
    public static func searchPaths(environment: [String: String], systemPath: String = systemPath) -> [String] {
        var paths: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            paths.append(joined(xdg, "stretchguard/hardware.yaml"))
        } else if let home = environment["HOME"], !home.isEmpty {
            paths.append(joined(home, ".config/stretchguard/hardware.yaml"))
        }
        paths.append(systemPath)
        return paths
    }

    /// Finds and reads the hardware config: `explicitPath` (`--config FILE`, which must exist), else the first
    /// of `searchPaths` that exists, else `HardwareConfig.defaults`. A file that exists but cannot be read or
    /// parsed is an error (never skipped for the next one).
    ///
    /// - Parameters:
    ///   - explicitPath: the `--config` argument, if given.
    ///   - environment: the process environment (`XDG_CONFIG_HOME`, `HOME`); injected by tests.
    ///   - systemPath: the system-wide file; injected by tests.
    public static func load(explicitPath: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            systemPath: String = systemPath) throws(ConfigError) -> LoadedHardwareConfig {
        if let explicitPath {
            guard exists(explicitPath) else {
                throw ConfigError(path: explicitPath, problem: "does not exist",
                                  fix: "check the path given to --config (Hardware/stretchguard.example.yaml is a starting point)")
            }
            return LoadedHardwareConfig(config: try loadFile(explicitPath),
                                        source: HardwareConfigSource(kind: .commandLine, path: explicitPath, searched: [explicitPath]))
        }
        let paths = searchPaths(environment: environment, systemPath: systemPath)
        for path in paths where exists(path) {
            let kind: HardwareConfigSource.Kind = path == systemPath ? .system : .user
            return LoadedHardwareConfig(config: try loadFile(path),
                                        source: HardwareConfigSource(kind: kind, path: path, searched: paths))
        }
        return LoadedHardwareConfig(config: .defaults, source: HardwareConfigSource(kind: .builtIn, path: nil, searched: paths))
    }

    /// Reads and parses one hardware config file.
    public static func loadFile(_ path: String) throws(ConfigError) -> HardwareConfig {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(path: path, problem: "does not exist", fix: "check the path")
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(path: path, problem: "is a folder, not a file", fix: "give the path of the hardware.yaml inside it")
        }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, problem: "cannot be read (permission denied)",
                              fix: "make it readable by this user, e.g. sudo chmod a+r \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, problem: "is not UTF-8 text", fix: "save it as plain UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// A file, a folder or a dangling name at `path` all count as "there" (so a mistake is reported, not skipped).
    private static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
            || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    private static func joined(_ folder: String, _ rest: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + rest
    }
}

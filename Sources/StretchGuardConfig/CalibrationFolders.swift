import Foundation

/// Where the human-edited files under `Calibration/` (profiles, plans) are looked for, and how one is read.
enum CalibrationFolders {
    /// The folders searched for `Calibration/<subfolder>`, in order: the folder named by the environment
    /// variable, `Calibration/<subfolder>` under the current directory, and the one in the source tree the
    /// executable was built in (a development build lives in `<repo>/.build/<triple>/<config>/`).
    static func standard(_ subfolder: String, environmentVariable: String, executablePath: String) -> [String] {
        var folders: [String] = []
        if let custom = ProcessInfo.processInfo.environment[environmentVariable], !custom.isEmpty {
            folders.append(custom)
        }
        let relative = "Calibration/" + subfolder
        folders.append(FileManager.default.currentDirectoryPath + "/" + relative)
        var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = url.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate), !folders.contains(candidate) {
                folders.append(candidate)
                break
            }
            url.deleteLastPathComponent()
        }
        return folders
    }

    /// The `.yaml` files' names (without `.yaml`) in `folders`.
    static func names(in folders: [String]) -> Set<String> {
        var names: Set<String> = []
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".yaml") { names.insert(String(file.dropLast(5))) }
        }
        return names
    }

    /// Whether `nameOrPath` is a path (it has a `/` or ends in `.yaml`/`.yml`) rather than a name.
    static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
    }

    /// The first `folder/NAME.yaml` that exists.
    static func find(_ name: String, in folders: [String]) -> String? {
        folders.lazy.map { $0 + "/" + name + ".yaml" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// A file's text.
    ///
    /// - Parameter missingFix: what to do when the file does not exist.
    static func readText(_ path: String, missingFix: String) throws(ConfigError) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(path: path, problem: "does not exist", fix: missingFix)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, problem: "cannot be read as UTF-8 text", fix: "check its permissions and encoding")
        }
        return text
    }
}

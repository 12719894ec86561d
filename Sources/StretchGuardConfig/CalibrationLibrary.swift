import Foundation

/// The wearer's calibrations on disk: one JSON file per calibration (`CalibrationRecord`), in one folder per
/// sensor, in the user's data directory.
///
/// Layout: `$XDG_DATA_HOME/stretchguard/calibrations/SENSOR-KEY/2026-11-21T10-22-05Z.json` (by default
/// `~/.local/share/stretchguard/calibrations/…`). Nothing is ever overwritten: `stretchguard calibrate`
/// adds a file, and `run` takes the newest one (by `created`) for the sensor it reads.
public struct CalibrationLibrary: Sendable {
    /// One calibration file found by ``all()``: its record, or why it cannot be read.
    public struct Entry: Sendable {
        /// The file.
        public var path: String
        /// The folder it is in: the sensor's key (`CalibrationRecord.SensorIdentity.key`).
        public var sensorKey: String
        /// The record, or what is wrong with the file.
        public var record: Result<CalibrationRecord, ConfigError>
    }

    /// The application's folder inside the XDG data directory.
    public static let applicationFolder = "stretchguard"
    /// The calibrations' folder inside the application's folder.
    public static let calibrationsFolder = "calibrations"

    /// The folder holding one sub-folder per sensor; empty when the environment gave no place for it (then
    /// ``save(_:)`` and ``latest(for:)`` throw, saying so).
    public var directory: String

    /// The library in the given folder (tests, `--calibrations`-style overrides).
    public init(directory: String) {
        self.directory = Self.trimmingTrailingSlashes(directory)
    }

    /// The user's library: `$XDG_DATA_HOME/stretchguard/calibrations`, or
    /// `$HOME/.local/share/stretchguard/calibrations` when `XDG_DATA_HOME` is unset, empty or relative (the
    /// XDG specification says to ignore a relative one).
    ///
    /// - Parameter environment: the process environment (pass `ProcessInfo.processInfo.environment`; tests
    ///   pass their own so that they never touch the real home folder).
    public init(environment: [String: String]) {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = Self.trimmingTrailingSlashes(xdg)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            dataHome = Self.trimmingTrailingSlashes(home) + "/.local/share"
        } else {
            directory = ""
            return
        }
        directory = dataHome + "/" + Self.applicationFolder + "/" + Self.calibrationsFolder
    }

    /// The folder for one sensor's calibrations.
    public func folder(for sensor: CalibrationRecord.SensorIdentity) -> String {
        directory + "/" + sensor.key
    }

    /// Writes a new calibration file, atomically (a crash leaves either no file or the whole file).
    ///
    /// The file is named by the record's sensor and UTC creation time, e.g.
    /// `simulated/2026-11-21T10-22-05Z.json`; a second calibration in the same second gets `…Z-2.json`.
    ///
    /// - Returns: the file's path.
    public func save(_ record: CalibrationRecord) throws(ConfigError) -> String {
        try requireDirectory()
        let folder = folder(for: record.sensor)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ConfigError(path: folder, problem: "cannot be created (\(Self.reason(error)))",
                              fix: "check the permissions of \(directory), or set XDG_DATA_HOME to a writable folder")
        }
        let stem = Self.fileStem(for: record.created)
        var path = folder + "/" + stem + ".json"
        var counter = 2
        while FileManager.default.fileExists(atPath: path) {
            path = folder + "/" + stem + "-\(counter).json"
            counter += 1
        }
        let data: Data
        do {
            data = try record.encoded()
        } catch {
            throw ConfigError(path: path, problem: "cannot be encoded (\(error))",
                              fix: "this is a bug: the baseline holds a value JSON cannot store (NaN?)")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ConfigError(path: path, problem: "cannot be written (\(Self.reason(error)))",
                              fix: "check the free space and permissions of \(folder)")
        }
        return path
    }

    /// The newest calibration (by `created`) for `sensor`, or nil when there is none.
    ///
    /// Older files that cannot be read are passed over (``all()`` lists them); a file that cannot be read
    /// but is newer than every good one (by its name's time stamp, else its modification time) is an error
    /// naming it, never silently skipped: using an older calibration instead would be a surprise.
    public func latest(for sensor: CalibrationRecord.SensorIdentity) throws(ConfigError) -> (record: CalibrationRecord, path: String)? {
        try requireDirectory()
        var best: (record: CalibrationRecord, path: String)?
        var newestBad: (error: ConfigError, time: Date, path: String)?
        for path in Self.jsonFiles(in: folder(for: sensor)) {
            do throws(ConfigError) {
                let record = try Self.read(path, for: sensor)
                if let current = best, (current.record.created, current.path) >= (record.created, path) { continue }
                best = (record, path)
            } catch {
                let time = Self.fileTime(path)
                if let bad = newestBad, (bad.time, bad.path) >= (time, path) { continue }
                newestBad = (error, time, path)
            }
        }
        if let bad = newestBad, best.map({ bad.time >= $0.record.created }) ?? true {
            throw bad.error
        }
        return best
    }

    /// Every calibration file in the library, newest first (files that cannot be read are listed with the
    /// reason, ordered by their name's time stamp or modification time).
    public func all() -> [Entry] {
        guard !directory.isEmpty else { return [] }
        let manager = FileManager.default
        let folders = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        var entries: [(entry: Entry, time: Date)] = []
        for key in folders {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: directory + "/" + key, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for path in Self.jsonFiles(in: directory + "/" + key) {
                do throws(ConfigError) {
                    let record = try Self.read(path, for: nil)
                    entries.append((Entry(path: path, sensorKey: key, record: .success(record)), record.created))
                } catch {
                    entries.append((Entry(path: path, sensorKey: key, record: .failure(error)), Self.fileTime(path)))
                }
            }
        }
        return entries.sorted { ($0.time, $0.entry.path) > ($1.time, $1.entry.path) }.map(\.entry)
    }

    /// Reads and checks one calibration file (kind, version, and the sensor when one is given).
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - sensor: the sensor in use, or nil to accept any.
    public static func read(_ path: String, for sensor: CalibrationRecord.SensorIdentity?) throws(ConfigError) -> CalibrationRecord {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigError(path: path, problem: exists ? "cannot be read" : "does not exist",
                              fix: exists ? "check its permissions" : "check the path (`stretchguard calibrate --list` lists the calibrations)")
        }
        return try CalibrationRecord.decode(data, path: path, for: sensor)
    }

    // MARK: - Internals

    private func requireDirectory() throws(ConfigError) {
        guard directory.isEmpty else { return }
        throw ConfigError(path: "calibrations", problem: "have no place: neither XDG_DATA_HOME nor HOME is set to an absolute folder",
                          fix: "set XDG_DATA_HOME (or HOME) to a folder")
    }

    /// `2026-11-21T10-22-05Z`: ISO 8601 in UTC with `-` for `:` (safe in every file system).
    static func fileStem(for date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH-mm-ss'Z'"
        return formatter.string(from: date)
    }

    /// The time in a file's name (`2026-11-21T10-22-05Z[-2].json`), else its modification time, else the
    /// distant past.
    static func fileTime(_ path: String) -> Date {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH-mm-ss'Z'"
        if let date = formatter.date(from: String(name.prefix(20))) { return date }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return attributes?[.modificationDate] as? Date ?? .distantPast
    }

    /// The `.json` files in a folder (none when it does not exist), sorted by name.
    private static func jsonFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}

import Foundation
import Testing
@testable import StretchGuardConfig

/// A throw-away folder tree standing in for $HOME, $XDG_CONFIG_HOME and /etc.
private final class Scratch {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sg-hw-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var home: String { root + "/home" }
    var xdg: String { root + "/xdg" }
    var system: String { root + "/etc/stretchguard/hardware.yaml" }
    var homeFile: String { home + "/.config/stretchguard/hardware.yaml" }
    var xdgFile: String { xdg + "/stretchguard/hardware.yaml" }

    /// Writes a config whose repeat interval marks which file it is.
    @discardableResult
    func write(_ path: String, repeat seconds: Int) throws -> String {
        try write(path, text: "feedback:\n  repeat_interval_s: \(seconds)\n")
    }

    @discardableResult
    func write(_ path: String, text: String) throws -> String {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

@Suite struct HardwareConfigLoaderTests {
    @Test func theSearchPathsFollowXDG() {
        #expect(HardwareConfigFile.searchPaths(environment: ["HOME": "/home/pi"])
            == ["/home/pi/.config/stretchguard/hardware.yaml", "/etc/stretchguard/hardware.yaml"])
        #expect(HardwareConfigFile.searchPaths(environment: ["HOME": "/home/pi", "XDG_CONFIG_HOME": "/cfg/"], systemPath: "/s.yaml")
            == ["/cfg/stretchguard/hardware.yaml", "/s.yaml"])
        // A relative or empty XDG_CONFIG_HOME is ignored (the XDG spec); no HOME means no user file.
        #expect(HardwareConfigFile.searchPaths(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "cfg"])[0] == "/h/.config/stretchguard/hardware.yaml")
        #expect(HardwareConfigFile.searchPaths(environment: ["HOME": "/h", "XDG_CONFIG_HOME": ""])[0] == "/h/.config/stretchguard/hardware.yaml")
        #expect(HardwareConfigFile.searchPaths(environment: [:]) == ["/etc/stretchguard/hardware.yaml"])
    }

    @Test func eachPlaceWinsOverTheOnesAfterIt() throws {
        let s = try Scratch()
        let env = ["HOME": s.home, "XDG_CONFIG_HOME": s.xdg]
        func load(_ explicit: String? = nil, _ env: [String: String] = env) throws -> LoadedHardwareConfig {
            try HardwareConfigFile.load(explicitPath: explicit, environment: env, systemPath: s.system)
        }
        // Nothing anywhere: the built-in defaults, naming the places looked at.
        var loaded = try load()
        #expect(loaded.config == .defaults && loaded.source.kind == .builtIn && loaded.source.path == nil)
        #expect(loaded.source.searched == [s.xdgFile, s.system])
        #expect(loaded.source.description == "built-in defaults (no file at \(s.xdgFile), \(s.system))")

        try s.write(s.system, repeat: 1)
        loaded = try load()
        #expect(loaded.config.feedback.repeatInterval == 1 && loaded.source.kind == .system && loaded.source.path == s.system)
        #expect(loaded.source.description == "\(s.system) (system config)")

        try s.write(s.homeFile, repeat: 2)  // not searched while XDG_CONFIG_HOME is set
        #expect(try load().source.kind == .system)
        loaded = try load(nil, ["HOME": s.home])
        #expect(loaded.config.feedback.repeatInterval == 2 && loaded.source.kind == .user && loaded.source.path == s.homeFile)

        try s.write(s.xdgFile, repeat: 3)
        loaded = try load()
        #expect(loaded.config.feedback.repeatInterval == 3 && loaded.source.kind == .user && loaded.source.path == s.xdgFile)

        let explicit = try s.write(s.root + "/mine.yaml", repeat: 4)
        loaded = try load(explicit)
        #expect(loaded.config.feedback.repeatInterval == 4 && loaded.source.kind == .commandLine)
        #expect(loaded.source.searched == [explicit] && loaded.source.description == "\(explicit) (--config)")
    }

    @Test func aMissingExplicitFileIsAnErrorNotAFallBack() throws {
        let s = try Scratch()
        try s.write(s.system, repeat: 1)
        do {
            _ = try HardwareConfigFile.load(explicitPath: s.root + "/nope.yaml", environment: [:], systemPath: s.system)
            Issue.record("a missing --config file was accepted")
        } catch {
            #expect(error.path == s.root + "/nope.yaml" && error.problem == "does not exist" && error.fix.contains("--config"))
        }
    }

    @Test func aBrokenFileIsReportedNotSkipped() throws {
        let s = try Scratch()
        try s.write(s.system, repeat: 1)
        try s.write(s.homeFile, text: "imu:\n  adress: 0x68\n")
        do {
            _ = try HardwareConfigFile.load(explicitPath: nil, environment: ["HOME": s.home], systemPath: s.system)
            Issue.record("the broken user file was skipped")
        } catch {
            #expect(error.path == s.homeFile && error.line == 2 && error.field == "imu.adress")
            #expect(error.fix.contains("did you mean 'address'?"))
        }
    }

    @Test func aFolderOrADanglingLinkIsReported() throws {
        let s = try Scratch()
        try FileManager.default.createDirectory(atPath: s.homeFile, withIntermediateDirectories: true)
        #expect(throws: ConfigError(path: s.homeFile, problem: "is a folder, not a file",
                                    fix: "give the path of the hardware.yaml inside it")) {
            try HardwareConfigFile.load(explicitPath: nil, environment: ["HOME": s.home], systemPath: s.system)
        }
        let link = s.xdgFile
        try FileManager.default.createDirectory(atPath: s.xdg + "/stretchguard", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: s.root + "/gone.yaml")
        do {
            _ = try HardwareConfigFile.load(explicitPath: nil, environment: ["XDG_CONFIG_HOME": s.xdg], systemPath: s.system)
            Issue.record("a dangling link was skipped")
        } catch {
            #expect(error.path == link && error.problem == "does not exist")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func anUnreadableFileSaysPermissionDenied() throws {
        let s = try Scratch()
        try s.write(s.system, repeat: 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o200], ofItemAtPath: s.system)
        do {
            _ = try HardwareConfigFile.load(explicitPath: nil, environment: [:], systemPath: s.system)
            Issue.record("an unreadable file was accepted")
        } catch {
            #expect(error.problem.contains("permission denied") && error.fix.contains("chmod a+r \(s.system)"))
        }
    }

    @Test func notUTF8IsReported() throws {
        let s = try Scratch()
        #expect(FileManager.default.createFile(atPath: s.root + "/latin1.yaml", contents: Data([0x69, 0x6D, 0x75, 0x3A, 0xFF, 0x0A])))
        #expect(throws: ConfigError.self) { try HardwareConfigFile.loadFile(s.root + "/latin1.yaml") }
    }
}

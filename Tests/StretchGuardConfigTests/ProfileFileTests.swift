import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardConfig

/// The repository's `Calibration/profiles` folder.
let profilesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Calibration/profiles").path

@Suite struct ProfileFileTests {
    @Test func everyShippedProfileLoadsAndIsConsistent() throws {
        let library = ProfileLibrary(directories: [profilesFolder])
        let names = library.names()
        for expected in ["general", "standing-hamstring", "chair-hamstring", "side-stretch", "mckenzie-extension", "cat-cow"] {
            #expect(names.contains(expected))
        }
        for name in names {
            let profile = try library.load(name)
            #expect(profile.name == name)
            #expect(profile.inconsistencies.isEmpty)
        }
    }

    @Test func valuesAreConvertedFromDegreesAndSeconds() throws {
        let profile = try ProfileLibrary(directories: [profilesFolder]).load("standing-hamstring")
        #expect(profile.hold.position == .flexion)
        #expect(abs(profile.hold.enterAngle - 25 * degree) < 1e-12)
        #expect(profile.hold.target == 30)
        #expect(profile.forSession(1).hold.target == 15)
        #expect(profile.forSession(3).hold.target == 25)
        #expect(profile.forSession(10).hold.target == 30)
        let general = try ProfileFile.parse("impact:\n  threshold_g: 4\n", path: "x.yaml")
        #expect(abs(general.impact.threshold - 4 * standardGravity) < 1e-9)
        #expect(general.twist == TwistMonitor.Settings())  // missing fields keep the defaults
    }

    @Test func theHipCuesAreOnWhereTheyMakeSenseAndOffElsewhere() throws {
        let library = ProfileLibrary(directories: [profilesFolder])
        let hamstring = try library.load("standing-hamstring")
        #expect(hamstring.hipHinge.enabled && hamstring.hipsStill.enabled)
        #expect(abs(hamstring.hipHinge.maxLumbarShare - 0.6) < 1e-12)
        let general = try library.load("general")
        #expect(!general.hipHinge.enabled && !general.hipsStill.enabled)
        #expect(try !library.load("mckenzie-extension").hipHinge.enabled, "a backward bend has no hip hinge to judge")
        let parsed = try ProfileFile.parse("hips_still:\n  enabled: true\n  alert_deg: 12\n  clear_deg: 8\n", path: "x.yaml")
        #expect(parsed.hipsStill.enabled && abs(parsed.hipsStill.alertAngle - 12 * degree) < 1e-12)
    }

    @Test func theShippedGeneralFileMatchesTheBuiltInDefault() throws {
        let file = try ProfileLibrary.loadFile(profilesFolder + "/general.yaml")
        var builtIn = FormProfile.general
        builtIn.summary = file.summary
        #expect(file == builtIn)
    }

    @Test(arguments: [
        ("twist:\n  alert_deg: 200\n", "twist.alert_deg", 2, "out of range"),
        ("twist:\n  alret_deg: 15\n", "twist.alret_deg", 2, "not a profile field"),
        ("hold:\n  target_s: soon\n", "hold.target_s", 2, "not a number"),
        ("hold:\n  position: sideways\n", "hold.position", 2, "not a position"),
        ("colour: red\n", "colour", 1, "not a profile field"),
        ("twist: 12\n", "twist", 1, "is a section, not a value"),
        ("name: \"x\\e[2Jy\"\n", "name", 1, "holds control characters"),
        ("twist:\n  alert_deg: 10\n  clear_deg: 12\n", "twist", nil, "contradict"),
        ("hip_hinge:\n  enabled: maybe\n", "hip_hinge.enabled", 2, "not true or false"),
        ("hip_hinge:\n  max_lumbar_share: 2\n", "hip_hinge.max_lumbar_share", 2, "out of range"),
        ("hip_hinge:\n  max_lumbar_share: 0.4\n  clear_lumbar_share: 0.5\n", "hip_hinge", nil, "contradict"),
        ("hips_still:\n  alert_deg: 5\n  clear_deg: 8\n", "hips_still", nil, "contradict"),
    ] as [(String, String, Int?, String)])
    func badValuesNameTheFieldAndLine(text: String, field: String, line: Int?, problem: String) {
        #expect {
            _ = try ProfileFile.parse(text, path: "bad.yaml")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.field == field && error.line == line && error.problem.contains(problem)
                && error.description.hasPrefix("bad.yaml") && !error.fix.isEmpty
        }
    }

    @Test func brokenYamlAndUnknownNamesAreExplained() {
        #expect(throws: ConfigError.self) { try ProfileFile.parse("twist: [1, 2\n", path: "broken.yaml") }
        do {
            _ = try ProfileLibrary(directories: [profilesFolder]).load("hamstrings")
            Issue.record("an unknown name must fail")
        } catch {
            #expect(error.problem.contains("not a known exercise profile"))
            #expect(error.fix.contains("standing-hamstring"))
        }
    }
}

import Foundation
import StretchGuardCore
import StretchGuardSimulation
import Testing

/// The truth labels against the alert definitions, and the scenario suite against its stated verdicts.
@Suite struct TruthLabelTests {
    @Test func bounceLabelFollowsTheAlertDefinition() throws {
        let (_, truth) = try render("""
            sensor ideal
            still 3 s
            bend 40 over 2 s
            bounce 3 cycles at 1.5 Hz amplitude 3      # 6° p-p, in band, 6 reversals: alert
            hold 1 s
            bounce 4 cycles at 1.5 Hz amplitude 1.2    # 2.4° p-p: below threshold
            hold 1 s
            bounce 8 cycles at 6 Hz amplitude 3        # above the band
            hold 1 s
            bounce 2 cycles at 0.5 Hz amplitude 1.5    # 3° p-p, band edge, 4 reversals: alert
            hold 1 s
            bounce 1 cycles at 1 Hz amplitude 3        # 2 reversals, no full cycle: an overshoot, not a bounce
            hold 1 s
            catcow 1 cycles at 0.15 Hz amplitude 20    # below the band
            """)
        var runs: [(segment: String, rows: [TruthSample])] = []
        for row in truth {
            if runs.last?.segment == row.segment { runs[runs.count - 1].rows.append(row) } else { runs.append((row.segment, [row])) }
        }
        let bounces = runs.filter { $0.segment == "bounce" }
        #expect(bounces.count == 5)
        #expect(bounces[3].rows.allSatisfy { $0.bounceExpected && $0.bounceFrequency == 0.5 })
        #expect(reversals(bounces[3].rows.map(\.flexion)) == 4)
        #expect(bounces[4].rows.allSatisfy { !$0.bounceExpected })
        #expect(bounces[0].rows.allSatisfy { $0.bounceExpected && $0.bounceFrequency == 1.5 })
        let flexion = bounces[0].rows.map(\.flexion)
        #expect(abs((flexion.max()! - flexion.min()!) - 6 * degree) < 0.01 * degree)
        #expect(abs(flexion.max()! - 43 * degree) < 0.01 * degree)  // deeper first, about the held 40°
        #expect(reversals(flexion) == 6)
        for run in bounces[1...2] {
            #expect(run.rows.allSatisfy { !$0.bounceExpected && $0.bounceFrequency == 0 })
        }
        #expect(truth.filter { $0.segment != "bounce" }.allSatisfy { !$0.bounceExpected })
    }

    @Test func aBounceGivenInSecondsLastsWholeCycles() throws {
        let s = try scenario("still 3 s\nbounce 2.2 s at 1.5 Hz amplitude 3\nbreathe 2.2 s")
        #expect(abs(s.steps[1].duration - 2) < 1e-12)  // 3.3 cycles → 3
        #expect(abs(s.steps[2].duration - 2.2) < 1e-12)  // breathing may stop anywhere
    }

    @Test func sideBendBounceSwingsDeeperIntoTheSideBend() throws {
        let (_, truth) = try render("sensor ideal\nstill 3 s\nside -25 over 3 s\nbounce 2 cycles at 0.7 Hz amplitude 2 in side")
        let side = truth.filter { $0.segment == "bounce" }.map(\.sideBend)
        #expect(abs(side.min()! + 27 * degree) < 0.01 * degree && abs(side.max()! + 23 * degree) < 0.01 * degree)
        #expect(truth.filter { $0.segment == "bounce" }.allSatisfy { $0.bounceExpected && $0.bounceFrequency == 0.7 })
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func everySuiteScenarioParsesHasAFamilyStartsStillAndMeetsItsStatedVerdict(seed: UInt64) throws {
        let folder = repositoryRoot.appendingPathComponent("Calibration/scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".scenario") }.sorted()
        #expect(files.count >= 40)
        #expect(files.contains("demo.scenario"))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let s: Scenario
            do {
                s = try Scenario.parse(text, name: String(file.dropLast(".scenario".count)), seed: seed)
            } catch {
                Issue.record("\(error)")
                continue
            }
            let expected = try #require(s.expectedAlerts, "\(file) has no `expect` line")
            #expect(s.family != nil, "\(file) has no `family` line")
            #expect(s.startsMoving == (s.family == "late-start"), "\(file): only the late-start family starts moving")
            let (_, truth) = ScenarioRenderer(seed: seed).render(s)
            let baseline = truth.prefix { $0.time < Scenario.minimumBaseline }
            if !s.startsMoving {
                #expect(baseline.allSatisfy { $0.flexion == 0 && $0.sideBend == 0 && $0.twist == 0 && !$0.bounceExpected },
                        "\(file) moves in its first 2 s")
            }
            #expect(expected.contains(.bounce) == truth.contains { $0.bounceExpected }, "\(file) seed \(seed): bounce")
            #expect(expected.contains(.twist) == (longestTwist(truth) >= AlertDefinition.twistHold), "\(file) seed \(seed): twist")
            if file == "demo.scenario" {
                #expect((60...90).contains(s.duration) && expected == [.twist, .bounce])
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func theNaturalMovementFamilyHasNoTwistFaultAndNoBounceLabel(seed: UInt64) throws {
        let folder = repositoryRoot.appendingPathComponent("Calibration/scenarios")
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".scenario") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let s = try Scenario.parse(text, name: String(file.dropLast(".scenario".count)), seed: seed)
            guard s.family == "natural-movement" else { continue }
            checked += 1
            let (_, truth) = SimulationConditions.draw(seed: seed, for: s).render(s)
            #expect(!truth.contains { $0.bounceExpected }, "\(file) seed \(seed)")
            #expect(longestTwist(truth) < AlertDefinition.twistHold && !truth.contains { abs($0.twist) >= AlertDefinition.twistThreshold },
                    "\(file) seed \(seed)")
        }
        #expect(checked >= 6)
    }

    /// Direction changes of a sampled angle (ignoring flat stretches).
    private func reversals(_ values: [Double]) -> Int {
        var count = 0, direction = 0.0
        for (a, b) in zip(values, values.dropFirst()) where abs(b - a) > 1e-12 {
            let d = b > a ? 1.0 : -1.0
            if direction != 0 && d != direction { count += 1 }
            direction = d
        }
        return count
    }

    /// The longest time the truth twist stays at or beyond the alert threshold, in s.
    private func longestTwist(_ truth: [TruthSample]) -> Double {
        var longest = 0.0, start: Double?
        for row in truth {
            if abs(row.twist) >= AlertDefinition.twistThreshold {
                if start == nil { start = row.time }
                longest = max(longest, row.time - start!)
            } else {
                start = nil
            }
        }
        return longest
    }
}

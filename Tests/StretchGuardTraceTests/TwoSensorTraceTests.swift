import Foundation
import StretchGuardCore
import StretchGuardTestSupport
import Testing
@testable import StretchGuardTrace

/// The replay contract's optional pelvis columns: read when all six are there, a gap where a row leaves
/// them empty, errors that name the column; a trace with them replays the spine and writes the hips.
@Suite struct TwoSensorTraceTests {
    static let header = "t,gx,gy,gz,ax,ay,az,pgx,pgy,pgz,pax,pay,paz"

    /// The CSV text of samples, pelvis cells empty where a sample has no pelvis reading.
    static func csv(_ samples: [IMUSample]) -> String {
        var text = header + "\n"
        for s in samples {
            text += "\(s.time),\(s.gyr.x),\(s.gyr.y),\(s.gyr.z),\(s.acc.x),\(s.acc.y),\(s.acc.z),"
            if let p = s.pelvis {
                text += "\(p.gyr.x),\(p.gyr.y),\(p.gyr.z),\(p.acc.x),\(p.acc.y),\(p.acc.z)\n"
            } else {
                text += ",,,,,\n"
            }
        }
        return text
    }

    @Test func readsThePelvisColumnsAndEmptyCellsAsAGap() throws {
        let folder = ScratchFolder()
        let file = folder.write("two.csv", """
            pax,t,gx,gy,gz,ax,ay,az,pgx,pgy,pgz,pay,paz
            0.5,0,0.01,0.02,0.03,0.1,0.2,9.8,0.04,0.05,0.06,0.6,9.7
            ,0.01,0.01,0.02,0.03,0.1,0.2,9.8,,,,,
            0.5,0.02,0.01,0.02,0.03,0.1,0.2,9.8,0.04,0.05,0.06,1e9,9.7

            """)
        let trace = try TraceReader.read(path: file)
        #expect(trace.hasPelvis)
        #expect(trace.samples.count == 3)
        #expect(trace.samples[0].pelvis == PelvisReading(gyr: Vector3D(0.04, 0.05, 0.06), acc: Vector3D(0.5, 0.6, 9.7)))
        #expect(trace.samples[1].pelvis == nil, "empty pelvis cells: no reading at that tick")
        #expect(trace.samples[2].pelvis == nil, "a pelvis value beyond any IMU's range is left out, the thorax kept")
        #expect(trace.pelvisMissing == 2)
        let plain = try TraceReader.read(path: folder.write("one.csv", "t,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n"))
        #expect(!plain.hasPelvis && plain.samples[0].pelvis == nil)
    }

    @Test func someButNotAllPelvisColumnsIsAnErrorNamingTheMissingOnes() throws {
        let folder = ScratchFolder()
        let file = folder.write("part.csv", "t,gx,gy,gz,ax,ay,az,pgx,pgy,pgz\n0,0,0,0,0,0,9.8,0,0,0\n")
        let error = try #require(throws: TraceError.self) { try TraceReader.read(path: file) }
        let text = "\(error)"
        #expect(text.contains("pax,pay,paz") && text.contains("all six pelvis columns"), "\(text)")
    }

    @Test func aPelvisCellThatIsNotANumberNamesItsColumnAndLine() throws {
        let folder = ScratchFolder()
        let file = folder.write("bad.csv", "\(Self.header)\n0,0,0,0,0,0,9.8,0,0,0,0,oops,9.8\n")
        let error = try #require(throws: TraceError.self) { try TraceReader.read(path: file) }
        let text = "\(error)"
        #expect(text.contains("bad.csv:2:") && text.contains("'pay'") && text.contains("oops"), "\(text)")
    }

    @Test func aTwoSensorTraceReplaysTheSpineAndWritesTheHips() throws {
        // The whole body turns 90° (no twist), then the chest twists 25° over still hips.
        let motion = TwoSegmentMotion { t in
            .init(heading: 90 * TwoSegmentMotion.ramp(t, 4, 6) * degree,
                  twist: 25 * TwoSegmentMotion.ramp(t, 10, 11) * degree)
        }
        let folder = ScratchFolder()
        let file = folder.write("two.csv", Self.csv(motion.samples(duration: 14)))
        let trace = try TraceReader.read(path: file)
        let replayer = try SessionReplayer(trace: trace.samples, path: file, profile: .general)
        #expect(replayer.baseline.baseline.pelvis != nil)
        var writer = ReplayCSVWriter(twoSensors: true)
        var alerts: [Double] = []
        replayer.run { step in
            writer.append(step.frame)
            alerts += step.events.filter { $0.kind == .twistAlertStarted }.map(\.time)
        }
        #expect(alerts.count == 1 && alerts[0] > 10, "only the real twist alerts: \(alerts)")
        let lines = String(decoding: writer.buffer, as: UTF8.self).split(separator: "\n")
        #expect(lines[0].hasSuffix("hold_s,hip_flexion_deg,pelvis_twist_deg"))
        let columns = lines[0].split(separator: ",").map(String.init)
        let late = lines.last!.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let twist = try #require(Double(late[columns.firstIndex(of: "twist_deg")!]))
        let pelvisTwist = try #require(Double(late[columns.firstIndex(of: "pelvis_twist_deg")!]))
        #expect(abs(twist - 25) < 1.5, "the spine's twist: \(twist)")
        #expect(abs(pelvisTwist - 90) < 2, "the hips turned with the body: \(pelvisTwist)")
    }
}

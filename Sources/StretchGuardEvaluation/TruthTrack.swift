import Foundation
import StretchGuardSimulation

/// The truth of one scenario, per sample, as the scorer needs it.
public struct TruthTrack: Sendable {
    /// Sample times, in s.
    public var times: [Double] = []
    /// True flexion, in rad.
    public var flexion: [Double] = []
    /// True side bend, in rad.
    public var sideBend: [Double] = []
    /// True twist, in rad.
    public var twist: [Double] = []
    /// Whether a bounce meeting the alert definition is under way.
    public var bounceExpected: [Bool] = []
    /// The labelled bounce's frequency, in Hz (0 when none).
    public var bounceFrequency: [Double] = []
    /// True spinal twist (thorax relative to pelvis), in rad; empty unless the render had a pelvis sensor.
    public var spinalTwist: [Double] = []
    /// True lumbar flexion (the spine's forward bend over the pelvis), in rad; empty like `spinalTwist`.
    public var lumbarFlexion: [Double] = []
    /// True hip flexion (the pelvis's forward tilt), in rad; empty like `spinalTwist`.
    public var hipFlexion: [Double] = []

    /// Whether the truth has the spine (a two-sensor render): every row has it.
    public var hasSpine: Bool { !spinalTwist.isEmpty && spinalTwist.count == times.count }

    /// The track of rendered truth rows.
    public init(_ samples: [TruthSample]) {
        times = samples.map(\.time)
        flexion = samples.map(\.flexion)
        sideBend = samples.map(\.sideBend)
        twist = samples.map(\.twist)
        bounceExpected = samples.map(\.bounceExpected)
        bounceFrequency = samples.map(\.bounceFrequency)
        let spines = samples.compactMap(\.spine)
        if spines.count == samples.count, !spines.isEmpty {
            spinalTwist = spines.map(\.spinalTwist)
            lumbarFlexion = spines.map(\.lumbarFlexion)
            hipFlexion = spines.map(\.hipFlexion)
        }
    }

    /// Reads a truth CSV (`t,flexion_deg,side_bend_deg,twist_deg,segment,bounce_expected,bounce_hz`;
    /// columns by name, extra ones ignored; with `spinal_twist_deg`, `lumbar_flexion_deg`,
    /// `spine_side_bend_deg`, `hip_flexion_deg` and `pelvis_twist_deg` too, a two-sensor truth).
    public static func read(path: String) throws(EvaluationError) -> TruthTrack {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EvaluationError(path: path, problem: "cannot be read", fix: "check the path and permissions")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next() else {
            throw EvaluationError(path: path, problem: "is empty", fix: "write the header and one row per sample")
        }
        let names = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        func column(_ name: String) throws(EvaluationError) -> Int {
            guard let i = names.firstIndex(of: name) else {
                throw EvaluationError(path: path, problem: "has no '\(name)' column",
                                      fix: "the truth header needs t, flexion_deg, side_bend_deg, twist_deg, bounce_expected, bounce_hz")
            }
            return i
        }
        let (ti, wi, bi, fi) = (try column("t"), try column("twist_deg"), try column("bounce_expected"), try column("bounce_hz"))
        let (xi, si) = (try column("flexion_deg"), try column("side_bend_deg"))
        let spineColumns = SpinalTruth.columnNames.map { names.firstIndex(of: $0) }
        let spineIndices = spineColumns.compactMap { $0 }
        var samples: [TruthSample] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count >= names.count, let t = Double(cells[ti]), let w = Double(cells[wi]),
                  let b = Double(cells[bi]), let f = Double(cells[fi]), let x = Double(cells[xi]), let sb = Double(cells[si]) else {
                throw EvaluationError(path: "\(path):\(lineNumber)", problem: "is not a valid truth row",
                                      fix: "every row needs numbers in t, flexion_deg, side_bend_deg, twist_deg, bounce_expected, bounce_hz")
            }
            var spine: SpinalTruth?
            if spineIndices.count == SpinalTruth.columnNames.count {
                let values = spineIndices.map { Double(cells[$0]) }
                guard values.allSatisfy({ $0 != nil }) else {
                    throw EvaluationError(path: "\(path):\(lineNumber)", problem: "is not a valid truth row",
                                          fix: "every row needs numbers in \(SpinalTruth.columnNames.joined(separator: ", "))")
                }
                spine = SpinalTruth(degrees: values.compactMap { $0 })
            }
            samples.append(TruthSample(time: t, flexion: x * .pi / 180, sideBend: sb * .pi / 180, twist: w * .pi / 180, segment: "",
                                       bounceExpected: b != 0, bounceFrequency: f, spine: spine))
        }
        return TruthTrack(samples)
    }
}

/// A suite file that cannot be evaluated: the file, the problem and the fix.
public struct EvaluationError: Error, CustomStringConvertible {
    /// The file (or folder) at fault.
    public var path: String
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    /// An error about `path`.
    public init(path: String, problem: String, fix: String) {
        self.path = path
        self.problem = problem
        self.fix = fix
    }

    /// One line: `PATH: problem — fix`.
    public var description: String { "\(path): \(problem) — \(fix)" }
}

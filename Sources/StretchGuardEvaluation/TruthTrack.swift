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

    /// The track of rendered truth rows.
    public init(_ samples: [TruthSample]) {
        times = samples.map(\.time)
        flexion = samples.map(\.flexion)
        sideBend = samples.map(\.sideBend)
        twist = samples.map(\.twist)
        bounceExpected = samples.map(\.bounceExpected)
        bounceFrequency = samples.map(\.bounceFrequency)
    }

    /// Reads a truth CSV (`t,flexion_deg,side_bend_deg,twist_deg,segment,bounce_expected,bounce_hz`;
    /// columns by name, extra ones ignored).
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
            samples.append(TruthSample(time: t, flexion: x * .pi / 180, sideBend: sb * .pi / 180, twist: w * .pi / 180, segment: "",
                                       bounceExpected: b != 0, bounceFrequency: f))
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

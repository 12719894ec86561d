import Foundation
import Testing

/// A bad input for `replay` and what its one-line error must say.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var content: String?  // nil: the file does not exist
    var arguments: [String] = []
    var expected: [String]

    var testDescription: String { name }
}

private func stillRows(seconds: Double, rate: Double = 100, wobble: Double = 0) -> String {
    (0..<Int(seconds * rate)).map { i -> String in
        let t = Double(i) / rate
        return "\(t),\(wobble * Double(i % 7)),0,0,0.1,0.2,9.8"
    }.joined(separator: "\n")
}

let header = "t,gx,gy,gz,ax,ay,az\n"

let badInputs: [BadInput] = [
    BadInput(name: "missing file", content: nil, expected: ["missing.csv", "no such file"]),
    BadInput(name: "missing column", content: "t,gx,gy,gz,ax,az\n0,0,0,0,0,9.8\n",
             expected: ["missing.csv:1:", "missing column ay"]),
    BadInput(name: "non-numeric cell", content: header + stillRows(seconds: 0.05) + "\n0.05,0,zero,0,0,0,9.8\n",
             expected: ["missing.csv:7:", "'gy'", "'zero'"]),
    BadInput(name: "t not increasing", content: header + "0.02,0,0,0,0,0,9.8\n0.02,0,0,0,0,0,9.8\n",
             expected: ["missing.csv:3:", "strictly increase"]),
    BadInput(name: "empty file", content: "", expected: ["missing.csv:", "empty"]),
    BadInput(name: "header only", content: header, expected: ["missing.csv:", "no samples"]),
    BadInput(name: "fewer samples than the baseline", content: header + stillRows(seconds: 1),
             expected: ["missing.csv:", "fewer than the 2 s still stretch", "--baseline-seconds"]),
    BadInput(name: "never still", content: header + stillRows(seconds: 4, wobble: 0.3),
             expected: ["missing.csv:", "no still 2 s stretch in the first 30 s", "the stillest 2 s", "--baseline-search"]),
    BadInput(name: "accelerometer in g", content: header + (0..<300).map { "\(Double($0) / 100),0,0,0,0,0,1" }.joined(separator: "\n"),
             expected: ["missing.csv:2-202:", "m/s²"]),
]

@Suite struct ReplayCommandTests {
    @Test(arguments: badInputs)
    func badInputGivesOneClearLineAndNoOutput(_ bad: BadInput) throws {
        let folder = NSTemporaryDirectory() + "sg-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if let content = bad.content {
            _ = FileManager.default.createFile(atPath: folder + "/missing.csv", contents: Data(content.utf8))
        }
        let result = try CommandRunner.run(["replay", "missing.csv", "--output", "out.csv"] + bad.arguments, in: folder)
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        for fragment in bad.expected {
            #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)")
        }
        #expect(result.stderr.contains(" — "), "the message names a fix")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "missing.csv" }
        #expect(left.isEmpty, "no partial output: \(left)")
    }

    @Test func failedReplayLeavesAnEarlierOutputUntouched() throws {
        let folder = NSTemporaryDirectory() + "sg-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/out.csv", contents: Data("earlier\n".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/in.csv", contents: Data((header + "0,x,0,0,0,0,9.8\n").utf8))
        let result = try CommandRunner.run(["replay", "in.csv", "-o", "out.csv"], in: folder)
        #expect(result.status != 0)
        #expect(try String(contentsOfFile: folder + "/out.csv", encoding: .utf8) == "earlier\n")
    }

    @Test func outputFollowsTheContract() throws {
        let folder = NSTemporaryDirectory() + "sg-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Extra column, columns out of order, uneven time steps.
        var text = "note,az,ay,ax,gz,gy,gx,t\n"
        var t = 0.0
        for i in 0..<400 {
            t += i % 3 == 0 ? 0.013 : 0.007
            text += "n,9.8,0.1,0.2,0.001,\(i > 300 ? 0.5 : 0),0,\(t)\n"
        }
        _ = FileManager.default.createFile(atPath: folder + "/in.csv", contents: Data(text.utf8))
        let result = try CommandRunner.run(["replay", "in.csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.first == "t,qw,qx,qy,qz,twist_deg,flexion_deg,side_bend_deg,twist_alert,bounce_alert,holding,hold_s")
        #expect(rows.count == 401)
        let last = rows.last!.split(separator: ",").map { Double($0)! }
        #expect(last.count == 12)
        #expect(abs(last[0] - t) < 1e-6)
        let q = last[1...4].map { $0 * $0 }.reduce(0, +)
        #expect(abs(q - 1) < 1e-6)
        #expect(last[6] > 5, "the last 0.9 s turn about sensor y (forward bend) shows as flexion")
    }
}

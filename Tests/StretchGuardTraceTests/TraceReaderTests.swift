import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardTrace

/// A scratch folder for one test, removed afterwards.
final class ScratchFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "stretchguard-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` in the folder and returns its path.
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }

    /// Gzips `text` into `name` (with the system's gzip) and returns its path.
    func writeGzip(_ name: String, _ text: String) throws -> String {
        let plain = write(name + ".plain", text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(plain)' > '\(path)/\(name)'"]
        try process.run()
        process.waitUntilExit()
        return path + "/" + name
    }
}

@Suite struct TraceReaderTests {
    @Test func readsColumnsByNameInAnyOrderIgnoringExtras() throws {
        let folder = ScratchFolder()
        let file = folder.write("a.csv", """
            az,ay,ax,note,gz,gy,gx,t\r
            9.8,0.1,0.2,x,0.03,0.02,0.01,0.5\r
            9.7,0.1,0.2,y,0.03,0.02,0.01,0.51\r

            """)
        let samples = try TraceReader.read(path: file).samples
        #expect(samples.count == 2)
        #expect(samples[0] == IMUSample(time: 0.5, gyr: Vector3D(0.01, 0.02, 0.03), acc: Vector3D(0.2, 0.1, 9.8)))
        #expect(samples[1].time == 0.51 && samples[1].acc.z == 9.7)
    }

    @Test func readsGzipCompressedTraces() throws {
        let folder = ScratchFolder()
        var text = "t,gx,gy,gz,ax,ay,az\n"
        for i in 0..<5000 { text += "\(Double(i) * 0.005),0.001,0,0,0,0,9.81\n" }
        let file = try folder.writeGzip("b.csv.gz", text)
        let samples = try TraceReader.read(path: file).samples
        #expect(samples.count == 5000)
        #expect(samples.last!.time == 4999 * 0.005)
    }

    private func error(reading text: String, name: String = "bad.csv") -> TraceError? {
        let folder = ScratchFolder()
        let file = folder.write(name, text)
        do {
            _ = try TraceReader.read(path: file)
            return nil
        } catch {
            #expect(error.path == file)
            return error
        }
    }

    @Test func missingColumnIsNamed() throws {
        let e = try #require(error(reading: "t,gx,gy,gz,ax,ay\n0,0,0,0,0,0\n"))
        #expect(e.lines == 1...1)
        #expect(e.problem.contains("missing column az"))
    }

    @Test func nonNumericCellNamesLineAndColumn() throws {
        let e = try #require(error(reading: "t,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n0.01,0,abc,0,0,0,9.8\n"))
        #expect(e.lines == 3...3)
        #expect(e.problem.contains("'gy'") && e.problem.contains("'abc'"))
    }

    @Test func nonFiniteNumbersAreRejected() throws {
        let e = try #require(error(reading: "t,gx,gy,gz,ax,ay,az\n0,0,0,nan,0,0,9.8\n"))
        #expect(e.lines == 2...2)
    }

    @Test func timeMustStrictlyIncrease() throws {
        let e = try #require(error(reading: "t,gx,gy,gz,ax,ay,az\n0.02,0,0,0,0,0,9.8\n0.01,0,0,0,0,0,9.8\n"))
        #expect(e.lines == 3...3)
        #expect(e.problem.contains("not after"))
    }

    @Test func shortRowIsReported() throws {
        let e = try #require(error(reading: "t,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.8\n0.01,0,0\n"))
        #expect(e.lines == 3...3)
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(try #require(error(reading: "")).problem.contains("empty"))
        #expect(try #require(error(reading: "t,gx,gy,gz,ax,ay,az\n")).problem.contains("no samples"))
    }

    @Test func aByteOrderMarkBeforeTheHeaderIsSkipped() throws {
        let folder = ScratchFolder()
        let file = folder.write("bom.csv", "\u{FEFF}t,gx,gy,gz,ax,ay,az\n0,0,0,0,0,0,9.81\n0.01,0,0,0,0,0,9.81\n")
        #expect(try TraceReader.read(path: file).samples.count == 2)
    }

    @Test func aHugeCellIsShortenedAndEscapeCodesAreShownNotSent() throws {
        let cell = String(repeating: "x", count: 5_000_000)
        let huge = try #require(error(reading: "t,gx,gy,gz,ax,ay,az\n0,0,0,0,0,\(cell),9.81\n"))
        #expect(huge.description.count < 300, "the message copies the cell: \(huge.description.count) characters")
        #expect(huge.problem.contains("4999960 more characters"))
        let escape = try #require(error(reading: "t,gx,gy,gz,ax,ay,az\n0,0,0,0,0,\u{1B}[2J,9.81\n"))
        #expect(!escape.description.contains("\u{1B}") && escape.problem.contains("\\u{1B}[2J"))
    }

    @Test func aFolderIsNotATrace() throws {
        let folder = ScratchFolder()
        _ = folder.write("inside.csv", "t\n")
        let path = URL(fileURLWithPath: folder.write("x.csv", "")).deletingLastPathComponent().path
        let e = #expect(throws: TraceError.self) { try TraceReader.read(path: path) }
        #expect(e?.problem == "is a folder, not a trace file")
    }

    @Test func aRowBeyondAnyIMUsRangeIsLeftOutAndCounted() throws {
        var text = "t,gx,gy,gz,ax,ay,az\n"
        for i in 0..<100 { text += "\(Double(i) * 0.01),0,0,0,0,0,\(i == 40 ? "1e20" : "9.81")\n" }
        let folder = ScratchFolder()
        let trace = try TraceReader.read(path: folder.write("spike.csv", text))
        #expect(trace.samples.count == 99)
        #expect(trace.rejected.count == 1)
        #expect(trace.rejected.first?.line == 42 && trace.rejected.first?.column == "az")
        #expect(trace.rejected.description.contains("line 42, az = 1e+20 m/s²"))
        #expect(!trace.samples.contains { $0.acc.z > 100 })
    }

    @Test func missingFile() {
        #expect(throws: TraceError.self) { try TraceReader.read(path: "/nonexistent/trace.csv") }
    }

    @Test func corruptGzipIsReportedNotCrashed() throws {
        let folder = ScratchFolder()
        var text = "t,gx,gy,gz,ax,ay,az\n"
        for i in 0..<20000 { text += "\(Double(i) * 0.005),0.001,0.002,0.003,0.1,0.2,9.81\n" }
        let file = try folder.writeGzip("c.csv.gz", text)
        // Truncate the compressed file half-way.
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: file))
        let e = #expect(throws: TraceError.self) { try TraceReader.read(path: file) }
        #expect(e?.problem.contains("decompress") == true)
    }
}

@Suite struct FixedDecimalTests {
    private func format(_ v: Double, _ d: Int) -> String {
        var out: [UInt8] = []
        FixedDecimal.append(v, decimals: d, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func formatsWithFixedDecimals() {
        #expect(format(0, 3) == "0.000")
        #expect(format(-0.0125, 3) == "-0.013")
        #expect(format(12.5, 0) == "13")
        #expect(format(-0.0001, 3) == "0.000")
        #expect(format(1234.000000001, 9) == "1234.000000001")
        #expect(format(0.999999, 2) == "1.00")
        #expect(format(.nan, 2) == "nan")
    }
}

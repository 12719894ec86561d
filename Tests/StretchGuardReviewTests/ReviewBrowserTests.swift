import Foundation
import StretchGuardReview
import StretchGuardTestSupport
import Testing

/// Renders the HTML report in a real browser (headless Chromium): the screenshot must show the page —
/// many colours, the plot's lines and shaded alerts — and the DOM Chromium built must hold the plot, the
/// hold rows and the title. Without Chromium the test fails and says how to install it.
///
/// The report and the screenshot stay in `$STRETCHGUARD_BROWSER_CHECK_DIR` (default: the system's
/// temporary folder, `stretchguard-browser-check/`) for a human to look at. `$STRETCHGUARD_CHROMIUM` names
/// another browser binary.
@Suite("Review report in a real browser")
struct ReviewBrowserTests {
    /// The folder the report and the screenshot are left in.
    static let folder: String = {
        let base = ProcessInfo.processInfo.environment["STRETCHGUARD_BROWSER_CHECK_DIR"]
            ?? NSTemporaryDirectory() + "stretchguard-browser-check"
        return base.hasSuffix("/") ? String(base.dropLast()) : base
    }()

    @Test("Chromium draws the report: a non-blank screenshot with the plot, and the key elements in its DOM")
    func chromiumRendersTheReport() throws {
        guard let chromium = ChromiumBinary.find() else {
            Issue.record(Comment(rawValue: ChromiumBinary.missing("the HTML report")))
            return
        }
        let fixture = try ReviewFixture(stopAt: [49], gap: 60..<60.5)
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
        let report = Self.folder + "/report.html", screenshot = Self.folder + "/report.png"
        try? FileManager.default.removeItem(atPath: screenshot)
        try HTMLReport(timeZone: utc).render(analysis).write(toFile: report, atomically: true, encoding: .utf8)

        // The DOM after Chromium parsed and laid out the page.
        let dom = try Self.run(chromium, ["--dump-dom", "file://" + report])
        #expect(dom.status == 0, "chromium --dump-dom failed: \(dom.errors)")
        #expect(dom.output.contains("<svg id=\"posture-plot\""))
        #expect(dom.output.contains("<h1 id=\"title\">Session \(fixture.session) · Monday 16 June 2025, 09:30</h1>"))
        #expect(occurrences(of: "<tr class=\"hold-row", in: dom.output) == analysis.holds.count)
        #expect(occurrences(of: "class=\"alert-twist\"", in: dom.output) == 1)
        #expect(occurrences(of: "class=\"alert-bounce\"", in: dom.output) == 1)
        #expect(dom.output.contains(">stop / it hurts</text>"))

        // The pixels.
        let shot = try Self.run(chromium, ["--screenshot=" + screenshot, "--window-size=1200,1600", "file://" + report])
        #expect(shot.status == 0, "chromium --screenshot failed: \(shot.errors)")
        let image = try PNGImage(data: try Data(contentsOf: URL(fileURLWithPath: screenshot)))
        #expect(image.width == 1200 && image.height == 1600)
        let colours = Set(image.pixels.map { Int($0.x) << 16 | Int($0.y) << 8 | Int($0.z) })
        #expect(colours.count > 200, "only \(colours.count) colours: the page looks blank")
        let white = image.count(near: SIMD3(255, 255, 255), tolerance: 2)
        #expect(Double(white) / Double(image.pixels.count) < 0.9, "the page is almost all white")
        // On screen: the flexion line (#2563eb), the twist line (#7c3aed), and the shading over white of the
        // holds (#22c55e at 13 %: about (226, 247, 234)), the twist alert (#ef4444 at 25 %: (251, 208, 208))
        // and the bounce alert (#f97316 at 25 %: (253, 220, 197)).
        #expect(image.count(near: SIMD3(0x25, 0x63, 0xEB), tolerance: 40) > 300, "no flexion line")
        #expect(image.count(near: SIMD3(0x7C, 0x3A, 0xED), tolerance: 40) > 300, "no twist line")
        #expect(image.count(near: SIMD3(226, 247, 234), tolerance: 8) > 5000, "no hold bands")
        #expect(image.count(near: SIMD3(251, 208, 208), tolerance: 12) > 500, "no shaded twist alert")
        #expect(image.count(near: SIMD3(253, 220, 197), tolerance: 12) > 500, "no shaded bounce alert")
        print("browser check: screenshot at \(screenshot)")
    }

    /// Runs headless Chromium with the check's flags, at most 60 s.
    static func run(_ chromium: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--hide-scrollbars", "--user-data-dir=" + folder + "/profile-\(UUID().uuidString)"]
            + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        if let profile = process.arguments?.first(where: { $0.hasPrefix("--user-data-dir=") }) {
            try? FileManager.default.removeItem(atPath: String(profile.dropFirst("--user-data-dir=".count)))
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}

import Foundation

/// Headless Chromium started with its DevTools protocol on a free port
/// (`--headless=new --no-sandbox --disable-gpu --remote-debugging-port=0 about:blank`), for a test to drive
/// over ``DevToolsSession``. Its profile and its log live in a fresh temporary folder; ``close()`` ends the
/// browser (by its process id: SIGTERM, then SIGKILL after 5 s) and removes the folder.
final class HeadlessChromium {
    /// The browser's DevTools WebSocket URL (`ws://127.0.0.1:PORT/devtools/browser/ID`).
    let devToolsURL: String
    private let process: Process
    private let folder: String

    private init(process: Process, folder: String, devToolsURL: String) {
        self.process = process
        self.folder = folder
        self.devToolsURL = devToolsURL
    }

    /// Starts `binary` and waits (at most `timeout`, in s) for the `DevTools listening on ws://…` line on
    /// its standard error.
    ///
    /// - Parameters:
    ///   - width, height: the window, in CSS pixels.
    /// - Throws: ``BrowserTestError`` with Chromium's own output when it exits or says nothing in time
    ///   (then it is ended before the error is thrown).
    static func launch(_ binary: String, width: Int, height: Int, timeout: Double = 120) async throws -> HeadlessChromium {
        let folder = NSTemporaryDirectory() + "stretchguard-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let logPath = folder + "/stderr.log"
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else {
            throw BrowserTestError("cannot create Chromium's log file \(logPath)")
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--hide-scrollbars", "--no-first-run", "--remote-debugging-port=0",
                             // The WebSocket client sends `Origin: ws://127.0.0.1`; Chromium refuses unlisted origins.
                             "--remote-allow-origins=ws://127.0.0.1",
                             "--window-size=\(width),\(height)", "--user-data-dir=" + folder + "/profile", "about:blank"]
        process.standardOutput = FileHandle.nullDevice
        // A file, not a pipe: Chromium keeps writing to it and a pipe nobody drains would stall it.
        process.standardError = log
        try process.run()
        let browser = HeadlessChromium(process: process, folder: folder, devToolsURL: "")
        let started = ContinuousClock.now
        var text = ""
        do {
            while ContinuousClock.now - started < .seconds(timeout) {
                text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                if let url = devToolsURL(in: text) {
                    return HeadlessChromium(process: process, folder: folder, devToolsURL: url)
                }
                if !process.isRunning {
                    throw BrowserTestError("Chromium (\(binary)) exited with status \(process.terminationStatus) before "
                                           + "opening its DevTools port; its output:\n\(text)")
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        } catch {
            browser.close()
            throw error
        }
        browser.close()
        throw BrowserTestError("Chromium (\(binary)) did not print its DevTools URL within \(Int(timeout)) s; its output:\n\(text)")
    }

    /// The URL in Chromium's `DevTools listening on ws://…` line, or nil before it is printed.
    static func devToolsURL(in log: String) -> String? {
        for line in log.split(separator: "\n") {
            guard let range = line.range(of: "DevTools listening on ") else { continue }
            let url = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            if url.hasPrefix("ws://") { return url }
        }
        return nil
    }

    /// Ends the browser and removes its profile (safe to call twice).
    func close() {
        if process.isRunning {
            process.terminate()
            let deadline = ContinuousClock.now + .seconds(5)
            while process.isRunning && ContinuousClock.now < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// A browser test's setup failing, with what went wrong.
struct BrowserTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
